"""Thai phone numbers: check how one is written, and turn it into digits or its display form."""
from __future__ import annotations

import re

from thamniap.core.digits import THAI_DIGITS, has_thai_digit, to_arabic_digits
from thamniap.core.numbers import mask_digits, normalise_for_numbers, original_span
from thamniap.core.problem import Problem, show

_RE_PHONE_SHAPE = re.compile(r"(?:\+66[ -]?)?\d+(?:[ -]\d+)*", re.ASCII)
_RE_LANDLINE = re.compile(r"0[2-7]\d{7}", re.ASCII)
_RE_MOBILE = re.compile(r"0[689]\d{8}", re.ASCII)
# A complete consent record, as a contributor writes it under the person (flow form: one line).
CONSENT_EXAMPLE = "phone_consent: {date: 2024-01-15, method: ลงนามในแบบฟอร์มยินยอม}"
CONSENT_EXAMPLE_TH = (f"เขียนใต้ชื่อบุคคล เช่น `{CONSENT_EXAMPLE}` (date: วันที่ให้ความยินยอม ค.ศ.; "
                      "method: วิธีให้ความยินยอม เช่น ลงนามในแบบฟอร์มยินยอม หรือแจ้งด้วยวาจาต่อเจ้าหน้าที่ (ชื่อเจ้าหน้าที่))")
CONSENT_EXAMPLE_EN = (f"write under the person, e.g. `{CONSENT_EXAMPLE}` (date: day of consent, CE; "
                      "method: how consent was given, e.g. a signed consent form, or told to an official (name them))")
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
    """Like _national_digits but tolerant of brackets, dots, slashes, extra spaces and any spelling
    of the digits and separators (core.numbers)."""
    s = normalise_for_numbers(value)[0].strip()
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
        raise ValueError(f"not a Thai phone number: {show(value)!r}")
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
    if has_thai_digit(value):
        text = to_arabic_digits(value)
        at = next(i for i, ch in enumerate(value) if ch in THAI_DIGITS)
        good = text if _national_digits(text) else (format_phone(text) if suggestion else None)
        problems.append(Problem(
            "thai-digits",
            f"หมายเลขโทรศัพท์ `{show(value)}` เขียนด้วยเลขไทย ข้อมูลต้องใช้เลขอารบิก (0–9)",
            f"แก้เป็น `{show(good)}`" if good else f"ใช้เลขอารบิก: `{show(text)}`",
            f"phone number `{show(value)}` is written in Thai digits; use Arabic digits (0–9)",
            f"change it to `{show(good)}`" if good else f"use Arabic digits: `{show(text)}`",
            at,
        ))
    if _national_digits(text) is None:
        problems.append(Problem(
            "phone-format",
            f"`{show(value)}` ไม่ใช่หมายเลขโทรศัพท์ไทยที่เขียนถูกรูปแบบ",
            f"แก้เป็น `{format_phone(suggestion)}`" if suggestion else _PHONE_EXAMPLES_TH,
            f"`{show(value)}` is not a correctly written Thai phone number",
            f"change it to `{format_phone(suggestion)}`" if suggestion else _PHONE_EXAMPLES_EN,
        ))
    return problems


# A run of digits with up to three separators between groups (`081 - 234 - 5678`), optionally
# after +: what a typed phone looks like, in the plain spelling of core.numbers (ASCII digits,
# every space " ", every dash "-").
_RE_NUMBER_RUN = re.compile(r"\+?[0-9]+(?:[ \-.()/]{1,3}[0-9]+)*")
_ANY_DIGIT = re.compile(r"\d")


def find_phone_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of digits in TEXT that reads as a Thai landline or mobile number
    (`0 4241 1773`, `081-234-5678`, `+66 81 234 5678`, Thai digits too), in any spelling of its
    digits and separators (core.numbers.normalise_for_numbers); never the number itself, so a
    caller can refuse it without repeating it. Runs are whole: a date or an order number
    (`20/1/2567`, `19/2566`) has too few digits and no leading 0."""
    if _ANY_DIGIT.search(text) is None:
        return []
    plain, origin = normalise_for_numbers(text)
    found = []
    for run in _RE_NUMBER_RUN.finditer(plain):
        digits = re.sub(r"[^0-9]", "", run.group())
        if not 9 <= len(digits) <= 12:
            continue
        candidates = [run.group()]
        if not run.group().startswith("+") and digits.startswith("66"):
            candidates.append("+" + run.group())
        if any(_lenient_national_digits(c) for c in candidates):
            found.append(original_span(origin, run.start(), run.end()))
    return found


def mask_phone_numbers(text: str) -> str:
    """TEXT with the digits of every phone number in it (find_phone_numbers) but the last two as X;
    the length stays, so offsets into TEXT still point at the same places."""
    spans = find_phone_numbers(text)
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], mask_digits(text[start:end])]
        last = end
    out.append(text[last:])
    return "".join(out)
