"""What a report's fields say, in the data's terms: people as ids, dates as dates, seats as posts.

Names are resolved with model.resolve_person among the district's people (exact id; the same name
as normalised by roster.duplicate-person; else suggestions "หมายถึง …?"); two people of one name
are a problem that lists both with their ids and villages. Dates are read with
intake/reportform/messages.report_date (`20/1/2567`, Thai digits, พ.ศ.; the page's words). Every problem names its form field;
nothing is guessed: a value the bot cannot read is a problem, never dropped.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from thamniap.check.references import VACANT_WORDS
from thamniap.core.dates import thai_date
from thamniap.core.digits import ascii_digits
from thamniap.core.names import has_no_letters, normalise_person_key
from thamniap.core.text import fix_line_text
from thamniap.model import POST_ORDER, District, Meeting, Person, Province, resolve_person, rounds
from thamniap.intake.reportform.fields import SEAT_COLUMNS, SEAT_SEPARATOR, Field, Report
from thamniap.intake.reportform.messages import MEETING_PASSED, NOT_A_NAME, SUGGESTION, UNKNOWN_NAME, report_date
from thamniap.render.reportpage import area_words
from thamniap.intake.reportform.messages import Note

MAX_SEAT_LINES = 40
MAX_NAME_LINES = 10          # a meeting asks for a few names (2 representatives, 1 official)


@dataclass(frozen=True)
class Order:
    number: str
    date: dt.date
    by: str | None


@dataclass(frozen=True)
class SeatReport:
    post: str
    occurrence: int                 # 0: the first seat of this post in club.yaml, 1: the second …
    holder: str | None              # person id; None when vacant
    since: dt.date | None = None
    order: Order | None = None


@dataclass
class Understood:
    """The report in the data's terms (only the parts the report type has)."""
    district: District
    seats: list[SeatReport] = field(default_factory=list)
    term: tuple[dt.date | None, dt.date | None] = (None, None)
    order: dict[str, object] = field(default_factory=dict)         # order_no / date / by given
    confirmed_on: dt.date | None = None
    round_id: str | None = None
    meeting: Meeting | None = None
    representatives: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    submitted_on: dt.date | None = None
    attachment: str | None = None


# ---------------------------------------------------------------- the district

def find_district(province_list: list[Province], text: str | None, spec: Field) -> tuple[District | None, Province | None, Note | None]:
    """The district TEXT names: its 4-digit code, or its name with or without อำเภอ."""
    wanted = " ".join(ascii_digits(fix_line_text(text or "")).split())
    name = wanted.removeprefix("อำเภอ").strip()
    for province in province_list:
        for district in province.districts:
            if wanted == district.code or (name and name == district.name) or wanted == f"{district.code} {district.name}":
                return district, province, None
    names = [d.name for p in province_list for d in p.districts if d.name]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = ("หมายถึง {1} หรือไม่? " if close else "") + "เขียนรหัสอำเภอ 4 หลัก (เช่น 4209) หรือชื่ออำเภอตามทำเนียบ"
    return None, None, Note("ไม่พบอำเภอ {0} ในทำเนียบ", (text or "", *close), hint, spec.label)


# ---------------------------------------------------------------- people

def _squeezed(key: str) -> str:
    return key.replace(" ", "")


def who(person: Person, district: District) -> str:
    """What tells a person apart, as plain text: "4209-0001 ผู้นำ อช. ตำบลวังสะพุง"."""
    return f"{person.id} {area_words(person, district, village_name=True)}"


def name_key(text: str) -> str:
    """The key two spellings of one name share (the one person_id compares): title off, spaces squeezed."""
    return _squeezed(normalise_person_key(None, ascii_digits(fix_line_text(text)).strip(), ""))


def person_id(people: list[Person], text: str, district: District, spec: Field, what: str,
              where: str = "", newcomers: dict[str, str] | None = None) -> tuple[str | None, Note | None]:
    """The id of the one person TEXT names among PEOPLE, or a problem that says who it may mean
    (WHAT: ผู้แทนชมรม …; WHERE: the line it is on, "บรรทัดที่ 2 (ประธาน): "). NEWCOMERS (name_key →
    new id) are the people the same report adds: a name among them is that new person."""
    if has_no_letters(text):
        return None, Note(f"{where}{what} " + NOT_A_NAME[0], (text,), NOT_A_NAME[1], spec.label)
    if newcomers and name_key(text) in newcomers:
        return newcomers[name_key(text)], None
    found = resolve_person(people, text)
    if found.exact:
        return found.exact.id, None
    cleaned = ascii_digits(fix_line_text(text)).strip()
    key = _squeezed(normalise_person_key(None, cleaned, ""))
    same = [p for p in found.candidates if p.id == cleaned or _squeezed(p.key) == key]
    if len(same) == 1:
        return same[0].id, None
    if len(same) > 1:
        marks = " หรือ ".join(f"{{{i + 1}}} ({{{i + 1 + len(same)}}})" for i in range(len(same)))
        values = (text, *(p.name for p in same), *(who(p, district) for p in same))
        return None, Note(f"{where}{what} {{0}}: มีหลายคนชื่อนี้ในทำเนียบ คือ {marks}", values,
                          "เขียนรหัสบุคคลของคนที่ถูกแทนชื่อ (เช่น 4209-0001)", spec.label)
    suggestions = list(found.candidates)
    if not suggestions and key:
        keys = {_squeezed(p.key): p for p in people}
        suggestions = [keys[k] for k in difflib.get_close_matches(key, list(keys), n=2, cutoff=0.75)]
    if suggestions:
        marks = " หรือ ".join(f"{{{i + 1}}} ({{{i + 1 + len(suggestions)}}})" for i in range(len(suggestions)))
        values = (text, *(p.name for p in suggestions), *(who(p, district) for p in suggestions))
        return None, Note(where + SUGGESTION[0].replace("{what}", what).replace("{marks}", marks), values,
                          SUGGESTION[1], spec.label)
    return None, Note(where + UNKNOWN_NAME[0].replace("{what}", what), (text, district.name), UNKNOWN_NAME[1], spec.label)


# ---------------------------------------------------------------- dates

def read_date(text: str | None, spec: Field, notes: list[Note], what: str = "") -> dt.date | None:
    if not text:
        return None
    day, problem = report_date(text)
    if problem is not None:
        notes.append(Note((what + " " if what else "") + "{0}: " + _braces(problem[0]),
                          (text,), _braces(problem[1]), spec.label))
    return day


def _braces(text: str) -> str:
    """Our own words used as a Note template: braces kept as text."""
    return text.replace("{", "{{").replace("}", "}}")


# ---------------------------------------------------------------- the reports

def field_lines(values: dict, spec: Field, limit: int, unit: str, hint: str, notes: list[Note]) -> list[str]:
    """The non-empty lines of the textarea SPEC, at most LIMIT (more is a problem: "เกิน 40 ตำแหน่ง")."""
    lines = [ln for ln in (values.get(spec.id) or "").split("\n") if ln.strip()]
    if len(lines) > limit:
        notes.append(Note(f"มี {len(lines)} บรรทัด เกิน {limit} {unit}", (), hint, spec.label))
    return lines[:limit]


def read_committee(report: Report, values: dict, district: District, notes: list[Note],
                   newcomers: dict[str, str] | None = None) -> Understood:
    """The committee's seats, term and order; NEWCOMERS (name_key → id) may hold a seat."""
    out = Understood(district)
    spec = report.field("seats")
    people = list(district.people())
    lines = field_lines(values, spec, MAX_SEAT_LINES, "ตำแหน่ง", "เขียนหนึ่งบรรทัดต่อหนึ่งตำแหน่ง", notes)
    counts: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        seat = _seat(line.replace("｜", SEAT_SEPARATOR), number, counts, people, district, spec, notes, newcomers)
        if seat:
            out.seats.append(seat)
    start = read_date(values.get("term-start"), report.field("term-start"), notes)
    end = read_date(values.get("term-end"), report.field("term-end"), notes)
    out.term = (start, end)
    if values.get("order-no"):
        out.order["order_no"] = " ".join(fix_line_text(values["order-no"]).split())
    if (day := read_date(values.get("order-date"), report.field("order-date"), notes)) is not None:
        out.order["date"] = day
    if values.get("order-by"):
        out.order["by"] = " ".join(fix_line_text(values["order-by"]).split())
    return out


def _seat(line: str, number: int, counts: dict[str, int], people: list[Person], district: District,
          spec: Field, notes: list[Note], newcomers: dict[str, str] | None = None) -> SeatReport | None:
    cells = [" ".join(fix_line_text(c).split()) for c in line.split(SEAT_SEPARATOR)]
    where = f"บรรทัดที่ {number}"
    before = len(notes)
    if len(cells) < 2 or len(cells) > len(SEAT_COLUMNS):
        notes.append(Note(f"{where} {{0}}: ต้องมี 2 ถึง {len(SEAT_COLUMNS)} ช่อง คั่นด้วย {SEAT_SEPARATOR}", (line.strip(),),
                          "เขียนเป็น " + f" {SEAT_SEPARATOR} ".join(SEAT_COLUMNS) + " เช่น ประธาน | นายสมชาย ใจดี", spec.label))
        return None
    cells += [""] * (len(SEAT_COLUMNS) - len(cells))
    post, holder_text, since_text, order_no, order_date, order_by = cells
    if post not in POST_ORDER:
        close = difflib.get_close_matches(post, POST_ORDER, n=1, cutoff=0.5)
        notes.append(Note(f"{where}: ไม่มีตำแหน่ง {{0}} ในชมรม", (post, *close),
                          ("หมายถึง {1} หรือไม่? " if close else "") + "ใช้ได้: " + " ".join(POST_ORDER), spec.label))
        return None
    occurrence = counts.get(post, 0)
    counts[post] = occurrence + 1
    holder = None
    vacant = holder_text in VACANT_WORDS
    if not holder_text:
        notes.append(Note(f"{where} ({{0}}): ไม่ได้เขียนผู้ดำรงตำแหน่ง", (post,), "เขียนชื่อ หรือ ว่าง ถ้าตำแหน่งนี้ว่าง", spec.label))
    elif not vacant:
        holder, problem = person_id(people, holder_text, district, spec, "ผู้ดำรงตำแหน่ง", f"{where} ({post}): ", newcomers)
        if problem:
            notes.append(problem)
    since = read_date(since_text, spec, notes, f"{where} วันที่เริ่มดำรงตำแหน่ง")
    order = None
    if order_no or order_date or order_by:
        day = read_date(order_date, spec, notes, f"{where} วันที่ของคำสั่ง")
        if vacant:
            notes.append(Note(f"{where} ({{0}}): ตำแหน่งว่างไม่มีคำสั่งแต่งตั้ง", (post,), "ลบเลขที่คำสั่งออก หรือเขียนชื่อผู้ดำรงตำแหน่ง", spec.label))
        elif not order_no or not order_date:
            notes.append(Note(f"{where} ({{0}}): คำสั่งแต่งตั้งต้องมีทั้งเลขที่และวันที่", (post,),
                              "เขียนทั้ง คำสั่งเลขที่ และ ลงวันที่ (ผู้ออกคำสั่งเว้นได้)", spec.label))
        elif day is not None:
            order = Order(order_no, day, order_by or None)
    if vacant and since_text:
        notes.append(Note(f"{where} ({{0}}): ตำแหน่งว่างไม่มีวันเริ่มดำรงตำแหน่ง", (post,), "ลบวันที่ออก", spec.label))
    if len(notes) > before:
        return None
    return SeatReport(post, occurrence, holder, since, order)


def read_confirmation(report: Report, values: dict, district: District, province: Province, today: dt.date,
                      notes: list[Note]) -> Understood:
    out = Understood(district)
    spec = report.field("confirmed-on")
    out.confirmed_on = read_date(values.get("confirmed-on"), spec, notes)
    current = rounds.current_round(province, today)
    if current is None:
        notes.append(Note("จังหวัดยังไม่ได้เปิดรอบการรายงาน", (), "รอให้จังหวัดเปิดรอบการรายงานก่อน", spec.label,
                          detail="ไม่มีรอบการรายงานปัจจุบันใน rounds: ของ province.yaml (thamniap new-round)"))
    else:
        out.round_id = current.id
    if out.confirmed_on and out.confirmed_on > today:
        notes.append(Note("{0} ยังไม่ถึง (วันนี้ " + thai_date(today) + ")", (values.get("confirmed-on"),),
                          "ใส่วันที่ที่ตรวจโครงสร้างแล้วจริง", spec.label))
    return out


def pick_meeting(province: Province, text: str | None, today: dt.date, spec: Field, notes: list[Note],
                 sent: dt.date | None = None) -> Meeting | None:
    """The meeting TEXT names by id; left empty, the current meeting (thamniap.model.rounds). Nominations
    sent (SENT, else TODAY) after the meeting are refused in the words the report page uses."""
    if text:
        chosen = next((m for m in province.meetings if m.id == text.strip()), None)
        if chosen is None:
            notes.append(Note("ไม่มีการประชุมรหัส {0} ในหนังสือเวียน", (text,),
                              "เว้นว่างไว้ (ใช้การประชุมครั้งถัดไป) หรือใช้รหัสการประชุมในหนังสือเวียน: "
                              + ", ".join(m.id for m in province.meetings), spec.label))
            return None
    else:
        chosen = rounds.current_meeting(province, today)
        if chosen is None:
            notes.append(Note("จังหวัดยังไม่ได้นัดประชุม", (), "รอหนังสือเวียนนัดประชุม", spec.label,
                              detail="ไม่มีการประชุมที่ยังไม่ถึงวันใน meetings: ของ province.yaml"))
            return None
    if not rounds.nominations_open(chosen, sent or today):
        notes.append(Note(MEETING_PASSED[0].replace("{1}", thai_date(chosen.date)), (chosen.title,), MEETING_PASSED[1], spec.label,
                          detail=f"การประชุม {chosen.id} วันที่ {chosen.date.isoformat()}; ส่งรายงานเมื่อ {(sent or today).isoformat()}"))
    return chosen


def read_nominees(report: Report, values: dict, district: District, province: Province, today: dt.date,
                  opened: dt.date | None, notes: list[Note], newcomers: dict[str, str] | None = None) -> Understood:
    """The meeting and its nominees; NEWCOMERS (name_key → id) may represent the club."""
    out = Understood(district)
    out.meeting = pick_meeting(province, values.get("meeting"), today, report.field("meeting"), notes, opened)
    groups = (("representatives", list(district.people()), "ผู้แทนชมรม", out.meeting.representatives if out.meeting else None,
               newcomers),
              ("officials", list(district.officials), "เจ้าหน้าที่", out.meeting.officials if out.meeting else None, None))
    for field_id, people, what, wanted, new in groups:
        spec = report.field(field_id)
        lines = field_lines(values, spec, MAX_NAME_LINES, "ชื่อ", "เขียนหนึ่งชื่อต่อบรรทัด ตามจำนวนที่จังหวัดกำหนด", notes)
        typed = [" ".join(n.split()) for n in lines]
        # a list bullet ("- นายสมชาย") is dropped, but a line of dashes stays as typed: it is no name
        names = [t if has_no_letters(t.lstrip("-*• ")) else t.lstrip("-*• ").strip() for t in typed]
        ids = []
        for name in names:
            pid, problem = person_id(people, name, district, spec, what, newcomers=new)
            if problem:
                notes.append(problem)
            elif pid in ids:
                notes.append(Note("{0} มีชื่อซ้ำ", (name,), "เขียนแต่ละคนครั้งเดียว", spec.label))
            else:
                ids.append(pid)
        if wanted is not None and names and len(names) != wanted:
            notes.append(Note(f"มี {len(names)} คน แต่การประชุมนี้ให้ส่ง {wanted} คน", (), f"เขียน {wanted} ชื่อ หนึ่งชื่อต่อบรรทัด", spec.label))
        getattr(out, field_id).extend(ids)
    out.submitted_on = read_date(values.get("submitted-on"), report.field("submitted-on"), notes) or opened
    return out
