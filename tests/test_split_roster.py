"""`thamniap split-roster`: a district's one-file roster.yaml becomes one file per subdistrict in
roster/ (issue 11, section 3), with every value, comment and line kept, or nothing is written."""
from __future__ import annotations

import shutil
from pathlib import Path

from helpers import BASE, REPO, run_cli

from thamniap.check.validate import load_dataset
from thamniap.load import legacy_roster

DISTRICT = "42-loei/4214-nong-hin"


def legacy_text(folder: Path) -> str:
    """The one-file roster.yaml the files in FOLDER (roster/) were split from: the old layout,
    `sample:` then `subdistricts:` with each file's body as a list item."""
    files = sorted(folder.glob("*.yaml"))
    header = files[0].read_text(encoding="utf-8").split("\n", 1)[0].replace("../../../../", "../../../")
    out = [header, "sample: true", "subdistricts:"]
    for path in files:
        body = path.read_text(encoding="utf-8").split("\nsample: true\n", 1)[1]
        lines = body.rstrip("\n").split("\n")
        out.append("- " + lines[0])
        out += ["  " + line if line.strip() and not line.startswith("#") else line for line in lines[1:]]
    return "\n".join(out) + "\n"


def to_legacy(district: Path) -> Path:
    """Put DISTRICT back in the old layout (roster.yaml, no roster/)."""
    text = legacy_text(district / "roster")
    shutil.rmtree(district / "roster")
    (district / "roster.yaml").write_text(text, encoding="utf-8")
    return district / "roster.yaml"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file's bytes; a roster file's without its schema line (a copy outside the project
    points at another schemas/ folder)."""
    def content(p: Path) -> bytes:
        data = p.read_bytes()
        return data.split(b"\n", 1)[1] if p.parent.name == "roster" else data
    return {p.relative_to(root).as_posix(): content(p) for p in sorted(root.rglob("*")) if p.is_file()}


def people(root: Path) -> list[tuple]:
    ds = load_dataset(root)
    return [(p.id, p.name, p.subdistrict_code, p.moo, [(r.role, r.start, r.end) for r in p.roles])
            for d in ds.provinces[0].districts for p in d.people()]


def test_split_gives_the_files_of_the_base_byte_for_byte(base_copy):
    legacy = to_legacy(base_copy / DISTRICT)
    rc, out, err = run_cli("validate", str(base_copy))
    assert rc == 1 and "layout.legacy-roster" in out and "thamniap split-roster" in out, out
    rc, out, err = run_cli("split-roster", "--data", str(base_copy))
    assert rc == 0, out + err
    assert "roster.yaml (273 บรรทัด)" in out and "3 ไฟล์ (ยาวสุด 94 บรรทัด)" in out, out
    assert not legacy.exists()
    assert snapshot(base_copy) == snapshot(BASE)
    rc, out, err = run_cli("validate", str(base_copy), "--strict")
    assert rc == 0, out


def test_comments_and_layout_go_with_their_subdistrict(base_copy):
    legacy = to_legacy(base_copy / DISTRICT)
    text = legacy.read_text(encoding="utf-8")
    text = text.replace("sample: true\n", "sample: true\n# ทำเนียบตามคำสั่งอำเภอ ที่ 12/2567\n", 1)
    text = text.replace("- code: '421402'\n", "# ตำบลตาดข่า ปรับปรุง ม.ค. 2567\n- code: '421402'\n")
    text = text.replace("    last_name: ศรีวงษ์\n", "    last_name: ศรีวงษ์  # สะกดตามบัตร\n")
    legacy.write_text(text, encoding="utf-8")
    rc, out, err = run_cli("split-roster", "--data", str(base_copy))
    assert rc == 0, out + err
    folder = base_copy / DISTRICT / "roster"
    tat_kha = (folder / "421402-tat-kha.yaml").read_text(encoding="utf-8")
    assert "# ตำบลตาดข่า ปรับปรุง ม.ค. 2567\ncode: '421402'\n" in tat_kha
    assert "  last_name: ศรีวงษ์  # สะกดตามบัตร\n" in tat_kha
    for path in folder.glob("*.yaml"):    # the head's comment is kept in every file
        assert "# ทำเนียบตามคำสั่งอำเภอ ที่ 12/2567\nsample: true\n" in path.read_text(encoding="utf-8")
    assert people(base_copy) == people(BASE)


def test_the_real_data_splits_into_files_a_browser_editor_can_handle(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(REPO / "data", root)
    expected = people(root)
    for district in sorted(root.glob("42-loei/42*")):
        to_legacy(district)
    rc, out, err = run_cli("split-roster", "--data", str(root))
    assert rc == 0, out + err
    assert "4201-mueang-loei/roster.yaml (6,381 บรรทัด)" in out and "14 ไฟล์" in out, out
    longest = max(p.read_text(encoding="utf-8").count("\n") for p in root.glob("*/*/roster/*.yaml"))
    assert longest <= 800, longest
    assert people(root) == expected
    assert snapshot(root) == snapshot(REPO / "data")


def test_nothing_is_written_when_any_district_cannot_be_split(base_copy):
    """Every problem is reported in one run, and no district is split while another cannot be."""
    shutil.copytree(base_copy / DISTRICT, base_copy / "42-loei/4213-erawan")
    broken = to_legacy(base_copy / "42-loei/4213-erawan")
    broken.write_text(broken.read_text(encoding="utf-8").replace("name: ตาดข่า", "name: [ตาดข่า"), encoding="utf-8")
    fine = to_legacy(base_copy / DISTRICT)
    # valid YAML, but `sample:` after the list cannot be cut line by line
    fine.write_text(fine.read_text(encoding="utf-8").replace("sample: true\n", "", 1) + "sample: true\n", encoding="utf-8")
    before = snapshot(base_copy)
    rc, out, err = run_cli("split-roster", "--data", str(base_copy))
    assert rc == 1 and "ไม่ได้แยกไฟล์ใดเลย" in err
    assert "4213-erawan/roster.yaml" in out and "split.unreadable" in out, out
    assert "4214-nong-hin/roster.yaml" in out and "split.layout" in out, out
    assert snapshot(base_copy) == before


def test_a_district_already_split_is_left_alone(base_copy):
    (base_copy / DISTRICT / "roster.yaml").write_text(legacy_text(base_copy / DISTRICT / "roster"), encoding="utf-8")
    before = snapshot(base_copy)
    rc, out, err = run_cli("split-roster", "--data", str(base_copy))
    assert rc == 1 and "มีโฟลเดอร์ `roster/` อยู่แล้ว" in out
    assert snapshot(base_copy) == before
    rc, out, err = run_cli("split-roster", "--data", str(BASE))
    assert rc == 0 and "ไม่มี roster.yaml แบบเดิมให้แยก" in out


def test_cut_by_table():
    text = "# h\nsample: true\nsubdistricts:\n- code: '1'\n  name: a\n# about two\n- code: '2'\n  name: b\n"
    cut = legacy_roster.cut(text)
    assert [p.body for p in cut.parts] == ["code: '1'\nname: a\n", "# about two\ncode: '2'\nname: b\n"]
    assert [p.first_line for p in cut.parts] == [4, 6]
    assert legacy_roster.cut("sample: true\nother: 1\nsubdistricts:\n- code: '1'\n") is None   # another key
    assert legacy_roster.cut("sample: true\nsubdistricts:\n- code: '1'\nname: x\n") is None     # not inside the item
    assert legacy_roster.cut("sample: true\nsubdistricts: []\n") is None
