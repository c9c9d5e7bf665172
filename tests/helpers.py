"""Helpers shared by the tests (imported as `helpers`; conftest.py only holds fixtures)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from thamniap import cli

REPO = Path(__file__).resolve().parents[1]
BASE = REPO / "tests" / "fixtures" / "base"


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run `thamniap ARGV…` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


# Git in tests: a fixed identity and no user or system configuration.
GIT_ENV = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    """Run git in REPO (raises on failure); returns its standard output."""
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def init_repo(root: Path) -> Path:
    """A new git repository at ROOT (branch main) holding the base dataset as data/, not committed."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(BASE, root / "data")
    return root


def mkdocs_build(site_dir: Path, config: Path | None = None, **env_extra: str) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict` (REPO's mkdocs.yml unless CONFIG) in a subprocess, for 1 Feb 2024."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "THAMNIAP_TODAY": "2024-02-01", **env_extra}
    config_args = ["--config-file", str(config)] if config else []
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *config_args, "-d", str(site_dir)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
