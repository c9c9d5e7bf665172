"""The `thamniap` command line: formats, exit codes, paths, --changed-since on a real git repository."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from helpers import REPO, git, run_cli

from thamniap.core.report import escape_data, escape_property

ROSTER = "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
DISTRICT = "42-loei/4214-nong-hin/district.yaml"


def break_two_files(root: Path) -> None:
    roster = root / ROSTER
    roster.write_text(roster.read_text(encoding="utf-8").replace("first_name: เสกสรร", "first_name: เเสกสรร", 1),
                      encoding="utf-8")
    district = root / DISTRICT
    district.write_text(district.read_text(encoding="utf-8").replace("  name: หนองหิน\n", "  name: หนองหิน\n  name: x\n", 1),
                        encoding="utf-8")


def test_text_format_lists_all_problems_sorted_with_location(base_copy):
    break_two_files(base_copy)
    code, out, _ = run_cli("validate", str(base_copy), "--today", "2024-03-01")
    lines = out.strip().splitlines()
    assert code == 1
    assert "district.yaml:6:3: error[yaml.duplicate-key]" in lines[0]
    assert "421401-nong-hin.yaml:10:" in lines[1] and "error[text.thai-double-sara-e]" in lines[1] and " — " in lines[1]
    assert lines[-1].startswith("พบข้อผิดพลาด 2 รายการ")


def test_json_format_is_a_list_of_diagnostics(base_copy):
    break_two_files(base_copy)
    code, out, _ = run_cli("validate", str(base_copy), "--format", "json", "--today", "2024-03-01")
    diags = json.loads(out)
    assert code == 1
    assert [d["rule"] for d in diags] == ["yaml.duplicate-key", "text.thai-double-sara-e"]
    assert set(diags[0]) >= {"path", "line", "column", "rule", "severity", "message", "hint"}


def test_github_format_annotations(base_copy):
    break_two_files(base_copy)
    code, out, _ = run_cli("validate", str(base_copy), "--format", "github", "--today", "2024-03-01")
    first = out.splitlines()[0]
    assert code == 1
    assert first.startswith("::error file=") and ",line=6,col=3,title=yaml.duplicate-key::" in first


def test_github_escaping_prevents_forged_annotations():
    hostile = "x%0A::error file=evil::forged\r\n::warning ::y"
    escaped = escape_data(hostile)
    assert "\n" not in escaped and "\r" not in escaped and "%250A" in escaped
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_github_step_summary_written(base_copy, tmp_path, monkeypatch):
    break_two_files(base_copy)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run_cli("validate", str(base_copy), "--format", "github", "--today", "2024-03-01")
    text = summary.read_text(encoding="utf-8")
    assert "yaml.duplicate-key" in text and "text.thai-double-sara-e" in text


def test_exit_codes_and_strict(base_copy):
    assert run_cli("validate", str(base_copy), "--today", "2024-03-01")[0] == 0
    club = base_copy / "42-loei/4214-nong-hin/club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("[{round: 2567-club-update, date: 2024-01-20}]", "[]"),
                    encoding="utf-8")
    code, out, _ = run_cli("validate", str(base_copy), "--today", "2024-03-01")
    assert code == 0 and "warning[club.not-confirmed]" in out
    assert run_cli("validate", str(base_copy), "--today", "2024-03-01", "--strict")[0] == 1
    assert run_cli("validate", str(base_copy), "--today", "not-a-date")[0] == 2
    assert run_cli("validate", "--format", "xml")[0] == 2
    assert run_cli("validate", str(base_copy / "nope"))[0] == 1


def test_skip_rule(base_copy):
    club = base_copy / "42-loei/4214-nong-hin/club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("[{round: 2567-club-update, date: 2024-01-20}]", "[]"),
                    encoding="utf-8")
    code, out, _ = run_cli("validate", str(base_copy), "--strict", "--skip", "club.not-confirmed", "--today", "2024-03-01")
    assert code == 0 and "club.not-confirmed" not in out


def test_lang_en(base_copy):
    break_two_files(base_copy)
    _, out, _ = run_cli("validate", str(base_copy), "--lang", "en", "--today", "2024-03-01")
    assert "duplicate" in out.lower() and "error(s)" in out


def test_path_limits_report_to_that_file(base_copy):
    break_two_files(base_copy)
    code, out, _ = run_cli("validate", str(base_copy / ROSTER), "--today", "2024-03-01")
    assert code == 1 and "421401-nong-hin.yaml" in out and "district.yaml" not in out


def test_today_decides_expired_terms(base_copy):
    _, out, _ = run_cli("validate", str(base_copy), "--today", "2031-01-01")
    assert "term.expired" in out




def test_changed_since_checks_only_changed_districts(base_copy, tmp_path):
    repo = base_copy.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    code, out, _ = run_cli("validate", str(base_copy), "--changed-since", "HEAD", "--today", "2024-03-01")
    assert code == 0 and "ผ่าน" in out
    break_two_files(base_copy)
    code, out, _ = run_cli("validate", str(base_copy), "--changed-since", "HEAD", "--format", "json", "--today", "2024-03-01")
    assert code == 1
    assert {d["rule"] for d in json.loads(out)} == {"yaml.duplicate-key", "text.thai-double-sara-e"}


def test_rules_lists_ids_with_docs():
    code, out, _ = run_cli("rules")
    rows = [line.split("\t") for line in out.strip().splitlines()]
    assert code == 0 and len(rows) >= 30
    assert all(len(r) == 3 and r[1] in ("error", "warning") and r[2] for r in rows)
    assert "roster.duplicate-person" in {r[0] for r in rows}


def test_console_script_installed():
    out = subprocess.run([str(REPO / ".venv/bin/thamniap"), "rules"], capture_output=True, text=True)
    assert out.returncode == 0 and "privacy.national-id" in out.stdout


def test_national_id_never_printed_in_any_format(base_copy, tmp_path, monkeypatch):
    from test_fixtures import national_id
    number = national_id(11)
    roster = base_copy / ROSTER
    roster.write_text(roster.read_text(encoding="utf-8") + f"# {number}\n# ๑{number[1:]}\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    digits = number.replace("-", "")
    for fmt in ("text", "github", "json"):
        code, out, err = run_cli("validate", str(base_copy), "--format", fmt, "--today", "2024-03-01")
        assert code == 1 and "privacy.national-id" in out
        flat = (out + err).replace("-", "").replace(" ", "")
        assert digits not in flat and digits[1:] not in flat, fmt
    assert digits not in summary.read_text(encoding="utf-8").replace("-", "")


def test_a_closed_pipe_ends_quietly():
    """`thamniap validate … | head` when head has gone: no traceback, no "internal error"."""
    import sys
    proc = subprocess.Popen([sys.executable, "-m", "thamniap.cli", "validate", str(REPO / "data"),
                             "--format", "json", "--today", "2024-02-01"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    proc.stdout.close()           # the reader is gone before anything is written
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 141
    assert "internal error" not in err and "Traceback" not in err, err


# ---------------------------------------------------------------- files that bypass the layout (issue 9)

def _diags(root: Path) -> tuple[int, list[dict], str]:
    code, out, err = run_cli("validate", str(root), "--format", "json", "--today", "2024-03-01")
    return code, json.loads(out), out + err


def _where(diags: list[dict], root: Path, rule: str) -> set[str]:
    """Where RULE was reported, relative to ROOT (a reported symlink itself is not resolved)."""
    paths = [Path(os.path.abspath(d["path"])) for d in diags if d["rule"] == rule]
    return {(p.parent.resolve() / p.name).relative_to(root.resolve()).as_posix() for p in paths}


def test_symlinks_under_data_are_errors_and_never_followed(base_copy, tmp_path):
    """A symlink anywhere under data/ (file or folder, to inside or outside) is an error and is not read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-TOKEN-77\n", encoding="utf-8")
    district = base_copy / "42-loei/4214-nong-hin"
    (district / "notes.txt").symlink_to(outside / "secret.txt")
    (district / "roster/421401-nong-hin.yaml").unlink()
    (district / "roster/421401-nong-hin.yaml").symlink_to("../../../../outside/secret.txt")
    (district / ".cache").symlink_to(outside, target_is_directory=True)
    (base_copy / "42-loei/4299-linked").symlink_to(district, target_is_directory=True)
    (base_copy / "42-loei/circular.txt").symlink_to(outside / "missing.txt")   # dangling
    code, diags, raw = _diags(base_copy)
    assert code == 1 and "SECRET-TOKEN" not in raw
    assert _where(diags, base_copy, "layout.symlink") == {
        "42-loei/4214-nong-hin/notes.txt", "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml", "42-loei/4214-nong-hin/.cache",
        "42-loei/4299-linked", "42-loei/circular.txt"}
    assert "layout.missing-file" not in {d["rule"] for d in diags}   # the name is there, as a link
    assert all(d["line"] == 0 for d in diags if d["rule"] == "layout.symlink")
    assert "symlink" in next(d for d in diags if d["rule"] == "layout.symlink")["message"]


def test_odd_file_names_are_shown_safely_in_every_format(base_copy, tmp_path, monkeypatch):
    district = base_copy / "42-loei/4214-nong-hin"
    (district / "a\n::error file=x::forged.txt").write_text("x\n", encoding="utf-8")
    (district / os.fsdecode(b"bad\xff-name.txt")).write_text("x\n", encoding="utf-8")
    (base_copy / "42-loei/\u202etxt.exe").write_text("x\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for fmt in ("text", "github", "json"):
        code, out, err = run_cli("validate", str(base_copy), "--format", fmt, "--today", "2024-03-01")
        assert code == 1 and err == "", fmt
        assert "a\\n::error file=x::forged.txt" in out.replace("\\\\", "\\"), fmt
        assert "bad\\xff-name.txt" in out.replace("\\\\", "\\") and "\\u202etxt.exe" in out.replace("\\\\", "\\"), fmt
        assert not any(line.startswith("::error file=x") for line in out.splitlines()), fmt
        assert "\u202e" not in out, fmt
    code, diags, _ = _diags(base_copy)
    assert {d["rule"] for d in diags} == {"layout.bad-name"} and len(diags) == 3


def test_special_files_are_not_read(base_copy):
    """A named pipe in a district folder would block a reader: it is reported, never opened."""
    os.mkfifo(base_copy / "42-loei/4214-nong-hin/pipe")
    code, diags, _ = _diags(base_copy)
    assert code == 1 and _where(diags, base_copy, "layout.unknown-file") == {"42-loei/4214-nong-hin/pipe"}


def test_every_file_under_an_unknown_folder_is_checked(base_copy):
    """Inside a folder that does not belong: no file is skipped for size, links, names or national IDs."""
    from test_fixtures import national_id
    hidden = base_copy / "42-loei/4214-nong-hin/.cache/deeper"
    hidden.mkdir(parents=True)
    (hidden / "notes.txt").write_text(f"บัตร {national_id(3)}\n", encoding="utf-8")
    (hidden / "link").symlink_to("/etc/passwd")
    with open(hidden / "blob.bin", "wb") as fh:    # 50 MB, sparse
        fh.truncate(50 * 1024 * 1024)
    code, diags, raw = _diags(base_copy)
    assert code == 1 and "root:" not in raw
    assert _where(diags, base_copy, "layout.unknown-file") == {"42-loei/4214-nong-hin/.cache"}
    assert _where(diags, base_copy, "file.too-large") == {"42-loei/4214-nong-hin/.cache/deeper/blob.bin"}
    assert _where(diags, base_copy, "layout.symlink") == {"42-loei/4214-nong-hin/.cache/deeper/link"}
    assert _where(diags, base_copy, "privacy.national-id") == {"42-loei/4214-nong-hin/.cache/deeper/notes.txt"}


def test_step_summary_cannot_be_forged_by_file_names(base_copy, tmp_path, monkeypatch):
    """Issue 9 item 6: a file name cannot become a link or a heading in validate's step summary."""
    import markdown
    district = base_copy / "42-loei/4214-nong-hin"
    (district / "[ผู้ดูแลจังหวัดอนุมัติแล้ว คลิกที่นี่](https:evil.example)").write_text("x\n", encoding="utf-8")
    (district / "x\n\n## ✅ ผ่านการตรวจทั้งหมด\n").write_text("x\n", encoding="utf-8")
    (district / "*ตัวหนา* `code` <b>b<:b> | cell").write_text("x\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _, _ = run_cli("validate", str(base_copy), "--format", "github")
    assert code == 1
    text = summary.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith("#")] == [text.splitlines()[0]]
    html = markdown.markdown(text, extensions=["tables"])
    assert "<a " not in html and "<h2" not in html and "<em>" not in html and "<code>" not in html
    assert "<b>" not in html
    assert html.count("<tr>") == 1 + text.count("layout.")     # no cell split by `|`
    assert "ผู้ดูแลจังหวัดอนุมัติแล้ว" in html and "ผ่านการตรวจทั้งหมด" in html   # shown, as text
