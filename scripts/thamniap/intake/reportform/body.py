"""An issue-form body as GitHub renders it, back into field values.

GitHub writes each form field as `### <label>`, a blank line, then the value (`_No response_` when
left empty); a checkbox is `- [X] <option>` or `- [ ] <option>`. The labels come from
intake/reportform/fields.py, so the form and this parser cannot disagree. A body larger than
MAX_BODY_BYTES is refused unread; a heading that is no field of the report, or one written twice
(two reports pasted into one issue), is a problem: one report per issue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from thamniap.intake.reportform.fields import MAX_BODY_BYTES, Report
from thamniap.intake.reportform.messages import MISSING, UNTICKED
from thamniap.intake.reportform.messages import Note

NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*#*[ \t]*$")
_CHECKBOX = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.+?)[ \t]*$")


@dataclass
class Body:
    values: dict[str, str | None] = field(default_factory=dict)     # field id → text (None: empty)
    checked: dict[str, set[str]] = field(default_factory=dict)      # checkboxes field id → ticked options
    problems: list[Note] = field(default_factory=list)


def too_large(text: str) -> bool:
    return len(text.encode("utf-8")) > MAX_BODY_BYTES


def parse(text: str | None, report: Report) -> Body:
    """The values of REPORT's fields in TEXT (an issue body)."""
    out = Body()
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    by_label = {f.label: f for f in report.fields}
    sections: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        m = _HEADING.match(line)
        if m:
            sections.append((m.group(1), []))
        elif sections:
            sections[-1][1].append(line)
    seen: set[str] = set()
    for label, lines in sections:
        spec = by_label.get(label)
        if spec is None:
            out.problems.append(Note("หัวข้อ {0} ไม่ใช่ช่องของแบบฟอร์ม{1}", (label, report.name),
                                     "อย่าเพิ่มหรือเปลี่ยนหัวข้อที่ขึ้นต้นด้วย ### ถ้าต้องการรายงานเรื่องอื่น ให้เปิด issue ใหม่ด้วยแบบฟอร์มของเรื่องนั้น"))
            continue
        if spec.id in seen:
            out.problems.append(Note("มีหัวข้อนี้มากกว่าหนึ่งครั้ง (รายงานได้ครั้งละหนึ่งเรื่องต่อหนึ่ง issue)", (),
                                     "ลบส่วนที่ซ้ำออก ถ้ามีอีกรายงานหนึ่ง ให้เปิด issue ใหม่", spec.label))
            continue
        seen.add(spec.id)
        value = "\n".join(lines).strip("\n").strip()
        if spec.kind == "checkboxes":
            out.checked[spec.id] = {m.group(2) for ln in lines if (m := _CHECKBOX.match(ln.strip()))
                                    and m.group(1) in "xX"}
            continue
        out.values[spec.id] = None if value in ("", NO_RESPONSE) else value
    for spec in report.fields:
        if spec.kind == "checkboxes":
            missing = [o for o in spec.options if o not in out.checked.get(spec.id, set())]
            if missing:
                out.problems.append(Note(UNTICKED[0], (missing[0],), UNTICKED[1], spec.label))
        elif spec.required and not out.values.get(spec.id):
            why = "ไม่พบหัวข้อนี้ในรายงาน" if spec.id not in seen else MISSING[0]
            out.problems.append(Note(why, (), MISSING[1].replace("{0}", spec.description) if spec.description else MISSING[2],
                                     spec.label))
    return out
