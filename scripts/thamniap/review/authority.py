"""Whose authority the pull-request scope check judges: the account that pushed, or — for exactly
the commit the report bot made — the reporter.

`thamniap pr-actor EVENT.json --actor LOGIN` runs in the first job of .github/workflows/pull-request.yml
(a `pull_request_target` event, the default branch's code) and prints one login. The rule:

* the actor is who triggered the event (`github.actor`: who opened, pushed to or reopened the
  pull request);
* it is swapped for the author of issue n only when all of these hold: the bot's login is known
  (repository variable THAMNIAP_BOT_LOGIN), the bot triggered the event and opened the pull
  request, its branch is `report/<n>` of this repository, and the pull request's head is the very
  commit the bot recorded in the pull request's body when it opened or last updated it
  (`commit_record`, read from the event's own copy of the body) and, for a push, the commit that
  push made (`after`).

So a commit that anyone else pushes to the bot's branch — before the bot opens the pull request,
between two of its calls, or later — is never judged with the reporter's authority: its pusher is
the actor (a later push of theirs triggers its own event), or, when the bot's event carries their
commit as head, the bot itself, which is no maintainer and is refused.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

_RECORD = re.compile(r"<!-- thamniap-report-commit: ([0-9a-f]{40}) -->")
_BRANCH = re.compile(r"^report/([0-9]{1,9})$")
LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")


def commit_record(sha: str) -> str:
    """The hidden line of the bot's pull request body that names the one commit it made."""
    if not re.fullmatch(r"[0-9a-f]{40}", sha or ""):
        raise ValueError(f"not a commit id: {sha!r}")
    return f"<!-- thamniap-report-commit: {sha} -->"


def recorded_commit(body: str | None) -> str | None:
    """The commit the bot recorded in BODY; None when there is none, or more than one."""
    found = set(_RECORD.findall(body or ""))
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Actor:
    login: str
    reason: str          # Thai, for the job's log


def pull_request_actor(event: dict, actor: str, repository: str, bot: str | None,
                       issue_author: Callable[[int], str | None]) -> Actor:
    """The login whose authority the scope check judges for this `pull_request_target` EVENT."""
    pull = event.get("pull_request") if isinstance(event, dict) else None
    if not isinstance(pull, dict):
        return Actor(actor, "ไม่ใช่เหตุการณ์ของคำขอแก้ไข ตรวจสิทธิ์ของผู้ส่ง")
    if not bot or actor.lower() != bot.lower():
        return Actor(actor, "ตรวจสิทธิ์ของผู้ส่ง (ผู้เปิดหรือผู้ push)")
    head = pull.get("head") or {}
    author = str((pull.get("user") or {}).get("login") or "")
    branch = _BRANCH.match(str(head.get("ref") or ""))
    head_repo = str((head.get("repo") or {}).get("full_name") or "")
    if author.lower() != bot.lower() or branch is None or head_repo != repository:
        return Actor(actor, "บอทส่ง แต่ไม่ใช่คำขอแก้ไขจาก branch รายงานของบอทในที่เก็บนี้ ตรวจสิทธิ์ของบอท")
    recorded, sha = recorded_commit(pull.get("body")), str(head.get("sha") or "")
    pushed = event.get("after")       # a synchronize event names the commit its push made
    if recorded is None or recorded != sha or (pushed is not None and pushed != sha):
        return Actor(actor, f"commit ล่าสุดของคำขอ ({sha[:12]}) ไม่ใช่ commit ที่บอทบันทึกไว้ "
                            "มีผู้อื่นเพิ่ม commit ใน branch ของบอท จึงตรวจสิทธิ์ของบอท ไม่ใช่ของผู้รายงาน")
    try:
        reporter = issue_author(int(branch.group(1)))
    except Exception as exc:          # noqa: BLE001 - any failed lookup grants nothing
        return Actor(actor, f"หาผู้รายงานของ issue นี้ไม่ได้ ({exc}) ตรวจสิทธิ์ของบอทแทน")
    if not reporter or not LOGIN.match(reporter):
        return Actor(actor, "หาผู้รายงานของ issue นี้ไม่ได้ ตรวจสิทธิ์ของบอทแทน")
    return Actor(reporter, f"คำขอแก้ไขของบอทจาก issue #{branch.group(1)}: ตรวจสิทธิ์ของผู้รายงาน")


def pr_actor_command(event_path: Path, actor: str, bot: str | None, client, out, err) -> int:
    """`thamniap pr-actor`: print the login; the reason goes to stderr. Exit 2 on a broken event file."""
    try:
        event = json.loads(Path(event_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        err.write(f"thamniap pr-actor: อ่านไฟล์เหตุการณ์ไม่ได้: {exc}\n")
        return 2
    repository = str(((event.get("repository") or {}) if isinstance(event, dict) else {}).get("full_name") or "")
    verdict = pull_request_actor(event, actor, repository, bot, client.issue_author)
    err.write(verdict.reason + "\n")
    out.write(verdict.login + "\n")
    return 0
