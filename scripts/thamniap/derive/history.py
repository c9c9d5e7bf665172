"""A district's change history, read from git: which main-line commits changed it, and how.

For each commit on the main line (`git log --first-parent`) that touched a district's folder, the
district is loaded as it was before and after (blobs read through one `git cat-file --batch`, each
distinct file parsed once) and compared with `changes.compare_district`. One `git log` over the
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
from thamniap.derive.changes import AreaChanges, compare_district
from thamniap.load import legacy_roster
from thamniap.load.layout import DISTRICT_DIR, DISTRICT_FILES, LEGACY_ROSTER, PROVINCE_DIR, ROSTER_DIR, ROSTER_FILE
from thamniap.load.loader import Loaded, load_bytes, load_file
from thamniap.model import District, Meeting, Province, Subdistrict
from thamniap.vcs import git

BANGKOK = dt.timezone(dt.timedelta(hours=7))   # a commit's date is its date in Thailand


@dataclass(frozen=True)
class Entry:
    """One commit that changed the district: when (its date in Thailand, UTC+7), which commit, what changed."""
    commit: str
    date: dt.date
    changes: AreaChanges

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
    rels: dict[Path, str] = {}
    for folder in folders:
        try:
            rels[folder] = folder.resolve().relative_to(top_path).as_posix()
        except ValueError:
            continue  # not inside this repository: stays None
    if not rels:
        return result
    shallow = git.is_shallow(top_path)
    commits = git.first_parent_log(top_path, sorted({str(PurePosixPath(r).parent) for r in rels.values()}))
    if commits is None:
        return result
    touched: dict[str, list[git.Commit]] = {rel: [] for rel in rels.values()}
    for commit in commits:
        dirs = {str(parent) for name in commit.files for parent in PurePosixPath(name).parents}
        for rel in touched:
            if rel in dirs and len(touched[rel]) < limit:
                touched[rel].append(commit)
    with git.Blobs(top_path) as blobs:
        past = _PastDistricts(blobs)
        for folder, rel in rels.items():
            entries = []
            for commit in touched[rel]:
                if commit.parent is None and shallow:
                    continue  # the clone's cut-off: its parent is unknown, not absent
                before = past.district(commit.parent, rel) if commit.parent else None
                after = past.district(commit.sha, rel)
                if before is None and after is None:
                    continue
                day = commit.committed.astimezone(BANGKOK).date()
                entries.append(Entry(commit.sha, day, compare_district(before, after, meetings)))
            result[folder] = entries
    return result


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
    doc = _readable(load_file(path))
    if doc is None:
        return {}
    province = Province(match["code"], province_dir, match["slug"])
    try:
        model.fill_province(province, "province", doc)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return {}
    return {m.id: m for m in province.meetings}


class _PastDistricts:
    """District folders as they were at any commit, read from BLOBS; each distinct blob parsed once."""

    def __init__(self, blobs: git.Blobs):
        self.blobs = blobs
        self.docs: dict[str, Loaded | None] = {}
        self.rosters: dict[str, tuple[bool, list[Subdistrict] | None]] = {}
        self.parts: dict[tuple[str, str], Subdistrict | None] = {}

    def _doc(self, rev: str, path: str) -> Loaded | None | bool:
        """The readable document at REV:PATH; False when absent, None when it cannot be read."""
        found = self.blobs.read(f"{rev}:{path}")
        if found is None:
            return False
        blob, content = found
        if blob not in self.docs:
            self.docs[blob] = _readable(load_bytes(content, path))
        return self.docs[blob]

    def district(self, rev: str, rel: str) -> District | None:
        """The district folder REL as it was at REV (None: no data file there). Before the roster was
        split (load/legacy_roster.py) it was one roster.yaml; after, one file per subdistrict in roster/."""
        match = DISTRICT_DIR.match(PurePosixPath(rel).name)
        if match is None:
            return None
        district = District(match["code"], Path(rel), match["slug"])
        present = False
        for name, kind in DISTRICT_FILES.items():
            doc = self._doc(rev, f"{rel}/{name}")
            if doc is False:
                continue
            present = True  # a file with errors still means the district exists; that part stays unknown
            if doc is not None:
                _fill(district, kind, doc)
        legacy = self.blobs.read(f"{rev}:{rel}/{LEGACY_ROSTER}")
        if legacy is not None:
            present = True
            self._legacy_roster(district, f"{rel}/{LEGACY_ROSTER}", *legacy)
        else:
            present = self._roster_files(district, rev, f"{rel}/{ROSTER_DIR}") or present
        return district if present else None

    def _roster_files(self, district: District, rev: str, folder: str) -> bool:
        """The subdistrict files in FOLDER at REV, each parsed once across all commits (a commit
        usually changes one of them). False when there is none."""
        found = False
        for entry in self.blobs.read_tree(f"{rev}:{folder}") or []:
            if entry.kind != "blob" or not ROSTER_FILE.match(PurePosixPath(entry.path).name):
                continue
            found = True
            district.roster_files.append((entry.path.rsplit("/", 1)[-1][:6], entry.path))
            part = self._subdistrict(district, entry.path, entry.oid)
            if part is not None:
                district.subdistricts = (district.subdistricts or []) + [part]
        if found and district.subdistricts is None:
            district.subdistricts = []
        return found

    def _subdistrict(self, district: District, path: str, oid: str) -> Subdistrict | None:
        key = (district.code, oid)
        if key not in self.parts:
            found = self.blobs.read(oid)
            doc = _readable(load_bytes(found[1], path)) if found else None
            self.parts[key] = _one_subdistrict(district, doc)
        return self.parts[key]

    def _legacy_roster(self, district: District, path: str, blob: str, content: bytes) -> None:
        """A roster.yaml of before the split: cut into its subdistricts as split-roster does, each part
        parsed once across all commits; one that cannot be cut or read leaves the roster unknown."""
        if blob not in self.rosters:
            legacy = legacy_roster.cut(content.decode("utf-8", errors="replace"))
            parts, flag = None, False
            if legacy is not None:
                sample = legacy.sample_line() or "sample: false"
                head = _readable(load_bytes(sample.encode(), path))
                flag = bool(head and head.data.get("sample") is True)
                parts = []
                for part in legacy.parts:
                    key = (district.code, part.body)
                    if key not in self.parts:
                        doc = _readable(load_bytes((sample + "\n" + part.body).encode(), path))
                        self.parts[key] = _one_subdistrict(district, doc)
                    parts.append(self.parts[key])
                if any(p is None for p in parts):
                    parts = None
            self.rosters[blob] = (flag, parts)
        sample, subdistricts = self.rosters[blob]
        district.sample = district.sample or sample
        district.subdistricts = list(subdistricts) if subdistricts is not None else None


def _one_subdistrict(district: District, doc: Loaded | None) -> Subdistrict | None:
    """The subdistrict of one roster file's document (None: unreadable, or a shape the model does not know)."""
    if doc is None:
        return None
    scratch = District(district.code, district.folder, district.slug)
    try:
        model.add_subdistrict(scratch, doc)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
    return scratch.subdistricts[0]


def _readable(doc: Loaded) -> Loaded | None:
    # No schema check: main-line commits passed CI's, and it would cost a third of the time.
    # A shape the model cannot take is caught by _fill instead.
    return doc if doc.data is not None and not any(d.is_error for d in doc.diagnostics) else None


def _fill(district: District, kind: str, doc: Loaded) -> None:
    """`model.fill_district`, tolerating an old file whose shape the model does not know."""
    try:
        model.fill_district(district, kind, doc)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        if kind == "roster":
            district.subdistricts = None
        elif kind == "club":
            district.club = None
        elif kind == "meeting":
            district.nominations = None
