"""`thamniap split-roster [--district CODE]`: each district's one-file roster.yaml becomes one file
per subdistrict in roster/ (load/legacy_roster.py), with no value changed.

Every district is checked before anything is written: the old file must read cleanly, be laid out
as a list of subdistricts that can be cut line for line, and each new file must read back exactly
the subdistrict it came from (same values, in the same order). One problem anywhere and nothing is
written; every problem is reported in that one run. The files of every district are then written at
once (write/files.py: all new files in place first, the old roster.yaml files removed last).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from thamniap.core import report
from thamniap.core.diagnostics import Diagnostic, error
from thamniap.load import legacy_roster
from thamniap.load.layout import (DISTRICT_DIR, LEGACY_ROSTER, PROVINCE_DIR, ROSTER_DIR, DataFile, display_path,
                                  expected_schema_header, roster_file_name)
from thamniap.load.loader import load_bytes, load_file
from thamniap.write.files import replace_files

RULES: dict[str, tuple[str, str]] = {
    "split.unreadable": ("error", "roster.yaml แบบเดิมอ่านไม่ได้หรือมีข้อผิดพลาด จึงยังแยกไฟล์ไม่ได้"),
    "split.layout": ("error", "roster.yaml แบบเดิมไม่ได้จัดเป็นรายการตำบลที่แยกทีละบรรทัดได้"),
    "split.exists": ("error", "โฟลเดอร์ roster/ ของอำเภอมีอยู่แล้ว"),
}


@dataclass
class Planned:
    district: Path
    old: Path
    files: dict[Path, str] = field(default_factory=dict)      # new file -> text
    lines_before: int = 0


def _problem(path: Path | str, rule: str, message: str, hint: str, line: int = 0) -> Diagnostic:
    """A reason not to split (RULES: this command's own ids, not validate's)."""
    shown = path if isinstance(path, str) else display_path(path)
    return error(shown, line, 1 if line else 0, rule, message, hint)


def plan_district(district: Path, problems: list[Diagnostic]) -> Planned | None:
    """The files that replace DISTRICT/roster.yaml, checked; None (and PROBLEMS said) when it cannot be split."""
    old = district / LEGACY_ROSTER
    target = district / ROSTER_DIR
    if target.exists():
        problems.append(_problem(target, "split.exists", "มีโฟลเดอร์ `roster/` อยู่แล้ว จึงไม่แยก `roster.yaml` ซ้ำ",
                                 "ถ้าแยกไว้แล้ว ให้ลบ `roster.yaml` เดิม ถ้ายังไม่ครบ ให้ลบโฟลเดอร์ `roster/` แล้วแยกใหม่"))
        return None
    doc = load_file(old, display_path(old))
    errors = [d for d in doc.diagnostics if d.is_error]
    data = doc.data
    subs = data.get("subdistricts") if isinstance(data, dict) else None
    if errors or not isinstance(subs, list) or not all(isinstance(s, dict) and isinstance(s.get("code"), str)
                                                       for s in subs):
        problems.extend(errors)
        problems.append(_problem(old, "split.unreadable", "อ่าน `roster.yaml` ไม่ได้ครบ จึงยังไม่แยกไฟล์",
                                 "แก้ข้อผิดพลาดที่แจ้ง (ให้มี `sample:` และ `subdistricts:` ที่แต่ละตำบลมี `code:`) แล้วสั่งใหม่"))
        return None
    legacy = legacy_roster.cut(doc.text)
    if legacy is None or len(legacy.parts) != len(subs) or legacy.sample_line() is None:
        problems.append(_problem(old, "split.layout", "`roster.yaml` ไม่ได้จัดเป็น `sample:` แล้ว `subdistricts:` "
                                 "ตามด้วยรายการตำบลที่ขึ้นต้นด้วย `- code:` ที่คอลัมน์แรก จึงแยกทีละบรรทัดไม่ได้",
                                 "จัดไฟล์ให้เป็นแบบนั้น (ดูไฟล์ของอำเภออื่น) แล้วสั่งใหม่"))
        return None
    plan = Planned(district, old, lines_before=doc.text.count("\n"))
    for sub, part in zip(subs, legacy.parts):
        found = _subdistrict_file(plan, doc, legacy, sub, part)
        if isinstance(found, Diagnostic):
            problems.append(found)
        else:
            plan.files[found[0]] = found[1]
    return plan


def _subdistrict_file(plan: Planned, doc, legacy: legacy_roster.Legacy, sub: dict,
                      part: legacy_roster.Part) -> tuple[Path, str] | Diagnostic:
    """(path, text) of the file of one subdistrict SUB (PART of the legacy roster DOC), or why it
    cannot be made: an unknown code, a code twice, or a text that does not read back the same."""
    name = roster_file_name(sub["code"])
    if name is None:
        return _problem(doc.path, "split.layout", f"ไม่รู้จักตำบลรหัส `{sub['code']}` จึงตั้งชื่อไฟล์ของตำบลนี้ไม่ได้",
                        "แก้รหัสตำบลให้ตรงกับทะเบียนกรมการปกครอง แล้วสั่งใหม่", part.first_line)
    district = plan.district
    path = district / ROSTER_DIR / name
    if path in plan.files:
        return _problem(doc.path, "split.layout", f"ตำบลรหัส `{sub['code']}` อยู่ใน `roster.yaml` สองรายการ",
                        "รวมสองรายการนั้นเป็นรายการเดียว แล้วสั่งใหม่", part.first_line)
    header = expected_schema_header(DataFile("roster", path, str(path), district.parent, district, sub["code"]))
    text = legacy_roster.file_text(header, sub["code"], legacy.sample_line(), legacy.head_comments(), part.body)
    again = load_bytes(text.encode("utf-8"), display_path(path))
    expected = {"sample": doc.data.get("sample"), **sub}
    if again.data != expected or list(again.data or {}) != list(expected) or any(d.is_error for d in again.diagnostics):
        return _problem(doc.path, "split.layout", f"ตำบลรหัส `{sub['code']}` อ่านกลับจากไฟล์ใหม่ได้ไม่ตรงกับเดิม จึงไม่แยก",
                        "จัดรายการของตำบลนี้ให้ย่อหน้าสองช่องเท่ากันทุกบรรทัด แล้วสั่งใหม่", part.first_line)
    return path, text


def districts_with_legacy_roster(root: Path, code: str | None) -> list[Path]:
    found = []
    for province in sorted(p for p in root.iterdir() if p.is_dir() and PROVINCE_DIR.match(p.name)):
        for district in sorted(d for d in province.iterdir() if d.is_dir() and (m := DISTRICT_DIR.match(d.name))):
            if (code is None or district.name[:4] == code) and (district / LEGACY_ROSTER).is_file():
                found.append(district)
    return found


def split_command(root: Path, code: str | None, stdout: TextIO, stderr: TextIO) -> int:
    districts = districts_with_legacy_roster(root, code)
    if not districts:
        print("ไม่มี roster.yaml แบบเดิมให้แยก" + (f" ในอำเภอรหัส {code}" if code else ""), file=stdout)
        return 0
    problems: list[Diagnostic] = []
    plans = [p for d in districts if (p := plan_district(d, problems)) is not None]
    if problems:
        report.text(problems, stdout)
        print("thamniap: ไม่ได้แยกไฟล์ใดเลย — แก้ข้อผิดพลาดข้างบนแล้วสั่งใหม่", file=stderr)
        return 1
    replace_files({path: text for plan in plans for path, text in plan.files.items()}, remove=[p.old for p in plans])
    for plan in plans:
        folder = plan.district / ROSTER_DIR
        longest = max(t.count("\n") for t in plan.files.values())
        print(f"{display_path(plan.old)} ({plan.lines_before:,} บรรทัด) → {display_path(folder)}/ "
              f"{len(plan.files)} ไฟล์ (ยาวสุด {longest:,} บรรทัด)", file=stdout)
    print("แยกแล้ว ข้อมูลไม่เปลี่ยน — commit ทั้งการลบ roster.yaml และไฟล์ใหม่ใน roster/ ในคราวเดียวกัน", file=stdout)
    return 0
