"""Fixture cases, discovered from folders: `valid/<case>` must pass; `invalid/<case>` must report
exactly its expected rules at the expected places.

An invalid case is `tests/fixtures/invalid/<case>/case.yaml`: edits applied to a copy of the
small clean dataset in `tests/fixtures/base/`, and the diagnostics expected. Edits:

    - {file: F, replace: OLD, with: NEW}        first occurrence of OLD (nth: N for the N-th)
    - {file: F, append: TEXT, times: N}         add text at the end (N times, default 1)
    - {file: F, content: TEXT, encoding: E}     write the whole file (E: utf-8, utf-16, ...)
    - {file: F, delete: true}                   remove a file
    - {dir: D, delete: true}                    remove an empty folder
    - {file: F, bytes_hex: "…"}                 write raw bytes

`{NATIONAL_ID}` in any text is replaced at run time by a checksum-valid number, so no such
number is ever stored in the repository.
"""
from __future__ import annotations

import io
import json
import random
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import yaml

from thamniap import cli
from thamniap.core.national_id import national_id_check_digit
from thamniap.load.layout import LAYOUT_RULES
from thamniap.load.loader import LOADER_RULES
from thamniap.check.rules import load_all

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
TODAY = "2024-03-01"


def national_id(seed: int = 7) -> str:
    rng = random.Random(seed)
    digits = "".join(str(rng.randint(1, 9)) for _ in range(12))
    check = national_id_check_digit(digits)
    return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{check}"


def apply_edits(root: Path, edits: list[dict]) -> None:
    nid = national_id()
    for edit in edits:
        if "dir" in edit:                 # {dir: D, delete: true}: an empty folder removed
            (root / edit["dir"]).rmdir()
            continue
        target = root / edit["file"]
        if edit.get("delete"):
            target.unlink()
            continue
        if "bytes_hex" in edit:
            target.write_bytes(bytes.fromhex(edit["bytes_hex"]))
            continue
        if "content" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(edit["content"].replace("{NATIONAL_ID}", nid).encode(edit.get("encoding", "utf-8")))
            continue
        text = target.read_text(encoding="utf-8")
        if "replace" in edit:
            old, new = edit["replace"], str(edit["with"]).replace("{NATIONAL_ID}", nid)
            nth = edit.get("nth", 1)
            at = -1
            for _ in range(nth):
                at = text.index(old, at + 1)  # fails loudly when the base changed
            text = text[:at] + new + text[at + len(old):]
        if "append" in edit:
            text += edit["append"].replace("{NATIONAL_ID}", nid) * edit.get("times", 1)
        target.write_text(text, encoding="utf-8")


def run_validate(root: Path, *extra: str) -> tuple[int, list[dict], str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["validate", str(root), "--format", "json", "--today", TODAY, *extra])
    text = out.getvalue()
    return code, json.loads(text), text


def invalid_cases() -> list[Path]:
    return sorted(p for p in (FIXTURES / "invalid").iterdir() if (p / "case.yaml").exists())


def valid_cases() -> list[Path]:
    return sorted(p for p in (FIXTURES / "valid").iterdir() if p.is_dir())


def materialise(case: Path, into: Path) -> tuple[dict, Path]:
    """(case spec, dataset root): a copy of the base dataset with the case's edits applied."""
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    root = into / "data"
    shutil.copytree(BASE, root)
    apply_edits(root, spec.get("edits", []))
    return spec, root


@pytest.mark.parametrize("case", valid_cases(), ids=lambda p: p.name)
def test_valid_case_passes_strict(case: Path, tmp_path: Path):
    """A valid case is base + edits (case.yaml) that must produce no diagnostic at all."""
    _, root = materialise(case, tmp_path)
    code, diags, raw = run_validate(root, "--strict")
    assert diags == [] and code == 0, raw


def test_base_dataset_is_clean():
    code, diags, _ = run_validate(BASE, "--strict")
    assert diags == [] and code == 0


@pytest.mark.parametrize("case", invalid_cases(), ids=lambda p: p.name)
def test_invalid_case_reports_expected(case: Path, tmp_path: Path):
    spec, root = materialise(case, tmp_path)
    code, diags, raw = run_validate(root)
    got = {(d["rule"], Path(d["path"]).resolve().relative_to(root.resolve()).as_posix(), d["line"]) for d in diags}
    for want in spec["expect"]:
        key = (want["rule"], want["file"], want.get("line"))
        matches = [g for g in got if g[0] == key[0] and g[1] == key[1] and (key[2] is None or g[2] == key[2])]
        assert matches, f"{case.name}: expected {key}, got {sorted(got)}"
    assert {d["rule"] for d in diags} == {w["rule"] for w in spec["expect"]}, raw
    should_fail = any(d["severity"] == "error" for d in diags)
    assert code == (1 if should_fail else 0)
    if "{NATIONAL_ID}" in (case / "case.yaml").read_text(encoding="utf-8"):
        digits = national_id().replace("-", "")
        flat = raw.replace("-", "").replace(" ", "")
        assert digits not in flat and national_id() not in raw, "a national ID was echoed"
    for text in spec.get("message_contains", []):
        assert text in raw, f"{case.name}: message should contain {text!r}"
    for text in spec.get("message_excludes", []):
        assert text not in raw, f"{case.name}: message should not contain {text!r}"


def test_every_rule_has_a_failing_fixture():
    expected = set()
    for case in invalid_cases():
        spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
        expected |= {w["rule"] for w in spec["expect"]}
    missing = sorted(set(load_all()) - expected)
    missing += sorted(r for r in LOADER_RULES if r not in expected)
    # layout.symlink: fixture folders cannot hold a symlink; test_cli and test_checkpr build one
    missing += sorted(r for r in LAYOUT_RULES if r not in expected and r != "layout.symlink")
    assert not missing, f"rules without an invalid fixture: {missing}"
