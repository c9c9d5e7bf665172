"""Check a loaded document against its JSON Schema and turn every failure into a Thai, located diagnostic."""
from __future__ import annotations

import dataclasses
import difflib
import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterator

import fastjsonschema

from thamniap.core.dates import check_iso_date
from thamniap.core.diagnostics import Diagnostic, Severity
from thamniap.core.names import NAME_CHARACTER_CODES, check_person_name, check_place_name
from thamniap.core.phones import CONSENT_EXAMPLE_EN, CONSENT_EXAMPLE_TH, check_phone
from thamniap.core.problem import WARNING_CODES
from thamniap.core.text import check_line_text
from thamniap.load.loader import Loaded
from thamniap.load.schema_rules import LIMIT_KEYWORDS

if TYPE_CHECKING:  # jsonschema is imported only to explain a failure (~0.1 s saved per run otherwise)
    import jsonschema
    from jsonschema import Draft202012Validator, FormatChecker

KINDS = ("province", "club", "district", "roster", "meeting")

# format name -> field check returning a Problem list, and the rule-id prefix for its problems
FIELD_CHECKS: dict[str, tuple[str, Callable[[str], list]]] = {
    "line": ("text", check_line_text),
    "first-name": ("text", lambda v: check_person_name(v, "first_name")),
    "last-name": ("text", lambda v: check_person_name(v, "last_name")),
    "date": ("date", check_iso_date),
    "phone": ("phone", check_phone),
    "title": ("text", check_line_text),  # unknown titles are a rule (warning), not a format error
}
# Names of places, clubs and offices, by file kind ("*": every item of a list).  The schemas
# give them the shared "line" format, so its problems are already reported; here they are
# also held to the characters of a name (core.names.check_place_name: no < > * & { } …).
PLACE_NAME_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    # titles (นาย, ว่าที่ร้อยตรี, ดร., พ.ต.ท.) take the same characters: an unknown title is only a
    # warning (person.unknown-title), but one carrying markup must not reach a page
    "roster": (("name",), ("villages", "*", "name"), ("leaders", "*", "title"),
               ("villages", "*", "volunteers", "*", "title")),
    "club": (("club", "name"),),
    "district": (("district", "name"), ("office", "name"), ("office", "unit"), ("officials", "*", "title")),
    "province": (("province", "name"), ("office", "name"), ("office", "unit"), ("officials", "*", "title")),
}
TYPE_TH = {"string": "ข้อความ", "integer": "ตัวเลขจำนวนเต็ม", "boolean": "true หรือ false",
           "object": "กลุ่มข้อมูล (ชื่อช่อง: ค่า)", "array": "รายการ (ขึ้นบรรทัดด้วย - )", "null": "null"}

# The schemas describe their fields in Thai only; English hints point to where they are described.
SCHEMA_HINT_EN = "the field is described in the schema named on the file's first line (an editor shows it on hover)"
TYPE_HINT_EN = {"string": "write text", "integer": "write a whole number without quotes",
                "boolean": "write true or false", "object": "write its fields under it, indented (`name: value`)",
                "array": "write the items as lines starting with `- `", "null": "leave it empty"}


def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker
    checker = FormatChecker(formats=())
    for name, (_, check) in FIELD_CHECKS.items():
        checker.checks(name)(lambda value, check=check: not isinstance(value, str) or not check(value))
    return checker


def schema_names() -> list[str]:
    """The packaged schema files, by name (defs.schema.json, roster.schema.json, …)."""
    return sorted(p.name for p in resources.files("thamniap.load").joinpath("schemas").iterdir()
                  if p.name.endswith(".schema.json"))


def schema_text(name: str) -> str:
    """A schema as packaged with the code (load/schemas/): in the repository a link to schemas/, which
    data files' first lines point to; in an installed package, the files a build copied from there
    (tests/test_install.py). Read from the package, so an installed `thamniap` checks a project with
    its own schemas."""
    return resources.files("thamniap.load").joinpath("schemas").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    """One compiled validator per file kind, built once per process."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    registry = Registry()
    for name in schema_names():
        contents = json.loads(schema_text(name))
        registry = registry.with_resource(name, Resource.from_contents(contents, DRAFT202012))
    schema = json.loads(schema_text(f"{kind}.schema.json"))
    return Draft202012Validator(schema, registry=registry, format_checker=_format_checker())


@lru_cache(maxsize=None)
def fast_validator(kind: str) -> Callable[[dict], object]:
    """The same schema compiled to Python code by fastjsonschema: ~50x faster on valid data.

    It only answers "valid or not"; when it says not, jsonschema explains (Thai messages need
    every error with its path, which the compiled validator does not give). fastjsonschema
    speaks draft-07, so the cross-file `$ref`s are inlined and `$defs` addressed by pointer —
    tests/test_schemas.py checks both validators agree on every fixture.
    """
    defs = json.loads(schema_text("defs.schema.json"))["$defs"]
    text = schema_text(f"{kind}.schema.json")
    schema = json.loads(text.replace('"defs.schema.json#/$defs/', '"#/$defs/'))
    schema["$defs"] = {**defs, **schema.get("$defs", {})}
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    formats = {name: (lambda value, check=check: not isinstance(value, str) or not check(value))
               for name, (_, check) in FIELD_CHECKS.items()}
    formats["email"] = lambda value: True  # annotation only, as in jsonschema without an email checker
    return fastjsonschema.compile(schema, formats=formats)


def check(doc: Loaded, kind: str) -> list[Diagnostic]:
    """All schema problems of one document, and the name characters of its place names, each located."""
    return check_located(doc, kind)[0]


def check_located(doc: Loaded, kind: str) -> tuple[list[Diagnostic], set[tuple]]:
    """`check`, and the instance path of every value that breaks the document's shape (a
    `schema.*` error), so the model can leave out just the person, seat or village that holds it.
    An unknown key breaks nothing (the model never reads it), nor does a field whose value fails
    its own check (`date.*`, `phone.*`, `text.*`): the model reads such a value as unknown."""
    out: list[Diagnostic] = []
    broken: set[tuple] = set()
    try:
        fast_validator(kind)(doc.data)
    except fastjsonschema.JsonSchemaException:
        for err in validator(kind).iter_errors(doc.data):
            found = list(_explain(doc, err))
            if "phone_consent" in err.absolute_path:
                found = [_with_consent_example(d) for d in found]
            out.extend(found)
            if err.validator != "additionalProperties" and any(
                    d.is_error and d.rule.startswith("schema.") for d in found):
                broken.add(tuple(err.absolute_path))
    out.extend(_place_name_problems(doc, kind))
    return out, broken


def _with_consent_example(diag: Diagnostic) -> Diagnostic:
    """DIAG (a problem inside phone_consent) with a complete consent record in its hints."""
    return dataclasses.replace(diag, hint=f"{diag.hint} — {CONSENT_EXAMPLE_TH}".lstrip(" —"),
                               hint_en=f"{diag.hint_en} — {CONSENT_EXAMPLE_EN}".lstrip(" —"))


def _values_at(data, pattern: tuple[str, ...], path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, value) of every text value at a PLACE_NAME_PATHS pattern; other shapes are skipped."""
    if not pattern:
        if isinstance(data, str):
            yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from _values_at(item, rest, path + (i,))
    elif isinstance(data, dict) and head in data:
        yield from _values_at(data[head], rest, path + (head,))


def _place_name_problems(doc: Loaded, kind: str) -> Iterator[Diagnostic]:
    """Name-character problems (text.name-character, text.name-mixed-script) of place names."""
    for pattern in PLACE_NAME_PATHS.get(kind, ()):
        for path, value in _values_at(doc.data, pattern):
            for p in check_place_name(value):
                if p.code not in NAME_CHARACTER_CODES:
                    continue   # one-line text problems: reported by the "line" format already
                line, col = doc.locate(path)
                yield Diagnostic(doc.path, line, col + p.offset if col else col, f"text.{p.code}",
                                 Severity.ERROR, p.message, p.hint, p.message_en, p.hint_en)


def _title(schema: dict) -> str:
    return schema.get("title", "")


@dataclasses.dataclass(frozen=True)
class _Failure:
    """One jsonschema error in DOC, with where it is: what each explainer below reads."""
    doc: Loaded
    err: jsonschema.ValidationError

    @property
    def path(self) -> tuple:
        return tuple(self.err.absolute_path)

    @property
    def at(self) -> tuple[int, int]:
        return self.doc.locate(self.path)

    def diag(self, rule, message, hint, message_en, hint_en, at=None, severity=Severity.ERROR) -> Diagnostic:
        line, col = at or self.at
        return Diagnostic(self.doc.path, line, col, rule, severity, message, hint, message_en, hint_en)


def _explain(doc: Loaded, err: jsonschema.ValidationError) -> Iterator[Diagnostic]:
    """ERR in Thai (and English), located: one explainer per JSON Schema keyword."""
    yield from _EXPLAINERS.get(err.validator, _invalid)(_Failure(doc, err))


def _unknown_keys(f: _Failure) -> Iterator[Diagnostic]:
    """additionalProperties: each unknown key, with the closest allowed name (or the field that replaced it)."""
    schema, path = f.err.schema, f.path
    allowed = sorted(schema.get("properties", {}))
    replaced = schema.get("x-replaced", {})
    for key in f.err.instance:
        if key in allowed:
            continue
        if key in replaced:
            yield _replaced_key(f.doc, path, key, replaced[key], schema, f.at)
            continue
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (f"หมายถึง `{close[0]}` หรือไม่? " if close else "") + "ชื่อช่องที่ใช้ได้: " + ", ".join(allowed)
        at = f.doc.key_positions.get(path + (key,), f.at)
        yield f.diag("schema.unknown-key", f"ไม่รู้จักชื่อช่อง `{key}`", hint,
                     f"unknown key `{key}`", (f"did you mean `{close[0]}`? " if close else "")
                     + "allowed: " + ", ".join(allowed), at)


def _missing_keys(f: _Failure) -> Iterator[Diagnostic]:
    """required: each missing key, unless an old name of it is written (that one is reported as replaced)."""
    schema, value = f.err.schema, f.err.instance
    renamed = {new for old, new in schema.get("x-replaced", {}).items() if isinstance(value, dict) and old in value}
    for key in f.err.validator_value:
        if isinstance(value, dict) and key not in value and key not in renamed:
            sub = schema.get("properties", {}).get(key, {})
            label = f" ({_title(sub)})" if _title(sub) else ""
            yield f.diag("schema.missing-key", f"ขาดช่อง `{key}`{label}",
                         f"เพิ่มบรรทัด `{key}: ...` ในส่วนนี้", f"missing key `{key}`",
                         f"add `{key}: ...` here")


def _field_format(f: _Failure) -> Iterator[Diagnostic]:
    """format: the field check's own problems (date, phone, name …), each at its offset in the value."""
    value = f.err.instance
    if f.err.validator_value not in FIELD_CHECKS or not isinstance(value, str):
        yield from _invalid(f)
        return
    prefix, check_field = FIELD_CHECKS[f.err.validator_value]
    line, col = f.at
    for p in check_field(value):
        severity = Severity.WARNING if p.code in WARNING_CODES else Severity.ERROR
        yield f.diag(f"{prefix}.{p.code}", p.message, p.hint, p.message_en, p.hint_en,
                     (line, col + p.offset if col else col), severity)


def _wrong_type(f: _Failure) -> Iterator[Diagnostic]:
    """type: an empty `key:` says what to write there; another value says which type it must be."""
    schema, value, path = f.err.schema, f.err.instance, f.path
    if value is None and path and isinstance(path[-1], str):
        yield f.diag("schema.type", *_empty_value(path[-1], schema))
        return
    wanted = f.err.validator_value if isinstance(f.err.validator_value, list) else [f.err.validator_value]
    wanted_th = " หรือ ".join(TYPE_TH.get(w, w) for w in wanted)
    written = _as_written(value)
    quote = "string" in wanted and not isinstance(value, (dict, list))
    hint = (f"ใส่เครื่องหมายคำพูดครอบ เช่น `\"{written}\"`" if quote
            else f"{_title(schema)}: {schema.get('description', '')}".strip(": "))
    yield f.diag("schema.type", f"ค่า `{written}` ต้องเป็น{wanted_th}", hint,
                 f"`{written}` must be {' or '.join(wanted)}",
                 f"quote it, e.g. `\"{written}\"`" if quote else "; ".join(TYPE_HINT_EN.get(w, w) for w in wanted))


def _not_allowed(f: _Failure) -> Iterator[Diagnostic]:
    """enum, const: the value and the ones allowed."""
    options = f.err.validator_value if f.err.validator == "enum" else [f.err.validator_value]
    shown = ", ".join(_as_written(o) for o in options)
    written, key = _as_written(f.err.instance), _key(f.path)
    yield f.diag("schema.not-allowed", f"ค่า `{written}` ใช้ไม่ได้ที่ `{key}`",
                 f"ใช้ได้เฉพาะ: {shown}", f"`{written}` is not allowed at `{key}`",
                 "allowed: " + ", ".join(f"`{_as_written(o)}`" for o in options))


def _pattern(f: _Failure) -> Iterator[Diagnostic]:
    """pattern: the value does not have the field's form (the schema's description says it)."""
    schema, key = f.err.schema, _key(f.path)
    yield f.diag("schema.pattern", f"ค่า `{_as_written(f.err.instance)}` ไม่ถูกรูปแบบของ{_title(schema) or key}",
                 schema.get("description", ""), f"`{_as_written(f.err.instance)}` does not match the expected form",
                 f"`{key}` takes the form `{schema.get('pattern', '')}` (a regular expression); "
                 + SCHEMA_HINT_EN)


def _limit(f: _Failure) -> Iterator[Diagnostic]:
    """minItems, maxLength, minimum …: the limit in words."""
    v, limit, schema, key = f.err.validator, f.err.validator_value, f.err.schema, _key(f.path)
    messages = {
        "minItems": (f"ต้องมีอย่างน้อย {limit} รายการ", f"needs at least {limit} item(s)"),
        "maxItems": (f"มีได้ไม่เกิน {limit} รายการ", f"at most {limit} item(s)"),
        "minLength": ("ต้องไม่เป็นข้อความว่าง", "must not be empty"),
        "maxLength": (f"ยาวเกิน {limit} ตัวอักษร", f"longer than {limit} characters"),
        "minimum": (f"ต้องไม่น้อยกว่า {limit}", f"must be >= {limit}"),
        "maximum": (f"ต้องไม่มากกว่า {limit}", f"must be <= {limit}"),
        "uniqueItems": ("มีรายการซ้ำกัน", "has duplicate items"),
    }
    th, en = messages[v]
    yield f.diag(f"schema.{_kebab(v)}", f"`{key}` {th}", _title(schema) and
                 f"{_title(schema)}: {schema.get('description', '')}", f"`{key}` {en}",
                 _title(schema) and SCHEMA_HINT_EN)


def _branches(f: _Failure) -> Iterator[Diagnostic]:
    """anyOf, oneOf: explained with the branch that matches the value's type (e.g. a malformed date,
    not "not null"), each problem once."""
    if not f.err.context:
        yield from _invalid(f)
        return
    best = [e for e in f.err.context if e.validator != "type"] or list(f.err.context)
    seen = set()
    for sub in best:
        for d in _explain(f.doc, sub):
            if (d.rule, d.line, d.column) not in seen:
                seen.add((d.rule, d.line, d.column))
                yield d


def _invalid(f: _Failure) -> Iterator[Diagnostic]:
    """Any other keyword: jsonschema's own message, with the field's description as the hint."""
    schema = f.err.schema
    yield f.diag("schema.invalid", f"ค่าไม่ถูกต้องที่ `{_key(f.path)}`", schema.get("description", ""),
                 f.err.message, SCHEMA_HINT_EN if schema.get("description") else "")


_EXPLAINERS = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "format": _field_format,
    "type": _wrong_type,
    "enum": _not_allowed,
    "const": _not_allowed,
    "pattern": _pattern,
    **{keyword: _limit for keyword in LIMIT_KEYWORDS},
    "anyOf": _branches,
    "oneOf": _branches,
}


def _replaced_key(doc: Loaded, path: tuple, key: str, new: str, schema: dict, where) -> Diagnostic:
    """An old field name (schema "x-replaced": {old: new}): the message names the new field and
    the hint shows its form, built from the new field's description (e.g. confirmed_on → confirmations)."""
    line, col = doc.key_positions.get(path + (key,), where)
    sub = schema.get("properties", {}).get(new, {})
    label = f" ({_title(sub)})" if _title(sub) else ""
    return Diagnostic(doc.path, line, col, "schema.replaced-key", Severity.ERROR,
                      f"ชื่อช่อง `{key}` เลิกใช้แล้ว ใช้ `{new}`{label} แทน",
                      f"ลบบรรทัด `{key}: ...` แล้วเขียน `{new}:` แทน — {sub.get('description', '')}".rstrip(" —"),
                      f"`{key}` is no longer used: write `{new}` instead",
                      REPLACED_HINT_EN.get(key, f"replace `{key}` with `{new}`"))


# English hints for the replaced fields (the Thai hint comes from the schema's description).
REPLACED_HINT_EN = {
    "confirmed_on": "write `confirmations:` with one item per reporting round, e.g. "
                    "`- round: 2567-club-update` and `date: 2024-01-20` (round ids: province.yaml `rounds:`); "
                    "`confirmations: []` when not confirmed yet",
}


# What to write instead of an empty value, for fields where "write a value" is not the whole answer.
EMPTY_VALUE_HINTS = {
    "holder": ("ใส่รหัสบุคคลของผู้ดำรงตำแหน่ง (หน้าอำเภอบนเว็บไซต์แสดงรหัสหลังชื่อแต่ละคน) เช่น `holder: 4214-0001` "
               "ถ้าตำแหน่งนี้ว่าง ให้ลบบรรทัด `holder:` แล้วเขียน `vacant: true` แทน",
               "write the holder's person id (the district page shows it after each name), e.g. `holder: 4214-0001`; if the seat is "
               "vacant, delete the `holder:` line and write `vacant: true` instead"),
}


def _empty_value(key: str, schema: dict) -> tuple[str, str, str, str]:
    """(message, hint, English message, English hint) for `KEY:` written with no value (or null)."""
    label = f" ({_title(schema)})" if _title(schema) else ""
    hint, hint_en = EMPTY_VALUE_HINTS.get(key, (
        f"เขียนค่าหลัง `{key}:` ({schema.get('description', '')}) หรือลบบรรทัดนี้ถ้ายังไม่มีข้อมูล".replace(" ()", ""),
        f"write a value after `{key}:`, or delete the line if there is none yet"))
    return (f"ช่อง `{key}`{label} ไม่มีค่า (เว้นว่างไว้หรือเขียน null)", hint,
            f"`{key}` has no value (left empty or null)", hint_en)


def _kebab(name: str) -> str:
    return "".join("-" + c.lower() if c.isupper() else c for c in name)


def _key(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "(ทั้งไฟล์)"


def _as_written(value) -> str:
    """Show a loaded value the way YAML spells it."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    return str(value)
