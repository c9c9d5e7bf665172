"""One way to read a data file for the model: the strict loader's document, its schema check, and
which parts of it the model can take (load/items.py).

The dataset loader (check/validate.py) and the change history's old revisions (derive/history.py)
both read files through here, so a file at an old commit is read exactly as it would be today, and
its problems are the same located diagnostics.
"""
from __future__ import annotations

from dataclasses import dataclass

from thamniap.core.diagnostics import Diagnostic
from thamniap.load import items, schema
from thamniap.load.loader import Loaded, load_bytes

# YAML findings whose spot the schema would report again in its own words (`<<` and `yes:` as an
# unknown key, an alias as a value of the wrong type): the YAML message says what to change.
SAID_BY_YAML = ("yaml.merge-key", "yaml.non-string-key", "yaml.alias", "yaml.tag")


@dataclass(frozen=True)
class Checked:
    """A loaded document of KIND, checked: every problem found, and the values that break its shape."""
    doc: Loaded
    kind: str
    diagnostics: list[Diagnostic]          # the loader's, then the schema's
    broken: frozenset[tuple] = frozenset()  # instance paths of `schema.*` errors

    @property
    def usable(self) -> bool:
        """The model can take the document: it was read, and every schema error lies inside one
        person, seat, village or other item that the model leaves out alone."""
        return self.doc.data is not None and items.usable(self.kind, self.broken)


def check_document(doc: Loaded, kind: str, schema_check: bool = True) -> Checked:
    """DOC with its schema problems (none looked for when SCHEMA_CHECK is False: an unchanged file
    that only feeds the cross-file rules)."""
    if doc.data is None or not schema_check:
        return Checked(doc, kind, list(doc.diagnostics))
    problems, broken = schema.check_located(doc, kind)
    return Checked(doc, kind, doc.diagnostics + not_said_twice(problems, doc.diagnostics), frozenset(broken))


def read_bytes(raw: bytes, path: str, kind: str) -> Checked:
    """The file of KIND whose bytes are RAW (shown as PATH in messages), loaded and checked."""
    return check_document(load_bytes(raw, path), kind)


def not_said_twice(problems: list[Diagnostic], found: list[Diagnostic]) -> list[Diagnostic]:
    """PROBLEMS without the schema's repeat of a YAML finding at the same place."""
    taken = {(d.line, d.column) for d in found if d.rule in SAID_BY_YAML}
    if not taken:
        return problems
    return [d for d in problems if not (d.rule.startswith("schema.") and (d.line, d.column) in taken)]
