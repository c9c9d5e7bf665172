"""Table tests for Thai phone numbers (thamniap.core.phones)."""
from __future__ import annotations

import pytest
from field_helpers import codes
from hypothesis import given
from hypothesis import strategies as st

from thamniap.core.phones import check_phone, format_phone, normalise_phone


# ---------------------------------------------------------------------------------------
# check_phone, normalise_phone, format_phone
# ---------------------------------------------------------------------------------------

PHONE_CASES = [
    ("0 4241 1773", set()),
    ("042411773", set()),
    ("042-411773", set()),
    ("042 411 773", set()),
    ("02 123 4567", set()),
    ("0812345678", set()),
    ("08 1234 5678", set()),
    ("081-234-5678", set()),
    ("06 1234 5678", set()),
    ("09 1234 5678", set()),
    ("+66 4241 1773", set()),
    ("+6642411773", set()),
    ("+66-81-234-5678", set()),
    ("+66 812345678", set()),
    # wrong
    ("+66 042411773", {"phone-format"}),        # +66 drops the leading 0
    ("0424117730", {"phone-format"}),          # 10 digits but not a mobile prefix
    ("08123456", {"phone-format"}),
    ("0112345678", {"phone-format"}),
    ("042411773 ", {"phone-format"}),
    ("042  411773", {"phone-format"}),
    ("(042) 411-773", {"phone-format"}),
    ("042.411.773", {"phone-format"}),
    ("042411773 ต่อ 12", {"phone-format"}),
    ("042411773, 0812345678", {"phone-format"}),
    ("1300", {"phone-format"}),
    ("", {"phone-format"}),
    ("โทร 042411773", {"phone-format"}),
    ("๐ ๔๒๔๑ ๑๗๗๓", {"thai-digits"}),
    ("๐๘๑๒๓๔๕๖๗๘", {"thai-digits"}),
    ("๐๔๒๔๑๑๗", {"thai-digits", "phone-format"}),
]


@pytest.mark.parametrize(("value", "expected"), PHONE_CASES)
def test_check_phone(value: str, expected: set[str]) -> None:
    problems = check_phone(value)
    assert codes(problems) == expected
    for p in problems:
        assert p.message and p.hint and p.message_en and p.hint_en


@pytest.mark.parametrize(("value", "hint"), [
    ("๐ ๔๒๔๑ ๑๗๗๓", "แก้เป็น `0 4241 1773`"),
    ("๐๘๑๒๓๔๕๖๗๘", "แก้เป็น `0812345678`"),
    ("(042) 411-773", "แก้เป็น `0 4241 1773`"),
    ("+66 042411773", "แก้เป็น `0 4241 1773`"),
])
def test_check_phone_hint(value: str, hint: str) -> None:
    assert check_phone(value)[0].hint == hint


def test_phone_format_hint_shows_expected_forms() -> None:
    [p] = check_phone("1300")
    assert "`0 4241 1773`" in p.hint and "`08 1234 5678`" in p.hint and "+66" in p.hint


@pytest.mark.parametrize(("value", "national", "display"), [
    ("0 4241 1773", "042411773", "0 4241 1773"),
    ("042-411773", "042411773", "0 4241 1773"),
    ("+66 4241 1773", "042411773", "0 4241 1773"),
    ("(042) 411-773", "042411773", "0 4241 1773"),
    ("๐ ๔๒๔๑ ๑๗๗๓", "042411773", "0 4241 1773"),
    ("0812345678", "0812345678", "08 1234 5678"),
    ("+66 81 234 5678", "0812345678", "08 1234 5678"),
    ("6681234 5678", "0812345678", "08 1234 5678"),
])
def test_normalise_and_format_phone(value: str, national: str, display: str) -> None:
    assert normalise_phone(value) == national
    assert format_phone(value) == display
    assert check_phone(format_phone(value)) == []


@pytest.mark.parametrize("value", ["", "1300", "0424117730", "042411773 ต่อ 12"])
def test_normalise_phone_rejects_non_numbers(value: str) -> None:
    with pytest.raises(ValueError):
        normalise_phone(value)
    with pytest.raises(ValueError):
        format_phone(value)


@given(st.text(max_size=20))
def test_check_phone_never_raises(value: str) -> None:
    check_phone(value)
