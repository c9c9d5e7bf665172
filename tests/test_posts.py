"""The club posts have one list, the schema's enum (thamniap.model.posts), and adding a post is an edit
of the schema alone: the site then shows it on the district page and in the org chart (issue 18 §1, §7).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from helpers import REPO

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
