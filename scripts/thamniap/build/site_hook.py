"""What the MkDocs hook does with the data: validate, render pages into a temporary folder, and
hand them to MkDocs as files with a navigation; escape titles and meta where they enter MkDocs'
templates. Kept apart from scripts/mkdocs_hook.py so the hook stays a few lines of MkDocs glue.
The same steps run without the hook too (thamniap.build.generator)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import signal
import tempfile
import threading
import time
import weakref
from pathlib import Path

import yaml

from thamniap.build.generator import NAV_HEAD, NAV_TAIL, STATIC_PAGES, navigation  # noqa: F401 - the hook's menu
from thamniap.build.memo import BuildMemo
from thamniap.build.publish import generate
from thamniap.render.front_matter import escape_meta
from thamniap.render.markup import h
from thamniap.render.site import SiteSettings
from thamniap.core.report import text_line

log = logging.getLogger("mkdocs.hooks.thamniap")

def data_dir(config) -> Path | None:
    """extra.thamniap.data in mkdocs.yml (relative to that file); THAMNIAP_DATA overrides it."""
    setting = os.environ.get("THAMNIAP_DATA") or ((config.get("extra") or {}).get("thamniap") or {}).get("data")
    if not setting:
        return None
    return (Path(config.config_file_path).parent / setting).resolve()


def build_day(config) -> dt.date:
    """The day statuses are computed for: THAMNIAP_TODAY or extra.thamniap.today, else today."""
    value = os.environ.get("THAMNIAP_TODAY") or ((config.get("extra") or {}).get("thamniap") or {}).get("today")
    return dt.date.fromisoformat(str(value)) if value else dt.date.today()


class DataError(Exception):
    """The data has errors; the message lists them the way `thamniap validate` does."""


# What this process's earlier builds made (mkdocs serve builds again after every change): reused
# for files that did not change since (thamniap.build.memo).
MEMO = BuildMemo()


def generate_files(config, workdir: Path) -> list[str]:
    """Render the pages into WORKDIR; return their paths relative to it. Raises DataError.

    WORKDIR keeps the previous build's files: a file with the same bytes is left as it is, one
    this build did not write is removed."""
    data = data_dir(config)
    if data is None:
        return []
    workdir.mkdir(parents=True, exist_ok=True)
    result = generate(data, workdir, SiteSettings.from_mkdocs(config), build_day(config),
                      project_root=Path(config.config_file_path).parent.resolve(), memo=MEMO)
    if result.failed:
        lines = [text_line(d) for d in result.diagnostics if d.is_error]
        raise DataError("ข้อมูลมีข้อผิดพลาด จึงไม่สร้างเว็บไซต์ (แก้ตามรายการนี้ หรือรัน `thamniap validate`):\n" + "\n".join(lines))
    written = {p.resolve() for p in result.written}
    for path in [p for p in workdir.rglob("*") if p.is_file() and p.resolve() not in written]:
        path.unlink()
    return sorted(p.relative_to(workdir).as_posix() for p in result.written)


# --------------------------------------------------------------------------- the pages' folder
# MkDocs reads the generated pages from a folder of ours while it builds, so the folder must live
# until the build ends. One folder per process (`mkdocs serve` rebuilds into the same one), removed
# when the build ends (on_shutdown), when the process exits (atexit, through weakref.finalize), and
# on SIGTERM (turned into SystemExit, so every `finally` and atexit runs). Only a killed process
# (SIGKILL) leaves it behind; the next build removes such leftovers of dead processes.

PAGES_PREFIX = "thamniap-pages-"


class PagesFolder:
    """The folder this process writes its generated pages into, removed when no longer needed."""

    def __init__(self, path: Path):
        self.path = path
        self.path.mkdir(parents=True, exist_ok=True)
        self._remove = weakref.finalize(self, _remove_folder, path, os.getpid())

    def remove(self) -> None:
        self._remove()


_pages_folder: PagesFolder | None = None


def _remove_folder(path: Path, owner_pid: int) -> None:
    # a forked child inherits the finalizer: only the process that made the folder removes it
    if os.getpid() == owner_pid:
        shutil.rmtree(path, ignore_errors=True)


def workdir_for(config) -> Path:
    """This process's pages folder, `thamniap-pages-<pid>` in the system temp folder (made once,
    kept for every rebuild of `mkdocs serve`)."""
    global _pages_folder
    if _pages_folder is None or not _pages_folder.path.is_dir():
        remove_leftovers()
        _pages_folder = PagesFolder(Path(tempfile.gettempdir()) / f"{PAGES_PREFIX}{os.getpid()}")
    return _pages_folder.path


def remove_workdir() -> None:
    """Remove this process's pages folder (the build is over)."""
    global _pages_folder
    if _pages_folder is not None:
        _pages_folder.remove()
        _pages_folder = None


LEFTOVER_AGE = 3600     # seconds: a folder touched more recently may belong to a process we cannot see


def remove_leftovers() -> None:
    """Remove pages folders of processes that no longer run (builds killed before they could):
    ours (same user), not touched for an hour (a process in another container sharing the temp
    folder has a number this one cannot see)."""
    temp = Path(tempfile.gettempdir())
    for folder in temp.glob(f"{PAGES_PREFIX}*"):
        pid = folder.name[len(PAGES_PREFIX):]
        if not pid.isdigit() or int(pid) == os.getpid() or _running(int(pid)):
            continue
        try:
            st = folder.stat()
        except OSError:
            continue
        if st.st_uid == os.getuid() and time.time() - st.st_mtime > LEFTOVER_AGE:
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True        # exists, owned by someone else
    return True


def stop_on_sigterm() -> None:
    """SIGTERM ends the process as SystemExit, so the pages folder is removed on the way out
    (Python's default for SIGTERM is to die without running `finally` or atexit)."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_signal)


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def page_title(path: Path) -> str:
    """The `title:` of a generated page's front matter (plain text: escaped later, in escape_page)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        meta = yaml.safe_load(text[4:end]) if end > 0 else None
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            return meta["title"]
    return path.stem


# --------------------------------------------------------------------------- template context
# MkDocs' Jinja environment has no autoescape and Material prints page titles, nav titles and
# page.meta values as they are. Titles and front matter of generated pages carry data values
# (district names …), so they are escaped here, where they enter the template context: once per
# value, for every page and nav item, whatever template or override prints them. (A build without
# the hook gets the same values escaped in the front matter: render.front_matter.)

def escape_page(page) -> None:
    """Escape a page's title and meta before any template sees them.

    A title given in the nav or the front matter is plain text and is escaped; a title MkDocs took
    from the rendered first heading is already HTML (Markdown escaped it) and is left as it is.
    """
    explicit = "title" in vars(page)          # set from the nav (mkdocs' weak_property)
    from_meta = isinstance(page.meta.get("title"), str)
    title = page.title
    page.meta = escape_meta(page.meta)
    if (explicit or from_meta) and title is not None:
        page.title = h(title)


def escape_nav(nav) -> None:
    """Escape the titles of nav sections and links (pages are escaped with escape_page)."""
    def walk(items):
        for item in items:
            if getattr(item, "is_page", False):
                continue
            if item.title is not None:
                item.title = h(item.title)
            walk(getattr(item, "children", None) or [])
    walk(nav.items)
