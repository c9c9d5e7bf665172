"""The district folder a form belongs to: its roster (one file per subdistrict in roster/) as the form
starts from it, its subdistricts, and the person ids already used in the dataset.

The form covers the whole district, so its roster is read here as one document,
`{"sample": …, "subdistricts": [<each file's subdistrict>, …]}`, and written back one file per
subdistrict (`roster_file`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.core import geography
from thamniap.load import schema
from thamniap.load.layout import (DISTRICT_DIR, PROVINCE_DIR, ROSTER_DIR, ROSTER_FILE, DataFile, display_path,
                                  expected_schema_header, roster_file_name, schema_home)
from thamniap.load.loader import load_file


class SpreadsheetError(Exception):
    """A problem that stops a command before the workbook is opened (no district, no such file); what
    is wrong with the workbook itself is a Diagnostic, located at its sheet, cell or zip part."""


@dataclass
class DistrictFiles:
    code: str
    root: Path
    province_dir: Path
    district_dir: Path

    @property
    def roster(self) -> Path:
        """The roster folder (one file per subdistrict)."""
        return self.district_dir / ROSTER_DIR

    def roster_files(self) -> dict[str, Path]:
        """Subdistrict code (from the file name) -> its roster file, in name order."""
        if not self.roster.is_dir():
            return {}
        out: dict[str, Path] = {}
        for path in sorted(self.roster.iterdir()):
            match = ROSTER_FILE.match(path.name)
            if match and path.is_file() and not path.is_symlink():
                out.setdefault(match["code"], path)
        return out

    def roster_file(self, code: str, existing: dict[str, Path] | None = None) -> Path:
        """Where subdistrict CODE's roster is (or will be): its file (in EXISTING, roster_files() when
        not given), or the official name for a new one."""
        found = (self.roster_files() if existing is None else existing).get(code)
        return found or self.roster / (roster_file_name(code) or f"{code}.yaml")

    def header(self, path: Path) -> str:
        """The schema line the check expects of roster file PATH; outside a project (a copy of the
        data) the check only wants a line naming roster.schema.json, so the file's own line is kept."""
        expected = expected_schema_header(DataFile("roster", path, str(path), self.province_dir, self.district_dir))
        if schema_home(self.province_dir) is not None or not path.exists():
            return expected
        with path.open(encoding="utf-8", errors="replace") as f:
            first = f.readline().lstrip("\ufeff").rstrip("\r\n")
        ok = first.startswith("# yaml-language-server: $schema=") and first.endswith("/roster.schema.json")
        return first if ok else expected

def find_district(root: Path, code: str) -> DistrictFiles:
    if not re.fullmatch(r"[1-9][0-9]{3}", code or ""):
        raise SpreadsheetError(f"รหัสอำเภอต้องเป็นเลข 4 หลัก เช่น 4209 (ได้ `{code}`)")
    if not root.is_dir():
        raise SpreadsheetError(f"ไม่พบโฟลเดอร์ข้อมูล `{root}`")
    for pdir in sorted(p for p in root.iterdir() if p.is_dir() and PROVINCE_DIR.match(p.name)):
        for ddir in sorted(d for d in pdir.iterdir() if d.is_dir()):
            match = DISTRICT_DIR.match(ddir.name)
            if match and match["code"] == code:
                return DistrictFiles(code, root, pdir, ddir)
    raise SpreadsheetError(f"ไม่พบโฟลเดอร์ของอำเภอรหัส {code} ใน `{root}` "
                           f"(สร้างได้ด้วย `thamniap new-district {code}`)")

@dataclass
class RosterInfo:
    """What the importer keeps from the current roster files: the flag, subdistricts and their order."""
    sample: bool
    subdistricts: list[tuple[str, str]]          # (code, name as written in the roster)
    data: dict | None                            # the whole district's document when every file is schema-valid
    problems: list = field(default_factory=list)  # loader errors and schema errors of shape (Diagnostic)
    value_errors: list = field(default_factory=list)  # bad values (text./date./phone.): fixable in the workbook


def read_roster(files: DistrictFiles) -> RosterInfo:
    """The district's roster files as one document (see the module's docstring)."""
    official = [(s.code, s.name_th) for s in geography.subdistricts(files.code)]
    paths = files.roster_files()
    if not paths:   # no roster file yet: the district's own files say whether its data is a sample
        return RosterInfo(_district_is_sample(files), official, None)
    problems, value_errors, subs, sample = [], [], [], False
    for path in paths.values():
        data, errors, bad_values = _roster_file(path)
        problems += errors
        value_errors += bad_values
        if not errors:
            subs.append({k: v for k, v in data.items() if k != "sample"})
        sample = sample or data.get("sample") is True
    names = [(s["code"], s["name"]) for s in subs if isinstance(s.get("code"), str) and isinstance(s.get("name"), str)]
    whole = None if problems else {"sample": sample, "subdistricts": subs}
    return RosterInfo(sample, names or official, whole, problems, value_errors)


def _district_is_sample(files: DistrictFiles) -> bool:
    """district.yaml says `sample: true` (False when it is absent or cannot be read)."""
    path = files.district_dir / "district.yaml"
    district = load_file(path) if path.is_file() else None
    return isinstance(getattr(district, "data", None), dict) and district.data.get("sample") is True


def _roster_file(path: Path) -> tuple[dict, list, list]:
    """One roster file: its data ({} when not a mapping), its errors of reading and of shape, and its
    bad values (checked only when the file reads without such errors)."""
    doc = load_file(path, display_path(path))
    errors = [d for d in doc.diagnostics if d.is_error]
    bad_values = []
    if doc.data is not None and not errors:
        found = [d for d in schema.check(doc, "roster") if d.is_error]
        errors = [d for d in found if d.rule.startswith("schema.")]
        bad_values = [d for d in found if not d.rule.startswith("schema.")]
    return (doc.data if isinstance(doc.data, dict) else {}), errors, bad_values


def subdistrict_choices(code: str, roster: RosterInfo) -> dict[str, tuple[str, ...]]:
    """code -> accepted names (official name first, then the roster's spelling), roster order first."""
    official = {s.code: s.name_th for s in geography.subdistricts(code)}
    out: dict[str, tuple[str, ...]] = {}
    for sub_code, name in roster.subdistricts:
        names = tuple(dict.fromkeys(n for n in (official.get(sub_code), name) if n))
        out[sub_code] = names
    for sub_code, name in official.items():
        out.setdefault(sub_code, (name,))
    return out


# ---------------------------------------------------------------- ids used elsewhere

_ID_LINE = re.compile(r"""^[ \t-]*(?:id|holder):[ \t]*['"]?([0-9]{2,4}-[a-z0-9]{2,8})['"]?[ \t]*(?:#.*)?$""", re.M)
_ID_ITEM = re.compile(r"""^[ \t]*-[ \t]+['"]?([0-9]{2,4}-[a-z0-9]{2,8})['"]?[ \t]*$""", re.M)


def ids_in_dataset(files: DistrictFiles) -> tuple[set[str], dict[str, str]]:
    """(every person id written anywhere in the dataset, id -> file for ids outside this district's roster files)."""
    every: set[str] = set()
    elsewhere: dict[str, str] = {}
    for path in sorted(files.root.rglob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = set(_ID_LINE.findall(text)) | set(_ID_ITEM.findall(text))
        every |= found
        if path.resolve().parent == files.roster.resolve():
            continue
        defined = set(re.findall(r"""^[ \t-]*id:[ \t]*['"]?([0-9]{2,4}-[a-z0-9]{2,8})""", text, re.M))
        for pid in sorted(defined):
            elsewhere.setdefault(pid, display_path(path))
    return every, elsewhere
