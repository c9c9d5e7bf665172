"""The report pages' data and words (render/reportpage.py, intake/reportform/messages.py) and
`thamniap report-file` (bot/offline.py), without a browser (the browser side:
tests/browser/test_report_page.py).

The page says what the bot would say: these tests fail when the bot's words (bot/read.py,
body.py) and the page's templates drift apart.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import REPO, git, run_cli
from test_fixtures import national_id
from report_events import body

from thamniap.check.validate import load_dataset
from thamniap.core.dates import read_thai_date
from thamniap.render import reportpage
from thamniap.intake.reportform import messages
from thamniap.intake.reportform.fields import COMMITTEE, CONFIRMATION, NOMINEES
from thamniap.bot import read
from thamniap.intake.reportform import body as body_parser

TODAY = "2024-02-01"
TEAM = "loei-cdd/district-4209"


@pytest.fixture(scope="module")
def province():
    [loaded] = load_dataset(REPO / "data").provinces
    return loaded


@pytest.fixture(scope="module")
def wang_saphung(province):
    return province.district("4209")


def test_unknown_name_is_the_bots_words(wang_saphung):
    spec = NOMINEES.field("representatives")
    _, note = read.person_id(list(wang_saphung.people()), "นายไม่มี ในทำเนียบเลย", wang_saphung, spec, "ผู้แทนชมรม")
    assert note.message == messages.UNKNOWN_NAME[0].replace("{what}", "ผู้แทนชมรม")
    assert note.hint == messages.UNKNOWN_NAME[1]


def test_missing_and_unticked_are_the_bots_words():
    parsed = body_parser.parse(body("confirmation", {"district": "4209"}, unticked=("confirm",)), CONFIRMATION)
    by_field = {n.field: n for n in parsed.problems}
    missing = by_field[CONFIRMATION.field("confirmed-on").label]
    assert missing.message == messages.MISSING[0]
    assert missing.hint == messages.MISSING[1].format(CONFIRMATION.field("confirmed-on").description)
    unticked = by_field[CONFIRMATION.field("confirm").label]
    assert unticked.message == messages.UNTICKED[0] and unticked.hint == messages.UNTICKED[1]


@pytest.mark.parametrize("kind, sample, values", [
    ("date-format", "20/1/67", ("20/1/67",)),
    ("buddhist-year", "2566-10-01", ("2566-10-01", "1/10/2566")),
    ("impossible-day", "31/4/2567", ("31/4/2567", "เมษายน", "2024", "30")),
    ("impossible-month", "5/14/2567", ("5/14/2567", "14")),
])
def test_date_templates_give_the_bots_words(kind, sample, values):
    """The page's templates, filled in, are what the bot says (messages.report_date): read_thai_date's
    words in the form's terms, never a Markdown backtick."""
    template = messages.date_messages()[kind]
    _, problem = messages.report_date(sample)
    assert (template["message"].format(*values), template["hint"].format(*values)) == problem
    assert "`" not in problem[0] + problem[1]
    if kind != "buddhist-year":
        _, original = read_thai_date(sample)
        assert problem[0] == original.message.replace("`", "")


def test_a_buddhist_year_written_the_iso_way_is_answered_in_the_forms_terms():
    """`2567-02-01` typed into a form that asks วัน/เดือน/ปี พ.ศ.: the advice is 1/2/2567, not the data's
    ISO C.E. form; a day that does not exist is said as that day in the form's terms."""
    assert messages.report_date("2567-02-01") == (None, (messages.BUDDHIST_ISO[0].format("2567-02-01"),
                                                         messages.BUDDHIST_ISO[1].format("2567-02-01", "1/2/2567")))
    assert messages.report_date("๒๕๖๗-๐๒-๐๑")[1][1].endswith("1/2/2567")
    day, problem = messages.report_date("2567-02-30")
    assert day is None and problem[0].startswith("วันที่ 30/2/2567 ไม่มีอยู่จริง") and messages.DATE_FORM in problem[1]
    assert messages.report_date("2024-02-01") == (dt.date(2024, 2, 1), None)


def test_report_data_has_names_not_ids_to_type(province, wang_saphung):
    data = json.loads(reportpage.report_json(province, wang_saphung, "https://github.com/o/r", "../../districts/x/", dt.date(2024, 2, 1)))
    assert data["repo"] == "https://github.com/o/r"
    assert [f["id"] for f in data["forms"]["committee"]["fields"]] == [f.id for f in COMMITTEE.fields]
    people = {p["n"]: p for p in data["people"]}
    assert people["นายสมชาย จันทร์หอมสุวรรณศรี"]["v"] == "นายสมชาย จันทร์หอมสุวรรณศรี"
    assert all("4209-" not in p["a"] for p in data["people"])       # where a person serves, never the id
    assert len(data["people"]) == sum(1 for p in wang_saphung.people() if p.serving)


def test_report_data_is_masked_and_inert(province, wang_saphung):
    person = next(wang_saphung.people())
    old = person.last_name
    number = national_id().replace("-", "")     # checksum-valid, built at run time (never stored)
    person.last_name = f"<b>x</b> {number}"
    try:
        text = reportpage.report_json(province, wang_saphung, "https://github.com/o/r", "x", dt.date(2024, 2, 1))
    finally:
        person.last_name = old
    assert "<b>" not in text and number not in text and "\\u003cb\\u003e" in text


def test_report_page_escapes_data(province, wang_saphung):
    old = wang_saphung.name
    wang_saphung.name = '"><script>alert(1)</script>'
    try:
        page = reportpage.report_page(province, wang_saphung, __import__("datetime").date(2024, 2, 1), "j", "d", "c", "q",
                                      "https://example.org/", "https://github.com/o/r")
    finally:
        wang_saphung.name = old
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_the_page_refuses_a_name_of_punctuation_in_the_validators_words():
    """One source: core.names.NO_LETTERS is what validate, the bot and the page (not_a_name) say."""
    from thamniap.core.names import NO_LETTERS, check_person_name
    page = messages.page_messages()["not_a_name"]
    assert (page["message"], page["hint"]) == NO_LETTERS == messages.NOT_A_NAME
    problem = check_person_name("---", "first_name")[0]
    assert problem.message == NO_LETTERS[0].format("`---`") and problem.hint == NO_LETTERS[1]
    script = (REPO / "docs/assets/javascripts/report.js").read_text(encoding="utf-8")
    assert "data.messages.not_a_name" in script


# ---------------------------------------------------------------- thamniap report-file

@pytest.fixture
def repo(data_repo) -> Path:
    return data_repo


ROUND = "2567-club-update"
CONFIRMED = {"district": "4209", "confirmed-on": "20/1/2567"}
CLUB = "data/42-loei/4209-wang-saphung/club.yaml"


def report_file(repo: Path, name: str = "report-confirmation-4209.md", *, district: str | None = "4209",
                round_id: str | None = ROUND, values: dict | None = None) -> Path:
    """A file as the report page's ดาวน์โหลดไฟล์รายงาน writes it (report.js download): title, head, body."""
    head = (f"รหัสอำเภอ: {district}\n" if district else "") + (f"รอบการรายงาน: {round_id}\n" if round_id else "")
    path = repo.parent / name
    path.write_text("# ยืนยันโครงสร้างชมรม: อำเภอวังสะพุง\n\n" + head + "\n"
                    + body("confirmation", values or CONFIRMED) + "\n", encoding="utf-8")
    return path


def apply_file(repo: Path, path: Path, *args: str, today: str = TODAY) -> tuple[int, str, str]:
    return run_cli("report-file", str(path), "--project", str(repo), "--today", today, *args)


def test_report_file_applies_a_downloaded_report(repo):
    code, out, err = apply_file(repo, report_file(repo), "--author", "somchai-4209", "--actor-teams", TEAM)
    assert code == 0, out + err
    assert "20 มกราคม 2567" in out
    assert "date: 2024-01-20" in (repo / CLUB).read_text(encoding="utf-8")


def test_report_file_refuses_and_changes_nothing(repo):
    path = report_file(repo, values={"district": "4209", "confirmed-on": "2567-01-20"})
    code, out, _ = apply_file(repo, path, "--author", "somchai-4209", "--actor-teams", TEAM)
    assert code == 1 and "เป็นปี พ.ศ. ที่เขียนแบบ ปี-เดือน-วัน" in out and "20/1/2567" in out
    assert git(repo, "status", "--porcelain") == ""


def test_report_file_checks_authority(repo):
    code, out, _ = apply_file(repo, report_file(repo), "--author", "stranger")
    assert code == 1 and "ไม่มีสิทธิ์" in out
    assert git(repo, "status", "--porcelain") == ""


PROVINCE = ("--author", "admin-loei", "--actor-teams", "loei-cdd/province-admins")    # may change any district


@pytest.mark.parametrize("name, district, values", [
    ("report-confirmation-4209.md", "4209", {**CONFIRMED, "district": "4201"}),    # the field changed to 4201
    ("report-confirmation-4209.md", "4201", {**CONFIRMED, "district": "4201"}),    # head and field 4201, name 4209
    ("report-confirmation-4201.md", "4209", CONFIRMED),                            # a 4209 file renamed for 4201
    ("report.md", "4209", CONFIRMED),                                              # a name without its district
])
def test_report_file_for_another_district_than_its_name_is_refused(repo, name, district, values):
    code, out, err = apply_file(repo, report_file(repo, name, district=district, values=values), *PROVINCE)
    assert code == 1, out + err
    assert "ไม่นำเข้าไฟล์" in err and ("ชื่อไฟล์" in err or "ช่องอำเภอในรายงาน" in err)
    assert git(repo, "status", "--porcelain") == ""


def test_report_file_without_its_head_is_refused(repo):
    code, out, err = apply_file(repo, report_file(repo, district=None, round_id=None), *PROVINCE)
    assert code == 1 and "ไม่ได้ระบุรหัสอำเภอ" in err
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("author", ["loei-cdd/province-admins", "@admin-loei", "admin loei", "admin-", "a--b", ""])
def test_report_file_author_must_be_a_login_not_a_team(repo, author):
    code, out, err = apply_file(repo, report_file(repo), "--author", author, "--actor-teams", "loei-cdd/province-admins")
    assert code == 1 and "--author ต้องเป็นบัญชี GitHub ของผู้นำเข้าหนึ่งคน" in err, out + err
    assert ("ซึ่งเป็นทีม" in err) == ("/" in author)
    assert git(repo, "status", "--porcelain") == ""


def _new_round(repo: Path) -> None:
    """A second round (2568) in the province's data, committed to main."""
    path = repo / "data/42-loei/province.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("meetings:\n", "- id: 2568-club-update\n  title: ทบทวนโครงสร้างชมรม ปี 2568\n"
                                        "  opens: 2025-01-06\n  deadline: 2025-01-24\nmeetings:\n", 1)
    path.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "round 2568")


def test_report_file_of_a_round_no_longer_current_is_refused(repo):
    """Last round's confirmation applied in a new round would record the new round with the old date."""
    _new_round(repo)
    code, out, err = apply_file(repo, report_file(repo), *PROVINCE, today="2025-01-10")
    assert code == 1, out + err
    assert "ไฟล์นี้ทำสำหรับรอบการรายงาน “2567-club-update” แต่รอบปัจจุบันคือ “2568-club-update”" in out.replace("\\-", "-")
    assert git(repo, "status", "--porcelain") == ""
    code, out, err = apply_file(repo, report_file(repo, round_id=None), *PROVINCE, today="2025-01-10")
    assert code == 1 and "ไฟล์นี้ไม่ได้ระบุรอบการรายงาน" in out
    # the page of the new round writes its round: applied
    values = {"district": "4209", "confirmed-on": "8/1/2568"}
    code, out, err = apply_file(repo, report_file(repo, round_id="2568-club-update", values=values), *PROVINCE,
                                today="2025-01-10")
    assert code == 0, out + err
    assert "round: 2568-club-update" in (repo / CLUB).read_text(encoding="utf-8")


def test_report_file_that_is_no_report(repo):
    path = repo.parent / "r.md"
    path.write_text("hello\n", encoding="utf-8")
    code, _, err = run_cli("report-file", str(path), "--project", str(repo), "--author", "x")
    assert code == 2 and "ไม่ใช่ไฟล์รายงาน" in err
