"""render/district, the district page: it links each subdistrict and each village to the roster file an editor changes
(issue 11, section 3): the subdistrict to its file in GitHub's editor, the village to its line."""
from __future__ import annotations

import re
from pathlib import Path

from helpers import run_cli

EDIT = re.compile(r'<a href="https://github\.com/example/thamniap/edit/main/(?P<path>[^"]+)">แก้ไขรายชื่อของตำบลนี้</a>')
VILLAGE = re.compile(r'### หมู่ที่ (?P<moo>\d+) (?P<name>\S+) \{#v-(?P<code>\d{6})-\d+\}\n\n'
                     r'<p class="tn-edit-file" data-pagefind-ignore><a href="https://github\.com/example/thamniap/blob/main/'
                     r'(?P<path>[^"#]+)#L(?P<line>\d+)">แก้ไขหมู่ที่ (?P=moo)</a>')


def test_each_subdistrict_and_village_links_to_its_file_and_line(base_copy, tmp_path):
    out = tmp_path / "pages"
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://example.org/thamniap/\nrepo_url: https://github.com/example/thamniap\n"
                      "edit_uri: edit/main/docs/\n", encoding="utf-8")
    code, _, err = run_cli("pages", str(out), "--data", str(base_copy), "--config", str(config), "--today", "2024-02-01")
    assert code == 0, err
    district = base_copy / "42-loei/4214-nong-hin"
    # the villages are on one page per subdistrict (districts/<district>/<code>.md), in code order
    page = "".join((out / "districts/4214-nong-hin" / f"{p.name[:6]}.md").read_text(encoding="utf-8")
                   for p in sorted((district / "roster").glob("*.yaml")))
    district_page = (out / "districts/4214-nong-hin.md").read_text(encoding="utf-8")
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
