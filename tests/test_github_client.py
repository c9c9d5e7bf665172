"""github/client.GitHub: the requests it sends (against a local stand-in for api.github.com) and
the addresses it refuses to download from."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from thamniap.render.reportform.reply import MARKER
from thamniap.github.client import GitHub, GitHubError, public_download


class _API(BaseHTTPRequestHandler):
    answers: dict = {}
    seen: list = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        self.seen.append((self.command, self.path, body, self.headers.get("Authorization")))
        status, payload = self.answers.get((self.command, self.path.split("?")[0]), (200, {}))
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def api():
    _API.seen, _API.answers = [], {}
    server = HTTPServer(("127.0.0.1", 0), _API)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield GitHub("loei-cdd/thamniap", "t0ken", api=f"http://127.0.0.1:{server.server_port}"), _API
    server.shutdown()


def test_the_calls_the_bot_makes(api):
    client, server = api
    base = "/repos/loei-cdd/thamniap"
    server.answers = {
        ("GET", f"{base}/issues/7/comments"): (200, [
            {"id": 1, "body": MARKER + " but typed by a person", "user": {"type": "User"}},
            {"id": 2, "body": MARKER + "\n## บอทรายงาน", "user": {"type": "Bot"}}]),
        ("GET", f"{base}/pulls"): (200, [{"number": 101}]),
        ("GET", base): (200, {"default_branch": "main"}),
        ("DELETE", f"{base}/issues/7/labels/report%3Aneeds-fix"): (404, {}),
    }
    assert client.find_comment(7, MARKER)["id"] == 2          # a person's copy of the marker is not the bot's
    client.update_comment(2, "ใหม่")
    client.add_labels(7, ["report:pull-request"])
    client.remove_label(7, "report:needs-fix")                  # not there: fine
    assert client.find_pull("report/7") == {"number": 101}
    client.create_pull("report/7", client.default_branch(), "ชื่อ", "Closes #7")
    calls = [(m, p, b) for m, p, b, _ in server.seen]
    assert ("PATCH", f"{base}/issues/comments/2", {"body": "ใหม่"}) in calls
    assert ("POST", f"{base}/issues/7/labels", {"labels": ["report:pull-request"]}) in calls
    assert ("GET", f"{base}/pulls?state=open&head=loei-cdd%3Areport%2F7", None) in calls
    assert ("POST", f"{base}/pulls", {"title": "ชื่อ", "head": "report/7", "base": "main", "body": "Closes #7"}) in calls
    assert {auth for *_, auth in server.seen} == {"Bearer t0ken"}


def test_a_failed_call_is_a_thai_error(api):
    client, server = api
    server.answers = {("POST", "/repos/loei-cdd/thamniap/issues/7/comments"): (403, {})}
    with pytest.raises(GitHubError, match="GitHub ตอบ 403"):
        client.create_comment(7, "x")


def test_ready_needs_a_token_and_a_repository():
    assert GitHub("loei-cdd/thamniap", "t").ready
    assert not GitHub("loei-cdd/thamniap", None).ready and not GitHub("", "t").ready


@pytest.mark.parametrize("url", ["http://github.com/user-attachments/files/1/a.xlsx",
                                 "https://github.com.evil.example/user-attachments/files/1/a.xlsx",
                                 "https://evil.example/a.xlsx", "file:///etc/passwd"])
def test_downloads_come_only_from_github(url):
    with pytest.raises(GitHubError, match="ไม่ดาวน์โหลดจาก"):
        public_download(url)
