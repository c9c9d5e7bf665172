"""The folder the MkDocs hook writes the generated pages into (thamniap-pages-<pid> in the system
temp folder) is removed when the build ends: after a build that succeeds, one that fails on bad
data, and one stopped with Ctrl+C (SIGINT) or SIGTERM. Real `mkdocs build` processes, each with a
temp folder of its own (TMPDIR), so the test sees exactly what the build left behind."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import BASE, REPO, mkdocs_build

from thamniap.build import site_hook


def leftovers(temp: Path) -> list[str]:
    return sorted(p.name for p in temp.glob("thamniap-pages-*"))


def test_a_build_removes_its_pages_folder(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    proc = mkdocs_build(tmp_path / "site", THAMNIAP_DATA=str(BASE), TMPDIR=str(temp))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "districts").is_dir()
    assert leftovers(temp) == []


def test_a_failed_build_removes_its_pages_folder(tmp_path):
    data, temp = tmp_path / "data", tmp_path / "tmp"
    shutil.copytree(BASE, data)
    temp.mkdir()
    roster = data / "42-loei/4214-nong-hin/roster/421401-nong-hin.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("first_name: เสกสรร", "first_name: เเสกสรร"),
                      encoding="utf-8")
    proc = mkdocs_build(tmp_path / "site", THAMNIAP_DATA=str(data), TMPDIR=str(temp))
    assert proc.returncode != 0 and "text.thai-double-sara-e" in proc.stderr
    assert leftovers(temp) == []


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stopped_build_removes_its_pages_folder(tmp_path, stop):
    """Stopped while MkDocs renders the pages (the folder holds them): the full Loei build, long
    enough to be caught in the middle."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "THAMNIAP_TODAY": "2024-02-01", "TMPDIR": str(temp)}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    folder = temp / f"thamniap-pages-{proc.pid}"
    try:
        # wait until the pages are written (a district page is among the last)
        while proc.poll() is None and not any(folder.glob("districts/*/index.md")):
            time.sleep(0.02)
        assert proc.poll() is None, "the build ended before it could be stopped"
        proc.send_signal(stop)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode != 0, err
    assert not (tmp_path / "site" / "pagefind").exists()      # it really stopped before the end
    assert leftovers(temp) == []


def test_one_folder_per_process_reused_and_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    site_hook.remove_workdir()
    first = site_hook.workdir_for(None)
    (first / "index.md").write_text("x", encoding="utf-8")
    assert site_hook.workdir_for(None) == first == tmp_path / f"thamniap-pages-{os.getpid()}"
    site_hook.remove_workdir()
    assert leftovers(tmp_path) == []


def test_leftovers_of_dead_processes_are_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    dead = [subprocess.Popen([sys.executable, "-c", "pass"]) for _ in range(2)]
    for proc in dead:
        proc.wait()
    old, recent = (tmp_path / f"thamniap-pages-{proc.pid}" for proc in dead)
    (old / "districts").mkdir(parents=True)
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    recent.mkdir()      # may be a live build in another container (its number unseen here): kept
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / f"thamniap-pages-{alive.pid}").mkdir()
        os.utime(tmp_path / f"thamniap-pages-{alive.pid}", (hours_ago, hours_ago))
        site_hook.remove_workdir()
        site_hook.workdir_for(None)
        assert leftovers(tmp_path) == sorted([f"thamniap-pages-{alive.pid}", recent.name,
                                              f"thamniap-pages-{os.getpid()}"])
    finally:
        alive.kill()
        alive.wait()
        site_hook.remove_workdir()


def test_a_rebuild_keeps_the_folder_and_drops_what_it_no_longer_writes(tmp_path, monkeypatch, base_copy):
    """`mkdocs serve` rebuilds into the same folder: unchanged pages are left as they are (same
    file, same time), a file the build no longer makes is removed."""
    from mkdocs.config import load_config
    monkeypatch.setenv("THAMNIAP_DATA", str(base_copy))
    monkeypatch.setenv("THAMNIAP_TODAY", "2024-02-01")
    config = load_config(str(REPO / "mkdocs.yml"))
    work = tmp_path / "pages"
    first = site_hook.generate_files(config, work)
    page = work / "districts" / "4214-nong-hin" / "index.md"
    stamp = page.stat().st_mtime_ns
    (work / "districts" / "4299-gone.md").write_text("ไม่มีแล้ว", encoding="utf-8")
    second = site_hook.generate_files(config, work)
    assert second == first and "districts/4214-nong-hin/index.md" in second
    assert not (work / "districts" / "4299-gone.md").exists()
    assert page.stat().st_mtime_ns == stamp
