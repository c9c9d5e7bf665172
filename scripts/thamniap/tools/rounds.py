"""`thamniap new-round`: add next year's reporting round (its circular and, optionally, its meeting) to province.yaml.

Every fiscal year the province sends a new circular. The new round is added at the end of the
`rounds:` list (and of `meetings:`) and written by the write layer as a few added lines (write/edit.py),
so the file's comments, order and the rounds already there (the 2567 round of the circular) stay
byte for byte as they are. Nothing is written
when a value is wrong, an id is already used, or the edited file would not pass the schema; every
problem is reported at once, in Thai.

A round is set by a circular: its text (a file the province received) is copied beside province.yaml as
`circular-<round id>.txt`, and its number, date, subject and signer are recorded under the round's
`circular:`, read from the text by the letter parser (intake/circular.py) unless given; the meeting added
with the round is the one the circular calls (`circular.meeting`). Both files are written together or
not at all (write/files.py).
"""
from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from thamniap.core.dates import check_iso_date, read_thai_date
from thamniap.intake.circular import parse_letter
from thamniap.load import schema
from thamniap.load.loader import load_bytes
from thamniap.write.edit import line_edit
from thamniap.write.files import replace_files

ID_PATTERN = re.compile(r"^[a-z0-9-]{3,40}$")      # as province.schema.json's round and meeting ids
REPRESENTATIVES, OFFICIALS = 2, 1                  # per district, as the 2567 circular asked


@dataclass(frozen=True)
class NewMeeting:
    id: str
    title: str
    date: str
    time: str
    place: str
    representatives: int = REPRESENTATIVES
    officials: int = OFFICIALS


@dataclass(frozen=True)
class NewCircular:
    """The letter that sets a round: TEXT is its full text as received."""
    number: str
    date: str
    subject: str
    signed_by: str
    text: str

    def file_name(self, round_id: str) -> str:
        return f"circular-{round_id}.txt"


@dataclass(frozen=True)
class NewRound:
    id: str
    title: str
    opens: str
    deadline: str
    meeting: NewMeeting | None = None
    circular: NewCircular | None = None


class RoundRefused(Exception):
    """The round was not added; ARGS[0] is the list of Thai problems."""


def _value_problems(new: NewRound, data: dict) -> list[str]:
    """What is wrong with the values themselves or clashes with province.yaml as it is."""
    problems = []
    rounds = data.get("rounds") if isinstance(data.get("rounds"), list) else []
    meetings = data.get("meetings") if isinstance(data.get("meetings"), list) else []
    ids = [(new.id, "รอบ", rounds)] + ([(new.meeting.id, "การประชุม", meetings)] if new.meeting else [])
    for value, what, existing in ids:
        if not ID_PATTERN.match(value):
            problems.append(f"รหัส{what} `{value}` ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ - ยาว 3–40 ตัว เช่น 2568-club-update")
        if any(isinstance(item, dict) and item.get("id") == value for item in existing):
            problems.append(f"มีรหัส{what} `{value}` ใน province.yaml อยู่แล้ว — ใช้รหัสใหม่ (รอบเดิมไม่ต้องแก้)")
    dates = [("วันเริ่มรับรายงาน (--opens)", new.opens), ("กำหนดส่ง (--deadline)", new.deadline)]
    if new.meeting:
        dates.append(("วันประชุม (--meeting-date)", new.meeting.date))
    if new.circular:
        dates.append(("วันที่ของหนังสือเวียน (--circular-date)", new.circular.date))
    for label, value in dates:
        problems += [f"{label}: {p.message} — {p.hint}" for p in check_iso_date(value)]
    if not any(p.startswith(("วันเริ่ม", "กำหนดส่ง")) for p in problems) and new.opens > new.deadline:
        problems.append(f"วันเริ่มรับรายงาน {new.opens} อยู่หลังกำหนดส่ง {new.deadline}")
    if new.meeting and not new.meeting.place.strip():
        problems.append("ต้องระบุสถานที่ประชุม (--meeting-place) เมื่อใส่วันประชุม")
    if new.meeting and not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", new.meeting.time):
        problems.append(f"เวลาประชุม `{new.meeting.time}` ต้องเป็น ชช:นน เช่น 09:00")
    return problems


def read_circular(text: str, number: str | None = None, date: str | None = None, subject: str | None = None,
                  signed_by: str | None = None) -> NewCircular:
    """The circular of TEXT: each value given wins, the others are read from the letter (intake/circular.py).
    Raises RoundRefused with every value that could be neither read nor was given."""
    letter = parse_letter(text)
    problems = []
    if not text.strip():
        problems.append("ไฟล์ข้อความของหนังสือเวียน (--circular) ว่าง")
    if date is None and letter.date:
        day, _ = read_thai_date(letter.date)
        date = day.isoformat() if day else None
    signer = " ".join(" ".join(p.strip("()") for p in letter.signature).split())
    found = NewCircular(number or letter.number, date or "", subject or letter.subject, signed_by or signer, text)
    for label, option, value in (("เลขที่หนังสือ", "--circular-number", found.number),
                                 ("วันที่ของหนังสือ", "--circular-date", found.date),
                                 ("เรื่อง", "--circular-subject", found.subject),
                                 ("ผู้ลงนาม", "--circular-signer", found.signed_by)):
        if not value.strip():
            problems.append(f"อ่าน{label}จากข้อความของหนังสือไม่ได้ — ระบุด้วย {option}")
    if problems:
        raise RoundRefused(problems)
    return found


def scaffold(text: str, new: NewRound, path: str = "province.yaml") -> str:
    """TEXT of province.yaml with NEW added; raises RoundRefused with every problem found."""
    doc = load_bytes(text.encode("utf-8"), path)
    if doc.data is None or any(d.is_error for d in doc.diagnostics) or not isinstance(doc.data, dict):
        raise RoundRefused([f"อ่าน {path} ไม่ได้ — แก้ไฟล์ให้ผ่าน `thamniap validate` ก่อน"])
    problems = _value_problems(new, doc.data)
    if problems:
        raise RoundRefused(problems)
    data = copy.deepcopy(doc.data)
    for key in ("rounds", "meetings") if new.meeting else ("rounds",):
        if not isinstance(data.get(key), list):
            raise RoundRefused([f"ไม่พบรายการ `{key}:` (แบบหนึ่งรายการต่อบรรทัดขึ้นต้นด้วย -) ใน province.yaml"])
    entry = {"id": new.id, "title": new.title, "opens": new.opens, "deadline": new.deadline}
    if new.circular:
        c = new.circular
        entry["circular"] = {"number": c.number, "date": c.date, "subject": c.subject, "signed_by": c.signed_by,
                             "text": c.file_name(new.id)}
        if new.meeting:
            entry["circular"]["meeting"] = new.meeting.id
    data["rounds"].append(entry)
    if new.meeting:
        m = new.meeting
        data["meetings"].append({"id": m.id, "title": m.title, "date": m.date, "time": m.time, "place": m.place,
                                 "representatives_per_district": m.representatives,
                                 "officials_per_district": m.officials})
    result = line_edit(text, data)
    after = load_bytes(result.encode("utf-8"), path)
    found = [d for d in [*after.diagnostics, *(schema.check(after, "province") if after.data is not None else [])]
             if d.is_error]
    if found:
        raise RoundRefused([f"บรรทัด {d.line}: {d.message} — {d.hint}" for d in found])
    if after.data != data:
        raise RoundRefused([f"เพิ่มรอบใน {path} เฉพาะบรรทัดใหม่ไม่ได้ — ให้ผู้ดูแลเพิ่มด้วยมือ"])
    return result


def add_round(province_yaml: Path, new: NewRound) -> str:
    """Write NEW into PROVINCE_YAML (and its circular's text beside it); returns the lines added.
    Raises RoundRefused (no file touched)."""
    before = province_yaml.read_bytes().decode("utf-8")
    after = scaffold(before, new, province_yaml.name)
    files = {province_yaml: after.encode("utf-8")}
    if new.circular:
        text_file = province_yaml.parent / new.circular.file_name(new.id)
        if text_file.exists():
            raise RoundRefused([f"มีไฟล์หนังสือเวียน {text_file.name} อยู่แล้ว — รอบนี้เคยเพิ่มแล้วหรือไม่ (ไฟล์เดิมไม่แตะ)"])
        files[text_file] = new.circular.text.encode("utf-8")
    replace_files(files)
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return "\n".join(line[2:] for line in diff if line.startswith("+ "))


def province_file(data: Path, code: str | None) -> Path:
    """data/<code>-<slug>/province.yaml; CODE may be left out when the data holds one province."""
    found = sorted(p for p in data.glob("*/province.yaml") if code is None or p.parent.name.split("-")[0] == code)
    if len(found) != 1:
        which = f"จังหวัดรหัส {code}" if code else "จังหวัด"
        raise RoundRefused([f"พบ province.yaml ของ{which}ใน {data} {len(found)} ไฟล์ — ระบุ --province รหัสจังหวัด"
                            if found else f"ไม่พบ province.yaml ของ{which}ใน {data}"])
    return found[0]


def default_title(opens: dt.date | None) -> str:
    """The usual title of a yearly round, for fiscal year (พ.ศ.) of OPENS."""
    if opens is None:
        return "ทบทวน ปรับปรุงโครงสร้างสมาคม/ชมรม ผู้นำอาสาพัฒนาชุมชน (ผู้นำ อช.) ให้เป็นปัจจุบัน"
    fiscal = opens.year + 543 + (1 if opens.month >= 10 else 0)
    return f"ทบทวน ปรับปรุงโครงสร้างสมาคม/ชมรม ผู้นำอาสาพัฒนาชุมชน (ผู้นำ อช.) ให้เป็นปัจจุบัน ประจำปีงบประมาณ พ.ศ. {fiscal}"
