"""Titles (นาย, ว่าที่ร้อยตรี, ผศ.ดร.) and the names of people and places: what they may hold.

:func:`check_person_name` and :func:`check_place_name` return :class:`~thamniap.core.problem.Problem`
lists like every field check; :func:`normalise_person_key` makes one key for a person typed two ways.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from thamniap.core.digits import THAI_DIGITS
from thamniap.core.private_numbers import mask_private_numbers
from thamniap.core.problem import Problem, around, char_name, is_hidden, show
from thamniap.core.text import BIDI_CONTROLS, NEWLINES, ZERO_WIDTH, check_line_text, fix_line_text


def _ranks() -> dict[str, str | None]:
    """Military and police ranks, full and abbreviated, and their women's forms.

    A woman's rank adds หญิง (ร้อยตำรวจเอกหญิง, ร.ต.อ.หญิง), so the หญิง forms imply หญิง.
    The plain forms are men's by rule, but officers often leave หญิง off when typing, so
    they imply nothing here (None) rather than cause a false "sex does not match" warning.
    """
    plain = [
        # army (ทหารบก); navy and air force officers share the abbreviations ร.ต. … พ.อ.
        ("สิบตรี", "ส.ต."), ("สิบโท", "ส.ท."), ("สิบเอก", "ส.อ."),
        ("จ่าสิบตรี", "จ.ส.ต."), ("จ่าสิบโท", "จ.ส.ท."), ("จ่าสิบเอก", "จ.ส.อ."),
        ("ร้อยตรี", "ร.ต."), ("ร้อยโท", "ร.ท."), ("ร้อยเอก", "ร.อ."),
        ("พันตรี", "พ.ต."), ("พันโท", "พ.ท."), ("พันเอก", "พ.อ."),
        # reserve officer title common among former civil servants
        ("ว่าที่ร้อยตรี", "ว่าที่ร.ต."), ("ว่าที่ร้อยโท", "ว่าที่ร.ท."), ("ว่าที่ร้อยเอก", "ว่าที่ร.อ."),
        # navy and air force non-commissioned ranks
        ("จ่าเอก", "จ.อ."), ("พันจ่าเอก", "พ.จ.อ."),
        ("จ่าอากาศเอก", None), ("พันจ่าอากาศเอก", "พ.อ.อ."),
        # police
        ("สิบตำรวจตรี", "ส.ต.ต."), ("สิบตำรวจโท", "ส.ต.ท."), ("สิบตำรวจเอก", "ส.ต.อ."),
        ("จ่าสิบตำรวจ", "จ.ส.ต."), ("ดาบตำรวจ", "ด.ต."),
        ("ร้อยตำรวจตรี", "ร.ต.ต."), ("ร้อยตำรวจโท", "ร.ต.ท."), ("ร้อยตำรวจเอก", "ร.ต.อ."),
        ("พันตำรวจตรี", "พ.ต.ต."), ("พันตำรวจโท", "พ.ต.ท."), ("พันตำรวจเอก", "พ.ต.อ."),
    ]
    ranks: dict[str, str | None] = {}
    for full, abbrev in plain:
        for form in (full, abbrev):
            if form:
                ranks[form] = None
                ranks[form + "หญิง"] = "หญิง"
                if form.startswith("ว่าที่"):
                    # also typed with a space: ว่าที่ ร.ต.
                    ranks["ว่าที่ " + form[len("ว่าที่"):]] = None
                    ranks["ว่าที่ " + form[len("ว่าที่"):] + "หญิง"] = "หญิง"
    return ranks


# Accepted title prefixes -> the sex they imply ("ชาย"/"หญิง"), or None when they do not
# settle it.  Children's titles (เด็กชาย/เด็กหญิง) and monks' titles are left out on purpose:
# volunteers are adult lay people.
TITLES: dict[str, str | None] = {
    "นาย": "ชาย",
    "นาง": "หญิง",
    "นางสาว": "หญิง",
    "น.ส.": "หญิง",   # accepted as written; the site may show นางสาว
    **_ranks(),
    # academic and professional
    "ดร.": None, "ศ.": None, "รศ.": None, "ผศ.": None,
    "นพ.": "ชาย", "พญ.": "หญิง",        # physician
    "ทพ.": "ชาย", "ทพญ.": "หญิง",       # dentist
    "ภก.": "ชาย", "ภญ.": "หญิง",        # pharmacist
    # royal lineage, carried in ordinary names
    "หม่อมราชวงศ์": None, "ม.ร.ว.": None, "หม่อมหลวง": None, "ม.ล.": None,
}

# Longest first, so นางสาว wins over นาง and ร้อยตรีหญิง over ร้อยตรี.
_TITLES_LONGEST_FIRST = sorted(TITLES, key=len, reverse=True)
_RE_TITLE_START = re.compile("|".join(re.escape(t) for t in _TITLES_LONGEST_FIRST))
# The same, by first letter: only these can match at the start of a text (~8 instead of ~190).
_TITLES_BY_FIRST: dict[str, list[str]] = {}
for _title in _TITLES_LONGEST_FIRST:
    _TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)

# A first name cannot begin with a combining mark or a following vowel; if the text after
# a candidate title does, the title letters belong to the name (นายิกา is not นาย + ิกา).
_CANNOT_START_NAME = frozenset("ะาำๅๆฯ")


def _plausible_name_start(rest: str) -> bool:
    rest = rest.lstrip(" ")
    return (len(rest) >= 2
            and unicodedata.category(rest[0]) not in ("Mn", "Mc")
            and rest[0] not in _CANNOT_START_NAME)


def split_title_prefix(text: str) -> tuple[list[str], str]:
    """Split known title prefixes off the front: ``"ผศ.ดร.สมชาย"`` -> (["ผศ.", "ดร."], "สมชาย").

    Trade-off: นาง, นาย and a few more are also the first letters of some real names.
    A prefix is taken only when it is a known title AND the rest could start a name
    (at least two characters, not a combining mark or following vowel), so นายิกา stays
    whole.  นางนวล is still split (นาง + นวล): it may be a real name, so the caller should
    make title-in-name a warning, not an error.
    """
    titles: list[str] = []
    rest = text
    if not _RE_TITLE_START.match(rest):
        return titles, rest
    while True:
        for title in _TITLES_BY_FIRST.get(rest[:1], ()):
            if rest.startswith(title) and _plausible_name_start(rest[len(title):]):
                titles.append(title)
                rest = rest[len(title):].lstrip(" ")
                break
        else:
            return titles, rest


def _title_parts(title: str) -> list[str] | None:
    """A title field split into known titles (ผศ.ดร. -> [ผศ., ดร.]), or None if a part is unknown."""
    parts: list[str] = []
    rest = fix_line_text(title)
    while rest:
        for t in _TITLES_BY_FIRST.get(rest[0], ()):
            if rest.startswith(t):
                parts.append(t)
                rest = rest[len(t):].lstrip(" ")
                break
        else:
            return None
    return parts or None


# An abbreviated title -> the full title a new person is written with (a report's `น.ส.` is added to
# the roster as นางสาว, on the report page and by the bot alike: intake/reportform passes this map to
# the page). Other abbreviations (ranks, ดร.) are how their holders write them and stay as typed.
FULL_TITLES = {"น.ส.": "นางสาว"}


def full_title(titles: list[str]) -> str:
    """The title of a new person from the parts split_title_prefix found: ["น.ส."] -> "นางสาว"."""
    return "".join(FULL_TITLES.get(t, t) for t in titles)


@lru_cache(maxsize=4096)
def is_known_title(title: str) -> bool:
    """True for a title in TITLES or a stack of them (ผศ.ดร., ว่าที่ร้อยตรี ดร.)."""
    return _title_parts(title) is not None


@lru_cache(maxsize=4096)  # a handful of distinct titles, looked up for every person
def title_sex(title: str) -> str | None:
    """The sex a title implies ("ชาย"/"หญิง"), or None when it does not say or is unknown.

    Stacked titles are read part by part; parts that disagree give None.
    """
    parts = _title_parts(title)
    if parts is None:
        return None
    sexes = {TITLES[p] for p in parts} - {None}
    return sexes.pop() if len(sexes) == 1 else None


_NAME_FIELDS = ("first_name", "last_name")
_TITLES_ALSO_NAME_START = frozenset({"นาย", "นาง"})

# Characters of a name.  Thai letters, vowels and marks (ก–ฺ, เ–๎: ฯ and ๆ included; ฿, ๏,
# ๚, ๛ and the Thai digits are not), one space between words, and the punctuation real names
# carry: "." (abbreviations), "-" (Marie-Claire).  Latin letters make up foreign or
# transliterated names, but only as whole words: a run of them must not touch a Thai
# character (สมบoัติ is a slip of the keyboard layout, not a name).  Place, club and office
# names may also hold digits and brackets (บ้านนาดี 2, … (ชื่อเดิม …)).  What a name may not
# hold is markup and symbols: < > * & { } [ ] | + = and the rest.
_THAI_NAME_CHARS = "\u0e01-\u0e3a\u0e40-\u0e4e"
_RE_THAI_NAME_CHAR = re.compile(f"[{_THAI_NAME_CHARS}]")
_NAME_PUNCTUATION = frozenset(" .-")
_PLACE_EXTRA = frozenset("0123456789()" + THAI_DIGITS)
_APOSTROPHES = frozenset("'\u2019")                  # O'Neil, d’Arc: only inside a Latin word
# Fast path: a name of Thai letters, spaces and . - only (nearly every value) has nothing to report.
_RE_PLAIN_THAI_NAME = re.compile(f"[{_THAI_NAME_CHARS} .\\-]*")
_RE_PLAIN_THAI_PLACE = re.compile(f"[{_THAI_NAME_CHARS}{THAI_DIGITS}0-9 .\\-()]*")
NAME_CHARACTER_CODES = ("name-character", "name-mixed-script")

_NAME_ALLOWED = {
    "person": ("ชื่อและนามสกุลใช้ได้เฉพาะตัวอักษรไทย สระ วรรณยุกต์ ช่องว่าง และเครื่องหมาย . - ฯ ๆ "
               "ส่วนชื่อภาษาอังกฤษเขียนเป็นคำแยกจากภาษาไทย เช่น `John Smith`",
               "names may hold only Thai letters, vowels and tone marks, spaces and `.` `-` `ฯ` `ๆ`; "
               "a name in Latin letters is written as separate words, e.g. `John Smith`"),
    "place": ("ชื่อหมู่บ้าน ตำบล ชมรม และหน่วยงานใช้ได้เฉพาะตัวอักษรไทย สระ วรรณยุกต์ ตัวเลข ช่องว่าง "
              "วงเล็บ ( ) และเครื่องหมาย . - ฯ ๆ ส่วนคำภาษาอังกฤษเขียนเป็นคำแยกจากภาษาไทย",
              "names of villages, subdistricts, clubs and offices may hold only Thai letters, vowels "
              "and tone marks, digits, spaces, brackets ( ) and `.` `-` `ฯ` `ๆ`; a word in Latin letters is "
              "written separately from the Thai"),
}
_NAME_NOUN = {"person": ("ชื่อหรือนามสกุล", "name"), "place": ("ชื่อ", "name")}


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN ")


def _latin_runs(value: str) -> list[tuple[int, int]]:
    """(start, end) of every Latin word: letters, their combining accents, apostrophes inside."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(value):
        if not _is_latin_letter(value[i]):
            i += 1
            continue
        start = i
        while i < len(value) and (
                _is_latin_letter(value[i])
                or ("\u0300" <= value[i] <= "\u036f" and i > start)
                or (value[i] in _APOSTROPHES and i + 1 < len(value) and _is_latin_letter(value[i + 1]))):
            i += 1
        runs.append((start, i))
    return runs


def _reported_by_line_text(ch: str) -> bool:
    """Characters check_line_text already reports (invisible, control, line breaks, odd spaces)."""
    return (ch in ZERO_WIDTH or ch in BIDI_CONTROLS or ch in NEWLINES
            or unicodedata.category(ch) in ("Cc", "Zs"))


def _name_character_problems(value: str, kind: str) -> list[Problem]:
    """name-character and name-mixed-script problems of a person ("person") or place ("place") name."""
    plain = _RE_PLAIN_THAI_NAME if kind == "person" else _RE_PLAIN_THAI_PLACE
    if plain.fullmatch(value):
        return []
    shown = show(fix_line_text(value))
    runs = _latin_runs(value)
    in_latin = {i for start, end in runs for i in range(start, end)}
    extra = _PLACE_EXTRA if kind == "place" else frozenset()
    bad = [i for i, ch in enumerate(value)
           if i not in in_latin and not _RE_THAI_NAME_CHAR.match(ch) and ch not in _NAME_PUNCTUATION
           and ch not in extra and not _reported_by_line_text(ch)
           # digits in a person's name are digit-in-name
           and not (kind == "person" and re.match(r"\d", ch))]
    problems = [_bad_character_problem(value, kind, shown, bad)] if bad else []
    return problems + _mixed_script_problems(value, kind, shown, runs)


def _bad_character_problem(value: str, kind: str, shown: str, bad: list[int]) -> Problem:
    """name-character: the first character (at ``bad[0]``) a name may not hold, and the others."""
    allowed_th, allowed_en = _NAME_ALLOWED[kind]
    noun_th, noun_en = _NAME_NOUN[kind]
    bad_at = set(bad)
    first = bad[0]
    ch = value[first]
    where_th, where_en = around(mask_private_numbers(value), first, first + 1)
    others = list(dict.fromkeys(value[i] for i in bad[1:] if value[i] != ch))
    also_th = (" และยังมี " + " ".join(f"`{show(c)}`" for c in others[:8])
               + (" …" if len(others) > 8 else "")) if others else ""
    also_en = (" and also " + " ".join(f"`{show(c)}`" for c in others[:8])
               + (" …" if len(others) > 8 else "")) if others else ""
    remove = " ".join(f"`{show(c)}`" for c in dict.fromkeys(value[i] for i in bad))
    if is_hidden(ch):
        what_th, what_en = "ซึ่งมองไม่เห็นและไม่ใช้ในชื่อ", "which is invisible and names do not use"
        fix_th, fix_en = f"ลบ {remove} ออก ", f"delete {remove} "
    elif not ch.isascii():
        # another script's letter or mark (Lao and Khmer look like Thai): a letter was
        # probably replaced, so deleting it is not the whole fix
        what_th, what_en = "ซึ่งไม่ใช่อักษรไทย (อาจคัดลอกหรือพิมพ์มาผิด)", "which is not Thai (perhaps copied or typed wrongly)"
        fix_th = f"ลบ {remove} แล้วพิมพ์ตัวที่ถูกเป็นภาษาไทย "
        fix_en = f"delete {remove} and type the right letter in Thai "
    else:
        what_th, what_en = "ซึ่งไม่ใช้ในชื่อ", "which names do not use"
        without = fix_line_text("".join(c for i, c in enumerate(value) if i not in bad_at))
        symbols_only = all(value[i].isascii() for i in bad)
        if (symbols_only and _RE_THAI_NAME_CHAR.search(without)
                and not _name_character_problems(without, kind) and not check_line_text(without)):
            fix_th, fix_en = f"แก้เป็น `{show(without)}` ", f"change it to `{show(without)}` "
        else:
            fix_th, fix_en = f"ลบ {remove} ออก ", f"delete {remove} "
    return Problem(
        "name-character",
        f"{noun_th} `{shown}` มีอักขระ `{show(ch)}` ({char_name(ch)}) {what_th} {where_th}{also_th}",
        f"{fix_th}({allowed_th})",
        f"{noun_en} `{shown}` holds `{show(ch)}` ({char_name(ch)}), {what_en}, {where_en}{also_en}",
        f"{fix_en}({allowed_en})",
        first,
    )


def _mixed_script_problems(value: str, kind: str, shown: str, runs: list[tuple[int, int]]) -> list[Problem]:
    """name-mixed-script: a Latin word touching Thai letters (typed with the wrong keyboard layout?)."""
    allowed_th, allowed_en = _NAME_ALLOWED[kind]
    noun_th, noun_en = _NAME_NOUN[kind]
    problems: list[Problem] = []
    for start, end in runs:
        left = value[start - 1] if start else ""
        right = value[end] if end < len(value) else ""
        if not (_RE_THAI_NAME_CHAR.match(left) or _RE_THAI_NAME_CHAR.match(right)):
            continue
        latin = show(value[start:end])
        where_th, where_en = around(mask_private_numbers(value), start, end)
        problems.append(Problem(
            "name-mixed-script",
            f"{noun_th} `{shown}` มีตัวอักษรอังกฤษ `{latin}` ติดกับตัวอักษรไทย {where_th} "
            "อาจพิมพ์ผิดแป้นภาษา",
            f"ถ้าพิมพ์ผิดแป้น ให้ลบ `{latin}` แล้วพิมพ์เป็นภาษาไทย ถ้าเป็นคำภาษาอังกฤษจริง "
            f"ให้เว้นวรรคคั่นจากภาษาไทย ({allowed_th})",
            f"{noun_en} `{shown}` has the Latin letters `{latin}` touching Thai letters {where_en}; "
            "perhaps typed with the wrong keyboard layout",
            f"if so, delete `{latin}` and type it in Thai; if it is a word in Latin letters, "
            f"separate it from the Thai with a space ({allowed_en})",
            start,
        ))
    return problems


# A name needs at least one letter: `-`, `---`, `...` stand for "not known", never for a name. The
# words are a template ({0}: the text as typed) that the report bot and the report pages use too
# (intake/reportform/messages.py NOT_A_NAME), so all three say the same.
NO_LETTERS = ("{0} ไม่ใช่ชื่อ: มีแต่เครื่องหมาย ไม่มีตัวอักษร",
              "เขียนชื่อจริงตามบัตร ถ้ายังไม่ทราบชื่อ อย่าเพิ่งใส่บุคคลนี้")


def has_no_letters(text: str) -> bool:
    """True for text without a single letter (`-`, `---`, `...`, `- -`): no name at all."""
    return not any(ch.isalpha() for ch in fix_line_text(text or ""))


def check_person_name(value: str, field: str) -> list[Problem]:
    """A name is clean one-line text of name characters, no digits, at least one letter; a first name has no title prefix and no space."""
    if field not in _NAME_FIELDS:
        raise ValueError(f"field must be one of {_NAME_FIELDS}, not {field!r}")
    problems = check_line_text(value)
    clean = fix_line_text(value)
    if clean and has_no_letters(clean):
        problems.append(Problem("name-no-letters", NO_LETTERS[0].format(f"`{show(clean)}`"), NO_LETTERS[1],
                                f"`{show(clean)}` is no name: punctuation only, not a single letter",
                                "write the person's real name; if it is not known yet, leave the person out", 0))
    if field == "first_name":
        problems += _first_name_problems(value, clean)
    for m in re.finditer(r"\d+", value):
        digits = m.group()
        problems.append(Problem(
            "digit-in-name",
            f"ชื่อหรือนามสกุล `{show(clean)}` มีตัวเลข `{show(digits)}`",
            "ลบตัวเลขออก ชื่อและนามสกุลมีแต่ตัวอักษร",
            f"name `{show(clean)}` contains the number `{show(digits)}`",
            "remove the digits; names contain letters only",
            m.start(),
        ))
    problems += _name_character_problems(value, "person")
    problems.sort(key=lambda p: p.offset)
    return problems


def _first_name_problems(value: str, clean: str) -> list[Problem]:
    """title-in-name and space-in-name: a title or the last name typed into the first name."""
    problems: list[Problem] = []
    lead = len(value) - len(value.lstrip())
    skip_space_until = -1
    titles, rest = split_title_prefix(value.lstrip())
    if titles:
        prefix = value[lead:len(value) - len(rest)].rstrip(" ")
        prefix_show = show(fix_line_text(prefix))
        rest_show = show(fix_line_text(rest))
        skip_space_until = len(value) - len(rest)
        # นาย/นาง also begin a few real names (นางนวล); say so only for those
        maybe_name = titles[0] in _TITLES_ALSO_NAME_START
        problems.append(Problem(
            "title-in-name",
            f"ชื่อ `{show(clean)}` มีคำนำหน้านาม `{prefix_show}` ติดมาด้วย",
            f"ย้าย `{prefix_show}` ไปไว้ใน title และเขียน first_name: `{rest_show}`"
            + (f" (ถ้า `{show(clean)}` เป็นชื่อจริงทั้งคำ ไม่ต้องแก้)" if maybe_name else ""),
            f"first name `{show(clean)}` includes the title `{prefix_show}`",
            f"move `{prefix_show}` to title and write first_name: `{rest_show}`"
            + (f" (if `{show(clean)}` really is the whole name, leave it)" if maybe_name else ""),
            lead,
        ))
    # A space inside a first name usually means the last name (or a title) was typed
    # into it.  Last names are not checked: ณ อยุธยา and other ณ names have a space.
    core_end = len(value.rstrip())
    for m in re.finditer(r"\s+", value[:core_end]):
        if m.start() < lead or m.end() <= skip_space_until:
            continue
        problems.append(Problem(
            "space-in-name",
            f"ชื่อ `{show(clean)}` มีช่องว่างคั่นกลาง อาจพิมพ์นามสกุลหรือคำนำหน้ามาในช่องชื่อ",
            "ชื่ออยู่ใน first_name นามสกุลอยู่ใน last_name คำนำหน้าอยู่ใน title",
            f"first name `{show(clean)}` has a space inside; the last name or a title "
            "may have been typed into it",
            "first name goes in first_name, last name in last_name, title in title",
            m.start(),
        ))
        break  # one is enough: the fix is the same
    return problems


def check_place_name(value: str) -> list[Problem]:
    """A village, subdistrict, club or office name is clean one-line text of name characters (digits and brackets allowed)."""
    problems = check_line_text(value) + _name_character_problems(value, "place")
    problems.sort(key=lambda p: p.offset)
    return problems


def normalise_person_key(title: str | None, first: str, last: str) -> str:
    """A key that is equal for the same person typed differently (titles, typos, spaces)."""
    title_clean = fix_line_text(title or "")
    first_clean = fix_line_text(first)
    last_clean = fix_line_text(last)
    # known titles typed into the first name (longest first: นางสาว before นาง) …
    _, first_clean = split_title_prefix(first_clean)
    # … and the title field's own text typed again, even when it is not a known title
    if title_clean and first_clean.startswith(title_clean) \
            and _plausible_name_start(first_clean[len(title_clean):]):
        first_clean = first_clean[len(title_clean):]
    return " ".join(f"{first_clean} {last_clean}".split()).casefold()
