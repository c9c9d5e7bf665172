"""The `thamniap` command line: formats, exit codes, paths, --changed-since on a real git repository."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from helpers import REPO, git, run_cli

from thamniap.report import escape_data, escape_property

ROSTER = "42-loei/4214-nong-hin/roster.yaml"
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
    assert "roster.yaml:9:" in lines[1] and "error[text.thai-double-sara-e]" in lines[1] and " — " in lines[1]
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
    club.write_text(club.read_text(encoding="utf-8").replace("confirmed_on: 2024-01-20", "confirmed_on: null"),
                    encoding="utf-8")
    code, out, _ = run_cli("validate", str(base_copy), "--today", "2024-03-01")
    assert code == 0 and "warning[club.not-confirmed]" in out
    assert run_cli("validate", str(base_copy), "--today", "2024-03-01", "--strict")[0] == 1
    assert run_cli("validate", str(base_copy), "--today", "not-a-date")[0] == 2
    assert run_cli("validate", "--format", "xml")[0] == 2
    assert run_cli("validate", str(base_copy / "nope"))[0] == 1


def test_skip_rule(base_copy):
    club = base_copy / "42-loei/4214-nong-hin/club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("confirmed_on: 2024-01-20", "confirmed_on: null"),
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
    assert code == 1 and "roster.yaml" in out and "district.yaml" not in out


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
