"""Ready for Material's end of life (issue 23 §2): the site built by Zensical, the successor of
MkDocs + Material, on the hook-free path is the site MkDocs builds.

    thamniap pages DOCS --site-config CONFIG    (one config both generators read as written)
    zensical build -f CONFIG                    (helpers.zensical_build; once per session: zensical_site)
    thamniap index SITE

Compared with the session's MkDocs build (landed_site): the same pages, the same text and heading
ids in every page's content, the same links (none broken), the same downloads and page files. What
still differs is listed in docs/architecture.md ("ถ้าเปลี่ยนตัวสร้างเว็บไซต์"); THEME_ONLY pins it, so
a new difference fails here. Search, hostile data and the report page are driven in Chromium by
tests/browser/test_zensical_site.py.
"""
from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

import yaml
from helpers import BASE, REPO, files_of, run_cli
from lxml import html as lxml_html

from thamniap.build.generator import write_site_config

# Files each theme ships for itself (its bundle, stylesheets, source maps) and the compressed
# sitemap, which MkDocs writes and Zensical does not.
THEME_ONLY = re.compile(r"^assets/javascripts/(bundle\.[0-9a-f]+\.min\.js(\.map)?|LICENSE)$"
                        r"|^assets/stylesheets/((classic|modern)/)?(main|palette)\.[0-9a-f]+\.min\.css(\.map)?$"
                        r"|^sitemap\.xml\.gz$")


def content(page: Path):
    """The page's content, what Pagefind indexes (the element marked data-pagefind-body)."""
    tree = lxml_html.fromstring(page.read_bytes())
    found = tree.xpath("//*[@data-pagefind-body]")
    return found[0] if found else None


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def test_the_site_config_is_one_that_zensical_and_mkdocs_accept(tmp_path):
    """Zensical refuses an absolute docs_dir, a docs_dir outside the config's folder and an absolute
    custom_dir; MkDocs reads relative paths from the config's folder too. Zensical also turns its own
    search on unless told otherwise."""
    target = tmp_path / "build" / "mkdocs.yml"
    docs = tmp_path / "build" / "docs"
    docs.mkdir(parents=True)
    write_site_config(target, REPO / "mkdocs.yml", docs, [])
    config = yaml.load(target.read_text(encoding="utf-8"), Loader=yaml.Loader)
    assert config["docs_dir"] == "docs"
    custom = config["theme"]["custom_dir"]
    assert not os.path.isabs(custom) and (target.parent / custom).resolve() == (REPO / "overrides").resolve()
    assert {"search": {"enabled": False}} in config["plugins"] and "hooks" not in config
    assert not [v for v in (config["docs_dir"], custom) if "\\" in v]


def test_pages_outside_the_config_folder_are_refused_before_anything_is_written(tmp_path):
    """A docs_dir beside the config's folder would build with MkDocs and not with Zensical."""
    code, _, stderr = run_cli("pages", str(tmp_path / "docs"), "--data", str(BASE), "--today", "2024-02-01",
                              "--site-config", str(tmp_path / "build" / "mkdocs.yml"))
    assert code == 2 and "ต้องอยู่ในโฟลเดอร์ของไฟล์ตั้งค่า" in stderr
    assert not (tmp_path / "docs").exists() and not (tmp_path / "build").exists()


def test_zensical_builds_every_page_and_file_mkdocs_builds(landed_site, zensical_site):
    mkdocs, zensical = files_of(landed_site), files_of(zensical_site)
    assert sorted(f for f in mkdocs ^ zensical if not f.startswith("pagefind/") and not THEME_ONLY.match(f)) == []
    pages = sorted(f for f in mkdocs if f.endswith(".html"))
    assert len([f for f in pages if f.startswith("districts/") and f.count("/") == 2]) == 14
    # downloads, QR codes, pictures, scripts and styles of the site: the same bytes
    ours = [f for f in mkdocs & zensical if not f.endswith((".html", ".xml")) and not f.startswith("pagefind/")]
    assert len(ours) > 100
    assert [f for f in sorted(ours) if (landed_site / f).read_bytes() != (zensical_site / f).read_bytes()] == []
    # the search index: the same pages and sections of names (its hashed file names differ with the HTML)
    assert len([f for f in zensical if f.startswith("pagefind/fragment/")]) == \
        len([f for f in mkdocs if f.startswith("pagefind/fragment/")])
    assert not (zensical_site / "search.json").exists()   # Zensical's own search: off, its file removed


def test_every_page_reads_the_same_with_the_same_thai_heading_ids(landed_site, zensical_site):
    pages = sorted(f for f in files_of(landed_site) if f.endswith(".html"))
    different_text, different_ids = [], []
    for rel in pages:
        ours, theirs = content(landed_site / rel), content(zensical_site / rel)
        if ours is None:            # the 404 page is not indexed, by either
            assert theirs is None, rel
            continue
        if text_of(ours) != text_of(theirs):
            different_text.append(rel)
        if ours.xpath(".//@id") != theirs.xpath(".//@id"):
            different_ids.append(rel)
    assert different_text == [] and different_ids == []
    headings = content(zensical_site / "architecture/index.html").xpath(".//h1/@id | .//h2/@id")
    assert "โครงสร้างโปรแกรม-architecture" in headings      # thai_slugify, read by Zensical from the config


def test_every_page_has_the_same_title_description_and_link_preview(landed_site, zensical_site):
    """What a browser tab, a search engine and a chat app show: printed as given by both templates
    (overrides/main.html), the home page named once."""
    head = "//head/title/text() | //head/meta[@name='description']/@content | //head/meta[starts-with(@property, 'og:')]/@content"
    different = []
    for rel in sorted(f for f in files_of(landed_site) if f.endswith(".html")):
        ours = lxml_html.fromstring((landed_site / rel).read_bytes()).xpath(head)
        if ours != lxml_html.fromstring((zensical_site / rel).read_bytes()).xpath(head):
            different.append(rel)
    assert different == []
    home = lxml_html.fromstring((zensical_site / "index.html").read_bytes())
    assert home.xpath("//head/title/text()") == ["ทำเนียบ อช. จังหวัดเลย"]


def test_every_page_defers_the_same_scripts(landed_site, zensical_site):
    """overrides/main.html adds `defer` to the tags each theme writes itself (its bundle, the
    extra_javascript): both builds load every script file deferred, ours in the same order."""
    for site in (landed_site, zensical_site):
        for rel in sorted(f for f in files_of(site) if f.endswith(".html")):
            scripts = lxml_html.fromstring((site / rel).read_bytes()).xpath("//script[@src]")
            assert scripts and all(s.get("defer") is not None for s in scripts), (site, rel)
    for rel in ("index.html", "report/4201-mueang-loei/index.html"):
        ours, theirs = ([os.path.normpath(s.get("src")) for s in lxml_html.fromstring((site / rel).read_bytes()).xpath("//script[@src]")
                         if "bundle." not in s.get("src")] for site in (landed_site, zensical_site))
        assert ours == theirs, rel


def _target(site: Path, page: str, href: str) -> Path:
    """The file HREF (relative, in PAGE's content) names in SITE, as a browser resolves it."""
    path = PurePosixPath(page).parent / href.split("#")[0].split("?")[0]
    resolved = Path(os.path.normpath(site / path))
    return resolved / "index.html" if href.split("#")[0].endswith("/") else resolved


def _links(site: Path) -> dict[str, list[str]]:
    """Every page's relative links and pictures (in its content, in order), by page."""
    links = {}
    for rel in sorted(f for f in files_of(site) if f.endswith(".html")):
        body = content(site / rel)
        if body is not None:
            links[rel] = [href for href in body.xpath(".//a/@href | .//img/@src")
                          if not href.startswith(("#", "http:", "https:", "mailto:", "tel:", "data:", "/"))
                          and href.split("#")[0]]
    return links


def _broken_links(site: Path) -> dict[str, list[str]]:
    broken: dict[str, list[str]] = {}
    for rel, hrefs in _links(site).items():
        for href in hrefs:
            target = _target(site, rel, href)
            if site.resolve() not in target.resolve().parents or not target.is_file():
                broken.setdefault(rel, []).append(href)
    return broken


def test_every_page_has_the_same_links_and_none_is_broken(landed_site, zensical_site):
    """Zensical resolves every relative link of a page, raw HTML included, from the page's source
    file, where MkDocs leaves raw HTML as written (read from the page's address): the generator writes
    each page as <address>/index.md (render/front_matter.page_file), so the two are one folder and
    every link means the same to both. Checked on every page: the generated ones (districts,
    subdistricts, report pages, circulars, downloads …) and the ones written by hand in docs/."""
    ours, theirs = _links(landed_site), _links(zensical_site)
    assert sorted(ours) == sorted(theirs)
    assert [rel for rel in ours if ours[rel] != theirs[rel]] == []
    assert _broken_links(landed_site) == {} and _broken_links(zensical_site) == {}
    # the links were looked at: district, subdistrict and report pages, QR codes and downloads among them
    district = theirs["districts/4201-mueang-loei/index.html"]
    assert "../../assets/qr/4201.svg" in district and "../../report/4201-mueang-loei/" in district
    assert any(href.startswith("../../downloads/") for href in district)
    assert "../../districts/4201-mueang-loei/420101/" in district
    assert sum(len(hrefs) for hrefs in theirs.values()) > 1500


def test_the_404_page_leads_home_and_to_the_people_finder_in_both_builds(landed_site, zensical_site):
    """overrides/404.html finds the people finder by its address: Zensical's menu items carry no
    source file, so a test on the file found nothing there."""
    for site in (landed_site, zensical_site):
        page = lxml_html.fromstring((site / "404.html").read_bytes())
        assert page.xpath("//a[@class='tn-404-people']/@href") == ["/thamniap/people/"], site
        assert [href.rstrip("/") for href in page.xpath("//a[@class='tn-404-home']/@href")] == ["/thamniap"], site
