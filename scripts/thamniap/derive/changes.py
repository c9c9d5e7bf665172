"""What changed between two states of the data, per district: plain values, no words yet.

`compare(base, head)` takes two `Province` models (loaded with `validate.load_dataset` from two
checkouts) and returns a `ProvinceChanges`: for the province and for each district, people added,
removed and changed (field by field), committee seats, club term and appointment, the confirmed
date, meeting nominees, office, officials and maintainers. People are matched by their stable `id`,
so a renamed person is "changed", not "removed + added".

A change names its field by an id (`FieldChange.field`, e.g. "club.term") and keeps the values
themselves: text, `datetime.date`, or the small value types below. Thai words, dates in Thai and
Markdown escaping are render/changes.py's (the PR summary of check-pr and the history on the
district page both use it). Phone numbers are never kept: only whether a consented phone exists.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from thamniap.model import Club, District, Meeting, Nomination, Office, Person, Province, Role


# ---------------------------------------------------------------- values kept in a change

@dataclass(frozen=True)
class Place:
    """Where a person is listed: KIND is "leader", "volunteer", "official" or "province-official"."""
    kind: str
    subdistrict: str = ""
    moo: int | None = None
    village: str = ""
    position: str = ""


@dataclass(frozen=True)
class RoleTerm:
    role: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Departure:
    """A role the person has left (end_reason given): the day and the reason."""
    role: str
    end: dt.date | None
    reason: str
    note: str | None


@dataclass(frozen=True)
class Term:
    """A club committee's term."""
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Appointment:
    """The order that appointed a committee (at least one part is given)."""
    number: str | None
    date: dt.date | None
    by: str | None


@dataclass(frozen=True)
class MeetingValue:
    """The parts of a meeting a reviewer sees (not its seat counts)."""
    title: str
    date: dt.date | None
    time: str
    place: str


@dataclass(frozen=True)
class CircularValue:
    number: str
    date: dt.date | None
    subject: str


@dataclass(frozen=True)
class Consent:
    """A personal phone (the number itself is never kept) and the date consent was given."""
    phone: bool
    date: dt.date | None


@dataclass(frozen=True)
class Holder:
    """Who holds a committee seat: NAME (from data), or None when the seat is vacant."""
    name: str | None


@dataclass(frozen=True)
class FieldChange:
    """One value that changed (None: absent on that side).

    FIELD says which value (an id such as "office.email"; the Thai label is render.changes.LABELS's);
    SUBJECT, from data, is the committee post or the meeting title the value belongs to."""
    field: str
    before: object
    after: object
    subject: str | None = None


@dataclass
class PersonChange:
    """A person added, removed or changed; `place` says where they are listed."""
    id: str
    name: str
    place: Place
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
    confirmed: list[FieldChange] = field(default_factory=list)   # per reporting round
    nominees: list[FieldChange] = field(default_factory=list)
    office: list[FieldChange] = field(default_factory=list)
    maintainers: list[FieldChange] = field(default_factory=list)
    other: list[FieldChange] = field(default_factory=list)   # rounds, meetings, circular, names
    unreadable: list[str] = field(default_factory=list)      # files not compared: unreadable on one side

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.posts or self.club or self.confirmed
                    or self.nominees or self.office or self.maintainers or self.other or self.unreadable
                    or self.status != "changed")


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


def _area(kind: str, part, base, head):
    """The AreaChanges of a district or province (added / removed when one side is missing), and
    both sides, an empty part standing in for the missing one."""
    some = head or base
    area = AreaChanges(some.code, (head.name if head and head.name else base.name if base else "") or some.code, kind)
    if base is None:
        area.status = "added"
    elif head is None:
        area.status = "removed"
    return area, base or part(some.code, some.folder, some.slug), head or part(some.code, some.folder, some.slug)


def compare_district(base: District | None, head: District | None,
                     meetings: dict[str, Meeting] | None = None) -> AreaChanges:
    """Changes of one district from BASE to HEAD (None: the district did not / does not exist)."""
    meetings = meetings or {}
    area, b, h = _area("district", District, base, head)
    if base is not None and head is not None:
        _value(area.other, "district.name", b.name or None, h.name or None)
    area.office += _office(b.office, h.office)
    area.maintainers += _maintainers(b.maintainers, h.maintainers)
    base_people = _district_people(b)
    head_people = _district_people(h)
    names_b = {pid: p.name for pid, (p, _) in base_people.items()}
    names_h = {pid: p.name for pid, (p, _) in head_people.items()}
    # A part that could not be read on one side (file with errors) is not compared: listing every
    # person as "removed" because of one typo would hide the real change.
    both = base is not None and head is not None
    unreadable = [name for name, part in (("club.yaml", "club"), ("meeting.yaml", "nominations"))
                  if both and (getattr(b, part) is None) != (getattr(h, part) is None)]
    skipped = _unreadable_rosters(b, h) if both else {}
    unreadable += sorted(set(skipped.values()))
    area.unreadable += unreadable
    if skipped:   # the people of a roster file read on one side only are not compared
        keep = lambda people: {k: v for k, v in people.items() if v[0].subdistrict_code not in skipped}  # noqa: E731
        _people(area, keep(base_people), keep(head_people))
    else:
        _people(area, base_people, head_people)
    if "club.yaml" not in unreadable:
        _club(area, b.club, h.club, names_b, names_h)
    if "meeting.yaml" not in unreadable:
        area.nominees += _nominees(b.nominations, h.nominations, names_b, names_h, meetings)
    return area


def _unreadable_rosters(base: District, head: District) -> dict[str, str]:
    """Subdistrict code -> roster file, for each subdistrict whose file could not be read on a side
    (a file with errors): listing its people as removed or added would hide the real change."""
    out: dict[str, str] = {}
    for side in (base, head):
        done = {s.file for s in side.subdistricts or []}
        out.update({code: f"roster/{PurePosixPath(path).name}" for code, path in side.roster_files if path not in done})
    if (base.subdistricts is None) != (head.subdistricts is None):   # a one-file roster.yaml (history)
        out.update({s.code: "roster.yaml" for s in base.subdistricts or head.subdistricts or []})
    return out


def compare_province(base: Province | None, head: Province | None) -> AreaChanges:
    """Changes of the province's own files (province.yaml, club.yaml), not of its districts."""
    area, b, h = _area("province", Province, base, head)
    area.office += _office(b.office, h.office)
    area.maintainers += _maintainers(b.maintainers, h.maintainers)
    before = {p.id: (p, Place("province-official", position=p.position or "")) for p in b.officials}
    after = {p.id: (p, Place("province-official", position=p.position or "")) for p in h.officials}
    _people(area, before, after)
    rounds_b = {r.id: r for r in b.rounds}
    rounds_h = {r.id: r for r in h.rounds}
    for rid in sorted(rounds_b.keys() | rounds_h.keys()):
        rb, rh = rounds_b.get(rid), rounds_h.get(rid)
        _value(area.other, "round.title", rb.title if rb else None, rh.title if rh else None)
        _value(area.other, "round.deadline", rb.deadline if rb else None, rh.deadline if rh else None)
        _value(area.other, "round.opens", rb.opens if rb else None, rh.opens if rh else None)
    meetings_b = {m.id: m for m in b.meetings}
    meetings_h = {m.id: m for m in h.meetings}
    for mid in sorted(meetings_b.keys() | meetings_h.keys()):
        mb, mh = meetings_b.get(mid), meetings_h.get(mid)
        _value(area.other, "meeting", _meeting(mb), _meeting(mh))
    cb, ch = b.circular, h.circular
    _value(area.other, "circular", _circular(cb), _circular(ch))
    index_b = {pid: p.name for pid, p in b.person_index().items()}
    index_h = {pid: p.name for pid, p in h.person_index().items()}
    _club(area, b.club, h.club, index_b, index_h)
    return area


# ---------------------------------------------------------------- parts

def _value(out: list[FieldChange], name: str, before, after, subject: str | None = None) -> None:
    if before != after:
        out.append(FieldChange(name, before, after, subject))


def _office(before: Office | None, after: Office | None) -> list[FieldChange]:
    out: list[FieldChange] = []
    b = before or Office("")
    a = after or Office("")
    _value(out, "office.name", b.name or None, a.name or None)
    _value(out, "office.unit", b.unit, a.unit)
    _value(out, "office.address", b.address, a.address)
    _value(out, "office.email", b.email, a.email)
    _value(out, "office.website", b.website, a.website)
    _value(out, "office.hours", b.hours, a.hours)
    _value(out, "office.location", b.location, a.location)
    if b.phone != a.phone:  # numbers are not repeated in summaries
        out.append(FieldChange("office.phone", bool(b.phone), bool(a.phone)))
    return out


def _maintainers(before: list[str], after: list[str]) -> list[FieldChange]:
    out = []
    for login in after:
        if login not in before:
            out.append(FieldChange("maintainer.added", None, login))
    for login in before:
        if login not in after:
            out.append(FieldChange("maintainer.removed", login, None))
    return out


def _place(person: Person, sub_name: str = "", village: str = "") -> Place:
    """Only the parts the listing shows, so two places are equal exactly when they read the same."""
    if person.listed_as == "leader":
        return Place("leader", sub_name)
    if person.listed_as == "volunteer":
        return Place("volunteer", sub_name, person.moo, village.rstrip())
    return Place("official", position=person.position or "")


def _district_people(district: District) -> dict[str, tuple[Person, Place]]:
    """Roster people and officials by id, each with where they are listed."""
    out: dict[str, tuple[Person, Place]] = {}
    for official in district.officials:
        out.setdefault(official.id, (official, _place(official)))
    for sub in district.subdistricts or []:
        for leader in sub.leaders:
            out.setdefault(leader.id, (leader, _place(leader, sub.name)))
        for village in sub.villages:
            for volunteer in village.volunteers:
                out.setdefault(volunteer.id, (volunteer, _place(volunteer, sub.name, village.name)))
    return out


def _roles(roles: list[Role]) -> tuple[RoleTerm, ...]:
    return tuple(RoleTerm(r.role, r.start, r.end) for r in roles)


def _departures(before: list[Role], after: list[Role]) -> tuple[list[Departure], list[Role]]:
    """Roles newly left in AFTER (end_reason added or changed), and AFTER's roles with each of those put
    back as BEFORE had it, so that leaving is reported once, with its reason, not also as a new end."""
    left, roles = [], []
    for role in after:
        old = next((r for r in before if (r.role, r.start) == (role.role, role.start)), None)
        if role.ended and (old is None or (old.end_reason, old.end_note, old.end) != (role.end_reason, role.end_note, role.end)):
            left.append(Departure(role.role, role.end, role.end_reason, role.end_note))
            roles.append(old if old is not None and not old.ended else role)
        else:
            roles.append(role)
    return left, roles


def _person_fields(b: Person, a: Person, place_b: Place, place_a: Place) -> list[FieldChange]:
    out: list[FieldChange] = []
    _value(out, "person.title", b.title, a.title)
    _value(out, "person.first_name", b.first_name, a.first_name)
    _value(out, "person.last_name", b.last_name, a.last_name)
    _value(out, "person.sex", b.sex_given, a.sex_given)
    _value(out, "person.place", place_b, place_a)
    left, roles_a = _departures(b.roles, a.roles)
    _value(out, "person.roles", _roles(b.roles), _roles(roles_a))
    out.extend(FieldChange("person.left", None, departure) for departure in left)
    _value(out, "person.position", b.position, a.position)
    _value(out, "person.responsible", True if b.responsible else None, True if a.responsible else None)
    if (b.phone, b.consent_date, b.consent_method) != (a.phone, a.consent_date, a.consent_method):
        out.append(FieldChange("person.phone", _consent(b), _consent(a)))
    if b.work_phone != a.work_phone:
        out.append(FieldChange("person.work_phone", bool(b.work_phone), bool(a.work_phone)))
    _value(out, "person.note", b.note, a.note)
    return out


def _consent(person: Person) -> Consent:
    return Consent(bool(person.phone), person.consent_date if person.phone else None)


def _people(area: AreaChanges, before: dict[str, tuple[Person, Place]], after: dict[str, tuple[Person, Place]]) -> None:
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
        area.club.append(FieldChange("club", before.name if before else None, after.name if after else None))
    b = before or Club("", "", None, None, None, None, None, None, [], [], False, None, None, None)
    a = after or Club("", "", None, None, None, None, None, None, [], [], False, None, None, None)
    if before is not None and after is not None:
        _value(area.club, "club.name", b.name, a.name)
        _value(area.club, "club.kind", b.kind, a.kind)
    _value(area.club, "club.registration", b.registration_no, a.registration_no)
    term_b = Term(b.term_start, b.term_end) if before else None
    term_a = Term(a.term_start, a.term_end) if after else None
    _value(area.club, "club.term", term_b, term_a)
    _value(area.club, "club.appointment", _appointment(b), _appointment(a))
    area.confirmed += _confirmations(b, a)
    area.posts += _posts(b, a, names_before, names_after)
    area.posts += _seat_orders(b, a)


def _confirmations(before: Club, after: Club) -> list[FieldChange]:
    """The confirmation dates that changed, per round (SUBJECT: the round id).

    An old revision's single `confirmed_on` named no round; it is read as the round the other side
    confirmed first (what the migration to `confirmations` did), so migrating the same date is no change."""
    def by_round(club: Club, other: Club) -> dict[str | None, dt.date | None]:
        fallback = next((c.round for c in other.confirmations if c.round is not None), None)
        dates: dict[str | None, dt.date | None] = {}
        for c in club.confirmations:
            dates.setdefault(c.round if c.round is not None else fallback, c.date)
        return dates
    b, a = by_round(before, after), by_round(after, before)
    order = list(dict.fromkeys([*a, *b]))
    return [FieldChange("club.confirmed", b.get(rid), a.get(rid), rid)
            for rid in order if b.get(rid) != a.get(rid)]


def _appointment(club: Club) -> Appointment | None:
    if not (club.order_no or club.order_date or club.order_by):
        return None
    return Appointment(club.order_no or None, club.order_date, club.order_by or None)


def _seat_order(seat) -> Appointment | None:
    if not (seat.order_no or seat.order_date or seat.order_by):
        return None
    return Appointment(seat.order_no or None, seat.order_date, seat.order_by or None)


def _seat_orders(before: Club, after: Club) -> list[FieldChange]:
    """A seat's own appointment order that changed (SUBJECT: the post name); seats are matched by post
    and holder, so a new holder with a new order reads as a seat change plus its order."""
    def orders(club: Club) -> dict[tuple[str, str | None], Appointment | None]:
        out: dict[tuple[str, str | None], Appointment | None] = {}
        for seat in club.posts:
            out.setdefault((seat.post, _seat(seat)), _seat_order(seat))
        return out
    b, a = orders(before), orders(after)
    return [FieldChange("post.appointment", b.get(key), a.get(key), key[0])
            for key in dict.fromkeys([*a, *b]) if b.get(key) != a.get(key)]


def _seat(seat) -> str | None:
    """The holder's id, or None for a vacant seat."""
    return None if seat.vacant or not seat.holder_id else seat.holder_id


def _posts(before: Club, after: Club, names_b: dict[str, str], names_a: dict[str, str]) -> list[FieldChange]:
    """Seat changes per post name (the SUBJECT): "ประธาน: นาย ก → นาง ข". Holders are compared by id
    (a renamed holder is a person change, not a seat change); posts with several seats are compared
    as multisets."""
    holders_b: dict[str, list[str | None]] = {}
    holders_a: dict[str, list[str | None]] = {}
    for seat in before.posts:
        holders_b.setdefault(seat.post, []).append(_seat(seat))
    for seat in after.posts:
        holders_a.setdefault(seat.post, []).append(_seat(seat))
    order = list(dict.fromkeys([s.post for s in after.posts] + [s.post for s in before.posts]))

    def holder(pid: str | None, names: dict[str, str]) -> Holder:
        return Holder(None if pid is None else names.get(pid, pid))

    out: list[FieldChange] = []
    for post in order:
        gone = _surplus(holders_b.get(post, []), holders_a.get(post, []))
        new = _surplus(holders_a.get(post, []), holders_b.get(post, []))
        for old, fresh in zip(gone, new):
            out.append(FieldChange("post", holder(old, names_b), holder(fresh, names_a), post))
        for old in gone[len(new):]:
            out.append(FieldChange("post", holder(old, names_b), None, post))
        for fresh in new[len(gone):]:
            out.append(FieldChange("post", None, holder(fresh, names_a), post))
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


def _nomination_people(nomination: Nomination | None,
                       names: dict[str, str]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """The names of the nominated representatives and officials (None: no nomination)."""
    if nomination is None:
        return None, None
    reps = tuple(names.get(pid, pid) for pid, _ in nomination.representatives)
    officials = tuple(names.get(pid, pid) for pid, _ in nomination.officials)
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
        _value(out, "nominees.representatives", reps_b, reps_a, title)
        _value(out, "nominees.officials", off_b, off_a, title)
        nb, na = by_b.get(mid), by_a.get(mid)
        _value(out, "nominees.submitted", nb.submitted_on if nb else None, na.submitted_on if na else None, title)
    return out


def _meeting(meeting: Meeting | None) -> MeetingValue | None:
    if meeting is None:
        return None
    return MeetingValue(meeting.title, meeting.date, meeting.time, meeting.place)


def _circular(circular) -> CircularValue | None:
    if circular is None:
        return None
    return CircularValue(circular.number, circular.date, circular.subject)
