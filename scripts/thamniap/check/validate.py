"""Run the whole check: discover → load (strict) → schema → model → rules, collecting every diagnostic."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from thamniap import model
from thamniap.check import rules
from thamniap.load.checked import check_document
from thamniap.core.diagnostics import Diagnostic, error
from thamniap.load.layout import DISTRICT_DIR, PROVINCE_DIR, DataFile, Discovery, discover, display_path, find_root
from thamniap.load.loader import load_file
from thamniap.vcs import git

# The one id validate reports itself (the others come from the steps it runs; all are listed by
# check/registry.py).
PATH_RULES: dict[str, tuple[str, str]] = {
    "layout.not-found": ("error", "ไฟล์หรือโฟลเดอร์ที่ระบุในคำสั่งไม่มีอยู่จริง"),
}


@dataclass
class Dataset:
    """Everything one run learned about a dataset root (documents themselves are not kept:
    their position maps are large, and the model carries every location rules need)."""
    root: Path
    provinces: list[model.Province] = field(default_factory=list)
    files: list[DataFile] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class _Group:
    """The files of one district folder (or of one province folder's own files), loaded together."""
    files: list[DataFile]
    checked: bool                      # schema-check them (False: unchanged, only feeds cross-file rules)
    part: model.Province | model.District | None = None
    texts: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _load_group(group: _Group) -> _Group:
    """Load, schema-check and model one group (in a worker process for a large dataset:
    thamniap.build.parallel)."""
    first = group.files[0]
    if first.district_dir is None:
        match = PROVINCE_DIR.match(first.province_dir.name)
        part = model.Province(match["code"], first.province_dir, match["slug"])
    else:
        match = DISTRICT_DIR.match(first.district_dir.name)
        part = model.District(match["code"], first.district_dir, match["slug"])
    for file in group.files:
        if file.kind == "roster":
            part.roster_files.append((file.subdistrict, file.display))
        doc = load_file(file.path, file.display)
        group.texts[file.display] = doc.text
        read = check_document(doc, file.kind, group.checked)
        group.diagnostics.extend(read.diagnostics)
        if not read.usable:
            continue  # nothing could be read, or an error outside any one person, seat or village
        if isinstance(part, model.Province):
            model.fill_province(part, file.kind, doc, read.broken)
        else:
            model.fill_district(part, file.kind, doc, read.broken)
    group.part = part
    return group


def _groups(found, focus: set[str] | None) -> list[_Group]:
    """One group per district folder and per province folder, in file order.

    With FOCUS, only provinces holding a focused district are loaded at all (every cross-file
    rule is scoped to a province), and their other districts are not schema-checked.
    """
    by_folder: dict[Path, list[DataFile]] = {}
    for file in found.files:
        by_folder.setdefault(file.district_dir or file.province_dir, []).append(file)
    wanted_provinces = None
    if focus is not None:
        wanted_provinces = {f.province_dir for f in found.files
                            if f.district_dir is not None and f.district_dir.name[:4] in focus}
    groups = []
    for folder, files in by_folder.items():
        if wanted_provinces is not None and files[0].province_dir not in wanted_provinces:
            continue
        district = files[0].district_dir
        checked = focus is None or district is None or district.name[:4] in focus
        groups.append(_Group(files, checked))
    return groups


def load_dataset(root: Path, focus: set[str] | None = None, found: Discovery | None = None, *,
                 map_groups: Callable | None = None) -> Dataset:
    """Load and schema-check a dataset and build its model (rules are not run here).

    With FOCUS (district codes), see `_groups`. FOUND: ROOT's discovery, when the caller already
    has it. The folders are loaded one after the other, or by MAP_GROUPS(load_group, groups) (a
    map in the same order; thamniap.build.parallel.load_dataset spreads them over every core).
    """
    found = found or discover(root)
    ds = Dataset(found.root, diagnostics=list(found.diagnostics), files=found.files)
    for path, display in found.other_files:
        ds.texts[display] = path.read_bytes().decode("utf-8", errors="replace")
    groups = _groups(found, focus)
    loaded = map_groups(_load_group, groups) if map_groups else [_load_group(g) for g in groups]
    provinces: dict[Path, model.Province] = {}
    for group in loaded:
        ds.texts.update(group.texts)
        ds.diagnostics.extend(group.diagnostics)
        pdir = group.files[0].province_dir
        if isinstance(group.part, model.Province):
            existing = provinces.get(pdir)
            if existing is not None:          # districts arrived first
                group.part.districts = existing.districts
            provinces[pdir] = group.part
        else:
            if pdir not in provinces:
                match = PROVINCE_DIR.match(pdir.name)
                provinces[pdir] = model.Province(match["code"], pdir, match["slug"])
            provinces[pdir].districts.append(group.part)
    ds.provinces = sorted(provinces.values(), key=lambda p: p.code)
    for province in ds.provinces:
        province.districts.sort(key=lambda d: d.code)
    return ds


@dataclass(frozen=True)
class ChangeScope:
    """What a change since a revision touched, for `validate --changed-since`.

    DISTRICTS: the codes of changed district folders; PROVINCE_FILES: changed province-level files
    (absolute paths); PROVINCES: the province folders holding either; DATA_ONLY: nothing outside the dataset changed (then only the provinces it
    touches are loaded: no rule looks across a province, so nothing else can have changed)."""
    districts: frozenset[str]
    province_files: frozenset[str]
    provinces: frozenset[str]
    data_only: bool
    # absolute path -> lines added or changed since REV; a path not listed is unchanged, and a
    # new (untracked or added) file is listed with None: every line of it is new
    new_lines: dict[str, frozenset[int] | None] = field(default_factory=dict)

    def is_new(self, where) -> bool:
        """Whether the line WHERE (a model.Where) was added or changed since REV."""
        lines = self.new_lines.get(str(Path(where.path).resolve()), frozenset())
        return lines is None or where.line in lines


def changed_scope(root: Path, rev: str) -> ChangeScope:
    """What changed since REV (git: committed, staged, unstaged or untracked), inside ROOT or not."""
    top = git.toplevel(root)
    changes = git.changed(top, rev)
    new_files = git.untracked(top) + [c.path for c in changes if set(c.old_mode) <= {"0"}]
    names = [c.path for c in changes] + git.untracked(top)
    new_lines: dict[str, frozenset[int] | None] = {
        str((top / name).resolve()): frozenset(lines) for name, lines in git.added_lines(top, rev).items()}
    new_lines.update({str((top / name).resolve()): None for name in new_files})
    districts, province_files, provinces = set(), set(), set()
    data_only = True
    for name in names:
        path = (top / name).resolve()
        try:
            parts = path.relative_to(root.resolve()).parts
        except ValueError:
            data_only = False          # code, schemas, docs, workflows: may change any result
            continue
        province = PROVINCE_DIR.match(parts[0]) if len(parts) > 1 else None
        if province is None:
            data_only = False          # a file beside the province folders (checked for privacy)
            continue
        provinces.add(parts[0])
        district = next((DISTRICT_DIR.match(p) for p in parts[1:-1] if DISTRICT_DIR.match(p)), None)
        if district is None:
            province_files.add(str(path))
        else:
            districts.add(district["code"])
    return ChangeScope(frozenset(districts), frozenset(province_files), frozenset(provinces), data_only, new_lines)


def _warned(d: Diagnostic, scope: ChangeScope, root: Path) -> bool:
    """Whether --changed-since shows D: every error, and warnings only in what the change touched."""
    path = Path(d.path).resolve()
    if d.is_error or str(path) in scope.province_files:
        return True
    try:
        parts = path.relative_to(root.resolve()).parts
    except ValueError:
        return False
    return any((m := DISTRICT_DIR.match(p)) and m["code"] in scope.districts for p in parts[1:-1])


def check_root(root: Path, today: dt.date, focus: set[str] | None = None,
               skip: tuple[str, ...] = (), *, load: Callable[..., Dataset] = load_dataset,
               found: Discovery | None = None, is_new: Callable | None = None) -> tuple[Dataset, list[Diagnostic]]:
    """Load ROOT (with LOAD, a function like load_dataset; FOUND: its discovery, when the caller
    has it) and run every check; the dataset comes back for the render step. IS_NEW: see
    rules.Context."""
    ds = load(root, focus, found=found) if found is not None else load(root, focus)
    return ds, check_loaded(ds, today, focus, skip, is_new)


def check_loaded(ds: Dataset, today: dt.date, focus: set[str] | None = None,
                 skip: tuple[str, ...] = (), is_new: Callable | None = None) -> list[Diagnostic]:
    """Every diagnostic of a loaded dataset: the loader's and schema's, then the rules' (which only
    read the model, so a site build may start rendering from it meanwhile)."""
    ctx = rules.Context(ds.provinces, today, ds.texts, focus, ds.files, is_new)
    return sorted(set(ds.diagnostics + rules.run(ctx, skip)))


def _touched_provinces(root: Path, scope: ChangeScope) -> Discovery | None:
    """ROOT's discovery narrowed to the provinces SCOPE touched (None: check everything)."""
    if not scope.data_only or not scope.provinces:
        return None
    found = discover(root)
    return Discovery(found.root, [f for f in found.files if f.province_dir.name in scope.provinces],
                     found.other_files, found.diagnostics)


def validate(paths: list[Path], today: dt.date, changed_since: str | None = None,
             skip: tuple[str, ...] = (), *, load: Callable[..., Dataset] = load_dataset) -> list[Diagnostic]:
    """Every problem under PATHS, sorted by file and line (LOAD: see check_root).

    With CHANGED_SINCE (a git revision, e.g. a pull request's base): every error is still reported,
    wherever it is (one already on the base, or one the change causes in another district), but
    warnings only in the district folders and province-level files that changed since it."""
    out: list[Diagnostic] = []
    roots: dict[Path, list[Path]] = {}
    for path in paths:
        if not path.exists():
            out.append(error(display_path(path), 0, 0, "layout.not-found", f"ไม่พบ `{path}`",
                             "ตรวจชื่อไฟล์หรือโฟลเดอร์", f"`{path}` does not exist",
                             "check the file or folder name"))
            continue
        roots.setdefault(find_root(path), []).append(path.resolve())
    for root, wanted in roots.items():
        scope = changed_scope(root, changed_since) if changed_since else None
        found_files = _touched_provinces(root, scope) if scope else None
        _, found = check_root(root, today, None, skip, load=load, found=found_files,
                              is_new=scope.is_new if scope else None)
        out.extend(d for d in found if _under(d.path, wanted, root) and (scope is None or _warned(d, scope, root)))
    return sorted(set(out))


def _under(display: str, wanted: list[Path], root: Path) -> bool:
    if root.resolve() in wanted:
        return True
    path = Path(display).resolve()
    return any(path == w or w in path.parents for w in wanted)
