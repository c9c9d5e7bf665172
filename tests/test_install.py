"""A real, non-editable install checks the project it is run in, with the schemas it carries.

`pip install` of a copy of the source into a fresh virtual environment (made in a temporary
folder; the dependencies are this environment's, seen through a .pth file), then that
environment's `thamniap validate` run inside a copy of the project (data/, mkdocs.yml, schemas/).
No mocks: the installed package can only find the project from the current directory.

The package carries schemas/: scripts/thamniap/load/schemas is a link to the repository's schemas/
(the one source), read with importlib.resources; building the package copies the files it points to.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from importlib import resources
from pathlib import Path

import pytest
from helpers import REPO

DISTRICT = "data/42-loei/4214-nong-hin/district.yaml"
MEETING = "data/42-loei/4214-nong-hin/meeting.yaml"
TODAY = ("--today", "2024-02-01")


def schema_bytes(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name.endswith(".schema.json")}


def test_packaged_schemas_are_the_repository_schemas():
    """One source: the package's schemas folder is schemas/ itself, not a copy kept in step by hand."""
    packaged = REPO / "scripts" / "thamniap" / "load" / "schemas"
    assert packaged.is_symlink() and packaged.resolve() == (REPO / "schemas").resolve()
    assert schema_bytes(resources.files("thamniap.load").joinpath("schemas")) == schema_bytes(REPO / "schemas")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh virtual environment with thamniap pip-installed (not editable)."""
    work = tmp_path_factory.mktemp("install")
    src = work / "src"            # a copy, so the build leaves nothing in the repository
    (src / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "pyproject.toml", src)
    shutil.copytree(REPO / "scripts" / "thamniap", src / "scripts" / "thamniap",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q", str(src)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # The dependencies (PyYAML, jsonschema, geothai …) from this environment, added after the
    # install so pip never sees the editable thamniap here; a .pth line adds a folder, it does
    # not run the .pth files in it, so that one stays out of the new environment.
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    Path(purelib, "zz-test-dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return venv / "bin"


def run(bindir: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_STEP_SUMMARY")}
    return subprocess.run([str(bindir / "thamniap"), *argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def copy_project(target: Path) -> Path:
    target.mkdir()
    shutil.copytree(REPO / "data", target / "data")
    shutil.copytree(REPO / "schemas", target / "schemas")
    shutil.copy(REPO / "mkdocs.yml", target)
    return target


def test_the_install_is_not_the_source_tree(installed):
    where = subprocess.run([str(installed / "python"), "-c", "import thamniap; print(thamniap.__file__)"],
                           capture_output=True, text=True, cwd=installed, check=True).stdout
    assert str(installed.parent) in where and str(REPO) not in where
    assert schema_bytes(Path(where.strip()).parent / "load" / "schemas") == schema_bytes(REPO / "schemas")


def test_a_clean_copy_passes_from_its_root_and_from_a_subfolder(installed, tmp_path):
    project = copy_project(tmp_path / "copy")
    for cwd in (project, project / "data" / "42-loei"):
        done = run(installed, cwd, "validate", *TODAY)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "พบข้อผิดพลาด 0 รายการ" in done.stdout


def test_a_broken_copy_fails_naming_its_own_file(installed, tmp_path):
    project = copy_project(tmp_path / "copy")
    district = project / DISTRICT
    district.write_text(district.read_text(encoding="utf-8").replace("  name: ", "  name: x\n  name: ", 1), encoding="utf-8")
    # The first line must point to this copy's schemas/ exactly (one folder too far up is wrong).
    meeting = project / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("$schema=../../../", "$schema=../../../../", 1),
                       encoding="utf-8")
    done = run(installed, project, "validate", *TODAY)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{DISTRICT}:" in done.stdout and "error[yaml.duplicate-key]" in done.stdout
    assert f"{MEETING}:1:1: error[files.schema-header]" in done.stdout
    assert str(REPO) not in done.stdout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    by_option = run(installed, elsewhere, "--project", str(project), "validate", *TODAY)
    assert by_option.returncode == 1 and "error[yaml.duplicate-key]" in by_option.stdout


def test_outside_any_project_it_says_so_in_thai(installed, tmp_path):
    done = run(installed, tmp_path, "validate")
    assert done.returncode == 2 and done.stdout == ""
    assert "ไม่พบโครงการทำเนียบ" in done.stderr and "mkdocs.yml" in done.stderr


def test_installed_pages_run_their_side_jobs_in_workers(installed, tmp_path):
    """`thamniap pages` with worker processes: each worker imports the installed package (no
    PYTHONPATH into a source tree) and the pages come from the copy's data and mkdocs.yml."""
    project = copy_project(tmp_path / "copy")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_STEP_SUMMARY")}
    done = subprocess.run([str(installed / "thamniap"), "pages", "out", *TODAY], cwd=project, capture_output=True,
                          text=True, timeout=300, env={**env, "THAMNIAP_JOBS": "2"})
    assert done.returncode == 0, done.stdout + done.stderr
    out = project / "out"
    assert (out / "districts" / "4214-nong-hin" / "index.md").is_file()
    assert any((out / "downloads").rglob("*.xlsx")), "the downloads come from the worker jobs"



def _pins(text: str) -> dict[str, str]:
    """name → version of every `name==version` requirement line (names as pip compares them)."""
    pins = {}
    for line in text.splitlines():
        found = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\#]+)", line)
        if found:
            pins[re.sub(r"[-_.]+", "-", found.group(1)).lower()] = found.group(2)
    return pins


def test_locked_requirements_pin_the_same_versions_with_hashes():
    """The jobs that hold a token install from requirements-locked.txt with --require-hashes: it must
    pin every runtime requirement at requirements.txt's version, and give every package a hash."""
    wanted = _pins((REPO / "requirements.txt").read_text(encoding="utf-8"))
    text = (REPO / "requirements-locked.txt").read_text(encoding="utf-8")
    locked = _pins(text)
    assert wanted and {name: locked.get(name) for name in wanted} == wanted, \
        "requirements-locked.txt is stale: regenerate it as its header says"
    # each entry: `name==version \` then its `--hash=sha256:…` lines
    entries = re.findall(r"(?m)^([A-Za-z0-9][^=\s]*)==\S+ \\\n((?:[ \t]+--hash=sha256:[0-9a-f]{64}.*\n)+)", text)
    assert len(entries) == len(locked), "an entry of requirements-locked.txt has no hash"


def test_the_jobs_that_hold_a_token_install_with_hashes():
    for name in ("report-bot.yml", "pull-request.yml"):
        text = (REPO / ".github" / "workflows" / name).read_text(encoding="utf-8")
        runs = [line.strip() for line in text.splitlines() if "scripts/setup.sh" in line and not line.lstrip().startswith("#")]
        assert runs and all(line.endswith("bash scripts/setup.sh --locked") for line in runs), (name, runs)
