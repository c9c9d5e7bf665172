"""The roster report: `เพิ่ม` lines (a new อช. or ผู้นำ อช.) and `พ้น` lines (a person who left, with the
reason), applied to the subdistrict files (roster/<code>-<slug>.yaml) as the smallest line edit.

Columns are fields.ADD_COLUMNS and fields.END_COLUMNS. A new person gets the district's next free
ids in line order; a person who left keeps their lines, with `end` set to the day they left and
`end_reason` (and `end_note` for อื่น ๆ) on every role they still held, as CONTRIBUTING.md tells an
editor to write by hand. Every problem names its line; nothing is guessed.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import PurePath

from thamniap.core.dates import add_years
from thamniap.core.digits import ascii_digits
from thamniap.core.names import full_title, has_no_letters, split_title_prefix
from thamniap.core.text import fix_line_text
from thamniap.load.layout import ROSTER_DIR
from thamniap.model import LEADER, VOLUNTEER, District, Province, Subdistrict, next_free_ids
from thamniap.intake.reportform.fields import (ADD_COLUMNS, ADD_WORD, END_COLUMNS, END_REASONS, END_WORD,
                                               SEAT_SEPARATOR, Report)
from thamniap.intake.reportform.messages import LEADER_NEEDS_END, NAME_PARTS, NOT_A_NAME
from thamniap.intake.reportform.messages import Note
from thamniap.bot.read import field_lines, name_key, person_id, read_date
from thamniap.write.edit import edit_text, read_document

MAX_LINES = 60
VOLUNTEER_YEARS = 4          # a volunteer's term (check/rules/terms.py): an empty end is its last day
SEXES = ("ชาย", "หญิง")


@dataclass(frozen=True)
class Addition:
    line: int
    role: str
    subdistrict: Subdistrict
    moo: int | None
    title: str
    first_name: str
    last_name: str
    sex: str | None
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Ending:
    line: int
    person_id: str
    day: dt.date
    reason: str
    note: str | None


def _cells(line: str) -> list[str]:
    return [" ".join(fix_line_text(c).split()) for c in line.replace("｜", SEAT_SEPARATOR).split(SEAT_SEPARATOR)]


def _subdistrict(district: District, text: str) -> Subdistrict | None:
    wanted = ascii_digits(text).removeprefix("ตำบล").removeprefix("ต.").strip()
    return next((s for s in district.subdistricts or [] if wanted in (s.code, s.name)), None)


def read_changes(report: Report, values: dict, district: District, notes: list[Note]) -> tuple[list[Addition], list[Ending]]:
    spec = report.field("changes")
    people = list(district.people())
    lines = field_lines(values, spec, MAX_LINES, "รายการ", "แบ่งส่งเป็นหลายรายงาน", notes)
    additions, endings = [], []
    for number, line in enumerate(lines, 1):
        cells = _cells(line)
        where = f"บรรทัดที่ {number}"
        if cells[0] == ADD_WORD:
            found = _addition(cells, number, district, spec.label, notes)
            if found:
                additions.append(found)
        elif cells[0] == END_WORD:
            found = _ending(cells, number, people, district, spec, notes)
            if found:
                endings.append(found)
        else:
            notes.append(Note(f"{where} {{0}}: ต้องขึ้นต้นด้วย {ADD_WORD} หรือ {END_WORD}", (line.strip(),),
                              "คนใหม่: " + f" {SEAT_SEPARATOR} ".join(ADD_COLUMNS) + " — ผู้พ้นจากตำแหน่ง: "
                              + f" {SEAT_SEPARATOR} ".join(END_COLUMNS), spec.label))
    if not lines:
        notes.append(Note("ยังไม่มีรายการเปลี่ยนแปลง", (), "เขียนอย่างน้อยหนึ่งบรรทัด", spec.label))
    return additions, endings


def _addition(cells: list[str], number: int, district: District, label: str, notes: list[Note]) -> Addition | None:
    where, before = f"บรรทัดที่ {number}", len(notes)
    if len(cells) > len(ADD_COLUMNS) or len(cells) < 7:
        notes.append(Note(f"{where}: คนใหม่ต้องมี 7 หรือ 8 ช่อง คั่นด้วย {SEAT_SEPARATOR}", (),
                          "เขียนเป็น " + f" {SEAT_SEPARATOR} ".join(ADD_COLUMNS), label))
        return None
    cells += [""] * (len(ADD_COLUMNS) - len(cells))
    _, role, sub_text, moo_text, name, sex, start_text, end_text = cells
    role = {"ผู้นำอช.": LEADER, "ผู้นำ อช": LEADER, "อช": VOLUNTEER}.get(role, role)
    if role not in (VOLUNTEER, LEADER):
        notes.append(Note(f"{where}: บทบาท {{0}} ไม่มีในทำเนียบ", (role,), f"เขียน {VOLUNTEER} หรือ {LEADER}", label))
    sub = _subdistrict(district, sub_text)
    if sub is None:
        names = " ".join(s.name for s in district.subdistricts or [])
        notes.append(Note(f"{where}: ไม่พบตำบล {{0}} ในอำเภอ{{1}}", (sub_text, district.name), f"ตำบลของอำเภอนี้: {names}", label))
    moo = None
    if role == VOLUNTEER:
        digits = ascii_digits(moo_text).removeprefix("หมู่ที่").removeprefix("ม.").strip()
        moo = int(digits) if digits.isdigit() else None
        if moo is None:
            notes.append(Note(f"{where}: {VOLUNTEER} ต้องมีหมู่ที่ (ได้ {{0}})", (moo_text,), "เขียนเลขหมู่ที่ เช่น 3", label))
        elif sub is not None and not any(v.moo == moo for v in sub.villages):
            notes.append(Note(f"{where}: ไม่มีหมู่ที่ {{0}} ของตำบล{{1}} ในทำเนียบ", (str(moo), sub.name),
                              "ตรวจเลขหมู่ที่ หมู่บ้านใหม่ให้ผู้ดูแลเพิ่มในไฟล์ของตำบลก่อน", label))
    elif role == LEADER and moo_text:
        notes.append(Note(f"{where}: {LEADER} เป็นผู้นำของตำบล ไม่มีหมู่ที่", (), "เว้นช่องหมู่ที่ว่าง", label))
    titles, rest = split_title_prefix(name)
    parts = rest.split()
    if not titles or len(parts) < 2:
        notes.append(Note(f"{where}: " + NAME_PARTS[0], (name,), NAME_PARTS[1], label))
    for part in dict.fromkeys(p for p in parts if has_no_letters(p)):
        notes.append(Note(f"{where}: " + NOT_A_NAME[0], (part,), NOT_A_NAME[1], label))
    if sex and sex not in SEXES:
        notes.append(Note(f"{where}: เพศ {{0}}", (sex,), "เขียน ชาย หรือ หญิง หรือเว้นว่าง", label))
    start = read_date(start_text, _Spec(label), notes, f"{where} วันเริ่มวาระ")
    end = read_date(end_text, _Spec(label), notes, f"{where} วันสิ้นสุดวาระ")
    if not start_text:
        notes.append(Note(f"{where}: ไม่ได้เขียนวันเริ่มวาระ", (), "เช่น 15/1/2567", label))
    if start and not end:
        if role == VOLUNTEER:
            end = add_years(start, VOLUNTEER_YEARS) - dt.timedelta(days=1)
        else:
            notes.append(Note(f"{where}: " + LEADER_NEEDS_END[0], (), LEADER_NEEDS_END[1], label))
    if len(notes) > before or sub is None or start is None or end is None:
        return None
    return Addition(number, role, sub, moo, full_title(titles), parts[0], " ".join(parts[1:]), sex or None, start, end)


@dataclass(frozen=True)
class _Spec:
    """What read_date needs of a field: its label."""
    label: str


def _ending(cells: list[str], number: int, people, district: District, spec, notes: list[Note]) -> Ending | None:
    where, before = f"บรรทัดที่ {number}", len(notes)
    if len(cells) > len(END_COLUMNS) or len(cells) < 4:
        notes.append(Note(f"{where}: ผู้พ้นจากตำแหน่งต้องมี 4 หรือ 5 ช่อง คั่นด้วย {SEAT_SEPARATOR}", (),
                          "เขียนเป็น " + f" {SEAT_SEPARATOR} ".join(END_COLUMNS), spec.label))
        return None
    cells += [""] * (len(END_COLUMNS) - len(cells))
    _, name, day_text, reason, note = cells
    roster_people = [p for p in people if p.listed_as != "official"]
    pid, problem = person_id(roster_people, name, district, spec, "ผู้พ้นจากตำแหน่ง", f"{where}: ")
    if problem:
        notes.append(problem)
    elif not any(r.end_reason is None for r in next(p for p in roster_people if p.id == pid).roles):
        notes.append(Note(f"{where}: {{0}} พ้นจากทุกบทบาทในทำเนียบแล้ว", (name,), "ลบบรรทัดนี้", spec.label))
    day = read_date(day_text, spec, notes, f"{where} วันที่พ้น")
    if not day_text:
        notes.append(Note(f"{where}: ไม่ได้เขียนวันที่พ้นจากตำแหน่ง", (), "เช่น 10/1/2567", spec.label))
    if reason not in END_REASONS:
        notes.append(Note(f"{where}: เหตุผล {{0}}", (reason,), "เลือกหนึ่งใน " + ", ".join(END_REASONS), spec.label))
    elif reason == "อื่น ๆ" and not note:
        notes.append(Note(f"{where}: เหตุผล อื่น ๆ ต้องมีหมายเหตุสั้น ๆ ที่เผยแพร่ได้", (), "เช่น ได้รับเลือกเป็นผู้ใหญ่บ้าน", spec.label))
    elif reason != "อื่น ๆ" and note:
        notes.append(Note(f"{where}: หมายเหตุใช้กับเหตุผล อื่น ๆ เท่านั้น", (), "ลบหมายเหตุ หรือเลือกเหตุผล อื่น ๆ", spec.label))
    if len(notes) > before or pid is None or day is None:
        return None
    return Ending(number, pid, day, reason, note or None)


# ---------------------------------------------------------------- the files

def _person_document(pid: str, a: Addition) -> dict:
    doc = {"id": pid, "title": a.title, "first_name": a.first_name, "last_name": a.last_name}
    if a.sex:
        doc["sex"] = a.sex
    doc["roles"] = [{"role": a.role, "start": a.start.isoformat(), "end": a.end.isoformat()}]
    return doc


def _end_roles(person: dict, e: Ending) -> None:
    for role in person.get("roles") or []:
        if role.get("end_reason") is None:
            role["end"] = e.day.isoformat()
            role["end_reason"] = e.reason
            if e.note:
                role["end_note"] = e.note


def new_person_ids(district: District, province: Province, additions: list[Addition]) -> dict[int, str]:
    """The id each addition gets (its line → id): the district's next free ids, in line order."""
    ids = next_free_ids(province, district.code, len(additions))
    return {a.line: pid for a, pid in zip(additions, ids)}


def newcomers(district: District, province: Province, additions: list[Addition]) -> dict[str, str]:
    """The new people by name (read.name_key of "title first last" → their new id), so the same
    report can name them in a seat or as a nominee (the circular report)."""
    ids = new_person_ids(district, province, additions)
    return {name_key(f"{a.title}{a.first_name} {a.last_name}"): ids[a.line] for a in additions}


def apply(district: District, province: Province, additions: list[Addition], endings: list[Ending],
          folder: str) -> dict[str, bytes]:
    """The subdistrict files the changes touch (repository path under FOLDER → new bytes)."""
    by_person = {p.id: p.subdistrict_code for p in district.people()}
    subs = {s.code: s for s in district.subdistricts or []}
    touched = {a.subdistrict.code for a in additions} | {by_person[e.person_id] for e in endings}
    new_ids = new_person_ids(district, province, additions)
    out: dict[str, bytes] = {}
    for code in sorted(touched):
        name = PurePath(subs[code].file).name
        path = district.folder / ROSTER_DIR / name
        text = path.read_text(encoding="utf-8")
        data = copy.deepcopy(read_document(text, name))
        for a in (a for a in additions if a.subdistrict.code == code):
            person = _person_document(new_ids[a.line], a)
            if a.role == LEADER:
                data["leaders"].append(person)
            else:
                next(v for v in data["villages"] if v["moo"] == a.moo)["volunteers"].append(person)
        for e in (e for e in endings if by_person[e.person_id] == code):
            listed = [*data["leaders"], *(p for v in data["villages"] for p in v["volunteers"])]
            _end_roles(next(p for p in listed if p["id"] == e.person_id), e)
        out[f"{folder}/{ROSTER_DIR}/{name}"] = edit_text(text, data, name).encode("utf-8")
    return out
