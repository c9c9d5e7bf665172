"""What the static site generator is told about this site, with or without MkDocs hooks.

The menu (the generated pages, districts under "อำเภอ"), heading ids that keep Thai letters
(`thai_slugify`) and the raw-block shortcut (thamniap.build.rawblocks, same HTML, faster). The
MkDocs hook (scripts/mkdocs_hook.py) sets them on the config MkDocs hands it; for a build without
hooks (a generator that reads mkdocs.yml but runs no hooks, such as Zensical), `write_site_config`
writes them into a config file of their own:

    cp -r docs/. build/docs/
    thamniap pages build/docs --site-config build/mkdocs.yml   # front matter written escaped
    mkdocs build -f build/mkdocs.yml -d build/site              # or: zensical build -f build/mkdocs.yml
    thamniap index build/site                                   # search index, unused theme files out

tests/test_hookfree_build.py builds the site both ways and compares every page; tests/test_zensical.py
builds it with Zensical from the same config (docs/architecture.md lists what still differs).
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import yaml

from thamniap.core import geography
from thamniap.render.site import (CHOOSER, CIRCULAR, DASHBOARD, DOWNLOADS_PAGE, GUIDELINES, HOME, PEOPLE, PRIVACY, PROVINCE,
                                  SUBMIT)
from thamniap.render.opendata import PAGE as OPENDATA

# The fixed pages, in menu order: citizens' pages, the districts under "อำเภอ", then one section of the
# officials' and maintainers' pages (issue 22 §2). Generated pages are files <address>/index.md
# (render/front_matter.page_file); the pages written by hand are docs/<name>.md.
NAV_HEAD = [{"หน้าแรก": HOME}, {"ค้นหารายชื่อ": PEOPLE}, {"จังหวัด": PROVINCE}]
NAV_TAIL = [{"ดาวน์โหลดข้อมูล": DOWNLOADS_PAGE}, {"ข้อมูลเปิด": OPENDATA},
            {"การคุ้มครองข้อมูลส่วนบุคคล": PRIVACY}]
STAFF_SECTION = "สำหรับเจ้าหน้าที่"
NAV_STAFF = [{"รายงานข้อมูลชมรม": CHOOSER}, {"สถานะการรายงาน": DASHBOARD},
             {"หนังสือเวียน": CIRCULAR}, {"แนวทาง": GUIDELINES}, {"วิธีส่งข้อมูล": SUBMIT},
             {"กฎการตรวจข้อมูล": "rules.md"}, {"บอทรายงาน": "report-bot.md"},
             {"แบบจำลองภัยคุกคาม": "threat-model.md"}, {"เริ่มใช้งานจริง (ตั้งค่าระบบ)": "setup.md"}, {"ประสิทธิภาพ": "performance.md"},
             {"โครงสร้างโปรแกรม": "architecture.md"}]
# Pages written by hand in docs/ (not generated), always in the menu.
STATIC_PAGES = ("rules.md", "threat-model.md", "setup.md", "report-bot.md", "performance.md", "architecture.md")


def navigation(generated: list[str], district_titles: dict[str, str] | None) -> list:
    """The menu: citizens' fixed pages that exist, the district pages of GENERATED under "อำเภอ"
    (districts/<district>/index.md; not their subdistrict pages, districts/<district>/<code>/index.md:
    the district page links them), then the officials' pages under STAFF_SECTION.

    A site of several provinces (each province's pages under its folder, render.site.province_path)
    has the home page, one section per province holding that menu, then the site's own staff pages.

    DISTRICT_TITLES (plain text, escaped later by the hook) name the district entries; None
    leaves them without a name, so the generator takes the page's own (escaped) title."""
    folders = sorted(rel[:-len("/index.md")] for rel in generated if _PROVINCE_HOME.fullmatch(rel))
    if not folders:
        return _province_menu(generated, district_titles, "")
    shown = set(generated) | set(STATIC_PAGES)
    sections = [{_province_title(folder): _province_menu(generated, district_titles, folder + "/")}
                for folder in folders]
    staff = [item for item in NAV_STAFF if next(iter(item.values())) in shown]
    return [{"หน้าแรก": HOME}] + sections + ([{STAFF_SECTION: staff}] if staff else [])


# A province's home page in a site of several: 42-loei/index.md (its data folder's name).
_PROVINCE_HOME = re.compile(r"\d{2}-[a-z0-9-]+/index\.md")
# A district's page, within a province's pages: districts/4201-mueang-loei/index.md.
_DISTRICT_PAGE = re.compile(r"districts/[^/]+/index\.md")


def _province_title(folder: str) -> str:
    """A province's menu entry, from its code in the official list (plain Thai, nothing to escape)."""
    found = geography.province(folder[:2])
    return f"จังหวัด{found.name_th}" if found else folder


def _province_menu(generated: list[str], district_titles: dict[str, str] | None, prefix: str) -> list:
    """One province's menu (see navigation), its pages under PREFIX ("" or "42-loei/"). Under a
    prefix the site's own pages (STATIC_PAGES) stay out: the site's menu lists them once."""
    inside = [rel[len(prefix):] for rel in generated if rel.startswith(prefix)]
    districts = [prefix + rel if district_titles is None else {district_titles.get(prefix + rel, rel): prefix + rel}
                 for rel in inside if _DISTRICT_PAGE.fullmatch(rel)]
    static = () if prefix else STATIC_PAGES

    def present(items: list[dict]) -> list[dict]:
        return [{title: prefix + rel} for item in items for title, rel in item.items()
                if rel in inside or rel in static]
    staff = present(NAV_STAFF)
    return present(NAV_HEAD) + [{"อำเภอ": districts}] + present(NAV_TAIL) + ([{STAFF_SECTION: staff}] if staff else [])


_SLUG_DROP = re.compile(r"[^\w\u0E00-\u0E7F\s-]", re.UNICODE)


def thai_slugify(value: str, separator: str) -> str:
    """Heading text -> id, keeping Thai letters with their vowel and tone marks.

    "ตำบลกุดป่อง อำเภอเมืองเลย" -> "ตำบลกุดป่อง-อำเภอเมืองเลย" (Python-Markdown's own slugify
    functions drop Thai letters or their vowel and tone marks).
    """
    value = unicodedata.normalize("NFC", value)
    value = re.sub(r"[\u200B-\u200D\uFEFF\u2060]", "", value)
    value = _SLUG_DROP.sub("", value).strip().lower()
    return re.sub(r"[\s-]+", separator, value)


RAW_BLOCKS = "thamniap.build.rawblocks"


class _PythonName(str):
    """A Python object named in the config, written as YAML's !!python/name:… tag."""


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigDumper.add_representer(
    _PythonName, lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", ""))


def config_can_hold(target: Path, docs_dir: Path) -> bool:
    """DOCS_DIR lies inside TARGET's folder (and is not that folder): Zensical builds only a docs_dir
    and a site_dir within the config file's folder (MkDocs would take any)."""
    here, docs = target.resolve().parent, docs_dir.resolve()
    return here in docs.parents


def write_site_config(target: Path, source: Path, docs_dir: Path, written: list[Path]) -> None:
    """Write TARGET: SOURCE (mkdocs.yml) for building DOCS_DIR without hooks.

    WRITTEN: the files `thamniap pages` wrote into DOCS_DIR (its front matter escaped). Paths in
    the config become relative to TARGET's folder, as MkDocs reads them and as Zensical requires
    (it refuses an absolute docs_dir or custom_dir), so TARGET may live anywhere; `hooks` is left
    out; the menu, Thai heading ids and the raw-block shortcut are added as the hook adds them."""
    config = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    base, here = source.resolve().parent, target.resolve().parent
    config.pop("hooks", None)
    config["docs_dir"] = _relative(docs_dir.resolve(), here)
    if config.get("site_dir"):
        config["site_dir"] = _relative((base / config["site_dir"]).resolve(), here)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = _relative((base / theme["custom_dir"]).resolve(), here)
    config["plugins"] = _own_search_off(config.get("plugins") or [])
    generated = sorted(p.resolve().relative_to(docs_dir.resolve()).as_posix() for p in written)
    config["nav"] = navigation(generated, None)
    config["markdown_extensions"] = _markdown_extensions(config.get("markdown_extensions") or [])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# Written by `thamniap pages --site-config` (thamniap.build.generator): a build without hooks.\n"
                      + yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")


def _own_search_off(plugins: list | dict) -> list | dict:
    """PLUGINS with the generator's own search switched off unless the config names it: Zensical
    turns its search on when it is not listed (a 2.5 MB search.json of every page's text, which
    `thamniap index` would not replace); MkDocs reads the same entry as "no search plugin"."""
    if isinstance(plugins, dict):
        return plugins if "search" in plugins else {**plugins, "search": {"enabled": False}}
    named = {next(iter(p)) if isinstance(p, dict) else p for p in plugins}
    return plugins if "search" in named else [*plugins, {"search": {"enabled": False}}]


def _relative(path: Path, start: Path) -> str:
    """PATH relative to the folder START ("../docs" when needed), in forward slashes for any system."""
    return Path(os.path.relpath(path, start)).as_posix()


def _markdown_extensions(extensions: list) -> list:
    """EXTENSIONS as the hook's on_config leaves them: toc with thai_slugify (unless the config
    sets its own), and the raw-block shortcut."""
    out = []
    for ext in extensions:
        if ext == "toc":
            ext = {"toc": {}}
        if isinstance(ext, dict) and "toc" in ext:
            toc = dict(ext["toc"] or {})
            toc.setdefault("slugify", _PythonName(f"{__name__}.thai_slugify"))
            ext = {"toc": toc}
        out.append(ext)
    if RAW_BLOCKS not in out:
        out.append(RAW_BLOCKS)
    return out
