"""The board's measures: first frame, key to frame, bytes per change, peak memory, live propagation."""
import json
import os
import tempfile
import time

from cli import open_ids
from data import environment
from pty_board import PtyBoard
from timing import TIME, Stats, checked, run
from tmux_board import TmuxBoard


def first_frame(binary, store, runs):
    """Launch to the last byte of the first frame (footer drawn), in a pty at 160×48; and the peak RSS
    of a board that drew its first frame and quit, from three more runs under /usr/bin/time."""
    times, peaks = [], []
    for _ in range(runs + 1):
        board = PtyBoard(binary, store)
        done = board.until("quit")
        times.append((done - board.started) * 1000)
        board.quit()
    if os.path.exists(TIME):
        for _ in range(3):
            with tempfile.NamedTemporaryFile(prefix="peak-", delete=False) as f:
                path = f.name
            try:
                board = PtyBoard(binary, store, memory_path=path)
                board.until("quit")
                peak = board.quit()
            finally:
                os.unlink(path)
            if peak is not None:
                peaks.append(peak)
    return Stats(times[1:]), (Stats(peaks) if peaks else None)


def keys(binary, store, presses):
    """`j`/`k` alternately on the Routed column: key to the last byte of its frame, and bytes written."""
    board = PtyBoard(binary, store)
    board.until("quit")
    board.drain()
    latencies, sizes = [], []
    for i in range(presses):
        seconds, size = board.key("j" if i % 2 == 0 else "k")
        if seconds is not None:
            latencies.append(seconds * 1000)
            sizes.append(size)
    peak = board.quit()
    if not latencies:
        return None
    return Stats(latencies), Stats(sizes), peak


def status_count(binary, store, status):
    out = checked([binary, "list", "--json", "--status", status, "--store", store], env=environment())
    return len(json.loads(out))


def card_moves(binary, store, moves):
    """On a working copy: focus Acknowledged (`l`), then `>` moves the selected card to In progress
    (the board commits, then redraws; the cursor follows the card) and `h` goes back. Times the `>`
    from key to the end of its output, and counts its bytes; the store confirms the moves happened."""
    before = status_count(binary, store, "in_progress")
    board = PtyBoard(binary, store)
    board.until("quit")
    board.drain()
    board.key("l")
    board.drain()
    latencies, sizes = [], []
    for _ in range(moves):
        seconds, size = board.key(">")
        board.drain()  # the watcher's echo of our own commit, if it redraws anything
        if seconds is not None:
            latencies.append(seconds * 1000)
            sizes.append(size)
        board.key("h")  # the cursor followed the card to In progress: back to Acknowledged
        board.drain()
    board.quit()
    moved = status_count(binary, store, "in_progress") - before
    if moved != moves or not latencies:
        return None, f"expected {moves} cards to move, the store shows {moved}"
    return (Stats(latencies), Stats(sizes)), None


def propagation(binary, store, trials):
    """Another process acknowledges the selected Routed card; time from that process's exit (its commit
    is durable) to the tmux pane showing the new owner. Also the tmux-measured first frame."""
    pane = TmuxBoard(binary, store)
    began, finished, screen = pane.wait("q quit", "live")
    tmux_first = (finished - pane.started) * 1000
    results, polls = [], []
    env = environment("other")
    for i in range(trials):
        pane.send("h")
        pane.send("h")
        pane.send("g")
        time.sleep(0.3)
        _, _, screen = pane.wait("q quit")
        ident = pane.first_routed(screen)
        if ident is None:
            break
        owner = f"Zoe Q{i}"
        r = run([binary, "ack", ident, "--owner", owner, "--store", store], env=env)
        committed = time.monotonic()
        if r.status != 0:
            raise RuntimeError(f"ack {ident} failed with status {r.status}")
        pane.polls = []
        _, seen, _ = pane.wait(owner, timeout=10)
        results.append((seen - committed) * 1000)
        polls += pane.polls
    pane.close()
    return tmux_first, (Stats(results) if results else None), (Stats([p * 1000 for p in polls]) if polls else None)
