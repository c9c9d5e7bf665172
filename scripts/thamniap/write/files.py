"""Writing data files the way every command that changes them does: all or nothing, as far as a
file system allows. Each new content is written beside its file first; only when all are written
is each moved into place (os.replace: a reader sees the old file or the new one, never half), and
only then are the files the change removes deleted."""
from __future__ import annotations

import os
from pathlib import Path


def replace_files(contents: dict[Path, bytes | str], remove: tuple[Path, ...] | list[Path] = ()) -> None:
    """Write CONTENTS (path -> bytes, or text written as UTF-8), creating folders as needed, then
    delete REMOVE; a failure before the moves leaves every file as it was, and no temporary file behind."""
    temporary: dict[Path, Path] = {}
    try:
        for path, content in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary[path] = tmp
            tmp.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        for path, tmp in temporary.items():
            os.replace(tmp, path)
    finally:
        for tmp in temporary.values():
            tmp.unlink(missing_ok=True)
    for path in remove:
        path.unlink()
