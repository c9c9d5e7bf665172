"""Issue 20 §2 §3: who has not reported (dashboard, `thamniap status`), the reminder issues of
`thamniap remind` on the fake GitHub client, and the rounds' calendar file (.ics)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from helpers import BASE, REPO
from test_fixtures import apply_edits

from thamniap.bot.remind import remind_command
from thamniap.check.validate import load_dataset
from thamniap.cli import main
from thamniap.derive.dashboard import not_reported, summarise, waiting_key
from thamniap.model import Meeting, Province, Round, rounds
from thamniap.model.rounds import State
from thamniap.render import reminders
from thamniap.render.calendar import rounds_calendar
from thamniap.render.site import SiteSettings, dashboard_page

D = "42-loei/4214-nong-hin/"
NOT_CONFIRMED = [{"file": D + "club.yaml", "replace": "[{round: 2567-club-update, date: 2024-01-20}]", "with": "[]"}]
REPORTED_27 = [{"file": D + "club.yaml", "replace": "  confirmations: []", "with":
                "  confirmations: [{round: 2567-club-update, date: 2024-01-27}]"}]
OWN_PHONE = [{"file": D + "district.yaml", "replace": "  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n",
              "with": "  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n  phone: '0 4289 1234'\n"}]
SETTINGS = SiteSettings(site_url="https://example.org/thamniap/", repo_url="https://github.com/o/r", edit_uri="edit/main/docs/")
DEADLINE = dt.date(2024, 1, 24)


def data_copy(tmp_path: Path, edits: list[dict], base: Path = BASE) -> Path:
    root = tmp_path / "data"
    shutil.copytree(base, root)
    apply_edits(root, edits)
    return root


def province_at(root: Path) -> Province:
    [province] = load_dataset(root).provinces
    return province


# ---------------------------------------------------------------- standing → order

def test_overdue_first_longest_first_then_due_soon_then_not_yet_due():
    today = dt.date(2024, 1, 25)
    made = {code: Round(code, code, dt.date(2024, 1, 1), deadline) for code, deadline in
            (("a", dt.date(2024, 2, 20)), ("b", dt.date(2024, 1, 20)), ("c", dt.date(2024, 1, 28)),
             ("d", dt.date(2024, 1, 10)))}
    standings = {code: rounds.standing(None, rnd, today) for code, rnd in made.items()}
    assert [s.state for s in standings.values()] == [State.NOT_YET_DUE, State.OVERDUE, State.DUE_SOON, State.OVERDUE]
    order = sorted(standings, key=lambda code: waiting_key(standings[code], code))
    assert order == ["d", "b", "c", "a"]       # overdue 15 days, overdue 5 days, due soon, not yet due
    assert [reminders.standing_words(standings[c]) for c in order] == [
        "เกินกำหนด 15 วัน", "เกินกำหนด 5 วัน", "ใกล้ครบกำหนด (อีก 3 วัน)", "ยังไม่ถึงกำหนด (อีก 26 วัน)"]


def test_dashboard_leads_with_the_districts_that_have_not_reported():
    """The real data on 20 Jan 2024: seven districts have reported, seven have not (due soon)."""
    province = province_at(REPO / "data")
    summary = summarise(province, dt.date(2024, 1, 20))
    waiting = [row.code for row in summary.waiting]
    assert waiting == [w.district.code for w in not_reported(province, rounds.current_round(province, summary.today), summary.today)]
    assert waiting == ["4203", "4205", "4206", "4207", "4208", "4211", "4214"]
    page = dashboard_page(province, summary, SETTINGS)
    first, cards = page.index("## อำเภอที่ยังไม่ส่งรายงาน"), page.index("## รายอำเภอ")
    assert first < cards
    section = page[first:cards]
    items = re.findall(r'<li class="tn-waiting__item">.*?</li>', section, re.S)
    assert [re.search(r'href="\.\./districts/(\d{4})-', item)[1] for item in items] == waiting
    chiang_khan = items[0]
    assert '<a href="tel:+6642411773">0 4241 1773</a>' in chiang_khan    # no own number: the province's, labelled
    assert "ยังไม่มีหมายเลขของสำนักงานอำเภอ" in chiang_khan
    assert '<a href="../report/4203-chiang-khan/">หน้ารายงานของอำเภอ</a>' in chiang_khan
    text = re.search(r"<textarea[^>]*>(.*?)</textarea>", chiang_khan, re.S)[1]
    assert "อำเภอเชียงคาน" in text and "ภายในวันที่ 24 มกราคม 2567" in text
    assert "https://example.org/thamniap/report/4203-chiang-khan/" in text
    assert "data-copy" in chiang_khan and "\n\n" not in section.split("<ol", 1)[1].split("</ol>")[0]   # one raw HTML block
    assert "4201" not in "".join(items)            # reported on 18 Jan: not listed


def test_dashboard_tel_link_is_the_districts_own_office_phone(tmp_path):
    province = province_at(data_copy(tmp_path, NOT_CONFIRMED + OWN_PHONE))
    page = dashboard_page(province, summarise(province, dt.date(2024, 1, 26)), SETTINGS)
    [item] = re.findall(r'<li class="tn-waiting__item">.*?</li>', page, re.S)
    assert '<a href="tel:+6642891234">0 4289 1234</a>' in item and "ยังไม่มีหมายเลข" not in item
    assert "เกินกำหนด 2 วัน" in item and "ขณะนี้เกินกำหนด 2 วันแล้ว" in item


def test_dashboard_says_when_everyone_has_reported():
    province = province_at(BASE)
    page = dashboard_page(province, summarise(province, dt.date(2024, 2, 1)), SETTINGS)
    assert "ส่งรายงานรอบนี้ครบทั้ง 1 อำเภอแล้ว" in page and "tn-waiting__item" not in page


# ---------------------------------------------------------------- thamniap status

def status(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--project", str(REPO), "status", *args])
    done = capsys.readouterr()
    return code, done.out, done.err


def test_status_text_lists_who_has_not_reported_overdue_first(capsys):
    code, out, _ = status(capsys, "--today", "2024-01-26")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("รอบ 2567-club-update: ") and "กำหนดส่ง 24 มกราคม 2567" in lines[0]
    assert "ข้อมูล ณ วันที่ 26 มกราคม 2567" in lines[0]
    assert lines[1] == "ยังไม่ส่งรายงาน 4 จาก 14 อำเภอ:"
    assert [line.split()[1] for line in lines[2:]] == ["4203", "4207", "4211", "4214"]
    assert lines[2] == ("- 4203 อำเภอเชียงคาน: เกินกำหนด 2 วัน — โทร 0 4241 1773 (สำนักงานจังหวัด) — "
                        "https://loei-cdd.github.io/thamniap/report/4203-chiang-khan/")


def test_status_before_the_deadline_and_for_a_named_round(capsys):
    code, out, _ = status(capsys, "--today", "2024-01-10", "--round", "2567-club-update")
    assert code == 0 and "ยังไม่ส่งรายงาน 14 จาก 14 อำเภอ:" in out
    assert out.count("ยังไม่ถึงกำหนด (อีก 14 วัน)") == 14


def test_status_csv(capsys):
    code, out, _ = status(capsys, "--today", "2024-02-05", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(reminders.STATUS_COLUMNS)
    assert rows[1:] == [["4214", "หนองหิน", "เกินกำหนด 12 วัน", "24 มกราคม 2567", "12", "0 4241 1773 (สำนักงานจังหวัด)",
                         "https://loei-cdd.github.io/thamniap/report/4214-nong-hin/"]]


def test_status_unknown_round_is_refused(capsys):
    code, out, err = status(capsys, "--round", "2599-nothing", "--today", "2024-01-10")
    assert code == 1 and out == ""
    assert "ไม่พบรอบการรายงาน 2599-nothing" in err and "2567-club-update" in err


# ---------------------------------------------------------------- thamniap remind

def remind(root: Path, today: str, client: FakeGitHub, publish: bool = True) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = remind_command(root, REPO / "mkdocs.yml", dt.date.fromisoformat(today), publish, client, out, err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_remind_opens_updates_and_closes_over_a_round(tmp_path):
    root = data_copy(tmp_path, NOT_CONFIRMED)
    client = FakeGitHub("unused")

    out = remind(root, "2024-01-04", client)               # the round has not opened: nothing to say
    assert client.issues == {} and "ไม่มีเรื่องเตือน" in out

    out = remind(root, "2024-01-10", client)               # opened, 14 days left
    [(number, issue)] = client.issues.items()
    assert out.strip() == f"เปิดเรื่องเตือนแล้ว #{number}: อำเภอหนองหิน (ยังไม่ถึงกำหนด (อีก 14 วัน))"
    assert issue["labels"] == {reminders.LABEL} and issue["state"] == "open"
    assert issue["body"].startswith("@loei-cdd/district-4214\n")
    assert "กำหนดส่ง: **24 มกราคม 2567** — ยังไม่ถึงกำหนด" in issue["body"]
    assert "https://loei-cdd.github.io/thamniap/report/4214-nong-hin/" in issue["body"]
    assert issue["title"] == "อำเภอหนองหิน ยังไม่ส่งรายงานรอบ 2567-club-update (กำหนดส่ง 24 ม.ค. 2567) — ยังไม่ถึงกำหนด"

    before = dict(issue)
    assert remind(root, "2024-01-12", client).startswith("ไม่มีเรื่องเตือน")    # same state: the issue stays as it is
    assert client.issues[number] == before and client.comments == {}

    remind(root, "2024-01-18", client)                     # 6 days left: due soon
    assert len(client.issues) == 1 and client.issues[number]["title"].endswith("— ใกล้ครบกำหนด")
    [comment] = client.comments.values()
    assert comment == {"issue": number, "body": "@loei-cdd/district-4214 อีก 6 วันครบกำหนดส่ง (24 มกราคม 2567) "
                                                  "อำเภอหนองหินยังไม่ได้รายงาน — โปรดรายงานตามลิงก์ในข้อความด้านบน"}

    remind(root, "2024-01-26", client)                     # overdue
    assert client.issues[number]["title"].endswith("— เกินกำหนดแล้ว") and "state=overdue" in client.issues[number]["body"]
    assert "เกินกำหนดส่งมาแล้ว 2 วัน" in list(client.comments.values())[-1]["body"]

    apply_edits(root, REPORTED_27)                         # the district's report is merged
    out = remind(root, "2024-01-28", client)
    assert out.strip() == f"ปิดเรื่องเตือนแล้ว #{number}: อำเภอหนองหิน (ส่งรายงานแล้ว)"
    assert client.issues[number]["state"] == "closed" and len(client.issues) == 1
    assert "ยืนยันเมื่อ 27 มกราคม 2567 — ส่งล่าช้า 3 วัน" in list(client.comments.values())[-1]["body"]
    assert remind(root, "2024-01-29", client).startswith("ไม่มีเรื่องเตือน")


def test_remind_without_publish_prints_and_changes_nothing(tmp_path):
    root = data_copy(tmp_path, NOT_CONFIRMED)
    client = FakeGitHub("unused")
    out = remind(root, "2024-01-26", client, publish=False)
    assert "จะเปิดเรื่องเตือน: อำเภอหนองหิน (เกินกำหนด 2 วัน)" in out and "--publish" in out
    assert client.issues == {} and client.comments == {}


def test_remind_closes_a_reminder_of_an_earlier_round(tmp_path):
    root = data_copy(tmp_path, [])
    client = FakeGitHub("unused")
    old = reminders.MARK.format(round="2566-club-update", district="4214", state="overdue")
    client.issues[5] = {"title": "old", "body": f"x\n{old}\n", "labels": {reminders.LABEL}, "state": "open"}
    client.issues[6] = {"title": "someone else's", "body": "no mark", "labels": {reminders.LABEL}, "state": "open"}
    remind(root, "2024-02-01", client)
    assert client.issues[5]["state"] == "closed" and client.issues[6]["state"] == "open"


def test_remind_publish_needs_a_token(tmp_path):
    client = FakeGitHub("unused", ready=False)
    out, err = io.StringIO(), io.StringIO()
    assert remind_command(BASE, None, dt.date(2024, 1, 26), True, client, out, err) == 2
    assert "GITHUB_TOKEN" in err.getvalue() and client.issues == {}


# ---------------------------------------------------------------- the calendar file

def unfold(text: str) -> list[str]:
    """RFC 5545 §3.1: every line ends in CRLF, is at most 75 octets, and a line starting with a space continues the last."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical), max(physical, key=lambda l: len(l.encode()))
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def parse(text: str) -> dict:
    """A small iCalendar reader: components as {name, props: [(name, params, value)], children}."""
    stack = [{"name": "ROOT", "props": [], "children": []}]
    for line in unfold(text):
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        if name == "BEGIN":
            node = {"name": value, "props": [], "children": []}
            stack[-1]["children"].append(node)
            stack.append(node)
        elif name == "END":
            assert stack.pop()["name"] == value
        else:
            stack[-1]["props"].append((name, tuple(params), value))
    assert len(stack) == 1
    [calendar] = stack[0]["children"]
    return calendar


def prop(component: dict, name: str) -> tuple[tuple, str]:
    [(params, value)] = [(p, v) for n, p, v in component["props"] if n == name]
    return params, value


def untext(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def test_calendar_of_the_real_data_parses():
    province = province_at(REPO / "data")
    text = rounds_calendar(province, "https://example.org/thamniap/report/")
    assert text == rounds_calendar(province, "https://example.org/thamniap/report/")     # byte-identical builds
    calendar = parse(text)
    assert calendar["name"] == "VCALENDAR" and prop(calendar, "VERSION")[1] == "2.0" and prop(calendar, "PRODID")
    zone, deadline, meeting = calendar["children"]
    assert zone["name"] == "VTIMEZONE" and prop(zone, "TZID")[1] == "Asia/Bangkok"
    assert prop(zone["children"][0], "TZOFFSETTO")[1] == "+0700"
    assert prop(deadline, "UID")[1] == "2567-club-update-deadline@42-loei.thamniap"
    assert prop(deadline, "DTSTAMP")[1] == "20240105T000000Z"
    assert prop(deadline, "DTSTART") == (("VALUE=DATE",), "20240124")
    assert prop(deadline, "DTEND") == (("VALUE=DATE",), "20240125")
    assert "https://example.org/thamniap/report/" in untext(prop(deadline, "DESCRIPTION")[1])
    assert deadline["children"][0]["name"] == "VALARM" and prop(deadline["children"][0], "TRIGGER")[1] == "-P3D"
    assert prop(meeting, "UID")[1] == "2567-anniversary-55-prep-meeting@42-loei.thamniap"
    assert prop(meeting, "DTSTART") == (("TZID=Asia/Bangkok",), "20240115T090000")
    assert prop(meeting, "DTSTAMP")[1] == "20240115T000000Z"
    assert untext(prop(meeting, "LOCATION")[1]).startswith("ห้องประชุมภูเรือ ศาลากลางจังหวัดเลย ชั้น 4")
    assert untext(prop(meeting, "SUMMARY")[1]).startswith("ประชุมเตรียมความพร้อม")


def test_calendar_escapes_and_folds_text():
    province = Province("42", Path("42-loei"), "loei", name="เลย")
    province.rounds = [Round("r1", "x", dt.date(2024, 1, 5), dt.date(2024, 1, 24))]
    title = "ประชุม; วาระ, พิเศษ\\ " + "ก" * 40
    province.meetings = [Meeting("m1", title, dt.date(2024, 3, 1), "13:30", "ห้อง 1", 2, 1),
                         Meeting("m2", "ไม่มีเวลา", dt.date(2024, 3, 2), "", "", 2, 1)]
    calendar = parse(rounds_calendar(province))
    _, _, first, second = calendar["children"]
    assert untext(prop(first, "SUMMARY")[1]) == title
    assert prop(first, "DTSTART") == (("TZID=Asia/Bangkok",), "20240301T133000")
    assert prop(second, "DTSTART") == (("VALUE=DATE",), "20240302")


@pytest.mark.parametrize("rel", ["dashboard/index.md", "districts/4214-nong-hin/index.md"])
def test_calendar_is_written_with_the_build_and_linked(tmp_path, rel):
    from thamniap.build.publish import generate
    out = tmp_path / "site"
    result = generate(BASE, out, SETTINGS, dt.date(2024, 2, 1), None, project_root=REPO)
    assert not result.failed
    assert (out / "downloads/42-loei/calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    page = (out / rel).read_text(encoding="utf-8")
    depth = "../" * rel.count("/")          # the page <address>/index.md is shown at <address>/
    assert f'href="{depth}downloads/42-loei/calendar.ics"' in page
