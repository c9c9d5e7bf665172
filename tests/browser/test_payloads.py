"""Hostile data, end to end (issue 9, item 1): every free-text field that can reach a page holds
script and markup payloads. Each one is either rejected by `thamniap validate` with an error on
its own line, or built; the built site is then loaded page type by page type in real Chromium,
served under /thamniap/, and no script may run: no dialog, no console error, no element made from
the payload, and the payload shown as text.

A second, tiny site puts payloads straight into page titles, front matter and nav titles (what a
district name used to reach): the theme must print them as text too.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO, build_site, data_site_config, serve_site

sys.path.insert(0, str(REPO / "tests"))
from helpers import BASE, run_cli  # noqa: E402

PAYLOADS = (
    '<script>alert("s")</script>',
    '<img src=x onerror=alert("i")>',
    '[ลิงก์](javascript:alert("l"))',
    "![ภาพ](x.png)",
    "{: onclick=\"alert('o')\" }",
    "{{ config.site_name }}",
    "{% if true %}เจอ{% endif %}",
    '</textarea><svg onload=alert("t")>',
    '<span data-pagefind-meta="title:ปลอม">ม</span>',
)
PAYLOAD = " ".join(PAYLOADS)
# Every key whose value is free text that can reach a page (codes, ids, dates, phones are not).
FREE_TEXT_KEYS = ("name", "first_name", "last_name", "title", "unit", "address", "place", "position",
                  "order_no", "by", "registration_no", "subject", "signed_by", "post", "note")
_LINE = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<key>" + "|".join(FREE_TEXT_KEYS) + r"): (?P<value>.+)$")
# Where a `note:` line is added (after these keys, same indentation): people and club posts.
NOTE_AFTER = re.compile(r"^(?P<lead>\s*)(?:last_name|holder): .+$")

# Every page type of the site (district pages and the 404 page included).
PAGE_TYPES = ("", "districts/4214-nong-hin/", "dashboard/", "province/", "people/", "circular/",
              "guidelines/", "submit/", "downloads/", "privacy/", "rules/", "threat-model/",
              "performance/", "report/", "report/4214-nong-hin/", "no-such-page/")
# What a payload would have made, had it been markup.
INJECTED = ("img[src=x]", "img[src='x.png']", "[onerror]", "[onclick]", "[onload]", "a[href^='javascript']",
            "[data-pagefind-meta*='ปลอม']", "textarea:not(.tn-report__copy)")   # the report page's own block to copy


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def inject(data: Path) -> dict[tuple[str, int], tuple[str, str]]:
    """Put PAYLOAD into every free-text value of every file; returns
    {(file, line): (key, original line)} of every changed or added line."""
    changed: dict[tuple[str, int], tuple[str, str]] = {}
    for path in sorted(data.rglob("*.yaml")):
        rel = path.relative_to(data).as_posix()
        out: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            m = _LINE.match(line)
            if m and not m["value"].startswith(("'", '"', "[", "{")):
                out.append(f"{m['lead']}{m['key']}: {_quoted(m['value'] + ' ' + PAYLOAD)}")
                changed[(rel, len(out))] = (m["key"], line)
            else:
                out.append(line)
            n = NOTE_AFTER.match(line)
            if n:
                lead = n["lead"]
                out.append(f"{lead}note: {_quoted('หมายเหตุ ' + PAYLOAD)}")
                changed[(rel, len(out))] = ("note", f"{lead}# (หมายเหตุถูกปฏิเสธ)")  # reverted: a comment
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return changed


def validate(data: Path) -> list[dict]:
    code, out, _ = run_cli("validate", str(data), "--format", "json", "--today", "2024-02-01")
    assert code in (0, 1), out
    return [d for d in json.loads(out) if d["severity"] == "error"]


def revert(data: Path, lines: dict[tuple[str, int], str]) -> None:
    by_file: dict[str, dict[int, str]] = {}
    for (rel, line), original in lines.items():
        by_file.setdefault(rel, {})[line] = original
    for rel, originals in by_file.items():
        path = data / rel
        text = path.read_text(encoding="utf-8").splitlines()
        for line, original in originals.items():
            text[line - 1] = original
        path.write_text("\n".join(text) + "\n", encoding="utf-8")


def hostile_data(work: Path) -> tuple[Path, dict, dict]:
    """WORK/data: the base dataset with PAYLOAD in every free-text value, less the payloads the
    validator refuses; (data, rejected, built) as {(file, line): key} of each payload line."""
    data = work / "data"
    shutil.copytree(BASE, data)
    shutil.copy(REPO / "data/42-loei/circular.txt", data / "42-loei/circular.txt")
    changed = inject(data)
    rejected: dict = {}
    # A payload refused by a rule may only be reported once the schema errors of its file are
    # fixed, so validate until no error stands on a payload line; then the data must be valid
    # (errors elsewhere, such as a meeting a rejected province file no longer defines, are only
    # consequences and vanish with the payload).
    for _ in range(5):
        errors = validate(data)
        located = {(e["path"].replace("\\", "/").split("/data/", 1)[-1], e["line"]) for e in errors}
        now = {where: value for where, value in changed.items() if where in located and where not in rejected}
        if not now:
            break
        rejected.update(now)
        revert(data, {where: original for where, (_, original) in now.items()})
    assert validate(data) == [], "after removing the rejected payloads the data must be valid"
    built = {where: key for where, (key, _) in changed.items() if where not in rejected}
    return data, rejected, built


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("payload-site")
    data, rejected, built = hostile_data(work)
    config = data_site_config(work, data)
    site_dir = work / "site"
    log = build_site(config, site_dir)
    with serve_site(site_dir, log) as site:
        yield site, rejected, built


def test_every_payload_is_rejected_on_its_line_or_built(payload_site):
    _, rejected, built = payload_site
    rejected_keys = {key for key, _ in rejected.values()}
    built_keys = set(built.values())
    # names of people and places are refused (issue 9 items 1 and 10) ...
    assert {"first_name", "last_name", "name"} <= rejected_keys
    # ... free text such as notes, addresses and order fields is published, escaped
    assert {"note", "address", "order_no", "by", "position", "registration_no"} <= built_keys, built_keys
    assert len(rejected) + len(built) > 100


def _assert_inert(bp, site, path: str, dialogs: list[str]) -> str:
    bp.page.goto(site.page_url(path))
    bp.page.wait_for_load_state("networkidle")
    bp.page.wait_for_timeout(150)
    for selector in INJECTED:
        assert bp.page.locator(selector).count() == 0, (path, selector)
    scripts = bp.page.locator("script").evaluate_all("els => els.map(e => e.textContent)")
    assert not [s for s in scripts if "alert(" in s], path
    assert dialogs == [], (path, dialogs)
    return bp.page.locator("body").inner_text()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_script_runs_on_any_page_type(page, payload_site, path):
    site, _, _ = payload_site
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    body = _assert_inert(page, site, path, dialogs)
    if path == "districts/4214-nong-hin/":
        # shown as text, every payload, on the page that carries the district's notes and orders
        for payload in PAYLOADS:
            assert payload in body, payload
    if path != "no-such-page/":
        page.assert_clean()


def test_search_results_show_payloads_as_text(page, payload_site):
    site, _, _ = payload_site
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.page.goto(site.page_url(""))
    box = page.page.locator("header input[type=search]")
    box.click()
    query = "หมายเหตุ"           # every person's note holds the payloads
    box.fill(query)
    page.page.wait_for_function(
        """(q) => { const r = document.querySelector('[data-tn-search]');
                    return r.dataset.state === 'done' && r.dataset.query === q; }""",
        arg=page.page.evaluate("(q) => window.thamniapSearch.normalize(q)", query), timeout=20_000)
    results = page.page.locator("[data-tn-search]").inner_text()
    assert "หมายเหตุ" in results
    for selector in INJECTED:
        assert page.page.locator(selector).count() == 0, selector
    assert dialogs == []
    page.assert_clean()


# ------------------------------------------------------------ titles, meta and nav of the theme

EVIL_TITLE = '</title><img src=x onerror=alert("title")>'
EVIL_DESCRIPTION = '"><script>alert("meta")</script>'
EVIL_NAV = '<svg onload=alert("nav")>'


@pytest.fixture(scope="module")
def title_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("title-site")
    docs = work / "docs"
    (docs / "more").mkdir(parents=True)
    (docs / "assets").symlink_to(REPO / "docs" / "assets")
    (docs / "index.md").write_text("# หน้าแรก\n\nทดสอบ\n", encoding="utf-8")
    (docs / "evil.md").write_text(
        f"---\ntitle: {_quoted(EVIL_TITLE)}\ndescription: {_quoted(EVIL_DESCRIPTION)}\n---\n\nเนื้อหา\n",
        encoding="utf-8")
    (docs / "more" / "page.md").write_text("เนื้อหาอีกหน้า\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n"
        f"hooks:\n  - {REPO / 'scripts/mkdocs_hook.py'}\n"
        "nav:\n  - index.md\n  - evil.md\n"
        f"  - {_quoted(EVIL_NAV)}:\n    - {_quoted(EVIL_NAV + ' หน้า')}: more/page.md\n"
        "extra:\n  thamniap:\n    data: ''\n", encoding="utf-8")
    site_dir = work / "site"
    with serve_site(site_dir, build_site(work / "mkdocs.yml", site_dir)) as site:
        yield site


@pytest.mark.parametrize("path", ["", "evil/", "more/page/"])
def test_titles_meta_and_nav_are_text(page, title_site, path):
    dialogs: list[str] = []
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _assert_inert(page, title_site, path, dialogs)
    nav = page.page.locator("nav.md-nav--primary").first.text_content()
    assert EVIL_NAV in nav and "</title>" in nav
    if path == "evil/":
        assert page.page.title() == f"{EVIL_TITLE} - ทำเนียบ อช. จังหวัดเลย"
        description = page.page.locator("meta[name=description]").get_attribute("content")
        assert description == EVIL_DESCRIPTION
        assert EVIL_TITLE in page.page.locator(".md-header__topic").last.text_content()
