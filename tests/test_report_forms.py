"""The report forms: one description (intake/reportform/fields.py) → the committed issue forms,
and the issue body GitHub renders from them → field values (intake/reportform/body.py)."""
from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
import yaml
from helpers import REPO, run_cli
from report_events import body

from thamniap.core.dates import read_thai_date
from thamniap.core.phones import find_phone_numbers
from thamniap.intake.reportform.fields import REPORTS, report
from thamniap.render.reportform.forms import issue_forms
from thamniap.bot.cli import chooser_text
from thamniap.intake.reportform.body import parse

TEMPLATES = REPO / ".github" / "ISSUE_TEMPLATE"
ELEMENT_TYPES = {"markdown", "input", "textarea", "checkboxes"}   # no dropdown: prefilled ones are unreliable


def test_committed_forms_are_the_description():
    for name, text in issue_forms().items():
        assert (TEMPLATES / name).read_text(encoding="utf-8") == text, f"{name}: run `thamniap issue-forms`"
    assert (TEMPLATES / "config.yml").read_text(encoding="utf-8") == chooser_text(REPO), "run `thamniap issue-forms`"
    assert sorted(p.name for p in TEMPLATES.glob("*.yml")) == sorted(
        ["config.yml", "correction.yml", *(f"{r.id}.yml" for r in REPORTS)])


def test_issue_forms_check_fails_on_drift(tmp_path):
    project = tmp_path / "project"
    (project / "data" / "42-loei").mkdir(parents=True)
    shutil.copy(REPO / "data" / "42-loei" / "province.yaml", project / "data" / "42-loei" / "province.yaml")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(TEMPLATES, project / ".github" / "ISSUE_TEMPLATE")
    assert run_cli("issue-forms", "--check", "--project", str(project))[0] == 0
    form = project / ".github" / "ISSUE_TEMPLATE" / "committee.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("ตำแหน่งในคณะกรรมการ", "ตำแหน่ง"), encoding="utf-8")
    code, out, err = run_cli("issue-forms", "--check", "--project", str(project))
    assert code == 1 and "committee.yml" in err
    assert run_cli("issue-forms", "--project", str(project))[0] == 0
    assert run_cli("issue-forms", "--check", "--project", str(project))[0] == 0
    # the chooser's links follow the site's address in mkdocs.yml
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://loei-cdd.github.io/", "https://example.org/"),
                      encoding="utf-8")
    code, _, err = run_cli("issue-forms", "--check", "--project", str(project))
    assert code == 1 and "config.yml" in err
    assert run_cli("issue-forms", "--project", str(project))[0] == 0
    chooser = yaml.safe_load((project / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert [link["url"] for link in chooser["contact_links"]] == ["https://example.org/thamniap/privacy/",
                                                                   "https://example.org/thamniap/submit/"]


@pytest.mark.parametrize("form", REPORTS, ids=lambda r: r.id)
def test_each_form_is_a_valid_github_issue_form(form):
    data = yaml.safe_load((TEMPLATES / f"{form.id}.yml").read_text(encoding="utf-8"))
    assert set(data) == {"name", "description", "title", "labels", "body"}
    assert data["labels"] == [form.label] and data["title"] == form.title
    ids = [e["id"] for e in data["body"] if "id" in e]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    labels = [e["attributes"]["label"] for e in data["body"] if e["type"] != "markdown"]
    assert len(labels) == len(set(labels))              # the parser finds a field by its label
    for element in data["body"]:
        assert element["type"] in ELEMENT_TYPES
        if element["type"] == "markdown":
            assert "id" not in element and element["attributes"]["value"].strip()
        elif element["type"] == "checkboxes":
            # GitHub cannot prefill a tick: the report page's ticks come in the `ticked` field, so GitHub
            # must not require them again; the bot requires every one (issue 19 §5, test_report_replies.py)
            assert all(o["required"] is False for o in element["attributes"]["options"])
        else:
            assert isinstance(element["validations"]["required"], bool)
    assert "เลขประจำตัวประชาชน" in data["body"][0]["attributes"]["value"]
    assert data["body"][1]["id"] == "district"


def test_parser_reads_what_github_renders():
    text = body("committee", {"district": "4209", "seats": "ประธาน | นายสมชาย ใจดี\nเหรัญญิก | ว่าง"}).replace("\n", "\r\n")
    parsed = parse(text, report("committee"))
    assert parsed.problems == []
    assert parsed.values["district"] == "4209"
    assert parsed.values["seats"] == "ประธาน | นายสมชาย ใจดี\nเหรัญญิก | ว่าง"
    assert parsed.values["term-start"] is None                       # _No response_
    assert parsed.checked["no-private-numbers"] == set(report("committee").field("no-private-numbers").options)


def test_parser_problems_name_the_field():
    form = report("nominees")
    text = body("nominees", {"district": "4209"}, unticked=("no-private-numbers",)) + "\n\n### ช่องแปลก\n\nค่า"
    labels = {(n.field, n.message) for n in parse(text, form).problems}
    assert ("ผู้แทนชมรม", "ยังไม่ได้กรอก") in labels and ("เจ้าหน้าที่ผู้รับผิดชอบ", "ยังไม่ได้กรอก") in labels
    assert any(f == "ยืนยัน" and m.startswith("ยังไม่ได้เลือก") for f, m in labels)
    assert any(m.startswith("หัวข้อ {0} ไม่ใช่ช่องของแบบฟอร์ม") for _, m in labels)
    missing = parse("### อำเภอ (รหัสหรือชื่อ)\n\n4209", form).problems
    assert any(n.message == "ไม่พบหัวข้อนี้ในรายงาน" and n.field == "ผู้แทนชมรม" for n in missing)


@pytest.mark.parametrize("typed, day, code", [
    ("20/1/2567", dt.date(2024, 1, 20), None),
    ("๒๐/๑/๒๕๖๗", dt.date(2024, 1, 20), None),
    ("20.01.2567", dt.date(2024, 1, 20), None),
    ("20 มกราคม 2567", dt.date(2024, 1, 20), None),
    ("20 ม.ค. 2567", dt.date(2024, 1, 20), None),
    ("20/1/2024", dt.date(2024, 1, 20), None),
    ("2024-01-20", dt.date(2024, 1, 20), None),
    ("2567-01-20", None, "buddhist-year"),
    ("31/2/2567", None, "impossible-date"),
    ("2024-02-30", None, "impossible-date"),
    ("20/13/2567", None, "impossible-date"),
    ("20/1/67", None, "date-format"),
    ("เมื่อวาน", None, "date-format"),
])
def test_read_thai_date(typed, day, code):
    found, problem = read_thai_date(typed)
    assert found == day and (problem.code if problem else None) == code


@pytest.mark.parametrize("text, found", [
    ("โทร 0 4241 1773", True), ("081-234-5678", True), ("๐๘๑๒๓๔๕๖๗๘", True), ("+66 81 234 5678", True),
    ("66812345678", True), ("4209-0001", False), ("19/2566", False), ("20/1/2567", False),
    ("25/2567 | 26/1/2567", False), ("1234567890123", False),
])
def test_phone_numbers_are_found_in_text(text, found):
    assert bool(find_phone_numbers(text)) is found
