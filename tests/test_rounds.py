"""Reporting rounds for years (issue 11, section 6): `thamniap new-round`, the dashboard's current
round and past rounds, the rules on `confirmations`, and history across the migration from the
single `confirmed_on`."""
from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from helpers import BASE, commit_all, git, init_repo, run_cli
from test_checkpr import DISTRICT, edit

from thamniap.check.validate import load_dataset
from thamniap.derive.dashboard import Status, summarise
from thamniap.derive.history import district_history
from thamniap.render.history import history_markdown
from thamniap.render.site import dashboard_page
from thamniap.tools.rounds import NewMeeting, NewRound, RoundRefused, scaffold

PROVINCE = "42-loei/province.yaml"
CLUB = "42-loei/4214-nong-hin/club.yaml"
NEW = NewRound("2568-club-update", "ทบทวนโครงสร้างชมรม ประจำปีงบประมาณ พ.ศ. 2568", "2024-11-01", "2024-11-30")


def added_lines(before: str, after: str) -> list[str]:
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:1] in "+-"]
    assert all(d.startswith("+ ") for d in diff), diff          # nothing removed or changed
    return [d[2:] for d in diff]


@pytest.fixture
def data(tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    return root


def test_new_round_adds_only_its_lines_and_keeps_comments(data):
    path = data / PROVINCE
    before = "# จังหวัดเลย: แก้ไขโดยสำนักงานจังหวัด\n" + path.read_text(encoding="utf-8").replace(
        "meetings:", "# การประชุมของแต่ละรอบ\nmeetings:")
    path.write_text(before, encoding="utf-8")
    code, out, err = run_cli("new-round", "2568-club-update", "--opens", "2024-11-01", "--deadline", "2024-11-30",
                             "--meeting-date", "2024-11-20", "--meeting-place", "ห้องประชุมภูเรือ: ชั้น 4", "--data", str(data))
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    assert added_lines(before, after) == [
        "- id: 2568-club-update",
        "  title: ทบทวน ปรับปรุงโครงสร้างสมาคม/ชมรม ผู้นำอาสาพัฒนาชุมชน (ผู้นำ อช.) ให้เป็นปัจจุบัน ประจำปีงบประมาณ พ.ศ. 2568",
        "  opens: 2024-11-01", "  deadline: 2024-11-30",
        "- id: 2568-club-update-meeting", "  title: ประชุมผู้แทนชมรมและเจ้าหน้าที่", "  date: 2024-11-20",
        "  time: 09:00", "  place: 'ห้องประชุมภูเรือ: ชั้น 4'",        # quoted in the house style (write/style.py)
        "  representatives_per_district: 2", "  officials_per_district: 1"]
    # the new round comes right after the old one, before the comment that opens `meetings:`
    assert after.index("deadline: 2024-11-30") < after.index("# การประชุมของแต่ละรอบ")
    assert "2568-club-update" in out
    assert [r.id for r in provinces_of(data).rounds] == ["2567-club-update", "2568-club-update"]


def test_new_round_refuses_a_duplicate_and_bad_dates_changing_nothing(data):
    path = data / PROVINCE
    before = path.read_bytes()
    code, _, err = run_cli("new-round", "2567-club-update", "--opens", "2567-11-01", "--deadline", "2024-10-30",
                           "--data", str(data))
    assert code == 1 and path.read_bytes() == before
    assert "มีรหัสรอบ `2567-club-update` ใน province.yaml อยู่แล้ว" in err
    assert "2024-11-01" in err                                  # the B.E. year, with the corrected date
    with pytest.raises(RoundRefused) as refused:
        scaffold(before.decode(), NewRound("x2568", "t", "2024-12-01", "2024-11-30"))
    assert "อยู่หลังกำหนดส่ง" in refused.value.args[0][0]
    with pytest.raises(RoundRefused):
        scaffold(before.decode(), NewRound("2568-r", "t", "2024-11-01", "2024-11-30",
                                           NewMeeting("2567-anniversary-55-prep", "m", "2024-11-20", "09:00", "p")))
    with pytest.raises(RoundRefused) as refused:
        scaffold(before.decode(), NewRound("2568-r", "t", "2024-11-01", "2024-11-30",
                                           NewMeeting("2568-m", "m", "2024-11-20", "9.00", "")))
    assert len(refused.value.args[0]) == 2                      # no place, and the time's form


def two_rounds(data: Path, club_confirmations: str) -> None:
    path = data / PROVINCE
    path.write_text(scaffold(path.read_text(encoding="utf-8"), NEW), encoding="utf-8")
    edit(data / CLUB, "confirmations: [{round: 2567-club-update, date: 2024-01-20}]",
         f"confirmations: {club_confirmations}")


def summary_on(data: Path, today: dt.date):
    return summarise(provinces_of(data), today)


def test_dashboard_current_round_is_chosen_by_today(data):
    two_rounds(data, "[{round: 2567-club-update, date: 2024-01-20}]")
    before = summary_on(data, dt.date(2024, 10, 31))          # the new round has not opened yet
    assert before.round_id == "2567-club-update" and before.past_rounds == ()
    assert not before.districts[0].stale and before.districts[0].status is Status.ON_TIME
    after = summary_on(data, dt.date(2024, 12, 5))
    assert after.round_id == "2568-club-update" and after.deadline == dt.date(2024, 11, 30)
    row = after.districts[0]
    # confirmed only in the old round: stale, and not yet sent for the current one (5 days overdue)
    assert row.stale and row.status is Status.NOT_YET and row.days_late == 5 and row.confirmed_on is None
    assert row.history == (("2567-club-update", dt.date(2024, 1, 20)),)
    page = dashboard_page(provinces_of(data), after)
    assert "รอบปัจจุบัน" in page and "2568-club-update" in page and "การยืนยันในรอบก่อน ๆ" in page
    assert "20 ม.ค. 2567" in page


def provinces_of(data: Path):
    [province] = load_dataset(data).provinces
    return province


def test_dashboard_history_says_not_confirmed(data):
    two_rounds(data, "[{round: 2568-club-update, date: 2024-11-10}]")
    s = summary_on(data, dt.date(2024, 12, 5))
    row = s.districts[0]
    assert not row.stale and row.status is Status.ON_TIME and row.history == (("2567-club-update", None),)
    assert "ไม่ได้ยืนยัน" in dashboard_page(provinces_of(data), s)


def test_rules_on_two_rounds(data):
    two_rounds(data, "[{round: 2567-club-update, date: 2024-01-20}, {round: 2568-club-update, date: 2024-10-20}]")
    code, out, _ = run_cli("validate", str(data), "--today", "2024-12-05")
    assert "warning[club.confirmed-outside-round]" in out and "ก่อนรอบ 2568-club-update เริ่ม" in out
    edit(data / CLUB, "2024-10-20}", "2024-11-10}")
    code, out, _ = run_cli("validate", str(data), "--today", "2024-12-05")
    assert code == 0 and "club.confirmed-outside-round" not in out
    assert not [l for l in out.splitlines() if "club.not-confirmed" in l and "nong-hin" in l]   # only the province club
    edit(data / CLUB, "{round: 2567-club-update, date: 2024-01-20}", "{round: 2567-club-update, date: 2024-11-05}")
    code, out, _ = run_cli("validate", str(data), "--today", "2024-12-05")
    assert "หลังรอบถัดไปเริ่มแล้ว" in out


def test_old_confirmed_on_is_a_located_error_naming_the_new_form(data):
    edit(data / CLUB, "confirmations: [{round: 2567-club-update, date: 2024-01-20}]", "confirmed_on: 2024-01-20")
    code, out, _ = run_cli("validate", str(data), "--today", "2024-02-01")
    assert code == 1
    line = next(l for l in out.splitlines() if "schema.replaced-key" in l)
    assert ":13:" in line and "confirmations" in line and "- round: 2567-club-update" in line
    assert "schema.missing-key" not in out and "club.not-confirmed" not in out


def test_history_across_the_migration(tmp_path, monkeypatch):
    """An old revision with `confirmed_on`, migrated with the same date: no change; a later date: one."""
    for key, value in {"GIT_AUTHOR_DATE": "2024-01-05T10:00:00+07:00",
                       "GIT_COMMITTER_DATE": "2024-01-05T10:00:00+07:00"}.items():
        monkeypatch.setenv(key, value)
    repo = init_repo(tmp_path / "repo")
    club = repo / DISTRICT / "club.yaml"
    edit(club, "confirmations: [{round: 2567-club-update, date: 2024-01-20}]", "confirmed_on: 2024-01-20")
    commit_all(repo, "old form")
    edit(club, "confirmed_on: 2024-01-20", "confirmations:\n  - round: 2567-club-update\n    date: 2024-01-20")
    commit_all(repo, "migrate")
    edit(club, "date: 2024-01-20", "date: 2024-01-22")
    commit_all(repo, "confirm again")
    entries = district_history(repo, repo / DISTRICT)
    assert len(entries) == 3 and entries[2].changes.status == "added"
    assert entries[1].changes.empty                              # the migration itself changed nothing
    assert [c.subject for c in entries[0].changes.confirmed] == ["2567-club-update"]
    text = history_markdown(entries, "https://example.org/commit/").replace("\\", "")
    assert "ยืนยันข้อมูลเมื่อ (รอบ 2567-club-update): 20 มกราคม 2567 → 22 มกราคม 2567" in text
    assert git(repo, "log", "--format=%s").split("\n")[:3] == ["confirm again", "migrate", "old form"]


def test_sample_and_new_district_write_the_new_form(tmp_path):
    out = tmp_path / "data"
    code, _, err = run_cli("sample", "--out", str(out))
    assert code == 0, err
    clubs = [p.read_text(encoding="utf-8") for p in out.rglob("club.yaml")]
    assert clubs and not any("confirmed_on" in c for c in clubs)
    assert any("- round: 2567-club-update" in c for c in clubs) and any("confirmations: []" in c for c in clubs)
    code, out_text, _ = run_cli("validate", str(out), "--today", "2024-02-01")
    assert code == 0 and "schema." not in out_text and "club.unknown-round" not in out_text


def test_district_page_lists_the_report_of_each_round(data, tmp_path):
    """Each district page shows its confirmation in every round, the current one first (issue 11, §6)."""
    two_rounds(data, "[{round: 2567-club-update, date: 2024-01-26}]")
    out = tmp_path / "pages"
    code, _, err = run_cli("pages", str(out), "--data", str(data), "--today", "2024-12-05")
    assert code == 0, err
    page = (out / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    section = page[page.index("### การรายงานต่อจังหวัดรายรอบ"):page.index("### แผนผังคณะกรรมการ")]
    current, past = section.split("</tr><tr>")
    assert "รอบปัจจุบัน:" in current and "<code>2568-club-update</code>" in current and "กำหนดส่ง 30 พฤศจิกายน 2567" in current
    assert "ยังไม่ยืนยัน" in current
    assert "<code>2567-club-update</code>" in past and "ยืนยันเมื่อ 26 มกราคม 2567 (หลังกำหนด)" in past
