"""`thamniap template-xlsx CODE -o FILE`: write the Excel form of district CODE
(render/spreadsheet/template.py builds it; the site offers the same file on the district page)."""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

from thamniap.core import report
from thamniap.load.district_files import SpreadsheetError, find_district
from thamniap.load.layout import display_path
from thamniap.render.spreadsheet.template import district_template, template_rows


def template_command(code: str, out: Path, root: Path, stdout: TextIO, stderr: TextIO) -> int:
    try:
        files = find_district(root, code)
    except SpreadsheetError as exc:
        print(f"thamniap: {exc}", file=stderr)
        return 1
    roster, data = district_template(files)
    if data is None:
        report.text(roster.problems, stderr)
        print(f"thamniap: ไม่สร้างแบบฟอร์ม เพราะ {display_path(files.roster)} มีข้อผิดพลาด "
              "(แก้ไฟล์ก่อน แล้วสร้างแบบฟอร์มใหม่)", file=stderr)
        return 1
    if roster.value_errors:
        report.text(roster.value_errors, stdout)
        print("ค่าที่ผิดข้างบนอยู่ในแบบฟอร์มด้วย: แก้ในแบบฟอร์มได้ ตอนนำเข้าโปรแกรมจะชี้ช่องที่ต้องแก้", file=stdout)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    volunteers, leaders = template_rows(roster.data) if roster.data else ([], [])
    print(f"สร้างแบบฟอร์มแล้ว: อช. {len({r['id'] for r in volunteers if r.get('id')})} คน "
          f"ผู้นำ อช. {len({r['id'] for r in leaders})} คน → {out}", file=stdout)
    return 0

