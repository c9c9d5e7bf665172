"""Thai everywhere in the theme (issue 13 §7): the 404 page (Thai, with a way back that stays under
/thamniap/), no "Permanent link" tooltips, no "Made with Material for MkDocs" footer."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REPO, SITE_PATH
from test_site import data_site  # noqa: F401 - the session fixture: the site built from data

ENGLISH = ("Permanent link", "Made with", "Material for MkDocs", "Not found")


def test_footer_credit_is_the_geography_credit():
    import sys
    sys.path.insert(0, str(REPO / "scripts"))
    from thamniap.core.geography import CREDIT
    assert CREDIT in (REPO / "overrides/partials/copyright.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("missing", ["no-such-page/", "districts/4299-nowhere/deep/page/"])
def test_404_page_is_thai_and_leads_home(page, data_site, missing):  # noqa: F811
    response = page.page.goto(data_site.page_url(missing))
    assert response.status == 404
    page.page.wait_for_load_state("networkidle")
    # the one error is the page's own 404: its styles, scripts and fonts load from /thamniap/
    assert len(page.console_errors) == 1 and "404" in page.console_errors[0], page.console_errors
    # (the page's own 404 is left out by kind: its 'finished' event may come after a subresource's)
    bad = [r.url for r in page.finished if not r.is_navigation_request() and r.response() and r.response().status >= 400]
    assert not bad, bad
    page.console_errors.clear()
    text = page.page.locator("body").inner_text()
    assert "ไม่พบหน้าที่ต้องการ" in text and "404" in text
    assert not [w for w in ENGLISH if w in text]
    people = page.page.locator("a.tn-404-people")
    assert urlsplit(people.get_attribute("href")).path == SITE_PATH + "people/"
    page.page.locator("a.tn-404-home").click()
    page.page.wait_for_load_state("networkidle")
    assert urlsplit(page.page.url).path == SITE_PATH
    assert page.page.locator(".tn-village").count() == 1     # the home page's village finder
    assert page.page.title() == "ทำเนียบ อช. จังหวัดเลย"   # the site's name once (was said twice)
    page.assert_clean()


def test_404_people_link_works(page, data_site):  # noqa: F811
    page.page.goto(data_site.page_url("missing/"))
    page.console_errors.clear()
    page.page.locator("a.tn-404-people").click()
    page.page.wait_for_load_state("networkidle")
    assert urlsplit(page.page.url).path == SITE_PATH + "people/"
    assert page.page.locator("form.tn-finder").count() == 1
    page.assert_clean()


def _html_files(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "pagefind" not in p.parts)


def test_no_english_theme_strings_on_any_page(data_site):  # noqa: F811
    found = [f"{p.relative_to(data_site.dir)}: {w}" for p in _html_files(data_site.dir)
             for w in ("Permanent link", "Made with") if w in p.read_text(encoding="utf-8")]
    assert not found, "\n".join(found)


def test_heading_anchor_tooltip_is_thai(page, data_site):  # noqa: F811
    page.page.goto(data_site.page_url("/dashboard/"))
    anchors = page.page.locator("a.headerlink")
    assert anchors.count() > 0
    assert {anchors.nth(i).get_attribute("title") for i in range(anchors.count())} == {"ลิงก์มาที่หัวข้อนี้"}
    assert "Permanent link" not in page.page.content() and "Made with" not in page.page.content()
