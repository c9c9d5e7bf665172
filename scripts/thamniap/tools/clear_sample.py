"""`thamniap clear-sample`: take the fictional sample people out before a province goes live.

Every file flagged `sample: true` loses its people (officials, ผู้นำ อช., อช. and their villages, which
are made up too), its committee holders (each seat becomes vacant), its confirmations and nominations,
and the flag itself. Places (province, districts, subdistricts), offices, club names and terms, rounds
and meetings stay; files already flagged `sample: false` (real data) are not touched. Each file is
changed as the smallest line edit (write/edit.py) and all files are replaced together (write/files.py),
or none: nothing is written when a file does not read cleanly or real data still names a sample person.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from thamniap.load.layout import discover, display_path
from thamniap.write.edit import EditRefused, edit_text, read_document
from thamniap.write.files import replace_files

PERSON_LISTS = {"province": ("officials",), "district": ("officials",), "roster": ("leaders", "villages")}
DROPPED_CLUB_FIELDS = ("appointment",)   # the order that appointed the sample committee


@dataclass
class Cleared:
    """What clear-sample would change: new file texts, how many people leave, and what stops it."""
    texts: dict[Path, str] = field(default_factory=dict)
    people: int = 0
    problems: list[str] = field(default_factory=list)


def _ids(value) -> set[str]:
    """Every `id:` of a person inside VALUE (lists and mappings, any depth)."""
    found = set()
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            found.add(value["id"])
        for item in value.values():
            found |= _ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= _ids(item)
    return found


def _strings(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return set().union(*(_strings(v) for v in items)) if items else set()


def cleared_document(kind: str, doc: dict) -> dict:
    """DOC of a sample file of KIND with its people, holders and sample flag taken out."""
    new = dict(doc, sample=False)
    for key in PERSON_LISTS.get(kind, ()):
        if key in new:
            new[key] = []
    if kind == "club":
        club = {k: v for k, v in new["club"].items() if k not in DROPPED_CLUB_FIELDS}
        club["confirmations"] = []
        club["posts"] = [{"post": p["post"], "vacant": True} for p in club.get("posts") or [] if isinstance(p, dict)]
        new["club"] = club
    if kind == "meeting":
        new["nominations"] = []
    return new


def plan(root: Path) -> Cleared:
    """The new text of every sample file under ROOT, or the problems that stop the change."""
    out = Cleared()
    found = discover(root)
    removed: set[str] = set()
    real: list[tuple[str, dict]] = []
    for file in found.files:
        shown = display_path(file.path)
        old = file.path.read_bytes().decode("utf-8", errors="replace")
        try:
            doc = read_document(old, shown)
        except EditRefused as exc:
            out.problems.append(str(exc))
            continue
        if doc.get("sample") is not True:
            real.append((shown, doc))
            continue
        new = cleared_document(file.kind, doc)
        gone = _ids(doc) - _ids(new)
        removed |= gone
        out.people += len(gone)
        try:
            out.texts[file.path] = edit_text(old, new, shown)
        except EditRefused as exc:
            out.problems.append(str(exc))
    for shown, doc in real:                  # real data must not lean on a person who is leaving
        named = sorted(_strings(doc) & removed)
        if named:
            out.problems.append(f"{shown}: ข้อมูลจริงอ้างถึงบุคคลตัวอย่าง {', '.join(named)} "
                                "— แก้ให้เป็นบุคคลจริงหรือเว้นว่างก่อน แล้วรันคำสั่งนี้อีกครั้ง")
    return out


def clear_sample_command(root: Path, out: TextIO, err: TextIO) -> int:
    """Clear the sample people under ROOT; exit 0 done (or nothing to do), 1 refused (nothing written)."""
    cleared = plan(root)
    if cleared.problems:
        print("thamniap: ไม่ได้ลบข้อมูลตัวอย่าง (ไม่มีไฟล์ใดเปลี่ยน):", *(f"- {p}" for p in cleared.problems),
              sep="\n", file=err)
        return 1
    if not cleared.texts:
        print("ไม่มีข้อมูลตัวอย่างเหลืออยู่ (ไม่มีไฟล์ใดเปลี่ยน)", file=out)
        return 0
    replace_files(cleared.texts)
    print(f"ลบข้อมูลตัวอย่างแล้ว: บุคคลตัวอย่าง {cleared.people} คน จาก {len(cleared.texts)} ไฟล์ "
          "ตำแหน่งในคณะกรรมการเป็นตำแหน่งว่าง เขตการปกครอง สำนักงาน และข้อมูลจริงคงเดิม\n"
          "ขั้นต่อไป: ใส่เจ้าหน้าที่และผู้ดูแลของแต่ละอำเภอ แล้วนำเข้าทำเนียบด้วย `thamniap import-roster`", file=out)
    return 0
