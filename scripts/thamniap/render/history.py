"""A district's change history (derive/history.py) as the Thai Markdown of its page's history section."""
from __future__ import annotations

from thamniap.core.dates import thai_date
from thamniap.derive.history import Entry
from thamniap.render.changes import INDENT, area_lines, headline
from thamniap.render.markup import h, md, safe_url

UNAVAILABLE = "ประวัติการแก้ไขไม่พร้อมใช้งาน"


def history_markdown(entries: list[Entry] | None, commit_url: str | None = None, max_people: int = 5) -> str:
    """Thai Markdown for the page's history section; COMMIT_URL is e.g. https://github.com/o/r/commit/."""
    if entries is None:
        return (f"<p>{UNAVAILABLE} (ข้อมูลชุดนี้ไม่ได้สร้างจากที่เก็บ git เช่น ไฟล์ที่ดาวน์โหลดเป็นชุด) "
                "ดูประวัติได้ที่ที่เก็บข้อมูลบน GitHub</p>\n")
    if not entries:
        return "<p>ยังไม่มีประวัติการแก้ไขที่บันทึกไว้</p>\n"
    lines = []
    for entry in entries:
        link = safe_url(commit_url + entry.commit) if commit_url else None
        ref = f'<a href="{h(link)}"><code>{h(entry.short)}</code></a>' if link else f"<code>{h(entry.short)}</code>"
        lines.append(f"- **{md(thai_date(entry.date))}** — {ref}")
        if entry.changes.status == "added":
            body = [f"- {md(headline(entry.changes))}"]
        else:
            body = area_lines(entry.changes, max_people) or ["- แก้ไขรูปแบบไฟล์ ไม่มีการเปลี่ยนแปลงข้อมูล"]
        lines += [INDENT + line for line in body]
    return "\n".join(lines) + "\n"
