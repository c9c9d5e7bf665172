"""`validate --changed-since BASE` (what CI runs on a pull request): every error, wherever it is, but
warnings only for the districts and province-level files the change touches (issue 11, section 8).

A real git repository holding a copy of data/: main carries warnings in several districts; the
"pull request" is the working tree (or a commit) on top of it.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import REPO, commit_all, git, run_cli

TODAY = "2024-03-01"
A = "42-loei/4211-phu-luang"          # main already has warnings here
B = "42-loei/4212-pha-khao"           # the pull request edits this district
PROVINCE = "42-loei"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose main branch holds the project's data/ (warnings in several districts)."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(REPO / "data", root / "data")
    (root / "README.md").write_text("โครงการ\n", encoding="utf-8")
    commit_all(root, "main")
    return root


def diagnostics(repo: Path, base: str = "main") -> tuple[int, list[dict]]:
    code, out, _ = run_cli("validate", str(repo / "data"), "--changed-since", base, "--format", "json",
                           "--today", TODAY)
    return code, json.loads(out)


def folders(diags: list[dict], severity: str) -> set[str]:
    """The district folders (or `42-loei` for a province-level file) the diagnostics of SEVERITY are in."""
    out = set()
    for d in diags:
        if d["severity"] == severity:
            parts = Path(d["path"]).resolve().parts
            i = parts.index("42-loei")
            out.add("/".join(parts[i:i + 2]) if len(parts) > i + 2 else PROVINCE)
    return out


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / "data" / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_main_has_warnings_in_other_districts(repo):
    code, out, _ = run_cli("validate", str(repo / "data"), "--format", "json", "--today", TODAY)
    warned = folders(json.loads(out), "warning")
    assert code == 0 and A in warned and B in warned and len(warned) > 2


def test_a_pull_request_sees_only_the_warnings_of_its_district(repo):
    edit(repo, f"{B}/roster/421201-pha-khao.yaml", "last_name: สีดาบุญมา", "last_name: สีดาบุญมาก")
    code, diags = diagnostics(repo)                       # uncommitted edit
    assert code == 0 and folders(diags, "warning") == {B}
    commit_all(repo, "pull request")                      # committed on top of main, as CI sees it
    code, diags = diagnostics(repo, "HEAD~1")
    assert code == 0 and folders(diags, "warning") == {B}


def test_an_error_in_an_unchanged_district_still_fails(repo):
    edit(repo, f"{A}/district.yaml", "  name: ภูหลวง\n", "  name: ภูหลวง\n  name: x\n")
    commit_all(repo, "main breaks A")
    edit(repo, f"{B}/roster/421201-pha-khao.yaml", "last_name: สีดาบุญมา", "last_name: สีดาบุญมาก")
    code, diags = diagnostics(repo, "HEAD")
    assert code == 1
    assert [(d["rule"], Path(d["path"]).parent.name) for d in diags if d["severity"] == "error"] == \
        [("yaml.duplicate-key", "4211-phu-luang")]
    assert folders(diags, "warning") == {B}               # A's warnings stay hidden


def test_a_cross_file_error_the_change_causes_elsewhere_is_reported(repo):
    """B renumbers its first person: the province club and B's club, which the pull request does not
    touch, now name a person who is not in any roster. Every error a full check finds is reported,
    wherever it stands (one outside B's folder is not this check's to hide)."""
    edit(repo, f"{B}/roster/421201-pha-khao.yaml", "id: 4212-0001", "id: 4212-9001")
    code, diags = diagnostics(repo)
    full_code, out, _ = run_cli("validate", str(repo / "data"), "--format", "json", "--today", TODAY)
    errors = {(d["rule"], d["path"], d["line"]) for d in diags if d["severity"] == "error"}
    assert code == full_code == 1 and errors
    assert errors == {(d["rule"], d["path"], d["line"]) for d in json.loads(out) if d["severity"] == "error"}
    assert folders(diags, "warning") <= {B}


def test_a_change_outside_the_data_shows_no_district_warnings(repo):
    (repo / "README.md").write_text("โครงการ (แก้ไข)\n", encoding="utf-8")
    code, diags = diagnostics(repo)
    assert code == 0 and diags == []
    edit(repo, f"{A}/district.yaml", "  name: ภูหลวง\n", "  name: ภูหลวง\n  name: x\n")
    code, diags = diagnostics(repo)                       # now A changed too: its warnings come back
    assert code == 1 and "yaml.duplicate-key" in {d["rule"] for d in diags}
    assert folders(diags, "warning") == {A}


def test_a_province_level_change_shows_province_warnings_not_the_districts(repo):
    edit(repo, f"{PROVINCE}/province.yaml", "\n", "\n# แก้ไขระดับจังหวัด\n")
    code, diags = diagnostics(repo)
    assert code == 0 and folders(diags, "warning") <= {PROVINCE}
    assert not any("/42" in d["path"].split("42-loei", 1)[1] for d in diags)


def test_the_text_report_of_an_unchanged_tree_passes(repo):
    code, out, _ = run_cli("validate", str(repo / "data"), "--changed-since", "main", "--today", TODAY)
    assert code == 0 and "ผ่าน" in out and "คำเตือน" not in out
