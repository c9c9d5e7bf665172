"""`thamniap report-file FILE`: a report downloaded from the site's report page (ดาวน์โหลดไฟล์รายงาน),
sent by a district without a GitHub account, applied as if it had been opened as an issue.

The file is the issue body as GitHub renders the form (`### <label>`, the value or `_No response_`),
after a first line `# <title>` naming the report (intake/reportform/fields.py Report.title). It is
wrapped into an `issues` event (action opened, labelled `report:<id>`, opened by --author, the
province's maintainer who applies it) and handed to the same steps as every issue
(bot/bot.py via report_command), so nothing is read differently and the same checks,
authority included, apply: exit 0 applied, 1 problems (nothing changed), 2 usage error.

What the operator types is not trusted: the file's head (`รหัสอำเภอ: 4209`, `รอบการรายงาน: …`,
fields.FILE_DISTRICT/FILE_ROUND, written by the page) must name the district its file name names
(report-<report>-<code>.md) and its own district field, --author must be one person's login (not an
org/team), and the round must still be the current one when it is applied (checked by the bot
against the data, bot.FileClaims). Any mismatch: a Thai message, exit 1, nothing written.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path
from typing import TextIO

from thamniap.intake.reportform.fields import FILE_DISTRICT, FILE_ROUND, REPORTS, Report
from thamniap.intake.reportform import body as body_parser
from thamniap.bot.bot import FileClaims

# A GitHub login: letters, digits and single hyphens inside, at most 39 (a team is org/team).
LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_HEAD_LINE = re.compile(rf"^({FILE_DISTRICT}|{FILE_ROUND})[ \t]*:[ \t]*(.*?)[ \t]*$")
_CODE_IN_NAME = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


def _which(title: str, body: str) -> Report | None:
    """The report TITLE starts with, else the one whose labels are every heading of BODY."""
    found = next((r for r in REPORTS if title.startswith(r.title.strip())), None)
    if found:
        return found
    headings = {ln[4:].strip() for ln in body.splitlines() if ln.startswith("### ")}
    return next((r for r in REPORTS if headings and headings <= {f.label for f in r.fields}), None)


def _head(text: str) -> tuple[dict[str, str], str]:
    """The file's head lines before the first `### ` heading ({FILE_DISTRICT: "4209", …}), and the rest."""
    head: dict[str, str] = {}
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("### "):
            return head, "\n".join(lines[i:])
        m = _HEAD_LINE.match(line.strip())
        if m:
            head.setdefault(m.group(1), m.group(2))
    return head, text


def _refused(name: str, head: dict[str, str], body: str, report: Report, author: str) -> str | None:
    """Why the file is not applied as it stands (Thai), or None."""
    if not LOGIN.match(author or ""):
        return (f"--author ต้องเป็นบัญชี GitHub ของผู้นำเข้าหนึ่งคน (เช่น somchai) ไม่ใช่ {author!r}"
                + (" ซึ่งเป็นทีม — ทีมของผู้นำเข้าให้ระบุด้วย --actor-teams" if "/" in (author or "") else ""))
    code = head.get(FILE_DISTRICT)
    if not code or not re.fullmatch(r"[0-9]{4}", code):
        return (f"ไฟล์ไม่ได้ระบุ{FILE_DISTRICT} 4 หลักในหัวไฟล์ (ไฟล์จากหน้ารายงานรุ่นเก่า หรือถูกแก้ไข) "
                "ให้อำเภอดาวน์โหลดไฟล์รายงานใหม่จากหน้ารายงานของเว็บไซต์")
    named = set(_CODE_IN_NAME.findall(name))
    if named != {code}:
        return (f"ชื่อไฟล์ {name} ไม่ได้เป็นของอำเภอ {code} ตามที่หัวไฟล์ระบุ "
                f"(ไฟล์จากหน้ารายงานชื่อ report-{report.id}-{code}.md) ตรวจกับอำเภอผู้ส่งว่าเป็นไฟล์ของอำเภอใด")
    district = (body_parser.parse(body, report).values.get("district") or "").strip()
    if district != code:
        return (f"ช่องอำเภอในรายงาน ({district or 'ว่าง'}) ไม่ตรงกับ{FILE_DISTRICT}ในหัวไฟล์ ({code}) "
                "ไฟล์ถูกแก้ไขหลังดาวน์โหลด ให้อำเภอดาวน์โหลดไฟล์รายงานใหม่จากหน้ารายงาน")
    return None


def report_file_command(path: Path, root: Path, author: str, teams: tuple[str, ...] | None, base: str,
                        today: dt.date | None, out: TextIO, err: TextIO) -> int:
    from thamniap.bot.cli import report_command
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        err.write(f"thamniap report-file: อ่านไฟล์ {path} ไม่ได้: {exc}\n")
        return 2
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    title, body = (first[2:].strip(), rest.strip("\n")) if first.startswith("# ") else ("", text.strip("\n"))
    head, body = _head(body)
    report = _which(title, body)
    if report is None:
        err.write(f"thamniap report-file: ไฟล์ {path} ไม่ใช่ไฟล์รายงานจากหน้ารายงานของเว็บไซต์ "
                  "(บรรทัดแรกต้องเป็น # ชื่อรายงาน เช่น # " + REPORTS[0].title + "อำเภอ…)\n")
        return 2
    refused = _refused(Path(path).name, head, body, report, author)
    if refused:
        err.write(f"thamniap report-file: ไม่นำเข้าไฟล์ {path}: {refused} ไม่มีการเปลี่ยนแปลงข้อมูล\n")
        return 1
    event = {"action": "opened",
             "issue": {"number": 0, "title": title or report.title, "body": body, "labels": [{"name": report.label}],
                       "user": {"login": author, "type": "User"},
                       "created_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")},
             "sender": {"login": author, "type": "User"}}
    with tempfile.TemporaryDirectory(prefix="thamniap-report-file-") as tmp:
        event_path = Path(tmp) / "event.json"
        event_path.write_text(json.dumps(event, ensure_ascii=False), encoding="utf-8")
        return report_command(event_path, root, teams, base, today, False, out, err,
                              claims=FileClaims(head[FILE_DISTRICT], head.get(FILE_ROUND)))
