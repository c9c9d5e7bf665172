"""tests/browser/conftest.py: without Chromium or Playwright the browser tests skip on a developer's
machine but FAIL under CI (CI=true), so a runner that lost its browser cannot pass with every
browser test skipped.

Each case runs pytest in a subprocess on one probe test that asks for the real harness's `page`
fixture (the real conftest, linked beside the probe), with the environment of the case.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

CONFTEST = REPO / "tests" / "browser" / "conftest.py"


def run_probe(tmp_path: Path, *, ci: str | None, chromium: Path, block_playwright: bool = False):
    """(exit code, output) of pytest on a probe test that needs a browser page."""
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "conftest.py").symlink_to(CONFTEST)
    (suite / "test_probe.py").write_text("def test_probe(page):\n    pass\n", encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTHONPATH")}
    env["THAMNIAP_CHROMIUM"] = str(chromium)
    if ci is not None:
        env["CI"] = ci
    if block_playwright:   # a package named playwright that cannot be imported, first on the path
        blocker = tmp_path / "blocker" / "playwright"
        blocker.mkdir(parents=True)
        (blocker / "__init__.py").write_text("raise ImportError('playwright is blocked by the test')\n",
                                             encoding="utf-8")
        env["PYTHONPATH"] = str(blocker.parent)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-c", str(tmp_path / "pytest.ini"),
         "--rootdir", str(tmp_path), str(suite)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout + proc.stderr


def test_missing_chromium_fails_under_ci_with_the_reason(tmp_path):
    nowhere = tmp_path / "no-such-chromium"
    code, out = run_probe(tmp_path, ci="true", chromium=nowhere)
    assert code == 1, out
    assert "1 error" in out and "skipped" not in out, out
    assert f"CI=true but the browser tests cannot run: Chromium not found at {nowhere}" in out
    assert "scripts/install-browser.sh" in out


def test_missing_chromium_skips_outside_ci_with_the_reason(tmp_path):
    nowhere = tmp_path / "no-such-chromium"
    code, out = run_probe(tmp_path, ci=None, chromium=nowhere)
    assert code == 0, out
    assert "1 skipped" in out and f"Chromium not found at {nowhere}" in out, out


@pytest.mark.parametrize("ci, code, outcome", [("true", 1, "1 error"), ("false", 0, "1 skipped")])
def test_missing_playwright_fails_only_under_ci(tmp_path, ci, code, outcome):
    present = tmp_path / "chromium"          # the browser is there; Playwright is not
    present.write_text("#!/bin/sh\n", encoding="utf-8")
    got, out = run_probe(tmp_path, ci=ci, chromium=present, block_playwright=True)
    assert got == code, out
    assert outcome in out and "playwright not installed" in out, out
