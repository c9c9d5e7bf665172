"""The setup guide (docs/setup.md, issue 21 §1) runs as written: every ```bash block, in order, on a fresh
copy of the repository (a git repository with a bare `origin`), with a district's own roster workbook in
the home folder where the guide says it is. Step 1's block (git clone from GitHub, scripts/setup.sh) needs
the network and is the one block left out; this environment's thamniap and mkdocs stand in for .venv."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from helpers import GIT_ENV, REPO, git

GUIDE = REPO / "docs" / "setup.md"
BLOCK = re.compile(r"^```bash\n(.*?)^```$", re.M | re.S)
NEEDS_NETWORK = ("git clone", "scripts/setup.sh")


def blocks() -> list[str]:
    return BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


def fresh_copy(root: Path) -> Path:
    """The repository as the template gives it, committed, with an `origin` to push to."""
    for name in ("docs", "overrides", "schemas", "data", ".github"):
        shutil.copytree(REPO / name, root / name)
    (root / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "mkdocs_hook.py", root / "scripts" / "mkdocs_hook.py")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "activate").write_text(        # the environment this test runs in
        f'export PATH="{Path(sys.executable).parent}:$PATH"\n', encoding="utf-8")
    (root / ".gitignore").write_text(".venv/\nsite/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "template")
    origin = root.parent / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    git(root, "remote", "add", "origin", str(origin))
    return root


def district_workbook(path: Path) -> None:
    """เมืองเลย's roster as a district keeps it: one sheet per subdistrict, name in one cell, พ.ศ. dates."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ต.กุดป่อง"
    for row in (["ที่", "ชื่อ - สกุล", "หมู่บ้าน", "ประเภท", "วันที่ได้รับเลือก", "วันครบวาระ"],
                [1, "นายทดสอบ คู่มือ", None, "ผู้นำ อช.", "๑ ต.ค. ๒๕๖๖", "๓๐ ก.ย. ๒๕๗๐"],
                [2, "นางทดลอง คู่มือ", "หมู่ที่ ๑ บ้านกุดป่อง", "อช.", "๑ ต.ค. ๒๕๖๖", "๓๐ ก.ย. ๒๕๗๐"]):
        sheet.append(row)
    book.save(path)


def test_the_guide_has_its_steps_in_order():
    text = GUIDE.read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d)\. ", text, re.M)
    assert headings == [str(n) for n in range(1, 8)]
    commands = "\n".join(blocks())
    for step in ("rename-org", "clear-sample", "import-roster", "new-round", "validate", "mkdocs build --strict", "git push"):
        assert step in commands
    assert [b for b in blocks() if any(n in b for n in NEEDS_NETWORK)] == [blocks()[0]]


def test_every_command_of_the_guide_runs_as_written(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    district_workbook(home / "ทำเนียบ-4201.xlsx")
    project = fresh_copy(tmp_path / "thamniap")
    env = {**os.environ, **GIT_ENV, "HOME": str(home), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    for block in blocks():
        if any(n in block for n in NEEDS_NETWORK):
            continue
        ran = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=project, env=env,
                             capture_output=True, text=True, timeout=1200)
        assert ran.returncode == 0, (block, ran.stdout[-3000:], ran.stderr[-3000:])
    pushed = subprocess.run(["git", "--git-dir", str(tmp_path / "origin.git"), "show", "go-live:mkdocs.yml"],
                            capture_output=True, text=True, check=True).stdout
    assert "repo_url: https://github.com/cdd-nongkhai/thamniap" in pushed
    roster = subprocess.run(["git", "--git-dir", str(tmp_path / "origin.git"), "show",
                             "go-live:data/42-loei/4201-mueang-loei/roster/420101-kut-pong.yaml"],
                            capture_output=True, text=True, check=True).stdout
    assert "ทดลอง" in roster and "sample: false" in roster
    assert (project / "site" / "setup" / "index.html").is_file()
