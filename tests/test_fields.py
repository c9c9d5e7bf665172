"""thamniap.core.fields is only the old address of the field checks: it re-exports, it defines nothing.

The checks themselves are tested next to their modules: test_text, test_names, test_dates,
test_phones and test_national_id.
"""
from __future__ import annotations

import ast
from pathlib import Path

from thamniap.core import dates, digits, fields, names, national_id, phones, problem, text
from thamniap.load import schema

FIELD_MODULES = (problem, digits, text, names, dates, phones, national_id)


def test_every_old_name_is_the_new_object() -> None:
    for name in fields.__all__:
        homes = [m for m in FIELD_MODULES if getattr(m, name, None) is getattr(fields, name)]
        assert homes, f"fields.{name} is not re-exported from a field module"


def test_fields_defines_no_function_or_value_of_its_own() -> None:
    tree = ast.parse(Path(fields.__file__).read_text(encoding="utf-8"))
    own = [node for node in tree.body
           if isinstance(node, (ast.FunctionDef, ast.ClassDef))
           or (isinstance(node, ast.Assign) and not all(isinstance(t, ast.Name) and t.id == "__all__"
                                                        for t in node.targets))]
    assert own == []


def test_warning_codes_have_one_source() -> None:
    assert schema.WARNING_CODES is problem.WARNING_CODES
    assert problem.WARNING_CODES == {"space-in-name", "double-space", "title-in-name"}
