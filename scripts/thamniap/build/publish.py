"""Validate a dataset and, when it has no error, write its site pages into a folder: one province's
at the top, or, when the data holds several, each province's under its own folder with a chooser.

The one door used by both `thamniap pages OUTDIR` and the MkDocs hook, so both behave the same.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.build.memo import BuildMemo, folder_keys
from thamniap.build.parallel import load_dataset
from thamniap.build.sidejobs import SideJobs
from thamniap.check.validate import check_loaded
from thamniap.core import project
from thamniap.core.diagnostics import Diagnostic
from thamniap.load.layout import CIRCULAR_TEXT, PROVINCE_DOCUMENTS, Discovery, discover, find_root
from thamniap.model import Province
from thamniap.render.site import (SiteSettings, district_pages, province_pages, province_path,
                                   provinces_pages)


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


def generate(data: Path, outdir: Path, settings: SiteSettings, today: dt.date,
             province_code: str | None = None, project_root: Path | None = None,
             memo: BuildMemo | None = None) -> Result:
    """Pages for PROVINCE_CODE, or for every province when none is given (one province: its pages at
    the top, as always; several: each under its own folder, and a home page to choose one); nothing
    is written on error.

    PROJECT_ROOT is the folder of the site's mkdocs.yml: edit links name a district's files by
    their path from there (by the district folder's name alone for data outside it). Default: the
    project holding the data, else the dataset root.

    The steps: discover, load, check, render, write. Two side jobs run meanwhile on other cores
    (thamniap.build.sidejobs): the change history, from the start, and the downloads, from the
    moment the data is loaded (the rules only read the model). Both are cancelled if a rule finds
    an error.

    MEMO (the MkDocs hook's, kept for the life of the process): reuse what an earlier build made
    from files that did not change (thamniap.build.memo); the pages are the same either way.
    """
    root = find_root(data)
    if project_root is None:
        holder = project.find(root)
        project_root = holder.root if holder else root
    found = discover(root)
    if province_code is None and len(_province_dirs(found)) > 1:
        return _generate_every_province(root, found, outdir, settings, today, project_root, memo)
    keys = folder_keys(found.files) if memo is not None else None
    with SideJobs(memo) as side:
        folders = _district_folders(found, province_code)
        if folders is not None:
            side.read_history(project_root, *folders)
        ds = load_dataset(root, found=found, memo=memo)
        province = next((p for p in ds.provinces if province_code in (None, p.code)), None)
        loaded = province is not None and not any(d.is_error for d in ds.diagnostics)
        if loaded:
            side.write_downloads(province, keys)
        result = Result(diagnostics=check_loaded(ds, today))
        if result.failed or not loaded:
            if province is None and ds.provinces and not result.failed:
                raise ValueError(f"ไม่พบจังหวัดรหัส {province_code} ในชุดข้อมูล {root}")
            return result
        # The province was found on disk, so its history was asked for.
        result.written = _write_province(province, side, outdir, settings, today, project_root)
    return result


def _generate_every_province(root: Path, found: Discovery, outdir: Path, settings: SiteSettings, today: dt.date,
                             project_root: Path, memo: BuildMemo | None) -> Result:
    """Several provinces in DATA: the dataset is loaded and checked once, then each province's pages
    go under its own folder (render.site.province_path) and the home page chooses a province."""
    keys = folder_keys(found.files) if memo is not None else None
    ds = load_dataset(root, found=found, memo=memo)
    result = Result(diagnostics=check_loaded(ds, today))
    if result.failed or any(d.is_error for d in ds.diagnostics):
        return result
    for province in ds.provinces:
        path = province_path(province)
        with SideJobs(memo) as side:
            side.read_history(project_root, *_district_folders(found, province.code))
            side.write_downloads(province, keys)
            result.written += _write_province(province, side, outdir / path, settings.under(path), today,
                                              project_root)
    result.written += write_files(outdir, provinces_pages(ds.provinces, settings, today))
    return result


def _write_province(province: Province, side: SideJobs, outdir: Path, settings: SiteSettings, today: dt.date,
                    project_root: Path) -> list[Path]:
    """Write one province's pages and downloads into OUTDIR, the side jobs' results as they come."""
    circular_texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(province.folder.iterdir())
                      if path.name in PROVINCE_DOCUMENTS or CIRCULAR_TEXT.match(path.name)}
    written = write_files(outdir, province_pages(province, settings, today, circular_texts))
    exports = side.downloads_moved_to(outdir)
    written += [e.path for e in exports]
    written += write_files(outdir, district_pages(province, settings, today, project_root, exports, side.histories()))
    return written


def write_files(outdir: Path, files: dict[str, str | bytes]) -> list[Path]:
    """Write {path under OUTDIR: text or bytes}; return the paths written, in order. A file that
    already holds these bytes (a rebuild into the same folder) is left as it is."""
    written = []
    for rel, content in files.items():
        path = outdir / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not (path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        written.append(path)
    return written


def _province_dirs(found: Discovery) -> list[Path]:
    """The province folders found on disk, by name."""
    return sorted({f.province_dir for f in found.files}, key=lambda p: p.name)


def _district_folders(found: Discovery, province_code: str | None) -> tuple[Path, list[Path]] | None:
    """The province folder (found on disk) and its district folders, whose history the pages show."""
    provinces = _province_dirs(found)
    chosen = next((p for p in provinces if province_code in (None, p.name[:2])), None)
    if chosen is None:
        return None
    folders = sorted({f.district_dir for f in found.files if f.province_dir == chosen and f.district_dir},
                     key=lambda p: p.name)
    return chosen, folders
