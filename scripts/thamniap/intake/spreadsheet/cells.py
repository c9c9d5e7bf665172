"""Reading a filled-in form: the two people sheets, their headers, and each cell as the roster value
it stands for (text, a หมู่ที่ number, an ISO date), every cell Excel stored as something else
reported at its cell with a Thai hint. The file has passed guard.check_workbook before openpyxl sees it.
"""
from __future__ import annotations

import datetime as dt
import difflib
import warnings
from pathlib import Path
from typing import Callable, Iterable

from thamniap.core.dates import read_thai_date
from thamniap.core.diagnostics import Severity
from thamniap.core.digits import to_arabic_digits
from thamniap.core.phones import format_phone
from thamniap.intake.spreadsheet import guard
from thamniap.intake.spreadsheet.form import (DATE_KEYS, HEADERS, MAX_CELL_TEXT, MAX_ERRORS, OPTIONAL_KEYS,
                                             PEOPLE_SHEETS, SHEET_KEYS, SHEET_ROLE, Collector, Row, bounds,
                                             longest_text)

EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                "#SPILL!", "#CALC!"}
REMAKE = "สร้างแบบฟอร์มใหม่ด้วย thamniap template-xlsx"
TEXT_FORMAT = "จัดรูปแบบช่องเป็น ข้อความ (Text/@) แล้วพิมพ์ใหม่"

Bad = Callable[..., None]      # bad(message, hint="") reports a problem at the cell being read


# ---------------------------------------------------------------- one cell

def read_cell(value, key: str, sheet: str, row: int, column: int, out: Collector):
    """The cell as the roster value it stands for (str, int or None); problems go to OUT."""
    def bad(message: str, hint: str = "") -> None:
        out.add("xlsx.cell", sheet, row, column, HEADERS[key], message, hint)

    if value is None:
        return None
    for kind, read in _READERS:          # bool before int: True is an int to Python
        if isinstance(value, kind):
            return read(value, key, bad)
    bad(f"อ่านค่าในช่องนี้ไม่ได้ ({type(value).__name__})", "พิมพ์ค่าลงไปใหม่")
    return None


def _text_cell(value: str, key: str, bad: Bad) -> str | int | None:
    if len(value) > MAX_CELL_TEXT:
        bad(f"ข้อความในช่องนี้ยาว {len(value):,} ตัวอักษร เกินกว่าช่องใดในแบบฟอร์มจะใช้ ({longest_text()} ตัวอักษร)",
            "ย่อให้สั้นลง หรือลบข้อความที่วางเกินมา")
        return None
    text = value.strip(" ") or None     # ordinary spaces around a cell are an Excel habit; other blanks are reported
    if text is None:
        return None
    if text in EXCEL_ERRORS:
        bad(f"ช่องนี้มีค่าผิดพลาดของสูตร Excel `{text}`", "แก้สูตร หรือพิมพ์ค่าลงไปตรง ๆ")
        return None
    if key in DATE_KEYS:
        return _date_text(text)
    return _moo_text(text, bad) if key == "moo" else text


def _date_text(text: str) -> str:
    """A date typed as text, read as the report page and the bot read it (core.dates.read_thai_date:
    `31/1/2567`, Thai digits, month names, ISO): its ISO date; text it cannot read is kept, and the
    date check of check_value reports it with validate's message."""
    day, _ = read_thai_date(text)
    return day.isoformat() if day else text


def _moo_text(text: str, bad: Bad) -> int | None:
    digits = to_arabic_digits(text)
    if digits.isascii() and digits.isdigit():
        if digits != text:
            bad(f"หมู่ที่ `{text}` เขียนด้วยเลขไทย", f"แก้เป็น `{int(digits)}` (เลขอารบิก)")
            return None
        return _moo(int(digits), bad)
    bad(f"หมู่ที่ต้องเป็นตัวเลข ไม่ใช่ `{text}`", "ใส่เฉพาะเลขหมู่ที่ เช่น 3 (ไม่ต้องมีคำว่า หมู่ หรือ ม.)")
    return None


def _moo(number: int, bad: Bad) -> int | None:
    low, high = bounds("moo")
    if low <= number <= high:
        return number
    bad(f"หมู่ที่ต้องอยู่ระหว่าง {low} ถึง {high} ไม่ใช่ {number}", "ตรวจเลขหมู่ที่")
    return None


def _bool_cell(value: bool, _key: str, bad: Bad) -> None:
    bad(f"ช่องนี้เป็นค่าจริง/เท็จ (`{'TRUE' if value else 'FALSE'}`) ไม่ใช่ข้อความ", "พิมพ์ข้อความลงไปแทน")


def _date_cell(value: dt.date, key: str, bad: Bad) -> str | None:
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


def _time_cell(value: dt.time, _key: str, bad: Bad) -> None:
    bad(f"Excel เก็บช่องนี้เป็นเวลา ({value:%H:%M})", "พิมพ์ค่าที่ถูกต้องลงไปใหม่ในช่องที่จัดรูปแบบเป็นข้อความ")


def _number_cell(value: int | float, key: str, bad: Bad) -> str | int | None:
    shown = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if key == "moo":
        if isinstance(value, float) and not value.is_integer():
            bad(f"หมู่ที่ต้องเป็นจำนวนเต็ม ไม่ใช่ `{shown}`", "ใส่เลขหมู่ที่ เช่น 3")
            return None
        return _moo(int(value), bad)
    if key == "sub_code" and float(value).is_integer():
        return shown                           # a code has no leading zero to lose
    if key == "phone":
        bad(f"โทรศัพท์ถูกเก็บเป็นตัวเลข `{shown}` เลข 0 ตัวหน้าหายไป (Excel ตัดเลข 0 หน้าตัวเลขทิ้ง)",
            TEXT_FORMAT + _phone_suggestion(shown))
    elif key in DATE_KEYS:
        serial = _serial_date(value)
        bad(f"วันที่ถูกเก็บเป็นตัวเลข `{shown}`",
            (f"ถ้าหมายถึงวันที่ {serial} ให้พิมพ์ `{serial}` หรือจัดรูปแบบช่องเป็นวันที่"
             if serial else "พิมพ์วันที่ ค.ศ. ในรูป ปปปป-ดด-วว เช่น `2024-01-24`"))
    else:
        bad(f"ช่องนี้ต้องเป็นข้อความ แต่ Excel เก็บเป็นตัวเลข `{shown}`", TEXT_FORMAT)
    return None


def _phone_suggestion(shown: str) -> str:
    """` เป็น `0 4241 1773``: the number with the 0 Excel dropped, when that makes a phone number."""
    try:
        suggestion = format_phone("0" + shown) if shown.isdigit() else None
    except ValueError:
        suggestion = None
    return f" เป็น `{suggestion}`" if suggestion else " เช่น `08 1234 5678`"


def _serial_date(value) -> str | None:
    try:
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    except (OverflowError, ValueError):
        return None
    return day.isoformat() if 1 <= value < 2958466 and float(value).is_integer() else None


_READERS = ((str, _text_cell), (bool, _bool_cell), ((dt.datetime, dt.date), _date_cell),
            (dt.time, _time_cell), ((int, float), _number_cell))


# ---------------------------------------------------------------- the workbook and its sheets

def read_sheets(path: Path, out: Collector) -> dict[str, list[Row]]:
    """Rows of the two people sheets, cells converted; sheet/column problems go to OUT.

    guard looks at the file first: a refused file is never given to openpyxl. What the guard
    lets through has no formula (so the cached values are the values) and no hidden row, column or
    sheet, and is small enough for openpyxl to read in a few seconds.
    """
    refusals = guard.check_workbook(path)
    for r in refusals:
        out.add("xlsx.refused", r.place, r.row, r.column, "", r.message, r.hint)
    if refusals:
        return {}
    import openpyxl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # openpyxl's English warnings; problems are reported below
        try:
            values = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:                 # openpyxl on untrusted XML: any failure means unreadable
            out.add("xlsx.unreadable", "", 0, 0, "", f"เปิดไฟล์เป็นแบบฟอร์ม Excel (.xlsx) ไม่ได้: {_why(exc)}",
                    "บันทึกไฟล์เป็น Excel Workbook (.xlsx)" +
                    (" (ไม่ใช่ .xls แบบเก่า)" if path.suffix.lower() == ".xls" else "") + " หรือ" + REMAKE)
            return {}
        try:
            return _read_people_sheets(values, out)
        except UnreadableSheet as exc:
            out.add("xlsx.unreadable", exc.sheet, 0, 0, "",
                    f"อ่านแผ่นงานนี้ไม่ได้ตั้งแต่แถวที่ {exc.row} ลงไป: {_why(exc.cause)}",
                    "เปิดไฟล์ด้วย Excel แล้วบันทึกใหม่ หรือ" + REMAKE)
            return {}
        finally:
            values.close()


def _read_people_sheets(values, out: Collector) -> dict[str, list[Row]]:
    sheets: dict[str, list[Row]] = {}
    for sheet in PEOPLE_SHEETS:
        if sheet not in values.sheetnames:
            close = difflib.get_close_matches(sheet, values.sheetnames, n=1, cutoff=0.5)
            out.add("xlsx.missing-sheet", sheet, 0, 0, "",
                    f"ไม่พบแผ่นงาน `{sheet}` (มี: {', '.join(values.sheetnames)})",
                    (f"เปลี่ยนชื่อแผ่นงาน `{close[0]}` เป็น `{sheet}`" if close else REMAKE)
                    + " — ไม่มีแผ่นงานนี้จะทำให้รายชื่อทั้งหมดในแผ่นงานนี้หายไป")
            continue
        room = guard.MAX_DATA_ROWS - sum(map(len, sheets.values()))   # both sheets together
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


def _columns(sheet: str, header: tuple, out: Collector) -> dict[str, int] | None:
    """Column key -> column number, from the header row; None when a required header is missing."""
    keys = SHEET_KEYS[sheet]
    by_header = {HEADERS[k]: k for k in keys}
    columns: dict[str, int] = {}
    for i, value in enumerate(header, start=1):
        text = value.strip() if isinstance(value, str) else value
        if text is None or text == "":
            continue
        key = by_header.get(text) if isinstance(text, str) else None
        if key is None:
            out.add("xlsx.header", sheet, 1, i, "", f"ไม่รู้จักหัวคอลัมน์ `{text}` ข้อมูลในคอลัมน์นี้จะไม่ถูกนำเข้า",
                    "หัวคอลัมน์ที่ใช้ได้: " + ", ".join(HEADERS[k] for k in keys), Severity.WARNING)
        elif key in columns:
            out.add("xlsx.header", sheet, 1, i, "", f"หัวคอลัมน์ `{text}` ซ้ำกับคอลัมน์ที่ {columns[key]}",
                    "ลบคอลัมน์ที่ซ้ำ")
        else:
            columns[key] = i
    missing = [HEADERS[k] for k in keys if k not in columns and k not in OPTIONAL_KEYS]
    if missing:
        out.add("xlsx.header", sheet, 1, 0, "", "ไม่พบหัวคอลัมน์ " + ", ".join(f"`{m}`" for m in missing),
                f"หัวคอลัมน์ต้องอยู่แถวที่ 1 และสะกดตามแบบฟอร์ม ({REMAKE})")
        return None
    return columns


def _read_sheet(sheet: str, ws, out: Collector, room: int) -> list[Row]:
    """The sheet's non-empty rows, at most ROOM of them (the guard's row limit is per sheet;
    this one is for both people sheets together, before rendering and checking them)."""
    rows_v = _rows(sheet, ws)
    columns = _columns(sheet, next(rows_v, ()) or (), out)
    if columns is None:
        return []
    rows: list[Row] = []
    for number, cells_v in enumerate(rows_v, start=2):
        if out.error_count >= MAX_ERRORS:
            out.stopped = True
            out.add("xlsx.limit", sheet, number, 0, "", f"พบข้อผิดพลาดครบ {MAX_ERRORS:,} รายการแล้ว จึงหยุดตรวจตั้งแต่แถวนี้",
                    "แก้ข้อผิดพลาดที่แจ้งแล้วนำเข้าใหม่ — ถ้าผิดทั้งคอลัมน์ ตรวจว่าหัวคอลัมน์ตรงกับข้อมูลในคอลัมน์")
            break
        row = _read_row(sheet, number, cells_v, columns, out)
        if row is None:
            continue                          # empty (a refused cell is reported already)
        if len(rows) == room:
            out.stopped = True
            out.add("xlsx.limit", sheet, number, 0, "", f"แผ่นงาน {PEOPLE_SHEETS[0]} และ {PEOPLE_SHEETS[1]} มีรายชื่อรวมเกิน "
                    f"{guard.MAX_DATA_ROWS:,} แถว จึงหยุดอ่านที่แถวนี้",
                    "ทำเนียบของอำเภอมีไม่ถึงจำนวนนี้: ลบแถวที่ไม่ใช่รายชื่อ หรือตรวจว่าไม่ได้วางข้อมูลซ้ำหลายรอบ")
            break
        rows.append(row)
    return rows


def _read_row(sheet: str, number: int, cells_v: tuple, columns: dict[str, int], out: Collector) -> Row | None:
    """Row NUMBER with its cells read; None when every cell is empty (or refused)."""
    raw: dict = {}
    bad: set[str] = set()
    for key, col in columns.items():
        reported = len(out)
        value = cells_v[col - 1] if col - 1 < len(cells_v) else None
        raw[key] = read_cell(value, key, sheet, number, col, out)
        if len(out) > reported:
            bad.add(key)
    if all(v is None for v in raw.values()):
        return None
    return Row(sheet, number, raw, columns, bad)
