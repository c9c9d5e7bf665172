"""The report pages' data and words (render/reportpage.py, render/reportform/messages.py) and
`thamniap report-file` (tools/report/offline.py), without a browser (the browser side:
tests/browser/test_report_page.py).

The page says what the bot would say: these tests fail when the bot's words (tools/report/read.py,
body.py) and the page's templates drift apart.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import REPO, git, run_cli
from test_fixtures import national_id
from report_events import body

from thamniap.check.validate import load_dataset
from thamniap.core.dates import read_thai_date
from thamniap.render import reportpage
from thamniap.render.reportform import messages
from thamniap.render.reportform.fields import COMMITTEE, CONFIRMATION, NOMINEES
from thamniap.tools.report import body as body_parser, read

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
    ("buddhist-year", "2566-10-01", ("2023-10-01", "2566-10-01", "2566")),
    ("impossible-day", "31/4/2567", ("31/4/2567", "เมษายน", "2024", "30")),
    ("impossible-month", "5/14/2567", ("5/14/2567", "14")),
])
def test_date_templates_give_read_thai_dates_words(kind, sample, values):
    template = messages.date_messages()[kind]
    _, problem = read_thai_date(sample)
    assert template["message"].format(*values) == problem.message
    assert template["hint"].format(*values) == problem.hint


def test_report_data_has_names_not_ids_to_type(province, wang_saphung):
    data = json.loads(reportpage.report_json(province, wang_saphung, "https://github.com/o/r", "../../districts/x/"))
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
        text = reportpage.report_json(province, wang_saphung, "https://github.com/o/r", "x")
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


def test_report_file_applies_a_downloaded_report(repo):
    path = repo.parent / "report-confirmation-4209.md"
    path.write_text("# ยืนยันโครงสร้างชมรม: อำเภอวังสะพุง\n\n"
                    + body("confirmation", {"district": "4209", "confirmed-on": "20/1/2567"}) + "\n", encoding="utf-8")
    code, out, err = run_cli("report-file", str(path), "--project", str(repo), "--today", TODAY,
                             "--author", "somchai-4209", "--actor-teams", TEAM)
    assert code == 0, out + err
    assert "20 มกราคม 2567" in out
    assert "date: 2024-01-20" in (repo / "data/42-loei/4209-wang-saphung/club.yaml").read_text(encoding="utf-8")


def test_report_file_refuses_and_changes_nothing(repo):
    path = repo.parent / "r.md"
    path.write_text("# ยืนยันโครงสร้างชมรม: อำเภอวังสะพุง\n\n"
                    + body("confirmation", {"district": "4209", "confirmed-on": "2567-01-20"}), encoding="utf-8")
    code, out, _ = run_cli("report-file", str(path), "--project", str(repo), "--today", TODAY,
                           "--author", "somchai-4209", "--actor-teams", TEAM)
    assert code == 1 and "ดูเหมือนใช้ปี พ.ศ." in out
    assert git(repo, "status", "--porcelain") == ""


def test_report_file_checks_authority(repo):
    path = repo.parent / "r.md"
    path.write_text(body("confirmation", {"district": "4209", "confirmed-on": "20/1/2567"}), encoding="utf-8")
    code, out, _ = run_cli("report-file", str(path), "--project", str(repo), "--today", TODAY, "--author", "stranger")
    assert code == 1 and "ไม่มีสิทธิ์" in out
    assert git(repo, "status", "--porcelain") == ""


def test_report_file_that_is_no_report(repo):
    path = repo.parent / "r.md"
    path.write_text("hello\n", encoding="utf-8")
    code, _, err = run_cli("report-file", str(path), "--project", str(repo), "--author", "x")
    assert code == 2 and "ไม่ใช่ไฟล์รายงาน" in err
