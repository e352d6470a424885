"""What the figures were measured on."""
import os
import platform
import subprocess
import time


def describe(root):
    def first(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "?"

    memory_kb = first("/proc/meminfo", "MemTotal").split()[0]
    swift = subprocess.run(["swift", "--version"], capture_output=True).stdout.decode(errors="replace").splitlines()
    commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True).stdout.decode().strip()
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"], capture_output=True).stdout.strip()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": first("/proc/cpuinfo", "model name"),
        "cores": str(os.cpu_count()),
        "memory": f"{int(memory_kb) / 1024 / 1024:.1f} GiB" if memory_kb.isdigit() else "?",
        "kernel": platform.release(),
        "swift": next((l for l in swift if "version" in l), "?"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
    }


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())
