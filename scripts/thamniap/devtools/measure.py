"""Whole processes timed and their memory sampled: the measuring of `thamniap bench` (devtools/bench.py)
and of the steps it runs (devtools/rebuild.py).

A step runs as a separate process; its peak memory is the largest total resident set of the process
and all its descendants, sampled from /proc every 20 ms.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PY = sys.executable
TODAY = "2024-02-01"


@dataclass
class Step:
    name: str
    seconds: float | None = None
    peak_mb: float | None = None
    ok: bool = True
    detail: str = ""
    extra: dict = field(default_factory=dict)


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def tree_rss_kb(root_pid: int) -> int:
    """Total resident memory (kB) of ROOT_PID and its descendants, from /proc.

    One small read per process for the parent links (/proc/N/stat), then /proc/N/statm only for
    the tree: sampling every 20 ms must not take much of a core from the step it measures.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split(maxsplit=2)[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * _PAGE_KB
        except (OSError, IndexError, ValueError):
            pass
        todo += children.get(pid, [])
    return total


def measure(name: str, argv: list[str], cwd: Path | None = None, env: dict | None = None, ok_codes=(0,),
            describe=None) -> Step:
    """Run ARGV in CWD (default: the current directory), timing it and sampling the memory of its
    process tree.

    The step's detail is the output's last line, or DESCRIBE(output) when given."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.append(proc.stdout.read()), daemon=True)
    reader.start()
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    reader.join()
    seconds = time.perf_counter() - started
    text = "".join(output)
    step = Step(name, round(seconds, 2), round(peak / 1024, 1), proc.returncode in ok_codes,
                (describe or last_line)(text))
    if not step.ok:
        step.detail = f"exit {proc.returncode}: " + text[-2000:]
    return step


def last_line(output: str) -> str:
    return output.strip().splitlines()[-1][:200] if output.strip() else ""


def git_copy(root: Path, repo: Path) -> Path:
    """A new git repository REPO whose one commit holds a copy of ROOT as data/."""
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(root, repo / "data", ignore=shutil.ignore_patterns(".complete"))
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "sample"]):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env)
    return repo
