"""Theme + Thai search, in real Chromium, on the fixture site (fictional people).

Run: .venv/bin/python -m pytest tests/browser -q   (-s shows the measured bytes)
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.config import load_config
from conftest import SITE_PATH, site_path

SEARCH = "header input[type=search]"
KUT_PONG = "/mueang/kut-pong/"
CLUB = "/club/"

# (case, what is typed, where the first result must land)
QUERIES = [
    ("first name", "สมชาย", KUT_PONG + "#p-4201-0001"),
    ("last name", "ใจดี", KUT_PONG + "#p-4201-0001"),
    ("full name with title", "นายสมชาย ใจดี", KUT_PONG + "#p-4201-0001"),
    ("full name without title", "สมชาย ใจดี", KUT_PONG + "#p-4201-0001"),
    ("village without บ้าน", "นาอ้อ", KUT_PONG + "#p-4201-0001"),
    ("subdistrict without ตำบล", "กุดป่อง", KUT_PONG),
    ("club post", "เลขานุการ", CLUB + "#p-4201-0101"),
    ("stray zero-width space", "สม\u200bชาย", KUT_PONG + "#p-4201-0001"),
    ("เเ typed for แ", "\u0e40\u0e40สงเดือน", KUT_PONG + "#p-4201-0002"),
    ("ํา typed for ำ", "ค\u0e4d\u0e32แสน", KUT_PONG + "#p-4201-0003"),
]


# ---------------------------------------------------------------- helpers


def search(bp, site, query: str, *, path: str | None = "", typed: bool = False):
    """Open ``path`` (None: stay), type ``query`` into the header search box, wait for results."""
    page = bp.page
    if path is not None:
        page.goto(site.page_url(path))
    box = page.locator(SEARCH)
    box.click()
    if typed:
        box.press_sequentially(query, delay=20)
    else:
        box.fill(query)
    page.wait_for_function(
        """(q) => { const r = document.querySelector('[data-tn-search]');
                    return r.dataset.state === 'done' && r.dataset.query === q; }""",
        arg=page.evaluate("(q) => window.thamniapSearch.normalize(q)", query),
        timeout=15_000,
    )
    return result_links(bp)


def result_links(bp) -> list[str]:
    """Result hrefs as "path#hash", in display order."""
    hrefs = bp.page.eval_on_selector_all(
        "[data-tn-search] .md-search-result__link[href]", "els => els.map(e => e.href)")
    out = []
    for h in hrefs:
        parts = urlsplit(h)
        assert parts.path.startswith(SITE_PATH), f"result leaves the site: {h}"
        out.append(unquote(site_path(h)) + (f"#{unquote(parts.fragment)}" if parts.fragment else ""))
    return out


# ---------------------------------------------------------------- search


@pytest.mark.parametrize("case,query,expected", QUERIES, ids=[q[0] for q in QUERIES])
def test_header_search_finds(page, built_site, case, query, expected):
    links = search(page, built_site, query)
    assert links, f"{case}: no result for {query!r}"
    assert links[0] == expected, f"{case}: {query!r} -> {links}"
    page.assert_clean()


def test_search_is_precise(page, built_site):
    """สมชาย must not bring up สมศักดิ์ (Pagefind alone matches the shared "สม")."""
    links = search(page, built_site, "สมชาย")
    assert all(not link.startswith(CLUB) for link in links), links
    links = search(page, built_site, "ไม่มีชื่อนี้แน่นอน")
    assert links == []
    meta = page.page.locator("[data-tn-search] .md-search-result__meta").inner_text()
    assert meta.strip() == "ไม่พบหน้าที่ตรงกัน"
    page.assert_clean()


@pytest.mark.parametrize("query,anchor,path", [
    ("สมชาย ใจดี", "p-4201-0001", KUT_PONG),   # table row on another page
    ("เลขานุการ", "p-4201-0101", CLUB),         # heading
])
def test_click_person_lands_on_anchor(page, built_site, query, anchor, path):
    search(page, built_site, query, typed=True)
    link = page.page.locator(f'[data-tn-search] a[data-tn-anchor="{anchor}"]').first
    link.click()
    page.page.wait_for_url(re.compile(re.escape(path) + "#" + anchor + "$"))
    target = page.page.evaluate("() => document.querySelector(':target')?.id")
    assert target == anchor
    box = page.page.locator(f"#{anchor}").bounding_box()
    viewport = page.page.viewport_size
    assert box and 0 <= box["y"] < viewport["height"], f"#{anchor} not scrolled into view: {box}"
    toggle = page.page.evaluate("() => document.getElementById('__search').checked")
    assert toggle is False, "search overlay still open after following a result"
    page.assert_clean()


def test_same_page_result_closes_overlay(page, built_site):
    search(page, built_site, "คำแสน", path=KUT_PONG)
    page.page.locator('[data-tn-search] a[data-tn-anchor="p-4201-0003"]').first.click()
    page.page.wait_for_function("() => location.hash === '#p-4201-0003'")
    assert page.page.evaluate("() => document.getElementById('__search').checked") is False
    page.assert_clean()


def test_phone_width_search(phone_page, built_site):
    bp = phone_page
    bp.page.goto(built_site.page_url())
    opacity = "e => getComputedStyle(e.closest('.md-search__inner')).opacity"
    assert bp.page.eval_on_selector(SEARCH, opacity) == "0", "on a phone the box opens from the header button"
    bp.page.locator("header label.md-header__button[for=__search]").tap()
    bp.page.wait_for_function("() => document.activeElement?.matches('header input[type=search]')")
    bp.page.wait_for_function(f"() => getComputedStyle(document.querySelector({SEARCH!r})"
                              ".closest('.md-search__inner')).opacity === '1'")
    links = search(bp, built_site, "นาอ้อ", path=None)
    assert links[0] == KUT_PONG + "#p-4201-0001"
    first = bp.page.locator('[data-tn-search] a[data-tn-anchor="p-4201-0001"]').first
    assert first.is_visible()
    width = bp.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways on a phone ({width}px)"
    first.tap()
    bp.page.wait_for_url(re.compile("#p-4201-0001$"))
    bp.assert_clean()


def test_bytes_per_query(page, built_site):
    """Measure what a search costs on the wire (printed; run pytest with -s).

    Counted at the server: response body bytes for requests made after the
    user starts typing. Pagefind's index and fragment files are already gzip
    files; the JS/WASM runtime (first query only) would shrink further if the
    host compresses it, so its gzip size is printed too.
    """
    bp = page
    bp.page.goto(built_site.page_url())
    bp.page.wait_for_load_state("networkidle")
    report = []
    for label, query in (("first query (cold)", "กุดป่อง"), ("next query", "เลขานุการ"),
                         ("next query", "นางแสงเดือน แก้วมณี")):
        mark = len(built_site.served)
        search(bp, built_site, query, path=None)
        bp.page.wait_for_load_state("networkidle")
        total, rows = built_site.bytes_served_since(mark)
        report.append((label, query, total, rows))
    print()
    for label, query, total, rows in report:
        gz = sum(_gzip_size(built_site.dir, path) for path, _ in rows)
        print(f"[bytes] {label} {query!r}: {total} B raw, ~{gz} B if served gzip, "
              f"{len(rows)} responses")
        for path, size in rows:
            print(f"    {size:>7}  {path}")
        assert all(path.startswith("/pagefind/") for path, _ in rows), rows
    assert not any(path.endswith("pagefind-worker.js") for _, _, _, rows in report for path, _ in rows)
    assert report[0][2] < 200_000
    assert all(total < 50_000 for _, _, total, _ in report[1:])
    bp.assert_clean()


KEY_WORDS = ["นายสมชาย", "ใจดี", "บ้านนาอ้อ", "ตำบลกุดป่อง", "อำเภอเมืองเลย", "น.ส.มาลัย", "(เลขานุการ)",
             "ว่าที่ร้อยตรีสมศักดิ์", "ABC", "สม\u200bชาย", "\u0e40\u0e40สง", "ค\u0e4d\u0e32แสน", "นาง", "3", "-"]


def test_search_keys_match_the_index(page, built_site):
    """search.js asks for the keys build/search/keys.py wrote (its "must stay identical" rule)."""
    from thamniap.build.search.keys import full_name_keys, normalize, search_keys

    page.page.goto(built_site.page_url())
    js = page.page.evaluate(
        "(ws) => ws.map(w => [window.thamniapSearch.normalize(w), "
        "window.thamniapSearch.keyQuery(window.thamniapSearch.normalize(w))])", KEY_WORDS)
    for word, (js_normal, js_key) in zip(KEY_WORDS, js):
        assert js_normal == normalize(word), word
        indexed = search_keys(word)
        if js_key:
            assert js_key in indexed, (word, js_key, indexed)
        else:
            assert not indexed, (word, indexed)
    # name keys: the person's name as indexed, and what search.js asks for as it is typed
    names = [("นายสมชาย ใจดี", "สมชาย ใจดี"), ("นายสมชาย ใจดี", "นายสมชาย ใจดี"),
             ("นายสมชาย ใจดี", "สมชาย ใ"), ("น.ส.มาลัย ศรีสุข", "มาลัย ศรีสุข"),
             ("ว่าที่ร้อยตรีสมศักดิ์ ใจงาม", "สมศักดิ์ ใจงาม"),
             ("ว่าที่ร้อยตรีสมศักดิ์ ใจงาม", "ว่าที่ร้อยตรีสมศักดิ์ ใจงาม")]
    asked = page.page.evaluate(
        "(qs) => qs.map(q => window.thamniapSearch.fullNameKey(window.thamniapSearch.normalize(q)))",
        [q for _, q in names])
    for (name, query), key in zip(names, asked):
        assert key and any(k.startswith(key) for k in full_name_keys(name)), (name, query, key)
    assert page.page.evaluate("() => window.thamniapSearch.fullNameKey('สมชาย')") == ""


def test_phone_keys_match_the_index(page, built_site):
    """A telephone number typed in any spelling asks for the key keys.phone_keys wrote for the number
    as a page shows it; a number that is not a phone (a village number, a year) asks for none."""
    from thamniap.build.search.keys import phone_digits, search_keys

    page.page.goto(built_site.page_url())
    shown = "โทร 0 4241 1773 ต่อ 12"
    assert phone_digits(shown) == ["042411773"]
    typed = ["0 4241 1773", "042411773", "042-411773", "042-411-773", "๐๔๒๔๑๑๗๗๓",
             "0\u20134241\u00a01773", "０４２\u200b４１１７７３", "042\u2212411773",
             "08 1234 5678", "2567", "หมู่ 3"]
    asked = page.page.evaluate(
        "(qs) => qs.map(q => { const n = window.thamniapSearch.normalize(q); const p = window.thamniapSearch.phoneQuery(n);"
        " return [p, window.thamniapSearch.keyQuery(p || n)]; })", typed)
    for query, (digits, key) in zip(typed[:8], asked[:8]):
        assert digits == "042411773" and key in search_keys(shown), (query, digits, key)
        assert phone_digits(query) == ["042411773"], query          # the pages are read the same way
    assert asked[8][0] == "0812345678" and asked[8][1] in search_keys("มือถือ 081\u2013234\u20135678")
    assert [a[0] for a in asked[9:]] == ["", ""]


def _gzip_size(site_dir, url_path: str) -> int:
    import gzip

    path = site_dir / unquote(urlsplit(url_path).path).lstrip("/")
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":      # Pagefind index/fragment files are gzip already
        return len(data)
    return len(gzip.compress(data, 9))


# ---------------------------------------------------------------- theme


def test_pages_load_without_foreign_requests_or_errors(page, built_site):
    for path in ("", "mueang/kut-pong/", "club/", "does-not-exist/"):
        page.page.goto(built_site.page_url(path))
        page.page.wait_for_load_state("networkidle")
    # the 404 page is expected to log its own 404
    page.console_errors[:] = [e for e in page.console_errors if "404" not in e]
    page.assert_clean()


def test_sarabun_is_self_hosted_and_used(page, built_site):
    page.page.goto(built_site.page_url("mueang/kut-pong/"))
    page.page.evaluate("() => document.fonts.ready")
    page.page.wait_for_load_state("networkidle")
    family = page.page.evaluate("() => getComputedStyle(document.body).fontFamily")
    code = page.page.evaluate(
        "() => getComputedStyle(document.querySelector('code') || document.body)"
        ".getPropertyValue('--md-code-font-family')")
    assert family.lstrip().startswith('"Sarabun"') or family.lstrip().startswith("Sarabun"), family
    assert "Sarabun" in code, code
    assert page.page.evaluate("() => document.fonts.check('16px Sarabun', 'นายสมชาย ใจดี')")
    fonts = [u for u in page.requests if u.endswith(".woff2")]
    assert fonts and all(site_path(u).startswith("/assets/fonts/sarabun-") for u in fonts), fonts
    page.assert_clean()


def test_print_stylesheet(page, built_site):
    page.page.goto(built_site.page_url("mueang/kut-pong/"))
    page.page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-tn-search]"):
        assert page.page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    color = page.page.eval_on_selector("td", "e => getComputedStyle(e).color")
    assert color == "rgb(0, 0, 0)", color
    pdf = page.page.pdf(prefer_css_page_size=True, print_background=True)
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box, "no page size in the PDF"
    w, h = float(box.group(1)), float(box.group(2))
    assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2, f"not A4: {w}x{h} pt"
    page.page.emulate_media(media="screen")
    assert page.page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") != "none"
    page.assert_clean()


def test_thai_ui_strings(built_site):
    html = (built_site.dir / "mueang" / "kut-pong" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="th"' in html
    assert 'aria-label="ส่วนหัว"' in html          # stock: "หัวข้อ" (= heading/topic)
    assert 'aria-label="หัวข้อ"' not in html
    assert 'aria-label="เมนูนำทาง"' in html


# ---------------------------------------------------------------- static checks of the build


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []   # (tag, rel, url)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower()
        if tag == "link" and a.get("href"):
            self.refs.append((tag, rel, a["href"]))
        elif tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.refs.append((tag, rel, a["src"]))
        if tag in ("img", "source") and a.get("srcset"):
            for part in a["srcset"].split(","):
                if part.strip():
                    self.refs.append((tag, rel, part.strip().split()[0]))
        if tag == "object" and a.get("data"):
            self.refs.append((tag, rel, a["data"]))


_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)


def test_build_references_no_external_host(built_site, site_config):
    site_url = load_config(str(site_config)).site_url
    bad = []
    for html_file in built_site.dir.rglob("*.html"):
        parser = _Refs()
        parser.feed(html_file.read_text(encoding="utf-8"))
        for tag, rel, url in parser.refs:
            if not _ABSOLUTE.match(url):
                continue
            # rel=canonical/alternate name the site's own public address; nothing is fetched
            if tag == "link" and rel in ("canonical", "alternate") and url.startswith(site_url):
                continue
            bad.append(f"{html_file.relative_to(built_site.dir)}: <{tag} rel={rel!r}> {url}")
        text = html_file.read_text(encoding="utf-8")
        for m in re.finditer(r"<style[^>]*>(.*?)</style>", text, re.S):
            bad += [f"{html_file.name}: <style> {u}" for u in _css_external(m.group(1))]
    for css in built_site.dir.rglob("*.css"):
        bad += [f"{css.relative_to(built_site.dir)}: {u}" for u in _css_external(css.read_text("utf-8"))]
    assert not bad, "external references:\n  " + "\n  ".join(bad)


def _css_external(css: str) -> list[str]:
    out = []
    for m in _CSS_URL.finditer(css):
        url = m.group(1) or m.group(2)
        if _ABSOLUTE.match(url):
            out.append(url)
    return out


def test_build_ships_pagefind_not_lunr(built_site):
    d = built_site.dir
    assert (d / "pagefind" / "pagefind.js").is_file()
    assert list((d / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert not (d / "assets" / "javascripts" / "lunr").exists()
    assert not list((d / "assets" / "javascripts").glob("workers/search.*"))
    assert not (d / "search" / "search_index.json").exists()
    # 3 pages (not 404.html) + 1 people record (kut-pong's people table)
    assert len(list((d / "pagefind" / "fragment").glob("*.pf_fragment"))) == 4
    assert "Pagefind 1.5.2: indexed 3 page(s)" in built_site.log, built_site.log


def test_pagefind_anchor_and_filter_contract(page, built_site):
    """What the CONTRACT FOR PAGE GENERATORS (thamniap.build.search) relies on, measured.

    - a people table is not page text: it is a people record of its own, URL
      page#first-row (no heading with an id before it), holding the page title;
    - every element with an id inside the indexed body is in `anchors` (rows too);
    - Pagefind's own sub_results only split at headings with ids (not at <tr id>);
    - the search keys of whole words find the record (a people table's words) or the
      page (its other text), the last word as a prefix;
    - filters set with data-pagefind-filter="key:value" are per page; records have none.
    """
    page.page.goto(built_site.page_url())
    got = page.page.evaluate("""async () => {
        const pf = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
        // URLs inside the site: Pagefind gives them under the site path (/thamniap/…)
        const site = new URL(document.baseURI).pathname.replace(/[/]$/, '');
        const local = (u) => u.startsWith(site + '/') ? u.slice(site.length) : 'OUTSIDE ' + u;
        const urls = async (q) => Promise.all((await pf.search(q)).results.map(async r => local((await r.data()).url)));
        const find = async (q, url) => {
          for (const r of (await pf.search(q)).results) {
            const d = await r.data();
            if (local(d.url) === url) return d;
          }
          throw new Error(`${q}: Pagefind did not return ${url}`);
        };
        const key = (q) => window.thamniapSearch.keyQuery(window.thamniapSearch.normalize(q));
        const row = await find('นายสมชาย ใจดี', '/mueang/kut-pong/#p-4201-0001');
        const pageData = await find('กุดป่อง', '/mueang/kut-pong/');
        const head = await find('เลขานุการ', '/club/');
        return {
          rowTitle: row.meta.title,
          rowAnchors: row.anchors.map(a => [a.element, a.id]),
          rowSubs: row.sub_results.map(s => s.url),
          rowFilters: row.filters,
          pageHasRows: pageData.content.includes('แก้วมณี'),
          pageFilters: pageData.filters,
          headSubs: head.sub_results.map(s => s.url),
          byKey: await urls(key('นายสมชาย ใจดี')),
          byKeyPrefix: await urls(key('แสงเดือน แก้วม')),
          byKeyPage: await urls(key('สมศักดิ์')),
          byKeyNone: await urls(key('ไม่มีชื่อนี้แน่นอน')),
          filters: await pf.filters(),
        };
    }""")
    record = "/mueang/kut-pong/#p-4201-0001"
    assert got["rowTitle"] == "ตำบลกุดป่อง อำเภอเมืองเลย"
    assert ["tr", "p-4201-0001"] in got["rowAnchors"] and ["tr", "p-4201-0003"] in got["rowAnchors"]
    assert not any(u.endswith("#p-4201-0002") for u in got["rowSubs"]), got["rowSubs"]
    assert got["rowFilters"] == {}
    assert got["pageHasRows"] is False
    assert got["pageFilters"] == {"amphoe": ["เมืองเลย"]}
    assert any(u.endswith("/club/#p-4201-0101") for u in got["headSubs"]), got["headSubs"]
    # keys: a people table's words in its record only, other page text in the page
    assert got["byKey"] == [record] and got["byKeyPrefix"] == [record]
    assert got["byKeyPage"] == ["/club/"]
    assert got["byKeyNone"] == []
    assert got["filters"]["amphoe"] == {"เมืองเลย": 1, "ทั้งจังหวัด": 1}
    page.assert_clean()
