"""Where data files live: find a dataset's province and district folders and name each file's kind.

Layout (province level in the path, so a second province is just another folder):

    <root>/                          e.g. data/
      <pp>-<slug>/                   province folder, e.g. 42-loei
        province.yaml                office, maintainers, reporting rounds, meetings
        club.yaml                    the provincial club/association
        circular.txt                 the circular's text as received (the first round's)
        circular-<round id>.txt      a later round's circular (thamniap new-round)
        <dddd>-<slug>/               one folder per district, e.g. 4201-mueang-loei
          district.yaml              office, officials, maintainers
          club.yaml                  the district club and its committee
          meeting.yaml               nominees for the province's meetings
          roster/                    one file per subdistrict, small enough for a browser editor
            <dddddd>-<slug>.yaml     its ผู้นำ อช. and the อช. of each village, e.g. 420901-wang-saphung.yaml

Nothing else may be under the root: every other file or folder (hidden ones and README.md too) is
an error. Discovery never follows a symlink (each is an error and is not read), reads no file over
the size limit, and shows every name with its control characters made visible.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.core import geography, project
from thamniap.core.diagnostics import Diagnostic, error
from thamniap.load.loader import MAX_BYTES

PROVINCE_DIR = re.compile(r"^(?P<code>[1-9][0-9])-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
DISTRICT_DIR = re.compile(r"^(?P<code>[1-9][0-9]{3})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")

PROVINCE_FILES = {"province.yaml": "province", "club.yaml": "club"}
# The circulars' full texts as received (shown on the site as official letters): the first round's
# circular.txt, a later round's circular-<round id>.txt (province.schema.json: a round's circular.text).
PROVINCE_DOCUMENTS = {"circular.txt"}
CIRCULAR_TEXT = re.compile(r"^circular-[a-z0-9-]{3,40}\.txt$")
DISTRICT_FILES = {"district.yaml": "district", "club.yaml": "club", "meeting.yaml": "meeting"}
ROSTER_DIR = "roster"
# roster/<subdistrict code>-<official English name as a slug>.yaml
ROSTER_FILE = re.compile(r"^(?P<code>[1-9][0-9]{5})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$")
# The one-file roster of before the split (thamniap split-roster turns it into roster/).
LEGACY_ROSTER = "roster.yaml"

# The rule ids discovery reports (the loader's are in loader.LOADER_RULES; file.too-large is shared).
LAYOUT_RULES: dict[str, tuple[str, str]] = {
    "layout.missing-file": ("error", "ไม่มีไฟล์ที่โฟลเดอร์จังหวัดหรืออำเภอต้องมี"),
    "layout.unknown-file": ("error", "ไฟล์หรือโฟลเดอร์ที่ไม่ใช่ไฟล์ข้อมูล (รวมไฟล์ซ่อนที่ชื่อขึ้นต้นด้วยจุด และ README.md)"),
    "layout.symlink": ("error", "ลิงก์สัญลักษณ์ (symlink) ใน data/ ระบบไม่อ่านตามลิงก์"),
    "layout.bad-name": ("error", "ชื่อไฟล์หรือโฟลเดอร์มีอักขระควบคุมหรืออักขระที่มองไม่เห็น เช่น ขึ้นบรรทัดใหม่"),
    "layout.legacy-roster": ("error", "ทำเนียบทั้งอำเภอในไฟล์เดียว (roster.yaml แบบเดิม) ต้องแยกเป็นไฟล์รายตำบลในโฟลเดอร์ roster/"),
}

# Control (Cc), format (Cf: zero-width, bidi overrides), surrogate (Cs: bytes that are not UTF-8)
# and line/paragraph separator (Zl, Zp) characters: a name holding one is refused and shown escaped.
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def slugify(name_en: str) -> str:
    """'Mueang Loei' -> 'mueang-loei' (folder names use the official English name)."""
    return re.sub(r"[^a-z0-9]+", "-", name_en.lower()).strip("-")


def roster_file_name(code: str) -> str | None:
    """`420901-wang-saphung.yaml`: the roster file of an official subdistrict code; None for an unknown one."""
    official = geography.subdistrict(code)
    return f"{official.code}-{slugify(official.name_en)}.yaml" if official else None


def roster_head(schema_line: str, code: str) -> str:
    """A roster file's first lines: SCHEMA_LINE, then the comments that name its subdistrict."""
    sub = geography.subdistrict(code)
    district = geography.district(code[:4]) if sub else None
    province = geography.province(code[:2]) if sub else None
    if sub is None or district is None or province is None:
        return schema_line
    return "\n".join([schema_line,
                      f"# ทำเนียบ อช. ตำบล{sub.name_th} อำเภอ{district.name_th} จังหวัด{province.name_th} (รหัสตำบล {code})",
                      "# ผู้นำ อช. ของตำบลอยู่ใต้ leaders: และ อช. ของแต่ละหมู่บ้านอยู่ใต้ villages: (หมู่ที่ moo:)"])


def _unsafe(ch: str) -> bool:
    return not (" " <= ch <= "~") and unicodedata.category(ch) in _UNSAFE_CATEGORIES


def shown_name(text: str) -> str:
    """TEXT (a file name or path) with its unsafe characters as visible escapes: `\\n`, `\\x1b`, `\\u202e`.

    A byte that is not UTF-8 (kept by Python as a surrogate, U+DC80–U+DCFF) is shown as `\\xNN`.
    """
    if not any(_unsafe(ch) for ch in text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if not _unsafe(ch):
            out.append(ch)
        elif ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        else:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


@dataclass(frozen=True)
class DataFile:
    kind: str                 # province | club | district | roster | meeting
    path: Path                # absolute
    display: str              # as shown in messages
    province_dir: Path
    district_dir: Path | None = None
    subdistrict: str | None = None   # a roster file: the subdistrict code its name gives

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
    """Relative to the working directory when below it, so editors can jump to it; unsafe
    characters made visible (shown_name), so a name cannot break a report line."""
    try:
        return shown_name(os.path.relpath(path))
    except ValueError:  # different drive (Windows)
        return shown_name(str(path))


def find_root(path: Path) -> Path:
    """The dataset root for PATH: the folder that holds province folders."""
    path = path.resolve()
    probe = path if path.is_dir() else path.parent
    for candidate in [probe, *probe.parents]:
        if PROVINCE_DIR.match(candidate.name) and (candidate / "province.yaml").exists():
            return candidate.parent
        if any(PROVINCE_DIR.match(p.name) for p in candidate.iterdir() if not p.is_symlink() and p.is_dir()):
            return candidate
    return probe


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as scan:
        return sorted(scan, key=lambda e: e.name)


def _kind(entry: os.DirEntry, found: Discovery) -> str | None:
    """"dir" or "file" (a regular one), or None when ENTRY must not be read: a name with unsafe
    characters, a symlink or a special file (a named pipe would block a reader), reported here."""
    path = Path(entry.path)
    if shown_name(entry.name) != entry.name:
        _bad_name(path, found)
    elif entry.is_symlink():
        _symlink(path, found)
    elif entry.is_dir(follow_symlinks=False):
        return "dir"
    elif entry.is_file(follow_symlinks=False):
        return "file"
    else:
        _unexpected(path, None, found, "ใน data/ มีได้เฉพาะไฟล์ข้อมูลธรรมดา (ไม่ใช่ pipe, socket หรืออุปกรณ์)")
    return None


def discover(root: Path) -> Discovery:
    """List the data files under ROOT and report files or folders that do not belong."""
    root = root.resolve()
    found = Discovery(root)
    for entry in _entries(root):
        kind = _kind(entry, found)
        if kind == "dir" and PROVINCE_DIR.match(entry.name):
            _discover_province(Path(entry.path), found)
        elif kind:
            _unexpected(Path(entry.path), kind, found,
                        "โฟลเดอร์จังหวัดต้องชื่อแบบ <รหัส 2 หลัก>-<ชื่ออังกฤษ> เช่น 42-loei")
    return found


def _discover_province(folder: Path, found: Discovery) -> None:
    entries = _entries(folder)
    present = {e.name for e in entries}
    for name in PROVINCE_FILES:
        if name not in present:
            _missing(folder / name, found)
    for entry in entries:
        kind, path = _kind(entry, found), Path(entry.path)
        if kind == "file" and entry.name in PROVINCE_FILES:
            found.files.append(DataFile(PROVINCE_FILES[entry.name], path, display_path(path), folder))
        elif kind == "dir" and DISTRICT_DIR.match(entry.name):
            _discover_district(folder, path, found)
        elif kind == "file" and (entry.name in PROVINCE_DOCUMENTS or CIRCULAR_TEXT.match(entry.name)):
            _other_file(path, found)   # not data, but scanned for privacy too
        elif kind:
            _unexpected(path, kind, found, "ในโฟลเดอร์จังหวัดมีได้เฉพาะ province.yaml, club.yaml, หนังสือเวียน (circular.txt, circular-<รหัสรอบ>.txt)"
                        " และโฟลเดอร์อำเภอ (ชื่อแบบ 4201-mueang-loei)")


def _discover_district(province: Path, folder: Path, found: Discovery) -> None:
    entries = _entries(folder)
    present = {e.name for e in entries}
    for name in DISTRICT_FILES:
        if name not in present:
            _missing(folder / name, found)
    if ROSTER_DIR not in present and LEGACY_ROSTER not in present:
        _missing(folder / ROSTER_DIR, found)
    for entry in entries:
        kind, path = _kind(entry, found), Path(entry.path)
        if kind == "file" and entry.name in DISTRICT_FILES:
            found.files.append(DataFile(DISTRICT_FILES[entry.name], path, display_path(path), province, folder))
        elif kind == "dir" and entry.name == ROSTER_DIR:
            _discover_roster(province, folder, path, found)
        elif kind == "file" and entry.name == LEGACY_ROSTER:
            _legacy_roster(path, found)
        elif kind:
            _unexpected(path, kind, found, "ในโฟลเดอร์อำเภอมีได้เฉพาะ " + ", ".join(DISTRICT_FILES)
                        + f" และโฟลเดอร์ {ROSTER_DIR}/")


def _discover_roster(province: Path, district: Path, folder: Path, found: Discovery) -> None:
    """roster/: one file per subdistrict, named <code>-<slug>.yaml."""
    for entry in _entries(folder):
        kind, path = _kind(entry, found), Path(entry.path)
        match = ROSTER_FILE.match(entry.name)
        if kind == "file" and match:
            found.files.append(DataFile("roster", path, display_path(path), province, district, match["code"]))
        elif kind:
            _unexpected(path, kind, found, "ในโฟลเดอร์ roster/ มีได้เฉพาะไฟล์ของตำบล ชื่อแบบ "
                        "<รหัสตำบล 6 หลัก>-<ชื่อภาษาอังกฤษ>.yaml เช่น 420901-wang-saphung.yaml")


def _legacy_roster(path: Path, found: Discovery) -> None:
    """The whole district's roster in one file, as before the split: not read; scanned for privacy."""
    _other_file(path, found)
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.legacy-roster",
        "ทำเนียบทั้งอำเภอในไฟล์เดียว (`roster.yaml`) ใช้ไม่ได้แล้ว: ทำเนียบแยกเป็นหนึ่งไฟล์ต่อหนึ่งตำบลในโฟลเดอร์ "
        "`roster/` (ไฟล์เล็กพอจะแก้บนเว็บ GitHub หรือโทรศัพท์ได้)",
        "ผู้ดูแลระบบแยกไฟล์ให้ด้วยคำสั่ง `thamniap split-roster` (ไม่เปลี่ยนข้อมูล เพียงแยกไฟล์) "
        "แล้ว commit ทั้งไฟล์ที่ลบและไฟล์ใหม่",
        "the one-file `roster.yaml` is no longer read: the roster is one file per subdistrict in `roster/`",
        "split it with `thamniap split-roster` (data unchanged) and commit the removal and the new files"))


def _other_file(path: Path, found: Discovery) -> None:
    """A regular file that is not data: scanned for privacy, unless it is over the size limit."""
    size = os.lstat(path).st_size
    if size <= MAX_BYTES:
        found.other_files.append((path, display_path(path)))
        return
    found.diagnostics.append(error(
        display_path(path), 0, 0, "file.too-large",
        f"ไฟล์ `{shown_name(path.name)}` ใหญ่เกินไป ({size / (1024 * 1024):.1f} MB เกินขีดจำกัด "
        f"{MAX_BYTES // (1024 * 1024)} MB) จึงไม่ได้อ่าน",
        "ลบไฟล์นี้ออกจาก data/ (ไฟล์ใหญ่ เช่น รูปภาพ ไฟล์สำรอง ไม่ควรอยู่ในที่เก็บ)",
        f"file too large ({size} bytes; limit {MAX_BYTES})", "remove it from data/"))


def _other_folder(folder: Path, found: Discovery) -> None:
    """Every file below a folder that does not belong: names, links and sizes checked, text scanned."""
    pending = [folder]
    while pending:
        for entry in _entries(pending.pop()):
            kind = _kind(entry, found)
            if kind == "dir":
                pending.append(Path(entry.path))
            elif kind == "file":
                _other_file(Path(entry.path), found)


def _missing(path: Path, found: Discovery) -> None:
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.missing-file",
        f"ไม่พบไฟล์ `{path.name}` ที่ต้องมี",
        "สร้างไฟล์นี้ (คำสั่ง `thamniap new-district รหัสอำเภอ` สร้างโครงไฟล์ให้)",
        f"required file `{path.name}` is missing", "create it (`thamniap new-district CODE` scaffolds it)"))


def _unexpected(path: Path, kind: str | None, found: Discovery, hint: str) -> None:
    """A file or folder that is not data (KIND "file", "dir", or None: not to be opened at all)."""
    if kind == "file":
        _other_file(path, found)
    elif kind == "dir":
        _other_folder(path, found)
    if path.name.startswith("."):
        hint += " — ไฟล์ซ่อนและโฟลเดอร์ซ่อน (ชื่อขึ้นต้นด้วยจุด เช่น .DS_Store) ก็ต้องลบออก"
    elif path.name == "README.md":
        hint += " — คำอธิบายให้เขียนไว้ใน docs/ หรือ CONTRIBUTING.md แทน"
    else:
        hint += " — ตรวจการสะกดชื่อไฟล์ (ต้องลงท้าย .yaml ไม่ใช่ .yml)"
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.unknown-file",
        f"ไม่รู้จักไฟล์หรือโฟลเดอร์ `{path.name}` ในที่นี้ (ระบบจะไม่อ่านข้อมูลในนั้น)", hint,
        f"unexpected file or folder `{path.name}`", "remove it; data files end in .yaml"))


def _symlink(path: Path, found: Discovery) -> None:
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.symlink",
        f"`{path.name}` เป็นลิงก์สัญลักษณ์ (symlink) ซึ่งไม่อนุญาตใน data/ ระบบไม่อ่านตามลิงก์",
        "ลบลิงก์ออก (`git rm` ชื่อลิงก์) แล้ววางไฟล์จริงไว้แทน หากต้องใช้ข้อมูลนั้น",
        f"`{path.name}` is a symbolic link, which is not allowed under data/ (never followed)",
        "remove the link and put the real file there instead"))


def _bad_name(path: Path, found: Discovery) -> None:
    shown = shown_name(path.name)
    found.diagnostics.append(error(
        display_path(path), 0, 0, "layout.bad-name",
        f"ชื่อไฟล์หรือโฟลเดอร์ `{shown}` มีอักขระควบคุมหรืออักขระที่มองไม่เห็น (แสดงเป็น \\n, \\x.., \\u....) "
        "ระบบจึงไม่อ่าน",
        "เปลี่ยนชื่อให้มีเฉพาะตัวอักษร ตัวเลข และ - _ . (เช่น `git mv` ชื่อเดิม ชื่อใหม่) หรือลบออก",
        f"the name `{shown}` holds a control or invisible character", "rename it (letters, digits, - _ . only)"))


def schema_home(province_dir: Path) -> Path | None:
    """The schemas/ folder the first lines of a province's data files must point to exactly: that
    of the project holding the data, when it has one. None for data outside any project (a copy,
    a test dataset), whose first lines need only name their schema."""
    holder = project.find(province_dir)
    return holder.schemas if holder is not None and holder.schemas.is_dir() else None


def schema_header(file: DataFile, schemas: Path | None) -> str:
    """`# yaml-language-server: $schema=…`: FILE's schema in SCHEMAS (its schema_home), as a path
    relative to FILE; SCHEMAS None (data outside any project): a schemas/ folder next to the
    dataset's root, where a project keeps it."""
    folder = schemas if schemas is not None else file.province_dir.parent.parent / "schemas"
    rel = os.path.relpath(folder / f"{file.kind}.schema.json", file.path.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"


def expected_schema_header(file: DataFile) -> str:
    """The first line FILE should have."""
    return schema_header(file, schema_home(file.province_dir))
