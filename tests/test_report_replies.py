"""Issue 19 §5 and §6: GitHub's step and replies a district official understands.

- The page's ticks reach the bot in the `ticked` field (GitHub cannot prefill a checkbox), so GitHub's
  form no longer requires them; the bot still does.
- Replies are plain Thai outside the collapsed part for the province's maintainers (every reply of every
  test is checked by tests/conftest.py; here the detector itself is tested, so it cannot pass vacuously).
- A reporter without the right is told who has it and how to get it, not to edit the issue.
- After the province merges the bot's pull request, the issue gets the official's receipt with the
  district's page (`thamniap report-merged`, through tests/fake_github.py).
- `thamniap report-file` tells the province what to do next and gives the receipt to send back.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from fake_github import FakeGitHub
from helpers import REPO, git, run_cli
from report_events import body, event, write

from thamniap.bot import bot
from thamniap.bot.publish import publish_outcome
from thamniap.bot.receipt import receipt_command
from thamniap.check.validate import load_dataset
from thamniap.intake.reportform import body as body_parser
from thamniap.intake.reportform.fields import REPORTS, TICKED, report
from thamniap.render import reportpage
from thamniap.render.reportform import reply
from thamniap.render.site import CHOOSER, SiteSettings, province_pages

TODAY = "2024-02-01"
TEAM = "loei-cdd/district-4209"
DISTRICT_PAGE = SiteSettings.from_file(REPO / "mkdocs.yml").page_url("districts/4209-wang-saphung/index.md")
CONFIRMED = {"district": "4209", "confirmed-on": "20/1/2567"}
COMMITTEE = {"district": "4209", "seats": "ประชาสัมพันธ์ | ว่าง"}


@pytest.fixture
def repo(data_repo) -> Path:
    return data_repo


def unescaped(markdown: str) -> str:
    """The reply as a reader sees it: Markdown's backslash escapes removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def run_report(repo: Path, payload: dict, *teams: str) -> tuple[int, str, str]:
    args = ["report", str(write(repo.parent / "event.json", payload)), "--project", str(repo), "--today", TODAY]
    return run_cli(*args, *(["--actor-teams", ",".join(teams)] if teams else []))


# ---------------------------------------------------------------- §6: the detector

@pytest.mark.parametrize("markdown, found", [
    ("ข้อมูลอำเภอวังสะพุงผ่านการตรวจ", []),
    ("บรรทัดที่ 2 (ประธาน): ไม่พบชื่อ", []),                                  # a line the official typed
    ("คำเตือน (club.yaml บรรทัด 36)", ["club.yaml", "บรรทัด 36"]),
    ("ใส่ \\`holder:\\` และลบ \\`vacant: true\\`", ["holder:", "vacant:"]),
    ("ตั้ง end_reason ด้วย", ["end_reason"]),
    ("อ่านจากข้อมูลใน branch หลัก แล้ว merge", ["branch", "merge"]),
    ("คำขอแก้ไข (pull request) #101", ["pull request"]),
    ("ผู้ดูแล “@\u200bloei\\-cdd/district\\-4209” https://example.org/a", []),
    ("แนบ “form\\.xlsx: อช\\.\\!K4”", []),                                  # the official's own attachment
    ("ok\n<details><summary>สำหรับผู้ดูแลจังหวัด</summary>\n\n- club.yaml บรรทัด 3 branch\n\n</details>\n", []),
])
def test_plain_problems_finds_what_an_official_should_not_read(markdown, found):
    assert reply.plain_problems(markdown) == found


def test_a_checks_detail_goes_to_the_collapsed_part(repo):
    """The validator's hint names YAML keys: the official reads the plain message, the maintainers the rest."""
    code, out, err = run_report(repo, event("committee", COMMITTEE), TEAM)
    assert code == 0, out + err
    main, _, collapsed = out.partition("<details><summary>สำหรับผู้ดูแลจังหวัด</summary>")
    assert "ตำแหน่งประชาสัมพันธ์ ว่าง" in main and "holder" not in main and "club.yaml" not in main
    collapsed = unescaped(collapsed)
    assert "club.yaml บรรทัด" in collapsed and "holder:" in collapsed and collapsed.rstrip().endswith("</details>")


# ---------------------------------------------------------------- §6: no right to report

def test_a_stranger_is_told_who_may_report_and_how_to_get_the_right(repo):
    code, out, err = run_report(repo, event("committee", COMMITTEE, author="stranger"), "some-org/other-team")
    assert code == 1 and git(repo, "status", "--porcelain") == ""
    main, _, collapsed = (unescaped(part) for part in out.partition("<details>"))
    plain = main
    assert "ยังไม่มีสิทธิ์รายงานแทนอำเภอวังสะพุง" in plain
    assert "ผู้ดูแลของอำเภอวังสะพุง: “@\u200bloei-cdd/district-4209”" in plain      # as district.yaml holds them
    assert "ผู้ดูแลจังหวัด: “@\u200bloei-cdd/province-admins”" in plain              # as province.yaml holds them
    assert "สำนักงานพัฒนาชุมชนจังหวัดเลย (โทร 0 4241 1773)" in plain and "ขอให้เพิ่มบัญชี GitHub ของท่าน" in plain
    assert "Edit" not in out and reply.EDIT_HINT not in out                          # editing would not help
    assert "data/42-loei/4209-wang-saphung/district.yaml" in collapsed


# ---------------------------------------------------------------- §5: the page's ticks

def test_ticks_from_the_page_count_as_ticked_on_github(repo):
    values = {**CONFIRMED, "ticked": "ยืนยันโครงสร้าง, ไม่มีเลขประจำตัวหรือเบอร์ส่วนตัว"}
    payload = event("confirmation", values)
    payload["issue"]["body"] = body("confirmation", values, unticked=("confirm", "no-private-numbers"))
    code, out, err = run_report(repo, payload, TEAM)
    assert code == 0, out + err
    assert "date: 2024-01-20" in (repo / "data/42-loei/4209-wang-saphung/club.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("ticked, problem", [
    ("", "ยังไม่ได้เลือก"),                                                       # nothing ticked anywhere
    ("ไม่มีเลขประจำตัวหรือเบอร์ส่วนตัว", "ยังไม่ได้เลือก"),                         # the confirmation not ticked
    ("ยืนยันโครงสร้าง, ไม่มีเลขประจำตัวหรือเบอร์ส่วนตัว, อื่น", "ไม่ใช่ข้อยืนยันของรายงานนี้"),
])
def test_the_bot_still_requires_every_tick(ticked, problem):
    spec = report("confirmation")
    parsed = body_parser.parse(body("confirmation", {**CONFIRMED, "ticked": ticked},
                                    unticked=("confirm", "no-private-numbers")), spec)
    assert any(problem in n.message for n in parsed.problems)


def test_githubs_form_does_not_require_what_the_page_ticked():
    for form in REPORTS:
        data = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / f"{form.id}.yml").read_text(encoding="utf-8"))
        ids = [element.get("id") for element in data["body"]]
        assert TICKED.id in ids, form.id
        for element in data["body"]:
            if element["type"] == "checkboxes":
                assert all(option["required"] is False for option in element["attributes"]["options"])
        for field in form.fields:
            assert field.kind != "checkboxes" or field.ticked_as, (form.id, field.id)


# ---------------------------------------------------------------- §6: the receipt after the merge

def merged_event(number: int, pull: dict, *, merged: bool = True, fork: bool = False, ref: str | None = None) -> dict:
    repo_name = "loei-cdd/thamniap"
    return {"action": "closed", "repository": {"default_branch": "main", "full_name": repo_name},
            "pull_request": {"number": number, "merged": merged, "title": pull["title"], "body": pull["body"],
                             "head": {"ref": ref or pull["head"], "repo": {"full_name": "someone/fork" if fork else repo_name}},
                             "base": {"ref": "main", "repo": {"full_name": repo_name}}}}


def test_merging_the_bots_pull_request_answers_the_issue_with_the_districts_page(repo, tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    client = FakeGitHub(str(remote), issue_authors={7: "somchai-4209"})
    options = bot.Options(write(tmp_path / "issue.json", event("confirmation", CONFIRMED)), repo, (TEAM,), "main",
                          dt.date.fromisoformat(TODAY), write=False)
    assert publish_outcome(bot.run(options), client, repo, io.StringIO(), io.StringIO()) == 0
    [(number, pull)] = client.pulls.items()
    assert "จังหวัดอนุมัติ บอทจะแจ้งใน issue นี้" in client.comments[1]["body"]

    def receipt(payload) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return receipt_command(write(tmp_path / "pr.json", payload), repo, client, out, err), out.getvalue(), err.getvalue()

    for ignored in (merged_event(number, pull, merged=False), merged_event(number, pull, fork=True),
                    merged_event(number, pull, ref="feature/7")):
        code, out, err = receipt(ignored)
        assert code == 0 and out == "" and "ไม่ตอบ" in err and len(client.comments) == 1

    code, out, err = receipt(merged_event(number, pull))
    assert code == 0, err
    [posted] = [c for c in client.comments.values() if reply.MARKER_MERGED in c["body"]]
    assert posted["issue"] == 7
    assert "บันทึกในทำเนียบแล้ว" in posted["body"] and f"]({DISTRICT_PAGE})" in posted["body"]
    assert "อำเภอวังสะพุง" in posted["body"] and "“@\u200bsomchai\\-4209”" in posted["body"]
    assert reply.MARKER not in posted["body"]          # the report's own reply is a different comment
    code, out, err = receipt(merged_event(number, pull))        # a re-run updates, never adds
    assert code == 0 and len(client.comments) == 2


def test_the_receipt_workflow_runs_on_merged_report_branches_with_issues_write_only():
    path = REPO / ".github" / "workflows" / "report-receipt.yml"
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    on = wf.get("on", wf.get(True))
    assert on == {"pull_request": {"types": ["closed"]}}
    assert wf["permissions"] == {}
    [job] = wf["jobs"].values()
    assert job["permissions"] == {"issues": "write"}
    for condition in ("github.event.pull_request.merged == true", "startsWith(github.event.pull_request.head.ref, 'report/')",
                      "github.event.pull_request.head.repo.full_name == github.repository",
                      "github.event.pull_request.base.ref == github.event.repository.default_branch"):
        assert condition in job["if"], condition
    assert "environment" not in job and "secrets." not in path.read_text(encoding="utf-8")
    last = job["steps"][-1]
    assert last["run"] == '.venv/bin/thamniap report-merged "$GITHUB_EVENT_PATH" --publish'
    assert last["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}


# ---------------------------------------------------------------- §6: report-file

def test_report_file_gives_the_province_its_steps_and_the_receipt(repo):
    path = repo.parent / "report-confirmation-4209.md"
    path.write_text("# ยืนยันโครงสร้างชมรม: อำเภอวังสะพุง\n\nรหัสอำเภอ: 4209\nรอบการรายงาน: 2567-club-update\n\n"
                    + body("confirmation", CONFIRMED) + "\n", encoding="utf-8")
    code, out, err = run_cli("report-file", str(path), "--project", str(repo), "--today", TODAY,
                             "--author", "admin-loei", "--actor-teams", "loei-cdd/province-admins")
    assert code == 0, out + err
    steps = out.split("ขั้นต่อไปสำหรับเจ้าหน้าที่จังหวัด", 1)[1]
    assert "data/42\\-loei/4209\\-wang\\-saphung/club\\.yaml" in steps
    assert "git push" in steps and "**Compare & pull request**" in steps and "**Create pull request**" in steps
    receipt = steps.split("```text", 1)[1].split("```", 1)[0]
    assert "สำนักงานพัฒนาชุมชนอำเภอวังสะพุง" in receipt and DISTRICT_PAGE in receipt
    assert not reply.plain_problems(receipt)


def test_a_refused_report_file_prints_no_steps(repo):
    path = repo.parent / "report-confirmation-4209.md"
    path.write_text("# ยืนยันโครงสร้างชมรม: อำเภอวังสะพุง\n\nรหัสอำเภอ: 4209\nรอบการรายงาน: 2567-club-update\n\n"
                    + body("confirmation", {**CONFIRMED, "confirmed-on": "2567-01-20"}) + "\n", encoding="utf-8")
    code, out, err = run_cli("report-file", str(path), "--project", str(repo), "--today", TODAY,
                             "--author", "admin-loei", "--actor-teams", "loei-cdd/province-admins")
    assert code == 1 and "ขั้นต่อไป" not in out


# ---------------------------------------------------------------- §5: what the page says about GitHub's step

def test_the_report_page_names_githubs_button_and_says_nothing_is_ticked_again():
    [province] = load_dataset(REPO / "data").provinces
    district = province.district("4209")
    data = json.loads(reportpage.report_json(province, district, "https://github.com/loei-cdd/thamniap",
                                                           "../../districts/4209-wang-saphung/", dt.date(2024, 2, 1)))
    assert "Submit new issue" in data["github_steps"] and "ไม่ต้องทำเครื่องหมายซ้ำ" in data["github_steps"]
    assert "Sign in" in data["github_steps"]
    assert "{0}" in data["github_tick"] and "Submit new issue" in data["github_tick"]
    for form in data["forms"].values():
        ticks = [f for f in form["fields"] if f["kind"] == "checkboxes"]
        assert ticks and all(f["ticked_as"] for f in ticks) and any(f["id"] == TICKED.id for f in form["fields"])
    page = reportpage.report_page(province, district, dt.date(2024, 2, 1), "x.json", "../", "../", "qr.svg",
                                  "https://example.org/report/4209/", "https://github.com/loei-cdd/thamniap")
    assert "Submit new issue" in page and "ไม่ต้องทำเครื่องหมายยืนยันซ้ำ" in page


def test_the_circular_page_says_where_its_qr_code_leads():
    """The circular's QR code leads to the report pages' district chooser; the page's text links there."""
    settings = SiteSettings.from_file(REPO / "mkdocs.yml")
    [province] = load_dataset(REPO / "data").provinces
    pages = province_pages(province, settings, dt.date(2024, 2, 1),
                           {"circular.txt": (province.folder / "circular.txt").read_text(encoding="utf-8")})
    page = pages["circular/index.md"]
    intro = page[page.index("<p data-pagefind-ignore>"):].split("</p>", 1)[0]
    [href] = re.findall(r'นำไปยัง<a href="([^"]+)">', intro)
    assert urljoin(settings.page_url("circular/index.md"), href) == settings.page_url(CHOOSER)
    qr_alt = re.search(r'alt="QR code ไปยังหน้ารายงานข้อมูลชมรม: ([^"]+)"', page).group(1)
    assert qr_alt == settings.page_url(CHOOSER)
