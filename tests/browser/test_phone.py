"""The public site on a phone, at Loei scale (issue 13 §3, §4, §5, §8): the project's real data
built with `mkdocs build --strict`, served under /thamniap/, in real Chromium.

- §3 no page over 200 KB of HTML; no page scrolls sideways at 375 px; a roster row is a card.
- §4 no Thai word is broken inside: every line break inside a name or a place falls on a word
  boundary (Intl.Segmenter, th); dates stay on one line.
- §5 axe-core (the copy shipped in the PyPI package axe-playwright-python, pinned in
  requirements-dev.txt; nothing is downloaded at test time): no serious or critical violation on
  any page type, at 1366 px and at 375 px.
- §8 print: measured with Chromium's page.pdf.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import REPO, BuiltSite, serve_site

MAX_PAGE_BYTES = 200 * 1024
DISTRICT = "districts/4201-mueang-loei/"
SUBDISTRICT = DISTRICT + "420101/"
# One page of every kind the site has.
PAGE_TYPES = {
    "home": "", "district": DISTRICT, "subdistrict": SUBDISTRICT, "dashboard": "dashboard/",
    "province": "province/", "people": "people/", "circular": "circular/", "guidelines": "guidelines/",
    "submit": "submit/", "downloads": "downloads/", "privacy": "privacy/", "rules": "rules/",
    "threat-model": "threat-model/", "404": "no-such-page/",
    "report": "report/4209-wang-saphung/", "report-chooser": "report/", "opendata": "opendata/",
    "report-bot": "report-bot/",
}
WIDTHS = {"desktop": 1366, "phone": 375}


@pytest.fixture(scope="session")
def loei_site(landed_site) -> BuiltSite:
    """The site of the project's own data/ (Loei, 14 districts): the session's one build of it
    (tests/conftest.py landed_site), served under /thamniap/."""
    with serve_site(landed_site) as site:
        yield site


def open_page(browser, width: int, **extra):
    context = browser.new_context(locale="th-TH", viewport={"width": width, "height": 800}, **extra)
    return context, context.new_page()


# ---------------------------------------------------------------- §3 size and overflow


def test_no_page_over_200_kb(loei_site):
    sizes = {p.relative_to(loei_site.dir).as_posix(): p.stat().st_size for p in loei_site.dir.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    print(f"largest HTML page: {largest} {sizes[largest] / 1024:.0f} KB")
    over = {rel: n for rel, n in sizes.items() if n > MAX_PAGE_BYTES}
    assert not over, f"pages over 200 KB: {over}"
    assert len([rel for rel in sizes if rel.startswith(DISTRICT)]) > 2   # the district and its subdistricts


def all_page_paths(site: BuiltSite) -> list[str]:
    out = []
    for p in sorted(site.dir.rglob("index.html")):
        rel = p.parent.relative_to(site.dir).as_posix()
        if rel.startswith(("pagefind", "assets", "downloads")):
            continue
        out.append("" if rel == "." else rel + "/")
    return out


def test_no_horizontal_overflow_at_375_px(browser, loei_site):
    """Every built page (the district and subdistrict pages of all districts included)."""
    context, page = open_page(browser, 375, is_mobile=True, has_touch=True)
    wide = []
    try:
        for path in all_page_paths(loei_site) + ["no-such-page/"]:
            page.goto(loei_site.page_url(path))
            width = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
            if width[0] > width[1]:
                wide.append((path, width))
    finally:
        context.close()
    assert not wide, f"pages wider than the phone (scrollWidth, innerWidth): {wide}"


def test_roster_rows_are_cards_on_a_phone(browser, loei_site):
    """At 375 px a volunteer's row is a card: as wide as the content, the name on one line of its own,
    the row's anchor (#p-…) still lands on it; nothing in the roster scrolls sideways."""
    context, page = open_page(browser, 375, is_mobile=True, has_touch=True)
    try:
        page.goto(loei_site.page_url(SUBDISTRICT))
        row = page.locator("table.tn-people tbody tr").first
        rid = row.get_attribute("id")
        assert rid.startswith("p-")
        page.goto(loei_site.page_url(SUBDISTRICT + "#" + rid))
        facts = page.evaluate("""(id) => {
            const tr = document.getElementById(id), td = tr.cells[0];
            const table = tr.closest('table');
            return {display: getComputedStyle(tr).display, rowW: tr.getBoundingClientRect().width,
                    tableScroll: table.scrollWidth - table.clientWidth, content: table.parentElement.clientWidth,
                    nameLines: new Set([...td.getClientRects()].map(r => Math.round(r.top))).size,
                    termPrefix: getComputedStyle(tr.cells[tr.cells.length - 1], '::before').content,
                    top: tr.getBoundingClientRect().top};
        }""", rid)
        assert facts["display"] == "block" and facts["tableScroll"] <= 0, facts
        assert facts["rowW"] >= facts["content"] - 2, facts
        assert facts["nameLines"] == 1, facts
        assert facts["termPrefix"] in ("none", "normal"), facts   # the term starts its own line, no " · "
        assert 0 <= facts["top"] < 800, f"the anchor does not land on the row: {facts}"
        # the subdistrict and village of the heading are not repeated in every row
        assert "ตำบล" not in row.inner_text()
    finally:
        context.close()


def test_old_district_link_to_a_volunteer_goes_on_to_the_subdistrict_page(browser, loei_site):
    """A link to a volunteer's row on the district page (the people finder's, or an old one) ends on
    the row of the subdistrict page that lists them."""
    people = json.loads((loei_site.dir / "assets/people/4201.json").read_text(encoding="utf-8"))
    volunteer = next(p for p in people["people"] if p["r"] == "อช." and p["sc"] == "420102")
    context, page = open_page(browser, 375)
    try:
        page.goto(loei_site.page_url(DISTRICT + "#p-" + volunteer["id"]))
        page.wait_for_url("**/420102/#p-" + volunteer["id"])
        assert page.locator(f"tr#p-{volunteer['id']}").is_visible()
    finally:
        context.close()


# ---------------------------------------------------------------- §4 Thai line breaks

BREAKS_JS = """(selector) => {
  const seg = new Intl.Segmenter('th', {granularity: 'word'});
  const graph = new Intl.Segmenter('th', {granularity: 'grapheme'});
  const bad = [], dates = [];
  let checked = 0;
  const walker = document.createTreeWalker(document.querySelector('article') || document.body, NodeFilter.SHOW_TEXT);
  const roots = [...document.querySelectorAll(selector)];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = node.data;
    if (!/[\\u0E00-\\u0E7F]/.test(chars) || !roots.some(r => r.contains(node))) continue;
    if (!node.parentElement.getClientRects().length) continue;
    checked++;
    const bounds = new Set([0, chars.length]);
    for (const s of seg.segment(chars)) { bounds.add(s.index); bounds.add(s.index + s.segment.length); }
    const range = document.createRange();
    let lastTop = null, lastEnd = 0;
    for (const g of graph.segment(chars)) {
      range.setStart(node, g.index); range.setEnd(node, g.index + g.segment.length);
      const rect = [...range.getClientRects()].find(r => r.width > 0);
      if (!rect) continue;
      const top = Math.round(rect.top);
      if (lastTop !== null && top > lastTop + 2) {
        // a new line starts at g.index: the break must be at a word boundary (or after a space)
        if (!bounds.has(g.index) && !/\\s/.test(chars[g.index - 1] || '')) {
          bad.push(chars.slice(Math.max(0, g.index - 12), g.index) + '|' + chars.slice(g.index, g.index + 12));
        }
      }
      lastTop = top; lastEnd = g.index;
    }
  }
  return {checked, bad};
}"""
NAMES_AND_PLACES = ("table td, table th, .tn-org__box, .tn-district-list a, .tn-subdistricts li, "
                    ".tn-kv td, .md-typeset h1, .md-typeset h2, .md-typeset h3")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", ["home", "district", "subdistrict", "dashboard", "province", "people"])
def test_no_thai_word_broken_inside(browser, loei_site, kind, width):
    context, page = open_page(browser, width)
    try:
        page.goto(loei_site.page_url(PAGE_TYPES[kind]))
        if kind == "people":
            page.select_option("form.tn-finder select[name=district]", "4203")
            page.wait_for_function("document.querySelectorAll('.tn-finder__results tbody tr').length > 0")
        page.evaluate("document.fonts.ready")
        result = page.evaluate(BREAKS_JS, NAMES_AND_PLACES)
        assert result["checked"] > 5
        assert not result["bad"], f"words broken inside at {width}px: {result['bad'][:20]}"
    finally:
        context.close()


DATES_JS = """() => [...document.querySelectorAll('table.tn-people td:last-child > span[data-pagefind-ignore], table.tn-dashboard td:nth-child(3)')]
  .filter(e => e.getClientRects().length)
  .map(e => { const r = document.createRange(); r.selectNodeContents(e);
              return [e.textContent, new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size]; })"""


@pytest.mark.parametrize("kind", ["district", "subdistrict", "dashboard"])
def test_dates_stay_on_one_line(browser, loei_site, kind):
    context, page = open_page(browser, 375, is_mobile=True)
    try:
        page.goto(loei_site.page_url(PAGE_TYPES[kind]))
        dates = page.evaluate(DATES_JS)
        assert dates, "no dates found"
        split = [text for text, lines in dates if lines != 1]
        assert not split, f"dates over two lines: {split[:10]}"
    finally:
        context.close()


# ---------------------------------------------------------------- §5 accessibility (axe-core)


def axe_source() -> str:
    """axe.min.js as installed with the pinned PyPI package (no download when the tests run)."""
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=axe_source())
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').slice(0, 200))}));
    }""")


AXE_COUNTS: dict = {}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_axe_violation(browser, loei_site, kind, width):
    context, page = open_page(browser, WIDTHS[width], **({"is_mobile": True, "has_touch": True} if width == "phone" else {}))
    try:
        page.goto(loei_site.page_url(PAGE_TYPES[kind]))
        if kind == "people":
            page.select_option("form.tn-finder select[name=district]", "4203")
            page.wait_for_function("document.querySelectorAll('.tn-finder__results tbody tr').length > 0")
        page.evaluate("document.fonts.ready")
        violations = axe_violations(page)
    finally:
        context.close()
    counts = {impact: sum(1 for v in violations if v["impact"] == impact) for impact in ("critical", "serious", "moderate", "minor")}
    print(f"axe {kind} {width}: {counts}")
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_search_results_accessible(browser, loei_site, width):
    """The header search open with results: no serious or critical axe violation (result meta and
    highlight at 4.5:1), and a result that has the keyboard focus is clearly outlined."""
    context, page = open_page(browser, WIDTHS[width], **({"is_mobile": True, "has_touch": True} if width == "phone" else {}))
    try:
        page.goto(loei_site.page_url(""))
        box = page.locator("header input[type=search]")
        if width == "phone":     # the search opens from the header's icon (Material's __search toggle)
            page.locator("header label.md-header__button[for=__search]").tap()
            page.wait_for_timeout(400)
        else:
            box.click()
        box.fill("สมชาย")
        page.wait_for_function("document.querySelector('[data-tn-search]').dataset.state === 'done'", timeout=20_000)
        assert page.locator(".md-search-result__link").count() > 0
        violations = axe_violations(page)
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)
        page.keyboard.press("ArrowDown")      # search.js moves the focus into the results
        style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                                         return {el: document.activeElement.className, w: parseFloat(s.outlineWidth), o: s.outlineStyle}; }""")
        assert "md-search-result__link" in style["el"] and style["w"] >= 2 and style["o"] != "none", style
    finally:
        context.close()


# ---------------------------------------------------------------- §8 print (Chromium page.pdf)


def printed_pages(browser, site: BuiltSite, path: str) -> list[str]:
    """The text of each A4 page Chromium prints for PATH (\\x00 and spaces dropped: pypdf's Thai)."""
    import pypdf
    context, page = open_page(browser, 1280)
    try:
        page.goto(site.page_url(path))
        page.evaluate("document.fonts.ready")
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        context.close()
    return ["".join((p.extract_text() or "").replace("\x00", "").split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_circular_prints_alone_with_thai_page_numbers(browser, loei_site):
    pages = printed_pages(browser, loei_site, "circular/")
    assert len(pages) >= 2
    # the page footer (address, print date) is in the page margin; what is left starts with the letter
    first = re.sub(r"https://\S*?พิมพ์เม\S*?25\d\d", "", pages[0])
    assert first.startswith(("ที่ลย๐๐๑๙", "ทีลย๐๐๑๙")), first[:80]   # the letter, no site heading
    assert "ข้อความเต็มของหนังสือ" not in "".join(pages)                                 # nor the page's introduction
    assert "-๑-" not in first
    for number, text in enumerate(pages[1:], start=2):
        thai = "".join("๐๑๒๓๔๕๖๗๘๙"[int(d)] for d in str(number))
        assert f"-{thai}-" in text, text[:80]
    signed = [i for i, t in enumerate(pages) if "บุญเต็ม" in t]
    qr = [i for i, t in enumerate(pages) if "สแกน" in t]
    assert signed and signed == qr, "the signature block and the QR code are printed on different pages"


def test_every_printed_page_has_address_date_and_sample_notice(browser, loei_site):
    pages = printed_pages(browser, loei_site, SUBDISTRICT)
    assert len(pages) >= 2
    for text in pages:
        assert "loei-cdd.github.io/thamniap/" + SUBDISTRICT in text and "พิมพ์เม" in text and "ข้อมูลตัวอย่าง" in text, text[-200:]


def test_charts_have_text_equivalents(loei_site):
    """Every chart on the home page and the dashboard is an image with a Thai name, a title and a
    description that gives its numbers."""
    for path in ("index.html", "dashboard/index.html"):
        html = (loei_site.dir / path).read_text(encoding="utf-8")
        charts = re.findall(r"<svg\b[^>]*>.*?</svg>", html.split('class="tn-chart"', 1)[1], re.S)
        charts = [c for c in charts if 'role="img"' in c]
        assert charts, path
        for svg in charts:
            assert re.search(r'aria-label="[^"]*[\u0E00-\u0E7F]', svg)
            desc = re.search(r"<desc>(.*?)</desc>", svg, re.S)
            assert re.search(r"<title>[^<]+</title>", svg) and desc and re.search(r"\d", desc.group(1)), svg[:200]


def test_citizen_pages_open_with_the_villages_and_people(browser, loei_site):
    """Issue 22 §2: at 375 px the district page's list of subdistricts and villages starts within the
    first two screens and the subdistrict page's villages within the first; nothing for officials
    (edit links, file names, line numbers) is shown before their one part at the end."""
    context, page = open_page(browser, 375, is_mobile=True, has_touch=True)
    try:
        screen = 800
        page.goto(loei_site.page_url(DISTRICT))
        villages = page.locator("#volunteers").bounding_box()["y"]
        assert villages < 2 * screen, villages
        assert page.locator("ul.tn-villages a").count() > 10
        staff = page.locator("#staff").bounding_box()["y"]
        for selector in (".tn-edit", ".tn-report-cta", ".tn-qr-block", "#history"):
            assert page.locator(selector).bounding_box()["y"] > staff, selector
        page.goto(loei_site.page_url(SUBDISTRICT))
        assert page.locator("[id^='v-']").first.bounding_box()["y"] < screen
        staff = page.locator("#staff").bounding_box()["y"]
        assert all(box["y"] > staff for box in (e.bounding_box() for e in page.locator(".tn-edit-file, .tn-edit-villages").all()))
    finally:
        context.close()


def test_the_menu_puts_citizen_pages_first_and_official_pages_in_one_section(loei_site):
    """Issue 22 §2: the threat model, performance, architecture, rules and bot pages are under one
    "สำหรับเจ้าหน้าที่" section of the menu, after the citizens' pages."""
    html = (loei_site.dir / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>\n</div>") if "</nav>\n</div>" in nav else len(nav)]
    staff_at = nav.index("สำหรับเจ้าหน้าที่")
    for page in ("threat-model/", "performance/", "architecture/", "rules/", "report-bot/", "dashboard/", "report/"):
        assert nav.index(f'href="{page}"') > staff_at, page
    for page in ("people/", "districts/4201-mueang-loei/", "opendata/", "privacy/"):
        assert nav.index(f'href="{page}"') < staff_at, page


def test_every_page_says_what_it_is_when_shared(loei_site):
    """Issue 22 §5: every page has a description and Open Graph title, description and picture (a
    link shared in LINE shows what it is); the picture is in the site, 1200×630."""
    from html.parser import HTMLParser

    class Meta(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found: dict[str, str] = {}
            self.title = ""
            self._in_title = False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta" and (a.get("property") or a.get("name")):
                self.found.setdefault(a.get("property") or a.get("name"), a.get("content") or "")
            self._in_title = tag == "title" and not self.title

        def handle_data(self, data):
            if self._in_title:
                self.title += data

        def handle_endtag(self, tag):
            self._in_title = False

    site_url = "https://example.org/thamniap/" if "example.org" in (loei_site.dir / "sitemap.xml").read_text(
        encoding="utf-8") else None
    pages = [p for p in loei_site.dir.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 100
    for path in pages:
        meta = Meta()
        meta.feed(path.read_text(encoding="utf-8"))
        rel = path.relative_to(loei_site.dir).as_posix()
        for key in ("description", "og:title", "og:description", "og:image", "og:type", "twitter:card"):
            assert meta.found.get(key, "").strip(), (rel, key)
        assert meta.found["og:image"].endswith("/assets/images/og.png"), (rel, meta.found["og:image"])
        if site_url:
            assert meta.found["og:image"] == site_url + "assets/images/og.png"
        assert meta.found["og:title"] in meta.title, (rel, meta.found["og:title"], meta.title)
    png = (loei_site.dir / "assets/images/og.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1200, 630)
