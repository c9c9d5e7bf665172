"""What the MkDocs hook does with the data: validate, render pages into a temporary folder, and
hand them to MkDocs as files with a navigation; escape titles and meta where they enter MkDocs'
templates. Kept apart from scripts/mkdocs_hook.py so the hook stays a few lines of MkDocs glue.
The same steps run without the hook too (thamniap.build.generator)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from pathlib import Path

import yaml

from thamniap.build.generator import NAV_HEAD, NAV_TAIL, STATIC_PAGES, navigation  # noqa: F401 - the hook's menu
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


def generate_files(config, workdir: Path) -> list[str]:
    """Render the pages into WORKDIR; return their paths relative to it. Raises DataError."""
    data = data_dir(config)
    if data is None:
        return []
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    result = generate(data, workdir, SiteSettings.from_mkdocs(config), build_day(config),
                      project_root=Path(config.config_file_path).parent.resolve())
    if result.failed:
        lines = [text_line(d) for d in result.diagnostics if d.is_error]
        raise DataError("ข้อมูลมีข้อผิดพลาด จึงไม่สร้างเว็บไซต์ (แก้ตามรายการนี้ หรือรัน `thamniap validate`):\n" + "\n".join(lines))
    return sorted(p.relative_to(workdir).as_posix() for p in result.written)


def workdir_for(config) -> Path:
    return Path(tempfile.gettempdir()) / f"thamniap-pages-{os.getpid()}"


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
