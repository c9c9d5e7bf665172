"""`thamniap report --publish`: the bot's outcome on GitHub, through github/client.py.

Applied: the checked commit is pushed as branch report/<issue> (replaced on every edit of the
issue), one pull request from it is opened or updated (it closes the issue, names who wrote the
report and whose edit was read, and records the commit the bot made: review/authority.py lends the
reporter's authority to exactly that commit and no other), the label `report:pull-request` is set.
The record is written before the commit can be the pull request's head: a new pull request is
opened after the push, naming the pushed commit; an existing one is updated first, then pushed to. Problems: the label `report:needs-fix`. Either way the
bot's one reply comment on the issue (found by its hidden marker) is written or updated. Exit 0
once the reply is posted (also when it lists problems), 2 when GitHub or git refused a call.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

from thamniap.render.markup import md
from thamniap.render.reportform.reply import MARKER
from thamniap.review import authority, checkpr
from thamniap.github.client import GitHubError
from thamniap.bot.bot import Outcome
from thamniap.vcs import git

APPLIED, NEEDS_FIX = "report:pull-request", "report:needs-fix"
LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")


def _login(name: str) -> str:
    return f"@{name}" if LOGIN.match(name) else md(name)


def pull_text(outcome: Outcome) -> tuple[str, str]:
    """Title and body of the report's pull request: the issue closed, who wrote the report and whose
    edit was read, and the one commit the bot made (authority.commit_record)."""
    issue, report = outcome.issue, outcome.report
    title = f"{report.name}: อำเภอ{outcome.district_name} ({outcome.district}) จาก issue #{issue.number}"
    body = "\n".join([f"Closes #{issue.number}", "",
                      f"รายงานโดย {_login(issue.author)} แก้ไขล่าสุดโดย {_login(issue.editor)} ผ่านแบบฟอร์ม {md(report.name)} "
                      "— บอทอ่านรายงาน ตรวจข้อมูล และตรวจสิทธิ์ของผู้รายงานแล้ว ผู้ดูแลตรวจการเปลี่ยนแปลงด้านล่างก่อนรวม (merge)", "",
                      "สรุปการเปลี่ยนแปลงอยู่ในความเห็นของบอทที่ issue และในผลการตรวจของคำขอนี้ "
                      "การตรวจสิทธิ์ใช้สิทธิ์ของผู้รายงานเฉพาะกับ commit ที่บอทสร้าง "
                      f"(`{outcome.commit[:12]}`); commit อื่นที่ผู้ใดเพิ่มในคำขอนี้ตรวจด้วยสิทธิ์ของผู้เพิ่ม", "",
                      authority.commit_record(outcome.commit), ""])
    return title, checkpr.public(body)


def publish_outcome(outcome: Outcome, client, top: Path, out: TextIO, err: TextIO) -> int:
    issue = outcome.issue
    if not outcome.reply or issue is None:
        return outcome.code
    reply = outcome.reply
    try:
        if outcome.code == 0 and outcome.commit:
            branch = f"report/{issue.number}"
            title, body = pull_text(outcome)
            pull = client.find_pull(branch)
            if pull is None:
                base = client.default_branch()
                client.push(top, outcome.commit, branch)
                pull = client.create_pull(branch, base, title, body)
            else:     # the record first: the push's synchronize event must find this commit in it
                pull = client.update_pull(pull["number"], title, body)
                client.push(top, outcome.commit, branch)
            reply = reply.rstrip() + (f"\n\nส่งให้จังหวัดตรวจแล้ว (คำขอแก้ไข #{int(pull['number'])}) "
                                      "เมื่อจังหวัดอนุมัติ บอทจะแจ้งใน issue นี้พร้อมลิงก์หน้าอำเภอในทำเนียบ\n")
        elif outcome.code != 0 and (earlier := client.find_pull(f"report/{issue.number}")) is not None:
            reply = reply.rstrip() + (f"\n\nคำขอแก้ไข #{int(earlier['number'])} ยังเป็นรายงานฉบับก่อนหน้า (ที่ส่งให้จังหวัดตรวจ) "
                                      "จนกว่าจะแก้รายงานนี้ให้ผ่าน\n")
        if outcome.code == 0:
            client.add_labels(issue.number, [APPLIED])
            client.remove_label(issue.number, NEEDS_FIX)
        else:
            client.add_labels(issue.number, [NEEDS_FIX])
            client.remove_label(issue.number, APPLIED)
        found = client.find_comment(issue.number, MARKER)
        if found:
            client.update_comment(found["id"], reply)
        else:
            client.create_comment(issue.number, reply)
    except (GitHubError, git.GitError) as exc:
        out.write(reply)
        err.write(checkpr.public(f"thamniap report --publish: {exc}\n"))
        return 2
    out.write(reply)
    # Posted: the reporter reads the problems in the comment; a failed run would only add an email.
    return 0
