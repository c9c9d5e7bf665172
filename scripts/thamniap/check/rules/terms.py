"""Rules about terms of office: roles and club committees."""
from __future__ import annotations

import datetime as dt

from thamniap.core.dates import thai_date
from thamniap.core.diagnostics import Severity
from thamniap.model import VOLUNTEER
from thamniap.check.rules import Context, Finding, rule
from thamniap.core.dates import add_years

MAX_VOLUNTEER_YEARS = 4


def _clubs(ctx: Context):
    for province in ctx.provinces:
        if province.club and ctx.focus is None:
            yield province.club
    for _, district in ctx.districts():
        if district.club:
            yield district.club


def _roles(ctx: Context):
    for _, district in ctx.districts():
        for person in district.people():
            for role in person.roles:
                yield person, role


@rule("term.end-before-start", Severity.ERROR,
      "วาระของบทบาทหรือของคณะกรรมการชมรมสิ้นสุดหลังวันเริ่ม")
def term_ends_after_start(ctx: Context):
    """A role's or a club committee's term ends after it starts."""
    for person, role in _roles(ctx):
        if role.start and role.end and role.end <= role.start:
            yield Finding(role.where, f"วาระ {role.role} ของ {person.name} สิ้นสุด ({role.end}) ก่อนหรือวันเดียวกับที่เริ่ม ({role.start})",
                          "ตรวจ start และ end (ค.ศ.) — อาจสลับกัน",
                          f"the {role.role} term of {person.name} ends ({role.end}) on or before its start ({role.start})",
                          "check start and end (CE); they may be swapped")
    for club in _clubs(ctx):
        if club.term_start and club.term_end and club.term_end <= club.term_start:
            yield Finding(club.term_where, f"วาระคณะกรรมการ{club.name} สิ้นสุดก่อนเริ่ม",
                          "ตรวจ term.start และ term.end (ค.ศ.)", f"the committee term of {club.name} ends before it starts",
                          "check term.start and term.end (CE)")



@rule("term.volunteer-max-years", Severity.WARNING,
      "วาระ อช. ยาวไม่เกิน 4 ปี (ต่อวาระได้ด้วยบทบาทใหม่)")
def volunteer_term_at_most_four_years(ctx: Context):
    """An อช. term lasts at most 4 years (it may be renewed by a new role entry)."""
    for person, role in _roles(ctx):
        if role.role == VOLUNTEER and role.start and role.end and role.end > add_years(role.start, MAX_VOLUNTEER_YEARS):
            yield Finding(role.where, f"วาระ อช. ของ {person.name} ยาวเกิน {MAX_VOLUNTEER_YEARS} ปี ({role.start} ถึง {role.end})",
                          f"วาระ อช. คราวละ 4 ปี ถ้าได้รับเลือกอีกให้เพิ่มบทบาทใหม่ใน roles",
                          f"the volunteer term of {person.name} is longer than {MAX_VOLUNTEER_YEARS} years ({role.start} to {role.end})",
                          "a volunteer term is 4 years; if chosen again, add a new role to roles")


END_REASONS = "ลาออก, พ้นวาระ, ย้ายที่อยู่, เสียชีวิต หรือ อื่น ๆ"


def normal_term_end(start: dt.date) -> dt.date:
    """The last day of a full term that began on START: 4 years later, less one day."""
    return add_years(start, MAX_VOLUNTEER_YEARS) - dt.timedelta(days=1)


@rule("term.end-reason-missing", Severity.ERROR,
      "บทบาทที่สิ้นสุดไปแล้ว (ก่อนวันนี้) ก่อนครบวาระปกติ 4 ปี มีเหตุที่พ้นจากตำแหน่ง (end_reason)")
def early_end_has_reason(ctx: Context):
    """A role that has ended (before today) short of its normal 4-year term gives end_reason."""
    # A short term still running is allowed (a term is at most 4 years, e.g. one filling a vacancy);
    # once it is over before its full term, the person left early and the reason is recorded.
    for person, role in _roles(ctx):
        if (role.start and role.end and role.end_reason is None and role.end < ctx.today
                and role.start < role.end < normal_term_end(role.start)):
            yield Finding(role.where, f"วาระ {role.role} ของ {person.name} สิ้นสุด {thai_date(role.end, short=True)} "
                          f"ก่อนครบวาระปกติ ({thai_date(normal_term_end(role.start), short=True)}) แต่ไม่ได้บอกเหตุที่พ้นจากตำแหน่ง",
                          f"ถ้าพ้นจากตำแหน่งแล้ว ให้เพิ่มบรรทัด `end_reason: ลาออก` ใต้ end ของบทบาทนี้ (เลือกหนึ่งใน: {END_REASONS}; "
                          "อื่น ๆ เพิ่ม `end_note: ...` ได้) ถ้ายังดำรงตำแหน่งอยู่ ให้แก้ end เป็น "
                          f"{normal_term_end(role.start).isoformat()}",
                          f"{role.role} term of {person.id} ends {role.end}, before its normal end "
                          f"{normal_term_end(role.start)}, without end_reason",
                          "if the person has left, add `end_reason: ลาออก` (or `พ้นวาระ`, `ย้ายที่อยู่`, `เสียชีวิต`, `อื่น ๆ`) "
                          f"under the role's end; if still serving, set end to {normal_term_end(role.start)}")


@rule("term.expired", Severity.WARNING,
      "วาระของบทบาทหรือของคณะกรรมการชมรมยังไม่สิ้นสุดก่อนวันนี้ (เทียบกับ --today)")
def term_not_expired(ctx: Context):
    """A role's or club committee's term has not ended before today (see --today)."""
    for person, role in _roles(ctx):
        if role.end and role.end < ctx.today and not role.ended and not any(
                r.role == role.role and r.end and r.end >= ctx.today for r in person.roles):
            renewed = add_years(role.end, MAX_VOLUNTEER_YEARS)
            yield Finding(role.where, f"วาระ {role.role} ของ {person.name} สิ้นสุดแล้วเมื่อ {thai_date(role.end, short=True)}",
                          "ถ้าได้รับเลือกใหม่ ให้เพิ่มบทบาทใหม่ใน roles เช่น "
                          f"`- {{role: {role.role}, start: {(role.end + dt.timedelta(days=1)).isoformat()}, end: {renewed.isoformat()}}}` "
                          "ถ้าพ้นวาระแล้ว ให้เพิ่มบรรทัด `end_reason: พ้นวาระ` ใต้ end ของบทบาทนี้",
                          f"term ended {role.end}",
                          f"if re-elected, add a new role with its new term; if the person has left, add "
                          "`end_reason: พ้นวาระ` under this role's end")
    for club in _clubs(ctx):
        if club.term_end and club.term_end < ctx.today:
            yield Finding(club.term_where, f"วาระคณะกรรมการ{club.name} สิ้นสุดแล้วเมื่อ {thai_date(club.term_end, short=True)}",
                          "ปรับปรุงโครงสร้างคณะกรรมการชุดใหม่และวาระใหม่",
                          f"the committee term of {club.name} ended on {club.term_end}",
                          "update the committee to the new one and its new term")
