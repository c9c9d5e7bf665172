"""Dashboard metrics: how far each district has answered the province's circular.

Pure functions over the model (:mod:`thamniap.model`): nothing here reads files, and a district
whose files are missing or failed their schema (model fields ``None``) is counted from what exists.

Definitions (keep them in step with the docs):

* **current round**, **past rounds**, **current meeting** and each district's **standing** (not yet
  due, due soon, overdue, on time, late): as :mod:`thamniap.model.rounds` decides them, the one place
  the pages, the rules and the report bot ask too.
* **status**: the standing in three words for the counts: ``ON_TIME``, ``LATE``, and ``NOT_YET`` for
  any standing without a report (not yet due, due soon, overdue).
* **days_late**: for ``LATE``, days from the deadline to the confirmation; for ``NOT_YET``, days
  from the deadline to ``today`` once the deadline has passed (how overdue it is so far);
  otherwise ``None``.
* **stale**: not confirmed in the current round (a confirmation in an earlier round does not count:
  each round asks the district to review its structure again).
* **history**: per past round, the date the district confirmed it, or ``None``.
* **villages_with_4 / villages_balanced / subdistricts_with_2_leaders**: the thresholds the roster
  rules (:mod:`thamniap.check.rules.roster`) use too, from :mod:`thamniap.model`, so a village counts
  as balanced exactly when ``roster.gender-balance`` would not warn about it.
* **terms**: per roster person and role name, only the latest-ending term counts (a renewed role
  supersedes the old entry), plus the club committee's term. A term with an end date
  ``today <= end <= today + TERM_WARNING_MONTHS months`` is *ending soon*; ``end < today`` is
  *expired* (as in the rule ``term.expired``, a term is still running on its last day).
* **nominees** for the province's current meeting (``rounds.current_meeting``): a nomination entry
  naming that meeting was sent.
* **waiting**: the districts that have not reported for a round (their standing is not yet due, due
  soon or overdue), overdue first (longest overdue first), then due soon, then not yet due, each group
  in district-code order. The dashboard leads with it; ``thamniap status`` and ``thamniap remind``
  use the same list (:func:`not_reported`).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum

from thamniap.model import LEADERS_PER_SUBDISTRICT, MIN_VOLUNTEERS, Club, District, Province, sexes_balanced
from thamniap.model import rounds
from thamniap.model.rounds import Standing, State

TERM_WARNING_MONTHS = 6
MAN, WOMAN = "ชาย", "หญิง"


class Status(Enum):
    ON_TIME = "on_time"
    LATE = "late"
    NOT_YET = "not_yet"

    @property
    def thai(self) -> str:
        return _STATUS_THAI[self]


_STATUS_THAI = {Status.ON_TIME: "ส่งทันกำหนด", Status.LATE: "ส่งล่าช้า", Status.NOT_YET: "ยังไม่ส่ง"}


def percent(part: int, whole: int) -> int | None:
    """Whole-number percent rounded half up; None when there is nothing to count."""
    if whole <= 0:
        return None
    return (200 * part + whole) // (2 * whole)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day MONTHS calendar months later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class DistrictStatus:
    code: str
    name: str
    slug: str
    sample: bool
    status: Status
    confirmed_on: dt.date | None       # the confirmation for the current round
    deadline: dt.date | None
    days_late: int | None
    stale: bool
    villages: int
    villages_with_4: int
    villages_balanced: int
    subdistricts: int
    subdistricts_with_2_leaders: int
    volunteers: int
    leaders: int
    men: int
    women: int
    posts_total: int
    posts_filled: int
    posts_vacant: list[str]
    terms_ending_soon: int
    terms_expired: int
    nominees_sent: bool
    representatives: int
    officials: int
    has_club: bool = True
    has_roster: bool = True
    history: tuple[tuple[str, dt.date | None], ...] = ()   # (round id, confirmed on) per past round, newest first
    standing: Standing | None = None   # in the current round (thamniap.model.rounds); None: no round at all

    @property
    def label(self) -> str:
        """Name to show: the Thai name, or the code when district.yaml is missing."""
        return self.name or self.code

    @property
    def pct_villages_with_4(self) -> int | None:
        return percent(self.villages_with_4, self.villages)

    @property
    def pct_subdistricts_with_2_leaders(self) -> int | None:
        return percent(self.subdistricts_with_2_leaders, self.subdistricts)

    @property
    def pct_posts_filled(self) -> int | None:
        return percent(self.posts_filled, self.posts_total)


@dataclass(frozen=True)
class ProvinceSummary:
    code: str
    name: str
    slug: str
    sample: bool                       # the province file or any district file is sample data
    today: dt.date
    # the current reporting round
    round_id: str | None
    round_title: str | None
    round_opens: dt.date | None
    deadline: dt.date | None
    # the current meeting
    meeting_id: str | None
    meeting_title: str | None
    meeting_date: dt.date | None
    meeting_representatives: int       # asked per district
    meeting_officials: int
    # totals over the districts
    district_count: int
    subdistricts: int
    villages: int
    villages_with_4: int
    villages_balanced: int
    subdistricts_with_2_leaders: int
    volunteers: int
    leaders: int
    men: int
    women: int
    clubs: int                         # district clubs whose file loaded (the province club is not counted)
    posts_filled: int
    posts_total: int
    terms_ending_soon: int
    terms_expired: int
    # counts of districts
    on_time: int
    late: int
    not_yet: int
    stale: int
    nominees_sent: int
    districts: list[DistrictStatus]
    past_rounds: tuple[tuple[str, str], ...] = ()      # (id, title) of the past rounds, newest first

    @property
    def waiting(self) -> list[DistrictStatus]:
        """The districts that have not reported for the current round, overdue first (see module docstring)."""
        rows = [r for r in self.districts if r.standing is not None and not r.standing.reported]
        return sorted(rows, key=lambda r: waiting_key(r.standing, r.code))

    def count(self, status: Status) -> int:
        return {Status.ON_TIME: self.on_time, Status.LATE: self.late, Status.NOT_YET: self.not_yet}[status]

    @property
    def status_counts(self) -> list[tuple[Status, int]]:
        """(status, number of districts) in display order: on time, late, not yet."""
        return [(s, self.count(s)) for s in Status]

    @property
    def pct_posts_filled(self) -> int | None:
        return percent(self.posts_filled, self.posts_total)


# ---------------------------------------------------------------- pieces

_WAITING_ORDER = {State.OVERDUE: 0, State.DUE_SOON: 1, State.NOT_YET_DUE: 2}


def waiting_key(standing: Standing, code: str) -> tuple:
    """Sort key of a district that has not reported: overdue (longest first), due soon, not yet due; then code."""
    return (_WAITING_ORDER.get(standing.state, 3), -(standing.days_late or 0), code)


@dataclass(frozen=True)
class Waiting:
    """A district that has not reported for a round, and where it stands."""
    district: District
    standing: Standing


def find_round(province: Province, round_id: str | None, today: dt.date):
    """The round ROUND_ID of PROVINCE (None: the current round on TODAY); KeyError when there is no such round."""
    if round_id is None:
        return rounds.current_round(province, today)
    found = next((r for r in province.rounds if r.id == round_id), None)
    if found is None:
        raise KeyError(round_id)
    return found


def not_reported(province: Province, rnd, today: dt.date) -> list[Waiting]:
    """The districts that have not reported for round RND on TODAY, in the dashboard's order (waiting_key)."""
    if rnd is None:
        return []
    found = [Waiting(d, rounds.standing(d.club, rnd, today)) for d in province.districts]
    return sorted((w for w in found if not w.standing.reported), key=lambda w: waiting_key(w.standing, w.district.code))


def status_of(standing: Standing) -> Status:
    """The dashboard's three counts: reported on time, reported late, or not yet."""
    return {State.ON_TIME: Status.ON_TIME, State.LATE: Status.LATE}.get(standing.state, Status.NOT_YET)


def _term_state(end: dt.date | None, today: dt.date, horizon: dt.date) -> str | None:
    if end is None:
        return None
    if end < today:
        return "expired"
    if end <= horizon:
        return "soon"
    return None


def _terms(district: District, today: dt.date) -> tuple[int, int]:
    """(ending soon, expired) over the roster's roles (latest term per person and role) and the club term."""
    horizon = add_months(today, TERM_WARNING_MONTHS)
    states: list[str | None] = []
    for person in district.people():
        latest: dict[str, dt.date | None] = {}
        for role in person.roles:
            if role.role in latest and latest[role.role] is None:
                continue  # an open-ended term never ends
            if role.end is None or role.role not in latest or role.end > latest[role.role]:
                latest[role.role] = role.end
        states += [_term_state(end, today, horizon) for end in latest.values()]
    if district.club is not None:
        states.append(_term_state(district.club.term_end, today, horizon))
    return states.count("soon"), states.count("expired")


def _sexes(people) -> tuple[int, int]:
    people = list(people)
    return sum(p.sex == MAN for p in people), sum(p.sex == WOMAN for p in people)


def _confirmed(club, round_id: str) -> dt.date | None:
    found = club.confirmation(round_id) if club else None
    return found.date if found else None


def district_status(province: Province, district: District, today: dt.date) -> DistrictStatus:
    """The dashboard row of one district."""
    current = rounds.current_round(province, today)
    club = district.club
    standing = rounds.standing(club, current, today)
    history = tuple((r.id, _confirmed(club, r.id)) for r in rounds.past_rounds(province, today))
    soon, expired = _terms(district, today)
    return DistrictStatus(
        code=district.code, name=district.name, slug=district.slug, sample=district.sample,
        status=status_of(standing), confirmed_on=standing.confirmed_on, deadline=standing.deadline,
        days_late=standing.days_late, stale=standing.confirmed_on is None,
        **_people_figures(district), **_post_figures(club),
        terms_ending_soon=soon, terms_expired=expired,
        **_nominee_figures(province, district, today),
        has_club=club is not None, has_roster=district.subdistricts is not None, history=history,
        standing=standing if current else None)


def _people_figures(district: District) -> dict:
    """How many volunteers and leaders, and how many villages and subdistricts meet the rules of
    their number and sex (DOMAIN: at least 4 per village, men and women about equal; 2 leaders per
    subdistrict, one man and one woman)."""
    subs = district.subdistricts or []
    villages = [v for s in subs for v in s.villages]
    with_2 = 0
    for sub in subs:
        men, women = _sexes(sub.leaders)
        with_2 += len(sub.leaders) == LEADERS_PER_SUBDISTRICT and men == 1 and women == 1
    men, women = _sexes(district.people())
    return dict(
        villages=len(villages),
        villages_with_4=sum(len(v.volunteers) >= MIN_VOLUNTEERS for v in villages),
        villages_balanced=sum(sexes_balanced(*_sexes(v.volunteers)) for v in villages),
        subdistricts=len(subs), subdistricts_with_2_leaders=with_2,
        volunteers=sum(len(v.volunteers) for v in villages), leaders=sum(len(s.leaders) for s in subs),
        men=men, women=women)


def _post_figures(club: Club | None) -> dict:
    """The club's committee posts: how many, how many held, and the vacant ones by name."""
    posts = club.posts if club else []
    return dict(posts_total=len(posts), posts_filled=sum(bool(p.holder_id and not p.vacant) for p in posts),
                posts_vacant=[p.post for p in posts if not (p.holder_id and not p.vacant)])


def _nominee_figures(province: Province, district: District, today: dt.date) -> dict:
    """Whether the district named its people for the current meeting, and how many of each."""
    meeting = rounds.current_meeting(province, today)
    nomination = None
    if meeting is not None:
        nomination = next((n for n in reversed(district.nominations or []) if n.meeting == meeting.id), None)
    return dict(nominees_sent=nomination is not None,
                representatives=len(nomination.representatives) if nomination else 0,
                officials=len(nomination.officials) if nomination else 0)


def summarise(province: Province, today: dt.date) -> ProvinceSummary:
    """Every district's row and the province totals, as of TODAY."""
    rows = [district_status(province, d, today) for d in province.districts]
    current = rounds.current_round(province, today)
    meeting = rounds.current_meeting(province, today)

    def total(attr: str) -> int:
        return sum(getattr(r, attr) for r in rows)

    return ProvinceSummary(
        code=province.code, name=province.name, slug=province.slug,
        sample=province.sample or any(d.sample for d in province.districts),
        today=today,
        round_id=current.id if current else None, round_title=current.title if current else None,
        round_opens=current.opens if current else None,
        deadline=current.deadline if current else None,
        meeting_id=meeting.id if meeting else None, meeting_title=meeting.title if meeting else None,
        meeting_date=meeting.date if meeting else None,
        meeting_representatives=meeting.representatives if meeting else 0,
        meeting_officials=meeting.officials if meeting else 0,
        district_count=len(rows),
        subdistricts=total("subdistricts"), villages=total("villages"),
        villages_with_4=total("villages_with_4"), villages_balanced=total("villages_balanced"),
        subdistricts_with_2_leaders=total("subdistricts_with_2_leaders"),
        volunteers=total("volunteers"), leaders=total("leaders"), men=total("men"), women=total("women"),
        clubs=sum(r.has_club for r in rows),
        posts_filled=total("posts_filled"), posts_total=total("posts_total"),
        terms_ending_soon=total("terms_ending_soon"), terms_expired=total("terms_expired"),
        on_time=sum(r.status is Status.ON_TIME for r in rows),
        late=sum(r.status is Status.LATE for r in rows),
        not_yet=sum(r.status is Status.NOT_YET for r in rows),
        stale=sum(r.stale for r in rows), nominees_sent=sum(r.nominees_sent for r in rows),
        districts=rows, past_rounds=tuple((r.id, r.title) for r in rounds.past_rounds(province, today)))
