"""A Markdown extension that stashes the generated pages' one-line HTML blocks without parsing them.

Generated pages are mostly raw HTML (rosters, org charts, key-value tables), one block per line
between blank lines. Python-Markdown would run each through its pure-Python HTML parser only to
stash it unchanged; on the Loei site that is about a fifth of the build. This preprocessor puts
such lines into the same stash directly, so the output is the same HTML (tests/test_rawblocks.py
renders every generated page both ways and compares).

Only pages that start with the generator's note (GENERATED_NOTE) are touched: their HTML is
written by our renderers, always balanced, one block per line. Lines with a ``markdown``
attribute (md_in_html) are left to Markdown.
"""
from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from thamniap.render.front_matter import GENERATED_NOTE

# Written at the top of every generated page, after the front matter.
MARKER = GENERATED_NOTE

_BLOCK = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_MARKDOWN_ATTR = re.compile(r"<[^>]*\smarkdown(?:[\s=>])")


class RawBlockPreprocessor(Preprocessor):
    def _is_raw_block(self, line: str) -> bool:
        match = _BLOCK.match(line)
        if not match:
            return False
        tag = match.group(1)
        if not (self.md.is_block_level(tag) and line.endswith(f"</{tag}>")) or _MARKDOWN_ATTR.search(line):
            return False
        # One element: the first tag must close at the very end, not earlier (two siblings on a
        # line are two blocks for Markdown).
        depth = 0
        for m in re.finditer(rf"<(/?){tag}[\s>]", line):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                return m.end() == len(line)
        return False

    def run(self, lines: list[str]) -> list[str]:
        if not any(line.startswith(MARKER) for line in lines[:12]):
            return lines
        out: list[str] = []
        last = len(lines) - 1
        for i, line in enumerate(lines):
            if ((i == 0 or not lines[i - 1].strip()) and (i == last or not lines[i + 1].strip())
                    and self._is_raw_block(line)):
                # The shape Markdown's own HTML block parser leaves: "\n" + placeholder + "\n\n".
                out.extend(("", self.md.htmlStash.store(line + "\n"), "", ""))
            else:
                out.append(line)
        return out


class RawBlocksExtension(Extension):
    def extendMarkdown(self, md):
        # After normalize_whitespace (30), before the HTML block parser (20).
        md.preprocessors.register(RawBlockPreprocessor(md), "thamniap_raw_blocks", 25)


def makeExtension(**kwargs):  # noqa: N802 - Markdown's entry point name
    return RawBlocksExtension(**kwargs)
