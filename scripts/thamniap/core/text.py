"""One-line text: find (and fix) invisible characters, stray spaces and Thai typing slips.

:func:`check_line_text` reports every problem of a one-line value; :func:`fix_line_text` returns
the value with every fixable one fixed.  Marks are named in Thai in messages (ไม้เอก (U+0E48)).
"""
from __future__ import annotations

import re
import unicodedata

from thamniap.core.private_numbers import mask_private_numbers
from thamniap.core.problem import Problem, around, char_name, show

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
)
# Line breaks of any kind; a one-line field must not contain them.
NEWLINES = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")

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


def _thai_mark(ch: str) -> tuple[str, str]:
    th, en = _THAI_MARK_NAMES.get(ch, (char_name(ch), char_name(ch)))
    return f"{th} (U+{ord(ch):04X})", f"{en} (U+{ord(ch):04X})"


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
    return show(value[s:e])


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


class _Report:
    """Problems of one value; each gets the value's one correction as hint unless it has its own.

    Every hint that offers a correction offers the same fully corrected text, so copying any
    one of them fixes all the problems found, not just that one. Text is quoted from QUOTED, the
    value with its private numbers masked (same length, same offsets): masked first, windows cut
    after, so no number is spelled out across the hints.
    """

    def __init__(self, value: str) -> None:
        self.value = value
        self.quoted = mask_private_numbers(value)
        self.fixed = fix_line_text(value)
        self.problems: list[Problem] = []
        if self.fixed and self.fixed != value:
            fixed = mask_private_numbers(self.fixed)
            self.fix_th, self.fix_en = f"แก้เป็น `{show(fixed)}`", f"change it to `{show(fixed)}`"
        else:
            self.fix_th, self.fix_en = "ลบอักขระนี้ออก", "delete this character"

    def add(self, code: str, offset: int, message: str, message_en: str,
            hint: str | None = None, hint_en: str | None = None) -> None:
        self.problems.append(Problem(code, message, self.fix_th if hint is None else hint,
                                     message_en, self.fix_en if hint_en is None else hint_en, offset))


def check_line_text(value: str) -> list[Problem]:
    """One-line text: NFC, no invisible/bidi/control characters, single inner spaces, no Thai typos."""
    if _looks_clean(value):
        return []
    report = _Report(value)
    _add_not_nfc(report)
    _add_hidden_characters(report)
    _add_spaces(report)
    _add_thai_spelling(report)
    _add_thai_marks(report)
    report.problems.sort(key=lambda p: p.offset)
    return report.problems


def _add_not_nfc(report: _Report) -> None:
    """A letter and its marks stored apart (not Unicode NFC)."""
    # NFC itself reorders a tone mark typed before ุ ู ฺ; that case is reported once, as
    # thai-mark-order, so compare against the mark-reordered text.
    value, fixed = report.value, report.fixed
    reordered = _reorder_thai_marks(value)     # same length, marks swapped in place
    if unicodedata.is_normalized("NFC", reordered):
        return
    nfc = unicodedata.normalize("NFC", reordered)
    at = next((i for i, (a, b) in enumerate(zip(reordered, nfc)) if a != b),
              min(len(reordered), len(nfc)))
    s, e = _cluster_bounds(value, min(at, len(value) - 1), min(at, len(value) - 1) + 1)
    bad = value[s:e]
    codes = " ".join(f"U+{ord(ch):04X}" for ch in bad)
    report.add("not-nfc", s,
               f"`{show(bad)}` ({codes}) เป็นตัวอักษรกับเครื่องหมายที่เก็บแยกกัน (ไม่ใช่ Unicode NFC) "
               "หน้าตาเหมือนกันแต่ค้นหาและเทียบชื่อไม่เจอ",
               f"`{show(bad)}` ({codes}) is stored as a letter plus separate marks (not Unicode NFC); "
               "it looks the same but does not match in search or comparison",
               f"แก้เป็น `{show(fixed)}` (รูป NFC)" if fixed else None,
               f"change it to `{show(fixed)}` (NFC form)" if fixed else None)


def _add_hidden_characters(report: _Report) -> None:
    """Zero-width, bidirectional control, line break and other control characters."""
    value = report.value
    for i, ch in enumerate(value):
        if ch in ZERO_WIDTH:
            code, th, en = "zero-width", "มีอักขระล่องหน {}", "invisible character {}"
        elif ch in BIDI_CONTROLS:
            code, th, en = ("bidi-control", "มีอักขระควบคุมทิศทางข้อความ {}",
                            "bidirectional control character {}")
        elif ch in NEWLINES:
            code = "newline"
            th = "ช่องนี้ต้องเป็นข้อความบรรทัดเดียว แต่มีการขึ้นบรรทัดใหม่ ({})"
            en = "this field must be one line but has a line break ({})"
        elif unicodedata.category(ch) == "Cc":
            code, th, en = "control-char", "มีอักขระควบคุม {}", "control character {}"
        else:
            continue
        where_th, where_en = around(report.quoted, i, i + 1)
        report.add(code, i, f"{th.format(char_name(ch))} {where_th}", f"{en.format(char_name(ch))} {where_en}")


def _add_spaces(report: _Report) -> None:
    """Spaces (any Zs, e.g. U+00A0 too): leading/trailing, and runs of two or more inside."""
    value = report.value
    lead = next((i for i, ch in enumerate(value) if not _is_space(ch)), len(value))
    trail_start = next((i + 1 for i in range(len(value) - 1, -1, -1) if not _is_space(value[i])), 0)
    if lead or trail_start < len(value):
        if lead and trail_start < len(value) and lead < len(value):
            where_th, where_en = "ทั้งหน้าและท้ายข้อความ", "at both ends"
        elif lead:
            where_th, where_en = "หน้าข้อความ", "at the start"
        else:
            where_th, where_en = "ท้ายข้อความ", "at the end"
        report.add("surrounding-space", 0 if lead else trail_start,
                   f"มีช่องว่างเกิน{where_th}", f"extra space {where_en}")
    for start, end in _space_runs(value[:trail_start]):
        if end - start < 2 or start < lead:
            continue  # one space is fine; leading spaces are reported above
        quoted = report.quoted
        before, after = show(quoted[max(0, start - 8):start]), show(quoted[end:end + 8])
        report.add("double-space", start,
                   f"มีช่องว่าง {end - start} ตัวติดกัน ระหว่าง `{before}` กับ `{after}` "
                   "ต้องเว้นวรรคเพียงตัวเดียว",
                   f"{end - start} spaces in a row between `{before}` and `{after}`; use one space")


def _add_thai_spelling(report: _Report) -> None:
    """Two sara e typed for sara ae, nikhahit and sara aa typed for sara am."""
    value = report.value
    for m in _RE_DOUBLE_SARA_E.finditer(value):
        report.add("thai-double-sara-e", m.start(),
                   f"`{_quote(value, m.start(), m.end())}` พิมพ์สระเอ (เ) สองตัวแทนสระแอ (แ) "
                   "หน้าตาเหมือนกันแต่ค้นหาไม่เจอ",
                   f"`{_quote(value, m.start(), m.end())}` is typed as two sara e (เ, U+0E40) instead of "
                   "one sara ae (แ, U+0E41); it looks the same but does not match in search")
    for m in _RE_SPLIT_SARA_AM.finditer(value):
        report.add("thai-split-sara-am", m.start(),
                   f"`{_quote(value, m.start(), m.end())}` พิมพ์นิคหิต (ํ) กับสระอา (า) แยกกันแทนสระอำ (ำ) "
                   "หน้าตาเหมือนกันแต่ค้นหาไม่เจอ",
                   f"`{_quote(value, m.start(), m.end())}` is typed as nikhahit (U+0E4D) plus sara aa "
                   "(U+0E32) instead of sara am (U+0E33); it looks the same but does not match in search")


def _add_thai_marks(report: _Report) -> None:
    """A vowel or tone mark typed twice, two different tones stacked, a tone typed before its vowel."""
    value = report.value
    for m in _RE_DOUBLED_MARK.finditer(value):
        th, en = _thai_mark(m.group(1))
        report.add("thai-doubled-mark", m.start(),
                   f"`{_quote(value, m.start(), m.end())}` มี{th} ซ้ำ {len(m.group())} ตัว",
                   f"`{_quote(value, m.start(), m.end())}` has {en} typed {len(m.group())} times")
    for m in _RE_STACKED_TONES.finditer(value):
        if len(set(m.group())) == 1:
            continue  # same tone twice: reported above, with a fix
        names_th = " กับ ".join(_thai_mark(ch)[0] for ch in m.group())
        names_en = " and ".join(_thai_mark(ch)[1] for ch in m.group())
        report.add("thai-doubled-mark", m.start(),
                   f"`{_quote(value, m.start(), m.end())}` มีวรรณยุกต์ซ้อนกัน ({names_th})",
                   f"`{_quote(value, m.start(), m.end())}` has stacked tone marks ({names_en})",
                   "ลบวรรณยุกต์ตัวที่ไม่ต้องการออก ให้เหลือตัวเดียว",
                   "delete the tone mark that was not meant, keep one")
    for m in _RE_MARK_ORDER.finditer(value):
        vowel = value[m.end()]
        mark_th, mark_en = _thai_mark(m.group()[-1])
        vowel_th, vowel_en = _thai_mark(vowel)
        report.add("thai-mark-order", m.start(),
                   f"`{_quote(value, m.start(), m.end() + 1)}` พิมพ์{mark_th} ก่อน{vowel_th} "
                   "ต้องพิมพ์สระก่อนแล้วจึงพิมพ์วรรณยุกต์ หน้าตาเหมือนกันแต่ค้นหาไม่เจอ",
                   f"`{_quote(value, m.start(), m.end() + 1)}` has {mark_en} typed before {vowel_en}; "
                   "the vowel must come first; it looks the same but does not match in search")
