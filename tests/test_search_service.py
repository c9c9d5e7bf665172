"""build/search/pagefind.py: the Pagefind service is ended when it goes silent, not when a long run
outlasts a fixed time (the national build sends over ten thousand pages: issue 21 §4). A small stand-in
for the binary speaks the service's protocol (base64 JSON messages ending in ",")."""
from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from thamniap.build.search.pagefind import PagefindService, SearchIndexError

SERVICE = '''#!{python}
import base64, json, sys, time
DELAY, HANG_AT = {delay}, {hang_at}
buf = b""
while True:
    chunk = sys.stdin.buffer.read1(1 << 16)
    if not chunk:
        break
    buf += chunk
    while b"," in buf:
        raw, buf = buf.split(b",", 1)
        message = json.loads(base64.b64decode(raw))
        if message["message_id"] == HANG_AT:
            time.sleep(3600)
        time.sleep(DELAY)
        answer = {{"message_id": message["message_id"], "payload": {{"type": "Ok", "n": message["payload"]["n"]}}}}
        sys.stdout.buffer.write(base64.b64encode(json.dumps(answer).encode()) + b",")
        sys.stdout.buffer.flush()
'''


def service(tmp_path: Path, delay: float, hang_at: int = 0) -> Path:
    exe = tmp_path / "fake-pagefind"
    exe.write_text(SERVICE.format(python=sys.executable, delay=delay, hang_at=hang_at), encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    return exe


def test_a_run_longer_than_the_timeout_finishes_while_answers_keep_coming(tmp_path):
    svc = PagefindService(service(tmp_path, delay=0.3), tmp_path, tmp_path / "log", timeout=1.0)
    try:
        answers = svc.request({"n": i} for i in range(8))      # about 2.4 s in all, an answer every 0.3 s
    finally:
        svc.close()
    assert [a["n"] for a in answers] == list(range(8)) and not svc.hung


def test_a_silent_service_is_ended_and_reported(tmp_path):
    svc = PagefindService(service(tmp_path, delay=0.0, hang_at=3), tmp_path, tmp_path / "log", timeout=1.0)
    try:
        with pytest.raises(SearchIndexError, match=r"no answer for 1 s \(answered 2 of 5 messages\)"):
            svc.request({"n": i} for i in range(5))
    finally:
        svc.close()
    assert svc.hung
