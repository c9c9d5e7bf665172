"""Numbers in any spelling: the one normalisation every phone and national ID scanner uses first.

A number can be typed or pasted with separators that look like a space or a dash but are other
characters (no-break, thin or figure space, Unicode hyphens and dashes, minus sign, full-width
forms, ``_``, tab), with invisible characters between its digits (soft hyphen, zero-width space,
word joiner, and the other format characters; combining grapheme joiner, Mongolian vowel
separator, Hangul fillers), or in Thai or full-width digits. :func:`normalise_for_numbers` maps
all of these to one plain spelling (ASCII digits, ``" "``, ``"-"``, invisible characters dropped)
and keeps, for every character it keeps, where it came from, so a scanner can look for numbers in
the plain text and still point at (and mask) the original characters.
"""
from __future__ import annotations

import unicodedata
from typing import Sequence

# Invisible characters that are not format characters (Unicode category Cf, all dropped too):
# they render as nothing, so they can sit between digits unseen.
INVISIBLE_FILLERS = frozenset(
    "\u034f"                      # COMBINING GRAPHEME JOINER
    "\u115f\u1160\u3164\uffa0"    # HANGUL CHOSEONG/JUNGSEONG FILLER, HANGUL FILLER, HALFWIDTH HANGUL FILLER
    "\u17b4\u17b5"                # KHMER VOWEL INHERENT AQ/AA
    "\u180e"                      # MONGOLIAN VOWEL SEPARATOR (Cf in current Unicode, Zs in older)
    "\u2800"                      # BRAILLE PATTERN BLANK
    "\u20e3"                      # COMBINING ENCLOSING KEYCAP
    + "".join(map(chr, range(0xFE00, 0xFE10)))      # VARIATION SELECTOR-1 … 16
    + "".join(map(chr, range(0xE0100, 0xE01F0)))    # VARIATION SELECTOR-17 … 256
)
# Characters that read as a dash between digit groups but are not punctuation dashes (Pd).
_DASH_LIKE = frozenset("\u2212\u2043\u02d7\u2796\ufe63")       # minus sign, hyphen bullet, modifier minus …
_LINE_SPACES = frozenset("\t\x0b\x0c")


def _plain(cp: int):
    """What one character becomes: None (dropped), or the one character it reads as."""
    ch = chr(cp)
    category = unicodedata.category(ch)
    if category == "Cf" or ch in INVISIBLE_FILLERS:
        return None
    if category == "Nd":
        return str(unicodedata.digit(ch))
    if category in ("Zs", "Zl", "Zp", "Pc") or ch in _LINE_SPACES:     # Pc: _ and its full-width forms
        return " "
    if category == "Pd" or ch in _DASH_LIKE:
        return "-"
    if 0xFF01 <= cp <= 0xFF5E:              # full-width ASCII (＋ ． ／ （ ）…) as ASCII
        return chr(cp - 0xFEE0)
    return cp


class _Table(dict):
    """str.translate table filled on first sight of each character (dict lookups run in C after)."""

    def __missing__(self, cp: int):
        value = _plain(cp)
        self[cp] = value
        return value


_TABLE = _Table()


def normalise_for_numbers(text: str) -> tuple[str, Sequence[int]]:
    """(plain text, origin): TEXT with every digit 0–9, every space, separator and ``_`` a ``" "``,
    every dash, hyphen and minus a ``"-"``, format and invisible characters dropped.

    ``origin[i]`` is the index in TEXT of the plain text's character ``i``; ``origin[len(plain)]`` is
    ``len(TEXT)``. Text that needs no change (nearly all) is returned as is, with ``range`` as origin.
    """
    plain = text.translate(_TABLE)
    if plain == text:
        return text, range(len(text) + 1)
    return plain, _Origin(text)


class _Origin(Sequence):
    """The origin of a changed text, worked out on first use: most texts are only searched, and a
    scanner that finds nothing never needs it (an `_` anywhere, as in a whole export, changes a text)."""
    __slots__ = ("_text", "_list")

    def __init__(self, text: str):
        self._text, self._list = text, None

    def _origin(self) -> list[int]:
        if self._list is None:
            self._list = [i for i, ch in enumerate(self._text) if _TABLE[ord(ch)] is not None] + [len(self._text)]
        return self._list

    def __getitem__(self, i):
        return self._origin()[i]

    def __len__(self) -> int:
        return len(self._origin())


def original_span(origin: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The span of the original text that the plain text's [START, END) came from (END > START):
    from its first kept character to its last, invisible characters between them included."""
    return origin[start], origin[end - 1] + 1


def mask_digits(s: str, keep: int = 2) -> str:
    """Every decimal digit of S but the last KEEP becomes X; every other character is kept, so the
    length stays: ``1-2345-67890-12-3`` → ``X-XXXX-XXXXX-X2-3``."""
    positions = [i for i, ch in enumerate(s) if ch.isdecimal()]
    shown = set(positions[-keep:]) if keep else set()
    return "".join("X" if ch.isdecimal() and i not in shown else ch for i, ch in enumerate(s))
