"""MkDocs hook for the ทำเนียบ site (registered under ``hooks:`` in mkdocs.yml).

Jobs:

* ``on_config``: Thai-preserving heading ids (``toc.slugify``) unless
  mkdocs.yml sets its own; Python-Markdown's slugify functions drop Thai
  letters or their vowel and tone marks.

* ``on_config`` also adds :mod:`thamniap.build.rawblocks`, which hands the
  generated pages' one-line HTML blocks to Markdown's stash unparsed (same
  output, a fifth of the Loei build saved).

* ``on_files``: drop Material's lunr search assets (``assets/javascripts/lunr/``
  and the lunr web worker). The ``search`` plugin is disabled because lunr
  splits on spaces and cannot find "สมชาย" inside "นายสมชาย"; without this,
  the theme would still copy ~1 MB of unused lunr/wordcut.js into the site.
  Then add the pages generated from data (``thamniap.build.site_hook``; only when
  ``extra.thamniap.data`` is set).
* ``on_nav`` / ``on_page_content``: escape nav titles, page titles and
  front-matter values where they enter the template context
  (:func:`thamniap.build.site_hook.escape_page`): MkDocs' Jinja has no autoescape.
* ``on_post_build``: index the finished site with Pagefind
  (:func:`thamniap.build.search.index.build_search_index`; generated pages must
  follow the "CONTRACT FOR PAGE GENERATORS" in :mod:`thamniap.build.search`).

The indexing code itself knows nothing about MkDocs, so it can be run on any
built site directory.
"""
from __future__ import annotations

import logging
import re
import sys
import unicodedata
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.thamniap")

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

try:
    from thamniap.build import site_hook
    from thamniap.build.rawblocks import RawBlocksExtension
    from thamniap.build.search.index import build_search_index
    from thamniap.build.workers import WorkerError
except ImportError:  # project not pip-installed (-e .): use the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from thamniap.build import site_hook
    from thamniap.build.rawblocks import RawBlocksExtension
    from thamniap.build.search.index import build_search_index
    from thamniap.build.workers import WorkerError

# Files Material copies for its own (lunr) search; useless without the search plugin.
_LUNR_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


_SLUG_DROP = re.compile(r"[^\w\u0E00-\u0E7F\s-]", re.UNICODE)


def thai_slugify(value: str, separator: str) -> str:
    """Heading text -> id, keeping Thai letters with their vowel and tone marks.

    "ตำบลกุดป่อง อำเภอเมืองเลย" -> "ตำบลกุดป่อง-อำเภอเมืองเลย"
    """
    value = unicodedata.normalize("NFC", value)
    value = re.sub(r"[\u200B-\u200D\uFEFF\u2060]", "", value)
    value = _SLUG_DROP.sub("", value).strip().lower()
    return re.sub(r"[\s-]+", separator, value)


def on_config(config, **kwargs):
    if "toc" in config.markdown_extensions:
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("slugify", thai_slugify)
    if not any(isinstance(ext, RawBlocksExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(RawBlocksExtension())
    return config


def on_files(files, config, **kwargs):
    for file in list(files):
        if file.src_uri.startswith(_LUNR_PREFIXES):
            files.remove(file)
    # Pages generated from data/ (thamniap.build.site_hook); invalid data stops the build.
    workdir = site_hook.workdir_for(config)
    try:
        generated = site_hook.generate_files(config, workdir)
    except (site_hook.DataError, WorkerError) as exc:
        raise PluginError(str(exc)) from None
    if not generated:
        return files
    for rel in generated:
        existing = files.get_file_from_path(rel)
        if existing is not None:
            files.remove(existing)
        files.append(File(rel, str(workdir), config["site_dir"], config["use_directory_urls"]))
    titles = {rel: site_hook.page_title(workdir / rel) for rel in generated if rel.startswith("districts/")}
    config["nav"] = site_hook.navigation(generated, titles)
    return files


def on_nav(nav, config, files, **kwargs):
    site_hook.escape_nav(nav)
    return nav


def on_page_content(html, page, config, files, **kwargs):
    # before any template renders (all pages are read first): titles and meta enter escaped
    site_hook.escape_page(page)
    return html


def on_serve(server, config, builder, **kwargs):
    data = site_hook.data_dir(config)
    if data is not None:
        server.watch(str(data))  # edit a YAML file → the site rebuilds
    return server


def on_post_build(config, **kwargs):
    stats = build_search_index(Path(config["site_dir"]))
    log.info(
        "Pagefind %s: indexed %d page(s), %d words into %s (%d files, %.1f KiB) in %.2fs",
        stats["pagefind_version"],
        stats["page_count"],
        stats["word_count"],
        stats["bundle_dir"],
        stats["bundle_files"],
        stats["bundle_bytes"] / 1024,
        stats["seconds"],
    )
