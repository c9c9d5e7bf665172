"""The roster report (issue 12 §1, roster): `เพิ่ม` and `พ้น` lines become the smallest edit of the
subdistrict's roster file, or a reply that names each line to fix and changes nothing."""
from __future__ import annotations

from helpers import git, run_cli
import pytest
from report_cases import NEW_PERSON_END
from report_events import event
from test_report_bot import DISTRICT, TEAM, diff_lines, git_identity, plain, report, repo  # noqa: F401 (fixtures)

FILE = f"{DISTRICT}/roster/420901-wang-saphung.yaml"
CHANGES = ("เพิ่ม | อช. | วังสะพุง | 1 | นางสมศรี ทดลองดี | | ๑๕/๑/๒๕๖๗ |\n"
           "พ้น | นายมานพ จันทะวงศ์สิงห์คำ | 1/2/2567 | ย้ายที่อยู่ |\n"
           "เพิ่ม | ผู้นำ อช. | 420901 | | นายทองใบ ทดลองยิ่ง | ชาย | 1/2/2567 | 30/9/2570")


def test_additions_and_an_ending_change_only_their_lines(repo):
    code, out, err = report(repo, event("roster", {"district": "4209", "changes": CHANGES}), TEAM)
    assert code == 0, out + err
    assert git(repo, "diff", "--name-only").split() == [FILE]
    changed = diff_lines(repo)
    removed = [ln for ln in changed if ln.startswith("-")]
    assert removed == ["-      end: 2027-03-31"], changed           # the one line that changed
    added = [ln[1:] for ln in changed if ln.startswith("+")]
    assert "      end: 2024-02-01" in added and "      end_reason: ย้ายที่อยู่" in added
    assert "  first_name: ทองใบ" in added and "  sex: ชาย" in added       # a leader: top level of the file
    assert "    first_name: สมศรี" in added and "      end: 2028-01-14" in added   # 4 years less a day
    # next free ids in line order: the volunteer (line 1) under its village, the leader (line 3) at the top level
    assert "  - id: 4209-0561" in added and "- id: 4209-0562" in added, added
    text = plain(out)
    assert "สมศรี ทดลองดี" in text and "ทองใบ ทดลองยิ่ง" in text and "ย้ายที่อยู่" in text
    rc, said, _ = run_cli("validate", "data", "--today", "2024-02-01")
    assert rc == 0, said


def test_each_bad_line_is_named_and_nothing_changes(repo):
    bad = ("เพิ่ม | อช. | วังสะพุง | 77 | สมศรี ทดลองดี | | 2567-01-15 |\n"
           "พ้น | นายไม่มี ในทำเนียบ | 1/2/2567 | ลาออก |\n"
           "พ้น | นายมานพ จันทะวงศ์สิงห์คำ | 31/2/2567 | ป่วย |\n"
           "ย้าย | ใครสักคน")
    code, out, err = report(repo, event("roster", {"district": "4209", "changes": bad}), TEAM)
    assert code == 1, out + err
    assert git(repo, "status", "--porcelain") == ""
    text = plain(out)
    assert "(7 ข้อ)" in text                                         # every problem in one reply
    for words in ("บรรทัดที่ 1: ไม่มีหมู่ที่ “77”", "บรรทัดที่ 1: ชื่อ “สมศรี ทดลองดี” ต้องมีคำนำหน้า",
                  "“2567-01-15”: `2567-01-15` ดูเหมือนใช้ปี พ.ศ.", "แก้เป็น `2024-01-15`",
                  "บรรทัดที่ 2: ไม่พบผู้พ้นจากตำแหน่ง “นายไม่มี ในทำเนียบ”", "บรรทัดที่ 3 วันที่พ้น “31/2/2567”: วันที่ `31/2/2567` ไม่มีอยู่จริง",
                  "บรรทัดที่ 3: เหตุผล “ป่วย”", "บรรทัดที่ 4 “ย้าย | ใครสักคน”: ต้องขึ้นต้นด้วย เพิ่ม หรือ พ้น"):
        assert words in text, (words, text)


def test_ending_a_committee_member_names_the_seat_to_update(repo):
    club = (repo / DISTRICT / "club.yaml").read_text(encoding="utf-8")
    holder = club.split("post: ประธาน\n", 1)[1].split("holder: ", 1)[1].split("\n", 1)[0]
    assert holder == "4209-0001"                                   # นายธนพล สุวรรณศรีผาสุข, a leader
    changes = "พ้น | นายธนพล สุวรรณศรีผาสุข | 1/2/2567 | ลาออก |"
    code, out, err = report(repo, event("roster", {"district": "4209", "changes": changes}), TEAM)
    assert code == 1, out + err
    assert git(repo, "status", "--porcelain") == ""
    assert "ตำแหน่งประธาน" in plain(out) and "holder:" in plain(out)


def test_a_name_of_punctuation_only_is_refused(repo):
    """`-`, `---`, `...` stand for "not known": no name, in the validator's words (core.names.NO_LETTERS)."""
    changes = "เพิ่ม | อช. | วังสะพุง | 1 | นาย - - | | 15/1/2567 |\nเพิ่ม | ผู้นำ อช. | 420901 | | นาง ... --- | | 1/2/2567 | 30/9/2570"
    code, out, err = report(repo, event("roster", {"district": "4209", "changes": changes}), TEAM)
    assert code == 1, out + err
    assert git(repo, "status", "--porcelain") == ""
    text = plain(out)
    assert "บรรทัดที่ 1: “-” ไม่ใช่ชื่อ: มีแต่เครื่องหมาย ไม่มีตัวอักษร" in text
    assert "บรรทัดที่ 2: “...” ไม่ใช่ชื่อ" in text and "บรรทัดที่ 2: “---” ไม่ใช่ชื่อ" in text


@pytest.mark.parametrize("case, role, moo, end, verdict", NEW_PERSON_END, ids=[c[0] for c in NEW_PERSON_END])
def test_new_person_end_as_the_page_says(repo, case, role, moo, end, verdict):
    """The bot's verdict on a new person's empty end date is the page's (tests/report_cases.py)."""
    line = f"เพิ่ม | {role} | วังสะพุง | {moo} | นายทดสอบ ตารางเดียว | ชาย | 1/2/2567 | {end}"
    code, out, err = report(repo, event("roster", {"district": "4209", "changes": line}), TEAM)
    if verdict is None:
        assert code == 0, out + err
    else:
        assert code == 1 and f"บรรทัดที่ 1: {verdict[0]}" in plain(out) and verdict[1] in plain(out)
