"""The registry of named rules that run across files once every document is loaded and modelled.

A rule is one function, named for what it checks, whose docstring's first line states the rule;
it registers with its id, severity and a one-line Thai description (for `thamniap rules` and
docs/rules.md, through check/registry.py). It receives the :class:`Context` and yields
:class:`Finding` objects; the registry adds the rule id and severity, so rules can be listed,
documented and skipped.
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from thamniap.core.diagnostics import Diagnostic, Severity
from thamniap.model import District, Province, Where

RULE_MODULES = ("geo", "roster", "people", "terms", "club", "meeting", "privacy", "files")


@dataclass(frozen=True)
class Finding:
    where: Where
    message: str
    hint: str = ""
    message_en: str = ""
    hint_en: str = ""
    related: tuple[tuple[int, int], ...] = ()


@dataclass
class Context:
    provinces: list[Province]
    today: dt.date
    texts: dict[str, str] = field(default_factory=dict)   # display path -> decoded text of every file
    focus: set[str] | None = None                          # district codes checked fully; None = all
    files: list = field(default_factory=list)              # layout.DataFile of every data file checked
    # is_new(where): whether that line was added or changed by the change under check
    # (validate --changed-since); None: not known, rules fall back to file order
    is_new: Callable[[Where], bool] | None = None

    def districts(self) -> Iterator[tuple[Province, District]]:
        """Districts this run checks fully (all of them unless --changed-since narrowed it)."""
        for province in self.provinces:
            for district in province.districts:
                if self.focus is None or district.code in self.focus:
                    yield province, district


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    check: Callable[[Context], Iterable[Finding]]
    group: str
    doc_th: str = ""        # what the rule checks, in Thai, one line

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip().splitlines()[0]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, doc_th: str) -> Callable:
    def register(func: Callable[[Context], Iterable[Finding]]):
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, severity, func, func.__module__.rsplit(".", 1)[-1], doc_th)
        return func
    return register


def load_all() -> dict[str, Rule]:
    for name in RULE_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    return RULES


def repeats(items: Iterable, key: Callable) -> Iterator[tuple[object, object]]:
    """(item, first) for every item whose key an earlier item already had; items whose key is
    None are skipped. The one "listed twice" walk of the duplicate rules."""
    first: dict = {}
    for item in items:
        k = key(item)
        if k is None:
            continue
        if k in first:
            yield item, first[k]
        else:
            first[k] = item


def run(ctx: Context, skip: Iterable[str] = ()) -> list[Diagnostic]:
    """Run every registered rule (except SKIP) and return their diagnostics."""
    out: list[Diagnostic] = []
    skipped = set(skip)
    for r in load_all().values():
        if r.id in skipped:
            continue
        for f in r.check(ctx):
            out.append(Diagnostic(f.where.path, f.where.line, f.where.column, r.id, r.severity,
                                  f.message, f.hint, f.message_en, f.hint_en, tuple(f.related)))
    return out
