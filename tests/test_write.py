"""The write layer (scripts/thamniap/write/), the only code that changes files under data/: a changed
document goes back into its file as the smallest line edit (comments kept, line ends kept), checked
by reading it back; several files are replaced all or nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from thamniap.write.edit import EditRefused, edit_into, edit_text, read_document
from thamniap.write.files import replace_files
from thamniap.write.lineedit import minimal_edit

PROVINCE = ("# ผู้ดูแลจังหวัดแก้ไฟล์นี้\n"
            "rounds:\n"
            "- id: 2567-club-update\n"
            "  deadline: 2024-01-24  # ตามหนังสือเวียน\n"
            "\n"
            "# การประชุมของแต่ละรอบ\n"
            "meetings: []\n")


def test_an_added_item_goes_before_the_comment_that_opens_the_next_key():
    doc = read_document(PROVINCE, "province.yaml")
    doc["rounds"].append({"id": "2568-club-update", "deadline": "2024-11-30"})
    assert edit_text(PROVINCE, doc, "province.yaml") == PROVINCE.replace(
        "ตามหนังสือเวียน\n", "ตามหนังสือเวียน\n- id: 2568-club-update\n  deadline: 2024-11-30\n")


def test_an_unchanged_document_gives_the_same_bytes():
    assert edit_text(PROVINCE, read_document(PROVINCE, "province.yaml"), "province.yaml") == PROVINCE


def test_a_file_with_windows_line_ends_keeps_them():
    old = PROVINCE.replace("\n", "\r\n")
    doc = read_document(old, "province.yaml")
    doc["rounds"][0]["id"] = "2567-update"
    doc["rounds"].append({"id": "2568-club-update", "deadline": "2024-11-30"})
    edited = edit_text(old, doc, "province.yaml")
    assert edited == old.replace("2567-club-update", "2567-update").replace(
        "ตามหนังสือเวียน\r\n", "ตามหนังสือเวียน\r\n- id: 2568-club-update\r\n  deadline: 2024-11-30\r\n")
    assert edited.count("\r\n") == edited.count("\n")


def test_a_value_that_needs_quotes_is_written_in_the_house_style():
    old = "sample: true\nphone: 0 4241 1773\n"
    doc = read_document(old, "district.yaml")
    doc["phone"] = "042411773"        # plain, a YAML reader would take it for a number
    assert edit_text(old, doc, "district.yaml") == "sample: true\nphone: '042411773'\n"


def test_a_file_that_does_not_read_cleanly_is_not_edited():
    with pytest.raises(EditRefused, match="อ่าน club.yaml ไม่ได้"):
        read_document("club:\n  name: a\n  name: b\n", "club.yaml")      # a duplicate key


def test_an_added_line_goes_before_the_comment_of_the_line_after_it():
    assert minimal_edit("a: 1\nc: 3\n", "a: 1\nb: 2\nc: 3\n") == "a: 1\nb: 2\nc: 3\n"
    assert minimal_edit("a: 1\n# about c\nc: 3\n", "a: 1\nb: 2\nc: 3\n") == "a: 1\nb: 2\n# about c\nc: 3\n"


def test_edit_into_a_whole_new_text_keeps_comments_or_gives_up():
    assert edit_into("# head\na: 1  # one\nb: 2\n", "# other\na: 1\nb: 3\n", "x.yaml") == "# head\na: 1  # one\nb: 3\n"
    # a new line of a block text that starts with # looks like a comment to the line editor: the edit
    # would lose it, so import-xlsx writes the new text whole instead
    assert edit_into("note: |\n  a\nc: 1\n", "note: |\n  a\n  # b\nc: 1\n", "x.yaml") is None


def test_replace_files_writes_all_then_removes(tmp_path: Path):
    old = tmp_path / "roster.yaml"
    old.write_text("sample: true\n", encoding="utf-8")
    new = {tmp_path / "roster" / "420101-a.yaml": "code: '420101'\n", tmp_path / "roster" / "420102-b.yaml": b"x: 1\n"}
    replace_files(new, remove=[old])
    assert not old.exists()
    assert sorted(p.name for p in (tmp_path / "roster").iterdir()) == ["420101-a.yaml", "420102-b.yaml"]


def test_replace_files_changes_nothing_when_one_file_cannot_be_written(tmp_path: Path):
    old = tmp_path / "roster.yaml"
    old.write_text("sample: true\n", encoding="utf-8")
    first = tmp_path / "club.yaml"
    first.write_text("before\n", encoding="utf-8")
    (tmp_path / "blocked").write_text("a file where a folder should be\n", encoding="utf-8")
    with pytest.raises(OSError):
        replace_files({first: "after\n", tmp_path / "blocked" / "x.yaml": "x\n"}, remove=[old])
    assert first.read_text(encoding="utf-8") == "before\n" and old.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked", "club.yaml", "roster.yaml"]   # no temporary left
