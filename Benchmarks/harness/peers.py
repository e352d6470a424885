"""The tools people would otherwise use, loaded with the same items and timed in the same run.

Both peers are loaded by writing their own data files directly (Taskwarrior's FF4 text files,
kanban-tui's SQLite database, after its CLI made the board): importing 100,000 items through
their commands one by one would take hours. The items carry the same ids, titles, statuses,
categories, severities and owners; neither peer keeps the ~10-event history an escalation has,
which favours the peers.
"""
import calendar
import json
import os
import shutil
import sqlite3
import subprocess
import time
import uuid

from timing import Stats, checked, peak_memory, run, wall_and_cpu

NAMESPACE = uuid.UUID("5b7c0a52-7d7e-4d8b-9c2a-0e5ab0a1e7a1")
OPEN = ("routed", "acknowledged", "in_progress", "stalled")


def epoch(text):
    return calendar.timegm(time.strptime(text[:19], "%Y-%m-%dT%H:%M:%S"))


def ff4(value):
    """Taskwarrior's FF4 string escaping."""
    return (value.replace("\\", "\\\\").replace('"', "&dquot;").replace("[", "&open;").replace("]", "&close;")
            .replace("\n", " "))


class Taskwarrior:
    """Taskwarrior in a private TASKRC/TASKDATA under the scratch folder."""

    name = "Taskwarrior"

    @staticmethod
    def available():
        if shutil.which("task") is None:
            return None, "Taskwarrior is not installed (`apt-get install -y taskwarrior`); skipped"
        version = subprocess.run(["task", "--version"], capture_output=True).stdout.decode().strip()
        return version, None

    def __init__(self, root, key, items):
        self.data = os.path.join(root, "taskwarrior", key)
        self.rc = os.path.join(self.data, "taskrc")
        marker = os.path.join(self.data, ".complete")
        if not os.path.exists(marker):
            shutil.rmtree(self.data, ignore_errors=True)
            os.makedirs(self.data)
            with open(self.rc, "w") as f:
                f.write(f"data.location={self.data}\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\n"
                        "gc=on\njson.array=on\nnews.version=2.6.2\n")
            pending = open(os.path.join(self.data, "pending.data"), "w")
            completed = open(os.path.join(self.data, "completed.data"), "w")
            for item in items:
                created = epoch(item["createdAt"] if "createdAt" in item else item["created_at"])
                fields = {
                    "description": item["title"],
                    "entry": str(created),
                    "modified": str(created),
                    "project": item["category"],
                    "priority": {"critical": "H", "high": "M"}.get(item["severity"], "L"),
                    "escid": item["id"],
                    "uuid": str(uuid.uuid5(NAMESPACE, item["id"])),
                }
                if item.get("owner"):
                    fields["owner"] = item["owner"]
                done = item["status"] not in OPEN
                fields["status"] = "completed" if done else "pending"
                if done:
                    fields["end"] = str(created + 86_400)
                line = "[" + " ".join(f'{k}:"{ff4(v)}"' for k, v in sorted(fields.items())) + "]\n"
                (completed if done else pending).write(line)
            pending.close()
            completed.close()
            with open(self.rc, "a") as f:
                f.write("uda.escid.type=string\nuda.owner.type=string\n")
            open(marker, "w").close()
        self.env = dict(os.environ, TASKRC=self.rc, TASKDATA=self.data)

    def count(self):
        return int(checked(["task", "rc.gc=off", "count"], env=self.env).decode().strip() or 0)

    def measure(self, runs):
        """`task export` (every item, completed too), `task N info` and `task N modify` on a working copy."""
        export = [run(["task", "export"], env=self.env) for _ in range(runs + 1)][1:]
        info = [run(["task", "rc.gc=off", str(1 + i), "info"], env=self.env) for i in range(runs + 1)]
        if any(r.status != 0 for r in info):
            return None, "task N info failed"
        pending = [run(["task", "rc.gc=off", "status:pending", "count"], env=self.env) for _ in range(1)]
        work = self.data + "-work"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(self.data, work)
        env = dict(self.env, TASKDATA=work)
        modify = []
        for i in range(runs + 1):
            r = run(["task", f"rc.data.location={work}", str(1 + i), "modify", f"owner:bench{i}"], env=env)
            if r.status != 0:
                return None, f"task modify exited {r.status}"
            modify.append(r)
        shutil.rmtree(work, ignore_errors=True)
        return {"export": Stats([r.seconds * 1000 for r in export]),
                "export_mb": peak_memory(["task", "export"], env=self.env),
                "info": wall_and_cpu(info[1:]),
                "modify": wall_and_cpu(modify[1:])}, None


class KanbanTui:
    """kanban-tui with private XDG folders: its CLI makes the board, the tasks go into its database."""

    name = "kanban-tui"
    COLUMNS = ["Routed", "Acknowledged", "In progress", "Stalled", "Resolved", "Closed"]

    @staticmethod
    def available():
        if shutil.which("ktui") is None:
            return None, "kanban-tui is not installed (`pip install kanban-tui`); skipped"
        version = subprocess.run(["ktui", "--version"], capture_output=True).stdout.decode().strip()
        return version.split("version")[-1].strip(" ,"), None

    def __init__(self, root, key, items):
        self.home = os.path.join(root, "kanban-tui", key)
        self.env = self.environment(self.home)
        marker = os.path.join(self.home, ".complete")
        if not os.path.exists(marker):
            shutil.rmtree(self.home, ignore_errors=True)
            os.makedirs(self.home)
            argv = ["ktui", "board", "create", "Escalations", "--set-active"]
            for c in self.COLUMNS:
                argv += ["-c", c]
            checked(argv, env=self.env)
            db = sqlite3.connect(self.database(self.home))
            columns = {name: cid for cid, name in db.execute("select column_id, name from columns")}
            status_column = dict(zip(["routed", "acknowledged", "in_progress", "stalled", "resolved", "closed"], self.COLUMNS))
            positions = {}
            rows = []
            for item in items:
                column = columns[status_column[item["status"]]]
                positions[column] = positions.get(column, 0) + 1
                created = (item.get("createdAt") or item["created_at"])[:19]
                description = f"{item['id']} · {item['account']} · {item['severity']} · {item.get('owner') or 'unowned'}"
                rows.append((item["title"], column, description, created, positions[column]))
            db.executemany("insert into tasks (title, column, description, creation_date, position) values (?, ?, ?, ?, ?)", rows)
            db.commit()
            db.close()
            open(marker, "w").close()

    @staticmethod
    def environment(home):
        return dict(os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
                    XDG_STATE_HOME=f"{home}/state", XDG_CACHE_HOME=f"{home}/cache")

    @staticmethod
    def database(home):
        return f"{home}/data/kanban_tui/kanban_tui.db"

    def measure(self, runs):
        """`ktui task list --json` on the board, and `ktui task move ID COLUMN` on a working copy."""
        listing = [run(["ktui", "task", "list", "--json"], env=self.env) for _ in range(runs + 1)][1:]
        if any(r.status != 0 for r in listing):
            return None, "ktui task list failed"
        work = self.home + "-work"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(self.home, work)
        env = self.environment(work)
        db = sqlite3.connect(self.database(work))
        # The first open column with enough tasks (a small demo store can have no routed card left:
        # untouched ones stall), each task moved one column on.
        source, routed = 1, []
        for column in (1, 2, 3, 4):
            routed = [tid for (tid,) in db.execute("select task_id from tasks where column = ? order by task_id limit ?", (column, runs + 1))]
            source = column
            if len(routed) == runs + 1:
                break
        db.close()
        moves = []
        for tid in routed:
            r = run(["ktui", "task", "move", str(tid), str(source + 1)], env=env)
            if r.status != 0:
                return None, f"ktui task move exited {r.status}"
            moves.append(r)
        shutil.rmtree(work, ignore_errors=True)
        if len(moves) < 2:
            return None, f"the kanban-tui board has {len(routed)} task(s) in its open columns, too few to time a move"
        return {"list": Stats([r.seconds * 1000 for r in listing]),
                "list_mb": peak_memory(["ktui", "task", "list", "--json"], env=self.env),
                "move": Stats([r.seconds * 1000 for r in moves[1:]])}, None
