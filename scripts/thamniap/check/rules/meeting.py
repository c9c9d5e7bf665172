"""Rules about the meeting nominees each district sends (circular item 2)."""
from __future__ import annotations

from thamniap.core.diagnostics import Severity
from thamniap.model import Where
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
                              f"unknown meeting `{nomination.meeting}`")


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
                              "nominee count differs from what the meeting asks")


@rule("meeting.unresolved-nominee", Severity.ERROR,
      "ผู้แทนชมรมมีรายชื่อในทำเนียบของอำเภอ และเจ้าหน้าที่มีรายชื่อใน district.yaml")
def nominees_resolve(ctx: Context):
    """Each representative is in the district roster and each official in district.yaml."""
    for _, district in ctx.districts():
        roster = {p.id for p in district.people()}
        officials = {p.id for p in district.officials}
        for nomination in district.nominations or []:
            for pid, where in nomination.representatives:
                if district.subdistricts is not None and pid not in roster:
                    yield Finding(where, f"ไม่พบผู้แทนรหัส `{pid}` ในทำเนียบของอำเภอ", "ใช้รหัสบุคคลจาก roster.yaml",
                                  f"representative `{pid}` not in roster")
            for pid, where in nomination.officials:
                if district.where is not None and pid not in officials:
                    yield Finding(where, f"ไม่พบเจ้าหน้าที่รหัส `{pid}` ใน district.yaml", "ใช้รหัสจาก officials ใน district.yaml",
                                  f"official `{pid}` not in district.yaml")


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
                              f"no nominees for {meeting.id}")


@rule("district.responsible-official", Severity.WARNING,
      "อำเภอระบุเจ้าหน้าที่ผู้รับผิดชอบงานอาสาพัฒนาชุมชน")
def district_has_responsible_official(ctx: Context):
    """A district names the official responsible for volunteer work."""
    for _, district in ctx.districts():
        if district.where and not any(o.responsible for o in district.officials):
            yield Finding(district.where, f"อำเภอ{district.name} ยังไม่ระบุเจ้าหน้าที่ผู้รับผิดชอบงาน อช.",
                          "ใส่ `responsible_for_volunteers: true` ให้เจ้าหน้าที่ผู้รับผิดชอบใน district.yaml",
                          "no official marked responsible for volunteer work")
