"""What Pagefind is given: each indexed page with the search keys of its text, and one small
PEOPLE RECORD per section of people rows (rule 4 of the contract in thamniap.build.search)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Iterator

from thamniap.build.search.keys import full_name_keys, search_keys
from thamniap.build.search.scan import scan_page

# People rows are grouped under the nearest heading with an id of this level or higher: one record
# per subdistrict page section (## … {#s-…}), its villages (### … {#v-…}) inside it, not one per
# village (every first query downloads Pagefind's list of records).
SECTION_LEVEL = 2


@dataclass
class Section:
    anchor: str                      # the section heading's id, else the first row's id
    items: list = field(default_factory=list)   # ("h", level, id, text) | ("row", id, [cells])
    keys: set[str] | None = None     # search keys, once computed


def page_url(path: str) -> str:
    """The URL Pagefind gives a page at this path (``/districts/x/`` for ``districts/x/index.html``)."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return "/" + path


@dataclass
class Page:
    path: str                        # relative to the site, "districts/x/index.html"
    html: str
    title: str
    text: str                        # indexed text outside people tables
    sections: list[Section]


def _sections(items: list) -> list[Section]:
    """People rows grouped under the nearest heading with an id of level <= SECTION_LEVEL."""
    sections: list[Section] = []
    current: Section | None = None
    for item in items:
        if item[0] == "h" and item[1] <= SECTION_LEVEL:
            current = Section(item[2], [item])
            sections.append(current)
        elif current is None:
            current = Section(item[1] if item[0] == "row" else item[2], [item])
            sections.append(current)
        else:
            current.items.append(item)
    return [s for s in sections if any(i[0] == "row" for i in s.items)]


def indexed_pages(site_dir: Path, bundle: Path) -> Iterator[Page]:
    """Every page Pagefind indexes (it has data-pagefind-body, outside BUNDLE), scanned; in path order."""
    for html_file in sorted(site_dir.rglob("*.html")):
        if html_file.is_relative_to(bundle):
            continue
        html = html_file.read_text(encoding="utf-8", errors="replace")
        scanner = scan_page(html)          # header, navigation and table of contents are not indexed
        if scanner is None:
            continue
        yield Page(html_file.relative_to(site_dir).as_posix(), html,
                   scanner.title or html_file.parent.name, "".join(scanner.text), _sections(scanner.items))


def page_html(page: Page) -> str:
    """The page as Pagefind indexes it: the built HTML plus the search keys of its text
    (people tables left out: their words are keyed in the people records)."""
    keys = search_keys(page.text) - set().union(*(section_keys(page, s) for s in page.sections))
    if not keys:
        return page.html
    block = f'<div data-pagefind-body>{" ".join(sorted(keys))}</div>'
    at = page.html.rfind("</body>")
    return page.html[:at] + block + page.html[at:] if at >= 0 else page.html + block


def section_keys(page: Page, section: Section) -> set[str]:
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


def section_html(page: Page, section: Section) -> str:
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
