"""`thamniap report` on the circular report (report id `circular`): the circular's whole task in one
issue — a new person who holds a seat at once, a vacant seat, the confirmation for the round, the
meeting's nominees — applied as one change that validates and published as one pull request.

Each test runs in a real git repository with the project's data (helpers.project_repo); GitHub's
API is the only thing faked (tests/fake_github.py).
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from helpers import git, run_cli
from report_events import event, write

from thamniap.bot import bot
from thamniap.bot.publish import publish_outcome

TODAY = "2024-02-01"
TEAM = "loei-cdd/district-4209"
DISTRICT = "data/42-loei/4209-wang-saphung"
NEW_PERSON = "นายประเสริฐ ทดสอบเวียน"          # not in the roster
NEW_LINE = f"เพิ่ม | ผู้นำ อช. | วังสะพุง | | {NEW_PERSON} | ชาย | 1/2/2567 | 30/9/2570"
CIRCULAR = {"district": "4209",
            "seats": f"ประธาน | {NEW_PERSON} | 1/2/2567\nประชาสัมพันธ์ | ว่าง",
            "changes": NEW_LINE,
            "confirmed-on": "20/1/2567",
            "representatives": f"{NEW_PERSON}\nนางสาวแสงเดือน สุขสวัสดิ์พันธ์ดี",
            "officials": "นางสาวสุดา แสนสุข"}


def report(repo: Path, payload: dict) -> tuple[int, str, str]:
    return run_cli("report", str(write(repo.parent / "event.json", payload)), "--project", str(repo),
                   "--today", TODAY, "--actor-teams", TEAM)


def next_id(repo: Path) -> str:
    from thamniap.check.validate import load_dataset
    from thamniap.model import next_free_id
    [province] = load_dataset(repo / "data").provinces
    return next_free_id(province, "4209")


def test_a_new_person_holds_a_seat_in_the_same_change(data_repo):
    new_id = next_id(data_repo)
    code, out, err = report(data_repo, event("circular", CIRCULAR))
    assert code == 0, out + err
    changed = git(data_repo, "diff", "--name-only").split()
    assert changed == [f"{DISTRICT}/club.yaml", f"{DISTRICT}/meeting.yaml", f"{DISTRICT}/roster/420901-wang-saphung.yaml"]
    club = (data_repo / DISTRICT / "club.yaml").read_text(encoding="utf-8")
    assert f"  - post: ประธาน\n    holder: {new_id}\n    since: 2024-02-01\n" in club
    assert "  - post: ประชาสัมพันธ์\n    vacant: true\n" in club
    assert "  - round: 2567-club-update\n    date: 2024-01-20\n" in club
    roster = (data_repo / DISTRICT / "roster/420901-wang-saphung.yaml").read_text(encoding="utf-8")
    assert f"id: {new_id}\n" in roster and "first_name: ประเสริฐ" in roster
    meeting = (data_repo / DISTRICT / "meeting.yaml").read_text(encoding="utf-8")
    assert f"  - {new_id}\n  - 4209-0002\n" in meeting
    code, out, err = run_cli("validate", str(data_repo / "data"), "--today", TODAY)
    assert code == 0, out + err


def test_only_the_confirmation_is_required(data_repo):
    code, out, err = report(data_repo, event("circular", {"district": "4209", "confirmed-on": "20/1/2567"}))
    assert code == 0, out + err
    assert git(data_repo, "diff", "--name-only").split() == [f"{DISTRICT}/club.yaml"]


def test_after_the_meeting_the_circular_report_takes_all_but_the_nominees(data_repo):
    """Sent after the meeting: nominees are refused in the page's words; without them, the rest is taken."""
    from thamniap.intake.reportform.messages import MEETING_PASSED
    after = "2024-01-16T02:00:00Z"
    code, out, err = report(data_repo, event("circular", CIRCULAR, sent_at=after))
    assert code == 1 and MEETING_PASSED[1] in out and git(data_repo, "status", "--porcelain") == ""
    values = {k: v for k, v in CIRCULAR.items() if k not in ("representatives", "officials")}
    code, out, err = report(data_repo, event("circular", values, sent_at=after))
    assert code == 0, out + err
    assert f"{DISTRICT}/meeting.yaml" not in git(data_repo, "diff", "--name-only").split()


def test_a_seat_naming_someone_neither_listed_nor_added_is_refused(data_repo):
    values = {**CIRCULAR, "changes": ""}
    code, out, err = report(data_repo, event("circular", values))
    assert code == 1
    assert "ไม่พบผู้ดำรงตำแหน่ง" in out and git(data_repo, "status", "--porcelain") == ""


def test_one_issue_becomes_one_pull_request(data_repo, tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    client = FakeGitHub(str(remote))
    options = bot.Options(write(tmp_path / "event.json", event("circular", CIRCULAR)), data_repo, (TEAM,), "main",
                          dt.date.fromisoformat(TODAY), write=False)
    out, err = io.StringIO(), io.StringIO()
    assert publish_outcome(bot.run(options), client, data_repo, out, err) == 0, out.getvalue() + err.getvalue()
    assert len(client.pulls) == 1 and len(client.comments) == 1
    head = git(remote, "rev-parse", "refs/heads/report/7").strip()
    base = git(data_repo, "rev-parse", "main").strip()
    assert len(git(remote, "diff", "--name-only", base, head).split()) == 3
