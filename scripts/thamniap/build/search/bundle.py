"""The search bundle Pagefind hands back: written under the site, checked, and counted."""
from __future__ import annotations

import base64
import gzip
import re
import zlib
from pathlib import Path

from thamniap.build.search.pagefind import SearchIndexError

# Parts of the Pagefind bundle for Pagefind's own UIs. The site uses its own
# Material-styled box (assets/javascripts/search.js) and the JS API only, so
# these ~350 KB are never requested; they are removed to keep the site small.
_UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


def write_bundle(bundle: dict, bundle_dir: Path, output: str) -> None:
    """Write the files of Pagefind's GetFiles answer into BUNDLE_DIR (not the unused UI files),
    then check them. OUTPUT (Pagefind's log) goes into the error when nothing was written."""
    for item in bundle.get("files", []):
        rel = Path(item["path"])
        if rel.is_absolute() or ".." in rel.parts:
            raise SearchIndexError(f"Pagefind returned a file outside its bundle: {item['path']}")
        if rel.as_posix() in _UNUSED_BUNDLE_FILES or rel.parts[0] == "playground":
            continue
        target = bundle_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(item["content"]))
    if not (bundle_dir / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no bundle to {bundle_dir}:\n{output}")
    _check_bundle(bundle_dir)


def _check_bundle(bundle_dir: Path) -> None:
    """Every gzip file of the bundle must be complete (a cut-off bundle fails in the browser)."""
    gz = [p for p in bundle_dir.rglob("*") if p.is_file()
          and (p.name.startswith("wasm.") or p.suffix.startswith(".pf_"))]
    if not any(p.suffix == ".pf_fragment" for p in gz):
        raise SearchIndexError(f"Pagefind indexed no page under {bundle_dir.parent} "
                               "(is data-pagefind-body in the theme?)")
    for path in gz:
        try:
            if not gzip.decompress(path.read_bytes()):
                raise OSError("empty")
        except (OSError, EOFError, zlib.error) as exc:
            raise SearchIndexError(f"broken Pagefind file {path}: {exc}") from exc


_COUNT = re.compile(r"^\s*Indexed (\d+) (page|word|filter|language)s?\s*$", re.M)


def bundle_stats(bundle_dir: Path, output: str) -> dict:
    """Words and filters Pagefind reports in its log OUTPUT, and the files written."""
    totals = output.rsplit("Total:", 1)[-1]
    counts = {kind: int(n) for n, kind in _COUNT.findall(totals)}
    files = [p for p in bundle_dir.rglob("*") if p.is_file()]
    return {
        "word_count": counts.get("word", 0),
        "filter_count": counts.get("filter", 0),
        "bundle_dir": str(bundle_dir),
        "bundle_files": len(files),
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "fragment_count": sum(1 for p in files if p.suffix == ".pf_fragment"),
    }
