"""`thamniap bench` machinery, on small inputs: the steps, the table, the targets and the docs page.

The figures themselves are the bench command's (`thamniap bench`, docs/performance.md): no test here
asserts how long anything took, only that each step ran, was measured and is reported as it should.
"""
from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import BASE, REPO, run_cli

from thamniap.devtools import bench
from thamniap.devtools.measure import tree_rss_kb


def small_project(root: Path) -> Path:
    """A project (mkdocs.yml, schemas/) whose data/ is the small base dataset."""
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(BASE, root / "data")
    for data_file in (root / "data").rglob("*.yaml"):   # tests/fixtures/base/ is two folders deeper than data/
        text = data_file.read_text(encoding="utf-8")
        data_file.write_text(text.replace("$schema=../../", "$schema=", 1), encoding="utf-8")
    return root


def test_tree_rss_counts_children():
    child = "import sys; x = bytearray(60_000_000); print('ready', flush=True); sys.stdin.read()"
    proc = subprocess.Popen([sys.executable, "-c", child], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "ready\n"      # the child holds its 60 MB now
        assert tree_rss_kb(os.getpid()) > 55_000   # this process + the child holding 60 MB
    finally:
        proc.stdin.close()
        proc.wait()


def test_bench_compares_validate_with_check_jsonschema(tmp_path):
    project = small_project(tmp_path / "project")
    result = bench.run("loei", tmp_path / "work", skip=("changed-since", "site", "search", "rebuild"), project=project)
    names = [s["name"] for s in result["steps"]]
    assert names == ["thamniap validate (full)", "check-jsonschema (schema only)"]
    assert all(s["ok"] and s["seconds"] > 0 and s["peak_mb"] > 10 for s in result["steps"])
    # every data file: 2 of the province, 3 per district and one per subdistrict (1 district, 3 subdistricts)
    assert result["files"] == 2 + 1 * 3 + 3 and result["steps"][1]["detail"] == "8 files"
    ours, theirs = (s["seconds"] for s in result["steps"])
    assert result["validate_vs_check_jsonschema"] == round(ours / theirs, 3)
    warnings = sum(1 for line in run_cli("validate", str(project / "data"), "--today", bench.TODAY)[1].splitlines()
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
    step = bench.changed_since(BASE, tmp_path)
    assert step.ok, step.detail
    assert step.extra["district"] == "4214-nong-hin"
    # the dataset copy is restored after the measurement
    assert subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / "git-base", capture_output=True,
                          text=True).stdout == ""


def test_site_build_step_reports_the_median_of_its_runs(tmp_path):
    """The median of three builds, each run listed. The mechanism is the same for any site, so a
    three-page MkDocs project stands in for ours (whose build the bench command measures)."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
    for page in ("index", "a", "b"):
        (project / "docs" / f"{page}.md").write_text(f"# {page}\n", encoding="utf-8")
    step = bench.site_build("site build: three pages", BASE, tmp_path / "site", repeat=3, project=project)
    assert step.ok, step.detail
    runs = step.extra["runs"]
    assert len(runs) == 3 and step.seconds == sorted(runs)[1]
    assert step.detail.startswith("median of 3 runs: ") and f"{runs[0]:.2f}" in step.detail
    assert step.extra["pages"] == 3 and step.peak_mb > 10


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


def test_zensical_build_step_builds_the_site_on_the_hookfree_path(tmp_path):
    """`thamniap bench` times the site built by Zensical beside MkDocs (issue 23 §2); here on the small
    dataset: the step runs the three plain steps and leaves a site with its search index."""
    project = small_project(tmp_path / "project")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "overrides", project / "overrides")
    assert bench.zensical_installed()
    step = bench.zensical_build(project / "data", project, tmp_path / "zensical")
    assert step.name == bench.ZENSICAL_NAME and step.ok, step.detail
    site = tmp_path / "zensical" / "site"
    assert (site / "pagefind" / "pagefind.js").is_file() and "ดัชนีค้นหา:" in step.detail
    assert (site / "districts" / "4214-nong-hin" / "index.html").is_file()


def test_the_zensical_build_is_printed_side_by_side():
    steps = [bench.Step("site build: Loei (pages, exports, QR, search index)", 3.3, 200.0),
             bench.Step(bench.STOCK_NAME, 2.2, 150.0), bench.Step(bench.ZENSICAL_NAME, 4.4, 180.0)]
    result = bench.report("loei", BASE, steps)
    assert result["site_vs_stock"] == 1.5 and result["zensical_vs_stock"] == 2.0
    table = bench.table(result)
    assert "| Zensical build: Loei" in table and "| 4.40 |" in table
    assert "Zensical / เว็บไซต์ stock = 2.00 × (MkDocs 1.50 ×)" in table
    # without Zensical installed the step is listed as not measured, not as a failure
    missing = bench.report("loei", BASE, [*steps[:2], bench.Step(bench.ZENSICAL_NAME, None, None, True, "ไม่ได้วัด")])
    assert missing["zensical_vs_stock"] is None and "FAILED" not in bench.table(missing)


def test_bench_builds_the_whole_dataset_beside_loei(tmp_path):
    """Issue 21 §4: with several provinces the bench builds them all in one site, in the same run as
    the Loei build, and reports both side by side (tiny scale here; `--scale national` has 77)."""
    from thamniap.devtools.sample import Scale, generate
    project = small_project(tmp_path / "project")
    for part in ("docs", "overrides", "scripts"):      # the real site: its pages, theme and hook
        (project / part).symlink_to(REPO / part)
    generate(project / "data", Scale((1, 2), (4, 4), ("58",)), only_districts=("5801",))
    result = bench.run("loei", tmp_path / "work", skip=("validate", "check-jsonschema", "changed-since", "stock", "zensical", "search", "rebuild"),
                       project=project)
    names = [s["name"] for s in result["steps"]]
    assert names == ["site build: Loei (pages, exports, QR, search index)",
                     "site build: whole dataset (2 provinces, every page)"]
    assert all(s["ok"] for s in result["steps"]), [s["detail"] for s in result["steps"]]
    loei, whole = result["steps"]
    pair = result["whole_vs_loei"]
    assert pair["whole"] == {"seconds": round(whole["seconds"], 2), "peak_mb": round(whole["peak_mb"]),
                             "pages": whole["extra"]["pages"], "site_mb": whole["extra"]["site_mb"]}
    assert pair["loei"]["seconds"] == round(loei["seconds"], 2)
    assert pair["time_ratio"] == round(whole["seconds"] / loei["seconds"], 1)
    site = tmp_path / "work" / "site-whole"
    assert (site / "58-mae-hong-son" / "districts" / "5801-mueang-mae-hong-son" / "index.html").is_file()
    assert (site / "42-loei" / "districts" / "4214-nong-hin" / "index.html").is_file()
    table = bench.table(result)
    assert f"| ทั้งชุดข้อมูล | {pair['whole']['seconds']:.2f} | {pair['whole']['peak_mb']} |" in table
    assert f"| จังหวัดเลย | {pair['loei']['seconds']:.2f} | {pair['loei']['peak_mb']} |" in table
    # one province: nothing to compare, no second build
    alone = bench.whole_vs_loei([bench.Step("site build: Loei", 1.0, 100.0)])
    assert alone is None


def test_serve_rebuild_times_our_work_after_one_roster_file_beside_the_first_build(tmp_path):
    """Issue 23 §1: the rebuild `mkdocs serve` makes after one saved roster file, in one process, with
    the first build of the same process as its anchor; the project's own data is never touched."""
    project = small_project(tmp_path / "project")
    before = {p: p.read_bytes() for p in (project / "data").rglob("*.yaml")}
    step = bench.serve_rebuild(project / "data", tmp_path / "work", project)
    assert step.ok, step.detail
    assert set(step.extra) == {"first", "unchanged", "one_roster"} and step.seconds == step.extra["one_roster"]
    assert step.detail.startswith("first build ") and "one roster file" in step.detail
    assert {p: p.read_bytes() for p in (project / "data").rglob("*.yaml")} == before
    changed = sorted((tmp_path / "work/rebuild/data").glob("*/*/roster/*.yaml"))[0]
    assert "ทดสอบแก้ชื่อ" in changed.read_text(encoding="utf-8")
    result = bench.report("loei", project / "data", [step])
    [row] = [t for t in bench.targets(result) if t[0].startswith("mkdocs serve")]
    assert row[1] == f"{step.seconds:.2f} s" and row[2] is (step.seconds <= 1)
