"""Table tests for one-line text (thamniap.core.text): invisible characters, spaces, Thai typing slips.

Thai marks that are easy to confuse are written as escapes (\\u0e40 = เ) so the table says
exactly which code points a case contains.
"""
from __future__ import annotations

import unicodedata

import pytest
from field_helpers import KARAN, MAI_EK, MAI_THO, NIKHAHIT, SARA_AA, SARA_E, SARA_I, SARA_UU, THAI_CONSONANTS, codes, hidden
from hypothesis import given, settings
from hypothesis import strategies as st

from thamniap.core.problem import Problem
from thamniap.core.text import check_line_text, fix_line_text


# ---------------------------------------------------------------------------------------
# check_line_text
# ---------------------------------------------------------------------------------------

LINE_TEXT_CASES = [
    # valid Thai and mixed text
    ("สมชาย", set()),
    ("ใจดี", set()),
    ("ศรีสะอาด", set()),
    ("แสงทอง", set()),
    ("น้ำใจ", set()),
    ("กิตติ์", set()),
    ("ศักดิ์ชัย", set()),
    ("ผู้ใหญ่บ้าน หมู่ที่ 3", set()),
    ("ณ อยุธยา", set()),
    ("ชมรมผู้นำ อช. อำเภอเมืองเลย", set()),
    ("José", set()),
    ("", set()),
    # Thai typing errors
    (SARA_E + SARA_E + "สงดี", {"thai-double-sara-e"}),
    ("ศรี" + SARA_E + SARA_E + "สง", {"thai-double-sara-e"}),
    ("น" + MAI_THO + NIKHAHIT + SARA_AA + "ใจ", {"thai-split-sara-am"}),
    ("น" + NIKHAHIT + MAI_THO + SARA_AA + "ใจ", {"thai-split-sara-am"}),
    ("ท" + NIKHAHIT + SARA_AA, {"thai-split-sara-am"}),
    ("ก" + MAI_EK + MAI_EK + "อง", {"thai-doubled-mark"}),
    ("ก" + SARA_I + SARA_I + "ตติ", {"thai-doubled-mark"}),
    ("ก" + MAI_EK + MAI_THO + "อง", {"thai-doubled-mark"}),          # stacked, no fix known
    ("ท" + MAI_EK + "\u0e35", {"thai-mark-order"}),                 # ่ before ี
    ("ผ" + MAI_THO + SARA_UU, {"thai-mark-order"}),                 # ้ before ู (NFC reorders it: one report)
    ("กิตต" + KARAN + SARA_I, {"thai-mark-order"}),                # ์ before ิ
    ("ก" + MAI_EK + MAI_EK + SARA_I, {"thai-doubled-mark", "thai-mark-order"}),
    # invisible characters
    ("สม\u200bชาย", {"zero-width"}),
    ("สม\u200cชาย", {"zero-width"}),
    ("สม\u200dชาย", {"zero-width"}),
    ("\ufeffสมชาย", {"zero-width"}),
    ("สมชาย\u2060", {"zero-width"}),
    ("สม\u202eชาย", {"bidi-control"}),
    ("\u200fสมชาย", {"bidi-control"}),
    ("\u200eสมชาย", {"bidi-control"}),
    ("สม\u2066ชาย\u2069", {"bidi-control"}),
    ("สม\u202aชาย\u202c", {"bidi-control"}),
    # control characters and line breaks
    ("สม\nชาย", {"newline"}),
    ("สมชาย\r\n", {"newline"}),
    ("สม\u2028ชาย", {"newline"}),
    ("สม\tชาย", {"control-char"}),
    ("สม\x00ชาย", {"control-char"}),
    ("สม\x7fชาย", {"control-char"}),
    # spaces
    (" สมชาย", {"surrounding-space"}),
    ("สมชาย ", {"surrounding-space"}),
    ("\u00a0สมชาย\u00a0", {"surrounding-space"}),
    ("สม  ชาย", {"double-space"}),
    ("สม\u00a0\u00a0ชาย", {"double-space"}),
    ("สม ชาย  ใจดี   เลย", {"double-space"}),
    ("   ", {"surrounding-space"}),
    # not NFC
    ("Jose\u0301", {"not-nfc"}),
    # everything at once: every problem is reported, not just the first
    (" " + SARA_E + SARA_E + "สง\u200bดี  ม" + NIKHAHIT + SARA_AA + "\n",
     {"surrounding-space", "thai-double-sara-e", "zero-width", "double-space",
      "thai-split-sara-am", "newline"}),
]


@pytest.mark.parametrize(("value", "expected"), LINE_TEXT_CASES)
def test_check_line_text(value: str, expected: set[str]) -> None:
    problems = check_line_text(value)
    assert codes(problems) == expected
    for p in problems:
        assert p.message and p.hint and p.message_en and p.hint_en
        assert not hidden(p.message + p.hint + p.message_en + p.hint_en), p
        assert 0 <= p.offset <= len(value)


@pytest.mark.parametrize(("value", "fixed"), [
    (SARA_E + SARA_E + "สงดี", "แสงดี"),
    ("ศรี" + SARA_E + SARA_E + "สง", "ศรีแสง"),
    ("น" + MAI_THO + NIKHAHIT + SARA_AA + "ใจ", "น้ำใจ"),
    ("น" + NIKHAHIT + MAI_THO + SARA_AA + "ใจ", "น้ำใจ"),
    ("ส" + NIKHAHIT + SARA_AA + "ราญ", "สำราญ"),
    ("ก" + MAI_EK + MAI_EK + "อง", "ก่อง"),
    ("ท" + MAI_EK + "\u0e35", "ที่"),
    ("ผ" + MAI_THO + SARA_UU, "ผู้"),
    ("กิตต" + KARAN + SARA_I, "กิตติ์"),
    ("สม\u200bชาย", "สมชาย"),
    (" สม  ชาย\n", "สม ชาย"),
    ("Jose\u0301", "José"),
    (SARA_E + "\u200b" + SARA_E + "สง", "แสง"),   # removing U+200B exposes เเ, fixed too
])
def test_check_line_text_hint_gives_corrected_text(value: str, fixed: str) -> None:
    assert fix_line_text(value) == fixed
    problems = check_line_text(value)
    assert problems
    for p in problems:
        assert p.hint.startswith(f"แก้เป็น `{fixed}`"), p.hint
        assert f"`{fixed}`" in p.hint_en


def test_double_sara_e_hint_and_message() -> None:
    [p] = check_line_text(SARA_E + SARA_E + "สงดี")
    assert p.code == "thai-double-sara-e"
    assert p.hint == "แก้เป็น `แสงดี`"
    assert p.offset == 0
    assert "`" in p.message


def test_zero_width_says_which_and_where() -> None:
    [p] = check_line_text("สม\u200bชาย")
    assert p.offset == 2
    assert "U+200B ZERO WIDTH SPACE" in p.message
    assert "`สม`" in p.message and "`ชาย`" in p.message
    assert p.hint == "แก้เป็น `สมชาย`"


def test_each_invisible_character_is_reported_with_its_offset() -> None:
    problems = check_line_text("ก\u200bข\ufeffค")
    assert [(p.code, p.offset) for p in problems] == [("zero-width", 1), ("zero-width", 3)]
    assert "U+FEFF" in problems[1].message


def test_stacked_different_tones_has_no_invented_fix() -> None:
    [p] = check_line_text("ก" + MAI_EK + MAI_THO + "อง")
    assert p.code == "thai-doubled-mark"
    assert "แก้เป็น" not in p.hint


def test_tone_before_below_vowel_is_not_also_reported_as_not_nfc() -> None:
    # NFC itself moves ้ after ู; the officer should see one problem, not two
    assert codes(check_line_text("ผ" + MAI_THO + SARA_UU + "ใหญ่")) == {"thai-mark-order"}


THAI_TYPING = THAI_CONSONANTS[:10] + [
    SARA_E, "\u0e41", "\u0e42", NIKHAHIT, SARA_AA, "\u0e33", MAI_EK, MAI_THO, "\u0e4a",
    SARA_I, "\u0e35", "\u0e38", SARA_UU, "\u0e31", "\u0e47", KARAN, "\u0e3a",
    " ", "\u00a0", "\u200b", "\ufeff", "\u202e", "\n", "\t", "\x00", "e", "\u0301", "๑", "1",
]


@given(st.text())
@settings(max_examples=300)
def test_check_line_text_never_raises_and_never_prints_hidden_chars(value: str) -> None:
    for p in check_line_text(value):
        assert isinstance(p, Problem)
        assert not hidden(p.message + p.hint + p.message_en + p.hint_en)


@given(st.text(alphabet=st.sampled_from(THAI_TYPING), max_size=12))
@settings(max_examples=500)
def test_fixed_text_has_no_fixable_problems(value: str) -> None:
    fixed = fix_line_text(value)
    assert fix_line_text(fixed) == fixed
    # stacked different tone marks are the one problem without an automatic fix
    assert codes(check_line_text(fixed)) <= {"thai-doubled-mark"}
    for p in check_line_text(value):
        assert not hidden(p.message + p.hint)
        if p.code != "thai-doubled-mark":
            assert fixed != value


@given(st.text(alphabet=st.sampled_from(THAI_CONSONANTS), min_size=1))
def test_plain_thai_consonants_have_no_problems(value: str) -> None:
    value = unicodedata.normalize("NFC", value).strip()
    assert check_line_text(value) == []
