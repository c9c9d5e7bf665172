"""The layer order of thamniap.LAYERS holds: no module imports from a layer above its own.

Every module of the package is parsed with `ast` (nothing is imported), and every import is
checked, at any depth: module level, inside functions, under `if TYPE_CHECKING:`, relative
imports, and `importlib.import_module("…")` / `__import__("…")` with a literal name.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from thamniap import LAYERS

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "thamniap"


def module_name(path: Path) -> str:
    """thamniap/derive/changes.py → thamniap.derive.changes; a package's __init__.py → the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    """The layer of a thamniap module (None: not in the package, or the package root itself)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "thamniap" and len(parts) > 1 else None


def imported(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module imported) for every import in TREE, MODULE being the file's own name."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: `from ..render import markup` in thamniap.derive.x
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from thamniap import model` imports thamniap.model; `from thamniap.core import x` a core module
            if base == "thamniap":
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def upward_imports(source: str, module: str, is_package: bool = False, where: str = "") -> list[str]:
    """One line per import in SOURCE (the text of MODULE) from a layer above MODULE's."""
    own = layer_of(module)
    if own is None:
        return []
    out = []
    for line, target in imported(ast.parse(source), module, is_package):
        layer = layer_of(target)
        if layer in LAYERS and LAYERS.index(layer) > LAYERS.index(own):
            out.append(f"{where or module}:{line}: {own} imports {target} ({layer} is a higher layer)")
    return out


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_imports_from_a_higher_layer():
    offending = []
    for path in modules():
        offending += upward_imports(path.read_text(encoding="utf-8"), module_name(path),
                                    path.name == "__init__.py", str(path.relative_to(PACKAGE.parent)))
    assert not offending, "imports against the layer order " + " < ".join(LAYERS) + ":\n" + "\n".join(offending)


def test_every_module_is_in_a_layer():
    """A new folder or top-level module must be given its place in LAYERS first."""
    outside = sorted({layer_of(module_name(p)) for p in modules()} - set(LAYERS) - {None})
    assert not outside, f"not in thamniap.LAYERS: {outside}"


@pytest.mark.parametrize("module, source, is_package", [
    ("thamniap.derive.changes", "from thamniap.render.markup import md\n", False),
    ("thamniap.derive.changes", "import thamniap.render.markup as markup\n", False),
    ("thamniap.core.text", "def later():\n    if True:\n        from thamniap.cli import main\n", False),
    ("thamniap.model", "from thamniap import cli\n", False),
    ("thamniap.derive.changes", "from ..render import markup\n", False),
    ("thamniap.derive", "from .. import render\n", True),
    ("thamniap.check.validate", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                "    from thamniap.build.workers import Job\n", False),
    ("thamniap.vcs.git", "import importlib\nimportlib.import_module('thamniap.load.loader')\n", False),
    ("thamniap.load.loader", "class X:\n    def f(self):\n        return __import__('thamniap.check.rules')\n", False),
    # the folders of issue 18: input below render, the bot above what it uses, developer tools on top
    ("thamniap.intake.spreadsheet.form", "from thamniap.render.xlsx import column_letter\n", False),
    ("thamniap.render.site", "from thamniap.build.publish import write\n", False),
    ("thamniap.github.client", "from thamniap.review import checkpr\n", False),
    ("thamniap.review.checkpr", "from thamniap.tools.rounds import add_round\n", False),
    ("thamniap.write.edit", "from thamniap.build.publish import write\n", False),
    ("thamniap.render.site", "from thamniap.write.files import replace_files\n", False),
    ("thamniap.tools.spreadsheet.importer", "from thamniap.bot import attachment\n", False),
    ("thamniap.bot.edit", "from thamniap.devtools.sample import Dumper\n", False),
    ("thamniap.devtools.bench", "from thamniap.cli import main\n", False),
])
def test_an_upward_import_is_found(module, source, is_package):
    found = upward_imports(source, module, is_package)
    assert len(found) == 1 and found[0].startswith(f"{module}:"), found


@pytest.mark.parametrize("module, source", [
    ("thamniap.render.site", "from thamniap.core import geography\nfrom thamniap.derive.history import Entry\n"),
    ("thamniap.derive.history", "from thamniap import model\nfrom thamniap.vcs import git\nimport subprocess\n"),
    ("thamniap.cli", "def f():\n    from thamniap.review.checkpr import run\n"),
    ("thamniap.check.rules.roster", "from thamniap.check.rules import rule\nfrom . import Context\n"),
    ("thamniap.vcs.git", "from thamniap import LAYERS\n"),
    ("thamniap.render.reportpage", "from thamniap.intake.reportform.fields import REPORTS\n"),
    ("thamniap.bot.bot", "from thamniap.intake.reportform import body\nfrom thamniap.review import checkpr\n"
                         "from thamniap.github.client import GitHubError\nfrom thamniap.write.files import replace_files\n"),
    ("thamniap.devtools.sample", "from thamniap.write.style import file_text\n"),
    ("thamniap.tools.rounds", "from thamniap.write.edit import line_edit\n"),
    ("thamniap.write.edit", "from thamniap.load.loader import load_bytes\n"),
])
def test_same_or_lower_layers_pass(module, source):
    assert upward_imports(source, module) == []


def private_uses(source: str, module: str) -> list[str]:
    """Private names (`_x`) of another thamniap module that SOURCE (the text of MODULE) uses: imported
    by name, or reached as an attribute of an imported thamniap module."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}      # local name -> thamniap module it stands for
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("thamniap") and not node.level:
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__") and node.module != module:
                    out.append(f"{module}:{node.lineno}: imports {node.module}.{alias.name}")
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("thamniap") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases \
                and node.attr.startswith("_") and not node.attr.startswith("__"):
            out.append(f"{module}:{node.lineno}: uses {aliases[node.value.id]}.{node.attr}")
    return out


def test_no_module_uses_a_private_name_of_another():
    """A sibling's `_x` is its own business: what another module needs is public API (issue 18 §4:
    the bot used private pieces of check-pr and of the editor)."""
    found = []
    for path in modules():
        found += private_uses(path.read_text(encoding="utf-8"), module_name(path))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("source", [
    "from thamniap.bot import edit\nedit._read('', '')\n",
    "from thamniap.review.checkpr import _scope\n",
])
def test_a_private_use_is_found(source):
    assert private_uses(source, "thamniap.bot.roster")


WRITERS = {"write_text", "write_bytes", "mkdir", "touch", "unlink", "rename", "rmtree", "copyfile", "copy2",
           "copytree"}


def file_writes(source: str) -> list[int]:
    """Lines of SOURCE that write, create or delete a file: Path.write_text/… calls, shutil copies and
    open() for writing."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if isinstance(node.func, ast.Attribute) and name in WRITERS:
            lines.append(node.lineno)
        elif name == "open":
            modes = [a for a in node.args[1:2]] + [k.value for k in node.keywords if k.arg == "mode"]
            if any(isinstance(m, ast.Constant) and set(str(m.value)) & set("wax+") for m in modes):
                lines.append(node.lineno)
    return lines


def test_render_writes_no_file():
    """render/ formats and returns text and bytes; build/ (or a command) writes them (issue 18 §3)."""
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}" for path in sorted((PACKAGE / "render").rglob("*.py"))
             for line in file_writes(path.read_text(encoding="utf-8"))]
    assert not found, "render writes files at " + ", ".join(found)


# The commands that change files under data/ (report bot, import-xlsx, new-round, split-roster, new-district
# and the sample): each works out the new texts, and write/ writes them (issue 18 §2). The importer
# writes one thing itself: a temporary copy of the dataset, to check the new files before writing them
# (made by _candidate_copy, removed by check_candidate).
DATA_CHANGERS = {"bot/bot.py": (), "bot/edit.py": (), "bot/roster.py": (), "tools/rounds.py": (),
                 "tools/split_roster.py": (), "tools/spreadsheet/importer.py": ("check_candidate", "_candidate_copy"),
                 "devtools/sample.py": ()}


def file_writes_outside(source: str, allowed: tuple[str, ...]) -> list[int]:
    """file_writes of SOURCE that are not inside a function named in ALLOWED."""
    tree = ast.parse(source)
    spans = [(node.lineno, node.end_lineno) for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef) and node.name in allowed]
    return [line for line in file_writes(source) if not any(a <= line <= b for a, b in spans)]


@pytest.mark.parametrize("path", sorted(DATA_CHANGERS))
def test_only_the_write_layer_writes_data_files(path):
    found = file_writes_outside((PACKAGE / path).read_text(encoding="utf-8"), DATA_CHANGERS[path])
    assert not found, f"{path} writes files itself at lines {found}: write them with thamniap.write (files.replace_files)"


def test_a_write_outside_the_allowed_function_is_found():
    source = "def check_candidate(p):\n    p.write_text('')\n\ndef apply(p):\n    p.write_text('')\n"
    assert file_writes_outside(source, ("check_candidate",)) == [5]


@pytest.mark.parametrize("source", ["path.write_bytes(b'')\n", "p.parent.mkdir(parents=True)\n",
                                    "open(name, 'w')\n", "open(name, mode='ab')\n"])
def test_a_file_write_is_found(source):
    assert file_writes(source) == [1]
