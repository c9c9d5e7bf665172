"""A district's change history, read from git and described with the same words as the PR summary.

For each commit on the main line (`git log --first-parent`) that touched a district's folder, the
district is loaded as it was before and after (blobs read with one `git cat-file --batch`, each
distinct file parsed once) and compared with `changes.compare_district`. One `git log` over the
province folders serves every district of a site build.

Without git (a release tarball, a copy of the data, git not installed) the history is `None` and the
page says so; the build still succeeds.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from thamniap import model
from thamniap.core.dates import thai_date
from thamniap.derive.changes import INDENT, AreaChanges, area_lines, compare_district, headline
from thamniap.load.layout import DISTRICT_DIR, DISTRICT_FILES, PROVINCE_DIR
from thamniap.load.loader import Loaded, load_bytes, load_file
from thamniap.model import District, Meeting, Province, Subdistrict
from thamniap.render.markup import h, md, safe_url

BANGKOK = dt.timezone(dt.timedelta(hours=7))
UNAVAILABLE = "ประวัติการแก้ไขไม่พร้อมใช้งาน"


@dataclass(frozen=True)
class Entry:
    """One commit that changed the district: when (Thai date, UTC+7), which commit, what changed."""
    commit: str
    date: dt.date
    changes: AreaChanges

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass(frozen=True)
class _Commit:
    sha: str
    parent: str | None      # first parent; None for a root commit
    date: dt.date


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
    top = _git(probe, "rev-parse", "--show-toplevel")
    if top is None:
        return result
    top_path = Path(top.decode().strip()).resolve()
    rels: dict[Path, str] = {}
    for folder in folders:
        try:
            rels[folder] = folder.resolve().relative_to(top_path).as_posix()
        except ValueError:
            continue  # not inside this repository: stays None
    if not rels:
        return result
    shallow = (_git(top_path, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true"
    commits = _log(top_path, sorted({str(PurePosixPath(r).parent) for r in rels.values()}))
    if commits is None:
        return result
    touched: dict[str, list[_Commit]] = {rel: [] for rel in rels.values()}
    for commit, names in commits:
        dirs = {str(parent) for name in names for parent in PurePosixPath(name).parents}
        for rel in touched:
            if rel in dirs and len(touched[rel]) < limit:
                touched[rel].append(commit)
    blobs = _Blobs(top_path)
    try:
        for folder, rel in rels.items():
            entries = []
            for commit in touched[rel]:
                if commit.parent is None and shallow:
                    continue  # the clone's cut-off: its parent is unknown, not absent
                before = blobs.district(commit.parent, rel) if commit.parent else None
                after = blobs.district(commit.sha, rel)
                if before is None and after is None:
                    continue
                entries.append(Entry(commit.sha, commit.date, compare_district(before, after, meetings)))
            result[folder] = entries
    finally:
        blobs.close()
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


def _git(cwd: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _log(top: Path, parents: list[str]) -> list[tuple[_Commit, list[str]]] | None:
    """Main-line commits touching PARENTS (newest first) with the files each changed."""
    out = _git(top, "-c", "core.quotepath=off", "log", "--first-parent", "--diff-merges=first-parent",
               "--no-renames", "--name-only", "--format=%x1e%H %P%x1f%cI", "--", *parents)
    if out is None:
        return None
    commits = []
    for record in out.decode("utf-8", errors="replace").split("\x1e")[1:]:
        head, _, rest = record.partition("\x1f")
        stamp, _, names = rest.partition("\n")
        ids = head.split()
        when = dt.datetime.fromisoformat(stamp.strip()).astimezone(BANGKOK).date()
        commits.append((_Commit(ids[0], ids[1] if len(ids) > 1 else None, when),
                        [n for n in names.splitlines() if n.strip()]))
    return commits


class _Blobs:
    """Reads district files at any commit through one `git cat-file --batch`; parses each blob once."""

    def __init__(self, top: Path):
        self.proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.docs: dict[str, Loaded | None] = {}
        self.rosters: dict[str, tuple[bool, list[Subdistrict]]] = {}
        self.parts: dict[tuple[str, str], Subdistrict | None] = {}

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def _read(self, spec: str) -> tuple[str, bytes] | None:
        """(blob id, content) of REV:PATH, or None when it does not exist."""
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(spec.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            return None
        size = int(header[2])
        content = self.proc.stdout.read(size)
        self.proc.stdout.read(1)  # the newline after the content
        return header[0].decode(), content

    def _doc(self, rev: str, path: str) -> Loaded | None | bool:
        """The readable document at REV:PATH; False when absent, None when it cannot be read."""
        found = self._read(f"{rev}:{path}")
        if found is None:
            return False
        blob, content = found
        if blob not in self.docs:
            self.docs[blob] = _readable(load_bytes(content, path))
        return self.docs[blob]

    def district(self, rev: str, rel: str) -> District | None:
        """The district folder REL as it was at REV (None: no data file there)."""
        match = DISTRICT_DIR.match(PurePosixPath(rel).name)
        if match is None:
            return None
        district = District(match["code"], Path(rel), match["slug"])
        present = False
        for name, kind in DISTRICT_FILES.items():
            path = f"{rel}/{name}"
            if kind == "roster":
                found = self._read(f"{rev}:{path}")
                if found is None:
                    continue
                present = True
                if self._roster_by_parts(district, path, *found):
                    continue
            doc = self._doc(rev, path)
            if doc is False:
                continue
            present = True  # a file with errors still means the district exists; that part stays unknown
            if doc is not None:
                _fill(district, kind, doc)
        return district if present else None

    def _roster_by_parts(self, district: District, path: str, blob: str, content: bytes) -> bool:
        """Build the roster one subdistrict at a time, each part parsed once across all commits.

        A commit usually changes one subdistrict of a roster of many; parsing only the changed part
        keeps a long history fast. The parts are the top-level list items (`- code: …` at column 0)
        under `subdistricts:`; any other layout, or any part with an error, returns False and the
        whole file is read the ordinary way.
        """
        if blob in self.rosters:
            sample, subdistricts = self.rosters[blob]
        else:
            text = content.decode("utf-8", errors="replace")
            starts = [m.start() for m in _TOP_ITEM.finditer(text)]
            if not starts:
                return False
            head = _readable(load_bytes(text[:starts[0]].encode(), path))
            if head is None or set(head.data) - {"sample", "subdistricts"} or head.data.get("subdistricts") is not None:
                return False
            subdistricts = []
            for start, end in zip(starts, starts[1:] + [len(text)]):
                part = self._subdistrict(district, path, text[start:end])
                if part is None:
                    return False
                subdistricts.append(part)
            sample = bool(head.data.get("sample"))
            self.rosters[blob] = (sample, subdistricts)
        district.files["roster"] = path
        district.sample = district.sample or sample
        district.subdistricts = list(subdistricts)
        return True

    def _subdistrict(self, district: District, path: str, part: str) -> Subdistrict | None:
        key = (district.code, part)
        if key not in self.parts:
            doc = _readable(load_bytes(("subdistricts:\n" + part).encode(), path))
            built = None
            if doc is not None and isinstance(doc.data.get("subdistricts"), list) and len(doc.data["subdistricts"]) == 1:
                scratch = District(district.code, district.folder, district.slug)
                _fill(scratch, "roster", doc)
                built = scratch.subdistricts[0] if scratch.subdistricts else None
            self.parts[key] = built
        return self.parts[key]


_TOP_ITEM = re.compile(r"^- ", re.MULTILINE)


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


def history_markdown(entries: list[Entry] | None, commit_url: str | None = None, max_people: int = 5) -> str:
    """Thai Markdown for the page's history section; COMMIT_URL is e.g. https://github.com/o/r/commit/."""
    if entries is None:
        return (f"<p>{UNAVAILABLE} (ข้อมูลชุดนี้ไม่ได้สร้างจากที่เก็บ git เช่น ไฟล์ที่ดาวน์โหลดเป็นชุด) "
                "ดูประวัติได้ที่ที่เก็บข้อมูลบน GitHub</p>\n")
    if not entries:
        return "<p>ยังไม่มีประวัติการแก้ไขที่บันทึกไว้</p>\n"
    lines = []
    for entry in entries:
        link = safe_url(commit_url + entry.commit) if commit_url else None
        ref = f'<a href="{h(link)}"><code>{h(entry.short)}</code></a>' if link else f"<code>{h(entry.short)}</code>"
        lines.append(f"- **{md(thai_date(entry.date))}** — {ref}")
        if entry.changes.status == "added":
            body = [f"- {md(headline(entry.changes))}"]
        else:
            body = area_lines(entry.changes, max_people) or ["- แก้ไขรูปแบบไฟล์ ไม่มีการเปลี่ยนแปลงข้อมูล"]
        lines += [INDENT + line for line in body]
    return "\n".join(lines) + "\n"
