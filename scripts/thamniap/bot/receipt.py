"""`thamniap report-merged EVENT.json`: the official's receipt, once the province merged a report.

The event is GitHub's `pull_request` event (closed). The bot answers only for a pull request that was
merged into the default branch from the bot's own branch `report/<issue>` of this repository (a fork's
branch of that name is not the bot's), whose body still closes that issue (`Closes #<issue>`, as
bot/publish.py writes it). The district is the one the pull request's title names (`… (4209) จาก issue
#12`); its page's address comes from mkdocs.yml's site_url. One receipt per issue: the comment is found
again by its marker and updated, so a re-run posts nothing new. Exit 0: posted, or nothing to do (said on
stderr); 2: the event cannot be read or GitHub refused.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from thamniap.check.validate import load_dataset
from thamniap.intake.reportform.fields import REPORTS
from thamniap.render.reportform.reply import MARKER_MERGED, merged_reply
from thamniap.render.site import SiteSettings, district_rel
from thamniap.review import checkpr
from thamniap.github.client import GitHubError

BRANCH = re.compile(r"^report/([0-9]{1,9})$")
DISTRICT_IN_TITLE = re.compile(r"\(([0-9]{4})\) จาก issue #([0-9]{1,9})\s*$")


@dataclass(frozen=True)
class Merged:
    issue: int
    district: str                  # its code
    report_name: str
    author: str | None             # who wrote the report (the issue's author), when the fake or GitHub knows


def _event(path: Path) -> dict:
    """The pull_request event in PATH (ValueError, in Thai, when it is not one)."""
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"อ่านไฟล์เหตุการณ์ {path} ไม่ได้: {exc}") from None
    if not isinstance(event, dict) or not isinstance(event.get("pull_request"), dict):
        raise ValueError("ไฟล์เหตุการณ์ไม่ใช่เหตุการณ์ pull_request ของ GitHub")
    return event


def _bot_branch(event: dict) -> int | None:
    """The issue number of the bot's branch (report/<n>) when the pull request is from this repository's
    own branch into the default branch, else None."""
    pull = event["pull_request"]
    head, base = pull.get("head") or {}, pull.get("base") or {}
    default = ((event.get("repository") or {}).get("default_branch")) or ""
    branch = BRANCH.match(str(head.get("ref") or ""))
    same_repo = ((head.get("repo") or {}).get("full_name") or "") == ((base.get("repo") or {}).get("full_name") or "-")
    return int(branch.group(1)) if branch and same_repo and base.get("ref") == default else None


def read_merged(path: Path) -> tuple[Merged | None, str]:
    """(the merged report, "") or (None, why the bot says nothing)."""
    event = _event(path)
    pull = event["pull_request"]
    if event.get("action") != "closed" or pull.get("merged") is not True:
        return None, "ไม่ตอบ: คำขอแก้ไขนี้ไม่ได้ถูกรวม (merge)"
    issue = _bot_branch(event)
    if issue is None:
        return None, "ไม่ตอบ: ไม่ใช่คำขอแก้ไขของบอทรายงาน (branch report/<เลข issue> ของที่เก็บนี้ เข้า branch หลัก)"
    title, body = str(pull.get("title") or ""), str(pull.get("body") or "")
    named = DISTRICT_IN_TITLE.search(title)
    if f"Closes #{issue}" not in body or not named or int(named.group(2)) != issue:
        return None, f"ไม่ตอบ: คำขอแก้ไขไม่ได้ระบุ issue #{issue} และอำเภอแบบที่บอทเขียน (ชื่อหรือเนื้อความถูกแก้)"
    report = next((r for r in REPORTS if title.startswith(r.name + ":")), None)
    return Merged(issue, named.group(1), report.name if report else "รายงาน", None), ""


def district_url(root: Path, code: str) -> tuple[str, str] | None:
    """(the district's name, its page's address on the site), from the merged data and mkdocs.yml."""
    settings = SiteSettings.from_file(root / "mkdocs.yml")
    for province in load_dataset(root / "data").provinces:
        for district in province.districts:
            if district.code == code:
                return district.name, settings.page_url(district_rel(district))
    return None


def receipt_command(event: Path, root: Path, client, out: TextIO, err: TextIO) -> int:
    """Post (or, without CLIENT, print) the receipt for a merged report."""
    try:
        merged, why_not = read_merged(event)
    except ValueError as exc:
        err.write(f"thamniap report-merged: {exc}\n")
        return 2
    if merged is None:
        err.write(why_not + "\n")
        return 0
    found = district_url(root, merged.district)
    if found is None:
        err.write(f"ไม่ตอบ: ไม่พบอำเภอรหัส {merged.district} ในข้อมูล\n")
        return 0
    name, url = found
    try:
        author = client.issue_author(merged.issue) if client else None
        reply = checkpr.public(merged_reply(merged.report_name, author, name, url))
        if client is not None:
            earlier = client.find_comment(merged.issue, MARKER_MERGED)
            if earlier:
                client.update_comment(earlier["id"], reply)
            else:
                client.create_comment(merged.issue, reply)
    except GitHubError as exc:
        err.write(checkpr.public(f"thamniap report-merged: {exc}\n"))
        return 2
    out.write(reply)
    return 0
