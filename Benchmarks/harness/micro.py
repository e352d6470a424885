"""The in-process micro-benchmarks (Swift executables in release): their output goes into the report as is."""
import os
import subprocess


def run_micro(root, product, arguments=(), timeout=900):
    """Runs `.build/release/<product>` (built by Benchmarks/run); returns (output, problem)."""
    path = os.path.join(root, ".build", "release", product)
    if not os.path.exists(path):
        return None, f"{product} is not built"
    try:
        result = subprocess.run([path, *arguments], cwd=root, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"{product} took longer than {timeout} s; stopped"
    text = result.stdout.decode(errors="replace").rstrip()
    if result.returncode != 0:
        return text, f"{product} exited {result.returncode}: {result.stderr.decode(errors='replace')[-500:]}"
    return text, None
