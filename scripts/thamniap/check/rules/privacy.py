"""Privacy rules (PDPA): no national ID numbers anywhere, personal phones only with recorded consent."""
from __future__ import annotations

from thamniap.core.national_id import find_national_ids
from thamniap.core.phones import CONSENT_EXAMPLE_EN, CONSENT_EXAMPLE_TH
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
