"""One district's page: the office's contact at the top (call button, map link), office and responsible
official, club and org chart, rosters, nominees, edit links, QR code and downloads. Every data value is escaped (markup.h for HTML, markup.md for
Markdown headings)."""
from __future__ import annotations

from dataclasses import dataclass

from thamniap.core.dates import thai_date
from thamniap.model import LEADER, Club, District, Person, Province
from thamniap.model.rounds import Standing, State
from thamniap.render.front_matter import page_file
from thamniap.render.markup import SAMPLE_NOTICE, badge, h, link, map_url, md, phone_display, table, tel_url
from thamniap.render import texts
from thamniap.render.orgchart import order_text, org_chart


# People-table cells are search text (thamniap.build.search, "CONTRACT FOR PAGE GENERATORS");
# sex and dates must not find anybody, so they are marked data-pagefind-ignore.
IGNORE = '<span data-pagefind-ignore>{}</span>'


def role_terms(person: Person) -> str:
    return "<br>".join(f"{h(r.role)} " + IGNORE.format(f"{h(thai_date(r.start, short=True))} – "
                                                        f"{h(thai_date(r.end, short=True))}") + left_because(r)
                       for r in person.roles)


def left_because(role) -> str:
    """For a role the person has left: the reason (and its note), after the term."""
    if not role.ended:
        return ""
    note = f" {h(role.end_note)}" if role.end_note else ""
    return f" (พ้นจากตำแหน่ง เหตุผล: {h(role.end_reason)}{note})"


def name_cell(person: Person) -> str:
    """The name, then the person id editors write in club.yaml and meeting.yaml: small and muted, and
    left out of search so that it neither finds anybody nor shows in a result's heading."""
    return (f'{h(person.name)} <span class="tn-id" data-pagefind-ignore>รหัส <code>{h(person.id)}</code>'
            '</span>')


def post_cell(person: Person, posts: dict[str, list[str]]) -> str:
    """The person's club posts, or a quiet "-" that a phone's person card leaves out."""
    return h(", ".join(posts.get(person.id, []))) or '<span class="tn-none">-</span>'


def sex_of(person: Person) -> str:
    return IGNORE.format(h(person.sex or "-"))


def standing_badge(standing: Standing | None) -> str:
    """The badge of a district's standing in the current round (None: there is no round yet)."""
    state = standing.state if standing else None
    if state is State.ON_TIME:
        return badge("ส่งทันกำหนด", "ok")
    if state is State.LATE:
        return badge(f"ส่งล่าช้า {standing.days_late} วัน", "late")
    if state is State.OVERDUE:
        return badge("เกินกำหนด", "overdue")
    if state is State.DUE_SOON:
        when = "วันนี้" if standing.days_left == 0 else f"ใน {standing.days_left} วัน"
        return badge(f"ยังไม่ส่ง (ครบกำหนด{when})", "overdue")
    return badge("ยังไม่ส่ง", "overdue")


def status_badges(district: District, status) -> str:
    """Badges under the title: sample data, and the district's standing in the current round."""
    out = []
    if district.sample:
        out.append(badge("ข้อมูลตัวอย่าง", "sample"))
    if status is not None:
        out.append(standing_badge(status.standing))
        if status.stale:
            out.append(badge("ข้อมูลไม่ได้ยืนยันนาน", "stale"))
    return f'<p class="tn-badges">{"".join(out)}</p>' if out else ""


def office_phone(province: Province, district: District) -> tuple[str, bool] | None:
    """(number, True) of the district office's own phone; (the province office's number, False) when the
    district has none; None when neither is known. District numbers are never guessed."""
    if district.office and district.office.phone:
        return district.office.phone, True
    if province.office and province.office.phone:
        return province.office.phone, False
    return None


def phone_note(province: Province) -> str:
    """The label next to the province office's number shown for a district without its own (escaped)."""
    return f"หมายเลขของ{h(province.office.name)} (ยังไม่มีหมายเลขของสำนักงานอำเภอ)"


def office_contact(province: Province, district: District) -> list[str]:
    """The top of the page: the office's name, address and hours, a call button (tel:) and a map link
    (OpenStreetMap, a plain link: nothing is loaded from it with the page). Absent parts are left out."""
    office = district.office
    if office is None:
        return []
    about = [f"<strong>{h(office.name)}</strong>"]
    if office.address:
        about.append(f"ที่ตั้ง: {h(office.address)}")
    if office.hours:
        about.append(f"เวลาทำการ: {h(office.hours)}")
    actions, note = [], ""
    phone = office_phone(province, district)
    if phone and tel_url(phone[0]):
        number, own = phone
        actions.append(f'<a class="md-button md-button--primary tn-call" href="{h(tel_url(number))}">'
                       f"โทร {h(phone_display(number))}</a>")
        if not own:
            note = f'<p class="tn-contact__note">{phone_note(province)}</p>'
    osm = map_url(office.location)
    if osm:
        actions.append(f'<a class="md-button tn-map" href="{h(osm)}">แผนที่ไปสำนักงาน (OpenStreetMap)</a>')
    lines = ['<div class="tn-contact" data-pagefind-ignore>', f'<p class="tn-contact__office">{"<br>".join(about)}</p>']
    if actions:
        lines.append(f'<p class="tn-contact__actions">{" ".join(actions)}</p>')
    if note:
        lines.append(note)
    return lines + ["</div>", ""]


def office_section(province: Province, district: District) -> list[str]:
    lines = ["## สำนักงานและผู้รับผิดชอบ {#office}", ""]
    office = district.office
    rows = []
    if office:
        rows.append(["หน่วยงาน", h(office.name)])
        if office.address:
            rows.append(["ที่ตั้ง", h(office.address)])
        if office.hours:
            rows.append(["เวลาทำการ", h(office.hours)])
    phone = office_phone(province, district)
    if phone:
        number, own = phone
        rows.append(["โทรศัพท์", link(tel_url(number), phone_display(number))
                     + ("" if own else f" ({phone_note(province)})")])
    if office and map_url(office.location):
        rows.append(["แผนที่", link(map_url(office.location), f"OpenStreetMap ({office.location})")])
    for official in district.officials:
        if official.responsible:
            contact = ""
            if official.work_phone:
                contact = " โทร " + link(tel_url(official.work_phone), phone_display(official.work_phone))
            rows.append(["ผู้รับผิดชอบงาน อช.", f"{name_cell(official)} {h(official.position)}{contact}"])
    lines.append(table(["รายการ", "ข้อมูล"], rows, cls="tn-kv"))
    return lines + [""]


def appointment_rows(club: Club, deadline) -> list[list[str]]:
    """Rows (escaped) for a club's or the provincial association's appointment order (number, date, by)
    and its latest confirmation to the province, with the current round's DEADLINE when there is one.
    District pages and the province page both show them."""
    rows = []
    if club.order_no:
        rows.append(["คำสั่งแต่งตั้ง", order_text(club.order_no, club.order_date, club.order_by)])
    confirmed = thai_date(club.latest_confirmed) if club.latest_confirmed else "ยังไม่ยืนยัน"
    rows.append(["ยืนยันข้อมูลล่าสุด (รายงานจังหวัด)", h(confirmed) + (f" (กำหนดส่ง {h(thai_date(deadline))})" if deadline else "")])
    return rows


def rounds_table(standings: list[Standing], prints: dict[str, str] | None = None) -> list[str]:
    """The club's report to the province in each round (STANDINGS: its standing in the current round
    first, then in the past ones, newest first): when it confirmed its structure, or that it has not;
    PRINTS: round id -> link to the round's printable attachment (render/roundreport.py)."""
    if not standings:
        return []
    rows = []
    for i, standing in enumerate(standings):
        rnd = standing.round
        when = f"ยืนยันเมื่อ {h(thai_date(standing.confirmed_on))}" if standing.reported else "ยังไม่ยืนยัน"
        if standing.state is State.LATE:
            when += " (หลังกำหนด)"
        label = f"{h(rnd.title)} (รหัสรอบ <code>{h(rnd.id)}</code>" + (
            f", กำหนดส่ง {h(thai_date(rnd.deadline))})" if rnd.deadline else ")")
        if prints and rnd.id in prints:
            when += f' · <a href="{h(prints[rnd.id])}">ฉบับพิมพ์แนบหนังสือ</a>'
        rows.append([("รอบปัจจุบัน: " if i == 0 else "") + label, when])
    return ["### การรายงานต่อจังหวัดรายรอบ {#rounds}", "", table(["รอบการรายงาน", "ผล"], rows, cls="tn-kv"), ""]


def club_section(district: District, people: dict[str, Person], deadline, person_href,
                 rounds: list[Standing] | None = None, prints: dict[str, str] | None = None) -> list[str]:
    club = district.club
    lines = ["## ชมรมผู้นำ อช. {#club}", ""]
    if club is None:
        return lines + ["<p>ยังไม่มีข้อมูลชมรม</p>", ""]
    rows = [["ชื่อ", h(club.name)], ["ประเภท", h(club.kind)]]
    if club.registration_no:
        rows.append(["เลขทะเบียนสมาคม", h(club.registration_no)])
    rows.append(["วาระคณะกรรมการ", f"{h(thai_date(club.term_start))} – {h(thai_date(club.term_end))}"])
    rows += appointment_rows(club, deadline)
    lines += [table(["รายการ", "ข้อมูล"], rows, cls="tn-kv"), ""]
    lines += rounds_table(rounds or [], prints)
    lines += ["### แผนผังคณะกรรมการ {#org-chart}", "", org_chart(club, people, person_href), ""]
    return lines


def leaders_section(district: District, posts: dict[str, list[str]]) -> list[str]:
    lines = ["## ผู้นำ อช. รายตำบล {#leaders}", ""]
    rows, ids = [], []
    for sub in district.subdistricts or []:
        for person in sub.leaders:
            rows.append([name_cell(person), sex_of(person), f"ตำบล{h(sub.name)}", post_cell(person, posts),
                         role_terms(person)])
            ids.append(person.anchor)
    if not rows:
        return lines + ["<p>ยังไม่มีรายชื่อผู้นำ อช.</p>", ""]
    return lines + [table(["ชื่อ", "เพศ", "ตำบล", "ตำแหน่งในชมรม", "บทบาทและวาระ"], rows, ids, "tn-people tn-people--leaders"), ""]


@dataclass(frozen=True)
class RosterLinks:
    """Where an editor changes one subdistrict's roster file on GitHub."""
    edit: str          # the web editor of the file
    view: str          # the file's page (a line of it: view + "#L<n>"; its pencil opens the editor)
    path: str          # roster/<code>-<slug>.yaml


def _roster_edit_link(links: RosterLinks | None) -> list[str]:
    if links is None:
        return []
    return [f'<p class="tn-edit-file" data-pagefind-ignore><a href="{h(links.edit)}">แก้ไขรายชื่อของตำบลนี้</a> '
            f'(ไฟล์ <code>{h(links.path)}</code> — ลิงก์ใต้หมู่บ้านเปิดไฟล์ตรงบรรทัดของหมู่บ้าน แล้วกดรูปดินสอเพื่อแก้)</p>', ""]


def _village_edit_link(links: RosterLinks, village) -> str:
    line = village.where.line
    return (f'<a href="{h(links.view)}#L{line}">แก้ไขหมู่ที่ {village.moo} {h(village.name)}</a> '
            f'<span class="tn-count">(บรรทัด {line})</span>')


# The one part of a district or subdistrict page for officials (edit links, file names, line numbers,
# commit hashes, downloads): after everything a villager came for.
STAFF_HEADING = "## สำหรับเจ้าหน้าที่ {#staff}"


def subdistrict_rel(district: District, sub) -> str:
    """The page of one subdistrict's village volunteers, inside its district's folder
    (districts/4201-mueang-loei/420101/index.md, shown at districts/4201-mueang-loei/420101/)."""
    return page_file(f"districts/{district.folder.name}/{sub.code}")


def person_pages(district: District) -> dict[str, str]:
    """Person id -> the code of the subdistrict page that lists them (village volunteers); leaders
    and officials are on the district page itself and are not in it."""
    return {person.id: sub.code for sub in district.subdistricts or []
            for village in sub.villages for person in village.volunteers}


def volunteers_section(district: District, sub_links: dict[str, str], people_json: str = "") -> list[str]:
    """The district page's index of its subdistrict pages (one page of village volunteers each,
    so that a district page stays small enough for a phone): villages and volunteers per subdistrict.
    SUB_LINKS: subdistrict code -> link from the district page. PEOPLE_JSON (the people finder's
    records, relative link) lets assets/javascripts/roster.js send an old link to a volunteer's row
    on this page (#p-…) on to the row's subdistrict page."""
    lines = ["## ตำบลและหมู่บ้าน {#volunteers}", ""]
    if not district.subdistricts:
        return lines + ["<p>ยังไม่มีข้อมูลตำบล</p>", ""]
    items = []
    for sub in district.subdistricts:
        volunteers = sum(len(v.volunteers) for v in sub.villages)
        page = sub_links[sub.code]
        # each village links to its heading on the subdistrict page (left out of search: that page has it)
        villages = "".join(f'<li><a href="{h(page)}#v-{h(sub.code)}-{v.moo}">หมู่ {v.moo} {h(v.name)}</a></li>'
                           for v in sub.villages)
        items.append(f'<li id="s-{h(sub.code)}"><a href="{h(page)}">ตำบล{h(sub.name)}</a> '
                     f'<span class="tn-count">{len(sub.villages)} หมู่บ้าน · อช. {volunteers} คน</span>'
                     + (f'<ul class="tn-villages" data-pagefind-ignore>{villages}</ul>' if villages else "") + "</li>")
    data = f' data-people="{h(people_json)}"' if people_json else ""
    return lines + ["<p>เลือกหมู่บ้านเพื่อดูรายชื่อ อช. (หน้าละหนึ่งตำบล):</p>",
                    f'<ul class="tn-subdistricts"{data}>{"".join(items)}</ul>', ""]


def village_rows(village, posts: dict[str, list[str]]) -> list[list[str]]:
    """One row per volunteer: the village and subdistrict are the headings above, not repeated."""
    return [[name_cell(p), sex_of(p), post_cell(p, posts), role_terms(p)]
            for p in village.volunteers]


def subdistrict_page(province: Province, district: District, sub, district_link: str,
                     roster_file: RosterLinks | None = None) -> str:
    """Markdown for one subdistrict's page: each village and its volunteers (ids p-<person id> on
    the rows, v-<subdistrict>-<moo> on the village headings, as the district page had them), with
    the links to the subdistrict's roster file to edit (ROSTER_FILE) under its heading and each village's."""
    posts = district.club.posts_by_holder() if district.club else {}
    lines = [f"# ตำบล{md(sub.name)} อำเภอ{md(district.name)}", ""]
    if district.sample:
        lines += [SAMPLE_NOTICE, ""]
    lines += [f'<p class="tn-crumb" data-pagefind-ignore><a href="{h(district_link)}">อำเภอ{h(district.name)}</a> › '
              f'ตำบล{h(sub.name)} — ผู้นำ อช. ของตำบลอยู่ที่<a href="{h(district_link)}#leaders">หน้าอำเภอ</a></p>', ""]
    lines += [f"## อช. รายหมู่บ้าน ตำบล{md(sub.name)} {{#s-{sub.code}}}", ""]
    if not sub.villages:
        lines += ["<p>ยังไม่มีข้อมูลหมู่บ้าน</p>", ""]
    for village in sub.villages:
        lines += [f"### หมู่ที่ {village.moo} {md(village.name)} {{#v-{sub.code}-{village.moo}}}", ""]
        rows = village_rows(village, posts)
        if rows:
            lines.append(table(["ชื่อ", "เพศ", "ตำแหน่งในชมรม", "บทบาทและวาระ"], rows,
                               [p.anchor for p in village.volunteers], "tn-people tn-people--village"))
        else:
            lines.append("<p>ยังไม่มีรายชื่อ อช.</p>")
        lines.append("")
    if roster_file is not None:     # the officials' part, after what a villager came for
        lines += [STAFF_HEADING, ""] + _roster_edit_link(roster_file)
        lines += ['<ul class="tn-edit-villages" data-pagefind-ignore>'
                  + "".join(f"<li>{_village_edit_link(roster_file, v)}</li>" for v in sub.villages) + "</ul>", ""]
    return "\n".join(lines)


def nominees_section(province: Province, district: District, people: dict[str, Person], person_href) -> list[str]:
    lines = ["## ผู้แทนเข้าประชุม {#meeting}", ""]
    meetings = {m.id: m for m in province.meetings}
    if not district.nominations:
        return lines + ["<p>ยังไม่ส่งรายชื่อ</p>", ""]
    officials = {o.id: o for o in district.officials}
    for nomination in district.nominations:
        meeting = meetings.get(nomination.meeting)
        title = meeting.title if meeting else nomination.meeting
        when = f" — {h(thai_date(meeting.date))} เวลา {h(meeting.time)} น. {h(meeting.place)}" if meeting else ""
        rows = []
        for pid, _ in nomination.representatives:
            person = people.get(pid)
            rows.append(["ผู้แทนชมรม", f'<a href="{h(person_href(person))}">{h(person.name)}</a>' if person else h(pid)])
        for pid, _ in nomination.officials:
            person = officials.get(pid)
            rows.append(["เจ้าหน้าที่ผู้รับผิดชอบ", h(f"{person.name} {person.position}") if person else h(pid)])
        lines += [f"<p><strong>{h(title)}</strong>{when}</p>", table(["ในฐานะ", "ชื่อ"], rows, cls="tn-kv"), ""]
    return lines


def district_page(province: Province, district: District, status, edit_urls: dict[str, str],
                  qr_rel: str, downloads: list, page_url: str, history_md: str = "", *,
                  form: tuple[str, str, str] | None = None, roster_files: dict[str, RosterLinks] | None = None,
                  rounds: list[Standing] | None = None, sub_links: dict[str, str] | None = None,
                  people_json: str = "", report: tuple[str, str] | None = None, calendar: str | None = None,
                  prints: dict[str, str] | None = None) -> str:
    """Markdown for one district page (raw HTML blocks for tables and the chart).

    FORM: (link, size, link to the submit page's Excel section) of the district's form for import-xlsx,
    offered apart from the open data. ROSTER_FILES: each subdistrict's file to edit (by code). ROUNDS:
    the club's standing in each reporting round, current first (rounds_table).

    PRINTS: round id -> link to the district's printable report of that round (render/roundreport.py).

    CALENDAR: link to the province's calendar file of deadlines and meetings (render/calendar.py).

    STATUS: the district's dashboard row (derive/dashboard); its standing decides the badge.

    HISTORY_MD is the already escaped "ประวัติการแก้ไข" body (thamniap.render.history.history_markdown).

    SUB_LINKS: subdistrict code -> link from this page to the subdistrict's page of village volunteers
    (subdistrict_page); a volunteer's link goes there, a leader's to this page."""
    people = {p.id: p for p in district.people()}
    sub_links = sub_links or {sub.code: f"{sub.code}/" for sub in district.subdistricts or []}
    on_page = person_pages(district)

    def person_href(person: Person) -> str:
        code = on_page.get(person.id)
        return (sub_links[code] if code else "") + f"#{person.anchor}"
    posts = district.club.posts_by_holder() if district.club else {}
    deadline = status.deadline if status else None
    lines = [f"# อำเภอ{md(district.name)}", "",
             status_badges(district, status), ""]
    if district.sample:
        lines += [SAMPLE_NOTICE, ""]
    # what a villager came for first: the office to call, the villages, the people
    lines += office_contact(province, district)
    staff = '<a href="#staff">แก้ไขข้อมูล ดาวน์โหลด และประวัติ</a>'
    if report:
        staff = f'<a href="{h(report[0])}">รายงานข้อมูลชมรม</a> · ' + staff
    lines += [f'<p class="tn-staff-link" data-pagefind-ignore>สำหรับเจ้าหน้าที่: {staff}</p>', ""]
    lines += volunteers_section(district, sub_links, people_json)
    lines += leaders_section(district, posts)
    lines += office_section(province, district)
    lines += club_section(district, people, deadline, person_href, rounds, prints)
    lines += nominees_section(province, district, people, person_href)
    # the officials' part, at the end
    lines += [STAFF_HEADING, ""]
    if report:    # (link to the report page, its QR code): render/reportpage.py
        lines += [f'<div class="tn-report-cta" data-pagefind-ignore><a class="md-button md-button--primary" href="{h(report[0])}">'
                  f'รายงานข้อมูลชมรม (แทนแบบฟอร์ม QR)</a><img class="tn-report-cta__qr" src="{h(report[1])}" '
                  'alt="QR code ไปยังหน้ารายงานข้อมูลชมรมของอำเภอนี้" width="96" height="96" loading="lazy"></div>', ""]
    edit = " ".join(f'<a class="md-button" href="{h(url)}">แก้ไขข้อมูล: {h(label)}</a>'
                    for label, url in edit_urls.items())
    lines += [f'<p class="tn-edit" data-pagefind-ignore>{edit}</p>', ""]
    if history_md:
        lines += ["### ประวัติการแก้ไข {#history}", "", history_md, ""]
    lines += ["### ดาวน์โหลดและ QR code {#downloads}", "", '<div class="tn-qr-block" data-pagefind-ignore>',
              f'<img class="tn-qr" src="{h(qr_rel)}" alt="QR code ของหน้านี้: {h(page_url)}" width="160" height="160" loading="lazy">',
              "<ul>"]
    lines += [f'<li><a href="{h(d_rel)}">{h(title)}</a> ({h(size)})</li>' for d_rel, title, size in downloads]
    if calendar:     # render/calendar.py: the rounds' deadlines and the meetings, for a phone's calendar
        lines.append(f'<li><a href="{h(calendar)}">ปฏิทินกำหนดส่งรายงานและวันประชุม</a> (ไฟล์ .ics เพิ่มลงปฏิทินในโทรศัพท์)</li>')
    lines += ["</ul>", "</div>", ""]
    if form:
        lines += [texts.import_form_link(*(h(part) for part in form)), ""]
    return "\n".join(lines)
