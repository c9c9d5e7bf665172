"""Thai national ID numbers: find them in any text and mask them (they must never be published; PDPA)."""
from __future__ import annotations

import re

from thamniap.core.digits import ascii_digits

# Any Unicode decimal digit counts (Arabic, Thai ๐–๙, full-width ０–９ …): a number typed with
# another keyboard is still the same number.
_ID_DIGIT = r"\d"
# Separators seen in typed and pasted numbers: spaces (also doubled, tabs, NBSP, ideographic),
# dashes and Unicode hyphens, dots and slashes (also full-width). Up to three in a row.
_ID_SEP = " \t\u00a0\u3000\\-\u2010-\u2015\u2212\uff0d./\uff0e\uff0f_"
_RE_DIGIT_RUN = re.compile(f"{_ID_DIGIT}+(?:[{_ID_SEP}]{{1,3}}{_ID_DIGIT}+)*")
_RE_DIGIT_GROUP = re.compile(f"{_ID_DIGIT}+")
_ANY_DIGIT = re.compile(r"\d")


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
