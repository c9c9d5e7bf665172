"""The site built without MkDocs hooks, as plain steps, is the site the hook builds.

    cp -r docs/. DOCS/ && thamniap pages DOCS --site-config CONFIG   (front matter escaped)
    mkdocs build -f CONFIG -d SITE                                    (no hooks in CONFIG)
    thamniap index SITE                                               (search index, lunr files out)

Every file of the two sites must be byte-identical, except the sitemap: MkDocs lists pages in the
order it was handed the files (the hook appends the generated pages after docs/; without it they
come in path order), so sitemap.xml is compared as a set of entries and sitemap.xml.gz (the same
text, compressed) is left out.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from helpers import BASE, REPO, files_of, hookfree_build, mkdocs_build, run_cli

from thamniap.build import site_hook
from thamniap.build.generator import write_site_config
from thamniap.render.front_matter import escape_front_matter, front_matter

TODAY = "2024-02-01"
SITEMAP = ("sitemap.xml", "sitemap.xml.gz")


def sitemap_entries(site: Path) -> list[str]:
    return sorted(re.findall(r"<url>.*?</url>", (site / "sitemap.xml").read_text(encoding="utf-8"), re.S))


def test_the_site_built_without_hooks_is_the_hook_build(landed_site, tmp_path):
    hooked = landed_site                  # the session's build with the hook (tests/conftest.py)
    free = hookfree_build(tmp_path / "free")

    assert files_of(free) == files_of(hooked)
    pagefind = sorted(f for f in files_of(hooked) if f.startswith("pagefind/"))
    assert len(pagefind) > 50 and (hooked / "pagefind/pagefind.js").is_file()
    assert not [f for f in files_of(free) if "lunr" in f or f.startswith("assets/javascripts/workers/")]
    html = sorted(f for f in files_of(hooked) if f.endswith(".html"))
    assert len([f for f in html if f.startswith("districts/") and f.count("/") == 2]) == 14
    # and each district's subdistrict pages (districts/<district>/<code>/index.html)
    assert len([f for f in html if f.startswith("districts/") and f.count("/") == 3]) > 14
    different = [f for f in sorted(files_of(hooked) - set(SITEMAP))
                 if (hooked / f).read_bytes() != (free / f).read_bytes()]
    assert different == []
    assert sitemap_entries(free) == sitemap_entries(hooked)


def test_site_config_pages_have_escaped_front_matter_and_nothing_else_changes(tmp_path):
    plain, escaped = tmp_path / "plain", tmp_path / "escaped"
    assert run_cli("pages", str(plain), "--data", str(BASE), "--today", TODAY)[0] == 0
    code, _, stderr = run_cli("pages", str(escaped), "--data", str(BASE), "--today", TODAY,
                              "--site-config", str(tmp_path / "mkdocs.yml"))
    assert code == 0, stderr
    assert files_of(plain) == files_of(escaped)
    for rel in sorted(files_of(plain)):
        before, after = (plain / rel).read_bytes(), (escaped / rel).read_bytes()
        if rel.endswith(".md"):
            assert after.decode() == escape_front_matter(before.decode()), rel
        else:
            assert after == before, rel


EVIL_TITLE = '</title><img src=x onerror=alert("title")>'
EVIL_DESCRIPTION = '"><script>alert(\'meta\')</script> & more'


def test_hostile_titles_come_out_the_same_escaped_with_or_without_the_hook(tmp_path):
    """Names are checked against the official lists, so real data cannot carry markup into a title;
    if it ever did, the escaped front matter must do what the hook's escape_page does."""
    page = front_matter(EVIL_TITLE, EVIL_DESCRIPTION) + "# หัวเรื่อง\n\nเนื้อหา\n"
    assert EVIL_TITLE not in escape_front_matter(page) and "&lt;/title&gt;" in escape_front_matter(page)
    source = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    sites = {}
    for way in ("hook", "free"):
        work = tmp_path / way
        docs = work / "docs"
        shutil.copytree(REPO / "docs", docs)
        (docs / "index.md").write_text("# หน้าแรก\n", encoding="utf-8")
        (docs / "districts" / "evil").mkdir(parents=True)
        evil = docs / "districts" / "evil" / "index.md"
        evil.write_text(page if way == "hook" else escape_front_matter(page), encoding="utf-8")
        config = work / "mkdocs.yml"
        if way == "hook":      # as the hook's on_files names the pages: the title in plain text
            hooked = {**source, "docs_dir": str(docs), "hooks": [str(REPO / "scripts/mkdocs_hook.py")],
                      "theme": {**source["theme"], "custom_dir": str(REPO / "overrides")},
                      "nav": site_hook.navigation(["districts/evil/index.md", "index.md"],
                                                  {"districts/evil/index.md": EVIL_TITLE}),
                      "extra": {"thamniap": {"data": ""}}}
            config.write_text(yaml.safe_dump(hooked, allow_unicode=True), encoding="utf-8")
        else:
            write_site_config(config, REPO / "mkdocs.yml", docs, [evil, docs / "index.md"])
        done = mkdocs_build(work / "site", config)
        assert done.returncode == 0, done.stderr
        sites[way] = (work / "site" / "districts/evil/index.html").read_text(encoding="utf-8")
    assert sites["free"] == sites["hook"]
    assert "<img src=x" not in sites["free"] and "<script>alert(" not in sites["free"]
    assert "&lt;/title&gt;&lt;img src=x onerror=alert(&quot;title&quot;)&gt;" in sites["free"]
