#!/bin/bash
# Before/after, interleaved under the same load. Stores: s10k/s100k (schema 1, made by the old binary), v8s10k/v8s100k (schema 2, new binary); same demo data.
BEFORE=${BEFORE:?the old escalator binary}; AFTER=${AFTER:-$PWD/.build/static/escalator}
cd "${DIR:-.}"  # holds s10k s100k (old) v8s10k v8s100k (new) and ids
export ESCALATOR_NOW=2026-03-10T09:00:00Z ESCALATOR_USER=bench
read ID10 ID100 < ids  # one open id of each store, from `list --json`
for n in 10k 100k; do
  ID=$([ $n = 10k ] && echo $ID10 || echo $ID100)
  rm -rf s$n-copy v8s$n-copy; cp -a s$n s$n-copy; cp -a v8s$n v8s$n-copy
  hyperfine -N -w 1 -r ${RUNS:-7} --export-json cmp-$n.json \
    -n "before list --json $n" "$BEFORE list --json --store s$n" \
    -n "after list --json $n" "$AFTER list --json --store v8s$n" \
    -n "before show $n" "$BEFORE show $ID --store s$n" \
    -n "after show $n" "$AFTER show $ID --store v8s$n" \
    -n "before update --note $n" "$BEFORE update $ID --note x --store s$n-copy" \
    -n "after update --note $n" "$AFTER update $ID --note x --store v8s$n-copy" > /dev/null
done
hyperfine -N -w 0 -r 3 --export-json cmp-all10k.json \
  -n "before list --all --json 10k" "$BEFORE list --all --json --store s10k" \
  -n "after list --all --json 10k" "$AFTER list --all --json --store v8s10k" >/dev/null
hyperfine -N -w 0 -r ${RUNS_ALL:-3} --export-json cmp-all100k.json \
  -n "after list --all --json 100k" "$AFTER list --all --json --store v8s100k" >/dev/null
python3 - <<'PY'
import json,glob
for f in ['cmp-10k.json','cmp-100k.json','cmp-all10k.json','cmp-all100k.json']:
    for r in json.load(open(''+f))['results']:
        print(f"{r['command']:34s} median {r['median']*1000:9.1f} ms  min {r['min']*1000:9.1f}  user {r['user']*1000:8.1f}")
PY
