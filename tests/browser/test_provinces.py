"""Issue 21 §4: several provinces in one repository, built as one site.

The data: the base Loei fixture plus a second, small province made by `thamniap sample`'s generator
(two districts of Mae Hong Son, fictional people), built with the real `mkdocs build --strict` and
served under /thamniap/. Expected values come from the model of the same data. A site of one
province is unchanged (its golden pages: tests/test_pages.py).
"""
from __future__ import annotations

import re
import shutil
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import REPO, SITE_PATH, BuiltSite, build_site, data_site_config, serve_site
from test_theme_search import search

from thamniap.build.generator import navigation
from thamniap.check.validate import load_dataset
from thamniap.derive.dashboard import summarise
from thamniap.devtools.sample import Scale, generate
from thamniap.render.site import province_path

import datetime as dt

TODAY = dt.date(2024, 2, 1)          # data_site_config builds for this day
SECOND = ("5801", "5802")            # the second province's districts (Mae Hong Son)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    work = tmp_path_factory.mktemp("provinces")
    root = work / "data"
    shutil.copytree(REPO / "tests/fixtures/base", root)
    generate(root, Scale((2, 3), (4, 5), ("58",)), only_districts=SECOND)
    # Home pages and guidelines link the circular's page, made only from a circular's text.
    for province in ("42-loei", "58-mae-hong-son"):
        shutil.copy(REPO / "data/42-loei/circular.txt", root / province / "circular.txt")
    return root


@pytest.fixture(scope="module")
def provinces(data):
    found = load_dataset(data)
    assert not any(d.is_error for d in found.diagnostics)
    assert [p.code for p in found.provinces] == ["42", "58"]
    return found.provinces


@pytest.fixture(scope="module")
def site(data) -> BuiltSite:
    work = data.parent
    site_dir = work / "site"
    log = build_site(data_site_config(work, data, "https://example.org/thamniap/"), site_dir)
    with serve_site(site_dir, log) as served:
        yield served


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_each_province_has_its_pages_and_downloads_under_its_own_folder(site, provinces):
    root = site.dir
    assert not (root / "districts").exists() and not (root / "dashboard").exists()
    for province in provinces:
        folder = root / province_path(province)
        for page in ("", "dashboard/", "downloads/", "people/", "province/", "report/", "submit/"):
            assert (folder / page / "index.html").is_file(), f"{province.code}: {page or 'home'} missing"
        for district in province.districts:
            assert (folder / "districts" / district.folder.name / "index.html").is_file()
            for sub in district.subdistricts:
                assert (folder / "districts" / district.folder.name / sub.code / "index.html").is_file()
        downloads = folder / "downloads" / province.folder.name
        assert any(downloads.glob("*.csv")), f"{province.code}: no CSV download"
        listed = (folder / "downloads" / "index.html").read_text(encoding="utf-8")
        assert all(district.name in listed for district in province.districts)


def test_every_link_of_every_page_leads_to_a_file_of_the_site(site):
    """District pages, chooser, menus, QR-free relative links: nothing points outside or nowhere."""
    root = site.dir
    broken = []
    for page in root.rglob("*.html"):
        rel = page.relative_to(root).as_posix()
        if rel == "404.html":          # absolute links from site_url, served from any depth
            continue
        for link in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            link = link.replace("&amp;", "&")
            if link.startswith(("#", "mailto:", "tel:", "data:")) or urlsplit(link).scheme:
                continue
            target = urlsplit(urljoin("http://site/" + rel, link))
            path = unquote(target.path).lstrip("/")
            file = root / path / "index.html" if path.endswith("/") or not path else root / path
            if not file.is_file():
                broken.append(f"{rel}: {link}")
    assert not broken, "broken links:\n" + "\n".join(broken[:30])


def test_home_page_chooses_a_province(site, provinces):
    html = (site.dir / "index.html").read_text(encoding="utf-8")
    chooser = html[html.index('class="tn-province-list"'):]
    chooser = chooser[:chooser.index("</nav>")]
    links = re.findall(r'<a href="([^"]+)">จังหวัด([^<]+)</a>', chooser)
    assert links == [(f"{province_path(p)}/", p.name) for p in provinces]
    for province in provinces:
        summary = summarise(province, TODAY)
        row = chooser[chooser.index(f">จังหวัด{province.name}<"):]
        row = _text(row[:row.index("</tr>")])
        assert f"{summary.district_count:,} {summary.villages:,} {summary.volunteers:,} {summary.leaders:,}" in row


def test_each_dashboard_and_home_count_only_their_province(site, provinces):
    for province in provinces:
        others = [d for p in provinces if p is not province for d in p.districts]
        dashboard = (site.dir / province_path(province) / "dashboard" / "index.html").read_text(encoding="utf-8")
        table = dashboard[dashboard.index('class="tn-dashboard"'):]
        table = table[:table.index("</table>")]
        linked = re.findall(r'href="\.\./districts/(\d{4})-', table)
        assert linked == [d.code for d in province.districts]
        assert not any(f"อำเภอ{d.name}<" in table for d in others)
        home = _text((site.dir / province_path(province) / "index.html").read_text(encoding="utf-8"))
        assert f"อช. {summarise(province, TODAY).volunteers:,}" in home


def test_menu_has_a_section_per_province():
    generated = ["index.md", "42-loei/index.md", "42-loei/dashboard/index.md", "42-loei/districts/4214-nong-hin/index.md",
                 "42-loei/districts/4214-nong-hin/421401/index.md", "58-mae-hong-son/index.md",
                 "58-mae-hong-son/districts/5801-mueang-mae-hong-son/index.md"]
    menu = navigation(generated, {"42-loei/districts/4214-nong-hin/index.md": "อำเภอหนองหิน"})
    assert menu[0] == {"หน้าแรก": "index.md"}
    loei, mae_hong_son = menu[1]["จังหวัดเลย"], menu[2]["จังหวัดแม่ฮ่องสอน"]
    assert {"หน้าแรก": "42-loei/index.md"} in loei
    assert {"อำเภอ": [{"อำเภอหนองหิน": "42-loei/districts/4214-nong-hin/index.md"}]} in loei
    assert {"อำเภอ": [{"districts/5801-mueang-mae-hong-son/index.md": "58-mae-hong-son/districts/5801-mueang-mae-hong-son/index.md"}]} \
        in mae_hong_son
    # the site's own pages (rules, setup …) are listed once, at the end, not per province
    assert menu[-1]["สำหรับเจ้าหน้าที่"][0] == {"กฎการตรวจข้อมูล": "rules.md"}
    assert navigation(["index.md", "districts/4214-nong-hin/index.md"], None)[0] == {"หน้าแรก": "index.md"}


def test_search_finds_a_person_of_the_second_province(page, site, provinces):
    second = provinces[1]
    district = second.districts[0]
    sub = next(s for s in district.subdistricts if any(v.volunteers for v in s.villages))
    person = next(v for village in sub.villages for v in village.volunteers)
    links = search(page, site, person.name)
    expected = f"/{province_path(second)}/districts/{district.folder.name}/{sub.code}/#{person.anchor}"
    assert expected in links, f"{person.name}: {links}"
    page.page.locator(f'[data-tn-search] a[data-tn-anchor="{person.anchor}"]').first.click()
    page.page.wait_for_url(re.compile(re.escape(SITE_PATH + expected.lstrip("/")) + "$"))
    page.assert_clean()
