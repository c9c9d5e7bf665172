"""The example message of each rule on docs/rules.md is what the rule's first failing fixture
reports (check/examples.py), so the page cannot drift from the messages.

Re-bless after changing a message:  THAMNIAP_BLESS=1 .venv/bin/python -m pytest tests/test_rule_examples.py
"""
from __future__ import annotations

import os
import pprint
from pathlib import Path

from helpers import REPO
from test_fixtures import invalid_cases, materialise, run_validate

from thamniap.check.examples import EXAMPLES
from thamniap.check.registry import all_rules

EXAMPLES_FILE = REPO / "scripts" / "thamniap" / "check" / "examples.py"
HEADER = '''"""An example message of each rule id, shown on docs/rules.md: what the rule's first failing
fixture (tests/fixtures/invalid/<case>/, by case name) reports, run from the dataset's folder.

Generated; do not edit. tests/test_rule_examples.py fails when a message changed; re-bless with
    THAMNIAP_BLESS=1 .venv/bin/python -m pytest tests/test_rule_examples.py
"""
from __future__ import annotations

# rule id -> (fixture case, Thai message)
EXAMPLES: dict[str, tuple[str, str]] = '''


def _examples(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """rule id -> (case, message) of the first diagnostic of each rule, over the cases in order."""
    known = set(all_rules())
    found: dict[str, tuple[str, str]] = {}
    here = os.getcwd()
    for case in invalid_cases():
        spec, root = materialise(case, tmp_path / case.name)
        os.chdir(root.parent)            # messages that name a file show data/…, not a temporary path
        try:
            _, diags, _ = run_validate(Path("data"))
        finally:
            os.chdir(here)
        for want in spec["expect"]:
            rule = want["rule"]
            if rule in known and rule not in found:
                message = next((d["message"] for d in diags if d["rule"] == rule), None)
                if message is not None:
                    found[rule] = (case.name, message)
    return dict(sorted(found.items()))


def test_rule_examples_match_the_fixtures(tmp_path: Path):
    found = _examples(tmp_path)
    if os.environ.get("THAMNIAP_BLESS"):
        EXAMPLES_FILE.write_text(HEADER + pprint.pformat(found, width=110, sort_dicts=True) + "\n",
                                 encoding="utf-8")
        return
    stale = sorted(rule for rule in set(found) | set(EXAMPLES) if found.get(rule) != EXAMPLES.get(rule))
    assert not stale, f"examples out of date for {stale}: re-bless (see this file's docstring)"
