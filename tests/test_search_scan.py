"""The search index reads built pages with lxml (thamniap.build.search.scan.scan_page); what it finds
must be what the standard library's html.parser finds, on whole built sites and on awkward HTML."""
from __future__ import annotations

import pytest
from helpers import REPO, mkdocs_build

from thamniap.build.search.scan import BODY_TAG, PageScanner, scan_page

FIXTURE_SITE = REPO / "tests" / "browser" / "site_fixture" / "mkdocs.yml"


def with_html_parser(html: str) -> PageScanner | None:
    """The reference: html.parser's events from the data-pagefind-body element on."""
    body = BODY_TAG.search(html)
    if not body:
        return None
    scanner = PageScanner()
    scanner.feed(html[body.start():])
    scanner.close()
    return scanner if scanner.has_body else None


def found(scanner: PageScanner | None):
    if scanner is None:
        return None
    # Runs of white space in the page text do not matter (it is split into words); everything else does.
    return scanner.title, scanner.items, " ".join("".join(scanner.text).split())


@pytest.mark.parametrize("config", [None, FIXTURE_SITE], ids=["loei-site", "fixture-site"])
def test_lxml_scan_equals_html_parser_on_a_built_site(config, tmp_path, request):
    if config is None:                    # the project's site: the session's build (tests/conftest.py)
        site = request.getfixturevalue("landed_site")
    else:
        site = tmp_path / "site"
        done = mkdocs_build(site, config)
        assert done.returncode == 0, done.stderr
    pages = [p for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts]
    rows = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = found(with_html_parser(html))
        assert found(scan_page(html)) == expected, page.relative_to(site)
        rows += sum(1 for item in (expected[1] if expected else []) if item[0] == "row")
    assert len(pages) >= 3 and rows > 0, "no person row scanned: the comparison proves nothing"


AWKWARD = [
    # entities, a comment, a headerlink, an ignored cell, <br> inside a cell, a void <img>
    '<table class="tn-people"><tr id="p-1"><td>นาย&nbsp;ก &amp; ข<!-- x --></td>'
    '<td><span data-pagefind-ignore>ชาย</span>ผู้นำ<br>อช.</td><td><img src="x.png" alt="a">ค</td></tr></table>',
    # headings with ids, a permalink, text in <script> and <svg> that is not page text
    '<h2 id="s-1">ตำบล <a class="headerlink" href="#s-1">¶</a></h2><script>var t = "<h2 id=\'no\'>x</h2>";</script>'
    '<svg><text>ไม่ใช่ข้อความ</text></svg><p>ข้อความ<strong>ติดกัน</strong>คำ</p>',
    # a row outside a people table, an unclosed <p>, nested ignore
    '<table><tr id="p-2"><td>ไม่นับ</td></tr></table><p>ย่อหน้า<div data-pagefind-ignore><p>ซ่อน</div>หลัง',
    # no h1 in the body: the title falls back; text after the body element
    '<p>เท่านั้น</p>',
]


@pytest.mark.parametrize("body", AWKWARD)
def test_lxml_scan_equals_html_parser_on_awkward_html(body):
    html = (f'<!DOCTYPE html><html lang="th"><head><title>t</title></head><body><header><h1>หัว</h1></header>'
            f'<article data-pagefind-body><h1>อำเภอ &lt;ทดสอบ&gt;</h1>{body}</article>'
            f'<footer><h2 id="f">ท้าย</h2></footer></body></html>')
    assert found(scan_page(html)) == found(with_html_parser(html))


def test_a_page_without_a_body_marker_is_left_out():
    html = "<html><body><h1>x</h1><p>y</p></body></html>"
    assert scan_page(html) is None and with_html_parser(html) is None
