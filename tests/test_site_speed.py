"""Issue 22 §4, what a slow phone downloads before it can show a page (read from the real build).

One stylesheet of our own, the two Sarabun faces (one file each) preloaded with a font-display that never
re-wraps the text, every script deferred, people.js and report.js only on the pages that have their elements, and the
site's own scripts and stylesheet minified by the build. The same pages in the browser, served compressed, and
Lighthouse over each page type: tests/browser/test_speed.py.
"""
from __future__ import annotations

import re
from pathlib import Path

from helpers import REPO

from thamniap.build.finish import minify_css, minify_own_scripts

THEME_CSS = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css$")
# the two faces (400, 700), each one file: Thai and the Latin a Thai line's spaces and digits use
PRELOADED = tuple(f"assets/fonts/sarabun-{weight}.woff2" for weight in (400, 700))


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("pagefind/")}


def _tags(html: str, name: str) -> list[str]:
    return re.findall(rf"<{name}\b[^>]*>", html)


def _attr(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1) if found else None


def _site_path(page: str, href: str) -> str:
    """HREF of a link on PAGE (a path in the site) as a path in the site (404.html links from the
    site's path, /thamniap/)."""
    if href.startswith("/"):
        return href.split("/", 2)[2]
    return (Path("/", page).parent / href).resolve().as_posix().lstrip("/")


def test_one_stylesheet_of_our_own(landed_site):
    assert sorted(p.name for p in (REPO / "docs/assets/stylesheets").iterdir()) == ["thamniap.css"]
    pages = _pages(landed_site)
    assert len(pages) > 100
    for page, html in pages.items():
        sheets = [_site_path(page, _attr(t, "href")) for t in _tags(html, "link") if _attr(t, "rel") == "stylesheet"]
        ours = [s for s in sheets if not THEME_CSS.search(s)]
        assert ours == ["assets/stylesheets/thamniap.css"], (page, sheets)
    css = (landed_site / "assets/stylesheets/thamniap.css").read_text(encoding="utf-8")
    # the print rules came along, and all of them stay inside @media print (nothing on screen)
    assert "@media print" in css and "size: A4" in css
    assert '.md-search__input[type="search"]' in css and '"Sarabun"' in css   # the search box's and fonts' rules too


def test_the_thai_faces_are_preloaded_and_never_rewrap(landed_site):
    css = (landed_site / "assets/stylesheets/thamniap.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*{[^}]*}", css)
    assert len(faces) == 2
    for face in faces:
        assert "font-display: optional;" in face, face      # no swap: the text never re-wraps later
        assert "http" not in face                            # from this site only
    for page, html in _pages(landed_site).items():
        preloads = [t for t in _tags(html, "link") if _attr(t, "rel") == "preload"]
        fonts = sorted(_site_path(page, _attr(t, "href")) for t in preloads if _attr(t, "as") == "font")
        assert fonts == sorted(PRELOADED), (page, preloads)
        for tag in preloads:
            assert _attr(tag, "type") == "font/woff2" and re.search(r"\scrossorigin\b", tag), tag
        for face in fonts:
            assert (landed_site / face).is_file() and face.split("/")[-1] in css


def test_people_and_report_scripts_only_where_their_elements_are(landed_site):
    pages = _pages(landed_site)
    seen = {"people": 0, "report": 0}
    for page, html in pages.items():
        scripts = [_site_path(page, _attr(t, "src")) for t in _tags(html, "script") if _attr(t, "src")]
        has = {"people": 'class="tn-finder"' in html or 'class="tn-village"' in html,
               "report": 'class="tn-report"' in html}
        for name in seen:
            assert (f"assets/javascripts/{name}.js" in scripts) == has[name], (page, name, scripts)
            seen[name] += has[name]
    assert seen["people"] >= 2 and seen["report"] >= 14     # home + people finder; every district's report page
    for citizen in ("districts/4201-mueang-loei/index.html", "districts/4201-mueang-loei/420101/index.html",
                    "dashboard/index.html", "downloads/index.html", "circular/index.html"):
        assert "people.js" not in pages[citizen] and "report.js" not in pages[citizen], citizen


def test_every_script_is_deferred(landed_site):
    """Scripts are asked for after the stylesheets and fonts and run once the page is read: every
    script file a page names (Material's bundle, ours) is deferred; inline ones are the theme's few
    lines that must run where they stand."""
    for page, html in _pages(landed_site).items():
        tags = [t for t in _tags(html, "script") if _attr(t, "src")]
        assert tags, page
        late = [t for t in tags if not re.search(r"\sdefer\b", t)]
        assert not late, (page, late)


def test_own_scripts_are_minified_in_the_build(landed_site):
    for source in sorted((REPO / "docs/assets/javascripts").glob("*.js")):
        built = (landed_site / "assets/javascripts" / source.name).read_text(encoding="utf-8")
        text = source.read_text(encoding="utf-8")
        assert len(built) < len(text) * 0.85, source.name
        opening = next(line for line in text.splitlines() if len(line.strip()) > 20)
        assert opening not in built, source.name                  # the file's opening comment is gone
        assert "\n  " not in built, source.name                 # indentation gone


def test_own_stylesheet_is_minified_in_the_build(landed_site):
    """Comments and indentation out of thamniap.css (a third of it), every rule kept."""
    source = (REPO / "docs/assets/stylesheets/thamniap.css").read_text(encoding="utf-8")
    built = (landed_site / "assets/stylesheets/thamniap.css").read_text(encoding="utf-8")
    assert built == minify_css(source) and len(built) < len(source) * 0.8
    assert "/*" not in built and "\n  " not in built
    assert built.count("{") == source.count("{") - sum(c.count("{") for c in re.findall(r"/\*.*?\*/", source, re.S))


def test_css_minifying_keeps_strings_and_is_stable():
    css = '/* why */\n.a::before {\n  content: "/* not a comment */";\n}\n\n.b { content: \'x\\\' /*\'; } /* end */\n'
    small = minify_css(css)
    assert small == '.a::before {\ncontent: "/* not a comment */";\n}\n.b { content: \'x\\\' /*\'; }\n'
    assert minify_css(small) == small


def test_minifying_is_stable_and_leaves_the_theme_alone(tmp_path):
    folder = tmp_path / "assets/javascripts"
    folder.mkdir(parents=True)
    (folder / "a.js").write_text("/* note */\nfunction f (x) {\n  // why\n  return x + 1;\n}\n", encoding="utf-8")
    theme = "var a = 1 ;  /* kept */\n"
    (folder / "bundle.abc.min.js").write_text(theme, encoding="utf-8")
    sizes = minify_own_scripts(tmp_path)
    assert list(sizes) == ["assets/javascripts/a.js"]
    small = (folder / "a.js").read_text(encoding="utf-8")
    assert small == "function f(x){return x+1;}\n"
    assert minify_own_scripts(tmp_path)["assets/javascripts/a.js"] == (len(small), len(small))
    assert (folder / "a.js").read_text(encoding="utf-8") == small
    assert (folder / "bundle.abc.min.js").read_text(encoding="utf-8") == theme


def test_each_font_file_holds_thai_and_the_latin_the_pages_use(landed_site):
    """One file per weight (thamniap.devtools.fonts): every Thai character on the site's pages and
    every ASCII one but the letters (a few English words, left to the phone's font) is in it, with
    the Thai shaping that stacks vowels and tone marks, and the OFL notice."""
    from fontTools.ttLib import TTFont
    used = set()
    for html in _pages(landed_site).values():
        text = re.sub(r"<(script|style|svg)\b.*?</\1>|<[^>]+>", " ", html, flags=re.S)
        used |= {ord(c) for c in text if 0x0E00 <= ord(c) <= 0x0E7F or (0x20 <= ord(c) < 0x7F and not c.isalpha())}
    assert len([c for c in used if c >= 0x0E00]) > 40
    for weight in (400, 700):
        font = TTFont(landed_site / f"assets/fonts/sarabun-{weight}.woff2")
        missing = sorted(hex(c) for c in used - set(font.getBestCmap()))
        assert not missing, (weight, missing)
        features = {r.FeatureTag for t in ("GSUB", "GPOS") for r in font[t].table.FeatureList.FeatureRecord}
        assert {"ccmp", "mark", "mkmk"} <= features, features
        names = {n.nameID: str(n) for n in font["name"].names}
        assert "Sarabun Project Authors" in names[0] and "OFL" in names[14]
