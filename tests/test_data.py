"""The landed data: every Loei district and subdistrict from geothai, valid, flagged as sample."""
from __future__ import annotations

import json

import geothai
from helpers import REPO, run_cli

from thamniap.load.layout import discover, slugify
from thamniap.load.loader import load_file
from thamniap.check.validate import load_dataset

DATA = REPO / "data"


def test_all_14_districts_and_90_subdistricts_of_loei():
    ds = load_dataset(DATA)
    [loei] = ds.provinces
    assert loei.code == "42"
    assert [d.code for d in loei.districts] == [d.code for d in geothai.districts("42")]
    assert len(loei.districts) == 14
    listed = {s.code for d in loei.districts for s in d.subdistricts}
    official = {s.code for d in geothai.districts("42") for s in geothai.subdistricts(d.code)}
    assert listed == official and len(listed) == 90


def test_landed_data_has_no_errors():
    code, out, _ = run_cli("validate", "--format", "json")
    diags = json.loads(out)
    assert code == 0
    assert not [d for d in diags if d["severity"] == "error"]
    # the sample has deliberate gaps so the dashboard and warnings have something to show
    rules = {d["rule"] for d in diags}
    assert {"club.vacant-post", "club.confirmed-late", "club.not-confirmed", "roster.min-volunteers"} <= rules


def test_people_files_are_flagged_sample():
    for file in discover(DATA).files:
        doc = load_file(file.path, file.display)
        if file.kind != "province":
            assert doc.data["sample"] is True, file.display


def test_sample_generator_is_deterministic(tmp_path):
    run_cli("sample", "--out", str(tmp_path / "a"), "--seed", "5")
    run_cli("sample", "--out", str(tmp_path / "b"), "--seed", "5")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files_a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yaml"))
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


def test_landed_data_is_the_generator_output(tmp_path):
    """data/ is exactly `thamniap sample --scale loei` (seed 2567): nobody retyped or hand-edited it."""
    run_cli("sample", "--out", str(tmp_path))
    ours = sorted(p.relative_to(DATA) for p in DATA.rglob("*.yaml"))
    assert ours == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.yaml"))


def test_sample_scale_counts(tmp_path):
    code, out, _ = run_cli("sample", "--out", str(tmp_path))
    ds = load_dataset(tmp_path)
    districts = ds.provinces[0].districts
    for d in districts:
        for sub in d.subdistricts:
            assert 8 <= len(sub.villages) <= 12
            assert all(3 <= len(v.volunteers) <= 6 for v in sub.villages)
            assert 1 <= len(sub.leaders) <= 2
        assert d.club is not None and len(d.club.posts) >= 8


def test_new_district_scaffold(tmp_path):
    code, out, _ = run_cli("new-district", "1001", "--data", str(tmp_path))
    assert code == 0
    folder = tmp_path / "10-bangkok" / "1001-phra-nakhon"
    assert sorted(p.name for p in folder.iterdir()) == ["club.yaml", "district.yaml", "meeting.yaml", "roster"]
    assert sorted(p.name for p in (folder / "roster").iterdir()) == sorted(
        f"{s.code}-{slugify(s.name_en)}.yaml" for s in geothai.subdistricts("1001"))
    ds = load_dataset(tmp_path)
    subs = ds.provinces[0].districts[0].subdistricts
    assert [s.code for s in subs] == [s.code for s in geothai.subdistricts("1001")]
    # an empty scaffold is valid but incomplete: warnings that name the district say what to fill in
    code, out, _ = run_cli("validate", str(tmp_path), "--format", "json")
    found = {d["rule"]: d["message"] for d in json.loads(out)}
    assert code == 0, out
    assert "พระนคร" in found["district.no-maintainers"] and "พระนคร" in found["district.responsible-official"]
    assert run_cli("new-district", "1001", "--data", str(tmp_path))[0] == 1
    assert run_cli("new-district", "9999", "--data", str(tmp_path))[0] == 1


def test_parallel_load_matches_single_process():
    """Both parallel paths of thamniap.build.parallel (used from 20 folders up) give the same model
    and diagnostics as the plain load of check.validate: the fork pool (no other thread) and worker
    processes (another thread is running, as in `mkdocs serve`). Run in a subprocess: forking
    inside pytest (with Playwright's threads) is not safe, and the fork path needs a process
    without threads."""
    import subprocess
    import sys
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from thamniap.build import parallel, workers\n"
        "from thamniap.check import validate\n"
        "def summary(ds):\n"
        "    people = [(p.id, p.name, p.where.line) for pr in ds.provinces for p in pr.people()]\n"
        "    return [len(people), people[::97], sorted((d.path, d.line, d.rule) for d in ds.diagnostics), len(ds.texts)]\n"
        "single = summary(validate.load_dataset(Path('data')))\n"
        "assert summary(parallel.load_dataset(Path('data'), jobs=1)) == single\n"
        "parallel.PARALLEL_MIN_GROUPS = 1\n"
        "forked = summary(parallel.load_dataset(Path('data'), jobs=2))\n"
        "import threading\n"
        "stop = threading.Event()\n"
        "threading.Thread(target=stop.wait).start()\n"
        "calls = []\n"
        "parallel.Job = lambda fn, *a: calls.append(len(a[1])) or workers.Job(fn, *a)\n"
        "workers = summary(parallel.load_dataset(Path('data'), jobs=2))\n"
        "stop.set()\n"
        "print(json.dumps(single == forked == workers and calls == [7]), single[0])\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    same, people = out.stdout.split()
    assert same == "true" and int(people) == 4712
