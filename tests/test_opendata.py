"""Open data for the national catalogue (issue 13 §10): a real `mkdocs build` publishes the GD-Catalog
record (catalog.json and the opendata page) and a Frictionless datapackage.json that `frictionless
validate` (the real command, requirements-dev.txt) accepts against the CSV files of that build; every
CSV is described, with the columns exports.COLUMNS writes; dates come from the data or git."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import BASE, GIT_ENV, REPO, git, mkdocs_build, run_cli

from thamniap.check.validate import load_dataset
from thamniap.render import exports

FRICTIONLESS = Path(sys.executable).parent / "frictionless"
FOLDER = "downloads/42-loei"
GD_CATALOG = ("title", "owner_org", "maintainer", "tag_string", "notes", "objective", "update_frequency_unit",
              "update_frequency_interval", "geo_coverage", "data_source", "data_format", "data_category",
              "license_id", "data_language", "created_date", "last_updated_date")


def frictionless_validate(package: Path) -> tuple[int, dict]:
    proc = subprocess.run([str(FRICTIONLESS), "validate", "--json", package.name], cwd=package.parent,
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The site of a copy of the base fixture (not in git), built by the real `mkdocs build --strict`."""
    work = tmp_path_factory.mktemp("opendata")
    data = work / "data"
    shutil.copytree(BASE, data)
    site = work / "site"
    proc = mkdocs_build(site, THAMNIAP_DATA=str(data))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return site


def test_frictionless_validates_the_built_datapackage(built):
    code, report = frictionless_validate(built / FOLDER / "datapackage.json")
    assert code == 0 and report["valid"], json.dumps(report, ensure_ascii=False)[:2000]
    assert {task["name"] for task in report["tasks"]} == {"people", "clubs", "officials", "4214-people", "4214-club"}
    assert all(task["stats"]["rows"] > 0 for task in report["tasks"])


def test_every_csv_is_described_with_the_columns_it_has(built):
    package = json.loads((built / FOLDER / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    csvs = sorted(p.name for p in (built / FOLDER).glob("*.csv"))
    assert sorted(resources) == csvs
    for name in csvs:
        path = built / FOLDER / name
        with path.open(encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f))
        fields = resources[name]["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        kind = "people" if name.endswith("people.csv") else "officials" if name == "officials.csv" else "clubs"
        assert [f["name"] for f in fields] == [c.name for c in exports.COLUMNS[kind]]
        assert all(f["description"] and f["type"] in ("string", "integer", "boolean", "date") for f in fields)
        assert resources[name]["bytes"] == path.stat().st_size
    assert package["title"].startswith("ทำเนียบอาสาพัฒนาชุมชน") and package["licenses"][0]["name"] == "CC-BY-4.0"


def test_a_broken_csv_fails_frictionless(built, tmp_path):
    """The validation bites: a date written the Thai way (same length, so only its type is wrong)."""
    folder = tmp_path / "downloads"
    shutil.copytree(built / FOLDER, folder)
    clubs = folder / "clubs.csv"
    data = clubs.read_bytes()
    assert b"2023-10-01" in data
    clubs.write_bytes(data.replace(b"2023-10-01", b"01/10/2566"))
    code, report = frictionless_validate(folder / "datapackage.json")
    assert code != 0 and not report["valid"]
    broken = {task["name"]: {e["type"] for e in task["errors"]} for task in report["tasks"] if not task["valid"]}
    assert broken == {"clubs": {"type-error"}}


def test_catalog_record_is_published_with_the_site(built):
    record = json.loads((built / FOLDER / "catalog.json").read_text(encoding="utf-8"))
    assert all(record.get(key) not in (None, "", []) for key in GD_CATALOG), record
    assert record["owner_org"] == "สำนักงานพัฒนาชุมชนจังหวัดเลย"
    assert record["maintainer_phone"] == "0 4241 1773" and record["maintainer_email"] is None  # none is known
    assert record["license_id"] == exports.DATA_LICENCE and record["data_format"] == ["CSV", "JSON", "XLSX"]
    assert record["sample"] is True
    listed = {r["path"] for r in record["resources"]}
    assert "people.csv" in listed and "thamniap-42.xlsx" in listed and "4214-form.xlsx" not in listed
    page = (built / "opendata" / "index.html").read_text(encoding="utf-8")
    assert "ข้อมูลเปิด: คำอธิบายชุดข้อมูล" in page and "ยังไม่ควรลงทะเบียนในบัญชีข้อมูลภาครัฐ" in page
    assert 'href="../downloads/42-loei/datapackage.json"' in page
    assert "<code>last_updated_date</code>" in page
    assert 'href="opendata/"' in (built / "downloads" / "index.html").read_text(encoding="utf-8") or \
        'href="../opendata/"' in (built / "downloads" / "index.html").read_text(encoding="utf-8")


def test_dates_without_git_come_from_the_data(built):
    """Created: the day the first round opened; updated: the latest date in the data (no git here)."""
    record = json.loads((built / FOLDER / "catalog.json").read_text(encoding="utf-8"))
    province = load_dataset(BASE).provinces[0]
    assert record["created_date"] == "2024-01-05" == province.rounds[0].opens.isoformat()
    assert record["last_updated_date"] == exports.data_date(province, province.districts).isoformat()


def test_last_updated_is_the_latest_commit_in_git(tmp_path):
    """In a git checkout the record's last update is the newest commit that changed a district, in
    Thailand's time zone (a commit at 20:00 UTC on 1 March is 2 March in Loei)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(BASE, repo / "data")
    for day, stamp in (("first", "2024-02-10T09:00:00+00:00"), ("second", "2024-03-01T20:00:00+00:00")):
        (repo / "data/42-loei/4214-nong-hin/district.yaml").open("a", encoding="utf-8").write(f"# {day}\n")
        env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        subprocess.run(["git", "commit", "-q", "-m", day], cwd=repo, check=True, env=env)
    out = tmp_path / "pages"
    code, _, err = run_cli("pages", str(out), "--data", str(repo / "data"), "--today", "2024-04-01")
    assert code == 0, err
    record = json.loads((out / FOLDER / "catalog.json").read_text(encoding="utf-8"))
    assert record["last_updated_date"] == "2024-03-02"
    assert record["created_date"] == "2024-01-05"
    page = (out / "opendata/index.md").read_text(encoding="utf-8")
    assert "2 มีนาคม 2567" in page and "ในที่เก็บ git" in page


def test_a_renamed_column_fails_frictionless(built, tmp_path):
    """A header that no longer matches its column definition is reported (the package describes the
    columns as written)."""
    folder = tmp_path / "downloads"
    shutil.copytree(built / FOLDER, folder)
    people = folder / "4214-people.csv"
    data = people.read_bytes()
    people.write_bytes(data.replace("นามสกุล".encode(), "สกุล".encode(), 1))
    code, report = frictionless_validate(folder / "datapackage.json")
    assert code != 0
    broken = {task["name"]: {e["type"] for e in task["errors"]} for task in report["tasks"] if not task["valid"]}
    assert "incorrect-label" in broken["4214-people"] and set(broken) == {"4214-people"}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_every_declared_key_is_unique_and_every_reference_is_found(landed_site):
    """Issue 22 §5: datapackage.json of the session's build of the landed data (Loei, 14 districts)
    gives each CSV a primary key, and each key is unique in its CSV (blank in none of its rows, all
    columns blank in none); a post's holder (foreignKeys) is a person of the people file of the same
    scope."""
    folder = landed_site / "downloads/42-loei"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert len(resources) > 20
    keys: dict[str, set] = {}
    for name, resource in resources.items():
        key = resource["schema"]["primaryKey"]
        rows = _csv_rows(folder / resource["path"])
        values = [tuple(row[column] for column in key) for row in rows]
        assert rows and all(any(v) for v in values), name
        assert len(set(values)) == len(values), (name, key, [v for v in values if values.count(v) > 1][:3])
        keys[name] = set(values)
    references = 0
    for name, resource in resources.items():
        for foreign in resource["schema"].get("foreignKeys", []):
            target = resources[foreign["reference"]["resource"]]
            assert foreign["reference"]["fields"] == target["schema"]["primaryKey"], foreign
            wanted = {tuple(row[c] for c in foreign["fields"]) for row in _csv_rows(folder / resource["path"])}
            wanted = {v for v in wanted if any(v)}                     # a vacant post names no one
            assert wanted and wanted <= keys[target["name"]], (name, sorted(wanted - keys[target["name"]])[:3])
            references += 1
    assert references == sum(1 for r in resources if r.endswith("club") or r == "clubs")


def test_a_repeated_key_fails_frictionless(built, tmp_path):
    """The declared key bites: two committee rows given the same place in the same club."""
    folder = tmp_path / "downloads"
    shutil.copytree(built / FOLDER, folder)
    clubs = folder / "4214-club.csv"
    lines = clubs.read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b",2,", b",1,", 1)                  # the second post now says it is the first
    assert lines[2] != clubs.read_bytes().split(b"\r\n")[2]
    clubs.write_bytes(b"\r\n".join(lines))
    code, report = frictionless_validate(folder / "datapackage.json")
    broken = {task["name"]: {e["type"] for e in task["errors"]} for task in report["tasks"] if not task["valid"]}
    assert code != 0 and broken == {"4214-club": {"primary-key"}}
