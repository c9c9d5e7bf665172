"""Private numbers (national IDs and phone numbers) found and masked together, for any text that
quotes contributor words back: an excerpt, a hint, a bot reply's field name."""
from __future__ import annotations

from thamniap.core.national_id import find_national_ids, mask_national_ids
from thamniap.core.phones import find_phone_numbers, mask_phone_numbers

ID_NUMBER = "national-id"
PHONE_NUMBER = "phone"


def find_private_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every national ID and phone number in TEXT, in any spelling, by start."""
    found = [(start, end, ID_NUMBER) for start, end, _ in find_national_ids(text)]
    found += [(start, end, PHONE_NUMBER) for start, end in find_phone_numbers(text)]
    return sorted(found)


def mask_private_numbers(text: str) -> str:
    """TEXT with every national ID and phone number masked (digits but the last two as X).

    The length stays, so windows cut from the result at TEXT's offsets quote the same places:
    mask first, cut after, and no two excerpts together can spell a number out."""
    return mask_phone_numbers(mask_national_ids(text))
