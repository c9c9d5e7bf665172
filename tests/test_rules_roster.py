"""check/rules/roster, roster.duplicate-id: a new person given an id that is already used gets the
error on the new person's line, the one the pull request added (validate --changed-since), whichever
file comes first (issue 11, §2)."""
from __future__ import annotations

import json

import pytest
from helpers import GIT_ENV, commit_all, init_repo, run_cli

DISTRICT = "data/42-loei/4214-nong-hin"
# 4214-0021 (นายมานพ สีดา) is a leader of ปวนพุ, the last file; the new volunteer goes in the first
NEW = ("  volunteers:\n  - id: 4214-0003\n",
       "  volunteers:\n  - id: 4214-0021\n    title: นาง\n    first_name: ทดลอง\n    last_name: คนใหม่\n"
       "    roles:\n    - role: อช.\n      start: 2024-01-10\n      end: 2028-01-09\n  - id: 4214-0003\n")


@pytest.fixture(autouse=True)
def git_identity(monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


def duplicate_ids(repo, *extra) -> list[dict]:
    code, out, err = run_cli("validate", str(repo / "data"), "--format", "json", "--today", "2024-02-01", *extra)
    assert code == 1, out + err
    return [d for d in json.loads(out) if d["rule"] == "roster.duplicate-id"]


def test_the_error_is_on_the_line_the_change_added(tmp_path, monkeypatch):
    repo = init_repo(tmp_path / "repo")
    commit_all(repo, "base")
    first = repo / DISTRICT / "roster/421401-nong-hin.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace(*NEW, 1), encoding="utf-8")
    monkeypatch.chdir(repo)
    new_line = first.read_text(encoding="utf-8").split("\n").index("  - id: 4214-0021") + 1

    # without the base, the later one in file order (the existing leader in ปวนพุ) is taken as new
    [plain] = duplicate_ids(repo)
    assert plain["path"].endswith("421403-puan-phu.yaml")

    # with it, the error stands on the added line and offers the next free id
    [found] = duplicate_ids(repo, "--changed-since", "HEAD")
    assert found["path"].endswith("roster/421401-nong-hin.yaml") and found["line"] == new_line, found
    assert "ทดลอง คนใหม่" in found["message"] and "มานพ สีดา" in found["message"]
    assert "`4214-0031`" in found["hint"]

    # once committed and changed again elsewhere, the base says who is new as well
    commit_all(repo, "the new volunteer")
    [again] = duplicate_ids(repo, "--changed-since", "HEAD~1")
    assert again["path"] == found["path"] and again["line"] == new_line
