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
                          "ตรวจ start และ end (ค.ศ.) — อาจสลับกัน", "term ends before it starts")
    for club in _clubs(ctx):
        if club.term_start and club.term_end and club.term_end <= club.term_start:
            yield Finding(club.term_where, f"วาระคณะกรรมการ{club.name} สิ้นสุดก่อนเริ่ม",
                          "ตรวจ term.start และ term.end (ค.ศ.)", "club term ends before it starts")



@rule("term.volunteer-max-years", Severity.WARNING,
      "วาระ อช. ยาวไม่เกิน 4 ปี (ต่อวาระได้ด้วยบทบาทใหม่)")
def volunteer_term_at_most_four_years(ctx: Context):
    """An อช. term lasts at most 4 years (it may be renewed by a new role entry)."""
    for person, role in _roles(ctx):
        if role.role == VOLUNTEER and role.start and role.end and role.end > add_years(role.start, MAX_VOLUNTEER_YEARS):
            yield Finding(role.where, f"วาระ อช. ของ {person.name} ยาวเกิน {MAX_VOLUNTEER_YEARS} ปี ({role.start} ถึง {role.end})",
                          f"วาระ อช. คราวละ 4 ปี ถ้าได้รับเลือกอีกให้เพิ่มบทบาทใหม่ใน roles",
                          "volunteer term longer than 4 years")


@rule("term.expired", Severity.WARNING,
      "วาระของบทบาทหรือของคณะกรรมการชมรมยังไม่สิ้นสุดก่อนวันนี้ (เทียบกับ --today)")
def term_not_expired(ctx: Context):
    """A role's or club committee's term has not ended before today (see --today)."""
    for person, role in _roles(ctx):
        if role.end and role.end < ctx.today and not any(
                r.role == role.role and r.end and r.end >= ctx.today for r in person.roles):
            yield Finding(role.where, f"วาระ {role.role} ของ {person.name} สิ้นสุดแล้วเมื่อ {thai_date(role.end, short=True)}",
                          "ถ้าได้รับเลือกใหม่ให้เพิ่มบทบาทพร้อมวาระใหม่ ถ้าพ้นวาระแล้วให้ลบออกจากทำเนียบ",
                          f"term ended {role.end}")
    for club in _clubs(ctx):
        if club.term_end and club.term_end < ctx.today:
            yield Finding(club.term_where, f"วาระคณะกรรมการ{club.name} สิ้นสุดแล้วเมื่อ {thai_date(club.term_end, short=True)}",
                          "ปรับปรุงโครงสร้างคณะกรรมการชุดใหม่และวาระใหม่", f"club term ended {club.term_end}")
