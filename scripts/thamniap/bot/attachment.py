"""The `excel` report: the filled-in Excel form attached to the issue, imported as import-xlsx does.

Only a file GitHub itself stores for the issue is fetched: a link in the body to
`https://github.com/user-attachments/files/<number>/<name>.xlsx` (what GitHub writes when a file is
dropped into the form), exactly one. Any other address (another host, a redirect through a
look-alike, `http:`, a link that is not in the body) is refused without being fetched. The download
itself goes through the GitHub client (github/client.py, size-limited); the workbook is then
read by tools.spreadsheet.importer, which refuses what could hurt (guard.py) and checks the result.
"""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from thamniap.model import District
from thamniap.intake.reportform.fields import Report
from thamniap.intake.reportform.messages import Note
from thamniap.github.client import GitHubError

ATTACHMENT = re.compile(r"^https://github\.com/user-attachments/files/[0-9]{1,20}/[^/?#\s]{1,200}\.xlsx$")
_URL = re.compile(r"https?://[^\s<>()\[\]\"']+")


def attachment_urls(text: str) -> list[str]:
    return list(dict.fromkeys(_URL.findall(text or "")))


def checked_url(field_text: str | None, body: str, spec_label: str, notes: list[Note]) -> str | None:
    """The one GitHub attachment address in FIELD_TEXT (which must also be in the issue BODY)."""
    urls = attachment_urls(field_text or "")
    good = [u for u in urls if ATTACHMENT.match(u) and urlsplit(u).hostname == "github.com" and u in body]
    bad = [u for u in urls if u not in good]
    for url in bad:
        notes.append(Note("ลิงก์ {0} ไม่ใช่ไฟล์ที่แนบกับ issue นี้บน GitHub (บอทไม่ดาวน์โหลด)", (url,),
                          "ลบลิงก์นั้น แล้วลากไฟล์ .xlsx มาวางในช่องนี้ให้ GitHub แนบให้", spec_label))
    if not bad and len(good) != 1:
        notes.append(Note("ไม่พบไฟล์แนบ .xlsx" if not good else f"มีไฟล์แนบ {len(good)} ไฟล์ (แนบได้ไฟล์เดียว)", (),
                          "ลากไฟล์แบบฟอร์ม Excel ของอำเภอ (.xlsx) มาวางในช่องนี้ ไฟล์เดียว", spec_label))
    return good[0] if not bad and len(good) == 1 else None


def import_files(report: Report, values: dict, body: str, district: District, folder: str, today: dt.date,
                 notes: list[Note], download: Callable[[str], bytes] | None) -> dict[str, bytes]:
    """The roster files (roster/<code>-<slug>.yaml) as the importer writes them from the attached
    workbook (repository path → bytes); unchanged files are left out."""
    from thamniap.load.district_files import SpreadsheetError
    from thamniap.tools.spreadsheet.importer import import_workbook
    spec = report.field("workbook")
    url = checked_url(values.get("workbook"), body, spec.label, notes)
    if url is None:
        return {}
    if download is None:
        notes.append(Note("บอทยังดาวน์โหลดไฟล์แนบไม่ได้ (ไม่ได้ตั้งค่าการเชื่อมต่อ GitHub)", (),
                          "แจ้งผู้ดูแลจังหวัด (ดู docs/report-bot.md)", spec.label))
        return {}
    try:
        content = download(url)
    except (GitHubError, OSError) as exc:       # urllib's URLError is an OSError
        notes.append(Note("บอทดาวน์โหลดไฟล์แนบไม่สำเร็จ ({0})", (str(exc),),
                          "ลองแก้ไข issue อีกครั้งภายหลัง (บอทจะดาวน์โหลดใหม่) ถ้ายังไม่ได้ ให้แนบไฟล์ใหม่ หรือแจ้งผู้ดูแลจังหวัด",
                          spec.label))
        return {}
    with tempfile.TemporaryDirectory(prefix="thamniap-xlsx-") as tmp:
        path = Path(tmp) / "form.xlsx"
        path.write_bytes(content)
        try:
            result, files, texts, errors, _warnings = import_workbook(path, district.code, district.folder.parent.parent, today)
        except SpreadsheetError as exc:
            notes.append(Note("{0}", (str(exc),), "", spec.label))
            return {}
    for d in [*result.issues, *errors]:
        if d.is_error:
            notes.append(Note("ในไฟล์ Excel {0}: {1}", (f"{d.path} {d.line or ''}".strip(), d.message, d.hint),
                              "{2}" if d.hint else "", spec.label))
    if notes or texts is None:
        return {}
    return {f"{folder}/{p.relative_to(district.folder).as_posix()}": text.encode("utf-8") for p, text in texts.items()
            if not p.exists() or p.read_text(encoding="utf-8") != text}
