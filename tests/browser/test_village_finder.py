"""Issue 13 §2 "อช. หมู่บ้านของฉัน" in real Chromium at a phone's width (375 px), on the site built from
the small dataset and served under /thamniap/: taps from the home page to a village card (at most 3),
the card's อช. and ผู้นำ อช. as the model has them, the call button's tel: link, the link to the
village on its district page, typing a village name, the keyboard, labels and the live region, and no
request outside the site."""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest
from conftest import SITE_PATH, _open_page
from test_payloads import INJECTED, payload_site  # noqa: F401 - the site built from hostile data
from test_phone import loei_site  # noqa: F401 - the session fixture: the site of the repository's data/
from test_site import data_site  # noqa: F401 - the session fixture: the site built from data

from conftest import REPO
from thamniap.check.validate import load_dataset
from thamniap.render.markup import phone_display, tel_url

MAX_TAPS = 3


@pytest.fixture
def phone(browser):
    """A phone 375 px wide (the conftest's phone_page is 360)."""
    context, bp = _open_page(browser, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True,
                             device_scale_factor=2)
    yield bp
    context.close()


@pytest.fixture(scope="module")
def province(data_site):  # noqa: F811
    [loaded] = load_dataset(data_site.dir.parent / "data").provinces
    return loaded


class Taps:
    """Counts what a person does on the phone: each choice in a native select or each tap is one."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def choose(self, label: str, value: str):
        self.count += 1
        select = self.page.locator(".tn-village").get_by_role("combobox", name=label, exact=True)
        self.page.wait_for_function("(el) => !el.disabled && el.options.length > 1", arg=select.element_handle())
        select.select_option(value)

    def tap(self, locator):
        self.count += 1
        locator.tap()


def card_names(page, heading_start: str) -> list[str]:
    """The names listed under the card's heading that starts with HEADING_START."""
    return page.evaluate("""(start) => {
        const h = [...document.querySelectorAll('.tn-village-card h4')].find(e => e.textContent.startsWith(start));
        const list = h && h.nextElementSibling;
        return list && list.tagName === 'UL' ? [...list.querySelectorAll('a')].map(a => a.textContent) : [];
    }""", heading_start)


def open_card(phone, site, district, sub, village):
    """The home page, then อำเภอ → ตำบล → หมู่บ้าน chosen (three taps): (page, its tap counter)."""
    page = phone.page
    page.goto(site.page_url(""))
    taps = Taps(page)
    taps.choose("อำเภอ", district.code)
    taps.choose("ตำบล", sub.code)
    taps.choose("หมู่บ้าน", str(village.moo))
    return page, taps


def test_three_taps_from_the_home_page_to_a_village_card(phone, data_site, province):  # noqa: F811
    [district] = province.districts
    sub = district.subdistricts[2]
    village = sub.villages[-1]
    page, taps = open_card(phone, data_site, district, sub, village)
    card = page.locator(".tn-village-card")
    card.wait_for()
    assert taps.count <= MAX_TAPS, f"{taps.count} taps to the card"
    # every control and the card fit the phone's width
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert card.bounding_box()["width"] <= 375

    where = f"หมู่ที่ {village.moo} {village.name} ตำบล{sub.name} อำเภอ{district.name}"
    assert card.locator("h3").inner_text() == where
    assert card_names(page, "อช. ประจำหมู่บ้าน") == [p.name for p in village.volunteers if p.serving]
    assert card_names(page, f"ผู้นำ อช. ตำบล{sub.name}") == [p.name for p in sub.leaders if p.serving]
    assert card_names(page, "ผู้นำ อช.") and card_names(page, "อช. ประจำหมู่บ้าน")

    # no district phone in this dataset: the province office's, said so in Thai
    assert not district.office.phone
    call = card.locator("a[href^='tel:']")
    assert call.count() == 1
    assert call.get_attribute("href") == tel_url(province.office.phone) == "tel:+6642411773"
    assert call.inner_text() == f"โทร {province.office.name} {phone_display(province.office.phone)}"
    assert card.locator(".tn-village-card__note").inner_text() == (
        f"อำเภอ{district.name}ยังไม่ได้ระบุเบอร์โทรศัพท์สำนักงาน จึงแสดงเบอร์ของ{province.office.name}")
    assert call.bounding_box()["height"] >= 40          # a thumb-sized button
    assert page.locator(".tn-village__status").inner_text() == f"แสดงข้อมูล{where}"

    # the village link lands on the village's heading on the district page, under /thamniap/
    with page.expect_navigation():
        taps.tap(card.locator(".tn-village-card__page"))
    page.wait_for_load_state("networkidle")
    url = urlsplit(page.url)
    assert url.path == f"{SITE_PATH}districts/{district.folder.name}/{sub.code}/"     # the subdistrict's page
    assert url.fragment == f"v-{sub.code}-{village.moo}"
    assert page.locator(f"[id='v-{sub.code}-{village.moo}']").inner_text().startswith(f"หมู่ที่ {village.moo} {village.name}")
    phone.assert_clean()


def test_a_person_on_the_card_links_to_their_row(phone, data_site, province):  # noqa: F811
    [district] = province.districts
    sub = district.subdistricts[0]
    village = sub.villages[0]
    page, taps = open_card(phone, data_site, district, sub, village)
    person = village.volunteers[0]
    link = page.locator(".tn-village-card a", has_text=person.name)
    with page.expect_navigation():
        taps.tap(link)
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/districts/{district.folder.name}/{sub.code}/#{person.anchor}")
    assert person.name in page.locator(f"tr#{person.anchor}").inner_text()
    phone.assert_clean()


def test_typing_a_village_name(phone, data_site, province):  # noqa: F811
    [district] = province.districts
    sub = district.subdistricts[1]
    village = sub.villages[0]
    page = phone.page
    page.goto(data_site.page_url(""))
    box = page.locator(".tn-village").get_by_role("searchbox", name="หรือพิมพ์ชื่อหมู่บ้าน")
    box.tap()
    # typed without "บ้าน", with เเ for แ where the name has แ
    box.fill(village.name.removeprefix("บ้าน").replace("แ", "เเ"))
    label = f"หมู่ที่ {village.moo} {village.name} ตำบล{sub.name} อำเภอ{district.name}"
    match = page.get_by_role("button", name=label, exact=True)
    match.first.wait_for()
    same_name = sum(1 for s in district.subdistricts for v in s.villages
                    if village.name.removeprefix("บ้าน") in v.name)
    assert page.locator(".tn-village__match").count() == same_name
    assert page.locator(".tn-village__status").inner_text().startswith(f"พบ {same_name} หมู่บ้าน")
    match.first.tap()
    page.locator(".tn-village-card h3", has_text=label).wait_for()
    # the focus moves to the card, so a screen reader reads it next
    page.wait_for_function("document.activeElement && document.activeElement.matches('.tn-village-card h3')")
    assert card_names(page, "อช. ประจำหมู่บ้าน") == [p.name for p in village.volunteers if p.serving]
    # the selects follow the choice
    assert page.locator("#tn-village-subdistrict").input_value() == sub.code
    assert page.locator("#tn-village-village").input_value() == str(village.moo)
    box.fill("ไม่มีหมู่บ้านชื่อนี้แน่นอน")
    page.locator(".tn-village__status", has_text="ไม่พบหมู่บ้านที่ตรงกัน").wait_for()
    phone.assert_clean()


def test_keyboard_and_screen_reader(page, data_site, province):  # noqa: F811
    """Tab and arrow keys alone reach a card; every control has a label; the status is a live region."""
    [district] = province.districts
    p = page.page
    p.goto(data_site.page_url(""))
    finder = p.get_by_role("region", name="อช. หมู่บ้านของฉัน")
    for name in ("อำเภอ", "ตำบล", "หมู่บ้าน"):
        assert finder.get_by_role("combobox", name=name, exact=True).count() == 1
    assert finder.get_by_role("searchbox", name="หรือพิมพ์ชื่อหมู่บ้าน").count() == 1
    status = p.locator(".tn-village__status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    finder.get_by_role("combobox", name="อำเภอ", exact=True).focus()
    p.keyboard.press("ArrowDown")                      # the first district
    p.wait_for_function("!document.querySelector('#tn-village-subdistrict').disabled")
    assert status.inner_text() == f"เลือกตำบลในอำเภอ{district.name} ({len(district.subdistricts)} ตำบล)"
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.id") == "tn-village-subdistrict"
    p.keyboard.press("ArrowDown")
    p.wait_for_function("!document.querySelector('#tn-village-village').disabled")
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.id") == "tn-village-village"
    p.keyboard.press("ArrowDown")
    sub = district.subdistricts[0]
    village = sub.villages[0]
    p.locator(".tn-village-card h3").wait_for()
    assert p.locator(".tn-village-card h3").inner_text() == (
        f"หมู่ที่ {village.moo} {village.name} ตำบล{sub.name} อำเภอ{district.name}")
    page.assert_clean()


def test_the_card_loads_only_its_district_file(phone, data_site, province):  # noqa: F811
    """Nothing is loaded before a choice; then the one district's file (the index only when typing)."""
    [district] = province.districts
    page = phone.page
    page.goto(data_site.page_url(""))
    page.wait_for_load_state("networkidle")
    assert not [u for u in phone.requests if "/assets/villages/" in u]
    Taps(page).choose("อำเภอ", district.code)
    page.wait_for_function("!document.querySelector('#tn-village-subdistrict').disabled")
    loaded = [urlsplit(u).path for u in phone.requests if "/assets/villages/" in u]
    assert loaded == [f"{SITE_PATH}assets/villages/{district.code}.json"]
    phone.assert_clean()


def test_the_card_shows_hostile_data_as_text(page, payload_site):  # noqa: F811
    """On the site whose free text holds script and markup payloads (test_payloads.py): a card,
    and the list of typed matches, make no element from them and run nothing."""
    site, _, _ = payload_site
    dialogs: list[str] = []
    p = page.page
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.goto(site.page_url(""))
    finder = p.locator(".tn-village")
    taps = Taps(p)
    taps.choose("อำเภอ", "4214")
    p.wait_for_function("document.querySelector('#tn-village-subdistrict').options.length > 1")
    p.select_option("#tn-village-subdistrict", index=1)
    p.wait_for_function("document.querySelector('#tn-village-village').options.length > 1")
    p.select_option("#tn-village-village", index=1)
    finder.locator(".tn-village-card").wait_for()
    finder.get_by_role("searchbox", name="หรือพิมพ์ชื่อหมู่บ้าน").fill("นา")
    finder.locator(".tn-village__match").first.wait_for()
    for selector in INJECTED:
        assert p.locator(selector).count() == 0, selector
    assert dialogs == []
    page.assert_clean()


# ---------------------------------------------------------------- issue 22 §1: finding my village


@pytest.fixture(scope="module")
def loei(loei_site):  # noqa: F811
    [loaded] = load_dataset(REPO / "data").provinces
    return loaded


def places(province):
    """(district, subdistrict, village) of every village, in the index's order."""
    return [(d, s, v) for d in province.districts for s in d.subdistricts or [] for v in s.villages]


def thai_digits(n: int) -> str:
    return "".join(chr(0x0E50 + int(c)) for c in str(n))


def shown(page, typed: str) -> tuple[list[str], list[str]]:
    """(group headings, match buttons' accessible names) once the list answers TYPED."""
    page.wait_for_function("(q) => document.querySelector('.tn-village__matches').dataset.query === q", arg=typed)
    return page.evaluate("""() => [
        [...document.querySelectorAll('.tn-village__place')].map(e => e.textContent),
        [...document.querySelectorAll('.tn-village__match')].map(b => b.getAttribute('aria-label'))]""")


def test_a_shared_village_name_with_its_place_in_any_order_finds_the_village(phone, loei_site, loei):  # noqa: F811
    """Issue 22 §1: a village name that many villages share, typed with its subdistrict, district or
    number, in any order, with or without บ้าน/ต./อ./หมู่ (and Thai digits), finds that village;
    every match is grouped under its subdistrict and district; a tap shows the card in view."""
    everywhere = places(loei)
    name, count = Counter(v.name.removeprefix("บ้าน") for _, _, v in everywhere).most_common(1)[0]
    assert count > 12, (name, count)          # the case that dead-ended: more than one screen of matches
    sharing = [(d, s, v) for d, s, v in everywhere if v.name.removeprefix("บ้าน") == name]
    d, s, v = sharing[len(sharing) // 2]
    page = phone.page
    page.goto(loei_site.page_url(""))
    box = page.locator(".tn-village").get_by_role("searchbox", name="หรือพิมพ์ชื่อหมู่บ้าน")
    label = f"หมู่ที่ {v.moo} {v.name} ตำบล{s.name} อำเภอ{d.name}"

    box.fill(name)
    groups, buttons = shown(page, name)
    named = [x for x in everywhere if name in x[2].name.removeprefix("บ้าน")]
    assert page.locator(".tn-village__status").inner_text().startswith(f"พบ {len(named)} หมู่บ้าน")
    expected_groups = []
    for dd, ss, _ in named[:40]:
        place = f"ตำบล{ss.name} อำเภอ{dd.name}"
        if not expected_groups or expected_groups[-1] != place:
            expected_groups.append(place)
    assert groups == expected_groups                   # grouped by district and subdistrict, in order

    for typed in (f"{name} {s.name}", f"{s.name} {name}", f"บ้าน{name} ต.{s.name}", f"{name} ตำบล{s.name} อ.{d.name}",
                  f"หมู่บ้าน{name} หมู่ {v.moo} อำเภอ{d.name}", f"{name} ม.{thai_digits(v.moo)} {s.name}",
                  f"ต.{s.name} บ้าน{name} หมู่ที่ {v.moo}"):
        box.fill(typed)
        groups, buttons = shown(page, typed)
        assert label in buttons, typed
        assert len(buttons) < count, (typed, len(buttons))     # the place narrowed it down
        if str(v.moo) in typed or thai_digits(v.moo) in typed:
            assert buttons == [label], typed

    page.get_by_role("button", name=label, exact=True).tap()
    heading = page.locator(".tn-village-card h3", has_text=label)
    heading.wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.matches('.tn-village-card h3')")
    header = page.locator("header.md-header").bounding_box()
    top = heading.bounding_box()["y"]
    assert header["y"] + header["height"] <= top < 740, top   # in view, below the sticky header
    phone.assert_clean()


def test_the_card_comes_into_view_after_the_dropdowns(phone, data_site, province):  # noqa: F811
    """Issue 22 §1: after the third choice the card, below the fold, is scrolled to and focused."""
    [district] = province.districts
    sub = district.subdistricts[-1]
    village = sub.villages[-1]
    page, _ = open_card(phone, data_site, district, sub, village)
    heading = page.locator(".tn-village-card h3")
    heading.wait_for()
    page.wait_for_function("document.activeElement && document.activeElement.matches('.tn-village-card h3')")
    box, header = heading.bounding_box(), page.locator("header.md-header").bounding_box()
    assert header["y"] + header["height"] <= box["y"] and box["y"] + box["height"] <= 740, box
    phone.assert_clean()
