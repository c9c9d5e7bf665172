"""A Python-Markdown extension: a table written in Markdown becomes a card per row on a phone.

The tables of the generated pages are made by render/markup.table(..., cls=CARDS); the pages written
in Markdown (rules, architecture, threat model, performance, the bot) have Markdown tables, which
Material lets scroll sideways inside their box at 375 px. This gives each such table the same class
and each cell its column's name (data-label, the header's text), so thamniap.css shows it the same
way. mkdocs.yml names it under markdown_extensions; MkDocs and Zensical both load it from there.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from thamniap.render.markup import CARDS

_ORDER = 4  # after the inline treeprocessor (20), so a header's code span reads as its text


def _text(cell: etree.Element) -> str:
    return " ".join("".join(cell.itertext()).split())


class _Cards(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            if table.get("class"):
                continue
            head = table.find("thead/tr")
            labels = [_text(th) for th in head.findall("th")] if head is not None else []
            table.set("class", CARDS)
            for row in table.iterfind("tbody/tr"):
                for i, cell in enumerate(row.findall("td")):
                    if 0 < i < len(labels) and labels[i]:
                        cell.set("data-label", labels[i])


class TableCardsExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Cards(md), "thamniap_table_cards", _ORDER)


def makeExtension(**kwargs) -> TableCardsExtension:  # noqa: N802 (Python-Markdown's entry point)
    return TableCardsExtension(**kwargs)
