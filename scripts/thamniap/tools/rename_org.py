"""`thamniap rename-org NEW`: the project moved to another GitHub organisation (or repository name).

The repository's address is written once, as `repo_url` in mkdocs.yml; the site, the report pages and
the bot read it from there. What else names the organisation is changed here in one go: `repo_url`
(and `site_url` when it is that repository's GitHub Pages address), and the team names under
`maintainers:` in province.yaml and district.yaml (`OLD/district-4201` → `NEW/district-4201`; personal
accounts stay). Data files are changed as the smallest line edit (write/edit.py) and every file is
replaced together or none (write/files.py). CODEOWNERS and the issue chooser are generated from these
(`thamniap codeowners`, `thamniap issue-forms`), so the command line runs them next.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from thamniap.load.layout import discover, display_path
from thamniap.write.edit import EditRefused, edit_text, read_document
from thamniap.write.files import replace_files

GITHUB_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})")
REPO_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
REPO_URL_LINE = re.compile(r"^(repo_url:[ \t]*)(['\"]?)https://github\.com/([^/\s'\"]+)/([^/\s'\"]+?)/?\2[ \t]*$", re.M)


@dataclass
class Renamed:
    old_org: str = ""
    old_repo: str = ""
    texts: dict[Path, str] = field(default_factory=dict)
    teams: int = 0                       # maintainer entries renamed
    problems: list[str] = field(default_factory=list)


def renamed_team(entry, old: str, new: str):
    """OLD/team → NEW/team (GitHub owner names ignore case); anything else as it is."""
    if isinstance(entry, str) and "/" in entry and entry.split("/", 1)[0].lower() == old.lower():
        return f"{new}/{entry.split('/', 1)[1]}"
    return entry


def plan(config: Path, data: Path, new_org: str, new_repo: str | None = None) -> Renamed:
    """The new texts of mkdocs.yml and of every data file that names the old organisation's teams."""
    out = Renamed()
    if not GITHUB_NAME.fullmatch(new_org):
        out.problems.append(f"`{new_org}` ใช้เป็นชื่อองค์กร GitHub ไม่ได้ (ตัวอักษรอังกฤษ ตัวเลข และ - ไม่เกิน 39 ตัว)")
    if new_repo is not None and not REPO_NAME.fullmatch(new_repo):
        out.problems.append(f"`{new_repo}` ใช้เป็นชื่อที่เก็บ GitHub ไม่ได้")
    text = config.read_text(encoding="utf-8")
    found = REPO_URL_LINE.search(text)
    if found is None:
        out.problems.append(f"ไม่พบบรรทัด `repo_url: https://github.com/องค์กร/ที่เก็บ` ใน {display_path(config)}")
    if out.problems:
        return out
    out.old_org, out.old_repo = found[3], found[4]
    repo = new_repo or out.old_repo
    text = text[:found.start()] + f"{found[1]}https://github.com/{new_org}/{repo}" + text[found.end():]
    pages = re.compile(r"^(site_url:[ \t]*)['\"]?https://" + re.escape(out.old_org) + r"\.github\.io/"
                       + re.escape(out.old_repo) + r"/?['\"]?[ \t]*$", re.M | re.I)
    text = pages.sub(lambda m: f"{m[1]}https://{new_org.lower()}.github.io/{repo}/", text)
    out.texts[config] = text
    for file in discover(data).files:
        if file.kind not in ("province", "district"):
            continue
        shown = display_path(file.path)
        old = file.path.read_text(encoding="utf-8")
        try:
            doc = read_document(old, shown)
        except EditRefused as exc:
            out.problems.append(str(exc))
            continue
        teams = doc.get("maintainers")
        if not isinstance(teams, list):
            continue
        new_teams = [renamed_team(t, out.old_org, new_org) for t in teams]
        if new_teams == teams:
            continue
        out.teams += sum(a != b for a, b in zip(teams, new_teams))
        try:
            out.texts[file.path] = edit_text(old, {**doc, "maintainers": new_teams}, shown)
        except EditRefused as exc:
            out.problems.append(str(exc))
    return out


def rename(config: Path, data: Path, new_org: str, new_repo: str | None = None) -> Renamed:
    """Write the plan (every file, or none when there is a problem)."""
    renamed = plan(config, data, new_org, new_repo)
    if not renamed.problems:
        replace_files({p: t for p, t in renamed.texts.items() if p.read_text(encoding="utf-8") != t})
    return renamed
