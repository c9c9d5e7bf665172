"""Thai national ID numbers: find them in any text and mask them (they must never be published; PDPA)."""
from __future__ import annotations

import re
from itertools import islice

from thamniap.core.digits import ascii_digits
from thamniap.core.numbers import mask_digits, normalise_for_numbers, original_span

# Looked for in the plain spelling of core.numbers (ASCII digits; every space, tab, `_` a " ", every
# dash a "-"; invisible characters gone): digit groups joined by up to three separators (spaces,
# dashes, dots, slashes, also doubled).
_RE_DIGIT_RUN = re.compile(r"[0-9]+(?:[ \-./]{1,3}[0-9]+)*")
_RE_DIGIT_GROUP = re.compile(r"[0-9]+")
_ANY_DIGIT = re.compile(r"\d")
# A hash written in hexadecimal (MD5 32, a git commit's SHA-1 40, SHA-256 64 characters, at least
# one of them a letter a-f): its digits are not a number, though 13 of them in a row may pass the
# ID's check digit by chance (1 in 10), as in the bot's note of the commit it checked.
_RE_HASH = re.compile(r"(?<![0-9A-Za-z])(?=[0-9]*[a-fA-F])(?:[0-9a-fA-F]{64}|[0-9a-fA-F]{40}|[0-9a-fA-F]{32})(?![0-9A-Za-z])")


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
    return mask_digits(s)


def find_national_ids(text: str) -> list[tuple[int, int, str]]:
    """(start, end, masked) of every 13-digit number in ``text`` with a valid ID check digit.

    The number is looked for in any spelling (core.numbers.normalise_for_numbers): any decimal
    digits, grouped by up to three separators (any space or dash, dots, slashes, ``_``, tab), with
    invisible characters anywhere between them. Start and end are offsets in ``text``, and MASKED
    is ``text[start:end]`` masked. A group of digits is never split: an ID is a whole run of
    groups, or whole groups inside a longer separated run (``ID: 1-2345-… 2567``), never part of
    a longer unbroken run.
    """
    if next(islice(_ANY_DIGIT.finditer(text), 12, None), None) is None:
        return []       # fewer than the 13 decimal digits of an ID (dates, codes, phones: nearly every value)
    plain, origin = normalise_for_numbers(text)
    found: list[tuple[int, int, str]] = []
    for start, end in _id_spans(plain):
        start, end = original_span(origin, start, end)
        found.append((start, end, mask_national_id(text[start:end])))
    return found


def _id_spans(plain: str) -> list[tuple[int, int]]:
    """(start, end) of every national ID in PLAIN (the normalised spelling)."""
    found: list[tuple[int, int]] = []
    hashes: list[tuple[int, int]] | None = None
    for run in _RE_DIGIT_RUN.finditer(plain):
        if run.end() - run.start() < 13:
            continue        # too short to hold 13 digits (dates, codes, phone numbers: nearly all runs)
        if hashes is None:
            hashes = [h.span() for h in _RE_HASH.finditer(plain)]
        if any(a <= run.start() and run.end() <= b for a, b in hashes):
            continue        # digits of a hexadecimal hash
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
                if is_valid_national_id(plain[start:end]):
                    hit = (start, end)
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
