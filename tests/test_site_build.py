"""The real `mkdocs build --strict` of the project's site: succeeds on the landed data, is
byte-identical when repeated, and fails with the validator's located messages on bad data."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import BASE, mkdocs_build


def test_landed_site_builds_twice_byte_identical(landed_site, tmp_path):
    first, second = landed_site, tmp_path / "again"      # the session's build, and one more
    proc = mkdocs_build(second)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(f) for f in files_a if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []
    assert len([f for f in files_a if f.parts[0] == "districts" and len(f.parts) == 3]) == 14   # + subdistrict pages
    assert (first / "pagefind" / "pagefind.js").exists()
    # the open-data package of the 14 districts describes the CSVs of this build (issue 13 §10)
    package = first / "downloads" / "42-loei" / "datapackage.json"
    proc = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", "--json", package.name],
                          cwd=package.parent, capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stdout)
    assert proc.returncode == 0 and report["valid"], proc.stdout[:2000]
    assert len(report["tasks"]) == 3 + 2 * 14


def test_invalid_data_fails_the_build_with_located_messages(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    roster = data / "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("first_name: เสกสรร", "first_name: เเสกสรร"),
                      encoding="utf-8")
    proc = mkdocs_build(tmp_path / "site", THAMNIAP_DATA=str(data))
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "421401-nong-hin.yaml:10:" in log and "text.thai-double-sara-e" in log and "แสกสรร" in log
