"""Build the site's Pagefind search index (Thai-aware) over a built HTML site.

CONTRACT FOR PAGE GENERATORS
============================

The search box in the header is Pagefind (extended build, which word-splits
Thai) plus a client-side step in ``docs/assets/javascripts/search.js``.
What a generated page must emit for a search hit to land on a person:

1. Put people in a PEOPLE TABLE, ``<table class="tn-people">``, one row per
   person carrying the person's id: ``<tr id="p-4201-0001">…</tr>``. Ids are
   unique in the page, do not start with ``__`` (Material's own ids) and are
   not on the page's ``<h1>``. Everything that should find this person (name,
   role, post, village, subdistrict) is text in the row's cells.
2. Make the FIRST cell the person's display name with the title, e.g.
   ``<td>นายสมชาย ใจดี</td>``: the result list shows it as the hit's heading.
3. Mark row parts that should not find anybody with ``data-pagefind-ignore``
   (sex, dates of a term): ``<td><span data-pagefind-ignore>ชาย</span></td>``.
   They are left out of the person's search record (the page still shows
   them).
4. Section a page with headings that carry an id (Markdown
   ``### ตำบลกุดป่อง {#s-420101}``). People tables are NOT indexed as part of
   their page (that made every district page's search fragment hold hundreds
   of people, so one query downloaded ~0.5 MB). Instead this module adds one
   PEOPLE RECORD per SECTION: the rows under the same ``<h2>``/``<h3>`` with an
   id (on a district page: the leaders, or one subdistrict's villages),
   together with the page's ``<h1>``, that heading and the deeper headings
   with ids inside it (villages), as a small record whose URL is
   ``page/#section-id``. search.js lands on the row (``page/#p-…``), the
   heading (``page/#v-…``) or the page, whichever holds the query (rule 7).
   Everything else on the page (title, office, club, org chart) stays in the
   page's own record, so a district, village or subdistrict name also finds
   the page.
5. Do not add ``data-pagefind-body``: the theme (overrides/main.html) wraps
   every page's Markdown content in it, so header, navigation, table of
   contents and footer are never indexed and the 404 page is left out. Wrap
   other content that should not compete in search (rule lists, link lists,
   the printed-form footer) in ``data-pagefind-ignore``.
6. Filters and metadata are PER PAGE:
   ``<span hidden data-pagefind-filter="amphoe:เมืองเลย"></span>``;
   ``data-pagefind-meta="title"`` on the element whose text should be the
   page title in results (default: the first ``<h1>``). People records carry
   no filter (Pagefind's filter index order is not reproducible). A
   record-level value (a person's post or village) must be text in the row.
   The search box does not use filters yet; they are there for a later
   district selector (``pagefind.search(q, {filters: {amphoe: "เมืองเลย"}})``).
7. Sections with their own id (an org chart, a subdistrict heading, a village
   ``v-…``, a person's heading on a hand-written page) are records too. When
   several records contain the query, the link goes to: the record containing
   the query exactly as typed (e.g. the full name; first where it does not
   run on into a longer word: ``สมชาย ทองสุข`` before ``สมชาย ทองสุขศรี``),
   else the SMALLEST record containing every word — so a person's row wins
   over a large org chart that also names them, and a village heading over
   the rows that repeat the village. A record may leave query words to the
   page title (``สมชาย ครบุรี`` finds the row on อำเภอครบุรี's page).
8. Thai text is indexed as written; the index is built for ``th``. Write
   ``แ`` not ``เเ`` and ``ำ`` not ``ํา`` in the data. The browser normalises
   the QUERY and the page text it checks the same way (:func:`normalize`:
   zero-width characters U+200B–U+200D, U+FEFF, U+2060 removed; ``เเ``→``แ``;
   ``ํา``→``ำ``).

SEARCH KEYS
-----------
Pagefind's Thai word splitting (charabia at index time, ``Intl.Segmenter`` in
the browser) disagree on names and place names, and the indexer sometimes
cuts inside a syllable (``นาดินดำ`` → ``นาด|ิ|น|ดำ``, ``สมชาย`` → ``สม|ชาย``):
``pagefind.search("สมชาย")`` returns ~640 records on a 12,000-person
province, best-scored first ``สมศรี``. So the index also holds a SEARCH KEY
for every whole word (:func:`search_key`: ``"qq"`` + two letters a–p per
UTF-16 unit of the normalised word — one ASCII word Pagefind never splits,
and a prefix of the word gives a prefix of the key), and for the word
without a title or place prefix (``นาย``, ``ว่าที่ร้อยตรี``, ``บ้าน``,
``ตำบล``, ``อำเภอ``… :data:`PREFIXES` and the titles in
:mod:`thamniap.core.fields`): once per people record for the words of its title,
headings and rows (and a name key per person, :func:`full_name_keys`), and
once per page for the rest of its indexed text (a
hidden block appended to the HTML Pagefind indexes, never to the built
page). search.js first asks Pagefind for the keys of the query's words (all
must match; a query word may be the start of an indexed word), which finds
exactly the records holding those words; only if that finds nothing does it
fall back to plain Thai terms and word segments (a word's middle, e.g. the
second half of a compound surname). Pagefind also returns a record whose key
is only the START of a query word's key (``สมชายา`` finds ``สมชาย``);
search.js's check of the text drops it. search.js blanks the keys out of the
text it shows and checks. :data:`PREFIXES`, :func:`normalize`,
:func:`search_key` and the word rules of :func:`word_forms` (letters
required, edge punctuation dropped) must stay identical to search.js.

Why sections and not one record per person (measured on นครราชสีมา, 32
districts, 12,122 people, Pagefind 1.5.2): Pagefind's ``pf_meta`` file, which
every first query downloads, lists every record: 68 KB with one record per
person, 18 KB per village, 3 KB per subdistrict section (~4 KB per section
fragment).

Other facts relied on (tests/browser/test_theme_search.py
``test_pagefind_anchor_and_filter_contract`` keeps checking them):

* Pagefind records every element with an ``id`` inside the indexed body in
  ``result.data().anchors`` as ``{element, id, text, location}`` — table rows
  included (``element: "tr"``, ``text: ""``), headings with their text.
* Pagefind's own ``sub_results`` split a page ONLY at headings ``h1``–``h6``
  that have an id; search.js computes its own: a record is the text from one
  anchor's ``location`` to the next, so the ``id`` must be on the element
  that starts the record.

Building: the Pagefind binary runs in service mode, driven over its stdin/
stdout protocol by :class:`_PagefindService` (not the ``pagefind`` Python
package: it polls each answer with a 0.1 s sleep and was seen leaving
truncated files when it shut the service down). It indexes every page with
data-pagefind-body under the URL the CLI would give it, each followed by its
people records, in path order (while this module scans the next page), and
hands the bundle back over the pipe; this module writes the files and checks
every gzip file is complete.

Usage
-----
Run by the MkDocs hook (scripts/mkdocs_hook.py) after every build, or by hand
on any built site: ``python -m thamniap.build.search_index site/``.
"""
from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator

import lxml.html

from thamniap.core.fields import split_title_prefix

OUTPUT_SUBDIR = "pagefind"
LANGUAGE = "th"
# Never indexed as page text: the "¶" permalink that Python-Markdown's toc puts
# in headings (it would end up in every result title), and the people tables
# (indexed as people records instead, see the contract).
PEOPLE_TABLE_CLASS = "tn-people"
EXCLUDE_SELECTORS = (".headerlink", f"table.{PEOPLE_TABLE_CLASS}")
# People rows are grouped under the nearest heading with an id of this level or higher.
SECTION_LEVEL = 3

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


# ---------------------------------------------------------------- text and search keys
# Keep identical to docs/assets/javascripts/search.js (normalize, PREFIXES, searchKey).

_ZERO_WIDTH = re.compile("[\u200b-\u200d\ufeff\u2060]")
_NIKHAHIT_AA = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# Title and place prefixes the browser strips from a query word (first match wins).
PREFIXES = ("นางสาว", "น.ส.", "นาย", "นาง", "ด.ช.", "ด.ญ.", "บ้าน", "หมู่บ้าน", "ตำบล", "ต.",
            "อำเภอ", "อ.", "จังหวัด", "จ.", "ชมรม")
KEY_PREFIX = "qq"
_EDGE_PUNCTUATION = ",;:()[]{}\"'“”‘’·•/|"


def normalize(text: str) -> str:
    """What search.js ``normalize`` makes of a text: NFC, no zero-width characters,
    เเ→แ, ํา→ำ, single spaces, lower case."""
    text = unicodedata.normalize("NFC", text or "")
    text = _ZERO_WIDTH.sub("", text).replace("\u0e40\u0e40", "\u0e41")
    text = _NIKHAHIT_AA.sub("\\1\u0e33", text)
    return " ".join(text.split()).lower()


def strip_prefix(word: str) -> str | None:
    """search.js ``stripPrefix``: the word without the first matching PREFIXES entry,
    if at least two characters (UTF-16 units) remain."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and _utf16_len(word) - _utf16_len(prefix) >= 2:
            return word[len(prefix):]
    return None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def search_key(word: str) -> str:
    """The search key of one normalised word: ``qq`` + two letters a–p per UTF-16 unit.

    Thai (U+0E00–U+0E7F) takes two letters (a–h, a–p); any other unit takes
    ``i``–``p`` and four letters a–p. A prefix of the word gives a prefix of the key.
    """
    out = [KEY_PREFIX]
    units = word.encode("utf-16-le")
    for i in range(0, len(units), 2):
        unit = units[i] | units[i + 1] << 8
        if 0x0E00 <= unit <= 0x0E7F:
            v = unit - 0x0E00
            out.append("abcdefgh"[v >> 4] + "abcdefghijklmnop"[v & 15])
        else:
            out.append("i" + "".join("abcdefghijklmnop"[(unit >> s) & 15] for s in (12, 8, 4, 0)))
    return "".join(out)


def word_forms(word: str) -> set[str]:
    """A normalised word and the same word without a title or place prefix."""
    word = word.strip(_EDGE_PUNCTUATION)
    if not any(ch.isalpha() for ch in word):
        return set()       # numbers, dashes, "-" for no post
    forms = {word}
    stripped = strip_prefix(word)
    if stripped:
        forms.add(stripped)
    _, rest = split_title_prefix(word)
    if rest and rest != word:
        forms.add(rest)
        again = strip_prefix(rest)
        if again:
            forms.add(again)
    return {f for f in forms if f}


@lru_cache(maxsize=1 << 17)
def _word_keys(word: str) -> frozenset[str]:
    return frozenset(search_key(form) for form in word_forms(word))


def search_keys(*texts: str) -> set[str]:
    """Search keys for every word of the texts (see :func:`word_forms`)."""
    keys: set[str] = set()
    for text in texts:
        for word in normalize(text).split(" "):
            keys |= _word_keys(word)
    return keys


NAME_KEY_TAIL = 2   # UTF-16 units of the last name in a name key


def full_name_keys(name: str) -> set[str]:
    """Name keys of a display name: its first word without the title, then the start
    of the next words (NAME_KEY_TAIL units), written together: ``นายสมชาย ใจดี`` ->
    key of ``สมชายใจ``. search.js asks for the same key of a query of two or more
    words and loads the records holding it first, so a person's own record comes
    before records that hold the first and last name in different rows. (A short key
    keeps the index small; records it brings up wrongly fail search.js's check.)"""
    words = [w for w in (w.strip(_EDGE_PUNCTUATION) for w in normalize(name).split(" ")) if w]
    if len(words) < 2 or not any(ch.isalpha() for ch in words[0]):
        return set()
    tail = _utf16_head("".join(words[1:]), NAME_KEY_TAIL)
    firsts = {strip_prefix(words[0]) or words[0]}     # what search.js makes of the first word
    rest = split_title_prefix(words[0])[1]
    if rest:
        firsts.add(rest)                                 # a title search.js does not know
    return {search_key(first + tail) for first in firsts}


def _utf16_head(text: str, units: int) -> str:
    """The first ``units`` UTF-16 units of ``text`` (JavaScript's ``text.slice(0, units)``)."""
    return text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore")


# ---------------------------------------------------------------- people records


@dataclass
class _Section:
    anchor: str                      # the section heading's id, else the first row's id
    items: list = field(default_factory=list)   # ("h", level, id, text) | ("row", id, [cells])
    keys: set[str] | None = None     # search keys, once computed


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that end a word (text on both sides is not one word); inline ones (a, span, strong…) do not.
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
                     "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                     "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
                     "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_NOT_TEXT = frozenset({"script", "style", "template", "svg", "noscript"})
_BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*?\sdata-pagefind-body[\s>=/]")


class _PageScanner(HTMLParser):
    """One built page: its first <h1>, headings with ids and people rows in order, and the
    indexed text outside people tables (inside data-pagefind-body, not ignored).

    Fed by `scan_page` from lxml's tree; also an html.parser.HTMLParser, so the same events can
    come from the standard library's parser (the tests compare the two)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.items: list = []
        self.text: list[str] = []                # indexed page text, people tables left out
        self.has_body = False
        self._stack: list[str] = []
        self._body_depth: int | None = None      # inside data-pagefind-body
        self._skip_depth: int | None = None      # inside data-pagefind-ignore / a.headerlink / script…
        self._table_depth: int | None = None     # inside table.tn-people
        self._heading: tuple[int, str | None] | None = None
        self._row: tuple[str, list[str]] | None = None
        self._buf: list[str] | None = None       # text of the open heading or cell

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in _BLOCKS:
            self.text.append(" ")
            if tag == "br" and self._buf is not None:
                self._buf.append(" ")
        if tag in _VOID:
            return
        self._stack.append(tag)
        depth = len(self._stack)
        classes = (a.get("class") or "").split()
        if "data-pagefind-body" in a and self._body_depth is None:
            self._body_depth = depth
            self.has_body = True
        if self._skip_depth is None and ("data-pagefind-ignore" in a or "headerlink" in classes
                                         or tag in _NOT_TEXT):
            self._skip_depth = depth
        if tag in _HEADINGS and self._row is None and (tag == "h1" and self.title is None or a.get("id")):
            self._heading = (_HEADINGS[tag], a.get("id"))
            self._buf = []
        elif tag == "table" and PEOPLE_TABLE_CLASS in classes and self._table_depth is None:
            self._table_depth = depth
        elif tag == "tr" and self._table_depth is not None and a.get("id"):
            self._row = (a["id"], [])
        elif tag in ("td", "th") and self._row is not None:
            self._buf = []

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.text.append(" ")
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            self._close(open_tag)
            depth = len(self._stack)
            if self._skip_depth is not None and depth < self._skip_depth:
                self._skip_depth = None
            if self._body_depth is not None and depth < self._body_depth:
                self._body_depth = None
            if open_tag == tag:
                break

    def _close(self, tag):
        if tag in _HEADINGS and self._heading is not None:
            level, hid = self._heading
            text = " ".join("".join(self._buf or []).split())
            if level == 1 and self.title is None:
                self.title = text
            if hid and level > 1:
                self.items.append(("h", level, hid, text))
            self._heading, self._buf = None, None
        elif tag in ("td", "th") and self._row is not None and self._buf is not None:
            self._row[1].append(" ".join("".join(self._buf).split()))
            self._buf = None
        elif tag == "tr" and self._row is not None:
            self.items.append(("row", self._row[0], self._row[1]))
            self._row = None
        elif tag == "table" and self._table_depth is not None and len(self._stack) < self._table_depth:
            self._table_depth = None

    def handle_data(self, data):
        if self._skip_depth is not None:
            return
        if self._buf is not None:
            self._buf.append(data)
        if self._body_depth is not None and self._table_depth is None:
            self.text.append(data)


# libxml2's HTML parser builds the tree in C (~8x faster than html.parser on a district page);
# _feed_tree replays it to _PageScanner as the same events html.parser would give
# (tests/test_search_scan.py checks both on whole built sites).
_LXML_PARSER = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False)


def _feed_tree(scanner: _PageScanner, root, body) -> None:
    """Give SCANNER the events of ROOT's tree from element BODY on, in document order."""
    started = False
    void = _VOID

    def walk(el):
        nonlocal started
        tag = el.tag
        if not isinstance(tag, str):                 # comment or processing instruction
            if started and el.tail:
                scanner.handle_data(el.tail)
            return
        if el is body:
            started = True
        if started:
            scanner.handle_starttag(tag, el.attrib)
            if el.text:
                scanner.handle_data(el.text)
        for child in el:
            walk(child)
        if started:
            if tag not in void:
                scanner.handle_endtag(tag)
            if el.tail:
                scanner.handle_data(el.tail)

    walk(root)


def scan_page(html: str) -> _PageScanner | None:
    """The scanned page, or None when it has no data-pagefind-body (Pagefind leaves it out)."""
    if not _BODY_TAG.search(html):
        return None
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_LXML_PARSER)
    body = next(root.iterfind(".//*[@data-pagefind-body]"), None)
    if body is None:
        return None
    scanner = _PageScanner()
    _feed_tree(scanner, root, body)
    return scanner if scanner.has_body else None


def _page_url(path: str) -> str:
    """The URL Pagefind gives a page at this path (``/districts/x/`` for ``districts/x/index.html``)."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return "/" + path


@dataclass
class _Page:
    path: str                        # relative to the site, "districts/x/index.html"
    html: str
    title: str
    text: str                        # indexed text outside people tables
    sections: list[_Section]


def _sections(items: list) -> list[_Section]:
    """People rows grouped under the nearest heading with an id of level <= SECTION_LEVEL."""
    sections: list[_Section] = []
    current: _Section | None = None
    for item in items:
        if item[0] == "h" and item[1] <= SECTION_LEVEL:
            current = _Section(item[2], [item])
            sections.append(current)
        elif current is None:
            current = _Section(item[1] if item[0] == "row" else item[2], [item])
            sections.append(current)
        else:
            current.items.append(item)
    return [s for s in sections if any(i[0] == "row" for i in s.items)]


def indexed_pages(site_dir: Path, output_subdir: str = OUTPUT_SUBDIR) -> Iterator[_Page]:
    """Every page Pagefind indexes (it has data-pagefind-body), scanned; in path order."""
    bundle = site_dir / output_subdir
    for html_file in sorted(site_dir.rglob("*.html")):
        if html_file.is_relative_to(bundle):
            continue
        html = html_file.read_text(encoding="utf-8", errors="replace")
        scanner = scan_page(html)          # header, navigation and table of contents are not indexed
        if scanner is None:
            continue
        yield _Page(html_file.relative_to(site_dir).as_posix(), html,
                    scanner.title or html_file.parent.name, "".join(scanner.text), _sections(scanner.items))


def page_html(page: _Page) -> str:
    """The page as Pagefind indexes it: the built HTML plus the search keys of its text
    (people tables left out: their words are keyed in the people records)."""
    keys = search_keys(page.text) - set().union(*(section_keys(page, s) for s in page.sections))
    if not keys:
        return page.html
    block = f'<div data-pagefind-body>{" ".join(sorted(keys))}</div>'
    at = page.html.rfind("</body>")
    return page.html[:at] + block + page.html[at:] if at >= 0 else page.html + block


def section_keys(page: _Page, section: _Section) -> set[str]:
    """Search keys of a people record: the page title, the headings and the rows."""
    if section.keys is None:
        texts = [page.title]
        names: set[str] = set()
        for item in section.items:
            texts.extend([item[3]] if item[0] == "h" else item[2])
            if item[0] == "row" and item[2]:
                names |= full_name_keys(item[2][0])
        section.keys = search_keys(*texts) | names
    return section.keys


def section_html(page: _Page, section: _Section) -> str:
    """The people record of one section, as the HTML Pagefind indexes (see the contract)."""
    out = ['<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>', escape(page.title),
           "</title></head><body><main data-pagefind-body>", f"<h1>{escape(page.title)}</h1>"]
    in_table = False
    for item in section.items:
        if item[0] == "h":
            _, level, hid, text = item
            if in_table:
                out.append("</tbody></table>")
                in_table = False
            out.append(f'<h{level} id="{escape(hid)}">{escape(text)}</h{level}>')
        else:
            _, rid, cells = item
            if not in_table:
                out.append("<table><tbody>")
                in_table = True
            # cells without a letter or digit ("-" for no post) say nothing in a search result
            out.append(f'<tr id="{escape(rid)}">' + "".join(f"<td>{escape(c)}</td>" for c in cells
                                                            if any(ch.isalnum() for ch in c)) + "</tr>")
    if in_table:
        out.append("</tbody></table>")
    out.append(f'<p>{" ".join(sorted(section_keys(page, section)))}</p></main></body></html>')
    return "".join(out)


# ---------------------------------------------------------------- the Pagefind service


class _PagefindService:
    """``pagefind --service``: base64 JSON messages ending in "," on stdin/stdout.

    The service handles messages one by one, in order, so sending a batch at
    once keeps the index order (and the bundle) reproducible.
    """

    def __init__(self, exe: Path, cwd: Path, log: Path, timeout: float = 600):
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
        self._log = log
        self._stderr = open(log.with_suffix(".stderr"), "wb")
        try:
            self._proc = subprocess.Popen([str(exe), "--service"], cwd=cwd, env=env, stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=self._stderr)
        except OSError as exc:
            self._stderr.close()
            raise SearchIndexError(f"could not run Pagefind ({exe}): {exc}") from exc
        self._timer = threading.Timer(timeout, self._proc.kill)   # a hung service ends the build
        self._timer.start()
        self._sent = 0
        self._buf = bytearray()

    def request(self, payloads: Iterable[dict]) -> list[dict]:
        """Send the payloads; return the answers' payloads in order (raises on an error answer).

        ``payloads`` may be a generator: it runs in a writer thread, so the
        service indexes one page while the next is being read and scanned.
        """
        first = self._sent + 1
        state = {"sent": 0, "done": False, "error": None}
        ready = threading.Condition()

        def write():
            try:
                for i, payload in enumerate(payloads, first):
                    message = json.dumps({"message_id": i, "payload": payload}, ensure_ascii=False)
                    self._proc.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
                    self._proc.stdin.flush()
                    with ready:
                        state["sent"] += 1
                        ready.notify()
            except OSError:
                pass        # the reader reports the service's end
            except BaseException as exc:  # noqa: BLE001 - a page that could not be read: re-raised below
                state["error"] = exc
            finally:
                with ready:
                    state["done"] = True
                    ready.notify()

        writer = threading.Thread(target=write, name="pagefind-service-writer", daemon=True)
        writer.start()      # written while answers are read: neither pipe can fill up
        answers: list[dict] = []
        try:
            while True:
                with ready:
                    ready.wait_for(lambda: len(answers) < state["sent"] or state["done"])
                    if len(answers) >= state["sent"]:
                        break           # done, every message answered
                end = self._buf.find(b",")
                if end < 0:
                    chunk = self._proc.stdout.read1(1 << 20)
                    if not chunk:
                        raise SearchIndexError(f"Pagefind service stopped (answered {first - 1 + len(answers)} "
                                               f"of {first - 1 + state['sent']} messages):\n{self.output()}")
                    self._buf += chunk
                    continue
                answer = json.loads(base64.b64decode(bytes(self._buf[:end])))
                del self._buf[: end + 1]
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    raise SearchIndexError(f"Pagefind service: {payload.get('message')} "
                                           f"(message {answer.get('message_id')})\n{self.output()}")
                if answer.get("message_id") != first + len(answers):
                    raise SearchIndexError(f"Pagefind service answered message {answer.get('message_id')}, "
                                           f"expected {first + len(answers)}")
                answers.append(payload)
        finally:
            if not state["done"]:
                self._proc.kill()       # stop a writer blocked on a full pipe
            writer.join(timeout=60)
        if state["error"] is not None:
            raise state["error"]
        self._sent += len(answers)
        return answers

    def close(self):
        self._timer.cancel()
        try:
            self._proc.stdin.close()       # EOF: the service exits
        except OSError:
            pass
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._proc.stdout.close()
        self._stderr.close()

    def output(self) -> str:
        """Pagefind's log and error output so far."""
        parts = []
        for path in (self._log, self._log.with_suffix(".stderr")):
            try:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                pass
        return "\n".join(parts)


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
    pages: list[_Page] = []

    def messages():
        """Each page, then its people records: Pagefind indexes one while the next is scanned."""
        for page in indexed_pages(site_dir, output_subdir):
            pages.append(page)
            url = _page_url(page.path)
            yield {"type": "AddFile", "index_id": 0, "file_path": page.path, "url": url,
                   "file_contents": page_html(page)}
            page.html = ""      # sent; the people records need only the scanned parts
            for section in page.sections:
                yield {"type": "AddFile", "index_id": 0, "file_path": None, "url": f"{url}#{section.anchor}",
                       "file_contents": section_html(page, section)}
        yield {"type": "GetFiles", "index_id": 0}

    with tempfile.TemporaryDirectory(prefix="thamniap-pagefind-") as tmp:
        log = Path(tmp) / "pagefind.log"
        config = {"force_language": language, "exclude_selectors": list(exclude_selectors),
                  "logfile": str(log)}
        # cwd = the site, as for the CLI: a pagefind.yml/.toml/.json in the caller's directory
        # must not apply.
        service = _PagefindService(exe, site_dir, log)
        try:
            service.request([{"type": "NewIndex", "config": config}])
            bundle = service.request(messages())[-1]
        finally:
            service.close()
        output = service.output()
    seconds = time.monotonic() - started

    for item in bundle.get("files", []):
        rel = Path(item["path"])
        if rel.is_absolute() or ".." in rel.parts:
            raise SearchIndexError(f"Pagefind returned a file outside its bundle: {item['path']}")
        if rel.as_posix() in _UNUSED_BUNDLE_FILES or rel.parts[0] == "playground":
            continue
        target = bundle_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(item["content"]))
    if not (bundle_dir / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no bundle to {bundle_dir}:\n{output}")
    _check_bundle(bundle_dir)

    totals = output.rsplit("Total:", 1)[-1]
    counts = {kind: int(n) for n, kind in _COUNT.findall(totals)}
    files = [p for p in bundle_dir.rglob("*") if p.is_file()]
    fragments = sum(1 for p in files if p.suffix == ".pf_fragment")
    return {
        "page_count": len(pages),
        "record_count": sum(len(page.sections) for page in pages),
        "person_count": sum(1 for page in pages for s in page.sections for item in s.items if item[0] == "row"),
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
        print("usage: python -m thamniap.build.search_index SITE_DIR", file=sys.stderr)
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
