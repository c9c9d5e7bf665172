"""`mkdocs serve`'s rebuild after one saved roster file, timed in one process for `thamniap bench`
(issue 23 §1: ≤ 1 s of our own work before MkDocs renders).

Our own work is what the build hook does before MkDocs renders (build/site_hook.generate_files:
build/publish.generate with the process's memo). It runs three times in one process on a git copy of
the data, as `mkdocs serve` would: the first build (the anchor), a rebuild with nothing changed, and a
rebuild after one person's name changed in one roster file. Prints the three times as JSON.

    python -m thamniap.devtools.rebuild REPO OUT [--config mkdocs.yml] [--today 2024-02-01]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from thamniap.build.memo import BuildMemo
from thamniap.build.publish import generate
from thamniap.devtools.measure import PY, TODAY, Step, git_copy, measure
from thamniap.render.site import SiteSettings


def change_one_name(data: Path) -> Path:
    """The first roster file of DATA with its first person's first name changed (the saved file)."""
    roster = sorted(data.glob("*/*/roster/*.yaml"))[0]
    text = roster.read_text(encoding="utf-8")
    at = text.index("first_name: ")
    end = text.index("\n", at)
    roster.write_text(text[:at] + "first_name: ทดสอบแก้ชื่อ" + text[end:], encoding="utf-8")
    return roster


def timings(repo: Path, out: Path, settings: SiteSettings, today: dt.date) -> dict[str, float]:
    """Seconds of our own work: first build, rebuild with nothing changed, rebuild after one roster file."""
    memo = BuildMemo(warm=True)          # as the hook's under `mkdocs serve`
    seconds = {}
    for name in ("first", "unchanged", "one_roster"):
        if name == "one_roster":
            change_one_name(repo / "data")
        started = time.perf_counter()
        result = generate(repo / "data", out, settings, today, project_root=repo, memo=memo)
        seconds[name] = round(time.perf_counter() - started, 3)
        if result.failed:
            raise SystemExit(f"the build of {repo / 'data'} failed")
        wait_for_spares(memo)
    memo.close()
    return seconds


def wait_for_spares(memo: BuildMemo) -> None:
    """Let the workers started for the next rebuild import their modules, as they do while
    `mkdocs serve` renders the pages and waits for the next saved file (not timed)."""
    time.sleep(1.0)


REBUILD_NAME = "mkdocs serve: rebuild after one roster file (our work before MkDocs renders)"


def serve_rebuild(data: Path, work: Path, project: Path) -> Step:
    """Our own work in one process as `mkdocs serve` does it (devtools/rebuild.py) on a fresh git copy of
    DATA: the step's time is the rebuild after one roster file changed, beside the first build of the
    same process (its anchor) and a rebuild with nothing changed."""
    repo = git_copy(data, work / "rebuild")
    step = measure(REBUILD_NAME, [PY, "-m", "thamniap.devtools.rebuild", str(repo), str(work / "rebuild-out"),
                                  "--config", str(project / "mkdocs.yml"), "--today", TODAY], cwd=project)
    if not step.ok:
        return step
    times = json.loads(step.detail)
    step.seconds, step.extra = times["one_roster"], times
    step.detail = (f"first build {times['first']:.2f} s, nothing changed {times['unchanged']:.2f} s, "
                   f"one roster file {times['one_roster']:.2f} s")
    return step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m thamniap.devtools.rebuild")
    parser.add_argument("repo", type=Path, help="a git repository holding data/ (changed: use a copy)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--config", type=Path, help="the mkdocs.yml whose site settings the pages use")
    parser.add_argument("--today", default="2024-02-01")
    args = parser.parse_args(argv)
    settings = SiteSettings.from_file(args.config) if args.config else SiteSettings("https://example.org/thamniap/", "", "")
    print(json.dumps(timings(args.repo, args.out, settings, dt.date.fromisoformat(args.today))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
