"""`thamniap bench` machinery on the small Loei data (the national run is a command, not a test)."""
from __future__ import annotations

import os
import subprocess
import sys

from thamniap import bench


def test_tree_rss_counts_children():
    proc = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(60_000_000); time.sleep(2)"])
    try:
        import time
        time.sleep(1)
        assert bench._tree_rss_kb(os.getpid()) > 55_000   # this process + the child holding 60 MB
    finally:
        proc.wait()


def test_bench_compares_validate_with_check_jsonschema(tmp_path):
    result = bench.run("loei", tmp_path, skip=("changed-since", "site", "search"))
    names = [s["name"] for s in result["steps"]]
    assert names == ["thamniap validate (full)", "check-jsonschema (schema only)"]
    assert all(s["ok"] and s["seconds"] > 0 and s["peak_mb"] > 10 for s in result["steps"])
    assert result["files"] == 58 and 0 < result["validate_vs_check_jsonschema"] < 1
    table = bench.table(result)
    assert "check-jsonschema" in table and "thamniap validate / check-jsonschema" in table


def test_changed_since_step_on_a_git_copy(tmp_path):
    step = bench.changed_since(bench.REPO / "data", tmp_path)
    assert step.ok, step.detail
    assert step.extra["district"].startswith("42")
    # the dataset copy is restored after the measurement
    assert subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / "git-data", capture_output=True,
                          text=True).stdout == ""
