"""Two reports in flight never break main (issue 17 §3).

Two roster reports for district 4209, read by the bot from the same main, each take the next free
id (4209-0561) in different subdistrict files: each branch passes on its own and they merge without
a git conflict, yet main would then hold the id twice (`roster.duplicate-id`) and the site would
stop publishing. The mechanism (docs/threat-model.md, "reports in flight"):

1. the repository requires branches to be up to date before merging: after the first merge the
   second pull request must be updated, and its data is then validated as it will be on main —
   the duplicate is an error there, so it cannot be merged;
2. the scope check says plainly that the pull request was checked against older data and how to
   refresh it;
3. the bot, run again on the current main (the reporter edits the issue, or Re-run jobs: the bot's
   job checks out the default branch by name), gives the new person the next id that is free now.

Real git repositories; the bot's commits are made by `bot.run` exactly as the workflow makes them.
"""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import GIT_ENV, git, project_repo, run_cli
from report_events import event, write

from thamniap.bot import bot

TODAY = "2024-02-01"
TEAM = "loei-cdd/district-4209"
REPORTER = "somchai-4209"
FIRST = "เพิ่ม | อช. | วังสะพุง | 1 | นางสมศรี ทดลองดี | | 15/1/2567 |"        # subdistrict 420901
SECOND = "เพิ่ม | อช. | ผาน้อย | 1 | นายสมหมาย ทดลองใหม่ | | 15/1/2567 |"   # another subdistrict of 4209


@pytest.fixture
def repo(tmp_path, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    root = project_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    return root


def bot_branch(repo, number: int, line: str, base: str = "main") -> str:
    """The bot's commit for roster report #NUMBER read against BASE, as branch report/<number>."""
    payload = event("roster", {"district": "4209", "changes": line}, author=REPORTER, number=number)
    options = bot.Options(write(repo.parent / f"event-{number}.json", payload), repo, (TEAM,), base,
                          dt.date.fromisoformat(TODAY), write=False)
    outcome = bot.run(options)
    assert outcome.code == 0 and outcome.commit, outcome.reply
    git(repo, "branch", "-f", f"report/{number}", outcome.commit)
    return outcome.commit


def new_ids(repo, rev: str) -> list[str]:
    diff = git(repo, "diff", f"main...{rev}", "--unified=0")
    return [ln.split("id: ", 1)[1] for ln in diff.splitlines() if ln.startswith("+") and "id: 4209-" in ln]


def validate_rev(repo, rev: str) -> tuple[int, str]:
    """`thamniap validate` of the data as it is at REV (a checkout in a worktree of its own)."""
    where = repo.parent / f"at-{rev.replace('/', '-')}"
    git(repo, "worktree", "add", "-q", "--detach", str(where), rev)
    code, out, err = run_cli("validate", str(where / "data"), "--today", TODAY)
    git(repo, "worktree", "remove", "--force", str(where))
    return code, out + err


def merge(repo, branch: str) -> None:
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch)


@pytest.mark.parametrize("order", [(7, 8), (8, 7)])
def test_two_reports_from_one_base_never_leave_main_invalid(repo, order):
    lines = {7: FIRST, 8: SECOND}
    for number in (7, 8):
        bot_branch(repo, number, lines[number])
    # the collision this issue found: both take the same next free id, in different files
    assert new_ids(repo, "report/7") == new_ids(repo, "report/8") == ["4209-0561"]
    first, second = order
    assert validate_rev(repo, f"report/{first}")[0] == 0 and validate_rev(repo, f"report/{second}")[0] == 0

    merge(repo, f"report/{first}")
    assert validate_rev(repo, "main")[0] == 0

    # the second is now behind main: the scope check says so, naming the district that moved
    code, out, err = run_cli("check-pr", "--base", "main", "--head", f"report/{second}",
                             "--actor", REPORTER, "--actor-teams", TEAM)
    assert code == 0, out + err
    assert "คำขอนี้ตรวจกับข้อมูลรุ่นเก่า" in out and "ข้อมูลอำเภอวังสะพุง" in out and "Update branch" in out

    # brought up to date, as the required setting demands, its data fails validation: it cannot merge
    git(repo, "checkout", "-q", f"report/{second}")
    git(repo, "merge", "-q", "--no-ff", "-m", "Update branch", "main")      # no git conflict at all
    code, said = validate_rev(repo, f"report/{second}")
    assert code == 1 and "roster.duplicate-id" in said and "4209-0561" in said
    git(repo, "checkout", "-q", "main")

    # the bot run again on the current main gives the next id that is free now, and main stays valid
    bot_branch(repo, second, lines[second], base="main")
    assert new_ids(repo, f"report/{second}") == ["4209-0562"]
    merge(repo, f"report/{second}")
    code, said = validate_rev(repo, "main")
    assert code == 0, said


def test_an_up_to_date_pull_request_is_not_called_stale(repo):
    bot_branch(repo, 7, FIRST)
    code, out, err = run_cli("check-pr", "--base", "main", "--head", "report/7", "--actor", REPORTER,
                             "--actor-teams", TEAM)
    assert code == 0, out + err
    assert "ข้อมูลรุ่นเก่า" not in out


def test_a_base_that_moved_elsewhere_is_named_as_such(repo):
    bot_branch(repo, 7, FIRST)
    other = repo / "data/42-loei/4201-mueang-loei/club.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "# หมายเหตุ\n", encoding="utf-8")
    git(repo, "commit", "-qam", "province edits 4201")
    code, out, err = run_cli("check-pr", "--base", "main", "--head", "report/7", "--actor", REPORTER,
                             "--actor-teams", TEAM)
    assert code == 0 and "คำขอนี้ตรวจกับข้อมูลรุ่นเก่า" in out and "ไม่ใช่ส่วนที่คำขอนี้แก้" in out
