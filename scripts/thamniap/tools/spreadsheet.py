"""Excel workbooks for districts that keep their roster in a spreadsheet.

`thamniap template-xlsx CODE -o FILE` writes a workbook pre-filled from the district's roster.yaml;
`thamniap import-xlsx FILE --district CODE` reads it back and writes roster.yaml, the only file it
touches. The importer is strict the way the YAML loader is: every bad cell is reported by sheet and
cell (`อช.!K14`) with a Thai hint, and nothing is written unless the whole workbook is right and the
new roster.yaml passes the project's check on a temporary copy of the dataset. Before openpyxl sees
the file, xlsx_guard refuses what could hurt or mislead (zip bombs, entity declarations, macros,
external links, formulas, hidden rows/columns/sheets, more than 10,000 rows), each at its sheet/cell.

Layout (one row = one role of one person):

* sheet "อช."        — volunteers, placed in a village (ตำบล + หมู่ที่)
* sheet "ผู้นำ อช."   — leaders, placed in a subdistrict
* sheet "ตำบล"        — reference list of subdistrict codes (the drop-down of รหัสตำบล); not imported
* sheet "คำอธิบาย"    — instructions; not imported

The sheet says where a person is listed in roster.yaml (`leaders` of a subdistrict or `volunteers` of
a village); the บทบาท column says which role the row is (empty = the sheet's role). A person with
several roles or terms has several rows with the same รหัสบุคคล on the same sheet; the first row
carries the person's details (later rows may leave them empty, or must repeat them exactly).
New people leave รหัสบุคคล empty (or use a temporary label starting with ใหม่ to tie several rows
together) and get the next free id `<district>-NNNN`.
"""
from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
import shutil
import tempfile
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TextIO

import yaml

from thamniap.core import fields, geography
from thamniap.tools import xlsx_guard
from thamniap.tools import sample as _sample
from thamniap.load.layout import DISTRICT_DIR, PROVINCE_DIR, DataFile, display_path, expected_schema_header, schema_home
from thamniap.load.loader import load_file
from thamniap.model import LEADER, VOLUNTEER

VOLUNTEER_SHEET = "อช."
LEADER_SHEET = "ผู้นำ อช."
SUBDISTRICT_SHEET = "ตำบล"
HELP_SHEET = "คำอธิบาย"

TEMP_ID_PREFIX = "ใหม่"
PERSON_ID = re.compile(r"^[0-9]{2,4}-[a-z0-9]{2,8}$")   # defs.schema.json#/$defs/person_id
MAX_NAME = 80            # defs.schema.json first_name/last_name maxLength
MAX_LINE = 300           # defs.schema.json line maxLength
MAX_CELL_TEXT = 1000     # longer text is refused unread: no check (nor message) ever sees a huge string
MAX_ERRORS = 1000        # reading stops after this many: more lines would not help anyone fix the form
EXTRA_ROWS = 1000        # rows below the data that keep the drop-downs and text format

# column key -> header. The key is what the importer works with; headers are matched by text, so
# a district may reorder columns. Role (บทบาท) is optional on import (empty = the sheet's role).
HEADERS = {
    "id": "รหัสบุคคล", "sub_code": "รหัสตำบล", "sub_name": "ตำบล", "moo": "หมู่ที่",
    "village": "ชื่อหมู่บ้าน", "title": "คำนำหน้า", "first_name": "ชื่อ", "last_name": "นามสกุล",
    "sex": "เพศ", "role": "บทบาท", "start": "วันเริ่มวาระ", "end": "วันสิ้นสุดวาระ",
    "phone": "โทรศัพท์", "consent_date": "วันที่ยินยอม", "consent_method": "วิธียินยอม",
    "note": "หมายเหตุ",
}
VOLUNTEER_KEYS = ("id", "sub_code", "sub_name", "moo", "village", "title", "first_name", "last_name",
                  "sex", "role", "start", "end", "phone", "consent_date", "consent_method", "note")
LEADER_KEYS = tuple(k for k in VOLUNTEER_KEYS if k not in ("moo", "village"))
SHEET_KEYS = {VOLUNTEER_SHEET: VOLUNTEER_KEYS, LEADER_SHEET: LEADER_KEYS}
SHEET_ROLE = {VOLUNTEER_SHEET: VOLUNTEER, LEADER_SHEET: LEADER}
OPTIONAL_KEYS = {"role"}
PERSON_KEYS = ("id", "title", "first_name", "last_name", "sex", "role", "start", "end", "phone",
               "consent_date", "consent_method", "note")
# details a person's later rows may leave empty, or must repeat exactly
DETAIL_KEYS = ("sub_code", "moo", "title", "first_name", "last_name", "sex", "phone",
               "consent_date", "consent_method", "note")
DATE_KEYS = ("start", "end", "consent_date")
WIDTHS = {"id": 12, "sub_code": 10, "sub_name": 16, "moo": 8, "village": 20, "title": 14,
          "first_name": 16, "last_name": 18, "sex": 7, "role": 11, "start": 13, "end": 13,
          "phone": 15, "consent_date": 13, "consent_method": 28, "note": 30}

# The drop-down offers the usual titles; other known titles (ranks in full) may still be typed.
COMMON_TITLES = tuple(t for t in ("นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "สิบเอก",
                                  "จ่าสิบเอก", "ดาบตำรวจ", "ดร.") if t in fields.TITLES)
SEXES = ("ชาย", "หญิง")
ROLES = (VOLUNTEER, LEADER)
EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                "#SPILL!", "#CALC!"}
# Python's openpyxl stamps the save time into the file; a fixed time keeps the template byte-stable.
FIXED_TIME = (2024, 1, 5, 0, 0, 0)
WARNING_CODES = {"space-in-name", "double-space", "title-in-name"}   # as schema.WARNING_CODES


class SpreadsheetError(Exception):
    """A problem that stops a command before the workbook is opened (no district, no such file); what
    is wrong with the workbook itself is an Issue, located at its sheet, cell or zip part."""


# ---------------------------------------------------------------- the district and its roster

@dataclass
class DistrictFiles:
    code: str
    root: Path
    province_dir: Path
    district_dir: Path

    @property
    def roster(self) -> Path:
        return self.district_dir / "roster.yaml"

    def header(self) -> str:
        """The schema line the check expects; outside a project (a copy of the data) the check
        only wants a line naming roster.schema.json, so the file's own line is kept."""
        expected = expected_schema_header(DataFile("roster", self.roster, str(self.roster),
                                                   self.province_dir, self.district_dir))
        if schema_home(self.province_dir) is not None or not self.roster.exists():
            return expected
        with self.roster.open(encoding="utf-8", errors="replace") as f:
            first = f.readline().lstrip("\ufeff").rstrip("\r\n")
        ok = first.startswith("# yaml-language-server: $schema=") and first.endswith("/roster.schema.json")
        return first if ok else expected


def find_district(root: Path, code: str) -> DistrictFiles:
    if not re.fullmatch(r"[1-9][0-9]{3}", code or ""):
        raise SpreadsheetError(f"รหัสอำเภอต้องเป็นเลข 4 หลัก เช่น 4209 (ได้ `{code}`)")
    if not root.is_dir():
        raise SpreadsheetError(f"ไม่พบโฟลเดอร์ข้อมูล `{root}`")
    for pdir in sorted(p for p in root.iterdir() if p.is_dir() and PROVINCE_DIR.match(p.name)):
        for ddir in sorted(d for d in pdir.iterdir() if d.is_dir()):
            match = DISTRICT_DIR.match(ddir.name)
            if match and match["code"] == code:
                return DistrictFiles(code, root, pdir, ddir)
    raise SpreadsheetError(f"ไม่พบโฟลเดอร์ของอำเภอรหัส {code} ใน `{root}` "
                           f"(สร้างได้ด้วย `thamniap new-district {code}`)")


@dataclass
class RosterInfo:
    """What the importer keeps from the current roster.yaml: the flag, subdistricts and their order."""
    sample: bool
    subdistricts: list[tuple[str, str]]          # (code, name as written in the roster)
    data: dict | None                            # the whole document when it is schema-valid
    problems: list = field(default_factory=list)  # loader errors and schema errors of shape (Diagnostic)
    value_errors: list = field(default_factory=list)  # bad values (text./date./phone.): fixable in the workbook


def read_roster(files: DistrictFiles) -> RosterInfo:
    from thamniap.load.schema import check
    official = [(s.code, s.name_th) for s in geography.subdistricts(files.code)]
    if not files.roster.exists():
        return RosterInfo(False, official, None)
    doc = load_file(files.roster, display_path(files.roster))
    problems = [d for d in doc.diagnostics if d.is_error]
    value_errors = []
    if doc.data is not None and not problems:
        found = [d for d in check(doc, "roster") if d.is_error]
        problems = [d for d in found if d.rule.startswith("schema.")]
        value_errors = [d for d in found if not d.rule.startswith("schema.")]
    data = doc.data if isinstance(doc.data, dict) else {}
    subs = []
    for s in data.get("subdistricts") or [] if isinstance(data.get("subdistricts"), list) else []:
        if isinstance(s, dict) and isinstance(s.get("code"), str) and isinstance(s.get("name"), str):
            subs.append((s["code"], s["name"]))
    sample = data.get("sample") if isinstance(data.get("sample"), bool) else False
    return RosterInfo(sample, subs or official, None if problems else doc.data, problems, value_errors)


def subdistrict_choices(code: str, roster: RosterInfo) -> dict[str, tuple[str, ...]]:
    """code -> accepted names (official name first, then the roster's spelling), roster order first."""
    official = {s.code: s.name_th for s in geography.subdistricts(code)}
    out: dict[str, tuple[str, ...]] = {}
    for sub_code, name in roster.subdistricts:
        names = tuple(dict.fromkeys(n for n in (official.get(sub_code), name) if n))
        out[sub_code] = names
    for sub_code, name in official.items():
        out.setdefault(sub_code, (name,))
    return out


# ---------------------------------------------------------------- template

def template_rows(doc: dict) -> tuple[list[dict], list[dict]]:
    """(volunteer rows, leader rows) of a schema-valid roster document: one row per role."""
    volunteers: list[dict] = []
    leaders: list[dict] = []
    official = {}
    for sub in doc.get("subdistricts", []):
        code = sub["code"]
        official.setdefault(code, geography.subdistrict(code))
        sub_name = official[code].name_th if official[code] else sub["name"]
        area = {"sub_code": code, "sub_name": sub_name}
        for person in sub["leaders"]:
            leaders.extend(_person_rows(person, area))
        for village in sub["villages"]:
            place = {**area, "moo": village["moo"], "village": village["name"]}
            if not village["volunteers"]:
                volunteers.append(dict(place))        # a village without อช. yet
            for person in village["volunteers"]:
                volunteers.extend(_person_rows(person, place))
    return volunteers, leaders


def _person_rows(person: dict, place: dict) -> list[dict]:
    consent = person.get("phone_consent") or {}
    base = {**place, "id": person["id"], "title": person["title"], "first_name": person["first_name"],
            "last_name": person["last_name"], "sex": person.get("sex"), "phone": person.get("phone"),
            "consent_date": consent.get("date"), "consent_method": consent.get("method"),
            "note": person.get("note")}
    roles = person.get("roles") or [{}]
    return [{**base, "role": r.get("role"), "start": r.get("start"), "end": r.get("end")} for r in roles]


def build_template(code: str, doc: dict | None, subdistricts: dict[str, tuple[str, ...]]):
    """The workbook (openpyxl) for district CODE pre-filled from DOC (None: no people yet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    volunteers, leaders = template_rows(doc) if doc else ([], [])
    district = geography.district(code)
    district_name = district.name_th if district else code
    wb = Workbook()
    wb.properties.creator = "thamniap"
    wb.properties.title = f"ทำเนียบ อช. อำเภอ{district_name} ({code})"
    wb.properties.created = dt.datetime(*FIXED_TIME)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")

    sub_ws_rows = [(c, names[0]) for c, names in subdistricts.items()]
    code_list = f"'{SUBDISTRICT_SHEET}'!$A$2:$A${len(sub_ws_rows) + 1}"

    def people_sheet(ws, keys, rows):
        ws.append([HEADERS[k] for k in keys])
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in rows:
            ws.append([row.get(k) for k in keys])
        last = len(rows) + 1 + EXTRA_ROWS
        for i, key in enumerate(keys, start=1):
            letter = get_column_letter(i)
            dim = ws.column_dimensions[letter]
            dim.width = WIDTHS[key]
            if key != "moo":
                dim.number_format = "@"               # new cells typed in Excel stay text
                for (cell,) in ws.iter_rows(min_row=2, max_row=len(rows) + 1, min_col=i, max_col=i):
                    cell.number_format = "@"
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{len(rows) + 1}"

        def validation(key, formula, strict, title, prompt):
            dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                                showErrorMessage=True, errorStyle="stop" if strict else "warning",
                                errorTitle=title, error=prompt, promptTitle=title, prompt=prompt,
                                showInputMessage=True)
            letter = get_column_letter(keys.index(key) + 1)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)

        validation("title", '"' + ",".join(COMMON_TITLES) + '"', False, "คำนำหน้า",
                   "เลือกจากรายการ หรือพิมพ์ยศ/ตำแหน่งเต็ม (ถ้าคำนำหน้าไม่บอกเพศ ให้กรอกเพศ)")
        validation("sex", '"' + ",".join(SEXES) + '"', True, "เพศ", "ชาย หรือ หญิง (กรอกเมื่อคำนำหน้าไม่บอกเพศ)")
        validation("sub_code", code_list, True, "รหัสตำบล", "เลือกรหัสตำบลจากแผ่นงาน ตำบล")
        validation("role", '"' + ",".join(ROLES) + '"', True, "บทบาท",
                   "บทบาทของแถวนี้ (เว้นว่าง = ตามชื่อแผ่นงาน)")

    ws = wb.active
    ws.title = VOLUNTEER_SHEET
    people_sheet(ws, list(VOLUNTEER_KEYS), volunteers)
    people_sheet(wb.create_sheet(LEADER_SHEET), list(LEADER_KEYS), leaders)

    ws = wb.create_sheet(SUBDISTRICT_SHEET)
    ws.append(["รหัสตำบล", "ชื่อตำบล"])
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for sub_code, name in sub_ws_rows:
        ws.append([sub_code, name])
        ws.cell(ws.max_row, 1).number_format = "@"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 12, 24

    ws = wb.create_sheet(HELP_SHEET)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 18, 110
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in help_rows(code, district_name):
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
        if len(row) == 1 or row[0] in ("คอลัมน์",):
            ws.cell(ws.max_row, 1).font = bold
    return wb


def help_rows(code: str, district_name: str) -> list[tuple[str, ...]]:
    return [
        (f"แบบฟอร์มทำเนียบ อช. และผู้นำ อช. อำเภอ{district_name} (รหัสอำเภอ {code})",),
        ("ใช้ทำอะไร", "แก้ไขรายชื่อในแผ่นงาน อช. และ ผู้นำ อช. แล้วนำเข้าด้วยคำสั่ง "
                      f"thamniap import-xlsx ไฟล์นี้.xlsx --district {code} — โปรแกรมจะเขียนไฟล์ roster.yaml ของอำเภอใหม่ทั้งไฟล์ "
                      "ตามข้อมูลในแบบฟอร์มนี้ (แก้เฉพาะไฟล์นั้น)"),
        ("หนึ่งแถว", "หนึ่งแถวคือหนึ่งบทบาทของหนึ่งคน คนส่วนใหญ่มีแถวเดียว"),
        ("แผ่นงาน", "แผ่นงาน อช. คือ อช. ของแต่ละหมู่บ้าน (กรอก รหัสตำบล หมู่ที่ ชื่อหมู่บ้าน) "
                    "แผ่นงาน ผู้นำ อช. คือผู้นำ อช. ของแต่ละตำบล — แผ่นงานที่ใส่ชื่อบอกว่ารายชื่ออยู่ที่ใดในทำเนียบ"),
        ("บทบาท", "บทบาทของแถวนั้น: อช. หรือ ผู้นำ อช. ถ้าเว้นว่าง ถือเป็นบทบาทตามชื่อแผ่นงาน "
                  "ทุกคนในแผ่นงาน อช. ต้องมีแถวบทบาท อช. อย่างน้อยหนึ่งแถว และทุกคนในแผ่นงาน ผู้นำ อช. "
                  "ต้องมีแถวบทบาท ผู้นำ อช. อย่างน้อยหนึ่งแถว"),
        ("หลายบทบาท/หลายวาระ", "คนเดียวที่มีหลายบทบาทหรือหลายวาระ (เช่น อช. วาระเดิมและวาระใหม่ หรือเป็นทั้ง อช. และผู้นำ อช.) "
                               "ให้เพิ่มแถวที่มีรหัสบุคคลเดียวกันในแผ่นงานเดียวกัน แล้วกรอก บทบาท วันเริ่มวาระ "
                               "วันสิ้นสุดวาระ ของบทบาทนั้น ช่องอื่นของแถวที่เพิ่มเว้นว่างได้ ถ้ากรอกต้องตรงกับแถวแรกของคนนั้น "
                               "คนหนึ่งอยู่ได้แผ่นงานเดียว"),
        ("รหัสบุคคล", "คนเดิม: ห้ามแก้หรือลบรหัสบุคคล (รหัสใช้อ้างถึงคนในคณะกรรมการชมรมและการประชุม) "
                      f"คนใหม่: เว้นว่าง โปรแกรมจะให้รหัสถัดไปที่ยังไม่มีใครใช้ ในรูป {code}-NNNN และพิมพ์บอกว่าแถวใดได้รหัสใด "
                      "ให้นำรหัสนั้นมากรอกในแบบฟอร์มนี้ด้วย คนใหม่ที่มีหลายแถว ให้ใส่รหัสชั่วคราวที่ขึ้นต้นด้วย "
                      f"{TEMP_ID_PREFIX} (เช่น {TEMP_ID_PREFIX}1) ในทุกแถวของคนนั้น"),
        ("ลบรายชื่อ", "ลบทุกแถวของคนนั้น ถ้าคนนั้นเป็นกรรมการชมรมหรือผู้แทนเข้าประชุม ให้แก้ club.yaml หรือ meeting.yaml ด้วย "
                      "(โปรแกรมจะไม่เขียนไฟล์ถ้าการตรวจข้อมูลไม่ผ่าน)"),
        ("วันที่", "ใช้ปี ค.ศ. ในรูป ปปปป-ดด-วว เช่น 2024-01-24 คือ 24 มกราคม พ.ศ. 2567 (ค.ศ. = พ.ศ. − 543) "
                   "หรือช่องที่เป็นวันที่ของ Excel ก็ได้ ห้ามใช้ปี พ.ศ. — วันเริ่มวาระและวันสิ้นสุดวาระต้องกรอกทุกแถว"),
        ("ช่องข้อความ", "ช่องข้อความจัดรูปแบบเป็น ข้อความ (@) ไว้แล้ว เพื่อให้ Excel เก็บเลข 0 หน้าหมายเลขโทรศัพท์ "
                        "ถ้าคัดลอกจากที่อื่น ให้วางแบบค่า (Paste Values) โทรศัพท์ที่ Excel เปลี่ยนเป็นตัวเลข (เลข 0 หาย) "
                        "จะถูกแจ้งเป็นข้อผิดพลาด"),
        ("คำนำหน้า/เพศ", "เลือกคำนำหน้าจากรายการ หรือพิมพ์ยศ/ตำแหน่งเต็ม ไม่ต้องใส่คำนำหน้าในช่องชื่อ "
                         "กรอกเพศ (ชาย/หญิง) เมื่อคำนำหน้าไม่บอกเพศ เช่น ว่าที่ร้อยตรี ดร. "
                         "คำนำหน้าที่โปรแกรมไม่รู้จักใช้ได้เมื่อกรอกเพศ"),
        ("ตำบล", "เลือกรหัสตำบลจากรายการ (แผ่นงาน ตำบล) ช่องชื่อตำบลมีไว้ให้อ่าน เว้นว่างได้ ถ้ากรอกต้องตรงกับรหัส"),
        ("หมู่บ้าน", "หมู่ที่เป็นตัวเลข 1–99 หมู่เดียวกันในตำบลเดียวกันต้องใช้ชื่อหมู่บ้านเดียวกัน "
                     "หมู่บ้านที่ยังไม่มี อช. ให้ใส่แถวที่มีเฉพาะ รหัสตำบล หมู่ที่ และชื่อหมู่บ้าน"),
        ("ลำดับ", "ลำดับแถวคือลำดับรายชื่อในทำเนียบ ตำบลเรียงตามทำเนียบเดิม หมู่บ้านเรียงตามหมู่ที่"),
        ("โทรศัพท์", "ใส่โทรศัพท์ส่วนตัวได้เฉพาะเมื่อเจ้าของยินยอมให้เผยแพร่ และต้องกรอก วันที่ยินยอม และ วิธียินยอม "
                     "(พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562) เช่น 08 1234 5678 หรือ 0 4241 1773"),
        ("ห้ามใส่", "เลขประจำตัวประชาชน วันเกิด ที่อยู่บ้าน ศาสนา ข้อมูลสุขภาพ — ทำเนียบนี้เผยแพร่ต่อสาธารณะ"),
        ("ข้อผิดพลาด", "โปรแกรมบอกแผ่นงานและช่องที่ผิด เช่น อช.!K14 พร้อมวิธีแก้ และจะไม่เขียนไฟล์ใดเลยจนกว่าจะแก้ครบ"),
        ("อย่าเปลี่ยน", "ชื่อแผ่นงานและหัวคอลัมน์ (สลับลำดับคอลัมน์ได้ คอลัมน์ที่เพิ่มเองจะไม่ถูกนำเข้า) "
                        "แผ่นงาน ตำบล และ คำอธิบาย ไม่ถูกนำเข้า"),
        ("คอลัมน์", "ความหมาย"),
        *[(HEADERS[k], text) for k, text in (
            ("id", f"รหัสในทำเนียบ (ไม่ใช่เลขบัตรประชาชน) เช่น {code}-0001 — คนใหม่เว้นว่าง"),
            ("sub_code", "รหัสตำบล 6 หลักตามกรมการปกครอง"),
            ("sub_name", "ชื่อตำบล (ไว้อ่าน)"),
            ("moo", "เลขหมู่ที่ (เฉพาะแผ่นงาน อช.)"),
            ("village", "ชื่อหมู่บ้าน เช่น บ้านนาอ้อ (เฉพาะแผ่นงาน อช.)"),
            ("title", "นาย นาง นางสาว หรือยศ/ตำแหน่งเต็ม"),
            ("first_name", "ชื่อจริง ไม่มีคำนำหน้า"),
            ("last_name", "นามสกุล"),
            ("sex", "ชาย หรือ หญิง (กรอกเมื่อคำนำหน้าไม่บอกเพศ)"),
            ("role", "อช. หรือ ผู้นำ อช. (เว้นว่าง = ตามชื่อแผ่นงาน)"),
            ("start", "วันเริ่มวาระของบทบาทในแถวนี้ (ค.ศ.)"),
            ("end", "วันสิ้นสุดวาระ (ค.ศ.) — อช. วาระละไม่เกิน 4 ปี"),
            ("phone", "โทรศัพท์ส่วนตัว (เฉพาะเมื่อยินยอม)"),
            ("consent_date", "วันที่เจ้าของหมายเลขยินยอมให้เผยแพร่ (ค.ศ.)"),
            ("consent_method", "เช่น ลงนามในแบบฟอร์มยินยอม"),
            ("note", "หมายเหตุสั้น ๆ ที่เผยแพร่ได้"),
        )],
    ]


def save_workbook(wb, out: Path) -> None:
    """Save with fixed timestamps (zip entries and document properties) so the bytes are stable."""
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = dt.datetime(*FIXED_TIME).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(result.getvalue())


def template_command(code: str, out: Path, root: Path, stdout: TextIO, stderr: TextIO) -> int:
    from thamniap.core import report
    try:
        files = find_district(root, code)
    except SpreadsheetError as exc:
        print(f"thamniap: {exc}", file=stderr)
        return 1
    roster = read_roster(files)
    if roster.problems:
        report.text(roster.problems, stderr)
        print(f"thamniap: ไม่สร้างแบบฟอร์ม เพราะ {display_path(files.roster)} มีข้อผิดพลาด "
              "(แก้ไฟล์ก่อน แล้วสร้างแบบฟอร์มใหม่)", file=stderr)
        return 1
    if roster.value_errors:
        report.text(roster.value_errors, stdout)
        print("ค่าที่ผิดข้างบนอยู่ในแบบฟอร์มด้วย: แก้ในแบบฟอร์มได้ ตอนนำเข้าโปรแกรมจะชี้ช่องที่ต้องแก้", file=stdout)
    wb = build_template(code, roster.data, subdistrict_choices(code, roster))
    save_workbook(wb, out)
    volunteers, leaders = template_rows(roster.data) if roster.data else ([], [])
    print(f"สร้างแบบฟอร์มแล้ว: อช. {len({r['id'] for r in volunteers if r.get('id')})} คน "
          f"ผู้นำ อช. {len({r['id'] for r in leaders})} คน → {out}", file=stdout)
    return 0


# ---------------------------------------------------------------- reading cells

@dataclass(frozen=True, order=True)
class Issue:
    sheet_index: int
    row: int
    column: int
    sheet: str
    header: str
    is_error: bool
    message: str
    hint: str = ""

    @property
    def ref(self) -> str:
        from openpyxl.utils import get_column_letter
        sheet = f"'{self.sheet}'" if " " in self.sheet else self.sheet
        if not self.row:
            return sheet
        return f"{sheet}!{get_column_letter(self.column)}{self.row}" if self.column else f"{sheet}!{self.row}:{self.row}"

    def line(self) -> str:
        where = self.ref + (f" ({self.header})" if self.header else "")
        level = "ข้อผิดพลาด" if self.is_error else "คำเตือน"
        return (f"{where}: " if where else "") + f"{level}: {self.message}" + (f" — {self.hint}" if self.hint else "")


@dataclass
class Row:
    sheet: str
    number: int
    values: dict                       # key -> cleaned value (str / int / None)
    columns: dict                      # key -> column index (1-based)
    bad: set = field(default_factory=set)   # keys whose cell was refused (reported; value None)

    @property
    def role(self) -> str:
        return self.values.get("role") or SHEET_ROLE[self.sheet]


class Collector:
    def __init__(self):
        self.issues: list[Issue] = []
        self.error_count = 0
        self.stopped = False          # reading stopped early (MAX_ERRORS, row limit): later rows unchecked

    def add(self, sheet: str, row: int, column: int, header: str, message: str, hint: str = "",
            is_error: bool = True) -> None:
        order = (VOLUNTEER_SHEET, LEADER_SHEET).index(sheet) if sheet in (VOLUNTEER_SHEET, LEADER_SHEET) else 2
        self.issues.append(Issue(order, row, column, sheet, header, is_error, message, hint))
        self.error_count += is_error

    def at(self, row: Row, key: str, message: str, hint: str = "", is_error: bool = True) -> None:
        self.add(row.sheet, row.number, row.columns.get(key, 0), HEADERS[key], message, hint, is_error)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _serial_date(value) -> str | None:
    try:
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    except (OverflowError, ValueError):
        return None
    return day.isoformat() if 1 <= value < 2958466 and float(value).is_integer() else None


def _clean_text(value: str) -> str | None:
    text = value.strip(" ")       # ordinary spaces around a cell are an Excel habit; other blanks are reported
    return text or None


def read_cell(value, key: str, sheet: str, row: int, column: int, out: Collector):
    """The cell as the roster value it stands for (str, int or None); problems go to OUT."""
    header = HEADERS[key]

    def bad(message: str, hint: str = "") -> None:
        out.add(sheet, row, column, header, message, hint)

    if value is None:
        return None
    if isinstance(value, str):
        if len(value) > MAX_CELL_TEXT:
            bad(f"ข้อความในช่องนี้ยาว {len(value):,} ตัวอักษร เกินกว่าช่องใดในแบบฟอร์มจะใช้ ({MAX_LINE} ตัวอักษร)",
                "ย่อให้สั้นลง หรือลบข้อความที่วางเกินมา")
            return None
        text = _clean_text(value)
        if text is None:
            return None
        if text in EXCEL_ERRORS:
            bad(f"ช่องนี้มีค่าผิดพลาดของสูตร Excel `{text}`", "แก้สูตร หรือพิมพ์ค่าลงไปตรง ๆ")
            return None
        if key == "moo":
            digits = fields.to_arabic_digits(text)
            if digits.isascii() and digits.isdigit():
                if digits != text:
                    bad(f"หมู่ที่ `{text}` เขียนด้วยเลขไทย", f"แก้เป็น `{int(digits)}` (เลขอารบิก)")
                    return None
                return _moo(int(digits), bad)
            bad(f"หมู่ที่ต้องเป็นตัวเลข ไม่ใช่ `{text}`", "ใส่เฉพาะเลขหมู่ที่ เช่น 3 (ไม่ต้องมีคำว่า หมู่ หรือ ม.)")
            return None
        return text
    if isinstance(value, bool):
        bad(f"ช่องนี้เป็นค่าจริง/เท็จ (`{'TRUE' if value else 'FALSE'}`) ไม่ใช่ข้อความ", "พิมพ์ข้อความลงไปแทน")
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        if key not in DATE_KEYS:
            bad(f"Excel เก็บช่องนี้เป็นวันที่ ({value:%Y-%m-%d}) แต่ช่องนี้ต้องเป็นข้อความ",
                "จัดรูปแบบช่องเป็น ข้อความ (Text) แล้วพิมพ์ใหม่")
            return None
        if isinstance(value, dt.datetime):
            if value.time() != dt.time(0, 0):
                bad(f"ช่องวันที่มีเวลาติดมาด้วย ({value:%Y-%m-%d %H:%M})", f"ใส่เฉพาะวันที่ `{value:%Y-%m-%d}`")
                return None
            value = value.date()
        if value.year >= 2400:
            try:
                fixed = value.replace(year=value.year - 543).isoformat()
            except ValueError:
                fixed = f"{value.year - 543:04d}-{value.month:02d}-{value.day:02d}"
            bad(f"วันที่ในช่องนี้เป็นปี {value.year} ซึ่งเป็นปี พ.ศ. ข้อมูลต้องใช้ปี ค.ศ.",
                f"แก้เป็น `{fixed}` (ค.ศ. = พ.ศ. − 543)")
            return None
        return value.isoformat()
    if isinstance(value, dt.time):
        bad(f"Excel เก็บช่องนี้เป็นเวลา ({value:%H:%M})", "พิมพ์ค่าที่ถูกต้องลงไปใหม่ในช่องที่จัดรูปแบบเป็นข้อความ")
        return None
    if isinstance(value, (int, float)):
        shown = _number_text(value)
        if key == "moo":
            if isinstance(value, float) and not value.is_integer():
                bad(f"หมู่ที่ต้องเป็นจำนวนเต็ม ไม่ใช่ `{shown}`", "ใส่เลขหมู่ที่ เช่น 3")
                return None
            return _moo(int(value), bad)
        if key == "sub_code" and isinstance(value, int | float) and float(value).is_integer():
            return shown                           # a code has no leading zero to lose
        if key == "phone":
            digits = "0" + shown if shown.isdigit() else None
            try:
                suggestion = fields.format_phone(digits) if digits else None
            except ValueError:
                suggestion = None
            bad(f"โทรศัพท์ถูกเก็บเป็นตัวเลข `{shown}` เลข 0 ตัวหน้าหายไป (Excel ตัดเลข 0 หน้าตัวเลขทิ้ง)",
                "จัดรูปแบบช่องเป็น ข้อความ (Text/@) แล้วพิมพ์ใหม่" +
                (f" เป็น `{suggestion}`" if suggestion else " เช่น `08 1234 5678`"))
            return None
        if key in DATE_KEYS:
            serial = _serial_date(value)
            bad(f"วันที่ถูกเก็บเป็นตัวเลข `{shown}`",
                (f"ถ้าหมายถึงวันที่ {serial} ให้พิมพ์ `{serial}` หรือจัดรูปแบบช่องเป็นวันที่"
                 if serial else "พิมพ์วันที่ ค.ศ. ในรูป ปปปป-ดด-วว เช่น `2024-01-24`"))
            return None
        bad(f"ช่องนี้ต้องเป็นข้อความ แต่ Excel เก็บเป็นตัวเลข `{shown}`",
            "จัดรูปแบบช่องเป็น ข้อความ (Text/@) แล้วพิมพ์ใหม่")
        return None
    bad(f"อ่านค่าในช่องนี้ไม่ได้ ({type(value).__name__})", "พิมพ์ค่าลงไปใหม่")
    return None


def _moo(number: int, bad) -> int | None:
    if 1 <= number <= 99:
        return number
    bad(f"หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99 ไม่ใช่ {number}", "ตรวจเลขหมู่ที่")
    return None


def read_sheets(path: Path, out: Collector) -> dict[str, list[Row]]:
    """Rows of the two people sheets, cells converted; sheet/column problems go to OUT.

    xlsx_guard looks at the file first: a refused file is never given to openpyxl. What the guard
    lets through has no formula (so the cached values are the values) and no hidden row, column or
    sheet, and is small enough for openpyxl to read in a few seconds.
    """
    refusals = xlsx_guard.check_workbook(path)
    for r in refusals:
        out.add(r.place, r.row, r.column, "", r.message, r.hint)
    if refusals:
        return {}
    import openpyxl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # openpyxl's English warnings; problems are reported below
        try:
            values = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:                 # openpyxl on untrusted XML: any failure means unreadable
            out.add("", 0, 0, "", f"เปิดไฟล์เป็นแบบฟอร์ม Excel (.xlsx) ไม่ได้: {_why(exc)}",
                    "บันทึกไฟล์เป็น Excel Workbook (.xlsx)" +
                    (" (ไม่ใช่ .xls แบบเก่า)" if path.suffix.lower() == ".xls" else "") +
                    " หรือสร้างแบบฟอร์มใหม่ด้วย thamniap template-xlsx")
            return {}
        try:
            return _read_people_sheets(values, out)
        except UnreadableSheet as exc:
            out.add(exc.sheet, 0, 0, "", f"อ่านแผ่นงานนี้ไม่ได้ตั้งแต่แถวที่ {exc.row} ลงไป: {_why(exc.cause)}",
                    "เปิดไฟล์ด้วย Excel แล้วบันทึกใหม่ หรือสร้างแบบฟอร์มใหม่ด้วย thamniap template-xlsx")
            return {}
        finally:
            values.close()


def _read_people_sheets(values, out: Collector) -> dict[str, list[Row]]:
    sheets: dict[str, list[Row]] = {}
    for sheet in (VOLUNTEER_SHEET, LEADER_SHEET):
        if sheet not in values.sheetnames:
            close = difflib.get_close_matches(sheet, values.sheetnames, n=1, cutoff=0.5)
            out.add(sheet, 0, 0, "", f"ไม่พบแผ่นงาน `{sheet}` (มี: {', '.join(values.sheetnames)})",
                    (f"เปลี่ยนชื่อแผ่นงาน `{close[0]}` เป็น `{sheet}`" if close else
                     "สร้างแบบฟอร์มใหม่ด้วย thamniap template-xlsx") + " — ไม่มีแผ่นงานนี้จะทำให้รายชื่อทั้งหมดในแผ่นงานนี้หายไป")
            continue
        room = xlsx_guard.MAX_DATA_ROWS - sum(map(len, sheets.values()))   # both sheets together
        sheets[sheet] = _read_sheet(sheet, values[sheet], out, room)
        if out.stopped:
            break
    return sheets


class UnreadableSheet(Exception):
    """openpyxl failed while reading a sheet's rows (damage the guard cannot see, e.g. a bad shared
    string index); carries where, so the failure is reported like any other problem."""

    def __init__(self, sheet: str, row: int, cause: Exception):
        super().__init__(f"{sheet}!{row}: {cause}")
        self.sheet, self.row, self.cause = sheet, row, cause


def _why(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _rows(sheet: str, ws) -> Iterable[tuple]:
    """The sheet's rows as value tuples; an openpyxl failure becomes UnreadableSheet."""
    ws.reset_dimensions()        # never pad rows to the size the file claims: the guard checked the real cells
    rows = ws.iter_rows(values_only=True)
    number = 1
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except Exception as exc:               # openpyxl on untrusted XML (see read_sheets)
            raise UnreadableSheet(sheet, number, exc) from None
        yield cells
        number += 1


def _read_sheet(sheet: str, ws, out: Collector, room: int) -> list[Row]:
    """The sheet's non-empty rows, at most ROOM of them (the guard's row limit is per sheet;
    this one is for both people sheets together, before rendering and checking them)."""
    keys = SHEET_KEYS[sheet]
    by_header = {HEADERS[k]: k for k in keys}
    rows_v = _rows(sheet, ws)
    header = next(rows_v, ()) or ()
    columns: dict[str, int] = {}
    for i, value in enumerate(header, start=1):
        text = value.strip() if isinstance(value, str) else value
        if text is None or text == "":
            continue
        key = by_header.get(text) if isinstance(text, str) else None
        if key is None:
            out.add(sheet, 1, i, "", f"ไม่รู้จักหัวคอลัมน์ `{text}` ข้อมูลในคอลัมน์นี้จะไม่ถูกนำเข้า",
                    "หัวคอลัมน์ที่ใช้ได้: " + ", ".join(HEADERS[k] for k in keys), is_error=False)
        elif key in columns:
            out.add(sheet, 1, i, "", f"หัวคอลัมน์ `{text}` ซ้ำกับคอลัมน์ที่ {columns[key]}", "ลบคอลัมน์ที่ซ้ำ")
        else:
            columns[key] = i
    missing = [HEADERS[k] for k in keys if k not in columns and k not in OPTIONAL_KEYS]
    if missing:
        out.add(sheet, 1, 0, "", "ไม่พบหัวคอลัมน์ " + ", ".join(f"`{m}`" for m in missing),
                "หัวคอลัมน์ต้องอยู่แถวที่ 1 และสะกดตามแบบฟอร์ม (สร้างแบบฟอร์มใหม่ด้วย thamniap template-xlsx)")
        return []
    rows: list[Row] = []
    for number, cells_v in enumerate(rows_v, start=2):
        if out.error_count >= MAX_ERRORS:
            out.stopped = True
            out.add(sheet, number, 0, "", f"พบข้อผิดพลาดครบ {MAX_ERRORS:,} รายการแล้ว จึงหยุดตรวจตั้งแต่แถวนี้",
                    "แก้ข้อผิดพลาดที่แจ้งแล้วนำเข้าใหม่ — ถ้าผิดทั้งคอลัมน์ ตรวจว่าหัวคอลัมน์ตรงกับข้อมูลในคอลัมน์")
            break
        raw: dict = {}
        bad: set[str] = set()
        for key, col in columns.items():
            reported = len(out.issues)
            value = cells_v[col - 1] if col - 1 < len(cells_v) else None
            raw[key] = read_cell(value, key, sheet, number, col, out)
            if len(out.issues) > reported:
                bad.add(key)
        if all(v is None for v in raw.values()):
            continue                          # empty (a refused cell is reported already)
        if len(rows) == room:
            out.stopped = True
            out.add(sheet, number, 0, "", f"แผ่นงาน {VOLUNTEER_SHEET} และ {LEADER_SHEET} มีรายชื่อรวมเกิน "
                    f"{xlsx_guard.MAX_DATA_ROWS:,} แถว จึงหยุดอ่านที่แถวนี้",
                    "ทำเนียบของอำเภอมีไม่ถึงจำนวนนี้: ลบแถวที่ไม่ใช่รายชื่อ หรือตรวจว่าไม่ได้วางข้อมูลซ้ำหลายรอบ")
            break
        rows.append(Row(sheet, number, raw, columns, bad))
    return rows


# ---------------------------------------------------------------- from rows to a roster

@dataclass
class PersonDraft:
    key: str                      # id, temporary label, or "@sheet!row" for a new one-row person
    sheet: str
    first: Row
    rows: list[Row]
    id: str | None                # None until assigned
    values: dict = field(default_factory=dict)    # details merged over the person's rows
    source: dict = field(default_factory=dict)    # detail key -> the row it was read from

    def at(self, key: str) -> Row:
        return self.source.get(key, self.first)


REQUIRED = {"title": "คำนำหน้า", "first_name": "ชื่อ", "last_name": "นามสกุล",
            "start": "วันเริ่มวาระ", "end": "วันสิ้นสุดวาระ"}


def _check_text(row: Row, key: str, out: Collector, check, limit: int) -> None:
    value = row.values.get(key)
    if value is None:
        return
    for p in check(value):
        out.at(row, key, p.message, p.hint, is_error=p.code not in WARNING_CODES)
    if len(value) > limit:
        out.at(row, key, f"ข้อความยาว {len(value)} ตัวอักษร เกิน {limit} ตัวอักษร", "ย่อให้สั้นลง")


def _check_row_fields(row: Row, out: Collector) -> None:
    """Checks of one row's own cells (formats, the role and its term)."""
    v = row.values
    for key in ("start", "end"):
        if v.get(key) is None and key not in row.bad:
            out.at(row, key, f"ต้องกรอก{REQUIRED[key]}", "ทุกแถวต้องมีวันเริ่มและวันสิ้นสุดวาระของบทบาทในแถวนั้น "
                   "(ค.ศ. ปปปป-ดด-วว เช่น 2024-01-24)")
    _check_text(row, "title", out, fields.check_line_text, MAX_NAME)
    _check_text(row, "first_name", out, lambda s: fields.check_person_name(s, "first_name"), MAX_NAME)
    _check_text(row, "last_name", out, lambda s: fields.check_person_name(s, "last_name"), MAX_NAME)
    _check_text(row, "consent_method", out, fields.check_line_text, MAX_LINE)
    _check_text(row, "note", out, fields.check_line_text, MAX_LINE)
    for key in DATE_KEYS:
        if v.get(key) is not None:
            for p in fields.check_iso_date(v[key]):
                out.at(row, key, p.message, p.hint)
    if v.get("phone") is not None:
        for p in fields.check_phone(v["phone"]):
            out.at(row, "phone", p.message, p.hint)
    if v.get("sex") is not None and v["sex"] not in SEXES:
        out.at(row, "sex", f"เพศต้องเป็น ชาย หรือ หญิง ไม่ใช่ `{v['sex']}`", "เลือกจากรายการ หรือเว้นว่างถ้าคำนำหน้าบอกเพศแล้ว")
    if v.get("role") is not None and v["role"] not in ROLES:
        close = difflib.get_close_matches(v["role"], ROLES, n=1, cutoff=0.5)
        out.at(row, "role", f"ไม่รู้จักบทบาท `{v['role']}`",
               (f"หมายถึง `{close[0]}` หรือไม่? " if close else "") + "ใช้ได้: อช. หรือ ผู้นำ อช. (เว้นว่าง = ตามชื่อแผ่นงาน)")
    start, end = v.get("start"), v.get("end")
    if start and end and not fields.check_iso_date(start) and not fields.check_iso_date(end) and end <= start:
        out.at(row, "end", f"วันสิ้นสุดวาระ ({end}) ไม่หลังวันเริ่มวาระ ({start})", "ตรวจวันที่ (ค.ศ.) — อาจสลับกัน")


def _check_person(person: PersonDraft, out: Collector) -> None:
    """Checks of a person's merged details: required names, title and sex, phone consent, role."""
    v = person.values
    for key in ("title", "first_name", "last_name"):
        if v.get(key) is None and not any(key in r.bad for r in person.rows):
            out.at(person.first, key, f"ต้องกรอก{REQUIRED[key]}", "กรอกให้ครบ: คำนำหน้า ชื่อ นามสกุล")
    title, sex = v.get("title"), v.get("sex")
    if title and not fields.check_line_text(title):
        implied = fields.title_sex(title)
        if not fields.is_known_title(title):
            close = difflib.get_close_matches(title, list(fields.TITLES), n=1, cutoff=0.6)
            hint = (f"หมายถึง `{close[0]}` หรือไม่? " if close else "") + \
                "ใช้ " + " ".join(COMMON_TITLES[:3]) + " หรือยศ/ตำแหน่งเต็ม — ถ้าคำนำหน้านี้ถูกต้องแล้ว ให้กรอกเพศด้วย"
            out.at(person.at("title"), "title", f"ไม่รู้จักคำนำหน้านาม `{title}`", hint, is_error=sex is None)
        elif implied is None and sex is None:
            out.at(person.at("title"), "sex", f"คำนำหน้า `{title}` ไม่บอกเพศ ต้องกรอกเพศ",
                   "เลือก ชาย หรือ หญิง (ใช้ตรวจสัดส่วนชายหญิง)")
        if implied and sex in SEXES and sex != implied:
            out.at(person.at("sex"), "sex", f"เพศ `{sex}` ขัดกับคำนำหน้า `{title}` ({implied})",
                   "ตรวจคำนำหน้า หรือเว้นช่องเพศว่าง (คำนำหน้านี้บอกเพศอยู่แล้ว)")
    phone, c_date, c_method = v.get("phone"), v.get("consent_date"), v.get("consent_method")
    if phone and not (c_date and c_method):
        out.at(person.at("phone"), "phone", "มีโทรศัพท์ส่วนตัวแต่ไม่มีบันทึกความยินยอมให้เผยแพร่ครบ",
               "กรอก วันที่ยินยอม และ วิธียินยอม หรือลบโทรศัพท์ออก (หน้าเว็บจะแสดงเบอร์สำนักงานแทน)")
    elif (c_date is None) != (c_method is None):
        missing, given = ("consent_method", "consent_date") if c_date else ("consent_date", "consent_method")
        out.at(person.at(given), missing, f"ต้องกรอก{HEADERS[missing]}คู่กับ{HEADERS[given]}",
               "บันทึกความยินยอมต้องมีทั้งวันที่และวิธี")
    wanted = SHEET_ROLE[person.sheet]
    if not any(r.role == wanted for r in person.rows):
        out.at(person.first, "role", f"รายชื่อในแผ่นงาน {person.sheet} ต้องมีแถวบทบาท `{wanted}` อย่างน้อยหนึ่งแถว",
               f"แก้บทบาทเป็น `{wanted}` หรือย้ายคนนี้ไปแผ่นงานที่ตรงกับบทบาท")


def _resolve_subdistrict(row: Row, code: str | None, choices: dict[str, tuple[str, ...]],
                         out: Collector) -> str | None:
    name = row.values.get("sub_name")
    listing = ", ".join(f"{c} {n[0]}" for c, n in choices.items())
    if code is None:
        match = [c for c, names in choices.items() if name in names]
        out.at(row, "sub_code", "ต้องกรอกรหัสตำบล",
               f"ตำบล{name} คือรหัส `{match[0]}`" if match else f"เลือกจากรายการ: {listing}")
        return None
    if code not in choices:
        out.at(row, "sub_code", f"ไม่พบตำบลรหัส `{code}` ในอำเภอนี้", f"ตำบลของอำเภอนี้: {listing}")
        return None
    return code


def _check_sub_name(row: Row, code: str, choices: dict[str, tuple[str, ...]], out: Collector) -> None:
    name = row.values.get("sub_name")
    if name is not None and name not in choices[code]:
        match = [c for c, names in choices.items() if name in names]
        out.at(row, "sub_name", f"ชื่อตำบล `{name}` ไม่ตรงกับรหัส `{code}` (ตำบล{choices[code][0]})",
               (f"ตำบล{name} คือรหัส `{match[0]}` — แก้รหัสหรือชื่อให้ตรงกัน" if match else
                f"แก้เป็น `{choices[code][0]}` หรือเว้นว่าง"))


@dataclass
class ImportResult:
    doc: dict | None
    issues: list[Issue]
    new_ids: list[tuple[str, str]]        # (cell ref, id) for people who got an id
    people: dict[str, int]


def _group_people(sheets: dict[str, list[Row]], code: str, other_ids: dict[str, str],
                  out: Collector) -> tuple[dict[str, PersonDraft], list[Row]]:
    """People by id (or temporary label; a row without either is a new person), and the rows that
    only name a village (no person)."""
    people: dict[str, PersonDraft] = {}
    placeholders: list[Row] = []
    for sheet in (LEADER_SHEET, VOLUNTEER_SHEET):
        for row in sheets.get(sheet, []):
            v = row.values
            if not any(v.get(k) is not None for k in PERSON_KEYS):
                if sheet == VOLUNTEER_SHEET and v.get("moo") is not None:
                    placeholders.append(row)          # a village with no อช. yet
                elif sheet == VOLUNTEER_SHEET and v.get("village") is not None:
                    out.at(row, "moo", "แถวนี้มีชื่อหมู่บ้านแต่ไม่มีหมู่ที่", "กรอกหมู่ที่ หรือลบแถวนี้")
                continue
            _check_row_fields(row, out)
            pid = v.get("id")
            if pid is not None and not pid.startswith(TEMP_ID_PREFIX) and not PERSON_ID.fullmatch(pid):
                out.at(row, "id", f"รหัสบุคคล `{pid}` ไม่ถูกรูปแบบ",
                       f"รหัสบุคคลมีรูปแบบ {code}-NNNN (เช่น {code}-0001) — คนใหม่ให้เว้นว่าง "
                       f"หรือใช้รหัสชั่วคราวที่ขึ้นต้นด้วย {TEMP_ID_PREFIX}")
                pid = None
            key = pid if pid is not None else f"@{sheet}!{row.number}"
            person = people.get(key)
            if person is None:
                real = pid if pid is not None and not pid.startswith(TEMP_ID_PREFIX) else None
                person = people[key] = PersonDraft(key, sheet, row, [], real)
                if real and real in other_ids:
                    out.at(row, "id", f"รหัสบุคคล `{real}` มีอยู่แล้วใน {other_ids[real]}",
                           "คนใหม่ให้เว้นรหัสว่าง (โปรแกรมจะให้รหัสใหม่) — คนที่ย้ายมาจากอำเภออื่น "
                           "ให้ลบจากอำเภอเดิมก่อน")
                elif real and not real.startswith(code + "-"):
                    out.at(row, "id", f"รหัสบุคคล `{real}` ไม่ขึ้นต้นด้วยรหัสอำเภอ {code}",
                           f"คนใหม่ให้เว้นว่าง โปรแกรมจะให้รหัส {code}-NNNN", is_error=False)
            elif person.sheet != sheet:
                out.at(row, "id", f"รหัสบุคคล `{pid}` ซ้ำกับแถว {_ref(person.first)} ในแผ่นงาน {person.sheet}",
                       "คนหนึ่งอยู่ได้แผ่นงานเดียว: บทบาทอื่นให้เพิ่มเป็นแถวในแผ่นงานเดิม — ถ้าเป็นคนละคน "
                       "ให้เว้นรหัสของคนใหม่ว่าง")
                continue
            conflict = False
            for k in DETAIL_KEYS:
                value = v.get(k)
                if value is None:
                    continue
                if k not in person.values:
                    person.values[k], person.source[k] = value, row
                elif person.values[k] != value:
                    conflict = True
                    before = person.source[k]
                    out.at(row, k, f"รหัสบุคคล `{pid}` ซ้ำกับแถว {_ref(before)} แต่{HEADERS[k]}ไม่ตรงกัน "
                           f"(`{value}` กับ `{person.values[k]}`)",
                           "แถวเพิ่มของคนเดิม (บทบาท/วาระอื่น) ให้เว้นช่องนี้ว่างหรือกรอกให้ตรงกัน "
                           "— ถ้าเป็นคนละคน ให้เว้นรหัสของคนใหม่ว่าง")
            if not conflict:
                person.rows.append(row)
    return people, placeholders


def rows_to_roster(sheets: dict[str, list[Row]], code: str, roster: RosterInfo, used_ids: set[str],
                   other_ids: dict[str, str], out: Collector) -> ImportResult:
    """Check every row and build the roster document; the document is None when anything is wrong."""
    choices = subdistrict_choices(code, roster)
    people, placeholders = _group_people(sheets, code, other_ids, out)

    # places: each person's subdistrict (and village) comes from their details
    villages: dict[tuple[str, int], dict] = {}       # (sub, moo) -> {"name", "row", "volunteers"}
    place_rows: list[tuple[Row, tuple[str, int]]] = []   # rows that may name the village of a place
    for person in people.values():
        sub = _resolve_subdistrict(person.at("sub_code"), person.values.get("sub_code"), choices, out)
        if sub is None:
            continue
        for row in person.rows:
            _check_sub_name(row, sub, choices, out)
        if person.sheet == VOLUNTEER_SHEET:
            moo = person.values.get("moo")
            if moo is None:
                if not any("moo" in r.bad for r in person.rows):
                    out.at(person.first, "moo", "ต้องกรอกหมู่ที่",
                           "อช. ต้องระบุหมู่บ้าน: รหัสตำบล หมู่ที่ และชื่อหมู่บ้าน")
                continue
            villages.setdefault((sub, moo), {"name": None, "row": None, "volunteers": []})
            place_rows += [(row, (sub, moo)) for row in person.rows]
    for row in placeholders:
        sub = _resolve_subdistrict(row, row.values.get("sub_code"), choices, out)
        if sub is None:
            continue
        _check_sub_name(row, sub, choices, out)
        villages.setdefault((sub, row.values["moo"]), {"name": None, "row": None, "volunteers": []})
        place_rows.append((row, (sub, row.values["moo"])))
    for row, place in sorted(place_rows, key=lambda rp: (rp[0].number, rp[1])):
        entry, name = villages[place], row.values.get("village")
        if name is None:
            continue
        _check_text(row, "village", out, fields.check_line_text, MAX_LINE)
        if entry["name"] is None:
            entry["name"], entry["row"] = name, row
        elif entry["name"] != name:
            out.at(row, "village", f"หมู่ที่ {place[1]} ตำบลรหัส {place[0]} ชื่อ `{name}` ไม่ตรงกับแถว "
                   f"{_ref(entry['row'])} (`{entry['name']}`)",
                   "หมู่เดียวกันต้องใช้ชื่อหมู่บ้านเดียวกัน — ตรวจเลขหมู่ที่หรือชื่อหมู่บ้าน")
    for place, entry in villages.items():
        if entry["name"] is None:
            row = min((r for r, p in place_rows if p == place), key=lambda r: r.number)
            out.at(row, "village", f"ต้องกรอกชื่อหมู่บ้านของหมู่ที่ {place[1]}", "เช่น บ้านนาอ้อ")

    # people: names, title and sex, consent, role; the same name twice
    names: dict[str, PersonDraft] = {}
    for person in people.values():
        _check_person(person, out)
        v = person.values
        if v.get("first_name") and v.get("last_name"):
            key = fields.normalise_person_key(v.get("title"), v["first_name"], v["last_name"])
            other = names.setdefault(key, person)
            if other is not person:
                out.at(person.at("first_name"), "first_name",
                       f"{v.get('title') or ''}{v['first_name']} {v['last_name']} ซ้ำกับแถว {_ref(other.first)}"
                       + (f" (รหัส {other.id})" if other.id else ""),
                       "คนเดียวกันที่มีหลายบทบาทให้ใช้รหัสบุคคลเดียวกันทุกแถว (คนใหม่ใช้รหัสชั่วคราว "
                       f"{TEMP_ID_PREFIX}1) — ถ้าเป็นคนละคนที่ชื่อซ้ำกัน ให้ใส่หมายเหตุในทำเนียบ")

    counts = {"leaders": sum(p.sheet == LEADER_SHEET for p in people.values()),
              "volunteers": sum(p.sheet == VOLUNTEER_SHEET for p in people.values())}
    if out.errors:
        return ImportResult(None, out.issues, [], counts)

    # the document, in roster order: subdistricts as in roster.yaml (others after, by code),
    # leaders and volunteers in row order, villages by หมู่ที่
    sub_order = [c for c, _ in roster.subdistricts]
    used_subs = {p.values["sub_code"] for p in people.values()} | {s for s, _ in villages}
    sub_order += sorted(used_subs - set(sub_order))
    roster_names = dict(roster.subdistricts)
    for person in people.values():
        if person.sheet == VOLUNTEER_SHEET:
            villages[(person.values["sub_code"], person.values["moo"])]["volunteers"].append(person)
    numbers = [int(m[1]) for i in used_ids | {p.id for p in people.values() if p.id}
               if (m := re.fullmatch(re.escape(code) + r"-([0-9]+)", i))]
    next_number = max(numbers, default=0) + 1
    new_ids: list[tuple[str, str]] = []

    def person_doc(person: PersonDraft) -> dict:
        nonlocal next_number
        if person.id is None:
            person.id = f"{code}-{next_number:04d}"
            next_number += 1
            new_ids.append((", ".join(_ref(r, "id") for r in person.rows), person.id))
        v = person.values
        doc = {"id": person.id, "title": v["title"], "first_name": v["first_name"], "last_name": v["last_name"]}
        if v.get("sex"):
            doc["sex"] = v["sex"]
        doc["roles"] = [{"role": r.role, "start": r.values["start"], "end": r.values["end"]} for r in person.rows]
        if v.get("phone"):
            doc["phone"] = v["phone"]
        if v.get("consent_date"):
            doc["phone_consent"] = {"date": v["consent_date"], "method": v["consent_method"]}
        if v.get("note"):
            doc["note"] = v["note"]
        return doc

    subdistricts = []
    for sub in sub_order:
        leaders = [person_doc(p) for p in people.values()
                   if p.sheet == LEADER_SHEET and p.values["sub_code"] == sub]
        sub_villages = [{"moo": moo, "name": entry["name"],
                         "volunteers": [person_doc(p) for p in entry["volunteers"]]}
                        for (s, moo), entry in sorted(villages.items()) if s == sub]
        subdistricts.append({"code": sub, "name": roster_names.get(sub) or choices[sub][0],
                             "leaders": leaders, "villages": sub_villages})
    return ImportResult({"sample": roster.sample, "subdistricts": subdistricts}, out.issues, new_ids, counts)


def _ref(row: Row, key: str = "id") -> str:
    """`อช.!A14`: the row, shown at its รหัสบุคคล cell (or KEY's)."""
    return Issue(0, row.number, row.columns.get(key, 1), row.sheet, "", True, "").ref


# ---------------------------------------------------------------- ids used elsewhere

_ID_LINE = re.compile(r"""^[ \t-]*(?:id|holder):[ \t]*['"]?([0-9]{2,4}-[a-z0-9]{2,8})['"]?[ \t]*(?:#.*)?$""", re.M)
_ID_ITEM = re.compile(r"""^[ \t]*-[ \t]+['"]?([0-9]{2,4}-[a-z0-9]{2,8})['"]?[ \t]*$""", re.M)


def ids_in_dataset(files: DistrictFiles) -> tuple[set[str], dict[str, str]]:
    """(every person id written anywhere in the dataset, id -> file for ids outside this roster)."""
    every: set[str] = set()
    elsewhere: dict[str, str] = {}
    for path in sorted(files.root.rglob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = set(_ID_LINE.findall(text)) | set(_ID_ITEM.findall(text))
        every |= found
        if path.resolve() == files.roster.resolve():
            continue
        defined = set(re.findall(r"""^[ \t-]*id:[ \t]*['"]?([0-9]{2,4}-[a-z0-9]{2,8})""", text, re.M))
        for pid in sorted(defined):
            elsewhere.setdefault(pid, display_path(path))
    return every, elsewhere


# ---------------------------------------------------------------- import command

# The generator's writer quotes exactly what the strict loader would refuse unquoted.
RosterDumper = _sample.Dumper


def render_roster(files: DistrictFiles, doc: dict) -> str:
    """The text sample.dump would write (same options), with RosterDumper."""
    body = yaml.dump(doc, Dumper=RosterDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000)
    return files.header() + "\n" + body


def check_candidate(files: DistrictFiles, text: str, today: dt.date) -> tuple[list, list]:
    """(errors, warnings) of the district after replacing roster.yaml by TEXT, on a temporary copy.

    Errors in the district's other files (club.yaml, meeting.yaml) count only when the new roster
    causes them: ones already there before the import are not this import's doing.
    """
    from thamniap.check.validate import check_root
    focus = {files.code}
    work = Path(tempfile.mkdtemp(prefix="thamniap-import-"))
    try:
        copy = work / files.root.name
        shutil.copytree(files.root, copy, symlinks=False,
                        ignore=shutil.ignore_patterns(".git", "*.xlsx", "~$*"))
        rel_district = files.district_dir.relative_to(files.root)
        target = copy / rel_district / "roster.yaml"
        target.write_text(text, encoding="utf-8")
        _, found = check_root(copy, today, focus)

        def relative(diag) -> Path | None:
            try:
                return Path(diag.path).resolve().relative_to(copy.resolve())
            except ValueError:
                return None

        mine = [d for d in found if (rel := relative(d)) is not None and rel_district in rel.parents]
        roster_rel = rel_district / "roster.yaml"
        errors = [d for d in mine if d.is_error and relative(d) == roster_rel]
        others = [d for d in mine if d.is_error and relative(d) != roster_rel]
        if others:
            _, before = check_root(files.root, today, focus)
            known = {(str(Path(d.path).resolve().relative_to(files.root.resolve())), d.line, d.rule, d.message)
                     for d in before if d.is_error and files.root.resolve() in Path(d.path).resolve().parents}
            errors += [d for d in others if (str(relative(d)), d.line, d.rule, d.message) not in known]
        warnings = [d for d in mine if not d.is_error and relative(d) == roster_rel]

        def shown(d):
            real = files.root / relative(d)
            return type(d)(display_path(real), d.line, d.column, d.rule, d.severity, d.message, d.hint,
                           d.message_en, d.hint_en, d.related)
        return [shown(d) for d in errors], [shown(d) for d in warnings]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def import_workbook(path: Path, code: str, root: Path, today: dt.date | None = None, *,
                    validate: bool = True) -> tuple[ImportResult, DistrictFiles, str | None, list, list]:
    """Read PATH for district CODE: (result, files, new roster text or None, validate errors, warnings)."""
    files = find_district(root, code)
    if not path.is_file():
        raise SpreadsheetError(f"ไม่พบไฟล์ `{path}`")
    out = Collector()
    sheets = read_sheets(path, out)
    if (out.errors and not sheets) or out.stopped:   # refused, unreadable, or too wrong to go on
        return ImportResult(None, out.issues, [], {"leaders": 0, "volunteers": 0}), files, None, [], []
    roster = read_roster(files)
    used, elsewhere = ids_in_dataset(files)
    result = rows_to_roster(sheets, code, roster, used, elsewhere, out)
    if result.doc is None:
        return result, files, None, [], []
    text = render_roster(files, result.doc)
    errors, warnings = (check_candidate(files, text, today or dt.date.today()) if validate else ([], []))
    return result, files, text, errors, warnings


def import_command(path: Path, code: str, root: Path, today: dt.date, stdout: TextIO, stderr: TextIO) -> int:
    from thamniap.core import report
    try:
        result, files, text, errors, warnings = import_workbook(path, code, root, today)
    except SpreadsheetError as exc:
        print(f"thamniap: {exc}", file=stderr)
        return 1
    issues = sorted(result.issues)
    for issue in issues:
        print(f"{path.name}: {issue.line()}", file=stdout)
    n_errors = sum(i.is_error for i in issues)
    if text is None:
        print(f"พบข้อผิดพลาด {n_errors} รายการ คำเตือน {len(issues) - n_errors} รายการ", file=stdout)
        print(f"thamniap: ไม่ได้เขียน {display_path(files.roster)} — แก้ช่องที่แจ้งในแบบฟอร์มแล้วนำเข้าใหม่", file=stderr)
        return 1
    if errors:
        report.text(errors + warnings, stdout)
        print(f"thamniap: ไม่ได้เขียน {display_path(files.roster)} — ทำเนียบที่ได้จากแบบฟอร์มไม่ผ่านการตรวจ "
              "(ตำแหน่งข้างบนคือบรรทัดในไฟล์ที่จะเขียน)", file=stderr)
        return 1
    if warnings:
        report.text(warnings, stdout)
    old = files.roster.read_text(encoding="utf-8") if files.roster.exists() else None
    if old == text:
        print(f"ไม่มีการเปลี่ยนแปลง: {display_path(files.roster)} ตรงกับแบบฟอร์มแล้ว", file=stdout)
        return 0
    tmp = files.roster.with_name(f".roster.yaml.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, files.roster)
    for ref, pid in result.new_ids:
        print(f"คนใหม่ {ref} ได้รหัส {pid} — กรอกรหัสนี้ในแบบฟอร์มด้วย", file=stdout)
    print(f"นำเข้าแล้ว: ผู้นำ อช. {result.people['leaders']} คน อช. {result.people['volunteers']} คน "
          f"(คนใหม่ {len(result.new_ids)} คน) → {display_path(files.roster)}", file=stdout)
    return 0
