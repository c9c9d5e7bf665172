"""From rows to people: a person's rows gathered by รหัสบุคคล (or a temporary label), and the checks
of each row's cells and of each person's merged details. Nothing here restates a rule: a value is
held to the field checks and limits roster.schema.json gives its key in a roster file, and a person
to validate's own person.* and privacy.* rules (check/rules), run on the form's people.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.check import rules
from thamniap.core.dates import check_iso_date
from thamniap.core.diagnostics import Severity
from thamniap.core.names import NAME_CHARACTER_CODES, TITLES, check_place_name, normalise_person_key
from thamniap.core.problem import WARNING_CODES
from thamniap.load.schema import FIELD_CHECKS, PLACE_NAME_PATHS
from thamniap.model import District, Person, Province, Subdistrict, Village, Where, parse_date
from thamniap.intake.spreadsheet.cells import Row
from thamniap.intake.spreadsheet.form import (COMMON_TITLES, DATE_KEYS, DETAIL_KEYS, END_REASONS, HEADERS, LEADER_SHEET,
                                             PERSON_ID, PERSON_KEYS, ROLES, ROSTER_PATHS, SEXES, SHEET_ROLE,
                                             TEMP_ID_PREFIX, VOLUNTEER_SHEET, Collector, column_schema,
                                             max_length, row_ref)

REQUIRED = {"title": "คำนำหน้า", "first_name": "ชื่อ", "last_name": "นามสกุล",
            "start": "วันเริ่มวาระ", "end": "วันสิ้นสุดวาระ"}
# the text columns a person row's own checks cover (the village name is checked with its village)
PERSON_TEXT_KEYS = ("title", "first_name", "last_name", "consent_method", "note", "end_note")


@dataclass
class PersonDraft:
    key: str                      # id, temporary label, or "@sheet!row" for a new one-row person
    sheet: str
    first: Row
    rows: list[Row]
    id: str | None                # None until assigned
    values: dict = field(default_factory=dict)    # details merged over the person's rows
    source: dict = field(default_factory=dict)    # detail key -> the row it was read from

    def at(self, key: str) -> Row:
        return self.source.get(key, self.first)


# ---------------------------------------------------------------- one value, as a roster file holds it

def check_value(row: Row, key: str, out: Collector) -> None:
    """ROW's KEY value against what the schema says of KEY in a roster file: the field check of its
    format (validate's ids and messages), the characters of a name, its maximum length."""
    value = row.values.get(key)
    if value is None:
        return
    spec = column_schema(key)
    if spec.get("format") in FIELD_CHECKS:
        prefix, check = FIELD_CHECKS[spec["format"]]
        for p in check(value):
            severity = Severity.WARNING if p.code in WARNING_CODES else Severity.ERROR
            out.at(row, key, f"{prefix}.{p.code}", p.message, p.hint, severity)
    if ROSTER_PATHS[key] in PLACE_NAME_PATHS["roster"]:       # a title, a village's name
        for p in check_place_name(value):
            if p.code in NAME_CHARACTER_CODES:     # the others are the one-line text problems above
                out.at(row, key, f"text.{p.code}", p.message, p.hint)
    limit = max_length(key)
    if limit is not None and len(value) > limit:
        out.at(row, key, "xlsx.too-long", f"ข้อความยาว {len(value)} ตัวอักษร เกิน {limit} ตัวอักษร", "ย่อให้สั้นลง")


def _check_row_fields(row: Row, out: Collector) -> None:
    """Checks of one row's own cells (formats, the role and its term)."""
    v = row.values
    for key in ("start", "end"):
        if v.get(key) is None and key not in row.bad:
            out.at(row, key, "xlsx.required", f"ต้องกรอก{REQUIRED[key]}",
                   "ทุกแถวต้องมีวันเริ่มและวันสิ้นสุดวาระของบทบาทในแถวนั้น (ค.ศ. ปปปป-ดด-วว เช่น 2024-01-24)")
    for key in (*PERSON_TEXT_KEYS, *DATE_KEYS, "phone"):
        check_value(row, key, out)
    if v.get("sex") is not None and v["sex"] not in SEXES:
        out.at(row, "sex", "xlsx.not-allowed", f"เพศต้องเป็น ชาย หรือ หญิง ไม่ใช่ `{v['sex']}`",
               "เลือกจากรายการ หรือเว้นว่างถ้าคำนำหน้าบอกเพศแล้ว")
    if v.get("role") is not None and v["role"] not in ROLES:
        close = difflib.get_close_matches(v["role"], ROLES, n=1, cutoff=0.5)
        out.at(row, "role", "xlsx.not-allowed", f"ไม่รู้จักบทบาท `{v['role']}`",
               (f"หมายถึง `{close[0]}` หรือไม่? " if close else "") + "ใช้ได้: อช. หรือ ผู้นำ อช. (เว้นว่าง = ตามชื่อแผ่นงาน)")
    if v.get("end_reason") is not None and v["end_reason"] not in END_REASONS:
        out.at(row, "end_reason", "xlsx.not-allowed", f"ไม่รู้จักเหตุที่พ้นจากตำแหน่ง `{v['end_reason']}`",
               "เลือกจากรายการ: " + ", ".join(END_REASONS))
    if v.get("end_note") is not None and v.get("end_reason") is None and "end_reason" not in row.bad:
        out.at(row, "end_reason", "xlsx.required", "มีรายละเอียดเหตุที่พ้น แต่ไม่มีเหตุที่พ้นจากตำแหน่ง",
               "เลือกเหตุที่พ้นจากรายการ (เช่น อื่น ๆ) หรือลบรายละเอียดออก")
    start, end = v.get("start"), v.get("end")
    if start and end and not check_iso_date(start) and not check_iso_date(end) and end <= start:
        out.at(row, "end", "xlsx.term", f"วันสิ้นสุดวาระ ({end}) ไม่หลังวันเริ่มวาระ ({start})",
               "ตรวจวันที่ (ค.ศ.) — อาจสลับกัน")


# ---------------------------------------------------------------- one person

def check_person(person: PersonDraft, out: Collector) -> None:
    """What only the form's shape can get wrong about a person: a name left empty, a consent date
    without its method (or the reverse), no row of the sheet's role. (validate's own rules about a
    person run in check_people_rules.)"""
    v = person.values
    for key in ("title", "first_name", "last_name"):
        if v.get(key) is None and not any(key in r.bad for r in person.rows):
            out.at(person.first, key, "xlsx.required", f"ต้องกรอก{REQUIRED[key]}", "กรอกให้ครบ: คำนำหน้า ชื่อ นามสกุล")
    phone, c_date, c_method = v.get("phone"), v.get("consent_date"), v.get("consent_method")
    if (c_date is None) != (c_method is None) and not (phone and c_date is None):   # else: no consent at all
        missing, given = ("consent_method", "consent_date") if c_date else ("consent_date", "consent_method")
        out.at(person.at(given), missing, "xlsx.consent", f"ต้องกรอก{HEADERS[missing]}คู่กับ{HEADERS[given]}",
               "บันทึกความยินยอมต้องมีทั้งวันที่และวิธี")
    wanted = SHEET_ROLE[person.sheet]
    if not any(r.role == wanted for r in person.rows):
        out.at(person.first, "role", "xlsx.role",
               f"รายชื่อในแผ่นงาน {person.sheet} ต้องมีแถวบทบาท `{wanted}` อย่างน้อยหนึ่งแถว",
               f"แก้บทบาทเป็น `{wanted}` หรือย้ายคนนี้ไปแผ่นงานที่ตรงกับบทบาท")


# validate's rules about one person, run on the form's people: the same code, so the same rule,
# severity and message as `thamniap validate` gives for the same person in a roster file. Each is
# shown at the cell to change: rule id -> (its column, the detail whose row it is on).
PERSON_RULES = {
    "person.unknown-title": ("title", "title"),
    "person.sex-required": ("sex", "title"),
    "person.sex-contradicts-title": ("sex", "sex"),
    "privacy.phone-without-consent": ("phone", "phone"),
    "privacy.phone-in-free-text": ("note", "note"),
}
# The rules' hints say how to fix a roster file (`sex:`, `phone_consent:`); these say it in columns.
FORM_HINTS = {
    "person.sex-required": "เลือก ชาย หรือ หญิง (ใช้ตรวจสัดส่วนชายหญิง)",
    "person.sex-contradicts-title": "ตรวจคำนำหน้า หรือเว้นช่องเพศว่าง (คำนำหน้านี้บอกเพศอยู่แล้ว)",
    "privacy.phone-without-consent": "กรอก วันที่ยินยอม และ วิธียินยอม หรือลบโทรศัพท์ออก (หน้าเว็บจะแสดงเบอร์สำนักงานแทน)",
    "privacy.national-id": "ลบเลขนี้ออกจากช่อง — ทำเนียบเผยแพร่ต่อสาธารณะ ห้ามมีเลขประจำตัวประชาชน",
    "privacy.phone-in-free-text": ("ลบหมายเลขโทรศัพท์ออกจากหมายเหตุ — โทรศัพท์ส่วนตัวกรอกได้เฉพาะในช่องโทรศัพท์ "
                                   "พร้อมวันที่ยินยอมและวิธียินยอม"),
}


def check_people_rules(people: dict[str, PersonDraft], out: Collector) -> None:
    """validate's person.* rules, privacy.phone-without-consent and privacy.phone-in-free-text, on the
    form's people.

    A person.* rule speaks of a person whose title is given and whose sex is empty or allowed
    (validate sees no person until both are right: a missing title or a bad sex is a schema error).
    """
    drafts = list(people.values())
    found = rules.load_all()
    context = _rule_context(drafts)
    for rule_id, (key, detail) in PERSON_RULES.items():
        rule = found[rule_id]
        for finding in rule.check(context):
            person = people[finding.where.path]
            if rule_id.startswith("person.") and not _title_and_sex_given(person):
                continue
            out.at(person.at(detail), key, rule_id, finding.message, _form_hint(rule_id, person), rule.severity)


def _title_and_sex_given(person: PersonDraft) -> bool:
    return bool(person.values.get("title")) and person.values.get("sex") in (None, *SEXES)


def _form_hint(rule_id: str, person: PersonDraft) -> str:
    if rule_id != "person.unknown-title":
        return FORM_HINTS[rule_id]
    close = difflib.get_close_matches(person.values["title"], list(TITLES), n=1, cutoff=0.6)
    return ((f"หมายถึง `{close[0]}` หรือไม่? " if close else "") + "ใช้ " + " ".join(COMMON_TITLES[:3])
            + " หรือยศ/ตำแหน่งเต็ม — ถ้าคำนำหน้านี้ถูกต้องแล้ว ให้กรอกเพศด้วย")


def _rule_context(drafts: list[PersonDraft]) -> rules.Context:
    """A one-district model of the form's people for the rules; each Person's `where` is the
    draft's key, so a finding leads back to its rows."""
    def person(draft: PersonDraft) -> Person:
        v = draft.values
        return Person(id=draft.key, title=v.get("title") or "", first_name=v.get("first_name") or "",
                      last_name=v.get("last_name") or "", sex_given=v.get("sex"), roles=[], where=Where(draft.key),
                      phone=v.get("phone"), consent_date=parse_date(v.get("consent_date")),
                      consent_method=v.get("consent_method"), note=v.get("note"),
                      listed_as="leader" if draft.sheet == LEADER_SHEET else "volunteer")

    nowhere = Where("")
    leaders = [person(d) for d in drafts if d.sheet == LEADER_SHEET]
    volunteers = [person(d) for d in drafts if d.sheet == VOLUNTEER_SHEET]
    district = District("", Path(), "", subdistricts=[
        Subdistrict("", "", leaders, [Village(0, "", volunteers, nowhere)], nowhere)])
    # none of these rules looks at the date; any day will do
    return rules.Context([Province("", Path(), "", districts=[district])], dt.date.today())


def check_national_ids(sheets: dict[str, list[Row]], out: Collector) -> None:
    """validate's privacy.national-id on every text cell of the people sheets (imported or not
    into a roster file, a cell is seen by whoever gets the form)."""
    cells = [(row, key) for rows in sheets.values() for row in rows
             for key, value in row.values.items() if isinstance(value, str)]
    rule = rules.load_all()["privacy.national-id"]
    texts = {str(i): row.values[key] for i, (row, key) in enumerate(cells)}
    for finding in rule.check(rules.Context([], dt.date.today(), texts)):
        row, key = cells[int(finding.where.path)]
        out.at(row, key, rule.id, finding.message, FORM_HINTS[rule.id], rule.severity)


def check_same_names(people: dict[str, PersonDraft], out: Collector) -> None:
    """The same name (title, spaces and typing variants aside) on two people of the form."""
    names: dict[str, PersonDraft] = {}
    for person in people.values():
        v = person.values
        if not (v.get("first_name") and v.get("last_name")):
            continue
        other = names.setdefault(normalise_person_key(v.get("title"), v["first_name"], v["last_name"]), person)
        if other is not person:
            out.at(person.at("first_name"), "first_name", "xlsx.duplicate-person",
                   f"{v.get('title') or ''}{v['first_name']} {v['last_name']} ซ้ำกับแถว {row_ref(other.first)}"
                   + (f" (รหัส {other.id})" if other.id else ""),
                   "คนเดียวกันที่มีหลายบทบาทให้ใช้รหัสบุคคลเดียวกันทุกแถว (คนใหม่ใช้รหัสชั่วคราว "
                   f"{TEMP_ID_PREFIX}1) — ถ้าเป็นคนละคนที่ชื่อซ้ำกัน ให้ใส่หมายเหตุในทำเนียบ")


# ---------------------------------------------------------------- rows to people

def group_people(sheets: dict[str, list[Row]], code: str, other_ids: dict[str, str],
                 out: Collector) -> tuple[dict[str, PersonDraft], list[Row]]:
    """People by id (or temporary label; a row without either is a new person), and the rows that
    only name a village (no person). Each person row's own cells are checked on the way."""
    people: dict[str, PersonDraft] = {}
    placeholders: list[Row] = []
    for sheet in (LEADER_SHEET, VOLUNTEER_SHEET):
        for row in sheets.get(sheet, []):
            v = row.values
            if not any(v.get(k) is not None for k in PERSON_KEYS):
                if sheet == VOLUNTEER_SHEET and v.get("moo") is not None:
                    placeholders.append(row)          # a village with no อช. yet
                elif sheet == VOLUNTEER_SHEET and v.get("village") is not None:
                    out.at(row, "moo", "xlsx.place", "แถวนี้มีชื่อหมู่บ้านแต่ไม่มีหมู่ที่", "กรอกหมู่ที่ หรือลบแถวนี้")
                continue
            _check_row_fields(row, out)
            _add_row(people, row, code, other_ids, out)
    return people, placeholders


def _person_key(row: Row, code: str, out: Collector) -> str:
    """The row's รหัสบุคคล or temporary label; `@sheet!row` (a new person) when empty or malformed."""
    pid = row.values.get("id")
    if pid is not None and not pid.startswith(TEMP_ID_PREFIX) and not PERSON_ID.fullmatch(pid):
        out.at(row, "id", "xlsx.person-id", f"รหัสบุคคล `{pid}` ไม่ถูกรูปแบบ",
               f"รหัสบุคคลมีรูปแบบ {code}-NNNN (เช่น {code}-0001) — คนใหม่ให้เว้นว่าง "
               f"หรือใช้รหัสชั่วคราวที่ขึ้นต้นด้วย {TEMP_ID_PREFIX}")
        pid = None
    return pid if pid is not None else f"@{row.sheet}!{row.number}"


def _add_row(people: dict[str, PersonDraft], row: Row, code: str, other_ids: dict[str, str],
             out: Collector) -> None:
    """ROW joins its person (a new one for a new key); its details must agree with theirs."""
    key = _person_key(row, code, out)
    person = people.get(key)
    if person is None:
        real = key if not key.startswith(("@", TEMP_ID_PREFIX)) else None
        person = people[key] = PersonDraft(key, row.sheet, row, [], real)
        if real and real in other_ids:
            out.at(row, "id", "xlsx.person-id", f"รหัสบุคคล `{real}` มีอยู่แล้วใน {other_ids[real]}",
                   "คนใหม่ให้เว้นรหัสว่าง (โปรแกรมจะให้รหัสใหม่) — คนที่ย้ายมาจากอำเภออื่น "
                   "ให้ลบจากอำเภอเดิมก่อน")
        elif real and not real.startswith(code + "-"):
            out.at(row, "id", "xlsx.person-id", f"รหัสบุคคล `{real}` ไม่ขึ้นต้นด้วยรหัสอำเภอ {code}",
                   f"คนใหม่ให้เว้นว่าง โปรแกรมจะให้รหัส {code}-NNNN", Severity.WARNING)
    elif person.sheet != row.sheet:
        out.at(row, "id", "xlsx.person-id",
               f"รหัสบุคคล `{key}` ซ้ำกับแถว {row_ref(person.first)} ในแผ่นงาน {person.sheet}",
               "คนหนึ่งอยู่ได้แผ่นงานเดียว: บทบาทอื่นให้เพิ่มเป็นแถวในแผ่นงานเดิม — ถ้าเป็นคนละคน "
               "ให้เว้นรหัสของคนใหม่ว่าง")
        return
    if _merge_details(person, row, out):
        person.rows.append(row)


def _merge_details(person: PersonDraft, row: Row, out: Collector) -> bool:
    """Take ROW's details into PERSON; False (each conflict reported) when one differs from theirs."""
    agreed = True
    for k in DETAIL_KEYS:
        value = row.values.get(k)
        if value is None:
            continue
        if k not in person.values:
            person.values[k], person.source[k] = value, row
        elif person.values[k] != value:
            agreed = False
            out.at(row, k, "xlsx.conflict", f"รหัสบุคคล `{person.key}` ซ้ำกับแถว {row_ref(person.source[k])} "
                   f"แต่{HEADERS[k]}ไม่ตรงกัน (`{value}` กับ `{person.values[k]}`)",
                   "แถวเพิ่มของคนเดิม (บทบาท/วาระอื่น) ให้เว้นช่องนี้ว่างหรือกรอกให้ตรงกัน "
                   "— ถ้าเป็นคนละคน ให้เว้นรหัสของคนใหม่ว่าง")
    return agreed
