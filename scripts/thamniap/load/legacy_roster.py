"""The one-file roster of before the split, and how each of its subdistricts becomes a file of its own.

Before, a district kept its whole roster in `roster.yaml`:

    sample: true
    subdistricts:
    - code: '420901'
      name: วังสะพุง
      leaders: …

Now each subdistrict is a file `roster/<code>-<slug>.yaml` (small enough for a browser editor):

    # yaml-language-server: $schema=../../../../schemas/roster.schema.json
    # ทำเนียบ อช. ตำบลวังสะพุง อำเภอวังสะพุง จังหวัดเลย (รหัสตำบล 420901) …
    sample: true
    code: '420901'
    name: วังสะพุง
    leaders: …

The change is a text transform, line for line (a list item's `- ` and two spaces of indent come
off), so comments and layout stay and every value reads the same. `thamniap split-roster`
(tools/split_roster.py) uses it to migrate the data; history (derive/history.py) uses it to read
commits from before the split.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from thamniap.load.layout import roster_head

_ITEM = re.compile(r"^- ", re.MULTILINE)
_HEAD_KEY = re.compile(r"^(?P<key>[A-Za-z_]+):")


@dataclass(frozen=True)
class Part:
    """One subdistrict of a one-file roster, as the body of its own file (`code:` at column 0)."""
    body: str
    first_line: int         # 1-based line of its first line (a comment or `- code:`) in roster.yaml
    dedented: int           # lines that lost their two spaces of indent (the others are comments or blank)


@dataclass(frozen=True)
class Legacy:
    """A one-file roster cut into its parts: the lines before `subdistricts:`'s first item (the
    schema line, `sample:`, comments) and each subdistrict."""
    head: str
    parts: list[Part]

    def sample_line(self) -> str | None:
        return next((line for line in self.head.splitlines() if line.startswith("sample:")), None)

    def head_comments(self) -> list[str]:
        """Comment lines of the head other than the schema line (kept in every file)."""
        return [line for line in self.head.splitlines()
                if line.startswith("#") and not line.startswith("# yaml-language-server:")]


def _is_loose(line: str) -> bool:
    """A line that may sit at column 0 inside an item: blank, or a comment."""
    return not line.strip() or line.lstrip().startswith("#") and not line.startswith(" ")


def cut(text: str) -> Legacy | None:
    """TEXT (a one-file roster) cut into its parts; None when it is not laid out as the generator and
    the web editor leave it (`subdistricts:` then items `- code:` at column 0, nothing after them
    but their own lines), so it cannot be cut line for line."""
    text = text.lstrip("\ufeff")
    starts = [m.start() for m in _ITEM.finditer(text)]
    if not starts:
        return None
    head = text[:starts[0]]
    keys = [m["key"] for line in head.splitlines() if (m := _HEAD_KEY.match(line))]
    if keys[-1:] != ["subdistricts"] or set(keys) - {"sample", "subdistricts"}:
        return None
    lines_before = head.count("\n")
    chunks = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    # comment and blank lines at column 0 just before an item belong to that item
    moved: list[list[str]] = []
    for chunk in chunks:
        lines = chunk.splitlines(keepends=True)
        tail = []
        while len(lines) > 1 and _is_loose(lines[-1]):
            tail.insert(0, lines.pop())
        moved.append([lines, tail])
    parts = []
    carry: list[str] = []
    line_no = lines_before + 1
    for lines, tail in moved:
        first_line = line_no - len(carry)
        out, dedented = list(carry), 0
        for i, line in enumerate(lines):
            if i == 0:
                out.append(line[2:])
                dedented += 1
            elif line.startswith("  "):
                out.append(line[2:])
                dedented += 1
            elif _is_loose(line):
                out.append(line)
            else:
                return None           # a line at column 0 that is not part of the item
        line_no += len(lines) + len(tail)
        body = "".join(out)
        if not body.endswith("\n"):
            body += "\n"
        parts.append(Part(body, first_line, dedented))
        carry = tail
    if carry and parts:               # comments after the last item stay with it
        last = parts[-1]
        parts[-1] = Part(last.body + "".join(carry), last.first_line, last.dedented)
    return Legacy(head, parts)


def file_text(header: str, code: str, sample_line: str, extra_comments: list[str], body: str) -> str:
    """A roster file: its schema line HEADER and the lines naming it (layout.roster_head), the old
    file's own head comments, `sample:` and BODY (`code:` first)."""
    return "\n".join([roster_head(header, code), *extra_comments, sample_line]) + "\n" + body
