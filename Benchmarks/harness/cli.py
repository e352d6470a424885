"""Whole-process measures of the command line: start-up, one committed transition, writers under contention."""
import json
import os
import subprocess
import time

from data import environment
from timing import Stats, checked, peak_memory, run, wall_and_cpu


def open_ids(binary, store, status=None):
    """Open escalation ids as `list --json` orders them (most urgent first)."""
    argv = [binary, "list", "--json", "--store", store] + (["--status", status] if status else [])
    rows = json.loads(checked(argv, env=environment()))
    return [r["id"] for r in rows if r["status"] not in ("resolved", "closed")]


def version(argv, runs, env=None):
    """`argv` (e.g. `escalator --version`) `runs` times after one warm-up: the fixed cost of starting the program."""
    run(argv, env=env)
    samples = [run(argv, env=env) for _ in range(runs)]
    if any(s.status != 0 for s in samples):
        raise RuntimeError(f"{' '.join(argv)} failed")
    return wall_and_cpu(samples)


def startup(binary, store, runs):
    """`list --json`, `list --all --json` and `show ID`: wall time and peak RSS, each `runs` times after one warm-up."""
    env = environment()
    ident = open_ids(binary, store)[0]
    results = {}
    for label, argv in [("list --json", [binary, "list", "--json", "--store", store]),
                        ("list --all --json", [binary, "list", "--all", "--json", "--store", store]),
                        ("show ID", [binary, "show", ident, "--store", store])]:
        run(argv, env=env)  # warm the page cache: the figures are for a store already read once
        samples = [run(argv, env=env) for _ in range(runs)]
        if any(s.status != 0 for s in samples):
            raise RuntimeError(f"{' '.join(argv)} failed")
        results[label] = (wall_and_cpu(samples), peak_memory(argv, env=env))
    return results


def transition(binary, store, runs):
    """One `update ID --note …` per run, round robin over open escalations, in a working copy."""
    env = environment()
    ids = open_ids(binary, store)
    samples = []
    for i in range(runs + 1):
        r = run([binary, "update", ids[i % len(ids)], "--note", f"benchmark note {i} — naïve café 東京 🚀", "--store", store], env=env)
        if r.status != 0:
            raise RuntimeError(f"update failed with status {r.status}")
        if i > 0:  # the first one warms the cache
            samples.append(r)
    memory = peak_memory([binary, "update", ids[0], "--note", "benchmark note for the memory figure", "--store", store], env=env)
    return wall_and_cpu(samples), memory


def contention(binary, store, writers, per_writer):
    """`writers` processes at once, each committing `per_writer` notes on its own escalations; commits per second."""
    env = environment()
    env["ESCALATOR_LOCK_TIMEOUT"] = "30"
    ids = open_ids(binary, store)
    script = 'for id in "$@"; do "$BIN" update "$id" --note "contention note" --store "$STORE" >/dev/null 2>&1 || echo FAIL; done'
    env["BIN"], env["STORE"] = binary, store
    started = time.monotonic()
    processes = []
    for w in range(writers):
        mine = [ids[(w * per_writer + k) % len(ids)] for k in range(per_writer)]
        processes.append(subprocess.Popen(["sh", "-c", script, "writer"] + mine, env=env, stdout=subprocess.PIPE))
    failures = sum(p.communicate()[0].decode().count("FAIL") for p in processes)
    seconds = time.monotonic() - started
    commits = writers * per_writer - failures
    return commits / seconds, commits, failures, seconds
