"""Thai marks and small helpers shared by the field-check tests (test_text, test_names …).

Thai marks that are easy to confuse are written as escapes (\\u0e40 = เ) so a table says
exactly which code points a case contains.
"""
from __future__ import annotations

import unicodedata

from thamniap.core.problem import Problem

SARA_E = "\u0e40"
NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
MAI_EK = "\u0e48"
MAI_THO = "\u0e49"
SARA_I = "\u0e34"
SARA_UU = "\u0e39"
KARAN = "\u0e4c"
THAI_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]


def codes(problems: list[Problem]) -> set[str]:
    return {p.code for p in problems}


def hidden(s: str) -> list[str]:
    """Characters that must never appear raw in a message or hint."""
    return [ch for ch in s if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
            or (unicodedata.category(ch) == "Zs" and ch != " ")]
