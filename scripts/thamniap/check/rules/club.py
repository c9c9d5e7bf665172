"""Rules about a club's committee, registration and its confirmation (the district's report)."""
from __future__ import annotations

from collections import Counter

from thamniap.core.dates import thai_date
from thamniap.core.diagnostics import Severity
from thamniap.model import rounds
from thamniap.model.rounds import State
from thamniap.model import SINGLE_HOLDER_POSTS, USUAL_POSTS, Club, Where, is_person_id, next_free_id, resolve_person
from thamniap.check.references import not_an_id, where_en, where_th
from thamniap.check.rules import Context, Finding, rule, repeats


def _clubs(ctx: Context):
    """(club, people it may draw holders from, label) for the province club and each checked district."""
    for province in ctx.provinces:
        if province.club and ctx.focus is None:
            complete = all(d.roster_complete for d in province.districts)
            yield province.club, province.person_index(), f"จังหวัด{province.name}", province, complete
    for province, district in ctx.districts():
        if district.club:
            people = {p.id: p for p in [*district.officials, *district.people()]}
            yield district.club, people, f"อำเภอ{district.name}", province, district.roster_complete


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
                              f"seat {post.post} " + ("has both holder and vacant: true" if both else "has no holder and is not marked vacant"),
                              "write either `holder: person-id` or `vacant: true`, not both")


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
                                  f"post {post.post} may have one seat only ({counts[post.post]} found)",
                                  "delete the extra items, or change them to another post, e.g. `ผู้ช่วยเลขานุการ` (assistant secretary)",
                                  related=((first.where.line, first.where.column),))


@rule("club.one-president", Severity.ERROR,
      "คณะกรรมการมีตำแหน่งประธานหนึ่งตำแหน่งพอดี")
def exactly_one_president(ctx: Context):
    """A committee has exactly one ประธาน seat."""
    for club, *_ in _clubs(ctx):
        seats = [p for p in club.posts if p.post == "ประธาน"]
        if len(seats) > 1 or not seats and club.complete:   # a seat left out may be the ประธาน
            where = seats[1].where if len(seats) > 1 else club.where
            yield Finding(where, f"คณะกรรมการ{club.name} มีตำแหน่งประธาน {len(seats)} ที่นั่ง (ต้องมี 1)",
                          "ใส่ `- post: ประธาน` หนึ่งรายการ (ถ้ายังไม่มีผู้ดำรงตำแหน่ง ใส่ `vacant: true`)",
                          f"the committee of {club.name} has {len(seats)} president (ประธาน) seats; exactly one expected",
                          "write one `- post: ประธาน` item (with `vacant: true` if nobody holds it yet)")


@rule("club.usual-posts", Severity.WARNING,
      "มีตำแหน่งหลัก (ประธาน รองประธาน เลขานุการ เหรัญญิก) ครบ โดยมีผู้ดำรงตำแหน่งหรือระบุว่าว่าง")
def usual_posts_listed(ctx: Context):
    """The usual posts (ประธาน, รองประธาน, เลขานุการ, เหรัญญิก) are listed, filled or declared vacant."""
    for club, *_ in _clubs(ctx):
        listed = {p.post for p in club.posts}
        for post in USUAL_POSTS if club.complete else ():
            if post not in listed and post != "ประธาน":  # a missing ประธาน is club.one-president
                yield Finding(club.where, f"ไม่มีตำแหน่ง{post} ในคณะกรรมการ{club.name}",
                              f"เพิ่ม `- post: {post}` พร้อม holder หรือ `vacant: true` ถ้ายังว่าง",
                              f"usual post {post} is not listed in the committee of {club.name}",
                              f"add `- post: {post}` with a holder, or `vacant: true` if it is vacant")


@rule("club.vacant-post", Severity.WARNING,
      "ตำแหน่งในคณะกรรมการที่ระบุว่าว่าง (แสดงในหน้าสถานะการรายงานจนกว่าจะมีผู้ดำรงตำแหน่ง)")
def post_vacant(ctx: Context):
    """A committee seat is declared vacant (shown on the dashboard until filled)."""
    for club, *_ in _clubs(ctx):
        for post in club.posts:
            if post.vacant and not post.holder_id:
                yield Finding(post.where, f"ตำแหน่ง{post.post} ว่าง", "เมื่อแต่งตั้งแล้ว ใส่ `holder:` และลบ `vacant: true`",
                              f"post {post.post} is vacant", "once someone is appointed, write `holder:` and delete `vacant: true`")


@rule("club.holder-not-in-roster", Severity.ERROR,
      "ผู้ดำรงตำแหน่งในชมรมเป็นรหัสบุคคลที่มีในทำเนียบ (ชมรมอำเภอ: ทำเนียบของอำเภอ; ชมรมจังหวัด: ทำเนียบอำเภอใดก็ได้ในจังหวัด) "
      "ถ้าพิมพ์ชื่อแทนรหัส คำแนะนำบอกรหัสของชื่อนั้น")
def holder_in_roster(ctx: Context):
    """A seat's holder is the id of someone in the roster (district club) or any roster of the province (province club)."""
    for club, people, label, province, roster_loaded in _clubs(ctx):
        for post in club.posts:
            holder = post.holder_id
            seat_th, seat_en = f"ตำแหน่ง{post.post} ใน {where_th(post.where)}", f"seat {post.post}, {where_en(post.where)}"
            if holder in people and not people[holder].serving:
                yield _holder_left(post, people[holder], seat_th, seat_en)
                continue
            if (not holder or holder in people or holder in province.left_out_ids()
                    or (roster_loaded is False and is_person_id(holder))):
                continue
            if not is_person_id(holder):
                # a district club's new person gets the district's next id; the province club's, their own district's
                prefix = "" if club is province.club else next((p.district_code for p in people.values()), "")
                found = resolve_person(people.values(), holder)
                message, hint, message_en, hint_en = not_an_id(
                    found, f"ผู้ดำรงตำแหน่ง{post.post}", f"the holder of {post.post}", "holder:",
                    f"ทำเนียบ{label}", next_free_id(province, prefix) if prefix else "")
                yield Finding(post.holder_where or post.where, message, hint, message_en, hint_en)
                continue
            yield Finding(post.holder_where or post.where, f"{seat_th}: ผู้ดำรงตำแหน่งรหัส `{holder}` ไม่อยู่ในทำเนียบ{label}",
                          "ถ้าพิมพ์รหัสผิด ให้แก้เป็นรหัสจากทำเนียบ (หน้าอำเภอบนเว็บไซต์แสดงรหัสหลังชื่อแต่ละคน) "
                          "ถ้าลบบุคคลนี้ออกจากทำเนียบ ให้แก้ตำแหน่งนี้ใน pull request เดียวกัน: "
                          "ใส่รหัสผู้ดำรงตำแหน่งคนใหม่ที่ `holder:` หรือลบ `holder:` แล้วเขียน `vacant: true`",
                          f"{seat_en}: holder `{holder}` is not in the roster",
                          "if the id is mistyped, use the id from the roster (the district page shows it after each "
                          "name); if this person was removed from the roster, update this seat in the same pull "
                          "request: the new holder's id in `holder:`, or delete `holder:` and write `vacant: true`")


def _holder_left(post, person, seat_th: str, seat_en: str) -> Finding:
    """A holder who has left every role (end_reason): the seat to update in the same pull request."""
    reasons = ", ".join(dict.fromkeys(r.end_reason for r in person.roles if r.end_reason))
    return Finding(post.holder_where or post.where,
                   f"{seat_th}: {person.name} (`{person.id}`) พ้นจากทุกบทบาทในทำเนียบแล้ว ({reasons})",
                   "แก้ตำแหน่งนี้ใน pull request เดียวกัน: ใส่รหัสผู้ดำรงตำแหน่งคนใหม่ที่ `holder:` "
                   "หรือลบ `holder:` แล้วเขียน `vacant: true`",
                   f"{seat_en}: {person.name} (`{person.id}`) has left every role in the roster ({reasons})",
                   "update this seat in the same pull request: the new holder's id in `holder:`, "
                   "or delete `holder:` and write `vacant: true`")


@rule("club.holder-twice", Severity.WARNING,
      "หนึ่งคนดำรงตำแหน่งในคณะกรรมการได้ตำแหน่งเดียว")
def one_post_per_person(ctx: Context):
    """One person holds one committee seat."""
    for club, people, *_ in _clubs(ctx):
        for post, other in repeats(club.posts, lambda p: p.holder_id or None):
            who = people[post.holder_id].name if post.holder_id in people else post.holder_id
            yield Finding(post.where, f"{who} ดำรงตำแหน่ง{other.post}อยู่แล้ว และยังอยู่ในตำแหน่ง{post.post}",
                          "หนึ่งคนควรมีตำแหน่งเดียว ตรวจรหัสบุคคล",
                          f"{who} already holds {other.post} and also holds {post.post}",
                          "one person should hold one seat; check the person ids",
                          related=((other.where.line, other.where.column),))


@rule("club.registration-number", Severity.ERROR,
      "สมาคมที่จดทะเบียนแล้วระบุเลขทะเบียน")
def association_has_registration(ctx: Context):
    """A registered association (สมาคม) gives its registration number."""
    for club, *_ in _clubs(ctx):
        if club.kind == "สมาคม" and not club.registration_no:
            yield Finding(club.where, f"{club.name} เป็นสมาคมแต่ไม่มีเลขทะเบียน",
                          "เพิ่ม `registration_no: \"...\"` หรือเปลี่ยน kind เป็น ชมรม",
                          f"{club.name} is an association but has no registration number",
                          "add `registration_no: \"...\"`, or change kind to ชมรม (club)")


# A confirmation dated this long after its round's deadline belongs to another round (warning).
LONG_AFTER_DEADLINE_DAYS = 365


def _round_ids(province) -> str:
    return ", ".join(r.id for r in province.rounds) or "-"


def _confirm_example(round_id: str) -> str:
    return f"`- round: {round_id}` และ `date: วันที่ยืนยัน (ค.ศ.)` ใต้ `confirmations:`"


@rule("club.not-confirmed", Severity.WARNING,
      "อำเภอยืนยันโครงสร้างชมรมในรอบการรายงานปัจจุบันแล้ว (มีรายการของรอบนี้ใน `confirmations`)")
def club_confirmed(ctx: Context):
    """The club has a confirmation for the current reporting round (the latest to have opened)."""
    for club, _, label, province, _ in _clubs(ctx):
        standing = rounds.standing_now(province, club, ctx.today)
        current = standing.round
        # a round that has not opened asks nothing yet; a confirmation dated after today is club.confirmed-in-future
        if not standing.opened or standing.reported or club.confirmation(current.id):
            continue
        if any(c.round is None for c in club.confirmations):
            continue   # an old `confirmed_on`: schema.replaced-key already says what to write
        deadline = f" (กำหนดส่ง {thai_date(current.deadline, short=True)})" if current.deadline else ""
        yield Finding(club.confirmed_where, f"{label} ยังไม่ยืนยันโครงสร้างชมรมในรอบ {current.id}",
                      f"ตรวจคณะกรรมการให้เป็นปัจจุบัน แล้วเพิ่ม {_confirm_example(current.id)}{deadline}",
                      f"not confirmed in round {current.id}",
                      f"add `- round: {current.id}` and `date: YYYY-MM-DD` under `confirmations:`")


@rule("club.confirmed-late", Severity.WARNING,
      "ชมรมยืนยันโครงสร้างภายในกำหนดส่งของรอบการรายงานปัจจุบัน")
def club_confirmed_on_time(ctx: Context):
    """The confirmation for the current round is on or before that round's deadline."""
    for club, _, label, province, _ in _clubs(ctx):
        standing = rounds.standing_now(province, club, ctx.today)
        if standing.state is State.LATE:
            current, found, deadline = standing.round, club.confirmation(standing.round.id), standing.deadline
            yield Finding(found.where, f"{label} ยืนยันโครงสร้างรอบ {current.id} เมื่อ {thai_date(found.date, short=True)} "
                          f"หลังกำหนดส่ง {thai_date(deadline, short=True)}", "ข้อมูลนับเป็นการรายงานล่าช้า (ไม่ต้องแก้ไข)",
                          f"confirmed after the deadline {deadline}", "counted as a late report (nothing to fix)")


@rule("club.confirmed-in-future", Severity.ERROR,
      "วันที่ยืนยันข้อมูลชมรมต้องไม่เป็นวันในอนาคต (เทียบกับ --today)")
def club_confirmed_not_future(ctx: Context):
    """No confirmation date is after today (see --today)."""
    for club, *_ in _clubs(ctx):
        for found in club.confirmations:
            if found.date and found.date > ctx.today:
                yield Finding(found.where, f"วันที่ยืนยัน {found.date} เป็นวันในอนาคต",
                              "ใส่วันที่ยืนยันจริง (ค.ศ.) — พ.ศ. ให้ลบ 543", "confirmation date is in the future",
                              "write the real date (CE; subtract 543 from a B.E. year)")


@rule("club.unknown-round", Severity.ERROR,
      "รหัสรอบใน `confirmations` ต้องเป็นรอบที่มีใน province.yaml (`rounds:`)")
def confirmation_round_exists(ctx: Context):
    """Each confirmation names a round listed in the province's province.yaml."""
    for club, _, _, province, _ in _clubs(ctx):
        ids = {r.id for r in province.rounds}
        for found in club.confirmations:
            if found.round is not None and found.round not in ids:
                yield Finding(found.where, f"ไม่มีรอบการรายงาน `{found.round}` ใน province.yaml",
                              f"ใช้รหัสรอบที่มี: {_round_ids(province)}",
                              f"no reporting round `{found.round}` in province.yaml",
                              f"round ids: {_round_ids(province)}")


@rule("club.duplicate-round", Severity.ERROR,
      "ยืนยันได้รอบละหนึ่งรายการใน `confirmations`")
def confirmation_once_per_round(ctx: Context):
    """A club confirms each round at most once."""
    for club, *_ in _clubs(ctx):
        for found, first in repeats(club.confirmations, lambda c: c.round):
            yield Finding(found.where, f"ยืนยันรอบ {found.round} ซ้ำ (มีรายการของรอบนี้อยู่แล้ว)",
                          "เก็บไว้รายการเดียว: แก้วันที่ในรายการเดิมแทนการเพิ่มรายการใหม่",
                          f"round {found.round} confirmed twice", "keep one item: change the date of the first one",
                          related=((first.where.line, first.where.column),))


@rule("club.confirmed-outside-round", Severity.WARNING,
      f"วันที่ยืนยันอยู่ในช่วงของรอบนั้น: ไม่ก่อนวันเริ่มรอบ และไม่หลังรอบถัดไปเริ่มหรือเกิน {LONG_AFTER_DEADLINE_DAYS} วันหลังกำหนดส่ง")
def confirmation_within_round(ctx: Context):
    """A confirmation is dated within its round: not before it opens, nor after a later round opened
    or long after its deadline."""
    for club, _, _, province, _ in _clubs(ctx):
        rounds = {r.id: r for r in province.rounds}
        for found in club.confirmations:
            rnd = rounds.get(found.round)
            if rnd is None or found.date is None:
                continue
            problem = _outside(rnd, found.date, province.rounds)
            if problem:
                yield Finding(found.where, f"วันที่ยืนยัน {thai_date(found.date, short=True)} {problem[0]}",
                              "ตรวจวันที่ (ค.ศ.) และรหัสรอบ: รอบที่มี " + _round_ids(province),
                              f"confirmation date {found.date} {problem[1]}", "check the date and the round id")


def _outside(rnd, day, all_rounds) -> tuple[str, str] | None:
    """(Thai, English) of why DAY lies outside round RND, or None."""
    start = rounds.round_start(rnd)
    if rnd.opens and day < rnd.opens:
        return (f"ก่อนรอบ {rnd.id} เริ่ม ({thai_date(rnd.opens, short=True)})", f"is before round {rnd.id} opens")
    later = sorted(rounds.round_start(r) for r in all_rounds if r is not rnd and rounds.round_start(r) > start)
    if later and day >= later[0]:
        return (f"หลังรอบถัดไปเริ่มแล้ว ({thai_date(later[0], short=True)}) อาจเป็นของรอบอื่น",
                f"is after the next round opened ({later[0]})")
    if rnd.deadline and (day - rnd.deadline).days > LONG_AFTER_DEADLINE_DAYS:
        return (f"หลังกำหนดส่งของรอบ {rnd.id} เกิน {LONG_AFTER_DEADLINE_DAYS} วัน",
                f"is more than {LONG_AFTER_DEADLINE_DAYS} days after the deadline of round {rnd.id}")
    return None
