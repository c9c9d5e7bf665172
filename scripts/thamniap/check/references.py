"""The words of a finding about a reference to a person (a seat's holder, a nominee) that is not
an id in scope: who it probably means (model.resolve_person), in Thai and English."""
from __future__ import annotations

from pathlib import Path

from thamniap.core import geography
from thamniap.core.problem import show
from thamniap.model import Person, Resolution, Where

# What editors write for "nobody holds this seat"; the answer is `vacant: true`.
VACANT_WORDS = frozenset({"ว่าง", "ว่างอยู่", "ตำแหน่งว่าง", "ยังว่าง", "ไม่มี", "ยังไม่มี", "ไม่มีผู้ดำรงตำแหน่ง", "-", "–"})


def where_th(where: Where) -> str:
    """`club.yaml บรรทัด 16`: a place an editor can go to (the district folder is the pull request's)."""
    return f"{Path(where.path).name} บรรทัด {where.line}"


def where_en(where: Where) -> str:
    return f"{Path(where.path).name} line {where.line}"


def _subdistrict(person: Person) -> str:
    official = geography.subdistrict(person.subdistrict_code or "")
    return official.name_th if official else str(person.subdistrict_code)


def _detail(person: Person) -> tuple[str, str]:
    """What tells two people of one name apart: their list, village and line."""
    if person.listed_as == "official":
        th, en = "เจ้าหน้าที่", "official"
    elif person.listed_as == "leader":
        th, en = f"ผู้นำ อช. ตำบล{_subdistrict(person)}", f"volunteer leader, {person.subdistrict_code}"
    else:
        th, en = (f"อช. หมู่ที่ {person.moo} ตำบล{_subdistrict(person)}",
                  f"volunteer, village {person.moo} of {person.subdistrict_code}")
    return f"{th}, {where_th(person.where)}", f"{en}, {where_en(person.where)}"


def did_you_mean(resolution: Resolution) -> tuple[str, str]:
    """"หมายถึง `4209-0395` (นายทองดี ภูมิใจอินทร์แก้ว)?", with each candidate's list and line when
    several share the name; ("", "") when nobody matches."""
    people = resolution.candidates
    if not people:
        return "", ""
    if len(people) == 1:
        p = people[0]
        return f"หมายถึง `{p.id}` ({show(p.name)})?", f"did you mean `{p.id}` ({show(p.name)})?"
    th = " หรือ ".join(f"`{p.id}` ({show(p.name)}, {_detail(p)[0]})" for p in people)
    en = " or ".join(f"`{p.id}` ({show(p.name)}, {_detail(p)[1]})" for p in people)
    return f"หมายถึง {th}?", f"did you mean {en}?"


# Where a district's people are listed: one file per subdistrict in the district's roster/ folder.
ROSTER_FILES = "roster/"


def place_th(add_to: str) -> str:
    """ADD_TO (a file or folder name) as a Thai phrase for messages."""
    return "ไฟล์ของตำบลในโฟลเดอร์ roster/" if add_to == ROSTER_FILES else add_to


def not_an_id(resolution: Resolution, what_th: str, what_en: str, field: str,
              roster_th: str, next_id: str, add_to: str = ROSTER_FILES) -> tuple[str, str, str, str]:
    """(message, hint, message_en, hint_en) for WHAT (ผู้ดำรงตำแหน่งประธาน) written as TEXT that is
    not an id: the id it probably means, or how to get one. FIELD is how the line starts
    (`holder:` or `-`); NEXT_ID the district's next free id, for a person not yet listed in ADD_TO."""
    text = show(resolution.text)
    mean_th, mean_en = did_you_mean(resolution)
    if mean_th:
        message = f"{what_th} `{text}` ไม่ใช่รหัสบุคคล {mean_th}"
        message_en = f"{what_en} `{text}` is not a person id; {mean_en}"
        if len(resolution.candidates) == 1:
            pid = resolution.candidates[0].id
            return (message, f"ช่องนี้ใส่รหัสบุคคล ไม่ใช่ชื่อ: เขียน `{field} {pid}`", message_en,
                    f"this field takes a person id, not a name: write `{field} {pid}`")
        return (message, f"หลายคนชื่อนี้ เลือกรหัสของคนที่ถูก แล้วเขียน `{field} รหัสนั้น`", message_en,
                f"several people have this name: pick the right one's id and write `{field} <id>`")
    if resolution.text.strip() in VACANT_WORDS and field == "holder:":
        return (f"{what_th} เขียนว่า `{text}` แทนรหัสบุคคล",
                "ถ้าตำแหน่งนี้ว่าง ให้ลบบรรทัด `holder:` แล้วเขียน `vacant: true`",
                f"{what_en} says `{text}` instead of a person id",
                "if the seat is vacant, delete the `holder:` line and write `vacant: true`")
    new_th = (f"ให้เพิ่มบุคคลนี้ใน{place_th(add_to)} ก่อน (รหัสถัดไปที่ว่าง `{next_id}`) แล้วเขียน `{field} {next_id}`"
              if next_id else f"ให้เพิ่มบุคคลนี้ใน {place_th(add_to)} ของอำเภอก่อน แล้วใส่รหัสนั้นที่นี่")
    new_en = (f"add them to {add_to} first (next free id `{next_id}`) and write `{field} {next_id}`"
              if next_id else f"add them to their district's {add_to} first, then put that id here")
    return (f"{what_th} `{text}` ไม่ใช่รหัสบุคคล และไม่พบชื่อนี้ใน{roster_th}",
            f"ช่องนี้ใส่รหัสบุคคล ไม่ใช่ชื่อ ตรวจการสะกดชื่อ หรือถ้าเป็นคนใหม่ {new_th}",
            f"{what_en} `{text}` is not a person id, and no one of this name is in the roster",
            f"this field takes a person id, not a name; check the spelling, or for a new person {new_en}")
