"""Plain functions that check one field value (text, person name, date, phone, national ID).

Every ``check_*`` function returns a list of :class:`Problem` (empty when the value is fine)
and never raises on bad data.  Rule modules turn a ``Problem`` into a located
``Diagnostic``: they prefix ``code`` ("text.zero-width"), choose the severity and convert
``offset`` into a column.  Messages are Thai first, for a district officer; English is
kept for ``--lang en``.  Invisible characters are never printed raw: messages name them
(``U+200B ZERO WIDTH SPACE``).
"""
from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = [
    "Problem",
    "THAI_DIGITS",
    "TITLES",
    "check_line_text",
    "fix_line_text",
    "check_person_name",
    "check_place_name",
    "NAME_CHARACTER_CODES",
    "split_title_prefix",
    "is_known_title",
    "title_sex",
    "normalise_person_key",
    "check_iso_date",
    "check_phone",
    "normalise_phone",
    "format_phone",
    "find_national_ids",
    "mask_national_id",
    "mask_national_ids",
    "ascii_digits",
    "national_id_check_digit",
    "is_valid_national_id",
    "to_arabic_digits",
    "to_thai_digits",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field value."""

    code: str          # short id, e.g. "zero-width"; the caller prefixes it ("text.zero-width")
    message: str       # Thai; the bad part quoted in backticks, invisible characters named
    hint: str          # Thai; where a correction is known: "แก้เป็น `แสงดี`"
    message_en: str
    hint_en: str
    offset: int = 0    # character offset in the value where the problem starts


# ---------------------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------------------

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def to_arabic_digits(s: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9; everything else is kept."""
    return s.translate(_TO_ARABIC)


def to_thai_digits(s: str) -> str:
    """Replace 0–9 with Thai digits ๐–๙ (for official text); everything else is kept."""
    return s.translate(_TO_THAI)


def _has_thai_digit(s: str) -> bool:
    return any(ch in THAI_DIGITS for ch in s)


# ---------------------------------------------------------------------------------------
# Showing characters safely in messages
# ---------------------------------------------------------------------------------------

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
)
# Line breaks of any kind; a one-line field must not contain them.
NEWLINES = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")

_CONTROL_NAMES = {          # unicodedata has no names for control characters
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x85": "NEXT LINE",
    "\x00": "NULL",
}

# Thai names of the marks this module talks about, for messages a district officer reads.
_THAI_MARK_NAMES = {
    "\u0e31": ("ไม้หันอากาศ", "mai han-akat"),
    "\u0e32": ("สระอา", "sara aa"),
    "\u0e33": ("สระอำ", "sara am"),
    "\u0e34": ("สระอิ", "sara i"),
    "\u0e35": ("สระอี", "sara ii"),
    "\u0e36": ("สระอึ", "sara ue"),
    "\u0e37": ("สระอือ", "sara uee"),
    "\u0e38": ("สระอุ", "sara u"),
    "\u0e39": ("สระอู", "sara uu"),
    "\u0e3a": ("พินทุ", "phinthu"),
    "\u0e40": ("สระเอ", "sara e"),
    "\u0e41": ("สระแอ", "sara ae"),
    "\u0e47": ("ไม้ไต่คู้", "mai taikhu"),
    "\u0e48": ("ไม้เอก", "mai ek"),
    "\u0e49": ("ไม้โท", "mai tho"),
    "\u0e4a": ("ไม้ตรี", "mai tri"),
    "\u0e4b": ("ไม้จัตวา", "mai chattawa"),
    "\u0e4c": ("ทัณฑฆาต (การันต์)", "thanthakhat (karan)"),
    "\u0e4d": ("นิคหิต", "nikhahit"),
}


def _char_name(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE`` — how a character is named in messages."""
    name = _CONTROL_NAMES.get(ch) or unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


def _thai_mark(ch: str) -> tuple[str, str]:
    th, en = _THAI_MARK_NAMES.get(ch, (_char_name(ch), _char_name(ch)))
    return f"{th} (U+{ord(ch):04X})", f"{en} (U+{ord(ch):04X})"


def _is_hidden(ch: str) -> bool:
    """Characters that must not be printed raw (they are invisible or move the text)."""
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn") or (cat == "Zs" and ch != " ")


def _show(s: str) -> str:
    """Text safe to quote in backticks: hidden characters become ``<U+200B>``, backticks ``'``."""
    return "".join(f"<U+{ord(ch):04X}>" if _is_hidden(ch) else ("'" if ch == "`" else ch) for ch in s)


def _cluster_bounds(value: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole Thai syllable-ish clusters so quoted marks have their base."""
    while start > 0 and (unicodedata.category(value[start]) == "Mn" if start < len(value) else False):
        start -= 1
    # a leading vowel (เ แ โ ใ ไ) belongs with the consonant after it
    if start > 0 and value[start - 1] in "เแโใไ":
        start -= 1
    while end < len(value) and (unicodedata.category(value[end]) == "Mn" or value[end] in "ะาำๅ"):
        end += 1
    return start, end


def _quote(value: str, start: int, end: int) -> str:
    s, e = _cluster_bounds(value, start, end)
    return _show(value[s:e])


def _around(value: str, start: int, end: int, width: int = 8) -> tuple[str, str]:
    """Where [start, end) is, in Thai and English: "ระหว่าง `สม` กับ `ชาย`"."""
    before = value[max(0, start - width):start]
    after = value[end:end + width]
    if not before and not after:
        return "ทั้งข้อความ", "as the whole text"
    if not before:
        return f"ที่ต้นข้อความ ก่อน `{_show(after)}`", f"at the start, before `{_show(after)}`"
    if not after:
        return f"ที่ท้ายข้อความ หลัง `{_show(before)}`", f"at the end, after `{_show(before)}`"
    return (f"ระหว่าง `{_show(before)}` กับ `{_show(after)}`",
            f"between `{_show(before)}` and `{_show(after)}`")


# ---------------------------------------------------------------------------------------
# One-line text
# ---------------------------------------------------------------------------------------

_TONES = "\u0e48\u0e49\u0e4a\u0e4b"                       # ่ ้ ๊ ๋
_TONE_OR_KARAN = _TONES + "\u0e4c"                         # … and ์ (typed last, like a tone)
_ABOVE_BELOW_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"   # ั ิ ี ึ ื ุ ู ฺ
_DOUBLE_CHECKED = _ABOVE_BELOW_VOWELS + "\u0e47" + _TONE_OR_KARAN      # … ็ and tones, ์

_RE_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")
# nikhahit + sara aa, possibly with the tone typed between: น ํ ้ า → น ้ ำ
_RE_SPLIT_SARA_AM = re.compile(f"\u0e4d([{_TONES}]?)\u0e32")
_RE_DOUBLED_MARK = re.compile(f"([{_DOUBLE_CHECKED}])\\1+")
_RE_STACKED_TONES = re.compile(f"[{_TONES}]{{2,}}")
# a tone mark or karan typed before the vowel it sits on: ก ่ ี → ก ี ่
_RE_MARK_ORDER = re.compile(f"[{_TONE_OR_KARAN}]+(?=[{_ABOVE_BELOW_VOWELS}])")


# Fast path: nearly every value is clean. One regex finds anything any check below could
# report; values it does not match (and that are NFC) skip the per-character work.
_SUSPECT = re.compile(
    "[" + re.escape("".join(sorted(ZERO_WIDTH | BIDI_CONTROLS | NEWLINES))) + "\x00-\x1f\x7f-\x9f"
    "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u0e4d]"
    r"|\u0e40\u0e40|^\s|\s$|  |" + f"[{_TONES}]{{2,}}|[{_TONE_OR_KARAN}]+(?=[{_ABOVE_BELOW_VOWELS}])")


def _looks_clean(value: str) -> bool:
    return (_SUSPECT.search(value) is None and _RE_DOUBLED_MARK.search(value) is None
            and unicodedata.is_normalized("NFC", value))


def _is_space(ch: str) -> bool:
    return unicodedata.category(ch) == "Zs"


def _space_runs(s: str) -> list[tuple[int, int]]:
    """(start, end) of every run of space characters (Unicode category Zs)."""
    runs, start = [], None
    for i, ch in enumerate(s + "x"):
        if _is_space(ch) and i < len(s):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def _reorder_thai_marks(s: str) -> str:
    """Move above/below vowels in front of tone marks and karan typed before them."""
    out = list(s)
    changed = True
    while changed:
        changed = False
        for i in range(len(out) - 1):
            if out[i] in _TONE_OR_KARAN and out[i + 1] in _ABOVE_BELOW_VOWELS:
                out[i], out[i + 1] = out[i + 1], out[i]
                changed = True
    return "".join(out)


def _fix_once(s: str) -> str:
    s = "".join(ch for ch in s if ch not in ZERO_WIDTH and ch not in BIDI_CONTROLS)
    # line breaks and tabs become spaces; other control characters go
    s = "".join(" " if (ch in NEWLINES or ch == "\t") else ch for ch in s
                if unicodedata.category(ch) != "Cc" or ch in NEWLINES or ch == "\t")
    s = _RE_DOUBLE_SARA_E.sub("\u0e41", s)
    s = _RE_SPLIT_SARA_AM.sub("\\1\u0e33", s)
    s = _RE_DOUBLED_MARK.sub("\\1", s)
    s = _reorder_thai_marks(s)
    s = unicodedata.normalize("NFC", s)
    s = "".join(" " if _is_space(ch) else ch for ch in s)
    return re.sub(" {2,}", " ", s).strip(" ")


def fix_line_text(value: str) -> str:
    """The value with every automatically fixable problem of :func:`check_line_text` fixed.

    Two different tone marks on one letter (่้) are left alone: which one was meant is
    not known.
    """
    if _looks_clean(value):
        return value
    # A fix can expose another (เ<ZWSP>เ → เเ → แ), so repeat until nothing changes.
    for _ in range(8):
        fixed = _fix_once(value)
        if fixed == value:
            break
        value = fixed
    return value


def check_line_text(value: str) -> list[Problem]:
    """One-line text: NFC, no invisible/bidi/control characters, single inner spaces, no Thai typos."""
    # Every hint that offers a correction offers the same fully corrected text, so copying
    # any one of them fixes all the problems found, not just that one.
    if _looks_clean(value):
        return []
    problems: list[Problem] = []
    fixed = fix_line_text(value)
    if fixed and fixed != value:
        fix_th, fix_en = f"แก้เป็น `{_show(fixed)}`", f"change it to `{_show(fixed)}`"
    else:
        fix_th, fix_en = "ลบอักขระนี้ออก", "delete this character"

    def add(code: str, offset: int, message: str, message_en: str,
            hint: str | None = None, hint_en: str | None = None) -> None:
        problems.append(Problem(code, message, fix_th if hint is None else hint,
                                message_en, fix_en if hint_en is None else hint_en, offset))

    # Unicode NFC.  NFC itself reorders a tone mark typed before ุ ู ฺ; that case is
    # reported once, as thai-mark-order, so compare against the mark-reordered text.
    reordered = _reorder_thai_marks(value)     # same length, marks swapped in place
    if not unicodedata.is_normalized("NFC", reordered):
        nfc = unicodedata.normalize("NFC", reordered)
        at = next((i for i, (a, b) in enumerate(zip(reordered, nfc)) if a != b),
                  min(len(reordered), len(nfc)))
        s, e = _cluster_bounds(value, min(at, len(value) - 1), min(at, len(value) - 1) + 1)
        bad = value[s:e]
        codes = " ".join(f"U+{ord(ch):04X}" for ch in bad)
        add("not-nfc", s,
            f"`{_show(bad)}` ({codes}) เป็นตัวอักษรกับเครื่องหมายที่เก็บแยกกัน (ไม่ใช่ Unicode NFC) "
            "หน้าตาเหมือนกันแต่ค้นหาและเทียบชื่อไม่เจอ",
            f"`{_show(bad)}` ({codes}) is stored as a letter plus separate marks (not Unicode NFC); "
            "it looks the same but does not match in search or comparison",
            f"แก้เป็น `{_show(fixed)}` (รูป NFC)" if fixed else None,
            f"change it to `{_show(fixed)}` (NFC form)" if fixed else None)

    for i, ch in enumerate(value):
        if ch in ZERO_WIDTH:
            where_th, where_en = _around(value, i, i + 1)
            add("zero-width", i,
                f"มีอักขระล่องหน {_char_name(ch)} {where_th}",
                f"invisible character {_char_name(ch)} {where_en}")
        elif ch in BIDI_CONTROLS:
            where_th, where_en = _around(value, i, i + 1)
            add("bidi-control", i,
                f"มีอักขระควบคุมทิศทางข้อความ {_char_name(ch)} {where_th}",
                f"bidirectional control character {_char_name(ch)} {where_en}")
        elif ch in NEWLINES:
            where_th, where_en = _around(value, i, i + 1)
            add("newline", i,
                f"ช่องนี้ต้องเป็นข้อความบรรทัดเดียว แต่มีการขึ้นบรรทัดใหม่ ({_char_name(ch)}) {where_th}",
                f"this field must be one line but has a line break ({_char_name(ch)}) {where_en}")
        elif unicodedata.category(ch) == "Cc":
            where_th, where_en = _around(value, i, i + 1)
            add("control-char", i,
                f"มีอักขระควบคุม {_char_name(ch)} {where_th}",
                f"control character {_char_name(ch)} {where_en}")

    # Spaces (any Zs, e.g. U+00A0 too): leading/trailing, and runs of two or more inside.
    lead = next((i for i, ch in enumerate(value) if not _is_space(ch)), len(value))
    trail_start = next((i + 1 for i in range(len(value) - 1, -1, -1) if not _is_space(value[i])), 0)
    if lead or trail_start < len(value):
        if lead and trail_start < len(value) and lead < len(value):
            where_th, where_en = "ทั้งหน้าและท้ายข้อความ", "at both ends"
        elif lead:
            where_th, where_en = "หน้าข้อความ", "at the start"
        else:
            where_th, where_en = "ท้ายข้อความ", "at the end"
        add("surrounding-space", 0 if lead else trail_start,
            f"มีช่องว่างเกิน{where_th}", f"extra space {where_en}")
    for start, end in _space_runs(value[:trail_start]):
        if end - start < 2 or start < lead:
            continue  # one space is fine; leading spaces are reported above
        before, after = _show(value[max(0, start - 8):start]), _show(value[end:end + 8])
        add("double-space", start,
            f"มีช่องว่าง {end - start} ตัวติดกัน ระหว่าง `{before}` กับ `{after}` "
            "ต้องเว้นวรรคเพียงตัวเดียว",
            f"{end - start} spaces in a row between `{before}` and `{after}`; use one space")

    # Thai typing errors.
    for m in _RE_DOUBLE_SARA_E.finditer(value):
        add("thai-double-sara-e", m.start(),
            f"`{_quote(value, m.start(), m.end())}` พิมพ์สระเอ (เ) สองตัวแทนสระแอ (แ) "
            "หน้าตาเหมือนกันแต่ค้นหาไม่เจอ",
            f"`{_quote(value, m.start(), m.end())}` is typed as two sara e (เ, U+0E40) instead of "
            "one sara ae (แ, U+0E41); it looks the same but does not match in search")
    for m in _RE_SPLIT_SARA_AM.finditer(value):
        add("thai-split-sara-am", m.start(),
            f"`{_quote(value, m.start(), m.end())}` พิมพ์นิคหิต (ํ) กับสระอา (า) แยกกันแทนสระอำ (ำ) "
            "หน้าตาเหมือนกันแต่ค้นหาไม่เจอ",
            f"`{_quote(value, m.start(), m.end())}` is typed as nikhahit (U+0E4D) plus sara aa "
            "(U+0E32) instead of sara am (U+0E33); it looks the same but does not match in search")
    for m in _RE_DOUBLED_MARK.finditer(value):
        th, en = _thai_mark(m.group(1))
        add("thai-doubled-mark", m.start(),
            f"`{_quote(value, m.start(), m.end())}` มี{th} ซ้ำ {len(m.group())} ตัว",
            f"`{_quote(value, m.start(), m.end())}` has {en} typed {len(m.group())} times")
    for m in _RE_STACKED_TONES.finditer(value):
        if len(set(m.group())) == 1:
            continue  # same tone twice: reported above, with a fix
        names_th = " กับ ".join(_thai_mark(ch)[0] for ch in m.group())
        names_en = " and ".join(_thai_mark(ch)[1] for ch in m.group())
        add("thai-doubled-mark", m.start(),
            f"`{_quote(value, m.start(), m.end())}` มีวรรณยุกต์ซ้อนกัน ({names_th})",
            f"`{_quote(value, m.start(), m.end())}` has stacked tone marks ({names_en})",
            "ลบวรรณยุกต์ตัวที่ไม่ต้องการออก ให้เหลือตัวเดียว",
            "delete the tone mark that was not meant, keep one")
    for m in _RE_MARK_ORDER.finditer(value):
        vowel = value[m.end()]
        mark_th, mark_en = _thai_mark(m.group()[-1])
        vowel_th, vowel_en = _thai_mark(vowel)
        add("thai-mark-order", m.start(),
            f"`{_quote(value, m.start(), m.end() + 1)}` พิมพ์{mark_th} ก่อน{vowel_th} "
            "ต้องพิมพ์สระก่อนแล้วจึงพิมพ์วรรณยุกต์ หน้าตาเหมือนกันแต่ค้นหาไม่เจอ",
            f"`{_quote(value, m.start(), m.end() + 1)}` has {mark_en} typed before {vowel_en}; "
            "the vowel must come first; it looks the same but does not match in search")

    problems.sort(key=lambda p: p.offset)
    return problems


# ---------------------------------------------------------------------------------------
# Titles and person names
# ---------------------------------------------------------------------------------------

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
               "names may hold only Thai letters, vowels and tone marks, spaces and . - ฯ ๆ; "
               "a name in Latin letters is written as separate words, e.g. `John Smith`"),
    "place": ("ชื่อหมู่บ้าน ตำบล ชมรม และหน่วยงานใช้ได้เฉพาะตัวอักษรไทย สระ วรรณยุกต์ ตัวเลข ช่องว่าง "
              "วงเล็บ ( ) และเครื่องหมาย . - ฯ ๆ ส่วนคำภาษาอังกฤษเขียนเป็นคำแยกจากภาษาไทย",
              "names of villages, subdistricts, clubs and offices may hold only Thai letters, vowels "
              "and tone marks, digits, spaces, brackets ( ) and . - ฯ ๆ; a word in Latin letters is "
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
    allowed_th, allowed_en = _NAME_ALLOWED[kind]
    noun_th, noun_en = _NAME_NOUN[kind]
    shown = _show(fix_line_text(value))
    problems: list[Problem] = []

    runs = _latin_runs(value)
    in_latin = {i for start, end in runs for i in range(start, end)}
    extra = _PLACE_EXTRA if kind == "place" else frozenset()
    bad = [i for i, ch in enumerate(value)
           if i not in in_latin and not _RE_THAI_NAME_CHAR.match(ch) and ch not in _NAME_PUNCTUATION
           and ch not in extra and not _reported_by_line_text(ch)
           # digits in a person's name are digit-in-name
           and not (kind == "person" and re.match(r"\d", ch))]
    if bad:
        bad_at = set(bad)
        first = bad[0]
        ch = value[first]
        where_th, where_en = _around(value, first, first + 1)
        others = list(dict.fromkeys(value[i] for i in bad[1:] if value[i] != ch))
        also_th = (" และยังมี " + " ".join(f"`{_show(c)}`" for c in others[:8])
                   + (" …" if len(others) > 8 else "")) if others else ""
        also_en = (" and also " + " ".join(f"`{_show(c)}`" for c in others[:8])
                   + (" …" if len(others) > 8 else "")) if others else ""
        remove = " ".join(f"`{_show(c)}`" for c in dict.fromkeys(value[i] for i in bad))
        if _is_hidden(ch):
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
                fix_th, fix_en = f"แก้เป็น `{_show(without)}` ", f"change it to `{_show(without)}` "
            else:
                fix_th, fix_en = f"ลบ {remove} ออก ", f"delete {remove} "
        problems.append(Problem(
            "name-character",
            f"{noun_th} `{shown}` มีอักขระ `{_show(ch)}` ({_char_name(ch)}) {what_th} {where_th}{also_th}",
            f"{fix_th}({allowed_th})",
            f"{noun_en} `{shown}` holds `{_show(ch)}` ({_char_name(ch)}), {what_en}, {where_en}{also_en}",
            f"{fix_en}({allowed_en})",
            first,
        ))

    for start, end in runs:
        left = value[start - 1] if start else ""
        right = value[end] if end < len(value) else ""
        if not (_RE_THAI_NAME_CHAR.match(left) or _RE_THAI_NAME_CHAR.match(right)):
            continue
        latin = _show(value[start:end])
        where_th, where_en = _around(value, start, end)
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


def check_person_name(value: str, field: str) -> list[Problem]:
    """A name is clean one-line text of name characters, no digits; a first name has no title prefix and no space."""
    if field not in _NAME_FIELDS:
        raise ValueError(f"field must be one of {_NAME_FIELDS}, not {field!r}")
    problems = check_line_text(value)
    clean = fix_line_text(value)
    lead = len(value) - len(value.lstrip())
    skip_space_until = -1

    if field == "first_name":
        titles, rest = split_title_prefix(value.lstrip())
        if titles:
            prefix = value[lead:len(value) - len(rest)].rstrip(" ")
            prefix_show = _show(fix_line_text(prefix))
            rest_show = _show(fix_line_text(rest))
            skip_space_until = len(value) - len(rest)
            # นาย/นาง also begin a few real names (นางนวล); say so only for those
            maybe_name = titles[0] in _TITLES_ALSO_NAME_START
            problems.append(Problem(
                "title-in-name",
                f"ชื่อ `{_show(clean)}` มีคำนำหน้านาม `{prefix_show}` ติดมาด้วย",
                f"ย้าย `{prefix_show}` ไปไว้ใน title และเขียน first_name: `{rest_show}`"
                + (f" (ถ้า `{_show(clean)}` เป็นชื่อจริงทั้งคำ ไม่ต้องแก้)" if maybe_name else ""),
                f"first name `{_show(clean)}` includes the title `{prefix_show}`",
                f"move `{prefix_show}` to title and write first_name: `{rest_show}`"
                + (f" (if `{_show(clean)}` really is the whole name, leave it)" if maybe_name else ""),
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
                f"ชื่อ `{_show(clean)}` มีช่องว่างคั่นกลาง อาจพิมพ์นามสกุลหรือคำนำหน้ามาในช่องชื่อ",
                "ชื่ออยู่ใน first_name นามสกุลอยู่ใน last_name คำนำหน้าอยู่ใน title",
                f"first name `{_show(clean)}` has a space inside; the last name or a title "
                "may have been typed into it",
                "first name goes in first_name, last name in last_name, title in title",
                m.start(),
            ))
            break  # one is enough: the fix is the same

    for m in re.finditer(r"\d+", value):
        digits = m.group()
        problems.append(Problem(
            "digit-in-name",
            f"ชื่อหรือนามสกุล `{_show(clean)}` มีตัวเลข `{_show(digits)}`",
            "ลบตัวเลขออก ชื่อและนามสกุลมีแต่ตัวอักษร",
            f"name `{_show(clean)}` contains the number `{_show(digits)}`",
            "remove the digits; names contain letters only",
            m.start(),
        ))
    problems += _name_character_problems(value, "person")
    problems.sort(key=lambda p: p.offset)
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


# ---------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------

_BE_OFFSET = 543
_RE_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
_THAI_MONTH_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
_MONTH_NUMBER = {**{m: i + 1 for i, m in enumerate(_THAI_MONTHS)},
                 **{m: i + 1 for i, m in enumerate(_THAI_MONTH_ABBR)}}
_RE_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", re.ASCII)
_RE_YMD = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})", re.ASCII)
_RE_THAI_TEXT_DATE = re.compile(
    r"(\d{1,2})\s*(" + "|".join(re.escape(m) for m in sorted(_MONTH_NUMBER, key=len, reverse=True))
    + r")\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{4})", re.ASCII)


def _ce_year(year: int) -> int:
    return year - _BE_OFFSET if year >= 2400 else year


def _valid_ymd(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
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
    if _has_thai_digit(value):
        text = to_arabic_digits(value)
        m = _RE_ISO_DATE.fullmatch(text)
        corrected = (f"{_ce_year(int(m[1])):04d}-{m[2]}-{m[3]}" if m else _guess_iso_date(value))
        at = next(i for i, ch in enumerate(value) if ch in THAI_DIGITS)
        problems.append(Problem(
            "thai-digits",
            f"วันที่ `{_show(value)}` เขียนด้วยเลขไทย ข้อมูลต้องใช้เลขอารบิก (0–9)",
            f"แก้เป็น `{corrected}`" if corrected else
            f"ใช้เลขอารบิก: `{_show(text)}` ในรูป ปปปป-ดด-วว (ค.ศ.) เช่น `2024-01-24`",
            f"date `{_show(value)}` is written in Thai digits; use Arabic digits (0–9)",
            f"change it to `{corrected}`" if corrected else
            f"use Arabic digits: `{_show(text)}`, as YYYY-MM-DD (CE), e.g. `2024-01-24`",
            at,
        ))

    m = _RE_ISO_DATE.fullmatch(text)
    if not m:
        guess = _guess_iso_date(value)
        problems.append(Problem(
            "date-format",
            f"`{_show(value)}` ไม่ใช่วันที่ในรูป ปปปป-ดด-วว (ปี ค.ศ. 4 หลัก-เดือน 2 หลัก-วัน 2 หลัก)",
            f"แก้เป็น `{guess}` (ปี ค.ศ.-เดือน-วัน)" if guess else
            "เขียนเป็น ปี ค.ศ.-เดือน-วัน เช่น `2024-01-24` คือ 24 มกราคม พ.ศ. 2567",
            f"`{_show(value)}` is not a date of the form YYYY-MM-DD",
            f"change it to `{guess}` (year (CE)-month-day)" if guess else
            "write year (CE)-month-day, e.g. `2024-01-24` for 24 January 2024",
        ))
        return problems

    year, month, day = int(m[1]), int(m[2]), int(m[3])
    shown = f"{m[1]}-{m[2]}-{m[3]}"
    if year >= 2400:
        ce = year - _BE_OFFSET
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
        if not 1 <= month <= 12:
            th = f"ไม่มีเดือนที่ {month}"
            en = f"there is no month {month}"
            at = 5
        elif year < 1:
            th, en, at = "ไม่มีปีที่ 0", "there is no year 0", 0
        else:
            last_day = next(d for d in (31, 30, 29, 28) if _valid_ymd(year, month, d))
            th = f"เดือน{_THAI_MONTHS[month - 1]} ค.ศ. {year} มี {last_day} วัน"
            en = f"month {month} of {year} has {last_day} days"
            at = 8
        problems.append(Problem(
            "impossible-date",
            f"วันที่ `{shown}` ไม่มีอยู่จริง ({th})",
            "ตรวจวันและเดือนกับเอกสารต้นฉบับ (รูปแบบ ปปปป-ดด-วว)",
            f"date `{shown}` does not exist ({en})",
            "check the day and month against the source document (format YYYY-MM-DD)",
            at,
        ))
    return problems


# ---------------------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------------------

_RE_PHONE_SHAPE = re.compile(r"(?:\+66[ -]?)?\d+(?:[ -]\d+)*", re.ASCII)
_RE_LANDLINE = re.compile(r"0[2-7]\d{7}", re.ASCII)
_RE_MOBILE = re.compile(r"0[689]\d{8}", re.ASCII)
_PHONE_EXAMPLES_TH = ("เขียนเป็น `0 4241 1773` หรือ `042411773` (โทรศัพท์บ้าน 9 หลัก), "
                      "`08 1234 5678` (มือถือ 10 หลัก ขึ้นต้น 06 08 09) "
                      "หรือ `+66 4241 1773` (ตัด 0 ตัวหน้าออก) ใส่ได้หมายเลขเดียว")
_PHONE_EXAMPLES_EN = ("write `0 4241 1773` or `042411773` (landline, 9 digits), "
                      "`08 1234 5678` (mobile, 10 digits starting 06, 08 or 09) "
                      "or `+66 4241 1773` (leading 0 dropped); one number only")


def _national_digits(value: str) -> str | None:
    """Digits-only national form of a strictly written phone, or None."""
    if not _RE_PHONE_SHAPE.fullmatch(value):
        return None
    digits = re.sub(r"[^0-9]", "", value)
    if value.startswith("+66"):
        rest = digits[2:]
        if rest.startswith("0"):
            return None      # +66 0… : the leading 0 must be dropped
        digits = "0" + rest
    if _RE_LANDLINE.fullmatch(digits) or _RE_MOBILE.fullmatch(digits):
        return digits
    return None


def _lenient_national_digits(value: str) -> str | None:
    """Like _national_digits but tolerant of brackets, dots, slashes and extra spaces."""
    s = to_arabic_digits(value).strip()
    s = s.replace("(0)", "")
    digits = re.sub(r"[^0-9]", "", s)
    # a national number starts with 0, so 66 + 8 or 9 digits is the international form
    international = s.startswith("+66") or (s.startswith("66") and len(digits) in (10, 11))
    if international:
        digits = digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    if _RE_LANDLINE.fullmatch(digits) or _RE_MOBILE.fullmatch(digits):
        return digits
    return None


def normalise_phone(value: str) -> str:
    """Digits-only national form: ``"+66 42 411 773"`` -> ``"042411773"``.

    Brackets, dots and extra spaces are tolerated; raises ValueError when the digits are
    not a Thai landline or mobile number (run :func:`check_phone` first).
    """
    digits = _lenient_national_digits(value)
    if digits is None:
        raise ValueError(f"not a Thai phone number: {_show(value)!r}")
    return digits


def format_phone(value: str) -> str:
    """Display form: landline ``0 4241 1773``, mobile ``08 1234 5678``; raises ValueError."""
    d = normalise_phone(value)
    if len(d) == 9:
        return f"{d[0]} {d[1:5]} {d[5:]}"
    return f"{d[:2]} {d[2:6]} {d[6:]}"


def check_phone(value: str) -> list[Problem]:
    """One Thai landline (0[2-7], 9 digits) or mobile (0[689], 10 digits); 0–9, single space/dash, or +66."""
    problems: list[Problem] = []
    text = value
    suggestion = _lenient_national_digits(value)
    if _has_thai_digit(value):
        text = to_arabic_digits(value)
        at = next(i for i, ch in enumerate(value) if ch in THAI_DIGITS)
        good = text if _national_digits(text) else (format_phone(text) if suggestion else None)
        problems.append(Problem(
            "thai-digits",
            f"หมายเลขโทรศัพท์ `{_show(value)}` เขียนด้วยเลขไทย ข้อมูลต้องใช้เลขอารบิก (0–9)",
            f"แก้เป็น `{_show(good)}`" if good else f"ใช้เลขอารบิก: `{_show(text)}`",
            f"phone number `{_show(value)}` is written in Thai digits; use Arabic digits (0–9)",
            f"change it to `{_show(good)}`" if good else f"use Arabic digits: `{_show(text)}`",
            at,
        ))
    if _national_digits(text) is None:
        problems.append(Problem(
            "phone-format",
            f"`{_show(value)}` ไม่ใช่หมายเลขโทรศัพท์ไทยที่เขียนถูกรูปแบบ",
            f"แก้เป็น `{format_phone(suggestion)}`" if suggestion else _PHONE_EXAMPLES_TH,
            f"`{_show(value)}` is not a correctly written Thai phone number",
            f"change it to `{format_phone(suggestion)}`" if suggestion else _PHONE_EXAMPLES_EN,
        ))
    return problems


# ---------------------------------------------------------------------------------------
# Thai national ID numbers (must never be published; see docs on PDPA)
# ---------------------------------------------------------------------------------------

# Any Unicode decimal digit counts (Arabic, Thai ๐–๙, full-width ０–９ …): a number typed with
# another keyboard is still the same number.
_ID_DIGIT = r"\d"
# Separators seen in typed and pasted numbers: spaces (also doubled, tabs, NBSP, ideographic),
# dashes and Unicode hyphens, dots and slashes (also full-width). Up to three in a row.
_ID_SEP = " \t\u00a0\u3000\\-\u2010-\u2015\u2212\uff0d./\uff0e\uff0f_"
_RE_DIGIT_RUN = re.compile(f"{_ID_DIGIT}+(?:[{_ID_SEP}]{{1,3}}{_ID_DIGIT}+)*")
_RE_DIGIT_GROUP = re.compile(f"{_ID_DIGIT}+")
_ANY_DIGIT = re.compile(r"\d")


def ascii_digits(s: str) -> str:
    """Every decimal digit (Thai, full-width, …) as 0–9; other characters kept."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in s)


def national_id_check_digit(digits12: str) -> int:
    """Check digit of a Thai national ID: (11 − Σ d[i]·(13−i) mod 11) mod 10 over the first 12."""
    d = ascii_digits(digits12)
    if len(d) != 12 or not d.isascii() or not d.isdigit():
        raise ValueError("need exactly 12 digits")
    total = sum(int(ch) * (13 - i) for i, ch in enumerate(d))
    return (11 - total % 11) % 10


def is_valid_national_id(text: str) -> bool:
    """True when the digits of ``text`` are 13 and end in the right check digit."""
    d = re.sub(r"[^0-9]", "", ascii_digits(text))
    return len(d) == 13 and national_id_check_digit(d[:12]) == int(d[12])


def mask_national_id(s: str) -> str:
    """Every digit but the last two becomes X, separators kept: ``X-XXXX-XXXXX-X2-3``."""
    positions = [i for i, ch in enumerate(s) if ch.isdecimal()]
    keep = set(positions[-2:])
    return "".join("X" if ch.isdecimal() and i not in keep else ch for i, ch in enumerate(s))


def find_national_ids(text: str) -> list[tuple[int, int, str]]:
    """(start, end, masked) of every 13-digit number in ``text`` with a valid ID check digit.

    Digits may be Arabic, Thai or any other decimal digits, grouped in any way by up to three
    separators (spaces, dashes, dots, slashes).  A
    group of digits is never split: an ID is a whole run of groups, or whole groups inside
    a longer separated run (``ID: 1-2345-… 2567``), never part of a longer unbroken run.
    """
    found: list[tuple[int, int, str]] = []
    for run in _RE_DIGIT_RUN.finditer(text):
        if run.end() - run.start() < 13:
            continue        # too short to hold 13 digits (dates, codes, phone numbers: nearly all runs)
        groups = [(g.start() + run.start(), g.end() + run.start(), g.group())
                  for g in _RE_DIGIT_GROUP.finditer(run.group())]
        i = 0
        while i < len(groups):
            total, j, hit = 0, i, None
            while j < len(groups) and total < 13:
                total += len(groups[j][2])
                j += 1
            if total == 13:
                start, end = groups[i][0], groups[j - 1][1]
                if is_valid_national_id(text[start:end]):
                    hit = (start, end, mask_national_id(text[start:end]))
            if hit:
                found.append(hit)
                i = j
            else:
                i += 1
    return found


def mask_national_ids(text: str) -> str:
    """``text`` with every national ID number in it masked (``X-XXXX-XXXXX-X2-3``).

    The one masking step: every output that can show contributor text (pages, exports, search,
    history, validate and check-pr reports, annotations, bot replies) passes its values through it.
    """
    if text is None:
        return text
    text = str(text)
    if _ANY_DIGIT.search(text) is None:
        return text                      # nearly every value: names, places
    found = find_national_ids(text)
    if not found:
        return text
    out, last = [], 0
    for start, end, masked in found:
        out += [text[last:start], masked]
        last = end
    out.append(text[last:])
    return "".join(out)
