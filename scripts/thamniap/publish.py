"""Validate a dataset and, when it has no error, render one province's site pages into a folder.

The one door used by both `thamniap pages OUTDIR` and the MkDocs hook, so both behave the same.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .layout import find_root
from .render.site import SiteSettings, build_pages
from .validate import check_root

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
    """Pages for PROVINCE_CODE (default: the dataset's first province); nothing is written on error."""
    root = find_root(data)
    ds, diagnostics = check_root(root, today)
    result = Result(diagnostics=diagnostics)
    if result.failed or not ds.provinces:
        return result
    province = next((p for p in ds.provinces if province_code in (None, p.code)), None)
    if province is None:
        raise ValueError(f"ไม่พบจังหวัดรหัส {province_code} ในชุดข้อมูล {root}")
    circular = province.folder / "circular.txt"
    result.written = build_pages(province, settings, outdir, today, REPO,
                                 circular.read_text(encoding="utf-8") if circular.exists() else None)
    return result
