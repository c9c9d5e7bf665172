"""Issue 13 §7: search that reads right, in real Chromium, on the 14-district sample province
(the repository's data/, `thamniap sample --scale loei`, the session's one `mkdocs build --strict`
of it, served under /thamniap/). Expected values come from the model of the same data:

* the count names people ("พบ 17 คน ใน 6 หน้า"), no stray "+", and "แสดงผลเพิ่ม" adds what is new:
  each page once, the people counted once (it used to count a page again per batch);
* a village result names its subdistrict (one district has several "หมู่ที่ 4 บ้านห้วยทราย");
* an excerpt keeps "อช." as written, not as the end of a sentence;
* ต. อ. จ. บ. ม. typed by officials find what the full words find (ต.นาดี = ตำบลนาดี, ม.3 = หมู่ที่ 3);
* the home page's heading does not repeat the site name the header shows.
"""
from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO, SITE_PATH, BuiltSite, serve_site

from thamniap.check.validate import load_dataset

COUNT = re.compile(r"^พบ (?:(\d+) คน)?(?: และ )?(?:(\d+) รายการ)? ใน (\d+) หน้า( — ยังมีผลเพิ่มเติม)?$")


@pytest.fixture(scope="module")
def loei_site(landed_site) -> BuiltSite:
    """The session's one build of the repository's data/ (the 14-district sample province)."""
    with serve_site(landed_site) as site:
        yield site


@pytest.fixture(scope="module")
def province():
    [loaded] = load_dataset(REPO / "data").provinces
    return loaded


def search(page, site, query: str, *, more: bool = False) -> list[str]:
    """Type QUERY into the header search; returns the count line after each batch (all batches
    when MORE: "แสดงผลเพิ่ม" pressed until it is gone)."""
    page.goto(site.page_url(""))
    box = page.locator("header input[type=search]")
    box.click()
    box.fill(query)
    done = """(q) => { const r = document.querySelector('[data-tn-search]');
                       return r.dataset.state === 'done' && r.dataset.query === q; }"""
    page.wait_for_function(done, arg=page.evaluate("(q) => window.thamniapSearch.normalize(q)", query),
                           timeout=30_000)
    counts = [page.inner_text("[data-tn-search] .md-search-result__meta").strip()]
    while more and page.locator(".tn-search-next__button").count():
        page.locator(".tn-search-next__button").click()
        page.wait_for_function("document.querySelector('[data-tn-search]').dataset.state === 'done'", timeout=30_000)
        counts.append(page.inner_text("[data-tn-search] .md-search-result__meta").strip())
    return counts


def pages_listed(page) -> list[str]:
    return page.eval_on_selector_all("[data-tn-search] .md-search-result__item h1",
                                     "els => els.map(e => e.textContent)")


def subresults(page) -> list[dict]:
    """Every record shown: its anchor, heading and excerpt, under its page's title."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-tn-search] .md-search-result__item')]
        .flatMap(li => [...li.querySelectorAll('a[data-tn-anchor]')].map(a => ({
            page: li.querySelector('h1').textContent, anchor: a.dataset.tnAnchor,
            title: a.querySelector('h2').textContent, excerpt: (a.querySelector('p') || {}).textContent || ''})))""")


def parse(count: str) -> tuple[int, int, int, bool]:
    m = COUNT.match(count)
    assert m, f"count text reads wrong: {count!r}"
    return int(m[1] or 0), int(m[2] or 0), int(m[3]), bool(m[4])


def test_the_count_names_people_and_grows_only_by_what_is_new(page, loei_site, province):
    name = "ลำดวน"
    people = [p for p in province.people() if name in p.name]
    districts = {p.district_code for p in people}
    assert len(districts) > 8     # more than one batch of pages
    counts = search(page.page, loei_site, name, more=True)
    assert len(counts) > 1, "one batch only: the test needs 'แสดงผลเพิ่ม'"
    assert not any("+" in c for c in counts), counts
    parsed = [parse(c) for c in counts]
    assert all(more for *_, more in parsed[:-1]) and not parsed[-1][3], counts
    # the count only grows, and never beyond what the data holds
    found_people = [n for n, *_ in parsed]
    assert found_people == sorted(found_people) and found_people[-1] == len(people), (counts, len(people))
    listed = pages_listed(page.page)
    assert len(listed) == len(set(listed)) == parsed[-1][2], ("a page shown twice", listed)
    # a village volunteer is on the page of their subdistrict, a leader on their district's
    names = {d.code: d.name for d in province.districts}
    subs = {s.code: s.name for d in province.districts for s in d.subdistricts}
    expected = {f"ตำบล{subs[p.subdistrict_code]} อำเภอ{names[p.district_code]}" if p.moo is not None
                else f"อำเภอ{names[p.district_code]}" for p in people}
    assert expected <= set(listed), expected - set(listed)
    site_pages = len(list(loei_site.dir.rglob("index.html")))
    assert parsed[-1][2] <= site_pages
    page.assert_clean()


def test_the_count_without_more(page, loei_site, province):
    """A query found in one batch: exact figures, nothing promised after them. A subdistrict whose
    name is in no other name: its leaders (their rows on the district page say ตำบล…), and its own
    page of villages, the one record that names it there."""
    others = [d.name for d in province.districts] + [p.name for p in province.people()] + [
        v.name for d in province.districts for s in d.subdistricts for v in s.villages]
    subs = [s for d in province.districts for s in d.subdistricts]
    sub = next(s for s in subs if not any(s.name in o for o in others) and
               sum(s.name in t.name for t in subs) == 1)
    [count] = search(page.page, loei_site, f"ตำบล{sub.name}")
    people = len(sub.leaders)
    assert parse(count) == (people, 1, 2, False), (count, sub.name)
    assert count == f"พบ {people} คน และ 1 รายการ ใน 2 หน้า"
    page.assert_clean()


def _repeated_village(province):
    """A district with one village name in two or more of its subdistricts."""
    for district in province.districts:
        subs = defaultdict(list)
        for sub in district.subdistricts:
            for village in sub.villages:
                subs[village.name].append((sub, village))
        for name, where in subs.items():
            if len(where) >= 3:
                return district, name, where
    raise AssertionError("no repeated village name in the sample")


def test_a_village_result_names_its_subdistrict(page, loei_site, province):
    district, name, where = _repeated_village(province)
    search(page.page, loei_site, f"{name} อำเภอ{district.name}", more=True)
    shown = [s for s in subresults(page.page) if s["anchor"].startswith("v-")]
    expected = {f"v-{sub.code}-{v.moo}": f"หมู่ที่ {v.moo} {v.name} ตำบล{sub.name}" for sub, v in where}
    mine = [s for s in shown if s["anchor"] in expected]
    assert mine, shown
    for s in mine:
        assert s["title"] == expected[s["anchor"]], s
    titles = [s["title"] for s in shown if s["page"] == f"อำเภอ{district.name}"]
    assert len(titles) == len(set(titles)), titles
    page.assert_clean()


def test_an_excerpt_keeps_the_abbreviation(page, loei_site, province):
    person = next(p for p in province.people() if p.moo is not None and not any(r.ended for r in p.roles) and sum(q.name == p.name for q in province.people()) == 1)
    search(page.page, loei_site, person.name)
    [row] = [s for s in subresults(page.page) if s["anchor"] == person.anchor]
    assert row["excerpt"].endswith("อช."), row
    assert ". อช" not in row["excerpt"] and "อช. ·" not in row["excerpt"]
    # a page that holds the words apart (not in one row) shows its text as it reads too
    excerpts = page.page.eval_on_selector_all("[data-tn-search] .md-search-result__item > a:first-child p",
                                              "els => els.map(e => e.textContent)")
    assert not [e for e in excerpts if ". อช" in e or "อช. ·" in e], excerpts
    leader = next(p for p in province.people() if p.moo is None and not any(r.ended for r in p.roles) and sum(q.name == p.name for q in province.people()) == 1)
    search(page.page, loei_site, leader.name)
    [row] = [s for s in subresults(page.page) if s["anchor"] == leader.anchor]
    assert row["excerpt"].endswith("ผู้นำ อช."), row
    assert " · " in row["excerpt"]            # cells apart (ตำบล · post · role), as in the table
    page.assert_clean()


def _results(page) -> list[tuple[str, str]]:
    return [(s["page"], s["anchor"]) for s in subresults(page)]


@pytest.mark.parametrize("short,full", [
    ("ต.{sub}", "ตำบล{sub}"),
    ("ต. {sub}", "ตำบล{sub}"),
    ("อ.{district} ต.{sub}", "อำเภอ{district} ตำบล{sub}"),
    ("ม.{moo} บ.{village}", "หมู่ที่ {moo} บ้าน{village}"),
    ("ม.{moo_th} บ้าน{village}", "หมู่ที่ {moo} บ้าน{village}"),
    ("หมู่ {moo} บ้าน{village}", "หมู่ที่ {moo} บ้าน{village}"),
    ("จ.เลย", "จังหวัดเลย"),
])
def test_abbreviations_find_what_the_full_words_find(page, loei_site, province, short, full):
    district = province.districts[4]
    sub = district.subdistricts[1]
    village = sub.villages[2]
    thai_digits = str(village.moo).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    values = dict(sub=sub.name, district=district.name, moo=village.moo, moo_th=thai_digits,
                  village=village.name.removeprefix("บ้าน"))
    full_count = search(page.page, loei_site, full.format(**values), more=True)[-1]
    wanted = _results(page.page)
    assert wanted
    short_count = search(page.page, loei_site, short.format(**values), more=True)[-1]
    assert _results(page.page) == wanted and short_count == full_count
    page.assert_clean()


def test_moo_finds_that_number_only(page, loei_site, province):
    """ม.1 is หมู่ที่ 1, not หมู่ที่ 10, 11 or 12."""
    name = "บ้านห้วยทราย"
    assert {v.moo for d in province.districts for s in d.subdistricts for v in s.villages if v.name == name} >= {1, 10, 11}
    search(page.page, loei_site, f"ม.1 {name}", more=True)
    shown = [s for s in subresults(page.page) if s["anchor"].startswith("v-")]
    assert shown and all(s["title"].startswith(f"หมู่ที่ 1 {name} ") for s in shown), shown
    assert all(s["anchor"].endswith("-1") for s in shown)
    page.assert_clean()


def test_the_home_title_is_said_once(page, loei_site, province):
    page.page.goto(loei_site.page_url(""))
    site_name = f"ทำเนียบ อช. จังหวัด{province.name}"
    assert page.page.title() == site_name
    header = page.page.locator(".md-header__topic").first.inner_text().strip()
    heading = page.page.locator("h1").inner_text().strip().rstrip("¶").strip()
    assert header == site_name and heading != site_name and site_name not in heading
    assert page.page.locator("h1").count() == 1


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_escape_from_a_result_leaves_the_focus_on_something_visible(fixture, request, loei_site, province):
    """Issue 13 §5: after ↓ to a result and Escape, the focus is not left on a hidden result: it is on
    the header's search button (phone) or the search box (wide screen), and the results are closed."""
    bp = request.getfixturevalue(fixture)
    page = bp.page
    person = next(p for p in province.people() if sum(q.name == p.name for q in province.people()) == 1)
    if fixture == "phone_page":
        page.goto(loei_site.page_url(""))
        page.locator("label.md-header__button[for='__search']").click()
        box = page.locator("header input[type=search]")
        box.fill(person.name)
        page.wait_for_function("document.querySelector('[data-tn-search]').dataset.state === 'done'", timeout=30_000)
    else:
        search(page, loei_site, person.name)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    focused = page.evaluate("""() => { const el = document.activeElement, r = el.getBoundingClientRect();
        return {inResults: !!el.closest('.md-search-result'), visible: r.width > 0 && r.height > 0,
                tag: el.tagName, open: document.querySelector('#__search').checked}; }""")
    assert not focused["inResults"] and focused["visible"] and focused["tag"] != "BODY", focused
    assert not focused["open"], focused
    bp.assert_clean()


# ---------------------------------------------------------------- issue 22 §3: what people type


def links_shown(page) -> list[str]:
    return page.eval_on_selector_all("[data-tn-search] .md-search-result__link[href]", "els => els.map(e => e.href)")


def thai_digits(text: str) -> str:
    return "".join(chr(0x0E50 + int(c)) if c.isdigit() else c for c in text)


def test_an_office_phone_in_the_spellings_people_use_finds_the_office(page, loei_site, province):
    """0 4241 1773, 042411773, 042-411773 (and Thai digits): each finds the page that shows the number."""
    from thamniap.render.markup import phone_display
    office = next((d.office for d in province.districts if d.office.phone), province.office)
    digits = re.sub(r"\D", "", office.phone)
    shown = phone_display(office.phone)
    for typed in (shown, digits, f"{digits[:3]}-{digits[3:]}", f"{digits[:2]}-{digits[2:6]}-{digits[6:]}",
                  thai_digits(shown)):
        [count] = search(page.page, loei_site, typed)
        links = links_shown(page.page)
        assert links, (typed, count)
        # the page of the first result (read from the built site: no navigation while the page loads)
        path = unquote(urlsplit(links[0]).path).removeprefix(SITE_PATH)
        html = (loei_site.dir / path / "index.html").read_text(encoding="utf-8")
        assert shown in html, (typed, links[0])
    page.assert_clean()


def _distance(a: str, b: str) -> int:
    """Edit distance in UTF-16 units (search.js ``distance``; Thai is in the BMP)."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def test_a_name_with_one_or_two_letters_wrong_finds_the_person(page, loei_site, province):
    """A last name with two letters wrong (and a first name with one) finds the person's row, and the
    result says which name it shows instead ("ไม่พบ … จึงแสดงผลของ …")."""
    import json
    names = json.loads((loei_site.dir / "assets/search/names.json").read_text(encoding="utf-8"))

    def misspelt(word: str, at: list[int]) -> str:
        chars = list(word)
        for i in at:
            chars[i] = "ฬ" if chars[i] != "ฬ" else "ฮ"
        return "".join(chars)

    def corrects_to(typo: str, word: str, limit: int) -> bool:
        """search.js's rule: the nearest name word within the limit (the most common on a tie) is WORD."""
        best = min(names, key=lambda n: (_distance(typo, n), names.index(n)))
        return typo not in names and best == word and _distance(typo, word) <= limit

    for person in province.people():
        first, last = person.first_name, person.last_name
        typo_last = misspelt(last, [1, 3]) if len(last) >= 5 else ""
        typo_first = misspelt(first, [2]) if len(first) >= 3 else ""
        if typo_last and typo_first and corrects_to(typo_last, last, 2) and corrects_to(typo_first, first, 1) \
                and sum(p.first_name == first and p.last_name == last for p in province.people()) == 1:
            break
    else:
        pytest.fail("no person whose misspelt name corrects back to it")
    for typed in (f"{first} {typo_last}", f"{typo_first} {last}"):
        [count] = search(page.page, loei_site, typed)
        assert count.startswith(f"ไม่พบ “{typed}” จึงแสดงผลของ “{first} {last}”"), count
        assert links_shown(page.page)[0].endswith(f"#{person.anchor}"), (typed, links_shown(page.page)[:3])
    page.assert_clean()


def test_a_search_is_shared_as_a_link(page, loei_site, province):
    """?q= opens the results; typing puts the query in the address for sharing."""
    from urllib.parse import parse_qs, quote, urlsplit
    person = next(p for p in province.people() if sum(q.name == p.name for q in province.people()) == 1)
    query = f"{person.first_name} {person.last_name}"
    p = page.page
    p.goto(loei_site.page_url("") + "?q=" + quote(query))
    p.wait_for_function("""(q) => { const r = document.querySelector('[data-tn-search]');
                           return r.dataset.state === 'done' && r.dataset.query === q; }""", arg=query)
    assert p.locator("[data-tn-search] .md-search-result__link").first.is_visible()
    assert links_shown(p)[0].endswith(f"#{person.anchor}")
    search(p, loei_site, person.last_name)
    assert parse_qs(urlsplit(p.url).query)["q"] == [person.last_name]
    page.assert_clean()


def test_nothing_found_never_promises_more(page, loei_site, province):
    """A query whose words' pieces are everywhere but which is in no record: "ไม่พบหน้าที่ตรงกัน"
    alone, never with "ยังมีผลเพิ่มเติม" (the candidates are all read before saying so)."""
    [count] = search(page.page, loei_site, "สมชายนาดีไม่มีจริง")
    assert count == "ไม่พบหน้าที่ตรงกัน", count
    assert page.page.locator(".tn-search-next__button").count() == 0
    page.assert_clean()
