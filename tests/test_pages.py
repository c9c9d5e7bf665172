"""Generated pages: golden files, determinism, escaping of hostile data, edit links and QR URLs.

Re-bless the golden pages after an intended change:

    THAMNIAP_BLESS=1 .venv/bin/python -m pytest tests/test_pages.py
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import BASE, REPO, run_cli

from thamniap.render.markup import md, safe_url
from thamniap.render.site import DOWNLOADS_PAGE, SiteSettings

GOLDEN = REPO / "tests" / "golden" / "pages"
TODAY = "2024-02-01"
SETTINGS = SiteSettings(site_url="https://example.org/thamniap/", repo_url="https://github.com/example/thamniap",
                        edit_uri="edit/main/docs/")


def render(root: Path, out: Path) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    config = out.parent / "mkdocs-test.yml"
    config.write_text(f"site_url: {SETTINGS.site_url}\nrepo_url: {SETTINGS.repo_url}\nedit_uri: {SETTINGS.edit_uri}\n",
                      encoding="utf-8")
    code, stdout, stderr = run_cli("pages", str(out), "--data", str(root), "--config", str(config), "--today", TODAY)
    assert code == 0, stderr
    return sorted(p for p in out.rglob("*") if p.is_file())


@pytest.fixture
def base_with_circular(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    shutil.copy(REPO / "data/42-loei/circular.txt", root / "42-loei/circular.txt")
    return root


def test_golden_pages(base_with_circular, tmp_path):
    out = tmp_path / "pages"
    # the downloads themselves have tests of their own (tests/golden/exports); their page is golden here
    files = [p for p in render(base_with_circular, out)
             if p.relative_to(out).parts[0] != "downloads" or p.relative_to(out).as_posix() == DOWNLOADS_PAGE]
    rels = {p.relative_to(out).as_posix() for p in files}
    if os.environ.get("THAMNIAP_BLESS"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for p in files:
            target = GOLDEN / p.relative_to(out)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(p, target)
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert rels == golden, "generated file set changed; re-bless if intended"
    for rel in sorted(rels):
        assert (out / rel).read_bytes() == (GOLDEN / rel).read_bytes(), f"{rel} differs from its golden file"


def test_pages_are_deterministic(base_with_circular, tmp_path):
    a = render(base_with_circular, tmp_path / "a" / "pages")
    b = render(base_with_circular, tmp_path / "b" / "pages")
    assert [p.relative_to(tmp_path / "a" / "pages") for p in a] == [p.relative_to(tmp_path / "b" / "pages") for p in b]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_invalid_data_writes_nothing(base_copy, tmp_path, monkeypatch, jobs):
    """A rule error (found after loading, when the downloads are already being made) writes
    nothing: not the pages, not the downloads, and their staging folder is gone."""
    monkeypatch.setenv("THAMNIAP_JOBS", jobs)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    roster = base_copy / "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("moo: 2", "moo: 1", 1), encoding="utf-8")
    out = tmp_path / "pages"
    code, _, err = run_cli("pages", str(out), "--data", str(base_copy), "--today", TODAY)
    assert code == 1 and "roster.duplicate-moo" in err and "421401-nong-hin.yaml:" in err
    assert not out.exists()
    assert list(scratch.iterdir()) == []


def test_edit_links_and_qr_urls_come_from_settings():
    assert SETTINGS.edit_url("data/42-loei/4214-nong-hin/club.yaml") == \
        "https://github.com/example/thamniap/edit/main/data/42-loei/4214-nong-hin/club.yaml"
    assert SETTINGS.page_url("districts/4214-nong-hin/index.md") == "https://example.org/thamniap/districts/4214-nong-hin/"
    assert SETTINGS.page_url("index.md") == "https://example.org/thamniap/"
    project = SiteSettings.from_file(REPO / "mkdocs.yml")
    assert project.edit_url("data/x.yaml").startswith(project.repo_url.rstrip("/") + "/edit/")


def test_district_page_has_person_anchors_and_edit_link(base_with_circular, tmp_path):
    out = tmp_path / "pages"
    render(base_with_circular, out)
    page = (out / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    assert '<tr id="p-4214-0001">' in page
    assert 'href="https://github.com/example/thamniap/edit/main/data/' not in page  # data lives outside the repo here
    assert "แก้ไขข้อมูล" in page and "ข้อมูลตัวอย่าง" in page
    assert 'src="../../assets/qr/4214.svg"' in page


HOSTILE = ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", '{: onclick="alert(1)" }', "{{ config }}",
           "a | b", "# heading", "*bold*", "<script>alert(1)</script>", "`code`", "&amp;"]


def elements(html: str) -> list[tuple[str, dict]]:
    """(tag, attributes) of every element in HTML."""
    from html.parser import HTMLParser
    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))
    Collect().feed(html)
    return found


@pytest.mark.parametrize("value", HOSTILE)
def test_md_escape_leaves_no_markup(value):
    import markdown
    html = markdown.markdown(f"# {md(value)}\n\n{md(value)}\n\n| a | b |\n|---|---|\n| {md(value)} | x |",
                             extensions=["attr_list", "tables", "md_in_html"])
    tags = elements(html)
    assert {t for t, _ in tags} <= {"h1", "p", "table", "thead", "tbody", "tr", "th", "td"}, html
    assert all(not k.startswith("on") for _, attrs in tags for k in attrs), html
    assert sum(1 for t, _ in tags if t == "td") == 2, "a | in data must not add a table cell"
    assert value.split()[0].strip("<>`*#[") in html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_safe_url_allows_only_web_mail_and_phone():
    assert safe_url("https://x.org") and safe_url("mailto:a@b.org") and safe_url("tel:+6642411773")
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd"):
        assert safe_url(bad) is None
