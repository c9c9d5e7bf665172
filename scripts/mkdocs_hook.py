"""MkDocs hook for the ทำเนียบ site (registered under ``hooks:`` in mkdocs.yml).

A convenience over the plain steps (``thamniap pages`` → generator → ``thamniap index``; see
:mod:`thamniap.build.generator` for the build without this hook). Jobs:

* ``on_startup`` / ``on_shutdown``: the generated pages live in a folder of this process
  (:func:`thamniap.build.site_hook.workdir_for`), reused by every rebuild of ``mkdocs serve`` and
  removed when the build or the server ends, fails or is stopped (SIGTERM included).
* ``on_config``: Thai-preserving heading ids (``toc.slugify`` =
  :func:`thamniap.build.generator.thai_slugify`) unless mkdocs.yml sets its own, and
  :mod:`thamniap.build.rawblocks`, which hands the generated pages' one-line HTML blocks to
  Markdown's stash unparsed (same output, a fifth of the Loei build saved).
* ``on_files``: leave out Material's lunr search assets (:mod:`thamniap.build.finish`), then add
  the pages generated from data (:mod:`thamniap.build.site_hook`; only when
  ``extra.thamniap.data`` is set) and their menu.
* ``on_nav`` / ``on_page_content``: escape nav titles, page titles and front-matter values where
  they enter the template context (:func:`thamniap.build.site_hook.escape_page`): MkDocs' Jinja
  has no autoescape.
* ``on_post_build``: :func:`thamniap.build.finish.finish_site`, the same step as
  ``thamniap index SITE_DIR``: the Pagefind search index (generated pages must follow the
  "CONTRACT FOR PAGE GENERATORS" in :mod:`thamniap.build.search`).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.thamniap")

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

try:
    from thamniap.build import site_hook
    from thamniap.build.finish import finish_site, is_unused_theme_file
    from thamniap.build.generator import thai_slugify
    from thamniap.build.rawblocks import RawBlocksExtension
    from thamniap.build.workers import WorkerError
except ImportError:  # project not pip-installed (-e .): use the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from thamniap.build import site_hook
    from thamniap.build.finish import finish_site, is_unused_theme_file
    from thamniap.build.generator import thai_slugify
    from thamniap.build.rawblocks import RawBlocksExtension
    from thamniap.build.workers import WorkerError

__all__ = ["thai_slugify"]      # tests import it from here, as mkdocs.yml users did


def on_startup(command, dirty, **kwargs):
    # the pages folder is removed at the end even when the build is stopped with SIGTERM
    site_hook.stop_on_sigterm()
    # `mkdocs serve` builds again after every saved file: keep worker processes ready for it
    site_hook.MEMO.warm = command == "serve"


def on_config(config, **kwargs):
    if "toc" in config.markdown_extensions:
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("slugify", thai_slugify)
    if not any(isinstance(ext, RawBlocksExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(RawBlocksExtension())
    return config


def on_files(files, config, **kwargs):
    for file in list(files):
        if is_unused_theme_file(file.src_uri):
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
    titles = {rel: site_hook.page_title(workdir / rel) for rel in generated if rel.startswith("districts/") or "/districts/" in rel}
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


def on_shutdown(**kwargs):
    # after `mkdocs build` (also a failed one) and when `mkdocs serve` stops
    site_hook.remove_workdir()
    site_hook.MEMO.close()


def on_post_build(config, **kwargs):
    stats = finish_site(Path(config["site_dir"]))
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
