"""`thamniap check-pr`: who may make this pull request's changes, and what they change, in Thai.

Runs in a git checkout. Every changed file is mapped to an *area*: one district folder, the
province's own data, or everything else (code, schemas, workflows, CODEOWNERS, docs). Who may
change an area is read from the **base** revision's data, never from the pull request:

* a district folder: that district's `maintainers` (district.yaml) and the province's maintainers;
* province-level data (province.yaml, club.yaml, circular, a new or unknown folder): the province's
  maintainers;
* anything outside `data/`, and any symlink or submodule: a province maintainer.

A maintainer entry is a GitHub login (`somsri-cdd`) or a team (`loei-cdd/district-4214`). The actor
matches a login by name; a team matches when the actor is given as that team (`--actor
loei-cdd/district-4214`) or the team is listed in `--actor-teams` (the workflow looks the actor's
teams up, see .github/workflows/pull-request.yml). Unknown team membership never grants anything.

The change summary compares the merge base of BASE and HEAD with HEAD (what the pull request
itself changes, as GitHub's "Files changed" does), so a base branch that moved on is not blamed on
the pull request. Exit 0: allowed (or no actor given: report only); 1: refused; 2: usage or internal
error. Each revision's data/ is written into a temporary folder from git objects (`git ls-tree` +
`git cat-file`; see `materialise`). The head may be the working tree: it is first written as a git
tree (`vcs.git.working_tree`), so the working tree is never read directly and a symlink is never
followed. Every git command goes through thamniap.vcs.git, which refuses a revision that looks like
an option (`--upload-pack=evil`).

Everything printed (stdout, stderr, annotations, $GITHUB_STEP_SUMMARY) is public on GitHub: values
are escaped for Markdown (`md`) or workflow commands (`escape_data`), names show their control
characters (`shown_name`), and the final text passes through `public` (national IDs masked).
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TextIO

from thamniap.derive import changes
from thamniap.render import changes as change_text
from thamniap.core.national_id import mask_national_ids
from thamniap.load.layout import DISTRICT_DIR, PROVINCE_DIR, shown_name
from thamniap.model import Province
from thamniap.render.markup import md
from thamniap.core.report import escape_data
from thamniap.build.parallel import load_dataset
from thamniap.vcs import git

SPECIAL_MODES = {"120000": "ลิงก์สัญลักษณ์ (symlink)", "160000": "submodule"}
MAX_FILES_LISTED = 20


class CheckError(Exception):
    """A usage or git problem: exit 2 with this (Thai) message."""


@dataclass(frozen=True)
class Options:
    base: str
    head: str | None = None            # None: the working tree (tracked changes and untracked files)
    actor: str | None = None
    actor_teams: tuple[str, ...] | None = None   # None: membership unknown
    data_dir: str | None = "data"      # None: the data/ folder of the project at CWD
    cwd: Path = Path(".")


@dataclass(frozen=True)
class Area:
    kind: str                    # "district" | "province" | "other"
    folder: str                  # repository-relative folder ("" for "other")
    province: str | None = None  # province folder name, e.g. 42-loei
    district: str | None = None  # district folder name, e.g. 4214-nong-hin


@dataclass
class Touch:
    """The changed files of one area, who may approve them, and the verdict."""
    area: Area
    label: str                                  # raw (from data): escape when rendering
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    approvers: list[str] = field(default_factory=list)
    allowed: bool | None = None                 # None: no actor given


@dataclass
class Result:
    base_sha: str
    merge_base: str
    head_label: str          # Markdown (a commit id in a code span, or our own words)
    touches: list[Touch]
    summary: changes.ProvinceChanges
    actor: str | None
    actor_teams: tuple[str, ...] | None
    moved_since: list[str] = field(default_factory=list)   # labels of the pull request's areas that BASE changed after it branched

    @property
    def stale(self) -> bool:
        """The base branch moved on after the pull request branched off (its checks saw older data)."""
        return self.merge_base != self.base_sha

    @property
    def refused(self) -> bool:
        return any(t.allowed is False for t in self.touches)


# ---------------------------------------------------------------- areas and permissions

def area_of(path: str, data_dir: str = "data") -> Area:
    """Which area a repository path belongs to."""
    parts = PurePosixPath(path).parts
    data_parts = PurePosixPath(data_dir).parts
    if tuple(parts[:len(data_parts)]) != data_parts or len(parts) == len(data_parts):
        return Area("other", "")
    rest = parts[len(data_parts):]
    if len(rest) >= 2 and PROVINCE_DIR.match(rest[0]):
        province_folder = "/".join(data_parts + rest[:1])
        if len(rest) >= 3 and DISTRICT_DIR.match(rest[1]):
            return Area("district", "/".join(data_parts + rest[:2]), rest[0], rest[1])
        return Area("province", province_folder, rest[0])
    return Area("province", "/".join(data_parts), None)  # data/README.md, a new or odd folder


def approvers(area: Area, base: list[Province]) -> list[str]:
    """Maintainers who may change AREA, read from the base revision's model."""
    everyone = list(dict.fromkeys(m for p in base for m in p.maintainers))
    if area.kind == "other":
        return everyone
    province = next((p for p in base if p.folder.name == area.province), None)
    if province is None:
        return everyone  # a province folder the base does not have yet
    if area.kind == "province":
        return list(province.maintainers)
    district = next((d for d in province.districts if d.folder.name == area.district), None)
    own = district.maintainers if district else []
    return list(dict.fromkeys([*own, *province.maintainers]))


def may_change(actor: str, teams: tuple[str, ...] | None, allowed: list[str]) -> bool:
    """ACTOR (a login, or a team written as org/team) or one of their known TEAMS is in ALLOWED."""
    names = {actor.lower().lstrip("@")} | {t.lower().lstrip("@") for t in teams or ()}
    return any(entry.lower() in names for entry in allowed)


def area_label(area: Area, base: list[Province], head: list[Province]) -> str:
    if area.kind == "other":
        return "ไฟล์นอกข้อมูล (โปรแกรม schema เวิร์กโฟลว์ CODEOWNERS เอกสาร)"
    for dataset in (base, head):
        province = next((p for p in dataset if p.folder.name == area.province), None)
        if province is None:
            continue
        if area.kind == "province":
            return f"ข้อมูลระดับจังหวัด{province.name}" if province.name else "ข้อมูลระดับจังหวัด"
        district = next((d for d in province.districts if d.folder.name == area.district), None)
        if district and district.name:
            return f"ข้อมูลอำเภอ{district.name}"
    return "ข้อมูลระดับจังหวัด" if area.kind == "province" else f"ข้อมูลอำเภอ {area.district}"


# ---------------------------------------------------------------- git

def changed_files(top: Path, merge_base: str, head: str) -> dict[str, str | None]:
    """Changed paths → a note when the path is (or was) a symlink or submodule, else None."""
    out: dict[str, str | None] = {}
    for change in git.changed(top, merge_base, head):
        out[change.path] = next((SPECIAL_MODES[m] for m in (change.old_mode, change.new_mode) if m in SPECIAL_MODES),
                                None)
    return out


def materialise(top: Path, rev: str, data_dir: str, dest: Path) -> Path | None:
    """Write REV's (a commit's or tree's) data folder under DEST; the dataset root, or None when it has none.

    Blobs are read with `git ls-tree` + `git cat-file --batch` (vcs.git) rather than `git archive`, so
    the pull request's own `.gitattributes` (export-ignore, export-subst) cannot change what is checked.
    Symlinks and submodules are not written (a changed one is refused as "other" anyway).
    """
    entries = [e for e in git.tree(top, rev, data_dir)
               if e.kind == "blob" and e.mode in ("100644", "100755")
               and not any(p in ("", ".", "..", ".git") for p in PurePosixPath(e.path).parts)]
    if not entries:
        return None
    with git.Blobs(top) as blobs:
        for entry in entries:
            found = blobs.read(entry.oid)
            if found is None:
                raise CheckError(f"อ่านไฟล์ {entry.path} ของรุ่น {rev[:12]} ไม่ได้")
            target = dest.joinpath(*PurePosixPath(entry.path).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(found[1])
    return dest / data_dir


def _provinces(root: Path | None) -> list[Province]:
    if root is None or not root.is_dir():
        return []
    return load_dataset(root).provinces


# ---------------------------------------------------------------- the check

def _changes(before: list, after: list) -> changes.ProvinceChanges:
    """What changed in each province, from BEFORE (the models at the merge base) to AFTER."""
    summary = changes.ProvinceChanges()
    for code in sorted({p.code for p in before} | {p.code for p in after}):
        b = next((p for p in before if p.code == code), None)
        a = next((p for p in after if p.code == code), None)
        summary.areas += changes.compare(b, a).areas
    return summary


def _touches(files: dict[str, str], data_dir: str, permissions: list, after: list) -> dict[Area, Touch]:
    """The changed FILES grouped by the area they belong to (a district, a province, or anything
    else), each with who may approve it (from PERMISSIONS, the base's data)."""
    touches: dict[Area, Touch] = {}
    for path in sorted(files):
        special = files[path]
        area = Area("other", "") if special else area_of(path, data_dir)
        touch = touches.get(area)
        if touch is None:
            touch = touches[area] = Touch(area, area_label(area, permissions, after),
                                          approvers=approvers(area, permissions))
        touch.files.append(path)
        if special:
            touch.notes.append(f"{shown_name(path)} เป็น{special} ซึ่งต้องให้ผู้ดูแลจังหวัดตรวจ")
    return touches


def check(options: Options) -> Result:
    top = git.toplevel(options.cwd)
    if options.data_dir is None:       # the project's data/, as a path in its git repository
        data = (Path(options.cwd).resolve() / "data").relative_to(top.resolve()).as_posix()
        options = replace(options, data_dir=data)
    base_sha = git.commit(top, options.base)
    head_sha = git.commit(top, options.head) if options.head else None
    merge_base = git.merge_base(top, base_sha, head_sha or "HEAD") or base_sha
    head_tree = head_sha or git.working_tree(top)
    files = changed_files(top, merge_base, head_tree)

    with tempfile.TemporaryDirectory(prefix="thamniap-check-pr-") as tmp:
        tmp_path = Path(tmp)
        permissions = _provinces(materialise(top, base_sha, options.data_dir, tmp_path / "base"))
        if merge_base == base_sha:
            before = permissions
        else:
            before = _provinces(materialise(top, merge_base, options.data_dir, tmp_path / "merge-base"))
        after = _provinces(materialise(top, head_tree, options.data_dir, tmp_path / "head"))
        summary = _changes(before, after)
        touches = _touches(files, options.data_dir, permissions, after)
    if options.actor:
        for touch in touches.values():
            touch.allowed = may_change(options.actor, options.actor_teams, touch.approvers)
    order = {"district": 0, "province": 1, "other": 2}
    moved_since = []
    if merge_base != base_sha:      # what the base changed since: in the same areas, the two may clash
        moved = {Area("other", "") if special else area_of(path, options.data_dir)
                 for path, special in changed_files(top, merge_base, base_sha).items()}
        moved_since = [t.label for t in touches.values() if t.area in moved]
    return Result(base_sha, merge_base, f"`{head_sha[:12]}`" if head_sha else "ไฟล์ในเครื่อง (working tree)",
                  sorted(touches.values(), key=lambda t: (order[t.area.kind], t.area.folder)),
                  summary, options.actor, options.actor_teams, moved_since)


# ---------------------------------------------------------------- reporting

def _who(entries: list[str]) -> str:
    return ", ".join(md("@" + e) for e in entries) if entries else "ไม่มีผู้ดูแลในข้อมูลฐาน (ผู้ดูแลระบบของที่เก็บเท่านั้น)"


def _files(touch: Touch) -> str:
    prefix = touch.area.folder + "/" if touch.area.folder else ""
    names = [f[len(prefix):] if prefix and f.startswith(prefix) else f for f in touch.files]
    shown = ", ".join(md(shown_name(n)) for n in names[:MAX_FILES_LISTED])
    if len(names) > MAX_FILES_LISTED:
        shown += f" และอีก {len(names) - MAX_FILES_LISTED} ไฟล์"
    return shown


def _where(touch: Touch) -> str:
    return md(touch.label) + (f" (`{touch.area.folder}/`)" if touch.area.folder and _plain(touch.area.folder) else "")


def _plain(text: str) -> bool:
    """Folder names that are safe inside a code span as written (they matched our folder patterns)."""
    return all(c.isascii() and (c.isalnum() or c in "-_/.") for c in text)


def stale_note(result: Result) -> list[str]:
    """What a reviewer must know when the base branch moved on after the pull request branched off:
    its checks saw older data, so two changes that each passed may clash once both are in."""
    if not result.stale:
        return []
    if result.moved_since:
        where = ", ".join(md(label) for label in result.moved_since)
        lead = (f"> **คำขอนี้ตรวจกับข้อมูลรุ่นเก่า:** หลังจากคำขอนี้แยกออกมา branch หลักมีการเปลี่ยน{where}แล้ว "
                "(เช่น รายงานอีกฉบับของอำเภอเดียวกันถูกรวมไปก่อน) สองการแก้ไขที่ผ่านการตรวจแยกกันอาจชนกันเมื่อรวมทั้งคู่ "
                "เช่น ได้รหัสบุคคลเดียวกัน")
    else:
        lead = ("> **คำขอนี้ตรวจกับข้อมูลรุ่นเก่า:** branch หลักมีการเปลี่ยนแปลงหลังจากคำขอนี้แยกออกมา "
                "(ในส่วนอื่น ไม่ใช่ส่วนที่คำขอนี้แก้)")
    return [lead, ">",
            "> ก่อนรวม (merge) ต้องปรับคำขอให้เป็นปัจจุบัน (ปุ่ม **Update branch**) ให้การตรวจข้อมูลทำซ้ำกับข้อมูลล่าสุด "
            "— ที่เก็บต้องตั้งค่า *Require branches to be up to date before merging* (การตั้งค่าที่จังหวัดต้องเปิด ดูหน้าแบบจำลองภัยคุกคามบนเว็บไซต์) "
            "สำหรับคำขอของบอทรายงาน ให้ผู้รายงานแก้ไข issue หรือผู้ดูแลจังหวัดกด **Re-run jobs** ของงานบอท "
            "บอทจะสร้างรายงานใหม่บนข้อมูลล่าสุดพร้อมรหัสบุคคลใหม่", ""]


def refusals(result: Result) -> list[str]:
    """One plain Thai sentence per refused area (for stderr and annotations), on one line: every
    value from data or git (names, paths) with its control characters shown (`shown_name`)."""
    out = []
    for t in result.touches:
        if t.allowed is False:
            who = ", ".join("@" + e for e in t.approvers) or "ผู้ดูแลระบบของที่เก็บ"
            files = ", ".join(t.files[:MAX_FILES_LISTED])
            if len(t.files) > MAX_FILES_LISTED:
                files += f" และอีก {len(t.files) - MAX_FILES_LISTED} ไฟล์"
            out.append(shown_name(f"@{result.actor} ไม่มีสิทธิ์แก้ไข{t.label} ({files}) — ผู้ที่แก้ไขหรืออนุมัติส่วนนี้ได้: "
                                  f"{who} (สิทธิ์อ่านจากข้อมูลใน branch หลักก่อนการแก้ไขนี้)"))
    return out


def summary_markdown(result: Result) -> str:
    lines = ["## สรุปคำขอแก้ไข (pull request)", "",
             f"เปรียบเทียบรุ่น `{result.merge_base[:12]}` (จุดแยกจาก branch หลัก) กับ {result.head_label}", ""]
    lines += stale_note(result)
    if not result.touches:
        return "\n".join(lines + ["ไม่มีไฟล์ที่เปลี่ยน", ""])
    lines += ["### สิทธิ์การแก้ไข", ""]
    if result.actor:
        teams = ""
        if result.actor_teams:
            teams = " (ทีม: " + ", ".join(md("@" + t) for t in result.actor_teams) + ")"
        elif result.actor_teams is None and "/" not in result.actor:
            teams = " (ไม่ทราบทีมของผู้ส่ง: ตรวจเฉพาะชื่อบัญชี)"
        lines += [f"ผู้ส่ง: {md('@' + result.actor)}{teams}", ""]
    head = "| ส่วนที่แก้ไข | ไฟล์ | ผู้ที่แก้ไข/อนุมัติได้ |" + (" ผล |" if result.actor else "")
    lines += [head, "|---|---|---|" + ("---|" if result.actor else "")]
    for t in result.touches:
        verdict = ""
        if t.allowed is not None:
            verdict = " ✅ มีสิทธิ์ |" if t.allowed else " ❌ ไม่มีสิทธิ์ |"
        lines.append(f"| {_where(t)} | {_files(t)} | {_who(t.approvers)} |{verdict}")
    lines.append("")
    for t in result.touches:
        lines += [f"- {md(note)}" for note in t.notes]
    if any(t.notes for t in result.touches):
        lines.append("")
    if result.actor is None:
        lines += ["ไม่ได้ระบุผู้ส่ง (`--actor`) จึงแสดงเฉพาะผู้ที่ต้องอนุมัติ", ""]
    elif result.refused:
        lines += ["**ผล: ไม่ผ่าน** — คำขอนี้แก้ไขส่วนที่ผู้ส่งไม่มีสิทธิ์ ผู้ที่อนุมัติได้ตามตารางต้องตรวจและรวม (merge) เอง "
                  "หรือแยกการแก้ไขส่วนนั้นออกจากคำขอนี้ สิทธิ์อ่านจากข้อมูลใน branch หลัก *ก่อน* การแก้ไขนี้ "
                  "การเพิ่มชื่อตัวเองเป็นผู้ดูแลในคำขอเดียวกันจึงไม่ทำให้มีสิทธิ์", ""]
    else:
        lines += ["**ผล: ผ่าน** — ผู้ส่งมีสิทธิ์แก้ไขทุกส่วนในคำขอนี้ (ยังต้องผ่านการตรวจข้อมูลและการอนุมัติตาม CODEOWNERS)", ""]
    if any(a.maintainers for a in result.summary.areas):
        lines += ["> คำขอนี้เปลี่ยนรายชื่อผู้ดูแล: มีผลหลังรวม (merge) แล้วเท่านั้น และต้องสร้าง `.github/CODEOWNERS` ใหม่ "
                  "(`thamniap codeowners`) ซึ่งผู้ดูแลจังหวัดต้องอนุมัติ", ""]
    lines += ["### การเปลี่ยนแปลงข้อมูล", "", change_text.markdown(result.summary, heading="####")]
    return "\n".join(lines)


# A backslash escape of ASCII punctuation, as `md` writes them (`1\-1017\-…`).
_BACKSLASH_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")


def public(text: str) -> str:
    """TEXT as check-pr may print it: every national ID masked by `core.national_id.mask_national_ids`, also
    one whose separators Markdown escaping backslashed (`1\\.1017\\.00203…` would not match as is).

    The ID is looked for in TEXT without those backslashes; masking keeps the length (digit → X),
    so each masked character is put back where it came from and the escapes stay.
    """
    escapes = {m.start() for m in _BACKSLASH_ESCAPE.finditer(text)}
    kept = [i for i in range(len(text)) if i not in escapes]
    view = "".join(text[i] for i in kept)
    masked = mask_national_ids(view)
    if masked == view:
        return text
    if len(masked) != len(view):      # not expected; the unescaped masked text is still safe
        return masked
    chars = list(text)
    for i, ch in zip(kept, masked):
        chars[i] = ch
    return "".join(chars)


def _emit(stream: TextIO, text: str) -> None:
    """The one way check-pr writes anything (stdout, stderr, annotations, the step summary)."""
    stream.write(public(text))


def run(options: Options, out: TextIO, err: TextIO) -> int:
    """Check, write the summary to OUT (and $GITHUB_STEP_SUMMARY); 0 allowed, 1 refused, 2 error."""
    try:
        result = check(options)
    except (CheckError, git.GitError) as exc:
        _emit(err, f"thamniap check-pr: {shown_name(str(exc))}\n")
        return 2
    text = summary_markdown(result)
    _emit(out, text)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as fh:
            _emit(fh, text + "\n")
    reasons = refusals(result)
    for reason in reasons:
        _emit(err, f"ไม่ผ่าน: {reason}\n")
        if os.environ.get("GITHUB_ACTIONS") == "true":
            _emit(err, f"::error title=check-pr::{escape_data(reason)}\n")
    return 1 if reasons else 0
