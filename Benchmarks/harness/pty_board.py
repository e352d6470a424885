"""The board in a pseudo-terminal of its own: every byte it writes, timestamped on the monotonic clock.

A key's latency is measured from writing the key to the last byte of the frame it caused (the end
of the burst: no further byte for QUIET seconds), so no polling interval is added to the figure.
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

from data import environment
from timing import read_peak, wrapped_for_memory

ESCAPES = re.compile(rb"\x1b(\[[0-9;?>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78cDEHM])")


def visible(data):
    """The text of a stretch of output with escape sequences removed (for finding markers)."""
    return ESCAPES.sub(b"", data).decode("utf-8", errors="replace")


class PtyBoard:
    QUIET = 0.08

    def __init__(self, binary, store, columns=160, rows=48, user="bench", memory_path=None):
        """With `memory_path`, the board runs under /usr/bin/time, which writes its peak RSS there
        (a child forked from this Python process would report Python's size: see timing.py)."""
        env = environment(user)
        argv = [binary, "board", "--store", store]
        if memory_path:
            argv = wrapped_for_memory(argv, memory_path)
        self.memory_path = memory_path
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.peak_mb = None

    def _read(self, timeout):
        """Reads what is there within `timeout`; returns (time of arrival, bytes) or None."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return None
        now = time.monotonic()
        self.output += data
        return now, data

    def burst(self, first_timeout=5.0, quiet=None):
        """Waits for output, then reads until it is quiet; returns (first byte time, last byte time, bytes)."""
        quiet = quiet or self.QUIET
        got = self._read(first_timeout)
        if got is None:
            return None
        first, data = got
        last, collected = first, bytearray(data)
        while True:
            more = self._read(quiet)
            if more is None:
                return first, last, bytes(collected)
            last = more[0]
            collected += more[1]

    def until(self, marker, timeout=30.0):
        """Reads until the visible text since now contains `marker`, then to quiet; returns the last byte time."""
        end = time.monotonic() + timeout
        seen = bytearray()
        last = None
        while time.monotonic() < end:
            got = self._read(end - time.monotonic())
            if got is None:
                break
            last = got[0]
            seen += got[1]
            if marker in visible(bytes(seen)):
                rest = self.burst(first_timeout=self.QUIET)
                return rest[1] if rest else last
        raise TimeoutError(f"the board never showed {marker!r}; it showed: {visible(bytes(seen))[-400:]!r}")

    def drain(self, quiet=0.3):
        while self.burst(first_timeout=quiet, quiet=quiet):
            pass

    def key(self, text):
        """Sends a key; returns (seconds to the last byte of its frame, bytes written), or (None, 0) with no output."""
        sent = time.monotonic()
        os.write(self.fd, text.encode())
        got = self.burst(first_timeout=2.0)
        if got is None:
            return None, 0
        return got[1] - sent, len(got[2])

    def quit(self):
        """Quits with `q`; returns the board's peak RSS in MB when it ran under /usr/bin/time, else None."""
        try:
            os.write(self.fd, b"q")
        except OSError:
            pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            self._read(0.05)
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.peak_mb = usage.ru_maxrss / 1024.0
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            _, _, usage = os.wait4(self.pid, 0)
            self.peak_mb = usage.ru_maxrss / 1024.0
        os.close(self.fd)
        self.peak_mb = read_peak(self.memory_path) if self.memory_path else None
        return self.peak_mb
