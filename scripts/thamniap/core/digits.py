"""Digits: Thai ๐–๙ and Arabic 0–9 one into the other, and any decimal digit as 0–9."""
from __future__ import annotations

import unicodedata

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def to_arabic_digits(s: str) -> str:
    """Replace Thai digits ๐–๙ with 0–9; everything else is kept."""
    return s.translate(_TO_ARABIC)


def to_thai_digits(s: str) -> str:
    """Replace 0–9 with Thai digits ๐–๙ (for official text); everything else is kept."""
    return s.translate(_TO_THAI)


def has_thai_digit(s: str) -> bool:
    """True when ``s`` holds at least one Thai digit ๐–๙."""
    return any(ch in THAI_DIGITS for ch in s)


def ascii_digits(s: str) -> str:
    """Every decimal digit (Thai, full-width, …) as 0–9; other characters kept."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in s)
