"""A :class:`Problem` (one thing wrong with one field value) and how its messages quote text safely.

Every field check (core.text, core.names, core.dates, core.phones) returns a list of them and
never raises on bad data.  Rule modules turn a ``Problem`` into a located ``Diagnostic``: they
prefix ``code`` ("text.zero-width"), choose the severity and convert ``offset`` into a column.
Messages are Thai first, for a district officer; English is kept for ``--lang en``.  Invisible
characters are never printed raw: messages name them (``U+200B ZERO WIDTH SPACE``).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from thamniap.core.national_id import mask_national_ids


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field value."""

    code: str          # short id, e.g. "zero-width"; the caller prefixes it ("text.zero-width")
    message: str       # Thai; the bad part quoted in backticks, invisible characters named
    hint: str          # Thai; where a correction is known: "แก้เป็น `แสงดี`"
    message_en: str
    hint_en: str
    offset: int = 0    # character offset in the value where the problem starts


# Problems that describe style rather than a wrong value, or that real names can trip
# (นางนวล is a real first name, not นาง + นวล): reported, but they do not block a merge.
WARNING_CODES = frozenset({"space-in-name", "double-space", "title-in-name"})

_CONTROL_NAMES = {          # unicodedata has no names for control characters
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x85": "NEXT LINE",
    "\x00": "NULL",
}


def char_name(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE`` — how a character is named in messages."""
    name = _CONTROL_NAMES.get(ch) or unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


def is_hidden(ch: str) -> bool:
    """Characters that must not be printed raw (they are invisible or move the text)."""
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn") or (cat == "Zs" and ch != " ")


def show(s: str) -> str:
    """Text safe to quote in backticks: national IDs masked first (naming a hidden character writes
    digits, ``<U+00AD>``, that would hide the ID from any later masking), then hidden characters
    become ``<U+200B>``, backticks ``'``."""
    s = mask_national_ids(s)
    return "".join(f"<U+{ord(ch):04X}>" if is_hidden(ch) else ("'" if ch == "`" else ch) for ch in s)


def around(value: str, start: int, end: int, width: int = 8) -> tuple[str, str]:
    """Where [start, end) is, in Thai and English: "ระหว่าง `สม` กับ `ชาย`".

    VALUE must already have its private numbers masked (core.private_numbers, same length): a window
    holds only part of a number, which no later masking can recognise."""
    before = value[max(0, start - width):start]
    after = value[end:end + width]
    if not before and not after:
        return "ทั้งข้อความ", "as the whole text"
    if not before:
        return f"ที่ต้นข้อความ ก่อน `{show(after)}`", f"at the start, before `{show(after)}`"
    if not after:
        return f"ที่ท้ายข้อความ หลัง `{show(before)}`", f"at the end, after `{show(before)}`"
    return (f"ระหว่าง `{show(before)}` กับ `{show(after)}`",
            f"between `{show(before)}` and `{show(after)}`")
