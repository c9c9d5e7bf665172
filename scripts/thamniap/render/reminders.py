"""Thai words for the districts that have not reported: their standing, the reminder to copy into
LINE, the terminal list of `thamniap status` (text and CSV) and the reminder issue of `thamniap remind`.

Who has not reported and in what order is decided in derive/dashboard.py (`not_reported`, from the
standing model/rounds.py gives); this module only words it. Text here is plain (not HTML): a page
escapes it with `h`, an issue body is Markdown written by `issue_body`.
"""
from __future__ import annotations

import csv
import io
import re

from thamniap.core.dates import thai_date
from thamniap.core.phones import format_phone
from thamniap.derive.dashboard import Waiting
from thamniap.model import District, Province
from thamniap.model.rounds import Standing, State
from thamniap.render.district import office_phone

# The hidden mark that finds a district's reminder issue again (thamniap remind): round and district.
# The state is in the mark so a run knows whether the issue already says what the standing is.
MARK = "<!-- thamniap-reminder round={round} district={district} state={state} -->"
MARK_PATTERN = re.compile(r"<!-- thamniap-reminder round=(?P<round>[\w.-]+) district=(?P<district>\d{4}) "
                          r"state=(?P<state>[a-z_]+) -->")
LABEL = "เตือนส่งรายงาน"


def standing_words(standing: Standing) -> str:
    """'เกินกำหนด 8 วัน', 'ครบกำหนดวันนี้', 'ใกล้ครบกำหนด (อีก 3 วัน)', 'ยังไม่ถึงกำหนด (อีก 19 วัน)', …"""
    state = standing.state
    if state is State.ON_TIME:
        return "ส่งทันกำหนด"
    if state is State.LATE:
        return f"ส่งล่าช้า {standing.days_late} วัน"
    if state is State.OVERDUE:
        return f"เกินกำหนด {standing.days_late} วัน"
    if state is State.DUE_SOON:
        return "ครบกำหนดวันนี้" if standing.days_left == 0 else f"ใกล้ครบกำหนด (อีก {standing.days_left} วัน)"
    if standing.days_left is not None:
        return f"ยังไม่ถึงกำหนด (อีก {standing.days_left} วัน)"
    return "ยังไม่ถึงกำหนด"


def phone_of(province: Province, district: District) -> tuple[str, bool] | None:
    """(the number as written for people, True when it is the district office's own) or None."""
    found = office_phone(province, district)
    if not found:
        return None
    number, own = found
    try:
        return format_phone(number), own
    except ValueError:
        return number, own


def reminder_text(province: Province, district: District, standing: Standing, report_url: str) -> str:
    """The message an official copies into the district's LINE group (plain text, a few short lines)."""
    rnd = standing.round
    deadline = f"ภายในวันที่ {thai_date(standing.deadline)}" if standing.deadline else "ภายในกำหนด"
    late = f" ขณะนี้{standing_words(standing)}แล้ว" if standing.state is State.OVERDUE else ""
    lines = [f"เรียน สำนักงานพัฒนาชุมชนอำเภอ{district.name}",
             f"จังหวัด{province.name}ขอให้ทบทวนโครงสร้างชมรมผู้นำ อช. ให้เป็นปัจจุบัน และรายงานจังหวัด{deadline}{late}",
             f"({rnd.title})" if rnd and rnd.title else "",
             f"รายงานได้ที่ (ใช้โทรศัพท์ได้) {report_url}" if report_url else "",
             f"ขอบคุณ — {province.office.name}" if province.office else "ขอบคุณ"]
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- thamniap status

STATUS_COLUMNS = ("รหัสอำเภอ", "อำเภอ", "สถานะ", "กำหนดส่ง", "เกินกำหนด (วัน)", "โทรศัพท์สำนักงาน", "หน้ารายงาน")


def _rows(province: Province, waiting: list[Waiting], report_urls: dict[str, str]) -> list[list[str]]:
    rows = []
    for item in waiting:
        phone = phone_of(province, item.district)
        rows.append([item.district.code, item.district.name, standing_words(item.standing),
                     thai_date(item.standing.deadline), str(item.standing.days_late or ""),
                     (phone[0] + ("" if phone[1] else " (สำนักงานจังหวัด)")) if phone else "",
                     report_urls.get(item.district.code, "")])
    return rows


def status_text(province: Province, rnd, today, waiting: list[Waiting], report_urls: dict[str, str]) -> str:
    """The terminal list: a heading line, then one line per district (overdue first)."""
    head = (f"รอบ {rnd.id}: {rnd.title} — กำหนดส่ง {thai_date(rnd.deadline)} (ข้อมูล ณ วันที่ {thai_date(today)})"
            if rnd else "ยังไม่มีรอบการรายงาน")
    if rnd is None:
        return head + "\n"
    total = len(province.districts)
    if not waiting:
        return f"{head}\nส่งรายงานครบทั้ง {total} อำเภอแล้ว\n"
    out = [head, f"ยังไม่ส่งรายงาน {len(waiting)} จาก {total} อำเภอ:"]
    for code, name, state, _, _, phone, url in _rows(province, waiting, report_urls):
        out.append(f"- {code} อำเภอ{name}: {state}" + (f" — โทร {phone}" if phone else "") + (f" — {url}" if url else ""))
    return "\n".join(out) + "\n"


def status_csv(province: Province, waiting: list[Waiting], report_urls: dict[str, str]) -> str:
    """The same list as CSV (UTF-8, header in Thai), one row per district."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STATUS_COLUMNS)
    writer.writerows(_rows(province, waiting, report_urls))
    return buffer.getvalue()


# ---------------------------------------------------------------- thamniap remind

def mentions(district: District) -> str:
    """'@loei-cdd/district-4209 @somchai': the district's maintainers (accounts or org/team), as mentions."""
    return " ".join("@" + m.strip().lstrip("@") for m in district.maintainers if m.strip())


# A reminder issue changes only when the state does (not every day), so its team is not notified daily.
STATE_WORDS = {State.NOT_YET_DUE: "ยังไม่ถึงกำหนด", State.DUE_SOON: "ใกล้ครบกำหนด", State.OVERDUE: "เกินกำหนดแล้ว"}


def issue_title(district: District, standing: Standing) -> str:
    rnd = standing.round
    return (f"อำเภอ{district.name} ยังไม่ส่งรายงานรอบ {rnd.id} (กำหนดส่ง {thai_date(standing.deadline, short=True)}) "
            f"— {STATE_WORDS.get(standing.state, '')}")


def state_comment(district: District, standing: Standing) -> str:
    """The comment when a reminder's state changes (due soon, overdue): a comment notifies the team."""
    words = ("ครบกำหนดส่งวันนี้" if standing.days_left == 0 else f"อีก {standing.days_left} วันครบกำหนดส่ง"
             if standing.state is State.DUE_SOON else f"เกินกำหนดส่งมาแล้ว {standing.days_late} วัน")
    return (f"{mentions(district)} {words} ({thai_date(standing.deadline)}) "
            f"อำเภอ{district.name}ยังไม่ได้รายงาน — โปรดรายงานตามลิงก์ในข้อความด้านบน").strip()


def issue_body(province: Province, district: District, standing: Standing, report_url: str) -> str:
    """The reminder issue's Markdown: whom it concerns, the deadline, where to report, the mark."""
    rnd = standing.round
    who = mentions(district) or "(อำเภอนี้ยังไม่มีผู้ดูแลข้อมูลใน district.yaml: จังหวัดโปรดแจ้งทางโทรศัพท์)"
    phone = phone_of(province, district)
    lines = [who, "",
             f"สำนักงานพัฒนาชุมชนอำเภอ{district.name}ยังไม่ได้รายงานโครงสร้างชมรมผู้นำ อช. รอบ **{rnd.id}** ({rnd.title})", "",
             f"- กำหนดส่ง: **{thai_date(standing.deadline)}** — {STATE_WORDS.get(standing.state, '')}",
             f"- รายงานได้ที่: {report_url}" if report_url else None,
             f"- โทรศัพท์สำนักงานอำเภอ: {phone[0]}" if phone and phone[1] else None, "",
             "ระบบแจ้งอีกครั้งเมื่อใกล้ครบกำหนดและเมื่อเกินกำหนด และปิดเรื่องนี้เองเมื่อรายงานของอำเภอรวมเข้าข้อมูลแล้ว "
             "อำเภอไม่ต้องตอบในเรื่องนี้", "",
             MARK.format(round=rnd.id, district=district.code, state=standing.state.value)]
    return "\n".join(line for line in lines if line is not None) + "\n"


def closing_note(district: District, standing: Standing) -> str:
    """The comment left when a reminder closes because the report is in the data."""
    if standing.round is None or not standing.reported:
        return f"ปิดเรื่องนี้ เพราะรอบการรายงานนี้ไม่ใช่รอบปัจจุบันแล้ว (อำเภอ{district.name})"
    return (f"ได้รับรายงานของอำเภอ{district.name} รอบ {standing.round.id} แล้ว "
            f"(ยืนยันเมื่อ {thai_date(standing.confirmed_on)} — {standing_words(standing)}) ปิดเรื่องนี้ ขอบคุณ")
