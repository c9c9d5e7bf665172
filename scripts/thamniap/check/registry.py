"""Every rule id `thamniap validate` can report, with its level and Thai description, in one list.

Each step declares the ids it reports next to the code that reports them; this module only
gathers them, in the order a file meets them: reading (load/loader.py), the folder layout
(load/layout.py, and check/validate.py for a path that does not exist), the schema and field
checks (load/schema_rules.py), then the named cross-file rules (check/rules/); last, the problems
only the Excel form has (check/form_rules.py, reported by intake/spreadsheet/). `thamniap rules`
and docs/rules.md list this registry; tests/test_registry.py checks that every id the code
emits or a test expects is in it.
"""
from __future__ import annotations

from dataclasses import dataclass

from thamniap.check.form_rules import FORM_RULES
from thamniap.check.rules import load_all
from thamniap.check.validate import PATH_RULES
from thamniap.load.layout import LAYOUT_RULES
from thamniap.load.loader import LOADER_RULES
from thamniap.load.schema_rules import FIELD_RULES, SCHEMA_RULES

STAGES = ("loader", "layout", "schema", "field", "rules", "form")


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: str       # "error" | "warning"
    doc: str            # Thai, one line
    stage: str          # one of STAGES: the step that reports it
    group: str          # what it is listed under: the stage, the id's family (text, date, phone)
                        # or, for a cross-file rule, its module (geo, roster, club …)
    doc_en: str = ""    # a cross-file rule's statement (its docstring's first line)


def _declared() -> list[RuleInfo]:
    """Every declaration, in stage order."""
    out = [RuleInfo(i, sev, doc, "loader", "loader") for i, (sev, doc) in LOADER_RULES.items()]
    out += [RuleInfo(i, sev, doc, "layout", "layout") for i, (sev, doc) in {**LAYOUT_RULES, **PATH_RULES}.items()]
    out += [RuleInfo(i, sev, doc, "schema", "schema") for i, (sev, doc) in SCHEMA_RULES.items()]
    out += [RuleInfo(i, sev, doc, "field", i.split(".", 1)[0]) for i, (sev, doc) in FIELD_RULES.items()]
    out += [RuleInfo(r.id, r.severity.value, r.doc_th, "rules", r.group, r.doc) for r in load_all().values()]
    out += [RuleInfo(i, sev, doc, "form", "form") for i, (sev, doc) in FORM_RULES.items()]
    return out


def all_rules() -> dict[str, RuleInfo]:
    """Every id once, sorted. An id some steps share (privacy.national-id: the loader finds one
    only YAML decoding reveals, the rule the others) is declared by one of them only."""
    found: dict[str, RuleInfo] = {}
    for info in _declared():
        if info.id in found:
            raise ValueError(f"rule id {info.id} is declared twice ({found[info.id].stage}, {info.stage})")
        found[info.id] = info
    return dict(sorted(found.items()))


def by_stage() -> dict[str, list[RuleInfo]]:
    """The ids of each stage, sorted; stages in the order a file meets them."""
    stages: dict[str, list[RuleInfo]] = {stage: [] for stage in STAGES}
    for info in all_rules().values():
        stages[info.stage].append(info)
    return stages
