"""The validator's own words, as templates for the report pages' script (docs/assets/javascripts/report.js).

The page checks a report before it leaves the site and says what the bot would say: date problems
are core.dates.read_thai_date's messages, turned into templates by running it on sample values and
putting `{0}`, `{1}` … where the sample's parts were (so a change of wording there reaches the page
at the next build), spoken in the form's own terms: a report's dates are typed วัน/เดือน/ปี พ.ศ., so
a พ.ศ. year written the ISO way is answered in that form (`report_date`; the data files' ISO advice
is the validator's business), and no template carries Markdown backticks (a reply quotes the values
itself, the page shows text). The unknown-name, suggestion and missing-field texts below are the ones
the bot itself uses (bot/read.py person_id and intake/reportform/body.py parse import them from here),
and a name without a letter (`-`, `...`) is refused in the validator's words (core.names.NO_LETTERS).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from thamniap.core.dates import read_thai_date
from thamniap.core.digits import ascii_digits
from thamniap.core.names import FULL_TITLES, NO_LETTERS



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
        out[key] = _in_form_terms(text)
    return out


# What the validator says about the data files' ISO dates, and what a report form says instead
ISO_FORM = "(รูปแบบ ปปปป-ดด-วว)"
DATE_FORM = "(วัน/เดือน/ปี พ.ศ.)"
# a พ.ศ. year written the ISO way ({0}: the text as typed, {1}: the same day as วัน/เดือน/ปี พ.ศ.)
BUDDHIST_ISO = ("{0} เป็นปี พ.ศ. ที่เขียนแบบ ปี-เดือน-วัน", "เขียนแบบ วัน/เดือน/ปี พ.ศ. คือ {1}")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


def _in_form_terms(text: str) -> str:
    return text.replace("`", "").replace(ISO_FORM, DATE_FORM)


def date_messages() -> dict[str, dict[str, str]]:
    """Templates of every date problem a typed date can have (report_date)."""
    return {
        # {0}: the text as typed
        "date-format": _template("abc", ("abc",)),
        # {0}: the text as typed, {1}: the same day as วัน/เดือน/ปี พ.ศ.
        "buddhist-year": {"message": BUDDHIST_ISO[0], "hint": BUDDHIST_ISO[1]},
        # {0}: the text as typed, {1}: the month's Thai name, {2}: the C.E. year, {3}: its last day
        "impossible-day": _template("31/2/2567", ("31/2/2567", "กุมภาพันธ์", "2024", "29")),
        # {0}: the text as typed, {1}: the month number
        "impossible-month": _template("1/13/2567", ("1/13/2567", "13")),
    }


def report_date(value: str) -> tuple[dt.date | None, tuple[str, str] | None]:
    """A date typed into a report, as the bot and the page read it: (the day, None), or (None,
    (message, hint)) in the form's terms. `2567-02-01` is read as วัน/เดือน/ปี พ.ศ. would write it
    (1/2/2567): the advice names that form, or the problem of that day when it does not exist."""
    day, problem = read_thai_date(value)
    if problem is None:
        return day, None
    text = " ".join(ascii_digits(value).split())
    if (m := _ISO.fullmatch(text)) and int(m[1]) >= 2400:
        typed = f"{int(m[3])}/{int(m[2])}/{m[1]}"
        if read_thai_date(typed)[1] is None:
            return None, (BUDDHIST_ISO[0].format(text), BUDDHIST_ISO[1].format(text, typed))
        problem = read_thai_date(typed)[1]
    return None, (_in_form_terms(problem.message), _in_form_terms(problem.hint))


# bot/read.py person_id, the last case (no such person): {what} ผู้ดำรงตำแหน่ง, ผู้แทนชมรม …
UNKNOWN_NAME = ("ไม่พบ{what} {0} ในทำเนียบอำเภอ{1}",
                "ตรวจการสะกดชื่อกับหน้าอำเภอบนเว็บไซต์ (ชื่อเขียนติดคำนำหน้า เช่น นายสมชาย ใจดี) "
                "ถ้าเป็นคนที่ยังไม่มีในทำเนียบ ให้เพิ่มในทำเนียบก่อน (รายงาน แก้ไขรายชื่อ อช./ผู้นำ อช. หรือแบบฟอร์ม Excel ของอำเภอ)")
# bot/read.py person_id and bot/roster.py: a name made of punctuation only ({0}: the text)
NOT_A_NAME = NO_LETTERS
# bot/roster.py: a new person's name needs a title, a first name and a last name ({0}: the name as typed);
# the hint is also the page's hint under that field
NAME_PARTS = ("ชื่อ {0} ต้องมีคำนำหน้า ชื่อ และนามสกุล", "เช่น นางสมศรี ใจดี")
# bot/read.py person_id: a name not found that looks like one or two people of the district
# ({0}: the text, {marks}: "{1} ({3}) หรือ {2} ({4})": the names, then what tells each apart)
SUGGESTION = ("ไม่พบ{what} {0} ในทำเนียบอำเภอนี้ หมายถึง {marks} หรือไม่?", "แก้ชื่อให้ตรงกับทำเนียบ หรือเขียนรหัสบุคคล")
# bot/roster.py: a new ผู้นำ อช. needs the end of their term (an อช.'s empty end is 4 years on; a
# leader's term has no such default), and the report pages refuse it with the same words
LEADER_NEEDS_END = ("ผู้นำ อช. ต้องมีวันสิ้นสุดวาระ", "เช่น 30/9/2570")
END_LABEL = "วันสิ้นสุดวาระ (ผู้นำ อช. ต้องกรอก; อช. เว้นว่าง: ครบ 4 ปี)"
# bot/read.py pick_meeting and the report pages (render/reportpage.py, report.js): nominations for a
# meeting that has passed (model/rounds.py nominations_open; {0}: the meeting's title, {1}: its day)
MEETING_PASSED = ("{0} วันที่ {1} ผ่านไปแล้ว จึงส่งรายชื่อผู้แทนเข้าประชุมนี้ไม่ได้",
                  "ถ้าจังหวัดนัดประชุมครั้งใหม่ จะส่งรายชื่อได้เมื่อมีหนังสือเวียนนัดประชุม")
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
            "leader_needs_end": {"message": LEADER_NEEDS_END[0], "hint": LEADER_NEEDS_END[1]},
            "name_parts": {"message": NAME_PARTS[0], "hint": NAME_PARTS[1]},
            "suggestion": {"message": SUGGESTION[0], "hint": SUGGESTION[1]},
            "full_titles": FULL_TITLES}
