"""Issue 22 §5, layout, print and sharing, where a person meets them: the session's build of the
landed data (tests/conftest.py: landed_site) served under /thamniap/, in real Chromium.

- At 375 px (touch) no table scrolls sideways on any page type (open data, downloads, guidelines …:
  tables become cards, thamniap.css), the district page's rounds table gives a round's title the
  width of the phone, the people finder's cards have no line of a bare "-", and a heading's hidden
  permalink (¶) leaves no empty line under it.
- Printed (Chromium's page.pdf, A4): no cut piece of text (a repeated table header's "ชื่") at a
  page's foot, the roster at the size the print rules set, buttons as framed text rather than blocks of ink.
- The downloads page and the files (Excel, JSON, datapackage.json, catalog.json) state one licence.
"""
from __future__ import annotations

import io
import json
import re
from urllib.parse import urljoin

import pytest
from conftest import BuiltSite, serve_site

from thamniap.render import exports

DISTRICT = "districts/4201-mueang-loei/"
PHONE = {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True}
# One page of every kind a citizen opens that shows a table, the pages the issue names, and the
# maintainers' pages written in Markdown, whose tables render/tablecards.py turns into cards too.
TABLE_PAGES = ["", DISTRICT, DISTRICT + "420101/", "dashboard/", "province/", "people/", "circular/",
               "guidelines/", "submit/", "downloads/", "opendata/", "privacy/", "report/4209-wang-saphung/",
               "rules/", "architecture/", "threat-model/", "performance/", "report-bot/", "setup/"]


@pytest.fixture(scope="module")
def site(landed_site) -> BuiltSite:
    with serve_site(landed_site) as served:
        yield served


def open_page(browser, **options):
    context = browser.new_context(locale="th-TH", **options)
    return context, context.new_page()


def show_finder_results(page, district: str = "4203") -> None:
    page.select_option("form.tn-finder select[name=district]", district)
    page.wait_for_function("document.querySelectorAll('.tn-finder__results tbody tr').length > 0")


# ---------------------------------------------------------------- 375 px

SIDEWAYS_JS = """() => {
  const article = document.querySelector('article').getBoundingClientRect();
  const out = [];
  for (const t of document.querySelectorAll('article table')) {
    if (!t.getClientRects().length) continue;
    const r = t.getBoundingClientRect();
    if (r.right > article.right + 1 || t.scrollWidth > t.clientWidth + 1)
      out.push(['table', t.className, Math.round(r.width), Math.round(article.width), t.scrollWidth]);
  }
  for (const e of document.querySelectorAll('article *')) {          // a box around a table that scrolls sideways (Material's wrap)
    if (!e.querySelector('table')) continue;
    const s = getComputedStyle(e).overflowX;
    if ((s === 'auto' || s === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.getClientRects().length)
      out.push(['scrolls', e.className, e.scrollWidth, e.clientWidth]);
  }
  return {page: [document.documentElement.scrollWidth, innerWidth], wide: out};
}"""


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_no_table_scrolls_sideways_at_375_px(browser, site, path):
    context, page = open_page(browser, **PHONE)
    try:
        page.goto(site.page_url(path))
        if path == "people/":
            show_finder_results(page)
        page.evaluate("document.fonts.ready")
        found = page.evaluate(SIDEWAYS_JS)
    finally:
        context.close()
    assert found["page"][0] <= found["page"][1], found
    assert not found["wide"], found


def test_a_markdown_table_s_card_names_each_column(browser, site):
    """On the rules page (a table written in Markdown) a phone shows each rule as a card: the rule's
    id first, then every other cell after its column's name, as the generated tables do."""
    context, page = open_page(browser, **PHONE)
    try:
        page.goto(site.page_url("rules/"))
        card = page.evaluate("""() => {
          const row = document.querySelector('article table tbody tr');
          return [...row.cells].map(c => [getComputedStyle(c).display, getComputedStyle(c, '::before').content,
                                          c.getBoundingClientRect().width]);
        }""")
    finally:
        context.close()
    headers = ["ระดับ", "ตรวจอะไร", "ตัวอย่างข้อความที่แจ้ง"]
    assert [c[0] for c in card] == ["block"] * 4, card
    assert card[0][1] in ("none", "normal"), card
    assert [c[1] for c in card[1:]] == [f'"{h}: "' for h in headers], card
    assert min(c[2] for c in card) > 300, card      # each line the card's width, not a column's


def test_a_rounds_title_has_the_phone_s_width(browser, site):
    """The district page's rounds table: a round's long title reads across the phone (it took ~15
    lines of a 30 % column), then the result under it."""
    context, page = open_page(browser, **PHONE)
    try:
        page.goto(site.page_url(DISTRICT))
        page.evaluate("document.fonts.ready")
        facts = page.evaluate("""() => {
          const table = document.querySelector('#rounds + table');
          const cell = table.querySelector('tbody tr td'), style = getComputedStyle(cell);
          return {table: table.getBoundingClientRect().width, cell: cell.getBoundingClientRect().width,
                  lines: Math.round(cell.getBoundingClientRect().height / parseFloat(style.lineHeight)),
                  text: cell.textContent};
        }""")
    finally:
        context.close()
    assert "2567-club-update" in facts["text"]
    assert facts["cell"] >= 0.9 * facts["table"], facts
    assert facts["lines"] <= 4, facts


def test_people_finder_cards_have_no_line_of_a_bare_dash(browser, site):
    """A leader has no village and most people no club post: the card leaves those out instead of a
    line (or a " · ") holding only "-"."""
    context, page = open_page(browser, **PHONE)
    try:
        page.goto(site.page_url("people/"))
        show_finder_results(page)
        cards = page.evaluate("""() => [...document.querySelectorAll('.tn-finder__results tbody tr')].map(tr => tr.innerText)""")
    finally:
        context.close()
    assert len(cards) > 50
    assert any("ผู้นำ อช." in c for c in cards) and any("ตำแหน่ง" not in c for c in cards)
    bad = [c for c in cards if any(line.strip() in ("-", "·") for line in c.splitlines()) or re.search(r"·\s*-(\s|$)", c)]
    assert not bad, bad[:5]


HEADINGS_JS = """() => [...document.querySelectorAll('article :is(h1, h2, h3, h4)')].filter(e => e.getClientRects().length).map(e => {
  const lines = range => new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom))).size;
  const link = e.querySelector('.headerlink'), text = document.createRange(), whole = document.createRange();
  text.selectNodeContents(e); whole.selectNodeContents(e);
  if (link) text.setEndBefore(link);
  const style = getComputedStyle(e);
  const inner = e.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  return {text: e.textContent.slice(0, 40), lines: lines(text), boxLines: Math.round(inner / parseFloat(style.lineHeight)),
          withLink: link && link.getClientRects().length ? lines(whole) : lines(text)};
})"""


def test_a_hidden_permalink_leaves_no_empty_line_under_a_heading(browser, site, landed_site):
    """Every heading of the subdistrict pages of three districts (and the district pages) at 375 px:
    as tall as its text; the ¶ that shows on hover or focus was a line of its own under a heading
    that fills its line ("ตำบลเมือง อำเภอเมืองเลย")."""
    paths = [p.parent.relative_to(landed_site).as_posix() + "/"
             for code in ("4201-mueang-loei", "4206-na-haeo", "4212-pha-khao")
             for p in sorted((landed_site / "districts" / code).glob("*/index.html"))]
    paths = [p for p in paths if re.search(r"/\d{6}/$", p)]
    assert len(paths) > 20
    context, page = open_page(browser, **PHONE)
    bad, seen = [], 0
    try:
        for path in [DISTRICT, *paths]:
            page.goto(site.page_url(path))
            page.evaluate("document.fonts.ready")
            for heading in page.evaluate(HEADINGS_JS):
                seen += 1
                if heading["boxLines"] != heading["lines"] or heading["withLink"] != heading["lines"]:
                    bad.append((path, heading))
        # the permalink still shows where a reader asks for it: a heading that is the page's target
        page.goto(site.page_url(DISTRICT + "#volunteers"))
        shown = page.evaluate("getComputedStyle(document.querySelector('#volunteers .headerlink')).width")
    finally:
        context.close()
    assert seen > 3 * len(paths)
    assert not bad, bad[:10]
    assert float(shown.rstrip("px")) > 0


# ---------------------------------------------------------------- print

PAGE_BOTTOM_MARGIN_PT = 18 * 72 / 25.4      # thamniap.css (print): @page { margin: 15mm 15mm 18mm }


def print_pdf(browser, site: BuiltSite, path: str) -> bytes:
    context, page = open_page(browser, viewport={"width": 1280, "height": 800})
    try:
        page.goto(site.page_url(path))
        page.evaluate("document.fonts.ready")
        return page.pdf(prefer_css_page_size=True)
    finally:
        context.close()


def pdfium_document(pdf: bytes):
    """PDF read by PDFium, Chromium's own PDF engine."""
    import pypdfium2 as pdfium
    return pdfium.PdfDocument(pdf)


def cut_text(pdf: bytes) -> list[tuple[int, str, float]]:
    """Text that a page break cuts: glyphs that start in a page's bottom margin and reach up into
    its printed area, i.e. the top of a line that Chromium prints on the next page (page, text,
    how far it shows in pt). PDFium (Chromium's own PDF engine) reads every glyph drawn, clipped
    or not; the footer line lies wholly inside the margin."""
    out = []
    document = pdfium_document(pdf)
    for number in range(len(document)):
        text = document[number].get_textpage()
        cut = [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())]
        cut = [(c, top - PAGE_BOTTOM_MARGIN_PT) for c, (_, bottom, _, top) in cut
               if bottom < PAGE_BOTTOM_MARGIN_PT - 0.5 and top > PAGE_BOTTOM_MARGIN_PT + 0.1]
        if cut:
            out.append((number + 1, "".join(c for c, _ in cut), round(max(d for _, d in cut), 2)))
    return out


def test_no_cut_line_at_the_foot_of_a_printed_page(browser, site, landed_site):
    """District 4201's page and all its subdistrict pages, and the other printed page types: no
    piece of a line (a repeated table header's "ชื่", a heading's "หมู่ที่") at a page's foot.
    District 4201 also prints compact: 67 A4 pages before issue 13 §8, its own page at most 6."""
    district = [DISTRICT] + sorted(p.parent.relative_to(landed_site).as_posix() + "/"
                                   for p in (landed_site / DISTRICT).glob("*/index.html"))
    others = ["districts/4203-chiang-khan/", "dashboard/", "province/", "circular/", "guidelines/", "downloads/"]
    found, counts = {}, {}
    for path in district + others:
        pdf = print_pdf(browser, site, path)
        if cut := cut_text(pdf):
            found[path] = cut
        if path in district:
            counts[path] = len(pdfium_document(pdf))
    assert not found, found
    print(f"district 4201 printed: {sum(counts.values())} pages {counts}")
    assert sum(counts.values()) < 50, counts
    assert counts[DISTRICT] <= 6, counts


def test_the_roster_prints_at_the_size_the_print_rules_set(browser, site):
    """The size the print rules (thamniap.css, @media print) give the roster (table.tn-people) is the
    size it prints at: the screen's rule, later in the sheet, used to win (10.8pt instead of 8.5pt)."""
    context, page = open_page(browser, viewport={"width": 1280, "height": 800})
    try:
        page.goto(site.page_url(DISTRICT + "420101/"))
        page.emulate_media(media="print")
        facts = page.evaluate("""() => {
          const declared = [];
          const walk = (rules, print) => { for (const r of rules) {
            const inPrint = print || !!(r.media && [...r.media].includes('print'));
            if (r.cssRules) walk(r.cssRules, inPrint);
            if (inPrint && r.selectorText && /table\\.tn-people$/.test(r.selectorText.trim()) && r.style.fontSize) declared.push(r.style.fontSize);
          } };
          for (const sheet of document.styleSheets) if ((sheet.href || '').endsWith('/thamniap.css')) walk(sheet.cssRules, false);
          const probe = document.createElement('span');
          document.body.append(probe);
          probe.style.fontSize = declared[0];
          const wanted = getComputedStyle(probe).fontSize;
          const cells = [...document.querySelectorAll('table.tn-people td')].map(td => getComputedStyle(td).fontSize);
          return {declared, wanted, sizes: [...new Set(cells)], count: cells.length};
        }""")
    finally:
        context.close()
    assert len(facts["declared"]) == 1 and facts["declared"][0].endswith("pt"), facts
    assert facts["count"] > 10 and facts["sizes"] == [facts["wanted"]], facts


def test_buttons_print_as_framed_text(browser, site):
    """The office's call button and every other .md-button: no background in print (Material keeps
    colours when printing), black text in a thin frame."""
    context, page = open_page(browser, viewport={"width": 1280, "height": 800})
    try:
        page.goto(site.page_url(DISTRICT))
        page.add_style_tag(content="* { transition: none !important; }")   # Material fades colours; read the end state
        page.emulate_media(media="print")
        buttons = page.evaluate("""() => [...document.querySelectorAll('.md-button')].filter(b => b.getClientRects().length).map(b => {
          const s = getComputedStyle(b);
          return {text: b.textContent.trim(), background: s.backgroundColor, image: s.backgroundImage, color: s.color,
                  border: parseFloat(s.borderTopWidth)};
        })""")
    finally:
        context.close()
    assert any(b["text"].startswith("โทร") for b in buttons), buttons
    for button in buttons:
        assert re.fullmatch(r"rgba\(\d+, \d+, \d+, 0\)|transparent", button["background"]) and button["image"] == "none", button
        assert button["color"] == "rgb(0, 0, 0)" and 0 < button["border"] <= 1, button


# ---------------------------------------------------------------- licence


def test_the_downloads_page_and_the_files_state_one_licence(browser, site, landed_site):
    """What the downloads page says of the licence is what the workbook's about sheet says, and the
    licence the JSON, catalog.json and datapackage.json name, with the same link; the page says
    nothing else of it (it said "CC BY 4.0" on every row and that the licence was not confirmed)."""
    import openpyxl
    context, page = open_page(browser, **PHONE)
    try:
        page.goto(site.page_url("downloads/"))
        statement = page.locator(".tn-licence")
        said, href = statement.inner_text(), statement.locator("a").get_attribute("href")
        article = page.evaluate("""() => { const a = document.querySelector('article').cloneNode(true);
                                              a.querySelectorAll('pre').forEach(e => e.remove());   // the JSON file's shape
                                              return a.textContent; }""")
        licences = set(re.findall(r"CC BY[ -][0-9.]+", page.locator("article").inner_text()))
        xlsx_href = page.locator("a[href$='thamniap-42.xlsx']").get_attribute("href")
        workbook = page.request.get(urljoin(page.url, xlsx_href)).body()
    finally:
        context.close()
    assert said.count("สัญญาอนุญาต") == article.count("สัญญาอนุญาต") >= 1, article
    assert "ยืนยัน" not in said
    about = {row[0]: row[1] for row in openpyxl.load_workbook(io.BytesIO(workbook))[exports.SHEET_ABOUT].iter_rows(values_only=True)}
    assert said.startswith(about["สัญญาอนุญาต"]) and about["ข้อความของสัญญาอนุญาต"] == href, (said, about)
    folder = landed_site / "downloads/42-loei"
    meta = json.loads((folder / "thamniap-42.json").read_text(encoding="utf-8"))["meta"]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    assert meta["licence"] in said and catalog["license_id"] == meta["licence"] and licences == {meta["licence"]}
    assert [(lic["path"], meta["licence"] in lic["title"]) for lic in package["licenses"]] == [(href, True)]
