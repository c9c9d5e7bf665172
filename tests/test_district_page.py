"""render/district, the district page: it links each subdistrict and each village to the roster file an editor changes
(issue 11, section 3): the subdistrict to its file in GitHub's editor, the village to its line."""
from __future__ import annotations

import re
from pathlib import Path

from helpers import run_cli

EDIT = re.compile(r'<a href="https://github\.com/example/thamniap/edit/main/(?P<path>[^"]+)">แก้ไขรายชื่อของตำบลนี้</a>')
VILLAGE = re.compile(r'<a href="https://github\.com/example/thamniap/blob/main/'
                     r'(?P<path>[^"#]+/(?P<code>\d{6})-[^"#]+)#L(?P<line>\d+)">แก้ไขหมู่ที่ (?P<moo>\d+) (?P<name>\S+)</a>')
STAFF = "## สำหรับเจ้าหน้าที่ {#staff}"


def test_each_subdistrict_and_village_links_to_its_file_and_line(base_copy, tmp_path):
    out = _pages(base_copy, tmp_path).parent
    district = base_copy / "42-loei/4214-nong-hin"
    # the villages are on one page per subdistrict (districts/<district>/<code>/index.md), in code order
    page = "".join((out / "districts/4214-nong-hin" / p.name[:6] / "index.md").read_text(encoding="utf-8")
                   for p in sorted((district / "roster").glob("*.yaml")))
    district_page = (out / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in (district / "roster").glob("*.yaml"))
    linked = [Path(m["path"]).name for m in EDIT.finditer(page)]
    assert linked == files                                          # every subdistrict, in page order
    villages = list(VILLAGE.finditer(page))
    assert len(villages) == 6
    for m in villages:
        lines = (district / "roster" / Path(m["path"]).name).read_text(encoding="utf-8").split("\n")
        assert Path(m["path"]).name.startswith(m["code"])
        at = int(m["line"]) - 1
        assert lines[at] == f"- moo: {m['moo']}" and lines[at + 1] == f"  name: {m['name']}", (m.group(0), lines[at:at + 2])
    assert "/tree/main/" in district_page and "(ไฟล์รายตำบล)" in district_page   # the folder, for a new subdistrict file


def _pages(base_copy, tmp_path):
    out = tmp_path / "pages"
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://example.org/thamniap/\nrepo_url: https://github.com/example/thamniap\n"
                      "edit_uri: edit/main/docs/\n", encoding="utf-8")
    code, _, err = run_cli("pages", str(out), "--data", str(base_copy), "--config", str(config), "--today", "2024-02-01")
    assert code == 0, err
    return out / "districts"


def _shown(page: str) -> str:
    """The page without its front matter and HTML comments (neither is shown)."""
    return re.sub(r"<!--.*?-->", "", page.split("\n---\n", 1)[-1], flags=re.S)


OFFICIAL_ONLY = ("github.com", ".yaml", "บรรทัด", "แก้ไข", "thamniap ", "tn-report-cta", "ประวัติการแก้ไข", "QR")


def test_citizen_part_first_and_one_officials_part_at_the_end(base_copy, tmp_path):
    """Issue 22 §2: a district page opens with the office to call, then the subdistricts with every
    village, then the people; edit links, file names, line numbers, history and QR codes are all in
    one "สำหรับเจ้าหน้าที่" part at the end, on the district page and on each subdistrict page."""
    pages = _pages(base_copy, tmp_path)
    district = _shown((pages / "4214-nong-hin/index.md").read_text(encoding="utf-8"))
    citizen, staff = district.split(STAFF)
    assert district.count(STAFF) == 1 and "\n## " not in staff          # nothing after the officials' part
    order = [citizen.index(x) for x in ('class="tn-contact"', "{#volunteers}", "{#leaders}", "{#club}")]
    assert order == sorted(order), order
    # one line points officials to their part (and to the report page); nothing else of theirs is here
    pointer = re.findall(r'<p class="tn-staff-link".*?</p>', citizen)
    assert len(pointer) == 1 and 'href="#staff"' in pointer[0]
    for word in OFFICIAL_ONLY:
        assert word not in citizen.replace(pointer[0], ""), word
    assert "{#history}" in staff and "{#downloads}" in staff and "tn-edit" in staff
    # every village of the district is linked from the citizen part, to its heading
    for sub in sorted((pages / "4214-nong-hin").glob("[0-9]*/index.md")):     # subdistrict pages (not round-*)
        text, code = _shown(sub.read_text(encoding="utf-8")), sub.parent.name
        villages = re.findall(r"\{#(v-\d{6}-\d+)\}", text)
        assert villages and all(f'{code}/#{v}"' in citizen for v in villages), code
        top, end = text.split(STAFF)
        for word in OFFICIAL_ONLY:
            assert word not in top, (code, word)
        assert len(VILLAGE.findall(end)) == len(villages)
