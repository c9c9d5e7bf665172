"""The fake of thamniap.github.client.GitHub: the one boundary the tests fake.

Comments, labels, issues' authors and pull requests live in memory; pushes go to a real git
repository (REMOTE, a path), so a branch really moves; downloads come from FILES (url → bytes, or
the exception the real download raises: GitHubError, an OSError such as urllib's URLError; a URL not
in FILES is GitHub's 404). `meanwhile` runs what someone else does just before one of the calls (a race).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from thamniap.github.client import GitHubError
from thamniap.render.reportform.reply import plain_problems
from thamniap.vcs import git


@dataclass
class FakeGitHub:
    """GitHub for the tests: comments, labels, issues and pull requests in memory; pushes go to a real git
    repository (REMOTE, a path), so a branch really moves; downloads come from FILES (url → bytes)."""
    remote: str
    base_branch: str = "main"
    files: dict[str, bytes | Exception] = field(default_factory=dict)
    comments: dict[int, dict] = field(default_factory=dict)        # id → {issue, body}
    labels: dict[int, set[str]] = field(default_factory=dict)
    pulls: dict[int, dict] = field(default_factory=dict)           # number → {head, base, title, body}
    downloads: list[str] = field(default_factory=list)
    issue_authors: dict[int, str] = field(default_factory=dict)
    issues: dict[int, dict] = field(default_factory=dict)         # number → {title, body, labels, state}
    # method name → a function run just before that call: what someone else does meanwhile (a race)
    meanwhile: dict[str, Callable[[], None]] = field(default_factory=dict)
    ready: bool = True

    def _meanwhile(self, call: str) -> None:
        if call in self.meanwhile:
            self.meanwhile[call]()

    def default_branch(self) -> str:
        self._meanwhile("default_branch")
        return self.base_branch

    def issue_author(self, issue: int) -> str | None:
        return self.issue_authors.get(issue)

    def find_comment(self, issue: int, marker: str) -> dict | None:
        return next(({"id": i, **c} for i, c in self.comments.items() if c["issue"] == issue and marker in c["body"]), None)

    def _plain(self, body: str) -> None:
        """A comment the bot posts on a report is plain Thai outside its collapsed part (issue 19 §6);
        the reminders (bot/remind.py) speak to the district's maintainers and are not checked here."""
        if "thamniap-report-bot" in body:
            assert not plain_problems(body), (plain_problems(body), body)

    def create_comment(self, issue: int, body: str) -> dict:
        self._plain(body)
        number = len(self.comments) + 1
        self.comments[number] = {"issue": issue, "body": body}
        return {"id": number}

    def update_comment(self, comment_id: int, body: str) -> dict:
        self._plain(body)
        self.comments[comment_id]["body"] = body
        return {"id": comment_id}

    def add_labels(self, issue: int, labels: list[str]) -> None:
        self.labels.setdefault(issue, set()).update(labels)

    def remove_label(self, issue: int, label: str) -> None:
        self.labels.setdefault(issue, set()).discard(label)

    def find_pull(self, branch: str) -> dict | None:
        self._meanwhile("find_pull")
        return next(({"number": n, **p} for n, p in self.pulls.items() if p["head"] == branch), None)

    def create_pull(self, branch: str, base: str, title: str, body: str) -> dict:
        self._meanwhile("create_pull")
        number = 100 + len(self.pulls) + 1
        self.pulls[number] = {"head": branch, "base": base, "title": title, "body": body}
        return {"number": number}

    def update_pull(self, number: int, title: str, body: str) -> dict:
        self._meanwhile("update_pull")
        self.pulls[number].update(title=title, body=body)
        return {"number": number}

    def open_issues(self, label: str) -> list[dict]:
        return [{"number": n, "title": i["title"], "body": i["body"]} for n, i in sorted(self.issues.items())
                if i["state"] == "open" and label in i["labels"]]

    def create_issue(self, title: str, body: str, labels: list[str]) -> dict:
        number = 1 + max([0, *self.issues, *self.pulls])
        self.issues[number] = {"title": title, "body": body, "labels": set(labels), "state": "open"}
        return {"number": number}

    def update_issue(self, number: int, title: str, body: str) -> dict:
        self.issues[number].update(title=title, body=body)
        return {"number": number}

    def close_issue(self, number: int) -> dict:
        self.issues[number]["state"] = "closed"
        return {"number": number}

    def push(self, top: Path, sha: str, branch: str) -> None:
        self._meanwhile("push")
        git.push(top, sha, self.remote, branch)

    def download(self, url: str) -> bytes:
        self.downloads.append(url)
        if url not in self.files:
            raise GitHubError(f"GitHub ตอบ 404 สำหรับ {url}")
        found = self.files[url]
        if isinstance(found, Exception):
            raise found
        return found
