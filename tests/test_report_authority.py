"""Whose authority a report carries (issue 17 §1, §2): only the reporter's own words, and only the
commit the bot made.

§1: an issue edited by anyone but its author is not applied; the reply and the pull request name
who wrote the report and whose edit was read. §2: the scope check lends the reporter's authority
to the bot's pull request only when its head is the commit the bot recorded; a commit someone else
pushes to the bot's branch — in the window between the bot's push and its pull request, or later —
is judged as its pusher's (or the bot's, which is no maintainer). Real git repositories throughout;
GitHub's API is the fake in tests/fake_github.py.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from fake_github import FakeGitHub
from helpers import REPO, git, run_cli
from report_events import event, write
from test_report_bot import git_identity, remote, repo  # noqa: F401 (the bot tests' fixtures)

from thamniap.review import authority
from thamniap.bot import bot
from thamniap.bot.publish import publish_outcome

TODAY = "2024-02-01"
TEAM = "loei-cdd/district-4209"
REPORTER = "somchai-4209"
BOT = "thamniap-bot[bot]"
REPOSITORY = "loei-cdd/thamniap"
CLUB = "data/42-loei/4209-wang-saphung/club.yaml"
COMMITTEE = {"district": "4209", "seats": "ประชาสัมพันธ์ | ว่าง"}


def report(repo: Path, payload: dict) -> tuple[int, str, str]:
    """`thamniap report` as the workflow runs it; the reply as a reader sees it (Markdown escapes removed)."""
    path = write(repo.parent / "event.json", payload)
    code, out, err = run_cli("report", str(path), "--project", str(repo), "--today", TODAY, "--actor-teams", TEAM)
    return code, re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", out), err


def publish(repo: Path, payload: dict, client: FakeGitHub) -> int:
    options = bot.Options(write(repo.parent / "event.json", payload), repo, (TEAM,), "main",
                          dt.date.fromisoformat(TODAY), write=False)
    return publish_outcome(bot.run(options), client, repo, io.StringIO(), io.StringIO())


# ---------------------------------------------------------------- §1 someone else's edit

def test_an_edit_by_someone_else_is_not_applied_and_the_reply_says_who(repo):
    stranger = {"login": "maintainer-4201", "type": "User"}
    code, out, err = report(repo, event("committee", COMMITTEE, author=REPORTER, action="edited", sender=stranger))
    assert code == 1, out + err
    assert git(repo, "status", "--porcelain") == ""
    assert "ถูกแก้ไขโดยผู้อื่น" in out and "ไม่มีการเปลี่ยนแปลงข้อมูล" in out
    assert f"@\u200b{REPORTER}" in out and "@\u200bmaintainer-4201" in out       # both named, neither mentioned
    assert "แก้ไข issue นี้เอง" in out and "เปิดรายงานใหม่" in out


def test_the_same_edit_by_the_author_is_applied(repo):
    code, out, err = report(repo, event("committee", COMMITTEE, author=REPORTER, action="edited"))
    assert code == 0, out + err
    assert git(repo, "diff", "--name-only").split() == [CLUB]
    assert f"ผู้รายงาน: “@\u200b{REPORTER}” · แก้ไขล่าสุดโดย: “@\u200b{REPORTER}”" in out


def test_logins_compare_without_case(repo):
    sender = {"login": REPORTER.upper(), "type": "User"}
    code, out, err = report(repo, event("committee", COMMITTEE, author=REPORTER, action="edited", sender=sender))
    assert code == 0, out + err


def test_an_edit_of_the_title_alone_reads_nothing(repo):
    """The body may hold someone else's earlier (refused) edit: a title edit by the author must not apply it."""
    payload = event("committee", COMMITTEE, author=REPORTER, action="edited", changes={"title": {"from": "x"}})
    code, out, err = report(repo, payload)
    assert code == 0 and out == "" and "ไม่ได้แก้เนื้อรายงาน" in err
    assert git(repo, "status", "--porcelain") == ""


def test_someone_elses_edit_leaves_the_authors_pull_request_as_it_was(repo, remote):
    client = FakeGitHub(str(remote))
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    first = git(remote, "rev-parse", "refs/heads/report/7").strip()
    hijack = {"district": "4209", "seats": "ประธาน | ว่าง"}
    stranger = {"login": "maintainer-4201", "type": "User"}
    assert publish(repo, event("committee", hijack, author=REPORTER, action="edited", sender=stranger), client) == 0
    assert git(remote, "rev-parse", "refs/heads/report/7").strip() == first       # not pushed
    assert client.labels[7] == {"report:needs-fix"}
    reply = client.comments[1]["body"]
    assert "ถูกแก้ไขโดยผู้อื่น" in reply and "#101 ยังเป็นรายงานฉบับก่อนหน้า" in reply


def test_the_pull_request_names_the_writer_and_the_last_editor(repo, remote):
    client = FakeGitHub(str(remote))
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    assert f"รายงานโดย @{REPORTER} แก้ไขล่าสุดโดย @{REPORTER}" in client.pulls[101]["body"]
    edited = {"district": "4209", "seats": "เหรัญญิก | ว่าง"}
    assert publish(repo, event("committee", edited, author=REPORTER, action="edited"), client) == 0
    message = git(remote, "log", "-1", "--format=%B", "refs/heads/report/7")
    assert f"เขียนโดย @{REPORTER} แก้ไขล่าสุดโดย @{REPORTER}" in message


# ---------------------------------------------------------------- §2 the bot's commit, and no other

def pull_event(client: FakeGitHub, remote: Path, number: int, actor_pushed: str, *, action: str = "opened") -> dict:
    """The `pull_request_target` event GitHub would send for the fake's pull request NUMBER now."""
    pull = client.pulls[number]
    head = git(remote, "rev-parse", f"refs/heads/{pull['head']}").strip()
    return {"action": action, "repository": {"full_name": REPOSITORY},
            "sender": {"login": actor_pushed},
            "pull_request": {"number": number, "user": {"login": BOT}, "body": pull["body"],
                             "head": {"ref": pull["head"], "sha": head, "repo": {"full_name": REPOSITORY}}}}


def someone_pushes(remote: Path, tmp: Path, branch: str = "report/7") -> str:
    """A district 4201 maintainer with Write access pushes a commit that changes 4209's club."""
    work = tmp / f"intruder-{len(list(tmp.glob('intruder-*')))}"
    git(tmp, "clone", "-q", "-b", branch, str(remote), str(work))
    club = work / CLUB
    club.write_text(club.read_text(encoding="utf-8").replace("vacant: true", "vacant: false"), encoding="utf-8")
    git(work, "commit", "-qam", "a small fix")
    git(work, "push", "-q", "origin", f"HEAD:{branch}")
    return git(work, "rev-parse", "HEAD").strip()


def actor_of(payload: dict, client: FakeGitHub, actor: str) -> authority.Actor:
    return authority.pull_request_actor(payload, actor, REPOSITORY, BOT, client.issue_author)


def scope(repo: Path, remote: Path, sha: str, actor: str) -> int:
    git(repo, "fetch", "-q", str(remote), sha)
    teams = ("--actor-teams", TEAM) if actor == REPORTER else ()
    code, _, _ = run_cli("check-pr", "--base", "main", "--head", sha, "--actor", actor, *teams)
    return code


def test_the_bots_own_commit_is_judged_as_the_reporters(repo, remote):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    payload = pull_event(client, remote, 101, BOT)
    assert authority.recorded_commit(client.pulls[101]["body"]) == payload["pull_request"]["head"]["sha"]
    found = actor_of(payload, client, BOT)
    assert found.login == REPORTER
    assert scope(repo, remote, payload["pull_request"]["head"]["sha"], found.login) == 0


def test_a_commit_pushed_between_the_bots_push_and_its_pull_request_is_not_the_reporters(repo, remote, tmp_path):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    intruder = []
    client.meanwhile["create_pull"] = lambda: intruder.append(someone_pushes(remote, tmp_path))
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    payload = pull_event(client, remote, 101, BOT)                  # opened by the bot, head = the intruder's
    assert payload["pull_request"]["head"]["sha"] == intruder[0]
    found = actor_of(payload, client, BOT)
    assert found.login == BOT and "ไม่ใช่ commit ที่บอทบันทึกไว้" in found.reason
    assert scope(repo, remote, intruder[0], found.login) == 1          # the bot is no maintainer: refused
    # the same commit judged with the reporter's authority would have passed: the swap was the hole
    assert scope(repo, remote, intruder[0], REPORTER) == 0


def test_a_commit_pushed_after_the_bots_update_makes_its_pusher_the_actor(repo, remote, tmp_path):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    edited = {"district": "4209", "seats": "เหรัญญิก | ว่าง"}
    assert publish(repo, event("committee", edited, author=REPORTER, action="edited"), client) == 0
    bots = actor_of(pull_event(client, remote, 101, BOT, action="synchronize"), client, BOT)
    assert bots.login == REPORTER                       # the bot's update: recorded before it was pushed
    someone_pushes(remote, tmp_path)
    theirs = pull_event(client, remote, 101, "maintainer-4201", action="synchronize")
    assert actor_of(theirs, client, "maintainer-4201").login == "maintainer-4201"
    # GitHub's event for the bot's push may arrive carrying the newer head: still not the reporter's
    late = pull_event(client, remote, 101, BOT, action="synchronize")
    assert actor_of(late, client, BOT).login == BOT
    # … even if someone also wrote the newer head into the body: the push named its own commit
    late["pull_request"]["body"] = authority.commit_record(late["pull_request"]["head"]["sha"])
    late["after"] = authority.recorded_commit(client.pulls[101]["body"])
    assert actor_of(late, client, BOT).login == BOT


def test_an_intruder_commit_before_the_bots_update_is_replaced_by_the_push(repo, remote, tmp_path):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    client.meanwhile["push"] = lambda: someone_pushes(remote, tmp_path)
    edited = {"district": "4209", "seats": "เหรัญญิก | ว่าง"}
    assert publish(repo, event("committee", edited, author=REPORTER, action="edited"), client) == 0
    payload = pull_event(client, remote, 101, BOT, action="synchronize")
    assert authority.recorded_commit(client.pulls[101]["body"]) == payload["pull_request"]["head"]["sha"]
    assert actor_of(payload, client, BOT).login == REPORTER


@pytest.mark.parametrize("change, why", [
    (lambda e: e["pull_request"].update(body="no record"), "no record"),
    (lambda e: e["pull_request"].update(body=e["pull_request"]["body"] + authority.commit_record("0" * 40)),
     "two records"),
    (lambda e: e["pull_request"]["head"].update(ref="feature/7"), "not a report branch"),
    (lambda e: e["pull_request"]["head"]["repo"].update(full_name="someone/fork"), "a fork"),
    (lambda e: e["pull_request"].update(user={"login": "maintainer-4201"}), "opened by someone else"),
])
def test_the_swap_needs_every_condition(repo, remote, change, why):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    payload = pull_event(client, remote, 101, BOT)
    assert actor_of(payload, client, BOT).login == REPORTER
    change(payload)
    assert actor_of(payload, client, BOT).login == BOT, why


def test_without_the_bots_login_nothing_is_swapped(repo, remote):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    payload = pull_event(client, remote, 101, BOT)
    assert authority.pull_request_actor(payload, BOT, REPOSITORY, None, client.issue_author).login == BOT
    assert authority.pull_request_actor(payload, BOT, REPOSITORY, "", client.issue_author).login == BOT


def test_an_unreadable_reporter_grants_nothing(repo, remote):
    client = FakeGitHub(str(remote), issue_authors={7: "not a login; rm -rf"})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    assert actor_of(pull_event(client, remote, 101, BOT), client, BOT).login == BOT

    def broken(number: int) -> str:
        raise OSError("GitHub did not answer")
    payload = pull_event(client, remote, 101, BOT)
    assert authority.pull_request_actor(payload, BOT, REPOSITORY, BOT, broken).login == BOT


def test_pr_actor_command_prints_one_login(repo, remote, tmp_path, monkeypatch):
    client = FakeGitHub(str(remote), issue_authors={7: REPORTER})
    assert publish(repo, event("committee", COMMITTEE, author=REPORTER), client) == 0
    path = tmp_path / "pull.json"
    path.write_text(json.dumps(pull_event(client, remote, 101, BOT)), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert authority.pr_actor_command(path, BOT, BOT, client, out, err) == 0
    assert out.getvalue() == f"{REPORTER}\n" and "ผู้รายงาน" in err.getvalue()
    path.write_text("{", encoding="utf-8")
    assert authority.pr_actor_command(path, BOT, BOT, client, io.StringIO(), io.StringIO()) == 2


# ---------------------------------------------------------------- §7 the token only for a report to act on

@pytest.mark.parametrize("payload, act", [
    (event("committee", COMMITTEE), "true"),
    (event("committee", COMMITTEE, action="edited", sender={"login": "maintainer-4201", "type": "User"}), "true"),
    (event("committee", COMMITTEE, action="edited", changes={"title": {"from": "x"}}), "false"),
    (event("committee", COMMITTEE, sender={"login": BOT, "type": "Bot"}), "false"),
    (event("committee", COMMITTEE, action="closed"), "false"),
    ({**event("committee", COMMITTEE), "issue": {**event("committee", COMMITTEE)["issue"], "labels": [],
                                                  "title": "คำถามเรื่องการประชุม"}}, "false"),
])
def test_triage_says_whether_the_bot_needs_its_token(tmp_path, payload, act):
    path = write(tmp_path / "event.json", payload)
    code, out, err = run_cli("report", str(path), "--project", str(REPO), "--triage")
    assert (code, out) == (0, act + "\n"), err
