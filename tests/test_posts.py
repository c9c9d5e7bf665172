"""The club posts have one list, the schema's enum (thamniap.model.posts), and adding a post is an edit
of the schema alone: the site then shows it on the district page and in the org chart (issue 18 §1, §7).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import BASE, REPO, mkdocs_build

from thamniap.model import Club, Person, Post, Where
from thamniap.model.posts import COMMITTEE_POST, POST_ORDER, SINGLE_HOLDER_POSTS, USUAL_POSTS, post_rank
from thamniap.render import orgchart

NEW_POST = "ผู้ประสานงาน"     # "coordinator": in no list of the code


def _schema_enum(schemas: Path) -> list[str]:
    club = json.loads((schemas / "club.schema.json").read_text(encoding="utf-8"))
    return club["properties"]["club"]["properties"]["posts"]["items"]["properties"]["post"]["enum"]


def test_the_posts_are_the_schemas_enum_in_its_order():
    assert list(POST_ORDER) == _schema_enum(REPO / "schemas")
    laid_out = [post for row in orgchart.ROWS for post in row]
    for named in (USUAL_POSTS, SINGLE_HOLDER_POSTS, (COMMITTEE_POST,), laid_out):
        assert set(named) <= set(POST_ORDER), set(named) - set(POST_ORDER)
    assert post_rank(NEW_POST) == len(POST_ORDER)     # unknown: last, never an exception


def _seat(post: str, holder: str) -> Post:
    return Post(post, holder, dt.date(2023, 10, 15), False, None, Where("club.yaml", 1))


def _person(pid: str, first: str) -> Person:
    return Person(pid, "นาย", first, "ใจดี", "ชาย", [], Where("roster.yaml", 1))


def test_the_org_chart_shows_a_post_it_has_no_row_for():
    club = Club("ชมรม", "ชมรมผู้นำ อช. อำเภอทดสอบ", None, None, None, None, None, None, [],
                [_seat("ประธาน", "4214-0001"), _seat(NEW_POST, "4214-0002"), _seat("กรรมการ", "4214-0003")],
                False, Where("club.yaml"), Where("club.yaml"), Where("club.yaml"))
    people = {p.id: p for p in (_person("4214-0001", "หนึ่ง"), _person("4214-0002", "สอง"), _person("4214-0003", "สาม"))}
    chart = orgchart.org_chart(club, people, lambda p: f"#{p.anchor}")
    assert f'<div class="tn-org__post">{NEW_POST}</div>' in chart and "นายสอง ใจดี" in chart
    # in the committee row, after the ordinary members (the schema's order)
    committee = chart.split('<div class="tn-org__post">กรรมการ</div>', 1)[1]
    assert NEW_POST in committee


def _changed_lines(before: str, after: str) -> int:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return sum(a != b for a, b in zip(old, new))


def test_adding_a_post_is_the_schema_alone_and_the_site_shows_it(tmp_path):
    """On a copy of the project (code included): one line of schemas/club.schema.json names a new post,
    a district gives a seat that post, `thamniap pages` makes the district page with it and `mkdocs build`
    builds the site from those pages."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "scripts" / "thamniap", project / "scripts" / "thamniap", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "schemas", project / "schemas")
    data = project / BASE.relative_to(REPO)         # where its files' first lines point to schemas/ from
    shutil.copytree(BASE, data)
    schema = project / "schemas" / "club.schema.json"
    before = schema.read_text(encoding="utf-8")
    after = before.replace('"นายทะเบียน", "กรรมการ"', f'"นายทะเบียน", "{NEW_POST}", "กรรมการ"', 1)
    assert _changed_lines(before, after) == 1
    schema.write_text(after, encoding="utf-8")
    club = data / "42-loei/4214-nong-hin/club.yaml"
    text = club.read_text(encoding="utf-8")
    club.write_text(text.replace("  - post: กรรมการ\n    holder: 4214-0004", f"  - post: {NEW_POST}\n    holder: 4214-0004", 1),
                    encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env["PYTHONPATH"] = str(project / "scripts")

    def thamniap(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", "import sys; from thamniap.cli import main; sys.exit(main(sys.argv[1:]))",
                               *argv], cwd=project, env=env, capture_output=True, text=True, timeout=600)

    where = subprocess.run([sys.executable, "-c", "import thamniap; print(thamniap.__file__)"], cwd=project, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(project))               # the copy's code, reading the copy's schemas
    checked = thamniap("validate", str(data), "--today", "2024-02-01")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # the site as a build without the hook makes it (docs/architecture.md): the project's docs/ and
    # mkdocs.yml, the pages from the data, then the real `mkdocs build --strict` with the copy's code
    shutil.copytree(REPO / "docs", project / "out")
    shutil.copytree(REPO / "overrides", project / "overrides")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    site_config = project / "site.yml"
    built = thamniap("pages", "out", "--data", str(data), "--config", str(project / "mkdocs.yml"), "--today", "2024-02-01",
                     "--site-config", str(site_config))
    assert built.returncode == 0, built.stdout + built.stderr
    site = mkdocs_build(project / "site", site_config, PYTHONPATH=env["PYTHONPATH"])
    assert site.returncode == 0, site.stderr
    html = (project / "site/districts/4214-nong-hin/index.html").read_text(encoding="utf-8")
    assert f'<div class="tn-org__post">{NEW_POST}</div>' in html
    page = (project / "out/districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    chart = page.split('<div class="tn-org"', 1)[1].split("\n", 1)[0]
    assert f'<div class="tn-org__post">{NEW_POST}</div>' in chart
    # the holder, a village volunteer, is listed with the post on the subdistrict's page the district page links to
    [listed] = [p for p in (project / "out/districts/4214-nong-hin").rglob("*.md") if 'id="p-4214-0004"' in p.read_text(encoding="utf-8")]
    holder = listed.read_text(encoding="utf-8").split('id="p-4214-0004"', 1)[1].split("</tr>", 1)[0]
    assert NEW_POST in holder and f'{listed.parent.name}/#p-4214-0004">' in chart
