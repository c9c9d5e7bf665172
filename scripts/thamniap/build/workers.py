"""Side jobs of a site build, run on the machine's other cores.

A site build is one Python thread: validate, render, hand over to MkDocs. Two jobs in it do not
depend on the rendering and are heavy: the change history (read from git, ~0.5-0.8 s for Loei) and
the downloads (CSV, XLSX, JSON, ~1-1.5 s). `publish.generate` starts them here and collects their
results when the pages need them, so they run while the main process validates and renders.

Each job is one fresh `python -m thamniap.build.workers` process: the call (a module-level function and
its arguments) goes in pickled on stdin, the value (or the exception) comes back on stdout. Not
multiprocessing: its "fork" is unsafe next to `mkdocs serve`'s web-server thread, and its
"forkserver"/"spawn" re-import the caller's main script in every worker (the whole of mkdocs or
pytest, and any script without a main guard runs again).

THAMNIAP_JOBS=1 runs every job in the calling process instead. The results are the same either way
(tests/test_workers.py builds both and compares every file).
"""
from __future__ import annotations

import importlib
import logging
import os
import pickle
import site
import subprocess
import sys
import threading
import weakref
from pathlib import Path
from typing import Any, Callable

import thamniap

log = logging.getLogger("thamniap.build.workers")

_PIPE_BUFFER = 32_768      # bytes a pipe takes without a reader (Linux: 64 KiB; smaller elsewhere)


def _import_path() -> str | None:
    """The folder a worker must have on its PYTHONPATH to import this same `thamniap` (the one
    this process imported, e.g. scripts/ of a checkout that is not pip-installed); None when it
    is installed in site-packages, which the worker sees anyway (and which must not go ahead of
    the standard library). Only for importing code: no data or schema is ever found from here."""
    parent = Path(thamniap.__file__).resolve().parent.parent
    installed = {Path(p).resolve() for p in (*site.getsitepackages(), site.getusersitepackages())}
    return None if parent in installed else str(parent)


def job_count() -> int:
    """Processes a build may use: THAMNIAP_JOBS, else the number of cores."""
    value = os.environ.get("THAMNIAP_JOBS", "").strip()
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            raise SystemExit(f"THAMNIAP_JOBS ต้องเป็นจำนวนเต็ม (ได้ {value!r})") from None
    return os.cpu_count() or 1


class WorkerError(RuntimeError):
    """A worker process ended without an answer."""


class Job:
    """A call of FN(*ARGS) running in its own process (or already done, with THAMNIAP_JOBS=1).

    FN must be a module-level function of an importable module; ARGS and the value must pickle.
    SPARES: take a process started ahead from there, when one is waiting (see Spares).
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, spares: "Spares | None" = None):
        self._fn, self._args = fn, args
        self._proc: subprocess.Popen | None = None
        self._done: tuple[bool, Any] | None = None
        if job_count() < 2:
            self._done = _call(fn, args)
            return
        self._proc = (spares.take() if spares is not None else None) or _start()
        payload = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        # A large call is written from a thread (the worker reads it only once Python has started);
        # a small one fits the pipe's buffer and leaves no thread behind (a process that forks
        # later, like validate's pool, is safer without one).
        self._writer: threading.Thread | None = None
        if len(payload) <= _PIPE_BUFFER:
            self._send(payload)
        else:
            self._writer = threading.Thread(target=self._send, args=(payload,), daemon=True)
            self._writer.start()

    def _send(self, payload: bytes) -> None:
        try:
            self._proc.stdin.write(payload)
            self._proc.stdin.close()
        except OSError:
            pass        # the worker died; result() reports it

    def result(self) -> Any:
        """The call's value; the call's exception is raised here."""
        if self._done is None:
            if self._writer is not None:
                self._writer.join()        # the worker reads its input before it writes anything
            self._proc.stdin = None        # closed by the writer; communicate() must not flush it
            out, err = self._proc.communicate()
            try:
                self._done = pickle.loads(out)
            except Exception:  # noqa: BLE001 - no answer: say why, with the worker's own words
                raise WorkerError(f"โพรเซสช่วยทำงาน {self._fn.__module__}.{self._fn.__name__} จบโดยไม่มีคำตอบ "
                                  f"(exit {self._proc.returncode}):\n{err.decode('utf-8', 'replace')[-3000:]}") from None
        ok, value = self._done
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Stop a job whose result is no longer wanted."""
        if self._proc is not None and self._done is None:
            self._proc.kill()
            if self._writer is not None:
                self._writer.join()
            self._proc.stdin = None
            self._proc.communicate()
            self._done = (False, WorkerError("cancelled"))


def _start(preload: tuple[str, ...] = ()) -> subprocess.Popen:
    """A new worker process, waiting for its call on stdin; it imports the modules PRELOAD first."""
    env = dict(os.environ)
    path = os.pathsep.join(p for p in (_import_path(), env.get("PYTHONPATH")) if p)
    if path:
        env["PYTHONPATH"] = path
    return subprocess.Popen([sys.executable, "-m", "thamniap.build.workers", *preload], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


class Spares:
    """Worker processes started ahead, for a process that builds again and again (`mkdocs serve`):
    each has Python running and the modules PRELOAD imported (about 0.3 s a process) and waits
    for its call, so a rebuild's jobs start at once. `fill` starts them after a build, while the
    server waits for the next change; `take` hands one to a Job. An idle one ends by itself when
    this process ends (its stdin closes) and is stopped by `close` or when this object goes.
    The job's result is the same as in a new process: the worker runs the same code."""

    def __init__(self, preload: tuple[str, ...]):
        self._preload = preload
        self._idle: list[subprocess.Popen] = []
        self._finalizer = weakref.finalize(self, _stop_all, self._idle)

    def take(self) -> subprocess.Popen | None:
        """An idle worker still running, or None."""
        while self._idle:
            proc = self._idle.pop(0)
            if proc.poll() is None:
                return proc
            _stop_all([proc])
        return None

    def fill(self, count: int) -> None:
        """Start workers until COUNT wait (none with THAMNIAP_JOBS=1: jobs run in this process)."""
        if job_count() < 2:
            return
        self._idle[:] = [p for p in self._idle if p.poll() is None]
        while len(self._idle) < count:
            self._idle.append(_start(self._preload))

    @property
    def idle(self) -> int:
        return sum(1 for p in self._idle if p.poll() is None)

    def close(self) -> None:
        self._finalizer()


def _stop_all(procs: list[subprocess.Popen]) -> None:
    """Stop idle workers: closing stdin ends one waiting for its call; kill what does not end."""
    for proc in procs:
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            stream.close()
    procs.clear()


def _call(fn: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, fn(*args)
    except Exception as exc:  # noqa: BLE001 - handed back to the caller, raised there
        return False, exc


def _serve(preload: list[str]) -> int:
    for name in preload:               # a spare worker (Spares): imported while it waits
        importlib.import_module(name)
    try:
        fn, args = pickle.load(sys.stdin.buffer)
    except EOFError:
        return 0                       # a spare never used: stdin closed
    answer = sys.stdout.buffer
    sys.stdout = sys.stderr            # a print() in the job must not corrupt the answer
    ok, value = _call(fn, args)
    try:
        data = pickle.dumps((ok, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
        data = pickle.dumps((False, WorkerError(f"{type(value).__name__}: {value} ({exc})")))
    answer.write(data)
    answer.flush()
    return 0


if __name__ == "__main__":
    from thamniap.build.workers import _serve as serve
    raise SystemExit(serve(sys.argv[1:]))
