"""`thamniap validate`'s hints are enough to fix a district (issue 11, done-when): the circular's task
for district 4209 (วังสะพุง), done as file edits the way the submit page tells, with the mistakes a
first-timer makes, reaches a clean state in ONE round of fixes after the first report.

The edits: a new ประธาน typed by name with the seat's own appointment order (a Thai-digit date and a
B.E. year in it), one committee seat made vacant, two new volunteers (a title glued to the first name,
a B.E. year, an id that is already used), one volunteer leaving with a reason, the confirmation for
the round, and 2 + 1 meeting nominees (one typed by name).

A round = run `thamniap validate`, then fix every problem it reports exactly as its hint says (the
fix is read from the hint, not known in advance). The test counts rounds until no error is left.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import REPO, run_cli

DISTRICT = "data/42-loei/4209-wang-saphung"
ROSTER = "roster/420901-wang-saphung.yaml"     # subdistrict วังสะพุง (420901), where หมู่ที่ 1 and 2 are
TODAY = "2024-02-01"          # the tests' day (the data holds confirmations up to then)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def do_the_circulars_task(project: Path) -> None:
    d = project / DISTRICT
    # the committee: a new president, by name, with the seat's own order; one seat left vacant
    edit(d / "club.yaml", "  - post: ประธาน\n    holder: 4209-0001\n    since: 2023-10-15\n",
         "  - post: ประธาน\n    holder: นายทองดี ภูมิใจอินทร์แก้ว\n    since: ๒๐๒๔-๐๑-๒๐\n"
         "    appointment:\n      order_no: 5/2567\n      date: 2567-01-18\n      by: นายอำเภอวังสะพุง\n")
    edit(d / "club.yaml", "  - post: กรรมการ\n    holder: 4209-0178\n    since: 2023-10-15\n",
         "  - post: กรรมการ\n    vacant: true\n")
    # the report itself: confirmation for the 2567 round
    edit(d / "club.yaml", "  - round: 2567-club-update\n    date: 2024-01-12",
         "  - round: 2567-club-update\n    date: 2024-01-22")
    # two new volunteers at the end of หมู่ที่ 1, typed with the usual mistakes (4209-0561 is the
    # district's next free id; 4209-0003 is taken)
    edit(d / ROSTER, "\n- moo: 2\n",
         "\n  - id: 4209-0561\n    title: นาง\n    first_name: บุญมี\n    last_name: ศรีสวัสดิ์\n"
         "    roles:\n    - role: อช.\n      start: 2567-01-20\n      end: 2571-01-19\n"
         "  - id: 4209-0003\n    title: นาย\n    first_name: นายสมหมาย\n    last_name: ใจงาม\n"
         "    roles:\n    - role: อช.\n      start: 2024-01-20\n      end: 2028-01-19\n"
         "- moo: 2\n")
    # one volunteer leaves, with the reason
    edit(d / ROSTER, "    last_name: จันทะวงศ์สิงห์คำ\n    roles:\n    - role: อช.\n"
         "      start: 2023-04-01\n      end: 2027-03-31\n",
         "    last_name: จันทะวงศ์สิงห์คำ\n    roles:\n    - role: อช.\n"
         "      start: 2023-04-01\n      end: 2024-01-15\n      end_reason: ลาออก\n")
    # the meeting: 2 club representatives (one typed by name) + 1 official
    edit(d / "meeting.yaml", "  representatives:\n  - 4209-0001\n  - 4209-0063",
         "  representatives:\n  - นายทองดี ภูมิใจอินทร์แก้ว\n  - 4209-0063")


# How a hint gives its fix: (the fix in the hint, what stands before the value on the reported line).
FIX_FROM_HINT = {
    "club.holder-not-in-roster": (r"`holder: ([^`]+)`", "holder: "),
    "meeting.unresolved-nominee": (r"`- ([^`]+)`", "- "),
    "date.thai-digits": (r"แก้เป็น `([^`]+)`", ": "),
    "date.buddhist-year": (r"แก้เป็น `([^`]+)`", ": "),
    "text.title-in-name": (r"first_name: `([^`]+)`", "first_name: "),
    "roster.duplicate-id": (r"ที่ว่าง `([^`]+)`", "id: "),
}


def report(project: Path) -> list[dict]:
    code, out, _ = run_cli("--project", str(project), "validate", "--format", "json", "--today", TODAY)
    assert code in (0, 1), out
    return [d for d in json.loads(out) if "4209" in d["path"] or d["severity"] == "error"]


def reported_file(project: Path, d: dict) -> Path:
    """The district's file D is reported in: one at the district's top (club.yaml, …) or a roster file
    (roster/<code>-<slug>.yaml)."""
    parts = Path(d["path"]).parts
    at = parts.index(Path(DISTRICT).name)
    path = project / DISTRICT / Path(*parts[at + 1:])
    assert path.is_file(), d
    return path


def fix(project: Path, d: dict) -> None:
    """Write the value the hint names as the value of the reported line."""
    assert d["rule"] in FIX_FROM_HINT, f"no way to act on {d['rule']}: {d['message']} — {d['hint']}"
    pattern, before = FIX_FROM_HINT[d["rule"]]
    value = re.search(pattern, d["hint"])
    assert value, f"{d['rule']}: the hint names no fix: {d['hint']}"
    path = reported_file(project, d)
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines[d["line"] - 1]
    assert before in line, (d, line)
    lines[d["line"] - 1] = line[: line.index(before) + len(before)] + value[1]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("data", "schemas"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_the_circulars_task_is_clean_after_one_round_of_fixes(project):
    baseline = {(d["rule"], d["line"]) for d in report(project) if d["severity"] == "warning"}
    assert not [d for d in report(project) if d["severity"] == "error"], "the landed data is clean"
    do_the_circulars_task(project)
    first = report(project)
    rounds = 0
    problems = first
    while any(d["severity"] == "error" for d in problems) or any(d["rule"] in FIX_FROM_HINT for d in problems):
        rounds += 1
        assert rounds <= 3, f"still not clean after {rounds - 1} rounds: {problems}"
        for d in sorted((d for d in problems if d["rule"] in FIX_FROM_HINT or d["severity"] == "error"),
                        key=lambda d: (d["path"], -d["line"])):
            fix(project, d)
        problems = report(project)
        print(f"\n[round {rounds}] left:", [(d["rule"], d["path"].rsplit("/", 1)[-1], d["line"], d["message"]) for d in problems
                                          if d["severity"] == "error" or d["rule"] in FIX_FROM_HINT])
    print(f"\n[replay 4209] first report: {len(first)} problems "
          f"({sorted({d['rule'] for d in first})}); validate rounds after it: {rounds}")
    # every mistake was reported in the first report, on its own line
    assert {d["rule"] for d in first} >= set(FIX_FROM_HINT)
    dup = next(d for d in first if d["rule"] == "roster.duplicate-id")
    assert reported_file(project, dup) == project / DISTRICT / ROSTER     # in the file the person was added to
    roster = (project / DISTRICT / ROSTER).read_text(encoding="utf-8").split("\n")
    assert "ใจงาม" in "\n".join(roster[dup["line"] - 1: dup["line"] + 4]), "on the NEW person's line"
    assert rounds == 1
    # what is left: the vacant seat (declared on purpose) and the warnings the district had before
    left = {(d["rule"], d["line"]) for d in problems}
    assert {rule for rule, _ in left - baseline} <= {"club.vacant-post", "roster.gender-balance"}, left - baseline
    club = (project / DISTRICT / "club.yaml").read_text(encoding="utf-8")
    assert "holder: 4209-0395\n    since: 2024-01-20\n" in club and "date: 2024-01-18" in club
    meeting = (project / DISTRICT / "meeting.yaml").read_text(encoding="utf-8")
    assert "  - 4209-0395\n  - 4209-0063" in meeting


def test_two_used_ids_in_one_run_are_offered_different_free_ids(project):
    """Fixing every duplicate as its hint says must not make a new clash."""
    edit(project / DISTRICT / ROSTER, "\n- moo: 2\n",
         "\n" + "".join(f"  - id: {used}\n    title: นาง\n    first_name: {first}\n    last_name: ศรีสวัสดิ์\n"
                        "    roles:\n    - role: อช.\n      start: 2024-01-20\n      end: 2028-01-19\n"
                        for used, first in (("4209-0003", "บุญมี"), ("4209-0004", "บุญมา")))
         + "- moo: 2\n")
    offered = [re.search(r"ที่ว่าง `([^`]+)`", d["hint"])[1] for d in report(project) if d["rule"] == "roster.duplicate-id"]
    assert offered == ["4209-0561", "4209-0562"]
