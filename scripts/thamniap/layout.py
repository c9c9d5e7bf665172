"""Where data files live: find a dataset's province and district folders and name each file's kind.

Layout (province level in the path, so a second province is just another folder):

    <root>/                          e.g. data/
      <pp>-<slug>/                   province folder, e.g. 42-loei
        province.yaml                office, maintainers, reporting rounds, meetings
        club.yaml                    the provincial club/association
        <dddd>-<slug>/               one folder per district, e.g. 4201-mueang-loei
          district.yaml              office, officials, maintainers
          club.yaml                  the district club and its committee
          roster.yaml                ผู้นำ อช. per subdistrict, อช. per village
          meeting.yaml               nominees for the province's meetings
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, error

PROVINCE_DIR = re.compile(r"^(?P<code>[1-9][0-9])-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
DISTRICT_DIR = re.compile(r"^(?P<code>[1-9][0-9]{3})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")

PROVINCE_FILES = {"province.yaml": "province", "club.yaml": "club"}
# The circular's full text as received (shown on the site as the official letter).
PROVINCE_DOCUMENTS = {"circular.txt"}
DISTRICT_FILES = {"district.yaml": "district", "club.yaml": "club",
                  "roster.yaml": "roster", "meeting.yaml": "meeting"}
# Files a folder may hold besides data (documentation for the people who edit it).
ALLOWED_EXTRA = {"README.md"}

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


def schema_file(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


def slugify(name_en: str) -> str:
    """'Mueang Loei' -> 'mueang-loei' (folder names use the official English name)."""
    return re.sub(r"[^a-z0-9]+", "-", name_en.lower()).strip("-")


@dataclass(frozen=True)
class DataFile:
    kind: str                 # province | club | district | roster | meeting
    path: Path                # absolute
    display: str              # as shown in messages
    province_dir: Path
    district_dir: Path | None = None

    @property
    def level(self) -> str:
        return "district" if self.district_dir else "province"


@dataclass
class Discovery:
    root: Path
    files: list[DataFile] = field(default_factory=list)
    other_files: list[tuple[Path, str]] = field(default_factory=list)  # scanned for privacy only
    diagnostics: list[Diagnostic] = field(default_factory=list)


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, so editors can jump to it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # different drive (Windows)
        return str(path)


def find_root(path: Path) -> Path:
    """The dataset root for PATH: the folder that holds province folders."""
    path = path.resolve()
    probe = path if path.is_dir() else path.parent
    for candidate in [probe, *probe.parents]:
        if PROVINCE_DIR.match(candidate.name) and (candidate / "province.yaml").exists():
            return candidate.parent
        if any(PROVINCE_DIR.match(p.name) for p in candidate.iterdir() if p.is_dir()):
            return candidate
    return probe


def discover(root: Path) -> Discovery:
    """List the data files under ROOT and report files or folders that do not belong."""
    root = root.resolve()
    found = Discovery(root)
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and PROVINCE_DIR.match(entry.name):
            _discover_province(entry, found)
        elif entry.name not in ALLOWED_EXTRA:
            _unexpected(entry, found, "โฟลเดอร์จังหวัดต้องชื่อแบบ <รหัส 2 หลัก>-<ชื่ออังกฤษ> เช่น 42-loei")
    return found


def _discover_province(folder: Path, found: Discovery) -> None:
    for name in PROVINCE_FILES:
        if not (folder / name).exists():
            _missing(folder / name, found)
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file() and entry.name in PROVINCE_FILES:
            found.files.append(DataFile(PROVINCE_FILES[entry.name], entry, display_path(entry), folder))
        elif entry.is_dir() and DISTRICT_DIR.match(entry.name):
            _discover_district(folder, entry, found)
        elif entry.is_file() and entry.name in PROVINCE_DOCUMENTS:
            found.other_files.append((entry, display_path(entry)))  # scanned for privacy too
        elif entry.name not in ALLOWED_EXTRA:
            _unexpected(entry, found, "ในโฟลเดอร์จังหวัดมีได้เฉพาะ province.yaml, club.yaml และโฟลเดอร์อำเภอ"
                        " (ชื่อแบบ 4201-mueang-loei)")


def _discover_district(province: Path, folder: Path, found: Discovery) -> None:
    for name in DISTRICT_FILES:
        if not (folder / name).exists():
            _missing(folder / name, found)
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file() and entry.name in DISTRICT_FILES:
            found.files.append(DataFile(DISTRICT_FILES[entry.name], entry, display_path(entry),
                                        province, folder))
        elif entry.name not in ALLOWED_EXTRA:
            _unexpected(entry, found, "ในโฟลเดอร์อำเภอมีได้เฉพาะ " + ", ".join(DISTRICT_FILES))


def _missing(path: Path, found: Discovery) -> None:
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.missing-file",
        f"ไม่พบไฟล์ `{path.name}` ที่ต้องมี",
        "สร้างไฟล์นี้ (คำสั่ง `thamniap new-district รหัสอำเภอ` สร้างโครงไฟล์ให้)",
        f"required file `{path.name}` is missing", "create it (`thamniap new-district CODE` scaffolds it)"))


def _unexpected(path: Path, found: Discovery, hint: str) -> None:
    if path.is_file():
        found.other_files.append((path, display_path(path)))
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.unknown-file",
        f"ไม่รู้จักไฟล์หรือโฟลเดอร์ `{path.name}` ในที่นี้ (ระบบจะไม่อ่านข้อมูลในนั้น)",
        hint + " — ตรวจการสะกดชื่อไฟล์ (ต้องลงท้าย .yaml ไม่ใช่ .yml)",
        f"unexpected file or folder `{path.name}`", "check the name; data files end in .yaml"))


def expected_schema_header(file: DataFile) -> str:
    rel = os.path.relpath(schema_file(file.kind), file.path.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"
