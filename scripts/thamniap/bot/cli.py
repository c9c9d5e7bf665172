"""The report commands behind cli.py: `thamniap report` and `thamniap issue-forms`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from thamniap.render.reportform.forms import chooser_config, issue_forms
from thamniap.review import checkpr
from thamniap.vcs import git

FORMS_DIR = Path(".github") / "ISSUE_TEMPLATE"


def chooser_text(root: Path) -> str:
    """config.yml of the issue chooser for the project at ROOT: the site address from its mkdocs.yml, the
    office of its first province (data/<province>/province.yaml)."""
    from thamniap.load.loader import load_file
    from thamniap.render.site import SiteSettings
    settings = SiteSettings.from_file(root / "mkdocs.yml")
    provinces = sorted((root / "data").glob("*/province.yaml"))
    office = load_file(provinces[0]).data.get("office") if provinces else None
    office = office if isinstance(office, dict) else {}
    return chooser_config(settings.site_url, office.get("name"), office.get("phone"))


def issue_forms_command(root: Path, check: bool, out: TextIO, err: TextIO) -> int:
    folder = root / FORMS_DIR
    stale = []
    for name, text in {**issue_forms(), "config.yml": chooser_text(root)}.items():
        path = folder / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(name)
        if not check:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if check and stale:
        err.write("แบบฟอร์มไม่ตรงกับ intake/reportform/fields.py หรือ mkdocs.yml: " + ", ".join(stale)
                  + " — รัน `thamniap issue-forms` แล้ว commit\n")
        return 1
    out.write(("เขียนแล้ว: " + ", ".join(stale) if stale and not check else "แบบฟอร์มรายงานเป็นปัจจุบัน") + "\n")
    return 0


def report_command(event: Path, root: Path, teams: tuple[str, ...] | None, base: str, today: dt.date | None,
                   publish: bool, out: TextIO, err: TextIO, *, triage: bool = False, claims=None) -> int:
    """CLAIMS: a report file's district and round (bot.FileClaims), None for an issue event; TRIAGE:
    only say whether the event is a report to act on (true/false)."""
    from thamniap.bot import bot
    if triage:
        try:
            act, why_not = bot.triage(event)
        except bot.EventError as exc:
            err.write(checkpr.public(f"thamniap report: {exc}\n"))
            return 2
        if why_not:
            err.write(checkpr.public(why_not) + "\n")
        out.write("true\n" if act else "false\n")
        return 0
    from thamniap.bot.publish import publish_outcome
    from thamniap.github import client as github_client
    client = github_client.from_environment() if publish else None
    options = bot.Options(event, root, teams, base, today, write=not publish, claims=claims)
    try:
        outcome = bot.run(options, download=client.download if client else github_client.public_download)
    except (bot.EventError, git.GitError, checkpr.CheckError) as exc:
        err.write(checkpr.public(f"thamniap report: {exc}\n"))
        return 2
    if outcome.note:
        err.write(checkpr.public(outcome.note) + "\n")
    if not publish:
        out.write(outcome.reply)
        if claims is not None and outcome.code == 0 and outcome.files:
            out.write(_report_file_steps(outcome, root))
        return outcome.code
    if client is None or not client.ready:
        if outcome.reply:
            out.write(outcome.reply.rstrip() + "\n\n> " + github_client.MISSING_TOKEN + "\n")
        err.write(github_client.MISSING_TOKEN + "\n")
        return 2
    return publish_outcome(outcome, client, git.toplevel(root), out, err)


def _report_file_steps(outcome, root: Path) -> str:
    """The province officer's next steps after `report-file` applied a file, and the district's receipt."""
    from thamniap.render.reportform.reply import report_file_steps
    from thamniap.render.site import SiteSettings, district_rel
    from thamniap.check.validate import load_dataset
    url = ""
    config = root / "mkdocs.yml"
    if config.is_file():
        settings = SiteSettings.from_file(config)
        district = next((d for p in load_dataset(root / "data").provinces for d in p.districts if d.code == outcome.district), None)
        if district is not None and settings.site_url:
            url = settings.page_url(district_rel(district))
    branch = f"report-file/{outcome.district}-{dt.date.today().isoformat()}"
    return checkpr.public(report_file_steps(outcome.report.name, outcome.district_name, outcome.district,
                                            sorted(outcome.files), url, branch))
