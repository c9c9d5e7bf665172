"""What changed between two states of the data, per district, in words a reviewer can read.

`compare(base, head)` takes two `Province` models (loaded with `validate.load_dataset` from two
checkouts) and returns a `ProvinceChanges`: for the province and for each district, people added,
removed and changed (field by field), committee seats, club term and appointment, the confirmed
date, meeting nominees, office, officials and maintainers. People are matched by their stable `id`,
so a renamed person is "changed", not "removed + added".

`markdown(changes)` renders it in Thai. Every value that comes from data goes through
`render.markup.md` (HTML-escaped, Markdown specials backslashed), so a name such as
`<img onerror=…>` or `[x](javascript:…)` is shown as text in a GitHub step summary or a site page.
Phone numbers are never shown: only whether a consented phone exists or changed.

`check-pr` (the pull request summary) and `history` (the district page) both use this module.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from thamniap.core.dates import thai_date
from thamniap.model import Club, District, Meeting, Nomination, Office, Person, Province, Role
from thamniap.render.markup import md

NONE = "—"          # shown for "no value"
VACANT = "ว่าง"     # a committee seat without a holder


@dataclass(frozen=True)
class FieldChange:
    """One value that changed. `label` is our own text; `before`/`after` come from data (None: absent)."""
    label: str
    before: str | None
    after: str | None


@dataclass
class PersonChange:
    """A person added, removed or changed; `place` says where they are listed (from data)."""
    id: str
    name: str
    place: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class AreaChanges:
    """Changes of one area: a district, or the province's own data (code = province code)."""
    code: str
    name: str
    level: str                                   # "district" | "province"
    status: str = "changed"                      # "added" | "removed" | "changed"
    added: list[PersonChange] = field(default_factory=list)
    removed: list[PersonChange] = field(default_factory=list)
    changed: list[PersonChange] = field(default_factory=list)
    posts: list[FieldChange] = field(default_factory=list)
    club: list[FieldChange] = field(default_factory=list)
    confirmed: FieldChange | None = None
    nominees: list[FieldChange] = field(default_factory=list)
    office: list[FieldChange] = field(default_factory=list)
    maintainers: list[FieldChange] = field(default_factory=list)
    other: list[FieldChange] = field(default_factory=list)   # rounds, meetings, circular, names
    notes: list[str] = field(default_factory=list)           # our own text (e.g. a file could not be read)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.posts or self.club or self.confirmed
                    or self.nominees or self.office or self.maintainers or self.other or self.notes
                    or self.status != "changed")

    @property
    def title(self) -> str:
        """Heading text (raw; escape when rendering)."""
        if self.level == "province":
            return f"จังหวัด{self.name} (ข้อมูลระดับจังหวัด)"
        return f"อำเภอ{self.name} ({self.code})"


@dataclass
class ProvinceChanges:
    areas: list[AreaChanges] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return all(a.empty for a in self.areas)


# ---------------------------------------------------------------- comparing

def compare(base: Province | None, head: Province | None) -> ProvinceChanges:
    """Every change from BASE to HEAD (either may be None: a province added or removed)."""
    out = ProvinceChanges()
    meetings = {m.id: m for p in (base, head) if p for m in p.meetings}
    province = compare_province(base, head)
    if not province.empty:
        out.areas.append(province)
    before = {d.folder.name: d for d in (base.districts if base else [])}
    after = {d.folder.name: d for d in (head.districts if head else [])}
    for folder in sorted(before.keys() | after.keys()):
        area = compare_district(before.get(folder), after.get(folder), meetings)
        if not area.empty:
            out.areas.append(area)
    return out


def compare_district(base: District | None, head: District | None,
                     meetings: dict[str, Meeting] | None = None) -> AreaChanges:
    """Changes of one district from BASE to HEAD (None: the district did not / does not exist)."""
    meetings = meetings or {}
    some = head or base
    area = AreaChanges(some.code, (head.name if head and head.name else base.name if base else "") or some.code,
                       "district")
    if base is None:
        area.status = "added"
    elif head is None:
        area.status = "removed"
    b = base or District(some.code, some.folder, some.slug)
    h = head or District(some.code, some.folder, some.slug)
    if base is not None and head is not None:
        _value(area.other, "ชื่ออำเภอ", b.name or None, h.name or None)
    area.office += _office(b.office, h.office)
    area.maintainers += _maintainers(b.maintainers, h.maintainers)
    base_people = _district_people(b)
    head_people = _district_people(h)
    names_b = {pid: p.name for pid, (p, _) in base_people.items()}
    names_h = {pid: p.name for pid, (p, _) in head_people.items()}
    # A part that could not be read on one side (file with errors) is not compared: listing every
    # person as "removed" because of one typo would hide the real change.
    both = base is not None and head is not None
    unreadable = [name for name, part in (("roster.yaml", "subdistricts"), ("club.yaml", "club"),
                                          ("meeting.yaml", "nominations"))
                  if both and (getattr(b, part) is None) != (getattr(h, part) is None)]
    if unreadable:
        area.notes.append(f"อ่าน {', '.join(unreadable)} ไม่ได้ในรุ่นใดรุ่นหนึ่ง (มีข้อผิดพลาด) จึงไม่ได้เปรียบเทียบ"
                          " — ดูผลการตรวจข้อมูล")
    if "roster.yaml" in unreadable:
        officials = lambda people: {k: v for k, v in people.items() if v[0].listed_as == "official"}  # noqa: E731
        _people(area, officials(base_people), officials(head_people))
    else:
        _people(area, base_people, head_people)
    if "club.yaml" not in unreadable:
        _club(area, b.club, h.club, names_b, names_h)
    if "meeting.yaml" not in unreadable:
        area.nominees += _nominees(b.nominations, h.nominations, names_b, names_h, meetings)
    return area


def compare_province(base: Province | None, head: Province | None) -> AreaChanges:
    """Changes of the province's own files (province.yaml, club.yaml), not of its districts."""
    some = head or base
    area = AreaChanges(some.code, (head.name if head and head.name else base.name if base else "") or some.code,
                       "province")
    if base is None:
        area.status = "added"
    elif head is None:
        area.status = "removed"
    b = base or Province(some.code, some.folder, some.slug)
    h = head or Province(some.code, some.folder, some.slug)
    area.office += _office(b.office, h.office)
    area.maintainers += _maintainers(b.maintainers, h.maintainers)
    before = {p.id: (p, "เจ้าหน้าที่จังหวัด" + (f" {p.position}" if p.position else "")) for p in b.officials}
    after = {p.id: (p, "เจ้าหน้าที่จังหวัด" + (f" {p.position}" if p.position else "")) for p in h.officials}
    _people(area, before, after)
    rounds_b = {r.id: r for r in b.rounds}
    rounds_h = {r.id: r for r in h.rounds}
    for rid in sorted(rounds_b.keys() | rounds_h.keys()):
        rb, rh = rounds_b.get(rid), rounds_h.get(rid)
        _value(area.other, "รอบการรายงาน", rb.title if rb else None, rh.title if rh else None)
        _value(area.other, "กำหนดส่ง", _date(rb.deadline) if rb else None, _date(rh.deadline) if rh else None)
        _value(area.other, "เปิดรับ", _date(rb.opens) if rb else None, _date(rh.opens) if rh else None)
    meetings_b = {m.id: m for m in b.meetings}
    meetings_h = {m.id: m for m in h.meetings}
    for mid in sorted(meetings_b.keys() | meetings_h.keys()):
        mb, mh = meetings_b.get(mid), meetings_h.get(mid)
        _value(area.other, "การประชุม", _meeting(mb), _meeting(mh))
    cb, ch = b.circular, h.circular
    _value(area.other, "หนังสือเวียน", _circular(cb), _circular(ch))
    index_b = {pid: p.name for pid, p in b.person_index().items()}
    index_h = {pid: p.name for pid, p in h.person_index().items()}
    _club(area, b.club, h.club, index_b, index_h)
    return area


# ---------------------------------------------------------------- parts

def _value(out: list[FieldChange], label: str, before, after) -> None:
    if before != after:
        out.append(FieldChange(label, before, after))


def _date(day) -> str | None:
    return thai_date(day) if day else None


def _office(before: Office | None, after: Office | None) -> list[FieldChange]:
    out: list[FieldChange] = []
    b = before or Office("")
    a = after or Office("")
    _value(out, "ชื่อหน่วยงาน", b.name or None, a.name or None)
    _value(out, "กลุ่มงาน", b.unit, a.unit)
    _value(out, "ที่ตั้ง", b.address, a.address)
    _value(out, "อีเมล", b.email, a.email)
    _value(out, "เว็บไซต์", b.website, a.website)
    if b.phone != a.phone:  # numbers are not repeated in summaries
        out.append(FieldChange("โทรศัพท์สำนักงาน", _presence(b.phone), _presence(a.phone)))
    return out


def _presence(value) -> str:
    return "มี" if value else "ไม่มี"


def _maintainers(before: list[str], after: list[str]) -> list[FieldChange]:
    out = []
    for login in after:
        if login not in before:
            out.append(FieldChange("เพิ่มผู้ดูแล", None, "@" + login))
    for login in before:
        if login not in after:
            out.append(FieldChange("ลบผู้ดูแล", "@" + login, None))
    return out


def _place(person: Person, sub_name: str = "", village: str = "") -> str:
    if person.listed_as == "leader":
        return f"ผู้นำ อช. ตำบล{sub_name}"
    if person.listed_as == "volunteer":
        return f"อช. ตำบล{sub_name} หมู่ที่ {person.moo} {village}".rstrip()
    return "เจ้าหน้าที่" + (f" {person.position}" if person.position else "")


def _district_people(district: District) -> dict[str, tuple[Person, str]]:
    """Roster people and officials by id, each with where they are listed."""
    out: dict[str, tuple[Person, str]] = {}
    for official in district.officials:
        out.setdefault(official.id, (official, _place(official)))
    for sub in district.subdistricts or []:
        for leader in sub.leaders:
            out.setdefault(leader.id, (leader, _place(leader, sub.name)))
        for village in sub.villages:
            for volunteer in village.volunteers:
                out.setdefault(volunteer.id, (volunteer, _place(volunteer, sub.name, village.name)))
    return out


def _roles(roles: list[Role]) -> str:
    return ", ".join(f"{r.role} {thai_date(r.start, short=True)} – {thai_date(r.end, short=True)}" for r in roles) or NONE


def _person_fields(b: Person, a: Person, place_b: str, place_a: str) -> list[FieldChange]:
    out: list[FieldChange] = []
    _value(out, "คำนำหน้า", b.title, a.title)
    _value(out, "ชื่อ", b.first_name, a.first_name)
    _value(out, "นามสกุล", b.last_name, a.last_name)
    _value(out, "เพศ", b.sex_given, a.sex_given)
    _value(out, "ที่อยู่ในทำเนียบ", place_b, place_a)
    _value(out, "บทบาทและวาระ", _roles(b.roles), _roles(a.roles))
    _value(out, "ตำแหน่ง", b.position, a.position)
    _value(out, "ผู้รับผิดชอบงาน อช.", "ใช่" if b.responsible else None, "ใช่" if a.responsible else None)
    if (b.phone, b.consent_date, b.consent_method) != (a.phone, a.consent_date, a.consent_method):
        out.append(FieldChange("โทรศัพท์ส่วนตัว (ได้รับความยินยอม)", _consented(b), _consented(a)))
    if b.work_phone != a.work_phone:
        out.append(FieldChange("โทรศัพท์ที่ทำงาน", _presence(b.work_phone), _presence(a.work_phone)))
    _value(out, "หมายเหตุ", b.note, a.note)
    return out


def _consented(person: Person) -> str:
    if not person.phone:
        return "ไม่มี"
    return "มี (ยินยอมเมื่อ " + thai_date(person.consent_date) + ")" if person.consent_date else "มี (ไม่ระบุความยินยอม)"


def _people(area: AreaChanges, before: dict[str, tuple[Person, str]], after: dict[str, tuple[Person, str]]) -> None:
    for pid, (person, place) in after.items():
        if pid not in before:
            area.added.append(PersonChange(pid, person.name, place))
    for pid, (person, place) in before.items():
        if pid not in after:
            area.removed.append(PersonChange(pid, person.name, place))
    for pid, (person, place) in after.items():
        if pid in before:
            old, old_place = before[pid]
            if old is person and old_place == place:
                continue  # the same object: history shares unchanged parts between commits
            fields = _person_fields(old, person, old_place, place)
            if fields:
                area.changed.append(PersonChange(pid, person.name, place, fields))


def _club(area: AreaChanges, before: Club | None, after: Club | None,
          names_before: dict[str, str], names_after: dict[str, str]) -> None:
    if before is None and after is None:
        return
    if before is None or after is None:
        area.club.append(FieldChange("ชมรม", before.name if before else None, after.name if after else None))
    b = before or Club("", "", None, None, None, None, None, None, None, False, [], False, None, None, None)
    a = after or Club("", "", None, None, None, None, None, None, None, False, [], False, None, None, None)
    if before is not None and after is not None:
        _value(area.club, "ชื่อชมรม", b.name, a.name)
        _value(area.club, "ประเภท", b.kind, a.kind)
    _value(area.club, "เลขทะเบียนสมาคม", b.registration_no, a.registration_no)
    term_b = f"{thai_date(b.term_start)} – {thai_date(b.term_end)}" if before else None
    term_a = f"{thai_date(a.term_start)} – {thai_date(a.term_end)}" if after else None
    _value(area.club, "วาระคณะกรรมการ", term_b, term_a)
    _value(area.club, "คำสั่งแต่งตั้ง", _appointment(b), _appointment(a))
    if b.confirmed_on != a.confirmed_on:
        area.confirmed = FieldChange("ยืนยันข้อมูลเมื่อ", _date(b.confirmed_on), _date(a.confirmed_on))
    area.posts += _posts(b, a, names_before, names_after)


def _appointment(club: Club) -> str | None:
    if not (club.order_no or club.order_date or club.order_by):
        return None
    parts = [f"ที่ {club.order_no}" if club.order_no else "", f"ลงวันที่ {thai_date(club.order_date)}" if club.order_date else "",
             f"โดย {club.order_by}" if club.order_by else ""]
    return " ".join(p for p in parts if p)


def _seat(seat) -> str | None:
    """The holder's id, or None for a vacant seat."""
    return None if seat.vacant or not seat.holder_id else seat.holder_id


def _posts(before: Club, after: Club, names_b: dict[str, str], names_a: dict[str, str]) -> list[FieldChange]:
    """Seat changes per post name: "ประธาน: นาย ก → นาง ข". Holders are compared by id (a renamed
    holder is a person change, not a seat change); posts with several seats are compared as multisets."""
    holders_b: dict[str, list[str | None]] = {}
    holders_a: dict[str, list[str | None]] = {}
    for seat in before.posts:
        holders_b.setdefault(seat.post, []).append(_seat(seat))
    for seat in after.posts:
        holders_a.setdefault(seat.post, []).append(_seat(seat))
    order = list(dict.fromkeys([s.post for s in after.posts] + [s.post for s in before.posts]))

    def name(pid: str | None, names: dict[str, str]) -> str:
        return VACANT if pid is None else names.get(pid, pid)

    out: list[FieldChange] = []
    for post in order:
        gone = _surplus(holders_b.get(post, []), holders_a.get(post, []))
        new = _surplus(holders_a.get(post, []), holders_b.get(post, []))
        for old, fresh in zip(gone, new):
            out.append(FieldChange(post, name(old, names_b), name(fresh, names_a)))
        for old in gone[len(new):]:
            out.append(FieldChange(post, name(old, names_b), None))
        for fresh in new[len(gone):]:
            out.append(FieldChange(post, None, name(fresh, names_a)))
    return out


def _surplus(mine: list, theirs: list) -> list:
    """MINE less THEIRS as multisets, in MINE's order (two รองประธาน seats count twice)."""
    left = Counter(theirs)
    out = []
    for name in mine:
        if left[name] > 0:
            left[name] -= 1
        else:
            out.append(name)
    return out


def _nomination_people(nomination: Nomination | None, names: dict[str, str]) -> tuple[str | None, str | None]:
    if nomination is None:
        return None, None
    reps = ", ".join(names.get(pid, pid) for pid, _ in nomination.representatives) or NONE
    officials = ", ".join(names.get(pid, pid) for pid, _ in nomination.officials) or NONE
    return reps, officials


def _nominees(before: list[Nomination] | None, after: list[Nomination] | None, names_b: dict[str, str],
              names_a: dict[str, str], meetings: dict[str, Meeting]) -> list[FieldChange]:
    out: list[FieldChange] = []
    by_b = {n.meeting: n for n in before or []}
    by_a = {n.meeting: n for n in after or []}
    for mid in list(dict.fromkeys([*by_a, *by_b])):
        title = meetings[mid].title if mid in meetings else mid
        reps_b, off_b = _nomination_people(by_b.get(mid), names_b)
        reps_a, off_a = _nomination_people(by_a.get(mid), names_a)
        _value(out, f"ผู้แทนชมรม — {title}", reps_b, reps_a)
        _value(out, f"เจ้าหน้าที่ — {title}", off_b, off_a)
        nb, na = by_b.get(mid), by_a.get(mid)
        _value(out, f"วันที่ส่งรายชื่อ — {title}", _date(nb.submitted_on) if nb else None,
               _date(na.submitted_on) if na else None)
    return out


def _meeting(meeting: Meeting | None) -> str | None:
    if meeting is None:
        return None
    return f"{meeting.title} {thai_date(meeting.date)} {meeting.time} น. {meeting.place}"


def _circular(circular) -> str | None:
    if circular is None:
        return None
    return f"{circular.number} ลงวันที่ {thai_date(circular.date)} {circular.subject}"


# ---------------------------------------------------------------- rendering (Thai Markdown)

INDENT = "    "   # four spaces: nested lists work in both Python-Markdown and GitHub


def _v(value: str | None) -> str:
    return NONE if value is None else md(value)


def _field(change: FieldChange) -> str:
    if change.before is None:
        return f"{md(change.label)}: {_v(change.after)}" if change.label.startswith("เพิ่ม") else \
            f"{md(change.label)}: {NONE} → {_v(change.after)}"
    if change.after is None:
        return f"{md(change.label)}: {_v(change.before)}" if change.label.startswith("ลบ") else \
            f"{md(change.label)}: {_v(change.before)} → {NONE}"
    return f"{md(change.label)}: {_v(change.before)} → {_v(change.after)}"


def _person(change: PersonChange, with_fields: bool) -> str:
    text = f"{md(change.name)} ({md(change.place)}; รหัส {md(change.id)})"
    if with_fields and change.fields:
        text += " — " + "; ".join(_field(f) for f in change.fields)
    return text


def area_lines(area: AreaChanges, max_people: int = 200) -> list[str]:
    """Bullet lines (Markdown, escaped) for one area; empty when nothing changed."""
    lines: list[str] = []
    if area.status == "added":
        lines.append(f"- เพิ่มข้อมูล{'อำเภอ' if area.level == 'district' else 'จังหวัด'}นี้ใหม่")
    elif area.status == "removed":
        lines.append(f"- ลบข้อมูล{'อำเภอ' if area.level == 'district' else 'จังหวัด'}นี้ทั้งหมด")
    lines += [f"- {md(note)}" for note in area.notes]

    def group(title: str, items: list[str]) -> None:
        if items:
            lines.append(f"- {title}")
            lines.extend(f"{INDENT}- {item}" for item in items)

    def people(title: str, changes: list[PersonChange], with_fields: bool) -> None:
        if not changes:
            return
        shown = [_person(c, with_fields) for c in changes[:max_people]]
        if len(changes) > max_people:
            shown.append(f"และอีก {len(changes) - max_people:,} คน")
        group(f"{title} {len(changes):,} คน", shown)

    group("คณะกรรมการชมรม", [_field(c) for c in area.posts])
    group("ชมรม วาระ และคำสั่งแต่งตั้ง", [_field(c) for c in area.club])
    if area.confirmed:
        lines.append(f"- {_field(area.confirmed)}")
    people("เพิ่มรายชื่อ", area.added, False)
    people("ลบรายชื่อ", area.removed, False)
    people("แก้ไขข้อมูลบุคคล", area.changed, True)
    group("ผู้แทนเข้าประชุม", [_field(c) for c in area.nominees])
    group("สำนักงาน", [_field(c) for c in area.office])
    group("ผู้ดูแลข้อมูล (บัญชี GitHub)", [_field(c) for c in area.maintainers])
    group("ข้อมูลอื่น", [_field(c) for c in area.other])
    return lines


def markdown(changes: ProvinceChanges, heading: str = "###", max_people: int = 200) -> str:
    """The change summary in Thai Markdown: one heading per area, then bullet lists."""
    if changes.empty:
        return "ไม่มีการเปลี่ยนแปลงข้อมูลใน data/\n"
    out: list[str] = []
    for area in changes.areas:
        out += [f"{heading} {md(area.title)}", "", *area_lines(area, max_people), ""]
    return "\n".join(out)


def headline(area: AreaChanges) -> str:
    """A few words for one area's change (plain text, not escaped): used in short lists."""
    if area.status == "added":
        people = len(area.added)
        seats = sum(1 for c in area.posts if c.after not in (None, VACANT))
        return f"เพิ่มข้อมูล{'อำเภอ' if area.level == 'district' else 'จังหวัด'}นี้ ({people:,} คน รวมเจ้าหน้าที่" + \
            (f", กรรมการชมรม {seats} ตำแหน่ง)" if seats else ")")
    parts = []
    if area.status == "removed":
        parts.append("ลบข้อมูลทั้งหมด")
    if area.posts:
        parts.append(f"คณะกรรมการ {len(area.posts)} ตำแหน่ง")
    if area.added:
        parts.append(f"เพิ่ม {len(area.added)} คน")
    if area.removed:
        parts.append(f"ลบ {len(area.removed)} คน")
    if area.changed:
        parts.append(f"แก้ไข {len(area.changed)} คน")
    if area.club or area.confirmed:
        parts.append("ข้อมูลชมรม")
    if area.nominees:
        parts.append("ผู้แทนเข้าประชุม")
    if area.office or area.other:
        parts.append("ข้อมูลสำนักงาน/อื่น ๆ")
    if area.maintainers:
        parts.append("ผู้ดูแล")
    return ", ".join(parts) or "ไม่มีการเปลี่ยนแปลงข้อมูล"
