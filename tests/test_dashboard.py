"""Dashboard metrics (thamniap.derive.dashboard) and its static SVG charts (thamniap.render.charts)."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import BASE, REPO
from test_fixtures import apply_edits

from thamniap.render import charts
from thamniap.derive.dashboard import DistrictStatus, ProvinceSummary, Status, add_months, percent, summarise
from thamniap.model import District, Province, Round
from thamniap.check.validate import load_dataset

D = "42-loei/4214-nong-hin/"
NONG_HIN = D + "roster/421401-nong-hin.yaml"        # subdistrict หนองหิน: 4214-0001…0010
PUAN_PHU = D + "roster/421403-puan-phu.yaml"        # subdistrict ปวนพุ: 4214-0021…0030
ROSTER_FILES = [NONG_HIN, D + "roster/421402-tat-kha.yaml", PUAN_PHU]
NO_ROSTER = [{"file": f, "delete": True} for f in ROSTER_FILES] + [{"dir": D + "roster", "delete": True}]
FEB_1 = dt.date(2024, 2, 1)
SVG = "{http://www.w3.org/2000/svg}"
CHARTS = (charts.status_bar, charts.completeness_chart, charts.gender_chart)

LATE = [{"file": D + "club.yaml", "replace": "date: 2024-01-20}", "with": "date: 2024-01-30}"}]
NOT_CONFIRMED = [{"file": D + "club.yaml", "replace": "[{round: 2567-club-update, date: 2024-01-20}]", "with": "[]"}]
VACANT = [{"file": D + "club.yaml", "replace": "  - post: ประชาสัมพันธ์\n    holder: 4214-0022\n    since: 2023-10-15\n",
           "with": "  - post: ประชาสัมพันธ์\n    vacant: true\n"}]


def province_of(root: Path) -> Province:
    [province] = load_dataset(root).provinces
    return province


def edited(tmp_path: Path, edits: list[dict]) -> Province:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, edits)
    return province_of(root)


def three_districts() -> Province:
    """The base province with three districts, built here rather than read from data/ (whose
    districts report when they do): 4214 reported on time with a post left vacant, 4212 a copy that
    reported late (30 Jan for a 24 Jan deadline), 4213 a copy that has not reported yet."""
    province = province_of(BASE)
    [on_time] = province.districts
    on_time.club.posts = [dataclasses.replace(p, holder_id=None, since=None, vacant=True)
                          if p.post == "ประชาสัมพันธ์" else p for p in on_time.club.posts]
    late, not_yet = copy.deepcopy(on_time), copy.deepcopy(on_time)
    late.code, late.name, late.slug = "4212", "ผาขาว", "pha-khao"
    late.club.confirmations = [dataclasses.replace(c, date=dt.date(2024, 1, 30)) for c in late.club.confirmations]
    not_yet.code, not_yet.name, not_yet.slug = "4213", "เอราวัณ", "erawan"
    not_yet.club.confirmations = []
    province.districts = [late, not_yet, on_time]
    return province


def only(summary: ProvinceSummary) -> DistrictStatus:
    [row] = summary.districts
    return row


# ---------------------------------------------------------------- metrics

def test_clean_base_is_on_time_and_complete():
    s = summarise(province_of(BASE), FEB_1)
    row = only(s)
    assert (row.code, row.name, row.slug, row.sample) == ("4214", "หนองหิน", "nong-hin", True)
    assert row.status is Status.ON_TIME and row.status.thai == "ส่งทันกำหนด"
    assert row.confirmed_on == dt.date(2024, 1, 20) and row.deadline == dt.date(2024, 1, 24)
    assert row.days_late is None and not row.stale
    assert (row.subdistricts, row.subdistricts_with_2_leaders) == (3, 3)
    assert (row.villages, row.villages_with_4, row.villages_balanced) == (6, 6, 6)
    assert (row.volunteers, row.leaders, row.men, row.women) == (24, 6, 15, 15)
    assert (row.posts_total, row.posts_filled, row.posts_vacant) == (8, 8, [])
    assert (row.terms_ending_soon, row.terms_expired) == (0, 0)
    assert (row.nominees_sent, row.representatives, row.officials) == (True, 2, 1)
    assert (row.pct_villages_with_4, row.pct_subdistricts_with_2_leaders, row.pct_posts_filled) == (100, 100, 100)

    assert s.deadline == dt.date(2024, 1, 24) and s.round_id == "2567-club-update"
    assert s.meeting_id == "2567-anniversary-55-prep" and s.meeting_date == dt.date(2024, 1, 15)
    assert (s.meeting_representatives, s.meeting_officials) == (2, 1)
    assert (s.district_count, s.subdistricts, s.villages, s.volunteers, s.leaders) == (1, 3, 6, 24, 6)
    assert (s.men, s.women, s.clubs, s.posts_filled, s.posts_total) == (15, 15, 1, 8, 8)
    assert (s.on_time, s.late, s.not_yet, s.stale, s.nominees_sent) == (1, 0, 0, 0, 1)
    assert s.status_counts == [(Status.ON_TIME, 1), (Status.LATE, 0), (Status.NOT_YET, 0)]
    assert s.sample and s.today == FEB_1


def test_confirmed_after_deadline_is_late(tmp_path):
    s = summarise(edited(tmp_path, LATE), FEB_1)
    row = only(s)
    assert row.status is Status.LATE and row.status.thai == "ส่งล่าช้า"
    assert row.confirmed_on == dt.date(2024, 1, 30) and row.days_late == 6
    assert (s.on_time, s.late, s.not_yet) == (0, 1, 0)


def test_confirmed_on_the_deadline_is_on_time(tmp_path):
    edits = [{"file": D + "club.yaml", "replace": "date: 2024-01-20}", "with": "date: 2024-01-24}"}]
    assert only(summarise(edited(tmp_path, edits), FEB_1)).status is Status.ON_TIME


def test_not_confirmed(tmp_path):
    province = edited(tmp_path, NOT_CONFIRMED)
    row = only(summarise(province, FEB_1))
    assert row.status is Status.NOT_YET and row.status.thai == "ยังไม่ส่ง"
    assert row.confirmed_on is None and row.stale
    assert row.days_late == 8                       # overdue so far: 24 Jan → 1 Feb
    before = only(summarise(province, dt.date(2024, 1, 10)))
    assert before.status is Status.NOT_YET and before.days_late is None   # deadline not passed yet
    s = summarise(province, FEB_1)
    assert (s.on_time, s.late, s.not_yet, s.stale) == (0, 0, 1, 1)


def test_vacant_post(tmp_path):
    s = summarise(edited(tmp_path, VACANT), FEB_1)
    row = only(s)
    assert (row.posts_total, row.posts_filled, row.posts_vacant) == (8, 7, ["ประชาสัมพันธ์"])
    assert row.pct_posts_filled == 88 and (s.posts_filled, s.posts_total) == (7, 8)


def test_stale_is_measured_against_the_current_round():
    """Confirmed in the only round: current however long ago (a new round makes it stale: test_rounds.py)."""
    province = province_of(BASE)
    assert not only(summarise(province, dt.date(2026, 1, 20))).stale
    assert summarise(province, dt.date(2026, 1, 20)).stale == 0


@pytest.mark.parametrize("today, soon, expired", [
    (dt.date(2024, 2, 1), 0, 0),
    # horizon 2027-09-29: only อช. 4214-0006 (ends 2027-07-15)
    (dt.date(2027, 3, 29), 1, 0),
    # horizon 2027-09-30: + 6 leaders and the club term ending that day
    (dt.date(2027, 3, 30), 8, 0),
    # horizon 2027-12-01: 6 leaders, club, 4214-0006, 4214-0025 (2027-10-28)
    (dt.date(2027, 6, 1), 9, 0),
    # the last day of a term is still within it: 6 leaders and the club end today; 4214-0006 has
    # expired; horizon 2028-03-30 adds 0025, 0004, 0008, 0009, 0027, 0030
    (dt.date(2027, 9, 30), 13, 1),
    # expired: 6 leaders, club, 4214-0006; soon (≤ 2028-04-01): 0025, 0004, 0008, 0009, 0027, 0030
    (dt.date(2027, 10, 1), 6, 8),
])
def test_terms_ending_within_six_months(today, soon, expired):
    row = only(summarise(province_of(BASE), today))
    assert (row.terms_ending_soon, row.terms_expired) == (soon, expired)


def test_renewed_role_is_not_ending(tmp_path):
    renew = [{"file": NONG_HIN, "replace": "      start: 2023-07-16\n      end: 2027-07-15\n",
              "with": "      start: 2023-07-16\n      end: 2027-07-15\n"
                      "    - role: อช.\n      start: 2027-07-16\n      end: 2031-07-15\n"}]
    province = edited(tmp_path, renew)
    assert only(summarise(province, dt.date(2027, 6, 1))).terms_ending_soon == 8
    assert only(summarise(province, dt.date(2027, 10, 1))).terms_expired == 7


def test_roster_thresholds(tmp_path):
    edits = [
        # village 1 of หนองหิน: 4 men → not balanced
        {"file": NONG_HIN, "replace": "id: 4214-0003\n    title: นางสาว", "with": "id: 4214-0003\n    title: นาย"},
        {"file": NONG_HIN, "replace": "id: 4214-0004\n    title: นาง", "with": "id: 4214-0004\n    title: นาย"},
        # subdistrict หนองหิน: two men leaders
        {"file": NONG_HIN, "replace": "id: 4214-0002\n  title: นาง", "with": "id: 4214-0002\n  title: นาย"},
        # village 2 of ปวนพุ: 3 อช.
        {"file": PUAN_PHU, "replace": "  - id: 4214-0030\n    title: นางสาว\n    first_name: บุญเรือง\n"
                                      "    last_name: โพธิ์ศรี\n    roles:\n    - role: อช.\n"
                                      "      start: 2024-03-08\n      end: 2028-03-07\n", "with": ""},
    ]
    row = only(summarise(edited(tmp_path, edits), FEB_1))
    assert (row.villages, row.villages_with_4, row.villages_balanced) == (6, 5, 5)
    assert (row.subdistricts, row.subdistricts_with_2_leaders) == (3, 2)
    assert (row.volunteers, row.leaders, row.men, row.women) == (23, 6, 18, 11)
    assert (row.pct_villages_with_4, row.pct_subdistricts_with_2_leaders) == (83, 67)


@pytest.mark.parametrize("missing", ["club.yaml", "roster", "meeting.yaml", "district.yaml"])
def test_missing_district_file_does_not_crash(tmp_path, missing):
    """A district file missing (for the roster: its folder, with every subdistrict file, gone)."""
    edits = NO_ROSTER if missing == "roster" else [{"file": D + missing, "delete": True}]
    s = summarise(edited(tmp_path, edits), FEB_1)
    row = only(s)
    if missing == "club.yaml":
        assert row.status is Status.NOT_YET and row.stale and not row.has_club
        assert (row.posts_total, row.posts_filled, row.posts_vacant, row.pct_posts_filled) == (0, 0, [], None)
        assert s.clubs == 0 and row.villages == 6
    if missing == "roster":
        assert not row.has_roster and (row.villages, row.subdistricts, row.volunteers, row.men) == (0, 0, 0, 0)
        assert row.pct_villages_with_4 is None and row.status is Status.ON_TIME and row.posts_filled == 8
    if missing == "meeting.yaml":
        assert (row.nominees_sent, row.representatives, row.officials) == (False, 0, 0) and s.nominees_sent == 0
    if missing == "district.yaml":
        assert row.name == "" and row.label == "4214" and row.villages == 6
    for chart in CHARTS:
        ET.fromstring(chart(s))


def test_bare_model_objects():
    """Districts with nothing loaded, a province without rounds or meetings: still a summary."""
    province = Province("42", Path("x"), "loei", districts=[District("4201", Path("y"), "mueang-loei")])
    s = summarise(province, FEB_1)
    row = only(s)
    assert row.status is Status.NOT_YET and row.deadline is None and row.days_late is None
    assert (row.villages, row.posts_total, row.terms_ending_soon, row.nominees_sent) == (0, 0, 0, False)
    assert s.deadline is None and s.meeting_id is None and (s.meeting_representatives, s.meeting_officials) == (0, 0)
    empty = summarise(Province("42", Path("x"), "loei"), FEB_1)
    assert empty.district_count == 0 and empty.districts == []
    for summary in (s, empty):
        for chart in CHARTS:
            ET.fromstring(chart(summary))


def test_no_deadline_means_on_time():
    province = province_of(BASE)
    province.rounds = [Round("2567-club-update", "r", None, None)]
    row = only(summarise(province, FEB_1))
    assert row.status is Status.ON_TIME and row.deadline is None


def test_percent_and_months():
    assert [percent(1, 3), percent(2, 3), percent(1, 8), percent(0, 5), percent(0, 0)] == [33, 67, 13, 0, None]
    assert add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 2, 1), 6) == dt.date(2024, 8, 1)
    assert add_months(dt.date(2024, 9, 15), 6) == dt.date(2025, 3, 15)


def test_landed_data_is_summarised_for_every_district():
    s = summarise(province_of(REPO / "data"), FEB_1)
    assert s.district_count == 14 and len(s.districts) == 14
    assert [d.code for d in s.districts] == [f"42{n:02d}" for n in range(1, 15)]
    assert s.on_time + s.late + s.not_yet == 14 and s.subdistricts == 90
    for chart in CHARTS:
        check_svg(chart(s))


def test_on_time_late_and_not_yet_districts():
    s = summarise(three_districts(), FEB_1)
    assert [(d.code, d.status) for d in s.districts] == [
        ("4212", Status.LATE), ("4213", Status.NOT_YET), ("4214", Status.ON_TIME)]
    assert (s.district_count, s.on_time, s.late, s.not_yet) == (3, 1, 1, 1)
    assert [d.days_late for d in s.districts] == [6, 8, None]      # not yet: 8 days past the deadline
    assert all(d.posts_vacant == ["ประชาสัมพันธ์"] for d in s.districts)
    for chart in CHARTS:
        check_svg(chart(s))


# ---------------------------------------------------------------- charts

def check_svg(text: str) -> ET.Element:
    """Well-formed, accessible, self-contained SVG."""
    root = ET.fromstring(text)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img" and root.get("aria-label")
    assert re.fullmatch(r"0 0 \d+(\.\d)? \d+(\.\d)?", root.get("viewBox"))
    assert "Sarabun, sans-serif" in root.get("font-family")
    assert root[0].tag == SVG + "title" and root[0].text == root.get("aria-label")
    assert re.search("[\u0e00-\u0e7f]", root.get("aria-label")), "aria-label is in Thai"
    for el in root.iter():
        assert el.tag.startswith(SVG), el.tag
        assert el.tag not in (SVG + "script", SVG + "foreignObject", SVG + "image", SVG + "a", SVG + "style")
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "javascript" not in value.lower()
    assert "<script" not in text.lower()
    assert "http" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "", 1)
    for ref in re.findall(r"url\(([^)]*)\)", text):
        assert ref.startswith("#") and f'id="{ref[1:]}"' in text, ref
    return root


def all_text(root: ET.Element) -> str:
    return " ".join(["".join(el.itertext()) for el in root.iter()] + [root.get("aria-label")])


def test_status_bar():
    s = summarise(three_districts(), FEB_1)
    root = check_svg(charts.status_bar(s))
    text = all_text(root)
    for status, n in s.status_counts:
        assert f"{status.thai} {n} อำเภอ" in text
    assert "กำหนดส่ง 24 ม.ค. 2567" in root.get("aria-label")
    late = [d.name for d in s.districts if d.status is Status.LATE]
    assert late == ["ผาขาว"] and all(name in text for name in late)
    # clean base: only "on time" has a segment, yet every legend entry is there with its number
    base = check_svg(charts.status_bar(summarise(province_of(BASE), FEB_1)))
    assert all(f"{label} {n} อำเภอ" in all_text(base) for label, n in
               [("ส่งทันกำหนด", 1), ("ส่งล่าช้า", 0), ("ยังไม่ส่ง", 0)])


def test_status_bar_not_colour_alone():
    s = summarise(three_districts(), FEB_1)
    text = charts.status_bar(s)
    assert text.count("<pattern ") >= 2            # late and not yet are patterned
    root = ET.fromstring(text)
    numbers = [el.text for el in root.iter(SVG + "text")]
    assert str(s.on_time) in numbers               # count written on its segment


def test_completeness_chart(tmp_path):
    s = summarise(edited(tmp_path, VACANT), FEB_1)
    root = check_svg(charts.completeness_chart(s))
    text = all_text(root)
    assert "หนองหิน" in text and "88%" in text and "100%" in text
    for label in ("หมู่บ้านที่มี อช. อย่างน้อย 4 คน", "ตำบลที่มีผู้นำ อช. ชาย 1 หญิง 1",
                  "ตำแหน่งกรรมการชมรมที่มีผู้ดำรงตำแหน่ง"):
        assert label in text
    three = summarise(three_districts(), FEB_1)
    three_text = all_text(check_svg(charts.completeness_chart(three)))
    assert all(d.name in three_text for d in three.districts)


def test_completeness_chart_without_roster(tmp_path):
    s = summarise(edited(tmp_path, NO_ROSTER), FEB_1)
    assert "ไม่มีข้อมูล" in all_text(check_svg(charts.completeness_chart(s)))


def test_gender_chart():
    s = summarise(province_of(BASE), FEB_1)
    root = check_svg(charts.gender_chart(s))
    text = all_text(root)
    assert "ชาย 15 คน" in text and "หญิง 15 คน" in text and "หนองหิน" in text and "รวมจังหวัดเลย" in text
    small = check_svg(charts.gender_chart(s, per_district=False))
    assert "หนองหิน" not in all_text(small)
    assert float(small.get("viewBox").split()[3]) < float(root.get("viewBox").split()[3])


HOSTILE = '<script>alert(1)</script>'


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
def test_hostile_names_are_escaped(chart):
    province = province_of(BASE)
    province.name = HOSTILE + '" onload="alert(2)'
    province.districts[0].name = HOSTILE + "'&\x00\x1b"
    province.districts[0].club.confirmations = []      # so the status chart names it too
    text = chart(summarise(province, FEB_1))
    root = check_svg(text)
    assert HOSTILE not in text and "&lt;script&gt;" in text
    assert 'onload="' not in text
    assert "alert(1)" in all_text(root)            # shown as text, not dropped


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.__name__)
def test_deterministic(chart):
    first = chart(summarise(three_districts(), FEB_1))
    again = chart(summarise(three_districts(), FEB_1))
    assert first == again
    ids = re.findall(r'\bid="([^"]+)"', first)
    assert len(ids) == len(set(ids))
    coords = re.findall(r'(?<![-\w])(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', first)
    assert coords and all(re.fullmatch(r"-?\d+(\.\d)?", c) for c in coords), "at most one decimal"


def test_chart_ids_can_be_prefixed():
    s = summarise(province_of(BASE), FEB_1)
    a, b = charts.status_bar(s), charts.status_bar(s, id_prefix="other")
    assert set(re.findall(r'\bid="([^"]+)"', a)).isdisjoint(re.findall(r'\bid="([^"]+)"', b))
    with pytest.raises(ValueError):
        charts.status_bar(s, id_prefix='x" onload="alert(1)')
