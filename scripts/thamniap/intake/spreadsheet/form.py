"""The Excel form of a district's roster: its sheets and columns, what each column may hold (read
from schemas/roster.schema.json, never copied), and how a problem in it is located.

Layout (one row = one role of one person):

* sheet "อช."        — volunteers, placed in a village (ตำบล + หมู่ที่)
* sheet "ผู้นำ อช."   — leaders, placed in a subdistrict
* sheet "ตำบล"        — reference list of subdistrict codes (the drop-down of รหัสตำบล); not imported
* sheet "คำอธิบาย"    — instructions; not imported

The sheet says where a person is listed in its roster file (`leaders` of a subdistrict or `volunteers` of
a village); the บทบาท column says which role the row is (empty = the sheet's role). A person with
several roles or terms has several rows with the same รหัสบุคคล on the same sheet; the first row
carries the person's details (later rows may leave them empty, or must repeat them exactly).
New people leave รหัสบุคคล empty (or use a temporary label starting with ใหม่ to tie several rows
together) and get the next free id `<district>-NNNN`.

A problem in a workbook is a core.diagnostics.Diagnostic like any other: its path is the file and
the place in it as Excel names it (`form.xlsx: อช.!K14 (ชื่อ)`), its line the row and its column the
column number; core.report.place_text prints it.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass, field

from thamniap.core.diagnostics import Diagnostic, Severity
from thamniap.core.names import TITLES
from thamniap.load.schema import schema_text
from thamniap.model import LEADER, VOLUNTEER

VOLUNTEER_SHEET = "อช."
LEADER_SHEET = "ผู้นำ อช."
SUBDISTRICT_SHEET = "ตำบล"
HELP_SHEET = "คำอธิบาย"
PEOPLE_SHEETS = (VOLUNTEER_SHEET, LEADER_SHEET)      # the imported sheets, in the order problems are listed

TEMP_ID_PREFIX = "ใหม่"
MAX_CELL_TEXT = 1000     # longer text is refused unread: no check (nor message) ever sees a huge string
MAX_ERRORS = 1000        # reading stops after this many: more lines would not help anyone fix the form

# column key -> header. The key is what the importer works with; headers are matched by text, so
# a district may reorder columns. Role (บทบาท) is optional on import (empty = the sheet's role).
HEADERS = {
    "id": "รหัสบุคคล", "sub_code": "รหัสตำบล", "sub_name": "ตำบล", "moo": "หมู่ที่",
    "village": "ชื่อหมู่บ้าน", "title": "คำนำหน้า", "first_name": "ชื่อ", "last_name": "นามสกุล",
    "sex": "เพศ", "role": "บทบาท", "start": "วันเริ่มวาระ", "end": "วันสิ้นสุดวาระ",
    "end_reason": "เหตุที่พ้นจากตำแหน่ง", "end_note": "รายละเอียดเหตุที่พ้น",
    "phone": "โทรศัพท์", "consent_date": "วันที่ยินยอม", "consent_method": "วิธียินยอม",
    "note": "หมายเหตุ",
}
VOLUNTEER_KEYS = ("id", "sub_code", "sub_name", "moo", "village", "title", "first_name", "last_name",
                  "sex", "role", "start", "end", "end_reason", "end_note", "phone", "consent_date",
                  "consent_method", "note")
LEADER_KEYS = tuple(k for k in VOLUNTEER_KEYS if k not in ("moo", "village"))
SHEET_KEYS = {VOLUNTEER_SHEET: VOLUNTEER_KEYS, LEADER_SHEET: LEADER_KEYS}
SHEET_ROLE = {VOLUNTEER_SHEET: VOLUNTEER, LEADER_SHEET: LEADER}
OPTIONAL_KEYS = {"role"}
PERSON_KEYS = ("id", "title", "first_name", "last_name", "sex", "role", "start", "end", "end_reason", "end_note",
               "phone", "consent_date", "consent_method", "note")
# details a person's later rows may leave empty, or must repeat exactly
DETAIL_KEYS = ("sub_code", "moo", "title", "first_name", "last_name", "sex", "phone",
               "consent_date", "consent_method", "note")
DATE_KEYS = ("start", "end", "consent_date")

# column key -> where its value goes in a subdistrict's roster file ("*": any item of a list). A
# volunteer's path; a leader is the same person schema under `leaders`.
_SUBDISTRICT = ()
_VILLAGE = _SUBDISTRICT + ("villages", "*")
_PERSON = _VILLAGE + ("volunteers", "*")
ROSTER_PATHS = {
    "id": _PERSON + ("id",), "sub_code": _SUBDISTRICT + ("code",), "sub_name": _SUBDISTRICT + ("name",),
    "moo": _VILLAGE + ("moo",), "village": _VILLAGE + ("name",), "title": _PERSON + ("title",),
    "first_name": _PERSON + ("first_name",), "last_name": _PERSON + ("last_name",), "sex": _PERSON + ("sex",),
    "role": _PERSON + ("roles", "*", "role"), "start": _PERSON + ("roles", "*", "start"),
    "end": _PERSON + ("roles", "*", "end"), "end_reason": _PERSON + ("roles", "*", "end_reason"),
    "end_note": _PERSON + ("roles", "*", "end_note"), "phone": _PERSON + ("phone",),
    "consent_date": _PERSON + ("phone_consent", "date"), "consent_method": _PERSON + ("phone_consent", "method"),
    "note": _PERSON + ("note",),
}

# ---------------------------------------------------------------- what a column may hold

@lru_cache(maxsize=None)
def _schema_file(name: str) -> dict:
    return json.loads(schema_text(name))


def _followed(node: dict, file: str) -> tuple[dict, str]:
    """NODE with its `$ref`s followed (the referring node's own keys, such as title, win), and the
    schema file the result is in (a `#/…` reference is relative to it)."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target or file
        found = _schema_file(file)
        for part in pointer.strip("/").split("/"):
            found = found[part]
        node = {**found, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, file


@lru_cache(maxsize=None)
def column_schema(key: str) -> dict:
    """The roster schema of column KEY's value (format, maxLength, enum, pattern, minimum …)."""
    node, file = _followed(_schema_file("roster.schema.json"), "roster.schema.json")
    for step in ROSTER_PATHS[key]:
        node, file = _followed(node["items"] if step == "*" else node["properties"][step], file)
    return node


def max_length(key: str) -> int | None:
    return column_schema(key).get("maxLength")


def longest_text() -> int:
    """The longest text any column takes (the note and the other one-line texts)."""
    return max(n for k in HEADERS if (n := max_length(k)) is not None)


def allowed(key: str) -> tuple:
    """The values the schema allows for KEY (sex, role)."""
    return tuple(column_schema(key)["enum"])


def bounds(key: str) -> tuple[int, int]:
    spec = column_schema(key)
    return spec["minimum"], spec["maximum"]


PERSON_ID = re.compile(column_schema("id")["pattern"])
SEXES = allowed("sex")
ROLES = allowed("role")
END_REASONS = allowed("end_reason")
# The drop-down offers the usual titles; other known titles (ranks in full) may still be typed.
COMMON_TITLES = tuple(t for t in ("นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "สิบเอก",
                                  "จ่าสิบเอก", "ดาบตำรวจ", "ดร.") if t in TITLES)


# ---------------------------------------------------------------- where a problem is

def cell_ref(sheet: str, row: int = 0, column: int = 0) -> str:
    """How Excel names a place: `อช.!K14`, `'ผู้นำ อช.'!3:3` (a row), `อช.` (a sheet); "" for none."""
    from openpyxl.utils import get_column_letter
    if not sheet:
        return ""
    name = f"'{sheet}'" if " " in sheet else sheet
    if not row:
        return name
    return f"{name}!{get_column_letter(column)}{row}" if column else f"{name}!{row}:{row}"


@dataclass
class Row:
    """One row of a people sheet as read (intake/spreadsheet/cells.py): cleaned values by key."""
    sheet: str
    number: int
    values: dict                       # key -> cleaned value (str / int / None)
    columns: dict                      # key -> column index (1-based)
    bad: set = field(default_factory=set)   # keys whose cell was refused (reported; value None)

    @property
    def role(self) -> str:
        return self.values.get("role") or SHEET_ROLE[self.sheet]


def row_ref(row: Row, key: str = "id") -> str:
    """`อช.!A14`: the row, shown at its รหัสบุคคล cell (or KEY's)."""
    return cell_ref(row.sheet, row.number, row.columns.get(key, 1))


class Collector:
    """Every problem of one workbook, each a Diagnostic at its sheet, cell and column; `issues` lists
    them in the form's order (sheet อช., sheet ผู้นำ อช., other places; then row and column)."""

    def __init__(self, book: str):
        self.book = book               # the file name, as the problems show it
        self._found: list[tuple[tuple, Diagnostic]] = []
        self.error_count = 0
        self.stopped = False           # reading stopped early (MAX_ERRORS, row limit): later rows unchecked

    def add(self, rule: str, sheet: str, row: int, column: int, header: str, message: str, hint: str = "",
            severity: Severity = Severity.ERROR) -> None:
        place = cell_ref(sheet, row, column) + (f" ({header})" if header else "")
        found = Diagnostic(f"{self.book}: {place}" if place else self.book, row, column, rule, severity,
                           message, hint)
        order = PEOPLE_SHEETS.index(sheet) if sheet in PEOPLE_SHEETS else len(PEOPLE_SHEETS)
        self._found.append(((order, row, column, sheet, header, found.is_error, message, hint), found))
        self.error_count += found.is_error

    def at(self, row: Row, key: str, rule: str, message: str, hint: str = "",
           severity: Severity = Severity.ERROR) -> None:
        """A problem at the cell of column KEY in ROW (the row alone when the sheet has no such column)."""
        self.add(rule, row.sheet, row.number, row.columns.get(key, 0), HEADERS[key], message, hint, severity)

    def __len__(self) -> int:
        return len(self._found)

    @property
    def issues(self) -> list[Diagnostic]:
        return [d for _, d in sorted(self._found, key=lambda found: found[0])]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.issues if d.is_error]
