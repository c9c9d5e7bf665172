"""thamniap.vcs.git, the one door to git, on real temporary repositories (no mocks of git)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import GIT_ENV, commit_all, git, init_repo, run_cli

from thamniap.vcs import git as vcs

DISTRICT = "data/42-loei/4214-nong-hin"


@pytest.fixture(autouse=True)
def git_identity(monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    root = init_repo(tmp_path / "repo")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-01-05T10:00:00+07:00")
    commit_all(root, "base")
    return root


HOSTILE = ["--upload-pack=evil", "--output=OUT", "-p"]


@pytest.mark.parametrize("rev", HOSTILE)
def test_a_revision_that_looks_like_an_option_never_reaches_git(repo, rev):
    out = repo / "OUT"
    rev = rev.replace("OUT", str(out))
    calls = [lambda: vcs.commit(repo, rev), lambda: vcs.changed(repo, rev), lambda: vcs.changed(repo, "HEAD", rev),
             lambda: vcs.tree(repo, rev, "data"), lambda: vcs.merge_base(repo, rev, "HEAD")]
    for call in calls:
        with pytest.raises(vcs.GitError, match="ชื่อรุ่น"):
            call()
    assert not out.exists()


def test_validate_changed_since_refuses_an_option_as_revision(repo):
    out = repo / "written-by-git.txt"
    code, _, err = run_cli("validate", str(repo / "data"), f"--changed-since=--output={out}")
    assert code == 2 and "ชื่อรุ่น (revision) ไม่ถูกต้อง" in err and not out.exists()


def test_commit_names_a_missing_revision_in_thai(repo):
    assert vcs.commit(repo, "main") == git(repo, "rev-parse", "HEAD").strip()
    with pytest.raises(vcs.GitError, match="ไม่พบรุ่น"):
        vcs.commit(repo, "no-such-branch")


def test_outside_a_checkout(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    outside = tmp_path / "plain"
    outside.mkdir()
    assert vcs.toplevel_or_none(outside) is None and vcs.run_or_none(outside, "status") is None
    with pytest.raises(vcs.GitError, match="คำสั่ง git rev-parse ไม่สำเร็จ"):
        vcs.toplevel(outside)
    with pytest.raises(vcs.GitError, match="ไม่พบโปรแกรม git"):
        vcs.run(tmp_path / "no-such-folder", "status")


def test_changed_and_untracked_paths_are_never_quoted_or_split(repo):
    odd = f"{DISTRICT}/บันทึก การประชุม.txt"
    (repo / odd).write_text("x\n", encoding="utf-8")
    assert vcs.untracked(repo, ("data",)) == [odd]
    (repo / f"{DISTRICT}/link.yaml").symlink_to("club.yaml")
    commit_all(repo, "odd names")
    found = {c.path: (c.old_mode, c.new_mode) for c in vcs.changed(repo, "HEAD~1", "HEAD")}
    assert found == {odd: ("000000", "100644"), f"{DISTRICT}/link.yaml": ("000000", "120000")}
    (repo / odd).unlink()
    assert [(c.path, c.new_mode) for c in vcs.changed(repo, "HEAD", paths=("data",))] == [(odd, "000000")]


def test_blobs_read_ids_and_paths_and_stay_in_step(repo):
    (repo / f"{DISTRICT}/link.yaml").symlink_to("../../../../outside-secret")
    commit_all(repo, "link")
    entries = {e.path: e for e in vcs.tree(repo, "HEAD", DISTRICT)}
    club = (repo / DISTRICT / "club.yaml").read_bytes()
    with vcs.Blobs(repo) as blobs:
        assert blobs.read(entries[f"{DISTRICT}/club.yaml"].oid) == (entries[f"{DISTRICT}/club.yaml"].oid, club)
        assert blobs.read(f"HEAD:{DISTRICT}/missing.yaml") is None
        assert blobs.read(f"HEAD:{DISTRICT}") is None                      # a tree: read past, not returned
        assert blobs.read("HEAD\nHEAD:data") is None                       # would be two requests
        assert blobs.read(f"HEAD:{DISTRICT}/link.yaml")[1] == b"../../../../outside-secret"  # the link itself
        assert blobs.read(f"HEAD:{DISTRICT}/club.yaml")[1] == club         # still in step after all that
    assert entries[f"{DISTRICT}/link.yaml"].mode == "120000"


def test_first_parent_log_counts_a_merge_once(repo, monkeypatch):
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "pr")
    (repo / DISTRICT / "notes.txt").write_text("x\n", encoding="utf-8")
    commit_all(repo, "pr work")
    git(repo, "checkout", "-q", "main")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-01-12T23:30:00+00:00")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge", "pr")
    log = vcs.first_parent_log(repo, ["data/42-loei"])
    assert [c.parent for c in log] == [base, None]
    assert log[0].files == (f"{DISTRICT}/notes.txt",)
    assert log[0].committed == dt.datetime(2024, 1, 12, 23, 30, tzinfo=dt.timezone.utc)
    assert vcs.merge_base(repo, "main", "pr") == git(repo, "rev-parse", "pr").strip()
    assert vcs.first_parent_log(repo / "no-such-folder", ["data"]) is None
