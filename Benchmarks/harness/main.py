"""`Benchmarks/run [--quick] [--only MEASURE,...]`: the whole suite, a Markdown table in Benchmarks/results/latest.md."""
import argparse
import hashlib
import json
import os
import shutil
import sys
import time
import traceback

import board
import cli
import machine
import micro
import peers
from data import SHAPES, DataCache, environment
from report import Report
from timing import Stats, checked

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def log(text):
    print(text, file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="Escalator's benchmark suite.")
    parser.add_argument("--quick", action="store_true", help="only the 1,000 and 10,000 stores, fewer runs")
    parser.add_argument("--no-peers", action="store_true", help="skip Taskwarrior and kanban-tui")
    parser.add_argument("--no-micro", action="store_true", help="skip the in-process micro-benchmarks")
    parser.add_argument("--output", default=os.path.join(ROOT, "Benchmarks", "results", "latest.md"))
    args = parser.parse_args()

    binary = os.path.join(ROOT, ".build", "static", "escalator")
    if not os.path.exists(binary):
        sys.exit("no static release binary: run `make release` (Benchmarks/run does)")
    for tool in ("tmux",):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed for the board measures")

    quick = args.quick
    runs = 5 if quick else 7
    sizes = ["1k", "10k"] if quick else ["1k", "10k", "100k"]
    cache = DataCache(os.path.join(ROOT, ".build", "bench-data"), binary, log)
    report = Report(quick=quick, machine=machine.describe(ROOT), runs=runs)
    report.load_before = machine.load()
    started = time.monotonic()

    def attempt(label, action):
        """One measure; a failure is reported in the table and the suite goes on."""
        log(f"· {label}")
        try:
            return action()
        except Exception as error:  # noqa: BLE001 — the report says what failed
            traceback.print_exc()
            report.problem(f"{label}: {error}")
            return None

    # Start-up alone (issue 14): the program's fixed cost, beside Taskwarrior's, the two interleaved
    # so a busy moment on the shared machine weighs on both.
    def versions():
        ours, theirs = [], []
        peer = not args.no_peers and shutil.which("task") is not None
        env = dict(os.environ, TASKRC="/dev/null")
        for _ in range(3 if quick else 5):
            ours.append(cli.version([binary, "--version"], 10))
            if peer:
                theirs.append(cli.version(["task", "--version"], 10, env=env))
        def merge(parts):
            stats = Stats([v for part in parts for v in part.values])
            stats.cpu = Stats([v for part in parts for v in part.cpu.values])
            return stats
        return merge(ours), (merge(theirs) if theirs else None)
    result = attempt("start-up (--version)", versions)
    if result:
        report.put("version", "any", result[0])
        if result[1] is not None:
            report.peer("Taskwarrior", "any", {"version": result[1]})

    for size in sizes + ["stress"]:
        shape = SHAPES[size]
        store = attempt(f"data {shape.name}", lambda: cache.store(shape))
        if store is None:
            continue
        rows = json.loads(checked([binary, "list", "--all", "--json", "--store", store], env=environment()))
        open_count = sum(1 for r in rows if r["status"] in peers.OPEN)
        resolved = sum(1 for r in rows if r["status"] == "resolved")
        report.shape(size, len(rows), open_count, resolved)
        log(f"== {shape.name}: {len(rows):,} escalations, {open_count:,} open, {resolved:,} resolved")

        if size != "stress":
            result = attempt(f"start-up {size}", lambda: cli.startup(binary, store, runs))
            if result:
                for label, (ms, mb) in result.items():
                    report.put(label, size, ms, mb)
            copy = cache.working_copy(shape, "transition")
            result = attempt(f"transition {size}", lambda: cli.transition(binary, copy, runs * 2))
            if result:
                report.put("transition", size, *result)

        result = attempt(f"board first frame {size}", lambda: board.first_frame(binary, store, runs))
        if result:
            report.put("first frame", size, result[0])
            if result[1] is not None:
                report.put("board memory", size, result[1])
        result = attempt(f"board keys {size}", lambda: board.keys(binary, store, 20 if quick else 40))
        if result:
            report.put("key", size, result[0])
            report.put("key bytes", size, result[1])

        if size == "stress":
            continue
        copy = cache.working_copy(shape, "board")
        result = attempt(f"card moves {size}", lambda: board.card_moves(binary, copy, 3 if quick else 5))
        if result:
            figures, problem = result
            if problem:
                report.problem(f"card moves {size}: {problem}")
            else:
                report.put("card move", size, figures[0])
                report.put("card move bytes", size, figures[1])
        copy = cache.working_copy(shape, "live")
        result = attempt(f"live propagation {size}", lambda: board.propagation(binary, copy, 5 if quick else 7))
        if result:
            tmux_first, live, polls = result
            report.note_tmux_first(size, tmux_first)
            if live:
                report.put("live", size, live)
                report.poll(size, polls)
        copy = cache.working_copy(shape, "writers")
        per_writer = 10 if quick else 20
        result = attempt(f"4 writers {size}", lambda: [cli.contention(binary, copy, 4, per_writer) for _ in range(1 if quick else 3)])
        if result:
            report.throughput(size, result)
        shutil.rmtree(cache.scratch, ignore_errors=True)

        if not args.no_peers:
            for peer in (peers.Taskwarrior, peers.KanbanTui):
                version, problem = peer.available()
                if problem:
                    report.peer_missing(peer.name, problem)
                    continue
                report.peer_version(peer.name, version)
                if peer is peers.KanbanTui and size == "100k":
                    report.peer_missing_size(peer.name, size, "its `task list` takes over a minute at 100,000 tasks; 1k and 10k only")
                    continue

                def measure_peer():
                    # Keyed by the items themselves, so a peer never keeps data an older generator made.
                    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:10]
                    root = os.path.join(ROOT, ".build", "bench-data", "peers")
                    folder = os.path.join(root, "kanban-tui" if peer is peers.KanbanTui else "taskwarrior")
                    if os.path.isdir(folder):
                        for old in os.listdir(folder):
                            if old.startswith(shape.key) and old != f"{shape.key}-{digest}":
                                shutil.rmtree(os.path.join(folder, old), ignore_errors=True)
                    instance = peer(root, f"{shape.key}-{digest}", rows)
                    return instance.measure(runs)

                result = attempt(f"{peer.name} {size}", measure_peer)
                if result:
                    figures, problem = result
                    if problem:
                        report.problem(f"{peer.name} {size}: {problem}")
                    else:
                        report.peer(peer.name, size, figures)

    if not args.no_micro:
        with open(os.path.join(ROOT, "Package.swift")) as f:
            package = f.read()
        for product, arguments in (("store-bench", []), ("board-bench", [])):
            if f'"{product}"' not in package:
                report.micro(product, None, f"{product} is not in this package yet; skipped")
                continue
            output, problem = attempt(product, lambda: micro.run_micro(ROOT, product, arguments)) or (None, "failed")
            report.micro(product, output, problem)

    report.load_after = machine.load()
    report.minutes = (time.monotonic() - started) / 60
    text = report.markdown()
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as f:
        f.write(text)
    print(text)
    log(f"written to {os.path.relpath(args.output, ROOT)}")


if __name__ == "__main__":
    main()
