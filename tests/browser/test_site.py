"""The generated site, built with `mkdocs build --strict` from a copy of the small dataset plus
known people, in real Chromium (hostile values: test_payloads.py): search by every query kind, the org chart,
QR codes decoded by a real decoder, the people finder, no foreign
requests, no console errors.
"""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO, SITE_PATH, BuiltSite, build_site, data_site_config, serve_site

sys.path.insert(0, str(REPO / "tests"))
from test_fixtures import BASE, apply_edits  # noqa: E402

SITE_URL = "https://example.org/thamniap/"
ROSTER = "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
DISTRICT = "42-loei/4214-nong-hin/district.yaml"
CLUB = "42-loei/4214-nong-hin/club.yaml"
PAGE = "/districts/4214-nong-hin/"
# her village volunteers are on the subdistrict page (one page per subdistrict: issue 13 §3)
PINMANEE_PAGE = PAGE + "421401/"

# A known person (unique name, with แ) and a known village (hostile values: test_payloads.py).
EDITS = [
    {"file": ROSTER, "replace": "    first_name: แสงเดือน\n    last_name: อินทร์แก้ว\n",
     "with": "    first_name: ปิ่นมณี\n    last_name: แก้วประเสริฐ\n"},
    {"file": ROSTER, "replace": "  name: บ้านภูป่าไผ่\n", "with": "  name: บ้านนาดินดำ\n"},
]
PERSON_ID = None  # filled from the dataset


@pytest.fixture(scope="session")
def data_site(tmp_path_factory) -> BuiltSite:
    work = tmp_path_factory.mktemp("data-site")
    data = work / "data"
    shutil.copytree(BASE, data)
    shutil.copy(REPO / "data/42-loei/circular.txt", data / "42-loei/circular.txt")
    apply_edits(data, EDITS)
    config = data_site_config(work, data, SITE_URL)
    site_dir = work / "site"
    log = build_site(config, site_dir)
    with serve_site(site_dir, log) as site:
        yield site


def person_anchor(first_name: str) -> str:
    text = (BASE / ROSTER).read_text(encoding="utf-8")
    at = text.index(f"first_name: {first_name}") if first_name != "ปิ่นมณี" else text.index("first_name: แสงเดือน")
    id_line = text.rfind("- id: ", 0, at)
    return "#p-" + text[id_line + 6: text.index("\n", id_line)]


def search(bp, site, query: str) -> list[str]:
    page = bp.page
    page.goto(site.page_url(""))
    box = page.locator("header input[type=search]")
    box.click()
    box.fill(query)
    page.wait_for_function(
        """(q) => { const r = document.querySelector('[data-tn-search]');
                    return r.dataset.state === 'done' && r.dataset.query === q; }""",
        arg=page.evaluate("(q) => window.thamniapSearch.normalize(q)", query), timeout=20_000)
    hrefs = page.eval_on_selector_all("[data-tn-search] .md-search-result__link[href]", "els => els.map(e => e.href)")
    out = []
    for h in hrefs:
        parts = urlsplit(h)
        path = unquote(parts.path)
        assert path.startswith(SITE_PATH), f"result leaves the site: {h}"
        out.append("/" + path[len(SITE_PATH):] + (f"#{unquote(parts.fragment)}" if parts.fragment else ""))
    return out


PINMANEE = "ปิ่นมณี"
QUERIES = [
    ("first name alone", "ปิ่นมณี", "person"),
    ("last name alone", "แก้วประเสริฐ", "person"),
    ("full name with title", "นางปิ่นมณี แก้วประเสริฐ", "person"),
    ("full name without title", "ปิ่นมณี แก้วประเสริฐ", "person"),
    ("stray zero-width space", "ปิ่น\u200bมณี", "person"),
    ("เเ typed for แ", "\u0e40\u0e40ก้วประเสริฐ", "person"),
    ("village without บ้าน", "นาดินดำ", "page"),
    ("subdistrict without ตำบล", "ปวนพุ", "page"),
    ("district without อำเภอ", "หนองหิน", "page"),
    ("club post", "เลขานุการ", "page"),
]


@pytest.mark.parametrize("case,query,lands", QUERIES, ids=[q[0] for q in QUERIES])
def test_search_query_kinds(page, data_site, case, query, lands):
    links = search(page, data_site, query)
    assert links, f"{case}: nothing found for {query!r}"
    if lands == "person":
        assert links[0] == PINMANEE_PAGE + person_anchor(PINMANEE), f"{case}: {links}"
    else:
        assert any(link.startswith(PAGE) for link in links[:5]), f"{case}: {links}"
    page.assert_clean()


def test_person_result_opens_the_row(page, data_site):
    search(page, data_site, "ปิ่นมณี แก้วประเสริฐ")
    page.page.locator("[data-tn-search] .md-search-result__link").first.click()
    page.page.wait_for_url("**" + PINMANEE_PAGE + "**")
    anchor = person_anchor(PINMANEE)
    assert page.page.url.endswith(anchor)
    row = page.page.locator(f"tr{anchor}")
    assert "ปิ่นมณี" in row.inner_text() and row.is_visible()


def test_org_chart_shows_committee(page, data_site):
    page.page.goto(data_site.page_url(PAGE + "#org-chart"))
    chart = page.page.locator(".tn-org")
    assert chart.is_visible()
    boxes = chart.locator(".tn-org__box")
    assert boxes.count() >= 8
    president = chart.locator(".tn-org__level--top .tn-org__box")
    assert "ประธาน" in president.inner_text()
    box = president.bounding_box()
    assert box and box["width"] > 80 and box["height"] > 30
    # the president's name links to the person's row on the same page
    href = president.locator("a").get_attribute("href")
    assert href.startswith("#p-") and page.page.locator(f"tr{href}").count() == 1


def decode_qr(png: bytes) -> str:
    import zxingcpp
    from PIL import Image
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert results, "no QR code found in the rendered image"
    return results[0].text


def test_district_qr_code_decodes_to_its_url(page, data_site):
    page.page.goto(data_site.page_url(PAGE))
    img = page.page.locator("img.tn-qr")
    img.scroll_into_view_if_needed()       # it loads lazily, in the officials' part at the end of the page
    page.page.wait_for_function("(i) => i.complete && i.naturalWidth > 0", arg=img.element_handle())
    assert decode_qr(img.screenshot()) == SITE_URL + "districts/4214-nong-hin/"


def test_circular_qr_code_leads_to_the_report_pages(page, data_site):
    page.page.goto(data_site.page_url("/circular/"))
    img = page.page.locator("img.tn-qr")
    img.scroll_into_view_if_needed()
    assert decode_qr(img.screenshot()) == SITE_URL + "report/"
    text = page.page.locator(".tn-letter").inner_text()
    assert "ลย ๐๐๑๙.๓" in text and "๒๔ มกราคม ๒๕๖๗" in text and "(นายบุญเต็ม เรณูมาศ)" in text
    page.assert_clean()


def test_people_finder_filters(page, data_site):
    page.page.goto(data_site.page_url("/people/"))
    page.page.select_option("form.tn-finder select[name=district]", "4214")
    page.page.wait_for_function("document.querySelectorAll('.tn-finder__results tbody tr').length > 0")
    total = page.page.locator(".tn-finder__results tbody tr").count()
    page.page.select_option("form.tn-finder select[name=role]", "ผู้นำ อช.")
    leaders = page.page.locator(".tn-finder__results tbody tr").count()
    assert 0 < leaders < total and leaders == 6
    page.page.select_option("form.tn-finder select[name=role]", "")
    page.page.select_option("form.tn-finder select[name=subdistrict]", "421403")
    rows = page.page.locator(".tn-finder__results tbody tr")
    assert 0 < rows.count() < total
    assert all("ปวนพุ" in rows.nth(i).inner_text() for i in range(rows.count()))
    page.page.select_option("form.tn-finder select[name=subdistrict]", "")
    page.page.fill("form.tn-finder input[name=q]", "\u0e40\u0e40ก้วประเสริฐ")
    assert rows.count() == 1 and "ปิ่นมณี" in rows.first.inner_text()
    href = rows.first.locator("a").get_attribute("href")
    assert href.endswith(person_anchor(PINMANEE))
    # the link lands on the person's row on the published address (issue 13: it left /thamniap/)
    # a village volunteer's link goes to the page of their subdistrict (people.json "pages")
    assert href.endswith(PINMANEE_PAGE + person_anchor(PINMANEE)), href
    rows.first.locator("a").click()
    page.page.wait_for_url("**" + PINMANEE_PAGE + "**")
    page.page.wait_for_load_state("networkidle")
    assert urlsplit(page.page.url).path == SITE_PATH + PINMANEE_PAGE.lstrip("/")
    assert page.page.locator(f"tr{person_anchor(PINMANEE)}").is_visible()
    page.assert_clean()


@pytest.mark.parametrize("path", ["/", PAGE, PINMANEE_PAGE, "/dashboard/", "/province/", "/circular/", "/guidelines/", "/submit/",
                                  "/downloads/", "/privacy/", "/people/", "/rules/", "/report/", "/report/4214-nong-hin/"])
def test_pages_load_clean(page, data_site, path):
    page.page.goto(data_site.page_url(path))
    page.page.wait_for_load_state("networkidle")
    assert page.page.locator("h1").count() == 1
    page.assert_clean()


def test_sample_badge_on_pages_with_people(page, data_site):
    for path in (PAGE, PINMANEE_PAGE, "/", "/dashboard/", "/people/", "/downloads/", "/province/"):
        page.page.goto(data_site.page_url(path))
        assert page.page.locator(".tn-sample").count() == 1, path


def test_downloads_are_served(data_site):
    import urllib.request
    with urllib.request.urlopen(data_site.page_url("/downloads/42-loei/people.csv")) as response:
        body = response.read()
    assert body.startswith(b"\xef\xbb\xbf") and "ปิ่นมณี".encode() in body
