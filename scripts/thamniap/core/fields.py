"""The field checks under their old address, kept while tools/spreadsheet*.py still imports it.

The checks now live one job per module: core.problem (Problem, quoting text safely),
core.digits, core.text (one-line text), core.names (titles, person and place names),
core.dates, core.phones and core.national_id.  New code imports from those directly;
this module only re-exports their public names so old imports keep working.
"""
from __future__ import annotations

from thamniap.core.dates import check_iso_date
from thamniap.core.digits import THAI_DIGITS, ascii_digits, to_arabic_digits, to_thai_digits
from thamniap.core.names import (
    NAME_CHARACTER_CODES,
    TITLES,
    check_person_name,
    check_place_name,
    is_known_title,
    normalise_person_key,
    split_title_prefix,
    title_sex,
)
from thamniap.core.national_id import (
    find_national_ids,
    is_valid_national_id,
    mask_national_id,
    mask_national_ids,
    national_id_check_digit,
)
from thamniap.core.phones import check_phone, format_phone, normalise_phone
from thamniap.core.problem import WARNING_CODES, Problem
from thamniap.core.text import BIDI_CONTROLS, NEWLINES, ZERO_WIDTH, check_line_text, fix_line_text

__all__ = [
    "Problem",
    "WARNING_CODES",
    "THAI_DIGITS",
    "TITLES",
    "ZERO_WIDTH",
    "BIDI_CONTROLS",
    "NEWLINES",
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
