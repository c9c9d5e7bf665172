"""`thamniap report`: GitHub issue events turned into checked edits, end to end without GitHub.

Each test copies the project's data (data/, schemas/, mkdocs.yml) into a real git repository whose
`main` is the default branch, writes an `issues` event as GitHub sends it (tests/report_events.py),
runs the command as the workflow does, and reads the reply, the exit code and `git diff`. GitHub's
API is the only thing faked (tests/fake_github.py); pushes go to a real bare repository.

Golden replies: tests/golden/report/*.md; re-bless with
    THAMNIAP_BLESS=1 .venv/bin/python -m pytest tests/test_report_bot.py
"""
from __future__ import annotations

import datetime as dt
import inspect
import io
import os
import re
import urllib.error
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from helpers import GIT_ENV, REPO, commit_all, git, project_repo, run_cli
from report_events import body, event, write

from thamniap.check.validate import load_dataset
from thamniap.core.national_id import national_id_check_digit
from thamniap.github.client import GitHubError
from thamniap.bot import bot
from thamniap.bot.publish import publish_outcome

GOLDEN = REPO / "tests" / "golden" / "report"
TODAY = "2024-02-01"
TEAM = "loei-cdd/district-4209"
PROVINCE_TEAM = "loei-cdd/province-admins"
DISTRICT = "data/42-loei/4209-wang-saphung"
NEW_PRESIDENT = "นายสมชาย จันทร์หอมสุวรรณศรี"        # 4209-0003, an อช. of the sample data


@pytest.fixture(autouse=True)
def git_identity(monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    for key in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """The project's data on `main` of a new repository; the current directory is its root."""
    root = project_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    return root


def report(repo: Path, payload: dict, *teams: str, today: str = TODAY) -> tuple[int, str, str]:
    path = write(repo.parent / "event.json", payload)
    args = ["report", str(path), "--project", str(repo), "--today", today]
    if teams:
        args += ["--actor-teams", ",".join(teams)]
    return run_cli(*args)


def diff_lines(repo: Path) -> list[str]:
    """The changed lines of the working tree (`-old`, `+new`), without diff headers."""
    out = git(repo, "diff", "--unified=0")
    return [ln for ln in out.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


def plain(markdown: str) -> str:
    """The reply as a reader sees it: Markdown's backslash escapes removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.md"
    if os.environ.get("THAMNIAP_BLESS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"reply differs from {path} (re-bless: THAMNIAP_BLESS=1)"


COMMITTEE = {"district": "4209",
             "seats": f"ประธาน | {NEW_PRESIDENT} | 1/2/2567 | 25/2567 | 26/1/2567 | นายอำเภอวังสะพุง\n"
                      "รองประธาน | นางสาวแสงเดือน สุขสวัสดิ์พันธ์ดี\n"
                      "ประชาสัมพันธ์ | ว่าง"}
CONFIRMATION = {"district": "วังสะพุง", "confirmed-on": "๒๐/๑/๒๕๖๗"}
NOMINEES = {"district": "อำเภอวังสะพุง", "representatives": f"{NEW_PRESIDENT}\nนางสาวแสงเดือน สุขสวัสดิ์พันธ์ดี",
            "officials": "นางสาวสุดา แสนสุข", "submitted-on": "19 มกราคม 2567"}


# ---------------------------------------------------------------- applied reports

def test_committee_report_changes_only_its_lines(repo):
    code, out, err = report(repo, event("committee", COMMITTEE), TEAM)
    assert code == 0, out + err
    assert diff_lines(repo) == [
        "-    holder: 4209-0001", "-    since: 2023-10-15",
        "+    holder: 4209-0003", "+    since: 2024-02-01", "+    appointment:", "+      order_no: 25/2567",
        "+      date: 2024-01-26", "+      by: นายอำเภอวังสะพุง",
        "-    holder: 4209-0123", "-    since: 2023-10-15", "+    vacant: true"]
    assert git(repo, "diff", "--name-only").split() == [f"{DISTRICT}/club.yaml"]
    assert f"ประธาน: นายธนพล สุวรรณศรีผาสุข → {NEW_PRESIDENT}" in out
    assert "ประชาสัมพันธ์: ว่าที่ร้อยตรีหญิงอำไพ มณีวงศ์ → ว่าง" in out
    assert "ที่ 25/2567 ลงวันที่ 26 มกราคม 2567 โดย นายอำเภอวังสะพุง" in out
    golden("committee-applied", out)


def test_confirmation_report_changes_one_date(repo):
    code, out, err = report(repo, event("confirmation", CONFIRMATION), TEAM)
    assert code == 0, out + err
    assert diff_lines(repo) == ["-    date: 2024-01-12", "+    date: 2024-01-20"]
    assert "ยืนยันข้อมูลเมื่อ (รอบ 2567-club-update): 12 มกราคม 2567 → 20 มกราคม 2567" in plain(out)


def test_nominees_report_two_representatives_and_one_official(repo):
    code, out, err = report(repo, event("nominees", NOMINEES), TEAM)
    assert code == 0, out + err
    assert diff_lines(repo) == ["-  - 4209-0001", "-  - 4209-0063", "+  - 4209-0003", "+  - 4209-0002",
                                "-  submitted_on: 2024-01-09", "+  submitted_on: 2024-01-19"]
    assert "ผู้แทนชมรม" in out and NEW_PRESIDENT in out
    golden("nominees-applied", out)


def test_the_reports_together_pass_validate_and_check_pr_as_the_reporter(repo):
    git(repo, "checkout", "-q", "-b", "report/7")
    for kind, values in (("committee", COMMITTEE), ("confirmation", CONFIRMATION), ("nominees", NOMINEES)):
        code, out, err = report(repo, event(kind, values), TEAM)
        assert code == 0, (kind, out + err)
        commit_all(repo, kind)
    code, out, err = run_cli("validate", str(repo / "data"), "--today", TODAY)
    assert code == 0, out + err
    code, out, err = run_cli("check-pr", "--base", "main", "--head", "report/7", "--actor", "somchai-4209",
                             "--actor-teams", TEAM)
    assert code == 0, out + err
    assert "**ผล: ผ่าน**" in out and "ประธาน: นายธนพล สุวรรณศรีผาสุข" in out


def test_a_province_maintainer_may_report_for_any_district(repo):
    values = {**COMMITTEE, "district": "4205", "seats": "เหรัญญิก | นายทองดี ทองแดง"}
    code, out, err = report(repo, event("committee", values, author="province-officer"), PROVINCE_TEAM)
    assert code == 0, out + err
    assert git(repo, "diff", "--name-only").split() == ["data/42-loei/4205-dan-sai/club.yaml"]


def test_nothing_to_change(repo):
    values = {"district": "4209", "seats": "ประธาน | นายธนพล สุวรรณศรีผาสุข"}
    code, out, err = report(repo, event("committee", values), TEAM)
    assert code == 0, out + err
    assert "ไม่มีอะไรต้องเปลี่ยน" in out and diff_lines(repo) == []


# ---------------------------------------------------------------- problems: exit 1, nothing written

def refused(repo: Path, payload: dict, *teams: str) -> str:
    code, out, err = report(repo, payload, *(teams or (TEAM,)))
    assert code == 1, out + err
    assert git(repo, "status", "--porcelain") == ""          # nothing changed on disk
    assert "ไม่มีการเปลี่ยนแปลงข้อมูล" in out or "ไม่มีสิทธิ์" in out
    return out


def test_unknown_name_suggests_who_it_may_mean(repo):
    out = refused(repo, event("committee", {"district": "4209", "seats": "ประธาน | นายสมชาย จันหอมสุวรรณศรี"}))
    assert "บรรทัดที่ 1 (ประธาน): ไม่พบผู้ดำรงตำแหน่ง “นายสมชาย จันหอมสุวรรณศรี”" in out
    assert "หมายถึง “นายสมชาย จันทร์หอมสุวรรณศรี” (“4209-0003 อช. ตำบลวังสะพุง หมู่ที่ 1 บ้านนาแก”)" in plain(out)
    golden("unknown-name", out)


def test_two_people_with_the_same_name_are_listed_with_ids_and_villages(repo):
    # Give 4209-0004 the name of 4209-0003 (found through the model, wherever the roster keeps it).
    person = load_dataset(repo / "data").provinces[0].district("4209")
    target = next(p for p in person.people() if p.id == "4209-0004")
    path = repo / target.where.path if not Path(target.where.path).is_absolute() else Path(target.where.path)
    lines = path.read_text(encoding="utf-8").split("\n")
    start = target.where.line - 1
    for i in range(start, start + 6):
        lines[i] = lines[i].replace("first_name: แสงเดือน", "first_name: สมชาย").replace(
            "last_name: ชัยสงค์จันทะวงศ์", "last_name: จันทร์หอมสุวรรณศรี")
    path.write_text("\n".join(lines), encoding="utf-8")
    commit_all(repo, "two people of one name")
    out = refused(repo, event("committee", {"district": "4209", "seats": f"ประธาน | {NEW_PRESIDENT}"}))
    assert "มีหลายคนชื่อนี้ในทำเนียบ" in out
    assert "4209-0003 อช. ตำบล" in plain(out) and "4209-0004 อช. ตำบล" in plain(out) and "หมู่ที่" in out
    assert "เขียนรหัสบุคคลของคนที่ถูกแทนชื่อ" in out


def test_buddhist_year_in_an_iso_date_names_the_field(repo):
    out = refused(repo, event("committee", {**COMMITTEE, "term-start": "2567-10-01"}))
    assert "ช่อง **วาระคณะกรรมการ เริ่ม**" in out and "เป็นปี พ.ศ. ที่เขียนแบบ ปี-เดือน-วัน" in plain(out) and "1/10/2567" in plain(out)


def test_impossible_date_names_the_field(repo):
    out = refused(repo, event("confirmation", {"district": "4209", "confirmed-on": "31/2/2567"}))
    assert "ช่อง **วันที่ยืนยัน**" in out and "ไม่มีอยู่จริง" in out and "29 วัน" in out


def test_a_stranger_may_not_report_for_4209(repo):
    out = refused(repo, event("committee", COMMITTEE, author="stranger"), "some-org/other-team")
    assert "ยังไม่มีสิทธิ์รายงานแทนอำเภอวังสะพุง" in out
    assert "@\u200bloei-cdd/district-4209" in plain(out) and "@\u200bloei-cdd/province-admins" in plain(out)
    assert not MENTION.search(out)
    golden("stranger", out)


def test_team_membership_is_unknown_without_actor_teams(repo):
    """The login alone is no team member: unknown membership grants nothing."""
    code, out, err = report(repo, event("committee", COMMITTEE))
    assert code == 1 and "ไม่มีสิทธิ์" in out


def test_oversized_body_is_refused_unread(repo):
    text = body("committee", COMMITTEE) + "\n\n" + "ก" * 8000
    out = refused(repo, event("committee", text=text))
    assert "ยาวเกิน 20 KB" in out and "ก" * 50 not in out


def test_phone_and_national_id_are_refused_and_never_echoed(repo):
    digits = "110170020345"
    national_id = f"{digits}{national_id_check_digit(digits)}"
    values = {**COMMITTEE, "seats": f"ประธาน | {NEW_PRESIDENT} โทร 081-234-5678", "order-by": f"เลข {national_id}"}
    out = refused(repo, event("committee", values))
    assert "หมายเลขโทรศัพท์" in out and "เลขประจำตัวประชาชน" in out
    assert "ช่อง **ตำแหน่งในคณะกรรมการ**" in out and "ช่อง **คำสั่งแต่งตั้งคณะกรรมการ ผู้ออกคำสั่ง**" in out
    for shown in ("081", "5678", national_id, national_id[-4:], NEW_PRESIDENT):
        assert shown not in out


def test_hostile_name_is_escaped(repo):
    out = refused(repo, event("committee", {"district": "4209", "seats": "ประธาน | <script>alert(1)</script>"}))
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in plain(out)


# What GitHub reads as a mention: `@` then a letter or digit, also when written as an HTML entity
# (decoded before GitHub looks for mentions) — render/reportform/reply.py no_mentions.
MENTION = re.compile(r"(?:@|&#64;|&#x40;|&commat;)(?:\\)?[A-Za-z0-9]")


def test_mentions_in_values_mention_nobody(repo):
    out = refused(repo, event("committee", {"district": "4209", "seats": "ประธาน | @loei-cdd/province-admins"}))
    assert not MENTION.search(out) and not MENTION.search(plain(out))
    assert "“@\u200bloei-cdd/province-admins”" in plain(out)       # the reader sees the same words


def test_a_heading_from_the_issue_mentions_nobody(repo):
    """A `### @user` heading is quoted (as a field that is not in the form) without mentioning anyone."""
    text = body("committee", COMMITTEE) + "\n\n### @loei-cdd/province-admins\n\nสวัสดี @somchai-4209"
    out = refused(repo, event("committee", text=text))
    assert "ไม่ใช่ช่องของแบบฟอร์ม" in out
    assert not MENTION.search(out) and not MENTION.search(plain(out))


@pytest.mark.parametrize("name", ["-", "---", "...", "- . -"])
def test_a_nominee_of_punctuation_only_is_no_name(repo, name):
    out = refused(repo, event("nominees", {**NOMINEES, "representatives": f"{NEW_PRESIDENT}\n{name}"}))
    assert f"ผู้แทนชมรม “{name}” ไม่ใช่ชื่อ: มีแต่เครื่องหมาย ไม่มีตัวอักษร" in plain(out)
    assert "ไม่พบผู้แทนชมรม" not in out


def test_unknown_post_and_bad_lines(repo):
    seats = "นายก | นายสมชาย\nประธาน\nเหรัญญิก | ว่าง | 1/1/2567"
    out = refused(repo, event("committee", {"district": "4209", "seats": seats}))
    assert "ไม่มีตำแหน่ง “นายก”" in out and "บรรทัดที่ 2" in out and "ตำแหน่งว่างไม่มีวันเริ่ม" in out


def test_unknown_district(repo):
    out = refused(repo, event("committee", {**COMMITTEE, "district": "วังสะพุ"}))
    assert "ไม่พบอำเภอ “วังสะพุ”" in out and "หมายถึง “วังสะพุง”" in out


def test_nominee_count_must_match_the_meeting(repo):
    out = refused(repo, event("nominees", {**NOMINEES, "representatives": NEW_PRESIDENT}))
    assert "มี 1 คน แต่การประชุมนี้ให้ส่ง 2 คน" in out


# sent the day after the data's meeting (15 Jan 2567): nominations for it are closed (rounds.nominations_open)
AFTER_MEETING = "2024-01-16T02:00:00Z"


def test_nominees_sent_after_the_meeting_are_refused_in_the_pages_words(repo):
    from thamniap.intake.reportform.messages import MEETING_PASSED
    out = plain(refused(repo, event("nominees", NOMINEES, sent_at=AFTER_MEETING)))
    title = "ประชุมเตรียมความพร้อมในการจัดงานเนื่องในวาระครบรอบ 55 ปี โครงการพัฒนาผู้นำอาสาพัฒนาชุมชน"
    assert MEETING_PASSED[0].format(f"“{title}”", "15 มกราคม 2567") in out
    assert MEETING_PASSED[1] in out
    # named by its id, the same meeting is refused the same way
    out = plain(refused(repo, event("nominees", {**NOMINEES, "meeting": "2567-anniversary-55-prep"}, sent_at=AFTER_MEETING)))
    assert MEETING_PASSED[0].format(f"“{title}”", "15 มกราคม 2567") in out


def test_nominees_sent_on_the_meeting_day_are_taken_even_when_handled_later(repo):
    code, out, err = report(repo, event("nominees", NOMINEES, sent_at="2024-01-15T01:00:00Z"), TEAM, today="2024-03-01")
    assert code == 0, out + err
    assert "+  - 4209-0003" in diff_lines(repo)


def test_missing_field_and_unticked_confirmation(repo):
    text = body("confirmation", {"district": "4209"}, unticked=("confirm",))
    out = refused(repo, event("confirmation", text=text))
    assert "ช่อง **วันที่ยืนยัน**: ยังไม่ได้กรอก" in out and "ช่อง **ยืนยันโครงสร้าง**: ยังไม่ได้เลือก" in out


def test_two_reports_in_one_issue(repo):
    text = body("committee", COMMITTEE) + "\n\n" + body("committee", COMMITTEE)
    out = refused(repo, event("committee", text=text))
    assert "รายงานได้ครั้งละหนึ่งเรื่องต่อหนึ่ง issue" in out


def test_attachment_that_is_not_githubs_is_refused_unfetched(repo):
    link = "[แบบฟอร์ม.xlsx](https://evil.example/user-attachments/files/1/form.xlsx)"
    code, out, err = report(repo, event("excel", {"district": "4209", "workbook": link}), TEAM)
    assert code == 1 and "ไม่ใช่ไฟล์ที่แนบกับ issue นี้บน GitHub" in out
    look_alike = "https://github.com.evil.example/user-attachments/files/1/form.xlsx"
    code, out, err = report(repo, event("excel", {"district": "4209", "workbook": look_alike}), TEAM)
    assert code == 1 and "ไม่ใช่ไฟล์ที่แนบกับ issue นี้บน GitHub" in out


# ---------------------------------------------------------------- hostile input: the reply stays bounded

def _headings(limit: int = 19_000) -> str:
    """A body of thousands of headings, just under the size the bot reads (a stranger's 18 KB)."""
    lines, i = [], 0
    while sum(len(ln.encode("utf-8")) + 1 for ln in lines) < limit:
        lines.append(f"### @u{i} [x](javascript:alert({i}))")
        i += 1
    return "\n".join(lines)


def _lines(template: str, limit: int = 19_000) -> str:
    """As many lines of TEMPLATE (with {0} for the line number) as fit in LIMIT bytes."""
    lines, i = [], 0
    while sum(len(ln.encode("utf-8")) + 1 for ln in lines) < limit:
        lines.append(template.format(i))
        i += 1
    return "\n".join(lines)


HOSTILE = {
    "headings": lambda: event("committee", text=_headings()),
    "nominee-names": lambda: event("nominees", {**NOMINEES, "representatives": _lines("นายสมชาย ใจดีที่{0}", 16_600)}),
    "roster-lines": lambda: event("roster", {"district": "4209", "changes": _lines("เพิ่ม | อช. | ตำบล{0} | x | - | ? | 99/99/9999 | " + "ก" * 150, 16_000)}),
    "seat-lines": lambda: event("committee", {"district": "4209", "seats": _lines("นายก{0} | " + "ข" * 300, 16_000)}),
    "one-huge-line": lambda: event("committee", {"district": "4209", "seats": "ประธาน | " + "ค" * 5_000, "order-by": "@x " * 500}),
    "attachment-links": lambda: event("excel", {"district": "4209", "workbook": _lines("https://evil.example/{0}/" + "a" * 150 + ".xlsx", 16_000)}),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_reply_never_exceeds_githubs_comment_limit(repo, case):
    payload = HOSTILE[case]()
    assert len(payload["issue"]["body"].encode("utf-8")) <= 20_000        # read, not refused unread
    code, out, err = report(repo, payload, TEAM)
    assert code == 1, out + err
    assert git(repo, "status", "--porcelain") == ""
    print(f"{case}: body {len(payload['issue']['body']):,} characters, reply {len(out):,}")
    assert len(out) <= 65_536 and len(out.encode("utf-8")) <= 3 * 65_536
    assert not MENTION.search(out)


def test_repeated_problems_are_summarised(repo):
    out = refused(repo, event("committee", text=body("committee", COMMITTEE) + "\n\n" + _headings(12_000)))
    numbered = [ln for ln in out.splitlines() if re.match(r"^[0-9]+\. ", ln)]
    assert len(numbered) <= 70
    assert re.search(r"และอีก [0-9,]+ รายการแบบเดียวกับข้อ [0-9]+", out)


def test_nominee_names_have_a_line_cap(repo):
    names = "\n".join(f"นายสมชาย ใจดีที่{i}" for i in range(30))
    out = refused(repo, event("nominees", {**NOMINEES, "representatives": names}))
    assert "ช่อง **ผู้แทนชมรม**: มี 30 บรรทัด เกิน 10 ชื่อ" in out


def test_the_reply_renderer_enforces_the_hard_cap():
    """The last line of defence, whatever the notes: many kinds, long values, a huge change summary."""
    from thamniap.intake.reportform.messages import Note
    from thamniap.render.reportform.reply import GITHUB_COMMENT_LIMIT, applied_reply, problems_reply
    notes = [Note(f"ปัญหาที่ {i}: {{0}} " + "ง" * 2_000, ("@someone " + "จ" * 50_000,), "แก้ {0}", "@field")
             for i in range(3_000)]
    reply = problems_reply("@report", "@author", notes)
    assert len(reply) <= GITHUB_COMMENT_LIMIT and "ยาวเกินกว่าที่ GitHub รับได้" in reply
    assert not MENTION.search(reply)
    reply = applied_reply("รายงาน", "somchai", "@district", "- @x " * 400_000, notes=notes)
    assert len(reply) <= GITHUB_COMMENT_LIMIT and not MENTION.search(reply)


# ---------------------------------------------------------------- events the bot does not read

@pytest.mark.parametrize("sender", [{"login": "thamniap-report-bot[bot]", "type": "Bot"},
                                    {"login": "renovate[bot]", "type": "User"}])
def test_bot_events_are_ignored(repo, sender):
    code, out, err = report(repo, event("committee", COMMITTEE, sender=sender), TEAM)
    assert (code, out) == (0, "") and "บอท" in err


def test_an_issue_that_is_no_report_is_ignored(repo):
    payload = event("committee", COMMITTEE, labelled=False)
    payload["issue"]["title"] = "ขอแก้ไขข้อมูล: ชื่อผิด"
    code, out, err = report(repo, payload, TEAM)
    assert (code, out) == (0, "") and "ไม่ใช่รายงาน" in err


def test_title_prefix_alone_finds_the_report(repo):
    """No label: the title decides the report type, and the report is applied as that type (an issue
    whose type is not found is ignored with exit 0 as well, so the exit code alone proves nothing)."""
    payload = event("confirmation", CONFIRMATION, labelled=False)
    assert payload["issue"]["labels"] == []
    code, out, err = report(repo, payload, TEAM)
    assert code == 0, out + err
    assert diff_lines(repo) == ["-    date: 2024-01-12", "+    date: 2024-01-20"]
    assert "ยืนยันข้อมูลเมื่อ (รอบ 2567-club-update): 12 มกราคม 2567 → 20 มกราคม 2567" in plain(out)
    assert "ไม่ใช่รายงาน" not in err


@pytest.mark.parametrize("report_id", ["committee", "confirmation", "nominees", "roster", "excel"])
def test_report_type_is_read_from_the_title_without_a_label(report_id):
    title = event(report_id, labelled=False)["issue"]["title"]
    issue = bot.Issue(7, title, "", (), "somchai-4209", None, "opened", "somchai-4209", False)
    assert bot.report_type(issue).id == report_id
    other = bot.Issue(7, "ขอแก้ไขข้อมูล: " + title, "", (), "somchai-4209", None, "opened", "somchai-4209", False)
    assert bot.report_type(other) is None            # the prefix must open the title


# ---------------------------------------------------------------- publishing through the client

@pytest.fixture
def remote(tmp_path) -> Path:
    path = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(path))
    return path


def publish(repo: Path, payload: dict, client: FakeGitHub) -> tuple[int, str, str]:
    """What `thamniap report --publish` does, with the fake client in place of GitHub's API."""
    options = bot.Options(write(repo.parent / "event.json", payload), repo, (TEAM,), "main",
                          dt.date.fromisoformat(TODAY), write=False)
    out, err = io.StringIO(), io.StringIO()
    code = publish_outcome(bot.run(options), client, repo, out, err)
    assert git(repo, "status", "--porcelain") == ""       # the commit is pushed; the working tree stays
    return code, out.getvalue(), err.getvalue()


def test_edited_issue_updates_the_same_branch_pull_request_and_comment(repo, remote):
    client = FakeGitHub(str(remote))
    code, out, err = publish(repo, event("committee", COMMITTEE), client)
    assert code == 0, out + err
    first = git(remote, "rev-parse", "refs/heads/report/7").strip()
    assert list(client.pulls) == [101] and client.pulls[101]["head"] == "report/7"
    assert "Closes #7" in client.pulls[101]["body"] and "@somchai-4209" in client.pulls[101]["body"]
    assert list(client.comments) == [1] and "คำขอแก้ไข #101" in client.comments[1]["body"]
    assert client.labels[7] == {"report:pull-request"}

    edited = {**COMMITTEE, "seats": COMMITTEE["seats"].replace("ประชาสัมพันธ์ | ว่าง", "เหรัญญิก | ว่าง")}
    code, out, err = publish(repo, event("committee", edited, action="edited"), client)
    assert code == 0, out + err
    second = git(remote, "rev-parse", "refs/heads/report/7").strip()
    assert second != first and git(remote, "rev-parse", f"{second}^").strip() == git(repo, "rev-parse", "main").strip()
    assert list(client.pulls) == [101] and list(client.comments) == [1]
    assert "เหรัญญิก: " in client.comments[1]["body"] and "ประชาสัมพันธ์: " not in client.comments[1]["body"]

    code, out, err = publish(repo, event("committee", {"district": "4209", "seats": "ประธาน | ไม่มีคนนี้"},
                                         action="edited"), client)
    assert code == 0 and list(client.comments) == [1] and "ไม่พบ" in client.comments[1]["body"]
    assert client.labels[7] == {"report:needs-fix"}
    assert "#101 ยังเป็นรายงานฉบับก่อนหน้า" in client.comments[1]["body"]
    assert git(remote, "rev-parse", "refs/heads/report/7").strip() == second     # the branch is left as it was


def test_publish_without_an_app_token_says_what_is_missing(repo):
    code, out, err = run_cli("report", str(write(repo.parent / "e.json", event("committee", COMMITTEE))),
                             "--project", str(repo), "--today", TODAY, "--actor-teams", TEAM, "--publish")
    assert code == 2 and "GitHub App" in err and "THAMNIAP_BOT_PRIVATE_KEY" in err
    assert "อ่านรายงานแล้ว" in out and "THAMNIAP_BOT_PRIVATE_KEY" in out
    assert git(repo, "status", "--porcelain") == ""


def excel_report(repo: Path, tmp_path: Path, edit=None) -> tuple[bot.Outcome, FakeGitHub]:
    """The district's own Excel form (template-xlsx), EDIT applied with openpyxl, as an attachment."""
    workbook = tmp_path / "4209.xlsx"
    code, out, err = run_cli("template-xlsx", "4209", "-o", str(workbook), "--data", str(repo / "data"))
    assert code == 0, out + err
    if edit:
        import openpyxl
        book = openpyxl.load_workbook(workbook)
        edit(book)
        book.save(workbook)
    url = "https://github.com/user-attachments/files/123456/4209.xlsx"
    client = FakeGitHub(str(tmp_path), files={url: workbook.read_bytes()})
    write(repo.parent / "event.json", event("excel", {"district": "4209", "workbook": f"[4209.xlsx]({url})"}))
    outcome = bot.run(bot.Options(repo.parent / "event.json", repo, (TEAM,), "main", dt.date.fromisoformat(TODAY)),
                      download=client.download)
    assert client.downloads == [url]
    return outcome, client


def test_excel_attachment_unchanged_changes_nothing(repo, tmp_path):
    outcome, _ = excel_report(repo, tmp_path)
    assert outcome.code == 0, outcome.reply
    assert "ตรงกับรายงานนี้อยู่แล้ว" in outcome.reply and git(repo, "status", "--porcelain") == ""


def test_excel_attachment_is_imported_line_by_line(repo, tmp_path):
    def rename(book):
        sheet = book["อช."]
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "4209-0005")
        row[7].value = "ศรีภูมิทอง"                       # นามสกุล
    outcome, _ = excel_report(repo, tmp_path, rename)
    assert outcome.code == 0, outcome.reply
    assert "นามสกุล: ศรีภูมิทองสุข → ศรีภูมิทอง" in plain(outcome.reply)
    removed, added = diff_lines(repo)                       # one line, wherever the roster keeps the person
    assert removed.startswith("-") and removed.strip("- ") == "last_name: ศรีภูมิทองสุข"
    assert added.startswith("+") and added.strip("+ ") == "last_name: ศรีภูมิทอง"


def test_excel_attachment_with_a_bad_cell_is_refused(repo, tmp_path):
    def bad_date(book):
        sheet = book["อช."]
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "4209-0005")
        row[10].value = "2567-01-29"                      # วันเริ่มวาระ in พ.ศ.
    outcome, _ = excel_report(repo, tmp_path, bad_date)
    assert outcome.code == 1 and "ช่อง **ไฟล์แบบฟอร์ม Excel**" in outcome.reply and "K" in outcome.reply
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("failure", [GitHubError("GitHub ตอบ 502 สำหรับ https://github.com/user-attachments/files/9/4209.xlsx"),
                                     urllib.error.URLError("timed out"), ConnectionResetError("reset"), None])
def test_a_failed_attachment_download_is_a_thai_reply(repo, tmp_path, failure):
    url = "https://github.com/user-attachments/files/9/4209.xlsx"
    client = FakeGitHub(str(tmp_path), files={} if failure is None else {url: failure})     # None: GitHub's 404
    write(repo.parent / "event.json", event("excel", {"district": "4209", "workbook": f"[4209.xlsx]({url})"}))
    outcome = bot.run(bot.Options(repo.parent / "event.json", repo, (TEAM,), "main", dt.date.fromisoformat(TODAY)),
                      download=client.download)
    assert client.downloads == [url]
    assert outcome.code == 1 and "ช่อง **ไฟล์แบบฟอร์ม Excel**: บอทดาวน์โหลดไฟล์แนบไม่สำเร็จ" in outcome.reply
    assert "ไม่มีการเปลี่ยนแปลงข้อมูล" in outcome.reply and git(repo, "status", "--porcelain") == ""


def test_comments_and_layout_of_club_yaml_are_kept(repo):
    club = repo / DISTRICT / "club.yaml"
    text = club.read_text(encoding="utf-8")
    text = text.replace("  posts:\n", "  # คณะกรรมการตามคำสั่งที่ 19/2566\n  posts:\n", 1)
    text = text.replace("    holder: 4209-0001\n", "    holder: 4209-0001 # ประธานคนแรก\n", 1)
    text = text.replace("    holder: 4209-0123\n", "    holder: 4209-0123  # ประชาสัมพันธ์\n", 1)
    club.write_text(text, encoding="utf-8")
    commit_all(repo, "comments")
    code, out, err = report(repo, event("committee", COMMITTEE), TEAM)
    assert code == 0, out + err
    after = club.read_text(encoding="utf-8")
    assert "  # คณะกรรมการตามคำสั่งที่ 19/2566\n  posts:\n" in after
    assert "    holder: 4209-0003 # ประธานคนแรก\n" in after           # the comment stays on its key's line
    assert "  - post: ประชาสัมพันธ์\n    vacant: true\n    # ประชาสัมพันธ์\n" in after   # its key is gone: never dropped
    assert [ln for ln in diff_lines(repo) if ln.startswith("-")] == [
        "-    holder: 4209-0001 # ประธานคนแรก", "-    since: 2023-10-15", "-    holder: 4209-0123  # ประชาสัมพันธ์",
        "-    since: 2023-10-15"]


def test_a_report_reads_each_revision_once_and_checks_only_its_district(repo, monkeypatch):
    """What keeps the bot quick on a whole province, asserted as behaviour rather than as a time (a
    time limit fails on a busy machine and passes a slow design on a fast one): main's data is loaded
    once, and the checks, and the loading of the bot's own commit, are focused on the reported district."""
    calls = []

    def counting(name):
        real = getattr(bot, name)
        signature = inspect.signature(real)

        def counted(*args, **kwargs):
            calls.append((name, signature.bind(*args, **kwargs).arguments.get("focus")))
            return real(*args, **kwargs)
        return counted

    for name in ("load_dataset", "check_loaded", "check_root"):
        monkeypatch.setattr(bot, name, counting(name))
    code, out, err = report(repo, event("committee", COMMITTEE), TEAM)
    assert code == 0, out + err
    assert calls == [("load_dataset", None), ("check_loaded", {"4209"}), ("check_root", {"4209"})]
