"""The district office's contact on a real page in Chromium (issue 13 §6): the call button dials the
office (tel:), the map link opens OpenStreetMap at the office's position, and the page requests
nothing from any host but the site's own while it loads (the map is a plain link, not an embed).

The site is built with `mkdocs build --strict` from a copy of the base fixture with the office's phone,
hours and a made-up position inside Loei (tests/fixtures/valid/office-contact), served under /thamniap/."""
from __future__ import annotations

import shutil
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import REPO, BuiltSite, build_site, data_site_config, serve_site

sys.path.insert(0, str(REPO / "tests"))
from test_fixtures import BASE, FIXTURES, apply_edits  # noqa: E402

EDITS = yaml.safe_load((FIXTURES / "valid/office-contact/case.yaml").read_text(encoding="utf-8"))["edits"]
PAGE = "districts/4214-nong-hin/"


@pytest.fixture(scope="module")
def office_site(tmp_path_factory) -> BuiltSite:
    work = tmp_path_factory.mktemp("office-site")
    data = work / "data"
    shutil.copytree(BASE, data)
    apply_edits(data, EDITS)
    config = data_site_config(work, data, "https://example.org/thamniap/")
    site_dir = work / "site"
    log = build_site(config, site_dir)
    with serve_site(site_dir, log) as site:
        yield site


def test_call_button_and_map_link_on_the_district_page(page, office_site):
    page.page.goto(office_site.page_url(PAGE))
    page.page.wait_for_load_state("networkidle")
    call = page.page.locator("a.tn-call")
    assert call.count() == 1 and call.is_visible()
    assert call.get_attribute("href") == "tel:+6642411773"
    assert call.inner_text().strip() == "โทร 0 4241 1773"
    osm = page.page.locator("a.tn-map")
    assert osm.count() == 1 and osm.is_visible()
    parts = urlsplit(osm.get_attribute("href"))
    assert (parts.scheme, parts.hostname) == ("https", "www.openstreetmap.org")
    query = parse_qs(parts.query)
    assert (float(query["mlat"][0]), float(query["mlon"][0])) == (17.1, 101.8)
    # at the top: the contact block comes before the page's first section heading
    assert page.page.evaluate("""() => {
        const contact = document.querySelector('.tn-contact'), h2 = document.querySelector('article h2');
        return !!(contact.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    assert "เวลาทำการ: วันจันทร์–วันศุกร์ 08.30–16.30 น." in page.page.locator(".tn-contact").inner_text()
    assert page.page.locator("iframe").count() == 0
    # nothing was requested from openstreetmap.org (or any other host) while the page loaded
    assert not [u for u in page.requests if "openstreetmap" in u]
    page.assert_clean()


def test_province_page_lists_the_office_with_its_links(page, office_site):
    page.page.goto(office_site.page_url("province/"))
    page.page.wait_for_load_state("networkidle")
    row = page.page.locator("table.tn-offices tbody tr")
    assert row.count() == 1
    assert row.locator("a[href^='tel:']").get_attribute("href") == "tel:+6642411773"
    assert urlsplit(row.locator("a[href*='openstreetmap']").get_attribute("href")).hostname == "www.openstreetmap.org"
    row.locator("a", has_text="อำเภอหนองหิน").click()
    page.page.wait_for_load_state("networkidle")
    assert urlsplit(page.page.url).path == "/thamniap/" + PAGE
    page.assert_clean()
