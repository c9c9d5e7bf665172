"""The few GitHub calls the bots make, in one small client (its fake for the tests: tests/fake_github.py).

Only this module talks to GitHub's API: find and update the bot's one reply comment (found by
render/reportform/reply.MARKER), add or remove a label, open or update the pull request of branch
report/<n>, download an issue attachment; and for `thamniap remind` (bot/remind.py), list the open
issues with a label, open, update and close an issue. Pushing the branch is git (vcs.git.push), with the
same token. The token is the GitHub App's installation token (actions/create-github-app-token in
.github/workflows/report-bot.yml), read from GITHUB_TOKEN; GITHUB_REPOSITORY names the repository.
"""
from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from thamniap.vcs import git

API = "https://api.github.com"
MAX_DOWNLOAD = 5 * 1024 * 1024          # a district's workbook is well under 1 MB
DOWNLOAD_HOSTS = re.compile(r"^(github\.com|[a-z0-9-]+\.githubusercontent\.com)$")
MISSING_TOKEN = ("thamniap report --publish: ไม่ได้ตั้งค่า token ของ GitHub App (ตัวแปร GITHUB_TOKEN จากขั้นตอน "
                 "actions/create-github-app-token) หรือ GITHUB_REPOSITORY จึงส่งคำตอบขึ้น GitHub ไม่ได้ — "
                 "ตั้งค่าตาม docs/report-bot.md (ตัวแปร THAMNIAP_BOT_CLIENT_ID และ secret THAMNIAP_BOT_PRIVATE_KEY "
                 "ใน environment thamniap-bot)")


class GitHubError(Exception):
    """A call failed (Thai message)."""


def _download(url: str, headers: dict[str, str]) -> bytes:
    """URL's bytes, at most MAX_DOWNLOAD, from GitHub's own hosts only (also after redirects)."""
    if urlsplit(url).scheme != "https" or not DOWNLOAD_HOSTS.match(urlsplit(url).hostname or ""):
        raise GitHubError(f"ไม่ดาวน์โหลดจาก {urlsplit(url).hostname}")
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            final = urlsplit(response.geturl())
            if final.scheme != "https" or not DOWNLOAD_HOSTS.match(final.hostname or ""):
                raise GitHubError(f"ไฟล์แนบถูกส่งต่อไปที่ {final.hostname} ซึ่งไม่ใช่ของ GitHub")
            content = response.read(MAX_DOWNLOAD + 1)
    except urllib.error.URLError as exc:
        raise GitHubError(f"ดาวน์โหลดไฟล์แนบไม่สำเร็จ: {exc}") from None
    if len(content) > MAX_DOWNLOAD:
        raise GitHubError(f"ไฟล์แนบใหญ่เกิน {MAX_DOWNLOAD // (1024 * 1024)} MB")
    return content


def public_download(url: str) -> bytes:
    """An attachment of a public repository (no token needed)."""
    return _download(url, {"User-Agent": "thamniap-report-bot"})


@dataclass
class GitHub:
    repository: str                 # owner/name
    token: str | None
    api: str = API

    @property
    def ready(self) -> bool:
        return bool(self.token and re.fullmatch(r"[\w.-]+/[\w.-]+", self.repository or ""))

    @property
    def remote(self) -> str:
        return f"https://github.com/{self.repository}.git"

    def _call(self, method: str, path: str, payload: dict | None = None):
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        request = urllib.request.Request(f"{self.api}/repos/{self.repository}{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "thamniap-report-bot",
            **({"Content-Type": "application/json"} if data else {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise GitHubError(f"GitHub ตอบ {exc.code} สำหรับ {method} {path}") from None
        except urllib.error.URLError as exc:
            raise GitHubError(f"ติดต่อ GitHub ไม่ได้: {exc.reason}") from None
        return json.loads(body) if body else None

    # -- the calls the bot needs
    def default_branch(self) -> str:
        return self._call("GET", "")["default_branch"]

    def issue_author(self, issue: int) -> str | None:
        found = self._call("GET", f"/issues/{int(issue)}") or {}
        return (found.get("user") or {}).get("login")

    def find_comment(self, issue: int, marker: str) -> dict | None:
        for page in range(1, 11):
            found = self._call("GET", f"/issues/{issue}/comments?per_page=100&page={page}") or []
            hit = next((c for c in found if marker in (c.get("body") or "") and
                        str((c.get("user") or {}).get("type")) == "Bot"), None)
            if hit or len(found) < 100:
                return hit
        return None

    def create_comment(self, issue: int, body: str) -> dict:
        return self._call("POST", f"/issues/{issue}/comments", {"body": body})

    def update_comment(self, comment_id: int, body: str) -> dict:
        return self._call("PATCH", f"/issues/comments/{comment_id}", {"body": body})

    def add_labels(self, issue: int, labels: list[str]) -> None:
        self._call("POST", f"/issues/{issue}/labels", {"labels": labels})

    def remove_label(self, issue: int, label: str) -> None:
        try:
            self._call("DELETE", f"/issues/{issue}/labels/{quote(label, safe='')}")
        except GitHubError:
            pass                    # not there: nothing to remove

    def find_pull(self, branch: str) -> dict | None:
        owner = self.repository.split("/")[0]
        found = self._call("GET", f"/pulls?state=open&head={quote(owner + ':' + branch, safe='')}") or []
        return found[0] if found else None

    def create_pull(self, branch: str, base: str, title: str, body: str) -> dict:
        return self._call("POST", "/pulls", {"title": title, "head": branch, "base": base, "body": body})

    def update_pull(self, number: int, title: str, body: str) -> dict:
        return self._call("PATCH", f"/pulls/{number}", {"title": title, "body": body})

    # -- the calls `thamniap remind` needs (GITHUB_TOKEN of .github/workflows/remind.yml: issues: write)
    def open_issues(self, label: str) -> list[dict]:
        """The open issues (not pull requests) carrying LABEL: number, title, body."""
        found: list[dict] = []
        for page in range(1, 11):
            batch = self._call("GET", f"/issues?state=open&labels={quote(label, safe='')}&per_page=100&page={page}") or []
            found += [{"number": i["number"], "title": i.get("title") or "", "body": i.get("body") or ""}
                      for i in batch if "pull_request" not in i]
            if len(batch) < 100:
                break
        return found

    def create_issue(self, title: str, body: str, labels: list[str]) -> dict:
        return self._call("POST", "/issues", {"title": title, "body": body, "labels": labels})

    def update_issue(self, number: int, title: str, body: str) -> dict:
        return self._call("PATCH", f"/issues/{int(number)}", {"title": title, "body": body})

    def close_issue(self, number: int) -> dict:
        return self._call("PATCH", f"/issues/{int(number)}", {"state": "closed", "state_reason": "completed"})

    def push(self, top: Path, sha: str, branch: str) -> None:
        git.push(top, sha, self.remote, branch, self.token)

    def download(self, url: str) -> bytes:
        return public_download(url)


def from_environment() -> GitHub:
    return GitHub(os.environ.get("GITHUB_REPOSITORY", ""), os.environ.get("GITHUB_TOKEN") or None,
                  os.environ.get("GITHUB_API_URL", API))
