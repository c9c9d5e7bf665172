"""A loaded document (data, text, diagnostics, where each node is) and what every loading step
shares: the size and nesting limits, and line counting as libyaml does it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from thamniap.core.diagnostics import Diagnostic

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 32

BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")   # what libyaml counts as a line break


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character ``index`` in ``text`` using libyaml's breaks."""
    line = 1
    start = 0
    for m in BREAK_RE.finditer(text, 0, index):
        line += 1
        start = m.end()
    return line, index - start + 1


@dataclass
class Loaded:
    path: str
    data: dict | None
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: tuple) -> tuple[int, int]:
        """(line, column) of the value at ``path``; for a path that does not exist the
        position of its nearest existing ancestor (a missing key -> its parent mapping);
        ``(1, 1)`` when nothing is known."""
        path = tuple(path)
        positions = self.positions
        while True:
            pos = positions.get(path)
            if pos is not None:
                return pos
            if not path:
                return (1, 1)
            path = path[:-1]
