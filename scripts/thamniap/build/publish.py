"""Validate a dataset and, when it has no error, render one province's site pages into a folder.

The one door used by both `thamniap pages OUTDIR` and the MkDocs hook, so both behave the same.
"""
from __future__ import annotations

import datetime as dt
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from thamniap.core.diagnostics import Diagnostic
from thamniap.render.exports import Export, write_exports
from thamniap.derive.history import province_histories
from thamniap.load.layout import Discovery, discover, find_root
from thamniap.render.site import SiteSettings, build_pages
from thamniap.check.validate import check_loaded, load_dataset
from thamniap.build.workers import Job
from thamniap.core import project


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def generate(data: Path, outdir: Path, settings: SiteSettings, today: dt.date,
             province_code: str | None = None, project_root: Path | None = None) -> Result:
    """Pages for PROVINCE_CODE (default: the dataset's first province); nothing is written on error.

    PROJECT_ROOT is the folder of the site's mkdocs.yml: edit links name a district's files by
    their path from there (by the district folder's name alone for data outside it). Default: the
    project holding the data, else the dataset root.

    The change history is read from git in a worker process while the data is validated, and the
    downloads are written by two more jobs from the moment the data is loaded (while the rules run
    and the pages that do not need them are rendered), into a staging folder that is thrown away if
    a rule finds an error (thamniap.build.workers; THAMNIAP_JOBS=1 runs all of it here, same result).
    """
    root = find_root(data)
    if project_root is None:
        holder = project.find(root)
        project_root = holder.root if holder else root
    found = discover(root)
    history = _history_job(found, province_code, project_root)
    ds = load_dataset(root, found=found)
    province = next((p for p in ds.provinces if province_code in (None, p.code)), None)
    downloads = None
    if province is not None and not any(d.is_error for d in ds.diagnostics):
        # The rules only read the model: the downloads are made now, while the rules run, in a
        # folder of their own (moved into OUTDIR only if the rules find no error).
        downloads = _Downloads(province)
    result = Result(diagnostics=check_loaded(ds, today))
    if result.failed or downloads is None:   # no downloads: no province, or it did not load
        if history is not None:
            history.cancel()
        if downloads is not None:
            downloads.discard()
        if province is None and ds.provinces and not result.failed:
            raise ValueError(f"ไม่พบจังหวัดรหัส {province_code} ในชุดข้อมูล {root}")
        return result
    circular = province.folder / "circular.txt"
    # The province was found on disk, so its history job exists.
    result.written = build_pages(province, settings, outdir, today, project_root,
                                 circular.read_text(encoding="utf-8") if circular.exists() else None,
                                 exports=lambda: downloads.move_to(outdir), histories=history.result)
    return result


class _Downloads:
    """The province's downloads, written by two jobs into a staging folder."""

    def __init__(self, province):
        self.staging = Path(tempfile.mkdtemp(prefix="thamniap-downloads-"))
        model = pickle.dumps(province, protocol=pickle.HIGHEST_PROTOCOL)   # once for both (~0.1 s each)
        # The province-wide files hold every district again: about half the work each.
        self.jobs = [Job(_write_exports_of, model, self.staging, {"province"}),
                     Job(_write_exports_of, model, self.staging, {d.code for d in province.districts})]

    def move_to(self, outdir: Path) -> list[Export]:
        """Wait for the jobs, move their files into OUTDIR (a file with the same bytes is left as
        it is, keeping its time) and return them as written there."""
        try:
            moved = []
            for job in self.jobs:
                for export in job.result():
                    target = (outdir / export.rel).resolve()
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if not target.exists() or target.read_bytes() != export.path.read_bytes():
                        shutil.move(export.path, target)
                    moved.append(replace(export, path=target))
            return moved
        finally:
            self.discard()

    def discard(self) -> None:
        for job in self.jobs:
            job.cancel()
        shutil.rmtree(self.staging, ignore_errors=True)


def _write_exports_of(model: bytes, outdir: Path, scopes: set[str]) -> list[Export]:
    """`write_exports` of a pickled province (a worker's job)."""
    return write_exports([pickle.loads(model)], outdir, scopes)


def _history_job(found: Discovery, province_code: str | None, project_root: Path) -> Job | None:
    """Start reading the history of the province's districts (the folders found on disk)."""
    provinces = sorted({f.province_dir for f in found.files}, key=lambda p: p.name)
    chosen = next((p for p in provinces if province_code in (None, p.name[:2])), None)
    if chosen is None:
        return None
    folders = sorted({f.district_dir for f in found.files if f.province_dir == chosen and f.district_dir},
                     key=lambda p: p.name)
    return Job(province_histories, project_root, chosen, folders)
