"""The Pagefind binary, driven in service mode over its stdin/stdout protocol.

Not the ``pagefind`` Python package: it polls each answer with a 0.1 s sleep and was seen leaving
truncated files when it shut the service down. :class:`PagefindService` sends the messages (a
generator, so a page is indexed while the next is read and scanned) and reads the answers; the
caller writes the bundle it hands back (thamniap.build.search.bundle).
"""
from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Iterable


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def pagefind_version() -> str:
    try:
        return metadata.version("pagefind-bin-extended")
    except metadata.PackageNotFoundError:
        return "unknown"


def pagefind_executable() -> Path:
    """The *extended* Pagefind binary (only it word-splits Thai).

    PAGEFIND_BINARY_PATH overrides; otherwise the binary shipped in the
    pagefind-bin-extended wheel (requirements.txt), so nothing is downloaded.
    """
    override = os.environ.get("PAGEFIND_BINARY_PATH")
    if override:
        return Path(override)
    try:
        import pagefind_bin_extended

        return Path(pagefind_bin_extended.get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise SearchIndexError(
            "Pagefind extended is not installed (needed to split Thai words). "
            "Install the pinned version: pip install -r requirements.txt"
        ) from exc


class PagefindService:
    """``pagefind --service``: base64 JSON messages ending in "," on stdin/stdout.

    The service handles messages one by one, in order, so sending a batch at
    once keeps the index order (and the bundle) reproducible.
    """

    def __init__(self, exe: Path, cwd: Path, log: Path, timeout: float = 600):
        """TIMEOUT: seconds the service may go without answering before it is taken as hung and ended
        (a quiet spell, not the whole run: the national build sends over ten thousand pages)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
        self._log = log
        self._stderr = open(log.with_suffix(".stderr"), "wb")
        try:
            self._proc = subprocess.Popen([str(exe), "--service"], cwd=cwd, env=env, stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=self._stderr)
        except OSError as exc:
            self._stderr.close()
            raise SearchIndexError(f"could not run Pagefind ({exe}): {exc}") from exc
        self._timeout, self._heard = timeout, time.monotonic()
        self.hung = False           # set when the watchdog ended a silent service
        self._closed = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="pagefind-service-watchdog", daemon=True)
        self._watchdog.start()      # a hung service ends the build
        self._sent = 0
        self._buf = bytearray()

    def _watch(self):
        """End the service once it has been silent for the timeout while not closed."""
        while not self._closed.wait(min(1.0, self._timeout / 4)):
            if time.monotonic() - self._heard > self._timeout:
                self.hung = True
                self._proc.kill()
                return

    def request(self, payloads: Iterable[dict]) -> list[dict]:
        """Send the payloads; return the answers' payloads in order (raises on an error answer).

        ``payloads`` may be a generator: it runs in a writer thread, so the
        service indexes one page while the next is being read and scanned.
        """
        first = self._sent + 1
        state = {"sent": 0, "done": False, "error": None}
        ready = threading.Condition()

        def write():
            try:
                for i, payload in enumerate(payloads, first):
                    message = json.dumps({"message_id": i, "payload": payload}, ensure_ascii=False)
                    self._proc.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
                    self._proc.stdin.flush()
                    with ready:
                        state["sent"] += 1
                        ready.notify()
            except OSError:
                pass        # the reader reports the service's end
            except BaseException as exc:  # noqa: BLE001 - a page that could not be read: re-raised below
                state["error"] = exc
            finally:
                with ready:
                    state["done"] = True
                    ready.notify()

        writer = threading.Thread(target=write, name="pagefind-service-writer", daemon=True)
        writer.start()      # written while answers are read: neither pipe can fill up
        answers: list[dict] = []
        try:
            while True:
                with ready:
                    ready.wait_for(lambda: len(answers) < state["sent"] or state["done"])
                    if len(answers) >= state["sent"]:
                        break           # done, every message answered
                end = self._buf.find(b",")
                if end < 0:
                    chunk = self._proc.stdout.read1(1 << 20)
                    if not chunk:
                        why = f"no answer for {self._timeout:g} s" if self.hung else "stopped"
                        raise SearchIndexError(f"Pagefind service {why} (answered {first - 1 + len(answers)} "
                                               f"of {first - 1 + state['sent']} messages):\n{self.output()}")
                    self._heard = time.monotonic()
                    self._buf += chunk
                    continue
                answer = json.loads(base64.b64decode(bytes(self._buf[:end])))
                del self._buf[: end + 1]
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    raise SearchIndexError(f"Pagefind service: {payload.get('message')} "
                                           f"(message {answer.get('message_id')})\n{self.output()}")
                if answer.get("message_id") != first + len(answers):
                    raise SearchIndexError(f"Pagefind service answered message {answer.get('message_id')}, "
                                           f"expected {first + len(answers)}")
                answers.append(payload)
        finally:
            if not state["done"]:
                self._proc.kill()       # stop a writer blocked on a full pipe
            writer.join(timeout=60)
        if state["error"] is not None:
            raise state["error"]
        self._sent += len(answers)
        return answers

    def close(self):
        self._closed.set()
        try:
            self._proc.stdin.close()       # EOF: the service exits
        except OSError:
            pass
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._proc.stdout.close()
        self._stderr.close()

    def output(self) -> str:
        """Pagefind's log and error output so far."""
        parts = []
        for path in (self._log, self._log.with_suffix(".stderr")):
            try:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                pass
        return "\n".join(parts)
