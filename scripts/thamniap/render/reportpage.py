"""The report pages (แทนแบบฟอร์ม QR): report/index.md chooses a district, report/<district>/index.md
holds the circular's tasks as forms that end on GitHub's new-issue page, prefilled.

The forms are written here (every label and data value escaped with markup.h); the script
docs/assets/javascripts/report.js checks what is typed with the validator's own words
(intake/reportform/messages.py), writes the report's fields as intake/reportform/fields.py
describes them, and builds the link `<repo>/issues/new?template=<report>.yml&<field id>=<value>…`
(or, when the link would be too long, a block to copy; or a file to download, which the province
applies with `thamniap report-file`). Its data comes from assets/report/<district>.json, written
with markup.json_data (national IDs masked, < > & escaped): people's names and where they serve,
never an id in a field the official fills in (ids are in the data only to tell two people of one
name apart).
"""
from __future__ import annotations

import datetime as dt

from thamniap.core.dates import THAI_MONTHS, THAI_MONTHS_SHORT, thai_date
from thamniap.core.names import TITLES
from thamniap.model import LEADER, VOLUNTEER, District, Person, Province, rounds
from thamniap.render.front_matter import page_file
from thamniap.render.markup import h, json_data
from thamniap.intake.reportform.fields import (ADD_WORD, END_REASONS, END_WORD, FILE_DISTRICT, FILE_ROUND, REPORTS, SEAT_SEPARATOR, TICKED,
                                               CIRCULAR, CONFIRMATION, COMMITTEE, NOMINEES, ROSTER)
from thamniap.intake.reportform.messages import END_LABEL, MEETING_PASSED, NAME_PARTS, page_messages

BUTTON_TEXT = "รายงานข้อมูลชมรม (แทนแบบฟอร์ม QR)"
MAX_URL_BYTES = 6000          # a prefilled link longer than this becomes a block to copy (browsers and GitHub stop near 8 KB)
VACANT = "ว่าง"


def report_rel(district: District) -> str:
    return page_file(f"report/{district.folder.name}")


def json_rel(district: District) -> str:
    return f"assets/report/{district.code}.json"


# ---------------------------------------------------------------- the data for the script

def area_words(person: Person, district: District, village_name: bool = False) -> str:
    """Where a person serves, in words (never the id): "อช. ตำบลวังสะพุง หมู่ที่ 3", with the
    village's name after it when VILLAGE_NAME ("… หมู่ที่ 3 บ้านนาแก"; the bot's replies say it)."""
    sub = next((s for s in district.subdistricts or [] if s.code == person.subdistrict_code), None)
    where = f" ตำบล{sub.name}" if sub else ""
    if person.listed_as == "official":
        return f"เจ้าหน้าที่ {person.position or ''}".rstrip()
    if person.listed_as == "leader":
        return f"ผู้นำ อช.{where}"
    village = next((v for v in (sub.villages if sub else []) if v.moo == person.moo), None) if village_name else None
    name = "" if village is None else village.name if village.name.startswith("บ้าน") else f"บ้าน{village.name}"
    return f"อช.{where} หมู่ที่ {person.moo}" + (f" {name}" if name else "")


def _squeezed(key: str) -> str:
    return key.replace(" ", "")


def _value_for(person: Person, same_name: dict[str, int]) -> str:
    """What a report writes for PERSON: the name, or the id when two people share the name (the bot
    asks for the id then; the official still only picks a name and a place)."""
    return person.id if same_name.get(_squeezed(person.key), 0) > 1 else person.name


def report_json(province: Province, district: District, repo_url: str, district_link: str, today: dt.date) -> str:
    """The page's data; a downloaded report file names the district and the round current on TODAY."""
    current = rounds.current_round(province, today)
    meeting = rounds.current_meeting(province, today)
    people = [p for p in district.people() if p.serving]
    same_name: dict[str, int] = {}
    for p in people:
        same_name[_squeezed(p.key)] = same_name.get(_squeezed(p.key), 0) + 1
    forms = {r.id: {"title": r.title + f"อำเภอ{district.name}", "template": f"{r.id}.yml",
                    "fields": [{"id": f.id, "label": f.label, "kind": f.kind, "required": f.required,
                                "description": f.description, "options": list(f.options), "ticked_as": f.ticked_as} for f in r.fields]}
             for r in REPORTS}
    return json_data({
        "district": {"code": district.code, "name": district.name, "page": district_link},
        "repo": repo_url.rstrip("/"),
        "forms": forms,
        # i: the id, only to say who a misspelled name may mean as the bot does ("i a": bot/read.py who)
        "people": [{"n": p.name, "k": _squeezed(p.key), "a": area_words(p, district, village_name=True),
                    "v": _value_for(p, same_name), "i": p.id} for p in people],
        "officials": [{"n": p.name, "a": area_words(p, district)} for p in district.officials],
        "subdistricts": [{"code": s.code, "name": s.name, "villages": [{"moo": v.moo, "name": v.name} for v in s.villages]}
                         for s in district.subdistricts or []],
        "titles": sorted(TITLES, key=len, reverse=True),
        "months": list(THAI_MONTHS), "months_short": list(THAI_MONTHS_SHORT),
        "messages": page_messages(),
        "separator": SEAT_SEPARATOR, "vacant": VACANT, "add": ADD_WORD, "end": END_WORD,
        "max_url_bytes": MAX_URL_BYTES,
        "github_steps": "กำลังเปิดหน้า GitHub — " + GITHUB_STEPS,
        "github_tick": "กำลังเปิดหน้า GitHub — " + GITHUB_TICK,
        "file_head": {"district": FILE_DISTRICT, "round": FILE_ROUND},
        "round": current.id if current else None,
        "line_words": LINE_WORDS,
        "built": today.isoformat(),
        # the meeting's day: on this device's days after it the nominee fields close (rounds.nominations_open)
        "meeting": {"date": meeting.date.isoformat(), "closed": meeting_closed_words(meeting)} if meeting and meeting.date else None,
        # what the directory already shows, so a report sent from this device stops being "waiting"
        "held": {"confirmation": bool(current and rounds.standing(district.club, current, today).confirmed_on),
                 "nominees": bool(meeting and any(n.meeting == meeting.id for n in district.nominations or []))},
        "pending_words": PENDING_WORDS,
    })


# What report.js says about the reports this device sent ({0}: the report's title, {1}: the day sent)
PENDING_WORDS = {
    "item": "{0} ส่งเมื่อ {1}: รอจังหวัดอนุมัติ",
    "confirm_while_waiting": ("{0} ที่ส่งจากเครื่องนี้เมื่อ {1} ยังรอจังหวัดอนุมัติ การยืนยันนี้ยืนยันคณะกรรมการตามทำเนียบตอนนี้ "
                              "ซึ่งยังไม่รวมการเปลี่ยนแปลงนั้น ถ้าจะยืนยันหลังจังหวัดอนุมัติ ให้รอก่อน "
                              "ถ้าจะส่งเลย กด ส่งรายงาน อีกครั้ง"),
}


# How report.js shows a roster line in the list ({n}: the values it fills in); the line the report
# carries is fields.ADD_COLUMNS / END_COLUMNS, kept beside it
LINE_WORDS = {
    "add": "คนใหม่: {0} เป็น {1} {2} เริ่มวาระ {3} {4}",     # name, role, ตำบล… หมู่ที่ …, start, end words
    "until": "ถึง {0}",
    "default_end": "ถึงวันครบวาระ 4 ปี",
    "village_defaulted": "— หมู่บ้านนี้เป็นค่าที่ตั้งไว้ให้ ({0}) ถ้าไม่ใช่ ให้กด ลบ แล้วเลือกหมู่บ้านใหม่",
    "end": "พ้นจากตำแหน่ง: {0} ({1}) เมื่อ {2} เหตุผล {3}",  # name, where they serve, day, reason
    "added": "เพิ่มในรายการแล้ว: {0}",
    "remove": "ลบ",
}


# ---------------------------------------------------------------- the page

def _input(fid: str, label: str, *, hint: str = "", placeholder: str = "", kind: str = "text",
           required: bool = False, extra: str = "") -> str:
    """A labelled text input with its hint and its (hidden) error, both tied by aria-describedby."""
    described = f"{fid}-error" + (f" {fid}-hint" if hint else "")
    star = ' <span class="tn-report__req">(จำเป็น)</span>' if required else ""
    return (f'<div class="tn-report__field"><label for="{fid}">{h(label)}{star}</label>'
            + (f'<span class="tn-report__hint" id="{fid}-hint">{h(hint)}</span>' if hint else "")
            + f'<input type="{kind}" id="{fid}" name="{fid}" autocomplete="off"'
            + (f' placeholder="{h(placeholder)}"' if placeholder else "")
            + (' aria-required="true"' if required else "")
            + f' aria-describedby="{described}"{extra}>'
            + f'<p class="tn-report__error" id="{fid}-error" hidden></p></div>')


# What to do on GitHub's page (issue 19 §5), with GitHub's own button names (its interface is English):
# the page's ticks travel in the TICKED field, so nothing is ticked again there.
SUBMIT_BUTTON = "Submit new issue"
_SIGN_IN = "ถ้า GitHub ให้เข้าสู่ระบบก่อน ให้กด Sign in แล้วจะกลับมาที่แบบฟอร์มที่กรอกไว้"
GITHUB_STEPS = (f"ในหน้า GitHub รายงานกรอกไว้ครบแล้ว รวมทั้งการยืนยันที่ทำเครื่องหมายในหน้านี้ (ช่อง {TICKED.label}) "
                f"ไม่ต้องทำเครื่องหมายซ้ำ: เลื่อนลงล่างสุดแล้วกดปุ่มสีเขียว {SUBMIT_BUTTON} (บางหน้าจอเขียนว่า Create) " + _SIGN_IN)
# when a confirmation was not ticked on this page ({0}: the checkboxes' labels): GitHub shows them unticked
GITHUB_TICK = (f"ในหน้า GitHub ทำเครื่องหมายในช่อง {{0}} (ยังไม่ได้ทำในหน้านี้) แล้วเลื่อนลงล่างสุดกดปุ่มสีเขียว "
               f"{SUBMIT_BUTTON} (บางหน้าจอเขียนว่า Create) " + _SIGN_IN)
DATE_HINT = "วัน/เดือน/ปี พ.ศ. เช่น 20/1/2567 (เลขไทยได้)"
NAME_HINT = "พิมพ์ชื่อแล้วเลือกจากรายการ (ไม่ต้องพิมพ์คำนำหน้า)"
NEW_NAME_HINT = "คำนำหน้า ชื่อ และนามสกุล " + NAME_PARTS[1]      # the words of the bot's refusal (messages.NAME_PARTS)


def _checkbox(fid: str, text: str, extra: str = "") -> str:
    return (f'<div class="tn-report__field tn-report__check"><input type="checkbox" id="{fid}" name="{fid}" '
            f'aria-describedby="{fid}-error"{extra}><label for="{fid}">{h(text)}</label>'
            f'<p class="tn-report__error" id="{fid}-error" hidden></p></div>')


def _actions(report_id: str, privacy_text: str) -> str:
    return ("".join([
        _checkbox(f"{report_id}-no-private-numbers", privacy_text),
        '<p class="tn-report__actions">',
        f'<button type="submit" class="md-button md-button--primary" data-send>ส่งรายงาน (เปิดหน้า GitHub)</button> ',
        '<button type="button" class="md-button" data-download>ดาวน์โหลดไฟล์รายงาน</button></p>',
        f'<p class="tn-report__status" id="{report_id}-status" role="status" aria-live="polite"></p>',
        f'<div class="tn-report__fallback" id="{report_id}-fallback" hidden>',
        '<p>รายงานนี้ยาวเกินกว่าจะใส่ในลิงก์ได้ทั้งหมด ให้ทำดังนี้: 1) กด คัดลอก '
        '2) กด เปิดแบบฟอร์มบน GitHub (ช่องอื่นกรอกไว้แล้ว) 3) วางข้อความในช่อง <strong data-fields></strong> '
        f'4) เลื่อนลงล่างสุดแล้วกดปุ่มสีเขียว {SUBMIT_BUTTON} (ไม่ต้องทำเครื่องหมายยืนยันซ้ำ '
        'ยกเว้นข้อที่ยังไม่ได้ทำในหน้านี้)</p>',
        f'<label for="{report_id}-copy">ข้อความสำหรับคัดลอก</label>',
        f'<textarea class="tn-report__copy" id="{report_id}-copy" readonly rows="8"></textarea>',
        '<p><button type="button" class="md-button" data-copy>คัดลอก</button> ',
        '<a class="md-button" data-blank href="#">เปิดแบบฟอร์มบน GitHub</a></p></div>']))


def _select(fid: str, label: str, options: str, extra: str = "") -> str:
    return (f'<div class="tn-report__field"><label for="{fid}">{h(label)}</label><select id="{fid}" '
            f'aria-describedby="{fid}-error"{extra}>{options}</select>'
            f'<p class="tn-report__error" id="{fid}-error" hidden></p></div>')


def _subdistrict_options(district: District) -> str:
    return "".join(f'<option value="{h(s.name)}" data-code="{h(s.code)}">ตำบล{h(s.name)}</option>'
                   for s in district.subdistricts or [])


NEW_PERSON_SLOT = "__SEAT__"   # in the one template of a new person's fields: the seat's id prefix (report.js fills it in)


def _new_person_template(district: District) -> str:
    """A seat's "new person" fields (the circular report), once per page: report.js copies them into a
    seat when its box is ticked (fields for every seat would make the page too heavy for a phone).
    The bot adds the person to the roster (a เพิ่ม line) and makes them the seat's holder in one change."""
    return f'<template id="tn-new-person">{_new_person(NEW_PERSON_SLOT, district)}</template>'


def _new_person(fid: str, district: District) -> str:
    roles = (f'<option value="{h(LEADER)}">ผู้นำ อช. (ระดับตำบล)</option>'
             f'<option value="{h(VOLUNTEER)}">อช. (ประจำหมู่บ้าน)</option>')
    sexes = '<option value="">— ตามคำนำหน้า —</option><option value="ชาย">ชาย</option><option value="หญิง">หญิง</option>'
    return (_input(f"{fid}-new-name", "ชื่อพร้อมคำนำหน้า", hint=NEW_NAME_HINT, required=True)
            + _select(f"{fid}-new-sex", "เพศ (ถ้าคำนำหน้าไม่บอก)", sexes)
            + _select(f"{fid}-new-role", "บทบาท", roles)
            + _select(f"{fid}-new-sub", "ตำบล", _subdistrict_options(district))
            + _select(f"{fid}-new-moo", "หมู่บ้าน (เฉพาะ อช.)", "")
            + _input(f"{fid}-new-start", "วันเริ่มวาระ", hint=DATE_HINT, required=True, extra=" data-date")
            + _input(f"{fid}-new-end", END_LABEL, hint=DATE_HINT,
                     extra=" data-date"))


def _seat_rows(district: District, people: dict[str, Person], prefix: str = "seat", new_person: bool = False) -> list[str]:
    club = district.club
    rows, counts = [], {}
    same: dict[str, int] = {}
    for p in people.values():
        same[_squeezed(p.key)] = same.get(_squeezed(p.key), 0) + 1
    for i, seat in enumerate(club.posts if club else []):
        occ = counts.get(seat.post, 0)
        counts[seat.post] = occ + 1
        holder = people.get(seat.holder_id) if seat.holder_id else None
        now = VACANT if seat.vacant or holder is None else holder.name
        value = VACANT if holder is None else _value_for(holder, same)
        since = f" ตั้งแต่ {thai_date(seat.since)}" if seat.since and holder else ""
        order = f" คำสั่งที่ {seat.order_no} ลงวันที่ {thai_date(seat.order_date)}" if seat.order_no else ""
        fid = f"{prefix}-{i}"
        rows.append(
            f'<details class="tn-report__seat" data-seat data-post="{h(seat.post)}" data-occ="{occ}" '
            f'data-current="{h(value)}"><summary><strong>{h(seat.post)}</strong>: {h(now)}'
            f'<span class="tn-report__changed" data-changed hidden> (เปลี่ยน)</span></summary>'
            f'<p class="tn-report__now">ปัจจุบัน: {h(now + since + order)}</p>'
            + _input(f"{fid}-holder", f"ผู้ดำรงตำแหน่ง{seat.post}คนใหม่", hint=NAME_HINT,
                     extra=' list="tn-people" data-role="holder"')
            + ((_checkbox(f"{fid}-new", "คนใหม่ที่ยังไม่มีในทำเนียบ (เพิ่มในทำเนียบพร้อมกัน)", extra=" data-new")
                + f'<div class="tn-report__group" id="{fid}-newbox" hidden></div>') if new_person else "")
            + _checkbox(f"{fid}-vacant", f"ตำแหน่ง{seat.post}นี้ว่าง")
            + _input(f"{fid}-since", "ตั้งแต่วันที่", hint=DATE_HINT + " (เว้นว่างได้)", placeholder="เช่น 1/2/2567",
                     extra=' data-date')
            + _input(f"{fid}-order-no", "คำสั่งแต่งตั้งเลขที่", placeholder="เช่น 25/2567")
            + _input(f"{fid}-order-date", "คำสั่งลงวันที่", hint=DATE_HINT, placeholder="เช่น 26/1/2567", extra=' data-date')
            + _input(f"{fid}-order-by", "ผู้ออกคำสั่ง (เว้นว่างได้)", placeholder="เช่น นายอำเภอ" + district.name)
            + "</details>")
    return rows


def _term(district: District, prefix: str) -> list[str]:
    """The committee's term and its appointing order (empty: unchanged)."""
    club = district.club
    term = f"วาระปัจจุบัน: {thai_date(club.term_start)} – {thai_date(club.term_end)}"
    order = f" · คำสั่งที่ {club.order_no} ลงวันที่ {thai_date(club.order_date)}" if club.order_no else ""
    return ['<details class="tn-report__seat"><summary><strong>วาระและคำสั่งแต่งตั้งคณะกรรมการทั้งชุด</strong></summary>',
            f'<p class="tn-report__now">{h(term + order)} (เว้นว่างถ้าไม่เปลี่ยน)</p>',
            _input(f"{prefix}-term-start", "วาระเริ่ม", hint=DATE_HINT, placeholder="เช่น 1/10/2566", extra=" data-date"),
            _input(f"{prefix}-term-end", "วาระสิ้นสุด", hint=DATE_HINT, placeholder="เช่น 30/9/2570", extra=" data-date"),
            _input(f"{prefix}-order-no", "คำสั่งแต่งตั้งคณะกรรมการ เลขที่", placeholder="เช่น 19/2566"),
            _input(f"{prefix}-order-date", "คำสั่งแต่งตั้งคณะกรรมการ ลงวันที่", hint=DATE_HINT, extra=" data-date"),
            _input(f"{prefix}-order-by", "ผู้ออกคำสั่ง", placeholder="เช่น นายอำเภอ" + district.name),
            "</details>"]


def meeting_closed_words(meeting) -> str:
    """What the page says in place of the nominee fields once MEETING has passed: the bot's words."""
    return MEETING_PASSED[0].format(meeting.title, thai_date(meeting.date)) + " " + MEETING_PASSED[1]


def _meeting_part(meeting, today: dt.date, inner: list[str]) -> list[str]:
    """INNER (the nominee fields, and a nominees report's buttons) in a part report.js closes on a day
    after MEETING; on TODAY after it, the closing words instead."""
    if meeting is not None and not rounds.nominations_open(meeting, today):
        return [f'<p class="tn-report__closed">{h(meeting_closed_words(meeting))}</p>']
    return ["<div data-meeting-part>", *inner, "</div>"]


def _nominee_fields(district: District, prefix: str, reps: int, offs: int, required: bool) -> list[str]:
    """REPS representatives typed by name, OFFS officials chosen from the district's list."""
    out = [_input(f"{prefix}-rep-{i}", f"ผู้แทนชมรมคนที่ {i + 1}", hint=NAME_HINT, required=required,
                  extra=' list="tn-people" data-role="representative"') for i in range(reps)]
    options = "".join(f'<option value="{h(p.name)}">{h(p.name)} ({h(p.position or "")})</option>' for p in district.officials)
    star = ' <span class="tn-report__req">(จำเป็น)</span>' if required else ""
    for i in range(offs):
        fid = f"{prefix}-official-{i}"
        out.append(f'<div class="tn-report__field"><label for="{fid}">เจ้าหน้าที่ผู้รับผิดชอบคนที่ {i + 1}{star}'
                   f'</label><select id="{fid}" name="{fid}"' + (' aria-required="true"' if required else "")
                   + f' aria-describedby="{fid}-error" data-role="official">'
                   f'<option value="">— เลือกเจ้าหน้าที่ —</option>{options}</select>'
                   f'<p class="tn-report__error" id="{fid}-error" hidden></p></div>')
    return out


def _circular_form(province: Province, district: District, people: dict[str, Person], today: dt.date, privacy: str) -> list[str]:
    """The circular's whole task in one report (fields.CIRCULAR): one issue, one pull request."""
    current = rounds.current_round(province, today)
    meeting = rounds.current_meeting(province, today)
    parts = ['<form class="tn-report__part" id="circular" data-report="circular" novalidate>',
             '<h2>รายงานตามหนังสือเวียน (ทุกเรื่องในรายงานเดียว)</h2>',
             '<p>กรอกทุกเรื่องที่หนังสือเวียนขอในที่เดียว แล้วกด ส่งรายงาน ครั้งเดียว: คณะกรรมการชมรม '
             '(คนที่ยังไม่มีในทำเนียบ ให้ทำเครื่องหมาย คนใหม่ ระบบเพิ่มในทำเนียบให้พร้อมกัน) การยืนยันโครงสร้าง '
             'และผู้แทนเข้าประชุม ส่วนที่ไม่เปลี่ยนเว้นไว้ได้</p>',
             '<h3>คณะกรรมการชมรม</h3>',
             '<p>แตะชื่อตำแหน่งเพื่อเปลี่ยนผู้ดำรงตำแหน่ง หรือทำเครื่องหมายว่าตำแหน่งว่าง ตำแหน่งที่ไม่ได้แก้คงเดิม</p>']
    if district.club is None:
        parts.append("<p>อำเภอนี้ยังไม่มีข้อมูลชมรม ให้ติดต่อสำนักงานพัฒนาชุมชนจังหวัด</p>")
    else:
        parts += [_new_person_template(district), *_seat_rows(district, people, "circular-seat", new_person=True),
                  *_term(district, "circular")]
    round_text = (f"รอบ {current.title} (กำหนดส่ง {thai_date(current.deadline)})" if current
                  else "ขณะสร้างหน้านี้จังหวัดยังไม่เปิดรอบการรายงาน")
    parts += ['<h3>ยืนยันโครงสร้างชมรม</h3>', f"<p>{h(round_text)}</p>",
              _input("circular-confirmed-on", CIRCULAR.field("confirmed-on").label, hint=DATE_HINT + " (ใส่วันนี้ไว้ให้แล้ว)",
                     required=True, extra=" data-date data-today"),
              _checkbox("circular-confirm", CIRCULAR.field("confirm").options[0])]
    if meeting is not None:
        parts += ['<h3>ผู้แทนเข้าประชุม</h3>', *_meeting_part(meeting, today, [
                  f"<p>{h(meeting.title)} วันที่ {h(thai_date(meeting.date))}: ผู้แทนชมรม {meeting.representatives} คน "
                  f"และเจ้าหน้าที่ {meeting.officials} คน (คนใหม่ในรายงานนี้เป็นผู้แทนได้)</p>",
                  *_nominee_fields(district, "circular", meeting.representatives, meeting.officials, required=False)])]
    parts += ['<details class="tn-report__seat"><summary><strong>เปลี่ยนแปลงรายชื่อ อช./ผู้นำ อช. อื่น ๆ (ถ้ามี)</strong></summary>',
              *_roster_lines(district, "circular"), "</details>"]
    parts += [_actions("circular", privacy), "</form>"]
    return parts


def _standing(province: Province, district: District, people: dict[str, Person], today: dt.date) -> list[str]:
    """What the directory holds for the current round on TODAY (the day the page was built), and a place
    where report.js lists what this device sent that the directory does not show yet (รอจังหวัดอนุมัติ)."""
    current = rounds.current_round(province, today)
    meeting = rounds.current_meeting(province, today)
    items = []
    if current is not None:
        held = rounds.standing(district.club, current, today).confirmed_on
        items.append(f"ยืนยันโครงสร้างรอบ {current.title}: "
                     + (f"ยืนยันแล้วเมื่อ {thai_date(held)}" if held else f"ยังไม่ได้ยืนยัน (กำหนดส่ง {thai_date(current.deadline)})"))
    if meeting is not None:
        sent = next((n for n in district.nominations or [] if n.meeting == meeting.id), None)
        names = [people[pid].name for pid, _ in (sent.representatives + sent.officials if sent else []) if pid in people]
        items.append(f"ผู้แทนเข้าประชุม{meeting.title} วันที่ {thai_date(meeting.date)}: "
                     + (", ".join(names) if names else "ยังไม่ได้ส่งรายชื่อ" if rounds.nominations_open(meeting, today)
                        else "ไม่ได้ส่งรายชื่อ (ประชุมไปแล้ว)"))
    return ['<section class="tn-report__standing" id="standing"><h2>ข้อมูลของอำเภอในทำเนียบตอนนี้</h2>',
            "<ul>" + "".join(f"<li>{h(i)}</li>" for i in items) + "</ul>",
            f'<p class="tn-report__now">ข้อมูล ณ วันที่ {h(thai_date(today))} (วันที่ปรับปรุงเว็บไซต์ล่าสุด)</p>',
            '<div id="tn-report-pending" hidden><h3>ส่งจากเครื่องนี้ รอจังหวัดอนุมัติ</h3><ul></ul></div></section>']


def _roster_lines(district: District, prefix: str) -> list[str]:
    """Roster changes one line at a time (a new person, a person who left), listed in PREFIX-lines."""
    subs = _subdistrict_options(district)
    reasons = "".join(f'<option value="{h(r)}">{h(r)}</option>' for r in END_REASONS)
    return [
        '<fieldset class="tn-report__group" data-line="add"><legend>เพิ่มคนใหม่</legend>',
        f'<div class="tn-report__field"><label for="{prefix}-add-role">บทบาท</label><select id="{prefix}-add-role" '
        f'aria-describedby="{prefix}-add-role-error"><option value="อช.">อช. (ประจำหมู่บ้าน)</option>'
        '<option value="ผู้นำ อช.">ผู้นำ อช. (ระดับตำบล)</option></select>'
        f'<p class="tn-report__error" id="{prefix}-add-role-error" hidden></p></div>',
        f'<div class="tn-report__field"><label for="{prefix}-add-sub">ตำบล</label><select id="{prefix}-add-sub" '
        f'aria-describedby="{prefix}-add-sub-error">{subs}</select>'
        f'<p class="tn-report__error" id="{prefix}-add-sub-error" hidden></p></div>',
        f'<div class="tn-report__field"><label for="{prefix}-add-moo">หมู่บ้าน (เฉพาะ อช.)</label><select id="{prefix}-add-moo" '
        f'aria-describedby="{prefix}-add-moo-error"></select><p class="tn-report__error" id="{prefix}-add-moo-error" hidden></p></div>',
        _input(f"{prefix}-add-name", "ชื่อพร้อมคำนำหน้า", hint=NEW_NAME_HINT, required=True),
        f'<div class="tn-report__field"><label for="{prefix}-add-sex">เพศ (ถ้าคำนำหน้าไม่บอก)</label><select id="{prefix}-add-sex">'
        '<option value="">— ตามคำนำหน้า —</option><option value="ชาย">ชาย</option><option value="หญิง">หญิง</option></select></div>',
        _input(f"{prefix}-add-start", "วันเริ่มวาระ", hint=DATE_HINT, required=True, extra=" data-date"),
        _input(f"{prefix}-add-end", END_LABEL, hint=DATE_HINT, extra=" data-date"),
        '<p><button type="button" class="md-button" data-add-line="add">เพิ่มในรายการ</button></p></fieldset>',
        '<fieldset class="tn-report__group" data-line="end"><legend>แจ้งผู้พ้นจากตำแหน่ง</legend>',
        _input(f"{prefix}-end-name", "ชื่อผู้พ้นจากตำแหน่ง", hint=NAME_HINT, required=True,
               extra=' list="tn-people" data-role="person"'),
        _input(f"{prefix}-end-date", "วันที่พ้น", hint=DATE_HINT, required=True, extra=" data-date"),
        f'<div class="tn-report__field"><label for="{prefix}-end-reason">เหตุผล</label><select id="{prefix}-end-reason" '
        f'aria-describedby="{prefix}-end-reason-error">{reasons}</select>'
        f'<p class="tn-report__error" id="{prefix}-end-reason-error" hidden></p></div>',
        _input(f"{prefix}-end-note", "หมายเหตุ (เฉพาะเหตุผล อื่น ๆ)"),
        '<p><button type="button" class="md-button" data-add-line="end">เพิ่มในรายการ</button></p></fieldset>',
        f'<h3 id="{prefix}-lines-title">รายการที่จะรายงาน</h3>',
        f'<ol class="tn-report__lines" id="{prefix}-lines" tabindex="-1" aria-labelledby="{prefix}-lines-title" '
        f'aria-describedby="{prefix}-lines-error"></ol>',
        f'<p class="tn-report__error" id="{prefix}-lines-error" hidden></p>',
    ]


def report_page(province: Province, district: District, today: dt.date, json_link: str, district_link: str,
                chooser_link: str, qr_link: str, page_url: str, repo_url: str) -> str:
    club = district.club
    people = {p.id: p for p in district.people()}
    privacy = COMMITTEE.field("no-private-numbers").options[0]
    current = rounds.current_round(province, today)
    meeting = rounds.current_meeting(province, today)
    name = h(district.name)
    out = [f"# รายงานข้อมูลชมรม อำเภอ{name}", "",
           f'<p class="tn-report__intro">หน้านี้ใช้แทนแบบฟอร์ม QR ตามหนังสือเวียน กรอกแต่ละเรื่องแล้วกด '
           f'<strong>ส่งรายงาน</strong> ระบบจะเปิดหน้า GitHub ที่กรอกรายงานไว้ให้แล้ว '
           f'(รายงานตามหนังสือเวียนรวมทุกเรื่องในรายงานเดียว หรือรายงานทีละเรื่องด้านล่าง) '
           f'{h(GITHUB_STEPS)} ถ้าไม่มีบัญชี GitHub ให้กด '
           f'<strong>ดาวน์โหลดไฟล์รายงาน</strong> แล้วส่งไฟล์ให้สำนักงานพัฒนาชุมชนจังหวัด '
           f'<a href="{h(district_link)}">กลับไปหน้าอำเภอ{name}</a> · <a href="{h(chooser_link)}">เลือกอำเภออื่น</a></p>', "",
           f'<nav class="tn-report__toc" aria-label="เรื่องที่รายงาน"><a href="#circular">รายงานตามหนังสือเวียน (ทุกเรื่อง)</a> '
           f'<a href="#committee">1. คณะกรรมการชมรม</a> '
           f'<a href="#confirmation">2. ยืนยันโครงสร้าง</a> <a href="#nominees">3. ผู้แทนเข้าประชุม</a> '
           f'<a href="#roster">4. รายชื่อ อช./ผู้นำ อช.</a></nav>', "",
           '<noscript><p class="tn-report__noscript">หน้านี้ต้องใช้ JavaScript ถ้าเปิดไม่ได้ ให้ใช้แบบฟอร์มบน GitHub '
           f'โดยตรง: <a href="{h(_new_issue(repo_url))}">เลือกแบบฟอร์มรายงาน</a></p></noscript>', ""]
    parts = [f'<div class="tn-report" data-json="{h(json_link)}" data-pagefind-ignore>',
             '<p class="tn-report__draft" id="tn-report-draft" role="status" hidden>นำข้อมูลที่กรอกค้างไว้บนเครื่องนี้กลับมาแล้ว '
             '(เก็บไว้จนกว่าจะล้าง) <button type="button" class="md-button">ล้างข้อมูลที่กรอกไว้</button></p>',
             '<datalist id="tn-people"></datalist>']
    parts += _standing(province, district, people, today)
    parts += _circular_form(province, district, people, today, privacy)
    parts += ['<h2 id="single">หรือรายงานทีละเรื่อง</h2>',
              '<p>ใช้เมื่อมีการเปลี่ยนแปลงเรื่องเดียว แต่ละเรื่องเป็นรายงานแยกกัน</p>']
    # 1. committee
    parts += ['<form class="tn-report__part" id="committee" data-report="committee" novalidate>',
              '<h2>1. คณะกรรมการชมรม</h2>',
              '<p>แตะชื่อตำแหน่งเพื่อเปลี่ยนผู้ดำรงตำแหน่ง หรือทำเครื่องหมายว่าตำแหน่งว่าง ตำแหน่งที่ไม่ได้แก้คงเดิม</p>']
    if club is None:
        parts.append("<p>อำเภอนี้ยังไม่มีข้อมูลชมรม ให้ติดต่อสำนักงานพัฒนาชุมชนจังหวัด</p>")
    else:
        parts += _seat_rows(district, people) + _term(district, "committee")
    parts += [_actions("committee", privacy), "</form>"]
    # 2. confirmation
    round_text = (f"รอบ {current.title} (กำหนดส่ง {thai_date(current.deadline)})" if current
                  else "ขณะสร้างหน้านี้จังหวัดยังไม่เปิดรอบการรายงาน")
    parts += ['<form class="tn-report__part" id="confirmation" data-report="confirmation" novalidate>',
              '<h2>2. ยืนยันโครงสร้างชมรม</h2>', f"<p>{h(round_text)}</p>",
              _input("confirmation-confirmed-on", CONFIRMATION.field("confirmed-on").label, hint=DATE_HINT + " (ใส่วันนี้ไว้ให้แล้ว)",
                     required=True, extra=" data-date data-today"),
              _checkbox("confirmation-confirm", CONFIRMATION.field("confirm").options[0]),
              _actions("confirmation", privacy), "</form>"]
    # 3. nominees
    reps = meeting.representatives if meeting else 2
    offs = meeting.officials if meeting else 1
    when = f"{meeting.title} วันที่ {thai_date(meeting.date)}" if meeting else "การประชุมครั้งถัดไป"
    parts += ['<form class="tn-report__part" id="nominees" data-report="nominees" novalidate>', '<h2>3. ผู้แทนเข้าประชุม</h2>',
              *_meeting_part(meeting, today, [f"<p>{h(when)}: ผู้แทนชมรม {reps} คน และเจ้าหน้าที่ {offs} คน</p>",
                                              *_nominee_fields(district, "nominees", reps, offs, required=True),
                                              _actions("nominees", privacy)]), "</form>"]
    # 4. roster
    parts += ['<form class="tn-report__part" id="roster" data-report="roster" novalidate>',
              '<h2>4. รายชื่อ อช./ผู้นำ อช.</h2>',
              '<p>เพิ่มคนใหม่ หรือแจ้งผู้ที่พ้นจากตำแหน่ง ทีละคน กด เพิ่มในรายการ แล้วส่งทั้งรายการในรายงานเดียว</p>',
              *_roster_lines(district, "roster"),
              _actions("roster", privacy), "</form>"]
    parts += ['<div class="tn-report__qr"><img class="tn-qr" src="' + h(qr_link) + f'" alt="QR code ของหน้านี้: {h(page_url)}" '
              'width="140" height="140"><p>QR code ของหน้ารายงานนี้ (พิมพ์ติดประกาศให้เจ้าหน้าที่สแกนได้)</p></div>', "</div>"]
    return "\n".join(out) + "\n" + "\n".join(parts) + "\n"


def _new_issue(repo_url: str) -> str:
    return repo_url.rstrip("/") + "/issues/new/choose" if repo_url else "#"


def chooser_page(province: Province, links: list[tuple[District, str]]) -> str:
    """report/index.md: the circular's QR code leads here; one button per district."""
    items = "\n".join(f'<li><a class="md-button" href="{h(link)}">อำเภอ{h(d.name)}</a></li>' for d, link in links)
    return (f"# รายงานข้อมูลชมรม (แทนแบบฟอร์ม QR)\n\n"
            f"<p>เลือกอำเภอของท่าน แล้วรายงานคณะกรรมการชมรม ยืนยันโครงสร้าง ส่งรายชื่อผู้แทนเข้าประชุม "
            f"หรือแก้ไขรายชื่อ อช. ตามหนังสือเวียนของจังหวัด{h(province.name)}</p>\n\n"
            f'<ul class="tn-report__districts" aria-label="อำเภอ">\n{items}\n</ul>\n')
