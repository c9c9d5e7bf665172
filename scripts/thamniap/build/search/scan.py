"""The scan of one built page: its title, headings with ids, people rows and indexed text.

Two parsers give the same events to one scanner (:class:`PageScanner`): libxml2's, through lxml
(fast: it builds the tree in C, ~8x html.parser on a district page), which the index uses; and the
standard library's html.parser, which the scanner is a subclass of, kept as the reference the
tests compare with on whole built sites (tests/test_search_scan.py).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import lxml.html

# Never indexed as page text (indexed as people records instead, see thamniap.build.search).
PEOPLE_TABLE_CLASS = "tn-people"

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that end a word (text on both sides is not one word); inline ones (a, span, strong…) do not.
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
                     "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                     "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
                     "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_NOT_TEXT = frozenset({"script", "style", "template", "svg", "noscript"})
BODY_TAG = re.compile(r"<[a-zA-Z][^<>]*?\sdata-pagefind-body[\s>=/]")


class PageScanner(HTMLParser):
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
# _feed_tree replays it to PageScanner as the same events html.parser would give
# (tests/test_search_scan.py checks both on whole built sites).
_LXML_PARSER = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False)


def _feed_tree(scanner: PageScanner, root, body) -> None:
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


def scan_page(html: str) -> PageScanner | None:
    """The scanned page, or None when it has no data-pagefind-body (Pagefind leaves it out)."""
    if not BODY_TAG.search(html):
        return None
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_LXML_PARSER)
    body = next(root.iterfind(".//*[@data-pagefind-body]"), None)
    if body is None:
        return None
    scanner = PageScanner()
    _feed_tree(scanner, root, body)
    return scanner if scanner.has_body else None
