"""Helpers shared by the tests (imported as `helpers`; conftest.py only holds fixtures)."""
from __future__ import annotations

import io
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
