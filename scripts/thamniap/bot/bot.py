"""`thamniap report EVENT.json`: one GitHub `issues` event (opened or edited) → a checked change.

The steps, each of which can only refuse: the body's size (fields.MAX_BODY_BYTES) → no phone or
national ID number anywhere in it (refused, never repeated) → the report type (label `report:<id>`,
else the title prefix of its form) → the fields (body.py) → the district, and whether the issue's
author may change it (the district's and the province's maintainers, review.checkpr.may_change) →
names and dates (read.py) → the edit of club.yaml / meeting.yaml (edit.py) or of the subdistricts' roster
files (roster.py) written as a git commit
on top of BASE without touching the working tree (vcs.git.commit_files) → validation of the district
on that commit (only errors the report causes) → check-pr on that commit with the author as actor
(authority read from BASE's data, teams from --actor-teams). Only then are the files written.

Exit 0: applied (or nothing to do: not a report, a bot's event); 1: problems or refused, nothing
changed on disk; 2: usage or internal error. The reply is one Markdown comment (render/reportform/reply.py).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from thamniap.check.validate import check_loaded, check_root, load_dataset
from thamniap.derive import changes
from thamniap.core.private_numbers import ID_NUMBER, find_private_numbers
from thamniap.model import rounds
from thamniap.render import changes as change_text
from thamniap.intake.reportform.fields import REPORTS, Report
from thamniap.intake.reportform.messages import Note
from thamniap.render.reportform.reply import applied_reply, not_allowed_reply, plain_problems, problems_reply
from thamniap.review import checkpr
from thamniap.write.edit import EditRefused
from thamniap.write.files import replace_files
from thamniap.bot import attachment, edit, read, roster
from thamniap.intake.reportform import body as body_parser
from thamniap.vcs import git

BOT_IDENTITY = {"GIT_AUTHOR_NAME": "thamniap-report-bot", "GIT_AUTHOR_EMAIL": "thamniap-report-bot@users.noreply.github.com",
                "GIT_COMMITTER_NAME": "thamniap-report-bot",
                "GIT_COMMITTER_EMAIL": "thamniap-report-bot@users.noreply.github.com"}
THAI_TIME = dt.timezone(dt.timedelta(hours=7))


class EventError(Exception):
    """The event file cannot be used (exit 2, Thai message)."""


@dataclass(frozen=True)
class FileClaims:
    """What a report file (`thamniap report-file`) says it is for: checked against BASE's data."""
    district: str                                  # its code (the file's head)
    round_id: str | None                           # the round current when the page made it (None: none was)


@dataclass(frozen=True)
class Options:
    event: Path
    project: Path                                  # the project root (mkdocs.yml, data/)
    actor_teams: tuple[str, ...] | None = None     # None: membership unknown (grants nothing)
    base: str = "HEAD"                             # the default branch's commit
    today: dt.date | None = None                   # None: today in Thailand
    write: bool = True                             # write the files when applied (--publish pushes the commit instead)
    claims: FileClaims | None = None               # a report file's district and round (None: an issue)


@dataclass
class Issue:
    number: int
    title: str
    body: str
    labels: tuple[str, ...]
    author: str
    opened: dt.date | None
    action: str
    sender: str
    sender_is_bot: bool
    changed: tuple[str, ...] = ()                  # for `edited`: what the edit changed ("body", "title")

    @property
    def editor(self) -> str:
        """Whose words the body now is: the sender of an edit of the body, else the author."""
        return self.sender if self.action == "edited" and self.sender else self.author

    @property
    def edited_by_someone_else(self) -> bool:
        return self.action == "edited" and self.sender.lower() != self.author.lower()


@dataclass
class Outcome:
    code: int
    reply: str = ""                                # Markdown, already public (masked); "" = say nothing
    issue: Issue | None = None
    report: Report | None = None
    commit: str | None = None                      # the checked commit (code 0 with a change)
    files: dict[str, bytes] = field(default_factory=dict)   # repository path → new content
    district: str | None = None                    # its code
    district_name: str | None = None
    note: str = ""                                 # for stderr (why nothing was done)


# ---------------------------------------------------------------- the event

def read_event(path: Path) -> Issue:
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EventError(f"อ่านไฟล์เหตุการณ์ {path} ไม่ได้: {exc}") from None
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict) or not isinstance(issue.get("number"), int):
        raise EventError("ไฟล์เหตุการณ์ไม่ใช่เหตุการณ์ issues ของ GitHub (ไม่มี issue.number)")
    sender = event.get("sender") or {}
    user = issue.get("user") or {}
    opened = None
    if isinstance(issue.get("created_at"), str):
        try:
            opened = dt.datetime.fromisoformat(issue["created_at"].replace("Z", "+00:00")).astimezone(THAI_TIME).date()
        except ValueError:
            opened = None
    changes = event.get("changes")
    return Issue(issue["number"], str(issue.get("title") or ""), str(issue.get("body") or ""),
                 tuple(str(label.get("name", "")) for label in issue.get("labels") or [] if isinstance(label, dict)),
                 str(user.get("login") or ""), opened, str(event.get("action") or ""),
                 str(sender.get("login") or ""), _is_bot(sender) or _is_bot(user),
                 tuple(sorted(str(k) for k in changes)) if isinstance(changes, dict) else ())


def _is_bot(account: dict) -> bool:
    return account.get("type") == "Bot" or str(account.get("login") or "").endswith("[bot]")


def report_type(issue: Issue) -> Report | None:
    """The report the issue's label names, else the one whose title prefix it starts with."""
    labelled = [r for r in REPORTS if r.label in issue.labels]
    if len(labelled) == 1:
        return labelled[0]
    return next((r for r in REPORTS if issue.title.strip().startswith(r.title.strip())), None)


# ---------------------------------------------------------------- privacy

_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.M)
_KIND_TH = {ID_NUMBER: "เลขประจำตัวประชาชน"}
_PHONE_TH = "หมายเลขโทรศัพท์"
TITLE_PLACE = "ชื่อเรื่องของรายงาน"
LABELS_PLACE = "ป้ายกำกับของรายงาน"


def private_numbers(text: str, report: Report | None = None, place: str | None = None) -> list[Note]:
    """A note per form field of TEXT (or per PLACE) that holds a phone or national ID number, in any
    spelling; the number is never quoted. A field is named only by one of REPORT's own field labels:
    a heading the issue wrote itself is the issue's text (it may hold the number), so it is not quoted."""
    labels = {f.label for f in report.fields} if report else set()
    headings = [(m.start(), m.group(1)) for m in _HEADING.finditer(text)] if place is None else []

    def where(at: int) -> str | None:
        if place is not None:
            return place
        label = next((label for start, label in reversed(headings) if start <= at), None)
        return label if label in labels else None

    found: dict[str, list[int]] = {}
    for start, _end, kind in find_private_numbers(text):
        found.setdefault(_KIND_TH.get(kind, _PHONE_TH), []).append(start)
    notes: list[Note] = []
    for kind in (_KIND_TH[ID_NUMBER], _PHONE_TH):
        for label in dict.fromkeys(where(s) for s in found.get(kind, [])):
            notes.append(Note(f"มีตัวเลขที่ดูเหมือน{kind} (บอทไม่แสดงเลขนั้นซ้ำ และไม่รับรายงานนี้)", (),
                              f"ลบ{kind}ออกจากรายงาน รายงานนี้เป็นสาธารณะ — ถ้าต้องการแจ้งเป็นการส่วนตัว ให้ติดต่อสำนักงานพัฒนาชุมชนจังหวัด",
                              label))
    return notes


# ---------------------------------------------------------------- the run

def triage(event: Path) -> tuple[bool, str]:
    """(act, why not): whether the event is a report for the bot to read and answer, decided from the
    event alone (no data, no token) — the workflow asks for the App's token only when it is."""
    issue = read_event(event)
    why_not = _not_read(issue, report_type(issue))
    return why_not is None, why_not or ""


def run(options: Options, download: Callable[[str], bytes] | None = None) -> Outcome:
    issue = read_event(options.event)
    report = report_type(issue)
    why_not = _not_read(issue, report)
    if why_not:
        return Outcome(0, issue=issue, note=why_not)
    if issue.edited_by_someone_else:
        return Outcome(1, checkpr.public(problems_reply(report.name, issue.author, [_someone_elses_edit(issue)],
                                                        lead="รายงานนี้ถูกแก้ไขโดยผู้อื่น บอทจึงไม่นำไปใช้ ไม่มีการเปลี่ยนแปลงข้อมูล",
                                                        editor=issue.sender)), issue, report)
    problems = _body_problems(issue, report)
    parsed = None if problems else body_parser.parse(issue.body, report)
    problems = problems or parsed.problems
    if problems:
        return Outcome(1, checkpr.public(problems_reply(report.name, issue.author, problems, editor=issue.editor)), issue, report)
    top = git.toplevel(options.project)
    data_dir = (options.project.resolve() / "data").relative_to(top.resolve()).as_posix()
    outcome = Outcome(1, issue=issue, report=report)
    with tempfile.TemporaryDirectory(prefix="thamniap-report-") as tmp:
        _apply(options, top, data_dir, Path(tmp), parsed, outcome, download)
    if outcome.code == 0 and options.write:      # only now: everything passed
        replace_files({top / path: content for path, content in outcome.files.items()})
    return outcome


def _not_read(issue: Issue, report: Report | None) -> str | None:
    """Why the bot says nothing about this event (None: it is a report to read)."""
    if issue.action not in ("opened", "edited"):
        return f"ไม่อ่าน: เหตุการณ์ {issue.action}"
    if issue.sender_is_bot:
        return "ไม่อ่าน: เหตุการณ์จากบอท"
    if report is None:
        return "ไม่อ่าน: issue นี้ไม่ใช่รายงาน (ไม่มีป้าย report:… หรือชื่อเรื่องของแบบฟอร์มรายงาน)"
    if issue.action == "edited" and "body" not in issue.changed:
        # GitHub names what an edit changed. The body's words may be someone else's, edited earlier
        # (and refused then): an edit of the title alone must not give them the author's authority.
        return "ไม่อ่าน: การแก้ไขนี้ไม่ได้แก้เนื้อรายงาน (แก้เฉพาะชื่อเรื่อง)"
    return None


def _someone_elses_edit(issue: Issue) -> Note:
    """The reply to an edit of the report by anyone but its author: authority is the author's, the words are not."""
    return Note("รายงานนี้เขียนโดย {0} แต่ถูกแก้ไขโดย {1} บอทนำรายงานไปใช้ด้วยสิทธิ์ของผู้เขียนเท่านั้น "
                "จึงไม่ใช้ฉบับที่ผู้อื่นแก้ไข",
                ("@" + issue.author, "@" + issue.sender),
                "ให้ผู้เขียนรายงานตรวจแล้วแก้ไข issue นี้เอง (บอทจะอ่านฉบับที่ผู้เขียนแก้) หรือผู้ที่แก้ไขเปิดรายงานใหม่ในชื่อของตนเอง")


def _body_problems(issue: Issue, report: Report) -> list[Note]:
    """What stops the body being read at all: its size, a phone or national ID number in it, its
    title or its labels."""
    if body_parser.too_large(issue.body):
        return [Note(f"รายงานยาวเกิน {body_parser.MAX_BODY_BYTES // 1000} KB บอทจึงไม่อ่าน", (),
                     "ใส่เฉพาะช่องของแบบฟอร์ม ถ้ามีหลายเรื่อง ให้แยกเป็นหลาย issue")]
    return (private_numbers(issue.title, place=TITLE_PLACE)
            + private_numbers("\n".join(issue.labels), place=LABELS_PLACE)
            + private_numbers(issue.body, report))


def _apply(options: Options, top: Path, data_dir: str, tmp: Path, parsed, outcome: Outcome, download) -> None:
    """The report read against BASE's data, written as a commit and checked; OUTCOME says how it went."""
    issue, report = outcome.issue, outcome.report
    today = options.today or dt.datetime.now(THAI_TIME).date()

    def refuse(notes: list[Note], **kw) -> None:
        outcome.reply = checkpr.public(problems_reply(report.name, issue.author, notes, editor=issue.editor, **kw))

    base = git.commit(top, options.base)
    # Everything is read from BASE's git objects (check-pr's materialise), never from the working tree.
    base_root = checkpr.materialise(top, base, data_dir, tmp / "base")
    if base_root is None:
        raise EventError(f"รุ่น {base[:12]} ไม่มีโฟลเดอร์ {data_dir}/")
    ds = load_dataset(base_root)
    district, province, problem = read.find_district(ds.provinces, parsed.values.get("district"), report.field("district"))
    if problem:
        return refuse([problem])
    outcome.district, outcome.district_name = district.code, district.name
    if options.claims is not None and (wrong := _file_claims(options.claims, district, province, today)):
        return refuse([wrong])
    folder = f"{data_dir}/{district.folder.relative_to(base_root).as_posix()}"
    allowed = checkpr.approvers(checkpr.area_of(f"{folder}/club.yaml", data_dir), ds.provinces)
    if not checkpr.may_change(issue.author, options.actor_teams, allowed):
        office = province.office
        outcome.reply = checkpr.public(not_allowed_reply(
            report.name, issue.author, issue.editor, district.name, list(district.maintainers), list(province.maintainers),
            office.name if office else f"สำนักงานพัฒนาชุมชนจังหวัด{province.name}", office.phone if office else None,
            maintainer=[f"ผู้มีสิทธิ์อ่านจาก maintainers ของ {folder}/district.yaml และของ province.yaml ใน branch หลัก: "
                        + (", ".join(allowed) or "ไม่มี") + " — เพิ่มบัญชีหรือทีมใน maintainers ของอำเภอ "
                        "แล้วสร้าง CODEOWNERS ใหม่ (thamniap codeowners)"]))
        return None

    notes: list[Note] = []
    files = _understand_and_edit(report, parsed, district, province, today, issue, notes, folder, download)
    if notes:
        return refuse(notes)
    changed = {path: content for path, content in files.items() if git.show_file(top, base, path) != content}
    if not changed:
        outcome.code = 0
        outcome.reply = checkpr.public(applied_reply(report.name, issue.author, district.name,
                                                     "ข้อมูลในทำเนียบตรงกับรายงานนี้อยู่แล้ว ไม่มีอะไรต้องเปลี่ยน",
                                                     editor=issue.editor))
        return None

    message = (f"{report.name} อำเภอ{district.name} ({district.code}) จาก issue #{issue.number} "
               f"เขียนโดย @{issue.author} แก้ไขล่าสุดโดย @{issue.editor}")
    candidate = git.commit_files(top, base, changed, message, BOT_IDENTITY)
    head_ds, problems, warnings = _validate(checkpr.materialise(top, candidate, data_dir, tmp / "head"), ds, district, today)
    if problems:
        return refuse(problems, lead="รายงานนี้ทำให้ข้อมูลอำเภอไม่ผ่านการตรวจ ไม่มีการเปลี่ยนแปลงข้อมูล")
    refused = _scope(changed, data_dir, ds.provinces, issue.author, options.actor_teams)
    if refused:
        return refuse(refused, lead="ผู้รายงานไม่มีสิทธิ์แก้ไขข้อมูลนี้")
    summary = _summary(ds.provinces, head_ds.provinces)
    outcome.code, outcome.commit, outcome.files = 0, candidate, changed
    outcome.reply = checkpr.public(applied_reply(report.name, issue.author, district.name,
                                                 change_text.markdown(summary, heading="####"), notes=warnings,
                                                 editor=issue.editor))
    return None


def _file_claims(claims: FileClaims, district, province, today: dt.date) -> Note | None:
    """A report file is applied only to the district and in the round it was made for: a file of last
    round applied now would record this round with last round's date."""
    if district.code != claims.district:
        return Note("ไฟล์รายงานนี้เป็นของอำเภอรหัส {0} แต่รายงานแก้ไขอำเภอ{1} ({2})", (claims.district, district.name, district.code),
                    "ตรวจกับอำเภอผู้ส่ง แล้วให้อำเภอดาวน์โหลดไฟล์รายงานใหม่จากหน้ารายงาน")
    current = rounds.current_round(province, today)
    current_id = current.id if current else None
    if claims.round_id != current_id:
        made = "ไฟล์นี้ไม่ได้ระบุรอบการรายงาน" if claims.round_id is None else "ไฟล์นี้ทำสำหรับรอบการรายงาน {0}"
        now = "แต่ขณะนี้ยังไม่มีรอบการรายงาน" if current_id is None else "แต่รอบปัจจุบันคือ {1}"
        return Note(f"{made} {now} จึงไม่นำเข้า (จะบันทึกผิดรอบ)", (claims.round_id or "", current_id or ""),
                    "ให้อำเภอดาวน์โหลดไฟล์รายงานใหม่จากหน้ารายงานของเว็บไซต์ (หน้ารายงานแสดงรอบปัจจุบัน) แล้วส่งมาใหม่")
    return None


def _summary(before: list, after: list) -> changes.ProvinceChanges:
    """What changed, province by province, as check-pr compares them (derive.changes.compare)."""
    summary = changes.ProvinceChanges()
    for code in sorted({p.code for p in before} | {p.code for p in after}):
        summary.areas += changes.compare(next((p for p in before if p.code == code), None),
                                         next((p for p in after if p.code == code), None)).areas
    return summary


def _scope(changed: dict[str, bytes], data_dir: str, base: list, author: str, teams) -> list[Note]:
    """check-pr's verdict for the changed paths, the author as actor, authority from BASE's data."""
    notes = []
    for path in sorted(changed):
        area = checkpr.area_of(path, data_dir)
        allowed = checkpr.approvers(area, base)
        if not checkpr.may_change(author, teams, allowed):
            notes.append(_not_allowed(path, checkpr.area_label(area, base, base), allowed))
    return notes


def _not_allowed(path: str, label: str, allowed: list[str]) -> Note:
    """A changed file outside what the reporter may change (LABEL: check-pr's Thai name of its area)."""
    marks = ", ".join(f"{{{i + 1}}}" for i in range(len(allowed))) or "ผู้ดูแลจังหวัด"
    return Note(f"รายงานนี้จะแก้{{0}} ซึ่งผู้รายงานไม่มีสิทธิ์แก้ ผู้ที่แก้ได้: {marks}",
                (label, *("@" + a for a in allowed)),
                "ให้ผู้ดูแลที่มีรายชื่อเป็นผู้รายงาน หรือขอให้สำนักงานพัฒนาชุมชนจังหวัดเพิ่มบัญชีของท่านเป็นผู้ดูแล",
                detail=f"{path}: ผู้รายงานไม่อยู่ใน maintainers ของพื้นที่นี้ (อ่านจาก branch หลัก)")


def _no_club(district, folder: str) -> Note:
    return Note("อำเภอ{0} ยังไม่มีข้อมูลชมรมในทำเนียบ", (district.name,), "ให้ผู้ดูแลจังหวัดเพิ่มข้อมูลชมรมของอำเภอก่อน",
                detail=f"ไม่มีไฟล์ {folder}/club.yaml")


def _understand_and_edit(report, parsed, district, province, today, issue, notes, folder, download):
    """The files the report changes (repository path under FOLDER → bytes); problems go to NOTES."""
    club_path, meeting_path = district.folder / "club.yaml", district.folder / "meeting.yaml"
    files: dict[str, bytes] = {}
    try:
        if report.id == "committee":
            understood = read.read_committee(report, parsed.values, district, notes)
        elif report.id == "confirmation":
            understood = read.read_confirmation(report, parsed.values, district, province, today, notes)
        elif report.id == "nominees":
            understood = read.read_nominees(report, parsed.values, district, province, today, issue.opened, notes)
        elif report.id == "roster":
            additions, endings = roster.read_changes(report, parsed.values, district, notes)
            return {} if notes else roster.apply(district, province, additions, endings, folder)
        elif report.id == "circular":
            return _circular(report, parsed.values, district, province, today, issue, notes, folder)
        else:
            return attachment.import_files(report, parsed.values, issue.body, district, folder, today, notes, download)
        if notes:
            return files
        if report.id in ("committee", "confirmation"):
            if not club_path.exists():
                notes.append(_no_club(district, folder))
                return files
            files[f"{folder}/club.yaml"] = edit.edit_club(club_path.read_text(encoding="utf-8"), understood).encode("utf-8")
        else:
            old = meeting_path.read_text(encoding="utf-8") if meeting_path.exists() else edit.new_meeting_file(district, province)
            files[f"{folder}/meeting.yaml"] = edit.edit_meeting(old, understood).encode("utf-8")
    except EditRefused as exc:
        notes.append(Note(str(exc).replace("{", "{{").replace("}", "}}")))
        return {}
    return files


def _circular(report, values, district, province, today, issue, notes, folder) -> dict[str, bytes]:
    """The circular's whole task as one change: each part read by its own report's reader (the fields
    share their ids), the new people given their ids first so a seat or a nomination can name them."""
    additions, endings = roster.read_changes(report, values, district, notes) if values.get("changes") else ([], [])
    newcomers = roster.newcomers(district, province, additions)
    committee = read.read_committee(report, values, district, notes, newcomers)
    confirmation = read.read_confirmation(report, values, district, province, today, notes)
    nominees = (read.read_nominees(report, values, district, province, today, issue.opened, notes, newcomers)
                if values.get("representatives") or values.get("officials") else None)
    club_path, meeting_path = district.folder / "club.yaml", district.folder / "meeting.yaml"
    if not notes and not club_path.exists():
        notes.append(_no_club(district, folder))
    if notes:
        return {}
    committee.round_id, committee.confirmed_on = confirmation.round_id, confirmation.confirmed_on
    files = {f"{folder}/club.yaml": edit.edit_club(club_path.read_text(encoding="utf-8"), committee).encode("utf-8")}
    if nominees is not None:
        old = meeting_path.read_text(encoding="utf-8") if meeting_path.exists() else edit.new_meeting_file(district, province)
        files[f"{folder}/meeting.yaml"] = edit.edit_meeting(old, nominees).encode("utf-8")
    if additions or endings:
        files.update(roster.apply(district, province, additions, endings, folder))
    return files


def _validate(head_root: Path, base_ds, district, today: dt.date):
    """(the head's dataset, errors, warnings): what the district has on HEAD_ROOT that BASE_DS did not
    (compared without line numbers, which the edit moves)."""
    focus = {district.code}
    rel_district = district.folder.relative_to(base_ds.root).as_posix() + "/"

    def key(d, root: Path):
        try:
            rel = Path(d.path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = d.path
        return rel, d.rule, d.message

    before = {key(d, base_ds.root) for d in check_loaded(base_ds, today, focus)}
    head_ds, found = check_root(head_root, today, focus)
    new = [d for d in found if key(d, head_root) not in before and key(d, head_root)[0].startswith(rel_district)]
    notes = [_check_note(d) for d in new]
    errors = [n for n, d in zip(notes, new) if d.is_error]
    warnings = [n for n, d in zip(notes, new) if not d.is_error]
    return head_ds, errors, warnings


def _check_note(d) -> Note:
    """A diagnostic of the checked result as a note: the validator's words in the main text when they are
    plain Thai (they are written for people who edit files, so some name YAML keys), the file, line and
    rule for the province's maintainers."""
    kind = "ข้อมูลที่ได้ไม่ผ่านการตรวจ" if d.is_error else "คำเตือนจากการตรวจ"
    detail = f"{_file_name(d.path)} บรรทัด {d.line}: [{d.rule}] {d.message}" + (f" — {d.hint}" if d.hint else "")
    if plain_problems(d.message):
        return Note(f"{kind}: ข้อมูลอำเภอหลังแก้ตามรายงานนี้มีปัญหาที่ผู้ดูแลจังหวัดต้องดู (รายละเอียดท้ายความเห็นนี้)", (),
                    "แจ้งสำนักงานพัฒนาชุมชนจังหวัด หรือแก้รายงานตามที่ผู้ดูแลจังหวัดแนะนำ", detail=detail)
    hint = d.hint if d.hint and not plain_problems(d.hint) else ""
    return Note(f"{kind}: {{0}}", (d.message, hint), "{1}" if hint else "", detail=detail)


def _file_name(path: str) -> str:
    """The data file's own name (club.yaml …), which our layout fixes; anything else is not shown."""
    name = Path(path).name
    return name if re.fullmatch(r"[a-z0-9_./-]{1,80}", name) else "ไฟล์ข้อมูล"
