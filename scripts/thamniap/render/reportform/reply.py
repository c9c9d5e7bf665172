"""The issue bot's one reply comment, in Thai Markdown: what it understood, or what to fix.

This is the escaping place for bot replies: every value that came from the issue or the data is
quoted with `value()` (render.markup.md, plus `@` as an entity so a typed `@someone` mentions no
one); the change summary is render/changes.py's, which escapes the same way. The whole reply then
passes tools.checkpr.public (national IDs masked) before it is printed or posted.
"""
from __future__ import annotations

from dataclasses import dataclass

from thamniap.core.private_numbers import mask_private_numbers
from thamniap.render.markup import md

MARKER = "<!-- thamniap-report-bot -->"     # how the bot finds its own comment again
EDIT_HINT = ("แก้ได้โดยกดปุ่ม ⋯ ที่มุมบนขวาของข้อความ issue นี้ เลือก **Edit** แก้ช่องที่แจ้ง แล้วกด **Update comment** "
             "บอทจะอ่านรายงานใหม่และแก้ความเห็นนี้")


@dataclass(frozen=True)
class Note:
    """One problem (or remark) about a report. MESSAGE and HINT are our Thai words, in which `{0}`,
    `{1}` … stand for VALUES (raw text from the issue or the data), quoted only when rendered."""
    message: str
    values: tuple[str, ...] = ()
    hint: str = ""
    field: str | None = None       # the label of the form field it is about


def value(text) -> str:
    """A value from the issue or the data, as reply text: escaped, in quotes, mentioning nobody."""
    return "“" + md(text).replace("@", "&#64;") + "”"


def note_text(note: Note) -> str:
    quoted = [value(v) for v in note.values]
    text = note.message.format(*quoted)
    if note.field:
        text = f"ช่อง **{md(mask_private_numbers(note.field))}**: {text}"
    if note.hint:
        text += f" — วิธีแก้: {note.hint.format(*quoted)}"
    return text


def _head(report_name: str | None, author: str | None, editor: str | None = None) -> list[str]:
    """The title, who wrote the report and whose edit this reading is of (EDITOR: the sender of the
    event that was read; the author when the issue was just opened)."""
    title = f"## บอทรายงาน: {md(report_name)}" if report_name else "## บอทรายงาน"
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
    lines += [f"{i}. {note_text(n)}" for i, n in enumerate(notes, 1)]
    return "\n".join(lines + ["", EDIT_HINT, ""])


def applied_reply(report_name: str, author: str | None, district: str, summary: str, *,
                  notes: list[Note] = (), links: list[str] = (), editor: str | None = None) -> str:
    """What the bot understood: the change summary check-pr writes (SUMMARY, already Markdown)."""
    lines = _head(report_name, author, editor)
    lines += [f"**อ่านรายงานแล้ว** — ข้อมูลอำเภอ{md(district)} ผ่านการตรวจ และผู้รายงานมีสิทธิ์แก้ไขอำเภอนี้", "",
              "### สิ่งที่บอทเข้าใจจากรายงาน", "", summary.rstrip(), ""]
    if notes:
        lines += ["### ข้อสังเกต", ""] + [f"- {note_text(n)}" for n in notes] + [""]
    lines += list(links)
    lines += ["ถ้าไม่ตรงกับที่ตั้งใจ " + EDIT_HINT, ""]
    return "\n".join(lines)


def ignored_reply(reason: str) -> str:
    """A short reply for an issue the bot does not read as a report (REASON: our own Thai words)."""
    return "\n".join([MARKER, "## บอทรายงาน", "", reason, ""])
