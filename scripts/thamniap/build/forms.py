"""Each district's Excel form for the site's downloads, the same bytes as `template-xlsx` writes
(render.spreadsheet.template), in a fraction of the time.

openpyxl spends most of a form's time on the people's cells (a Python object per cell, written one
by one through lxml): about 0.2 s a district for Loei. Here openpyxl still makes everything else
(sheets, styles, widths, filters, drop-downs, the instructions) for the right number of rows, and
the people's rows are written as the XML openpyxl would write for them and put into its sheets.
A value this writer does not know how openpyxl writes (not text or a whole number, a control
character, text longer than a cell holds) sends the whole form the plain way.
tests/test_forms.py compares both ways byte for byte.
"""
from __future__ import annotations

import re

from thamniap.load.district_files import DistrictFiles, read_roster, subdistrict_choices
from thamniap.render.spreadsheet import template
from thamniap.intake.spreadsheet.form import LEADER_KEYS, VOLUNTEER_KEYS
from thamniap.render.xlsx import column_letter

# The sheets' order in the workbook (template_frame): volunteers, then leaders.
_PEOPLE_PARTS = ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_MAX_TEXT = 32_767            # openpyxl cuts longer text: left to it
_MAX_INT = 10 ** 15           # openpyxl writes numbers with "%.16g": exact below this


def district_form(files: DistrictFiles) -> bytes | None:
    """District FILES' form as `template.district_template` makes it; None when a roster file
    cannot be read."""
    roster = read_roster(files)
    if roster.problems:
        return None
    return form_bytes(files.code, roster.data, subdistrict_choices(files.code, roster))


def form_bytes(code: str, doc: dict | None, subdistricts: dict[str, tuple[str, ...]]) -> bytes:
    """`template.workbook_bytes(template.build_template(code, doc, subdistricts))`, faster."""
    volunteers, leaders = template.template_rows(doc) if doc else ([], [])
    sheets = [(list(VOLUNTEER_KEYS), volunteers), (list(LEADER_KEYS), leaders)]
    frame = template.template_frame(code, subdistricts, len(volunteers), len(leaders))
    rewrite = {}
    for part, (keys, rows) in zip(_PEOPLE_PARTS, sheets):
        if not rows:
            continue
        cells = [[template.text_value(row.get(k)) for k in keys] for row in rows]
        if not all(_known(v) for row in cells for v in row):
            return template.workbook_bytes(template.build_template(code, doc, subdistricts))
        rewrite[part] = _filler(keys, cells)
    return template.workbook_bytes(frame, rewrite)


def _known(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return len(value) <= _MAX_TEXT and not _UNSAFE.search(value)
    return type(value) is int and abs(value) < _MAX_INT


def _filler(keys: list[str], cells: list[list]):
    """A function that puts the rows into the frame's sheet XML (header row only)."""
    def fill(xml: bytes) -> bytes:
        text = xml.decode("ascii")
        style = re.search(r'<col [^>]*style="(\d+)"', text).group(1)     # the text format's style id
        last = f"{column_letter(len(keys))}{len(cells) + 1}"
        head, tail = text.split("</sheetData>")
        head = head.replace(f'<dimension ref="A1:{column_letter(len(keys))}1"/>', f'<dimension ref="A1:{last}"/>', 1)
        return (head + _rows_xml(keys, cells, style) + "</sheetData>" + tail).encode("ascii")
    return fill


def _rows_xml(keys: list[str], cells: list[list], style: str) -> str:
    """Rows 2… as openpyxl writes them: every column text-formatted except the village number (whose
    empty cells are left out), text inline, numbers as numbers."""
    letters = [column_letter(i) for i in range(1, len(keys) + 1)]
    styled = [f' s="{style}"' if key != "moo" else "" for key in keys]
    out = []
    for r, row in enumerate(cells, start=2):
        out.append(f'<row r="{r}">')
        for letter, s, value in zip(letters, styled, row):
            if value is None:
                if s:
                    out.append(f'<c r="{letter}{r}"{s} t="n"></c>')
            elif isinstance(value, int):
                out.append(f'<c r="{letter}{r}"{s} t="n"><v>{value}</v></c>')
            elif value == "":
                out.append(f'<c r="{letter}{r}"{s} t="inlineStr"></c>')
            else:
                space = ' xml:space="preserve"' if value != value.strip() else ""
                out.append(f'<c r="{letter}{r}"{s} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>')
        out.append("</row>")
    return "".join(out)


def _escape(value: str) -> str:
    """Text as lxml writes it into an ASCII document: markup characters and CR as references,
    every non-ASCII character as a decimal character reference."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return value.encode("ascii", "xmlcharrefreplace").decode("ascii")
