"""A district's report for one round on paper: the attachment a district sends with its letter to the
province (Sarabun, Thai digits, พ.ศ. dates, A4; the print part of thamniap.css keeps every table row whole on a page).

It holds what the round asks: the club's committee with its appointment orders, the date the district
confirmed the structure for the round, and the people it nominated for the round's meeting.
"""
from __future__ import annotations

import datetime as dt

from thamniap.core.dates import thai_date
from thamniap.core.digits import to_thai_digits
from thamniap.model import District, Person, Province, Round, rounds
from thamniap.render.front_matter import page_file
from thamniap.render.markup import SAMPLE_NOTICE, h


def round_report_rel(district: District, rnd: Round) -> str:
    """districts/4214-nong-hin/round-2567-club-update/index.md (beside the district's subdistrict pages)."""
    return page_file(f"districts/{district.folder.name}/round-{rnd.id}")


def _t(value) -> str:
    """Escaped text with Thai digits, as an official document writes numbers."""
    return h(to_thai_digits("" if value is None else str(value)))


def _date(day: dt.date | None) -> str:
    return _t(thai_date(day)) if day else "-"


def _order(order_no: str | None, day: dt.date | None, by: str | None) -> str:
    if not order_no:
        return "-"
    return f"คำสั่งที่ {_t(order_no)} ลงวันที่ {_date(day)}" + (f" ({_t(by)})" if by else "")


def _table(heads: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{x}</th>" for x in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="tn-attach__table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _name(people: dict[str, Person], pid: str | None) -> str:
    person = people.get(pid or "")
    return _t(person.name) if person else (_t(pid) if pid else "-")


def round_report_page(province: Province, district: District, rnd: Round, today: dt.date) -> str:
    """The attachment's HTML (no front matter): heading, committee, confirmation, nominees."""
    people = province.person_index()
    club = district.club
    circular = rnd.circular
    parts = ['<article class="tn-attach" lang="th" aria-label="เอกสารแนบรายงานต่อจังหวัด">']
    if district.sample or province.sample:
        parts.append(SAMPLE_NOTICE)
    parts.append('<p class="tn-attach__label">สิ่งที่ส่งมาด้วย</p>')
    parts.append(f"<h1>รายงานโครงสร้างชมรมผู้นำอาสาพัฒนาชุมชน อำเภอ{_t(district.name)} จังหวัด{_t(province.name)}</h1>")
    if circular is not None:
        parts.append(f"<p>ตามหนังสือจังหวัด{_t(province.name)} ที่ {_t(circular.number)} ลงวันที่ {_date(circular.date)} "
                     f"เรื่อง {_t(circular.subject)}</p>")
    parts.append(f"<p>รอบการรายงาน: {_t(rnd.title)} (กำหนดส่ง {_date(rnd.deadline)})</p>")
    if rnd is not rounds.current_round(province, today):
        parts.append("<p>คณะกรรมการและรายชื่อในเอกสารนี้เป็นข้อมูลปัจจุบันในทำเนียบ ไม่ใช่ข้อมูล ณ รอบนั้น "
                     "(ประวัติการแก้ไขอยู่ในหน้าอำเภอ)</p>")

    parts.append("<h2>๑. คณะกรรมการชมรม</h2>")
    if club is None:
        parts.append("<p>ยังไม่มีข้อมูลชมรม</p>")
    else:
        parts.append(f"<p>{_t(club.name)} วาระ {_date(club.term_start)} ถึง {_date(club.term_end)} "
                     f"แต่งตั้งตาม{_order(club.order_no, club.order_date, club.order_by)}</p>")
        rows = []
        for i, seat in enumerate(club.posts, start=1):
            holder = "(ว่าง)" if seat.vacant else _name(people, seat.holder_id)
            rows.append([_t(i), _t(seat.post), holder, _date(seat.since) if seat.since else "-",
                         _order(seat.order_no, seat.order_date, seat.order_by) if seat.order_no else "ตามคำสั่งแต่งตั้งชมรม"])
        parts.append(_table(["ลำดับ", "ตำแหน่ง", "ชื่อ - สกุล", "ตั้งแต่", "คำสั่งแต่งตั้ง"], rows))

    parts.append("<h2>๒. การยืนยันข้อมูล</h2>")
    confirmed = club.confirmation(rnd.id) if club is not None else None
    if confirmed is not None and confirmed.date:
        parts.append(f"<p>อำเภอยืนยันว่าโครงสร้างชมรมข้างต้นเป็นปัจจุบัน เมื่อวันที่ {_date(confirmed.date)}</p>")
    else:
        parts.append("<p>ยังไม่ได้ยืนยันโครงสร้างชมรมในรอบนี้</p>")

    meeting = rounds.round_meeting(province, rnd)
    parts.append("<h2>๓. ผู้แทนเข้าประชุม</h2>")
    if meeting is None:
        parts.append("<p>รอบนี้ไม่มีการประชุมที่ต้องส่งผู้แทน</p>")
    else:
        parts.append(f"<p>{_t(meeting.title)} วันที่ {_date(meeting.date)} เวลา {_t(meeting.time.replace(':', '.'))} น. ณ {_t(meeting.place)}</p>")
        nomination = next((n for n in district.nominations or [] if n.meeting == meeting.id), None)
        if nomination is None:
            parts.append("<p>ยังไม่ได้ส่งรายชื่อ</p>")
        else:
            named = [(pid, "ผู้แทนชมรม") for pid, _ in nomination.representatives] + \
                    [(pid, "เจ้าหน้าที่ผู้รับผิดชอบ") for pid, _ in nomination.officials]
            parts.append(_table(["ลำดับ", "ชื่อ - สกุล", "ฐานะ"],
                                [[_t(i), _name(people, pid), role] for i, (pid, role) in enumerate(named, start=1)]))
    parts.append("</article>")
    return "\n".join(parts) + "\n"
