"""The dataset loaded on every core: `load_dataset` is check.validate.load_dataset with the folders
of a large dataset spread over processes (the same Dataset either way, tests/test_data.py).

A process with only its main thread (the `thamniap` command) forks: the workers inherit the
compiled schemas. Forking next to another thread (`mkdocs serve`'s web server) can leave a worker
stuck on a lock that thread held, so there the folders go to fresh worker processes
(thamniap.build.workers) in JOBS contiguous slices instead.
"""
from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, TypeVar

from thamniap.build.memo import BuildMemo
from thamniap.build.workers import Job, job_count
from thamniap.check import validate
from thamniap.load.layout import Discovery

T = TypeVar("T")

# Below this many groups (district folders + province folders) a process pool costs more than
# it saves; Loei (15) and the test datasets stay in one process, a large province (33) does not.
PARALLEL_MIN_GROUPS = 20


def load_dataset(root: Path, focus: set[str] | None = None, found: Discovery | None = None,
                 jobs: int | None = None, memo: BuildMemo | None = None) -> validate.Dataset:
    """check.validate.load_dataset on JOBS processes (default: every core, or THAMNIAP_JOBS) when
    the dataset is large. With MEMO, folders whose files did not change since an earlier build in
    this process are taken from it (thamniap.build.memo)."""
    jobs = jobs or job_count()

    def map_groups(load_group: Callable[[T], T], groups: list[T]) -> list[T]:
        if jobs > 1 and len(groups) >= PARALLEL_MIN_GROUPS:
            return _on_processes(load_group, groups, jobs)
        return [load_group(g) for g in groups]

    if memo is not None:
        return validate.load_dataset(root, focus, found=found,
                                     map_groups=lambda load_group, groups: memo.load_groups(load_group, groups, map_groups))
    return validate.load_dataset(root, focus, found=found, map_groups=map_groups)


def _on_processes(fn: Callable[[T], T], items: list[T], jobs: int) -> list[T]:
    """[fn(item) for item in items] on JOBS processes, in order. FN must be a module-level function."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(fn, items, chunksize=4))
    size = -(-len(items) // jobs)
    slices = [Job(_map, fn, items[i:i + size]) for i in range(size, len(items), size)]
    done = _map(fn, items[:size])           # the first slice here, meanwhile
    for job in slices:
        done += job.result()
    return done


def _map(fn: Callable[[T], T], items: list[T]) -> list[T]:
    """One worker's slice."""
    return [fn(item) for item in items]
