"""How a plain (unquoted) YAML scalar is read, and which ones are refused as ambiguous.

Typing follows the YAML 1.2 core schema, but every plain scalar that YAML 1.1 (PyYAML, many
editors and other tools) would read as something other than the same text has an ambiguity
kind (reported as ``yaml.ambiguous-scalar``); its text is kept as written.  Only these plain
forms are typed:

* ``null`` ``Null`` ``NULL`` ``~`` and the empty value -> ``None``
* ``true`` ``True`` ``TRUE`` ``false`` ``False`` ``FALSE`` -> ``bool``
* ``-?(0|[1-9][0-9]*)`` (but not ``-0``) -> ``int``

Dates such as ``2024-01-15`` stay ``str`` (a field check validates them later).
"""
from __future__ import annotations

import re

_NULLS = {"null": None, "Null": None, "NULL": None, "~": None}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# YAML 1.1 booleans (any case) and 1.1 special types that 1.2 reads as text
_AMBIGUOUS_WORDS = {"yes": "bool", "no": "bool", "on": "bool", "off": "bool", "y": "bool", "n": "bool",
                    "=": "special", "<<": "special"}
# First characters of plain scalars that may need a closer look.
_NUM_START = frozenset("0123456789+-.")
_WORD_START = frozenset("nNtTfFyYoO~=<")

_INT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
# Exactly the union of the YAML 1.1 forms (as PyYAML resolves them) and the YAML 1.2 core
# schema forms that are not plain text.  Tried with fullmatch after the typed forms above;
# the first alternative that matches names the kind (for the message).
_AMBIGUOUS_RE = re.compile(
    r"""
    (?P<octal11>      [-+]?0[0-7_]+ )                       # 042411773: octal in 1.1, 42411773 in 1.2
  | (?P<leading_zero> [-+]?0[0-9]+ )                        # 0891234567: 891234567 in 1.2
  | (?P<hex>          [-+]?0x[0-9a-fA-F_]+ )                # 1.1 (1.2: 0x[0-9a-fA-F]+)
  | (?P<octal>        0o[0-7]+ )                            # 1.2
  | (?P<binary>       [-+]?0b[01_]+ )                       # 1.1
  | (?P<plus>         \+(?:[0-9]+|[1-9][0-9_]*) )           # +66812345678: 1.1 and 1.2
  | (?P<minus_zero>   -0 )                                  # 1.2 int 0
  | (?P<underscore>   -?[1-9][0-9_]* )                      # 1_000: 1.1 (plain ints matched earlier)
  | (?P<sexagesimal>  [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+    # 1:30 -> 90 in 1.1
                    | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* )
  | (?P<float>        [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?                   # 1.1
                    | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?                               # 1.1
                    | [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)? )     # 1.2: 1e3
  | (?P<special_float> [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN) )
  | (?P<datetime>     [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}
                      (?::[0-9]{2}(?:\.[0-9]*)?)?(?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))? )
    """,
    re.X,
)

KIND_TH = {
    "octal11": "ตัวเลขฐานแปด ทำให้เลข 0 ข้างหน้าหายไปและค่าเปลี่ยนเป็นเลขอื่น",
    "leading_zero": "ตัวเลข ทำให้เลข 0 ข้างหน้าหายไป",
    "hex": "ตัวเลขฐานสิบหก",
    "octal": "ตัวเลขฐานแปด",
    "binary": "ตัวเลขฐานสอง",
    "plus": "ตัวเลข ทำให้เครื่องหมาย + หายไป",
    "minus_zero": "เลข 0",
    "underscore": "ตัวเลข โดยตัดเครื่องหมาย _ ทิ้ง",
    "sexagesimal": "ตัวเลขฐานหกสิบ (เช่น 1:30 กลายเป็น 90)",
    "float": "เลขทศนิยม (เช่น 1.10 กลายเป็น 1.1)",
    "special_float": "ค่าพิเศษทางคณิตศาสตร์ (อนันต์ หรือ ไม่ใช่ตัวเลข)",
    "datetime": "วันและเวลา (ซึ่งอาจถูกแปลงรูปแบบหรือเขตเวลา)",
    "bool": "ค่าจริง/เท็จ (true/false)",
    "special": "คำสั่งพิเศษของ YAML",
}
KIND_EN = {
    "octal11": "an octal number, dropping the leading zero and changing the value",
    "leading_zero": "a number, dropping the leading zero",
    "hex": "a hexadecimal number",
    "octal": "an octal number",
    "binary": "a binary number",
    "plus": "a number, dropping the + sign",
    "minus_zero": "the number 0",
    "underscore": "a number, dropping the underscores",
    "sexagesimal": "a base-60 number (1:30 becomes 90)",
    "float": "a floating-point number (1.10 becomes 1.1)",
    "special_float": "infinity / not-a-number",
    "datetime": "a date-time",
    "bool": "a boolean (true/false)",
    "special": "a special YAML 1.1 type",
}


def plain(value: str):
    """(python value, ambiguity kind or None) for a plain (unquoted) scalar."""
    if not value:
        return None, None
    c = value[0]
    if c in _NUM_START:
        if _INT_RE.fullmatch(value) and value != "-0":
            return int(value), None
        if _DATE_RE.fullmatch(value):
            return value, None
        m = _AMBIGUOUS_RE.fullmatch(value)
        if m is not None:
            return value, m.lastgroup
        return value, None
    if c in _WORD_START and len(value) <= 5:
        if value in _NULLS:
            return None, None
        if value in _BOOLS:
            return _BOOLS[value], None
        kind = _AMBIGUOUS_WORDS.get(value.lower())
        if kind is not None:
            return value, kind
    return value, None


def plain_meaning(value) -> tuple[str, str]:
    if value is None:
        return "ค่าว่าง (null)", "null"
    if value is True or value is False:
        return "ค่าจริง/เท็จ", "a boolean"
    return "ตัวเลข", "a number"


def quoted(value: str) -> str:
    """``value`` as the user should type it in quotes."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + value + '"'


def shortened(value: str, limit: int = 60) -> str:
    value = value.replace("\n", "⏎")
    return value if len(value) <= limit else value[: limit - 1] + "…"
