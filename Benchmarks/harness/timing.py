"""Running a process and timing it: wall time on the monotonic clock, peak memory under /usr/bin/time."""
import os
import statistics
import subprocess
import tempfile
import time

# Linux carries a process's peak RSS across exec: a child forked from this Python process, which holds
# the stores' rows, would report Python's size. /usr/bin/time is small, so its child's peak is the
# command's own; it runs in separate runs because its exec adds to the wall time.
TIME = "/usr/bin/time"


class Run:
    """One finished process: wall seconds, CPU milliseconds (user + system, from wait4), peak resident
    memory in MB, exit status and output."""

    def __init__(self, seconds, peak_mb, status, stdout, cpu_ms=None):
        self.seconds = seconds
        self.peak_mb = peak_mb
        self.status = status
        self.stdout = stdout
        self.cpu_ms = cpu_ms


def run(argv, env=None, cwd=None, capture=False, stdin=None):
    """Runs argv to completion: wall time and exit status (its peak_mb is not the command's: see `peak_memory`)."""
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    started = time.monotonic()
    process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE)
    data = b""
    if capture or stdin is not None:
        # communicate() reaps with waitpid; read the pipes ourselves so wait4 still gets the rusage.
        if stdin is not None:
            process.stdin.write(stdin)
            process.stdin.close()
        if capture:
            data = process.stdout.read()
            process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024.0, process.returncode, data, (usage.ru_utime + usage.ru_stime) * 1000)


def wall_and_cpu(samples):
    """The wall times of `samples` in ms, with their CPU times as `.cpu`: on a shared machine the CPU
    time is the steadier figure (the wall time waits for a core, and for the disk)."""
    stats = Stats([s.seconds * 1000 for s in samples])
    stats.cpu = Stats([s.cpu_ms for s in samples])
    return stats


def wrapped_for_memory(argv, path):
    """argv run under /usr/bin/time, which writes the peak RSS in KB to `path`."""
    return [TIME, "-f", "%M", "-o", path] + list(argv)


def read_peak(path):
    """The peak RSS in MB that /usr/bin/time wrote to `path` (its last line), or None."""
    try:
        with open(path) as f:
            lines = [line.strip() for line in f if line.strip()]
        return int(lines[-1]) / 1024.0 if lines else None
    except (OSError, ValueError):
        return None


def peak_memory(argv, env=None, runs=3):
    """The command's peak RSS in MB (median of `runs`), or None where /usr/bin/time is missing."""
    if not os.path.exists(TIME):
        return None
    peaks = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(prefix="peak-", delete=False) as f:
            path = f.name
        try:
            subprocess.run(wrapped_for_memory(argv, path), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            peak = read_peak(path)
        finally:
            os.unlink(path)
        if peak is not None:
            peaks.append(peak)
    return Stats(peaks) if peaks else None


def checked(argv, env=None, cwd=None, capture=True):
    """Runs argv and fails loudly with its output when it does not exit 0."""
    result = subprocess.run(argv, env=env, cwd=cwd, capture_output=capture)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode(errors='replace')[-2000:]}")
    return result.stdout


class Stats:
    """Median and spread of a sample; the spread is min–max (p10–p90 once there are 10 or more values)."""

    def __init__(self, values):
        self.values = sorted(values)
        self.n = len(self.values)

    @property
    def median(self):
        return statistics.median(self.values) if self.values else None

    @property
    def low(self):
        return self.percentile(10) if self.n >= 10 else self.values[0]

    @property
    def high(self):
        return self.percentile(90) if self.n >= 10 else self.values[-1]

    @property
    def spread_name(self):
        return "p10–p90" if self.n >= 10 else "min–max"

    def percentile(self, p):
        k = (self.n - 1) * p / 100.0
        f = int(k)
        c = min(f + 1, self.n - 1)
        return self.values[f] + (self.values[c] - self.values[f]) * (k - f)


def repeat(times, action):
    """Runs action() `times` times and returns the list of its results."""
    return [action(i) for i in range(times)]
