"""The site build's two side jobs, run on other cores while the data is validated and the first
pages are rendered: the change history (read from git) and the downloads (CSV, XLSX, JSON, and
each district's Excel form for import-xlsx).

This is the only place that knows how: worker processes (thamniap.build.workers), the province
pickled once for both download jobs (province-wide files; each district's files and form), a
staging folder the downloads are written into and copied out of only when the data has no error,
cancellation of whatever is no longer wanted, and what a memo (thamniap.build.memo) lets a rebuild
reuse (with `mkdocs serve`, worker processes started ahead). THAMNIAP_JOBS=1 runs every job in the
calling process instead (same files, tests/test_workers.py).
"""
from __future__ import annotations

import pickle
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from thamniap.build.forms import district_form
from thamniap.build.memo import BuildMemo, Key, file_key
from thamniap.build.workers import Job
from thamniap.derive.history import province_histories
from thamniap.vcs import git
from thamniap.model import Province
from thamniap.load.district_files import DistrictFiles
from thamniap.build.exports import write_exports
from thamniap.render.exports import DOWNLOADS, Export
from thamniap.render.spreadsheet.template import FORM_KIND


# What a spare worker (thamniap.build.workers.Spares) imports while it waits: this module, hence
# everything the download jobs run (render.exports, build.forms, openpyxl, the schemas).
SPARE_IMPORTS = ("thamniap.build.sidejobs",)
SPARES = 2          # the province-wide downloads, and the changed districts' files and forms


class SideJobs:
    """`with SideJobs() as side:` — start jobs, collect them; what is not collected is cancelled
    when the block ends (an error in the data, or an exception).

    With a MEMO (thamniap.build.memo), what an earlier build of this process made from the same
    files is reused: the history when the checked-out commit is the same, a district's downloads
    and form when its folder (and the province's own files) did not change."""

    def __init__(self, memo: BuildMemo | None = None):
        self._memo = memo
        self._history: Job | None = None
        self._history_key: Key | None = None
        self._history_kept: dict | None = None
        self._downloads: list[Job] = []
        self._parts: list[tuple[str, Key | None]] = []
        self._staging: Path | None = None

    def __enter__(self) -> "SideJobs":
        return self

    def __exit__(self, *exc) -> None:
        self.cancel()
        if self._memo is not None and self._memo.spares is not None:
            # workers for the next rebuild, started while the server waits for a change
            self._memo.spares.fill(SPARES)

    def read_history(self, project_root: Path, province_dir: Path, district_dirs: list[Path]) -> None:
        """Start reading the change history of these district folders (one `git log`)."""
        if self._memo is not None:
            self._history_key = (str(project_root), str(province_dir), tuple(str(d) for d in district_dirs),
                                 git.head_or_none(project_root), file_key(province_dir / "province.yaml"))
            kept = self._memo.history
            if kept is not None and kept[0] == self._history_key:
                self._history_kept = kept[1]
                return
        self._history = Job(province_histories, project_root, province_dir, district_dirs)

    def write_downloads(self, province: Province, keys: dict[Path, Key] | None = None) -> None:
        """Start writing the province's downloads into a staging folder of their own. KEYS: the
        folders' keys (memo.folder_keys), for reusing a memo's downloads."""
        codes = sorted(d.code for d in province.districts)
        form_codes = [d.code for d in province.districts]
        key = self._part_keys(province, codes, form_codes, keys) if self._memo is not None and keys is not None else {}
        # in the order the pages list them: province-wide files, each district's, the forms
        self._parts = ([("exports:province", key.get("exports:province"))]
                       + [(f"exports:{c}", key.get(f"exports:{c}")) for c in codes]
                       + [(f"form:{c}", key.get(f"form:{c}")) for c in form_codes])
        wanted = {name for name, k in self._parts if k is None or self._memo.reuse(name, k) is None}
        self._staging = Path(tempfile.mkdtemp(prefix="thamniap-downloads-"))
        if wanted:
            self._start_downloads(province, wanted, {c for c in codes if f"exports:{c}" in wanted},
                                  [c for c in form_codes if f"form:{c}" in wanted])

    @staticmethod
    def _part_keys(province: Province, codes: list[str], form_codes: list[str], keys: dict[Path, Key]) -> dict:
        """The memo key of each part of the downloads, from the keys of the folders it is made from."""
        folders = {d.code: d.folder for d in province.districts}
        # the province-wide files hold every district: made from the province's every folder
        # (named by the province too: a dataset of several provinces builds one after another)
        key = {"exports:province": (str(province.folder), keys.get(province.folder),
                                    tuple(keys.get(folders[c]) for c in codes))}
        key |= {f"exports:{c}": (keys.get(province.folder), keys.get(folders[c])) for c in codes}
        return key | {f"form:{c}": keys.get(folders[c]) for c in form_codes}

    def _start_downloads(self, province: Province, wanted: set[str], district_exports: set[str],
                         forms: list[str]) -> None:
        """Start the jobs that make the WANTED parts (not reused from the memo)."""
        model = pickle.dumps(province, protocol=pickle.HIGHEST_PROTOCOL)   # once for all (~0.1 s each)
        spares = self._memo.spare_workers(SPARE_IMPORTS) if self._memo is not None else None
        if len(wanted) < len(self._parts) and (spares is None or not spares.idle):
            # A rebuild (most reused) without workers started ahead: one process for what is
            # left; starting more costs more.
            self._downloads = [Job(_write_downloads_of, model, self._staging,
                                   ({"province"} if "exports:province" in wanted else set()) | district_exports, forms)]
            return
        # The province-wide files hold every district again: about half the work each (the
        # districts' forms go with their files: a process less to start on a 2-core machine).
        if "exports:province" in wanted:
            self._downloads.append(Job(_write_exports_of, model, self._staging, {"province"}, spares=spares))
        if district_exports or forms:
            self._downloads.append(Job(_write_downloads_of, model, self._staging, district_exports, forms,
                                       spares=spares))

    def histories(self) -> dict[Path, list | None]:
        """The history of each district folder given to read_history (waits for it)."""
        if self._history_kept is not None:
            return self._history_kept
        value = self._history.result()
        if self._memo is not None:
            self._memo.history = (self._history_key, value)
            self._memo.made["history"] += 1
        return value

    def downloads_moved_to(self, outdir: Path) -> list[Export]:
        """Wait for the downloads, move their files into OUTDIR (a file with the same bytes is left
        as it is, keeping its time) and return them as written there."""
        try:
            fresh: dict[str, list[Export]] = {}
            for job in self._downloads:
                for export in job.result():
                    name = f"{'form' if export.kind == FORM_KIND else 'exports'}:{export.scope}"
                    fresh.setdefault(name, []).append(export)
            moved = []
            for name, key in self._parts:
                kept = None if key is None else self._memo.reuse(name, key)
                made = []
                for export, data in kept if kept is not None else ((e, e.path.read_bytes()) for e in fresh.get(name, [])):
                    target = (outdir / export.rel).resolve()
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if not target.exists() or target.read_bytes() != data:
                        target.write_bytes(data)
                    moved.append(replace(export, path=target))
                    made.append((export, data))
                if kept is None and key is not None:
                    self._memo.keep(name, key, made)
            return moved
        finally:
            self._discard_downloads()

    def cancel(self) -> None:
        """Stop every job whose result was not collected; remove the staging folder."""
        if self._history is not None:
            self._history.cancel()
        self._discard_downloads()

    def _discard_downloads(self) -> None:
        for job in self._downloads:
            job.cancel()
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


def _write_exports_of(model: bytes, outdir: Path, scopes: set[str]) -> list[Export]:
    """`write_exports` of a pickled province (a worker's job)."""
    return write_exports([pickle.loads(model)], outdir, scopes)


def _write_downloads_of(model: bytes, outdir: Path, scopes: set[str], forms: list[str]) -> list[Export]:
    """The exports of SCOPES and the forms of FORMS in one worker."""
    return ((_write_exports_of(model, outdir, scopes) if scopes else [])
            + (_write_forms_of(model, outdir, forms) if forms else []))


def form_rel(province: Province, code: str) -> str:
    """Where district CODE's form is offered, e.g. downloads/42-loei/4201-form.xlsx."""
    return f"{DOWNLOADS}/{province.folder.name}/{code}-form.xlsx"


def _write_forms_of(model: bytes, outdir: Path, codes: list[str] | None = None) -> list[Export]:
    """Each district's Excel form (those of CODES, default all), pre-filled from its roster files, the
    bytes `template-xlsx` writes (thamniap.build.forms; a worker's job); a district whose roster
    files cannot be read gets none."""
    province: Province = pickle.loads(model)
    written = []
    for district in province.districts:
        if codes is not None and district.code not in codes:
            continue
        data = district_form(DistrictFiles(district.code, province.folder.parent, province.folder, district.folder))
        if data is None:
            continue
        rel = form_rel(province, district.code)
        path = outdir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(Export(path.resolve(), rel, "xlsx", district.code, FORM_KIND, len(data),
                              f"แบบฟอร์ม Excel สำหรับส่งข้อมูล อำเภอ{district.name}"))
    return written
