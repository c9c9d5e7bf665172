"""Build the site's Pagefind search index (Thai-aware) over a built HTML site.

CONTRACT FOR PAGE GENERATORS
============================

The search box in the header is Pagefind (extended build, which word-splits
Thai) plus a client-side step in ``docs/assets/javascripts/search.js``.
What a generated page must emit for a search hit to land on a person:

1. Give every person ONE element that STARTS that person's record and carries
   an ``id``: the table row or the heading, e.g.
   ``<tr id="p-4201-0001">…</tr>`` or ``<h3 id="p-4201-0001">…</h3>``
   (Markdown: ``### นายสมชาย ใจดี {#p-4201-0001}``). Ids are unique in the
   page, do not start with ``__`` (Material's own ids, skipped) and are not on
   the page's ``<h1>`` (an ``<h1>`` id counts as the top of the page).
   Everything that should find this person (name, post, village, subdistrict,
   club) must come AFTER that element's start tag and BEFORE the next element
   with an id, in document order, as text (or via
   ``data-pagefind-index-attrs``). Put no other id inside a record.
2. Make the FIRST text of the record the person's display name with the
   title, e.g. ``<td>นายสมชาย ใจดี</td>`` as the first cell: the result list
   shows the text up to the first cell/block boundary as the hit's heading
   (for a heading record: the heading text).
3. Do not add ``data-pagefind-body``: the theme (overrides/main.html) wraps
   every page's Markdown content in it, so header, navigation, table of
   contents and footer are never indexed and the 404 page is left out. Wrap
   content that should not compete in search (rule lists, link lists, the
   printed-form footer) in ``data-pagefind-ignore``.
4. Filters and metadata are PER PAGE, never per record:
   ``<span hidden data-pagefind-filter="amphoe:เมืองเลย"></span>`` (or a
   visible ``<span data-pagefind-filter="amphoe">เมืองเลย</span>``);
   ``data-pagefind-meta="title"`` on the element whose text should be the
   page title in results (default: the first ``<h1>``). A record-level value
   (a person's post or village) must be plain text inside the record (rule 1).
   The search box does not use filters yet; they are there for a later
   district selector (``pagefind.search(q, {filters: {amphoe: "เมืองเลย"}})``).
5. Thai text is indexed as written; the index is built for ``th``. Write
   ``แ`` not ``เเ`` and ``ำ`` not ``ํา`` in the data. The browser normalises
   the QUERY and the page text it checks the same way (zero-width characters
   U+200B–U+200D, U+FEFF, U+2060 removed; ``เเ``→``แ``; ``ํา``→``ำ``), but
   Pagefind's own word index keeps what was written.
6. Sections with their own id (an org chart, a subdistrict heading, a
   village ``v-…``) are records too. When several records on a page contain
   the query, the link goes to: the record containing the query exactly as
   typed (e.g. the full name), else the SMALLEST record containing every
   word — so a person's row wins over a large org chart that also names them.

Why (measured with Pagefind 1.5.2; tests/browser/test_theme_search.py
``test_pagefind_anchor_and_filter_contract`` keeps checking it):

* Pagefind records every element with an ``id`` inside the indexed body in
  ``result.data().anchors`` as ``{element, id, text, location}`` — table rows
  included (``element: "tr"``, ``text: ""``), headings with their text.
* Pagefind's own ``sub_results`` split a page ONLY at headings ``h1``–``h6``
  that have an id; a hit in a ``<tr id>`` is reported under the preceding
  heading (or the page). search.js therefore computes its own sub-results:
  a record is the text from one anchor's ``location`` to the next, so the
  ``id`` must be on the element that starts the record.
* Pagefind's Thai word splitting (charabia at index time, the browser's
  ``Intl.Segmenter`` at query time) disagree on names and place names, and
  the indexer sometimes cuts inside a syllable (``นาดินดำ`` →
  ``นาด|ิ|น|ดำ``, ``อรุณี`` → ``อรุณ|ี``). Plain ``pagefind.search()`` then
  misses pages (``นาดินดำ``, ``นายอรุณี วงศ์ใหญ่``) and ranks pages that only
  share a syllable (``สมปอง`` → every ``สม…``). search.js asks Pagefind for
  the whole query, each word, each word without its title/"บ้าน"/"ตำบล"
  prefix and each Thai word segment, merges the candidate pages, and keeps
  only pages whose normalised text contains every query word. On a synthetic
  set (25 people on 5 pages) that found 125/125 of first name, last name,
  full name with and without title, and village without "บ้าน" queries.

Usage
-----
Run by the MkDocs hook (scripts/mkdocs_hook.py) after every build, or by hand
on any built site: ``python -m thamniap.search_index site/``.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zlib
from importlib import metadata
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
LANGUAGE = "th"
# Never indexed: the "¶" permalink that Python-Markdown's toc puts in headings
# (it would end up in every result title).
EXCLUDE_SELECTORS = (".headerlink",)

# Parts of the Pagefind bundle for Pagefind's own UIs. The site uses its own
# Material-styled box (assets/javascripts/search.js) and the JS API only, so
# these ~350 KB are never requested; they are removed to keep the site small.
_UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def _pagefind_version() -> str:
    for dist in ("pagefind-bin-extended", "pagefind"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def pagefind_executable() -> Path:
    """The *extended* Pagefind binary (only it word-splits Thai).

    PAGEFIND_BINARY_PATH overrides; otherwise the binary shipped in the
    pagefind-bin-extended wheel (requirements.txt), so nothing is downloaded.
    """
    override = os.environ.get("PAGEFIND_BINARY_PATH")
    if override:
        return Path(override)
    try:
        import pagefind_bin_extended

        return Path(pagefind_bin_extended.get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise SearchIndexError(
            "Pagefind extended is not installed (needed to split Thai words). "
            "Install the pinned version: pip install -r requirements.txt"
        ) from exc


_COUNT = re.compile(r"^\s*Indexed (\d+) (page|word|filter|language)s?\s*$", re.M)


def _check_bundle(bundle_dir: Path) -> None:
    """Every gzip file of the bundle must be complete (a cut-off bundle fails in the browser)."""
    gz = [p for p in bundle_dir.rglob("*") if p.is_file()
          and (p.name.startswith("wasm.") or p.suffix.startswith(".pf_"))]
    if not any(p.suffix == ".pf_fragment" for p in gz):
        raise SearchIndexError(f"Pagefind indexed no page under {bundle_dir.parent} "
                               "(is data-pagefind-body in the theme?)")
    for path in gz:
        try:
            if not gzip.decompress(path.read_bytes()):
                raise OSError("empty")
        except (OSError, EOFError, zlib.error) as exc:
            raise SearchIndexError(f"broken Pagefind file {path}: {exc}") from exc


def build_search_index(site_dir: Path, *, output_subdir: str = OUTPUT_SUBDIR,
                       language: str = LANGUAGE,
                       exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS) -> dict:
    """Index every HTML page under ``site_dir`` with Pagefind (extended).

    Writes the search bundle to ``site_dir/output_subdir`` (replacing an old
    one) and returns statistics::

        {"page_count": int, "word_count": int, "filter_count": int,
         "language": "th", "bundle_dir": str, "bundle_files": int,
         "bundle_bytes": int, "fragment_count": int,
         "pagefind_version": "1.5.2", "seconds": float}

    ``page_count`` counts pages in the index (pages with data-pagefind-body),
    not every HTML file. Runs the Pagefind CLI (its own process, no event loop
    involved; the Python API's service was seen leaving truncated files when
    shut down). Raises :class:`SearchIndexError` if the site directory is
    missing, the extended binary is not installed, or Pagefind fails.
    """
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise SearchIndexError(f"site directory not found: {site_dir}")
    exe = pagefind_executable()
    bundle_dir = site_dir / output_subdir
    if bundle_dir.exists():
        shutil.rmtree(bundle_dir)  # no stale fragments from an earlier build

    cmd = [str(exe), "--site", str(site_dir), "--output-subdir", output_subdir,
           "--force-language", language]
    for selector in exclude_selectors:
        cmd += ["--exclude-selectors", selector]
    # cwd = the site: a pagefind.yml/.toml/.json in the caller's directory must not apply.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    started = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=site_dir, env=env, capture_output=True, text=True,
                              timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"could not run Pagefind ({exe}): {exc}") from exc
    seconds = time.monotonic() - started
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise SearchIndexError(f"Pagefind failed on {site_dir} (exit {proc.returncode}):\n{output}")
    if not (bundle_dir / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no bundle to {bundle_dir}:\n{output}")
    _check_bundle(bundle_dir)
    for name in _UNUSED_BUNDLE_FILES:
        (bundle_dir / name).unlink(missing_ok=True)

    counts = {kind: int(n) for n, kind in _COUNT.findall(output)}
    files = [p for p in bundle_dir.rglob("*") if p.is_file()]
    fragments = sum(1 for p in files if p.suffix == ".pf_fragment")
    return {
        "page_count": counts.get("page", fragments),
        "word_count": counts.get("word", 0),
        "filter_count": counts.get("filter", 0),
        "language": language,
        "bundle_dir": str(bundle_dir),
        "bundle_files": len(files),
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "fragment_count": fragments,
        "pagefind_version": _pagefind_version(),
        "seconds": round(seconds, 3),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m thamniap.search_index SITE_DIR", file=sys.stderr)
        return 2
    try:
        stats = build_search_index(Path(args[0]))
    except SearchIndexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(stats, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
