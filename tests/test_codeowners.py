"""`thamniap codeowners`: generated from data, last-match-wins order, `--check` on main and when stale."""
from __future__ import annotations

import fnmatch

from helpers import BASE, REPO, run_cli

from thamniap.review.codeowners import PROTECTED, generate
from thamniap.check.validate import load_dataset


def owners_of(codeowners: str, path: str) -> list[str]:
    """GitHub's rule for the patterns we write: the LAST matching line decides."""
    found: list[str] = []
    for line in codeowners.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        if pattern == "*":
            hit = True
        elif pattern.endswith("/"):
            hit = ("/" + path).startswith(pattern)
        else:
            hit = fnmatch.fnmatchcase("/" + path, pattern)
        if hit:
            found = owners
    return found


def test_committed_codeowners_is_current_on_main():
    code, out, err = run_cli("codeowners", "--check")
    assert code == 0, err
    assert "เป็นปัจจุบัน" in out


def test_generated_lines_and_order(tmp_path):
    out = tmp_path / "CODEOWNERS"
    code, _, err = run_cli("codeowners", "--data", str(BASE), "--output", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    rules = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert rules[0] == ["*", "@loei-cdd/province-admins"]
    assert [r[0] for r in rules[-len(PROTECTED):]] == list(PROTECTED)
    assert ["/data/42-loei/4214-nong-hin/", "@loei-cdd/district-4214", "@loei-cdd/province-admins"] in rules
    district, province = ["@loei-cdd/district-4214", "@loei-cdd/province-admins"], ["@loei-cdd/province-admins"]
    assert owners_of(text, "data/42-loei/4214-nong-hin/roster/421401-nong-hin.yaml") == district
    assert owners_of(text, "data/42-loei/province.yaml") == province
    assert owners_of(text, "data/42-loei/4201-mueang-loei/roster/420101-kut-pong.yaml") == province  # not in this dataset
    for path in (".github/workflows/pull-request.yml", ".github/CODEOWNERS", "CODEOWNERS", "schemas/roster.schema.json",
                 "scripts/thamniap/checkpr.py", "mkdocs.yml", "README.md", "docs/threat-model.md"):
        assert owners_of(text, path) == province, path


def test_real_data_gives_every_district_its_team():
    text = (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")
    for district in load_dataset(REPO / "data").provinces[0].districts:
        owners = owners_of(text, f"data/42-loei/{district.folder.name}/club.yaml")
        assert owners == ["@" + m for m in district.maintainers] + ["@loei-cdd/province-admins"]


def test_check_fails_when_stale(tmp_path, base_copy):
    out = tmp_path / "CODEOWNERS"
    assert run_cli("codeowners", "--data", str(base_copy), "--output", str(out))[0] == 0
    assert run_cli("codeowners", "--data", str(base_copy), "--output", str(out), "--check")[0] == 0
    district = base_copy / "42-loei/4214-nong-hin/district.yaml"
    district.write_text(district.read_text(encoding="utf-8").replace("- loei-cdd/district-4214", "- somsri-cdd"),
                        encoding="utf-8")
    code, _, err = run_cli("codeowners", "--data", str(base_copy), "--output", str(out), "--check")
    assert code == 1
    assert "ไม่ตรงกับผู้ดูแลในข้อมูล" in err and "+/data/42-loei/4214-nong-hin/" in err and "@somsri-cdd" in err
    missing = tmp_path / "none"
    assert run_cli("codeowners", "--data", str(base_copy), "--output", str(missing), "--check")[0] == 1


def test_bad_maintainer_entry_is_refused(tmp_path, base_copy):
    district = base_copy / "42-loei/4214-nong-hin/district.yaml"
    district.write_text(district.read_text(encoding="utf-8").replace("- loei-cdd/district-4214", "- 'a b'"),
                        encoding="utf-8")
    out = tmp_path / "CODEOWNERS"
    code, _, err = run_cli("codeowners", "--data", str(base_copy), "--output", str(out))
    assert code == 1 and not out.exists()
    assert "district.yaml" in err


def test_generate_is_deterministic():
    provinces = load_dataset(BASE).provinces
    assert generate(provinces) == generate(load_dataset(BASE).provinces)
