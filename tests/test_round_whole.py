"""Issue 20 "Done when": a whole round on a copy of the Loei data (14 districts). `thamniap new-round` with
next year's circular → `thamniap status` before the deadline (every district not yet due) → two districts
report → status and dashboard after the deadline (the twelve others overdue) → `thamniap remind` opens,
updates and closes the reminder issues on the fake GitHub client."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

from fake_github import FakeGitHub
from helpers import REPO, run_cli
from test_round_circular import next_year_letter

from thamniap.bot.remind import remind_command
from thamniap.check.validate import load_dataset
from thamniap.derive.dashboard import summarise
from thamniap.render import reminders
from thamniap.render.site import SiteSettings, dashboard_page

ROUND = "2568-club-update"
REPORTING = {"4201": ("4201-mueang-loei", "2024-11-10"), "4209": ("4209-wang-saphung", "2024-11-20")}
SETTINGS = SiteSettings(site_url="https://loei-cdd.github.io/thamniap/", repo_url="https://github.com/loei-cdd/thamniap",
                        edit_uri="edit/main/docs/")


def status(data: Path, today: str) -> str:
    code, out, err = run_cli("status", "--today", today, "--data", str(data))
    assert code == 0, err
    return out


def remind(data: Path, today: str, client: FakeGitHub) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = remind_command(data, REPO / "mkdocs.yml", dt.date.fromisoformat(today), True, client, out, err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def report(data: Path, folder: str, day: str) -> None:
    """The district's report, as merged: its club confirmed for the new round (the 2567 entry kept)."""
    club = data / "42-loei" / folder / "club.yaml"
    text = club.read_text(encoding="utf-8")
    assert text.count("  confirmations:\n") == 1
    club.write_text(text.replace("  confirmations:\n", f"  confirmations:\n  - round: {ROUND}\n    date: {day}\n"),
                    encoding="utf-8")


def test_a_whole_round(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    letter = tmp_path / "circular-2568.txt"
    letter.write_text(next_year_letter(), encoding="utf-8")
    client = FakeGitHub("unused")

    # 1. the province records next year's round from its circular
    code, out, err = run_cli("new-round", ROUND, "--opens", "2024-11-01", "--deadline", "2024-11-30",
                             "--meeting-date", "2024-11-20", "--meeting-place", "ห้องประชุมภูเรือ ศาลากลางจังหวัดเลย",
                             "--circular", str(letter), "--data", str(data))
    assert code == 0, err
    code, out, err = run_cli("validate", str(data))
    assert code == 0, out + err

    # 2. before the deadline: every district is listed, none overdue
    out = status(data, "2024-11-05")
    lines = out.splitlines()
    assert lines[0].startswith(f"รอบ {ROUND}: ") and "กำหนดส่ง 30 พฤศจิกายน 2567" in lines[0]
    assert lines[1] == "ยังไม่ส่งรายงาน 14 จาก 14 อำเภอ:"
    assert all("ยังไม่ถึงกำหนด (อีก 25 วัน)" in line for line in lines[2:]) and len(lines) == 16
    assert "เกินกำหนด" not in out
    out = remind(data, "2024-11-05", client)
    assert out.count("เปิดเรื่องเตือนแล้ว") == 14 and len(client.issues) == 14
    by_district = {re.search(r"อำเภอ(\S+) ยังไม่ส่ง", i["title"])[1]: n for n, i in client.issues.items()}

    # 3. two districts report (4209's a day after the meeting, both before the deadline)
    for folder, day in REPORTING.values():
        report(data, folder, day)

    # remind on 25 Nov: the two closed, the twelve others now due soon (updated, with a comment)
    out = remind(data, "2024-11-25", client)
    assert out.count("ปิดเรื่องเตือนแล้ว") == 2 and out.count("ใกล้ครบกำหนด") >= 12
    closed = {n for n, i in client.issues.items() if i["state"] == "closed"}
    assert closed == {by_district["เมืองเลย"], by_district["วังสะพุง"]}
    assert all(i["title"].endswith("— ใกล้ครบกำหนด") for n, i in client.issues.items() if n not in closed)

    # 4. after the deadline: status and the dashboard list the twelve others, overdue
    out = status(data, "2024-12-03")
    lines = out.splitlines()
    assert lines[1] == "ยังไม่ส่งรายงาน 12 จาก 14 อำเภอ:"
    codes = [line.split()[1] for line in lines[2:]]
    assert len(codes) == 12 and not set(codes) & set(REPORTING)
    assert all("เกินกำหนด 3 วัน" in line and "/report/" in line for line in lines[2:])
    [province] = load_dataset(data).provinces
    summary = summarise(province, dt.date(2024, 12, 3))
    assert summary.round_id == ROUND and [row.code for row in summary.waiting] == codes
    page = dashboard_page(province, summary, SETTINGS)
    waiting = page[page.index("## อำเภอที่ยังไม่ส่งรายงาน"):page.index("## รายอำเภอ")]
    items = re.findall(r'<li class="tn-waiting__item">.*?</li>', waiting, re.S)
    assert len(items) == 12 and all("เกินกำหนด 3 วัน" in item and 'href="tel:' in item for item in items)
    assert "4201-mueang-loei" not in waiting and "4209-wang-saphung" not in waiting

    # remind after the deadline: the twelve updated to overdue, nothing reopened
    out = remind(data, "2024-12-03", client)
    assert "เปิดเรื่องเตือนแล้ว" not in out and len(client.issues) == 14
    still_open = [i for i in client.issues.values() if i["state"] == "open"]
    assert len(still_open) == 12 and all(i["title"].endswith("— เกินกำหนดแล้ว") for i in still_open)
    assert all(i["labels"] == {reminders.LABEL} for i in client.issues.values())

    # a late report closes its reminder, saying it was late
    report(data, "4203-chiang-khan", "2024-12-04")
    out = remind(data, "2024-12-05", client)
    assert out.strip() == f"ปิดเรื่องเตือนแล้ว #{by_district['เชียงคาน']}: อำเภอเชียงคาน (ส่งรายงานแล้ว)"
    assert "ส่งล่าช้า 4 วัน" in list(client.comments.values())[-1]["body"]
