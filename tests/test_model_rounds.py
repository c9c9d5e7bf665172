"""One place decides the current round, the current meeting and a district's standing
(thamniap.model.rounds); the dashboard, the district page, the club rules, the report page and the
report bot all agree with it on every day around a round.

The base fixture's round 2567-club-update opens 5 Jan 2024 with its deadline on 24 Jan 2024; its
meeting is on 15 Jan 2024. Each case gives the club's confirmation (or none) and a day.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from helpers import BASE
from test_fixtures import apply_edits

from thamniap.check.validate import check_loaded, load_dataset
from thamniap.derive.dashboard import Status, summarise
from thamniap.model import Meeting, Province, Round, rounds
from thamniap.model.rounds import State
from thamniap.render import reportpage
from thamniap.render.front_matter import page_file
from thamniap.intake.reportform.fields import CONFIRMATION, NOMINEES
from thamniap.intake.reportform.messages import MEETING_PASSED
from thamniap.render.site import SiteSettings, district_pages
from thamniap.bot import read

CLUB = "42-loei/4214-nong-hin/club.yaml"
CONFIRMED = "[{round: 2567-club-update, date: 2024-01-20}]"
D = dt.date

# (confirmation date or None, today, the standing the module must give, days_left, days_late)
CASES = [
    (None, D(2024, 1, 4), State.NOT_YET_DUE, 20, None),     # the day before the round opens
    (None, D(2024, 1, 5), State.NOT_YET_DUE, 19, None),     # its first day
    (None, D(2024, 1, 16), State.NOT_YET_DUE, 8, None),     # 8 days before the deadline
    (None, D(2024, 1, 17), State.DUE_SOON, 7, None),        # 7 days before it
    (None, D(2024, 1, 24), State.DUE_SOON, 0, None),        # the deadline day
    (None, D(2024, 1, 25), State.OVERDUE, -1, 1),           # the day after
    (None, D(2024, 2, 1), State.OVERDUE, -8, 8),
    ("2024-01-20", D(2024, 1, 19), State.DUE_SOON, 5, None),  # the report is not there yet
    ("2024-01-20", D(2024, 1, 20), State.ON_TIME, None, None),  # reported on time, that day
    ("2024-01-24", D(2024, 2, 1), State.ON_TIME, None, None),   # on the deadline day is on time
    ("2024-01-30", D(2024, 2, 1), State.LATE, None, 6),         # reported late
]


def _dataset(tmp_path: Path, confirmed: str | None):
    root = tmp_path / f"data-{confirmed}"
    if not root.exists():
        shutil.copytree(BASE, root)
        new = f"[{{round: 2567-club-update, date: {confirmed}}}]" if confirmed else "[]"
        apply_edits(root, [{"file": CLUB, "replace": CONFIRMED, "with": new}])
    return root, load_dataset(root)


def _rule_ids(ds, today: dt.date) -> set[str]:
    return {d.rule for d in check_loaded(ds, today) if d.rule.startswith("club.")}


@pytest.mark.parametrize("confirmed, today, state, days_left, days_late", CASES,
                         ids=[f"{c or 'none'}@{t}" for c, t, *_ in CASES])
def test_every_reader_agrees_with_the_module(tmp_path, confirmed, today, state, days_left, days_late):
    root, ds = _dataset(tmp_path, confirmed)
    [province] = ds.provinces
    [district] = province.districts
    standing = rounds.standing_now(province, district.club, today)
    assert (standing.state, standing.days_left, standing.days_late) == (state, days_left, days_late)
    assert standing.round.id == "2567-club-update"

    # the dashboard
    [row] = summarise(province, today).districts
    assert row.standing == standing
    assert row.status is {State.ON_TIME: Status.ON_TIME, State.LATE: Status.LATE}.get(state, Status.NOT_YET)
    assert (row.confirmed_on, row.days_late) == (standing.confirmed_on, standing.days_late)

    # the district page: its badge and its table of rounds
    settings = SiteSettings("https://example.org/loei/", "", "")
    page = next(text for rel, text in district_pages(province, settings, today, root.parent, [],
                                                     {district.folder: None}).items()
                if rel == page_file(f"districts/{district.folder.name}"))
    badges = page.split('<p class="tn-badges">', 1)[1].split("</p>", 1)[0]
    words = {State.ON_TIME: "ส่งทันกำหนด", State.LATE: f"ส่งล่าช้า {days_late} วัน", State.OVERDUE: "เกินกำหนด",
             State.DUE_SOON: "ยังไม่ส่ง (ครบกำหนด", State.NOT_YET_DUE: "ยังไม่ส่ง</span>"}
    assert [s for s, w in words.items() if w in badges] == [state], badges
    current_row = page.split("รอบปัจจุบัน: ", 1)[1].split("</tr>", 1)[0]
    assert ("(หลังกำหนด)" in current_row) is (state is State.LATE)
    assert ("ยืนยันเมื่อ" in current_row) is standing.reported

    # the club rules: not confirmed once the round is open, late when reported late
    found = _rule_ids(ds, today)
    assert ("club.not-confirmed" in found) is (standing.opened and not standing.reported and confirmed is None)
    assert ("club.confirmed-late" in found) is (state is State.LATE)

    # the report page and its data, and the report bot: the same round and meeting
    data = reportpage.report_json(province, district, "", "../", today)
    assert '"2567-club-update"' in data
    html = reportpage.report_page(province, district, today, "a.json", "../", "../", "qr.svg", "https://x/", "")
    meeting = rounds.current_meeting(province, today)
    assert f"รอบ {standing.round.title}" in html and meeting.title in html
    notes: list = []
    understood = read.read_confirmation(CONFIRMATION, {"confirmed-on": "2024-01-20"}, district, province, today, notes)
    assert understood.round_id == standing.round.id
    notes = []
    assert read.pick_meeting(province, "", today, NOMINEES.field("meeting"), notes) is meeting
    # after the meeting, the page has no nominee fields and says why; the bot refuses nominations sent then
    closed = not rounds.nominations_open(meeting, today)
    assert ('data-role="representative"' in html) is not closed
    assert (reportpage.meeting_closed_words(meeting) in html) is closed
    assert [n.hint for n in notes] == ([MEETING_PASSED[1]] if closed else [])


def _round(rid: str, opens: dt.date | None, deadline: dt.date | None) -> Round:
    return Round(rid, rid, opens, deadline)


def _meeting(mid: str, day: dt.date) -> Meeting:
    return Meeting(mid, mid, day, "09:00", "ห้องประชุม", 2, 1)


def test_current_round_and_past_rounds():
    old, new = _round("2567", D(2024, 1, 5), D(2024, 1, 24)), _round("2568", D(2024, 11, 1), D(2024, 11, 30))
    province = Province("42", Path("x"), "loei", rounds=[new, old])
    assert rounds.current_round(province, D(2023, 12, 1)) is old          # before any opens: the first to open
    assert rounds.current_round(province, D(2024, 10, 31)) is old
    assert rounds.current_round(province, D(2024, 11, 1)) is new
    assert rounds.past_rounds(province, D(2024, 11, 1)) == [old]
    assert rounds.past_rounds(province, D(2024, 10, 31)) == []
    assert rounds.current_round(Province("42", Path("x"), "loei"), D(2024, 1, 1)) is None


def test_current_meeting_is_the_next_by_date_not_the_last_listed():
    """new-round appends next year's meeting while this year's is still ahead: file order is no date."""
    this_year, next_year = _meeting("m2567", D(2024, 1, 15)), _meeting("m2568", D(2024, 11, 20))
    province = Province("42", Path("x"), "loei", meetings=[this_year, next_year])
    assert rounds.current_meeting(province, D(2024, 1, 10)) is this_year
    assert rounds.current_meeting(province, D(2024, 1, 15)) is this_year     # the meeting day itself
    assert rounds.current_meeting(province, D(2024, 1, 16)) is next_year
    assert rounds.current_meeting(province, D(2025, 1, 1)) is next_year      # none to come: the latest held
    assert rounds.current_meeting(Province("42", Path("x"), "loei"), D(2024, 1, 1)) is None


def test_nominations_close_after_the_meeting_day():
    meeting = _meeting("m2567", D(2024, 1, 15))
    assert rounds.nominations_open(meeting, D(2024, 1, 14))
    assert rounds.nominations_open(meeting, D(2024, 1, 15))                 # the meeting day itself
    assert not rounds.nominations_open(meeting, D(2024, 1, 16))
    assert rounds.nominations_open(Meeting("m", "m", None, "", "", 2, 1), D(2030, 1, 1))   # no day yet: open


def test_a_round_without_a_deadline_is_never_overdue():
    province = Province("42", Path("x"), "loei", rounds=[_round("r", D(2024, 1, 5), None)])
    standing = rounds.standing_now(province, None, D(2030, 1, 1))
    assert standing.state is State.NOT_YET_DUE and standing.days_late is None and not standing.reported
