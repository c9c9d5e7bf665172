"""One table of what a district types for a new person and the verdict on it, run both on the report
page in Chromium (tests/browser/test_report_page.py) and through the bot (tests/test_report_roster.py):
a test fails when the page and the bot differ (issue 19 §2)."""
from __future__ import annotations

from thamniap.intake.reportform.messages import LEADER_NEEDS_END

# (case id, role, village number or "", end date as typed, the verdict's message or None: accepted)
NEW_PERSON_END = [
    ("leader-without-end", "ผู้นำ อช.", "", "", LEADER_NEEDS_END),
    ("leader-with-end", "ผู้นำ อช.", "", "30/9/2570", None),
    ("volunteer-without-end", "อช.", "1", "", None),        # 4 years less a day, on both sides
]

# A new person's start date as typed: the verdict is messages.report_date's words on both sides (a พ.ศ.
# year written the ISO way is answered as วัน/เดือน/ปี พ.ศ., no Markdown backticks); None: accepted
NEW_PERSON_START = [
    ("buddhist-year-iso", "2567-02-01", False),
    ("impossible-day-in-buddhist-iso", "2567-02-30", False),
    ("impossible-day", "31/2/2567", False),
    ("thai-digits", "๑/๒/๒๕๖๗", True),
]

# A new person's name as typed and the name the roster gets (None: refused with messages.NAME_PARTS)
NEW_PERSON_NAME = [
    ("short-title", "น.ส.สมใจ ตารางเดียว", "นางสาวสมใจ ตารางเดียว"),
    ("title-then-space", "นาย สมใจ ตารางเดียว", "นายสมใจ ตารางเดียว"),
    ("no-title", "สมใจ ตารางเดียว", None),
    ("no-last-name", "นางสมใจ", None),
]

# A nominee's name that names no one: the bot's words (bot/read.py person_id), with the people it may
# mean ("หมายถึง …?"), or messages.UNKNOWN_NAME when no one is close
NOMINEE_NAME = [
    ("misspelled", "นายสมชาย จันทร์หอมสุวรรณศี", ["นายสมชาย จันทร์หอมสุวรรณศรี"]),
    ("last-name-only", "สุขสวัสดิ์พันธ์ดี", ["นางสาวแสงเดือน สุขสวัสดิ์พันธ์ดี"]),
    ("no-one-close", "นายไม่มี ในทำเนียบเลย", []),
]
