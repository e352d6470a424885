"""Running a process and timing it: wall time on the monotonic clock, peak memory from wait4."""
import os
import statistics
import subprocess
import time


class Run:
    """One finished process: wall seconds, peak resident memory in MB, exit status and output."""

    def __init__(self, seconds, peak_mb, status, stdout):
        self.seconds = seconds
        self.peak_mb = peak_mb
        self.status = status
        self.stdout = stdout


def run(argv, env=None, cwd=None, capture=False, stdin=None):
    """Runs argv to completion; the rusage of exactly this child gives its peak RSS (ru_maxrss, KB)."""
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
    return Run(seconds, usage.ru_maxrss / 1024.0, process.returncode, data)


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
