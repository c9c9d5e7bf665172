"""The changes of derive/changes.py in Thai Markdown: the PR summary (check-pr) and the district history.

Every value that comes from data goes through `render.markup.md` (HTML-escaped, Markdown specials
backslashed), so a name such as `<img onerror=…>` or `[x](javascript:…)` is shown as text in a
GitHub step summary or a site page. Dates are written the Thai way (`core.dates.thai_date`);
phone numbers were never kept, only whether one exists.
"""
from __future__ import annotations

import datetime as dt

from thamniap.core.dates import thai_date
from thamniap.derive.changes import (Appointment, AreaChanges, CircularValue, Consent, Departure, FieldChange, Holder,
                                     MeetingValue, PersonChange, Place, ProvinceChanges, RoleTerm, Term)
from thamniap.render.markup import md

NONE = "—"          # shown for "no value"
VACANT = "ว่าง"     # a committee seat without a holder
INDENT = "    "     # four spaces: nested lists work in both Python-Markdown and GitHub

# The Thai label of each FieldChange.field; a committee seat ("post") is labelled by its post name.
LABELS = {
    "district.name": "ชื่ออำเภอ",
    "round.title": "รอบการรายงาน", "round.deadline": "กำหนดส่ง", "round.opens": "เปิดรับ",
    "meeting": "การประชุม", "circular": "หนังสือเวียน",
    "office.name": "ชื่อหน่วยงาน", "office.unit": "กลุ่มงาน", "office.address": "ที่ตั้ง",
    "office.email": "อีเมล", "office.website": "เว็บไซต์", "office.phone": "โทรศัพท์สำนักงาน",
    "office.hours": "เวลาทำการ", "office.location": "ตำแหน่งบนแผนที่",
    "maintainer.added": "เพิ่มผู้ดูแล", "maintainer.removed": "ลบผู้ดูแล",
    "person.title": "คำนำหน้า", "person.first_name": "ชื่อ", "person.last_name": "นามสกุล",
    "person.sex": "เพศ", "person.place": "ที่อยู่ในทำเนียบ", "person.roles": "บทบาทและวาระ",
    "person.position": "ตำแหน่ง", "person.responsible": "ผู้รับผิดชอบงาน อช.",
    "person.phone": "โทรศัพท์ส่วนตัว (ได้รับความยินยอม)", "person.work_phone": "โทรศัพท์ที่ทำงาน",
    "person.note": "หมายเหตุ", "person.left": "พ้นจากตำแหน่ง",
    "post.appointment": "คำสั่งแต่งตั้งของตำแหน่ง",
    "club": "ชมรม", "club.name": "ชื่อชมรม", "club.kind": "ประเภท", "club.registration": "เลขทะเบียนสมาคม",
    "club.term": "วาระคณะกรรมการ", "club.appointment": "คำสั่งแต่งตั้ง", "club.confirmed": "ยืนยันข้อมูลเมื่อ",
    "nominees.representatives": "ผู้แทนชมรม", "nominees.officials": "เจ้าหน้าที่",
    "nominees.submitted": "วันที่ส่งรายชื่อ",
}


# ---------------------------------------------------------------- plain text (escape when rendering)

def area_title(area: AreaChanges) -> str:
    """Heading text of one area."""
    if area.level == "province":
        return f"จังหวัด{area.name} (ข้อมูลระดับจังหวัด)"
    return f"อำเภอ{area.name} ({area.code})"


def label(change: FieldChange) -> str:
    """What changed: "อีเมล", a post name ("ประธาน"), or "ผู้แทนชมรม — <meeting title>"."""
    if change.field == "post":
        return change.subject or ""
    if change.field == "post.appointment":
        return f"{change.subject} — {LABELS[change.field]}"
    text = LABELS[change.field]
    if change.field == "club.confirmed" and change.subject is not None:
        return f"{text} (รอบ {change.subject})"
    return text if change.subject is None else f"{text} — {change.subject}"


def place_text(place: Place) -> str:
    """Where a person is listed: "ผู้นำ อช. ตำบลนาซ่าว", "อช. ตำบลนาซ่าว หมู่ที่ 3 บ้านนาซ่าว" …"""
    if place.kind == "leader":
        return f"ผู้นำ อช. ตำบล{place.subdistrict}"
    if place.kind == "volunteer":
        return f"อช. ตำบล{place.subdistrict} หมู่ที่ {place.moo} {place.village}".rstrip()
    lead = "เจ้าหน้าที่จังหวัด" if place.kind == "province-official" else "เจ้าหน้าที่"
    return lead + (f" {place.position}" if place.position else "")


def value_text(field: str, value) -> str:
    """One value of FIELD (not None) as a reviewer reads it."""
    if isinstance(value, bool):
        return "ใช่" if field == "person.responsible" else ("มี" if value else "ไม่มี")
    if field.startswith("maintainer."):
        return "@" + value
    text = _TEXT_OF.get(type(value))
    return text(value) if text else str(value)


def _appointment_text(value: Appointment) -> str:
    parts = [f"ที่ {value.number}" if value.number else "", f"ลงวันที่ {thai_date(value.date)}" if value.date else "",
             f"โดย {value.by}" if value.by else ""]
    return " ".join(p for p in parts if p)


def _departure_text(value: Departure) -> str:
    note = f" ({value.note})" if value.note else ""
    return f"พ้นจากตำแหน่ง {value.role} เมื่อ {thai_date(value.end)} เหตุผล: {value.reason}{note}"


def _consent_text(value: Consent) -> str:
    if not value.phone:
        return "ไม่มี"
    return f"มี (ยินยอมเมื่อ {thai_date(value.date)})" if value.date else "มี (ไม่ระบุความยินยอม)"


# The words for each kind of changed value (derive/changes.py), by its type
_TEXT_OF = {
    dt.date: thai_date,
    Place: place_text,
    Holder: lambda value: VACANT if value.name is None else value.name,
    Term: lambda value: f"{thai_date(value.start)} – {thai_date(value.end)}",
    Appointment: _appointment_text,
    Departure: _departure_text,
    MeetingValue: lambda value: f"{value.title} {thai_date(value.date)} {value.time} น. {value.place}",
    CircularValue: lambda value: f"{value.number} ลงวันที่ {thai_date(value.date)} {value.subject}",
    Consent: _consent_text,
    # roles, or the names of nominees
    tuple: lambda value: ", ".join(_role(r) if isinstance(r, RoleTerm) else r for r in value) or NONE,
}


def _role(role: RoleTerm) -> str:
    return f"{role.role} {thai_date(role.start, short=True)} – {thai_date(role.end, short=True)}"


def headline(area: AreaChanges) -> str:
    """A few words for one area's change (plain text, not escaped): used in short lists."""
    if area.status == "added":
        people = len(area.added)
        seats = sum(1 for c in area.posts if c.after is not None and c.after.name is not None)
        return f"เพิ่มข้อมูล{'อำเภอ' if area.level == 'district' else 'จังหวัด'}นี้ ({people:,} คน รวมเจ้าหน้าที่" + \
            (f", กรรมการชมรม {seats} ตำแหน่ง)" if seats else ")")
    parts = []
    if area.status == "removed":
        parts.append("ลบข้อมูลทั้งหมด")
    if area.posts:
        parts.append(f"คณะกรรมการ {len(area.posts)} ตำแหน่ง")
    if area.added:
        parts.append(f"เพิ่ม {len(area.added)} คน")
    if area.removed:
        parts.append(f"ลบ {len(area.removed)} คน")
    if area.changed:
        parts.append(f"แก้ไข {len(area.changed)} คน")
    if area.club or area.confirmed:
        parts.append("ข้อมูลชมรม")
    if area.nominees:
        parts.append("ผู้แทนเข้าประชุม")
    if area.office or area.other:
        parts.append("ข้อมูลสำนักงาน/อื่น ๆ")
    if area.maintainers:
        parts.append("ผู้ดูแล")
    return ", ".join(parts) or "ไม่มีการเปลี่ยนแปลงข้อมูล"


# ---------------------------------------------------------------- Markdown (escaped)

def _v(change: FieldChange, value) -> str:
    return NONE if value is None else md(value_text(change.field, value))


def _field(change: FieldChange) -> str:
    name = label(change)
    if change.field == "person.left":   # "พ้นจากตำแหน่ง อช. เมื่อ 1 มีนาคม 2567 เหตุผล: ลาออก"
        return _v(change, change.after)
    if change.before is None:
        return f"{md(name)}: {_v(change, change.after)}" if name.startswith("เพิ่ม") else \
            f"{md(name)}: {NONE} → {_v(change, change.after)}"
    if change.after is None:
        return f"{md(name)}: {_v(change, change.before)}" if name.startswith("ลบ") else \
            f"{md(name)}: {_v(change, change.before)} → {NONE}"
    return f"{md(name)}: {_v(change, change.before)} → {_v(change, change.after)}"


def _person(change: PersonChange, with_fields: bool) -> str:
    text = f"{md(change.name)} ({md(place_text(change.place))}; รหัส {md(change.id)})"
    if with_fields and change.fields:
        text += " — " + "; ".join(_field(f) for f in change.fields)
    return text


def area_lines(area: AreaChanges, max_people: int = 200) -> list[str]:
    """Bullet lines (Markdown, escaped) for one area; empty when nothing changed."""
    lines: list[str] = []
    if area.status == "added":
        lines.append(f"- เพิ่มข้อมูล{'อำเภอ' if area.level == 'district' else 'จังหวัด'}นี้ใหม่")
    elif area.status == "removed":
        lines.append(f"- ลบข้อมูล{'อำเภอ' if area.level == 'district' else 'จังหวัด'}นี้ทั้งหมด")
    if area.unreadable:
        lines.append("- " + md(f"อ่าน {', '.join(area.unreadable)} ไม่ได้ในรุ่นใดรุ่นหนึ่ง (มีข้อผิดพลาด) "
                               "จึงไม่ได้เปรียบเทียบ — ดูผลการตรวจข้อมูล"))

    def group(title: str, items: list[str]) -> None:
        if items:
            lines.append(f"- {title}")
            lines.extend(f"{INDENT}- {item}" for item in items)

    def people(title: str, changes: list[PersonChange], with_fields: bool) -> None:
        if not changes:
            return
        shown = [_person(c, with_fields) for c in changes[:max_people]]
        if len(changes) > max_people:
            shown.append(f"และอีก {len(changes) - max_people:,} คน")
        group(f"{title} {len(changes):,} คน", shown)

    group("คณะกรรมการชมรม", [_field(c) for c in area.posts])
    group("ชมรม วาระ และคำสั่งแต่งตั้ง", [_field(c) for c in area.club])
    lines.extend(f"- {_field(c)}" for c in area.confirmed)
    people("เพิ่มรายชื่อ", area.added, False)
    people("ลบรายชื่อ", area.removed, False)
    people("แก้ไขข้อมูลบุคคล", area.changed, True)
    group("ผู้แทนเข้าประชุม", [_field(c) for c in area.nominees])
    group("สำนักงาน", [_field(c) for c in area.office])
    group("ผู้ดูแลข้อมูล (บัญชี GitHub)", [_field(c) for c in area.maintainers])
    group("ข้อมูลอื่น", [_field(c) for c in area.other])
    return lines


def markdown(changes: ProvinceChanges, heading: str = "###", max_people: int = 200) -> str:
    """The change summary in Thai Markdown: one heading per area, then bullet lists."""
    if changes.empty:
        return "ไม่มีการเปลี่ยนแปลงข้อมูลใน data/\n"
    out: list[str] = []
    for area in changes.areas:
        out += [f"{heading} {md(area_title(area))}", "", *area_lines(area, max_people), ""]
    return "\n".join(out)
