"""Sizes and complexity of the package, measured with radon (issue 18 §5): no module over 600 lines,
no function over 100 lines, no block ranked F by cyclomatic complexity and at most 8 ranked D.

A module or function past a limit is split by what it does (one function per rule or step), not cut
mechanically. Each failure prints the offenders, largest first.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from radon.complexity import cc_rank, cc_visit
from radon.raw import analyze

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "thamniap"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 100
MAX_D_BLOCKS = 8


def _sources() -> dict[str, str]:
    return {p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.fixture(scope="module")
def blocks() -> list[tuple[str, object]]:
    """(module, radon block) of every function, method and class of the package."""
    return [(name, block) for name, source in _sources().items() for block in cc_visit(source)]


def _listed(rows: list[tuple[str, int]]) -> str:
    return "\n".join(f"  {name}: {n}" for name, n in sorted(rows, key=lambda r: -r[1]))


def test_the_package_is_measured():
    sources = _sources()
    assert len(sources) > 100 and "derive/exports.py" in sources and "load/schema.py" in sources


def test_no_module_over_600_lines():
    long = [(name, analyze(source).loc) for name, source in _sources().items()]
    over = [(name, n) for name, n in long if n > MAX_MODULE_LINES]
    assert not over, f"modules over {MAX_MODULE_LINES} lines:\n{_listed(over)}"


def test_no_function_over_100_lines(blocks):
    functions = [(f"{name} {b.fullname}", b.endline - b.lineno + 1) for name, b in blocks
                 if not hasattr(b, "methods")]   # functions and methods; a class is not one block of code
    assert any(n > 20 for _, n in functions)      # the measure sees real functions
    over = [(what, n) for what, n in functions if n > MAX_FUNCTION_LINES]
    assert not over, f"functions over {MAX_FUNCTION_LINES} lines:\n{_listed(over)}"


def test_no_f_block_and_at_most_8_d_blocks(blocks):
    ranked = [(f"{name} {b.fullname}", b.complexity, cc_rank(b.complexity)) for name, b in blocks]
    assert any(rank == "C" for *_, rank in ranked)     # the measure sees complex code
    f_blocks = [(what, c) for what, c, rank in ranked if rank == "F"]
    d_blocks = [(what, c) for what, c, rank in ranked if rank == "D"]
    assert not f_blocks, f"blocks ranked F (cyclomatic complexity over 40):\n{_listed(f_blocks)}"
    assert len(d_blocks) <= MAX_D_BLOCKS, (f"{len(d_blocks)} blocks ranked D (complexity 21–30), "
                                           f"at most {MAX_D_BLOCKS}:\n{_listed(d_blocks)}")
