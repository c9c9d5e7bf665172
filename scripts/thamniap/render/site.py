"""Every generated page and asset of one province's site, as {path in the site: content}.

Rendering reads nothing but the model, the site settings and plain values (the downloads as
written, the change histories) and writes nothing: thamniap.build.publish writes what it returns.
It comes in two parts so the build can write the first while the downloads and the history are
still being made: `province_pages` (needs neither) and `district_pages` (the downloads page and the
district pages, which list the downloads and show the history).

Every page but the home page is written as <address>/index.md (front_matter.page_file), so its file
sits where its address is and its relative links read the same from either (MkDocs, Zensical).
"""
from __future__ import annotations

import re

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from urllib.parse import urljoin

import yaml

from thamniap.render import charts
from thamniap.core import geography
from thamniap.core.dates import thai_date
from thamniap.derive.dashboard import Status, summarise
from thamniap.render.exports import DOWNLOADS, JSON_SHAPE_TH, Export
from thamniap.render.spreadsheet.template import FORM_KIND
from thamniap.render.history import history_markdown
from thamniap.render.opendata import opendata_files
from thamniap.model import District, Province, rounds
from thamniap.render import texts
from thamniap.intake.circular import parse_letter
from thamniap.render.circular import letter_html
from thamniap.load.layout import ROSTER_DIR
from thamniap.render.district import (RosterLinks, appointment_rows, district_page, office_phone, person_pages, phone_note,
                                      subdistrict_page, subdistrict_rel)
from thamniap.render.front_matter import escape_front_matter, front_matter, page_file
from thamniap.render.markup import CARDS, SAMPLE_NOTICE, badge, h, json_data, link, map_url, md, phone_display, table, tel_url
from thamniap.render.orgchart import org_chart
from thamniap.render.qr import qr_svg
from thamniap.render import reportpage
from thamniap.render import reminders
from thamniap.render.roundreport import round_report_page, round_report_rel
from thamniap.render.calendar import calendar_rel, rounds_calendar
from thamniap.render.villages import village_files, village_finder


@dataclass(frozen=True)
class SiteSettings:
    """Addresses and options, read from mkdocs.yml (the one place they are written)."""
    site_url: str
    repo_url: str
    edit_uri: str
    docs_dir: str = "docs"
    use_directory_urls: bool = True
    # True when no MkDocs hook will escape titles and meta for the templates (a build without
    # hooks): the pages' front matter is written escaped instead (render.front_matter).
    escape_front_matter: bool = False
    # The folder one province's pages live in when the site holds several ("42-loei/"), "" when it
    # holds one: pages link to the site's own pages (the rules) through it (site_root_link).
    province_path: str = ""

    @classmethod
    def from_mkdocs(cls, config: dict) -> "SiteSettings":
        return cls(site_url=config.get("site_url") or "", repo_url=config.get("repo_url") or "",
                   edit_uri=config.get("edit_uri") or "edit/main/", docs_dir=Path(str(config.get("docs_dir") or "docs")).name,
                   use_directory_urls=config.get("use_directory_urls", True))

    @classmethod
    def from_file(cls, path: Path) -> "SiteSettings":
        return cls.from_mkdocs(yaml.safe_load(path.read_text(encoding="utf-8")))

    @property
    def organisation(self) -> str | None:
        """The GitHub organisation (owner) in repo_url: `loei-cdd` of https://github.com/loei-cdd/thamniap."""
        found = re.match(r"https://github\.com/([^/]+)/", self.repo_url.rstrip("/") + "/")
        return found[1] if found else None

    def under(self, path: str) -> "SiteSettings":
        """The settings of one province's pages, kept under PATH (its folder) of a site of several."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return replace(self, site_url=f"{base}{path}/", province_path=f"{self.province_path}{path}/")

    def page_url(self, rel_md: str) -> str:
        """Absolute URL of a generated page (for QR codes)."""
        stem = rel_md[:-3]
        if stem == "index":
            path = ""
        elif stem.endswith("/index"):
            path = stem[:-5]
        else:
            path = stem + "/" if self.use_directory_urls else stem + ".html"
        return urljoin(self.site_url if self.site_url.endswith("/") else self.site_url + "/", path)

    def edit_url(self, repo_path: str) -> str:
        """GitHub web-editor URL of a repository file, from repo_url + edit_uri (which points into docs_dir)."""
        base = urljoin(self.repo_url.rstrip("/") + "/", self.edit_uri)
        suffix = self.docs_dir.strip("/") + "/"
        if base.endswith("/" + suffix):
            base = base[: -len(suffix)]
        return urljoin(base if base.endswith("/") else base + "/", repo_path)

    def view_url(self, repo_path: str, kind: str = "blob") -> str:
        """GitHub's page of a repository file (KIND blob) or folder (tree), on the branch edit_uri names."""
        edit = self.edit_url(repo_path)
        marker = "/edit/"
        return edit.replace(marker, f"/{kind}/", 1) if marker in edit else edit


# The fixed pages' files (build/generator.py's menu names them too).
HOME = "index.md"
PROVINCE = page_file("province")
DASHBOARD = page_file("dashboard")
PEOPLE = page_file("people")
CIRCULAR = page_file("circular")
GUIDELINES = page_file("guidelines")
SUBMIT = page_file("submit")
PRIVACY = page_file("privacy")
DOWNLOADS_PAGE = page_file("downloads")
CHOOSER = page_file("report")


def district_rel(district: District) -> str:
    return page_file(f"districts/{district.folder.name}")


def _rel_link(from_md: str, to_path: str, settings: SiteSettings) -> str:
    """Relative link from a generated page to a site file, as the built HTML sees it."""
    depth = from_md.count("/") + (1 if settings.use_directory_urls and not from_md.endswith("index.md") else 0)
    return "../" * depth + to_path


def site_root_link(from_md: str, to_path: str, settings: SiteSettings) -> str:
    """Relative link from a generated page to a page of the whole site (one not made per province,
    such as rules/), wherever the province's pages live (settings.province_path)."""
    return "../" * settings.province_path.count("/") + _rel_link(from_md, to_path, settings)


def _page_link(from_md: str, to_md: str, settings: SiteSettings) -> str:
    """Relative link from one generated page to another, as the built HTML sees them."""
    stem = to_md[:-3]
    if stem == "index" or stem.endswith("/index"):
        target = stem[:-len("index")] if settings.use_directory_urls else stem + ".html"
    else:
        target = stem + "/" if settings.use_directory_urls else stem + ".html"
    return _rel_link(from_md, target, settings)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} ไบต์"


def province_pages(province: Province, settings: SiteSettings, today: dt.date,
                   circular_texts: dict[str, str]) -> dict[str, str]:
    """The pages and assets that need neither the downloads nor the change history.

    CIRCULAR_TEXTS: the circulars' texts in the province folder, by file name."""
    pages: dict[str, str] = {}
    summary = summarise(province, today)
    for district in province.districts:
        pages[f"assets/qr/{district.code}.svg"] = qr_svg(settings.page_url(district_rel(district)))
        pages[f"assets/people/{district.code}.json"] = people_json(district)
    pages.update(village_files(province))
    pages.update(report_pages(province, settings, today))
    pages["assets/qr/circular.svg"] = qr_svg(settings.page_url(CHOOSER))
    pages[HOME] = home_page(province, summary, settings)
    pages[PROVINCE] = province_page(province, summary.deadline)
    pages[calendar_rel(province)] = rounds_calendar(province, settings.page_url(CHOOSER))
    pages[DASHBOARD] = dashboard_page(province, summary, settings)
    pages[PEOPLE] = people_page(province)
    pages.update(circular_pages(province, settings, today, circular_texts))
    pages[GUIDELINES] = front_matter("แนวทางการดำเนินงาน") + texts.guidelines(
        province, today, site_root_link(GUIDELINES, "rules/", settings))
    pages[SUBMIT] = front_matter("วิธีส่งข้อมูล") + texts.how_to_submit(province, settings.repo_url,
                                                                          site_root_link(SUBMIT, "rules/", settings))
    pages[PRIVACY] = front_matter("การคุ้มครองข้อมูลส่วนบุคคล") + texts.privacy(province, settings.repo_url)
    return _finished(pages, settings)



def circular_pages(province: Province, settings: SiteSettings, today: dt.date,
                   circular_texts: dict[str, str]) -> dict[str, str]:
    """circular/: the current round's circular with its QR code (model/rounds.current_circular), and
    circulars/<round id>/: each earlier round's circular, as it was, on its own page."""
    pages: dict[str, str] = {}
    shown = rounds.current_circular(province, today)
    text_file = shown[1].text_file if shown else "circular.txt"
    if text_file not in circular_texts:
        return pages
    earlier = [(rnd, c) for rnd, c in rounds.earlier_circulars(province, today) if c.text_file in circular_texts]
    for rnd, c in earlier:
        rel = page_file(f"circulars/{rnd.id}")
        pages[rel] = (front_matter(f"หนังสือเวียน ที่ {c.number}") +
                      texts.earlier_circular_intro(rnd, c, _page_link(rel, CIRCULAR, settings)) +
                      letter_html(parse_letter(circular_texts[c.text_file]), "") + "\n")
    qr = (f'<img class="tn-qr" src="assets/qr/circular.svg" alt="QR code ไปยังหน้ารายงานข้อมูลชมรม: '
          f'{h(settings.page_url(CHOOSER))}" width="140" height="140">'
          '<p class="tn-letter__qr-caption">สแกนเพื่อรายงานข้อมูลชมรม (เลือกอำเภอ)</p>')
    qr = qr.replace('src="assets/', f'src="{_rel_link(CIRCULAR, "assets/", settings)}')
    links = [(_page_link(CIRCULAR, page_file(f"circulars/{rnd.id}"), settings), rnd, c) for rnd, c in earlier]
    pages[CIRCULAR] = (front_matter("หนังสือเวียน") + texts.circular_intro(shown[0] if shown else None, links,
                                                                  _chooser_link(CIRCULAR, settings)) +
                            letter_html(parse_letter(circular_texts[text_file]), qr) + "\n")
    return pages


def _chooser_link(from_md: str, settings: SiteSettings) -> str:
    """Relative link to the report pages' district chooser, where the circular's QR code leads."""
    return _page_link(from_md, CHOOSER, settings)


def report_pages(province: Province, settings: SiteSettings, today: dt.date) -> dict[str, str]:
    """The report pages (render/reportpage.py): the chooser of districts the circular's QR code leads
    to, and per district its page, its data for the page's script and the page's own QR code."""
    pages: dict[str, str] = {}
    links = []
    for district in province.districts:
        rel = reportpage.report_rel(district)
        links.append((district, _page_link(CHOOSER, rel, settings)))
        district_link = _page_link(rel, district_rel(district), settings)
        pages[reportpage.json_rel(district)] = reportpage.report_json(province, district, settings.repo_url, district_link, today)
        pages[f"assets/qr/report-{district.code}.svg"] = qr_svg(settings.page_url(rel))
        pages[rel] = front_matter(f"รายงานข้อมูลชมรม อำเภอ{district.name}", f"รายงานข้อมูลชมรมผู้นำ อช. อำเภอ{district.name} แทนแบบฟอร์ม QR",
                                 scripts=("report",)) + \
            reportpage.report_page(province, district, today, _rel_link(rel, reportpage.json_rel(district), settings), district_link,
                                   _chooser_link(rel, settings),
                                   _rel_link(rel, f"assets/qr/report-{district.code}.svg", settings), settings.page_url(rel),
                                   settings.repo_url)
    pages[CHOOSER] = front_matter("รายงานข้อมูลชมรม") + reportpage.chooser_page(province, links)
    return pages


def district_pages(province: Province, settings: SiteSettings, today: dt.date, repo_root: Path,
                   exports: list[Export], histories: dict[Path, list | None]) -> dict[str, str]:
    """The downloads page and one page per district, from the downloads as written (EXPORTS) and each
    district folder's change history (None when the data is not in a git checkout).

    REPO_ROOT: edit links name a district's files by their path from there."""
    pages = {DOWNLOADS_PAGE: downloads_page(province, exports)}
    pages |= opendata_files(province, exports, histories, settings.site_url, settings.repo_url)
    summary = summarise(province, today)
    statuses = {row.code: row for row in summary.districts}
    commit_url = settings.repo_url.rstrip("/") + "/commit/" if settings.repo_url else None
    current = rounds.current_round(province, today)
    round_list = ([current] if current else []) + rounds.past_rounds(province, today)
    for district in province.districts:
        rel = district_rel(district)
        url = settings.page_url(rel)
        repo_folder = district.folder.relative_to(repo_root).as_posix() if repo_root in district.folder.parents else district.folder.name
        edit_urls = {label: settings.edit_url(f"{repo_folder}/{name}") for label, name in
                     (("คณะกรรมการชมรม", "club.yaml"), ("สำนักงาน/เจ้าหน้าที่", "district.yaml"),
                      ("ผู้แทนเข้าประชุม", "meeting.yaml"))}
        edit_urls["รายชื่อ อช./ผู้นำ อช. (ไฟล์รายตำบล)"] = settings.view_url(f"{repo_folder}/{ROSTER_DIR}", "tree")
        roster_files = {sub.code: roster_links(settings, repo_folder, sub) for sub in district.subdistricts or []}
        downloads = [(_rel_link(rel, e.rel, settings), e.title_th, _size(e.size)) for e in exports
                     if e.scope == district.code and e.kind != FORM_KIND]
        submit = _page_link(rel, SUBMIT, settings) + "#excel"
        form = next(((_rel_link(rel, e.rel, settings), _size(e.size), submit) for e in exports
                     if e.scope == district.code and e.kind == FORM_KIND), None)
        status = statuses.get(district.code)
        standings = [rounds.standing(district.club, rnd, today) for rnd in round_list] if district.club else []
        page = district_page(province, district, status, edit_urls,
                             _rel_link(rel, f"assets/qr/{district.code}.svg", settings), downloads, url,
                             history_markdown(histories[district.folder], commit_url), form=form,
                             roster_files=roster_files, rounds=standings,
                             sub_links={sub.code: _page_link(rel, subdistrict_rel(district, sub), settings)
                                        for sub in district.subdistricts or []},
                             people_json=_rel_link(rel, f"assets/people/{district.code}.json", settings),
                             report=(_page_link(rel, reportpage.report_rel(district), settings),
                                     _rel_link(rel, f"assets/qr/report-{district.code}.svg", settings)),
                             calendar=_rel_link(rel, calendar_rel(province), settings),
                             prints={rnd.id: _page_link(rel, round_report_rel(district, rnd), settings) for rnd in round_list})
        for rnd in round_list:
            pages[round_report_rel(district, rnd)] = (
                front_matter(f"รายงานโครงสร้างชมรม อำเภอ{district.name} รอบ {rnd.id} (ฉบับพิมพ์)",
                             f"เอกสารแนบหนังสือรายงานจังหวัด อำเภอ{district.name}: คณะกรรมการชมรม การยืนยัน และผู้แทนเข้าประชุม")
                + round_report_page(province, district, rnd, today))
        for sub in district.subdistricts or []:
            sub_rel = subdistrict_rel(district, sub)
            pages[sub_rel] = (front_matter(f"ตำบล{sub.name} อำเภอ{district.name}",
                                           f"อช. รายหมู่บ้าน ตำบล{sub.name} อำเภอ{district.name} จังหวัด{province.name}")
                              + subdistrict_page(province, district, sub, _page_link(sub_rel, rel, settings),
                                                 roster_files.get(sub.code)))
        pages[rel] = front_matter(f"อำเภอ{district.name}", f"ชมรมและทำเนียบ อช. อำเภอ{district.name} จังหวัด{province.name}") + page
    return _finished(pages, settings)


def roster_links(settings: SiteSettings, repo_folder: str, sub) -> RosterLinks:
    """Where an editor changes SUB's roster file (roster/<code>-<slug>.yaml of REPO_FOLDER) on GitHub."""
    rel = f"{ROSTER_DIR}/{PurePath(sub.file).name}"
    return RosterLinks(settings.edit_url(f"{repo_folder}/{rel}"), settings.view_url(f"{repo_folder}/{rel}"), rel)


def _finished(pages: dict[str, str], settings: SiteSettings) -> dict[str, str]:
    if not settings.escape_front_matter:
        return pages
    return {rel: escape_front_matter(text) if rel.endswith(".md") else text for rel, text in pages.items()}


def inline_svg(svg: str) -> str:
    """A chart inside the page (so it uses the page's Sarabun font); one raw HTML block, no blank lines."""
    body = "\n".join(line for line in svg.splitlines() if line.strip() and not line.startswith("<?xml"))
    return f'<div class="tn-chart">\n{body}\n</div>'


def people_json(district: District) -> str:
    """The people finder's records for one district: public fields only (name, role, area, post)."""
    posts = district.club.posts_by_holder() if district.club else {}
    records = []
    for sub in district.subdistricts or []:
        for person in sub.leaders:
            records.append({"id": person.id, "n": person.name, "r": "ผู้นำ อช.", "s": sub.name, "sc": sub.code,
                            "v": "", "p": posts.get(person.id, [])})
        for village in sub.villages:
            for person in village.volunteers:
                records.append({"id": person.id, "n": person.name, "r": "อช.", "s": sub.name, "sc": sub.code,
                                "v": f"หมู่ที่ {village.moo} {village.name}", "p": posts.get(person.id, [])})
    # page: the district's (its leaders); pages: each subdistrict's, where its village volunteers are
    pages = {sub.code: f"../../districts/{district.folder.name}/{sub.code}/" for sub in district.subdistricts or []}
    return json_data({"district": district.code, "name": district.name, "sample": district.sample,
                      "page": f"../../districts/{district.folder.name}/", "pages": pages, "people": records})


def home_page(province: Province, summary, settings: SiteSettings) -> str:
    rows = [["อำเภอ", f"{summary.district_count:,}"], ["ตำบล", f"{summary.subdistricts:,}"],
            ["หมู่บ้านที่มีข้อมูล", f"{summary.villages:,}"], ["อช.", f"{summary.volunteers:,}"],
            ["ผู้นำ อช.", f"{summary.leaders:,}"], ["ชมรมระดับอำเภอ", f"{summary.clubs:,}"]]
    status = [[h(s.thai), str(n)] for s, n in summary.status_counts]
    # The header already shows the site's name ("ทำเนียบ อช. จังหวัดเลย"): the heading says what the
    # page offers instead of repeating it right below (issue 13 §7).
    out = [front_matter(f"ทำเนียบ อช. จังหวัด{province.name}",
                  f"ทำเนียบอาสาพัฒนาชุมชน ผู้นำ อช. และชมรมผู้นำ อช. จังหวัด{province.name}", scripts=("people",)),
           f"# อช. และผู้นำ อช. ทุกหมู่บ้าน จังหวัด{md(province.name)}", ""]
    if summary.sample:
        out += [SAMPLE_NOTICE, ""]
    out += [village_finder(province), "", texts.home_intro(province, summary.today), "",
            "## ตัวเลขทั้งจังหวัด", "", table(["รายการ", "จำนวน"], rows, cls="tn-kv"), "",
            "## สถานะการรายงานโครงสร้างชมรม", "",
            f"<p>กำหนดส่ง {h(thai_date(summary.deadline))} — ดูรายละเอียดรายอำเภอที่ <a href=\"dashboard/\">สถานะการรายงาน</a></p>",
            table(["สถานะ", "จำนวนอำเภอ"], status, cls="tn-kv"), "",
            inline_svg(charts.status_bar(summary)), "",
            "## อำเภอ", "", '<ul class="tn-district-list">']
    out += [f'<li><a href="districts/{h(d.folder.name)}/">อำเภอ{h(d.name)}</a></li>' for d in province.districts]
    out += ["</ul>", "", texts.home_links(), ""]
    return "\n".join(out)


def province_path(province: Province) -> str:
    """The folder of a province's pages in a site of several provinces: its data folder's name (42-loei)."""
    return province.folder.name


def provinces_pages(provinces: list[Province], settings: SiteSettings, today: dt.date) -> dict[str, str]:
    """The home page of a site of several provinces: each province, its figures and a link to its
    pages (province_path). A site of one province has that province's home page instead."""
    rows = []
    summaries = [summarise(province, today) for province in provinces]
    for province, summary in zip(provinces, summaries):
        target = _page_link(HOME, page_file(province_path(province)), settings)
        rows.append([f'<a href="{h(target)}">จังหวัด{h(province.name)}</a>' + (" " + badge("ข้อมูลตัวอย่าง", "stale")
                                                                              if summary.sample else ""),
                     f"{summary.district_count:,}", f"{summary.villages:,}", f"{summary.volunteers:,}",
                     f"{summary.leaders:,}"])
    out = [front_matter("ทำเนียบ อช.", "ทำเนียบอาสาพัฒนาชุมชน ผู้นำ อช. และชมรมผู้นำ อช. รายจังหวัด"),
           "# ทำเนียบ อช. รายจังหวัด", ""]
    if any(summary.sample for summary in summaries):
        out += [SAMPLE_NOTICE, ""]
    out += ["<p>เลือกจังหวัดเพื่อดู อช. และผู้นำ อช. ทุกหมู่บ้าน ชมรมผู้นำ อช. สถานะการรายงาน และไฟล์ดาวน์โหลดของจังหวัดนั้น "
            "หรือพิมพ์ชื่อในช่องค้นหาด้านบนเพื่อค้นทุกจังหวัด</p>", "",
            '<nav class="tn-province-list" aria-label="เลือกจังหวัด">',
            table(["จังหวัด", "อำเภอ", "หมู่บ้านที่มีข้อมูล", "อช.", "ผู้นำ อช."], rows, cls="tn-kv"), "</nav>", ""]
    return _finished({HOME: "\n".join(out)}, settings)


def province_page(province: Province, deadline: dt.date | None = None) -> str:
    """The province office and the provincial association: its details, appointment order and latest
    confirmation (as district pages show a club's, render.district.appointment_rows) and org chart."""
    out = [front_matter(f"จังหวัด{province.name}"), f"# สำนักงานและสมาคม/ชมรมระดับจังหวัด{md(province.name)}", ""]
    if province.club and province.club.sample:
        out += [SAMPLE_NOTICE, ""]
    office = province.office
    if office:
        rows = [["หน่วยงาน", h(office.name)]]
        if office.unit:
            rows.append(["กลุ่มงาน", h(office.unit)])
        if office.address:
            rows.append(["ที่ตั้ง", h(office.address)])
        if office.hours:
            rows.append(["เวลาทำการ", h(office.hours)])
        if office.phone:
            rows.append(["โทรศัพท์", link(tel_url(office.phone), phone_display(office.phone))])
        if map_url(office.location):
            rows.append(["แผนที่", link(map_url(office.location), f"OpenStreetMap ({office.location})")])
        out += ["## สำนักงาน", "", table(["รายการ", "ข้อมูล"], rows, cls="tn-kv"), ""]
    out += district_offices(province)
    club = province.club
    if club:
        index = province.person_index()
        district_of = {d.code: d for d in province.districts}
        on_page = {pid: (d, code) for d in province.districts for pid, code in person_pages(d).items()}

        def href(person):
            d = district_of.get(person.district_code)
            if person.id in on_page:
                d, code = on_page[person.id]
                return f"../districts/{d.folder.name}/{code}/#{person.anchor}"
            return f"../districts/{d.folder.name}/#{person.anchor}" if d else "#"
        rows = [["ชื่อ", h(club.name)], ["ประเภท", h(club.kind)]]
        if club.registration_no:
            rows.append(["เลขทะเบียน", h(club.registration_no)])
        rows.append(["วาระ", f"{h(thai_date(club.term_start))} – {h(thai_date(club.term_end))}"])
        rows += appointment_rows(club, deadline)
        out += [f"## {md(club.name)}", "", table(["รายการ", "ข้อมูล"], rows, cls="tn-kv"), "",
                "### แผนผังคณะกรรมการ", "", org_chart(club, index, href), ""]
    return "\n".join(out)


def district_offices(province: Province) -> list[str]:
    """Every district's community development office: address, hours, phone (the province office's,
    labelled, where the district has none of its own) and map link."""
    rows = []
    for district in province.districts:
        office = district.office
        if office is None:
            continue
        place = "<br>".join(h(part) for part in (office.address, office.hours and f"เวลาทำการ: {office.hours}") if part)
        phone = office_phone(province, district)
        if phone:
            number, own = phone
            call = link(tel_url(number), phone_display(number)) + ("" if own else f"<br>{phone_note(province)}")
        else:
            call = "-"
        osm = map_url(office.location)
        rows.append([f'<a href="../districts/{h(district.folder.name)}/">อำเภอ{h(district.name)}</a>', h(office.name),
                     place or "-", call, link(osm, "OpenStreetMap") if osm else "-"])
    if not rows:
        return []
    return ["## สำนักงานพัฒนาชุมชนอำเภอ {#district-offices}", "",
            table(["อำเภอ", "หน่วยงาน", "ที่ตั้งและเวลาทำการ", "โทรศัพท์", "แผนที่"], rows, cls="tn-offices"), ""]


def dashboard_page(province: Province, summary, settings: SiteSettings | None = None) -> str:
    """The dashboard: the current round, who has not reported (waiting_section), then the per-district
    cards, past rounds and charts. SETTINGS: the site's addresses (for the reminders' absolute links)."""
    settings = settings or SiteSettings(site_url="", repo_url="", edit_uri="edit/main/")
    out = [front_matter("สถานะการรายงาน", hide_toc=True), "# สถานะการรายงาน", ""]
    if summary.sample:
        out += [SAMPLE_NOTICE, ""]
    opens = f"เปิด {h(thai_date(summary.round_opens))} " if summary.round_opens else ""
    calendar = _rel_link(DASHBOARD, calendar_rel(province), settings)
    out += [f"<p>รอบปัจจุบัน: {h(summary.round_title or '-')} ({h(summary.round_id or '-')}) — {opens}"
            f"กำหนดส่ง <strong>{h(thai_date(summary.deadline))}</strong> "
            f"(ข้อมูล ณ วันที่ {h(thai_date(summary.today))}) "
            f'<a href="{h(calendar)}">เพิ่มกำหนดส่งและวันประชุมลงปฏิทินในโทรศัพท์</a></p>', ""]
    out += waiting_section(province, summary, settings)
    out += [inline_svg(charts.status_bar(summary)), "",
            "<p>อำเภอที่ยังไม่ยืนยันในรอบนี้ถือว่าข้อมูลไม่เป็นปัจจุบัน แม้จะยืนยันในรอบก่อนแล้ว</p>", ""]
    rows = []
    for row in summary.districts:
        if row.status is Status.LATE:
            state = badge(f"ส่งล่าช้า {row.days_late} วัน", "late")
        elif row.status is Status.ON_TIME:
            state = badge("ส่งทันกำหนด", "ok")
        else:
            state = badge("ยังไม่ส่ง", "overdue")
        if row.stale:
            state += " " + badge("ไม่เป็นปัจจุบัน", "stale")
        pct = lambda v: "-" if v is None else f"{v}%"
        rows.append([_district_link(row), state,
                     h(thai_date(row.confirmed_on, short=True)) if row.confirmed_on else "-",
                     f"{row.villages_with_4}/{row.villages} ({pct(row.pct_villages_with_4)})",
                     f"{row.villages_balanced}/{row.villages}",
                     f"{row.subdistricts_with_2_leaders}/{row.subdistricts}",
                     f"{row.posts_filled}/{row.posts_total}" + (f"<br>ว่าง: {h(', '.join(row.posts_vacant))}" if row.posts_vacant else ""),
                     str(row.terms_ending_soon),
                     "ส่งแล้ว" if row.nominees_sent else "ยังไม่ส่ง"])
    out += ["## รายอำเภอ", "", table(["อำเภอ", "สถานะ", "ยืนยันเมื่อ", "หมู่บ้านมี อช. ≥ 4", "หมู่บ้านชายหญิงสมดุล",
                                      "ตำบลมีผู้นำ อช. ครบ", "ตำแหน่งที่มีผู้ดำรง", "วาระจบใน 6 เดือน",
                                      "ส่งผู้แทนประชุม"], rows, cls="tn-dashboard"), ""]
    out += round_history_section(summary)
    out += ["## ความครบถ้วนของข้อมูล", "", inline_svg(charts.completeness_chart(summary)),
            "", "## สัดส่วนชายหญิง", "", inline_svg(charts.gender_chart(summary)),
            "", texts.dashboard_notes(), ""]
    return "\n".join(out)


def waiting_section(province: Province, summary, settings: SiteSettings) -> list[str]:
    """The districts that have not reported for the current round, overdue first (derive: summary.waiting),
    each with its office phone (tap to call), its report page and a reminder to copy into LINE."""
    waiting = summary.waiting
    if summary.round_id is None:
        return []
    if not waiting:
        return ["## อำเภอที่ยังไม่ส่งรายงาน {#waiting}", "",
                f"<p>ส่งรายงานรอบนี้ครบทั้ง {summary.district_count} อำเภอแล้ว</p>", ""]
    by_code = {d.code: d for d in province.districts}
    overdue = sum(r.standing.state is rounds.State.OVERDUE for r in waiting)
    counts = f"เกินกำหนด {overdue} อำเภอ" if overdue else "ยังไม่มีอำเภอใดเกินกำหนด"
    items = []
    for row in waiting:
        district = by_code[row.code]
        rel = reportpage.report_rel(district)
        report = _page_link(DASHBOARD, rel, settings)
        phone = office_phone(province, district)
        if phone:
            number, own = phone
            call = f"โทร {link(tel_url(number), phone_display(number))}" + ("" if own else f" ({phone_note(province)})")
        else:
            call = "ยังไม่มีหมายเลขโทรศัพท์ของสำนักงาน"
        text = reminders.reminder_text(province, district, row.standing, settings.page_url(rel))
        state = "overdue" if row.standing.state is rounds.State.OVERDUE else "late"
        items.append(f'<li class="tn-waiting__item"><p><strong>{_district_link(row)}</strong> '
                     f'{badge(reminders.standing_words(row.standing), state)}<br>'
                     f'{call} · <a href="{h(report)}">หน้ารายงานของอำเภอ</a></p>'
                     f'<details><summary>ข้อความเตือนสำหรับส่งใน LINE</summary>'
                     f'<textarea class="tn-copy__text" readonly rows="6" aria-label="ข้อความเตือนอำเภอ{h(district.name)}">'
                     f'{h(text)}</textarea>'
                     f'<button type="button" class="md-button tn-copy" data-copy>คัดลอกข้อความ</button>'
                     f'<span class="tn-copy__done" aria-live="polite"></span></details></li>')
    return ["## อำเภอที่ยังไม่ส่งรายงาน {#waiting}", "",
            f"<p>{len(waiting)} จาก {summary.district_count} อำเภอยังไม่ส่งรายงานรอบนี้ ({counts}) "
            "เรียงจากเกินกำหนดนานที่สุด กดหมายเลขเพื่อโทร หรือคัดลอกข้อความเตือนไปส่งในกลุ่ม LINE</p>",
            '<ol class="tn-waiting" data-pagefind-ignore>', *items, "</ol>", ""]


def _district_link(row) -> str:
    return f'<a href="../districts/{h(row.code)}-{h(row.slug)}/">{h(row.label)}</a>'


def round_history_section(summary) -> list[str]:
    """The past rounds: per district, the date it confirmed each one, or "ไม่ได้ยืนยัน"."""
    if not summary.past_rounds:
        return []
    head = ["อำเภอ"] + [f"รอบ {h(rid)}" for rid, _ in summary.past_rounds]
    rows = [[_district_link(row)] + [h(thai_date(day, short=True)) if day else "ไม่ได้ยืนยัน"
                                     for _, day in row.history]
            for row in summary.districts]
    titles = "".join(f"<li>{h(rid)}: {h(title)}</li>" for rid, title in summary.past_rounds)
    return ["## การยืนยันในรอบก่อน ๆ", "", f"<ul>{titles}</ul>", "",
            table(head, rows, cls="tn-rounds"), ""]


def people_page(province: Province) -> str:
    options = "".join(f'<option value="{h(d.code)}">อำเภอ{h(d.name)}</option>' for d in province.districts)
    return (front_matter("ค้นหารายชื่อ", scripts=("people",)) + "# ค้นหารายชื่อ\n\n" + (SAMPLE_NOTICE + "\n\n" if any(d.sample for d in province.districts) else "")
            + "<p>เลือกอำเภอ แล้วกรองตามตำบลและบทบาท หรือพิมพ์ชื่อ/นามสกุล/หมู่บ้าน (ค้นได้ทั้งบางส่วนของคำ)</p>\n\n"
            + '<form class="tn-finder" data-pagefind-ignore data-base="../assets/people/" onsubmit="return false">'
            + f'<label>อำเภอ <select name="district"><option value="">— เลือกอำเภอ —</option>{options}</select></label> '
            + '<label>ตำบล <select name="subdistrict"><option value="">ทุกตำบล</option></select></label> '
            + '<label>บทบาท <select name="role"><option value="">ทุกบทบาท</option><option>อช.</option><option>ผู้นำ อช.</option>'
            + '<option value="post">กรรมการชมรม</option></select></label> '
            + '<label>ชื่อ <input type="text" name="q" placeholder="เช่น สมชาย"></label>'
            + '</form>\n\n<p class="tn-finder__count" aria-live="polite"></p>\n<div class="tn-finder__results"></div>\n\n'
            + '<noscript><p>หน้านี้ต้องใช้ JavaScript — ดูรายชื่อได้ที่หน้าของแต่ละอำเภอ</p></noscript>\n')


def downloads_page(province: Province, exports) -> str:
    rows = [[f'<a href="../{h(e.rel)}">{h(e.title_th)}</a>', h(e.format.upper()), h(_size(e.size))]
            for e in exports if e.scope == "province"]
    district_rows = [[f'<a href="../{h(e.rel)}">{h(e.title_th)}</a>', h(e.format.upper()), h(_size(e.size))]
                     for e in exports if e.scope != "province" and e.kind != FORM_KIND]
    head = ["ไฟล์", "รูปแบบ", "ขนาด"]
    return "\n".join([front_matter("ดาวน์โหลดข้อมูล"), "# ดาวน์โหลดข้อมูล (ข้อมูลเปิด)", "",
                      SAMPLE_NOTICE if any(d.sample for d in province.districts) else "", "",
                      texts.downloads_intro(), "", texts.licence_paragraph(), "",
                      texts.opendata_link(f"../{h(DOWNLOADS)}/{h(province.folder.name)}/"), "",
                      "## ทั้งจังหวัด", "", table(head, rows, cls=CARDS), "",
                      "## รายอำเภอ", "", table(head, district_rows, cls=CARDS), "",
                      JSON_SHAPE_TH, "", f"<p>{h(geography.CREDIT)}</p>", ""])
