"""District change history from real temporary git repositories (no mocks of git)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import GIT_ENV, REPO, commit_all, git, init_repo, run_cli
from test_checkpr import DISTRICT, change_president_and_add_volunteer, edit

from thamniap.derive.history import current_meetings, district_history, histories
from thamniap.render.history import UNAVAILABLE, history_markdown


@pytest.fixture(autouse=True)
def git_identity(monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


def commit_at(repo: Path, message: str, when: str, monkeypatch) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", when)
    monkeypatch.setenv("GIT_COMMITTER_DATE", when)
    commit_all(repo, message)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    root = init_repo(tmp_path / "repo")
    commit_at(root, "ข้อมูลตั้งต้น", "2024-01-05T10:00:00+07:00", monkeypatch)
    return root


def test_history_names_each_change_newest_first(repo, monkeypatch):
    change_president_and_add_volunteer(repo)
    commit_at(repo, "เปลี่ยนประธาน", "2024-01-20T23:30:00+00:00", monkeypatch)  # 21 Jan in Thailand
    edit(repo / DISTRICT / "club.yaml", "date: 2024-01-20}", "date: 2024-01-22}")
    commit_at(repo, "ยืนยัน", "2024-01-22T09:00:00+07:00", monkeypatch)
    edit(repo / "data/42-loei/province.yaml", "deadline: 2024-01-24", "deadline: 2024-01-31")
    commit_at(repo, "จังหวัด", "2024-01-23T09:00:00+07:00", monkeypatch)  # not this district's

    entries = district_history(repo, repo / DISTRICT)
    assert [e.date.isoformat() for e in entries] == ["2024-01-22", "2024-01-21", "2024-01-05"]
    assert entries[2].changes.status == "added"
    assert len(entries[0].short) == 7 and entries[0].commit.startswith(entries[0].short)
    text = history_markdown(entries, "https://github.com/loei-cdd/thamniap/commit/")
    assert "**22 มกราคม 2567**" in text and "**21 มกราคม 2567**" in text and "**5 มกราคม 2567**" in text
    assert "ยืนยันข้อมูลเมื่อ (รอบ 2567-club-update): 20 มกราคม 2567 → 22 มกราคม 2567" in text.replace("\\", "")
    assert "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in text and "นางสาวมาลัย ใจงาม" in text
    assert "เพิ่มข้อมูลอำเภอนี้ (32 คน รวมเจ้าหน้าที่, กรรมการชมรม 8 ตำแหน่ง)" in text.replace("\\", "")
    assert f'href="https://github.com/loei-cdd/thamniap/commit/{entries[0].commit}"' in text
    assert "กำหนดส่ง" not in text


def test_limit_and_comment_only_edits(repo, monkeypatch):
    for day in range(10, 14):
        edit(repo / DISTRICT / "club.yaml", "# yaml-language-server", f"# แก้ครั้งที่ {day}\n# yaml-language-server")
        commit_at(repo, f"comment {day}", f"2024-02-{day}T09:00:00+07:00", monkeypatch)
    entries = district_history(repo, repo / DISTRICT, limit=2)
    assert [e.date.day for e in entries] == [13, 12]
    assert "ไม่มีการเปลี่ยนแปลงข้อมูล" in history_markdown(entries)


def test_merge_commits_count_once_on_the_main_line(repo, monkeypatch):
    git(repo, "checkout", "-q", "-b", "pr")
    change_president_and_add_volunteer(repo)
    commit_at(repo, "pr work", "2024-01-10T09:00:00+07:00", monkeypatch)
    git(repo, "checkout", "-q", "main")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-01-12T09:00:00+07:00")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge pull request #1", "pr")
    entries = district_history(repo, repo / DISTRICT)
    assert [e.date.day for e in entries] == [12, 5]
    assert "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in history_markdown(entries)


def test_a_file_with_errors_does_not_list_everyone_as_removed(repo, monkeypatch):
    edit(repo / DISTRICT / "roster/421402-tat-kha.yaml", "name: ตาดข่า", "name: 'ตาดข่า")   # an unclosed quote
    commit_at(repo, "broken", "2024-01-06T09:00:00+07:00", monkeypatch)
    edit(repo / DISTRICT / "roster/421401-nong-hin.yaml", "last_name: คำภา", "last_name: คำภาดี")
    commit_at(repo, "a change beside it", "2024-01-07T09:00:00+07:00", monkeypatch)
    entries = district_history(repo, repo / DISTRICT)
    assert entries[1].changes.removed == [] and entries[0].changes.removed == []
    assert "อ่าน roster/421402\\-tat\\-kha\\.yaml ไม่ได้" in history_markdown(entries)
    assert "นามสกุล: คำภา → คำภาดี" in history_markdown(entries[:1])   # the other files still compared


def test_without_git_history_is_unavailable(base_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert district_history(base_copy, base_copy / "42-loei/4214-nong-hin") is None
    assert UNAVAILABLE in history_markdown(None)


def test_shallow_clone_does_not_invent_an_added_entry(repo, monkeypatch, tmp_path):
    change_president_and_add_volunteer(repo)
    commit_at(repo, "change", "2024-01-20T09:00:00+07:00", monkeypatch)
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    assert district_history(clone, clone / DISTRICT) == []
    assert "ยังไม่มีประวัติ" in history_markdown([])


def test_untracked_folder_has_no_history(repo):
    shutil.copytree(repo / DISTRICT, repo / "data/42-loei/4213-erawan")
    found = histories(repo, [repo / DISTRICT, repo / "data/42-loei/4213-erawan"])
    assert found[repo / "data/42-loei/4213-erawan"] == [] and len(found[repo / DISTRICT]) == 1


def test_hostile_values_in_history_are_escaped(repo, monkeypatch):
    edit(repo / DISTRICT / "club.yaml", "order_no: 34/2566", "order_no: '<img src=x onerror=alert(1)>[x](javascript:y)'")
    commit_at(repo, "hostile", "2024-01-06T09:00:00+07:00", monkeypatch)
    text = history_markdown(district_history(repo, repo / DISTRICT))
    assert "<img" not in text and "](javascript" not in text and "&lt;img" in text


def test_district_page_shows_history_section(repo, tmp_path, monkeypatch):
    change_president_and_add_volunteer(repo)
    commit_at(repo, "change", "2024-01-20T09:00:00+07:00", monkeypatch)
    out = tmp_path / "pages"
    code, _, err = run_cli("pages", str(out), "--data", str(repo / "data"), "--today", "2024-02-01")
    assert code == 0, err
    page = (out / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    assert page.index("## ประวัติการแก้ไข") < page.index("## ดาวน์โหลดและ QR code")
    assert "**20 มกราคม 2567**" in page and "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in page


def test_golden_page_built_outside_git_says_history_is_unavailable():
    page = (REPO / "tests/golden/pages/districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    assert "## ประวัติการแก้ไข" in page and UNAVAILABLE in page


def test_history_reads_across_the_split_of_the_roster(repo, monkeypatch):
    """Commits from before `split-roster` (one roster.yaml) and after (roster/) read as one history:
    the split itself changes no data, and changes on either side are named."""
    from test_split_roster import to_legacy
    district = repo / DISTRICT
    to_legacy(district)
    commit_at(repo, "one file", "2024-01-06T09:00:00+07:00", monkeypatch)
    edit(district / "roster.yaml", "last_name: ศรีวงษ์", "last_name: ศรีวงศ์")
    commit_at(repo, "before the split", "2024-01-07T09:00:00+07:00", monkeypatch)
    rc, out, err = run_cli("split-roster", "--data", str(repo / "data"))
    assert rc == 0, out + err
    commit_at(repo, "split", "2024-01-08T09:00:00+07:00", monkeypatch)
    edit(district / "roster/421403-puan-phu.yaml", "name: บ้านนาซ่าว", "name: บ้านนาซ่าวใหม่")
    commit_at(repo, "after the split", "2024-01-09T09:00:00+07:00", monkeypatch)
    entries = district_history(repo, district)
    assert [e.date.day for e in entries] == [9, 8, 7, 6, 5]
    assert entries[1].changes.empty and entries[3].changes.empty      # the split, and the move to one file
    text = history_markdown(entries)
    assert "บ้านนาซ่าวใหม่" in text and "นามสกุล: ศรีวงษ์ → ศรีวงศ์" in text
    assert "ไม่ได้" not in history_markdown(entries[:4])               # nothing unreadable


def test_an_old_roster_that_cannot_be_cut_lists_no_one_as_removed(repo, monkeypatch):
    from test_split_roster import to_legacy
    district = repo / DISTRICT
    legacy = to_legacy(district)
    head, _, items = legacy.read_text(encoding="utf-8").partition("subdistricts:\n")
    indented = "".join("  " + line if line.strip() else line for line in items.splitlines(keepends=True))
    legacy.write_text(head + "subdistricts:\n" + indented, encoding="utf-8")   # valid YAML, another layout
    commit_at(repo, "indented", "2024-01-06T09:00:00+07:00", monkeypatch)
    entries = district_history(repo, district)
    assert entries[0].changes.removed == [] and entries[0].changes.added == []
    assert "อ่าน roster\\.yaml ไม่ได้" in history_markdown(entries[:1])


def test_an_old_file_the_schema_refuses_is_reported_not_hidden(repo, monkeypatch):
    """An old club.yaml of another shape (valid YAML) is read as today's would be: the schema's located
    error travels with the entry, the club is not compared (so no seat reads as changed), and the page
    says the file could not be read."""
    edit(repo / DISTRICT / "club.yaml", "  kind: ชมรม", "  kind: [ชมรม]")
    commit_at(repo, "another shape", "2024-01-06T09:00:00+07:00", monkeypatch)
    edit(repo / DISTRICT / "club.yaml", "  kind: [ชมรม]", "  kind: ชมรม")
    commit_at(repo, "fixed", "2024-01-07T09:00:00+07:00", monkeypatch)
    fixed, broken, first = district_history(repo, repo / DISTRICT)
    assert [d.rule.split(".")[0] for d in broken.problems] == ["schema"]
    problem = broken.problems[0]
    assert problem.path == f"{DISTRICT}/club.yaml" and problem.line == 4 and problem.message
    assert broken.changes.unreadable == ["club.yaml"] and fixed.changes.unreadable == ["club.yaml"]
    assert broken.changes.posts == broken.changes.club == fixed.changes.posts == fixed.changes.club == []
    assert fixed.problems == () and first.problems == ()
    assert "อ่าน club\\.yaml ไม่ได้" in history_markdown([broken])


def test_an_old_file_that_is_not_yaml_carries_its_yaml_error(repo, monkeypatch):
    edit(repo / DISTRICT / "meeting.yaml", "nominations:", "nominations: [")
    commit_at(repo, "broken", "2024-01-06T09:00:00+07:00", monkeypatch)
    entry = district_history(repo, repo / DISTRICT)[0]
    assert [d.rule for d in entry.problems] == ["yaml.syntax"]
    assert entry.problems[0].path == f"{DISTRICT}/meeting.yaml"
    assert entry.changes.unreadable == ["meeting.yaml"] and entry.changes.nominees == []


def test_meeting_titles_of_a_province_file_the_schema_refuses_are_none(tmp_path):
    province = tmp_path / "42-loei"
    shutil.copytree(REPO / "tests/fixtures/base/42-loei", province, ignore=shutil.ignore_patterns("42*-*"))
    assert current_meetings(province)            # today's file: its meetings by id
    edit(province / "province.yaml", "meetings:", "meetings: 5\nold_meetings:")
    assert current_meetings(province) == {}
