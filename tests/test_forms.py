"""The site's district forms (thamniap.build.forms) are byte for byte the forms `template-xlsx`
writes with openpyxl alone (render.spreadsheet.template), for every Loei district and for values
that need care: markup characters, spaces at the ends, line breaks, text typed like a formula,
characters outside Thai, and values the fast writer leaves to openpyxl."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from helpers import BASE, REPO

from thamniap.build.forms import district_form, form_bytes
from thamniap.load.district_files import DistrictFiles, read_roster, subdistrict_choices
from thamniap.load.layout import discover, find_root
from thamniap.render.spreadsheet.template import build_template, district_template, workbook_bytes


def district_files(data: Path) -> list[DistrictFiles]:
    root = find_root(data)
    dirs = sorted({(f.province_dir, f.district_dir) for f in discover(root).files if f.district_dir})
    return [DistrictFiles(d.name[:4], root, p, d) for p, d in dirs]


def plain(code: str, doc, subdistricts) -> bytes:
    return workbook_bytes(build_template(code, doc, subdistricts))


@pytest.mark.parametrize("data", [REPO / "data", BASE], ids=["loei", "base"])
def test_every_district_form_is_the_plain_form(data):
    checked = 0
    for files in district_files(data):
        _, expected = district_template(files)
        assert district_form(files) == expected, files.code
        checked += expected is not None
    assert checked >= (14 if data == REPO / "data" else 1)


TRICKY = ["A & B <b>x</b> \"q\" 'a'", "  เว้นหน้า", "เว้นท้าย ", "บรรทัด\nใหม่", "แท็บ\tกลาง", "CR\r\nLF",
          "=HYPERLINK(\"https://example.org\")", "=", "", "emoji 😀 ข้อความ", "ลูกศร → ©",
          "\u00a0nbsp", "a]]>b"]


def roster_4214():
    files = next(f for f in district_files(BASE) if f.code == "4214")
    roster = read_roster(files)
    assert roster.data is not None
    return roster.data, subdistrict_choices("4214", roster)


def people(doc):
    for sub in doc["subdistricts"]:
        yield from sub["leaders"]
        for village in sub["villages"]:
            yield from village["volunteers"]


def test_values_that_need_care_are_written_as_openpyxl_writes_them():
    doc, subs = roster_4214()
    doc = copy.deepcopy(doc)
    everyone = list(people(doc))
    assert len(everyone) >= len(TRICKY)
    for person, text in zip(everyone, TRICKY):
        person["note"] = text
        person["last_name"] = text or person["last_name"]
    doc["subdistricts"][0]["villages"][0]["moo"] = 10 ** 14          # a large whole number
    assert form_bytes("4214", doc, subs) == plain("4214", doc, subs)


@pytest.mark.parametrize(("key", "value"), [("moo", 1.5), ("moo", 10 ** 16), ("moo", True), ("note", "x" * 40_000)],
                         ids=["float", "huge-int", "bool", "longer-than-a-cell"])
def test_values_the_fast_writer_does_not_know_go_the_plain_way(key, value):
    doc, subs = roster_4214()
    doc = copy.deepcopy(doc)
    if key == "moo":
        doc["subdistricts"][0]["villages"][0]["moo"] = value
    else:
        next(people(doc))[key] = value
    assert form_bytes("4214", doc, subs) == plain("4214", doc, subs)


def test_a_district_without_people_gets_the_plain_form():
    _, subs = roster_4214()
    assert form_bytes("4214", None, subs) == plain("4214", None, subs)
