"""One registry of every rule id (check/registry.py): `thamniap rules` lists each id validate can
report — the loader's, the layout's, the schema's and field checks', and the cross-file rules —
and no id the code emits, a fixture expects or a test asserts is missing from it."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from helpers import REPO, run_cli

from thamniap.check.registry import STAGES, all_rules, by_stage
from thamniap.core.names import NAME_CHARACTER_CODES
from thamniap.load import schema
from thamniap.load.schema_rules import FIELD_RULES, LIMIT_KEYWORDS

PACKAGE = REPO / "scripts" / "thamniap"
ID = re.compile(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*")
# dotted words that are file names or hosts, not rule ids (roster.yaml, yaml.org …)
NOT_IDS = re.compile(r".*\.(?:yaml|yml|json|md|txt|xlsx|csv|svg|html|py|org|com|log|xml)")
# calls whose string arguments are rule ids: error(path, line, col, ID, …), Diagnostic(…, ID, …),
# @rule(ID, …), diag(ID, …) in load/schema.py, self._err(line, col, ID, …) in the loader
EMITTERS = {"error", "warning", "Diagnostic", "rule", "diag", "_err"}


def listed() -> dict[str, tuple[str, str]]:
    code, out, _ = run_cli("rules")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(r) == 3 and r[1] in ("error", "warning") and r[2].strip() for r in rows), rows
    ids = [r[0] for r in rows]
    assert ids == sorted(set(ids)), "each id once, sorted"
    return {r[0]: (r[1], r[2]) for r in rows}


def strings(path: Path) -> list[str]:
    """Every string constant in a Python file (f-string parts included)."""
    return [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def call_name(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def emitted_ids() -> set[str]:
    """String literals passed as rule ids anywhere in the package."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and call_name(node) in EMITTERS:
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and ID.fullmatch(arg.value):
                        found.add(arg.value)
    return found


def field_codes() -> set[str]:
    """Problem codes the field checks in core/ can produce: the first argument of Problem(…) and
    of report.add(…), and any text assigned to a variable named `code`."""
    codes = set()
    for path in (PACKAGE / "core").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and call_name(node) in ("Problem", "add") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    names = target.elts if isinstance(target, ast.Tuple) else [target]
                    values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
                    for name, value in zip(names, values):
                        if isinstance(name, ast.Name) and name.id == "code" and isinstance(value, ast.Constant):
                            codes.add(value.value)
    return codes


def test_rules_lists_every_registered_id_with_level_and_thai():
    rows = listed()
    registry = all_rules()
    assert set(rows) == set(registry)
    assert all(re.search("[\u0e00-\u0e7f]", doc) for _, doc in rows.values()), "descriptions are Thai"
    assert {info.stage for info in registry.values()} == set(STAGES)
    assert sum(len(v) for v in by_stage().values()) == len(registry)


def test_every_id_the_code_emits_is_listed():
    ids = emitted_ids()
    assert {"yaml.duplicate-key", "layout.not-found", "schema.unknown-key", "privacy.national-id"} <= ids
    missing = sorted(ids - set(listed()))
    assert not missing, f"emitted but not in the registry: {missing}"


def test_ids_built_from_parts_are_listed():
    rows = listed()
    # schema.<keyword> (load/schema.py `_explain`) and text.<name code> (place names)
    assert {f"schema.{schema._kebab(k)}" for k in LIMIT_KEYWORDS} <= set(rows)
    assert {f"text.{code}" for code in NAME_CHARACTER_CODES} <= set(rows)
    # {prefix}.{code} of the field checks: every code is listed under some prefix, and every
    # listed field id names a code the checks have (no stale entry)
    codes = field_codes()
    listed_codes = {rule_id.split(".", 1)[1] for rule_id in FIELD_RULES}
    assert "zero-width" in codes and "impossible-date" in codes and "phone-format" in codes
    assert codes == listed_codes, (sorted(codes - listed_codes), sorted(listed_codes - codes))
    prefixes = {prefix for prefix, _ in schema.FIELD_CHECKS.values()}
    assert {rule_id.split(".", 1)[0] for rule_id in FIELD_RULES} == prefixes


@pytest.mark.parametrize("fmt, values", [
    ("line", ["a\u200bb", "a\u202eb", "a\nb", "a\x07b", " a", "a  b", "เเก", "กํา", "ก่่", "กุ่", "ก\u0e48\u0e38",
              "e\u0301"]),
    ("first-name", ["นายสมชาย", "สม ชาย", "สม1", "ส<ม", "สมchai"]),
    ("date", ["๒๕๖๗-๐๑-๑๕", "15/01/2024", "2567-01-15", "2024-02-30"]),
    ("phone", ["๐๘๑๒๓๔๕๖๗๘", "12"]),
])
def test_what_the_field_checks_report_is_listed(fmt, values):
    prefix, check = schema.FIELD_CHECKS[fmt]
    rows = listed()
    reported = {f"{prefix}.{p.code}" for value in values for p in check(value)}
    assert reported, fmt
    assert reported <= set(rows), sorted(reported - set(rows))
    for rule_id in reported:
        assert rows[rule_id][0] == ("warning" if rule_id.split(".", 1)[1] in schema.WARNING_CODES else "error")


def test_every_id_a_fixture_or_test_expects_is_listed():
    rows = listed()
    expected = set()
    for case in (REPO / "tests" / "fixtures" / "invalid").glob("*/case.yaml"):
        expected |= {want["rule"] for want in yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]}
    families = {rule_id.split(".", 1)[0] for rule_id in rows}
    for path in (REPO / "tests").rglob("*.py"):
        for text in strings(path):
            for m in re.finditer(r"(?<![\w./-])" + ID.pattern + r"(?![\w.-])", text):
                word = m.group()
                if word.split(".", 1)[0] in families and not NOT_IDS.fullmatch(word):
                    expected.add(word)
    assert {"yaml.duplicate-key", "text.thai-double-sara-e", "roster.duplicate-person"} <= expected
    missing = sorted(expected - set(rows))
    assert not missing, f"expected by a fixture or test but not listed: {missing}"


def test_rules_page_lists_every_id():
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert all(f"| `{rule_id}` |" in page for rule_id in all_rules())


def test_every_form_id_is_in_the_one_registry():
    """The Excel form's own ids (xlsx.*), which the reading code passes to its collector, are in the
    registry and listed by `thamniap rules`; the registry names none the code does not use."""
    used = {text for path in PACKAGE.rglob("*.py") if path.name != "form_rules.py"
            for text in strings(path) if re.fullmatch(r"xlsx\.[a-z]+(?:-[a-z]+)*", text)}
    assert {"xlsx.refused", "xlsx.header", "xlsx.place", "xlsx.not-in-form"} <= used
    form = {info.id for info in by_stage()["form"]}
    assert used == form, (sorted(used - form), sorted(form - used))
    assert used <= set(listed())
