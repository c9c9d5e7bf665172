"""Phone and national ID numbers in any spelling (issue 17 §4): every separator, invisible character
and digit form, through every route that scans for them — the core scanners, masking of rendered
text, the excerpts of the text.double-space hint, `thamniap validate` on a data file, and the report
bot on an issue event (body, title, labels).

National IDs are built at run time (test_fixtures.national_id): no checksum-valid number is stored.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from report_events import event
from test_fixtures import BASE, national_id, run_validate

from thamniap.core.national_id import find_national_ids, mask_national_ids
from thamniap.core.numbers import normalise_for_numbers, original_span
from thamniap.core.phones import find_phone_numbers
from thamniap.core.text import check_line_text
from thamniap.render.markup import h, md
from thamniap.bot import bot

# What may stand between two digit groups (one or more of them).
SEPARATORS = {
    "space": " ", "dash": "-", "no-break space": "\u00a0", "figure space": "\u2007", "thin space": "\u2009",
    "narrow no-break space": "\u202f", "ideographic space": "\u3000", "tab": "\t", "underscore": "_",
    "hyphen": "\u2010", "non-breaking hyphen": "\u2011", "figure dash": "\u2012", "en dash": "\u2013",
    "em dash": "\u2014", "horizontal bar": "\u2015", "minus sign": "\u2212", "full-width hyphen-minus": "\uff0d",
    "full-width low line": "\uff3f", "soft hyphen": "\u00ad", "zero-width space": "\u200b",
    "zero-width joiner": "\u200d", "word joiner": "\u2060", "byte order mark": "\ufeff",
    "combining grapheme joiner": "\u034f", "mongolian vowel separator": "\u180e", "hangul filler": "\u3164",
    "hangul choseong filler": "\u115f", "hangul jungseong filler": "\u1160", "halfwidth hangul filler": "\uffa0",
    "left-to-right mark": "\u200e", "space and soft hyphen": " \u00ad", "soft hyphen in a dash": "\u00ad-\u200b",
    "two spaces": "  ", "spaced en dash": " \u2013 ",
}
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
DIGITS = {"arabic": lambda s: s, "thai": lambda s: s.translate(THAI), "full-width": lambda s: s.translate(FULL_WIDTH),
          "mixed": lambda s: "".join(ch.translate((THAI, FULL_WIDTH, {})[i % 3]) for i, ch in enumerate(s))}
ID_GROUPS = (1, 4, 5, 2, 1)
MOBILE, MOBILE_GROUPS = "0812345678", (3, 3, 4)
LANDLINE, LANDLINE_GROUPS = "042411773", (1, 4, 4)


def groups(digits: str, sizes: tuple[int, ...]) -> list[str]:
    out, at = [], 0
    for size in sizes:
        out.append(digits[at:at + size])
        at += size
    return out


def id_digits() -> str:
    return national_id().replace("-", "")


def spelled(digits: str, sizes: tuple[int, ...], sep: str, digit_form: str = "arabic") -> str:
    return sep.join(DIGITS[digit_form](g) for g in groups(digits, sizes))


def leaks(text: str, digits: str, run: int = 4) -> bool:
    """Whether TEXT shows any RUN digits of DIGITS in a row, in any spelling (the last two are kept
    visible by masking, so only the first len-2 count)."""
    plain = re.sub(r"[^0-9]", "", normalise_for_numbers(text)[0])
    secret = digits[:-2]
    return any(secret[i:i + run] in plain for i in range(len(secret) - run + 1))


CASES = [(name, form) for name in SEPARATORS for form in ("arabic",)] + \
        [(name, form) for name in ("no-break space", "soft hyphen", "en dash", "hangul filler") for form in DIGITS]


# ---------------------------------------------------------------- the core scanners and masking

@pytest.mark.parametrize("sep_name,form", CASES)
def test_national_id_found_and_masked_in_any_spelling(sep_name, form):
    number = spelled(id_digits(), ID_GROUPS, SEPARATORS[sep_name], form)
    text = f"หมายเหตุ: บัตร {number} ครับ"
    found = find_national_ids(text)
    assert [(s, e) for s, e, _ in found] == [(text.index(number), text.index(number) + len(number))]
    masked = mask_national_ids(text)
    assert not leaks(masked, id_digits()) and masked.startswith("หมายเหตุ: บัตร X")
    for rendered in (h(text), md(text)):
        assert not leaks(rendered, id_digits())


@pytest.mark.parametrize("sep_name,form", CASES)
@pytest.mark.parametrize("digits,sizes", [(MOBILE, MOBILE_GROUPS), (LANDLINE, LANDLINE_GROUPS)])
def test_phone_found_in_any_spelling(sep_name, form, digits, sizes):
    number = spelled(digits, sizes, SEPARATORS[sep_name], form)
    text = f"ติดต่อ {number} ได้ทุกวัน"
    start = text.index(number)
    assert find_phone_numbers(text) == [(start, start + len(number))]


def test_normalisation_maps_back_to_the_original():
    text = "a\u00ad1\u2013\u200b2\u00a0๓"
    plain, origin = normalise_for_numbers(text)
    assert plain == "a1-2 3"
    assert [text[origin[i]] for i in range(len(plain))] == ["a", "1", "\u2013", "2", "\u00a0", "๓"]
    assert original_span(origin, 1, 6) == (2, len(text))
    clean = "นายสมชาย 2567"
    assert normalise_for_numbers(clean) == (clean, range(len(clean) + 1))


def test_dates_and_order_numbers_are_not_numbers():
    for text in ("20/1/2567", "คำสั่งที่ 34/2566 ลงวันที่ 1 ต.ค. 2566", "4214-0001", "ปี ๒๕๖๗\u00ad๑๒"):
        assert find_phone_numbers(text) == [] and find_national_ids(text) == []


# ---------------------------------------------------------------- excerpts: mask first, cut after

@pytest.mark.parametrize("sep", ["  ", "\u00a0\u00a0", "  \u00ad", " \u2009"])
def test_double_space_hints_never_spell_out_a_number(sep):
    for digits, sizes in ((id_digits(), ID_GROUPS), (MOBILE, MOBILE_GROUPS)):
        value = "เลข " + spelled(digits, sizes, sep) + " จบ"
        problems = check_line_text(value)
        assert any(p.code == "double-space" for p in problems)
        said = " ".join(f"{p.message} {p.hint} {p.message_en} {p.hint_en}" for p in problems)
        assert not leaks(said, digits, run=3), said


def test_hidden_character_hint_never_spells_out_a_number():
    value = "บัตร " + spelled(id_digits(), ID_GROUPS, "\u200b")
    said = " ".join(f"{p.message} {p.hint}" for p in check_line_text(value))
    assert "U+200B" in said and not leaks(said, id_digits(), run=3), said


# ---------------------------------------------------------------- Hypothesis: any Cf, Zs or Pd character

def _category_chars(*categories: str) -> list[str]:
    return [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) in categories]


INSERTABLE = _category_chars("Cf", "Zs", "Pd")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_format_space_or_dash_between_groups(data):
    gap = st.lists(st.sampled_from(INSERTABLE), min_size=1, max_size=3).map("".join)
    for digits, sizes in ((id_digits(), ID_GROUPS), (MOBILE, MOBILE_GROUPS), (LANDLINE, LANDLINE_GROUPS)):
        parts = groups(digits, sizes)
        number = parts[0] + "".join(data.draw(gap) + g for g in parts[1:])
        text = f"ข้อความ {number} ท้าย"
        start, end = text.index(number), text.index(number) + len(number)
        if len(digits) == 13:
            assert [(s, e) for s, e, _ in find_national_ids(text)] == [(start, end)]
            assert not leaks(mask_national_ids(text), digits)
        else:
            assert find_phone_numbers(text) == [(start, end)]


# ---------------------------------------------------------------- validate on a data file

VALIDATE_SPELLINGS = ["soft hyphen", "hangul filler", "no-break space", "minus sign", "tab"]


@pytest.mark.parametrize("sep_name", VALIDATE_SPELLINGS)
def test_validate_refuses_numbers_in_a_note_and_masks_them(sep_name, tmp_path):
    import shutil
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    roster = root / "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
    sep = SEPARATORS[sep_name]
    note_id = spelled(id_digits(), ID_GROUPS, sep)
    note_phone = spelled(MOBILE, MOBILE_GROUPS, sep)
    text = roster.read_text(encoding="utf-8")
    # json.dumps: a YAML double-quoted string, with the tab written as \t (a raw tab is not allowed)
    text = text.replace("  last_name: คำภา\n", f"  last_name: คำภา\n  note: {json.dumps('บัตร ' + note_id, ensure_ascii=False)}\n", 1)
    text = text.replace("  last_name: จันทร์หอม\n", f"  last_name: จันทร์หอม\n  note: {json.dumps('โทร ' + note_phone, ensure_ascii=False)}\n", 1)
    roster.write_text(text, encoding="utf-8")
    code, diags, raw = run_validate(root)
    rules = {d["rule"] for d in diags}
    assert code == 1 and {"privacy.national-id", "privacy.phone-in-free-text"} <= rules, raw
    assert not leaks(raw, id_digits()) and not leaks(raw, MOBILE), raw


# ---------------------------------------------------------------- the report bot

COMMITTEE = {"district": "4209", "term": "1/10/2566 - 30/9/2570", "order-no": "34/2566", "order-date": "1/10/2566"}


def bot_reply(tmp_path: Path, payload: dict) -> bot.Outcome:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    # refused before anything is read from the repository: no project is needed
    return bot.run(bot.Options(event=path, project=tmp_path, base="HEAD", write=False))


@pytest.mark.parametrize("sep_name,form", CASES)
def test_bot_refuses_numbers_in_any_spelling_and_never_repeats_them(sep_name, form, tmp_path):
    sep = SEPARATORS[sep_name]
    number_id = spelled(id_digits(), ID_GROUPS, sep, form)
    number_phone = spelled(MOBILE, MOBILE_GROUPS, sep, form)
    outcome = bot_reply(tmp_path, event("committee", {**COMMITTEE, "order-by": f"บัตร {number_id}",
                                                      "seats": f"ประธาน | นายสมชาย โทร {number_phone}"}))
    assert outcome.code == 1 and not outcome.files
    assert "เลขประจำตัวประชาชน" in outcome.reply and "หมายเลขโทรศัพท์" in outcome.reply
    assert not leaks(outcome.reply, id_digits(), run=3) and not leaks(outcome.reply, MOBILE, run=3)


@pytest.mark.parametrize("where", ["title", "labels"])
def test_bot_scans_the_title_and_labels(where, tmp_path):
    payload = event("committee", COMMITTEE)
    number = spelled(id_digits(), ID_GROUPS, "\u00ad")
    if where == "title":
        payload["issue"]["title"] += f" {number}"
    else:
        payload["issue"]["labels"].append({"name": number})
    outcome = bot_reply(tmp_path, payload)
    assert outcome.code == 1 and "เลขประจำตัวประชาชน" in outcome.reply
    assert not leaks(outcome.reply, id_digits(), run=3)


@pytest.mark.parametrize("heading", ["081 234 5678", "โทร 081\u2013234\u20135678", "บัตร " + "{id}"])
def test_bot_never_quotes_a_heading_it_did_not_write(heading, tmp_path):
    heading = heading.replace("{id}", spelled(id_digits(), ID_GROUPS, "\u2060"))
    payload = event("committee", COMMITTEE)
    payload["issue"]["body"] += f"\n\n### {heading}\n\nข้อความ"
    outcome = bot_reply(tmp_path, payload)
    assert outcome.code == 1
    assert not leaks(outcome.reply, MOBILE, run=3) and not leaks(outcome.reply, id_digits(), run=3)
    assert "081" not in outcome.reply and "5678" not in outcome.reply
