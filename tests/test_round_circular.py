"""Issue 20 §1: a new round is a new circular. `thamniap new-round --circular FILE` records the letter
(number, date, subject, signer read from its text, the meeting it calls) beside the round; the site shows
the current round's circular with its QR code and keeps every earlier one on its own page; the report
pages and the meeting follow the current round; nothing of the earlier round changes."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from helpers import BASE, REPO, run_cli
from test_rounds import added_lines, provinces_of

from thamniap.model import rounds

PROVINCE = "42-loei/province.yaml"
SEED = (REPO / "data/42-loei/circular.txt").read_text(encoding="utf-8")


def next_year_letter() -> str:
    """The seed letter as next year's circular: a new number, date, fiscal year, meeting and deadline."""
    return (SEED.replace("ลย ๐๐๑๙.๓/วส๒", "ลย ๐๐๑๙.๓/ว๑๒๓").replace("๕ มกราคม ๒๕๖๗", "๑ พฤศจิกายน ๒๕๖๗")
            .replace("พ.ศ.๒๕๖๗", "พ.ศ.๒๕๖๘").replace("๑๕ มกราคม ๒๕๖๗", "๒๐ พฤศจิกายน ๒๕๖๗")
            .replace("๒๔ มกราคม ๒๕๖๗", "๓๐ พฤศจิกายน ๒๕๖๗"))


@pytest.fixture
def data(tmp_path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(BASE, root)
    shutil.copy(REPO / "data/42-loei/circular.txt", root / "42-loei/circular.txt")
    return root


def new_round(data: Path, *extra: str) -> tuple[int, str, str]:
    letter = data.parent / "ว๑๒๓.txt"
    letter.write_text(next_year_letter(), encoding="utf-8")
    return run_cli("new-round", "2568-club-update", "--opens", "2024-11-01", "--deadline", "2024-11-30",
                   "--meeting-date", "2024-11-20", "--meeting-title", "ประชุมผู้แทนชมรม ประจำปีงบประมาณ พ.ศ. 2568",
                   "--meeting-place", "ห้องประชุมภูเรือ", "--circular", str(letter), "--data", str(data), *extra)


def test_new_round_records_its_circular_read_from_the_letter(data):
    before = (data / PROVINCE).read_text(encoding="utf-8")
    code, out, err = new_round(data)
    assert code == 0, err
    after = (data / PROVINCE).read_text(encoding="utf-8")
    lines = added_lines(before, after)                  # the 2567 round and its circular: not a byte changed
    assert lines[4:11] == [
        "  circular:", "    number: ลย ๐๐๑๙.๓/ว๑๒๓", "    date: 2024-11-01",
        "    subject: ชักซ้อมแนวทางการสนับสนุนการดำเนินงานอาสาพัฒนาชุมชน ประจำปีงบประมาณ พ.ศ.๒๕๖๘",
        "    signed_by: นายบุญเต็ม เรณูมาศ รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดเลย",
        "    text: circular-2568-club-update.txt", "    meeting: 2568-club-update-meeting"]
    assert (data / "42-loei/circular-2568-club-update.txt").read_text(encoding="utf-8") == next_year_letter()
    province = provinces_of(data)
    old, new = province.rounds
    assert old.circular is province.circular and old.circular.text_file == "circular.txt"
    assert (new.circular.number, new.circular.date, new.circular.meeting) == (
        "ลย ๐๐๑๙.๓/ว๑๒๓", dt.date(2024, 11, 1), "2568-club-update-meeting")
    code, out, err = run_cli("validate", str(data))
    assert code == 0, out + err


def test_new_round_refuses_a_letter_it_cannot_read_and_writes_nothing(data):
    before = sorted(p.name for p in (data / "42-loei").iterdir()), (data / PROVINCE).read_bytes()
    letter = data.parent / "letter.txt"
    letter.write_text("ข้อความที่ไม่มีเลขที่และวันที่\n", encoding="utf-8")
    code, _, err = run_cli("new-round", "2568-club-update", "--opens", "2024-11-01", "--deadline", "2024-11-30",
                           "--circular", str(letter), "--data", str(data))
    assert code == 1
    assert "--circular-number" in err and "--circular-date" in err and "--circular-subject" in err
    # the values given on the command line are enough
    code, _, err = run_cli("new-round", "2568-club-update", "--opens", "2024-11-01", "--deadline", "2567-11-30",
                           "--circular", str(letter), "--circular-number", "ลย 1/2", "--circular-date", "2024-11-01",
                           "--circular-subject", "เรื่อง", "--circular-signer", "ผู้ว่า", "--data", str(data))
    assert code == 1 and "2024-11-30" in err                 # the B.E. deadline is refused, nothing written
    assert (sorted(p.name for p in (data / "42-loei").iterdir()), (data / PROVINCE).read_bytes()) == before


def pages_on(data: Path, today: str) -> Path:
    out = data.parent / f"pages-{today}"
    config = data.parent / "mkdocs-test.yml"
    config.write_text("site_url: https://example.org/thamniap/\nrepo_url: https://github.com/example/thamniap\n",
                      encoding="utf-8")
    code, _, err = run_cli("pages", str(out), "--data", str(data), "--config", str(config), "--today", today)
    assert code == 0, err
    return out


def letter_number(page: str) -> str:
    return re.search(r'<div class="tn-letter__number">ที่ ([^<]+)</div>', page)[1]


def test_site_shows_the_current_circular_and_keeps_the_earlier_one(data):
    assert new_round(data)[0] == 0
    before = pages_on(data, "2024-10-20")                     # the new round has not opened
    page = (before / "circular/index.md").read_text(encoding="utf-8")
    assert letter_number(page) == "ลย ๐๐๑๙.๓/วส๒" and 'src="../assets/qr/circular.svg"' in page
    assert not (before / "circulars").exists()
    after = pages_on(data, "2024-11-05")
    page = (after / "circular/index.md").read_text(encoding="utf-8")
    assert letter_number(page) == "ลย ๐๐๑๙.๓/ว๑๒๓" and 'src="../assets/qr/circular.svg"' in page
    assert "๑ พฤศจิกายน ๒๕๖๗" in page and "กำหนดส่ง 30 พฤศจิกายน 2567" in page
    assert '<a href="../circulars/2567-club-update/">ที่ ลย ๐๐๑๙.๓/วส๒ ลงวันที่ 5 มกราคม 2567</a>' in page
    earlier = (after / "circulars/2567-club-update/index.md").read_text(encoding="utf-8")
    # the earlier letter as it was (the same article as its page showed while it was current), no QR code
    old_article = re.search(r'<article.*</article>', (before / "circular/index.md").read_text(encoding="utf-8"), re.S)[0]
    assert re.search(r'<article.*</article>', earlier, re.S)[0] == old_article.replace(
        re.search(r'<div class="tn-letter__qr">(.*?)</div>\n</div>', old_article, re.S)[1], "")
    assert '<a href="../../circular/">หนังสือเวียนฉบับปัจจุบัน</a>' in earlier
    # the report page and the guidelines name the meeting the current circular calls
    report = (after / "report/4214-nong-hin/index.md").read_text(encoding="utf-8")
    assert "ประชุมผู้แทนชมรม ประจำปีงบประมาณ พ.ศ. 2568 วันที่ 20 พฤศจิกายน 2567" in report
    assert "ประชุมเตรียมความพร้อม" not in report
    assert "2568-club-update" in (after / "guidelines/index.md").read_text(encoding="utf-8")


def test_current_meeting_is_the_one_the_current_circular_calls(data):
    assert new_round(data)[0] == 0
    province = provinces_of(data)
    # a meeting listed later but sooner than the circular's: the circular's meeting is still the current one
    sooner = rounds.current_meeting(province, dt.date(2024, 11, 2))
    assert sooner.id == "2568-club-update-meeting"
    province.meetings.append(type(sooner)("other", "อื่น", dt.date(2024, 11, 3), "09:00", "ที่", 2, 1))
    assert rounds.current_meeting(province, dt.date(2024, 11, 2)).id == "2568-club-update-meeting"
    province.rounds[1].circular.meeting = None                # a circular that calls no meeting: the next one
    assert rounds.current_meeting(province, dt.date(2024, 11, 2)).id == "other"
    assert [r.id for r, _ in rounds.earlier_circulars(province, dt.date(2024, 11, 2))] == ["2567-club-update"]


def test_each_round_has_its_meeting(data):
    """The printable round report (render/roundreport.py) names the meeting of its round, not today's."""
    assert new_round(data)[0] == 0
    province = provinces_of(data)
    old, new = province.rounds
    assert rounds.round_meeting(province, old).id == "2567-anniversary-55-prep"   # dated within its round
    assert rounds.round_meeting(province, new).id == "2568-club-update-meeting"   # the one its circular calls

