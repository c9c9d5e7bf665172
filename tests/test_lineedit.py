"""tools/spreadsheet/lineedit: import-xlsx edits the roster files line by line (issue 11, section 9): the district's comments stay,
an unchanged workbook writes nothing, and a one-cell change is a one-line diff."""
from __future__ import annotations

import difflib
from pathlib import Path

from helpers import Roster
from test_spreadsheet import DISTRICT, ROSTER, edit, import_, template, validate_ok

from thamniap.intake.spreadsheet.form import LEADER_SHEET, VOLUNTEER_SHEET
from thamniap.write.lineedit import content, minimal_edit

COMMENTED = [
    ("sample: true\n", "sample: true\n# ทำเนียบอำเภอหนองหิน — ปรับปรุงตามคำสั่งอำเภอ ที่ 12/2567\n"),
    ("- id: 4214-0002\n", "# ผู้นำคนที่สองของตำบล (เลือกใหม่ ต.ค. 2566)\n\n- id: 4214-0002\n"),
    ("  last_name: คำภา\n", "  last_name: คำภา  # สะกดตามบัตร\n"),
    ("    last_name: อินทร์แก้ว\n", "    last_name: อินทร์แก้ว # ยืนยันทางโทรศัพท์\n"),
]


def commented_roster(root: Path) -> Roster:
    roster = Roster(root / ROSTER)
    for old, new in COMMENTED:
        roster.replace(old, new)
    return roster


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_reimport_of_an_unchanged_workbook_keeps_the_file_byte_for_byte(base_copy, tmp_path):
    roster = commented_roster(base_copy)
    before = roster.read_bytes()
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in out, out
    assert roster.read_bytes() == before


def test_one_changed_cell_is_a_one_line_diff_and_every_comment_stays(base_copy, tmp_path):
    roster = commented_roster(base_copy)
    before = roster.read_text(encoding="utf-8")
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    edit(book, VOLUNTEER_SHEET, "4214-0003", "last_name", "สุขสวัสดิ์ดี")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0 and "นำเข้าแล้ว" in out, out
    after = roster.read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-    last_name: สุขสวัสดิ์", "+    last_name: สุขสวัสดิ์ดี"]
    validate_ok(base_copy)


def test_a_changed_line_keeps_its_trailing_comment(base_copy, tmp_path):
    roster = commented_roster(base_copy)
    before = roster.read_text(encoding="utf-8")
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    edit(book, LEADER_SHEET, "4214-0001", "last_name", "คำภาดี")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    assert changed_lines(before, roster.read_text(encoding="utf-8")) == [
        "-  last_name: คำภา  # สะกดตามบัตร", "+  last_name: คำภาดี  # สะกดตามบัตร"]


def test_a_new_person_adds_only_their_lines(base_copy, tmp_path):
    from test_spreadsheet import append_row
    roster = commented_roster(base_copy)
    before = roster.read_text(encoding="utf-8")
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    wb_row = {"sub_code": "421401", "moo": 1, "village": "บ้านภูป่าไผ่", "title": "นาง", "first_name": "บุญมี",
              "last_name": "ทองดีใหม่", "role": "อช.", "start": "2024-01-10", "end": "2028-01-09"}
    append_row(book, VOLUNTEER_SHEET, wb_row)
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    changed = changed_lines(before, roster.read_text(encoding="utf-8"))
    assert changed and all(line.startswith("+") for line in changed), changed
    assert "+    first_name: บุญมี" in changed


def test_minimal_edit_by_table():
    old = "# head\na: 1\n# about b\nb: 2  # two\nc: '#3' # three\n"
    assert minimal_edit(old, "# other head\na: 1\nb: 2\nc: '#3'\n") == old
    assert minimal_edit(old, "a: 1\nb: 5\nc: '#3'\n") == "# head\na: 1\n# about b\nb: 5  # two\nc: '#3' # three\n"
    assert minimal_edit(old, "a: 1\nc: '#3'\n") == "# head\na: 1\n# about b\nc: '#3' # three\n"
    assert minimal_edit("# only a comment\n", "a: 1\n") == "a: 1\n"
    # a block replaced by a longer one: each trailing comment on the new line of its key, else on a line of its own
    old = "s:\n  holder: x  # first\n  since: d # day\nt: 1\n"
    assert minimal_edit(old, "s:\n  holder: y\n  since: e\n  order: z\nt: 1\n") == \
        "s:\n  holder: y  # first\n  since: e # day\n  order: z\nt: 1\n"
    assert minimal_edit(old, "s:\n  vacant: true\nt: 1\n") == "s:\n  vacant: true\n  # first\n  # day\nt: 1\n"
    assert content("c: '#3' # three") == "c: '#3'" and content('d: "x #y"') == 'd: "x #y"'


# A role the person has left, with its reason: the form has no column for end_reason.
LEFT = ("    - role: อช.\n      start: 2025-07-15\n      end: 2029-07-14\n",
        "    - role: อช.\n      start: 2025-07-15\n      end: 2029-07-14\n      end_reason: ย้ายที่อยู่  # แจ้งทางโทรศัพท์\n")


def with_end_reason(root: Path) -> Roster:
    roster = Roster(root / ROSTER)
    assert roster.read_text().count(LEFT[0]) == 1
    roster.replace(*LEFT)
    return roster


def test_a_field_the_form_has_no_column_for_is_kept(base_copy, tmp_path):
    roster = with_end_reason(base_copy)
    before = roster.read_text(encoding="utf-8")
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in out, out
    edit(book, VOLUNTEER_SHEET, "4214-0010", "last_name", "สิงห์คำดี")   # another cell of that person
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    assert changed_lines(before, roster.read_text(encoding="utf-8")) == [
        "-    last_name: สิงห์คำ", "+    last_name: สิงห์คำดี"]


def test_changing_the_role_that_holds_an_end_reason_keeps_it(base_copy, tmp_path):
    """The form has had end-reason columns since issue 20 §4: a changed start date of a role that
    records why the volunteer left changes that line only; the reason and its comment stay."""
    roster = with_end_reason(base_copy)
    before = roster.read_text(encoding="utf-8")
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    edit(book, VOLUNTEER_SHEET, "4214-0010", "start", "2025-07-16")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    assert changed_lines(before, roster.read_text(encoding="utf-8")) == [
        "-      start: 2025-07-15", "+      start: 2025-07-16"]
