"""Tests for finding and masking Thai national ID numbers (thamniap.core.national_id), and for digits.

No checksum-valid national ID appears in this file: valid IDs are built at run time from 12
digits plus the computed check digit.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thamniap.core.digits import THAI_DIGITS, to_arabic_digits, to_thai_digits
from thamniap.core import national_id
from thamniap.core.national_id import find_national_ids, is_valid_national_id, mask_national_id, national_id_check_digit


# ---------------------------------------------------------------------------------------
# Thai national ID numbers — built at run time, never written as literals
# ---------------------------------------------------------------------------------------

def make_id(digits12: str) -> str:
    return digits12 + str(national_id_check_digit(digits12))


def wrong_check(digits13: str) -> str:
    return digits13[:12] + str((int(digits13[12]) + 1) % 10)


def group(digits13: str, sizes=(1, 4, 5, 2, 1), sep: str = "-") -> str:
    parts, i = [], 0
    for n in sizes:
        parts.append(digits13[i:i + n])
        i += n
    return sep.join(parts)


FIXED_12 = "310010012345"        # 12 digits only; the 13th is computed


def test_check_digit_formula() -> None:
    d = FIXED_12
    expected = (11 - sum(int(d[i]) * (13 - i) for i in range(12)) % 11) % 10
    assert national_id_check_digit(d) == expected
    assert national_id_check_digit(to_thai_digits(d)) == expected
    assert is_valid_national_id(make_id(d))
    assert not is_valid_national_id(wrong_check(make_id(d)))


@pytest.mark.parametrize("bad", ["", "12345678901", "1234567890123", "12345678901a", "１２３４５６７８９０１"])
def test_check_digit_needs_twelve_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        national_id_check_digit(bad)


def test_full_width_digits_are_the_same_number() -> None:
    """A number typed on a full-width keyboard is still an ID (issue 9: `１１０…` was missed)."""
    assert national_id_check_digit("１２３４５６７８９０１２") == national_id_check_digit("123456789012")


def test_domain_example_is_not_a_valid_id() -> None:
    # the documented shape example must stay harmless
    assert not is_valid_national_id("1-2345-67890-12-3")
    assert find_national_ids("1-2345-67890-12-3") == []


def test_find_plain_id_in_yaml_comment() -> None:
    nid = make_id(FIXED_12)
    text = f"first_name: สมชาย  # เลขบัตร {nid} ห้ามใส่\n"
    [(start, end, masked)] = find_national_ids(text)
    assert text[start:end] == nid
    assert masked == "X" * 11 + nid[-2:]
    assert nid not in masked


def test_find_dashed_id_keeps_grouping_in_mask() -> None:
    nid = make_id(FIXED_12)
    dashed = group(nid)
    text = f"note: '{dashed}'"
    [(start, end, masked)] = find_national_ids(text)
    assert text[start:end] == dashed
    assert masked == f"X-XXXX-XXXXX-X{nid[11]}-{nid[12]}"
    assert mask_national_id(dashed) == masked


def test_find_spaced_and_thai_digit_ids() -> None:
    nid = make_id(FIXED_12)
    thai = to_thai_digits(group(nid))
    spaced = group(nid, sep=" ")
    text = f"ก {thai} ข\nค {spaced} ง"
    found = find_national_ids(text)
    assert [text[s:e] for s, e, _ in found] == [thai, spaced]
    assert found[0][2] == "X-XXXX-XXXXX-X" + thai[-3:]
    assert all(nid not in to_arabic_digits(m.replace(" ", "").replace("-", "")) for _, _, m in found)


def test_invalid_check_digit_is_not_reported() -> None:
    bad = wrong_check(make_id(FIXED_12))
    assert find_national_ids(f"id {bad}") == []
    assert find_national_ids(group(bad)) == []


def test_longer_digit_runs_are_not_reported() -> None:
    nid = make_id(FIXED_12)
    assert find_national_ids(f"x {nid}7 y") == []
    assert find_national_ids(f"x 7{nid} y") == []
    assert find_national_ids(f"x {nid}{nid} y") == []


def test_digits_inside_a_hexadecimal_hash_are_not_an_id() -> None:
    """A git commit (40), SHA-256 (64) or MD5 (32) in hexadecimal may hold 13 digits that pass the
    check digit by chance: the bot's note of the commit it checked was masked (1 in 10 commits)."""
    nid = make_id(FIXED_12)
    for size in (32, 40, 64):
        digest = ("1b18e0f" + nid + "a" * 64)[:size]
        text = f"<!-- thamniap-report-commit: {digest} -->"
        assert national_id.mask_national_ids(text) == text, size
    # an ID beside letters that are no hash (wrong length, or no hex letter at all) is still found
    for text in (f"1b18e0f{nid}aaaa", f"ID{nid}", f"abc{nid}def", "g" + ("1b18e0f" + nid + "a" * 64)[:39]):
        assert len(find_national_ids(text)) == 1, text


def test_id_next_to_other_numbers() -> None:
    nid = make_id(FIXED_12)
    # a separated neighbour is another number, not part of the ID
    text = f"{group(nid)} 2567"
    [(start, end, _)] = find_national_ids(text)
    assert text[start:end] == group(nid)
    # numbers separated by more than one character are separate
    assert find_national_ids(f"{nid[:6]},  {nid[6:]}") == []
    # phones and dates alone never look like IDs
    assert find_national_ids("โทร 0 4241 1773 วันที่ 2024-01-24") == []


@given(st.lists(st.integers(0, 9), min_size=12, max_size=12),
       st.lists(st.integers(1, 6), min_size=1, max_size=13),
       st.sampled_from(["-", " "]),
       st.booleans())
def test_any_grouping_of_a_valid_id_is_found_and_masked(digits, sizes, sep, thai) -> None:
    nid = make_id("".join(map(str, digits)))
    parts, i = [], 0
    for n in sizes:
        if i >= 13:
            break
        parts.append(nid[i:i + n])
        i += n
    if i < 13:
        parts.append(nid[i:])
    written = sep.join(parts)
    if thai:
        written = to_thai_digits(written)
    text = f"ชื่อ: สมชาย\n# {written}\n"
    [(start, end, masked)] = find_national_ids(text)
    assert text[start:end] == written
    assert sum(ch.isdigit() for ch in masked) == 2
    assert masked.count("X") == 11
    assert find_national_ids(text.replace(written, wrong_check(nid))) == []


def test_random_ids_round_trip() -> None:
    rng = random.Random(2567)
    for _ in range(200):
        nid = make_id("".join(rng.choice("0123456789") for _ in range(12)))
        assert [(s, e) for s, e, _ in find_national_ids(nid)] == [(0, 13)]


@given(st.text())
def test_find_national_ids_never_raises(text: str) -> None:
    for start, end, masked in find_national_ids(text):
        assert 0 <= start < end <= len(text)
        assert len(masked) == end - start


def test_no_valid_national_id_written_in_these_files() -> None:
    # the repository scanner flags checksum-valid IDs; keep the field modules and their tests clean
    tests = Path(__file__).parent
    field_tests = [tests / f"test_{name}.py" for name in ("text", "names", "dates", "phones", "national_id")]
    for path in [*sorted(Path(national_id.__file__).parent.glob("*.py")), tests / "field_helpers.py", *field_tests]:
        assert find_national_ids(path.read_text(encoding="utf-8")) == [], path


# ---------------------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------------------

def test_digit_translation() -> None:
    assert THAI_DIGITS == "๐๑๒๓๔๕๖๗๘๙"
    assert to_arabic_digits("โทร ๐ ๔๒๔๑ ๑๗๗๓") == "โทร 0 4241 1773"
    assert to_thai_digits("พ.ศ. 2567") == "พ.ศ. ๒๕๖๗"
    assert to_arabic_digits(to_thai_digits("0123456789")) == "0123456789"


@given(st.text())
def test_digit_translation_round_trips_arabic(s: str) -> None:
    arabic = to_arabic_digits(s)
    assert to_arabic_digits(to_thai_digits(arabic)) == arabic
    assert not re.search("[๐-๙]", arabic)
