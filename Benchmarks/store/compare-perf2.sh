#!/bin/bash
# Before/after the `perf2` branch, interleaved under the same load, on the same schema-2 stores
# (s10k, s100k from `escalator demo --count N --open M`) and `ids` (one open id of each) in $DIR.
BEFORE=${BEFORE:?the old escalator binary}; AFTER=${AFTER:-$PWD/.build/static/escalator}
cd "${DIR:-.}"
export ESCALATOR_NOW=2026-03-10T09:00:00Z ESCALATOR_USER=bench
read ID10 ID100 < ids
for n in 10k 100k; do
  ID=$([ $n = 10k ] && echo $ID10 || echo $ID100)
  rm -rf b$n a$n; cp -a s$n b$n; cp -a s$n a$n
  hyperfine -N -w 1 -r ${RUNS:-11} --export-json p2-$n.json \
    -n "before list --json $n" "$BEFORE list --json --store s$n" \
    -n "after list --json $n" "$AFTER list --json --store s$n" \
    -n "before update --note $n" "$BEFORE update $ID --note x --store b$n" \
    -n "after update --note $n" "$AFTER update $ID --note x --store a$n" > /dev/null
done
hyperfine -N -w 0 -r 3 --export-json p2-all100k.json \
  -n "before list --all --json 100k" "$BEFORE list --all --json --store s100k" \
  -n "after list --all --json 100k" "$AFTER list --all --json --store s100k" > /dev/null
python3 - <<'PY'
import json
for f in ['p2-10k.json', 'p2-100k.json', 'p2-all100k.json']:
    for r in json.load(open(f))['results']:
        print(f"{r['command']:34s} median {r['median']*1000:8.1f} ms  min {r['min']*1000:8.1f}  user {r['user']*1000:8.1f}")
PY
