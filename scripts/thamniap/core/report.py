"""Reporters: they only format diagnostics (text for people, GitHub annotations, JSON for tools)."""
from __future__ import annotations

import html
import json
import re
from typing import Callable, Iterable, TextIO

from thamniap.core.diagnostics import Diagnostic
from thamniap.core.national_id import mask_national_ids


def _summary(diags: list[Diagnostic], lang: str) -> str:
    errors = sum(d.is_error for d in diags)
    warnings = len(diags) - errors
    if lang == "en":
        return f"{errors} error(s), {warnings} warning(s)"
    if not diags:
        return "ผ่าน: ไม่พบข้อผิดพลาด"
    return f"พบข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value: str) -> str:
    """Contributor text made safe for any report: national IDs masked, control characters (a
    newline in a file name …) shown as escapes, so a value can never start a line of its own."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                        mask_national_ids(value))


def shown(d: Diagnostic, lang: str) -> tuple[str, str, str]:
    """(path, message, hint) of a diagnostic as every reporter prints them (see one_line)."""
    message, hint = d.text(lang)
    return one_line(d.path), one_line(message), one_line(hint)


def location(d: Diagnostic, path: str) -> str:
    """`path:line:col`, or the path alone when the line is unknown."""
    return f"{path}:{d.line}:{d.column}" if d.line else path


def text_line(d: Diagnostic, lang: str = "th") -> str:
    """`path:line:col: error[rule] message — hint` (the one format of a diagnostic as text)."""
    path, message, hint = shown(d, lang)
    return f"{location(d, path)}: {d.severity.value}[{one_line(d.rule)}] {message}" + (f" — {hint}" if hint else "")


def text(diags: list[Diagnostic], out: TextIO, lang: str = "th") -> None:
    """`path:line:col: error[rule] message — hint`, one per line, then a count."""
    for d in diags:
        out.write(text_line(d, lang) + "\n")
    out.write(_summary(diags, lang) + "\n")


def place_line(d: Diagnostic, lang: str = "th") -> str:
    """`form.xlsx: อช.!K14 (ชื่อ): ข้อผิดพลาด: message — hint`: a problem in a file that has no lines
    (a workbook), whose path names the place in it; the severity in words, for the person filling it in."""
    path, message, hint = shown(d, lang)
    return f"{path}: {d.severity.thai}: {message}" + (f" — {hint}" if hint else "")


def place_text(diags: list[Diagnostic], out: TextIO, lang: str = "th", *, summary: bool = True) -> None:
    """place_line for each diagnostic, then (with SUMMARY) the count."""
    for d in diags:
        out.write(place_line(d, lang) + "\n")
    if summary:
        out.write(_summary(diags, lang) + "\n")


def escape_data(value: str) -> str:
    """Escape an annotation message the way @actions/core does."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape an annotation property (file, title) the way @actions/core does."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(diags: list[Diagnostic], out: TextIO, lang: str = "th") -> None:
    """Workflow commands `::error file=…,line=…,col=…,title=…::message`, escaped so data cannot forge one."""
    for d in diags:
        path, message, hint = shown(d, lang)
        props = [f"file={escape_property(path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={max(d.column, 1)}"]
        props.append(f"title={escape_property(one_line(d.rule))}")
        body = message + (f" — {hint}" if hint else "")
        out.write(f"::{d.severity.value} {','.join(props)}::{escape_data(body)}\n")
    out.write(_summary(diags, lang) + "\n")


def _masked(value):
    if isinstance(value, str):
        return mask_national_ids(value)
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def json_report(diags: list[Diagnostic], out: TextIO, lang: str = "th") -> None:
    """A JSON list of diagnostic objects (strings national-ID-masked; JSON escapes the rest)."""
    json.dump([{k: _masked(v) for k, v in d.as_dict().items()} for d in diags], out, ensure_ascii=False, indent=1)
    out.write("\n")


_MD_CELL = str.maketrans({"|": "&#124;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
                          "\\": "&#92;", "#": "&#35;", "!": "&#33;", "~": "&#126;", "{": "&#123;", "}": "&#125;",
                          "(": "&#40;", ")": "&#41;", ":": "&#58;", "@": "&#64;"})


def markdown_cell(value: str) -> str:
    """Contributor text as inert text in a GitHub Markdown table cell: one line, HTML-escaped,
    every character GitHub's Markdown acts on (links, emphasis, autolinks, mentions) an entity."""
    return html.escape(one_line(value), quote=True).translate(_MD_CELL)


def markdown(diags: Iterable[Diagnostic], lang: str = "th") -> str:
    """A Markdown table for $GITHUB_STEP_SUMMARY (every cell escaped: values come from contributors)."""
    diags = list(diags)
    rows = ["| ไฟล์ | บรรทัด | ระดับ | กฎ | รายละเอียด |", "|---|---|---|---|---|"]
    for d in diags:
        message, hint = d.text(lang)
        cell = markdown_cell(message + (f" — {hint}" if hint else ""))
        rows.append(f"| {markdown_cell(d.path)} | {d.line} | {d.severity.thai} | {markdown_cell(d.rule)} | {cell} |")
    return f"### ผลการตรวจข้อมูล: {_summary(diags, lang)}\n\n" + "\n".join(rows) + "\n"


REPORTERS: dict[str, Callable[[list[Diagnostic], TextIO, str], None]] = {
    "text": text, "github": github, "json": json_report}
