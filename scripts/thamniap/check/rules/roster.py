"""Rules about the roster: villages, their อช., and each subdistrict's ผู้นำ อช."""
from __future__ import annotations

from thamniap.core.diagnostics import Severity
from thamniap.model import LEADER, LEADERS_PER_SUBDISTRICT, MIN_VOLUNTEERS, VOLUNTEER, next_free_id, sexes_balanced
from thamniap.check.rules import Context, Finding, rule, repeats


@rule("roster.duplicate-moo", Severity.ERROR,
      "หมู่ที่แต่ละหมายเลขมีครั้งเดียวในตำบล")
def moo_unique_per_subdistrict(ctx: Context):
    """A หมู่ที่ number appears once per subdistrict."""
    for _, district in ctx.districts():
        for sub in district.subdistricts or []:
            for village, other in repeats(sub.villages, lambda v: v.moo):
                yield Finding(village.where, f"หมู่ที่ {village.moo} ของตำบล{sub.name} ซ้ำกัน "
                              f"(บรรทัด {other.where.line} และ {village.where.line})",
                              "ตรวจเลขหมู่ที่ แต่ละหมู่บ้านในตำบลต้องมีเลขไม่ซ้ำกัน",
                              f"village number (moo) {village.moo} repeats in subdistrict {sub.name} "
                              f"(lines {other.where.line} and {village.where.line})",
                              "check the village numbers: each village of a subdistrict has its own number",
                              related=((other.where.line, 0),))


@rule("roster.min-volunteers", Severity.WARNING,
      "หมู่บ้านมี อช. อย่างน้อย 4 คน")
def village_has_enough_volunteers(ctx: Context):
    """A village has at least 4 อช."""
    for province, district in ctx.districts():
        for sub in district.subdistricts or []:
            for village in sub.villages:
                serving = sum(p.serving for p in village.volunteers)
                if village.complete and serving < MIN_VOLUNTEERS:
                    yield Finding(village.where, f"หมู่ที่ {village.moo} {village.name} มี อช. {serving} คน "
                                  f"(ควรมีอย่างน้อย {MIN_VOLUNTEERS} คน)",
                                  "เมื่อเวทีประชาคมหมู่บ้านคัดเลือก อช. เพิ่มแล้ว ให้เพิ่มใต้ volunteers: ของหมู่บ้านนี้ เช่น "
                                  f"`- {{id: {next_free_id(province, district.code)}, title: นาง, first_name: ..., "
                                  "last_name: ..., roles: [{role: อช., start: วันที่ได้รับเลือก, end: วันก่อนครบ 4 ปี}]}` "
                                  "(รหัสถัดไปที่ยังว่าง) "
                                  "ระหว่างที่ยังไม่ได้คัดเลือก คำเตือนนี้จะแสดงต่อไป (ไม่ทำให้การตรวจไม่ผ่าน)",
                                  f"village has {serving} volunteers (at least {MIN_VOLUNTEERS} expected)",
                                  "when the village forum has chosen more, add them under this village's volunteers:; "
                                  "until then this warning stays (it does not fail the check)")


@rule("roster.gender-balance", Severity.WARNING,
      "อช. ของหมู่บ้านเป็นชายและหญิงจำนวนใกล้เคียงกัน")
def village_gender_balanced(ctx: Context):
    """A village's อช. are men and women in roughly equal numbers."""
    for _, district in ctx.districts():
        for sub in district.subdistricts or []:
            for village in sub.villages:
                men = sum(p.sex == "ชาย" for p in village.volunteers)
                women = sum(p.sex == "หญิง" for p in village.volunteers)
                if village.complete and not sexes_balanced(men, women):
                    yield Finding(village.where, f"หมู่ที่ {village.moo} {village.name}: อช. ชาย {men} คน หญิง {women} คน "
                                  "ไม่ใกล้เคียงกัน", "ระเบียบกำหนดให้ อช. มีทั้งชายและหญิงในจำนวนใกล้เคียงกัน",
                                  f"village {village.moo} {village.name}: volunteers are {men} men and {women} women, not roughly equal",
                                  "the regulation asks for men and women in roughly equal numbers")


@rule("roster.leaders-per-subdistrict", Severity.WARNING,
      "ตำบลมีผู้นำ อช. 2 คน เป็นชายหนึ่งคนและหญิงหนึ่งคน")
def subdistrict_has_two_leaders(ctx: Context):
    """A subdistrict has 2 ผู้นำ อช., one man and one woman."""
    for _, district in ctx.districts():
        for sub in district.subdistricts or []:
            men = sum(p.sex == "ชาย" for p in sub.leaders)
            women = sum(p.sex == "หญิง" for p in sub.leaders)
            if sub.complete and (len(sub.leaders) != LEADERS_PER_SUBDISTRICT or men != 1 or women != 1):
                yield Finding(sub.where, f"ตำบล{sub.name} มีผู้นำ อช. {len(sub.leaders)} คน (ชาย {men} หญิง {women})",
                              "ตำบลละ 2 คน ชาย 1 คน หญิง 1 คน",
                              f"subdistrict {sub.name} has {len(sub.leaders)} leaders ({men} men, {women} women)",
                              "2 per subdistrict: 1 man and 1 woman")


@rule("roster.role-matches-list", Severity.ERROR,
      "บุคคลใน `leaders` มีบทบาทผู้นำ อช. และบุคคลใน `volunteers` มีบทบาท อช.")
def role_matches_where_listed(ctx: Context):
    """A person under `leaders` holds the role ผู้นำ อช.; a person under `volunteers` holds อช."""
    for _, district in ctx.districts():
        for person in district.people():
            wanted = LEADER if person.listed_as == "leader" else VOLUNTEER
            if not any(r.role == wanted for r in person.roles):
                place = "leaders (ผู้นำ อช.)" if person.listed_as == "leader" else "volunteers (อช. ของหมู่บ้าน)"
                yield Finding(person.where, f"{person.name} อยู่ในรายชื่อ {place} แต่ไม่มีบทบาท `{wanted}` ใน roles",
                              f"เพิ่ม `- role: {wanted}` พร้อม start/end ใน roles หรือย้ายไปไว้ในรายการที่ถูกต้อง",
                              f"{person.name} is listed as {person.listed_as} but has no role `{wanted}` in roles",
                              f"add `- role: {wanted}` with start/end to roles, or move the person to the right list")


@rule("roster.duplicate-person", Severity.ERROR,
      "บุคคลเดียวกัน (เทียบชื่อโดยไม่นับคำนำหน้า ช่องว่าง และการพิมพ์ที่ต่างกัน) มีรายชื่อครั้งเดียวในอำเภอ")
def person_once_per_district(ctx: Context):
    """The same person (name compared without title, spaces or typing variants) is listed once per district."""
    for _, district in ctx.districts():
        for person, other in repeats(district.people(), lambda p: p.key):
            yield Finding(person.where, f"{person.name} ซ้ำกับรายชื่อที่บรรทัด {other.where.line} "
                          f"({other.name}, รหัส {other.id})",
                          "คนเดียวกันให้มีรายการเดียว ถ้ามีหลายบทบาทให้เพิ่มใน roles ของรายการเดิม "
                          "ถ้าเป็นคนละคนที่ชื่อซ้ำกัน ให้ใส่ note ระบุ",
                          f"{person.name} repeats the person at line {other.where.line} ({other.name}, id {other.id})",
                          "one person, one item: add further roles to the first item's roles; if they are "
                          "two people with the same name, write a note saying so",
                          related=((other.where.line, other.where.column),))


@rule("roster.same-name-other-district", Severity.WARNING,
      "ชื่อเดียวกันอยู่ในสองอำเภอของจังหวัด (อาจเป็นคนละคน หรือคนเดียวที่มีรายชื่อซ้ำ)")
def name_in_one_district(ctx: Context):
    """The same name appears in two districts of a province (may be two people, or one listed twice)."""
    for province in ctx.provinces:
        seen: dict[str, tuple[str, object]] = {}
        for district in province.districts:
            for person in district.people():
                seen.setdefault(person.key, (district.code, person))
        for district in province.districts:
            if ctx.focus is not None and district.code not in ctx.focus:
                continue
            for person in district.people():
                code, other = seen[person.key]
                if code != district.code:
                    yield Finding(person.where, f"{person.name} มีชื่อซ้ำกับรายชื่อในอำเภอรหัส {code} ({other.where.path}:{other.where.line})",
                                  "ตรวจว่าเป็นคนละคนกัน หรือคนเดียวกันที่ย้ายอำเภอแล้วยังไม่ได้ลบจากอำเภอเดิม",
                                  f"{person.name} has the same name as {other.id} in district {code} ({other.where.path}:{other.where.line})",
                                  "check whether they are two people, or one who moved and is still listed in the old district")


def _after(person_id: str) -> str:
    """4209-0561 -> 4209-0562 (same width)."""
    prefix, number = person_id.rsplit("-", 1)
    return f"{prefix}-{int(number) + 1:0{len(number)}d}"


@rule("roster.duplicate-id", Severity.ERROR,
      "รหัสบุคคลใช้ได้ครั้งเดียวทั้งจังหวัด (รหัสใช้ติดตามบุคคลเมื่อแก้ไขข้อมูล)")
def person_id_unique(ctx: Context):
    """A person id is used once in the whole province (ids identify people across edits)."""
    for province in ctx.provinces:
        suggested: dict[str, str] = {}   # prefix -> the last free id offered in this run
        everyone = [*province.officials]
        for district in province.districts:
            everyone += [*district.officials, *district.people()]
        # the new person gets the error: the one on a line the change added (validate
        # --changed-since), else the later one in file order
        for person, other in repeats(everyone, lambda p: p.id):
            if ctx.is_new is not None and ctx.is_new(other.where) and not ctx.is_new(person.where):
                person, other = other, person
            if ctx.focus is not None and person.district_code not in ctx.focus:
                continue
            # each duplicate of one run is offered its own free id, so fixing them all at once
            # cannot make a new clash
            prefix = person.district_code or province.code
            free = _after(suggested[prefix]) if prefix in suggested else next_free_id(province, prefix)
            suggested[prefix] = free
            yield Finding(person.where, f"รหัสบุคคล `{person.id}` ของ{person.name} ซ้ำกับ{other.name} "
                          f"({other.where.path}:{other.where.line})",
                          f"ถ้า{person.name}เป็นคนใหม่ ให้ใช้รหัสถัดไปที่ว่าง `{free}` "
                          "— ห้ามเปลี่ยนรหัสของคนเดิม",
                          f"person id `{person.id}` of {person.name} is already used by {other.name} "
                          f"({other.where.path}:{other.where.line})",
                          f"if {person.name} is new, use the next free id `{free}`; never change "
                          "an existing person's id", related=((other.where.line, other.where.column),))


@rule("roster.id-prefix", Severity.WARNING,
      "รหัสของบุคคลใหม่ขึ้นต้นด้วยรหัสอำเภอ อำเภอต่าง ๆ จึงไม่ใช้รหัสซ้ำกัน")
def person_id_starts_with_district(ctx: Context):
    """A new person's id starts with the district code, so districts never pick the same id."""
    for _, district in ctx.districts():
        for person in [*district.officials, *district.people()]:
            if not person.id.startswith(district.code + "-"):
                yield Finding(person.where, f"รหัสบุคคล `{person.id}` ไม่ขึ้นต้นด้วยรหัสอำเภอ {district.code}",
                              f"ใช้รูปแบบ `{district.code}-เลขลำดับ` เช่น `{district.code}-0123`",
                              f"id `{person.id}` does not start with {district.code}-",
                              f"use the form `{district.code}-number`, e.g. `{district.code}-0123`")
