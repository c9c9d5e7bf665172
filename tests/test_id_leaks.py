"""No output shows a national ID number in full (issue 9, item 2).

A real git repository gets checksum-valid ID numbers in every spelling the scanner must know, in
every kind of place (a person's note, a club post's note, an office address, a comment, a file
that is not a data file, YAML escapes that only the loader decodes), committed on a branch and then
reverted. Every output is collected: validate in each format and its step summary, check-pr's
output and summary for the pull request that added them, and the whole site built after the revert
(pages, change history, exports, search index). The full number may appear in no byte of any of
them, in any digits: outputs are read with every digit turned into 0–9 and separators removed.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from helpers import GIT_ENV, commit_all, git, init_repo, mkdocs_build, run_cli

from thamniap.core.digits import ascii_digits, to_thai_digits
from thamniap.core.national_id import national_id_check_digit

DISTRICT = "data/42-loei/4214-nong-hin"


def _id(seed: str) -> str:
    return seed + str(national_id_check_digit(seed))


IDS = [_id(s) for s in ("110170020345", "310050012345", "561020030411", "140990123456", "258800013579",
                        "370060024680", "199000011122", "420170033344")]


def spellings() -> list[tuple[str, str]]:
    """(number, how it is written) for each spelling, one number each."""
    def grouped(n: str, sep: str) -> str:
        return sep.join((n[0], n[1:5], n[5:10], n[10:12], n[12]))
    a, b, c, d, e, f, g, h = IDS
    full_width = "".join(chr(0xFF10 + int(ch)) for ch in e)
    return [(a, a), (b, grouped(b, "-")), (c, grouped(c, ".")), (d, grouped(d, "/")),
            (e, full_width), (f, grouped(f, "  ")), (g, to_thai_digits(grouped(g, " "))),
            (h, grouped(h, "-"))]


def yaml_escaped(number: str) -> str:
    """The number as a double-quoted YAML string of \\u escapes: no digit in the raw bytes."""
    return '"' + "".join(f"\\u{ord(ch):04x}" for ch in number) + '"'


def hex_dashed(number: str) -> str:
    return '"' + "\\x2d".join((number[0], number[1:5], number[5:10], number[10:12], number[12])) + '"'


def add_ids(root: Path) -> None:
    """Every spelling in every kind of place."""
    s = spellings()
    roster = root / DISTRICT / "roster/421401-nong-hin.yaml"
    text = roster.read_text(encoding="utf-8")
    text = text.replace("- id: 4214-0001\n", f"- id: 4214-0001\n  note: บัตร {s[0][1]}\n", 1)
    roster.write_text(text + f"# เลขบัตร {s[2][1]} และ {s[3][1]}\n", encoding="utf-8")
    club = root / DISTRICT / "club.yaml"
    text = club.read_text(encoding="utf-8")
    text = text.replace("    holder: 4214-0001\n", f"    holder: 4214-0001\n    note: บัตร {s[4][1]}\n", 1)
    club.write_text(text, encoding="utf-8")
    district = root / DISTRICT / "district.yaml"
    text = district.read_text(encoding="utf-8")
    text = re.sub(r"(  address: )(.+)\n", lambda m: f"{m[1]}{hex_dashed(IDS[5])}\n", text, count=1)
    text = re.sub(r"(  name: สำนักงาน)(.+)\n", lambda m: f"{m[0]}  unit: {yaml_escaped(IDS[1])}\n", text, count=1)
    district.write_text(text, encoding="utf-8")
    (root / DISTRICT / "README.md").write_text(f"เลขประจำตัว {s[6][1]}\n", encoding="utf-8")
    (root / DISTRICT / ".notes").write_text(f"{s[7][1]}\n", encoding="utf-8")


def digits_only(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    return re.sub(r"[^0-9]", "", ascii_digits(text))


def leaks(outputs: dict[str, bytes]) -> list[str]:
    """'output: number' for every output holding a full number (any digits, any separators)."""
    found = []
    for name, data in outputs.items():
        parts = [data]
        if data[:2] == b"PK":      # .xlsx / .zip: read the members
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                parts = [z.read(n) for n in z.namelist()]
        flat = "".join(digits_only(p) for p in parts)
        found += [f"{name}: {n}" for n in IDS if n in flat]
    return found


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """main: the base dataset; branch `pr` adds the IDs; main then merges pr and reverts it."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = init_repo(tmp_path / "repo")
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    add_ids(root)
    commit_all(root, "เพิ่มหมายเหตุ")
    monkeypatch.chdir(root)
    return root


def test_the_test_data_holds_every_number(repo):
    """The check below could fail: the raw files hold each number (escapes aside)."""
    raw = b"".join(p.read_bytes() for p in sorted((repo / DISTRICT).rglob("*")) if p.is_file())   # roster/ too
    decoded_elsewhere = {IDS[1], IDS[5]}          # only as YAML escapes
    assert {n for n in IDS if n in digits_only(raw)} == set(IDS) - decoded_elsewhere


def test_validate_in_every_format_masks_every_number(repo, tmp_path, monkeypatch):
    outputs: dict[str, bytes] = {}
    for fmt in ("text", "github", "json"):
        summary = tmp_path / f"summary-{fmt}.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        code, out, err = run_cli("validate", "data", "--format", fmt)
        assert code == 1
        outputs |= {f"validate {fmt} stdout": out.encode(), f"validate {fmt} stderr": err.encode(),
                    f"validate {fmt} summary": summary.read_bytes() if summary.exists() else b""}
    assert leaks(outputs) == []
    # every number was found and reported, masked
    json_out = outputs["validate json stdout"].decode()
    for number in IDS:
        assert f"X{number[-2]}" in ascii_digits(json_out) or number[-2:] in ascii_digits(json_out)
    assert json_out.count("privacy.national-id") >= len(IDS)


def test_check_pr_masks_every_number(repo, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, err = run_cli("check-pr", "--base", "main", "--head", "pr")
    assert "บัตร" in out          # the note is shown, masked
    assert leaks({"check-pr stdout": out.encode(), "check-pr stderr": err.encode(),
                  "check-pr summary": summary.read_bytes()}) == []


def test_site_after_revert_shows_no_number(repo, tmp_path):
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "รวม", "pr")
    git(repo, "revert", "--no-edit", "-m", "1", "HEAD")
    site = tmp_path / "site"
    proc = mkdocs_build(site, THAMNIAP_DATA=str(repo / "data"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    outputs = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    page = outputs["districts/4214-nong-hin/index.html"].decode()
    assert "บัตร" in page and "XXXX" in page        # the history shows the reverted notes, masked
    assert leaks(outputs | {"build log": (proc.stdout + proc.stderr).encode()}) == []
