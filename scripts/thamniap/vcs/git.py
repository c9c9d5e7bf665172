"""Every call to git: run it, resolve a revision, list changed paths, read blobs, walk a folder's log.

The change history (derive/history.py), `thamniap check-pr` (review/checkpr.py) and `validate
--changed-since` (check/validate.py) all come here, so the rules for talking to git are written once:

* a revision given by a person is never taken for an option: one starting with `-` (such as
  `--upload-pack=evil`) is refused, and revisions are passed after `--end-of-options`;
* file content is read from git objects (`git cat-file --batch`), never from the working tree, so a
  symlink is read as the link it is (mode 120000) and never followed;
* listings use `-z`, so a path is never quoted, split or re-encoded on the way.

Nothing here knows the data layout or the model: it returns paths, modes, object ids, bytes and
times. A failure is a `GitError` whose message is Thai (check-pr prints it as it is).
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """git is missing, a command failed or a revision was refused; the message (Thai) says which."""


@dataclass(frozen=True)
class Changed:
    """A path that differs between two revisions, with its mode on each side ("000000": absent)."""
    path: str
    old_mode: str
    new_mode: str


@dataclass(frozen=True)
class TreeEntry:
    """One entry of `git ls-tree -r`: mode (100644, 120000 …), kind (blob, commit), object id, path."""
    mode: str
    kind: str
    oid: str
    path: str


@dataclass(frozen=True)
class Commit:
    """A commit of a first-parent log and the paths it changed against that parent."""
    sha: str
    parent: str | None          # first parent; None for a root commit
    committed: dt.datetime      # committer time, with the committer's UTC offset
    files: tuple[str, ...]


def run(cwd: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300) -> bytes:
    """The standard output of `git ARGS` in CWD; GitError when git is missing or the command fails."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=timeout, env=env)
    except FileNotFoundError:  # no git, or CWD does not exist
        raise GitError("ไม่พบโปรแกรม git") from None
    if done.returncode != 0:
        raise GitError(f"คำสั่ง git {_command(args)} ไม่สำเร็จ: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def run_or_none(cwd: Path, *args: str, timeout: float = 120) -> bytes | None:
    """`run`, or None when git is missing, fails or does not answer in time (for callers that
    carry on without git, such as the change history of a copy that is not a checkout)."""
    try:
        return run(cwd, *args, timeout=timeout)
    except (GitError, OSError, subprocess.SubprocessError):
        return None


def _command(args: tuple[str, ...]) -> str:
    """The git subcommand among ARGS (after options such as `-c name=value`), for messages."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "-c":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return args[0] if args else ""


def _text(out: bytes) -> str:
    return out.decode("utf-8", errors="replace")


def _revision(rev: str) -> str:
    """REV as given, refused when git would read it as an option."""
    if rev.startswith("-"):
        raise GitError(f"ชื่อรุ่น (revision) ไม่ถูกต้อง: {rev!r}")
    return rev


# ---------------------------------------------------------------- the repository and its revisions

def toplevel(cwd: Path) -> Path:
    """The top folder of the working tree holding CWD, as git prints it."""
    return Path(_text(run(cwd, "rev-parse", "--show-toplevel")).strip())


def toplevel_or_none(cwd: Path) -> Path | None:
    """`toplevel`, or None when CWD is not in a git checkout (or git is missing)."""
    out = run_or_none(cwd, "rev-parse", "--show-toplevel")
    return None if out is None else Path(_text(out).strip())


def head_or_none(cwd: Path) -> str | None:
    """The id of the commit checked out in the working tree holding CWD; None outside git."""
    out = run_or_none(cwd, "rev-parse", "--verify", "--quiet", "HEAD")
    return None if out is None else _text(out).strip()


def is_shallow(top: Path) -> bool:
    """Whether the clone at TOP is shallow (its oldest commits' parents are missing); False when unknown."""
    return (run_or_none(top, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true"


def commit(top: Path, rev: str) -> str:
    """The id of the commit REV names (a branch, tag or id); GitError when there is none."""
    _revision(rev)
    try:
        return _text(run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")).strip()
    except GitError:
        raise GitError(f"ไม่พบรุ่น (revision) {rev!r} ใน git — ตรวจชื่อ branch หรือรัน git fetch ก่อน") from None


def merge_base(top: Path, one: str, other: str) -> str | None:
    """The best common ancestor of two commits; None when they have none."""
    out = run_or_none(top, "merge-base", "--end-of-options", _revision(one), _revision(other), timeout=300)
    if out is None:
        return None
    return _text(out).strip() or None


def working_tree(top: Path) -> str:
    """The working tree (tracked changes and untracked, not ignored, files) as a git tree object.

    Written through a temporary copy of the index, so the user's index is untouched; `git add`
    records a symlink as a link (mode 120000), never the file it points to.
    """
    index = Path(_text(run(top, "rev-parse", "--git-path", "index")).strip())
    index = index if index.is_absolute() else top / index
    with tempfile.TemporaryDirectory(prefix="thamniap-index-") as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        if index.is_file():
            shutil.copyfile(index, env["GIT_INDEX_FILE"])
        run(top, "add", "--all", "--", ".", env=env)
        return _text(run(top, "write-tree", env=env)).strip()


def commit_files(top: Path, parent: str, files: dict[str, bytes], message: str,
                 identity: dict[str, str] | None = None) -> str:
    """A new commit: PARENT's tree with FILES (repository path → content, mode 100644) written in,
    and MESSAGE. Nothing is written to the working tree, the index or any branch: the issue bot
    checks this commit before anything else sees it. IDENTITY: GIT_AUTHOR_*/GIT_COMMITTER_* values."""
    parent = commit(top, parent)
    with tempfile.TemporaryDirectory(prefix="thamniap-index-") as tmp:
        env = {**os.environ, **(identity or {}), "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        run(top, "read-tree", "--end-of-options", parent, env=env)
        for path, content in sorted(files.items()):
            if path.startswith("-") or not path or any(p in ("", ".", "..", ".git") for p in path.split("/")):
                raise GitError(f"ชื่อไฟล์ไม่ถูกต้อง: {path!r}")
            oid = _blob(top, content, env)
            run(top, "update-index", "--add", "--cacheinfo", f"100644,{oid},{path}", env=env)
        tree = _text(run(top, "write-tree", env=env)).strip()
        done = subprocess.run(["git", "commit-tree", tree, "-p", parent, "-F", "-"], cwd=top, env=env,
                              input=message.encode("utf-8"), capture_output=True, timeout=120)
        if done.returncode != 0:
            raise GitError(f"คำสั่ง git commit-tree ไม่สำเร็จ: {done.stderr.decode(errors='replace').strip()}")
        return _text(done.stdout).strip()


def _blob(top: Path, content: bytes, env: dict[str, str]) -> str:
    done = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=top, env=env, input=content,
                          capture_output=True, timeout=120)
    if done.returncode != 0:
        raise GitError(f"คำสั่ง git hash-object ไม่สำเร็จ: {done.stderr.decode(errors='replace').strip()}")
    return _text(done.stdout).strip()


def show_file(top: Path, rev: str, path: str) -> bytes | None:
    """The content of PATH at REV (a commit), or None when REV has no such file."""
    return run_or_none(top, "cat-file", "blob", f"{commit(top, rev)}:{path}")


def push(top: Path, sha: str, remote: str, branch: str, token: str | None = None) -> None:
    """Make BRANCH on REMOTE (a URL or a path) point at commit SHA, replacing what it held (the issue
    bot owns its report/<n> branches). TOKEN goes in an HTTP header through git's environment
    configuration, never on the command line or into .git/config."""
    env = dict(os.environ)
    if token:
        import base64
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        env.update({"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "http.extraheader",
                    "GIT_CONFIG_VALUE_0": f"AUTHORIZATION: basic {basic}", "GIT_TERMINAL_PROMPT": "0"})
    run(top, "push", "--force", "--no-verify", "--quiet", "--end-of-options", _revision(remote),
        f"{commit(top, sha)}:refs/heads/{_revision(branch)}", env=env)


# ---------------------------------------------------------------- what changed

def changed(top: Path, old: str, new: str | None = None, paths: tuple[str, ...] = ()) -> list[Changed]:
    """Paths that differ from revision OLD to NEW (a commit or tree; None: the working tree's
    tracked files), under PATHS (all when empty). Renames are listed as a removal and an addition."""
    revs = [_revision(old)] + ([_revision(new)] if new is not None else [])
    raw = _text(run(top, "diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--no-ext-diff",
                    "--end-of-options", *revs, "--", *paths)).split("\0")
    out = []
    i = 0
    while i + 1 < len(raw):
        meta, path = raw[i], raw[i + 1]
        i += 2
        if not meta.startswith(":"):
            continue
        modes = meta[1:].split()[:2]
        out.append(Changed(path, modes[0], modes[1]))
    return out


_HUNK = re.compile(r"^@@ -[0-9,]+ \+(?P<start>[0-9]+)(?:,(?P<count>[0-9]+))? @@")


def added_lines(top: Path, old: str, paths: tuple[str, ...] = ()) -> dict[str, set[int]]:
    """Path -> the line numbers (1-based, in the working tree) that were added or changed since
    revision OLD, for tracked files under PATHS. Untracked files are not listed (every line is new)."""
    out = _text(run(top, "-c", "core.quotepath=off", "diff", "-U0", "--no-color", "--no-renames", "--no-ext-diff",
                    "--end-of-options", _revision(old), "--", *paths))
    found: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in out.split("\n"):
        if line.startswith("+++ "):
            name = line[4:]
            current = found.setdefault(name[2:], set()) if name.startswith("b/") else None
        elif current is not None and (m := _HUNK.match(line)):
            start, count = int(m["start"]), int(m["count"] if m["count"] is not None else 1)
            current.update(range(start, start + count))
    return found


def untracked(top: Path, paths: tuple[str, ...] = ()) -> list[str]:
    """Files in the working tree that git does not track and does not ignore, under PATHS."""
    out = _text(run(top, "ls-files", "--others", "--exclude-standard", "-z", "--", *paths))
    return [name for name in out.split("\0") if name]


def tree(top: Path, rev: str, path: str) -> list[TreeEntry]:
    """Every entry under PATH (relative to the top) in revision REV (a commit or tree), recursively."""
    listing = _text(run(top, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", _revision(rev), "--", path))
    entries = []
    for record in listing.split("\0"):
        if not record:
            continue
        meta, _, name = record.partition("\t")
        mode, kind, oid = meta.split()
        entries.append(TreeEntry(mode, kind, oid, name))
    return entries


def first_parent_log(top: Path, paths: list[str]) -> list[Commit] | None:
    """Commits of the main line (`--first-parent`) touching PATHS, newest first; None without git."""
    out = run_or_none(top, "-c", "core.quotepath=off", "log", "--first-parent", "--diff-merges=first-parent",
                      "--no-renames", "--name-only", "--format=%x1e%H %P%x1f%cI", "--", *paths)
    if out is None:
        return None
    commits = []
    for record in _text(out).split("\x1e")[1:]:
        head, _, rest = record.partition("\x1f")
        stamp, _, names = rest.partition("\n")
        ids = head.split()
        commits.append(Commit(ids[0], ids[1] if len(ids) > 1 else None, dt.datetime.fromisoformat(stamp.strip()),
                              tuple(n for n in names.splitlines() if n.strip())))
    return commits


# ---------------------------------------------------------------- reading objects

class Blobs:
    """Reads blobs through one `git cat-file --batch` process, however many are read.

    Use as a context manager (`with Blobs(top) as blobs:`) so the process always ends.
    """

    def __init__(self, top: Path):
        self._proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def __enter__(self) -> "Blobs":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        self._proc.wait(timeout=60)

    def _object(self, spec: str) -> tuple[bytes, str, bytes] | None:
        """(kind, object id, content) of SPEC — an object id or `REV:PATH` — or None when it names nothing."""
        if not spec or "\n" in spec:  # one request per line: a newline would start another
            return None
        stdin, stdout = self._proc.stdin, self._proc.stdout
        assert stdin is not None and stdout is not None
        stdin.write(spec.encode() + b"\n")
        stdin.flush()
        header = stdout.readline().split()
        # "<id> <kind> <size>" when found; "<spec> missing" (or "ambiguous") otherwise
        if len(header) != 3 or not header[2].isdigit() or header[1] not in _KINDS:
            return None
        content = stdout.read(int(header[2]))
        stdout.read(1)  # the newline after the content
        return header[1], header[0].decode(), content

    def read(self, spec: str) -> tuple[str, bytes] | None:
        """(blob id, content) of SPEC — an object id or `REV:PATH` — or None when it names no blob."""
        found = self._object(spec)
        return (found[1], found[2]) if found and found[0] == b"blob" else None

    def read_tree(self, spec: str) -> list[TreeEntry] | None:
        """The entries of the folder SPEC names (`REV:PATH`), not recursive, each with SPEC's path
        before its name; None when SPEC names no folder."""
        found = self._object(spec)
        if not found or found[0] != b"tree":
            return None
        prefix = spec.partition(":")[2].rstrip("/")
        entries, data, at = [], found[2], 0
        while at < len(data):   # "<mode> <name>\0<20 or 32 bytes of object id>" per entry
            space = data.index(b" ", at)
            nul = data.index(b"\0", space)
            mode, name = data[at:space].decode(), data[space + 1:nul].decode("utf-8", errors="surrogateescape")
            size = len(found[1]) // 2
            oid = data[nul + 1:nul + 1 + size].hex()
            at = nul + 1 + size
            kind = "tree" if mode == "40000" else "commit" if mode == "160000" else "blob"
            entries.append(TreeEntry(mode, kind, oid, f"{prefix}/{name}" if prefix else name))
        return entries


_KINDS = (b"blob", b"tree", b"commit", b"tag")
