"""`thamniap bench` machinery on the small Loei data (the national run is a command, not a test)."""
from __future__ import annotations

import datetime
import os
import subprocess
import sys

from helpers import BASE, REPO, run_cli

from thamniap.devtools import bench


def test_tree_rss_counts_children():
    proc = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(60_000_000); time.sleep(2)"])
    try:
        import time
        time.sleep(1)
        assert bench._tree_rss_kb(os.getpid()) > 55_000   # this process + the child holding 60 MB
    finally:
        proc.wait()


def test_bench_compares_validate_with_check_jsonschema(tmp_path):
    result = bench.run("loei", tmp_path, skip=("changed-since", "site", "search"), project=REPO)
    names = [s["name"] for s in result["steps"]]
    assert names == ["thamniap validate (full)", "check-jsonschema (schema only)"]
    assert all(s["ok"] and s["seconds"] > 0 and s["peak_mb"] > 10 for s in result["steps"])
    # every data file: 2 of the province, 3 per district and one per subdistrict (14 districts, 90 subdistricts)
    assert result["files"] == 2 + 14 * 3 + 90 and 0 < result["validate_vs_check_jsonschema"] < 1
    warnings = sum(1 for line in run_cli("validate", str(REPO / "data"), "--today", bench.TODAY)[1].splitlines()
                   if "warning[" in line)
    assert result["steps"][0]["detail"] == f"0 errors, {warnings} warnings"
    table = bench.table(result)
    assert "check-jsonschema" in table and "thamniap validate / check-jsonschema" in table
    rows = {target: (measured, met) for target, measured, met in bench.targets(result)}
    ratio_row = rows["validate ทั้งชุด ≤ 0.25 × check-jsonschema"]
    assert ratio_row[0] == f"{result['validate_vs_check_jsonschema']:.3f} ×"
    assert rows["สร้างเว็บไซต์เลย ≤ 10 s"] == ("-", None)       # skipped steps are not claimed
    page = tmp_path / "performance.md"
    page.write_text((REPO / "docs/performance.md").read_text(encoding="utf-8"), encoding="utf-8")
    bench.update_docs(result, page)
    text = page.read_text(encoding="utf-8")
    assert ratio_row[0] in text and text.count("<!-- bench:start -->") == 1 and "## ทำไมจึงเร็ว" in text
    # the measuring day as a Thai date (issue 13 §7: "วัดเมื่อ 2026-11-25")
    from thamniap.core.dates import thai_date
    day = thai_date(datetime.date.fromisoformat(result["date"]))
    assert f"วัดเมื่อวันที่ {day} บนเครื่อง" in text and f"วัดเมื่อ {result['date']}" not in text


def test_changed_since_step_on_a_git_copy(tmp_path):
    step = bench.changed_since(REPO / "data", tmp_path)
    assert step.ok, step.detail
    assert step.extra["district"].startswith("42")
    # the dataset copy is restored after the measurement
    assert subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / "git-data", capture_output=True,
                          text=True).stdout == ""


def test_site_build_step_reports_the_median_of_its_runs(tmp_path):
    step = bench.site_build("site build: base", BASE, tmp_path / "site", repeat=3, project=REPO)
    assert step.ok, step.detail
    runs = step.extra["runs"]
    assert len(runs) == 3 and step.seconds == sorted(runs)[1]
    assert step.detail.startswith("median of 3 runs: ") and f"{runs[0]:.2f}" in step.detail
    assert step.extra["pages"] > 5 and step.peak_mb > 10


def test_stock_anchor_holds_the_same_people_and_builds(tmp_path):
    """The anchor of issue 23: a stock MkDocs + Material site of the same people, indexed by the
    Pagefind CLI (its time is printed by `thamniap bench`, never asserted)."""
    from thamniap.check.validate import load_dataset
    config, people = bench.stock_project(BASE, tmp_path / "stock")
    district = load_dataset(BASE).provinces[0].districts[0]
    assert people == sum(1 for p in load_dataset(BASE).provinces for d in p.districts for _ in d.people()) > 0
    assert "hooks" not in config.read_text(encoding="utf-8")
    step = bench.stock_build(config, tmp_path / "site")
    assert step.ok, step.detail
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").exists()
    page = (tmp_path / "site" / "districts" / district.code / "index.html").read_text(encoding="utf-8")
    someone = next(district.people())
    assert someone.last_name in page and "<table>" in page


def test_the_ratio_to_the_stock_site_is_printed():
    steps = [bench.Step("site build: Loei (pages, exports, QR, search index)", 3.3, 200.0),
             bench.Step(bench.STOCK_NAME, 2.2, 150.0)]
    result = bench.report("loei", BASE, steps)
    assert result["site_vs_stock"] == 1.5
    assert "= 1.50 ×" in bench.table(result)
    rows = {target: (measured, met) for target, measured, met in bench.targets(result)}
    assert rows["สร้างเว็บไซต์เลย ≤ 1.5 × เว็บไซต์ stock"] == ("1.50 ×", True)
