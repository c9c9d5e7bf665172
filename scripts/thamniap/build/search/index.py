"""build_search_index: the Pagefind search index of a built site, with the people records.

The steps: scan every page (records.indexed_pages), send each with its search keys and then its
people records to the Pagefind service (pagefind.PagefindService), write the bundle it hands back
(bundle.write_bundle). Nothing here knows about MkDocs: any built site directory will do
(`thamniap index SITE_DIR`).
"""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Iterator

from thamniap.build.search.bundle import bundle_stats, write_bundle
from thamniap.build.search.keys import name_words
from thamniap.build.search.pagefind import PagefindService, SearchIndexError, pagefind_executable, pagefind_version
from thamniap.build.search.records import Page, indexed_pages, page_html, page_url, section_html
from thamniap.build.search.scan import PEOPLE_TABLE_CLASS

__all__ = ["build_search_index", "SearchIndexError"]

OUTPUT_SUBDIR = "pagefind"
# The words of people's names, for search.js to correct a misspelt name (outside the bundle).
NAMES_FILE = "assets/search/names.json"
LANGUAGE = "th"
# Never indexed as page text: the "¶" permalink that Python-Markdown's toc puts
# in headings (it would end up in every result title), and the people tables
# (indexed as people records instead, see the contract in thamniap.build.search).
EXCLUDE_SELECTORS = (".headerlink", f"table.{PEOPLE_TABLE_CLASS}")


def build_search_index(site_dir: Path, *, output_subdir: str = OUTPUT_SUBDIR,
                       language: str = LANGUAGE,
                       exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS) -> dict:
    """Index every HTML page under ``site_dir`` plus the people records (see the contract).

    Writes the search bundle to ``site_dir/output_subdir`` (replacing an old
    one) and returns statistics::

        {"page_count": int, "record_count": int, "person_count": int,
         "word_count": int, "filter_count": int, "language": "th",
         "bundle_dir": str, "bundle_files": int, "bundle_bytes": int,
         "fragment_count": int, "pagefind_version": "1.5.2", "seconds": float}

    ``page_count`` counts pages in the index (pages with data-pagefind-body),
    not every HTML file; ``record_count`` the people records (sections) added,
    holding ``person_count`` rows. Raises :class:`SearchIndexError` if the site
    directory is missing, the extended binary is not installed, or Pagefind
    fails or writes a broken file.
    """
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise SearchIndexError(f"site directory not found: {site_dir}")
    exe = pagefind_executable()
    bundle_dir = site_dir / output_subdir
    if bundle_dir.exists():
        shutil.rmtree(bundle_dir)  # no stale fragments from an earlier build

    started = time.monotonic()
    pages: list[Page] = []
    with tempfile.TemporaryDirectory(prefix="thamniap-pagefind-") as tmp:
        log = Path(tmp) / "pagefind.log"
        config = {"force_language": language, "exclude_selectors": list(exclude_selectors),
                  "logfile": str(log)}
        # cwd = the site, as for the CLI: a pagefind.yml/.toml/.json in the caller's directory
        # must not apply.
        service = PagefindService(exe, site_dir, log)
        try:
            service.request([{"type": "NewIndex", "config": config}])
            bundle = service.request(_messages(site_dir, bundle_dir, pages))[-1]
        finally:
            service.close()
        output = service.output()
    seconds = time.monotonic() - started
    write_bundle(bundle, bundle_dir, output)
    _write_names(site_dir / NAMES_FILE, pages)

    written = bundle_stats(bundle_dir, output)
    return {
        "page_count": len(pages),
        "record_count": sum(len(page.sections) for page in pages),
        "person_count": sum(1 for page in pages for s in page.sections for item in s.items if item[0] == "row"),
        "word_count": written["word_count"],
        "filter_count": written["filter_count"],
        "language": language,
        "bundle_dir": written["bundle_dir"],
        "bundle_files": written["bundle_files"],
        "bundle_bytes": written["bundle_bytes"],
        "fragment_count": written["fragment_count"],
        "pagefind_version": pagefind_version(),
        "seconds": round(seconds, 3),
    }


def _write_names(path: Path, pages: list[Page]) -> None:
    """NAMES_FILE: every word of the people records' names (their rows' first cells), one list."""
    names = (item[2][0] for page in pages for section in page.sections for item in section.items
             if item[0] == "row" and item[2])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(name_words(names), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _messages(site_dir: Path, bundle_dir: Path, pages: list[Page]) -> Iterator[dict]:
    """Each page, then its people records (Pagefind indexes one while the next is scanned); each
    page scanned is appended to PAGES, for the statistics."""
    for page in indexed_pages(site_dir, bundle_dir):
        pages.append(page)
        url = page_url(page.path)
        yield {"type": "AddFile", "index_id": 0, "file_path": page.path, "url": url,
               "file_contents": page_html(page)}
        page.html = ""      # sent; the people records need only the scanned parts
        for section in page.sections:
            yield {"type": "AddFile", "index_id": 0, "file_path": None, "url": f"{url}#{section.anchor}",
                   "file_contents": section_html(page, section)}
    yield {"type": "GetFiles", "index_id": 0}
