"""Issue 13 §2 "อช. หมู่บ้านของฉัน": the village finder's data files (render/villages.py), derived from
the model: serving people only, anchors that the district page has, the office phone to call (the
district's, else the province's with a label), values masked and HTML-inert; the files stay small.
The form itself is driven in Chromium by tests/browser/test_village_finder.py."""
from __future__ import annotations

import copy
import dataclasses
import gzip
import json

import pytest
from helpers import BASE, REPO

from thamniap.check.validate import load_dataset
from thamniap.core.national_id import national_id_check_digit
from thamniap.model import Office
from thamniap.render.district import district_page, subdistrict_page
from thamniap.render.markup import json_data, phone_display, tel_url
from thamniap.render.villages import (INDEX, district_villages, office_contact, village_files, village_finder,
                                      village_index)


@pytest.fixture(scope="module")
def base():
    [province] = load_dataset(BASE).provinces
    return province


def fresh(province):
    return copy.deepcopy(province)


def test_every_village_with_its_serving_volunteers_and_the_subdistricts_leaders(base):
    [district] = base.districts
    record = district_villages(base, district)
    assert [s["code"] for s in record["subdistricts"]] == [s.code for s in district.subdistricts]
    for sub, out in zip(district.subdistricts, record["subdistricts"]):
        assert out["name"] == sub.name
        assert out["leaders"] == [[p.anchor, p.name] for p in sub.leaders if p.serving]
        assert [(v["moo"], v["name"]) for v in out["villages"]] == [(v.moo, v.name) for v in sub.villages]
        for village, v_out in zip(sub.villages, out["villages"]):
            assert v_out["volunteers"] == [[p.anchor, p.name] for p in village.volunteers]
    assert sum(len(v["volunteers"]) for s in record["subdistricts"] for v in s["villages"]) > 10


def test_a_person_who_left_every_role_is_not_on_the_card(base):
    province = fresh(base)
    [district] = province.districts
    village = district.subdistricts[0].villages[0]
    leaver = village.volunteers[0]
    for role in leaver.roles:
        role.end_reason = "ลาออก"
    leader = district.subdistricts[0].leaders[0]
    for role in leader.roles:
        role.end_reason = "เสียชีวิต"
    out = district_villages(province, district)["subdistricts"][0]
    assert [leaver.anchor, leaver.name] not in out["villages"][0]["volunteers"]
    assert len(out["villages"][0]["volunteers"]) == len(village.volunteers) - 1
    assert [leader.anchor, leader.name] not in out["leaders"]


def test_every_anchor_is_on_the_page_the_card_links_to(base):
    """The card links to the leaders on the district page, and to the village and its volunteers on
    the subdistrict's page: those ids must exist there."""
    [district] = base.districts
    page = district_page(base, district, None, {}, "qr.svg", [], "https://example.org/")
    record = district_villages(base, district)
    for sub, found in zip(record["subdistricts"], district.subdistricts):
        sub_page = subdistrict_page(base, district, found, "../")
        assert f'id="{sub["anchor"]}"' in page and f"{{#{sub['anchor']}}}" in sub_page
        assert sub["page"] == f"../../districts/{district.folder.name}/{found.code}/"
        for village in sub["villages"]:
            assert f"{{#{village['anchor']}}}" in sub_page, village
            for anchor, _ in village["volunteers"]:
                assert f'<tr id="{anchor}">' in sub_page
        for anchor, _ in sub["leaders"]:
            assert f'<tr id="{anchor}">' in page
    assert record["page"] == f"../../districts/{district.folder.name}/"


def test_the_district_office_phone_when_district_yaml_has_one(base):
    province = fresh(base)
    [district] = province.districts
    # the province office's real public number stands in for a district number (none is invented)
    number = province.office.phone
    district.office = dataclasses.replace(district.office, phone=number)
    contact = office_contact(province, district)
    assert contact == {"name": district.office.name, "tel": tel_url(number), "phone": phone_display(number), "note": ""}
    assert contact["tel"] == "tel:+6642411773"


def test_else_the_province_office_phone_with_a_thai_label(base):
    [district] = base.districts
    assert not district.office.phone
    contact = office_contact(base, district)
    assert contact["name"] == base.office.name == "สำนักงานพัฒนาชุมชนจังหวัดเลย"
    assert contact["tel"] == "tel:+6642411773" and contact["phone"] == "0 4241 1773"
    assert contact["note"] == ("อำเภอหนองหินยังไม่ได้ระบุเบอร์โทรศัพท์สำนักงาน "
                               "จึงแสดงเบอร์ของสำนักงานพัฒนาชุมชนจังหวัดเลย")


def test_no_phone_anywhere_gives_no_call_button(base):
    province = fresh(base)
    province.office = Office(name=province.office.name)
    assert office_contact(province, province.districts[0]) is None
    assert district_villages(province, province.districts[0])["office"] is None


def test_no_personal_phone_in_the_files(base):
    """Only the office number appears: no volunteer's or official's phone, consent or not."""
    files = village_files(base)
    numbers = {p.phone for p in base.people() if p.phone} | {o.work_phone for o in base.districts[0].officials if o.work_phone}
    for text in files.values():
        for number in numbers:
            assert number not in text and (tel_url(number) or "@@") not in text
    assert "phone_consent" not in "".join(files.values())


def test_values_are_masked_and_inert(base):
    # a checksum-valid number, built here so that none is stored in the repository
    nid = "1-1017-00203-45-" + str(national_id_check_digit("110170020345"))
    province = fresh(base)
    village = province.districts[0].subdistricts[0].villages[0]
    village.name = f'บ้าน<img src=x onerror=alert(1)> {nid} & "'
    text = village_files(province)[f"assets/villages/{province.districts[0].code}.json"]
    assert "<" not in text and ">" not in text and "&" not in text
    assert nid not in text
    name = json.loads(text)["subdistricts"][0]["villages"][0]["name"]
    assert name.startswith("บ้าน<img src=x onerror=alert(1)> ") and name.endswith(f'-X5-{nid[-1]} & "')
    assert json.loads(json_data({"a": "<b>"})) == {"a": "<b>"}


def test_the_index_names_every_village_once(base):
    index = village_index(base)
    [district] = base.districts
    assert index["districts"] == {district.code: district.name}
    assert index["villages"] == [[district.code, s.code, v.moo, v.name] for s in district.subdistricts for v in s.villages]
    assert set(index["subdistricts"]) == {s.code for s in district.subdistricts}


def test_the_form_has_a_label_for_every_control(base):
    html = village_finder(base)
    for control in ("district", "subdistrict", "village", "q"):
        assert f'<label for="tn-village-{control}">' in html and f'id="tn-village-{control}"' in html
    assert 'role="status"' in html and 'aria-live="polite"' in html
    assert "\n" not in html    # one raw HTML block: Markdown leaves it alone


def test_files_stay_small_on_the_province_dataset():
    """On the 14-district sample province: each file loaded for a card is at most 80 KB (10 KB gzipped)."""
    [province] = load_dataset(REPO / "data").provinces
    files = village_files(province)
    assert len(files) == len(province.districts) + 1 and INDEX in files
    for rel, text in files.items():
        raw = text.encode("utf-8")
        assert len(raw) < 80_000 and len(gzip.compress(raw)) < 10_000, (rel, len(raw))
