"""`thamniap import-xlsx FILE --district CODE`: a filled-in form back to the district's roster files (roster/), the only files
it writes. The importer is strict the way the YAML loader is: every bad cell is reported by sheet
and cell (`อช.!K14`) with a Thai hint, and nothing is written unless the whole workbook is right
and the new roster files pass the project's check (check.validate) on a temporary copy of the
dataset. Before openpyxl sees the file, guard refuses what could hurt or mislead (zip bombs, entity
declarations, macros, external links, formulas, hidden rows/columns/sheets, more than 10,000 rows).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO


from thamniap.core import report
from thamniap.core.diagnostics import Diagnostic
from thamniap.load.layout import display_path, roster_head
from thamniap.write.style import file_text
from thamniap.write.files import replace_files
from thamniap.tools.spreadsheet.carry import keep_fields_not_in_form
from thamniap.intake.spreadsheet.cells import Row, read_sheets
from thamniap.load.district_files import (DistrictFiles, RosterInfo, SpreadsheetError, find_district,
                                                 ids_in_dataset, read_roster, subdistrict_choices)
from thamniap.intake.spreadsheet.form import LEADER_SHEET, VOLUNTEER_SHEET, Collector, row_ref
from thamniap.write.edit import edit_into
from thamniap.intake.spreadsheet.people import (PersonDraft, check_national_ids, check_people_rules, check_person,
                                               check_same_names, check_value, group_people)

Choices = dict[str, tuple[str, ...]]     # subdistrict code -> accepted names (subdistrict_choices)


@dataclass
class ImportResult:
    doc: dict | None
    issues: list[Diagnostic]
    new_ids: list[tuple[str, str]]        # (cell ref, id) for people who got an id
    people: dict[str, int]
    rewritten: list = field(default_factory=list)  # roster files written whole: a line edit would not read the same


@dataclass
class VillageDraft:
    name: str | None = None
    row: Row | None = None                # the row the name was first read from
    volunteers: list[PersonDraft] = field(default_factory=list)


def rows_to_roster(sheets: dict[str, list[Row]], code: str, roster: RosterInfo, used_ids: set[str],
                   other_ids: dict[str, str], out: Collector) -> ImportResult:
    """Check every row and build the roster document; the document is None when anything is wrong."""
    choices = subdistrict_choices(code, roster)
    people, placeholders = group_people(sheets, code, other_ids, out)
    villages = _villages(people, placeholders, choices, out)
    for person in people.values():
        check_person(person, out)
    check_people_rules(people, out)
    check_same_names(people, out)
    check_national_ids(sheets, out)
    counts = {"leaders": sum(p.sheet == LEADER_SHEET for p in people.values()),
              "volunteers": sum(p.sheet == VOLUNTEER_SHEET for p in people.values())}
    if out.errors:
        return ImportResult(None, out.issues, [], counts)
    doc, new_ids = _roster_document(people, villages, code, roster, choices, used_ids)
    keep_fields_not_in_form(doc, roster.data, {p.id: p.rows for p in people.values()}, out)
    if out.errors:
        return ImportResult(None, out.issues, [], counts)
    return ImportResult(doc, out.issues, new_ids, counts)


# ---------------------------------------------------------------- places

def _villages(people: dict[str, PersonDraft], placeholders: list[Row], choices: Choices,
              out: Collector) -> dict[tuple[str, int], VillageDraft]:
    """Villages by (subdistrict, หมู่ที่), named by their rows. Each person's subdistrict (and an อช.'s
    village) comes from their details; a placeholder row names a village with no อช. yet."""
    villages: dict[tuple[str, int], VillageDraft] = {}
    place_rows: list[tuple[Row, tuple[str, int]]] = []   # rows that may name the village of a place
    for person in people.values():
        sub = _resolve_subdistrict(person.at("sub_code"), person.values.get("sub_code"), choices, out)
        if sub is None:
            continue
        for row in person.rows:
            _check_sub_name(row, sub, choices, out)
        if person.sheet == VOLUNTEER_SHEET:
            moo = person.values.get("moo")
            if moo is None:
                if not any("moo" in r.bad for r in person.rows):
                    out.at(person.first, "moo", "xlsx.required", "ต้องกรอกหมู่ที่",
                           "อช. ต้องระบุหมู่บ้าน: รหัสตำบล หมู่ที่ และชื่อหมู่บ้าน")
                continue
            villages.setdefault((sub, moo), VillageDraft())
            place_rows += [(row, (sub, moo)) for row in person.rows]
    for row in placeholders:
        sub = _resolve_subdistrict(row, row.values.get("sub_code"), choices, out)
        if sub is None:
            continue
        _check_sub_name(row, sub, choices, out)
        villages.setdefault((sub, row.values["moo"]), VillageDraft())
        place_rows.append((row, (sub, row.values["moo"])))
    _name_villages(villages, place_rows, out)
    return villages


def _name_villages(villages: dict[tuple[str, int], VillageDraft], place_rows: list[tuple[Row, tuple[str, int]]],
                   out: Collector) -> None:
    """Each village's name, from the first row that gives it; other rows must give the same name."""
    for row, place in sorted(place_rows, key=lambda rp: (rp[0].number, rp[1])):
        village, name = villages[place], row.values.get("village")
        if name is None:
            continue
        check_value(row, "village", out)
        if village.name is None:
            village.name, village.row = name, row
        elif village.name != name:
            out.at(row, "village", "xlsx.place", f"หมู่ที่ {place[1]} ตำบลรหัส {place[0]} ชื่อ `{name}` ไม่ตรงกับแถว "
                   f"{row_ref(village.row)} (`{village.name}`)",
                   "หมู่เดียวกันต้องใช้ชื่อหมู่บ้านเดียวกัน — ตรวจเลขหมู่ที่หรือชื่อหมู่บ้าน")
    for place, village in villages.items():
        if village.name is None:
            row = min((r for r, p in place_rows if p == place), key=lambda r: r.number)
            out.at(row, "village", "xlsx.required", f"ต้องกรอกชื่อหมู่บ้านของหมู่ที่ {place[1]}", "เช่น บ้านนาอ้อ")


def _resolve_subdistrict(row: Row, code: str | None, choices: Choices, out: Collector) -> str | None:
    name = row.values.get("sub_name")
    listing = ", ".join(f"{c} {n[0]}" for c, n in choices.items())
    if code is None:
        match = [c for c, names in choices.items() if name in names]
        out.at(row, "sub_code", "xlsx.required", "ต้องกรอกรหัสตำบล",
               f"ตำบล{name} คือรหัส `{match[0]}`" if match else f"เลือกจากรายการ: {listing}")
        return None
    if code not in choices:
        out.at(row, "sub_code", "xlsx.place", f"ไม่พบตำบลรหัส `{code}` ในอำเภอนี้", f"ตำบลของอำเภอนี้: {listing}")
        return None
    return code


def _check_sub_name(row: Row, code: str, choices: Choices, out: Collector) -> None:
    name = row.values.get("sub_name")
    if name is not None and name not in choices[code]:
        match = [c for c, names in choices.items() if name in names]
        out.at(row, "sub_name", "xlsx.place", f"ชื่อตำบล `{name}` ไม่ตรงกับรหัส `{code}` (ตำบล{choices[code][0]})",
               (f"ตำบล{name} คือรหัส `{match[0]}` — แก้รหัสหรือชื่อให้ตรงกัน" if match else
                f"แก้เป็น `{choices[code][0]}` หรือเว้นว่าง"))


# ---------------------------------------------------------------- the document

def _roster_document(people: dict[str, PersonDraft], villages: dict[tuple[str, int], VillageDraft], code: str,
                     roster: RosterInfo, choices: Choices, used_ids: set[str]) -> tuple[dict, list[tuple[str, str]]]:
    """(the roster document, (cell refs, id) of each new person). Roster order: subdistricts as in
    the roster files (others after, by code), leaders and volunteers in row order, villages by หมู่ที่;
    new people get the next free ids in that order."""
    sub_order = [c for c, _ in roster.subdistricts]
    used_subs = {p.values["sub_code"] for p in people.values()} | {s for s, _ in villages}
    sub_order += sorted(used_subs - set(sub_order))
    roster_names = dict(roster.subdistricts)
    for person in people.values():
        if person.sheet == VOLUNTEER_SHEET:
            villages[(person.values["sub_code"], person.values["moo"])].volunteers.append(person)
    free = _free_ids(code, used_ids | {p.id for p in people.values() if p.id})
    new_ids: list[tuple[str, str]] = []

    def listed(person: PersonDraft) -> dict:
        if person.id is None:
            person.id = next(free)
            new_ids.append((", ".join(row_ref(r, "id") for r in person.rows), person.id))
        return _person_document(person)

    subdistricts = []
    for sub in sub_order:
        leaders = [listed(p) for p in people.values() if p.sheet == LEADER_SHEET and p.values["sub_code"] == sub]
        sub_villages = [{"moo": moo, "name": village.name, "volunteers": [listed(p) for p in village.volunteers]}
                        for (s, moo), village in sorted(villages.items(), key=lambda kv: kv[0]) if s == sub]
        subdistricts.append({"code": sub, "name": roster_names.get(sub) or choices[sub][0],
                             "leaders": leaders, "villages": sub_villages})
    return {"sample": roster.sample, "subdistricts": subdistricts}, new_ids


def _free_ids(code: str, taken: set[str]) -> Iterator[str]:
    """`<code>-NNNN` from the number after the highest one taken."""
    numbers = [int(m[1]) for i in taken if (m := re.fullmatch(re.escape(code) + r"-([0-9]+)", i))]
    return (f"{code}-{n:04d}" for n in itertools.count(max(numbers, default=0) + 1))


def _role_document(row) -> dict:
    """A row's role: a leaving volunteer's end reason and note are recorded beside the end date."""
    role = {"role": row.role, "start": row.values["start"], "end": row.values["end"]}
    for key in ("end_reason", "end_note"):
        if row.values.get(key):
            role[key] = row.values[key]
    return role


def _person_document(person: PersonDraft) -> dict:
    v = person.values
    doc = {"id": person.id, "title": v["title"], "first_name": v["first_name"], "last_name": v["last_name"]}
    if v.get("sex"):
        doc["sex"] = v["sex"]
    doc["roles"] = [_role_document(r) for r in person.rows]
    if v.get("phone"):
        doc["phone"] = v["phone"]
    if v.get("consent_date"):
        doc["phone_consent"] = {"date": v["consent_date"], "method": v["consent_method"]}
    if v.get("note"):
        doc["note"] = v["note"]
    return doc


# ---------------------------------------------------------------- the roster files, checked before they are written

def render_rosters(files: DistrictFiles, doc: dict) -> dict[Path, str]:
    """Each subdistrict of DOC (the whole district's roster) as the text of its own file, as
    every writer of data/ does (write.style.file_text)."""
    out = {}
    existing = files.roster_files()
    for sub in doc["subdistricts"]:
        path = files.roster_file(sub["code"], existing)
        out[path] = file_text(roster_head(files.header(path), sub["code"]), {"sample": doc["sample"], **sub})
    return out


def _edit_of_rosters(texts: dict[Path, str], result: ImportResult) -> dict[Path, str]:
    """Each text as the smallest line edit of its file on disk (its comments and untouched lines
    kept, write/edit.py); the text itself, marked in RESULT, where the edit would not read the same."""
    out = {}
    for path, text in texts.items():
        if not path.exists():
            out[path] = text
            continue
        edited = edit_into(path.read_text(encoding="utf-8"), text, display_path(path))
        if edited is not None:
            out[path] = edited
        else:
            result.rewritten.append(path)
            out[path] = text
    return out


def check_candidate(files: DistrictFiles, texts: dict[Path, str], today: dt.date) -> tuple[list, list]:
    """(errors, warnings) of the district after writing TEXTS (roster files), on a temporary copy.

    Errors in the district's other files (club.yaml, meeting.yaml) count only when the new roster
    causes them: ones already there before the import are not this import's doing.
    """
    from thamniap.check.validate import check_root
    focus = {files.code}
    work = Path(tempfile.mkdtemp(prefix="thamniap-import-"))
    try:
        copy = _candidate_copy(files, texts, work)
        _, found = check_root(copy, today, focus)
        where = _Places(files, copy)
        mine = [d for d in found if where.in_district(d)]
        errors = [d for d in mine if d.is_error and where.in_roster(d)]
        others = [d for d in mine if d.is_error and not where.in_roster(d)]
        if others:
            _, before = check_root(files.root, today, focus)
            errors += _not_there_before(others, before, files, where)
        warnings = [d for d in mine if not d.is_error and where.in_roster(d)]
        return [where.shown(d) for d in errors], [where.shown(d) for d in warnings]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _candidate_copy(files: DistrictFiles, texts: dict[Path, str], work: Path) -> Path:
    """A copy of the dataset in WORK with TEXTS written into it (paths as in the dataset)."""
    copy = work / files.root.name
    shutil.copytree(files.root, copy, symlinks=False, ignore=shutil.ignore_patterns(".git", "*.xlsx", "~$*"))
    for path, text in texts.items():
        target = copy / path.relative_to(files.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return copy


class _Places:
    """Where a diagnostic of the candidate COPY lies: in the district, in its roster, and its path as
    the user knows it (in the dataset, not the copy)."""

    def __init__(self, files: DistrictFiles, copy: Path):
        self.files = files
        self.copy = copy.resolve()
        self.district = files.district_dir.relative_to(files.root)
        self.roster = files.roster.relative_to(files.root)

    def relative(self, diag) -> Path | None:
        path = Path(diag.path).resolve()
        return path.relative_to(self.copy) if path.is_relative_to(self.copy) else None

    def in_district(self, diag) -> bool:
        rel = self.relative(diag)
        return rel is not None and self.district in rel.parents

    def in_roster(self, diag) -> bool:
        rel = self.relative(diag)
        return rel is not None and (rel == self.roster or self.roster in rel.parents)

    def shown(self, diag):
        return dataclasses.replace(diag, path=display_path(self.files.root / self.relative(diag)))


def _not_there_before(others: list, before: list, files: DistrictFiles, where: _Places) -> list:
    """The errors of OTHERS (outside the roster) that the dataset did not have BEFORE the import."""
    root = files.root.resolve()
    known = {(str(Path(d.path).resolve().relative_to(root)), d.line, d.rule, d.message)
             for d in before if d.is_error and root in Path(d.path).resolve().parents}
    return [d for d in others if (str(where.relative(d)), d.line, d.rule, d.message) not in known]


# ---------------------------------------------------------------- the command

def import_workbook(path: Path, code: str, root: Path, today: dt.date | None = None, *,
                    validate: bool = True) -> tuple[ImportResult, DistrictFiles, dict[Path, str] | None, list, list]:
    """Read PATH for district CODE: (result, files, the roster files' new texts or None, validate
    errors, warnings)."""
    files = find_district(root, code)
    if not path.is_file():
        raise SpreadsheetError(f"ไม่พบไฟล์ `{path}`")
    out = Collector(path.name)
    sheets = read_sheets(path, out)
    if (out.errors and not sheets) or out.stopped:   # refused, unreadable, or too wrong to go on
        return ImportResult(None, out.issues, [], {"leaders": 0, "volunteers": 0}), files, None, [], []
    roster = read_roster(files)
    used, elsewhere = ids_in_dataset(files)
    result = rows_to_roster(sheets, code, roster, used, elsewhere, out)
    if result.doc is None:
        return result, files, None, [], []
    texts = _edit_of_rosters(render_rosters(files, result.doc), result)
    errors, warnings = (check_candidate(files, texts, today or dt.date.today()) if validate else ([], []))
    return result, files, texts, errors, warnings


def import_command(path: Path, code: str, root: Path, today: dt.date, stdout: TextIO, stderr: TextIO) -> int:
    try:
        result, files, texts, errors, warnings = import_workbook(path, code, root, today)
    except SpreadsheetError as exc:
        print(f"thamniap: {exc}", file=stderr)
        return 1
    folder = display_path(files.roster)
    report.place_text(result.issues, stdout, summary=texts is None)
    if texts is None:
        print(f"thamniap: ไม่ได้เขียนไฟล์ใดใน {folder}/ — แก้ช่องที่แจ้งในแบบฟอร์มแล้วนำเข้าใหม่", file=stderr)
        return 1
    if errors:
        report.text(errors + warnings, stdout)
        print(f"thamniap: ไม่ได้เขียนไฟล์ใดใน {folder}/ — ทำเนียบที่ได้จากแบบฟอร์มไม่ผ่านการตรวจ "
              "(ตำแหน่งข้างบนคือบรรทัดในไฟล์ที่จะเขียน)", file=stderr)
        return 1
    if warnings:
        report.text(warnings, stdout)
    changed = {p: text for p, text in texts.items()
               if not p.exists() or p.read_text(encoding="utf-8") != text}
    if not changed:
        print(f"ไม่มีการเปลี่ยนแปลง: ไฟล์ใน {folder}/ ตรงกับแบบฟอร์มแล้ว", file=stdout)
        return 0
    for p in result.rewritten:
        if p in changed:
            print(f"หมายเหตุ: เขียน {display_path(p)} ใหม่ทั้งไฟล์ เพราะแก้เฉพาะบรรทัดที่เปลี่ยนไม่ได้ "
                  "ความเห็น (#) ในไฟล์เดิมจึงไม่อยู่ในไฟล์ใหม่ — ดูความต่างก่อนส่ง", file=stdout)
    replace_files(changed)
    for ref, pid in result.new_ids:
        print(f"คนใหม่ {ref} ได้รหัส {pid} — กรอกรหัสนี้ในแบบฟอร์มด้วย", file=stdout)
    names = ", ".join(display_path(p) for p in changed)
    print(f"นำเข้าแล้ว: ผู้นำ อช. {result.people['leaders']} คน อช. {result.people['volunteers']} คน "
          f"(คนใหม่ {len(result.new_ids)} คน) → {names}", file=stdout)
    return 0
