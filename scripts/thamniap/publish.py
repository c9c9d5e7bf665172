"""Validate a dataset and, when it has no error, render one province's site pages into a folder.

The one door used by both `thamniap pages OUTDIR` and the MkDocs hook, so both behave the same.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .exports import write_exports
from .history import province_histories
from .layout import discover, find_root
from .render.site import SiteSettings, build_pages
from .validate import check_root
from .workers import Job

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def generate(data: Path, outdir: Path, settings: SiteSettings, today: dt.date,
             province_code: str | None = None) -> Result:
    """Pages for PROVINCE_CODE (default: the dataset's first province); nothing is written on error.

    The change history is read from git in a worker process while the data is validated, and the
    downloads are written by two more jobs while the pages that do not need them are rendered
    (thamniap.workers; THAMNIAP_JOBS=1 runs all of it here, with the same result).
    """
    root = find_root(data)
    history = _history_job(root, province_code)
    ds, diagnostics = check_root(root, today)
    result = Result(diagnostics=diagnostics)
    if result.failed or not ds.provinces:
        if history is not None:
            history.cancel()
        return result
    province = next((p for p in ds.provinces if province_code in (None, p.code)), None)
    if province is None:
        raise ValueError(f"ไม่พบจังหวัดรหัส {province_code} ในชุดข้อมูล {root}")
    # The province-wide files hold every district again: about half the work each.
    exports = [Job(write_exports, [province], outdir, {"province"}),
               Job(write_exports, [province], outdir, {d.code for d in province.districts})]
    circular = province.folder / "circular.txt"
    result.written = build_pages(
        province, settings, outdir, today, REPO,
        circular.read_text(encoding="utf-8") if circular.exists() else None,
        exports=lambda: [e for job in exports for e in job.result()],
        histories=lambda: history.result() if history is not None else {d.folder: None for d in province.districts})
    return result


def _history_job(root: Path, province_code: str | None) -> Job | None:
    """Start reading the history of the province's districts (the folders found on disk)."""
    found = discover(root)
    provinces = sorted({f.province_dir for f in found.files}, key=lambda p: p.name)
    chosen = next((p for p in provinces if province_code in (None, p.name[:2])), None)
    if chosen is None:
        return None
    folders = sorted({f.district_dir for f in found.files if f.province_dir == chosen and f.district_dir},
                     key=lambda p: p.name)
    return Job(province_histories, REPO, chosen, folders)
