"""The posts of a club committee and their order: read from the club schema's `post` enum, whose
order is the order of the pages, the org chart's rows and the report forms.

Adding a post is one edit of schemas/club.schema.json (its `enum`, and the `description` on the same
line); everything else follows from `POST_ORDER`. tests/test_posts.py ties the lists below to it.
"""
from __future__ import annotations

import json

from thamniap.load.schema import schema_text


def _schema_posts() -> tuple[str, ...]:
    schema = json.loads(schema_text("club.schema.json"))
    seat = schema["properties"]["club"]["properties"]["posts"]["items"]
    return tuple(seat["properties"]["post"]["enum"])


POST_ORDER: tuple[str, ...] = _schema_posts()

# Policies about some posts (each a subset of POST_ORDER, checked by a test):
USUAL_POSTS = ("ประธาน", "รองประธาน", "เลขานุการ", "เหรัญญิก")   # club.usual-posts warns without one
SINGLE_HOLDER_POSTS = ("ประธาน", "เลขานุการ", "เหรัญญิก", "นายทะเบียน")   # club.single-holder: one seat only
COMMITTEE_POST = "กรรมการ"      # the ordinary member's post: the org chart's row for posts it has no row for


def post_rank(post: str) -> int:
    """Where POST sorts among the committee's seats; a post the schema does not list (already reported
    by the schema check) sorts last rather than failing the build."""
    return POST_ORDER.index(post) if post in POST_ORDER else len(POST_ORDER)
