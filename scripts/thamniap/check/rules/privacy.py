"""Privacy rules (PDPA): no national ID numbers anywhere, personal phones only with recorded consent and
never in free text."""
from __future__ import annotations

from thamniap.core.national_id import find_national_ids
from thamniap.core.phones import CONSENT_EXAMPLE_EN, CONSENT_EXAMPLE_TH, find_phone_numbers, normalise_phone
from thamniap.core.diagnostics import Severity
from thamniap.model import Where
from thamniap.check.rules import Context, Finding, rule


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@rule("privacy.national-id", Severity.ERROR,
      "ไม่มีเลขประจำตัวประชาชน (13 หลัก เลขตรวจสอบถูกต้อง) ที่ใดในไฟล์ รวมถึงในหมายเหตุ")
def no_national_id(ctx: Context):
    """No Thai national ID number (13 digits, valid check digit) appears anywhere in a file, comments included."""
    for path, text in ctx.texts.items():
        for start, _end, masked in find_national_ids(text):
            line, col = line_col(text, start)
            yield Finding(Where(path, line, col), f"พบเลขที่มีรูปแบบเลขประจำตัวประชาชน `{masked}`",
                          "ลบเลขนี้ออก (รวมถึงในหมายเหตุ #) — ทำเนียบเผยแพร่ต่อสาธารณะ ห้ามมีเลขประจำตัวประชาชน "
                          "และหากเคย commit ไปแล้ว ให้แจ้งผู้ดูแลจังหวัดเพื่อลบออกจากประวัติ git",
                          f"a national ID number `{masked}` is in the file", "remove it; tell the province maintainers if it was committed")


@rule("privacy.phone-without-consent", Severity.ERROR,
      "โทรศัพท์ส่วนตัวเผยแพร่ได้เมื่อบันทึกความยินยอมไว้แล้ว (phone_consent)")
def phone_has_consent(ctx: Context):
    """A personal phone number is published only with a recorded consent (phone_consent)."""
    for _, district in ctx.districts():
        for person in district.people():
            if person.phone and person.consent_date is None:
                yield Finding(person.where, f"มีโทรศัพท์ส่วนตัวของ {person.name} แต่ไม่มีบันทึกความยินยอม",
                              f"บันทึกความยินยอม: {CONSENT_EXAMPLE_TH} หรือลบ phone ออก — หน้าเว็บจะแสดงเบอร์สำนักงานแทน",
                              f"{person.name} has a personal phone but no recorded consent",
                              f"record the consent: {CONSENT_EXAMPLE_EN}; or delete phone (the page then shows "
                              "the office number)")


def _national_number(phone) -> str | None:
    try:
        return normalise_phone(phone) if isinstance(phone, str) else None
    except ValueError:
        return None


def _office_numbers(ctx: Context) -> set[str]:
    """Every office and work number the data lists (offices, officials): public, so a note may name them."""
    numbers = set()
    for province in ctx.provinces:
        holders = [province, *province.districts]
        phones = [h.office.phone for h in holders if h.office]
        phones += [p.work_phone for h in holders for p in h.officials]
        numbers |= {_national_number(phone) for phone in phones} - {None}
    return numbers


def _free_texts(ctx: Context):
    """(where, what it is in Thai, in English, text) of every free-text value people are written about in."""
    for province in ctx.provinces:
        clubs = [(province.club, f"จังหวัด{province.name}")] if province.club and ctx.focus is None else []
        people = list(province.officials) if ctx.focus is None else []
        for in_province, district in ctx.districts():
            if in_province is province:
                clubs += [(district.club, f"อำเภอ{district.name}")] if district.club else []
                people += [*district.officials, *district.people()]
        for club, area in clubs:
            yield (club.where, f"เลขที่คำสั่งแต่งตั้งคณะกรรมการชมรม{area}",
                   f"the committee's appointment order number ({area})", club.order_no)
            yield (club.where, f"ผู้ออกคำสั่งแต่งตั้งคณะกรรมการชมรม{area}",
                   f"who signed the committee's appointment order ({area})", club.order_by)
            for post in club.posts:
                yield (post.where, f"หมายเหตุของตำแหน่ง{post.post} ชมรม{area}",
                       f"the note of the seat {post.post} ({area})", post.note)
                yield (post.where, f"เลขที่คำสั่งแต่งตั้งตำแหน่ง{post.post} ชมรม{area}",
                       f"the appointment order number of the seat {post.post} ({area})", post.order_no)
                yield (post.where, f"ผู้ออกคำสั่งแต่งตั้งตำแหน่ง{post.post} ชมรม{area}",
                       f"who signed the appointment order of the seat {post.post} ({area})", post.order_by)
        for person in people:
            yield person.where, f"หมายเหตุของ {person.name}", f"the note of {person.name}", person.note
            yield (person.where, f"วิธีให้ความยินยอมของ {person.name}", f"how {person.name} gave consent",
                   person.consent_method)
            for role in person.roles:
                yield (role.where, f"รายละเอียดเหตุที่พ้นจากตำแหน่งของ {person.name}",
                       f"the note on why {person.name} left", role.end_note)


@rule("privacy.phone-in-free-text", Severity.ERROR,
      "ไม่มีหมายเลขโทรศัพท์ส่วนตัวในหมายเหตุ รายละเอียดเหตุที่พ้นจากตำแหน่ง หรือข้อมูลคำสั่งแต่งตั้ง")
def no_phone_in_free_text(ctx: Context):
    """No personal phone number (any spelling) in a note, an end note or an appointment order's fields."""
    offices = None
    for where, what, what_en, text in _free_texts(ctx):
        if not isinstance(text, str):
            continue
        spans = find_phone_numbers(text)
        if not spans:
            continue
        if offices is None:
            offices = _office_numbers(ctx)
        if all(_national_number(text[a:b]) in offices for a, b in spans):
            continue            # the office's own number, listed in the data anyway
        yield Finding(where, f"{what} มีหมายเลขโทรศัพท์ (ไม่แสดงเลขนั้นซ้ำ) ข้อความนี้เผยแพร่ต่อสาธารณะ",
                      "ลบหมายเลขโทรศัพท์ออกจากข้อความนี้ — โทรศัพท์ส่วนตัวใส่ได้เฉพาะในช่องโทรศัพท์ส่วนตัว "
                      "เมื่อเจ้าของยินยอมและบันทึกความยินยอมไว้แล้ว ส่วนเบอร์สำนักงานให้ใส่ในข้อมูลสำนักงาน",
                      f"{what_en} holds a phone number (not repeated here); this text is public",
                      "remove the number: a personal phone goes only in the person's phone field, with a recorded "
                      "consent; an office number goes in the office's details")
