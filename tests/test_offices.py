"""District offices people can reach (issue 13 §6): the office's phone, address, hours and map position
in district.yaml (schemas/defs.schema.json `office`), read into model.Office, checked (phone rules of
core/phones.py, geo.office-location), shown at the top of the district page with a call button and an
OpenStreetMap link, listed on the province page, and exported in the JSON.

The sample data knows no district office's own number, hours or position: the tests add them to a copy
(tests/fixtures/valid/office-contact, a made-up position inside Loei and the province office's public
number standing in)."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from helpers import BASE, REPO, run_cli
from test_fixtures import FIXTURES, apply_edits, run_validate

from thamniap.check.validate import load_dataset
from thamniap.build.exports import write_exports
from thamniap.render.district import district_page
from thamniap.render.markup import map_url
from thamniap.render.site import province_page

DISTRICT = "42-loei/4214-nong-hin/district.yaml"
OFFICE_EDITS = yaml.safe_load((FIXTURES / "valid/office-contact/case.yaml").read_text(encoding="utf-8"))["edits"]
POSITION = (17.1, 101.8)
PROVINCE_PHONE = "tel:+6642411773"


def links(html: str) -> list[dict]:
    """The attributes and the text of every <a> in HTML."""
    found: list[dict] = []
    open_: list[dict] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a":
                found.append({**dict(attrs), "text": ""})
                open_.append(found[-1])

        def handle_data(self, data):
            if open_:
                open_[-1]["text"] += data

        def handle_endtag(self, tag):
            if tag == "a" and open_:
                open_.pop()
    Collect().feed(html)
    return found


@pytest.fixture
def office_copy(tmp_path: Path) -> Path:
    root = tmp_path / "office" / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, OFFICE_EDITS)
    return root


def render(root: Path, out: Path) -> Path:
    code, _, err = run_cli("pages", str(out), "--data", str(root), "--today", "2024-02-01")
    assert code == 0, err
    return out


def district_of(root: Path):
    ds = load_dataset(root)
    assert not [d for d in ds.diagnostics if d.is_error]
    province = ds.provinces[0]
    return province, province.districts[0]


def test_model_reads_the_office_contact(office_copy):
    _, district = district_of(office_copy)
    office = district.office
    assert office.phone == "0 4241 1773"
    assert office.hours == "วันจันทร์–วันศุกร์ 08.30–16.30 น."
    assert office.location == "17.10000, 101.80000" and office.position == POSITION
    assert office.location_where.path.endswith(DISTRICT) and office.location_where.line == 11


def test_sample_data_leaves_out_what_nobody_knows():
    """No district of the published sample data has an invented phone, hours or position."""
    ds = load_dataset(REPO / "data")
    offices = [d.office for d in ds.provinces[0].districts]
    assert len(offices) == 14
    assert all(o.phone is None and o.hours is None and o.location is None for o in offices)


def test_district_page_top_has_call_button_and_map_link(office_copy, tmp_path):
    page = (render(office_copy, tmp_path / "out") / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    top = page[:page.index("## ตำบลและหมู่บ้าน")]
    # right under the title: before the villages, and the edit buttons are in the officials' part at the end
    assert 'class="tn-contact"' in top and 'class="tn-edit"' not in top
    assert page.index('class="tn-edit"') > page.index("## สำหรับเจ้าหน้าที่")
    found = {a.get("class"): a for a in links(top)}
    call, osm = found["md-button md-button--primary tn-call"], found["md-button tn-map"]
    assert call["href"] == PROVINCE_PHONE and call["text"] == "โทร 0 4241 1773"
    parts = urlsplit(osm["href"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.openstreetmap.org", "/")
    query = parse_qs(parts.query)
    assert (float(query["mlat"][0]), float(query["mlon"][0])) == POSITION and query["zoom"] == ["16"]
    assert "เวลาทำการ: วันจันทร์–วันศุกร์ 08.30–16.30 น." in top
    assert "ยังไม่มีหมายเลขของสำนักงานอำเภอ" not in page   # its own number: no fallback label
    assert "<iframe" not in page and "<script" not in page   # a plain link, no embedded map


def test_without_own_phone_the_province_number_is_labelled(base_copy, tmp_path):
    page = (render(base_copy, tmp_path / "out") / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    top = page[:page.index("## สำนักงานและผู้รับผิดชอบ")]
    call = next(a for a in links(top) if "tn-call" in a.get("class", ""))
    assert call["href"] == PROVINCE_PHONE
    assert "หมายเลขของสำนักงานพัฒนาชุมชนจังหวัดเลย (ยังไม่มีหมายเลขของสำนักงานอำเภอ)" in top
    assert "tn-map" not in page and "openstreetmap" not in page   # no position: no map link
    assert "เวลาทำการ" not in page                                  # no hours: nothing shown


def test_hostile_hours_and_address_are_escaped(office_copy):
    province, district = district_of(office_copy)
    district.office.hours = '<img src=x onerror=alert(1)> [x](javascript:alert(1))'
    district.office.address = '"><script>alert(1)</script>'
    district.office.location = 'javascript:alert(1), 2'
    page = district_page(province, district, None, {}, "qr.svg", [], "https://example.org/")
    assert "<img src=x" not in page and "<script>" not in page and 'href="javascript' not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;" in page
    assert map_url(district.office.location) is None and "openstreetmap" not in page
    offices = province_page(province)
    assert "<img src=x" not in offices and "<script>" not in offices


def test_province_page_lists_all_fourteen_offices():
    ds = load_dataset(REPO / "data")
    province = ds.provinces[0]
    page = province_page(province)
    table = page[page.index('<table class="tn-offices">'):]
    table = table[:table.index("</table>")]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 14
    for district, row in zip(province.districts, rows):
        assert f'href="../districts/{district.folder.name}/"' in row and district.office.name in row
        assert 'href="tel:+6642411773"' in row and "ยังไม่มีหมายเลขของสำนักงานอำเภอ" in row


def test_province_page_shows_a_district_office_own_details(office_copy, tmp_path):
    page = (render(office_copy, tmp_path / "out") / "province/index.md").read_text(encoding="utf-8")
    row = page[page.index('<table class="tn-offices">'):]
    assert "เวลาทำการ: วันจันทร์–วันศุกร์ 08.30–16.30 น." in row
    assert "ยังไม่มีหมายเลขของสำนักงานอำเภอ" not in row
    assert 'href="https://www.openstreetmap.org/?mlat=17.10000&amp;mlon=101.80000&amp;zoom=16"' in row


def test_map_url_is_never_masked_as_a_national_id():
    """17.10000/101.80000 holds 13 digits with a valid check digit: as #map=16/lat/lon the escaping
    step would mask it (and break the link), so the zoom is a query parameter."""
    from thamniap.core.national_id import find_national_ids
    assert find_national_ids("17.10000/101.80000")
    url = map_url("17.10000, 101.80000")
    assert not find_national_ids(url) and "XX" not in url


def test_json_export_carries_the_office_contact(office_copy, tmp_path):
    ds = load_dataset(office_copy)
    written = write_exports(ds.provinces, tmp_path / "out")
    doc = json.loads(next(e for e in written if e.rel.endswith("/4214.json")).path.read_text(encoding="utf-8"))
    office = doc["districts"][0]["office"]
    assert office["hours"] == "วันจันทร์–วันศุกร์ 08.30–16.30 น."
    assert office["location"] == {"lat": 17.1, "lon": 101.8} and office["phone"] == "0 4241 1773"


@pytest.mark.parametrize("location, hint", [
    ("13.75633, 100.50177", "OpenStreetMap"),
    ("101.80000, 17.10000", "แก้เป็น `17.10000, 101.80000`"),
])
def test_position_outside_loei_is_an_error_with_a_hint(base_copy, location, hint):
    district = base_copy / DISTRICT
    text = district.read_text(encoding="utf-8")
    district.write_text(text.replace("  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n",
                                     f"  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n  location: {location}\n"),
                        encoding="utf-8")
    code, diags, _ = run_validate(base_copy)
    found = [d for d in diags if d["rule"] == "geo.office-location"]
    assert code == 1 and len(found) == 1
    assert found[0]["line"] == 9 and found[0]["path"].endswith(DISTRICT)
    assert "อยู่นอกจังหวัดเลย" in found[0]["message"] and hint in found[0]["hint"]


@pytest.mark.parametrize("location", ["17°29′N 101°43′E", "17.1", "17,1 101,8"])
def test_position_in_another_form_is_a_located_schema_error(base_copy, location):
    district = base_copy / DISTRICT
    text = district.read_text(encoding="utf-8")
    district.write_text(text.replace("  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n",
                                     f"  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n  location: \"{location}\"\n"),
                        encoding="utf-8")
    code, diags, _ = run_validate(base_copy)
    found = [d for d in diags if d["rule"] == "schema.pattern"]
    assert code == 1 and [d["line"] for d in found] == [9]
    assert "ตำแหน่งสำนักงานบนแผนที่" in found[0]["message"] and "OpenStreetMap" in found[0]["hint"]


def test_office_phone_follows_the_phone_rules(base_copy):
    district = base_copy / DISTRICT
    text = district.read_text(encoding="utf-8")
    district.write_text(text.replace("  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n",
                                     "  address: ที่ว่าการอำเภอหนองหิน จังหวัดเลย\n  phone: ๐ ๔๒๔๑ ๑๗๗๓\n"),
                        encoding="utf-8")
    code, diags, _ = run_validate(base_copy)
    found = [d for d in diags if d["rule"].startswith("phone.")]
    assert code == 1 and [d["rule"] for d in found] == ["phone.thai-digits"] and found[0]["line"] == 9


def test_change_summary_names_new_hours_and_position(base_copy, office_copy):
    from thamniap.derive.changes import compare_district
    from thamniap.render.changes import area_lines
    (_, before), (_, after) = district_of(base_copy), district_of(office_copy)
    area = compare_district(before, after)
    fields = {c.field for c in area.office}
    assert {"office.hours", "office.location", "office.phone"} <= fields
    text = "\n".join(area_lines(area))
    assert "เวลาทำการ" in text and "ตำแหน่งบนแผนที่" in text
    assert "4241" not in text   # phone numbers are not repeated in summaries
