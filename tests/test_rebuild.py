"""A rebuild in the same process (`mkdocs serve` after a saved file) reuses what did not change
(thamniap.build.memo) and gives the same pages as a fresh build. Counted, never timed."""
from __future__ import annotations

import datetime as dt
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
    # 14 district folders and the province's own files; each district's downloads and form
    assert memo.made == Counter(folder=15, exports=14, form=14, history=1)

    memo.made.clear()
    build(data_repo, served, memo)
    assert memo.made == Counter()                      # nothing changed: everything reused

    memo.made.clear()
    change_a_name(data_repo)
    again = build(data_repo, served, memo)
    assert memo.made == Counter(folder=1, exports=1, form=1)   # only Nong Hin again (history: same commit)

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
    assert memo.made == Counter(folder=1, exports=1, form=1, history=1)
    assert again == build(data_repo, tmp_path / "fresh", None)
