"""Going live (issue 21 §3): a new district is valid with warnings that name it, and clear-sample takes
the fictional people out, keeps places, offices and real officials, and leaves data that validates."""
from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli

TODAY = "2024-03-01"


def validate(root: Path) -> list[dict]:
    code, out, _ = run_cli("validate", str(root), "--format", "json", "--today", TODAY)
    found = json.loads(out)
    assert code == (1 if any(d["severity"] == "error" for d in found) else 0)
    return found


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_new_district_is_valid_with_warnings_that_name_it(base_copy: Path):
    code, _, err = run_cli("new-district", "4213", "--data", str(base_copy))
    assert code == 0, err
    found = validate(base_copy)
    mine = [d for d in found if "4213-erawan" in d["path"]]
    assert not [d for d in mine if d["severity"] == "error"], mine
    by_rule = {d["rule"]: d["message"] for d in mine}
    assert "เอราวัณ" in by_rule["district.no-maintainers"]
    assert "เอราวัณ" in by_rule["district.responsible-official"]


def test_clear_sample_keeps_places_offices_and_real_officials(base_copy: Path):
    district = base_copy / "42-loei" / "4214-nong-hin" / "district.yaml"
    district.write_text(district.read_text(encoding="utf-8").replace("sample: true", "sample: false"), encoding="utf-8")
    before = snapshot(base_copy)
    code, out, err = run_cli("clear-sample", "--data", str(base_copy))
    assert code == 0, err
    assert "ลบข้อมูลตัวอย่างแล้ว" in out
    after = snapshot(base_copy)
    assert after.keys() == before.keys()                      # no file added or removed
    texts = {name: data.decode("utf-8") for name, data in after.items()}
    assert not [name for name, text in texts.items() if "sample: true" in text]
    assert after["42-loei/4214-nong-hin/district.yaml"] == before["42-loei/4214-nong-hin/district.yaml"]  # real
    assert after["42-loei/province.yaml"] == before["42-loei/province.yaml"]
    for name, text in texts.items():
        if "/roster/" in name:
            old = before[name].decode("utf-8")
            assert "leaders: []" in text and "villages: []" in text and "first_name" not in text
            kept = [line for line in old.splitlines()[:6] if not line.startswith("sample:")]
            assert kept == [line for line in text.splitlines()[:6] if not line.startswith("sample:")]  # comments kept
    club = texts["42-loei/4214-nong-hin/club.yaml"]
    assert "holder:" not in club and "vacant: true" in club and "confirmations: []" in club
    assert not [d for d in validate(base_copy) if d["severity"] == "error"]
    assert run_cli("clear-sample", "--data", str(base_copy))[0] == 0      # a second run changes nothing
    assert snapshot(base_copy) == after


def test_clear_sample_refuses_when_real_data_names_a_sample_person(base_copy: Path):
    club = base_copy / "42-loei" / "4214-nong-hin" / "club.yaml"
    club.write_text(club.read_text(encoding="utf-8").replace("sample: true", "sample: false"), encoding="utf-8")
    before = snapshot(base_copy)
    code, _, err = run_cli("clear-sample", "--data", str(base_copy))
    assert code == 1
    assert "4214-0001" in err and "ไม่มีไฟล์ใดเปลี่ยน" in err
    assert snapshot(base_copy) == before
