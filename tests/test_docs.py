"""Docs that cannot rot: generated pages match the code."""
from __future__ import annotations

from helpers import REPO

from thamniap.render.rules_doc import render


def test_rules_page_matches_code():
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render(), "docs/rules.md is stale: run `thamniap rules --markdown > docs/rules.md`"


def test_architecture_names_only_files_that_exist():
    """docs/architecture.md ("where to change what") names files by their path in the package
    (`render/exports.py`) or in the repository (`tests/test_posts.py`): each one must exist, so the
    page cannot keep sending a maintainer to a file that moved."""
    import re
    text = (REPO / "docs/architecture.md").read_text(encoding="utf-8")
    package = REPO / "scripts" / "thamniap"
    folders = {p.name for p in package.iterdir() if p.is_dir()} | {"docs", "tests", "scripts", "schemas", ".github"}
    named = set(re.findall(r"`([A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*\.(?:py|md|json|yml|js))`", text))
    checked = {n for n in named if n.split("/")[0] in folders}
    assert len(checked) > 40 and "derive/exports.py" in checked and "model/rounds.py" in checked
    missing = sorted(n for n in checked if not (REPO / n).exists() and not (package / n).exists())
    assert not missing, f"docs/architecture.md names files that do not exist: {missing}"
