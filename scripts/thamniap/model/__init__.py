"""Plain objects for a province's directory, built from documents that passed their schema.

Beside them, each policy of the domain has one module of its own: posts.py (the club posts and their
order, from the schema) and rounds.py (the current round and meeting, and a district's standing).

Nothing here reads files or reports problems: rules and renderers work on these objects. A person,
seat or village with a schema error is left out on its own (load/items.py), and a file whose error lies
elsewhere is left out whole (``None`` / empty), so that one mistake does not hide the checks of
the rest.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from thamniap.core.digits import ascii_digits
from thamniap.core.names import normalise_person_key, title_sex
from thamniap.core.text import fix_line_text
from thamniap.load.items import bad_items, holds_bad, ids_in
from thamniap.load.loader import Loaded
from thamniap.load.schema import schema_text
from thamniap.model.posts import POST_ORDER, SINGLE_HOLDER_POSTS, USUAL_POSTS  # noqa: F401 (the one list: model/posts.py)

VOLUNTEER = "อช."
LEADER = "ผู้นำ อช."

# What a complete roster looks like: the roster rules warn below it, the dashboard counts up to it.
MIN_VOLUNTEERS = 4              # at least 4 อช. per village (CDD district pages)
LEADERS_PER_SUBDISTRICT = 2     # one man and one woman


def sexes_balanced(men: int, women: int) -> bool:
    """Men and women in roughly equal numbers: the smaller group is at most one short of half
    (1:3 balanced; 0:4 and 1:5 not). Fewer than two people are balanced."""
    total = men + women
    return total < 2 or min(men, women) >= max(1, total // 2 - 1)


@dataclass(frozen=True)
class Where:
    path: str
    line: int = 0
    column: int = 0


def _where(doc: Loaded, path: tuple) -> Where:
    line, col = doc.locate(path)
    return Where(doc.path, line, col)


def parse_date(value) -> dt.date | None:
    """A date the schema accepted, or None (absent or already reported as invalid)."""
    if not isinstance(value, str):
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.year < 2400 else None


@dataclass
class Role:
    role: str
    start: dt.date | None
    end: dt.date | None
    where: Where
    end_reason: str | None = None   # why the person left this role (schema enum); None: still held
    end_note: str | None = None     # a short public note with end_reason "อื่น ๆ"

    @property
    def ended(self) -> bool:
        """The person has left this role (end is the day they left), as against a term still running."""
        return self.end_reason is not None


@dataclass
class Person:
    id: str
    title: str
    first_name: str
    last_name: str
    sex_given: str | None
    roles: list[Role]
    where: Where
    district_code: str = ""
    subdistrict_code: str = ""
    moo: int | None = None          # village number for อช.; None for ผู้นำ อช. and officials
    phone: str | None = None
    consent_date: dt.date | None = None
    consent_method: str | None = None
    note: str | None = None
    position: str | None = None     # officials only
    responsible: bool = False       # officials only: responsible for volunteer work
    work_phone: str | None = None   # officials only
    listed_as: str = ""             # "leader" | "volunteer" | "official"

    @property
    def sex(self) -> str | None:
        return self.sex_given or title_sex(self.title)

    @property
    def serving(self) -> bool:
        """False once the person has left every role (each carries end_reason); such a person stays in
        the file with the reason and is not counted among a village's or a subdistrict's people."""
        return not self.roles or not all(r.ended for r in self.roles)

    @property
    def name(self) -> str:
        """Name as written in Thai documents: title joined to first name, then last name."""
        return f"{self.title}{self.first_name} {self.last_name}"

    @cached_property
    def key(self) -> str:
        return normalise_person_key(self.title, self.first_name, self.last_name)

    @property
    def anchor(self) -> str:
        return f"p-{self.id}"


@dataclass
class Village:
    moo: int
    name: str
    volunteers: list[Person]
    where: Where
    complete: bool = True           # False: a volunteer was left out for a schema error


@dataclass
class Subdistrict:
    code: str
    name: str
    leaders: list[Person]
    villages: list[Village]
    where: Where                    # the file's `code:` line (roster/<code>-<slug>.yaml)
    complete: bool = True           # False: a leader or a village was left out for a schema error

    @property
    def file(self) -> str:
        """The roster file that holds this subdistrict (display path)."""
        return self.where.path


@dataclass
class Post:
    post: str
    holder_id: str | None
    since: dt.date | None
    vacant: bool
    note: str | None
    where: Where
    order_no: str | None = None     # the seat's own appointment order (a holder appointed mid-term)
    order_date: dt.date | None = None
    order_by: str | None = None
    holder_where: Where | None = None   # the `holder:` line, where a wrong holder is reported


@dataclass
class Confirmation:
    """A club's report for one reporting round: its structure was confirmed as current on DATE."""
    round: str | None        # None: an old revision's `confirmed_on`, which named no round (history only)
    date: dt.date | None
    where: Where


@dataclass
class Club:
    kind: str
    name: str
    registration_no: str | None
    term_start: dt.date | None
    term_end: dt.date | None
    order_no: str | None
    order_date: dt.date | None
    order_by: str | None
    confirmations: list[Confirmation]
    posts: list[Post]
    sample: bool
    where: Where
    term_where: Where
    confirmed_where: Where
    complete: bool = True            # False: a seat was left out for a schema error

    def posts_by_holder(self) -> dict[str, list[str]]:
        """Committee posts held by each person id, in seat order."""
        held: dict[str, list[str]] = {}
        for seat in self.posts:
            if seat.holder_id:
                held.setdefault(seat.holder_id, []).append(seat.post)
        return held

    def confirmation(self, round_id: str) -> Confirmation | None:
        """The first confirmation given for ROUND_ID (a second one is the rule club.duplicate-round)."""
        return next((c for c in self.confirmations if c.round == round_id), None)

    @property
    def latest_confirmed(self) -> dt.date | None:
        """The latest date the structure was confirmed, in any round."""
        return max((c.date for c in self.confirmations if c.date), default=None)


@dataclass
class Nomination:
    meeting: str
    representatives: list[tuple[str, Where]]
    officials: list[tuple[str, Where]]
    submitted_on: dt.date | None
    where: Where


@dataclass
class Office:
    """A community development office's public contact details (never a person's home)."""
    name: str
    unit: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    hours: str | None = None
    location: str | None = None        # "lat, lon" as written (WGS 84), e.g. "17.48601, 101.72230"
    location_where: Where | None = None

    @property
    def position(self) -> tuple[float, float] | None:
        """(latitude, longitude) of LOCATION, or None when it is absent."""
        return parse_position(self.location)


@dataclass
class District:
    code: str
    folder: Path
    slug: str
    name: str = ""
    sample: bool = False
    office: Office | None = None
    officials: list[Person] = field(default_factory=list)
    maintainers: list[str] = field(default_factory=list)
    club: Club | None = None
    subdistricts: list[Subdistrict] | None = None     # None: no roster file could be read
    # every roster file of the district, readable or not: (subdistrict code of its name, display path)
    roster_files: list[tuple[str, str]] = field(default_factory=list)
    nominations: list[Nomination] | None = None
    where: Where | None = None                         # district.yaml's `district:` block
    declared_code: str = ""                            # code written in district.yaml
    files: dict[str, str] = field(default_factory=dict)  # kind -> display path
    # items left out for a schema error, by file kind (their own errors are reported): rules that
    # count or look people up do not call someone missing who is only left out
    left_out: dict[str, int] = field(default_factory=dict)
    left_out_ids: set[str] = field(default_factory=set)   # ids of the people among them

    @property
    def roster_complete(self) -> bool:
        """Every roster file of the district was read (none left out whole for an error), so
        someone not found in it is really not listed."""
        read = {s.file for s in self.subdistricts or []}
        return self.subdistricts is not None and all(path in read for _, path in self.roster_files)

    def people(self) -> Iterator[Person]:
        """Every roster person of the district: leaders, then volunteers, in file order."""
        for sub in self.subdistricts or []:
            yield from sub.leaders
            for village in sub.villages:
                yield from village.volunteers


@dataclass
class Circular:
    """The province's letter that set a round: its text is the file TEXT_FILE in the province folder."""
    number: str
    date: dt.date | None
    subject: str
    signed_by: str | None
    text_file: str = "circular.txt"
    meeting: str | None = None        # the id of the meeting the letter calls, when it calls one


@dataclass
class Round:
    id: str
    title: str
    opens: dt.date | None
    deadline: dt.date | None
    circular: Circular | None = None


@dataclass
class Meeting:
    id: str
    title: str
    date: dt.date | None
    time: str
    place: str
    representatives: int
    officials: int


@dataclass
class Province:
    code: str
    folder: Path
    slug: str
    name: str = ""
    sample: bool = False
    office: Office | None = None
    officials: list[Person] = field(default_factory=list)
    maintainers: list[str] = field(default_factory=list)
    circular: Circular | None = None
    rounds: list[Round] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    club: Club | None = None
    districts: list[District] = field(default_factory=list)
    where: Where | None = None
    declared_code: str = ""
    files: dict[str, str] = field(default_factory=dict)
    officials_left_out: set[str] = field(default_factory=set)   # ids of officials with a schema error

    def left_out_ids(self) -> set[str]:
        """Ids of the people the province or any district left out for a schema error."""
        return set().union(self.officials_left_out, *(d.left_out_ids for d in self.districts))

    def district(self, code: str) -> District | None:
        return next((d for d in self.districts if d.code == code), None)

    def people(self) -> Iterator[Person]:
        for district in self.districts:
            yield from district.people()

    def person_index(self) -> dict[str, Person]:
        """Roster people and officials by id (first occurrence wins; duplicates are a rule)."""
        index: dict[str, Person] = {}
        for person in self.officials:
            index.setdefault(person.id, person)
        for district in self.districts:
            for person in [*district.officials, *district.people()]:
                index.setdefault(person.id, person)
        return index


# ---------------------------------------------------------------- building from documents

def build_person(doc: Loaded, raw: dict, path: tuple, listed_as: str, **area) -> Person:
    consent = raw.get("phone_consent") or {}
    return Person(
        id=raw["id"], title=raw["title"], first_name=raw["first_name"], last_name=raw["last_name"],
        sex_given=raw.get("sex"),
        roles=[Role(r["role"], parse_date(r.get("start")), parse_date(r.get("end")),
                    _where(doc, path + ("roles", i)), r.get("end_reason"), r.get("end_note"))
               for i, r in enumerate(raw.get("roles", []))],
        where=_where(doc, path), phone=raw.get("phone"),
        consent_date=parse_date(consent.get("date")), consent_method=consent.get("method"),
        note=raw.get("note"), position=raw.get("position"),
        responsible=bool(raw.get("responsible_for_volunteers")), work_phone=raw.get("work_phone"),
        listed_as=listed_as, **area)


OFFICE_FIELDS = ("name", "unit", "address", "phone", "email", "website", "hours", "location")


def build_office(doc: Loaded, path: tuple) -> Office:
    """The office at PATH of DOC (its `office:` block)."""
    raw = doc.data
    for key in path:
        raw = raw[key]
    where = _where(doc, path + ("location",)) if "location" in raw else None
    return Office(**{k: raw.get(k) for k in OFFICE_FIELDS}, location_where=where)


def parse_position(text: str | None) -> tuple[float, float] | None:
    """"17.48601, 101.72230" -> (17.48601, 101.7223); None when absent (the schema checked its form)."""
    if not isinstance(text, str) or "," not in text:
        return None
    lat, lon = (part.strip() for part in text.split(",", 1))
    try:
        return float(lat), float(lon)
    except ValueError:
        return None


def build_club(doc: Loaded, bad: set[tuple] | frozenset = frozenset()) -> Club:
    """The club of a document; seats in BAD (paths of seats with a schema error) are left out."""
    raw = doc.data["club"]
    appointment = raw.get("appointment") or {}
    return Club(
        kind=raw["kind"], name=raw["name"], registration_no=raw.get("registration_no"),
        term_start=parse_date(raw["term"]["start"]), term_end=parse_date(raw["term"]["end"]),
        order_no=appointment.get("order_no"), order_date=parse_date(appointment.get("date")),
        order_by=appointment.get("by"), confirmations=build_confirmations(doc, raw),
        posts=[build_post(doc, p, i) for i, p in enumerate(raw["posts"]) if ("club", "posts", i) not in bad],
        sample=bool(doc.data.get("sample")), where=_where(doc, ("club",)),
        term_where=_where(doc, ("club", "term")), confirmed_where=_where(doc, ("club", "confirmations")),
        complete=not bad)


def build_post(doc: Loaded, raw: dict, index: int) -> Post:
    """One committee seat, with its own appointment order when it has one."""
    order = raw.get("appointment") or {}
    return Post(raw["post"], raw.get("holder"), parse_date(raw.get("since")), bool(raw.get("vacant")),
                raw.get("note"), _where(doc, ("club", "posts", index)), order_no=order.get("order_no"),
                order_date=parse_date(order.get("date")), order_by=order.get("by"),
                holder_where=_where(doc, ("club", "posts", index, "holder")) if "holder" in raw else None)


def build_confirmations(doc: Loaded, raw: dict) -> list[Confirmation]:
    """The club's confirmations; an old revision's single `confirmed_on` becomes one without a round."""
    if "confirmations" not in raw and raw.get("confirmed_on") is not None:
        return [Confirmation(None, parse_date(raw["confirmed_on"]), _where(doc, ("club", "confirmed_on")))]
    return [Confirmation(c.get("round"), parse_date(c.get("date")), _where(doc, ("club", "confirmations", i)))
            for i, c in enumerate(raw.get("confirmations") or []) if isinstance(c, dict)]


def fill_district(district: District, kind: str, doc: Loaded, broken: set[tuple] | frozenset = frozenset()) -> None:
    """Attach one document to its district; BROKEN (instance paths of schema errors, see
    load.items.usable) leaves out just the items that hold them."""
    data = doc.data
    bad = bad_items(kind, broken)
    if bad:
        district.left_out[kind] = len(bad)
        district.left_out_ids |= ids_in(data, bad)
    if kind != "roster":              # a roster is many files: District.roster_files
        district.files[kind] = doc.path
    district.sample = district.sample or bool(data.get("sample"))
    if kind == "district":
        district.name = data["district"]["name"]
        district.where = _where(doc, ("district",))
        district.office = build_office(doc, ("office",))
        district.officials = [build_person(doc, o, ("officials", i), "official", district_code=district.code)
                              for i, o in enumerate(data["officials"]) if ("officials", i) not in bad]
        district.maintainers = list(data["maintainers"])
        district.declared_code = data["district"]["code"]
    elif kind == "club":
        district.club = build_club(doc, bad)
    elif kind == "roster":
        add_subdistrict(district, doc, bad)
    elif kind == "meeting":
        district.nominations = [
            Nomination(n["meeting"],
                       [(pid, _where(doc, ("nominations", i, "representatives", j)))
                        for j, pid in enumerate(n["representatives"])],
                       [(pid, _where(doc, ("nominations", i, "officials", j)))
                        for j, pid in enumerate(n["officials"])],
                       parse_date(n.get("submitted_on")), _where(doc, ("nominations", i)))
            for i, n in enumerate(data["nominations"]) if ("nominations", i) not in bad]


def add_subdistrict(district: District, doc: Loaded, bad: set[tuple] | frozenset = frozenset()) -> None:
    """Add the subdistrict of one roster file (roster/<code>-<slug>.yaml) to its district."""
    s = doc.data
    leaders = [build_person(doc, p, ("leaders", j), "leader", district_code=district.code, subdistrict_code=s["code"])
               for j, p in enumerate(s["leaders"]) if ("leaders", j) not in bad]
    villages = [Village(v["moo"], v["name"],
                        [build_person(doc, p, ("villages", k, "volunteers", j), "volunteer",
                                      district_code=district.code, subdistrict_code=s["code"], moo=v["moo"])
                         for j, p in enumerate(v["volunteers"]) if ("villages", k, "volunteers", j) not in bad],
                        _where(doc, ("villages", k)), complete=not holds_bad(bad, ("villages", k)))
                for k, v in enumerate(s["villages"]) if ("villages", k) not in bad]
    if district.subdistricts is None:
        district.subdistricts = []
    district.subdistricts.append(Subdistrict(s["code"], s["name"], leaders, villages, _where(doc, ("code",)),
                                             complete=not bad))


def fill_province(province: Province, kind: str, doc: Loaded, broken: set[tuple] | frozenset = frozenset()) -> None:
    """Attach one document to its province (BROKEN: as for `fill_district`)."""
    data = doc.data
    bad = bad_items(kind, broken)
    if kind == "province":
        province.officials_left_out |= ids_in(data, bad)
    province.files[kind] = doc.path
    if kind == "province":
        province.sample = bool(data.get("sample"))
        province.name = data["province"]["name"]
        province.declared_code = data["province"]["code"]
        province.where = _where(doc, ("province",))
        province.office = build_office(doc, ("office",))
        province.officials = [build_person(doc, o, ("officials", i), "official")
                              for i, o in enumerate(data.get("officials", [])) if ("officials", i) not in bad]
        province.maintainers = list(data["maintainers"])
        if "circular" in data:
            c = data["circular"]
            province.circular = Circular(c["number"], parse_date(c["date"]), c["subject"], c.get("signed_by"))
        province.rounds = [Round(r["id"], r["title"], parse_date(r.get("opens")), parse_date(r["deadline"]),
                                 _circular(r["circular"]) if "circular" in r else None)
                           for r in data["rounds"]]
        # The province-level circular (recorded before rounds held their own) is the first round's.
        if province.circular is not None and province.rounds and province.rounds[0].circular is None:
            province.rounds[0].circular = province.circular
        province.meetings = [Meeting(m["id"], m["title"], parse_date(m["date"]), m["time"], m["place"],
                                     m["representatives_per_district"], m["officials_per_district"])
                             for m in data["meetings"]]
    elif kind == "club":
        province.club = build_club(doc, bad)


def _circular(c: dict) -> Circular:
    return Circular(c["number"], parse_date(c["date"]), c["subject"], c.get("signed_by"), c["text"], c.get("meeting"))


# ---------------------------------------------------------------- what an editor typed for a person

@lru_cache(maxsize=None)
def person_id_pattern() -> re.Pattern:
    """The shape of a person id, as defs.schema.json's `person_id` says (one source)."""
    return re.compile(json.loads(schema_text("defs.schema.json"))["$defs"]["person_id"]["pattern"])


def is_person_id(text: str) -> bool:
    return bool(person_id_pattern().match(text))


@dataclass(frozen=True)
class Resolution:
    """What a typed holder or nominee refers to: EXACT when it is the id of someone in scope;
    otherwise CANDIDATES, the people it probably means (an id typed in Thai digits, or a name
    compared as roster.duplicate-person compares: without title, spaces or typing variants)."""
    text: str
    exact: Person | None = None
    candidates: tuple[Person, ...] = ()


def scope_people(scope: Province | District | Iterable[Person]) -> list[Person]:
    """Everyone a reference may name: a district's officials and roster, a province's officials
    and every district's, or the people given."""
    if isinstance(scope, District):
        return [*scope.officials, *scope.people()]
    if isinstance(scope, Province):
        return [*scope.officials, *(p for d in scope.districts for p in (*d.officials, *d.people()))]
    return list(scope)


def _squeezed(key: str) -> str:
    return key.replace(" ", "")


def resolve_person(scope: Province | District | Iterable[Person], text: str) -> Resolution:
    """Who TEXT (a holder's or nominee's value) is, among SCOPE's people."""
    people = scope_people(scope)
    by_id = {}
    for person in people:
        by_id.setdefault(person.id, person)
    if text in by_id:
        return Resolution(text, by_id[text])
    cleaned = ascii_digits(fix_line_text(text)).strip()
    if cleaned in by_id:
        return Resolution(text, None, (by_id[cleaned],))
    key = normalise_person_key(None, cleaned, "")
    if not key:
        return Resolution(text)
    found = [p for p in people if _squeezed(p.key) == _squeezed(key)]
    if not found and " " not in key:
        # one word: a first name or a last name alone
        found = [p for p in people if key in p.key.split(" ", 1)]
    unique = {p.id: p for p in found}
    return Resolution(text, None, tuple(unique.values()))


def next_free_id(scope: Province | District | Iterable[Person], prefix: str) -> str:
    """The id after the highest `PREFIX-NNNN` in SCOPE (ids are unique in the province): 4209-0412."""
    pattern = re.compile(re.escape(prefix) + r"-([0-9]+)")
    numbers = [m.group(1) for p in scope_people(scope) if (m := pattern.fullmatch(p.id))]
    width = max([4, *(len(n) for n in numbers)])
    return f"{prefix}-{max((int(n) for n in numbers), default=0) + 1:0{width}d}"


def next_free_ids(scope: Province | District | Iterable[Person], prefix: str, count: int) -> list[str]:
    """COUNT new ids in a row from next_free_id: what the report bot and import-roster give new people."""
    first = next_free_id(scope, prefix)
    head, number = first.rsplit("-", 1)
    return [f"{head}-{n:0{len(number)}d}" for n in range(int(number), int(number) + count)]
