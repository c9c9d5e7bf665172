"""The site built by Zensical (issue 23 §2), driven in Chromium under /thamniap/ beside the MkDocs
build: the same search results for the same queries, hostile data inert, the report page's form
built, and what tests/browser/test_phone.py asks of the MkDocs site: every page opens with nothing
missing and no script error, none is wider than a 375 px phone or heavier than the budget, and the
pages a phone user meets first have no serious accessibility fault. The builds are the session's
(tests/conftest.py: landed_site, zensical_site); the pages and files themselves are compared by
tests/test_zensical.py.
"""
from __future__ import annotations

import sys

import pytest
from conftest import REPO, _open_page, serve_site
from test_payloads import INJECTED, PAGE_TYPES, PAYLOADS, _assert_inert, hostile_data
from test_phone import MAX_PAGE_BYTES, PAGE_TYPES as KINDS, all_page_paths, axe_violations, open_page
from test_theme_search import search

sys.path.insert(0, str(REPO / "tests"))
from helpers import hookfree_build  # noqa: E402

# What people type: names (with and without title), a surname, a village, a subdistrict, a club
# post, a district, Thai spellings the search forgives, and a word no page holds.
QUERIES = ("สมชาย", "นายสมชาย ใจดี", "ใจดี", "นาอ้อ", "กุดป่อง", "เลขานุการ", "ประธาน", "วังสะพุง",
           "ภูเรือ", "\u0e40\u0e40สง", "สม\u200bชาย", "ไม่มีคำนี้ในทำเนียบ")


@pytest.fixture(scope="module")
def both_sites(landed_site, zensical_site):
    with serve_site(landed_site) as mkdocs, serve_site(zensical_site) as zensical:
        yield mkdocs, zensical


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_same_in_both_builds(page, both_sites, query):
    mkdocs, zensical = both_sites
    expected = search(page, mkdocs, query)
    assert search(page, zensical, query) == expected
    if query != QUERIES[-1]:
        assert expected, query


@pytest.mark.parametrize("path", ["report/", "report/4209-wang-saphung/", "report/4201-mueang-loei/"])
def test_the_report_form_builds(page, both_sites, path):
    _, zensical = both_sites
    page.page.goto(zensical.page_url(path))
    if path == "report/":
        page.page.locator(".tn-report__districts a", has_text="อำเภอวังสะพุง").click()
    page.page.wait_for_selector(".tn-report[data-ready]")
    assert page.page.locator(".tn-report input[type=text]").count() > 20
    assert not [e for e in page.console_errors if "page error" in e], page.console_errors


def test_every_page_opens_whole_without_errors_and_fits_a_phone(browser, both_sites):
    """Every page of the Zensical site at 375 px, in one pass: its pictures, scripts and styles all
    found (a link Zensical resolved wrongly would fail a request here), no script error, nothing
    asked of another host, none wider than the phone; no file over the page budget."""
    _, zensical = both_sites
    heavy = {p.relative_to(zensical.dir).as_posix(): p.stat().st_size for p in zensical.dir.rglob("*.html")
             if p.stat().st_size > MAX_PAGE_BYTES}
    assert heavy == {}
    paths = all_page_paths(zensical)
    assert len(paths) > 140
    context, page = _open_page(browser, viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    missing: list[str] = []
    wide = []
    try:
        page.page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
        for path in paths:
            page.page.goto(zensical.page_url(path), wait_until="load")
            width = page.page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
            if width[0] > width[1]:
                wide.append((path, width))
        assert missing == []
        assert page.foreign_requests() == []
        # a request the next page cut short (the favicon, a report page's data) is not an error of the site
        assert [e for e in page.console_errors if "net::ERR_ABORTED" not in e] == []
        page.page.goto(zensical.page_url("no-such-page/"))        # the 404 page fits the phone too
        width = page.page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            wide.append(("no-such-page/", width))
    finally:
        context.close()
    assert wide == [], f"pages wider than the phone (scrollWidth, innerWidth): {wide}"


@pytest.mark.parametrize("kind", ["home", "district", "subdistrict", "report", "circular", "dashboard"])
def test_no_serious_accessibility_fault_on_a_phone(browser, both_sites, kind):
    _, zensical = both_sites
    context, phone = open_page(browser, 375, is_mobile=True, has_touch=True)
    try:
        phone.goto(zensical.page_url(KINDS[kind]))
        phone.evaluate("document.fonts.ready")
        violations = axe_violations(phone)
    finally:
        context.close()
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], bad


@pytest.fixture(scope="module")
def zensical_payload_site(tmp_path_factory):
    """The hostile dataset of tests/browser/test_payloads.py, built by Zensical (a small site)."""
    work = tmp_path_factory.mktemp("zensical-payload")
    data, _, _ = hostile_data(work)
    with serve_site(hookfree_build(work, data, generator="zensical")) as site:
        yield site


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_payload_runs_in_the_zensical_build(page, zensical_payload_site, path):
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    body = _assert_inert(page, zensical_payload_site, path, dialogs)
    if path == "districts/4214-nong-hin/":
        for payload in PAYLOADS:
            assert payload in body, payload
    assert not [e for e in page.console_errors if "page error" in e], page.console_errors


def test_zensical_search_shows_payloads_as_text(page, zensical_payload_site):
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    search(page, zensical_payload_site, "หมายเหตุ")
    assert "หมายเหตุ" in page.page.locator("[data-tn-search]").inner_text()
    for selector in INJECTED:
        assert page.page.locator(selector).count() == 0, selector
    assert dialogs == []
