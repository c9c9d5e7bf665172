"""`thamniap remind`: one GitHub issue per district that has not reported for the current round.

The issue mentions the district's maintainers (an `org/team` reaches every member by e-mail and in
GitHub's mobile app), gives the deadline and the district's report page. Each run (daily, from
.github/workflows/remind.yml) compares the issues open under `reminders.LABEL` with the standing of
every district (derive/dashboard.not_reported, from model/rounds.py) and:

* opens an issue for a district that has not reported, once the round has opened;
* updates it when its state changes (not yet due → due soon → overdue) and comments, so the team
  is notified again (the issue does not change from one day to the next otherwise);
* closes it, with a note, when the district's report is in the data, or when its round is no longer
  the current one.

`plan` decides and `carry_out` does it through the one GitHub client (thamniap.github.client);
without --publish the command prints the plan and changes nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from thamniap.derive.dashboard import not_reported
from thamniap.github.client import GitHubError
from thamniap.model import Province, rounds
from thamniap.render import reminders
from thamniap.tools.status import pick_province, report_urls

OPEN, UPDATE, CLOSE = "open", "update", "close"


@dataclass(frozen=True)
class Action:
    kind: str                    # open | update | close
    district_code: str
    label: str                   # what the action is about, in Thai (for the printed plan)
    number: int | None = None    # the issue (update, close)
    title: str = ""
    body: str = ""
    comment: str = ""            # posted with an update or before closing


def plan(province: Province, today: dt.date, issues: list[dict], urls: dict[str, str]) -> list[Action]:
    """What to do on TODAY, given the open reminder ISSUES ({number, title, body}) and each district's
    report page address (URLS)."""
    current = rounds.current_round(province, today)
    found: dict[tuple[str, str], tuple[dict, str]] = {}
    actions: list[Action] = []
    districts = {d.code: d for d in province.districts}
    for issue in issues:
        mark = reminders.MARK_PATTERN.search(issue["body"])
        if not mark:
            continue                      # not one of ours: leave it alone
        key = (mark["round"], mark["district"])
        if key in found or current is None or mark["round"] != current.id or mark["district"] not in districts:
            name = districts[mark["district"]].name if mark["district"] in districts else mark["district"]
            actions.append(Action(CLOSE, mark["district"], f"อำเภอ{name} (รอบ {mark['round']} ไม่ใช่รอบปัจจุบันแล้ว)",
                                  issue["number"], comment=f"ปิดเรื่องนี้ เพราะรอบการรายงาน {mark['round']} ไม่ใช่รอบปัจจุบันแล้ว"
                                  if key not in found else "ปิดเรื่องนี้ เพราะซ้ำกับอีกเรื่องหนึ่งของอำเภอเดียวกัน"))
            continue
        found[key] = (issue, mark["state"])
    if current is None:
        return actions
    waiting = {w.district.code: w for w in not_reported(province, current, today)}
    for district in province.districts:
        have = found.get((current.id, district.code))
        item = waiting.get(district.code)
        if item is None:                 # reported: the report is in the data
            if have:
                standing = rounds.standing(district.club, current, today)
                actions.append(Action(CLOSE, district.code, f"อำเภอ{district.name} (ส่งรายงานแล้ว)", have[0]["number"],
                                      comment=reminders.closing_note(district, standing)))
            continue
        standing = item.standing
        if not standing.opened:
            continue
        title = reminders.issue_title(district, standing)
        body = reminders.issue_body(province, district, standing, urls.get(district.code, ""))
        words = reminders.standing_words(standing)
        if have is None:
            actions.append(Action(OPEN, district.code, f"อำเภอ{district.name} ({words})", title=title, body=body))
        elif have[1] != standing.state.value:
            actions.append(Action(UPDATE, district.code, f"อำเภอ{district.name} ({words})", have[0]["number"], title, body,
                                  comment=reminders.state_comment(district, standing)))
    return actions


VERBS = {OPEN: ("จะเปิดเรื่องเตือน", "เปิดเรื่องเตือนแล้ว"), UPDATE: ("จะแจ้งเตือนซ้ำในเรื่อง", "แจ้งเตือนซ้ำแล้วในเรื่อง"),
         CLOSE: ("จะปิดเรื่องเตือน", "ปิดเรื่องเตือนแล้ว")}


def carry_out(actions: list[Action], client, out: TextIO) -> None:
    """Do ACTIONS through CLIENT (thamniap.github.client.GitHub or its fake), printing each one done."""
    for action in actions:
        number = action.number
        if action.kind == OPEN:
            number = client.create_issue(action.title, action.body, [reminders.LABEL])["number"]
        elif action.kind == UPDATE:
            client.update_issue(number, action.title, action.body)
            client.create_comment(number, action.comment)
        else:
            client.create_comment(number, action.comment)
            client.close_issue(number)
        print(f"{VERBS[action.kind][1]} #{number}: {action.label}", file=out)


def remind_command(data: Path, config: Path | None, today: dt.date, publish: bool, client, out: TextIO, err: TextIO,
                   province_code: str | None = None) -> int:
    """Plan the reminders for TODAY and, with PUBLISH, carry them out on GitHub through CLIENT."""
    province = pick_province(data, province_code, err)
    if province is None:
        return 1
    if publish and not client.ready:
        print("thamniap remind --publish: ไม่ได้ตั้งค่า GITHUB_TOKEN หรือ GITHUB_REPOSITORY จึงเปิดเรื่องเตือนบน GitHub ไม่ได้ "
              "(ใน GitHub Actions: .github/workflows/remind.yml ส่งให้เอง)", file=err)
        return 2
    issues: list[dict] = []
    if client.ready:
        try:
            issues = client.open_issues(reminders.LABEL)
        except GitHubError as exc:
            print(f"thamniap: อ่านเรื่องเตือนที่เปิดอยู่ไม่ได้: {exc}", file=err)
            return 2
    else:
        print("หมายเหตุ: ไม่ได้อ่านเรื่องเตือนที่เปิดอยู่บน GitHub (ไม่มี GITHUB_TOKEN) แผนนี้ถือว่ายังไม่มีเรื่องใดเปิดอยู่", file=out)
    actions = plan(province, today, issues, report_urls(province, config))
    if not actions:
        print(f"ไม่มีเรื่องเตือนที่ต้องเปิด ปรับปรุง หรือปิด (ข้อมูล ณ วันที่ {today.isoformat()})", file=out)
        return 0
    if not publish:
        for action in actions:
            print(f"{VERBS[action.kind][0]}{f' #{action.number}' if action.number else ''}: {action.label}", file=out)
        print("(ยังไม่ได้ทำจริง: ใส่ --publish เพื่อเปิด ปรับปรุง และปิดเรื่องเตือนบน GitHub)", file=out)
        return 0
    try:
        carry_out(actions, client, out)
    except GitHubError as exc:
        print(f"thamniap: ทำรายการเตือนไม่สำเร็จ: {exc}", file=err)
        return 2
    return 0
