"""`thamniap report-file FILE`: a report downloaded from the site's report page (ดาวน์โหลดไฟล์รายงาน),
sent by a district without a GitHub account, applied as if it had been opened as an issue.

The file is the issue body as GitHub renders the form (`### <label>`, the value or `_No response_`),
after a first line `# <title>` naming the report (render/reportform/fields.py Report.title). It is
wrapped into an `issues` event (action opened, labelled `report:<id>`, opened by --author, the
province's maintainer who applies it) and handed to the same steps as every issue
(tools/report/bot.py via report_command), so nothing is read differently and the same checks,
authority included, apply: exit 0 applied, 1 problems (nothing changed), 2 usage error.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import TextIO

from thamniap.render.reportform.fields import REPORTS, Report


def _which(title: str, body: str) -> Report | None:
    """The report TITLE starts with, else the one whose labels are every heading of BODY."""
    found = next((r for r in REPORTS if title.startswith(r.title.strip())), None)
    if found:
        return found
    headings = {ln[4:].strip() for ln in body.splitlines() if ln.startswith("### ")}
    return next((r for r in REPORTS if headings and headings <= {f.label for f in r.fields}), None)


def report_file_command(path: Path, root: Path, author: str, teams: tuple[str, ...] | None, base: str,
                        today: dt.date | None, out: TextIO, err: TextIO) -> int:
    from thamniap.tools.report.cli import report_command
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        err.write(f"thamniap report-file: อ่านไฟล์ {path} ไม่ได้: {exc}\n")
        return 2
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    title, body = (first[2:].strip(), rest.strip("\n")) if first.startswith("# ") else ("", text.strip("\n"))
    report = _which(title, body)
    if report is None:
        err.write(f"thamniap report-file: ไฟล์ {path} ไม่ใช่ไฟล์รายงานจากหน้ารายงานของเว็บไซต์ "
                  "(บรรทัดแรกต้องเป็น # ชื่อรายงาน เช่น # " + REPORTS[0].title + "อำเภอ…)\n")
        return 2
    event = {"action": "opened",
             "issue": {"number": 0, "title": title or report.title, "body": body, "labels": [{"name": report.label}],
                       "user": {"login": author, "type": "User"},
                       "created_at": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")},
             "sender": {"login": author, "type": "User"}}
    with tempfile.TemporaryDirectory(prefix="thamniap-report-file-") as tmp:
        event_path = Path(tmp) / "event.json"
        event_path.write_text(json.dumps(event, ensure_ascii=False), encoding="utf-8")
        return report_command(event_path, root, teams, base, today, False, out, err)
