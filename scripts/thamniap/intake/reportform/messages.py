"""The validator's own words, as templates for the report pages' script (docs/assets/javascripts/report.js).

The page checks a report before it leaves the site and says what the bot would say: date problems
are core.dates.read_thai_date's messages, turned into templates by running it on sample values and
putting `{0}`, `{1}` … where the sample's parts were (so a change of wording there reaches the page
at the next build); the unknown-name and missing-field texts below are the ones the bot itself uses
(bot/read.py person_id and intake/reportform/body.py parse import them from here), and a name
without a letter (`-`, `...`) is refused in the validator's words (core.names.NO_LETTERS).
"""
from __future__ import annotations

from dataclasses import dataclass

from thamniap.core.dates import read_thai_date
from thamniap.core.names import NO_LETTERS



@dataclass(frozen=True)
class Note:
    """One problem (or remark) about a report. MESSAGE and HINT are our Thai words, in which `{0}`,
    `{1}` … stand for VALUES (raw text from the issue or the data), quoted only when rendered."""
    message: str
    values: tuple[str, ...] = ()
    hint: str = ""
    field: str | None = None       # the label of the form field it is about
    detail: str = ""               # for the province's maintainers only (file, line, rule): shown collapsed

def _template(value: str, parts: tuple[str, ...]) -> dict[str, str]:
    """read_thai_date(VALUE)'s message and hint with each of PARTS replaced by {0}, {1} …"""
    _, problem = read_thai_date(value)
    assert problem is not None, value
    out = {}
    for key, text in (("message", problem.message), ("hint", problem.hint)):
        for i, part in enumerate(parts):
            text = text.replace(part, "{" + str(i) + "}")
        out[key] = text
    return out


def date_messages() -> dict[str, dict[str, str]]:
    """Templates of every date problem a typed date can have (read_thai_date)."""
    return {
        # {0}: the text as typed
        "date-format": _template("abc", ("abc",)),
        # {0}: the C.E. date, {1}: the ISO form as read (two-digit month and day), {2}: the B.E. year
        "buddhist-year": _template("2567-01-20", ("2024-01-20", "2567-01-20", "2567")),
        # {0}: the text as typed, {1}: the month's Thai name, {2}: the C.E. year, {3}: its last day
        "impossible-day": _template("31/2/2567", ("31/2/2567", "กุมภาพันธ์", "2024", "29")),
        # {0}: the text as typed, {1}: the month number
        "impossible-month": _template("1/13/2567", ("1/13/2567", "13")),
    }


# bot/read.py person_id, the last case (no such person): {what} ผู้ดำรงตำแหน่ง, ผู้แทนชมรม …
UNKNOWN_NAME = ("ไม่พบ{what} {0} ในทำเนียบอำเภอ{1}",
                "ตรวจการสะกดชื่อกับหน้าอำเภอบนเว็บไซต์ (ชื่อเขียนติดคำนำหน้า เช่น นายสมชาย ใจดี) "
                "ถ้าเป็นคนที่ยังไม่มีในทำเนียบ ให้เพิ่มในทำเนียบก่อน (รายงาน แก้ไขรายชื่อ อช./ผู้นำ อช. หรือแบบฟอร์ม Excel ของอำเภอ)")
# bot/read.py person_id and bot/roster.py: a name made of punctuation only ({0}: the text)
NOT_A_NAME = NO_LETTERS
# bot/roster.py: a new ผู้นำ อช. needs the end of their term (an อช.'s empty end is 4 years on; a
# leader's term has no such default), and the report pages refuse it with the same words
LEADER_NEEDS_END = ("ผู้นำ อช. ต้องมีวันสิ้นสุดวาระ", "เช่น 30/9/2570")
END_LABEL = "วันสิ้นสุดวาระ (ผู้นำ อช. ต้องกรอก; อช. เว้นว่าง: ครบ 4 ปี)"
# intake/reportform/body.py parse: a required field left empty ({0}: the field's description)
MISSING = ("ยังไม่ได้กรอก", "กรอกช่องนี้ ({0})", "กรอกช่องนี้")
# intake/reportform/body.py parse: a checkbox not ticked ({0}: the option)
UNTICKED = ("ยังไม่ได้เลือก {0}", "ทำเครื่องหมายในช่องนี้")


def page_messages() -> dict:
    """Everything report.js says about a value, for the page's JSON."""
    return {"date": date_messages(),
            "unknown_name": {"message": UNKNOWN_NAME[0], "hint": UNKNOWN_NAME[1]},
            "not_a_name": {"message": NOT_A_NAME[0], "hint": NOT_A_NAME[1]},
            "missing": {"message": MISSING[0], "hint": MISSING[1], "hint_plain": MISSING[2]},
            "unticked": {"message": UNTICKED[0], "hint": UNTICKED[1]},
            "leader_needs_end": {"message": LEADER_NEEDS_END[0], "hint": LEADER_NEEDS_END[1]}}
