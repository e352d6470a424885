"""The Markdown report: one row per measure, targets from issue 7, pass/fail, the peers' figures and ratios."""

# measure key → (label, unit, target at 10k, target at 100k); a target is a maximum, None means "no target".
MEASURES = [
    ("list --json", "`list --json` (open view), whole process", "ms", 100, 300),
    ("list --all --json", "`list --all --json` (with the archive)", "ms", "peer", 3000),
    ("show ID", "`show ID`, whole process", "ms", None, None),
    ("transition", "one transition committed (`update --note`), whole process", "ms", 30, 300),
    ("first frame", "board: launch to first full frame (pty, 160×48)", "ms", 150, 500),
    ("key", "board: key press to new frame (`j`/`k`)", "ms", 16, 16),
    ("key bytes", "board: bytes written for one cursor move", "B", None, None),
    ("card move", "board: `>` commits and the card changes column, key to frame", "ms", None, None),
    ("card move bytes", "board: bytes written for one card moving column", "B", None, None),
    ("live", "other process's change shown on the board (tmux)", "ms", 100, 100),
    ("board memory", "board: peak memory (RSS)", "MB", 60, 200),
]
# (our measure, size, Taskwarrior's measure, label, the largest ratio allowed)
AGAINST_TASKWARRIOR = [
    ("version", "any", "version", "start-up: `escalator --version` against `task --version`", 1.5),
    ("show ID", "1k", "info", "1k: `show ID` against `task N info`", 1.0),
    ("transition", "1k", "modify", "1k: `update ID --note` against `task N modify`", 1.0),
]
STRESS = [("first frame", "stress, 10,000 open: first frame", "ms", 600), ("key", "stress, 10,000 open: key press to frame", "ms", 16),
          ("board memory", "stress, 10,000 open: board peak memory", "MB", None)]


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "B":
        return f"{value:,.0f} B"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "/s":
        return f"{value:.1f}/s"
    return f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms"


def figure(stats, unit, memory=None):
    if stats is None:
        return "—"
    text = f"**{fmt(stats.median, unit)}** ({fmt(stats.low, unit).replace(' ' + unit, '')}–{fmt(stats.high, unit)})"
    if memory is not None:
        text += f", {memory.median:.0f} MB"
    return text


class Report:
    def __init__(self, quick, machine, runs):
        self.quick = quick
        self.machine = machine
        self.runs = runs
        self.figures = {}  # (measure, size) → (Stats, memory Stats or None)
        self.problems = []
        self.shapes = {}
        self.peers = {}  # (peer, size) → figures
        self.peer_notes = {}
        self.versions = {}
        self.micros = []
        self.tmux_first = {}
        self.polls = {}
        self.writers = {}
        self.load_before = self.load_after = ""
        self.minutes = 0

    def put(self, measure, size, stats, memory=None):
        self.figures[(measure, size)] = (stats, memory)

    def problem(self, text):
        self.problems.append(text)

    def shape(self, size, total, open_count, resolved=0):
        self.shapes[size] = (total, open_count, resolved)

    def peer(self, name, size, figures):
        self.peers[(name, size)] = figures

    def peer_missing(self, name, text):
        self.peer_notes[name] = text

    def peer_missing_size(self, name, size, text):
        self.peer_notes[f"{name} {size}"] = text

    def peer_version(self, name, version):
        self.versions[name] = version

    def micro(self, product, output, problem):
        self.micros.append((product, output, problem))

    def note_tmux_first(self, size, ms):
        self.tmux_first[size] = ms

    def poll(self, size, stats):
        self.polls[size] = stats

    def throughput(self, size, results):
        self.writers[size] = results

    def sizes(self):
        return [s for s in ("1k", "10k", "100k") if s in self.shapes]

    def verdict(self, measure, target, sizes_targets):
        results = []
        for size, limit in sizes_targets:
            got = self.figures.get((measure, size))
            if got is None or limit is None:
                continue
            if limit == "peer":
                tw = self.peers.get(("Taskwarrior", size))
                if tw is None or tw["export"].median is None:
                    continue
                limit = tw["export"].median
            results.append(got[0].median <= limit)
        if not results:
            return "—"
        return "pass" if all(results) else "**FAIL**"

    def peer_cells(self, measure, size):
        """The peers' figure and our ratio (ours ÷ theirs: below 1 means Escalator is faster)."""
        pairs = {"list --all --json": [("Taskwarrior", "export", "`task export`"), ("kanban-tui", "list", "`ktui task list --json`")],
                 "transition": [("Taskwarrior", "modify", "`task N modify`"), ("kanban-tui", "move", "`ktui task move`")]}
        ours = self.figures.get((measure, size))
        cells = []
        for name, key, label in pairs.get(measure, []):
            theirs = self.peers.get((name, size))
            # A peer that measured nothing is left out of the row, never a reason to lose the report.
            if theirs is None or ours is None or theirs.get(key) is None or theirs[key].median is None:
                continue
            ratio = ours[0].median / theirs[key].median
            cells.append(f"{label} {fmt(theirs[key].median, 'ms')} → ×{ratio:.2f}")
        return "; ".join(cells)

    def markdown(self):
        sizes = self.sizes()
        m = self.machine
        out = [f"# Escalator benchmarks{' (quick)' if self.quick else ''}", "",
               f"{m['date']} · commit {m['commit']} · {m['cpu']}, {m['cores']} cores, {m['memory']}, Linux {m['kernel']} · {m['swift']}",
               f"Load average at start {self.load_before}, at end {self.load_after} (the machine is shared: figures are noisy). "
               f"Whole run {self.minutes:.1f} min. Reproduce: `make bench` (or `Benchmarks/run --quick`).", "",
               "Stores: " + ", ".join(f"{s} = {t:,} escalations ({o:,} open, {r:,} resolved, the rest closed)" for s, (t, o, r) in self.shapes.items())
               + " (`demo --open N` asks for N not closed: open or resolved, as issue 7's shapes count them). "
               f"Release build; each figure is the **median** of {self.runs} or more runs after a warm-up, with (min–max), or (p10–p90) "
               "from 10 samples up; whole-process figures add the peak RSS. Ratios are Escalator ÷ peer: below 1 is faster.", ""]
        header = "| measure | " + " | ".join(f"{s}" for s in sizes) + " | target 10k / 100k | verdict | peers (same data, same run) |"
        out += [header, "|" + "---|" * (len(sizes) + 4)]
        for key, label, unit, t10, t100 in MEASURES:
            cells = []
            for size in sizes:
                got = self.figures.get((key, size))
                cells.append(figure(got[0], unit, got[1]) if got else "—")
            def target_text(t):
                if t is None:
                    return "—"
                if t == "peer":
                    return "≤ `task export`"
                return f"≤ {fmt(t, unit)}"
            targets = f"{target_text(t10)} / {target_text(t100)}" if (t10 or t100) else "—"
            verdict = self.verdict(key, None, [("10k", t10), ("100k", t100)])
            peer_text = " · ".join(f"{s}: {c}" for s in sizes if (c := self.peer_cells(key, s)))
            out.append(f"| {label} | " + " | ".join(cells) + f" | {targets} | {verdict} | {peer_text} |")
        throughput = []
        for size in sizes:
            runs = self.writers.get(size)
            if runs:
                rates = sorted(r[0] for r in runs)
                failures = sum(r[2] for r in runs)
                throughput.append(f"**{rates[len(rates) // 2]:.1f}/s** ({rates[0]:.1f}–{rates[-1]:.1f})" + (f", {failures} failed" if failures else ""))
            else:
                throughput.append("—")
        out.append("| commits per second, 4 writer processes at once (`update` each) | " + " | ".join(throughput) + " | — | — | |")
        out += ["", "Against Taskwarrior, same run (issue 14: start-up within 1.5×, and at 1k `update` and `show` no slower):", "",
                "| measure | Escalator | Taskwarrior | ratio | target | verdict | CPU time (user + system): Escalator, Taskwarrior, ratio |",
                "|---|---|---|---|---|---|---|"]
        for key, size, peer_key, label, limit in AGAINST_TASKWARRIOR:
            ours = self.figures.get((key, size))
            theirs = (self.peers.get(("Taskwarrior", size)) or {}).get(peer_key)
            ratio = ours[0].median / theirs.median if ours and theirs and theirs.median else None
            verdict = "—" if ratio is None else ("pass" if ratio <= limit else "**FAIL**")
            ours_cpu, theirs_cpu = getattr(ours[0], "cpu", None) if ours else None, getattr(theirs, "cpu", None)
            cpu = "—"
            if ours_cpu and theirs_cpu and theirs_cpu.median:
                cpu = f"{figure(ours_cpu, 'ms')}, {figure(theirs_cpu, 'ms')}, ×{ours_cpu.median / theirs_cpu.median:.2f}"
            out.append(f"| {label} | {figure(ours[0], 'ms') if ours else '—'} | {figure(theirs, 'ms') if theirs else '—'} | "
                       f"{'—' if ratio is None else f'×{ratio:.2f}'} | ≤ ×{limit:g} | {verdict} | {cpu} |")
        out += ["", "Stress shape (10,000 escalations, all open):", "", "| measure | figure | target | verdict |", "|---|---|---|---|"]
        for key, label, unit, target in STRESS:
            got = self.figures.get((key, "stress"))
            verdict = "—" if got is None or target is None else ("pass" if got[0].median <= target else "**FAIL**")
            out.append(f"| {label} | {figure(got[0], unit) if got else '—'} | {('≤ ' + fmt(target, unit)) if target else '—'} | {verdict} |")

        out += ["", "## How each figure is taken", "",
                "- Whole-process figures: wall time on the monotonic clock from spawn to exit, peak RSS (the median of 3 more runs) from `/usr/bin/time`, since Linux carries a process's peak across exec and a child forked from the harness would report the harness's size. "
                "The store is in the page cache (one warm-up run); every command runs with `ESCALATOR_NOW` fixed so reruns read the same store.",
                "- Board: the real `escalator board` in a pseudo-terminal of 160×48 (TERM=xterm-256color, UTF-8). A frame's time is the "
                "arrival of its **last byte** (the output burst ends when 80 ms pass with no byte), so no polling interval is added; "
                "bytes are everything written for that key. First frame: spawn to the last byte of the burst that draws the footer.",
                "- Card move: `l` focuses Acknowledged, `>` commits the move to In progress (the board's own commit with fsync, then "
                "the redraw); the store is checked afterwards to confirm every move happened.",
                "- Live: the board runs in tmux at 160×48; another process runs `escalator ack ID --owner …` on the selected card; "
                "the time is from that process's exit (its commit is durable) to the end of the first `capture-pane` showing the owner. "
                "It overstates by up to one capture interval: " + ", ".join(f"{s}: median {p.median:.1f} ms" for s, p in self.polls.items()) + ".",
                "- First frame seen through tmux (capture-pane polling, a cross-check of the pty figure): "
                + ", ".join(f"{s}: {ms:.0f} ms" for s, ms in self.tmux_first.items()) + ".",
                "- Start-up: `escalator --version` and `task --version` (no store, no configuration), 10 runs each in turns of "
                "3 (quick) or 5, interleaved; the figure is over all of them.",
                "- Against Taskwarrior: the verdict is on wall time, as everywhere here; beside it, the same runs' CPU time "
                "(user + system from `wait4`), which waiting for a core or for the disk (`update` syncs once, `task modify` "
                "four times) does not inflate.",
                "- Peers are loaded by writing their own data files (Taskwarrior's FF4 text files; kanban-tui's SQLite after its CLI "
                "made the board), since importing 100,000 items one command at a time takes hours. Their items carry id, title, "
                "status, category, severity and owner, but not the ~10-event history every escalation has, which favours them.", ""]
        if self.versions:
            out.append("Peers: " + ", ".join(f"{n} {v}" for n, v in self.versions.items()) + ".")
        for name, note in self.peer_notes.items():
            out.append(f"- {name}: {note}")
        if self.problems:
            out += ["", "## Problems in this run", ""] + [f"- {p}" for p in self.problems]
        for product, output, problem in self.micros:
            out += ["", f"## `{product}` (in-process)", ""]
            if problem:
                out.append(f"_{problem}_")
            if output:
                out += ["```", output, "```"]
        return "\n".join(out) + "\n"
