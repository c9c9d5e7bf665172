"""Which part of a document a schema error spoils: the person, seat, village or other item that
holds it (left out alone; the rest of the file still feeds the rules), or the whole file.

Paths are JSON instance paths as the schema check reports them (load/schema.check_located).
"""
from __future__ import annotations

# The items a schema error removes on its own (the rest of the file still feeds the rules), by
# file kind ("*": any list index). An error anywhere else leaves the whole file out.
ITEMS: dict[str, tuple[tuple, ...]] = {
    "roster": (("leaders", "*"), ("villages", "*"), ("villages", "*", "volunteers", "*")),
    "club": (("club", "posts", "*"),),
    "district": (("officials", "*"),),
    "province": (("officials", "*"),),
    "meeting": (("nominations", "*"),),
}


def _item_depth(kind: str, path: tuple) -> int:
    """Length of the innermost removable item of KIND holding PATH (0: none)."""
    return max((len(item) for item in ITEMS.get(kind, ())
                if len(path) >= len(item) and all(i == p or i == "*" and isinstance(p, int)
                                                    for i, p in zip(item, path))), default=0)


def usable(kind: str, broken: set[tuple] | frozenset = frozenset()) -> bool:
    """Whether a document with schema errors at BROKEN (instance paths) can still be modelled:
    every error lies inside a person, seat, village or other item that is left out alone."""
    return all(_item_depth(kind, path) for path in broken)


def holds_bad(bad: set[tuple], path: tuple) -> bool:
    """Whether an item inside PATH was left out."""
    n = len(path)
    return any(len(b) > n and b[:n] == path for b in bad)


def ids_in(data: dict, items: set[tuple]) -> set[str]:
    """Every text `id` written in ITEMS (paths into DATA) or in anything they hold (a village's
    volunteers)."""
    ids: set[str] = set()

    def collect(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                ids.add(node["id"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for path in items:
        node = data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                node = None
                break
        collect(node)
    return ids


def bad_items(kind: str, broken) -> set[tuple]:
    """The paths of the items that hold an error of their own (not one of an item inside them)."""
    return {path[:_item_depth(kind, path)] for path in broken}
