"""A district's own roster workbook (any shape it already keeps) read into plain people entries.

Districts keep rosters in spreadsheets of their own making: one sheet per subdistrict or one for the
whole district; title and name in one cell or three; village number and name in one cell or two; dates
in พ.ศ., often in Thai digits or with month abbreviations (`๑ ต.ค. ๒๕๖๖`). This module reads the header
row of each sheet, proposes which column holds which field (`propose`), lets the caller change the
proposal (`Mapping`), and reads every row into a `RosterEntry` or a problem located at its sheet, row and
column (the same Diagnostic as the project's own form, via form.Collector). Dates go through the one
date reader officials' typed dates use (core.dates.read_thai_date); names through core.names.
The workbook passes guard.check_workbook before openpyxl opens it.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.core.dates import read_thai_date
from thamniap.core.digits import to_arabic_digits
from thamniap.core.names import check_person_name, is_known_title, split_title_prefix, title_sex
from thamniap.core.problem import WARNING_CODES
from thamniap.core.text import fix_line_text
from thamniap.intake.spreadsheet import guard
from thamniap.intake.spreadsheet.form import MAX_CELL_TEXT, Collector, bounds
from thamniap.model import LEADER, VOLUNTEER

# field key -> (what it is, in Thai; header texts that usually mean it, compared without spaces)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "full_name": ("คำนำหน้า ชื่อ และนามสกุลในช่องเดียว",
                  ("ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อสกุล", "ชื่อ/สกุล",
                   "คำนำหน้า-ชื่อ-สกุล", "ชื่อ-สกุลอช.")),
    "title": ("คำนำหน้า", ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำ")),
    "first_name": ("ชื่อ", ("ชื่อ", "ชื่อตัว")),
    "last_name": ("นามสกุล", ("นามสกุล", "สกุล")),
    "subdistrict": ("ตำบล (ชื่อหรือรหัส)", ("ตำบล", "ชื่อตำบล", "ต.", "รหัสตำบล")),
    "moo": ("หมู่ที่", ("หมู่ที่", "หมู่", "ม.", "ม")),
    "village": ("ชื่อหมู่บ้าน", ("ชื่อหมู่บ้าน", "บ้าน", "ชื่อบ้าน")),
    "place": ("หมู่ที่และชื่อหมู่บ้านในช่องเดียว", ("หมู่บ้าน", "หมู่ที่/บ้าน", "หมู่ที่/หมู่บ้าน", "ที่อยู่หมู่บ้าน")),
    "role": ("บทบาท (อช. หรือ ผู้นำ อช.)", ("บทบาท", "ประเภท", "ตำแหน่ง", "สถานะ")),
    "sex": ("เพศ", ("เพศ",)),
    "start": ("วันเริ่มวาระ", ("วันเริ่มวาระ", "วันที่เริ่มวาระ", "เริ่มวาระ", "วันที่ได้รับเลือก",
                               "วันที่ได้รับการคัดเลือก", "วันเริ่ม", "วันที่แต่งตั้ง", "วันที่เริ่ม")),
    "end": ("วันสิ้นสุดวาระ", ("วันสิ้นสุดวาระ", "สิ้นสุดวาระ", "วันหมดวาระ", "หมดวาระ", "วันสิ้นสุด",
                               "วันครบวาระ", "ครบวาระ", "วันที่สิ้นสุด")),
}
NAME_KEYS = ("full_name", "first_name")
HEADER_SEARCH_ROWS = 10          # the header row is among a sheet's first rows (a title line may come first)
ROLE_WORDS = {LEADER: ("ผู้นำอช.", "ผู้นำอาสาพัฒนาชุมชน", "ผู้นำ"), VOLUNTEER: ("อช.", "อาสาพัฒนาชุมชน", "อาสา")}
SEX_WORDS = {"ชาย": "ชาย", "ช": "ชาย", "ช.": "ชาย", "หญิง": "หญิง", "ญ": "หญิง", "ญ.": "หญิง"}
_PLACE = re.compile(r"^(?:หมู่ที่|หมู่|ม\.)?\s*([0-9]{1,2})\s*[,/\-]?\s*(.*)$")


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", str(text or ""))


@dataclass
class SheetColumns:
    """One sheet's header row and which column (1-based) holds which field."""
    sheet: str
    header_row: int
    headers: dict[int, str]              # column -> header text as written
    columns: dict[str, int] = field(default_factory=dict)   # field key -> column

    def unused(self) -> list[int]:
        return [c for c in self.headers if c not in self.columns.values()]


@dataclass(frozen=True)
class RosterEntry:
    """One person of the workbook, as the roster files will list them."""
    sheet: str
    row: int
    subdistrict: str                     # subdistrict code
    role: str                            # อช. or ผู้นำ อช.
    title: str
    first_name: str
    last_name: str
    sex: str | None
    start: str                           # ISO dates (ค.ศ.)
    end: str
    moo: int | None = None
    village: str | None = None


class MappingError(ValueError):
    """A `--map` the command cannot use (Thai message)."""


def field_key(word: str) -> str:
    """A field named by its key (first_name) or its Thai words (ชื่อ); MappingError when unknown."""
    if word in FIELDS:
        return word
    for key, (label, _) in FIELDS.items():
        if squeezed(word) == squeezed(label):
            return key
    raise MappingError(f"ไม่รู้จักช่อง `{word}` — ใช้: " + ", ".join(f"{k} ({label})" for k, (label, _) in FIELDS.items()))


def parse_mapping(items: list[str]) -> dict[str, str]:
    """`--map first_name=C` / `--map ชื่อ=ชื่อตัว` / `--map place=-` as {field key: column letter, header or '-'}."""
    out = {}
    for item in items:
        key, sep, column = item.partition("=")
        if not sep or not column.strip():
            raise MappingError(f"`--map {item}` ต้องเขียนแบบ ช่อง=คอลัมน์ เช่น first_name=C หรือ ชื่อ=ชื่อตัว (หรือ =- เพื่อไม่ใช้)")
        out[field_key(key.strip())] = column.strip()
    return out


# ---------------------------------------------------------------- the proposal

def propose(headers: dict[int, str]) -> dict[str, int]:
    """Field key -> column for a header row: the header text that usually means each field."""
    by_text = {squeezed(t): c for c, t in sorted(headers.items(), reverse=True)}   # the first column wins
    out: dict[str, int] = {}
    for key, (_, words) in FIELDS.items():
        for word in words:
            if squeezed(word) in by_text and by_text[squeezed(word)] not in out.values():
                out[key] = by_text[squeezed(word)]
                break
    if "place" in out and "moo" in out and "village" not in out:     # หมู่ที่ has its own column: หมู่บ้าน is the name
        out["village"] = out.pop("place")
    if "full_name" in out and ("first_name" in out or "last_name" in out):
        out.pop("full_name")
    return out


def apply_mapping(sheet: SheetColumns, mapping: dict[str, str]) -> None:
    """SHEET's proposal changed by MAPPING (a column letter, a header text, or '-' for none)."""
    from openpyxl.utils import column_index_from_string
    for key, column in mapping.items():
        sheet.columns.pop(key, None)
        if column == "-":
            continue
        if re.fullmatch(r"[A-Za-z]{1,3}", column):
            at = column_index_from_string(column.upper())
        else:
            found = [c for c, t in sheet.headers.items() if squeezed(t) == squeezed(column)]
            if not found:
                continue                 # this sheet has no such header; another may
            at = found[0]
        for other in [k for k, c in sheet.columns.items() if c == at]:
            sheet.columns.pop(other)
        sheet.columns[key] = at


def _header_row(rows: list[tuple]) -> tuple[int, dict[int, str]]:
    """(row number, column -> text) of the row among the first ones that names most known fields; the
    first non-empty row when none names any (its rows are then reported, never skipped); (0, {}) for
    an empty sheet."""
    best = (0, 0, {})
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        texts = {i: str(v).strip() for i, v in enumerate(cells, start=1) if v is not None and str(v).strip()}
        score = len(propose(texts))
        if score > best[0] or (texts and not best[1]):
            best = (score, number, texts)
    return best[1], best[2]


# ---------------------------------------------------------------- the workbook

@dataclass
class RosterBook:
    sheets: list[SheetColumns]
    rows: dict[str, list[tuple]]         # sheet -> every row's values (row 1 first)


def read_book(path: Path, out: Collector) -> RosterBook | None:
    """Every visible sheet's rows and header proposal; None (problems in OUT) when the file is refused."""
    refusals = guard.check_workbook(path)
    for r in refusals:
        out.add("xlsx.refused", r.place, r.row, r.column, "", r.message, r.hint)
    if refusals:
        return None
    import openpyxl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:         # openpyxl on untrusted XML: any failure means unreadable
            out.add("xlsx.unreadable", "", 0, 0, "", f"เปิดไฟล์เป็น Excel (.xlsx) ไม่ได้: {type(exc).__name__}",
                    "บันทึกไฟล์เป็น Excel Workbook (.xlsx)")
            return None
        try:
            rows = {name: [tuple(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames}
        finally:
            book.close()
    sheets = []
    for name, values in rows.items():
        number, headers = _header_row(values)
        if number:
            sheets.append(SheetColumns(name, number, headers, propose(headers)))
    return RosterBook(sheets, rows)


def proposal_lines(book: RosterBook) -> list[str]:
    """The proposal in Thai, one line per column, with the `--map` that would change it."""
    from openpyxl.utils import get_column_letter
    lines = []
    for sheet in book.sheets:
        lines.append(f"แผ่นงาน {sheet.sheet} (หัวคอลัมน์แถวที่ {sheet.header_row}):")
        for key, column in sorted(sheet.columns.items(), key=lambda kc: kc[1]):
            letter = get_column_letter(column)
            lines.append(f"  คอลัมน์ {letter} `{sheet.headers.get(column, '')}` → {FIELDS[key][0]}  (--map {key}={letter})")
        for column in sheet.unused():
            lines.append(f"  คอลัมน์ {get_column_letter(column)} `{sheet.headers[column]}` → ไม่นำเข้า")
    return lines


# ---------------------------------------------------------------- the rows

def read_entries(book: RosterBook, subdistricts: dict[str, str], out: Collector) -> list[RosterEntry]:
    """Every data row as a RosterEntry; a row that cannot be placed is reported at its cells.
    SUBDISTRICTS: code -> name of the district's subdistricts."""
    entries = []
    for sheet in book.sheets:
        data = [(n, r) for n, r in enumerate(book.rows[sheet.sheet], start=1)
                if n > sheet.header_row and any(v is not None and str(v).strip() for v in r)]
        if not data:
            continue
        if not any(k in sheet.columns for k in NAME_KEYS):
            out.add("xlsx.header", sheet.sheet, sheet.header_row, 0, "",
                    "ไม่รู้ว่าคอลัมน์ใดเป็นชื่อ จึงนำเข้าแผ่นงานนี้ไม่ได้",
                    "บอกคอลัมน์ด้วย --map เช่น --map full_name=B (ชื่อเต็มช่องเดียว) หรือ --map first_name=C")
            continue
        sheet_sub = _subdistrict_of_sheet(sheet.sheet, subdistricts)
        for number, values in data:
            entry = _RowReader(sheet, number, values, out).entry(subdistricts, sheet_sub)
            if entry is not None:
                entries.append(entry)
    return entries


def _subdistrict_of_sheet(name: str, subdistricts: dict[str, str]) -> str | None:
    bare = squeezed(name).removeprefix("ตำบล").removeprefix("ต.")
    return next((code for code, sub in subdistricts.items() if squeezed(sub) == bare), None)


class _RowReader:
    """One data row: each field read from its column, problems reported at that cell."""

    def __init__(self, sheet: SheetColumns, number: int, values: tuple, out: Collector):
        self.sheet, self.number, self.values, self.out = sheet, number, values, out
        self.ok = True

    def text(self, key: str) -> str | None:
        column = self.sheet.columns.get(key)
        if column is None or column > len(self.values) or self.values[column - 1] is None:
            return None
        value = self.values[column - 1]
        if isinstance(value, (dt.date, dt.datetime)):
            return value
        text = fix_line_text(str(value)).strip()
        if len(text) > MAX_CELL_TEXT:
            self.bad(key, f"ข้อความยาว {len(text):,} ตัวอักษร", "ย่อให้สั้นลง")
            return None
        return text or None

    def bad(self, key: str, message: str, hint: str = "", rule: str = "xlsx.cell") -> None:
        column = self.sheet.columns.get(key, 0)
        self.out.add(rule, self.sheet.sheet, self.number, column, self.sheet.headers.get(column, FIELDS[key][0]),
                     message, hint)
        self.ok = False

    def required(self, key: str, what: str, hint: str) -> None:
        self.bad(key, f"ไม่มี{what}", hint, "xlsx.required")

    def entry(self, subdistricts: dict[str, str], sheet_sub: str | None) -> RosterEntry | None:
        title, first, last = self.name()
        sub = self.subdistrict(subdistricts, sheet_sub)
        role = self.role()
        moo, village = self.place() if role == VOLUNTEER else (None, None)
        sex = self.sex(title)
        start, end = self.date("start"), self.date("end")
        if start and end and end <= start:
            self.bad("end", f"วันสิ้นสุดวาระ {end} ไม่หลังวันเริ่มวาระ {start}", "ตรวจวันที่ทั้งสองช่อง", "xlsx.term")
        if not self.ok:
            return None
        return RosterEntry(self.sheet.sheet, self.number, sub, role, title, first, last, sex, start, end, moo, village)

    def name(self) -> tuple[str | None, str | None, str | None]:
        if "full_name" in self.sheet.columns:
            full = self.text("full_name")
            if not full:
                self.required("full_name", "ชื่อ", "ใส่คำนำหน้า ชื่อ และนามสกุล เช่น นายสมชาย ใจดี")
                return None, None, None
            titles, rest = split_title_prefix(full)
            parts = rest.split()
            if not titles or len(parts) < 2:
                self.bad("full_name", f"แยกคำนำหน้า ชื่อ และนามสกุลจาก `{full}` ไม่ได้",
                         "เขียนแบบ นายสมชาย ใจดี (คำนำหน้าติดชื่อ เว้นวรรคก่อนนามสกุล) หรือแยกเป็นสามคอลัมน์")
                return None, None, None
            title, first, last = "".join(titles), parts[0], " ".join(parts[1:])
            keys = ("full_name", "full_name")
        else:
            title, first, last = self.text("title"), self.text("first_name"), self.text("last_name")
            if not title and first:                      # the title may be typed into the name
                titles, rest = split_title_prefix(first)
                if titles:
                    title, first = "".join(titles), rest
            keys = ("first_name", "last_name")
            if not title:
                self.required("title" if "title" in self.sheet.columns else "first_name", "คำนำหน้า", "เช่น นาย นาง นางสาว")
            if not first:
                self.required("first_name", "ชื่อ", "ใส่ชื่อของบุคคลนี้")
            if not last:
                self.required("last_name" if "last_name" in self.sheet.columns else "first_name", "นามสกุล",
                              "ใส่นามสกุล (หรือบอกคอลัมน์นามสกุลด้วย --map last_name=…)")
        if title and not is_known_title(title):
            self.bad("title" if "title" in self.sheet.columns else keys[0], f"ไม่รู้จักคำนำหน้า `{title}`",
                     "ใช้คำนำหน้าทางการ เช่น นาย นาง นางสาว ว่าที่ร้อยตรี")
        for value, key, kind in ((first, keys[0], "first_name"), (last, keys[1], "last_name")):
            for problem in check_person_name(value, kind) if value else ():
                if problem.code not in WARNING_CODES:
                    self.bad(key, problem.message, problem.hint)
        return title, first, last

    def subdistrict(self, subdistricts: dict[str, str], sheet_sub: str | None) -> str | None:
        given = self.text("subdistrict")
        if given is None:
            if sheet_sub is None:
                self.required("subdistrict", "ตำบล", f"ใส่คอลัมน์ตำบล หรือตั้งชื่อแผ่นงานเป็นชื่อตำบล "
                              f"({', '.join(subdistricts.values())})")
            return sheet_sub
        text = to_arabic_digits(str(given))
        if text in subdistricts:
            return text
        bare = squeezed(text).removeprefix("ตำบล").removeprefix("ต.")
        found = [c for c, n in subdistricts.items() if squeezed(n) == bare]
        if not found:
            self.bad("subdistrict", f"ไม่พบตำบล `{given}` ในอำเภอนี้", "ตำบลของอำเภอนี้: " + ", ".join(subdistricts.values()),
                     "xlsx.place")
            return None
        return found[0]

    def role(self) -> str:
        given = self.text("role")
        if given is None:
            return VOLUNTEER if "role" not in self.sheet.columns else self._no_role()
        word = squeezed(given)
        for role, words in ROLE_WORDS.items():          # ผู้นำ first: "ผู้นำ อช." also ends with อช.
            if any(word == w or word.startswith(w) for w in words):
                return role
        self.bad("role", f"ไม่รู้จักบทบาท `{given}`", "ใช้ อช. หรือ ผู้นำ อช.", "xlsx.not-allowed")
        return VOLUNTEER

    def _no_role(self) -> str:
        self.required("role", "บทบาท", "ใส่ อช. หรือ ผู้นำ อช.")
        return VOLUNTEER

    def place(self) -> tuple[int | None, str | None]:
        if "place" in self.sheet.columns:
            given = self.text("place")
            m = _PLACE.match(to_arabic_digits(str(given or "")).strip())
            if not given or not m or not m[2].strip():
                self.bad("place", f"แยกหมู่ที่และชื่อหมู่บ้านจาก `{given or ''}` ไม่ได้",
                         "เขียนแบบ หมู่ที่ 3 บ้านนาอ้อ หรือแยกเป็นสองคอลัมน์", "xlsx.place")
                return None, None
            return self._moo(int(m[1]), "place"), m[2].strip()
        moo_text, village = self.text("moo"), self.text("village")
        if moo_text is None:
            self.required("moo", "หมู่ที่", "อช. ต้องระบุหมู่บ้าน: หมู่ที่ และชื่อหมู่บ้าน")
        if village is None:
            self.required("village", "ชื่อหมู่บ้าน", "เช่น บ้านนาอ้อ")
        if moo_text is None:
            return None, village
        digits = re.sub(r"^(หมู่ที่|หมู่|ม\.)", "", to_arabic_digits(str(moo_text))).strip()
        if not digits.isdigit():
            self.bad("moo", f"หมู่ที่ต้องเป็นตัวเลข ไม่ใช่ `{moo_text}`", "เช่น 3", "xlsx.place")
            return None, village
        return self._moo(int(digits), "moo"), village

    def _moo(self, number: int, key: str) -> int | None:
        low, high = bounds("moo")
        if not low <= number <= high:
            self.bad(key, f"หมู่ที่ต้องอยู่ระหว่าง {low} ถึง {high} ไม่ใช่ {number}", "ตรวจเลขหมู่ที่", "xlsx.place")
            return None
        return number

    def sex(self, title: str | None) -> str | None:
        given = self.text("sex")
        if given is None:
            sex = title_sex(title) if title else None
            if title and sex is None and is_known_title(title):
                self.required("sex", "เพศ", f"คำนำหน้า `{title}` ไม่บอกเพศ: เพิ่มคอลัมน์เพศ (ชาย หรือ หญิง)")
            return sex
        sex = SEX_WORDS.get(squeezed(given))
        if sex is None:
            self.bad("sex", f"ไม่รู้จักเพศ `{given}`", "ใช้ ชาย หรือ หญิง", "xlsx.not-allowed")
        return sex

    def date(self, key: str) -> str | None:
        value = self.text(key)
        what = FIELDS[key][0]
        if value is None:
            self.required(key, what, "เช่น 1 ต.ค. 2566 หรือ 1/10/2566 (พ.ศ.)")
            return None
        if isinstance(value, (dt.date, dt.datetime)):       # a date cell; a district may keep พ.ศ. years in it
            day = value.date() if isinstance(value, dt.datetime) else value
            if day.year >= 2400:
                try:
                    day = day.replace(year=day.year - 543)
                except ValueError:                     # 29 Feb of a year that has none in ค.ศ.
                    self.bad(key, f"ไม่มีวันที่ {day.day} เดือน {day.month} ปี พ.ศ. {day.year}", "ตรวจวันที่")
                    return None
            return day.isoformat()
        day, problem = read_thai_date(value)
        if problem is not None:
            self.bad(key, problem.message, problem.hint)
            return None
        return day.isoformat()
