"""The house YAML style of the data files: block style, Thai as written, no line folding, and quotes
exactly where the strict loader would otherwise read a text back as something else. Every writer of
data/ (write/edit.py, the sample generator, new-district) writes documents through `house_text`."""
from __future__ import annotations

from pathlib import Path

import yaml

from thamniap.load.loader import plain_scalar


class Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):
    """Block style, Thai as written, no line folding: one value per line diffs well."""


def _represent_str(dumper, value: str):
    """Quote every text the strict loader would not read back unchanged when plain
    (PyYAML writes `0812345678` plain: not a YAML 1.1 int, but an ambiguous scalar to us)."""
    typed, ambiguity = plain_scalar(value)
    if ambiguity is not None or not isinstance(typed, str) or typed != value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


Dumper.add_representer(str, _represent_str)

# Dates are text to our loader, so write them plain (2024-01-24, not '2024-01-24') for readability.
Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()}


def house_text(doc: dict) -> str:
    """DOC as the data files write it (no header)."""
    return yaml.dump(doc, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000)


def file_text(header: str, doc: dict) -> str:
    """A whole new data file: its comment HEADER (layout.expected_schema_header …), then DOC."""
    return header + "\n" + house_text(doc)


def dump(path: Path, header: str, doc: dict) -> None:
    """Write a new file at once (the sample generator, thousands of files: no all-or-nothing needed)."""
    path.write_text(file_text(header, doc), encoding="utf-8")
