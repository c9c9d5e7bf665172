"""Reporting rounds, meetings and a district's standing on a given day: the one place that decides them.

The dashboard, the district and report pages, the club rules, the guidelines page and the report bot
all ask here, so "late", "overdue" and "the current meeting" mean the same thing everywhere. Nothing
here has Thai words: a page or a message turns a `State` into words (render/).

Definitions (docs/architecture.md "change the rule for late" points here):

* **current round** on TODAY: the latest round to have opened (`opens`, else its deadline) on or
  before TODAY (of two opening the same day, the one listed later); before any round opens, the first
  one to open. **Past rounds**: the rounds that opened before it, newest first.
* **current circular** on TODAY: the current round's circular; when that round has none recorded, the
  circular of the newest past round that has one. **Earlier circulars**: those of every other round
  that opened before the current one, newest first.
* **current meeting** on TODAY: the meeting the current round's circular calls (its `meeting`), when
  that meeting is listed; otherwise the first meeting dated on or after TODAY; when none is still to
  come, the latest one held. Chosen over "the last one listed in province.yaml" because districts nominate
  people for a meeting that is still ahead, and `thamniap new-round` lists next year's meeting long
  before this year's takes place: file order is not a date.
* **nominations open** for a meeting on a day: until the meeting's own day, inclusive (a meeting with
  no date is open). A meeting has **passed** on the days after it: the report page closes its
  nominees part then, and the report bot refuses nominations sent (the issue opened) after it; a
  report sent on time is not refused because the bot or the province handled it later.
* **standing** of a district (its club) for a round on TODAY. The district's report is the club's
  confirmation for that round; it counts from its own date (a report dated after TODAY is not there
  yet on TODAY):
  - ``ON_TIME``: confirmed on or before the deadline (or the round has no deadline);
  - ``LATE``: confirmed after the deadline;
  - not confirmed: ``OVERDUE`` after the deadline day; ``DUE_SOON`` from `DUE_SOON_DAYS` days before
    the deadline to the deadline day itself; otherwise ``NOT_YET_DUE`` (also before the round opens,
    and when it has no deadline).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the model's classes are only named here; thamniap.model imports this module
    from thamniap.model import Circular, Club, Meeting, Province, Round

DUE_SOON_DAYS = 7


class State(Enum):
    NOT_YET_DUE = "not_yet_due"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def reported(self) -> bool:
        return self in (State.ON_TIME, State.LATE)


@dataclass(frozen=True)
class Standing:
    """Where one district stands in ROUND on TODAY (see the module docstring)."""
    round: Round | None
    today: dt.date
    state: State
    confirmed_on: dt.date | None      # the report (the confirmation for ROUND), when there is one by TODAY
    days_left: int | None             # not reported: days from TODAY to the deadline (0 on the day; < 0 past)
    days_late: int | None             # LATE: days from the deadline to the report; OVERDUE: days past it so far

    @property
    def deadline(self) -> dt.date | None:
        return self.round.deadline if self.round else None

    @property
    def opened(self) -> bool:
        """The round had opened by TODAY (a round that has not opened asks nothing yet)."""
        return self.round is not None and round_start(self.round) <= self.today

    @property
    def reported(self) -> bool:
        return self.state.reported


def round_start(rnd: Round) -> dt.date:
    """The day a round opens: `opens`, else its deadline."""
    return rnd.opens or rnd.deadline or dt.date.min


def current_round(province: Province, today: dt.date) -> Round | None:
    """The round being reported on TODAY (see the module docstring); None when there is none."""
    opened = [r for r in province.rounds if round_start(r) <= today]
    if opened:
        return max(reversed(opened), key=round_start)
    return min(province.rounds, key=round_start) if province.rounds else None


def past_rounds(province: Province, today: dt.date) -> list[Round]:
    """The rounds that opened before the current one, newest first."""
    current = current_round(province, today)
    if current is None:
        return []
    start = round_start(current)
    older = [r for r in province.rounds if r is not current and round_start(r) <= start]
    return sorted(older, key=round_start, reverse=True)


def current_circular(province: Province, today: dt.date) -> tuple[Round, Circular] | None:
    """The circular the site shows as current on TODAY, with its round (see the module docstring)."""
    current = current_round(province, today)
    for rnd in ([current] if current else []) + past_rounds(province, today):
        if rnd.circular is not None:
            return rnd, rnd.circular
    return None


def earlier_circulars(province: Province, today: dt.date) -> list[tuple[Round, Circular]]:
    """Every other round's circular of the rounds opened by the current one, newest first."""
    shown = current_circular(province, today)
    current = current_round(province, today)
    return [(rnd, rnd.circular) for rnd in ([current] if current else []) + past_rounds(province, today)
            if rnd.circular is not None and (shown is None or rnd is not shown[0])]


def current_meeting(province: Province, today: dt.date) -> Meeting | None:
    """The meeting districts nominate for on TODAY: the one the current round's circular calls, else the
    next one to come, else the latest held."""
    current = current_round(province, today)
    called = current.circular.meeting if current is not None and current.circular is not None else None
    named = next((m for m in province.meetings if called and m.id == called), None)
    if named is not None:
        return named
    dated = sorted((m for m in province.meetings if m.date), key=lambda m: m.date)
    coming = [m for m in dated if m.date >= today]
    return (coming or dated[-1:] or province.meetings[-1:] or [None])[0]


def nominations_open(meeting: Meeting, day: dt.date) -> bool:
    """Nominations for MEETING are taken on DAY (see the module docstring)."""
    return meeting.date is None or day <= meeting.date


def round_meeting(province: Province, rnd: Round) -> Meeting | None:
    """The meeting of round RND: the one its circular calls, else the first one dated from its opening
    until the next round opens (the 2567 circular called its meeting ten days after it opened)."""
    called = rnd.circular.meeting if rnd.circular is not None else None
    named = next((m for m in province.meetings if called and m.id == called), None)
    if named is not None:
        return named
    start = round_start(rnd)
    later = [round_start(r) for r in province.rounds if round_start(r) > start]
    end = min(later, default=dt.date.max)
    dated = sorted((m for m in province.meetings if m.date and start <= m.date < end), key=lambda m: m.date)
    return dated[0] if dated else None


def standing(club: Club | None, rnd: Round | None, today: dt.date) -> Standing:
    """Where the district of CLUB (None: no club file) stands in round RND on TODAY."""
    found = club.confirmation(rnd.id) if club is not None and rnd is not None else None
    confirmed = found.date if found and found.date and found.date <= today else None
    deadline = rnd.deadline if rnd else None
    if confirmed is not None:
        if deadline is not None and confirmed > deadline:
            return Standing(rnd, today, State.LATE, confirmed, None, (confirmed - deadline).days)
        return Standing(rnd, today, State.ON_TIME, confirmed, None, None)
    if deadline is None:
        return Standing(rnd, today, State.NOT_YET_DUE, None, None, None)
    left = (deadline - today).days
    if left < 0:
        return Standing(rnd, today, State.OVERDUE, None, left, -left)
    opened = rnd is not None and round_start(rnd) <= today
    state = State.DUE_SOON if opened and left <= DUE_SOON_DAYS else State.NOT_YET_DUE
    return Standing(rnd, today, state, None, left, None)


def standing_now(province: Province, club: Club | None, today: dt.date) -> Standing:
    """The standing of CLUB's district in the current round on TODAY."""
    return standing(club, current_round(province, today), today)
