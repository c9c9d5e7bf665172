"""Table tests for titles and the names of people and places (thamniap.core.names)."""
from __future__ import annotations

import pytest
from field_helpers import MAI_EK, MAI_THO, NIKHAHIT, SARA_AA, SARA_E, THAI_CONSONANTS, codes, hidden
from hypothesis import given, settings
from hypothesis import strategies as st

from thamniap.core.names import (
    TITLES,
    check_person_name,
    check_place_name,
    is_known_title,
    normalise_person_key,
    split_title_prefix,
    title_sex,
)
from thamniap.core.problem import Problem
from thamniap.core.text import check_line_text


# ---------------------------------------------------------------------------------------
# check_person_name, titles, normalise_person_key
# ---------------------------------------------------------------------------------------

PERSON_NAME_CASES = [
    ("สมชาย", "first_name", set()),
    ("สมศรี", "first_name", set()),
    ("กิตติ์", "first_name", set()),
    ("น้ำใจ", "first_name", set()),
    ("ใจดี", "last_name", set()),
    ("ศรีสะอาด", "last_name", set()),
    ("แสงทอง", "last_name", set()),
    ("ณ อยุธยา", "last_name", set()),     # real surnames with a space
    # title typed into the first name
    ("นายสมชาย", "first_name", {"title-in-name"}),
    ("นางสมศรี", "first_name", {"title-in-name"}),
    ("นางสาวสมศรี", "first_name", {"title-in-name"}),
    ("น.ส.สมศรี", "first_name", {"title-in-name"}),
    ("ว่าที่ร้อยตรีสมชาย", "first_name", {"title-in-name"}),
    ("ว่าที่ ร.ต.สมชาย", "first_name", {"title-in-name"}),
    ("ร.ต.อ.หญิงสมศรี", "first_name", {"title-in-name"}),
    ("ผศ.ดร.สมชาย", "first_name", {"title-in-name"}),
    ("นาย สมชาย", "first_name", {"title-in-name"}),    # the space after the title is the same mistake
    # names that only look like they start with a title
    ("นาย", "first_name", set()),                       # nothing after it
    ("นายิกา", "first_name", set()),                     # ย carries ิ: it is part of the name
    ("นางา", "first_name", set()),
    ("นายสมชาย", "last_name", set()),                   # only first names are checked for titles
    # space and digits
    ("สมชาย ใจดี", "first_name", {"space-in-name"}),
    ("สมชาย2", "first_name", {"digit-in-name"}),
    ("ใจดี๒", "last_name", {"digit-in-name"}),
    ("นายสมชาย ใจดี", "first_name", {"title-in-name", "space-in-name"}),
    # punctuation only: "not known", never a name
    ("-", "first_name", {"name-no-letters"}),
    ("---", "last_name", {"name-no-letters"}),
    ("...", "last_name", {"name-no-letters"}),
    ("ก.", "last_name", set()),                          # an abbreviation still has its letter
    # line-text problems come through
    (SARA_E + SARA_E + "สง", "first_name", {"thai-double-sara-e"}),
    ("สมชาย ", "last_name", {"surrounding-space"}),
]


@pytest.mark.parametrize(("value", "field", "expected"), PERSON_NAME_CASES)
def test_check_person_name(value: str, field: str, expected: set[str]) -> None:
    problems = check_person_name(value, field)
    assert codes(problems) == expected
    for p in problems:
        assert p.message and p.hint and p.message_en and p.hint_en


@pytest.mark.parametrize(("value", "title", "first"), [
    ("นายสมชาย", "นาย", "สมชาย"),
    ("นางสาวสมศรี", "นางสาว", "สมศรี"),
    ("น.ส.สมศรี", "น.ส.", "สมศรี"),
    ("ว่าที่ร้อยตรีสมชาย", "ว่าที่ร้อยตรี", "สมชาย"),
    ("นาย สมชาย", "นาย", "สมชาย"),
])
def test_title_in_name_hint(value: str, title: str, first: str) -> None:
    [p] = [p for p in check_person_name(value, "first_name") if p.code == "title-in-name"]
    assert p.hint.startswith(f"ย้าย `{title}` ไปไว้ใน title และเขียน first_name: `{first}`")
    assert p.offset == 0


def test_check_person_name_rejects_unknown_field() -> None:
    with pytest.raises(ValueError):
        check_person_name("สมชาย", "nickname")


@pytest.mark.parametrize(("text", "titles", "rest"), [
    ("นายสมชาย", ["นาย"], "สมชาย"),
    ("นางสาวสมศรี", ["นางสาว"], "สมศรี"),
    ("นางสาวิตรี", ["นาง"], "สาวิตรี"),      # นางสาว + ิตรี is impossible, so นาง + สาวิตรี
    ("ผศ.ดร.สมชาย", ["ผศ.", "ดร."], "สมชาย"),
    ("ร้อยตรีหญิงสมศรี", ["ร้อยตรีหญิง"], "สมศรี"),
    ("สมชาย", [], "สมชาย"),
    ("นายิกา", [], "นายิกา"),
])
def test_split_title_prefix(text: str, titles: list[str], rest: str) -> None:
    assert split_title_prefix(text) == (titles, rest)


@pytest.mark.parametrize(("title", "sex"), [
    ("นาย", "ชาย"), ("นาง", "หญิง"), ("นางสาว", "หญิง"), ("น.ส.", "หญิง"),
    ("ว่าที่ร้อยตรี", None), ("ว่าที่ร้อยตรีหญิง", "หญิง"), ("ว่าที่ ร.ต.หญิง", "หญิง"),
    ("สิบเอก", None), ("จ่าสิบเอก", None), ("ร้อยตำรวจเอก", None), ("ดาบตำรวจ", None),
    ("ร.ต.อ.หญิง", "หญิง"), ("ด.ต.หญิง", "หญิง"),
    ("ดร.", None), ("ผศ.", None), ("รศ.", None), ("ศ.", None),
    ("นพ.", "ชาย"), ("พญ.", "หญิง"),
    ("ผศ.ดร.", None), ("พญ.ดร.", "หญิง"), ("ว่าที่ร้อยตรี ดร.", None),
    ("คุณ", None), ("", None),
])
def test_title_sex(title: str, sex: str | None) -> None:
    assert title_sex(title) == sex


@pytest.mark.parametrize(("title", "known"), [
    ("นาย", True), ("น.ส.", True), ("ผศ.ดร.", True), ("ว่าที่ร้อยตรี ดร.", True), ("ร.ต.อ.หญิง", True),
    ("คุณ", False), ("ดร.คุณ", False), ("", False), ("เด็กชาย", False),
])
def test_is_known_title(title: str, known: bool) -> None:
    assert is_known_title(title) is known


def test_titles_table() -> None:
    assert {"นาย", "นาง", "นางสาว", "น.ส.", "ว่าที่ร้อยตรี", "ดร.", "นพ.", "พญ."} <= TITLES.keys()
    assert len(TITLES) >= 30
    assert set(TITLES.values()) <= {"ชาย", "หญิง", None}
    # adults only, no monks
    assert not {"เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.", "พระ"} & TITLES.keys()
    # every women's form implies หญิง
    assert all(sex == "หญิง" for t, sex in TITLES.items() if t.endswith("หญิง"))
    # titles are clean text themselves
    assert all(check_line_text(t) == [] for t in TITLES)


@pytest.mark.parametrize(("title", "first", "last"), [
    (None, "นายสมชาย ใจดี", ""),
    ("นาย", "สมชาย", "ใจดี"),
    (None, "สมชาย  ใจดี", ""),
    ("", "นายสมชาย", "ใจดี"),
    ("นาย", "นายสมชาย", "ใจดี"),
    ("ว่าที่ร้อยตรี", "สมชาย", " ใจดี "),
    (None, "สม\u200bชาย", "ใจดี"),
    ("นาย", "นาย สมชาย", "ใจดี"),
])
def test_normalise_person_key_same_person(title: str | None, first: str, last: str) -> None:
    assert normalise_person_key(title, first, last) == "สมชาย ใจดี"


def test_normalise_person_key_fixes_typing_and_case() -> None:
    assert normalise_person_key("นาง", "แสง", SARA_E + SARA_E + "สงดี") == "แสง แสงดี"
    assert normalise_person_key(None, "น" + NIKHAHIT + MAI_THO + SARA_AA + "ฝน", "ใจดี") == "น้ำฝน ใจดี"
    assert normalise_person_key(None, "John", "SMITH") == normalise_person_key(None, "john", "smith")
    assert normalise_person_key("นางสาว", "นางสาวสมศรี", "ใจดี") == "สมศรี ใจดี"
    # an unknown title typed again into the first name is removed too
    assert normalise_person_key("อาจารย์", "อาจารย์สมศรี", "ใจดี") == "สมศรี ใจดี"
    assert normalise_person_key(None, "สมชาย", "ใจดี") != normalise_person_key(None, "สมศรี", "ใจดี")


# ---------------------------------------------------------------------------------------
# Name characters: check_person_name and check_place_name (issue 9, item 10)
# ---------------------------------------------------------------------------------------

NAME_CODES = {"name-character", "name-mixed-script"}

PERSON_NAMES_THAT_PASS = [
    ("สมศักดิ์", "first_name"),
    ("ประเสริฐ", "first_name"),
    ("จันทร์เพ็ญ", "first_name"),
    ("คำปุ่น", "first_name"),
    ("ฤทัย", "first_name"),
    ("เกียรติศักดิ์", "first_name"),
    ("ณ อยุธยา", "last_name"),          # surnames with ณ and a space
    ("ณ ระนอง", "last_name"),
    ("ศรีสุข-ทองดี", "last_name"),        # a hyphenated surname
    ("John", "first_name"),             # foreign names, Latin letters as whole words
    ("John Smith", "last_name"),
    ("Marie-Claire", "first_name"),
    ("O'Neil", "last_name"),
    ("José", "first_name"),
    ("Müller", "last_name"),
    ("จอห์น Smith", "last_name"),       # Thai and Latin words side by side, a space between
]


@pytest.mark.parametrize(("value", "field"), PERSON_NAMES_THAT_PASS)
def test_real_person_names_have_no_name_character_problem(value: str, field: str) -> None:
    assert check_person_name(value, field) == []


# (value, name codes expected, the offending character the first problem points at)
PERSON_NAMES_THAT_FAIL = [
    ("สมบoัติ", {"name-mixed-script"}, "o"),                  # Latin o inside a Thai word
    ("บ้า*aนนาดี", {"name-character", "name-mixed-script"}, "*"),
    ("จันทร์เพ\u0f07ญ", {"name-character"}, "\u0f07"),          # a Tibetan mark
    ("บัวผัน&a", {"name-character"}, "&"),
    ("คำป+.infุ่น", {"name-character", "name-mixed-script"}, "+"),
    ("<script>", {"name-character"}, "<"),
    ("{{x}}", {"name-character"}, "{"),
    ("[a](b)", {"name-character"}, "["),
    ("<img src=x onerror=alert(1)>", {"name-character"}, "<"),
    ("สมชาย|ใจดี", {"name-character"}, "|"),
    ("ສົມ", {"name-character"}, "ສ"),                          # Lao letters that look Thai
    ("สมชาย\U0001f600", {"name-character"}, "\U0001f600"),
    ("สม\u00adชาย", {"name-character"}, "\u00ad"),               # soft hyphen: invisible
]


@pytest.mark.parametrize(("value", "expected", "bad"), PERSON_NAMES_THAT_FAIL)
def test_garbage_person_names_are_rejected(value: str, expected: set[str], bad: str) -> None:
    for field in ("first_name", "last_name"):
        problems = [p for p in check_person_name(value, field) if p.code in NAME_CODES]
        assert codes(problems) == expected
        first = min(problems, key=lambda p: p.offset)
        assert value[first.offset] == bad                      # located at the character
        for p in problems:
            assert p.message and p.hint and p.message_en and p.hint_en
            assert not hidden(p.message + p.hint + p.message_en + p.hint_en)
            assert "ตัวอักษรไทย" in p.hint                       # the hint says what is allowed


def test_name_character_message_names_the_character_and_place() -> None:
    [p] = check_person_name("บัวผัน&a", "first_name")
    assert "`&` (U+0026 AMPERSAND)" in p.message
    assert "ระหว่าง `บัวผัน` กับ `a`" in p.message
    assert p.hint.startswith("ลบ `&` ออก")
    assert "`&` (U+0026 AMPERSAND)" in p.message_en and p.hint_en.startswith("delete `&`")


def test_name_character_hint_gives_the_name_when_deleting_is_the_fix() -> None:
    [p] = check_person_name("สมชาย*", "first_name")
    assert p.hint.startswith("แก้เป็น `สมชาย`")
    # a letter of another script stood for a Thai letter: deleting it is not the whole fix
    [p] = check_person_name("จันทร์เพ\u0f07ญ", "first_name")
    assert "ไม่ใช่อักษรไทย" in p.message and "พิมพ์ตัวที่ถูกเป็นภาษาไทย" in p.hint


def test_name_character_lists_every_bad_character_once() -> None:
    [p] = [p for p in check_person_name("<img src=x onerror=alert(1)>", "last_name")
           if p.code == "name-character"]
    assert p.offset == 0
    assert "และยังมี `=` `(` `)` `>`" in p.message
    assert p.hint.startswith("ลบ `<` `=` `(` `)` `>` ออก")


def test_digits_in_a_person_name_are_digit_in_name_only() -> None:
    assert codes(check_person_name("สมชาย2", "first_name")) == {"digit-in-name"}
    assert codes(check_person_name("ใจดี๒", "last_name")) == {"digit-in-name"}


def test_invisible_characters_are_reported_once_by_line_text() -> None:
    assert codes(check_person_name("สม\u200bชาย", "first_name")) == {"zero-width"}
    assert codes(check_person_name("สมชาย\n", "last_name")) == {"newline"}
    assert not codes(check_person_name("สม\u00a0ชาย", "last_name")) & NAME_CODES


PLACE_NAMES_THAT_PASS = [
    "บ้านโนนสว่าง",
    "บ้านนาอ้อ",
    "บ้านห้วยทราย 2",                    # a village split in two keeps the name with a number
    "บ้านห้วยทราย ๒",
    "บ้านนาดี (นาดีใต้)",
    "กุดป่อง",
    "ชมรมผู้นำ อช. อำเภอเมืองเลย",
    "ชมรมผู้นำอาสาพัฒนาชุมชนอำเภอเมืองเลย",
    "สมาคมผู้นำอาสาพัฒนาชุมชนจังหวัดเลย",
    "สำนักงานพัฒนาชุมชนจังหวัดเลย",
    "กลุ่มงานส่งเสริมการพัฒนาชุมชน",
    "กรุงเทพฯ",
    "Loei Volunteer Club",
]


@pytest.mark.parametrize("value", PLACE_NAMES_THAT_PASS)
def test_real_place_names_pass(value: str) -> None:
    assert check_place_name(value) == []


@pytest.mark.parametrize(("value", "expected", "bad"), [
    ("บ้านนาเจoริญ", {"name-mixed-script"}, "o"),
    ("บ้า*aนนาดี", {"name-character", "name-mixed-script"}, "*"),
    ("<img src=x onerror=alert(1)>", {"name-character"}, "<"),
    ("<script>alert(1)</script>", {"name-character"}, "<"),
    ("{{x}}", {"name-character"}, "{"),
    ("[บ้านนาดี](https://x.test)", {"name-character"}, "["),
    ("บ้านนาดี & บ้านนาอ้อ", {"name-character"}, "&"),
    ("บ้านนาดี ＂", {"name-character"}, "＂"),
])
def test_garbage_place_names_are_rejected(value: str, expected: set[str], bad: str) -> None:
    problems = check_place_name(value)
    assert codes(problems) == expected
    assert value[problems[0].offset] == bad
    for p in problems:
        assert p.message and p.hint and p.message_en and p.hint_en
        assert "ตัวอักษรไทย" in p.hint


def test_place_name_keeps_line_text_problems() -> None:
    assert codes(check_place_name("บ้าน" + SARA_E + SARA_E + "สง")) == {"thai-double-sara-e"}


@given(st.text())
@settings(max_examples=300)
def test_name_checks_never_raise_and_never_print_hidden_chars(value: str) -> None:
    for p in check_person_name(value, "last_name") + check_place_name(value):
        assert isinstance(p, Problem)
        assert 0 <= p.offset <= len(value)
        assert not hidden(p.message + p.hint + p.message_en + p.hint_en)


@given(st.text(alphabet=st.sampled_from(THAI_CONSONANTS + [SARA_AA, MAI_EK, " ", ".", "-", "ฯ", "ๆ"])))
def test_thai_letters_and_name_punctuation_are_name_characters(value: str) -> None:
    assert not codes(check_person_name(value, "last_name")) & NAME_CODES
    assert not codes(check_place_name(value)) & NAME_CODES
