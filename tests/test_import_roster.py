"""`thamniap import-roster` (issue 21 §3): a district's own roster workbook, in the shapes districts keep,
into the roster files of a new district. Each workbook is made here with openpyxl."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from helpers import run_cli
from thamniap.core.digits import to_thai_digits
from thamniap.load.loader import load_file

DISTRICT = "4213"            # เอราวัณ: not in the small dataset, so new-district makes it empty
TODAY = "2024-03-01"


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def new_district(base_copy: Path) -> Path:
    code, _, err = run_cli("new-district", DISTRICT, "--data", str(base_copy))
    assert code == 0, err
    return base_copy


def roster(root: Path) -> dict[str, dict]:
    folder = root / "42-loei" / "4213-erawan" / "roster"
    return {p.name[:6]: load_file(p).data for p in sorted(folder.glob("*.yaml"))}    # the project's strict reader


def people(doc: dict) -> list[dict]:
    return [*doc["leaders"], *(p for v in doc["villages"] for p in v["volunteers"])]


def run_import(root: Path, book: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("import-roster", str(book), "--district", DISTRICT, "--data", str(root), "--today", TODAY, *extra)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_one_name_column_one_place_column_one_sheet_per_subdistrict(new_district: Path, tmp_path: Path):
    """Title, name and surname in one cell; หมู่ที่ and the village in one cell; the sheet names the ตำบล."""
    book = workbook(tmp_path / "erawan.xlsx", {
        "ต.เอราวัณ": [["ทำเนียบ อช. ตำบลเอราวัณ"],                       # a title line above the header
                      ["ลำดับ", "ชื่อ - สกุล", "หมู่บ้าน", "บทบาท", "วันที่ได้รับเลือก", "วันหมดวาระ"],
                      [1, "นายสมชาย ใจดี", "", "ผู้นำ อช.", "1 ต.ค. 2566", "30 ก.ย. 2570"],
                      [2, "นางสมศรี ใจงาม", "หมู่ที่ 3 บ้านนาอ้อ", "อช.", "1 ตุลาคม 2566", "30 กันยายน 2570"],
                      [3, "นางสาวมาลี แสงทอง", "ม.3 บ้านนาอ้อ", "อช.", "1/10/2566", "30/9/2570"]],
        "ผาสามยอด": [["ลำดับ", "ชื่อ - สกุล", "เพศ", "หมู่บ้าน", "บทบาท", "วันที่ได้รับเลือก", "วันหมดวาระ"],
                     [1, "ว่าที่ร้อยตรีวีระ ภูผา", "ชาย", "หมู่ 1 บ้านผาน้อย", "อช.", "2 ต.ค. 2566", "1 ต.ค. 2570"]],
    })
    code, out, err = run_import(new_district, book)
    assert code == 0, out + err
    assert "`ชื่อ - สกุล` → คำนำหน้า ชื่อ และนามสกุลในช่องเดียว" in out        # the proposal, in Thai
    assert "`หมู่บ้าน` → หมู่ที่และชื่อหมู่บ้านในช่องเดียว" in out
    assert "`ลำดับ` → ไม่นำเข้า" in out
    rosters = roster(new_district)
    erawan = rosters["421301"]
    assert erawan["leaders"][0] == {"id": "4213-0001", "title": "นาย", "first_name": "สมชาย", "last_name": "ใจดี",
                                    "sex": "ชาย", "roles": [{"role": "ผู้นำ อช.", "start": "2023-10-01", "end": "2027-09-30"}]}
    [village] = erawan["villages"]
    assert (village["moo"], village["name"]) == (3, "บ้านนาอ้อ")
    assert [(p["id"], p["title"], p["first_name"]) for p in village["volunteers"]] == [
        ("4213-0002", "นาง", "สมศรี"), ("4213-0003", "นางสาว", "มาลี")]
    assert [p["roles"][0]["start"] for p in village["volunteers"]] == ["2023-10-01", "2023-10-01"]
    [volunteer] = people(rosters["421303"])
    assert (volunteer["id"], volunteer["title"], volunteer["last_name"]) == ("4213-0004", "ว่าที่ร้อยตรี", "ภูผา")
    assert people(rosters["421302"]) == [] and rosters["421302"]["sample"] is False
    assert "# ทำเนียบ อช. ตำบลเอราวัณ" in (new_district / "42-loei/4213-erawan/roster/421301-erawan.yaml").read_text(encoding="utf-8")
    code, out, _ = run_cli("validate", str(new_district), "--today", TODAY, "--format", "json")
    assert code == 0, out


def test_three_name_columns_two_place_columns_thai_digit_dates(new_district: Path, tmp_path: Path):
    """Title, name, surname in three cells; หมู่ที่ and its name in two; B.E. dates in Thai digits."""
    th = to_thai_digits
    book = workbook(tmp_path / "district.xlsx", {"ทั้งอำเภอ": [
        ["คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "ตำบล", "หมู่ที่", "ชื่อหมู่บ้าน", "ตำแหน่ง", "วันเริ่มวาระ", "วันสิ้นสุดวาระ"],
        ["นาง", "บุญเรือง", "ศรีสุข", "หญิง", "ผาอินทร์แปลง", th("2"), "บ้านโนนงาม", "อช.", th("12/10/2566"), th("11/10/2570")],
        ["นาย", "ประเสริฐ", "คำภา", "ชาย", "ผาอินทร์แปลง", th("2"), "บ้านโนนงาม", "อช.", th("๑๒ ต.ค. ๒๕๖๖"), th("๑๑ ต.ค. ๒๕๗๐")],
        ["นางสาว", "ดวงใจ", "ทองมา", "หญิง", "ทรัพย์ไพวัลย์", "1", "บ้านห้วยม่วง", "ผู้นำ อช.", "๑/๑๐/๒๕๖๖", "๓๐/๙/๒๕๗๐"],
    ]})
    code, out, err = run_import(new_district, book)
    assert code == 0, out + err
    rosters = roster(new_district)
    [village] = rosters["421302"]["villages"]
    assert (village["moo"], village["name"]) == (2, "บ้านโนนงาม")
    assert [(p["id"], p["roles"][0]["start"], p["roles"][0]["end"]) for p in village["volunteers"]] == [
        ("4213-0001", "2023-10-12", "2027-10-11"), ("4213-0002", "2023-10-12", "2027-10-11")]
    [leader] = rosters["421304"]["leaders"]
    assert (leader["id"], leader["first_name"], leader["roles"][0]["end"]) == ("4213-0003", "ดวงใจ", "2027-09-30")


def test_a_wrong_proposal_is_changed_with_map(new_district: Path, tmp_path: Path):
    """Headers the proposal does not know: the district names the columns on the command line."""
    book = workbook(tmp_path / "odd.xlsx", {"เอราวัณ": [
        ["ชื่อ อช.", "คุ้ม", "บ้านเลขที่หมู่", "เริ่ม", "หมด"],
        ["นางวันเพ็ญ ทองดี", "บ้านท่าสะอาด", "5", "2566-10-01", "2570-09-30"],
    ]})
    code, out, err = run_import(new_district, book)
    assert code == 1 and "ไม่รู้ว่าคอลัมน์ใดเป็นชื่อ" in out and "--map" in out
    assert people(roster(new_district)["421301"]) == []
    code, out, err = run_import(new_district, book, "--map", "full_name=A", "--map", "ชื่อหมู่บ้าน=B",
                                "--map", "moo=C", "--map", "start=เริ่ม", "--map", "end=E")
    # an ISO-looking date with a พ.ศ. year is the data's own buddhist-year problem, at its cell
    assert code == 1, out + err
    assert "เอราวัณ!D2" in out and "เอราวัณ!E2" in out and "ไม่ได้เขียนไฟล์ใด" in err
    book = workbook(tmp_path / "odd2.xlsx", {"เอราวัณ": [
        ["ชื่อ อช.", "คุ้ม", "บ้านเลขที่หมู่", "เริ่ม", "หมด"],
        ["นางวันเพ็ญ ทองดี", "บ้านท่าสะอาด", "5", "1 ต.ค. 66", "30 ก.ย. 2570"],
    ]})
    code, out, err = run_import(new_district, book, "--map", "full_name=A", "--map", "village=B",
                                "--map", "moo=C", "--map", "start=D", "--map", "end=E")
    assert code == 1 and "เอราวัณ!D2" in out             # a two-digit year is not read as a guess
    assert "เอราวัณ!E2" not in out


def test_every_row_that_cannot_be_placed_is_reported_and_nothing_written(new_district: Path, tmp_path: Path):
    book = workbook(tmp_path / "bad.xlsx", {"ทั้งอำเภอ": [
        ["ชื่อ-สกุล", "ตำบล", "หมู่ที่", "ชื่อหมู่บ้าน", "วันเริ่มวาระ", "วันสิ้นสุดวาระ"],
        ["นายสมชาย ใจดี", "เอราวัณ", "1", "บ้านนาดี", "1 ต.ค. 2566", "30 ก.ย. 2570"],      # fine
        ["สมศักดิ์", "เอราวัณ", "1", "บ้านนาดี", "1 ต.ค. 2566", "30 ก.ย. 2570"],           # A3: no title or surname
        ["นางมาลี นาคำ", "นาแห้ว", "2", "บ้านโคก", "1 ต.ค. 2566", "30 ก.ย. 2570"],         # B4: not a ตำบล of เอราวัณ
        ["นางสาวสุดา พลเยี่ยม", "เอราวัณ", "", "บ้านหัวนา", "31 ก.พ. 2567", "30 ก.ย. 2570"],  # C5 empty, E5 no such day
        ["นายวีระ ศรีเมือง", "เอราวัณ", "1", "บ้านนาดีใหม่", "1 ต.ค. 2566", "30 ก.ย. 2570"],  # 6: another name for หมู่ 1
    ]})
    before = snapshot(new_district)
    code, out, err = run_import(new_district, book)
    assert code == 1
    for cell in ("ทั้งอำเภอ!A3", "ทั้งอำเภอ!B4", "ทั้งอำเภอ!C5", "ทั้งอำเภอ!E5", "ทั้งอำเภอ!6:6"):
        assert cell in out, (cell, out)
    assert "ทั้งอำเภอ!A2" not in out
    assert snapshot(new_district) == before


def test_refuses_a_district_that_already_has_people(base_copy: Path, tmp_path: Path):
    book = workbook(tmp_path / "x.xlsx", {"หนองหิน": [["ชื่อ-สกุล", "หมู่บ้าน", "วันเริ่มวาระ", "วันสิ้นสุดวาระ"],
                                                      ["นายสมชาย ใจดี", "หมู่ 1 บ้านนาดี", "1 ต.ค. 2566", "30 ก.ย. 2570"]]})
    before = snapshot(base_copy)
    code, _, err = run_cli("import-roster", str(book), "--district", "4214", "--data", str(base_copy), "--today", TODAY)
    assert code == 1 and "มีรายชื่อในทำเนียบแล้ว" in err
    assert snapshot(base_copy) == before
