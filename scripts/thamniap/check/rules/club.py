"""Rules about a club's committee, registration and its confirmation (the district's report)."""
from __future__ import annotations

from collections import Counter

from thamniap.core.dates import thai_date
from thamniap.core.diagnostics import Severity
from thamniap.model import SINGLE_HOLDER_POSTS, USUAL_POSTS, Club, Where
from thamniap.check.rules import Context, Finding, rule


def _clubs(ctx: Context):
    """(club, people it may draw holders from, label) for the province club and each checked district."""
    for province in ctx.provinces:
        if province.club and ctx.focus is None:
            complete = all(d.subdistricts is not None for d in province.districts)
            yield province.club, province.person_index(), f"จังหวัด{province.name}", province, complete
    for province, district in ctx.districts():
        if district.club:
            people = {p.id: p for p in [*district.officials, *district.people()]}
            yield district.club, people, f"อำเภอ{district.name}", province, district.subdistricts is not None


@rule("club.holder-or-vacant", Severity.ERROR,
      "ทุกตำแหน่งในคณะกรรมการมีผู้ดำรงตำแหน่ง หรือระบุ `vacant: true` อย่างใดอย่างหนึ่งเท่านั้น")
def post_has_holder_or_vacant(ctx: Context):
    """Each committee seat has a holder or is declared `vacant: true`, not both and not neither."""
    for club, *_ in _clubs(ctx):
        for post in club.posts:
            if bool(post.holder_id) == post.vacant:
                both = post.vacant
                yield Finding(post.where, f"ตำแหน่ง{post.post} " + ("มีทั้ง holder และ vacant: true" if both
                              else "ไม่มีผู้ดำรงตำแหน่งและไม่ได้ระบุว่าว่าง"),
                              "ใส่ `holder: รหัสบุคคล` หรือ `vacant: true` อย่างใดอย่างหนึ่ง",
                              "a seat needs exactly one of holder / vacant")


@rule("club.single-holder", Severity.ERROR,
      "ประธาน เลขานุการ เหรัญญิก และนายทะเบียน มีได้ไม่เกินตำแหน่งละหนึ่งที่นั่ง")
def single_holder_posts(ctx: Context):
    """ประธาน, เลขานุการ, เหรัญญิก and นายทะเบียน have at most one seat each."""
    for club, *_ in _clubs(ctx):
        counts = Counter(p.post for p in club.posts)
        for post in club.posts:
            if post.post in SINGLE_HOLDER_POSTS and post.post != "ประธาน" and counts[post.post] > 1:
                first = next(p for p in club.posts if p.post == post.post)
                if post is not first:
                    yield Finding(post.where, f"ตำแหน่ง{post.post} มีได้ที่นั่งเดียว (พบ {counts[post.post]} รายการ)",
                                  "ลบรายการที่เกินออก หรือเปลี่ยนเป็นตำแหน่งอื่น เช่น ผู้ช่วยเลขานุการ",
                                  f"post {post.post} may have one seat only",
                                  related=((first.where.line, first.where.column),))


@rule("club.one-president", Severity.ERROR,
      "คณะกรรมการมีตำแหน่งประธานหนึ่งตำแหน่งพอดี")
def exactly_one_president(ctx: Context):
    """A committee has exactly one ประธาน seat."""
    for club, *_ in _clubs(ctx):
        seats = [p for p in club.posts if p.post == "ประธาน"]
        if len(seats) != 1:
            where = seats[1].where if len(seats) > 1 else club.where
            yield Finding(where, f"คณะกรรมการ{club.name} มีตำแหน่งประธาน {len(seats)} ที่นั่ง (ต้องมี 1)",
                          "ใส่ `- post: ประธาน` หนึ่งรายการ (ถ้ายังไม่มีผู้ดำรงตำแหน่ง ใส่ `vacant: true`)",
                          f"{len(seats)} president seats; exactly one expected")


@rule("club.usual-posts", Severity.WARNING,
      "มีตำแหน่งหลัก (ประธาน รองประธาน เลขานุการ เหรัญญิก) ครบ โดยมีผู้ดำรงตำแหน่งหรือระบุว่าว่าง")
def usual_posts_listed(ctx: Context):
    """The usual posts (ประธาน, รองประธาน, เลขานุการ, เหรัญญิก) are listed, filled or declared vacant."""
    for club, *_ in _clubs(ctx):
        listed = {p.post for p in club.posts}
        for post in USUAL_POSTS:
            if post not in listed and post != "ประธาน":  # a missing ประธาน is club.one-president
                yield Finding(club.where, f"ไม่มีตำแหน่ง{post} ในคณะกรรมการ{club.name}",
                              f"เพิ่ม `- post: {post}` พร้อม holder หรือ `vacant: true` ถ้ายังว่าง",
                              f"usual post {post} is not listed")


@rule("club.vacant-post", Severity.WARNING,
      "ตำแหน่งในคณะกรรมการที่ระบุว่าว่าง (แสดงในหน้าสถานะการรายงานจนกว่าจะมีผู้ดำรงตำแหน่ง)")
def post_vacant(ctx: Context):
    """A committee seat is declared vacant (shown on the dashboard until filled)."""
    for club, *_ in _clubs(ctx):
        for post in club.posts:
            if post.vacant and not post.holder_id:
                yield Finding(post.where, f"ตำแหน่ง{post.post} ว่าง", "เมื่อแต่งตั้งแล้ว ใส่ `holder:` และลบ `vacant: true`",
                              f"post {post.post} is vacant")


@rule("club.holder-not-in-roster", Severity.WARNING,
      "ผู้ดำรงตำแหน่งในชมรมมีรายชื่อในทำเนียบ (ชมรมอำเภอ: ทำเนียบของอำเภอ; ชมรมจังหวัด: ทำเนียบอำเภอใดก็ได้ในจังหวัด)")
def holder_in_roster(ctx: Context):
    """A post holder's id is found in the roster (district club) or any roster of the province (province club)."""
    for club, people, label, _, roster_loaded in _clubs(ctx):
        for post in club.posts:
            if roster_loaded and post.holder_id and post.holder_id not in people:
                yield Finding(post.where, f"ผู้ดำรงตำแหน่ง{post.post} รหัส `{post.holder_id}` ไม่อยู่ในทำเนียบ{label}",
                              "ตรวจรหัสบุคคล หรือเพิ่มบุคคลนี้ใน roster.yaml ก่อน", f"holder `{post.holder_id}` not in roster")


@rule("club.holder-twice", Severity.WARNING,
      "หนึ่งคนดำรงตำแหน่งในคณะกรรมการได้ตำแหน่งเดียว")
def one_post_per_person(ctx: Context):
    """One person holds one committee seat."""
    for club, people, *_ in _clubs(ctx):
        first: dict[str, object] = {}
        for post in club.posts:
            if not post.holder_id:
                continue
            if post.holder_id in first:
                other = first[post.holder_id]
                who = people[post.holder_id].name if post.holder_id in people else post.holder_id
                yield Finding(post.where, f"{who} ดำรงตำแหน่ง{other.post}อยู่แล้ว และยังอยู่ในตำแหน่ง{post.post}",
                              "หนึ่งคนควรมีตำแหน่งเดียว ตรวจรหัสบุคคล", "person holds two seats",
                              related=((other.where.line, other.where.column),))
            else:
                first[post.holder_id] = post


@rule("club.registration-number", Severity.ERROR,
      "สมาคมที่จดทะเบียนแล้วระบุเลขทะเบียน")
def association_has_registration(ctx: Context):
    """A registered association (สมาคม) gives its registration number."""
    for club, *_ in _clubs(ctx):
        if club.kind == "สมาคม" and not club.registration_no:
            yield Finding(club.where, f"{club.name} เป็นสมาคมแต่ไม่มีเลขทะเบียน",
                          "เพิ่ม `registration_no: \"...\"` หรือเปลี่ยน kind เป็น ชมรม",
                          "an association needs registration_no")


def _deadline(province):
    current = province.current_round
    return current.deadline if current else None


@rule("club.not-confirmed", Severity.WARNING,
      "อำเภอยืนยันโครงสร้างชมรมแล้ว (มี confirmed_on)")
def club_confirmed(ctx: Context):
    """The district has confirmed its club structure (confirmed_on is set)."""
    for club, _, label, province, _ in _clubs(ctx):
        if not club.confirmed_written:
            deadline = _deadline(province)
            yield Finding(club.confirmed_where, f"{label} ยังไม่ยืนยันโครงสร้างชมรม (confirmed_on ว่าง)",
                          "ตรวจคณะกรรมการให้เป็นปัจจุบัน แล้วใส่วันที่ยืนยันใน confirmed_on "
                          f"(กำหนดส่ง {thai_date(deadline, short=True)})",
                          "structure not confirmed yet")


@rule("club.confirmed-late", Severity.WARNING,
      "ชมรมยืนยันโครงสร้างภายในกำหนดส่งของรอบการรายงาน")
def club_confirmed_on_time(ctx: Context):
    """The structure was confirmed on or before the reporting round's deadline."""
    for club, _, label, province, _ in _clubs(ctx):
        deadline = _deadline(province)
        if club.confirmed_on and deadline and deadline < club.confirmed_on <= ctx.today:
            yield Finding(club.confirmed_where, f"{label} ยืนยันโครงสร้างเมื่อ {thai_date(club.confirmed_on, short=True)} "
                          f"หลังกำหนดส่ง {thai_date(deadline, short=True)}", "ข้อมูลนับเป็นการรายงานล่าช้า (ไม่ต้องแก้ไข)",
                          f"confirmed after the deadline {deadline}")


@rule("club.confirmed-in-future", Severity.ERROR,
      "วันที่ยืนยันข้อมูลชมรมต้องไม่เป็นวันในอนาคต (เทียบกับ --today)")
def club_confirmed_not_future(ctx: Context):
    """The confirmation date is not after today (see --today)."""
    for club, _, label, *_ in _clubs(ctx):
        if club.confirmed_on and club.confirmed_on > ctx.today:
            yield Finding(club.confirmed_where, f"วันที่ยืนยัน {club.confirmed_on} เป็นวันในอนาคต",
                          "ใส่วันที่ยืนยันจริง (ค.ศ.) — พ.ศ. ให้ลบ 543", "confirmation date is in the future")
