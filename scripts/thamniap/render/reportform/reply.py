"""The issue bot's one reply comment, in Thai Markdown: what it understood, or what to fix.

This is the escaping place for bot replies: every value that came from the issue or the data is
quoted with `value()` (render.markup.md, at most MAX_VALUE characters) and every name of ours or
theirs goes through `text()`; the change summary is render/changes.py's, which escapes the same
way. Every reply is assembled by `_finish`, the last line of defence: no `@` in it can mention
anyone (`no_mentions`) and it never exceeds REPLY_LIMIT characters, however hostile the issue
(repeated problems are summarised first: `_listed`). The whole reply then passes
review.checkpr.public (national IDs masked) before it is printed or posted.
"""
from __future__ import annotations

import re

from thamniap.core.private_numbers import mask_private_numbers
from thamniap.intake.reportform.messages import Note
from thamniap.render.markup import md

MARKER = "<!-- thamniap-report-bot -->"     # how the bot finds its own comment again
EDIT_HINT = ("แก้ได้โดยกดปุ่ม ⋯ ที่มุมบนขวาของข้อความ issue นี้ เลือก **Edit** แก้ช่องที่แจ้ง แล้วกด **Update comment** "
             "บอทจะอ่านรายงานใหม่และแก้ความเห็นนี้")


# GitHub refuses a comment longer than 65,536 characters; the reply stays well below, leaving room
# for the line publish.py adds (the pull request's number).
GITHUB_COMMENT_LIMIT = 65_536
REPLY_LIMIT = 60_000
MAX_VALUE = 200          # characters of one quoted value (a name, a line, a heading)
MAX_SAME = 5             # problems of one kind listed before "และอีก N รายการ"
MAX_NOTES = 60           # problems listed in all

# GitHub finds a mention in the rendered text: `@` then a letter or digit (its MentionFilter pattern
# `(?:^|\W)@([a-z0-9][a-z0-9-]*)`, applied to HTML text nodes outside code and links). A backslash
# (`\@`) is consumed by Markdown and HTML entities (`&#64;`, `&commat;`) are decoded before that
# filter runs, so both still mention (github/markup#1168, github/cmark-gfm#181, openjdk/skara#1548).
# An invisible ZERO WIDTH SPACE after `@` is the character those threads found to work: the name no
# longer follows `@`, and the reader sees the same text.
MENTION_BREAK = "\u200b"
_MENTION = re.compile("@(?!" + MENTION_BREAK + ")")


def no_mentions(markdown: str) -> str:
    """MARKDOWN in which no `@` can mention a person or team (idempotent)."""
    return _MENTION.sub("@" + MENTION_BREAK, markdown)


def text(words) -> str:
    """A name (a field's label, a report's or a district's name) as reply text: escaped, mentioning nobody."""
    return no_mentions(md(words))


def value(words) -> str:
    """A value from the issue or the data, as reply text: at most MAX_VALUE characters, escaped,
    in quotes, mentioning nobody."""
    words = " ".join(("" if words is None else str(words)).split())
    if len(words) > MAX_VALUE:
        words = words[:MAX_VALUE] + " …"
    return "“" + text(words) + "”"


def note_text(note: Note) -> str:
    quoted = [value(v) for v in note.values]
    out = note.message.format(*quoted)
    if note.field:
        out = f"ช่อง **{text(mask_private_numbers(note.field))}**: {out}"
    if note.hint:
        out += f" — วิธีแก้: {note.hint.format(*quoted)}"
    return out


def _listed(notes: list[Note], marker) -> list[str]:
    """The notes as list items (MARKER(i) starts item i): at most MAX_SAME of one kind (the same
    message, hint and field) and MAX_NOTES in all; one line says how many more of each kind."""
    shown: list[tuple[int, Note]] = []
    first_of: dict[tuple, int] = {}
    listed: dict[tuple, int] = {}
    more: dict[tuple, int] = {}
    for note in notes:
        kind = (note.message, note.hint, note.field)
        if len(shown) < MAX_NOTES and listed.get(kind, 0) < MAX_SAME:
            shown.append((len(shown) + 1, note))
            first_of.setdefault(kind, len(shown))
            listed[kind] = listed.get(kind, 0) + 1
        else:
            more[kind] = more.get(kind, 0) + 1
    lines = [f"{marker(i)} {note_text(n)}" for i, n in shown]
    others = 0
    for kind, count in more.items():
        if kind in first_of:
            lines.append(f"{marker(len(lines) + 1)} และอีก {count:,} รายการแบบเดียวกับข้อ {first_of[kind]}")
        else:
            others += count
    if others:
        lines.append(f"{marker(len(lines) + 1)} และอีก {others:,} รายการ")
    return lines


def _finish(lines: list[str]) -> str:
    """The reply: no mention anywhere, and at most REPLY_LIMIT characters, cut at a line."""
    reply = no_mentions("\n".join(lines))
    if len(reply) <= REPLY_LIMIT:
        return reply
    tail = "\n\n**ข้อความนี้ยาวเกินกว่าที่ GitHub รับได้ จึงแสดงเพียงส่วนแรก** " + EDIT_HINT + "\n"
    cut = reply[:REPLY_LIMIT - len(tail)]
    cut = cut[:cut.rfind("\n")] if "\n" in cut else cut
    return cut + tail


def _head(report_name: str | None, author: str | None, editor: str | None = None) -> list[str]:
    """The title, who wrote the report and whose edit this reading is of (EDITOR: the sender of the
    event that was read; the author when the issue was just opened)."""
    title = f"## บอทรายงาน: {text(report_name)}" if report_name else "## บอทรายงาน"
    lines = [MARKER, title, ""]
    if author:
        who = f"ผู้รายงาน: {value('@' + author)}"
        if editor:
            who += f" · แก้ไขล่าสุดโดย: {value('@' + editor)}"
        lines += [who, ""]
    return lines


def problems_reply(report_name: str | None, author: str | None, notes: list[Note], *,
                   lead: str = "ยังนำรายงานนี้เข้าทำเนียบไม่ได้ ไม่มีการเปลี่ยนแปลงข้อมูล", editor: str | None = None) -> str:
    """Every problem, numbered, each with how to fix it by editing the issue."""
    lines = _head(report_name, author, editor) + [f"**{lead}** ({len(notes)} ข้อ)", ""]
    lines += _listed(notes, lambda i: f"{i}.")
    return _finish(lines + ["", EDIT_HINT, ""])


def applied_reply(report_name: str, author: str | None, district: str, summary: str, *,
                  notes: list[Note] = (), links: list[str] = (), editor: str | None = None) -> str:
    """What the bot understood: the change summary check-pr writes (SUMMARY, already Markdown)."""
    lines = _head(report_name, author, editor)
    lines += [f"**อ่านรายงานแล้ว** — ข้อมูลอำเภอ{text(district)} ผ่านการตรวจ และผู้รายงานมีสิทธิ์แก้ไขอำเภอนี้", "",
              "### สิ่งที่บอทเข้าใจจากรายงาน", "", summary.rstrip(), ""]
    if notes:
        lines += ["### ข้อสังเกต", ""] + _listed(list(notes), lambda i: "-") + [""]
    lines += list(links)
    lines += ["ถ้าไม่ตรงกับที่ตั้งใจ " + EDIT_HINT, ""]
    return _finish(lines)


def ignored_reply(reason: str) -> str:
    """A short reply for an issue the bot does not read as a report (REASON: our own Thai words)."""
    return _finish([MARKER, "## บอทรายงาน", "", reason, ""])
