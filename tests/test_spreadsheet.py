"""Excel template and import (thamniap.tools.spreadsheet): round trips, bad cells, new people, the check.

Each import test builds a workbook with `template-xlsx`, edits cells with openpyxl the way a
district officer would in Excel, and runs `import-xlsx`; a refused import must leave roster.yaml
byte for byte as it was.
"""
from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from helpers import BASE, REPO, Roster, run_cli
from thamniap.check.validate import validate
from thamniap.core.diagnostics import Severity
from thamniap.core.names import is_known_title, title_sex
from thamniap.core.national_id import national_id_check_digit
from thamniap.core.phones import check_phone
from thamniap.devtools import sample
from thamniap.load.layout import DataFile, expected_schema_header
from thamniap.load.loader import load_file
from thamniap.intake.spreadsheet.form import (END_REASONS, HEADERS, LEADER_KEYS, LEADER_SHEET, SUBDISTRICT_SHEET, VOLUNTEER_KEYS,
                                             VOLUNTEER_SHEET, max_length)
from thamniap.tools.spreadsheet.importer import import_workbook

DISTRICT = "42-loei/4214-nong-hin"
ROSTER = f"{DISTRICT}/roster"
TODAY = "2024-03-01"


def template(root: Path, code: str, out: Path) -> None:
    rc, stdout, stderr = run_cli("template-xlsx", code, "-o", str(out), "--data", str(root))
    assert rc == 0, stdout + stderr


def import_(root: Path, code: str, book: Path, today: str = TODAY) -> tuple[int, str]:
    rc, stdout, stderr = run_cli("import-xlsx", str(book), "--district", code, "--data", str(root),
                                 "--today", today)
    return rc, stdout + stderr


def column(ws, key: str) -> int:
    return next(c.column for c in ws[1] if c.value == HEADERS[key])


def row_of(ws, pid: str, nth: int = 0) -> int:
    rows = [c.row for c in ws["A"] if c.value == pid]
    return rows[nth]


def edit(book: Path, sheet: str, pid: str, key: str, value) -> str:
    """Set one cell of person PID's row; returns its reference as the importer prints it."""
    wb = load_workbook(book)
    ws = wb[sheet]
    cell = ws.cell(row_of(ws, pid), column(ws, key))
    cell.value = value
    wb.save(book)
    name = f"'{sheet}'" if " " in sheet else sheet
    return f"{name}!{cell.coordinate}"


def append_row(book: Path, sheet: str, values: dict) -> int:
    wb = load_workbook(book)
    ws = wb[sheet]
    keys = VOLUNTEER_KEYS if sheet == VOLUNTEER_SHEET else LEADER_KEYS
    ws.append([values.get(k) for k in keys])
    row = ws.max_row
    wb.save(book)
    return row


def delete_rows(book: Path, sheet: str, pid: str) -> None:
    wb = load_workbook(book)
    ws = wb[sheet]
    for row in sorted((c.row for c in ws["A"] if c.value == pid), reverse=True):
        ws.delete_rows(row)
    wb.save(book)


def roster_data(roster: Roster) -> dict:
    return roster.data()


def people(data: dict) -> list[dict]:
    return [p for s in data["subdistricts"] for p in [*s["leaders"], *(q for v in s["villages"] for q in v["volunteers"])]]


def validate_ok(root: Path, today: str = TODAY) -> None:
    rc, out, err = run_cli("validate", str(root), "--today", today)
    assert rc == 0, out + err


# ---------------------------------------------------------------- round trips

def test_base_round_trip_keeps_the_roster(base_copy, tmp_path):
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    # replace the file by an empty roster, so the import really writes it (and checks it) again
    data = roster_data(roster)
    empty = {**data, "subdistricts": [{**s, "leaders": [], "villages": []} for s in data["subdistricts"]]}
    roster.dump(empty)
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    assert "นำเข้าแล้ว: ผู้นำ อช. 6 คน อช. 24 คน (คนใหม่ 0 คน)" in out
    assert roster_data(roster) == data                      # same people, ids, roles, order
    assert roster.read_bytes() == before                    # and the generator's format
    validate_ok(base_copy)
    rc, out = import_(base_copy, "4214", book)              # again: nothing to change
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in out


def test_real_district_4209_round_trip_passes_validate(tmp_path):
    """Acceptance: template-xlsx 4209 → import-xlsx → thamniap validate, on a copy of data/."""
    root = tmp_path / "data"
    shutil.copytree(REPO / "data", root)
    roster = Roster(next(root.glob("42-*/4209-*/roster")))
    before = roster.read_bytes()
    data = roster_data(roster)
    book = tmp_path / "4209.xlsx"
    template(root, "4209", book)
    roster.dump({"sample": True, "subdistricts": []})          # no file left: the import writes each again
    rc, out = import_(root, "4209", book, dt.date.today().isoformat())
    assert rc == 0, out
    assert roster_data(roster) == data
    assert roster.read_bytes() == before
    validate_ok(root, dt.date.today().isoformat())


def test_template_layout(base_copy, tmp_path):
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    again = tmp_path / "t2.xlsx"
    template(base_copy, "4214", again)
    assert book.read_bytes() == again.read_bytes()          # deterministic
    wb = load_workbook(book)
    assert wb.sheetnames == [VOLUNTEER_SHEET, LEADER_SHEET, SUBDISTRICT_SHEET, "คำอธิบาย"]
    ws = wb[VOLUNTEER_SHEET]
    assert [c.value for c in ws[1]] == [HEADERS[k] for k in VOLUNTEER_KEYS]
    assert [c.value for c in wb[LEADER_SHEET][1]] == [HEADERS[k] for k in LEADER_KEYS]
    assert ws.cell(2, column(ws, "phone")).number_format == "@"
    assert ws.cell(2, column(ws, "id")).number_format == "@"
    assert ws.cell(2, column(ws, "id")).value == "4214-0003"
    assert ws.cell(2, column(ws, "sub_code")).value == "421401"     # text, not a number
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}
    letter = {k: ws.cell(1, column(ws, k)).column_letter for k in ("title", "sex", "sub_code", "role")}
    assert "นางสาว" in lists[letter["title"]]
    assert lists[letter["sex"]] == '"ชาย,หญิง"'
    assert lists[letter["sub_code"]].startswith(f"'{SUBDISTRICT_SHEET}'!$A$2:$A$4")
    assert lists[letter["role"]] == '"อช.,ผู้นำ อช."'
    assert [r for r in wb[SUBDISTRICT_SHEET].iter_rows(min_row=2, values_only=True)] == [
        ("421401", "หนองหิน"), ("421402", "ตาดข่า"), ("421403", "ปวนพุ")]
    help_text = " ".join(str(c) for r in wb["คำอธิบาย"].iter_rows(values_only=True) for c in r if c)
    for words in ("ค.ศ.", "4214-NNNN", "รหัสบุคคลเดียวกัน", "ใหม่1", "วันที่ยินยอม"):
        assert words in help_text


# ---------------------------------------------------------------- bad cells

BAD_CELLS = [
    ("start", "2567-01-01", ["พ.ศ.", "2024-01-01"]),
    ("phone", 42411773, ["ตัวเลข", "เลข 0", "0 4241 1773"]),
    ("title", "นาง<b>", ["`นาง<b>` มีอักขระ `<`"]),                # a title takes a name's characters
    ("first_name", "เเสงเดือน", ["สระเอ", "แสงเดือน"]),
    ("last_name", None, ["ต้องกรอกนามสกุล"]),
    ("start", dt.datetime(2567, 1, 1), ["พ.ศ.", "2024-01-01"]),
    ("end", 45292, ["ตัวเลข", "2024-01-01"]),
    ("sub_code", "421499", ["ไม่พบตำบลรหัส `421499`", "421401 หนองหิน"]),
    ("sub_name", "ตาดข่า", ["ไม่ตรงกับรหัส", "421402"]),
    ("sex", "ช", ["ชาย หรือ หญิง"]),
    ("sex", "ชาย", ["ขัดกับคำนำหน้า"]),
    ("role", "ผู้นำอช", ["ไม่รู้จักบทบาท", "ผู้นำ อช."]),
    ("moo", "หมู่ 1", ["หมู่ที่ต้องเป็นตัวเลข"]),
    ("id", "4214-X1", ["ไม่ถูกรูปแบบ"]),
    ("first_name", 1234, ["ต้องเป็นข้อความ", "ตัวเลข"]),
    ("note", "หมายเหตุ\nสองบรรทัด", ["บรรทัดเดียว"]),
    ("note", "ก" * (max_length("note") + 1), [f"เกิน {max_length('note')} ตัวอักษร"]),
    ("village", "บ้าน{นา}", ["`บ้าน{นา}` มีอักขระ `{`"]),
]


@pytest.mark.parametrize("key,value,expected", BAD_CELLS, ids=[f"{k}-{v!r}" for k, v, _ in BAD_CELLS])
def test_bad_cell_is_reported_at_its_cell_and_nothing_written(base_copy, tmp_path, key, value, expected):
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    ref = edit(book, VOLUNTEER_SHEET, "4214-0004", key, value)     # นาง แสงเดือน อินทร์แก้ว, หมู่ 1
    if key == "phone":
        edit(book, VOLUNTEER_SHEET, "4214-0004", "consent_date", "2024-01-10")
        edit(book, VOLUNTEER_SHEET, "4214-0004", "consent_method", "ลงนามในแบบฟอร์มยินยอม")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1, out
    lines = [ln for ln in out.splitlines() if f"{ref} (" in ln and ": ข้อผิดพลาด: " in ln]
    assert any(all(words in ln for words in expected) for ln in lines), (ref, expected, out)
    assert "ไม่ได้เขียน" in out
    assert roster.read_bytes() == before


def test_unknown_title_is_a_warning_and_then_the_sex_is_needed(base_copy, tmp_path):
    """As in validate: an unknown title is a warning (person.unknown-title) at its cell, and the sex
    the title does not tell is an error (person.sex-required) at the sex cell of the same row."""
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    title = edit(book, VOLUNTEER_SHEET, "4214-0004", "title", "คุณ")
    sex = title.replace("!F", "!I")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and roster.read_bytes() == before, out
    assert f"{title} (คำนำหน้า): คำเตือน: ไม่รู้จักคำนำหน้านาม `คุณ` ของ แสงเดือน อินทร์แก้ว" in out
    assert f"{sex} (เพศ): ข้อผิดพลาด: คำนำหน้า `คุณ` ไม่บอกเพศของ คุณแสงเดือน อินทร์แก้ว — เลือก ชาย หรือ หญิง" in out
    edit(book, VOLUNTEER_SHEET, "4214-0004", "sex", "หญิง")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0 and f"{title} (คำนำหน้า): คำเตือน:" in out, out
    person = next(p for p in people(roster_data(roster)) if p["id"] == "4214-0004")
    assert (person["title"], person["sex"]) == ("คุณ", "หญิง")


def test_form_and_validate_say_the_same_of_a_person(base_copy, tmp_path):
    """One source of rules: the same bad person typed into the form or written into roster.yaml
    gets the same person.* and privacy.* diagnostics (rule, severity, message) from the importer as
    from validate; only the place differs (a cell, a line) and the hint speaks of columns."""
    digits = "110170020315"
    bad = {"title": "คุณ", "phone": "08 1234 5678", "note": f"เลข {digits}{national_id_check_digit(digits)}"}
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    for key, value in bad.items():
        edit(book, VOLUNTEER_SHEET, "4214-0004", key, value)
    result, *_ = import_workbook(book, "4214", base_copy, dt.date(2024, 3, 1), validate=False)

    def said(diags) -> set:
        return {(d.rule, d.severity, d.message) for d in diags if d.rule.startswith(("person.", "privacy."))}

    form = said(result.issues)
    assert {rule for rule, _, _ in form} == {"person.unknown-title", "person.sex-required",
                                             "privacy.phone-without-consent", "privacy.national-id"}, form
    assert ("person.sex-required", Severity.ERROR, "คำนำหน้า `คุณ` ไม่บอกเพศของ คุณแสงเดือน อินทร์แก้ว") in form
    assert all(d.path.startswith("t.xlsx: อช.!") for d in result.issues if d.rule.startswith(("person.", "privacy.")))
    today = dt.date(2024, 3, 1)
    already = said(validate([base_copy], today))
    roster = Roster(base_copy / ROSTER)
    data = roster_data(roster)
    next(p for p in people(data) if p["id"] == "4214-0004").update(bad)
    roster.dump(data)
    assert said(validate([base_copy], today)) - already == form


def test_national_id_in_a_cell_is_reported_at_the_cell_and_masked(base_copy, tmp_path):
    digits = "110170020315"
    national_id = digits + str(national_id_check_digit(digits))
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    ref = edit(book, LEADER_SHEET, "4214-0001", "note", f"บัตร {national_id}")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and roster.read_bytes() == before, out
    assert f"{ref} (หมายเหตุ): ข้อผิดพลาด: พบเลขที่มีรูปแบบเลขประจำตัวประชาชน" in out
    assert national_id not in out


def test_numbers_in_any_spelling_in_a_note_cell_are_refused_and_never_echoed(base_copy, tmp_path):
    """Issue 17 §4: a national ID with invisible characters between its groups, and a phone with a
    no-break space and a Unicode dash, in note cells: both refused at their cells, nothing written."""
    digits = "110170020315"
    national_id = digits + str(national_id_check_digit(digits))
    hidden = f"{national_id[0]}\u00ad{national_id[1:5]}\u2060{national_id[5:10]}\u034f{national_id[10:12]}\u3164{national_id[12]}"
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    id_ref = edit(book, LEADER_SHEET, "4214-0001", "note", f"บัตร {hidden}")
    phone_ref = edit(book, VOLUNTEER_SHEET, "4214-0004", "note", "โทร 081\u00a0234\u20135678")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and roster.read_bytes() == before, out
    assert f"{id_ref} (หมายเหตุ): ข้อผิดพลาด: พบเลขที่มีรูปแบบเลขประจำตัวประชาชน" in out
    assert f"{phone_ref} (หมายเหตุ): ข้อผิดพลาด:" in out and "มีหมายเลขโทรศัพท์" in out
    flat = "".join(ch for ch in out if ch.isdecimal())
    assert national_id[:11] not in flat and "5678" not in out and "081" not in out


def test_every_bad_cell_is_reported_at_once(base_copy, tmp_path):
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    refs = [edit(book, VOLUNTEER_SHEET, "4214-0003", "start", "2567-01-01"),
            edit(book, VOLUNTEER_SHEET, "4214-0005", "last_name", None),
            edit(book, LEADER_SHEET, "4214-0001", "title", "คุณ")]
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1
    for ref in refs:
        assert f"{ref} (" in out
    assert "'ผู้นำ อช.'!D2 (คำนำหน้า)" in out
    assert "พบข้อผิดพลาด 3 รายการ" in out


def test_phone_needs_consent(base_copy, tmp_path):
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    ref = edit(book, VOLUNTEER_SHEET, "4214-0004", "phone", "08 1234 5678")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and f"{ref} (โทรศัพท์)" in out and "ความยินยอม" in out
    assert roster.read_bytes() == before
    edit(book, VOLUNTEER_SHEET, "4214-0004", "consent_date", dt.datetime(2024, 1, 10))   # a real Excel date
    edit(book, VOLUNTEER_SHEET, "4214-0004", "consent_method", "ลงนามในแบบฟอร์มยินยอม")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    person = next(p for p in people(roster_data(roster)) if p["id"] == "4214-0004")
    assert person["phone"] == "08 1234 5678"
    assert person["phone_consent"] == {"date": "2024-01-10", "method": "ลงนามในแบบฟอร์มยินยอม"}
    validate_ok(base_copy)


def test_phone_that_looks_like_a_number_is_written_quoted(base_copy, tmp_path):
    roster = Roster(base_copy / ROSTER)
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    edit(book, VOLUNTEER_SHEET, "4214-0004", "phone", "0812345678")
    edit(book, VOLUNTEER_SHEET, "4214-0004", "consent_date", "2024-01-10")
    edit(book, VOLUNTEER_SHEET, "4214-0004", "consent_method", "ลงนามในแบบฟอร์มยินยอม")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    assert "phone: '0812345678'" in roster.read_text(encoding="utf-8")
    validate_ok(base_copy)


def test_duplicate_moo_with_another_village_name(base_copy, tmp_path):
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    ref = edit(book, VOLUNTEER_SHEET, "4214-0005", "village", "บ้านอื่น")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and f"{ref} (ชื่อหมู่บ้าน)" in out and "หมู่เดียวกันต้องใช้ชื่อหมู่บ้านเดียวกัน" in out


def test_duplicate_person_id(base_copy, tmp_path):
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    ref = edit(book, VOLUNTEER_SHEET, "4214-0005", "id", "4214-0004")        # another person, same id
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and "รหัสบุคคล `4214-0004` ซ้ำกับแถว อช.!" in out
    ref_first = ref.replace("A", "F")   # คำนำหน้า differs (นาย vs นาง) in the same row
    assert f"{ref_first} (คำนำหน้า)" in out
    # the same id on both sheets
    template(base_copy, "4214", book)
    edit(book, LEADER_SHEET, "4214-0001", "id", "4214-0004")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and "คนหนึ่งอยู่ได้แผ่นงานเดียว" in out


def test_excel_dates_and_number_cells_where_harmless(base_copy, tmp_path):
    roster = Roster(base_copy / ROSTER)
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    edit(book, VOLUNTEER_SHEET, "4214-0004", "start", dt.datetime(2023, 12, 25))
    edit(book, VOLUNTEER_SHEET, "4214-0004", "sub_code", 421401)          # a code has no 0 to lose
    edit(book, VOLUNTEER_SHEET, "4214-0004", "moo", "1")                   # หมู่ที่ typed as text
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    person = next(p for p in people(roster_data(roster)) if p["id"] == "4214-0004")
    assert person["roles"] == [{"role": "อช.", "start": "2023-12-25", "end": "2027-12-23"}]
    validate_ok(base_copy)


# ---------------------------------------------------------------- people: new, several roles, removed

def test_new_people_get_the_next_free_id(base_copy, tmp_path):
    roster = Roster(base_copy / ROSTER)
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    base = {"sub_code": "421402", "moo": 1, "village": "บ้านนาซ่าว", "role": "อช."}
    row_a = append_row(book, VOLUNTEER_SHEET, {**base, "title": "นาย", "first_name": "ทดสอบ", "last_name": "ใหม่หนึ่ง",
                                               "start": "2024-02-01", "end": "2028-01-31"})
    # a new person with two roles: a temporary id ties the rows together
    row_b = append_row(book, LEADER_SHEET, {"id": "ใหม่1", "sub_code": "421403", "title": "นาง", "first_name": "ทดลอง",
                                            "last_name": "ใหม่สอง", "role": "ผู้นำ อช.",
                                            "start": "2023-10-01", "end": "2027-09-30"})
    append_row(book, LEADER_SHEET, {"id": "ใหม่1", "role": "อช.", "start": "2020-01-01", "end": "2023-12-31"})
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    # ids follow the roster's order: subdistrict 421402 (the อช.) comes before 421403 (the leader)
    assert f"คนใหม่ อช.!A{row_a} ได้รหัส 4214-0031" in out
    assert f"คนใหม่ 'ผู้นำ อช.'!A{row_b}, 'ผู้นำ อช.'!A{row_b + 1} ได้รหัส 4214-0032" in out
    data = roster_data(roster)
    sub3 = data["subdistricts"][2]
    assert sub3["leaders"][-1]["id"] == "4214-0032"
    assert sub3["leaders"][-1]["roles"] == [{"role": "ผู้นำ อช.", "start": "2023-10-01", "end": "2027-09-30"},
                                            {"role": "อช.", "start": "2020-01-01", "end": "2023-12-31"}]
    village = data["subdistricts"][1]["villages"][0]
    assert village["volunteers"][-1]["id"] == "4214-0031"
    validate_ok(base_copy)


def test_extra_role_rows_with_the_same_id(base_copy, tmp_path):
    roster = Roster(base_copy / ROSTER)
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    append_row(book, VOLUNTEER_SHEET, {"id": "4214-0003", "role": "ผู้นำ อช.", "start": "2019-10-01", "end": "2023-09-30"})
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    person = next(p for p in people(roster_data(roster)) if p["id"] == "4214-0003")
    assert [r["role"] for r in person["roles"]] == ["อช.", "ผู้นำ อช."]
    # and a template of that roster writes both rows, which import back unchanged
    again = tmp_path / "again.xlsx"
    template(base_copy, "4214", again)
    ws = load_workbook(again)[VOLUNTEER_SHEET]
    assert [c.row for c in ws["A"] if c.value == "4214-0003"] == [2, 3]
    rc, out = import_(base_copy, "4214", again)
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in out


def test_a_row_on_the_wrong_sheet_needs_its_role(base_copy, tmp_path):
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    ref = edit(book, VOLUNTEER_SHEET, "4214-0003", "role", "ผู้นำ อช.")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and ref in out and "ต้องมีแถวบทบาท `อช.`" in out


def test_refused_when_the_check_fails(base_copy, tmp_path):
    """Removing a nominee breaks meeting.yaml: the project's check refuses, roster.yaml stays."""
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    delete_rows(book, LEADER_SHEET, "4214-0001")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1, out
    assert "meeting.yaml" in out and "meeting.unresolved-nominee" in out and "ไม่ได้เขียน" in out
    assert roster.read_bytes() == before


def test_missing_sheet_or_column(base_copy, tmp_path):
    book = tmp_path / "t.xlsx"
    template(base_copy, "4214", book)
    wb = load_workbook(book)
    wb[LEADER_SHEET].title = "ผู้นำ"
    ws = wb[VOLUNTEER_SHEET]
    ws.cell(1, column(ws, "last_name")).value = "สกุล"
    wb.save(book)
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1
    assert "ไม่พบแผ่นงาน `ผู้นำ อช.`" in out and "`ผู้นำ`" in out
    assert "ไม่พบหัวคอลัมน์ `นามสกุล`" in out


def test_not_a_workbook_and_unknown_district(base_copy, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    rc, out = import_(base_copy, "4214", bad)
    assert rc == 1 and ".xlsx" in out
    rc, out = import_(base_copy, "4299", bad)
    assert rc == 1 and "4299" in out


# ---------------------------------------------------------------- property: import(template(x)) == x

FIRST = sorted(set(sample.MALE + sample.FEMALE))
LAST = sorted(set(sample.LAST + ["ณ อยุธยา", "ศรี-สุข"]))
TITLES = ["นาย", "นาง", "นางสาว", "น.ส.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ดร.", "สิบเอก", "ผศ.ดร."]
PHONES = ["0 4241 1773", "08 1234 5678", "0812345678", "042411773", "+66 81 234 5678", "042-411-773"]
NOTES = ["ย้ายมาจากตำบลอื่น", "เป็นประธานกลุ่มแม่บ้าน", "123", "yes", "2024-01-01", "ชื่อเดิม สมศรี"]
METHODS = ["ลงนามในแบบฟอร์มยินยอม", "แจ้งด้วยวาจาต่อเจ้าหน้าที่ นางสาวสมใจ"]
assert all(not check_phone(p) for p in PHONES) and all(is_known_title(t) for t in TITLES)
BASE_SUBS = [(s["code"], s["name"]) for s in Roster(BASE / ROSTER).data()["subdistricts"]]


def _iso(day: dt.date) -> str:
    return day.isoformat()


@st.composite
def rosters(draw) -> dict:
    used: set[tuple[str, str]] = set()
    counter = iter(range(1, 10_000))
    day = st.integers(0, 3650).map(lambda n: dt.date(2016, 1, 1) + dt.timedelta(days=n))

    def person(listed_role: str) -> dict:
        first, last = draw(st.sampled_from(sorted({(f, ln) for f in FIRST for ln in LAST} - used)))
        used.add((first, last))
        title = draw(st.sampled_from(TITLES))
        p: dict = {"id": f"4214-{next(counter):04d}", "title": title, "first_name": first, "last_name": last}
        implied = title_sex(title)
        sex = draw(st.sampled_from(["ชาย", "หญิง"])) if implied is None else draw(st.sampled_from([None, implied]))
        if sex:
            p["sex"] = sex
        roles = []
        listed = draw(st.lists(st.sampled_from(["อช.", "ผู้นำ อช."]), min_size=1, max_size=3))
        for n, role in enumerate(listed):
            start = draw(day)
            # a term that is over before TODAY either ran its full 4 years or records why it ended
            # (term.end-reason-missing; the form's end-reason and end-note columns); a running one may be shorter.
            # The last role never ends with a reason: someone who left every role may hold no club seat.
            length = draw(st.integers(1, 1600))
            reason = None
            if start + dt.timedelta(days=length) < dt.date.fromisoformat(TODAY):
                reason = draw(st.sampled_from([None, *END_REASONS])) if n < len(listed) - 1 else None
                if reason is None:
                    length = max(length, 1460)
            item = {"role": role, "start": _iso(start), "end": _iso(start + dt.timedelta(days=length))}
            if reason:
                item["end_reason"] = reason
                if reason == "อื่น ๆ":
                    item["end_note"] = "ไปทำงานต่างจังหวัด"
            roles.append(item)
        if not any(r["role"] == listed_role for r in roles):
            roles[draw(st.integers(0, len(roles) - 1))]["role"] = listed_role
        p["roles"] = roles
        phone = draw(st.sampled_from([None, None, *PHONES]))
        if phone:
            p["phone"] = phone
        if phone or draw(st.booleans()) and draw(st.booleans()):
            p["phone_consent"] = {"date": _iso(draw(day)), "method": draw(st.sampled_from(METHODS))}
        note = draw(st.sampled_from([None, None, *NOTES]))
        if note:
            p["note"] = note
        return p

    subdistricts = []
    for code, name in BASE_SUBS:
        leaders = [person("ผู้นำ อช.") for _ in range(draw(st.integers(0, 2)))]
        villages = []
        for moo in sorted(draw(st.sets(st.integers(1, 99), max_size=3))):
            villages.append({"moo": moo, "name": "บ้าน" + draw(st.sampled_from(sample.VILLAGE)),
                             "volunteers": [person("อช.") for _ in range(draw(st.integers(0, 3)))]})
        subdistricts.append({"code": code, "name": name, "leaders": leaders, "villages": villages})
    return {"sample": draw(st.booleans()), "subdistricts": subdistricts}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=rosters())
def test_import_of_template_is_identity(doc):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(BASE, root)
        meeting = root / DISTRICT / "meeting.yaml"         # nominees must be roster people: none here
        meeting.write_text(meeting.read_text(encoding="utf-8").split("\nnominations:")[0] + "\nnominations: []\n",
                           encoding="utf-8")
        roster = Roster(root / ROSTER)
        roster.dump(doc)
        written = roster.read_bytes()
        book = Path(tmp) / "t.xlsx"
        template(root, "4214", book)
        # start from a roster without people, so the import writes and checks the whole file
        roster.dump({**doc, "subdistricts": [{**s, "leaders": [], "villages": []} for s in doc["subdistricts"]]})
        rc, out = import_(root, "4214", book)
        assert rc == 0, out
        assert roster_data(roster) == doc
        assert roster.read_bytes() == written


def test_template_of_a_roster_with_bad_values_points_at_the_cells(base_copy, tmp_path):
    """A typo in roster.yaml does not stop the template; the import then names the cell to fix."""
    roster = Roster(base_copy / ROSTER)
    roster.replace("first_name: แสงเดือน", "first_name: เเสงเดือน")
    book = tmp_path / "t.xlsx"
    rc, out, err = run_cli("template-xlsx", "4214", "-o", str(book), "--data", str(base_copy))
    assert rc == 0 and "text.thai-double-sara-e" in out
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and "อช.!G3 (ชื่อ)" in out
    roster.files()[0].write_text("sample: [", encoding="utf-8")      # broken YAML: no template
    rc, out, err = run_cli("template-xlsx", "4214", "-o", str(tmp_path / "u.xlsx"), "--data", str(base_copy))
    assert rc == 1 and "ไม่สร้างแบบฟอร์ม" in err


# ---------------------------------------------------------------- hostile files (xlsx_guard)
#
# Each workbook is built here, from the template or straight into a zip, and must be refused with
# exit 1, a Thai message at its sheet/cell or zip part, and roster.yaml byte for byte unchanged.
# The limits are structural (counted before parsing), so the tests assert the reason, not a time.

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
VOLUNTEER_PART = "xl/worksheets/sheet1.xml"          # openpyxl writes the sheets in order
MiB = 1024 * 1024


def rebuild(book: Path, out: Path, replace: dict[str, bytes | None] | None = None) -> Path:
    """OUT: a copy of the zip BOOK with members replaced (None: removed) or added."""
    todo = dict(replace or {})
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = todo.pop(info.filename) if info.filename in todo else src.read(info)
            if data is not None:
                dst.writestr(info.filename, data)
        for name, data in todo.items():
            if data is not None:
                dst.writestr(name, data)
    return out


def member(book: Path, name: str) -> bytes:
    with zipfile.ZipFile(book) as z:
        return z.read(name)


def refused(base_copy: Path, book: Path, *expected: str) -> str:
    """Import BOOK; it must be refused with a line holding every EXPECTED text, roster.yaml unchanged."""
    roster = Roster(base_copy / ROSTER)
    before = roster.read_bytes()
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1, out
    assert "Traceback" not in out and "internal error" not in out
    lines = [ln for ln in out.splitlines() if ln.startswith(f"{book.name}: ") and "ข้อผิดพลาด: " in ln]
    assert any(all(words in ln for words in expected) for ln in lines), (expected, out)
    assert "ไม่ได้เขียน" in out
    assert roster.read_bytes() == before
    assert not list(roster.parent.glob(".*.tmp"))              # no partial file left either
    return out


@pytest.fixture
def form(base_copy, tmp_path) -> Path:
    book = tmp_path / "form.xlsx"
    template(base_copy, "4214", book)
    return book


def test_truncated_sheet_xml(base_copy, form, tmp_path):
    xml = member(form, VOLUNTEER_PART)
    book = rebuild(form, tmp_path / "cut.xlsx", {VOLUNTEER_PART: xml[: len(xml) // 2]})
    refused(base_copy, book, f"{VOLUNTEER_SHEET}: ข้อผิดพลาด:", VOLUNTEER_PART, "เสียหาย", "XML", "บันทึกใหม่")


def test_broken_styles_xml(base_copy, form, tmp_path):
    styles = member(form, "xl/styles.xml").replace(b"</fonts>", b"</font>", 1)
    book = rebuild(form, tmp_path / "styles.xlsx", {"xl/styles.xml": styles})
    refused(base_copy, book, "xl/styles.xml: ข้อผิดพลาด:", "เสียหาย", "บรรทัด 1")


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
                  + "".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'
                            for i in range(1, 10))
                  + "]>\n")


def test_entity_bomb_is_refused_before_expansion(base_copy, form, tmp_path):
    xml = member(form, VOLUNTEER_PART).decode()
    bomb = BILLION_LAUGHS + xml.replace("<t>", "<t>&lol9;", 1)     # 10^9 "lol" if anything expanded it
    book = rebuild(form, tmp_path / "bomb.xlsx", {VOLUNTEER_PART: bomb.encode()})
    refused(base_copy, book, f"{VOLUNTEER_SHEET}: ข้อผิดพลาด:", "DOCTYPE/ENTITY", "entity bomb")
    # the same in a UTF-16 part, where a byte search for "<!DOCTYPE" would miss it
    styles = BILLION_LAUGHS.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>', 1) + \
        member(form, "xl/styles.xml").decode().split("?>", 1)[-1]
    book = rebuild(form, tmp_path / "bomb16.xlsx", {"xl/styles.xml": styles.encode("utf-16")})
    refused(base_copy, book, "xl/styles.xml: ข้อผิดพลาด:", "DOCTYPE/ENTITY")


@pytest.mark.parametrize("formula", ['"แสง"&amp;"เดือน"', "[1]Sheet1!$A$1"], ids=["in-book", "other-workbook"])
def test_formula_with_a_cached_value(base_copy, form, tmp_path, formula):
    ref = edit(form, VOLUNTEER_SHEET, "4214-0004", "first_name", "แสงเดือน")
    cell = ref.split("!")[1]
    xml = member(form, VOLUNTEER_PART).decode()
    start = xml.index(f'<c r="{cell}"')
    end = xml.index("</c>", start) + len("</c>")
    cached = f'<c r="{cell}" t="str"><f>{formula}</f><v>แสงเดือน</v></c>'
    book = rebuild(form, tmp_path / "formula.xlsx", {VOLUNTEER_PART: (xml[:start] + cached + xml[end:]).encode()})
    refused(base_copy, book, f"{ref}: ข้อผิดพลาด:", "สูตร", "วางแบบค่า")


def test_external_link_part(base_copy, form, tmp_path):
    link = (f'<externalLink xmlns="{MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><externalBook r:id="rId1"/></externalLink>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" TargetMode="External" Target="file:///C:/other.xlsx" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/externalLinkPath"/></Relationships>')
    book = rebuild(form, tmp_path / "link.xlsx", {"xl/externalLinks/externalLink1.xml": link.encode(),
                                                  "xl/externalLinks/_rels/externalLink1.xml.rels": rels.encode()})
    refused(base_copy, book, "xl/externalLinks/externalLink1.xml: ข้อผิดพลาด:", "ลิงก์", "ตัดลิงก์")
    # a link declared only in the workbook's relationships
    wb_rels = member(form, "xl/_rels/workbook.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rId99" TargetMode="External" Target="file:///C:/other.xlsx" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink"/></Relationships>')
    book = rebuild(form, tmp_path / "link2.xlsx", {"xl/_rels/workbook.xml.rels": wb_rels.encode()})
    refused(base_copy, book, "xl/_rels/workbook.xml.rels: ข้อผิดพลาด:", "ลิงก์", "other.xlsx")


def test_hidden_row(base_copy, form):
    wb = load_workbook(form)
    ws = wb[VOLUNTEER_SHEET]
    row = row_of(ws, "4214-0005")
    ws.row_dimensions[row].hidden = True
    wb.save(form)
    refused(base_copy, form, f"{VOLUNTEER_SHEET}!{row}:{row}: ข้อผิดพลาด:", f"แถวที่ {row}", "ซ่อน", "Unhide")


def test_hidden_column(base_copy, form):
    wb = load_workbook(form)
    ws = wb[LEADER_SHEET]
    letter = ws.cell(1, column(ws, "phone")).column_letter
    ws.column_dimensions[letter].hidden = True
    wb.save(form)
    refused(base_copy, form, f"'{LEADER_SHEET}'!{letter}1: ข้อผิดพลาด:", f"คอลัมน์ {letter}", "ซ่อน")


@pytest.mark.parametrize("sheet,state", [(SUBDISTRICT_SHEET, "hidden"), (LEADER_SHEET, "veryHidden")])
def test_hidden_sheet(base_copy, form, sheet, state):
    wb = load_workbook(form)
    wb[sheet].sheet_state = state
    wb.save(form)
    name = f"'{sheet}'" if " " in sheet else sheet
    refused(base_copy, form, f"{name}: ข้อผิดพลาด:", f"แผ่นงาน `{sheet}` ถูกซ่อน")


def test_xlsm_with_macros(base_copy, form, tmp_path):
    types = member(form, "[Content_Types].xml").decode().replace(
        "spreadsheetml.sheet.main+xml", "x").replace(
        "application/vnd.openxmlformats-officedocument.x", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    types = types.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    book = rebuild(form, tmp_path / "macro.xlsm", {"[Content_Types].xml": types.encode(),
                                                   "xl/vbaProject.bin": bytes(range(256)) * 40})
    refused(base_copy, book, "xl/vbaProject.bin: ข้อผิดพลาด:", "แมโคร", ".xlsx")
    # the content type alone (a macro sheet without the usual vbaProject.bin name) is enough
    book = rebuild(form, tmp_path / "macro2.xlsm", {"[Content_Types].xml": types.encode()})
    refused(base_copy, book, "แมโคร", "macroEnabled")


def test_zip_bomb_is_refused_from_the_directory(base_copy, form, tmp_path):
    """A sheet that inflates to 1 GiB from about 1 MB: refused before one byte of it is inflated."""
    book = rebuild(form, tmp_path / "zipbomb.xlsx", {VOLUNTEER_PART: None})
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open(VOLUNTEER_PART, "w", force_zip64=True) as part:
            part.write(f'<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode())
            zeros = b" " * MiB
            for _ in range(1024):
                part.write(zeros)
        info = z.getinfo(VOLUNTEER_PART)
    assert info.file_size > 1024 * MiB and info.compress_size < 2 * MiB
    refused(base_copy, book, f"{VOLUNTEER_PART}: ข้อผิดพลาด:", "1,024 MB", "zip bomb")


def test_a_million_rows_stop_at_the_row_limit(base_copy, form, tmp_path):
    """1,000,000 rows streamed straight into the sheet XML: the scan stops at row 10,002."""
    header = member(form, VOLUNTEER_PART).decode()
    head = header[: header.index("</row>") + len("</row>")]           # the template's header row
    book = rebuild(form, tmp_path / "million.xlsx", {VOLUNTEER_PART: None})
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open(VOLUNTEER_PART, "w", force_zip64=True) as part:
            part.write(head.replace("<dimension ref=\"A1:P25\"/>", "").encode())
            for start in range(2, 1_000_002, 10_000):
                part.write("".join(f'<row r="{n}"><c r="D{n}"><v>{n % 20 + 1}</v></c></row>'
                                   for n in range(start, start + 10_000)).encode())
            part.write(b"</sheetData></worksheet>")
    assert book.stat().st_size < 10 * MiB                              # a file the importer must read
    refused(base_copy, book, f"{VOLUNTEER_SHEET}!10002:10002: ข้อผิดพลาด:", "10,000 แถว")


def test_other_hostile_archives(base_copy, form, tmp_path):
    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))     # .xls / password-protected
    refused(base_copy, old, "old.xlsx: ข้อผิดพลาด:", ".xls", "รหัสผ่าน")
    many = rebuild(form, tmp_path / "many.xlsx", {f"customXml/item{i}.xml": b"<a/>" for i in range(1001)})
    refused(base_copy, many, "many.xlsx: ข้อผิดพลาด:", "ส่วนย่อย", "1,000")
    wide = member(form, VOLUNTEER_PART).decode().replace("</sheetData>", '<row r="30"><c r="ZZ30"><v>1</v></c></row></sheetData>')
    book = rebuild(form, tmp_path / "wide.xlsx", {VOLUNTEER_PART: wide.encode()})
    refused(base_copy, book, f"{VOLUNTEER_SHEET}!ZZ30: ข้อผิดพลาด:", "คอลัมน์ ZZ")


def test_damage_only_openpyxl_sees_is_reported_not_raised(base_copy, form, tmp_path):
    """A shared-string index that points nowhere passes the guard; openpyxl's failure is reported."""
    xml = member(form, VOLUNTEER_PART).decode().replace("</sheetData>", '<row r="30"><c r="A30" t="s"><v>999</v></c></row></sheetData>')
    book = rebuild(form, tmp_path / "index.xlsx", {VOLUNTEER_PART: xml.encode()})
    refused(base_copy, book, f"{VOLUNTEER_SHEET}: ข้อผิดพลาด:", "อ่านแผ่นงานนี้ไม่ได้ตั้งแต่แถวที่ 26", "IndexError")


def test_deep_nesting_and_a_huge_tag(base_copy, form, tmp_path):
    xml = member(form, VOLUNTEER_PART).decode()
    deep = xml.replace("</sheetData>", "</sheetData><extLst>" + "<x>" * 101 + "</x>" * 101 + "</extLst>")
    book = rebuild(form, tmp_path / "deep.xlsx", {VOLUNTEER_PART: deep.encode()})
    refused(base_copy, book, f"{VOLUNTEER_SHEET}: ข้อผิดพลาด:", "ซ้อนกันลึกเกิน 100 ชั้น")
    noise = "".join(random.Random(1).choices("ab", k=1_500_000))      # not compressible enough to be a "bomb"
    huge = xml.replace("<sheetPr>", f'<sheetPr codeName="{noise}">', 1)
    book = rebuild(form, tmp_path / "tag.xlsx", {VOLUNTEER_PART: huge.encode()})
    refused(base_copy, book, f"{VOLUNTEER_SHEET}: ข้อผิดพลาด:", "แท็ก XML ยาวเกิน 1 MB")


def test_harmless_parts_are_accepted(base_copy, form, tmp_path):
    """What Excel writes and openpyxl never parses is no reason to refuse: an image, the loose
    VML of a note, a hidden row with nothing in it."""
    wb = load_workbook(form)
    wb[VOLUNTEER_SHEET].row_dimensions[40].hidden = True
    wb.save(form)
    vml = b'<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><div>note<br></div></v:shape></xml>'
    book = rebuild(form, tmp_path / "ok.xlsx", {"xl/media/image1.png": b"\x89PNG\r\n\x1a\n" + bytes(500),
                                                "xl/drawings/vmlDrawing1.vml": vml})
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in out, out


def sheet_with_rows(form: Path, part: str, rows: Iterable[str]) -> bytes:
    """The template's sheet PART with its data rows replaced by ROWS (XML of <row> elements)."""
    xml = member(form, part).decode()
    head = xml[: xml.index("</row>") + len("</row>")]
    return (head + "".join(rows) + xml[xml.index("</sheetData>"):]).encode()


def test_people_rows_over_the_limit_on_both_sheets(base_copy, form, tmp_path):
    """10,000 data rows is the limit for both people sheets together (each sheet alone passes)."""
    note = column(load_workbook(form, read_only=True)[VOLUNTEER_SHEET], "note")
    letter = get_column_letter(note)
    rows = (f'<row r="{n}"><c r="{letter}{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(2, 10_001))
    book = rebuild(form, tmp_path / "both.xlsx", {VOLUNTEER_PART: sheet_with_rows(form, VOLUNTEER_PART, rows)})
    refused(base_copy, book, f"'{LEADER_SHEET}'!3:3: ข้อผิดพลาด:", "รวมเกิน 10,000 แถว")


def test_reading_stops_after_1000_errors(base_copy, form, tmp_path):
    first = get_column_letter(column(load_workbook(form, read_only=True)[VOLUNTEER_SHEET], "first_name"))
    rows = (f'<row r="{n}"><c r="{first}{n}"><v>{n}</v></c></row>' for n in range(2, 1_500))
    book = rebuild(form, tmp_path / "errors.xlsx", {VOLUNTEER_PART: sheet_with_rows(form, VOLUNTEER_PART, rows)})
    out = refused(base_copy, book, f"{VOLUNTEER_SHEET}!1002:1002: ข้อผิดพลาด:", "ครบ 1,000 รายการ", "หยุดตรวจ")
    assert "พบข้อผิดพลาด 1001 รายการ" in out


# ---------------------------------------------------------------- issue 20 §4: a leaving volunteer, Thai dates

def first_volunteer(book: Path) -> str:
    """The first volunteer who holds no club seat (a seat's holder who left every role is club.holder-not-in-roster)."""
    club = (BASE / DISTRICT / "club.yaml").read_text(encoding="utf-8")
    ws = load_workbook(book)[VOLUNTEER_SHEET]
    return next(c.value for c in ws["A"][1:] if c.value and f"holder: {c.value}" not in club)


@pytest.mark.parametrize("typed", ["29/2/2567", "๒๙/๒/๒๕๖๗", "29 ก.พ. 2567", "๒๙ กุมภาพันธ์ ๒๕๖๗", "2024-02-29"])
def test_leaving_volunteer_is_recorded_with_reason_and_thai_date(base_copy, tmp_path, typed):
    """The form records what the report page does: the end date as an officer types it (read by
    core.dates.read_thai_date, as the report page and the bot read it), the reason and a note; the
    person stays in the roster."""
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    pid = first_volunteer(book)
    edit(book, VOLUNTEER_SHEET, pid, "start", "๑ มิ.ย. ๒๕๖๖")
    edit(book, VOLUNTEER_SHEET, pid, "end", typed)
    edit(book, VOLUNTEER_SHEET, pid, "end_reason", "อื่น ๆ")
    edit(book, VOLUNTEER_SHEET, pid, "end_note", "ไปทำงานต่างจังหวัด")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 0, out
    [person] = [p for p in people(roster_data(Roster(base_copy / ROSTER))) if p["id"] == pid]
    assert (person["roles"][0]["start"], person["roles"][0]["end"]) == ("2023-06-01", "2024-02-29")
    assert (person["roles"][0]["end_reason"], person["roles"][0]["end_note"]) == ("อื่น ๆ", "ไปทำงานต่างจังหวัด")
    validate_ok(base_copy)
    # the next template carries the reason, and importing it again changes nothing
    again = tmp_path / "again.xlsx"
    template(base_copy, "4214", again)
    ws = load_workbook(again)[VOLUNTEER_SHEET]
    row = row_of(ws, pid)
    assert ws.cell(row, column(ws, "end_reason")).value == "อื่น ๆ"
    assert ws.cell(row, column(ws, "end_note")).value == "ไปทำงานต่างจังหวัด"
    rc, out = import_(base_copy, "4214", again)
    assert rc == 0 and "ไม่มีการเปลี่ยนแปลง" in out


def test_end_reason_column_is_checked(base_copy, tmp_path):
    book = tmp_path / "4214.xlsx"
    template(base_copy, "4214", book)
    ws = load_workbook(book)[VOLUNTEER_SHEET]
    ids = [c.value for c in ws["A"][1:] if c.value]
    before = Roster(base_copy / ROSTER).read_bytes()
    bad_reason = edit(book, VOLUNTEER_SHEET, ids[0], "end_reason", "ป่วย")
    note_only = edit(book, VOLUNTEER_SHEET, ids[1], "end_note", "ย้ายไปอยู่กับลูก")
    rc, out = import_(base_copy, "4214", book)
    assert rc == 1 and Roster(base_copy / ROSTER).read_bytes() == before
    assert f"{bad_reason} (เหตุที่พ้นจากตำแหน่ง)" in out and "ไม่รู้จักเหตุที่พ้นจากตำแหน่ง `ป่วย`" in out
    assert "ลาออก, พ้นวาระ, ย้ายที่อยู่, เสียชีวิต, อื่น ๆ" in out
    assert "มีรายละเอียดเหตุที่พ้น แต่ไม่มีเหตุที่พ้นจากตำแหน่ง" in out and note_only.split("!")[1][1:] in out
