"""Tests for thamniap.load.loader (strict YAML loading)."""
from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from thamniap.load import events, loader
from thamniap.core.diagnostics import Diagnostic
from thamniap.load.loader import LOADER_RULES, MAX_BYTES, MAX_DEPTH, Loaded, load_bytes, load_file


def load(text: str | bytes, path: str = "data/loei/test.yaml") -> Loaded:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(raw, path)


def rules(loaded: Loaded) -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in loaded.diagnostics]


THAI = re.compile("[\u0e01-\u0e5b]")


# --------------------------------------------------------------------------------
# one case per rule: (id, input, rule, line, column)

RULE_CASES = [
    ("utf16-bom-le", "a: b\n".encode("utf-16"), "encoding.utf16", 1, 1),
    ("utf16-bom-be", b"\xfe\xff" + "a: b\n".encode("utf-16-be"), "encoding.utf16", 1, 1),
    ("utf16-no-bom", "name: ทดสอบ\nphone: '0812345678'\n".encode("utf-16-le"), "encoding.utf16", 1, 1),
    ("utf32", "a: b\n".encode("utf-32"), "encoding.utf16", 1, 1),
    ("nul", b"name: a\nphone: 08\x001\n", "encoding.nul", 2, 10),
    ("invalid-utf8", "name: สมชาย\nnote: ก".encode() + b"\xff\n", "encoding.invalid-utf8", 2, 8),
    ("tis620", "name: a\nnote: ทดสอบ\n".encode("cp874"), "encoding.invalid-utf8", 2, 7),
    ("control-char", "a: ok\nb: x\x07y\n", "encoding.control-char", 2, 5),
    ("tab-indent", "a:\n\tb: 1\n", "yaml.tab-indent", 2, 1),
    ("tab-after-spaces", "a:\n  b: 1\n  \tc: 2\n", "yaml.tab-indent", 3, 3),
    ("empty", "", "yaml.empty", 1, 1),
    ("comments-only", "# หมายเหตุ\n\n   # อีกบรรทัด\n", "yaml.empty", 1, 1),
    ("only-doc-marker", "---\n", "yaml.empty", 1, 1),
    ("syntax-colon", "name: a\nnote: ตำบล: นาอ้อ\n", "yaml.syntax", 2, 11),
    ("syntax-unclosed-quote", 'a: 1\nb: "abc\n', "yaml.syntax", 3, 1),
    ("syntax-at-sign", "line: @somchai\n", "yaml.syntax", 1, 7),
    ("duplicate-key", "name: a\nphone: '1'\nname: b\n", "yaml.duplicate-key", 3, 1),
    ("duplicate-key-nested", "a:\n  - x: 1\n    y2: 2\n    x: 3\n", "yaml.duplicate-key", 4, 5),
    ("anchor", "a: &base 1\n", "yaml.anchor", 1, 4),
    ("alias", "a: 1\nb: *base\n", "yaml.alias", 2, 4),
    ("merge-key", "a:\n  b: 1\n  <<: {c: 2}\n", "yaml.merge-key", 3, 3),
    ("tag-binary", "a: !!binary aGVsbG8=\n", "yaml.tag", 1, 4),
    ("tag-set", "a: !!set {x1, x2}\n", "yaml.tag", 1, 4),
    ("tag-str", "phone: !!str 042411773\n", "yaml.tag", 1, 8),
    ("tag-python", "a: !!python/object/apply:os.system ['ls']\n", "yaml.tag", 1, 4),
    ("tag-local", "a: !foo bar\n", "yaml.tag", 1, 4),
    ("multiple-documents", "a: 1\n---\nb: 2\n", "yaml.multiple-documents", 2, 1),
    ("trailing-doc-marker", "a: 1\n---\n", "yaml.multiple-documents", 2, 1),
    ("non-string-key-int", "a: 1\n1: x\n", "yaml.non-string-key", 2, 1),
    ("non-string-key-yes", "yes: x\n", "yaml.non-string-key", 1, 1),
    ("non-string-key-null", "null: x\n", "yaml.non-string-key", 1, 1),
    ("non-string-key-bool", "a:\n  True: x\n", "yaml.non-string-key", 2, 3),
    ("non-string-key-octal", "042: x\n", "yaml.non-string-key", 1, 1),
    ("non-string-key-seq", "? [a, b]\n: x\n", "yaml.non-string-key", 1, 3),
    ("non-string-key-map", "a:\n  {b: 1}: x\n", "yaml.non-string-key", 2, 3),
    ("root-list", "- a\n- b\n", "yaml.root-not-mapping", 1, 1),
    ("root-scalar", "\n\nสวัสดี\n", "yaml.root-not-mapping", 3, 1),
    ("too-deep-flow", "a: " + "[" * 40 + "]" * 40 + "\n", "yaml.too-deep", 1, 4 + MAX_DEPTH - 1),
    ("ambiguous", "phone: 042411773\n", "yaml.ambiguous-scalar", 1, 8),
]


@pytest.mark.parametrize("raw,rule,line,col", [c[1:] for c in RULE_CASES], ids=[c[0] for c in RULE_CASES])
def test_rule_cases(raw, rule, line, col):
    loaded = load(raw)
    found = [d for d in loaded.diagnostics if d.rule == rule]
    assert found, rules(loaded)
    d = found[0]
    assert (d.line, d.column) == (line, col), rules(loaded)
    assert d.path == "data/loei/test.yaml"
    assert d.is_error
    # Thai first, English too
    assert THAI.search(d.message) and THAI.search(d.hint), d
    assert d.message_en and d.hint_en
    assert rule in LOADER_RULES


def test_rule_cases_cover_every_rule():
    covered = {c[2] for c in RULE_CASES} | {"file.too-large"}
    assert covered == set(LOADER_RULES)
    for rule, (severity, description) in LOADER_RULES.items():
        assert severity in ("error", "warning")
        assert THAI.search(description), rule


# --------------------------------------------------------------------------------
# scalar typing

PLAIN_TYPING = [
    ("null", None), ("Null", None), ("NULL", None), ("~", None), ("", None),
    ("true", True), ("True", True), ("TRUE", True),
    ("false", False), ("False", False), ("FALSE", False),
    ("0", 0), ("7", 7), ("-12", -12), ("1234567890123", 1234567890123),
    ("2024-01-15", "2024-01-15"), ("2567-1-5", "2567-1-5"),
    ("09:00", "09:00"), ("0:30", "0:30"), ("1.2.3", "1.2.3"), ("๐๔๒", "๐๔๒"),
    ("nUll", "nUll"), ("tRUE", "tRUE"), ("yess", "yess"), ("0X1F", "0X1F"),
    ("หมู่ 5", "หมู่ 5"), ("12/3", "12/3"), ("1,000", "1,000"), ("-x", "-x"),
    (".", "."), ("+", "+"), ("e3", "e3"), ("x", "x"),
]


@pytest.mark.parametrize("written,expected", PLAIN_TYPING)
def test_plain_scalar_typing(written, expected):
    loaded = load(f"v: {written}\n")
    assert loaded.diagnostics == []
    assert loaded.data == {"v": expected}
    assert type(loaded.data["v"]) is type(expected)


@pytest.mark.parametrize("text", [
    "v: '042411773'\n", 'v: "042411773"\n', "v: |-\n  042411773\n", "v: >-\n  042411773\n",
])
def test_quoted_and_block_scalars_are_text(text):
    loaded = load(text)
    assert loaded.diagnostics == []
    assert loaded.data == {"v": "042411773"}


def test_quoted_keys_are_fine():
    loaded = load('"1": a\n\'yes\': b\n"null": c\n"042": d\n')
    assert loaded.diagnostics == []
    assert loaded.data == {"1": "a", "yes": "b", "null": "c", "042": "d"}


AMBIGUOUS = [
    "042411773", "0891234567", "00", "-0", "+66812345678", "0x1F", "0o17", "0b101", "1_000",
    "yes", "No", "ON", "off", "y", "Y", "n", "N", "yEs", "oFF",
    "1:30", "190:20:30", "-1:30", "1.10", "1.", "1e3", "1E-3", ".5", "-.5", "1_0.5", "6.02e+23",
    ".inf", "-.Inf", "+.INF", ".NaN", ".nan",
    "2024-01-15 09:00", "2024-01-15T09:00:00", "2024-01-15t09:00:00Z", "2024-1-5 9:00:00.5 +07:00",
    "=", "<<",
]


@pytest.mark.parametrize("written", AMBIGUOUS)
def test_ambiguous_scalars(written):
    loaded = load(f"name: x\nv: {written}\n")
    assert rules(loaded) == [("yaml.ambiguous-scalar", 2, 4)]
    d = loaded.diagnostics[0]
    assert f"`{written}`" in d.message
    assert '"' + written + '"' in d.hint           # tells how to quote it
    assert loaded.data == {"name": "x", "v": written}   # kept as written, later checks still run


@pytest.mark.parametrize("written", ["042411773", "1:30", "yes", "1.10"])
def test_ambiguous_scalars_in_flow_and_lists(written):
    loaded = load(f"a: [x, {written}]\nb:\n  - {written}\n")
    assert rules(loaded) == [("yaml.ambiguous-scalar", 1, 8), ("yaml.ambiguous-scalar", 3, 5)]
    assert loaded.data == {"a": ["x", written], "b": [written]}


def test_octal_message_keeps_the_text():
    loaded = load("phone: 042411773\n")
    (d,) = loaded.diagnostics
    assert d.rule == "yaml.ambiguous-scalar"
    as_octal = str(int("42411773", 8))            # what YAML 1.1 makes of it (9049083)
    for text in (d.message, d.hint, d.message_en, d.hint_en):
        assert "4536695" not in text and as_octal not in text and "42411773" in text
    assert "042411773" in d.message
    assert '`"042411773"`' in d.hint
    assert loaded.data == {"phone": "042411773"}
    assert yaml.safe_load("phone: 042411773") == {"phone": int(as_octal)}   # what we protect against


# --------------------------------------------------------------------------------
# specific behaviour

def test_duplicate_key_keeps_first_and_names_both_lines():
    loaded = load("name: สมชาย\nphone: '0812345678'\nname: สมหญิง\n")
    (d,) = loaded.diagnostics
    assert d.rule == "yaml.duplicate-key"
    assert (d.line, d.column) == (3, 1)
    assert d.related == ((1, 1),)
    assert "`name`" in d.message and "1" in d.message and "3" in d.message
    assert d.message == "ชื่อช่อง `name` ซ้ำกัน (บรรทัด 1 และ 3)"
    assert "ลบบรรทัดที่ซ้ำออกให้เหลือเพียงบรรทัดเดียว" in d.hint
    assert loaded.data == {"name": "สมชาย", "phone": "0812345678"}
    assert loaded.key_positions[("name",)] == (1, 1)
    assert loaded.positions[("name",)] == (1, 7)


def test_duplicate_key_with_nested_value_is_dropped_without_positions():
    loaded = load("a:\n  x: 1\nb: 2\na:\n  z:\n    - 1\n")
    assert rules(loaded) == [("yaml.duplicate-key", 4, 1)]
    assert loaded.data == {"a": {"x": 1}, "b": 2}
    assert ("a", "z") not in loaded.positions
    assert ("a", "z", 0) not in loaded.positions
    assert ("a", "z") not in loaded.key_positions


def test_three_duplicates_all_point_at_the_first():
    loaded = load("k: 1\nk: 2\nk: 3\n")
    assert rules(loaded) == [("yaml.duplicate-key", 2, 1), ("yaml.duplicate-key", 3, 1)]
    assert all(d.related == ((1, 1),) for d in loaded.diagnostics)
    assert loaded.data == {"k": 1}


def test_all_problems_reported_in_one_run():
    text = (
        "name: สมชาย\n"             # 1
        "phone: 042411773\n"        # 2 ambiguous
        "name: สมหญิง\n"            # 3 duplicate
        "active: yes\n"             # 4 ambiguous
        "meeting: 9:30\n"           # 5 ambiguous
        "members:\n"                # 6
        "  - id: 1\n"               # 7
        "    id: 2\n"               # 8 duplicate (nested)
        "  - &m {x: 1}\n"           # 9 anchor
        "  - *m\n"                  # 10 alias
        "extra: !!str 5\n"          # 11 tag
        "1: one\n"                  # 12 non-string key
    )
    loaded = load(text)
    assert rules(loaded) == [
        ("yaml.ambiguous-scalar", 2, 8),
        ("yaml.duplicate-key", 3, 1),
        ("yaml.ambiguous-scalar", 4, 9),
        ("yaml.ambiguous-scalar", 5, 10),
        ("yaml.duplicate-key", 8, 5),
        ("yaml.anchor", 9, 5),
        ("yaml.alias", 10, 5),
        ("yaml.tag", 11, 8),
        ("yaml.non-string-key", 12, 1),
    ]
    assert loaded.data is not None
    assert loaded.data["name"] == "สมชาย"
    assert loaded.data["members"] == [{"id": 1}, {"x": 1}, None]


def test_problems_before_a_syntax_error_are_kept():
    loaded = load("a: 042\nb: 1\nb: 2\nc: [1,\n")
    assert [r[0] for r in rules(loaded)] == ["yaml.ambiguous-scalar", "yaml.duplicate-key", "yaml.syntax"]
    assert loaded.data is None
    syntax = loaded.diagnostics[-1]
    assert THAI.search(syntax.message)
    assert "expected" in syntax.message_en          # libyaml's own words kept in English


def test_syntax_error_keeps_libyaml_problem_text():
    loaded = load("a: b: c\n")
    (d,) = loaded.diagnostics
    assert d.rule == "yaml.syntax"
    assert "mapping values are not allowed" in d.message_en
    assert "`:`" in d.message


def test_bom_and_crlf():
    text = "\ufeffname: สมชาย\r\nphone: 042\r\nclubs:\r\n  - id: c1\r\n    at: '2024-01-15'\r\n"
    loaded = load(text)
    assert rules(loaded) == [("yaml.ambiguous-scalar", 2, 8)]
    assert loaded.data == {"name": "สมชาย", "phone": "042", "clubs": [{"id": "c1", "at": "2024-01-15"}]}
    assert loaded.text.startswith("name:")
    assert loaded.positions[("name",)] == (1, 7)        # BOM not counted as a column
    assert loaded.positions[("clubs", 0, "at")] == (5, 9)
    assert loaded.key_positions[("clubs", 0, "at")] == (5, 5)


def test_bom_crlf_clean_file_has_no_diagnostics():
    loaded = load("\ufeffa: 1\r\nb:\r\n  c: x\r\n")
    assert loaded.diagnostics == []
    assert loaded.data == {"a": 1, "b": {"c": "x"}}


def test_invalid_utf8_column_counts_characters():
    raw = "name: สมชาย\r\nnote: กข".encode() + b"\xe0\x80" + b"\n"
    (d,) = load(raw).diagnostics
    assert (d.rule, d.line, d.column) == ("encoding.invalid-utf8", 2, 9)


def test_tis620_hint_mentions_legacy_thai():
    (d,) = load("name: ทดสอบ\n".encode("cp874")).diagnostics
    assert "TIS-620" in d.message


def test_tab_indent_reports_every_line_and_hides_duplicate_syntax_error():
    loaded = load("a:\n\tb: 1\n\tc: 2\nd: 3\n\t\te: 4\n")
    assert rules(loaded) == [("yaml.tab-indent", 2, 1), ("yaml.tab-indent", 3, 1),
                             ("yaml.tab-indent", 5, 1)]
    assert loaded.data is None


def test_tab_inside_block_scalar_is_content():
    loaded = load("note: |\n  line one\n  \tindented with a tab\nb: 1\n")
    assert loaded.diagnostics == []
    assert loaded.data == {"note": "line one\n\tindented with a tab\n", "b": 1}


def test_tab_on_blank_line_and_in_quoted_continuation():
    loaded = load("a: '1'\n\t\nb: 2\n")
    assert rules(loaded) == [("yaml.tab-indent", 2, 1)]
    assert "ว่าง" in loaded.diagnostics[0].message
    loaded = load("a: 'x\n\ty'\nb: \"p\n  \tq\"\n")
    assert loaded.diagnostics == []                      # folded inside quotes: not indentation
    assert loaded.data == {"a": "x y", "b": "p q"}


def test_tab_in_block_scalar_after_syntax_error_is_not_reported():
    loaded = load("a:\n\tb: 1\nnote: |\n  x\n  \ty\n")
    assert rules(loaded) == [("yaml.tab-indent", 2, 1)]


def test_tab_accepted_by_libyaml_is_still_reported_but_data_kept():
    loaded = load("a: [1,\n\t2]\nb:\tc\n")
    assert rules(loaded) == [("yaml.tab-indent", 2, 1)]   # tab after "b:" is not indentation
    assert loaded.data == {"a": [1, 2], "b": "c"}


def test_root_position_and_doc_markers():
    loaded = load("# header\n---\na: 1\n...\n")
    assert loaded.diagnostics == []
    assert loaded.data == {"a": 1}
    assert loaded.positions[()] == (3, 1)


def test_multiple_documents_keep_first_and_still_check_the_rest():
    loaded = load("a: 1\n---\nb: 042\nb: 2\n")
    assert rules(loaded) == [("yaml.multiple-documents", 2, 1), ("yaml.ambiguous-scalar", 3, 4),
                             ("yaml.duplicate-key", 4, 1)]
    assert loaded.data == {"a": 1}
    assert ("b",) not in loaded.positions


def test_merge_key_quoted_is_a_plain_key():
    loaded = load('"<<": x\n')
    assert loaded.diagnostics == []
    assert loaded.data == {"<<": "x"}


def test_non_string_key_kept_as_written_text():
    loaded = load("1: a\nyes: b\n~: c\n")
    assert [r[0] for r in rules(loaded)] == ["yaml.non-string-key"] * 3
    assert loaded.data == {"1": "a", "yes": "b", "~": "c"}
    assert "`1`" in loaded.diagnostics[0].message


def test_depth_limit_exact():
    def nested(levels: int) -> str:       # `levels` nested mappings including the root
        return "".join("  " * i + "k:\n" for i in range(levels - 1)) + "  " * (levels - 1) + "k: v\n"

    ok = load(nested(MAX_DEPTH))
    assert ok.diagnostics == [] and ok.data is not None
    too = load(nested(MAX_DEPTH + 1))
    assert rules(too) == [("yaml.too-deep", MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)]
    assert too.data is None


@pytest.mark.parametrize("text", [
    "".join("  " * i + "k:\n" for i in range(200)) + "  " * 200 + "k: v\n",
    "a: " + "[" * 200 + "]" * 200 + "\n",
    "a: " + "{b: " * 200 + "c" + "}" * 200 + "\n",
    "a: " + "[" * 1_000_000 + "\n",     # never closed: must stop long before libyaml's own limits
], ids=["block-200", "flow-seq-200", "flow-map-200", "unclosed-1e6"])
def test_deep_nesting_fails_fast(text, monkeypatch):
    """The builder stops at the first node deeper than MAX_DEPTH: it takes no more parser events than
    the nesting allowed (no clock: a count that cannot drift with the machine's load)."""
    taken = []
    real_parse = events.yaml.parse

    def counted_parse(*args, **kwargs):
        for ev in real_parse(*args, **kwargs):
            taken.append(ev)
            yield ev
    monkeypatch.setattr(events.yaml, "parse", counted_parse)
    loaded = load(text)
    assert [d.rule for d in loaded.diagnostics] == ["yaml.too-deep"]
    assert loaded.data is None
    # stream + document start, MAX_DEPTH collections with at most one key scalar each, the one too deep
    assert len(taken) <= 2 + 2 * MAX_DEPTH + 1, len(taken)


def test_too_large_bytes_fail_fast(monkeypatch):
    """Bytes over the limit are refused unread: neither decoded nor parsed."""
    raw = b"a: " + b"x" * (MAX_BYTES - 3) + b"\n"
    assert len(raw) == MAX_BYTES + 1

    def not_parsed(*args, **kwargs):
        raise AssertionError("bytes over the limit must not be decoded or parsed")
    monkeypatch.setattr(loader, "_decode", not_parsed)
    monkeypatch.setattr(loader, "build", not_parsed)
    loaded = load_bytes(raw, "big.yaml")
    assert rules(loaded) == [("file.too-large", 1, 1)]
    assert loaded.data is None


def test_too_large_file_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)        # sparse: cheap to create

    def no_open(*args, **kwargs):
        raise AssertionError("file over the limit must not be opened")

    monkeypatch.setattr(loader, "open", no_open, raising=False)
    loaded = load_file(big, "data/big.yaml")
    assert rules(loaded) == [("file.too-large", 1, 1)]
    assert loaded.diagnostics[0].path == "data/big.yaml"
    assert loaded.data is None and loaded.text == ""


def test_load_file_reads_and_uses_display_path(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_bytes("\ufeffname: ก\r\nphone: 042\r\n".encode())
    loaded = load_file(f)
    assert loaded.path == str(f)
    assert loaded.data == {"name": "ก", "phone": "042"}
    assert loaded.diagnostics[0].path == str(f)
    assert load_file(f, "data/x.yaml").diagnostics[0].path == "data/x.yaml"


def test_exactly_max_bytes_is_parsed():
    raw = b"a: " + b"x" * (MAX_BYTES - 4) + b"\n"
    assert len(raw) == MAX_BYTES
    loaded = load_bytes(raw, "big.yaml")
    assert loaded.diagnostics == []
    assert len(loaded.data["a"]) == MAX_BYTES - 4


# --------------------------------------------------------------------------------
# positions / locate

NESTED = """\
district: เลย
volunteers:
  - name: สมชาย
    phones:
      - '0812345678'
      - '0898765432'
  - name: สมหญิง
    club: {id: c1, tags: [a, b]}
empty:
"""


def test_positions_for_nested_paths():
    loaded = load(NESTED)
    assert loaded.diagnostics == []
    p = loaded.positions
    assert p[()] == (1, 1)
    assert p[("district",)] == (1, 11)
    assert p[("volunteers",)] == (3, 3)
    assert p[("volunteers", 0)] == (3, 5)
    assert p[("volunteers", 0, "name")] == (3, 11)
    assert p[("volunteers", 0, "phones", 1)] == (6, 9)
    assert p[("volunteers", 1, "club")] == (8, 11)
    assert p[("volunteers", 1, "club", "tags", 1)] == (8, 30)
    assert p[("empty",)][0] == 9
    k = loaded.key_positions
    assert k[("volunteers",)] == (2, 1)
    assert k[("volunteers", 1, "club")] == (8, 5)
    assert k[("volunteers", 1, "club", "tags")] == (8, 20)
    assert ("volunteers", 0) not in k          # list items have no key


def test_locate():
    loaded = load(NESTED)
    assert loaded.locate(("volunteers", 0, "phones", 1)) == (6, 9)
    assert loaded.locate(["volunteers", 0, "phones", 1]) == (6, 9)
    assert loaded.locate(("volunteers", 0, "email")) == (3, 5)        # missing key -> parent
    assert loaded.locate(("volunteers", 5, "name")) == (3, 3)         # missing index -> list
    assert loaded.locate(("nope", "deeper")) == (1, 1)                # -> root
    assert loaded.locate(()) == (1, 1)
    assert Loaded("x", None, "", []).locate(("a",)) == (1, 1)         # nothing known


# --------------------------------------------------------------------------------
# property: whatever yaml.safe_dump writes comes back unchanged

STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()

# Plain scalars that PyYAML's YAML 1.1 resolver reads as str -- so safe_dump leaves them
# unquoted -- although YAML 1.2 (or the YAML 1.1 spec, or our "any case" rule) reads them
# as something else.  The loader deliberately reports these (yaml.ambiguous-scalar, or
# yaml.non-string-key for keys).  Written from the specs, independently of loader.py:
_BEYOND_PYYAML = re.compile(
    r"""
      [-+]?[0-9]+                                               # 1.2 core int: 089 (not octal for 1.1)
    | 0o[0-7]+ | 0x[0-9a-fA-F]+                                 # 1.2 core octal / hex
    | [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)? # 1.2 core float: 1e3, 1.5e3
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [yYnN]                                                    # 1.1 spec booleans PyYAML omits
    | (?i:yes|no|on|off)                                        # booleans in any case (yEs)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}   # any date-time shape: also
      (?::[0-9]{2}(?:\.[0-9]*)?)?                                          # without seconds or with a
      (?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?                      # +0700 offset (not 1.1)
    """,
    re.X,
)


def beyond_pyyaml(s: str) -> bool:
    return (_RESOLVER.resolve(yaml.ScalarNode, s, (True, False)) == STR_TAG
            and _BEYOND_PYYAML.fullmatch(s) is not None)


# PyYAML's emitter writes NEL / LINE SEPARATOR / PARAGRAPH SEPARATOR raw inside quoted
# scalars, where YAML folds them into a space: yaml.safe_load itself does not get such
# strings back.  That is an emitter problem, not ours, so they are left out.
def _emitter_safe(s: str) -> bool:
    return not any(c in s for c in "\x85\u2028\u2029")


TRICKY = st.sampled_from([
    "042", "042411773", "0891234567", "yes", "No", "on", "y", "N", "yEs", "1:30", "190:20:30",
    "0o17", "0x1F", "0b101", "1_000", "+66812345678", "-0", "1.10", "1e3", ".5", ".inf", ".NaN",
    "2024-01-15", "2024-01-15 09:00", "2024-01-15T09:00:00", "~", "null", "Null", "true", "False",
    "", " ", "=", "<<", "&a", "*a", "!x", "- a", "#", "a: b", "---", "...", "'", '"', "|", ">",
    "ทำเนียบ อช.", "หมู่ 5", "๐๔๒", "09:00",
])
NUMBERISH = st.from_regex(r"[-+.0-9:eEoxb_ yYnNTtZ]{1,9}", fullmatch=True)
ANY_TEXT = st.one_of(st.text(), TRICKY, NUMBERISH).filter(_emitter_safe)
CLEAN_TEXT = ANY_TEXT.filter(lambda s: not beyond_pyyaml(s))


def documents(text):
    leaf = st.one_of(text, st.integers(), st.booleans(), st.none())
    value = st.recursive(
        leaf,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)),
        max_leaves=25,
    )
    return st.dictionaries(text, value, max_size=6)


def paths_of(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from paths_of(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from paths_of(v, prefix + (i,))


def key_paths_of(doc, prefix=()):
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield prefix + (k,)
            yield from key_paths_of(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from key_paths_of(v, prefix + (i,))


PROPERTY_SETTINGS = settings(max_examples=200, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@PROPERTY_SETTINGS
@given(documents(CLEAN_TEXT))
def test_roundtrip_safe_dump(doc):
    dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    loaded = load_bytes(dumped.encode("utf-8"), "prop.yaml")
    assert loaded.diagnostics == [], (dumped, loaded.diagnostics)
    assert loaded.data == doc
    assert _same_types(loaded.data, doc)
    assert set(loaded.positions) == set(paths_of(doc))
    assert set(loaded.key_positions) == set(key_paths_of(doc))
    n_lines = dumped.count("\n") + 1
    assert all(1 <= line <= n_lines and col >= 1 for line, col in loaded.positions.values())


@PROPERTY_SETTINGS
@given(documents(ANY_TEXT))
def test_roundtrip_safe_dump_only_flags_strings_beyond_pyyaml(doc):
    """Without the filter the data still comes back unchanged; the only reports are for
    strings PyYAML writes unquoted but YAML 1.2 / the 1.1 spec would not read as text."""
    dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    loaded = load_bytes(dumped.encode("utf-8"), "prop.yaml")
    assert loaded.data == doc
    for d in loaded.diagnostics:
        assert d.rule in ("yaml.ambiguous-scalar", "yaml.non-string-key"), d
        written = re.search(r"`(.*)`", d.message_en).group(1)
        assert beyond_pyyaml(written), d


def _same_types(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return all(_same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return all(_same_types(x, y) for x, y in zip(a, b))
    return True


_INT_TYPED = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_TYPED = {"null": None, "Null": None, "NULL": None, "~": None, "": None,
          "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _single_plain_value(text: str):
    """The value of `v` if `text` is a one-key mapping whose value is one plain scalar."""
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return None
    scalars = [e for e in events if isinstance(e, yaml.ScalarEvent)]
    if len(events) != 8 or len(scalars) != 2 or scalars[1].style or scalars[1].tag:
        return None
    return scalars[1].value


@PROPERTY_SETTINGS
@given(st.one_of(NUMBERISH, TRICKY, st.from_regex(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]| +)[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]*)?)?( *(Z|[-+][0-9]{1,2}(:?[0-9]{2})?))?",
    fullmatch=True)))
def test_plain_scalar_classification_matches_the_specs(s):
    """A plain scalar is flagged exactly when YAML 1.1 (PyYAML) or YAML 1.2 core / the 1.1 spec
    would not read it as the same text -- except the forms we type and the plain dates."""
    text = f"v: {s}\n"
    value = _single_plain_value(text)
    if value is None or value != s:
        event("not a single plain scalar")
        return
    loaded = load(text)
    if s in _TYPED:
        expected, flagged = _TYPED[s], False
    elif _INT_TYPED.fullmatch(s) and s != "-0":
        expected, flagged = int(s), False
    elif _DATE.fullmatch(s):
        expected, flagged = s, False
    else:
        pyyaml_not_text = _RESOLVER.resolve(yaml.ScalarNode, s, (True, False)) != STR_TAG
        expected, flagged = s, pyyaml_not_text or beyond_pyyaml(s)
    event("flagged" if flagged else f"kept as {type(expected).__name__}")
    assert loaded.data == {"v": expected}
    assert type(loaded.data["v"]) is type(expected)
    assert rules(loaded) == ([("yaml.ambiguous-scalar", 1, 4)] if flagged else []), s


def test_beyond_pyyaml_examples():
    # sanity of the test oracle itself
    for s in ["089", "0o17", "1e3", "y", "N", "yEs", "2024-01-15 09:00"]:
        assert beyond_pyyaml(s), s
    for s in ["042", "yes", "1:30", "1.10", "2024-01-15", "abc", "09:00", "1.2.3"]:
        assert not beyond_pyyaml(s), s
    # and the loader does flag those strings when they are written unquoted
    for s in ["089", "0o17", "1e3", "y", "N", "yEs", "2024-01-15 09:00"]:
        assert rules(load(f"v: {s}\n")) == [("yaml.ambiguous-scalar", 1, 4)], s


def test_diagnostics_are_diagnostic_objects():
    loaded = load("a: 1\na: 042\n")
    assert all(isinstance(d, Diagnostic) for d in loaded.diagnostics)
    assert [d.as_dict()["rule"] for d in loaded.diagnostics] == ["yaml.duplicate-key",
                                                                 "yaml.ambiguous-scalar"]
