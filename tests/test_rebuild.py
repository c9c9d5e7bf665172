"""A rebuild in the same process (`mkdocs serve` after a saved file) reuses what did not change
(thamniap.build.memo) and gives the same pages as a fresh build. Counted, never timed."""
from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from collections import Counter
from pathlib import Path

from thamniap.build.memo import BuildMemo
from thamniap.build.publish import generate
from thamniap.render.site import SiteSettings

TODAY = dt.date(2024, 2, 1)
SETTINGS = SiteSettings("https://loei-cdd.github.io/thamniap/", "https://github.com/loei-cdd/thamniap", "edit/main/docs/")


def build(project: Path, out: Path, memo: BuildMemo | None) -> dict[str, bytes]:
    result = generate(project / "data", out, SETTINGS, TODAY, project_root=project, memo=memo)
    assert not result.failed, [d.message for d in result.diagnostics if d.is_error][:3]
    return {p.resolve().relative_to(out.resolve()).as_posix(): p.read_bytes() for p in result.written}


def change_a_name(project: Path) -> Path:
    roster = sorted((project / "data/42-loei").glob("4214-*/roster/*.yaml"))[0]
    text = roster.read_text(encoding="utf-8")
    at = text.index("first_name: ")
    end = text.index("\n", at)
    roster.write_text(text[:at] + "first_name: ทดสอบแก้ชื่อ" + text[end:], encoding="utf-8")
    return roster


def test_a_rebuild_after_one_roster_change_reuses_the_rest(data_repo, tmp_path):
    memo = BuildMemo()
    served = tmp_path / "served"
    build(data_repo, served, memo)
    # 14 district folders and the province's own files; the province-wide and each district's
    # downloads, each district's form
    assert memo.made == Counter(folder=15, exports=15, form=14, history=1)

    memo.made.clear()
    build(data_repo, served, memo)
    assert memo.made == Counter()                      # nothing changed: everything reused

    memo.made.clear()
    change_a_name(data_repo)
    again = build(data_repo, served, memo)
    # only Nong Hin again, and the province-wide downloads that hold it (history: same commit)
    assert memo.made == Counter(folder=1, exports=2, form=1)

    fresh = build(data_repo, tmp_path / "fresh", None)
    assert sorted(again) == sorted(fresh)
    assert [rel for rel in fresh if again[rel] != fresh[rel]] == []
    assert "ทดสอบแก้ชื่อ".encode() in fresh["districts/4214-nong-hin/index.md"] + b"".join(
        v for k, v in fresh.items() if k.startswith("districts/4214-nong-hin/"))


def test_a_new_commit_reads_the_history_again(data_repo, tmp_path):
    from helpers import commit_all
    memo = BuildMemo()
    build(data_repo, tmp_path / "served", memo)
    change_a_name(data_repo)
    commit_all(data_repo, "แก้ชื่อ")
    memo.made.clear()
    again = build(data_repo, tmp_path / "served", memo)
    assert memo.made == Counter(folder=1, exports=2, form=1, history=1)
    assert again == build(data_repo, tmp_path / "fresh", None)


def xlsx_text(data: bytes) -> str:
    """Every XML part of a workbook as text (openpyxl writes Thai as character references)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return html.unescape("".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml")))


def test_a_serve_rebuild_with_spare_workers_shows_the_change_and_equals_a_fresh_build(data_repo, tmp_path):
    """As under `mkdocs serve` (a WARM memo): after a build, workers wait with their modules imported;
    the rebuild after one saved roster file runs its downloads in them, the changed person is on the
    district's pages and in its downloads and the province-wide ones, and every file is the bytes of a
    fresh build without a memo."""
    memo = BuildMemo(warm=True)
    served = tmp_path / "served"
    first = build(data_repo, served, memo)
    waiting = {p.pid for p in memo.spares._idle}
    assert len(waiting) == 2
    change_a_name(data_repo)
    memo.made.clear()
    again = build(data_repo, served, memo)
    assert memo.made == Counter(folder=1, exports=2, form=1)
    assert not waiting & {p.pid for p in memo.spares._idle}      # both taken by this rebuild, two new wait
    assert memo.spares.idle == 2

    fresh = build(data_repo, tmp_path / "fresh", None)
    assert sorted(again) == sorted(fresh)
    assert [rel for rel in fresh if again[rel] != fresh[rel]] == []
    name = "ทดสอบแก้ชื่อ"
    changed = [rel for rel in again if first.get(rel) != again[rel]]
    holding = {"downloads/42-loei/people.csv", "downloads/42-loei/thamniap-42.json", "downloads/42-loei/thamniap-42.xlsx",
               "downloads/42-loei/4214-people.csv", "downloads/42-loei/4214.json", "downloads/42-loei/4214.xlsx",
               "downloads/42-loei/4214-form.xlsx", "assets/people/4214.json"}
    assert holding <= set(changed)
    for rel in holding:
        text = xlsx_text(again[rel]) if rel.endswith(".xlsx") else again[rel].decode("utf-8-sig")
        assert name in text and name not in (xlsx_text(first[rel]) if rel.endswith(".xlsx") else first[rel].decode("utf-8-sig")), rel
    pages = b"".join(v for k, v in again.items() if k.startswith("districts/4214-nong-hin/"))
    assert name.encode() in pages
    assert not any(name in again[rel].decode("utf-8-sig", "replace") for rel in again
                   if rel.startswith("downloads/42-loei/") and not rel.endswith(".xlsx")
                   and "/4214" not in rel and rel.split("/")[-1][:4].isdigit())   # other districts' files
    spares = memo.spares._idle[:]
    memo.close()
    assert all(p.poll() is not None for p in spares)


def test_a_dataset_of_two_provinces_keeps_each_provinces_downloads_apart(tmp_path):
    """Each province's own province-wide downloads, with a memo as without, also when they are kept
    for the next rebuild (the province-wide files are named alike in every province)."""
    import shutil

    from helpers import BASE
    from thamniap.devtools.sample import Scale, generate as sample

    project = tmp_path / "project"
    shutil.copytree(BASE, project / "data")
    sample(project / "data", Scale((1, 2), (4, 4), ("58",)), only_districts=("5801",))
    memo = BuildMemo()
    served = build(project, tmp_path / "served", memo)
    again = build(project, tmp_path / "served", memo)
    fresh = build(project, tmp_path / "fresh", None)
    provinces = {rel.split("/")[0] for rel in fresh if rel.endswith("/downloads/index.md")}
    assert len(provinces) == 2
    for files in (served, again):
        assert sorted(files) == sorted(fresh)
        assert [rel for rel in fresh if files[rel] != fresh[rel]] == []
