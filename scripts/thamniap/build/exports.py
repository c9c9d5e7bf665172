"""Writing the open-data downloads (render/exports.py makes their bytes) under ``outdir/downloads/``."""
from __future__ import annotations

from pathlib import Path

from thamniap import model
from thamniap.render.exports import Download, Export, province_downloads


def _write(outdir: Path, download: Download) -> Export:
    path = (outdir / download.rel).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != download.data:  # unchanged files keep their mtime
        path.write_bytes(download.data)
    return Export(path, download.rel, download.format, download.scope, download.kind, len(download.data),
                  download.title_th)


def write_exports(provinces: list[model.Province], outdir: Path, scopes: set[str] | None = None) -> list[Export]:
    """Write every download of every province under ``outdir/downloads/``; returns what was written.

    Order: per province (by code), the province-wide files, then each district's (by code).
    SCOPES ("province" and/or district codes) limits it to those files, so a site build can write
    the province-wide files and the districts' in two processes at once.
    """
    outdir = Path(outdir)
    out: list[Export] = []
    for province in sorted(provinces, key=lambda p: p.code):
        out += [_write(outdir, download) for download in province_downloads(province, scopes)]
    return out
