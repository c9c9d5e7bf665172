"""The smallest line edit that turns a data file on disk into the text a writer produced.

A writer builds the whole new document and dumps it in the house style (style.py); writing that dump
over the file would drop every comment a district officer wrote and reformat lines nobody changed.
`minimal_edit` instead keeps the old file and replaces only the lines whose content differs:
comment lines and blank lines of the old file all stay (a comment inside a replaced block follows the
lines that replace it; lines only added go right after the content line before them, so the comment
and blank lines that open the next part stay with it), a line keeps its trailing comment (also when
one line is replaced by one; in a block replaced by a longer or shorter one, on the new line of the
same key, else on a line of its own), and an unchanged document gives the same bytes back. The result
must read as the same document as the dump: edit.py checks that.
"""
from __future__ import annotations

import difflib
import re

# A line that holds only a comment, or nothing.
_COMMENT_OR_BLANK = re.compile(r"^\s*(#.*)?$")
# A trailing comment: ` # …` after the value, outside quotes (checked by _outside_quotes).
_TRAILING = re.compile(r"\s+#")


def _outside_quotes(text: str) -> bool:
    """Whether TEXT (a line up to a `#`) has no quote left open."""
    single = double = False
    for ch in text:
        if ch == "'" and not double:
            single = not single
        elif ch == '"' and not single:
            double = not double
    return not single and not double


def content(line: str) -> str:
    """LINE without its trailing comment and trailing spaces: what the line says to YAML."""
    for match in _TRAILING.finditer(line):
        if _outside_quotes(line[:match.start()]):
            return line[:match.start()]
    return line.rstrip()


def minimal_edit(old: str, new: str) -> str:
    """OLD with only the lines changed that differ in content from NEW (both whole files).

    The comment and blank lines of NEW (its schema header) are used only when OLD has no content.
    """
    old_lines = old.splitlines(keepends=True)
    if old_lines and not old_lines[-1].endswith("\n"):
        old_lines[-1] += "\n"
    kept = [i for i, line in enumerate(old_lines) if not _COMMENT_OR_BLANK.match(line)]
    if not kept:
        return new
    new_lines = [line for line in new.splitlines(keepends=True) if not _COMMENT_OR_BLANK.match(line)]
    matcher = difflib.SequenceMatcher(None, [content(old_lines[i]) for i in kept],
                                      [content(line) for line in new_lines], autojunk=False)
    out = old_lines[:kept[0]]                       # the header: comments before the first content line
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i1, i2):
                out.extend(_with_comments_after(old_lines, kept, k))
        else:
            _change_block(out, old_lines, kept, new_lines, (tag, i1, i2, j1, j2))
    return "".join(out)


def _change_block(out: list[str], old_lines: list[str], kept: list[int], new_lines: list[str],
                  opcode: tuple[str, int, int, int, int]) -> None:
    """Append to OUT the new lines of one changed block (a difflib opcode over the content lines KEPT
    of OLD_LINES and NEW_LINES), keeping every comment of the old block."""
    tag, i1, i2, j1, j2 = opcode
    comments = [line for k in range(i1, i2) for line in _with_comments_after(old_lines, kept, k)[1:]]
    replaced = new_lines[j1:j2]
    if tag == "insert" and i1 > 0:              # added lines: before the comments that open what follows
        following = len(_with_comments_after(old_lines, kept, i1 - 1)) - 1
        if following:
            out[-following:] = replaced + out[-following:]
            return
    if i2 - i1 == j2 - j1:                      # line for line: each keeps its trailing comment
        replaced = [_keep_trailing(old_lines[kept[i1 + n]], line) for n, line in enumerate(replaced)]
    elif tag == "replace":                      # a block for a block: a comment goes to the line of its key
        replaced, orphans = _trailing_by_key([old_lines[kept[k]] for k in range(i1, i2)], replaced)
        comments = orphans + comments
    out.extend(replaced)
    out.extend(comments)


_KEY = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*):")


def _trailing_by_key(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """NEW with each trailing comment of OLD on the first new line of the same key (`holder:`);
    a comment whose key is gone becomes a comment line of its own (never dropped)."""
    new = list(new)
    taken: set[int] = set()
    orphans = []
    for line in old:
        said = content(line)
        comment = line[len(said):].rstrip("\n")
        if not comment.strip():
            continue
        key = _KEY.match(said)
        at = next((i for i, n in enumerate(new) if i not in taken and key and (m := _KEY.match(n))
                   and m.group(1) == key.group(1)), None)
        if at is None:
            indent = len(said) - len(said.lstrip(" "))
            orphans.append(" " * indent + comment.strip() + "\n")
        else:
            taken.add(at)
            new[at] = _keep_trailing(line, new[at])
    return new, orphans


def _keep_trailing(old: str, new: str) -> str:
    """NEW with OLD's trailing comment (if OLD had one)."""
    said = content(old)
    comment = old[len(said):].rstrip("\n")
    if not comment.strip():
        return new
    return new.rstrip("\n") + comment + "\n"


def _with_comments_after(old_lines: list[str], kept: list[int], k: int) -> list[str]:
    """The K-th content line of the old file and the comment/blank lines that follow it."""
    end = kept[k + 1] if k + 1 < len(kept) else len(old_lines)
    return old_lines[kept[k]:end]
