"""Table tests for dates (thamniap.core.dates): the ISO CE form data uses, and Thai dates on pages."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from field_helpers import codes
from hypothesis import given
from hypothesis import strategies as st

from thamniap.core import dates
from thamniap.core.dates import THAI_MONTHS, THAI_MONTHS_SHORT, check_iso_date, thai_date


# ---------------------------------------------------------------------------------------
# check_iso_date
# ---------------------------------------------------------------------------------------

DATE_CASES = [
    ("2024-01-24", set()),
    ("2024-02-29", set()),
    ("2000-02-29", set()),
    ("1969-01-28", set()),
    ("2567-01-24", {"buddhist-year"}),
    ("2400-01-01", {"buddhist-year"}),
    ("2399-01-01", set()),                     # far future, but not a B.E. year by our rule
    ("2024-02-30", {"impossible-date"}),
    ("2023-02-29", {"impossible-date"}),
    ("2024-04-31", {"impossible-date"}),
    ("2024-13-01", {"impossible-date"}),
    ("2024-00-10", {"impossible-date"}),
    ("2024-01-00", {"impossible-date"}),
    ("0000-01-01", {"impossible-date"}),
    ("2566-02-29", {"buddhist-year", "impossible-date"}),   # 2023 is not a leap year
    ("2567-02-29", {"buddhist-year"}),                      # 2024 is
    ("๒๕๖๗-๐๑-๒๔", {"thai-digits", "buddhist-year"}),
    ("๒๐๒๔-๐๑-๒๔", {"thai-digits"}),
    ("24/01/2567", {"date-format"}),
    ("24/1/2024", {"date-format"}),
    ("2024/01/24", {"date-format"}),
    ("2024-1-24", {"date-format"}),
    ("24 มกราคม 2567", {"date-format"}),
    ("24 ม.ค. 2567", {"date-format"}),
    (" 2024-01-24", {"date-format"}),
    ("20240124", {"date-format"}),
    ("", {"date-format"}),
    ("ไม่ทราบ", {"date-format"}),
    ("２０２４-01-24", {"date-format"}),       # full-width digits are not accepted
    ("๒๔/๐๑/๒๕๖๗", {"thai-digits", "date-format"}),
]


@pytest.mark.parametrize(("value", "expected"), DATE_CASES)
def test_check_iso_date(value: str, expected: set[str]) -> None:
    problems = check_iso_date(value)
    assert codes(problems) == expected
    for p in problems:
        assert p.message and p.hint and p.message_en and p.hint_en


def test_buddhist_year_message_and_hint() -> None:
    [p] = check_iso_date("2567-01-24")
    assert "`2567-01-24`" in p.message and "พ.ศ." in p.message
    assert p.hint == "แก้เป็น `2024-01-24` (ค.ศ. = พ.ศ. − 543)"


def test_thai_digit_date_hint_is_converted() -> None:
    problems = check_iso_date("๒๕๖๗-๐๑-๒๔")
    assert all("`2024-01-24`" in p.hint for p in problems)
    [p] = check_iso_date("๒๐๒๔-๐๑-๒๔")
    assert p.hint == "แก้เป็น `2024-01-24`"


@pytest.mark.parametrize(("value", "guess"), [
    ("24/01/2567", "2024-01-24"),
    ("24/1/2024", "2024-01-24"),
    ("2024-1-5", "2024-01-05"),
    ("24 มกราคม 2567", "2024-01-24"),
    ("5 ม.ค. พ.ศ. 2567", "2024-01-05"),
    (" 2024-01-24 ", "2024-01-24"),
])
def test_date_format_hint_suggests_iso(value: str, guess: str) -> None:
    [p] = [p for p in check_iso_date(value) if p.code == "date-format"]
    assert p.hint.startswith(f"แก้เป็น `{guess}`")


def test_date_format_hint_without_guess_shows_example() -> None:
    [p] = check_iso_date("ไม่ทราบ")
    assert "`2024-01-24`" in p.hint and "แก้เป็น" not in p.hint


@given(st.text(max_size=20))
def test_check_iso_date_never_raises(value: str) -> None:
    check_iso_date(value)


@given(st.dates(max_value=date(2399, 12, 31)))
def test_every_real_iso_date_is_accepted(d: date) -> None:
    # from 2400 on a year is read as B.E. by design, so the property stops there
    assert check_iso_date(d.isoformat()) == []


# ---------------------------------------------------------------------------------------
# thai_date and the Thai month names: one source for pages, messages and letters
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, short, thai_digits, shown", [
    (date(2024, 1, 24), False, False, "24 มกราคม 2567"),
    (date(2024, 1, 24), True, False, "24 ม.ค. 2567"),
    (date(2024, 1, 24), False, True, "๒๔ มกราคม ๒๕๖๗"),
    (date(2023, 12, 5), True, True, "๕ ธ.ค. ๒๕๖๖"),
    (date(2024, 2, 29), False, False, "29 กุมภาพันธ์ 2567"),
    (None, False, False, "-"),
    (None, True, True, "-"),
])
def test_thai_date(day: date | None, short: bool, thai_digits: bool, shown: str) -> None:
    assert thai_date(day, short=short, thai_digits=thai_digits) == shown


@given(st.dates())
def test_thai_date_month_and_buddhist_year(d: date) -> None:
    assert thai_date(d) == f"{d.day} {THAI_MONTHS[d.month - 1]} {d.year + 543}"
    assert thai_date(d, short=True) == f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {d.year + 543}"


def test_thai_month_names_are_written_once() -> None:
    # pages, rule messages, charts and the circular parser all read core.dates
    assert len(THAI_MONTHS) == len(THAI_MONTHS_SHORT) == 12
    package = Path(dates.__file__).parents[1]
    holders = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                     if "พฤศจิกายน" in p.read_text(encoding="utf-8") or '"พ.ย."' in p.read_text(encoding="utf-8"))
    assert holders == ["core/dates.py"]
