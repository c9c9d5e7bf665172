"""The iCalendar file (RFC 5545) of a province's rounds and meetings, for officials' phone calendars.

One event per round's deadline (an all-day event, with an alarm three days before) and one per
meeting (at its time, Asia/Bangkok). Everything in it comes from the data, DTSTAMP too (the round's
opening day, the meeting's day), so two builds of the same data give the same bytes and an event's
UID never changes: a phone that subscribed updates the event instead of adding a second one.
"""
from __future__ import annotations

import datetime as dt
import re

from thamniap.core.national_id import mask_national_ids
from thamniap.model import Meeting, Province, Round

TZID = "Asia/Bangkok"
LINE_OCTETS = 75
ALARM_BEFORE = "-P3D"
# Thailand has kept UTC+7 without daylight saving since 1920: one STANDARD rule is the whole zone.
VTIMEZONE = ["BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
             "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:ICT", "END:STANDARD", "END:VTIMEZONE"]
_TIME = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


def calendar_rel(province: Province) -> str:
    """Where the file is in the site (beside the province's other downloads)."""
    return f"downloads/{province.folder.name}/calendar.ics"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped; IDs masked."""
    text = mask_national_ids(value or "")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """One content line folded at 75 octets (§3.1): the next part starts with a space; a UTF-8
    character (a Thai letter is three octets) is never split."""
    parts, current, size = [], "", 0
    limit = LINE_OCTETS
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            parts.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1     # the leading space counts
        current += char
        size += n
    parts.append(current)
    return "\r\n ".join(parts)


def _day(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _stamp(day: dt.date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def _round_event(province: Province, rnd: Round, url: str) -> list[str]:
    deadline = rnd.deadline
    lines = ["BEGIN:VEVENT", f"UID:{rnd.id}-deadline@{province.folder.name}.thamniap",
             f"DTSTAMP:{_stamp(rnd.opens or deadline)}",
             f"DTSTART;VALUE=DATE:{_day(deadline)}", f"DTEND;VALUE=DATE:{_day(deadline + dt.timedelta(days=1))}",
             f"SUMMARY:{escape_text('กำหนดส่งรายงานโครงสร้างชมรมผู้นำ อช. ต่อจังหวัด' + province.name)}",
             f"DESCRIPTION:{escape_text(f'{rnd.title} (รอบ {rnd.id}) รายงานได้ที่ {url}' if url else f'{rnd.title} (รอบ {rnd.id})')}",
             "TRANSP:TRANSPARENT"]
    if url:
        lines.append(f"URL:{url}")
    lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{ALARM_BEFORE}",
              f"DESCRIPTION:{escape_text('อีก 3 วันครบกำหนดส่งรายงานโครงสร้างชมรมผู้นำ อช.')}", "END:VALARM",
              "END:VEVENT"]
    return lines


def _meeting_event(province: Province, meeting: Meeting) -> list[str]:
    time = _TIME.fullmatch((meeting.time or "").strip())
    start = (f"DTSTART;TZID={TZID}:{_day(meeting.date)}T{int(time[1]):02d}{time[2]}00" if time
             else f"DTSTART;VALUE=DATE:{_day(meeting.date)}")
    who = f"ผู้แทนชมรม อำเภอละ {meeting.representatives} คน และเจ้าหน้าที่ผู้รับผิดชอบงาน อช. {meeting.officials} คน"
    lines = ["BEGIN:VEVENT", f"UID:{meeting.id}-meeting@{province.folder.name}.thamniap",
             f"DTSTAMP:{_stamp(meeting.date)}", start,
             f"SUMMARY:{escape_text(meeting.title)}", f"DESCRIPTION:{escape_text(who)}"]
    if meeting.place:
        lines.append(f"LOCATION:{escape_text(meeting.place)}")
    return lines + ["END:VEVENT"]


def rounds_calendar(province: Province, report_url: str = "") -> str:
    """The .ics text (CRLF line ends) of every round with a deadline and every dated meeting of
    PROVINCE, in file order; REPORT_URL: where districts report (the chooser page), or ""."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//thamniap//Thamniap Or Chor//TH", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(f'กำหนดส่งรายงานและการประชุม อช. จังหวัด{province.name}')}",
             f"X-WR-TIMEZONE:{TZID}", *VTIMEZONE]
    for rnd in province.rounds:
        if rnd.deadline:
            lines += _round_event(province, rnd, report_url)
    for meeting in province.meetings:
        if meeting.date:
            lines += _meeting_event(province, meeting)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
