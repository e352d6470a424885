"""The board inside tmux at 160×48, read back with `capture-pane`: what a user's terminal would show."""
import os
import re
import shlex
import subprocess
import time
import uuid

from data import environment

ID = re.compile(r"ESC-\d{4}-\d+")


class TmuxBoard:
    def __init__(self, binary, store, columns=160, rows=48, user="bench"):
        self.socket = f"escalator-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.env = environment(user)
        self.env.pop("TMUX", None)
        command = " ".join(["exec", shlex.quote(binary), "board", "--store", shlex.quote(store)])
        self.started = time.monotonic()
        self.tmux("new-session", "-d", "-s", "bench", "-x", str(columns), "-y", str(rows), command)
        self.polls = []

    def tmux(self, *arguments):
        result = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(arguments), env=self.env,
                                stdin=subprocess.DEVNULL, capture_output=True)
        return result.stdout.decode("utf-8", errors="replace")

    def capture(self):
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def wait(self, *texts, timeout=30.0):
        """Polls until the pane shows every text; returns (time the showing capture began, its end, the screen).

        The change happened between the start of the previous capture and the end of this one: `polls`
        keeps each interval so the report can state the granularity.
        """
        end = time.monotonic() + timeout
        previous = time.monotonic()
        while time.monotonic() < end:
            began = time.monotonic()
            screen = self.capture()
            finished = time.monotonic()
            if all(t in screen for t in texts):
                self.polls.append(finished - previous)
                return began, finished, screen
            previous = began
        raise TimeoutError(f"tmux pane never showed {texts}; last screen:\n{self.capture()}")

    def send(self, *keys):
        self.tmux("send-keys", "-t", "bench", *keys)

    def first_routed(self, screen):
        """The first id in the leftmost column (Routed): the selected card after `h h g`."""
        for line in screen.splitlines():
            m = ID.search(line)
            if m and m.start() < 12:
                return m.group(0)
        return None

    def close(self):
        self.send("q")
        time.sleep(0.2)
        self.tmux("kill-server")
        directory = os.environ.get("TMUX_TMPDIR", "/tmp")
        try:
            os.unlink(f"{directory}/tmux-{os.getuid()}/{self.socket}")
        except OSError:
            pass
