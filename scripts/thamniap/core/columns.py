"""Excel's names of columns (1 → A, 27 → AA): for the workbooks we write (render/xlsx.py) and the
places of problems in a workbook we read (intake/spreadsheet/guard.py)."""
from __future__ import annotations


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
