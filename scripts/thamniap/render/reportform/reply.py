"""The issue bot's one reply comment, in Thai Markdown: what it understood, or what to fix.

This is the escaping place for bot replies: every value that came from the issue or the data is
quoted with `value()` (render.markup.md, at most MAX_VALUE characters) and every name of ours or
theirs goes through `text()`; the change summary is render/changes.py's, which escapes the same
way. Every reply is assembled by `_finish`, the last line of defence: no `@` in it can mention
anyone (`no_mentions`) and it never exceeds REPLY_LIMIT characters, however hostile the issue
(repeated problems are summarised first: `_listed`). The whole reply then passes
review.checkpr.public (national IDs masked) before it is printed or posted.

The reader is a district official who has never used git: the main text is plain Thai, with no file
name, file line, YAML key or git word (`plain_problems` finds them; the tests run it on every reply
they make). What only the province's maintainers need (which file and line, which rule, where the
rights are recorded) goes in one collapsed part at the end, MAINTAINERS (Note.detail and the
replies' own `maintainer` lines).
"""
from __future__ import annotations

import re

from thamniap.core.private_numbers import mask_private_numbers
from thamniap.intake.reportform.messages import Note
from thamniap.render.markup import md

MARKER = "<!-- thamniap-report-bot -->"     # how the bot finds its own comment again
MARKER_MERGED = "<!-- thamniap-report-bot:merged -->"   # the receipt, posted once after the merge
MAINTAINERS = "สำหรับผู้ดูแลจังหวัด"          # the collapsed part's summary
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


# What the main text must not hold (plain_problems): a data file's name, a line of a file ("บรรทัด 36";
# "บรรทัดที่ 2" is a line the official typed in a field), a YAML key (`holder:`, `end_reason`) and git's words.
_FILE_NAME = re.compile(r"[\w\\-]+\\?\.(?:ya?ml|json|md|py)\b", re.I)     # not .xlsx: the official's own attachment
_FILE_LINE = re.compile(r"บรรทัด[ \t]*[0-9๐-๙]+")
_YAML_KEY = re.compile(r"(?<![\w@/.\\-])[a-z][a-z0-9_]*:(?=[\s`\\]|$)|\b[a-z]+(?:\\?_[a-z0-9]+)+\b")
GIT_WORDS = ("git", "commit", "branch", "merge", "merged", "pull request", "push", "repository", "rebase", "checkout", "HEAD")
_GIT_WORD = re.compile(r"(?<![A-Za-z0-9/-])(?:" + "|".join(re.escape(w) for w in GIT_WORDS) + r")(?![A-Za-z0-9/-])", re.I)
_COLLAPSED = re.compile(r"<details>.*?</details>|<!--.*?-->", re.S)


def plain_problems(markdown: str) -> list[str]:
    """The file names, file lines, YAML keys and git words in MARKDOWN's main text (outside the
    collapsed part and HTML comments): what a district official should not have to read."""
    main = _COLLAPSED.sub("", markdown)
    return [m.group(0) for pattern in (_FILE_NAME, _FILE_LINE, _YAML_KEY, _GIT_WORD) for m in pattern.finditer(main)]


def for_maintainers(lines) -> list[str]:
    """LINES (our words, may name files and rules) as the reply's collapsed part, or nothing."""
    lines = [line for line in dict.fromkeys(lines) if line][:MAX_NOTES]
    if not lines:
        return []
    return [f"<details><summary>{MAINTAINERS}</summary>", ""] + [f"- {text(line)}" for line in lines] + ["", "</details>", ""]


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


def _details(notes, maintainer=()) -> list[str]:
    return [n.detail for n in notes if n.detail] + list(maintainer)


def problems_reply(report_name: str | None, author: str | None, notes: list[Note], *,
                   lead: str = "ยังนำรายงานนี้เข้าทำเนียบไม่ได้ ไม่มีการเปลี่ยนแปลงข้อมูล", editor: str | None = None,
                   maintainer: list[str] = ()) -> str:
    """Every problem, numbered, each with how to fix it by editing the issue."""
    lines = _head(report_name, author, editor) + [f"**{lead}** ({len(notes)} ข้อ)", ""]
    lines += _listed(notes, lambda i: f"{i}.")
    return _finish(lines + ["", EDIT_HINT, ""] + for_maintainers(_details(notes, maintainer)))


def not_allowed_reply(report_name: str, author: str, editor: str | None, district: str, district_maintainers: list[str],
                      province_maintainers: list[str], office: str, phone: str | None, maintainer: list[str] = ()) -> str:
    """The reporter may not report for DISTRICT: who may (the maintainers as the data holds them) and how to
    get the right (the province office adds the account); editing the issue would not help, so it is not asked."""
    def accounts(names: list[str]) -> str:
        return ", ".join(value("@" + n) for n in names)

    lines = _head(report_name, author, editor)
    lines += [f"**บัญชี {value('@' + author)} ยังไม่มีสิทธิ์รายงานแทนอำเภอ{text(district)}** "
              "บอทจึงยังไม่นำรายงานนี้เข้าทำเนียบ ไม่มีการเปลี่ยนแปลงข้อมูล", "",
              f"ผู้ที่รายงานแทนอำเภอ{text(district)}ได้ (ตามทำเนียบ):", "",
              f"- ผู้ดูแลของอำเภอ{text(district)}: " + (accounts(district_maintainers) if district_maintainers
                                                         else "ยังไม่มี (จังหวัดยังไม่ได้กำหนด)"),
              "- ผู้ดูแลจังหวัด: " + (accounts(province_maintainers) if province_maintainers else "ยังไม่มี"), "",
              f"**วิธีขอสิทธิ์:** แจ้ง{text(office)}" + (f" (โทร {text(phone)})" if phone else "")
              + f" ขอให้เพิ่มบัญชี GitHub ของท่าน ({value('@' + author)}) เป็นผู้ดูแลของอำเภอ{text(district)} "
              "เมื่อจังหวัดเพิ่มแล้ว ให้ส่งรายงานนี้ใหม่จากหน้ารายงานของอำเภอ "
              "หรือขอให้ผู้ดูแลที่มีรายชื่อข้างต้นเป็นผู้ส่งรายงานแทน", ""]
    return _finish(lines + for_maintainers(maintainer))


def applied_reply(report_name: str, author: str | None, district: str, summary: str, *,
                  notes: list[Note] = (), links: list[str] = (), editor: str | None = None,
                  maintainer: list[str] = ()) -> str:
    """What the bot understood: the change summary check-pr writes (SUMMARY, already Markdown)."""
    lines = _head(report_name, author, editor)
    lines += [f"**อ่านรายงานแล้ว** — ข้อมูลอำเภอ{text(district)} ผ่านการตรวจ และผู้รายงานมีสิทธิ์แก้ไขอำเภอนี้", "",
              "### สิ่งที่บอทเข้าใจจากรายงาน", "", summary.rstrip(), ""]
    if notes:
        lines += ["### ข้อสังเกต", ""] + _listed(list(notes), lambda i: "-") + [""]
    lines += list(links)
    lines += ["ถ้าไม่ตรงกับที่ตั้งใจ " + EDIT_HINT, ""]
    return _finish(lines + for_maintainers(_details(notes, maintainer)))


def merged_reply(report_name: str, author: str | None, district: str, district_url: str) -> str:
    """The official's receipt, once the province merged the report's change: it is in the directory now."""
    return _finish([MARKER_MERGED, f"## บอทรายงาน: {text(report_name)} — บันทึกในทำเนียบแล้ว", "",
                    (f"ผู้รายงาน: {value('@' + author)}" if author else ""), "",
                    f"**จังหวัดอนุมัติรายงานนี้แล้ว** ข้อมูลอำเภอ{text(district)}ในทำเนียบเป็นตามรายงานนี้ "
                    "ใช้ความเห็นนี้เป็นหลักฐานการรายงานต่อจังหวัดได้", "",
                    f"ดูข้อมูลอำเภอ{text(district)}: [{text(district_url)}]({district_url})", "",
                    "(หน้าเว็บไซต์ปรับปรุงภายในไม่กี่นาทีหลังอนุมัติ ถ้ายังไม่เห็นข้อมูลใหม่ ให้เปิดหน้าอีกครั้งภายหลัง)", ""])


def ignored_reply(reason: str) -> str:
    """A short reply for an issue the bot does not read as a report (REASON: our own Thai words)."""
    return _finish([MARKER, "## บอทรายงาน", "", reason, ""])


def report_file_steps(report_name: str, district: str, code: str, files: list[str], district_url: str, branch: str) -> str:
    """What `thamniap report-file` prints after applying a file: plain Thai for the province's officer, the
    steps to open the pull request (git's words are the officer's tools here), and the receipt to send back
    to the district once it is merged."""
    lines = ["", "---", "", f"## ขั้นต่อไปสำหรับเจ้าหน้าที่จังหวัด: รายงาน{text(report_name)} อำเภอ{text(district)}", "",
             "นำรายงานเข้าแล้ว ข้อมูลผ่านการตรวจ ไฟล์ที่แก้ในเครื่องนี้ (ยังไม่ได้ส่งขึ้น GitHub):", ""]
    lines += [f"- {text(f)}" for f in files]
    lines += ["", "1. ดูสิ่งที่เปลี่ยน: `git diff`",
              f"2. เก็บเป็นชุดการแก้ไขใหม่: `git switch -c {branch}` แล้ว `git commit -am \"{text(report_name)} อำเภอ{text(district)} ({code}) จากไฟล์รายงาน\"`"
              + (" (ไฟล์ใหม่: `git add` ก่อน)" if files else ""),
              f"3. ส่งขึ้น GitHub: `git push -u origin {branch}`",
              "4. เปิดหน้าที่เก็บบน GitHub กดปุ่ม **Compare & pull request** แล้วกด **Create pull request** "
              "ระบบตรวจอัตโนมัติจะตรวจอีกครั้ง",
              "5. เมื่อผู้ดูแลอนุมัติและรวม (merge) แล้ว ส่งข้อความด้านล่างให้อำเภอ (LINE หรืออีเมล) เป็นหลักฐานการรายงาน", "",
              "### ข้อความแจ้งอำเภอ (คัดลอกส่งได้เมื่อรวมแล้ว)", "", "```text",
              f"เรียน สำนักงานพัฒนาชุมชนอำเภอ{district}",
              f"จังหวัดได้รับไฟล์{report_name}ของอำเภอ{district}แล้ว ข้อมูลผ่านการตรวจ และบันทึกในทำเนียบ อช. เรียบร้อยแล้ว",
              f"ดูข้อมูลของอำเภอได้ที่ {district_url}" if district_url else "ดูข้อมูลของอำเภอได้ที่หน้าอำเภอในเว็บไซต์ทำเนียบ",
              "```", ""]
    return "\n".join(lines)
