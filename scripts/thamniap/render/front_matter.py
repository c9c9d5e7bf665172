"""The YAML front matter and generator's note at the top of every generated page.

Titles and descriptions carry data values (district and province names). MkDocs' templates print
them unescaped, so they must be HTML-escaped once before a template sees them: the MkDocs hook
does it where they enter the template context (thamniap.build.site_hook.escape_page); a build
without the hook gets pages whose front matter is escaped already (`escape_front_matter`,
`thamniap pages --site-config`).
"""
from __future__ import annotations

import yaml

from thamniap.render.markup import h

# Written at the top of every generated page; the raw-block shortcut (thamniap.build.rawblocks)
# recognises generated pages by it.
GENERATED_NOTE = "<!-- สร้างจากข้อมูลใน data/ โดย thamniap — อย่าแก้ไขไฟล์นี้ -->"


# The scripts a page may ask for beyond those every page loads (overrides/main.html, block scripts)
PAGE_SCRIPTS = ("people", "report")


def front_matter(title: str, description: str = "", hide_toc: bool = False, scripts: tuple[str, ...] = ()) -> str:
    """A page's front matter (plain text values) followed by the generator's note.

    SCRIPTS: the page's own scripts (PAGE_SCRIPTS), loaded only where their elements are."""
    meta: dict = {"title": title}
    if hide_toc:
        meta["hide"] = ["toc"]
    unknown = [name for name in scripts if name not in PAGE_SCRIPTS]
    if unknown:
        raise ValueError(f"no such page script: {unknown} (known: {PAGE_SCRIPTS})")
    if scripts:
        meta["scripts"] = list(scripts)
    if description:
        meta["description"] = description
    return "---\n" + _dump(meta) + "---\n\n" + GENERATED_NOTE + "\n\n"


def page_file(address: str) -> str:
    """The file a generated page is written to, from its address in the site: "districts/4201-mueang-loei"
    -> "districts/4201-mueang-loei/index.md" (shown at districts/4201-mueang-loei/). One folder per
    page, so the page's file sits where its address is: a relative link in it means the same to MkDocs,
    which leaves raw HTML as written (read from the address), and to Zensical, which resolves every
    link from the page's source file (docs/architecture.md, "ถ้าเปลี่ยนตัวสร้างเว็บไซต์")."""
    return f"{address}/index.md"


def escape_meta(value):
    """A front-matter value with every string in it HTML-escaped (and national IDs masked)."""
    if isinstance(value, str):
        return h(value)
    if isinstance(value, dict):
        return {key: escape_meta(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_meta(item) for item in value]
    return value


def escape_front_matter(page: str) -> str:
    """PAGE with every string of its front matter escaped as escape_meta does (the rest as it is)."""
    if not page.startswith("---\n"):
        return page
    end = page.index("\n---\n", 4) + 1          # the front matter is page[4:end]
    return "---\n" + _dump(escape_meta(yaml.safe_load(page[4:end]))) + page[end:]


def _dump(meta: dict) -> str:
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
