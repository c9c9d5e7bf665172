"""Docs that cannot rot: generated pages match the code."""
from __future__ import annotations

from helpers import REPO

from thamniap.render.rules_doc import render


def test_rules_page_matches_code():
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render(), "docs/rules.md is stale: run `thamniap rules --markdown > docs/rules.md`"
