"""Find the project a command works on: the folder holding `mkdocs.yml` and `data/`, looked for
from where the user stands (the current directory, then each parent), or given with `--project`.

Never from where the package is installed: an installed `thamniap` run inside a copy of the
project checks that copy's data, and one run outside any project says so (exit 2) instead of
quietly checking some other data.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = "mkdocs.yml"
DATA_DIR = "data"


class ProjectNotFound(Exception):
    """No project here (the message is Thai, for the user)."""


@dataclass(frozen=True)
class Project:
    root: Path      # absolute

    @property
    def data(self) -> Path:
        return self.root / DATA_DIR

    @property
    def config(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def schemas(self) -> Path:
        """The schemas the data files' first lines point to (the package reads its own copy)."""
        return self.root / "schemas"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def codeowners(self) -> Path:
        return self.root / ".github" / "CODEOWNERS"


def is_project(folder: Path) -> bool:
    return (folder / CONFIG_FILE).is_file() and (folder / DATA_DIR).is_dir()


def find(start: Path) -> Project | None:
    """The nearest project at START or above it; None when there is none."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if is_project(folder):
            return Project(folder)
    return None


def locate(given: Path | None = None, cwd: Path | None = None) -> Project:
    """The project GIVEN (`--project DIR`), else the one found from CWD (default: the current
    directory). Raises ProjectNotFound with a Thai message."""
    if given is not None:
        folder = Path(given).resolve()
        if not is_project(folder):
            raise ProjectNotFound(f"`{given}` ไม่ใช่โฟลเดอร์โครงการทำเนียบ (ต้องมีไฟล์ {CONFIG_FILE} "
                                  f"และโฟลเดอร์ {DATA_DIR}/)")
        return Project(folder)
    here = Path.cwd() if cwd is None else Path(cwd)
    found = find(here)
    if found is None:
        raise ProjectNotFound(f"ไม่พบโครงการทำเนียบที่ `{here}` หรือโฟลเดอร์แม่ของมัน (โฟลเดอร์ที่มีไฟล์ "
                              f"{CONFIG_FILE} และโฟลเดอร์ {DATA_DIR}/) — เปลี่ยนไปที่โฟลเดอร์ของโครงการ "
                              "หรือระบุด้วย `--project โฟลเดอร์`")
    return found
