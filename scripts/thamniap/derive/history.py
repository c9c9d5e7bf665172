"""A district's change history, read from git: which main-line commits changed it, and how.

For each commit on the main line (`git log --first-parent`) that touched a district's folder, the
district is loaded as it was before and after (blobs read through one `git cat-file --batch`, each
distinct file parsed once) and compared with `changes.compare_district`. Each old file is read the
way the dataset loader reads today's (load/checked.py: strict YAML, schema check, the items the model
can take); a file that cannot be read leaves its part unknown, and its problems travel with the
entry as diagnostics (`Entry.problems`). One `git log` over the
province folders serves every district of a site build. Git is reached only through
thamniap.vcs.git; the words on the page are render/history.py's.

Without git (a release tarball, a copy of the data, git not installed) the history is `None` and the
page says so; the build still succeeds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from thamniap import model
from thamniap.core.diagnostics import Diagnostic
from thamniap.derive.changes import AreaChanges, compare_district
from thamniap.load import legacy_roster
from thamniap.load.checked import Checked, check_document, read_bytes
from thamniap.load.layout import DISTRICT_DIR, DISTRICT_FILES, LEGACY_ROSTER, PROVINCE_DIR, ROSTER_DIR, ROSTER_FILE
from thamniap.load.loader import load_bytes, load_file
from thamniap.model import District, Meeting, Province, Subdistrict
from thamniap.vcs import git

BANGKOK = dt.timezone(dt.timedelta(hours=7))   # a commit's date is its date in Thailand


@dataclass(frozen=True)
class Entry:
    """One commit that changed the district: when (its date in Thailand, UTC+7), which commit, what
    changed, and the errors found reading the district's files as they were after it (a file with
    such errors is compared only as far as it could be read: `changes.unreadable`)."""
    commit: str
    date: dt.date
    changes: AreaChanges
    problems: tuple[Diagnostic, ...] = ()

    @property
    def short(self) -> str:
        return self.commit[:7]


def district_history(repo_root: Path, folder: Path, limit: int = 20,
                     meetings: dict[str, Meeting] | None = None) -> list[Entry] | None:
    """Newest first, at most LIMIT entries; None when git or the folder's history is unavailable."""
    return histories(repo_root, [folder], limit, meetings)[folder]


def histories(repo_root: Path, folders: list[Path], limit: int = 20,
              meetings: dict[str, Meeting] | None = None) -> dict[Path, list[Entry] | None]:
    """`district_history` for many district folders with one `git log` (what a site build uses)."""
    result: dict[Path, list[Entry] | None] = {f: None for f in folders}
    if not folders:
        return result
    probe = folders[0] if folders[0].is_dir() else repo_root
    top = git.toplevel_or_none(probe)
    if top is None:
        return result
    top_path = top.resolve()
    rels = _inside(top_path, folders)
    if not rels:
        return result
    shallow = git.is_shallow(top_path)
    commits = git.first_parent_log(top_path, sorted({str(PurePosixPath(r).parent) for r in rels.values()}))
    if commits is None:
        return result
    touched = _touched(commits, set(rels.values()), limit)
    with git.Blobs(top_path) as blobs:
        past = _PastDistricts(blobs)
        for folder, rel in rels.items():
            result[folder] = [entry for commit in touched[rel]
                              if (entry := _entry(past, commit, rel, shallow, meetings)) is not None]
    return result


def _inside(top: Path, folders: list[Path]) -> dict[Path, str]:
    """Each folder inside the repository at TOP, with its path there (the others stay without history)."""
    rels: dict[Path, str] = {}
    for folder in folders:
        resolved = folder.resolve()
        if resolved.is_relative_to(top):
            rels[folder] = resolved.relative_to(top).as_posix()
    return rels


def _touched(commits: list[git.Commit], rels: set[str], limit: int) -> dict[str, list[git.Commit]]:
    """For each folder path in RELS, the first LIMIT of COMMITS (newest first) that changed a file in it."""
    touched: dict[str, list[git.Commit]] = {rel: [] for rel in rels}
    for commit in commits:
        dirs = {str(parent) for name in commit.files for parent in PurePosixPath(name).parents}
        for rel in rels & dirs:
            if len(touched[rel]) < limit:
                touched[rel].append(commit)
    return touched


def _entry(past: _PastDistricts, commit: git.Commit, rel: str, shallow: bool,
           meetings: dict[str, Meeting] | None) -> Entry | None:
    """What COMMIT changed in the district folder REL (None: nothing to tell)."""
    if commit.parent is None and shallow:
        return None  # the clone's cut-off: its parent is unknown, not absent
    before = past.district(commit.parent, rel)[0] if commit.parent else None
    after, problems = past.district(commit.sha, rel)
    if before is None and after is None:
        return None
    day = commit.committed.astimezone(BANGKOK).date()
    return Entry(commit.sha, day, compare_district(before, after, meetings), tuple(problems))


def province_histories(repo_root: Path, province_dir: Path, folders: list[Path],
                       limit: int = 20) -> dict[Path, list[Entry] | None]:
    """`histories` with the meeting titles read from PROVINCE_DIR/province.yaml here.

    What a site build runs in a worker process while the main process validates (see
    thamniap.build.workers): it needs no validated model. When province.yaml cannot be read, validation
    fails too and the result is thrown away.
    """
    return histories(repo_root, folders, limit, current_meetings(province_dir))


def current_meetings(province_dir: Path) -> dict[str, Meeting]:
    """The meetings of PROVINCE_DIR/province.yaml by id; empty when the file cannot be read."""
    match = PROVINCE_DIR.match(province_dir.name)
    path = province_dir / "province.yaml"
    if match is None or not path.is_file():
        return {}
    read = check_document(load_file(path), "province")
    if not read.usable:
        return {}
    province = Province(match["code"], province_dir, match["slug"])
    model.fill_province(province, "province", read.doc, read.broken)
    return {m.id: m for m in province.meetings}


def _errors(read: Checked) -> list[Diagnostic]:
    return [d for d in read.diagnostics if d.is_error]


class _PastDistricts:
    """District folders as they were at any commit, read from BLOBS; each distinct blob read once."""

    def __init__(self, blobs: git.Blobs):
        self.blobs = blobs
        self.docs: dict[str, Checked] = {}
        self.rosters: dict[str, tuple[bool, list[Subdistrict] | None, list[Diagnostic]]] = {}
        self.parts: dict[tuple[str, str], tuple[Subdistrict | None, list[Diagnostic]]] = {}

    def _read(self, rev: str, path: str, kind: str) -> Checked | None:
        """The file at REV:PATH, loaded and checked as a file of KIND; None when absent."""
        found = self.blobs.read(f"{rev}:{path}")
        if found is None:
            return None
        blob, content = found
        if blob not in self.docs:
            self.docs[blob] = read_bytes(content, path, kind)
        return self.docs[blob]

    def district(self, rev: str, rel: str) -> tuple[District | None, list[Diagnostic]]:
        """The district folder REL as it was at REV (None: no data file there), and the errors found
        reading it. Before the roster was split (load/legacy_roster.py) it was one roster.yaml;
        after, one file per subdistrict in roster/."""
        match = DISTRICT_DIR.match(PurePosixPath(rel).name)
        if match is None:
            return None, []
        district = District(match["code"], Path(rel), match["slug"])
        present = False
        problems: list[Diagnostic] = []
        for name, kind in DISTRICT_FILES.items():
            read = self._read(rev, f"{rel}/{name}", kind)
            if read is None:
                continue
            present = True  # a file with errors still means the district exists; that part stays unknown
            problems += _errors(read)
            if read.usable:
                model.fill_district(district, kind, read.doc, read.broken)
        legacy = self.blobs.read(f"{rev}:{rel}/{LEGACY_ROSTER}")
        if legacy is not None:
            present = True
            problems += self._legacy_roster(district, f"{rel}/{LEGACY_ROSTER}", *legacy)
        else:
            found, roster_problems = self._roster_files(district, rev, f"{rel}/{ROSTER_DIR}")
            present = found or present
            problems += roster_problems
        return (district if present else None), problems

    def _roster_files(self, district: District, rev: str, folder: str) -> tuple[bool, list[Diagnostic]]:
        """The subdistrict files in FOLDER at REV, each read once across all commits (a commit
        usually changes one of them): whether there is any, and the errors found reading them."""
        found = False
        problems: list[Diagnostic] = []
        for entry in self.blobs.read_tree(f"{rev}:{folder}") or []:
            if entry.kind != "blob" or not ROSTER_FILE.match(PurePosixPath(entry.path).name):
                continue
            found = True
            district.roster_files.append((entry.path.rsplit("/", 1)[-1][:6], entry.path))
            part, errors = self._subdistrict(district, entry.path, entry.oid)
            problems += errors
            if part is not None:
                district.subdistricts = (district.subdistricts or []) + [part]
        if found and district.subdistricts is None:
            district.subdistricts = []
        return found, problems

    def _subdistrict(self, district: District, path: str, oid: str) -> tuple[Subdistrict | None, list[Diagnostic]]:
        key = (district.code, oid)
        if key not in self.parts:
            found = self.blobs.read(oid)
            self.parts[key] = _one_subdistrict(district, read_bytes(found[1], path, "roster")) if found else (None, [])
        return self.parts[key]

    def _legacy_roster(self, district: District, path: str, blob: str, content: bytes) -> list[Diagnostic]:
        """A roster.yaml of before the split: cut into its subdistricts as split-roster does, each part
        read once across all commits; one that cannot be cut or read leaves the roster unknown.
        Returns the errors found reading the parts."""
        if blob not in self.rosters:
            legacy = legacy_roster.cut(content.decode("utf-8", errors="replace"))
            parts, flag, problems = None, False, []
            if legacy is not None:
                sample = legacy.sample_line() or "sample: false"
                head = load_bytes(sample.encode(), path)
                flag = isinstance(head.data, dict) and head.data.get("sample") is True
                parts = []
                for part in legacy.parts:
                    key = (district.code, part.body)
                    if key not in self.parts:
                        read = read_bytes((sample + "\n" + part.body).encode(), path, "roster")
                        self.parts[key] = _one_subdistrict(district, read)
                    subdistrict, errors = self.parts[key]
                    parts.append(subdistrict)
                    problems += errors
                if any(p is None for p in parts):
                    parts = None
            self.rosters[blob] = (flag, parts, problems)
        sample, subdistricts, problems = self.rosters[blob]
        district.sample = district.sample or sample
        district.subdistricts = list(subdistricts) if subdistricts is not None else None
        return problems


def _one_subdistrict(district: District, read: Checked) -> tuple[Subdistrict | None, list[Diagnostic]]:
    """The subdistrict of one roster file (None: it could not be read), and the errors found reading it."""
    if not read.usable:
        return None, _errors(read)
    scratch = District(district.code, district.folder, district.slug)
    model.fill_district(scratch, "roster", read.doc, read.broken)
    return scratch.subdistricts[0], _errors(read)
