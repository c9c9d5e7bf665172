"""Reporters: they only format diagnostics (text for people, GitHub annotations, JSON for tools)."""
from __future__ import annotations

import json
from typing import Callable, Iterable, TextIO

from .diagnostics import Diagnostic


def _summary(diags: list[Diagnostic], lang: str) -> str:
    errors = sum(d.is_error for d in diags)
    warnings = len(diags) - errors
    if lang == "en":
        return f"{errors} error(s), {warnings} warning(s)"
    if not diags:
        return "ผ่าน: ไม่พบข้อผิดพลาด"
    return f"พบข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ"


def text(diags: list[Diagnostic], out: TextIO, lang: str = "th") -> None:
    """`path:line:col: error[rule] message — hint`, one per line, then a count."""
    for d in diags:
        message, hint = d.text(lang)
        where = f"{d.path}:{d.line}:{d.column}" if d.line else d.path
        out.write(f"{where}: {d.severity.value}[{d.rule}] {message}" + (f" — {hint}" if hint else "") + "\n")
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
        message, hint = d.text(lang)
        props = [f"file={escape_property(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={max(d.column, 1)}"]
        props.append(f"title={escape_property(d.rule)}")
        body = message + (f" — {hint}" if hint else "")
        out.write(f"::{d.severity.value} {','.join(props)}::{escape_data(body)}\n")
    out.write(_summary(diags, lang) + "\n")


def json_report(diags: list[Diagnostic], out: TextIO, lang: str = "th") -> None:
    """A JSON list of diagnostic objects."""
    json.dump([d.as_dict() for d in diags], out, ensure_ascii=False, indent=1)
    out.write("\n")


def markdown(diags: Iterable[Diagnostic], lang: str = "th") -> str:
    """A Markdown table for $GITHUB_STEP_SUMMARY (values escaped: they come from contributors)."""
    from html import escape
    diags = list(diags)
    rows = ["| ไฟล์ | บรรทัด | ระดับ | กฎ | รายละเอียด |", "|---|---|---|---|---|"]
    for d in diags:
        message, hint = d.text(lang)
        cell = escape(message + (f" — {hint}" if hint else "")).replace("|", "&#124;")
        cell = cell.replace("`", "&#96;").replace("*", "&#42;").replace("_", "&#95;").replace("[", "&#91;")
        rows.append(f"| {escape(d.path)} | {d.line} | {d.severity.thai} | {d.rule} | {cell} |")
    return f"### ผลการตรวจข้อมูล: {_summary(diags, lang)}\n\n" + "\n".join(rows) + "\n"


REPORTERS: dict[str, Callable[[list[Diagnostic], TextIO, str], None]] = {
    "text": text, "github": github, "json": json_report}
