"""Dates: the ISO CE form data uses (2024-01-24), Buddhist-era years, and Thai month names.

The one place that knows the Thai months: :func:`thai_date` writes a date for pages and
messages (``24 มกราคม 2567``), :func:`check_iso_date` reads what an officer typed.
"""
from __future__ import annotations

import datetime as dt
import re

from thamniap.core.digits import THAI_DIGITS, ascii_digits, has_thai_digit, to_arabic_digits, to_thai_digits
from thamniap.core.problem import Problem, show

BE_OFFSET = 543     # Buddhist-era year (พ.ศ.) = Christian-era year (ค.ศ.) + 543
THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
THAI_MONTHS_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
                     "พ.ย.", "ธ.ค.")


def thai_date(day: dt.date | None, short: bool = False, thai_digits: bool = False) -> str:
    """2024-01-24 -> '24 มกราคม 2567' (พ.ศ.), '24 ม.ค. 2567' when short; '-' when unknown."""
    if day is None:
        return "-"
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    text = f"{day.day} {months[day.month - 1]} {day.year + BE_OFFSET}"
    return to_thai_digits(text) if thai_digits else text


_RE_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_MONTH_NUMBER = {**{m: i + 1 for i, m in enumerate(THAI_MONTHS)},
                 **{m: i + 1 for i, m in enumerate(THAI_MONTHS_SHORT)}}
_RE_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", re.ASCII)
_RE_YMD = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})", re.ASCII)
_RE_THAI_TEXT_DATE = re.compile(
    r"(\d{1,2})\s*(" + "|".join(re.escape(m) for m in sorted(_MONTH_NUMBER, key=len, reverse=True))
    + r")\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{4})", re.ASCII)


def _ce_year(year: int) -> int:
    return year - BE_OFFSET if year >= 2400 else year


def _valid_ymd(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _guess_iso_date(value: str) -> str | None:
    """The ISO CE date a badly formatted date most likely means, or None."""
    s = to_arabic_digits(value).strip()
    ymd = None
    if m := _RE_YMD.fullmatch(s):
        ymd = int(m[1]), int(m[2]), int(m[3])
    elif m := _RE_DMY.fullmatch(s):   # Thai order: day/month/year
        ymd = int(m[3]), int(m[2]), int(m[1])
    elif m := _RE_THAI_TEXT_DATE.fullmatch(s):
        ymd = int(m[3]), _MONTH_NUMBER[m[2]], int(m[1])
    if ymd is None:
        return None
    y, mo, d = _ce_year(ymd[0]), ymd[1], ymd[2]
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid_ymd(y, mo, d) else None


def check_iso_date(value: str) -> list[Problem]:
    """A date is written YYYY-MM-DD in Arabic digits with a Christian-era (ค.ศ.) year, and exists."""
    problems: list[Problem] = []
    text = value
    if has_thai_digit(value):
        text = to_arabic_digits(value)
        m = _RE_ISO_DATE.fullmatch(text)
        corrected = (f"{_ce_year(int(m[1])):04d}-{m[2]}-{m[3]}" if m else _guess_iso_date(value))
        at = next(i for i, ch in enumerate(value) if ch in THAI_DIGITS)
        problems.append(Problem(
            "thai-digits",
            f"วันที่ `{show(value)}` เขียนด้วยเลขไทย ข้อมูลต้องใช้เลขอารบิก (0–9)",
            f"แก้เป็น `{corrected}`" if corrected else
            f"ใช้เลขอารบิก: `{show(text)}` ในรูป ปปปป-ดด-วว (ค.ศ.) เช่น `2024-01-24`",
            f"date `{show(value)}` is written in Thai digits; use Arabic digits (0–9)",
            f"change it to `{corrected}`" if corrected else
            f"use Arabic digits: `{show(text)}`, as YYYY-MM-DD (CE), e.g. `2024-01-24`",
            at,
        ))

    m = _RE_ISO_DATE.fullmatch(text)
    if not m:
        guess = _guess_iso_date(value)
        problems.append(Problem(
            "date-format",
            f"`{show(value)}` ไม่ใช่วันที่ในรูป ปปปป-ดด-วว (ปี ค.ศ. 4 หลัก-เดือน 2 หลัก-วัน 2 หลัก)",
            f"แก้เป็น `{guess}` (ปี ค.ศ.-เดือน-วัน)" if guess else
            "เขียนเป็น ปี ค.ศ.-เดือน-วัน เช่น `2024-01-24` คือ 24 มกราคม พ.ศ. 2567",
            f"`{show(value)}` is not a date of the form YYYY-MM-DD",
            f"change it to `{guess}` (year (CE)-month-day)" if guess else
            "write year (CE)-month-day, e.g. `2024-01-24` for 24 January 2024",
        ))
        return problems

    year, month, day = int(m[1]), int(m[2]), int(m[3])
    shown = f"{m[1]}-{m[2]}-{m[3]}"
    if year >= 2400:
        ce = year - BE_OFFSET
        fixed = f"{ce:04d}-{m[2]}-{m[3]}"
        problems.append(Problem(
            "buddhist-year",
            f"`{shown}` ดูเหมือนใช้ปี พ.ศ. ({year}) ข้อมูลต้องใช้ปี ค.ศ.",
            f"แก้เป็น `{fixed}` (ค.ศ. = พ.ศ. − 543)",
            f"`{shown}` looks like a Buddhist-era year ({year}); use the Christian-era year",
            f"change it to `{fixed}` (CE = BE − 543)",
        ))
        year = ce
    if not _valid_ymd(year, month, day):
        problems.append(_impossible_date(shown, year, month))
    return problems


def _impossible_date(shown: str, year: int, month: int) -> Problem:
    """impossible-date: a well-formed date that is not on the calendar (month 13, 30 February)."""
    if not 1 <= month <= 12:
        th = f"ไม่มีเดือนที่ {month}"
        en = f"there is no month {month}"
        at = 5
    elif year < 1:
        th, en, at = "ไม่มีปีที่ 0", "there is no year 0", 0
    else:
        last_day = next(d for d in (31, 30, 29, 28) if _valid_ymd(year, month, d))
        th = f"เดือน{THAI_MONTHS[month - 1]} ค.ศ. {year} มี {last_day} วัน"
        en = f"month {month} of {year} has {last_day} days"
        at = 8
    return Problem(
        "impossible-date",
        f"วันที่ `{shown}` ไม่มีอยู่จริง ({th})",
        "ตรวจวันและเดือนกับเอกสารต้นฉบับ (รูปแบบ ปปปป-ดด-วว)",
        f"date `{shown}` does not exist ({en})",
        "check the day and month against the source document (format YYYY-MM-DD)",
        at,
    )


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day YEARS later; 29 February becomes 28 February in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


_RE_ANY_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


def read_thai_date(value: str) -> tuple[dt.date | None, Problem | None]:
    """A date as an officer types it in a form: `20/1/2567`, `20.01.2567`, `๒๐/๑/๒๕๖๗`,
    `20 มกราคม 2567` or ISO `2024-01-20` (a two-digit year is not accepted).

    Day-month-year with a year from 2400 up is Buddhist Era (พ.ศ.), below it Christian Era; an ISO
    date must carry a Christian-era year (`2567-01-20` is the problem `buddhist-year`, as in the
    data). Returns (date, None), or (None, the Problem: date-format, buddhist-year, impossible-date).
    """
    text = " ".join(ascii_digits(value).split())
    if m := _RE_ANY_ISO.fullmatch(text):
        iso = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        problems = check_iso_date(iso)
        if problems:
            return None, problems[0]
        return dt.date.fromisoformat(iso), None
    ymd = None
    if m := _RE_DMY.fullmatch(text):
        ymd = int(m[3]), int(m[2]), int(m[1])
    elif m := _RE_THAI_TEXT_DATE.fullmatch(text):
        ymd = int(m[3]), _MONTH_NUMBER[m[2]], int(m[1])
    if ymd is None:
        return None, Problem(
            "date-format", f"`{show(value)}` ไม่ใช่วันที่ที่อ่านได้",
            "เขียนเป็น วัน/เดือน/ปี พ.ศ. เช่น `20/1/2567` หรือ `20 มกราคม 2567`",
            f"`{show(value)}` is not a date that can be read",
            "write day/month/year (BE), e.g. `20/1/2567` or `20 มกราคม 2567`")
    year, month, day = _ce_year(ymd[0]), ymd[1], ymd[2]
    if not _valid_ymd(year, month, day):
        return None, _impossible_date(show(value.strip()), year, month)
    return dt.date(year, month, day), None


THAILAND = dt.timezone(dt.timedelta(hours=7))     # Thailand keeps UTC+7 all year


def thai_today() -> dt.date:
    """Today's date in Thailand (a scheduled job runs at 01:00 UTC = 08:00 in Loei)."""
    return dt.datetime.now(THAILAND).date()
