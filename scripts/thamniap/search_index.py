"""Build the site's Pagefind search index (Thai-aware) over a built HTML site.

CONTRACT FOR PAGE GENERATORS
============================

The search box in the header is Pagefind (extended build, which word-splits
Thai) plus a small client-side step in ``docs/assets/javascripts/search.js``.
What a generated page must emit for a search hit to land on a person:

1. Give every person ONE element that STARTS that person's record and carries
   an ``id``: the table row or the heading, e.g.
   ``<tr id="p-4201-0001">…</tr>`` or ``<h3 id="p-4201-0001">…</h3>``
   (Markdown: ``### นายสมชาย ใจดี {#p-4201-0001}``; ids must be unique in the
   page and must not start with ``__``).
   Everything that should find this person (name, post, village, subdistrict,
   club) must come AFTER that element's start tag and BEFORE the next record's
   id, in document order, as visible text (or via ``data-pagefind-index-attrs``).
2. Make the FIRST text of the record the person's display name, with the
   title, e.g. ``<td>นายสมชาย ใจดี</td>`` as the first cell. The result list
   shows the text up to the first cell/block boundary as the hit's heading.
3. Do not add ``data-pagefind-body`` yourself: the theme (overrides/main.html)
   already wraps every page's Markdown content in it, so header, navigation,
   table of contents and footer are never indexed. Wrap anything inside the
   content that must not be searchable (e.g. a printed-form footer, a list of
   links to other districts) in ``data-pagefind-ignore``.
4. Filters and metadata are PER PAGE, never per record:
   ``<span data-pagefind-filter="อำเภอ">เมืองเลย</span>`` or, with no visible
   text, ``<span hidden data-pagefind-filter="อำเภอ:เมืองเลย"></span>``;
   ``data-pagefind-meta="title"`` on the element whose text should be the
   page title in results (default: the first ``<h1>``). A record-level value
   (a person's post or village) must be plain text inside the record (rule 1).
5. Thai text is indexed as written. The index is built for ``lang="th"`` (the
   theme sets ``<html lang="th">``; indexing forces ``th`` anyway).
   Write ``แ`` not ``เเ`` and ``ำ`` not ``ํา`` in the data; the browser
   normalises the QUERY (zero-width characters U+200B–U+200D, U+FEFF, U+2060
   removed; ``เเ``→``แ``; ``ํา``→``ำ``) and the page text it checks, but the
   index itself keeps whatever was written.

Why (measured with Pagefind 1.5.2):

* Pagefind records every element with an ``id`` inside the indexed body in
  ``result.data().anchors`` as ``{element, id, text, location}`` — table rows
  included (``element: "tr"``, ``text: ""``), headings with their text.
* Pagefind's own ``sub_results`` split a page ONLY at headings ``h1``–``h6``
  that have an id; a hit in a ``<tr id>`` is reported under the preceding
  heading (or the page). search.js therefore computes its own sub-results
  from ``anchors`` + the matched words: a hit belongs to the nearest preceding
  anchor, so the ``id`` has to be on the element that starts the record.
* Pagefind's Thai word splitting (charabia at index time, the browser's
  ``Intl.Segmenter`` at query time) disagree on names and place names, and
  the indexer sometimes cuts inside a syllable (``นาดินดำ`` →
  ``นาด|ิ|น|ดำ``). search.js asks Pagefind several times (whole query, each
  word, each Thai word segment, without the title/"บ้าน"/"ตำบล" prefixes) to
  collect candidate pages, then keeps only pages whose text really contains
  every query word (substring check on the normalised text) and picks the
  record to land on the same way. Hence rule 1: the text that identifies a
  person has to be inside that person's record.

Usage
-----
Run by the MkDocs hook (scripts/mkdocs_hook.py) after every build, or by hand
on any built site: ``python -m thamniap.search_index site/``.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import shutil
import sys
import time
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


def _check_extended_binary() -> None:
    """Only the *extended* Pagefind binary word-splits Thai: refuse to run without it."""
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return  # explicit override, trusted
    try:
        import pagefind_bin_extended  # noqa: F401

        pagefind_bin_extended.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchIndexError(
            "Pagefind extended is not installed (needed to split Thai words). "
            "Install the pinned version: pip install -r requirements.txt"
        ) from exc


async def _index(site_dir: Path, bundle_dir: Path, language: str,
                 exclude_selectors: tuple[str, ...]) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language=language, output_path=str(bundle_dir),
                         exclude_selectors=list(exclude_selectors))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
        return int(result["page_count"])
    # leaving the context writes the bundle to output_path


def _run(coro):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    # Called from inside an event loop: run ours in a worker thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def build_search_index(site_dir: Path, *, output_subdir: str = OUTPUT_SUBDIR,
                       language: str = LANGUAGE,
                       exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS) -> dict:
    """Index every HTML page under ``site_dir`` with Pagefind (extended).

    Writes the search bundle to ``site_dir/output_subdir`` (replacing an old
    one) and returns statistics::

        {"page_count": int, "language": "th", "bundle_dir": str,
         "bundle_files": int, "bundle_bytes": int, "fragment_count": int,
         "pagefind_version": "1.5.2", "seconds": float}

    Raises :class:`SearchIndexError` if the site directory is missing, the
    extended binary is not installed, or Pagefind fails.
    """
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise SearchIndexError(f"site directory not found: {site_dir}")
    _check_extended_binary()
    bundle_dir = site_dir / output_subdir
    if bundle_dir.exists():
        shutil.rmtree(bundle_dir)  # no stale fragments from an earlier build

    started = time.monotonic()
    try:
        page_count = _run(_index(site_dir, bundle_dir, language, tuple(exclude_selectors)))
    except SearchIndexError:
        raise
    except Exception as exc:  # the Pagefind service reports errors as plain Exception
        raise SearchIndexError(f"Pagefind failed on {site_dir}: {exc}") from exc
    seconds = time.monotonic() - started

    if not (bundle_dir / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no bundle to {bundle_dir}")
    for name in _UNUSED_BUNDLE_FILES:
        (bundle_dir / name).unlink(missing_ok=True)

    files = [p for p in bundle_dir.rglob("*") if p.is_file()]
    return {
        "page_count": page_count,
        "language": language,
        "bundle_dir": str(bundle_dir),
        "bundle_files": len(files),
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "fragment_count": sum(1 for p in files if p.suffix == ".pf_fragment"),
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
