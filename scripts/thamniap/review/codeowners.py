"""`thamniap codeowners`: write `.github/CODEOWNERS` from the maintainers in the data.

GitHub uses the *last* matching line of CODEOWNERS, so the file goes from general to specific:

1. `*` → province maintainers (anything not named below: docs, README, tests …);
2. each province folder → its maintainers;
3. each district folder → the district's maintainers, then the province's (both may approve);
4. `.github/`, `schemas/`, `scripts/`, `mkdocs.yml` and CODEOWNERS itself → province maintainers,
   last so that nothing above can hand them to someone else.

`--check` compares with the committed file (exit 1 when stale), which CI runs on every pull request:
a pull request that changes `maintainers` must also regenerate this file, and this file is owned by
the province maintainers.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from thamniap.model import Province
from thamniap.build.parallel import load_dataset
from thamniap.core.report import text_line

OWNER = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?$")
PROTECTED = ("/.github/", "/schemas/", "/scripts/", "/mkdocs.yml", "/CODEOWNERS", "/.github/CODEOWNERS")

HEADER = """\
# สร้างอัตโนมัติจาก data/ ด้วยคำสั่ง `thamniap codeowners` — อย่าแก้ไขไฟล์นี้ด้วยมือ
# (แก้ maintainers ใน province.yaml / district.yaml แล้วรันคำสั่งนี้ใหม่; CI ตรวจด้วย --check)
# GitHub ใช้บรรทัดสุดท้ายที่ตรงกับไฟล์ จึงเรียงจากทั่วไปไปเฉพาะ และไฟล์ระบบอยู่ท้ายสุด
# Generated from data/ by `thamniap codeowners`; do not edit. Last matching line wins.
"""


class OwnerError(ValueError):
    """A maintainer entry that cannot be written as a CODEOWNERS owner."""


def _owners(entries: list[str]) -> str:
    for entry in entries:
        if not OWNER.match(entry):
            raise OwnerError(f"ชื่อผู้ดูแล {entry!r} ไม่ใช่บัญชีหรือทีม GitHub ที่ใช้ใน CODEOWNERS ได้")
    return " ".join("@" + e for e in dict.fromkeys(entries))


def _line(pattern: str, owners: str) -> str:
    return f"{pattern:<40} {owners}".rstrip()


def generate(provinces: list[Province], data_prefix: str = "data") -> str:
    """The CODEOWNERS text for PROVINCES (folders are written under /DATA_PREFIX/)."""
    everyone = _owners(list(dict.fromkeys(m for p in provinces for m in p.maintainers)))
    if not everyone:
        raise OwnerError("ไม่มีผู้ดูแลระดับจังหวัดในข้อมูล (maintainers ใน province.yaml) จึงสร้าง CODEOWNERS ไม่ได้")
    prefix = "/" + data_prefix.strip("/") + "/"
    lines = [HEADER, "# ค่าเริ่มต้น: ผู้ดูแลจังหวัด", _line("*", everyone), ""]
    for province in provinces:
        own = _owners(province.maintainers) if province.maintainers else everyone
        lines += [f"# จังหวัด{' '.join((province.name or province.code).split())}", _line(f"{prefix}{province.folder.name}/", own)]
        for district in province.districts:
            owners = _owners([*district.maintainers, *province.maintainers]) if district.maintainers else own
            lines.append(_line(f"{prefix}{province.folder.name}/{district.folder.name}/", owners))
        lines.append("")
    lines.append("# ไฟล์ระบบ: ผู้ดูแลจังหวัดเท่านั้น (อยู่ท้ายสุดเพื่อไม่ให้บรรทัดใดข้างบนทับได้)")
    lines += [_line(pattern, everyone) for pattern in PROTECTED]
    return "\n".join(lines) + "\n"


def _data_prefix(data: Path, output: Path) -> str:
    """DATA's path in the repository that OUTPUT (…/.github/CODEOWNERS) belongs to; "data" otherwise."""
    output = output.resolve()
    repo = output.parent.parent if output.parent.name == ".github" else output.parent
    try:
        return data.resolve().relative_to(repo).as_posix()
    except ValueError:
        return "data"  # a dataset outside the repository (tests): the repository's layout


def run(data: Path, output: Path, check: bool, out, err) -> int:
    """Write OUTPUT (or with CHECK compare with it): 0 ok, 1 stale or bad data."""
    ds = load_dataset(data)
    errors = [d for d in ds.diagnostics if d.is_error and d.path.endswith(("district.yaml", "province.yaml"))]
    if errors:
        for d in errors:
            err.write(text_line(d) + "\n")
        err.write("thamniap codeowners: ไฟล์ผู้ดูแลมีข้อผิดพลาด แก้แล้วรันใหม่ (thamniap validate)\n")
        return 1
    try:
        text = generate(ds.provinces, _data_prefix(data, output))
    except OwnerError as exc:
        err.write(f"thamniap codeowners: {exc}\n")
        return 1
    current = output.read_text(encoding="utf-8") if output.exists() else ""
    if check:
        if current == text:
            out.write(f"CODEOWNERS เป็นปัจจุบัน ({output})\n")
            return 0
        err.write(f"{output} ไม่ตรงกับผู้ดูแลในข้อมูล — รัน `thamniap codeowners` แล้ว commit ไฟล์ที่ได้\n")
        err.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                            "CODEOWNERS (ใน git)", "CODEOWNERS (จากข้อมูล)"))
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    out.write(f"เขียน {output} แล้ว\n")
    return 0
