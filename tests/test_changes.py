"""derive/changes and render/changes (issue 11, sections 4 and 5): a seat's own appointment order and a role left with its reason, as
the change summary (derive/changes.py data, render/changes.py text) and the district page show them."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from helpers import BASE
from test_fixtures import apply_edits

from thamniap.check.validate import load_dataset
from thamniap.derive.changes import Appointment, Departure, compare
from thamniap.render.changes import markdown
from thamniap.render.district import role_terms
from thamniap.render.orgchart import org_chart

ROSTER = "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
CLUB = "42-loei/4214-nong-hin/club.yaml"
RESIGNED = [{"file": ROSTER, "replace": "      end: 2028-05-27\n",
             "with": "      end: 2024-03-01\n      end_reason: ลาออก\n"}]
OTHER = [{"file": ROSTER, "replace": "      end: 2028-05-27\n",
          "with": "      end: 2024-03-01\n      end_reason: อื่น ๆ\n      end_note: ย้ายไปรับราชการ\n"}]
PRESIDENT_ORDER = [{"file": CLUB, "replace": "    holder: 4214-0001\n    since: 2023-10-15\n",
                    "with": "    holder: 4214-0001\n    since: 2024-03-01\n    appointment:\n"
                            "      order_no: \"25/2567\"\n      date: 2024-02-26\n      by: นายอำเภอหนองหิน\n"}]


def province(tmp_path: Path, name: str, edits: list[dict]):
    root = tmp_path / name / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, edits)
    [loaded] = load_dataset(root).provinces
    return loaded


def test_a_role_left_with_its_reason_is_reported_once_with_the_reason(tmp_path):
    changes = compare(province(tmp_path, "a", []), province(tmp_path, "b", RESIGNED))
    [area] = changes.areas
    [person] = area.changed
    assert len(person.fields) == 1 and person.fields[0].before is None   # no second "roles" change
    assert person.fields[0].after == Departure("อช.", dt.date(2024, 3, 1), "ลาออก", None)
    assert "พ้นจากตำแหน่ง อช. เมื่อ 1 มีนาคม 2567 เหตุผล: ลาออก" in markdown(changes).replace("\\", "")


def test_the_note_of_another_reason_is_shown(tmp_path):
    text = markdown(compare(province(tmp_path, "a", []), province(tmp_path, "b", OTHER))).replace("\\", "")
    assert "เหตุผล: อื่น ๆ (ย้ายไปรับราชการ)" in text


def test_a_seat_appointment_change_is_reported_under_its_post(tmp_path):
    changes = compare(province(tmp_path, "a", []), province(tmp_path, "b", PRESIDENT_ORDER))
    [area] = changes.areas
    orders = [c for c in area.posts if c.field == "post.appointment"]
    assert [(c.subject, c.before, c.after) for c in orders] == [
        ("ประธาน", None, Appointment("25/2567", dt.date(2024, 2, 26), "นายอำเภอหนองหิน"))]
    assert "ประธาน — คำสั่งแต่งตั้งของตำแหน่ง: — → ที่ 25/2567 ลงวันที่ 26 กุมภาพันธ์ 2567 โดย นายอำเภอหนองหิน" \
        in markdown(changes).replace("\\", "")


def test_district_page_shows_the_seat_order_and_the_reason(tmp_path):
    head = province(tmp_path, "b", PRESIDENT_ORDER + RESIGNED)
    [district] = head.districts
    people = {p.id: p for p in district.people()}
    chart = org_chart(district.club, people, lambda p: f"#{p.anchor}")
    assert "คำสั่งที่ 25/2567 ลงวันที่ 26 กุมภาพันธ์ 2567 (นายอำเภอหนองหิน)" in chart
    assert "(พ้นจากตำแหน่ง เหตุผล: ลาออก)" in role_terms(people["4214-0003"])
