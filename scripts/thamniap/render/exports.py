"""Open-data downloads (CSV, Excel, JSON) as bytes, for the site build to write — public fields only.

What goes out, and nothing else (PDPA; the rules are on the site's privacy page, render/texts.py):

* people (อช., ผู้นำ อช.): id, title, first name, last name, sex (given or implied by the
  title), roles with start/end (and the reason, when the person has left the role), province/district/subdistrict code and name, village moo and
  name, club posts held, the personal phone ONLY when a consent date is recorded (otherwise
  empty), and the sample flag;
* officials: id, title, name, position, whether responsible for volunteer work, work phone;
* clubs: level, district, kind, name, registration no., term, appointment order no., date and issuer,
  confirmed_on (the latest confirmation date, in any reporting round), each post (its place in the club's list, the
  row's key) with its holder's id and name or "ว่าง" (vacant),
  the holder's start date in the post (since) and the seat's own appointment order (no., date, issuer) where it has one;
* offices (JSON only): the office's own contact details (address, phone, hours, map position).

Never: phone-consent records, notes, GitHub maintainers, file paths, or any other field.
The rows are named fields computed in derive/exports.py (PersonRow, ClubRow, OfficialRow), so a new
field in the schema never leaks into the exports by itself; each column below names the field it
shows, and this module only formats the rows as CSV, Excel and JSON bytes.

Files, under ``<outdir>/downloads/<province folder>/`` (e.g. ``downloads/42-loei/``)::

    people.csv  clubs.csv  officials.csv  thamniap-42.xlsx  thamniap-42.json   whole province
    4201-people.csv  4201-club.csv  4201.xlsx  4201.json                       each district

Decisions
---------
* Dates are ISO 8601 in the Gregorian calendar (ค.ศ., ``2024-01-24``) in every format, text in
  Excel too: machine-readable, and a Thai-locale Excel cannot silently show a real date cell in
  พ.ศ. or in another order. The JSON ``meta.dates`` says so.
* CSV is UTF-8 *with* BOM (Excel otherwise reads Thai as mojibake), Thai header row, ``\\r\\n``
  line ends and minimal quoting (the ``csv`` module's default "excel" dialect, RFC 4180).
  One row per person; several roles are joined with "; " as ``อช. 2023-05-01–2027-04-30``.
* Formula (CSV) injection, OWASP advice: a CSV cell that starts with ``=``, ``+``, ``-``, ``@``,
  tab or carriage return (or the full-width ``＝＋－＠``) gets a leading ``'`` so a spreadsheet
  shows it as text. The guard applies to EVERY text cell, phones included: valid phones are
  written from ``0`` (``081 234 5678``; the validator rejects ``+66…``), so the guard never
  changes one in practice, and a ``+66…`` that slipped through is shown as text (with its ``'``)
  instead of being evaluated as ``+66`` arithmetic. In the Excel file the value is kept exactly
  as written: the cell is typed as text (never a formula) and carries Excel's own "quote prefix"
  style, which is what Excel stores when a user types ``'=...``. JSON keeps values as written
  (it is not opened by spreadsheets; consumers must escape for their own output).
* Excel files are byte-for-byte reproducible: workbook created/modified and the zip entries'
  timestamps are the latest date found in the exported data (:func:`data_date`), never "now".
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from thamniap.core.national_id import mask_national_ids
from thamniap import model
from thamniap.derive.exports import ExportRows, HeldPost, data_date, is_sample, posts_by_holder, public_phone

SCHEMA_VERSION = 1
# Licence of the published directory data, stated here only: the downloads page, the workbook's
# about sheet, the JSON files' meta, catalog.json and datapackage.json all take it from these names.
# ASSUMPTION: the province (สำนักงานพัฒนาชุมชนจังหวัดเลย) must confirm it before real (non-sample)
# data is published; change it here only.
DATA_LICENCE = "CC BY 4.0"
LICENCE_ID = "CC-BY-4.0"                                   # SPDX, for datapackage.json
LICENCE_TITLE = "Creative Commons Attribution 4.0 (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_STATEMENT = (f"ข้อมูลทุกไฟล์ (CSV, Excel, JSON) เผยแพร่ภายใต้สัญญาอนุญาต {DATA_LICENCE} "
                     "นำไปใช้ เผยแพร่ต่อ หรือดัดแปลงได้ โดยระบุที่มาของข้อมูล")
GEO_CREDIT = "ข้อมูลเขตการปกครอง: GeoThai (CC BY 4.0)"
DATES_NOTE = "ISO 8601, ค.ศ."
GENERATED_FROM = "data/"
DOWNLOADS = "downloads"

SHEET_PEOPLE = "ทำเนียบ อช. และผู้นำ อช."   # Excel forbids "/" in sheet names
SHEET_CLUBS = "คณะกรรมการชมรม"
SHEET_OFFICIALS = "เจ้าหน้าที่"
SHEET_ABOUT = "เกี่ยวกับข้อมูล"

# ------------------------------------------------------------------ columns (Thai headers)

@dataclass(frozen=True)
class Column:
    """One column of a CSV/Excel export: the row field it shows (a field of derive/exports.py's
    PersonRow, ClubRow or OfficialRow), its Thai header (as written in the file), a Table Schema type
    and what it holds (Thai, then English). The header rows, the cells, the Excel sheets and the
    Frictionless datapackage.json (render/opendata.py) are all made from these lists, so they cannot
    disagree."""
    field: str
    name: str
    type: str                  # Table Schema: "string" | "integer" | "boolean" | "date"
    description: str
    description_en: str
    pattern: str | None = None         # a regular expression every non-empty value matches
    enum: tuple[str, ...] | None = None


def _code(field: str, name: str, digits: int, what: str, what_en: str) -> Column:
    return Column(field, name, "string", f"รหัส{what} {digits} หลัก ตามกรมการปกครอง", f"{what_en} code, {digits} digits (DOPA)",
                  pattern=f"[0-9]{{{digits}}}")


def _date(field: str, name: str, what: str, what_en: str) -> Column:
    return Column(field, name, "date", f"{what} (ISO 8601 ปี ค.ศ. เช่น 2024-01-24)", f"{what_en} (ISO 8601, CE)")


SAMPLE_COLUMN = Column("sample", "ข้อมูลตัวอย่าง", "boolean", "true เมื่อแถวนี้เป็นข้อมูลสมมุติ (ไม่ใช่บุคคลจริง)",
                       "true when the row is fictional sample data")
LEVEL_COLUMN = Column("level", "ระดับ", "string", "ระดับ: จังหวัด หรือ อำเภอ", "level: province or district",
                      enum=("จังหวัด", "อำเภอ"))
DISTRICT_CODE = _code("district_code", "รหัสอำเภอ", 4, "อำเภอ", "district")
DISTRICT_NAME = Column("district_name", "อำเภอ", "string", "ชื่ออำเภอ (ว่างสำหรับระดับจังหวัด)", "district name (empty at province level)")
PERSON_ID = Column("id", "รหัสบุคคล", "string", "รหัสบุคคลในทำเนียบ เช่น 4201-0001", "person id in the directory")
TITLE = Column("title", "คำนำหน้านาม", "string", "คำนำหน้านาม เช่น นาย นาง นางสาว", "title, e.g. นาย, นาง, นางสาว")
FIRST_NAME = Column("first_name", "ชื่อ", "string", "ชื่อ", "first name")
LAST_NAME = Column("last_name", "นามสกุล", "string", "นามสกุล", "last name")

SEAT = Column("seat", "ลำดับตำแหน่ง", "integer", "ลำดับของตำแหน่งในคณะกรรมการของชมรม/สมาคมนั้น (1, 2, …)",
              "the post's place in its club's committee (1, 2, …)")
HOLDER_ID = Column("holder_id", "รหัสผู้ดำรงตำแหน่ง", "string", "รหัสบุคคลของผู้ดำรงตำแหน่ง (ว่างเมื่อตำแหน่งว่าง)",
                   "person id of the holder (empty when vacant)")

PEOPLE_COLUMNS = (
    PERSON_ID, TITLE, FIRST_NAME, LAST_NAME,
    Column("sex", "เพศ", "string", "ชาย หรือ หญิง ตามที่กรอกหรือตามคำนำหน้านาม (ว่างถ้าไม่ทราบ)",
           "sex as given or implied by the title (empty when unknown)", enum=("ชาย", "หญิง")),
    Column("roles", "บทบาทและวาระ", "string", "บทบาท (อช. หรือ ผู้นำ อช.) วันเริ่ม–วันสิ้นสุดวาระ คั่นหลายบทบาทด้วย \"; \" "
           "และเหตุที่พ้นจากบทบาท", "roles with term start–end, \"; \" between roles, and why a role ended"),
    _code("province_code", "รหัสจังหวัด", 2, "จังหวัด", "province"),
    Column("province_name", "จังหวัด", "string", "ชื่อจังหวัด", "province name"),
    DISTRICT_CODE,
    Column("district_name", "อำเภอ", "string", "ชื่ออำเภอ", "district name"),
    _code("subdistrict_code", "รหัสตำบล", 6, "ตำบล", "subdistrict"),
    Column("subdistrict_name", "ตำบล", "string", "ชื่อตำบล", "subdistrict name"),
    Column("moo", "หมู่ที่", "integer", "หมู่ที่ของหมู่บ้านของ อช. (ว่างสำหรับผู้นำ อช. ซึ่งเป็นระดับตำบล)",
           "village number of an อช. (empty for a leader, chosen per subdistrict)"),
    Column("village", "หมู่บ้าน", "string", "ชื่อหมู่บ้าน (ว่างสำหรับผู้นำ อช.)", "village name (empty for a leader)"),
    Column("club_posts", "ตำแหน่งในชมรม/สมาคม", "string", "ตำแหน่งในคณะกรรมการชมรม/สมาคม และชื่อชมรม คั่นด้วย \"; \"",
           "committee posts held, with the club's name, \"; \" between them"),
    Column("phone", "โทรศัพท์ (ได้รับความยินยอม)", "string",
           "โทรศัพท์ส่วนตัว เฉพาะผู้ที่ยินยอมให้เผยแพร่ (นอกนั้นว่าง ให้ติดต่อสำนักงานพัฒนาชุมชนอำเภอ)",
           "personal phone, only with the person's recorded consent (otherwise empty)"),
    SAMPLE_COLUMN,
)
CLUB_COLUMNS = (
    LEVEL_COLUMN, DISTRICT_CODE, DISTRICT_NAME,
    Column("kind", "ประเภท", "string", "ชมรม หรือ สมาคม", "club or (registered) association", enum=("ชมรม", "สมาคม")),
    Column("name", "ชื่อชมรม/สมาคม", "string", "ชื่อเต็มของชมรม/สมาคมผู้นำ อช.", "full name of the club or association"),
    Column("registration_no", "เลขทะเบียน", "string", "เลขทะเบียนสมาคม (ว่างสำหรับชมรม)", "association registration number"),
    _date("term_start", "วาระเริ่ม", "วันเริ่มวาระของคณะกรรมการ", "committee term start"),
    _date("term_end", "วาระสิ้นสุด", "วันสิ้นสุดวาระของคณะกรรมการ", "committee term end"),
    Column("order_no", "เลขที่คำสั่งแต่งตั้ง", "string", "เลขที่คำสั่งแต่งตั้งคณะกรรมการ", "appointment order number"),
    _date("order_date", "คำสั่งลงวันที่", "วันที่ของคำสั่งแต่งตั้ง", "date of the appointment order"),
    Column("order_by", "ผู้ออกคำสั่ง", "string", "ผู้ออกคำสั่งแต่งตั้ง", "who issued the appointment order"),
    _date("confirmed_on", "วันที่ยืนยันข้อมูล", "วันที่ยืนยันโครงสร้างกับจังหวัดครั้งล่าสุด (ทุกรอบการรายงาน)",
          "latest confirmation to the province, in any reporting round"),
    SEAT,
    Column("post", "ตำแหน่ง", "string", "ตำแหน่งในคณะกรรมการ เช่น ประธาน", "committee post, e.g. president"),
    HOLDER_ID,
    Column("holder_name", "ผู้ดำรงตำแหน่ง", "string", "ชื่อผู้ดำรงตำแหน่ง หรือ ว่าง", "holder's name, or ว่าง (vacant)"),
    _date("since", "ดำรงตำแหน่งตั้งแต่", "วันที่เริ่มดำรงตำแหน่ง", "holder's start in the post"),
    Column("post_order_no", "เลขที่คำสั่งของตำแหน่ง", "string", "เลขที่คำสั่งแต่งตั้งเฉพาะตำแหน่งนี้ (ถ้ามี)",
           "the seat's own appointment order number, if any"),
    _date("post_order_date", "คำสั่งของตำแหน่งลงวันที่", "วันที่ของคำสั่งเฉพาะตำแหน่ง", "date of the seat's own order"),
    Column("post_order_by", "ผู้ออกคำสั่งของตำแหน่ง", "string", "ผู้ออกคำสั่งเฉพาะตำแหน่ง", "who issued the seat's own order"),
    SAMPLE_COLUMN,
)
OFFICIAL_COLUMNS = (
    LEVEL_COLUMN, DISTRICT_CODE, DISTRICT_NAME, PERSON_ID, TITLE, FIRST_NAME, LAST_NAME,
    Column("position", "ตำแหน่ง", "string", "ตำแหน่งของเจ้าหน้าที่ เช่น พัฒนาการอำเภอ", "the official's position"),
    Column("responsible", "ผู้รับผิดชอบงาน อช.", "boolean", "true เมื่อเป็นผู้รับผิดชอบงาน อช. ของสำนักงาน",
           "true for the official responsible for volunteer work"),
    Column("work_phone", "โทรศัพท์ที่ทำงาน", "string", "โทรศัพท์ที่ทำงานของเจ้าหน้าที่", "the official's work phone"),
    SAMPLE_COLUMN,
)
# Export.kind -> its columns (CSV files of these kinds are described in datapackage.json)
COLUMNS = {"people": PEOPLE_COLUMNS, "clubs": CLUB_COLUMNS, "officials": OFFICIAL_COLUMNS}
# Export.kind -> the columns that tell its rows apart (datapackage.json's primaryKey): a person by id
# (an official's id too: "4201-s2"); a committee post by its club (level and district) and its place.
PRIMARY_KEYS = {"people": (PERSON_ID,), "clubs": (LEVEL_COLUMN, DISTRICT_CODE, SEAT), "officials": (PERSON_ID,)}
# Export.kind -> (its column, the kind of file it refers to, the column there): a post's holder is a
# person of the people file of the same scope (datapackage.json's foreignKeys).
FOREIGN_KEYS = {"clubs": ((HOLDER_ID, "people", PERSON_ID),)}
PEOPLE_HEADERS = tuple(c.name for c in PEOPLE_COLUMNS)
CLUB_HEADERS = tuple(c.name for c in CLUB_COLUMNS)
OFFICIAL_HEADERS = tuple(c.name for c in OFFICIAL_COLUMNS)

# Leading characters a spreadsheet may read as the start of a formula (OWASP "CSV injection"),
# plus their full-width forms, which some spreadsheet locales also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@dataclass(frozen=True)
class Export:
    path: Path            # absolute path of the written file
    rel: str              # path relative to the output dir, e.g. "downloads/42-loei/4201-people.csv"
    format: str           # "csv" | "xlsx" | "json"
    scope: str            # "province" | district code
    kind: str             # "people" | "clubs" | "officials" | "all" (xlsx/json hold all kinds)
    size: int             # bytes
    title_th: str         # e.g. "รายชื่อ อช. และผู้นำ อช. อำเภอเมืองเลย (CSV)"


JSON_SHAPE_TH = """\
### โครงสร้างไฟล์ JSON

ไฟล์ JSON (UTF-8, ไม่มี BOM) มีสองส่วน: `meta` (คำอธิบายไฟล์) และ `districts` (รายอำเภอ เรียงตามรหัสอำเภอ)
ไฟล์ทั้งจังหวัด (`thamniap-42.json`) มีทุกอำเภอ ไฟล์รายอำเภอ (เช่น `4201.json`) มีอำเภอเดียว
วันที่ทุกช่องเป็นแบบ ISO 8601 ปี ค.ศ. (`2024-01-24`) ช่องที่ไม่มีข้อมูลเป็น `null`

```text
{
 "meta": {
  "schema_version": 1,              รุ่นของโครงสร้างนี้ (เปลี่ยนเมื่อโครงสร้างเปลี่ยนแบบไม่เข้ากันเดิม)
  "generated_from": "data/",        สร้างจากไฟล์ YAML ในโฟลเดอร์ data/ ของคลังข้อมูล
  "province": {"code": "42", "name": "เลย"},
  "sample": true,                   true เมื่อมีข้อมูลสมมุติ (ไม่ใช่บุคคลจริง) อยู่ในไฟล์ — ต้องแสดงป้าย "ข้อมูลตัวอย่าง"
  "licence": "{licence}",           สัญญาอนุญาตของข้อมูล
  "credit": "ข้อมูลเขตการปกครอง: GeoThai (CC BY 4.0)",
  "dates": "ISO 8601, ค.ศ."
 },
 "province": {                      เฉพาะไฟล์ทั้งจังหวัด (ไฟล์รายอำเภอเป็น null)
  "office": {สำนักงาน},
  "officials": [เจ้าหน้าที่],
  "club": {ชมรม/สมาคม} หรือ null
 },
 "districts": [
  {
   "code": "4201", "name": "เมืองเลย",
   "sample": true,                  ข้อมูลของอำเภอนี้เป็นข้อมูลสมมุติ
   "office": {"name", "unit", "address", "phone", "email", "website",   ข้อมูลติดต่อสำนักงาน
              "hours", "location": {"lat", "lon"} หรือ null},      เวลาทำการ; ตำแหน่งบนแผนที่ (องศา WGS 84)
   "officials": [{"id", "title", "first_name", "last_name", "position",
                  "responsible_for_volunteers", "work_phone"}],           โทรศัพท์ที่ทำงานเท่านั้น
   "club": {"kind", "name", "registration_no",
            "term": {"start", "end"},
            "appointment": {"order_no", "date", "by"},   คำสั่งแต่งตั้งคณะกรรมการ (by: ผู้ออกคำสั่ง)
            "confirmed_on", "sample",
            "posts": [{"post", "vacant", "holder_id", "holder_name", "since",
                       "appointment": {"order_no", "date", "by"} หรือ null}]} หรือ null,
                                    since: วันที่เริ่มดำรงตำแหน่ง; appointment: คำสั่งของตำแหน่งนั้นเอง
                                    (เช่น ประธานที่แต่งตั้งระหว่างวาระ) null เมื่อใช้คำสั่งของคณะกรรมการทั้งชุด
   "subdistricts": [                เรียงตามรหัสตำบล
    {"code": "420101", "name": "กุดป่อง",
     "leaders": [บุคคล],            ผู้นำ อช. ของตำบล
     "villages": [{"moo": 1, "name": "บ้าน…", "volunteers": [บุคคล]}]}   อช. ของหมู่บ้าน เรียงตามหมู่ที่
   ],
   "nominations": [{"meeting", "submitted_on",
                    "representatives": [{"id", "name"}],
                    "officials": [{"id", "name"}]}]          ผู้แทนเข้าประชุมตามหนังสือเวียน
  }
 ]
}
```

บุคคล (อช. / ผู้นำ อช.) มีเฉพาะข้อมูลที่เผยแพร่ได้:
`{"id", "title", "first_name", "last_name", "sex", "roles": [{"role", "start", "end", "end_reason"}],
"club_posts": [{"club", "post"}], "phone"}` — `sex` คือ ชาย/หญิง ตามที่กรอกหรือตามคำนำหน้านาม
(`null` ถ้าไม่ทราบ), `end_reason` คือเหตุที่พ้นจากบทบาทนั้น (ลาออก พ้นวาระ ย้ายที่อยู่ เสียชีวิต อื่น ๆ)
หรือ `null` ถ้ายังดำรงอยู่ และ `phone` มีค่าเฉพาะเมื่อเจ้าของหมายเลขยินยอมให้เผยแพร่ นอกนั้นเป็น `null`
(ให้ติดต่อผ่านสำนักงานพัฒนาชุมชนอำเภอ)
บุคคลเรียงตามลำดับในไฟล์ข้อมูลของอำเภอ
""".replace("{licence}", DATA_LICENCE)


# ------------------------------------------------------------------ small helpers

def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _text(value) -> str:
    """A cell as CSV text: None → "", bool → true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def neutralise(value: str) -> str:
    """CSV formula-injection guard: prefix ``'`` to text a spreadsheet could run as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def role_text(role: model.Role) -> str:
    """``อช. 2023-05-01–2027-04-30`` (an unknown date is left blank), then ``(พ้นจากตำแหน่ง: ลาออก)``
    for a role the person has left."""
    left = f" (พ้นจากตำแหน่ง: {role.end_reason})" if role.ended else ""
    return f"{role.role} {_iso(role.start) or ''}–{_iso(role.end) or ''}{left}"


def _district_label(district: model.District) -> str:
    return f"อำเภอ{district.name}"


def _province_label(province: model.Province) -> str:
    return f"จังหวัด{province.name}"


# ------------------------------------------------------------------ cells (shared by CSV and Excel)

def _part_text(part) -> str:
    if isinstance(part, model.Role):
        return role_text(part)
    return f"{part.post} ({part.club})"   # a HeldPost


def cell(value):
    """A row field as a CSV/Excel cell: a date in ISO 8601, several roles or posts joined with "; ";
    text, numbers, booleans and None as they are."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "; ".join(_part_text(part) for part in value)
    return value


def table(columns: tuple[Column, ...], rows: Iterable) -> list[list]:
    """Rows of named fields (derive/exports.py) as cells in the order of COLUMNS."""
    return [[cell(getattr(row, column.field)) for column in columns] for row in rows]


# ------------------------------------------------------------------ CSV

def csv_bytes(headers: Iterable[str], rows: Iterable[list]) -> bytes:
    """UTF-8 with BOM, CRLF, Thai header row, every text cell formula-guarded, national IDs masked."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)  # "excel" dialect: "\r\n", quotes only where needed
    writer.writerow(list(headers))
    for row in rows:
        writer.writerow([neutralise(_text(v)) for v in row])
    # masked over the whole text: one pass, and CSV quoting never splits a number
    return mask_national_ids(buf.getvalue()).encode("utf-8-sig")


# ------------------------------------------------------------------ Excel

def _display_width(value) -> int:
    """Roughly how many character cells a value takes (Thai marks above/below take none)."""
    return _text_width(_text(value))


@lru_cache(maxsize=65536)
def _text_width(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


WIDTH_SAMPLE_ROWS = 300


def xlsx_bytes(sheets: list[tuple[str, tuple[str, ...], list[list]]], title: str,
               when: dt.date) -> bytes:
    """An Excel workbook, one sheet per (name, headers, rows); identical bytes for identical input.

    Text cells are inline strings (never formulas); a cell that starts like a formula keeps its
    text and gets Excel's quote-prefix marker. Written by thamniap.render.xlsx (fast, no openpyxl)."""
    from thamniap.render import xlsx
    prepared = []
    for name, headers, rows in sheets:
        sample = rows[:WIDTH_SAMPLE_ROWS]  # widths are cosmetic: the first rows tell them well enough
        widths = [min(max(max([_display_width(header)] + [_display_width(r[i]) for r in sample]) + 2, 6), 60)
                  for i, header in enumerate(headers)]
        rows = [[mask_national_ids(v) if isinstance(v, str) else v for v in row] for row in rows]
        prepared.append((name, list(headers), rows, widths))
    stamp = dt.datetime(when.year, when.month, when.day)
    return xlsx.workbook_bytes(prepared, title, stamp, quoted=lambda v: v.startswith(FORMULA_START))


def _about_rows(sample: bool, title: str) -> list[list]:
    """The workbook's last sheet: what the file is, its licence and the credit CC BY asks for."""
    return [
        ["ชื่อข้อมูล", title],
        ["ข้อมูลตัวอย่าง", sample],
        ["ที่มา", "ไฟล์ข้อมูล (YAML) ในโฟลเดอร์ data/ ของทำเนียบ ซึ่งอำเภอเป็นผู้กรอก"],
        ["รูปแบบวันที่", DATES_NOTE],
        ["สัญญาอนุญาต", LICENCE_STATEMENT],
        ["ข้อความของสัญญาอนุญาต", LICENCE_URL],
        ["เครดิต", GEO_CREDIT],
        ["โทรศัพท์ส่วนตัว", "แสดงเฉพาะผู้ที่ยินยอมให้เผยแพร่ นอกนั้นติดต่อผ่านสำนักงานพัฒนาชุมชนอำเภอ"],
    ]


# ------------------------------------------------------------------ JSON

def _person_json(person: model.Person, held: dict[str, list[HeldPost]]) -> dict:
    return {
        "id": person.id,
        "title": person.title,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "sex": person.sex,
        "roles": [{"role": r.role, "start": _iso(r.start), "end": _iso(r.end), "end_reason": r.end_reason}
                  for r in person.roles],
        "club_posts": [{"club": h.club, "post": h.post} for h in held.get(person.id, [])],
        "phone": public_phone(person),
    }


def _official_json(person: model.Person) -> dict:
    return {
        "id": person.id,
        "title": person.title,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "position": person.position,
        "responsible_for_volunteers": person.responsible,
        "work_phone": person.work_phone,
    }


def _office_json(office: model.Office | None) -> dict | None:
    if office is None:
        return None
    position = office.position
    return {**{k: getattr(office, k) for k in ("name", "unit", "address", "phone", "email", "website", "hours")},
            "location": {"lat": position[0], "lon": position[1]} if position else None}


def _club_json(club: model.Club | None, index: dict[str, model.Person]) -> dict | None:
    if club is None:
        return None
    posts = []
    for post in club.posts:
        holder = None if post.vacant or not post.holder_id else index.get(post.holder_id)
        posts.append({
            "post": post.post,
            "vacant": post.vacant,
            "holder_id": None if post.vacant else post.holder_id,
            "holder_name": holder.name if holder else None,
            "since": None if post.vacant else _iso(post.since),   # the holder's start; none for a vacant seat
            "appointment": ({"order_no": post.order_no, "date": _iso(post.order_date), "by": post.order_by}
                            if post.order_no else None),
        })
    return {
        "kind": club.kind,
        "name": club.name,
        "registration_no": club.registration_no,
        "term": {"start": _iso(club.term_start), "end": _iso(club.term_end)},
        "appointment": {"order_no": club.order_no, "date": _iso(club.order_date), "by": club.order_by},
        "confirmed_on": _iso(club.latest_confirmed),
        "sample": club.sample,
        "posts": posts,
    }


def _ref_json(pid: str, index: dict[str, model.Person]) -> dict:
    person = index.get(pid)
    return {"id": pid, "name": person.name if person else None}


def _district_json(district: model.District, held, index) -> dict:
    subs = sorted(district.subdistricts or [], key=lambda s: s.code)
    return {
        "code": district.code,
        "name": district.name,
        "sample": district.sample,
        "office": _office_json(district.office),
        "officials": [_official_json(o) for o in district.officials],
        "club": _club_json(district.club, index),
        "subdistricts": [{
            "code": sub.code,
            "name": sub.name,
            "leaders": [_person_json(p, held) for p in sub.leaders],
            "villages": [{
                "moo": v.moo,
                "name": v.name,
                "volunteers": [_person_json(p, held) for p in v.volunteers],
            } for v in sorted(sub.villages, key=lambda v: v.moo)],
        } for sub in subs],
        "nominations": [{
            "meeting": n.meeting,
            "submitted_on": _iso(n.submitted_on),
            "representatives": [_ref_json(pid, index) for pid, _ in n.representatives],
            "officials": [_ref_json(pid, index) for pid, _ in n.officials],
        } for n in sorted(district.nominations or [], key=lambda n: n.meeting)],
    }


def json_bytes(province: model.Province, districts: list[model.District], whole: bool, sample: bool) -> bytes:
    held = posts_by_holder(province)
    index = province.person_index()
    doc = {
        "meta": {
            "schema_version": SCHEMA_VERSION,
            "generated_from": GENERATED_FROM,
            "province": {"code": province.code, "name": province.name},
            "sample": sample,
            "licence": DATA_LICENCE,
            "credit": GEO_CREDIT,
            "dates": DATES_NOTE,
        },
        "province": {
            "office": _office_json(province.office),
            "officials": [_official_json(o) for o in province.officials],
            "club": _club_json(province.club, index),
        } if whole else None,
        "districts": [_district_json(d, held, index) for d in sorted(districts, key=lambda d: d.code)],
    }
    # Compact: json's C encoder runs only without `indent` (5 s → 0.3 s for the largest province).
    # National IDs masked over the whole text (JSON leaves digits and separators as they are).
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return (mask_national_ids(text) + "\n").encode("utf-8")


# ------------------------------------------------------------------ writing

@dataclass(frozen=True)
class Download:
    """One download file's bytes and what it is, before anything is written (build/exports.py writes it)."""
    rel: str              # path relative to the output dir, e.g. "downloads/42-loei/4201-people.csv"
    data: bytes
    format: str           # "csv" | "xlsx" | "json"
    scope: str            # "province" | district code
    kind: str             # "people" | "clubs" | "officials" | "all"
    title_th: str


def province_downloads(province: model.Province, scopes: set[str] | None = None) -> list[Download]:
    """Every download file of PROVINCE, as bytes: the province-wide files, then each district's (by
    code); SCOPES ("province" and/or district codes) limits it to those files."""
    rows = ExportRows(province)
    base = f"{DOWNLOADS}/{province.folder.name}"
    out: list[Download] = []
    where_p = _province_label(province)

    def bundle(scope: str, stem: str, districts: list[model.District], whole: bool, where: str,
               files: dict[str, str]) -> None:
        if scopes is not None and scope not in scopes:
            return
        people = table(PEOPLE_COLUMNS, rows.people(districts))
        clubs = table(CLUB_COLUMNS, rows.clubs(districts, with_province=whole))
        officials = table(OFFICIAL_COLUMNS, rows.officials(districts, with_province=whole))
        sample = is_sample(province, districts, whole)
        t_people = f"รายชื่อ อช. และผู้นำ อช. {where}"
        t_clubs = (f"คณะกรรมการชมรม/สมาคมผู้นำ อช. {where}" if whole
                   else f"คณะกรรมการชมรมผู้นำ อช. {where}")
        t_officials = f"เจ้าหน้าที่พัฒนาชุมชน {where}"
        t_all = f"ทำเนียบ อช. ผู้นำ อช. ชมรม และเจ้าหน้าที่ {where}"
        if "people" in files:
            out.append(Download(f"{base}/{files['people']}", csv_bytes(PEOPLE_HEADERS, people),
                                "csv", scope, "people", f"{t_people} (CSV)"))
        if "clubs" in files:
            out.append(Download(f"{base}/{files['clubs']}", csv_bytes(CLUB_HEADERS, clubs),
                                "csv", scope, "clubs", f"{t_clubs} (CSV)"))
        if "officials" in files:
            out.append(Download(f"{base}/{files['officials']}", csv_bytes(OFFICIAL_HEADERS, officials),
                                "csv", scope, "officials", f"{t_officials} (CSV)"))
        sheets = [(SHEET_PEOPLE, PEOPLE_HEADERS, people), (SHEET_CLUBS, CLUB_HEADERS, clubs),
                  (SHEET_OFFICIALS, OFFICIAL_HEADERS, officials),
                  (SHEET_ABOUT, ("หัวข้อ", "รายละเอียด"), _about_rows(sample, t_all))]
        out.append(Download(f"{base}/{stem}.xlsx",
                            xlsx_bytes(sheets, t_all, data_date(province, districts, whole)),
                            "xlsx", scope, "all", f"{t_all} (Excel)"))
        out.append(Download(f"{base}/{stem}.json", json_bytes(province, districts, whole, sample),
                            "json", scope, "all", f"{t_all} (JSON)"))

    bundle("province", f"thamniap-{province.code}", list(province.districts), True, where_p,
           {"people": "people.csv", "clubs": "clubs.csv", "officials": "officials.csv"})
    for district in sorted(province.districts, key=lambda d: d.code):
        bundle(district.code, district.code, [district], False, _district_label(district),
               {"people": f"{district.code}-people.csv", "clubs": f"{district.code}-club.csv"})
    return out
