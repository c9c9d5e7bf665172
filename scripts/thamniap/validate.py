"""Run the whole check: discover → load (strict) → schema → model → rules, collecting every diagnostic."""
from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import model, rules, schema
from .diagnostics import Diagnostic, error
from .layout import DISTRICT_DIR, PROVINCE_DIR, DataFile, discover, display_path, find_root
from .loader import Loaded, load_file


@dataclass
class Dataset:
    """Everything one run learned about a dataset root."""
    root: Path
    provinces: list[model.Province] = field(default_factory=list)
    docs: dict[str, Loaded] = field(default_factory=dict)
    files: list[DataFile] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_dataset(root: Path, focus: set[str] | None = None) -> Dataset:
    """Load and schema-check a dataset and build its model (rules are not run here).

    With FOCUS (district codes), files of other districts are loaded for the cross-file rules
    but not schema-checked: they were checked when they last changed.
    """
    found = discover(root)
    ds = Dataset(found.root, diagnostics=list(found.diagnostics), files=found.files)
    provinces: dict[Path, model.Province] = {}
    districts: dict[Path, model.District] = {}
    for path, display in found.other_files:
        ds.texts[display] = path.read_bytes().decode("utf-8", errors="replace")
    for file in found.files:
        doc = load_file(file.path, file.display)
        ds.docs[file.display] = doc
        ds.texts[file.display] = doc.text
        ds.diagnostics.extend(doc.diagnostics)
        province = provinces.get(file.province_dir)
        if province is None:
            match = PROVINCE_DIR.match(file.province_dir.name)
            province = provinces[file.province_dir] = model.Province(
                match["code"], file.province_dir, match["slug"])
        district = None
        if file.district_dir is not None:
            district = districts.get(file.district_dir)
            if district is None:
                match = DISTRICT_DIR.match(file.district_dir.name)
                district = districts[file.district_dir] = model.District(
                    match["code"], file.district_dir, match["slug"])
                province.districts.append(district)
        if doc.data is None or any(d.is_error for d in doc.diagnostics if d.rule.startswith(("yaml.", "encoding.", "file."))):
            continue
        checked = focus is None or district is None or district.code in focus
        problems = schema.check(doc, file.kind) if checked else []
        ds.diagnostics.extend(problems)
        if any(d.rule.startswith("schema.") and d.is_error for d in problems):
            continue  # the model only takes documents whose shape is right
        if district is None:
            model.fill_province(province, file.kind, doc)
        else:
            model.fill_district(district, file.kind, doc)
    ds.provinces = sorted(provinces.values(), key=lambda p: p.code)
    for province in ds.provinces:
        province.districts.sort(key=lambda d: d.code)
    return ds


def changed_districts(root: Path, rev: str) -> set[str] | None:
    """District codes whose files changed since REV (git); None when province-level data changed."""
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True,
                         text=True, check=True).stdout.strip()
    diff = subprocess.run(["git", "diff", "--name-only", "--no-renames", rev, "--", str(root)], cwd=top,
                          capture_output=True, text=True, check=True).stdout.split()
    new = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "--", str(root)], cwd=top,
                         capture_output=True, text=True, check=True).stdout.split()
    codes: set[str] = set()
    for name in diff + new:
        path = (Path(top) / name).resolve()
        try:
            parts = path.relative_to(root.resolve()).parts
        except ValueError:
            continue
        district = next((DISTRICT_DIR.match(p) for p in parts[1:-1] if DISTRICT_DIR.match(p)), None)
        if district is None:
            return None
        codes.add(district["code"])
    return codes


def check_root(root: Path, today: dt.date, focus: set[str] | None = None,
               skip: tuple[str, ...] = ()) -> tuple[Dataset, list[Diagnostic]]:
    """Load ROOT and run every check; the dataset comes back for the render step."""
    ds = load_dataset(root, focus)
    ctx = rules.Context(ds.provinces, today, ds.texts, focus, ds.files)
    return ds, sorted(set(ds.diagnostics + rules.run(ctx, skip)))


def validate(paths: list[Path], today: dt.date, changed_since: str | None = None,
             skip: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Every problem under PATHS, sorted by file and line."""
    out: list[Diagnostic] = []
    roots: dict[Path, list[Path]] = {}
    for path in paths:
        if not path.exists():
            out.append(error(display_path(path), 0, 0, "layout.not-found", f"ไม่พบ `{path}`",
                             "ตรวจชื่อไฟล์หรือโฟลเดอร์", f"`{path}` does not exist"))
            continue
        roots.setdefault(find_root(path), []).append(path.resolve())
    for root, wanted in roots.items():
        focus = changed_districts(root, changed_since) if changed_since else None
        ds, found = check_root(root, today, focus, skip)
        if focus is not None:
            focus_dirs = [f.district_dir for f in ds.files if f.district_dir and f.district_dir.name[:4] in focus]
            wanted = [root / d for d in focus_dirs] if focus_dirs else []
        out.extend(d for d in found if _under(d.path, wanted, root))
    return sorted(set(out))


def _under(display: str, wanted: list[Path], root: Path) -> bool:
    if root.resolve() in wanted:
        return True
    path = Path(display).resolve()
    return any(path == w or w in path.parents for w in wanted)
