"""The schemas: valid 2020-12, Thai titles everywhere, closed objects, and the fast path agrees with jsonschema."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import fastjsonschema
import pytest
import yaml
from helpers import BASE, REPO
from jsonschema import Draft202012Validator

from thamniap.load import schema as schema_mod
from thamniap.load.layout import discover
from thamniap.load.loader import load_file

SCHEMAS = sorted((REPO / "schemas").glob("*.schema.json"))
THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_against_metaschema(path: Path):
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def _resolve(node: dict, defs: dict) -> dict:
    ref = node.get("$ref", "")
    if "#/$defs/" in ref:
        target = defs[ref.rsplit("/", 1)[1]]
        return {**_resolve(target, defs), **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _walk_objects(node, defs, where=""):
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from _walk_objects(value, defs, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk_objects(value, defs, f"{where}/{i}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_thai_title_and_description_and_objects_are_closed(path: Path):
    defs = json.loads((REPO / "schemas/defs.schema.json").read_text(encoding="utf-8"))["$defs"]
    doc = json.loads(path.read_text(encoding="utf-8"))
    objects = list(_walk_objects(doc, defs))
    assert objects or path.name == "defs.schema.json"
    for where, obj in objects:
        assert obj.get("additionalProperties") is False, f"{path.name}{where} is open"
        for name, prop in obj["properties"].items():
            resolved = _resolve(prop, defs)
            for key in ("title", "description"):
                assert THAI.search(resolved.get(key, "")), f"{path.name}{where}/{name} lacks a Thai {key}"


def test_no_field_for_forbidden_personal_data():
    text = " ".join(p.read_text(encoding="utf-8") for p in SCHEMAS).lower()
    for word in ("birth", "national_id", "citizen", "religion", "health", "home_address", "id_card"):
        assert f'"{word}' not in text


def _documents(tmp_path: Path):
    """Every data document of the base dataset and of every fixture case (after its edits)."""
    from test_fixtures import FIXTURES, apply_edits
    roots = [BASE]
    for case in sorted((FIXTURES / "invalid").iterdir()) + sorted((FIXTURES / "valid").iterdir()):
        spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
        root = tmp_path / case.name
        shutil.copytree(BASE, root)
        try:
            apply_edits(root, spec.get("edits", []))
        except (ValueError, FileNotFoundError):
            continue
        roots.append(root)
    for root in roots:
        for file in discover(root).files:
            doc = load_file(file.path, file.display)
            if doc.data is not None:
                yield file.kind, doc


def test_fast_validator_agrees_with_jsonschema(tmp_path):
    checked = 0
    for kind, doc in _documents(tmp_path):
        full_valid = not any(True for _ in schema_mod.validator(kind).iter_errors(doc.data))
        try:
            schema_mod.fast_validator(kind)(doc.data)
            fast_valid = True
        except fastjsonschema.JsonSchemaException:
            fast_valid = False
        assert fast_valid == full_valid, f"{doc.path}: fast={fast_valid} full={full_valid}"
        checked += 1
    assert checked > 50
