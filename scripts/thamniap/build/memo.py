"""What one process keeps between site builds, so that `mkdocs serve`, which builds again after
every saved file, redoes only what the change touches.

Kept: each folder as loaded and schema-checked (a district folder, or a province's own files), the
change history, each district's downloads and Excel form, and the province-wide downloads. Each is
keyed by what it was made from: the files' path, size, modification time and inode (an edit, or an
editor's save-by-rename, changes them; the province-wide downloads: every folder's), and for the
history the commit checked out. The rules and the pages hold every district, so they are made again
every time. Under `mkdocs serve` (WARM) it also keeps worker processes started ahead
(thamniap.build.workers.Spares), so a rebuild's downloads start without waiting for Python.

A build without a memo (`thamniap pages`, CI) never sees any of this; tests/test_rebuild.py builds
with a memo after changing one roster file and compares every file with a fresh build.
"""
from __future__ import annotations

import os
import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.build.workers import Spares
from thamniap.load.layout import DataFile

Key = tuple


def file_key(path: Path) -> Key:
    """What tells a changed file apart: path, size, modification time, inode."""
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ino)


def folder_keys(files: list[DataFile]) -> dict[Path, Key]:
    """Key of every folder's data files: each district folder, and each province's own files."""
    by_folder: dict[Path, list[Key]] = {}
    for file in files:
        by_folder.setdefault(file.district_dir or file.province_dir, []).append(file_key(file.path))
    return {folder: tuple(keys) for folder, keys in by_folder.items()}


@dataclass
class BuildMemo:
    """Results of earlier builds in this process. `made` counts what was made anew (not reused)."""
    groups: dict[Key, bytes] = field(default_factory=dict)           # pickled: every build gets its own copy
    history: tuple[Key, dict] | None = None
    downloads: dict[str, tuple[Key, list]] = field(default_factory=dict)   # "exports:4201" -> (key, [(Export, bytes)])
    made: Counter = field(default_factory=Counter)
    warm: bool = False                      # builds again and again (mkdocs serve): keep spare workers
    spares: Spares | None = None

    def spare_workers(self, preload: tuple[str, ...]) -> Spares | None:
        """The spare workers (made on first use) when WARM, else None."""
        if self.warm and self.spares is None:
            self.spares = Spares(preload)
        return self.spares

    def close(self) -> None:
        """Stop the spare workers (the process builds no more)."""
        if self.spares is not None:
            self.spares.close()
            self.spares = None

    # ---------------------------------------------------------------- loaded folders
    def load_groups(self, load_group, groups: list, load_all) -> list:
        """LOAD_ALL(load_group, the groups not loaded before), the others from the memo, in order."""
        keys = [(tuple(file_key(f.path) for f in g.files), g.checked) for g in groups]
        missing = [g for g, k in zip(groups, keys) if k not in self.groups]
        loaded = iter(load_all(load_group, missing) if missing else [])
        self.made["folder"] += len(missing)
        out = []
        fresh = {}
        for group, key in zip(groups, keys):
            if key in self.groups:
                out.append(pickle.loads(self.groups[key]))
            else:
                done = next(loaded)
                fresh[key] = pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)
                out.append(done)
        # only this build's folders are kept: an edited file's old versions are let go
        self.groups = {k: self.groups.get(k) or fresh[k] for k in keys}
        return out

    # ---------------------------------------------------------------- downloads
    def reuse(self, name: str, key: Key) -> list | None:
        """The [(Export, bytes)] kept under NAME when it was made from KEY."""
        kept = self.downloads.get(name)
        return kept[1] if kept is not None and kept[0] == key else None

    def keep(self, name: str, key: Key, files: list) -> None:
        self.made[name.split(":")[0]] += 1
        self.downloads[name] = (key, files)
