"""The step after the static site generator: the theme's unused search files out, the site's own
scripts and stylesheet minified, the search index in.

`thamniap index SITE_DIR` runs it on any built site; the MkDocs hook runs the same function after
every build (scripts/mkdocs_hook.py, on_post_build).
"""
from __future__ import annotations

import re
from pathlib import Path

import rjsmin

from thamniap.build.search.index import build_search_index

# Files Material copies for its own (lunr) search. The site has no "search" plugin: lunr splits on
# spaces and cannot find "สมชาย" inside "นายสมชาย"; Pagefind (extended, segments Thai) is used
# instead. Without these ~1 MB of lunr/wordcut.js are not shipped. Zensical, with its search off,
# still writes an empty search.json at the top of the site.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.", "search.json")

# The site's own scripts (docs/assets/javascripts/*.js, copied as written): the theme's bundle beside
# them is *.min.js already and is left alone.
OWN_SCRIPTS = "assets/javascripts"
# The site's own stylesheet (docs/assets/stylesheets/thamniap.css): its comments are a third of it,
# and every page waits for it before its first paint.
OWN_STYLESHEET = "assets/stylesheets/thamniap.css"
# A CSS string (kept as it is) or a comment (taken out)
_CSS_STRING_OR_COMMENT = re.compile(r'("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\')|/\*.*?\*/', re.S)


def is_unused_theme_file(rel: str) -> bool:
    """REL (a path in the site, with "/") is one of the theme's lunr search files."""
    return rel.startswith(UNUSED_THEME_FILES)


def finish_site(site_dir: Path) -> dict:
    """Remove the theme's unused search files from a built site, minify its own scripts, then index
    it with Pagefind.

    Returns build_search_index's statistics (thamniap.build.search.index)."""
    site_dir = Path(site_dir).resolve()
    remove_unused_theme_files(site_dir)
    minify_own_scripts(site_dir)
    minify_own_stylesheet(site_dir)
    return build_search_index(site_dir)


def minify_own_scripts(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Minify the site's own scripts in place (rjsmin: comments and spaces out, names kept, so a
    message or a test that reads the page's functions works the same); {path: (bytes before, after)}.
    Running it again on a minified file changes nothing."""
    return {path.relative_to(site_dir).as_posix(): _minify_in_place(path, lambda js: rjsmin.jsmin(js) + "\n")
            for path in sorted((site_dir / OWN_SCRIPTS).glob("*.js")) if not path.name.endswith(".min.js")}


def minify_css(source: str) -> str:
    """SOURCE without its comments, blank lines and the spaces that start or end a line (strings,
    such as a content: "…" value, are kept as written). Running it again changes nothing."""
    bare = _CSS_STRING_OR_COMMENT.sub(lambda found: found.group(1) or "", source)
    return "".join(line.strip() + "\n" for line in bare.splitlines() if line.strip())


def minify_own_stylesheet(site_dir: Path) -> tuple[int, int] | None:
    """Minify the site's own stylesheet in place; (bytes before, after), None when the site has none."""
    path = site_dir / OWN_STYLESHEET
    return _minify_in_place(path, minify_css) if path.is_file() else None


def _minify_in_place(path: Path, minify) -> tuple[int, int]:
    """PATH rewritten as MINIFY(its text) when that differs; (bytes before, after)."""
    source = path.read_text(encoding="utf-8")
    small = minify(source)
    if small != source:
        path.write_text(small, encoding="utf-8")
    return len(source.encode()), len(small.encode())


def remove_unused_theme_files(site_dir: Path) -> list[str]:
    """Delete the unused theme files (and folders they leave empty); return what was deleted."""
    removed = []
    folders = set()
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and is_unused_theme_file(rel):
            path.unlink()
            removed.append(rel)
            folders.update(p for p in path.parents if p != site_dir and site_dir in p.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed
