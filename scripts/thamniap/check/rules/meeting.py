"""Rules about the meeting nominees each district sends (circular item 2)."""
from __future__ import annotations

from thamniap.core.diagnostics import Severity
from thamniap.model import Where, is_person_id, next_free_id, resolve_person
from thamniap.check.references import ROSTER_FILES, not_an_id, place_th, where_en, where_th
from thamniap.check.rules import Context, Finding, rule


@rule("meeting.unknown-meeting", Severity.ERROR,
      "การเสนอชื่ออ้างถึงการประชุมที่มีใน province.yaml")
def nomination_names_a_meeting(ctx: Context):
    """A nomination names a meeting listed in province.yaml."""
    for province, district in ctx.districts():
        ids = {m.id for m in province.meetings}
        for nomination in district.nominations or []:
            if nomination.meeting not in ids:
                yield Finding(nomination.where, f"ไม่รู้จักการประชุม `{nomination.meeting}`",
                              "ใช้รหัสการประชุมจาก province.yaml: " + ", ".join(sorted(ids)),
                              f"unknown meeting `{nomination.meeting}`",
                              "use a meeting id from province.yaml: " + ", ".join(sorted(ids)))


@rule("meeting.nominee-count", Severity.WARNING,
      "อำเภอส่งผู้แทนชมรมและเจ้าหน้าที่ตามจำนวนที่การประชุมกำหนด (ปี 2567: 2 + 1 คน)")
def nominee_count(ctx: Context):
    """A district sends as many club representatives and officials as the meeting asks (2 + 1 in 2567)."""
    for province, district in ctx.districts():
        meetings = {m.id: m for m in province.meetings}
        for nomination in district.nominations or []:
            meeting = meetings.get(nomination.meeting)
            if meeting is None:
                continue
            if len(nomination.representatives) != meeting.representatives or len(nomination.officials) != meeting.officials:
                yield Finding(nomination.where, f"ส่งผู้แทนชมรม {len(nomination.representatives)} คน และเจ้าหน้าที่ "
                              f"{len(nomination.officials)} คน (จังหวัดขอผู้แทน {meeting.representatives} คน "
                              f"และเจ้าหน้าที่ {meeting.officials} คน)", "ตรวจรายชื่อให้ครบตามหนังสือเวียน",
                              f"{len(nomination.representatives)} club representatives and {len(nomination.officials)} officials "
                              f"sent (the province asks for {meeting.representatives} and {meeting.officials})",
                              "complete the names as the circular asks")


@rule("meeting.unresolved-nominee", Severity.ERROR,
      "ผู้แทนชมรมเป็นรหัสบุคคลที่มีในทำเนียบของอำเภอ และเจ้าหน้าที่เป็นรหัสที่มีใน district.yaml "
      "ถ้าพิมพ์ชื่อแทนรหัส คำแนะนำบอกรหัสของชื่อนั้น")
def nominees_resolve(ctx: Context):
    """Each representative is the id of someone in the district roster, and each official of someone in district.yaml."""
    for province, district in ctx.districts():
        roster = list(district.people())
        lists = (("representatives", "ผู้แทนชมรม", "representative", roster, ROSTER_FILES,
                  "ทำเนียบของอำเภอ", district.roster_complete),
                 ("officials", "เจ้าหน้าที่", "official", district.officials, "district.yaml",
                  "รายชื่อเจ้าหน้าที่ใน district.yaml", district.where is not None))
        for nomination in district.nominations or []:
            for attr, noun_th, noun_en, people, add_to, in_th, loaded in lists:
                ids = {p.id for p in people}
                for pid, where in getattr(nomination, attr):
                    left = next((p for p in people if p.id == pid and not p.serving), None)
                    if left is not None:
                        yield _nominee_left(nomination.meeting, left, where, noun_th, noun_en)
                        continue
                    if pid in ids or pid in district.left_out_ids or (not loaded and is_person_id(pid)):
                        continue
                    yield _unresolved(province, district, nomination.meeting, pid, where,
                                      noun_th, noun_en, people, add_to, in_th)


def _nominee_left(meeting: str, person, where: Where, noun_th: str, noun_en: str) -> Finding:
    """A nominee who has left every role (end_reason): the nomination to update in the same pull request."""
    return Finding(where, f"การส่งรายชื่อเข้าประชุม `{meeting}` ใน {where_th(where)}: {noun_th} {person.name} "
                   f"(`{person.id}`) พ้นจากทุกบทบาทในทำเนียบแล้ว",
                   f"แก้รายชื่อนี้ใน pull request เดียวกัน: ใส่รหัส{noun_th}คนใหม่แทน `{person.id}`",
                   f"nomination for `{meeting}`, {where_en(where)}: {noun_en} {person.name} (`{person.id}`) "
                   "has left every role in the roster",
                   f"update this nomination in the same pull request: the new {noun_en}'s id instead of `{person.id}`")


def _unresolved(province, district, meeting: str, pid: str, where: Where, noun_th: str, noun_en: str,
                people, add_to: str, in_th: str) -> Finding:
    """The finding for one nominee that is not an id in PEOPLE: the name it may be, or the
    nomination to update when the person was removed."""
    if not is_person_id(pid):
        next_id = next_free_id(province, district.code) if add_to == ROSTER_FILES else ""
        message, hint, message_en, hint_en = not_an_id(
            resolve_person(people, pid), noun_th, f"the {noun_en}", "-", in_th, next_id, add_to)
        return Finding(where, message, hint, message_en, hint_en)
    return Finding(where, f"การส่งรายชื่อเข้าประชุม `{meeting}` ใน {where_th(where)}: ไม่พบ{noun_th}รหัส `{pid}` ใน{in_th}",
                   f"ถ้าพิมพ์รหัสผิด ให้แก้เป็นรหัสจาก {place_th(add_to)} ถ้าลบบุคคลนี้ออกจาก {place_th(add_to)} "
                   f"ให้แก้รายชื่อนี้ใน pull request เดียวกัน: ใส่รหัส{noun_th}คนใหม่แทน `{pid}`",
                   f"nomination for `{meeting}`, {where_en(where)}: {noun_en} `{pid}` is not in {add_to}",
                   f"if the id is mistyped, use the id from {add_to}; if this person was removed from {add_to}, "
                   f"update this nomination in the same pull request: the new {noun_en}'s id instead of `{pid}`")


@rule("meeting.missing-nomination", Severity.WARNING,
      "อำเภอส่งรายชื่อผู้แทนครบทุกการประชุมของจังหวัด")
def district_nominated(ctx: Context):
    """A district has sent nominees for each meeting of its province."""
    for province, district in ctx.districts():
        if district.nominations is None:
            continue
        sent = {n.meeting for n in district.nominations}
        for meeting in province.meetings:
            if meeting.id not in sent:
                yield Finding(Where(district.files["meeting"], 1, 1), f"อำเภอ{district.name} ยังไม่ส่งรายชื่อเข้าประชุม {meeting.title}",
                              f"เพิ่มรายการ `- meeting: {meeting.id}` พร้อม representatives และ officials",
                              f"district {district.name} has not sent names for the meeting {meeting.title}",
                              f"add an item `- meeting: {meeting.id}` with representatives and officials")


@rule("district.responsible-official", Severity.WARNING,
      "อำเภอระบุเจ้าหน้าที่ผู้รับผิดชอบงานอาสาพัฒนาชุมชน")
def district_has_responsible_official(ctx: Context):
    """A district names the official responsible for volunteer work."""
    for _, district in ctx.districts():
        if district.where and "district" not in district.left_out and not any(o.responsible for o in district.officials):
            yield Finding(district.where, f"อำเภอ{district.name} ยังไม่ระบุเจ้าหน้าที่ผู้รับผิดชอบงาน อช.",
                          "ใส่ `responsible_for_volunteers: true` ให้เจ้าหน้าที่ผู้รับผิดชอบใน district.yaml",
                          f"district {district.name} names no official responsible for volunteer work",
                          "write `responsible_for_volunteers: true` for the responsible official in district.yaml")


@rule("district.no-maintainers", Severity.WARNING,
      "อำเภอมีผู้ดูแลข้อมูล (บัญชี GitHub) อย่างน้อยหนึ่งบัญชี")
def district_has_maintainers(ctx: Context):
    """A district names at least one GitHub account or team that looks after its data."""
    for _, district in ctx.districts():
        if district.where and "district" not in district.left_out and not district.maintainers:
            yield Finding(district.where, f"อำเภอ{district.name} ยังไม่มีผู้ดูแลข้อมูล (บัญชี GitHub ของอำเภอ) "
                          "ระหว่างนี้มีเพียงผู้ดูแลของจังหวัดที่แก้ข้อมูลอำเภอนี้ได้",
                          "ใส่บัญชีหรือทีมของอำเภอใต้ `maintainers:` ใน district.yaml แล้วสร้าง CODEOWNERS ใหม่",
                          f"district {district.name} has no maintainers yet; only the province's maintainers may change it",
                          "list the district's account or team under `maintainers:` in district.yaml and regenerate CODEOWNERS")
