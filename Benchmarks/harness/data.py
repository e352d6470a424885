"""The benchmark stores: made once by `escalator demo`, cached by shape, seed and binary, copied before writes."""
import hashlib
import os
import shutil
import time

from timing import checked

# Every command of the suite runs at this moment, so a cached store reads the same on every rerun
# and the board's clock is frozen (no once-a-second redraws between a key and its frame).
NOW = "2026-03-10T15:00:00Z"
SEED = 7


class Shape:
    """A store's size: how many escalations and how many of them open."""

    def __init__(self, name, count, open_count):
        self.name = name
        self.count = count
        self.open = open_count

    @property
    def key(self):
        return f"n{self.count}-open{self.open}-seed{SEED}"


SHAPES = {
    "1k": Shape("1k", 1_000, 100),
    "10k": Shape("10k", 10_000, 1_000),
    "100k": Shape("100k", 100_000, 5_000),
    "stress": Shape("stress (10k open)", 10_000, 10_000),
}


def environment(user="bench"):
    """The environment every escalator process of the suite gets."""
    env = dict(os.environ)
    env.update({"ESCALATOR_NOW": NOW, "ESCALATOR_USER": user, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "TERM": "xterm-256color"})
    env.pop("ESCALATOR_STORE", None)
    env.pop("ESCALATOR_CONFIG", None)
    env.pop("NO_COLOR", None)
    return env


def binary_hash(binary):
    digest = hashlib.sha256()
    with open(binary, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:12]


class DataCache:
    """Stores under `root/<binary hash>/<shape key>/store`; a finished store has a `.complete` marker."""

    def __init__(self, root, binary, log):
        self.binary = binary
        self.log = log
        self.root = os.path.join(root, binary_hash(binary))
        self.scratch = os.path.join(root, "scratch")
        os.makedirs(self.root, exist_ok=True)
        # Caches of older binaries are dropped: their format may differ and they fill the disk.
        for name in os.listdir(root):
            if name not in (os.path.basename(self.root), "scratch", "peers"):
                shutil.rmtree(os.path.join(root, name), ignore_errors=True)

    def store(self, shape):
        """The cached pristine store of `shape`, generated on first use. Never write to it."""
        directory = os.path.join(self.root, shape.key)
        store = os.path.join(directory, "store")
        marker = os.path.join(directory, ".complete")
        if os.path.exists(marker):
            return store
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
        self.log(f"generating {shape.count:,} escalations ({shape.open:,} open, seed {SEED}) ...")
        started = time.monotonic()
        checked([self.binary, "demo", "--store", store, "--count", str(shape.count), "--open", str(shape.open),
                 "--seed", str(SEED)], env=environment())
        self.log(f"  done in {time.monotonic() - started:.1f} s ({disk_mb(store):.1f} MB on disk)")
        open(marker, "w").close()
        return store

    def working_copy(self, shape, label):
        """A fresh copy of the shape's store for measures that commit (the cache stays pristine)."""
        source = self.store(shape)
        target = os.path.join(self.scratch, f"{shape.key}-{label}")
        shutil.rmtree(target, ignore_errors=True)
        os.makedirs(self.scratch, exist_ok=True)
        shutil.copytree(source, target, symlinks=True)
        return target


def disk_mb(path):
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(folder, name))
            except OSError:
                pass
    return total / 1e6
