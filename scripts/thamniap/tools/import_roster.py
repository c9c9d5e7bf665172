"""`thamniap import-roster FILE --district CODE`: a district's existing roster spreadsheet, in whatever
shape the district keeps it, into the district's roster files — once, when the district goes live.

The workbook is read by intake/spreadsheet/roster_book.py (which column is which: proposed from the
header row, changed with `--map`); every row that cannot be placed is reported by sheet, row and column,
and nothing is written until every row is clean and the new roster files pass the project's check on a
temporary copy (the same check import-xlsx uses). New people get the next free ids the way the report
bot gives them (model.next_free_ids). A district whose roster already lists people is refused: its
roster is kept up to date with the district's Excel form (import-xlsx) or the report bot instead.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from thamniap.check.validate import load_dataset
from thamniap.core import report
from thamniap.intake.spreadsheet.form import Collector
from thamniap.intake.spreadsheet.roster_book import (MappingError, RosterEntry, apply_mapping, parse_mapping,
                                                     proposal_lines, read_book, read_entries)
from thamniap.load.district_files import SpreadsheetError, find_district, read_roster, subdistrict_choices
from thamniap.load.layout import display_path
from thamniap.model import LEADER, next_free_ids
from thamniap.tools.spreadsheet.importer import check_candidate, render_rosters
from thamniap.write.edit import edit_into
from thamniap.write.files import replace_files


@dataclass(frozen=True)
class RosterImport:
    file: Path
    district: str
    root: Path
    mapping: tuple[str, ...] = ()       # `--map field=column` as typed
    today: dt.date | None = None
    write: bool = True                  # False: show the proposal and the problems only


def roster_document(entries: list[RosterEntry], ids: list[str], order: list[tuple[str, str]],
                    out: Collector) -> dict:
    """The district's roster (every subdistrict in ORDER, (code, name)) holding ENTRIES with IDS;
    two names for one หมู่ที่ of a subdistrict are reported at the later row."""
    subs = {code: {"code": code, "name": name, "leaders": [], "villages": {}} for code, name in order}
    for entry, pid in zip(entries, ids):
        person = {"id": pid, "title": entry.title, "first_name": entry.first_name, "last_name": entry.last_name}
        if entry.sex:
            person["sex"] = entry.sex
        person["roles"] = [{"role": entry.role, "start": entry.start, "end": entry.end}]
        sub = subs[entry.subdistrict]
        if entry.role == LEADER:
            sub["leaders"].append(person)
            continue
        village = sub["villages"].setdefault(entry.moo, {"moo": entry.moo, "name": entry.village, "volunteers": [],
                                                         "_first": entry})
        if village["name"] != entry.village:
            first = village["_first"]
            out.add("xlsx.place", entry.sheet, entry.row, 0, "",
                    f"หมู่ที่ {entry.moo} ตำบล{sub['name']} ชื่อ `{entry.village}` ไม่ตรงกับแถว {first.row} "
                    f"ของแผ่นงาน {first.sheet} (`{village['name']}`)", "หมู่เดียวกันต้องใช้ชื่อหมู่บ้านเดียวกัน")
        village["volunteers"].append(person)
    for sub in subs.values():
        sub["villages"] = [{k: v for k, v in village.items() if k != "_first"}
                           for _, village in sorted(sub["villages"].items())]
    return {"sample": False, "subdistricts": list(subs.values())}


def import_roster_command(options: RosterImport, stdout: TextIO, stderr: TextIO) -> int:
    try:
        files = find_district(options.root, options.district)
        mapping = parse_mapping(list(options.mapping))
    except (SpreadsheetError, MappingError) as exc:
        print(f"thamniap: {exc}", file=stderr)
        return 1
    if not options.file.is_file():
        print(f"thamniap: ไม่พบไฟล์ `{options.file}`", file=stderr)
        return 1
    out = Collector(options.file.name)
    book = read_book(options.file, out)
    if book is None:
        report.place_text(out.issues, stdout)
        return 1
    for sheet in book.sheets:
        apply_mapping(sheet, mapping)
    print("คอลัมน์ที่จะนำเข้า (ถ้าไม่ถูก ระบุใหม่ด้วย --map ช่อง=คอลัมน์):", *proposal_lines(book), sep="\n", file=stdout)

    roster = read_roster(files)
    choices = subdistrict_choices(files.code, roster)
    entries = read_entries(book, {code: names[0] for code, names in choices.items()}, out)
    district, province = _district(options.root, files.code)
    if district is None:
        print(f"thamniap: อ่านข้อมูลของอำเภอรหัส {files.code} ไม่ได้ — ตรวจด้วย `thamniap validate` ก่อน", file=stderr)
        return 1
    listed = list(district.people())
    if listed:
        print(f"thamniap: อำเภอ{district.name} มีรายชื่อในทำเนียบแล้ว {len(listed)} คน — import-roster ใช้นำเข้า"
              "ครั้งแรกเท่านั้น (ปรับรายชื่อต่อด้วยแบบฟอร์ม Excel ของอำเภอ: template-xlsx และ import-xlsx)", file=stderr)
        return 1
    if not entries and not out.errors:
        out.add("xlsx.required", "", 0, 0, "", "ไม่พบรายชื่อในไฟล์นี้", "ตรวจว่าเลือกไฟล์ถูก และรายชื่ออยู่ใต้แถวหัวคอลัมน์")
    ids = next_free_ids(province, files.code, len(entries))
    order = [(code, names[0]) for code, names in choices.items()]
    doc = roster_document(entries, ids, order, out)
    if out.errors:
        report.place_text(out.issues, stdout)
        print("thamniap: ไม่ได้เขียนไฟล์ใด — แก้แถวที่แจ้งในไฟล์ (หรือบอกคอลัมน์ด้วย --map) แล้วนำเข้าใหม่", file=stderr)
        return 1
    return _check_and_write(options, files, doc, entries, ids, stdout, stderr)


def _check_and_write(options: RosterImport, files, doc, entries, ids, stdout: TextIO, stderr: TextIO) -> int:
    """The roster files the import makes, checked as the district's data; written (all or none) with --write."""
    texts = {}
    for path, text in render_rosters(files, doc).items():   # the smallest edit of a file there already
        texts[path] = (edit_into(path.read_text(encoding="utf-8"), text, display_path(path)) or text) if path.exists() else text
    errors, warnings = check_candidate(files, texts, options.today or dt.date.today())
    if errors:
        report.text(errors + warnings, stdout)
        print("thamniap: ไม่ได้เขียนไฟล์ใด — ทำเนียบที่ได้ไม่ผ่านการตรวจ (ตำแหน่งข้างบนคือบรรทัดในไฟล์ที่จะเขียน)", file=stderr)
        return 1
    leaders = sum(e.role == LEADER for e in entries)
    summary = f"ผู้นำ อช. {leaders} คน อช. {len(entries) - leaders} คน" + (f" รหัส {ids[0]} ถึง {ids[-1]}" if ids else "")
    if not options.write:
        print(f"ตรวจแล้ว นำเข้าได้: {summary} (ยังไม่ได้เขียนไฟล์)", file=stdout)
        return 0
    replace_files({p: t for p, t in texts.items() if not p.exists() or p.read_text(encoding="utf-8") != t})
    print(f"นำเข้าแล้ว: {summary} → {display_path(files.roster)}/", file=stdout)
    return 0


def _district(root: Path, code: str):
    """(district, its province) of the loaded dataset; (None, None) when the data does not load."""
    for province in load_dataset(root).provinces:
        for district in province.districts:
            if district.code == code:
                return district, province
    return None, None
