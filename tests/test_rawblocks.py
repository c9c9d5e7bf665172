"""The raw-block shortcut must not change what Markdown makes of a generated page.

Every golden page (each kind of generated page, from the test dataset) and the two largest pages of
each kind of the Loei site (real data: the same kinds, more rows) are converted with and without
thamniap.build.rawblocks, with the extensions mkdocs.yml uses; the HTML must be equal, and the shortcut
must actually have taken blocks (else the test would prove nothing). Converting every Loei page adds
volume, not kinds: Markdown's own conversion is the slow path the shortcut exists to avoid.
"""
from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest
from helpers import REPO, run_cli
from mkdocs.utils import meta

from thamniap.build.rawblocks import MARKER, RawBlocksExtension
from thamniap.render.front_matter import GENERATED_NOTE

sys.path.insert(0, str(REPO / "scripts"))
from mkdocs_hook import thai_slugify  # noqa: E402

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]
CONFIGS = {"toc": {"permalink": True, "slugify": thai_slugify}}


def convert(text: str, raw: bool) -> tuple[str, int]:
    """HTML of TEXT and the number of blocks the shortcut stashed."""
    md = markdown.Markdown(extensions=EXTENSIONS + ([RawBlocksExtension()] if raw else []), extension_configs=CONFIGS)
    taken = [0]
    if raw:
        pre = md.preprocessors["thamniap_raw_blocks"]
        original = pre.run

        def counting(lines):
            before = len(md.htmlStash.rawHtmlBlocks)
            result = original(lines)
            taken[0] = len(md.htmlStash.rawHtmlBlocks) - before
            return result
        pre.run = counting
    return md.convert(text), taken[0]


def assert_same(text: str) -> int:
    plain, _ = convert(text, raw=False)
    shortcut, taken = convert(text, raw=True)
    assert shortcut == plain
    return taken


def test_marker_is_the_generators_note():
    assert MARKER is GENERATED_NOTE      # one string, defined in render.front_matter


@pytest.fixture(scope="module")
def loei_pages(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("loei-pages")
    code, _, stderr = run_cli("pages", str(out), "--today", "2024-02-01")
    assert code == 0, stderr
    kinds: dict[Path, list[Path]] = {}
    for page in out.rglob("*.md"):
        kinds.setdefault(page.parent, []).append(page)
    return sorted(p for pages in kinds.values() for p in sorted(pages, key=lambda p: -p.stat().st_size)[:2])


def test_generated_pages_convert_the_same(loei_pages):
    golden = sorted((REPO / "tests/golden/pages").rglob("*.md"))
    taken = 0
    for page in golden + loei_pages:
        text, _ = meta.get_data(page.read_text(encoding="utf-8"))
        try:
            taken += assert_same(text)
        except AssertionError:
            pytest.fail(f"{page}: the raw-block shortcut changed Markdown's output")
    assert len(loei_pages) >= 8 and any("districts" in p.parts for p in loei_pages)
    assert taken > 100, "the shortcut took almost no block: it is not doing its job"


LINES = [
    '<table class="x"><tr><td>a</td></tr></table>',
    "<div><div>nested</div><div>twice</div></div>",
    "<p>a</p><p>b</p>",                                 # two blocks: left to Markdown
    '<div class="a">x</div> tail',                     # text after the block
    '<div markdown="1">*emphasis*</div>',             # md_in_html: Markdown's job
    "<div markdown>*emphasis*</div>",
    "<p>with <!-- a comment --> inside</p>",
    "<span>inline</span>",                              # not a block element
    "<p>a &amp; b &lt; c</p>",
    "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
    "<div>x</div><div>y</div>",
    "<hr>",
]


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("shape", ["alone", "between paragraphs", "glued to a paragraph"])
def test_tricky_lines_convert_the_same(line, shape):
    body = {"alone": f"{line}\n",
            "between paragraphs": f"before\n\n{line}\n\nafter *x*\n",
            "glued to a paragraph": f"before\n{line}\n\n## heading\n"}[shape]
    assert_same(f"{GENERATED_NOTE}\n\n# title\n\n{body}")


def test_single_blocks_are_taken_and_siblings_are_not():
    note = f"{GENERATED_NOTE}\n\n"
    assert assert_same(note + "<table><tr><td>a</td></tr></table>\n") == 1
    assert assert_same(note + "<p>a</p><p>b</p>\n") == 0
    assert assert_same(note + '<div markdown="1">*x*</div>\n') == 0
    assert assert_same(note + "text\n<div>x</div>\n") == 0


def test_hand_written_pages_are_left_alone():
    assert assert_same("# title\n\n<table><tr><td>a</td></tr></table>\n") == 0
