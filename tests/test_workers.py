"""Side jobs in worker processes (thamniap.build.workers): same results as in one process, errors reach
the caller, and a site built both ways is byte-identical."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers import BASE, run_cli

from thamniap.build.workers import Job, Spares, WorkerError

TESTS = str(Path(__file__).resolve().parent)


@pytest.fixture
def importable(monkeypatch):
    """Workers can import this test module (they import the job's function by name)."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (TESTS, os.environ.get("PYTHONPATH")) if p))
    monkeypatch.delenv("THAMNIAP_JOBS", raising=False)
    if TESTS not in sys.path:
        monkeypatch.syspath_prepend(TESTS)


def pid_and(value):
    return os.getpid(), value


def fails(message):
    raise ValueError(message)


def chatty(value):
    print("a print in a job goes to stderr, not into the answer")
    return value


def dies(code):
    os._exit(code)


def test_a_job_runs_in_another_process_and_returns_its_value(importable):
    job = Job(pid_and, {"ชื่อ": ["สมชาย", 1]})
    pid, value = job.result()
    assert pid != os.getpid()
    assert value == {"ชื่อ": ["สมชาย", 1]}
    assert job.result() == (pid, value)     # asked twice, same answer


def test_one_job_setting_runs_jobs_here(importable, monkeypatch):
    monkeypatch.setenv("THAMNIAP_JOBS", "1")
    assert Job(pid_and, 5).result() == (os.getpid(), 5)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_jobs_exception_is_raised_by_result(importable, monkeypatch, jobs):
    monkeypatch.setenv("THAMNIAP_JOBS", jobs)
    job = Job(fails, "ข้อมูลผิด")
    with pytest.raises(ValueError, match="ข้อมูลผิด"):
        job.result()


def test_printing_does_not_corrupt_the_answer(importable):
    assert Job(chatty, [1, 2, 3]).result() == [1, 2, 3]


def test_a_dead_worker_is_reported_with_its_exit_code(importable):
    with pytest.raises(WorkerError, match="exit 7"):
        Job(dies, 7).result()


def test_a_cancelled_job_leaves_no_process(importable):
    job = Job(pid_and, 1)
    job.cancel()
    assert job._proc.poll() is not None
    with pytest.raises(WorkerError):
        job.result()


def test_a_spare_worker_takes_the_next_job_with_its_modules_imported(importable):
    """Spares (`mkdocs serve`): workers started ahead, their modules imported while they wait; a job
    runs in one of them and gives the same answer; one never used ends when closed."""
    spares = Spares(("test_workers", "json"))
    spares.fill(2)
    assert spares.idle == 2
    started = {p.pid for p in spares._idle}
    pid, value = Job(pid_and, {"ชื่อ": "สมชาย"}, spares=spares).result()
    assert pid in started and value == {"ชื่อ": "สมชาย"}
    assert spares.idle == 1
    with pytest.raises(ValueError, match="ข้อมูลผิด"):
        Job(fails, "ข้อมูลผิด", spares=spares).result()
    assert spares.take() is None                    # both used: the next job starts its own
    pid, _ = Job(pid_and, 1, spares=spares).result()
    assert pid not in started
    spares.fill(1)
    [idle] = spares._idle
    spares.close()
    assert idle.poll() == 0                         # ended by itself once its stdin closed


def test_spares_are_not_started_when_jobs_run_here(importable, monkeypatch):
    monkeypatch.setenv("THAMNIAP_JOBS", "1")
    spares = Spares(("json",))
    spares.fill(2)
    assert spares.idle == 0
    assert Job(pid_and, 5, spares=spares).result() == (os.getpid(), 5)


def test_site_pages_are_the_same_built_in_one_process_or_several(tmp_path, monkeypatch):
    """History (git) and downloads come from workers by default; THAMNIAP_JOBS=1 builds all here.

    The small base dataset (in the repository's git, so it has a history): the jobs are per build,
    not per district, so a larger dataset would run the same mechanism on more bytes."""
    out = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("THAMNIAP_JOBS", jobs)
        out[jobs] = tmp_path / f"jobs-{jobs}"
        code, _, stderr = run_cli("pages", str(out[jobs]), "--data", str(BASE), "--today", "2024-02-01")
        assert code == 0, stderr
    files = {p.relative_to(out["1"]).as_posix() for p in out["1"].rglob("*") if p.is_file()}
    assert files == {p.relative_to(out["2"]).as_posix() for p in out["2"].rglob("*") if p.is_file()}
    assert {"downloads/42-loei/4214.xlsx", "downloads/42-loei/4214-form.xlsx"} <= files and len(files) > 30
    for rel in sorted(files):
        assert (out["1"] / rel).read_bytes() == (out["2"] / rel).read_bytes(), rel
    # the history section came from git in the worker, not the "unavailable" text
    page = (out["2"] / "districts/4214-nong-hin/index.md").read_text(encoding="utf-8")
    assert "ประวัติการแก้ไขไม่พร้อมใช้งาน" not in page
    history = page.split("{#history}", 1)[1].split("\n## ", 1)[0]
    assert "/commit/" in history
