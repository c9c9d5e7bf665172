"""`thamniap check-pr` on real temporary git repositories (no mocks of git).

Each test builds a repository whose `main` holds the small clean dataset (tests/fixtures/base: district
4214 maintained by `loei-cdd/district-4214`, the province by `loei-cdd/province-admins`), makes a
pull request branch, and runs the command as CI would.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
from helpers import GIT_ENV, commit_all, git, init_repo, mkdocs_build, run_cli

from thamniap.core.digits import ascii_digits, to_thai_digits
from thamniap.core.national_id import national_id_check_digit
from thamniap.review.checkpr import Area, area_of, may_change, public

DISTRICT = "data/42-loei/4214-nong-hin"
ROSTER = f"{DISTRICT}/roster/421401-nong-hin.yaml"     # หนองหิน 421401: 4214-0001…0010, หมู่ที่ 1 and 2
DISTRICT_TEAM = "loei-cdd/district-4214"
PROVINCE_TEAM = "loei-cdd/province-admins"
TODAY = "2024-02-01"

NEW_VOLUNTEER = """\
  - id: 4214-0901
    title: นางสาว
    first_name: มาลัย
    last_name: ใจงาม
    roles:
    - role: อช.
      start: 2024-01-10
      end: 2028-01-09
"""


@pytest.fixture(autouse=True)
def git_identity(monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)






@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository: main = base dataset + a workflow + some code; cwd is the repository."""
    root = init_repo(tmp_path / "repo")
    (root / ".github/workflows").mkdir(parents=True)
    (root / ".github/workflows/pull-request.yml").write_text("name: ตรวจ\non: pull_request\n", encoding="utf-8")
    (root / "scripts").mkdir()
    (root / "scripts/tool.py").write_text("print('hi')\n", encoding="utf-8")
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    monkeypatch.chdir(root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change_president_and_add_volunteer(repo: Path) -> None:
    """ประธาน 4214-0001 (นายเสกสรร คำภา) → 4214-0002 (นางคำปุ่น จันทร์หอม); a new อช. in หมู่ที่ 1."""
    edit(repo / DISTRICT / "club.yaml", "  - post: ประธาน\n    holder: 4214-0001", "  - post: ประธาน\n    holder: 4214-0002")
    edit(repo / DISTRICT / "club.yaml", "  - post: รองประธาน\n    holder: 4214-0002", "  - post: รองประธาน\n    holder: 4214-0001")
    edit(repo / ROSTER, "  volunteers:\n  - id: 4214-0003", "  volunteers:\n" + NEW_VOLUNTEER + "  - id: 4214-0003")


def check_pr(*args: str) -> tuple[int, str, str]:
    return run_cli("check-pr", "--base", "main", "--head", "pr", *args)


# ---------------------------------------------------------------- the end-to-end case

def test_district_maintainer_pr_end_to_end(repo, tmp_path):
    change_president_and_add_volunteer(repo)
    commit_all(repo, "อำเภอหนองหิน: เปลี่ยนประธาน เพิ่ม อช.")

    code, out, err = run_cli("validate", str(repo / "data"), "--today", TODAY)
    assert code == 0, out + err

    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 0, out + err
    assert "✅ มีสิทธิ์" in out and "**ผล: ผ่าน**" in out
    assert "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in out
    assert "รองประธาน: นางคำปุ่น จันทร์หอม → นายเสกสรร คำภา" in out
    assert "เพิ่มรายชื่อ 1 คน" in out and "นางสาวมาลัย ใจงาม" in out
    assert "หมู่ที่ 1" in out

    # The site builds from the pull request's data, and the district page's history names the change.
    site = tmp_path / "site"
    build = mkdocs_build(site, THAMNIAP_DATA=str(repo / "data"), THAMNIAP_TODAY=TODAY)
    assert build.returncode == 0, build.stderr[-3000:]
    page = (site / "districts/4214-nong-hin/index.html").read_text(encoding="utf-8")
    assert "ประวัติการแก้ไข" in page and "นางสาวมาลัย ใจงาม" in page
    assert "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in page


def test_team_membership_given_with_actor_teams(repo):
    change_president_and_add_volunteer(repo)
    commit_all(repo, "change")
    code, out, err = check_pr("--actor", "somsri-cdd", "--actor-teams", f"loei-cdd/other,{DISTRICT_TEAM}")
    assert code == 0, out + err
    assert "@somsri\\-cdd" in out


def test_same_change_by_a_stranger_is_refused(repo):
    change_president_and_add_volunteer(repo)
    commit_all(repo, "change")
    code, out, err = check_pr("--actor", "stranger")
    assert code == 1
    assert "❌ ไม่มีสิทธิ์" in out and "**ผล: ไม่ผ่าน**" in out
    assert "@stranger ไม่มีสิทธิ์แก้ไขข้อมูลอำเภอหนองหิน" in err
    assert f"@{DISTRICT_TEAM}" in err and f"@{PROVINCE_TEAM}" in err
    assert "club.yaml" in err and "421401-nong-hin.yaml" in err
    # the summary is still written, so the reviewer sees what was attempted
    assert "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in out


def test_unknown_team_membership_grants_nothing(repo):
    change_president_and_add_volunteer(repo)
    commit_all(repo, "change")
    code, out, _ = check_pr("--actor", "somsri-cdd")
    assert code == 1 and "ไม่ทราบทีมของผู้ส่ง" in out
    code, _, _ = check_pr("--actor", "somsri-cdd", "--actor-teams", "loei-cdd/district-4201")
    assert code == 1


def test_workflow_change_by_district_maintainer_is_refused(repo):
    edit(repo / ".github/workflows/pull-request.yml", "name: ตรวจ", "name: ไม่ตรวจ")
    commit_all(repo, "workflow")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1
    assert "ไฟล์นอกข้อมูล" in err and ".github/workflows/pull-request.yml" in err
    who = err.split("ผู้ที่แก้ไขหรืออนุมัติส่วนนี้ได้:")[1]
    assert f"@{PROVINCE_TEAM}" in who and f"@{DISTRICT_TEAM}" not in who
    assert "ไม่มีการเปลี่ยนแปลงข้อมูลใน data/" in out


def test_mixed_pr_is_refused_for_the_part_outside_the_district(repo):
    change_president_and_add_volunteer(repo)
    edit(repo / "scripts/tool.py", "hi", "bye")
    commit_all(repo, "mixed")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1
    assert out.count("✅ มีสิทธิ์") == 1 and out.count("❌ ไม่มีสิทธิ์") == 1
    assert err.count("ไม่ผ่าน:") == 1 and "scripts/tool.py" in err and "421401-nong-hin.yaml" not in err


def test_province_maintainer_may_change_anything(repo):
    change_president_and_add_volunteer(repo)
    edit(repo / "data/42-loei/province.yaml", "deadline: 2024-01-24", "deadline: 2024-01-31")
    edit(repo / ".github/workflows/pull-request.yml", "name: ตรวจ", "name: ตรวจข้อมูล")
    commit_all(repo, "province")
    code, out, err = check_pr("--actor", "somchai", "--actor-teams", PROVINCE_TEAM)
    assert code == 0, out + err
    assert "กำหนดส่ง: 24 มกราคม 2567 → 31 มกราคม 2567" in out


def test_district_maintainer_may_not_change_province_data(repo):
    edit(repo / "data/42-loei/province.yaml", "deadline: 2024-01-24", "deadline: 2024-03-31")
    commit_all(repo, "extend my own deadline")
    code, _, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1 and "ข้อมูลระดับจังหวัดเลย" in err


def test_pr_adding_its_author_as_maintainer_is_judged_by_base(repo):
    edit(repo / DISTRICT / "district.yaml", f"maintainers:\n- {DISTRICT_TEAM}", f"maintainers:\n- {DISTRICT_TEAM}\n- mallory")
    change_president_and_add_volunteer(repo)
    commit_all(repo, "make me a maintainer")
    code, out, err = check_pr("--actor", "mallory")
    assert code == 1
    assert "เพิ่มผู้ดูแล: @mallory" in out
    assert "คำขอนี้เปลี่ยนรายชื่อผู้ดูแล" in out
    assert "@mallory ไม่มีสิทธิ์" in err
    # once merged, the base says mallory maintains 4214
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "pr")
    git(repo, "checkout", "-q", "-b", "pr2")
    edit(repo / DISTRICT / "club.yaml", "date: 2024-01-20}", "date: 2024-01-25}")
    commit_all(repo, "confirm")
    code, out, err = run_cli("check-pr", "--base", "main", "--head", "pr2", "--actor", "mallory")
    assert code == 0, out + err
    assert "ยืนยันข้อมูลเมื่อ (รอบ 2567-club-update): 20 มกราคม 2567 → 25 มกราคม 2567" in out.replace("\\", "")


def test_removing_a_maintainer_takes_effect_only_after_merge(repo):
    """Permissions come from the base branch's tip: a maintainer removed on main loses rights at once."""
    edit(repo / DISTRICT / "club.yaml", "date: 2024-01-20}", "date: 2024-01-25}")
    commit_all(repo, "district change")
    git(repo, "checkout", "-q", "main")
    edit(repo / DISTRICT / "district.yaml", f"maintainers:\n- {DISTRICT_TEAM}", "maintainers:\n- somsri-cdd")
    commit_all(repo, "province replaces the district team")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1, out
    code, out, err = check_pr("--actor", "somsri-cdd")
    assert code == 0, out + err
    assert "ผู้ดูแล" not in out.split("### การเปลี่ยนแปลงข้อมูล")[1]  # main's own change is not the PR's


def test_changes_on_main_after_the_fork_are_not_blamed_on_the_pr(repo):
    change_president_and_add_volunteer(repo)
    commit_all(repo, "district change")
    git(repo, "checkout", "-q", "main")
    edit(repo / "data/42-loei/province.yaml", "deadline: 2024-01-24", "deadline: 2024-01-31")
    edit(repo / "scripts/tool.py", "hi", "hello")
    commit_all(repo, "province work on main")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 0, out + err
    assert "กำหนดส่ง" not in out and "scripts/tool.py" not in out


def test_new_district_folder_needs_the_province(repo):
    shutil.copytree(repo / DISTRICT, repo / "data/42-loei/4213-erawan")
    commit_all(repo, "new district")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1
    assert "4213-erawan" in out and f"@{PROVINCE_TEAM}" in err


def test_symlink_in_a_district_folder_needs_the_province(repo):
    (repo / DISTRICT / "README.md").symlink_to("../../../scripts/tool.py")
    commit_all(repo, "link")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1
    assert "symlink" in out and "README.md" in err


def test_hostile_values_are_escaped_in_the_summary(repo):
    hostile = {
        "first_name": "'<script>alert(1)</script>'",
        "last_name": "'[ลิงก์](javascript:alert(1)) | ตาราง | {: onclick=\"x\" } **หนา**'",
        "note": "'<img src=x onerror=alert(1)>'",
    }
    volunteer = NEW_VOLUNTEER.replace("first_name: มาลัย", f"first_name: {hostile['first_name']}")
    volunteer = volunteer.replace("last_name: ใจงาม", f"last_name: {hostile['last_name']}\n    note: {hostile['note']}")
    edit(repo / ROSTER, "  volunteers:\n  - id: 4214-0003", "  volunteers:\n" + volunteer + "  - id: 4214-0003")
    edit(repo / DISTRICT / "district.yaml", "name: หนองหิน", "name: 'หนองหิน</td><b>x</b>'")
    (repo / "docs").mkdir()
    (repo / "docs" / "a|b<i>c`d`.md").write_text("x\n", encoding="utf-8")
    commit_all(repo, "hostile")
    code, out, err = check_pr("--actor", PROVINCE_TEAM)
    assert code == 0, out + err
    for raw in ("<script", "<img", "</td>", "<b>", "<i>", "](javascript", "**หนา**", "`d`"):
        assert raw not in out, raw
    assert "{: onclick" not in out.replace("\\{: onclick", "")
    assert "&lt;script&gt;" in out and "\\[ลิงก์\\]\\(javascript:alert\\(1\\)\\)" in out
    html = markdown.markdown(out, extensions=["tables", "attr_list"])
    for raw in ("<script", "<img", 'href="javascript', "<b>x", "<i>c"):
        assert raw not in html, raw
    assert not re.search(r"<[^>]*\bon(click|error)=", html)
    # every table row keeps its four cells (no "|" from data splits a cell)
    rows = [line for line in out.splitlines() if line.startswith("| ") and "ส่วนที่แก้ไข" not in line]
    assert rows and all(line.replace("\\|", "").count("|") == 5 for line in rows), rows


def test_phone_numbers_are_never_printed(repo):
    roster = repo / ROSTER
    text = roster.read_text(encoding="utf-8")
    anchor = "  first_name: เสกสรร\n  last_name: คำภา\n"
    assert anchor in text
    roster.write_text(text.replace(anchor, anchor + "  phone: 081 234 5678\n  phone_consent:\n"
                                   "    date: 2024-01-05\n    method: แบบฟอร์มยินยอม\n", 1), encoding="utf-8")
    commit_all(repo, "phone")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 0, out + err
    assert "โทรศัพท์ส่วนตัว \\(ได้รับความยินยอม\\): ไม่มี → มี \\(ยินยอมเมื่อ 5 มกราคม 2567\\)" in out
    assert "234" not in out and "5678" not in out


def test_working_tree_without_actor_reports_who_must_approve(repo):
    change_president_and_add_volunteer(repo)           # not committed
    (repo / "notes.txt").write_text("ร่าง\n", encoding="utf-8")   # untracked
    code, out, err = run_cli("check-pr", "--base", "main")
    assert code == 0, out + err
    assert "ไฟล์ในเครื่อง" in out and "ไม่ได้ระบุผู้ส่ง" in out
    assert "notes\\.txt" in out and "ประธาน: นายเสกสรร คำภา → นางคำปุ่น จันทร์หอม" in out
    assert "✅" not in out and "❌" not in out


def test_summary_is_appended_to_github_step_summary(repo, tmp_path, monkeypatch):
    change_president_and_add_volunteer(repo)
    commit_all(repo, "change")
    summary = tmp_path / "summary.md"
    summary.write_text("ก่อนหน้า\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = check_pr("--actor", "stranger")
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("ก่อนหน้า\n") and out in text
    assert "::error title=check-pr::@stranger" in err


def test_no_changes(repo):
    code, out, _ = check_pr("--actor", "anyone")
    assert code == 0 and "ไม่มีไฟล์ที่เปลี่ยน" in out


def test_usage_errors_exit_2(repo, tmp_path, monkeypatch):
    code, _, err = run_cli("check-pr", "--base", "no-such-branch")
    assert code == 2 and "ไม่พบรุ่น" in err
    code, _, err = run_cli("check-pr", "--base", "--upload-pack=evil")
    assert code == 2
    code, _, _ = run_cli("check-pr")
    assert code == 2
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = run_cli("check-pr", "--base", "main")
    assert code == 2 and "git" in err


# ---------------------------------------------------------------- pure parts

@pytest.mark.parametrize("path, area", [
    ("data/42-loei/4214-nong-hin/roster/421401-nong-hin.yaml", Area("district", DISTRICT, "42-loei", "4214-nong-hin")),
    ("data/42-loei/4214-nong-hin/README.md", Area("district", DISTRICT, "42-loei", "4214-nong-hin")),
    ("data/42-loei/province.yaml", Area("province", "data/42-loei", "42-loei")),
    ("data/42-loei/circular.txt", Area("province", "data/42-loei", "42-loei")),
    ("data/42-loei/odd-folder/x.yaml", Area("province", "data/42-loei", "42-loei")),
    ("data/README.md", Area("province", "data", None)),
    ("data", Area("other", "")),
    ("database/x", Area("other", "")),
    (".github/CODEOWNERS", Area("other", "")),
    ("schemas/roster.schema.json", Area("other", "")),
])
def test_area_of(path, area):
    assert area_of(path) == area


@pytest.mark.parametrize("escaped", [
    "1\\.1017\\.00203\\.45\\.{c}", "1\\-1017\\-00203\\-45\\-{c}", "\\[1 1017 00203 45 {c}\\]", "x\\\\110170020345{c}",
])
def test_public_masks_ids_whose_separators_markdown_escaped(escaped):
    """`public` finds an ID also when `md` has backslashed its dots or dashes, and keeps the escapes."""
    text = "บัตร " + escaped.format(c=national_id_check_digit("110170020345")) + " จบ"
    shown = public(text)
    assert re.sub(r"[^0-9]", "", shown).endswith(re.sub(r"[^0-9]", "", text)[-2:])
    assert "110170020345" not in re.sub(r"[^0-9]", "", shown)
    assert shown.replace("X", "0").count("\\") == text.count("\\") and len(shown) == len(text)
    assert public("ไม่มีเลข 4214-0001 \\- 2024") == "ไม่มีเลข 4214-0001 \\- 2024"


def test_may_change_matches_logins_and_teams_case_insensitively():
    assert may_change("Somsri-CDD", None, ["somsri-cdd"])
    assert may_change("@loei-cdd/District-4214", None, [DISTRICT_TEAM])
    assert may_change("x", ("LOEI-CDD/district-4214",), [DISTRICT_TEAM])
    assert not may_change("loei-cdd", None, [DISTRICT_TEAM])
    assert not may_change("x", (), [DISTRICT_TEAM])


# ---------------------------------------------------------------- what check-pr may print (issue 9)

def _all_outputs(out: str, err: str, summary: Path) -> dict[str, str]:
    return {"stdout": out, "stderr": err, "summary": summary.read_text(encoding="utf-8")}


def test_national_ids_are_masked_in_every_output(repo, tmp_path, monkeypatch):
    """A note (and a file name) holding a national ID: its 13 digits appear in no output, in no spelling."""
    twelve = "110170020345"
    nid = twelve + str(national_id_check_digit(twelve))
    spellings = [nid, f"{nid[0]}-{nid[1:5]}-{nid[5:10]}-{nid[10:12]}-{nid[12]}",
                 f"{nid[0]}.{nid[1:5]}.{nid[5:10]}.{nid[10:12]}.{nid[12]}", to_thai_digits(nid),
                 to_thai_digits(f"{nid[0]} {nid[1:5]} {nid[5:10]} {nid[10:12]} {nid[12]}")]
    roster = repo / ROSTER
    text = roster.read_text(encoding="utf-8")
    for n, person in enumerate(("4214-0001", "4214-0002", "4214-0003", "4214-0004")):
        anchor = f"- id: {person}\n"
        indent = text.split(anchor)[0].rsplit("\n", 1)[1]
        text = text.replace(anchor, f"{anchor}{indent}  note: 'บัตร {spellings[n]}'\n", 1)
    roster.write_text(text, encoding="utf-8")
    (repo / DISTRICT / f"สำเนาบัตร {spellings[1]}.txt").write_text("x\n", encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs" / f"บัตร {spellings[4]}.md").write_text("x\n", encoding="utf-8")
    commit_all(repo, "notes")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = check_pr("--actor", "stranger")
    assert code == 1
    assert "หมายเหตุ: — → บัตร" in out and "สำเนาบัตร" in err and "::error" in err
    for name, value in _all_outputs(out, err, summary).items():
        digits = re.sub(r"[^0-9]", "", ascii_digits(value))
        assert nid not in digits, name
        assert not any(s in value for s in spellings), name
    assert "XXXX" in out and "XXXX" in err


def test_file_names_cannot_forge_markdown_or_workflow_commands(repo, tmp_path, monkeypatch):
    names = [f"{DISTRICT}/a\n::notice title=ปลอม::forged.txt", f"{DISTRICT}/[คลิก](https:evil.example) x.txt",
             f"{DISTRICT}/b\n## หัวข้อปลอม.txt", "docs/c\r\n::error file=x::forged.md", "docs/[ลิงก์](javascript:alert(1)).md"]
    for name in names:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("x\n", encoding="utf-8")
    commit_all(repo, "odd names")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    for args in (("--actor", "stranger"), ("--actor", DISTRICT_TEAM)):
        summary.write_text("", encoding="utf-8")
        code, out, err = check_pr(*args)
        assert code == 1, out + err
        for name, value in _all_outputs(out, err, summary).items():
            for line in value.splitlines():
                assert not line.lstrip().startswith("::") or line.startswith("::error title=check-pr::"), (name, line)
                assert "หัวข้อปลอม" not in line or not line.lstrip().startswith("#"), (name, line)
            if name != "stderr":     # Markdown (stderr and annotations are plain text)
                assert "](https" not in value and "](javascript" not in value, name
        assert "forged" in out and "\\r\\n::error file=x::forged" in err
        assert ("\\n::notice" in err) == (args[1] == "stranger")
        html = markdown.markdown(out, extensions=["tables"])
        assert "<a " not in html and "หัวข้อปลอม</h" not in html and "a\\n::notice" in html


def test_symlink_to_a_secret_is_never_followed(repo, tmp_path):
    """A symlink under data/ pointing outside: its target's text appears in no output, in either mode."""
    outside = tmp_path / "outside"
    outside.mkdir()
    roster = repo / ROSTER
    (outside / "421401-nong-hin.yaml").write_text(roster.read_text(encoding="utf-8").replace("first_name: เสกสรร", "first_name: ลับสุดยอด"),
                                         encoding="utf-8")
    (outside / "secret.txt").write_text("SECRET-TOKEN-4d2f\n", encoding="utf-8")
    roster.unlink()
    roster.symlink_to(Path("../../../../..") / "outside" / "421401-nong-hin.yaml")
    (repo / DISTRICT / "notes.txt").symlink_to(outside / "secret.txt")
    (repo / "data/42-loei/4299-linked").symlink_to(outside, target_is_directory=True)
    assert "ลับสุดยอด" in roster.read_text(encoding="utf-8")   # the link works on disk

    def no_secret(*outputs: str) -> None:
        for value in outputs:
            assert "ลับสุดยอด" not in value and "SECRET-TOKEN" not in value

    code, out, err = run_cli("check-pr", "--base", "main", "--actor", DISTRICT_TEAM)   # working tree (CI mode)
    assert code == 1 and "symlink" in out and "421401-nong-hin.yaml" in err and "notes.txt" in err
    no_secret(out, err)
    commit_all(repo, "links")
    code, out, err = check_pr("--actor", DISTRICT_TEAM)
    assert code == 1 and "symlink" in out
    no_secret(out, err)
    code, out, err = run_cli("validate", str(repo / "data"), "--format", "json", "--today", TODAY)
    no_secret(out, err)
    links = {(d["rule"], Path(d["path"]).name) for d in json.loads(out) if d["rule"] == "layout.symlink"}
    assert code == 1 and links == {("layout.symlink", "421401-nong-hin.yaml"), ("layout.symlink", "notes.txt"),
                                   ("layout.symlink", "4299-linked")}
