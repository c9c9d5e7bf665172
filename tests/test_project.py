"""The project is found from where the user stands (or `--project DIR`), never from where the
package is installed; outside a project, a command that needs one exits 2 with a Thai message.
(tests/test_install.py runs the same with a real, non-editable install.)"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import BASE, run_cli

from thamniap.core import project

DISTRICT = "42-loei/4214-nong-hin/district.yaml"


def make_project(root: Path, broken: bool = False) -> Path:
    """ROOT as a project: mkdocs.yml and a copy of the base dataset as data/ (DISTRICT broken)."""
    shutil.copytree(BASE, root / "data")
    (root / "mkdocs.yml").write_text("site_name: ทดสอบ\nsite_url: https://example.org/t/\n", encoding="utf-8")
    if broken:
        district = root / "data" / DISTRICT
        district.write_text(district.read_text(encoding="utf-8").replace("  name: หนองหิน\n", "  name: หนองหิน\n  name: x\n", 1),
                            encoding="utf-8")
    return root


def rules_at(out: str) -> set[tuple[str, str]]:
    return {(d["rule"], Path(d["path"]).resolve().as_posix()) for d in json.loads(out)}


def test_find_is_the_nearest_folder_with_mkdocs_yml_and_data(tmp_path):
    root = make_project(tmp_path / "p")
    assert project.find(root / "data" / "42-loei").root == root.resolve()
    assert project.find(root).root == root.resolve()
    assert project.find(tmp_path) is None
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")   # no data/: not a project
    assert project.find(tmp_path / "q") is None


def test_validate_checks_the_project_of_the_current_directory(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", broken=True)
    monkeypatch.chdir(root / "data" / "42-loei")
    code, out, _ = run_cli("validate", "--format", "json", "--today", "2024-03-01")
    assert code == 1
    assert rules_at(out) == {("yaml.duplicate-key", (root / "data" / DISTRICT).resolve().as_posix())}


def test_project_option_before_or_after_the_command(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", broken=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    for argv in (("--project", str(root), "validate"), ("validate", "--project", str(root))):
        code, out, _ = run_cli(*argv, "--format", "json", "--today", "2024-03-01")
        assert code == 1 and {rule for rule, _ in rules_at(out)} == {"yaml.duplicate-key"}, argv


@pytest.mark.parametrize("argv", [("validate",), ("codeowners", "--check"), ("new-district", "4201"),
                                  ("pages", "out"), ("sample",), ("template-xlsx", "4214", "-o", "x.xlsx")])
def test_outside_a_project_a_default_is_refused_in_thai(tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(*argv)
    assert code == 2 and out == ""
    assert "ไม่พบโครงการทำเนียบ" in err and "mkdocs.yml" in err and "--project" in err
    assert list(tmp_path.iterdir()) == []           # nothing written anywhere


def test_a_project_option_that_is_not_a_project(tmp_path):
    code, _, err = run_cli("--project", str(tmp_path), "validate")
    assert code == 2 and "ไม่ใช่โฟลเดอร์โครงการทำเนียบ" in err


def test_explicit_paths_need_no_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli("validate", str(BASE), "--today", "2024-03-01")[0] == 0


def test_codeowners_defaults_follow_the_project(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p")
    monkeypatch.chdir(root / "data")
    code, out, err = run_cli("codeowners")
    assert code == 0, err
    written = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/data/42-loei/4214-nong-hin/" in written
