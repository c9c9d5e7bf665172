"""Helpers shared by the tests (imported as `helpers`; conftest.py only holds fixtures)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from thamniap import cli

REPO = Path(__file__).resolve().parents[1]
BASE = REPO / "tests" / "fixtures" / "base"


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run `thamniap ARGV…` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


# Git in tests: a fixed identity and no user or system configuration.
GIT_ENV = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    """Run git in REPO (raises on failure); returns its standard output."""
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def init_repo(root: Path) -> Path:
    """A new git repository at ROOT (branch main) holding the base dataset as data/, not committed."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(BASE, root / "data")
    return root


def project_repo(root: Path) -> Path:
    """A new git repository at ROOT whose `main` holds the project's data, schemas and mkdocs.yml
    (what the report bot runs in), committed."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    commit_all(root, "base")
    return root


def mkdocs_build(site_dir: Path, config: Path | None = None, **env_extra: str) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict` (REPO's mkdocs.yml unless CONFIG) in a subprocess, for 1 Feb 2024."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "THAMNIAP_TODAY": "2024-02-01", **env_extra}
    config_args = ["--config-file", str(config)] if config else []
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *config_args, "-d", str(site_dir)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def zensical_build(config: Path) -> subprocess.CompletedProcess:
    """The real `zensical build --strict` of CONFIG in a subprocess. Zensical has no option for the
    output folder: the site goes to CONFIG's site_dir (default: site/ beside CONFIG)."""
    env = {**os.environ, "THAMNIAP_TODAY": "2024-02-01"}
    return subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config)],
                          cwd=config.parent, env=env, capture_output=True, text=True, timeout=600)


def files_of(site: Path) -> set[str]:
    """Every file of the built SITE, as paths with "/" relative to it."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def hookfree_build(work: Path, data: Path | None = None, generator: str = "mkdocs") -> Path:
    """The three plain steps, from REPO's docs/ and mkdocs.yml, in WORK: `thamniap pages DOCS
    --site-config`, GENERATOR's build ("mkdocs" or "zensical"), `thamniap index`; returns the site."""
    import yaml

    docs, config, site = work / "docs", work / "mkdocs.yml", work / "site"
    shutil.copytree(REPO / "docs", docs)
    args = ["--data", str(data), "--config", str(REPO / "mkdocs.yml")] if data else []
    code, _, stderr = run_cli("pages", str(docs), "--today", "2024-02-01", "--site-config", str(config), *args)
    assert code == 0, stderr
    assert "hooks" not in yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.Loader)
    done = mkdocs_build(site, config) if generator == "mkdocs" else zensical_build(config)
    assert done.returncode == 0, done.stdout + done.stderr
    code, out, stderr = run_cli("index", str(site))
    assert code == 0, stderr
    assert "ดัชนีค้นหา:" in out
    return site


class Roster:
    """A district's roster folder (one file per subdistrict, roster/<code>-<slug>.yaml) as tests
    handle it: a snapshot of every file, all their text, and the whole district as one document
    `{"sample": …, "subdistricts": […]}` (what the spreadsheet route reads and writes)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @property
    def parent(self) -> Path:
        return self.folder

    def files(self) -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if p.is_file()) if self.folder.is_dir() else []

    def read_bytes(self) -> bytes:
        """Every file's name and bytes: equal snapshots mean nothing was written, added or removed."""
        return b"".join(p.name.encode() + b"\0" + p.read_bytes() + b"\0" for p in self.files())

    def read_text(self, encoding: str = "utf-8") -> str:
        return "".join(p.read_text(encoding=encoding) for p in self.files())

    def file_with(self, text: str) -> Path:
        """The first file (in name order) holding TEXT."""
        found = next((p for p in self.files() if text in p.read_text(encoding="utf-8")), None)
        assert found is not None, f"no roster file holds {text!r}"
        return found

    def replace(self, old: str, new: str, count: int = 1) -> Path:
        """Replace OLD (first occurrence across the files, in name order) by NEW; the file changed."""
        path = self.file_with(old)
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8")
        return path

    def data(self) -> dict:
        """The whole district's roster as one document (asserts every file reads cleanly)."""
        from thamniap.load.loader import load_file
        subs, sample = [], False
        for path in self.files():
            doc = load_file(path)
            assert not doc.diagnostics, doc.diagnostics
            sample = sample or doc.data["sample"] is True
            subs.append({k: v for k, v in doc.data.items() if k != "sample"})
        return {"sample": sample, "subdistricts": subs}

    def dump(self, doc: dict) -> None:
        """Write DOC (the whole district) back one file per subdistrict, each keeping its schema line,
        as the generator writes them; files of subdistricts not in DOC are removed."""
        from thamniap.load.layout import roster_file_name, roster_head
        from thamniap.write.style import dump
        headers = {p.name: p.read_text(encoding="utf-8").split("\n", 1)[0] for p in self.files()}
        for path in self.files():
            path.unlink()
        self.folder.mkdir(parents=True, exist_ok=True)
        for sub in doc["subdistricts"]:
            name = roster_file_name(sub["code"])
            header = headers.get(name) or next(iter(headers.values()))
            header = roster_head(header, sub["code"])
            dump(self.folder / name, header, {"sample": doc["sample"], **sub})
