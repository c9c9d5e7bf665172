"""Going live (issue 21 §3): a new district is valid with warnings that name it, and clear-sample takes
the fictional people out, keeps places, offices and real officials, and leaves data that validates."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
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


# ---------------------------------------------------------------- the whole go-live on a copy (issue 21, "done when")

OLD_ORG, NEW_ORG = "loei-cdd", "cdd-golive-test"


def project_copy(root: Path) -> Path:
    """The project as a province receives it (its template): site, data, schemas, generated files."""
    from helpers import REPO
    for name in ("docs", "overrides", "schemas", "data", ".github"):
        shutil.copytree(REPO / name, root / name)
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "mkdocs_hook.py", root / "scripts" / "mkdocs_hook.py")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def generated_and_data_files(root: Path) -> dict[str, str]:
    """Every file a command writes or generates: data, CODEOWNERS, the issue forms and chooser, mkdocs.yml."""
    files = [*root.joinpath("data").rglob("*"), *root.joinpath(".github").rglob("*"), root / "mkdocs.yml"]
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in files if p.is_file()}


def test_go_live_on_a_copy(tmp_path: Path):
    """Rename to another organisation, clear the sample, scaffold a district, import its roster from a
    spreadsheet, open the first round, validate, build: nothing of the old organisation or the sample remains."""
    import openpyxl
    project = project_copy(tmp_path / "project")
    from thamniap.load.loader import load_file
    kut_pong = load_file(project / "data/42-loei/4201-mueang-loei/roster/420101-kut-pong.yaml").data
    sample_people = [f"{p['first_name']} {p['last_name']}" for p in kut_pong["leaders"]]
    assert len(sample_people) == 2           # (ids like 4201-0001 stay on the site as examples in the help texts)

    def cli(*argv: str) -> str:
        code, out, err = run_cli("--project", str(project), *argv)
        assert code == 0, (argv, out, err)
        return out

    cli("rename-org", NEW_ORG)
    cli("clear-sample")
    shutil.rmtree(project / "data/42-loei/4213-erawan")
    cli("new-district", "4213")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "เอราวัณ"
    for row in (["ชื่อ-สกุล", "เพศ", "หมู่บ้าน", "บทบาท", "วันเริ่มวาระ", "วันสิ้นสุดวาระ"],
                ["นายทดสอบ ระบบจริง", "ชาย", "", "ผู้นำ อช.", "๑ ต.ค. ๒๕๖๖", "๓๐ ก.ย. ๒๕๗๐"],
                ["นางทดลอง นำเข้า", "หญิง", "หมู่ที่ ๒ บ้านทดสอบ", "อช.", "๑ ต.ค. ๒๕๖๖", "๓๐ ก.ย. ๒๕๗๐"]):
        sheet.append(row)
    book.save(tmp_path / "erawan.xlsx")
    cli("import-roster", str(tmp_path / "erawan.xlsx"), "--district", "4213", "--today", TODAY)
    cli("new-round", "2568-club-update", "--opens", "2024-10-01", "--deadline", "2024-11-15")
    found = validate(project / "data")
    assert not [d for d in found if d["severity"] == "error"], found

    files = generated_and_data_files(project)
    assert not [name for name, text in files.items() if OLD_ORG in text]
    assert f"@{NEW_ORG}/province-admins" in files[".github/CODEOWNERS"]
    assert f"https://{NEW_ORG}.github.io/thamniap/privacy/" in files[".github/ISSUE_TEMPLATE/config.yml"]
    assert not [name for name, text in files.items() if "sample: true" in text]
    assert "ทดลอง" in files["data/42-loei/4213-erawan/roster/421301-erawan.yaml"]

    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "THAMNIAP_TODAY": "2024-10-15"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project, env=env,
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout + built.stderr
    pages = {str(p.relative_to(site)): p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*")
             if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".ics", ".md", ".txt", ".js", ".svg")}
    assert "districts/4213-erawan/index.html" in pages or any("4213-erawan" in name for name in pages)
    assert not [name for name, text in pages.items() if OLD_ORG in text]
    assert any(f"github.com/{NEW_ORG}/thamniap" in text for text in pages.values())
    assert not [name for name, text in pages.items() if 'tn-sample"' in text or "tn-sample " in text]
    assert not [(name, who) for name, text in pages.items() for who in sample_people if who in text]
    assert any("ทดลอง" in text for name, text in pages.items() if name.endswith(".html"))
