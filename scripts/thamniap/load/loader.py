"""Strict YAML loading for contributor files.

PyYAML's ``safe_load`` silently changes what a district officer wrote: the last of two
duplicate keys wins, ``042411773`` becomes the octal number 9049083, ``yes`` becomes
``True`` and ``1:30`` becomes 90.  This module builds the document itself from the
libyaml *event stream* (no composer, no constructor, no recursion) so that it can see
anchors, aliases, tags, document boundaries and the exact position of every node, and
it reports every such problem as a located :class:`~thamniap.core.diagnostics.Diagnostic`
instead of guessing.

Scalar typing follows the YAML 1.2 core schema, but every plain scalar that YAML 1.1
(PyYAML, many editors and other tools) would read as something other than the same
text is refused with ``yaml.ambiguous-scalar``; the text is kept as written (a ``str``)
so later checks still run on it.  Only these plain forms are typed:

* ``null`` ``Null`` ``NULL`` ``~`` and the empty value -> ``None``
* ``true`` ``True`` ``TRUE`` ``false`` ``False`` ``FALSE`` -> ``bool``
* ``-?(0|[1-9][0-9]*)`` (but not ``-0``) -> ``int``

Dates such as ``2024-01-15`` stay ``str`` (a field check validates them later).

Positions are 1-based ``(line, column)``; columns count characters, not bytes, and a
leading UTF-8 BOM is not counted.
"""
from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass, field

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from thamniap.core.diagnostics import Diagnostic, error
from thamniap.core.digits import ascii_digits
from thamniap.core.national_id import find_national_ids

__all__ = [
    "LOADER_RULES",
    "Loaded",
    "MAX_BYTES",
    "MAX_DEPTH",
    "load_bytes",
    "load_file",
]

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 32

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LOADER_RULES: dict[str, tuple[str, str]] = {
    "file.too-large": ("error", f"ไฟล์ใหญ่เกิน {MAX_BYTES // (1024 * 1024)} MB จึงไม่ตรวจเนื้อหา"),
    "encoding.utf16": ("error", "ไฟล์ถูกบันทึกเป็น UTF-16/UTF-32 ต้องบันทึกใหม่เป็น UTF-8"),
    "encoding.nul": ("error", "ไฟล์มีอักขระ NUL (ไบต์ศูนย์) ซึ่งไม่ควรมีในไฟล์ข้อความ"),
    "encoding.invalid-utf8": ("error", "ไฟล์มีตัวอักษรที่ไม่ใช่ UTF-8 (เช่น บันทึกเป็น TIS-620/ANSI)"),
    "encoding.control-char": ("error", "ไฟล์มีอักขระควบคุมที่มองไม่เห็น ซึ่ง YAML ไม่อนุญาต"),
    "yaml.empty": ("error", "ไฟล์ว่าง หรือมีแต่บรรทัดหมายเหตุ (#)"),
    "yaml.tab-indent": ("error", "ใช้แท็บ (Tab) ย่อหน้า ต้องใช้ช่องว่าง (Space) เท่านั้น"),
    "yaml.syntax": ("error", "รูปแบบการเขียน YAML ไม่ถูกต้อง อ่านไฟล์ไม่ได้"),
    "yaml.too-deep": ("error", f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น"),
    "yaml.multiple-documents": ("error", "ไฟล์มีข้อมูลมากกว่าหนึ่งชุด (มีบรรทัด `---` คั่น)"),
    "yaml.root-not-mapping": ("error", "ข้อมูลทั้งไฟล์ต้องเป็นชุด `คีย์: ค่า` ไม่ใช่รายการหรือข้อความเดี่ยว"),
    "yaml.duplicate-key": ("error", "คีย์เดียวกันเขียนซ้ำสองครั้งในระดับเดียวกัน"),
    "yaml.non-string-key": ("error", "ชื่อคีย์ต้องเป็นข้อความ (ไม่ใช่ตัวเลข ค่าจริง/เท็จ ค่าว่าง หรือรายการ)"),
    "yaml.anchor": ("error", "ห้ามใช้ anchor (`&ชื่อ`)"),
    "yaml.alias": ("error", "ห้ามใช้การอ้างอิง alias (`*ชื่อ`)"),
    "yaml.merge-key": ("error", "ห้ามใช้คีย์รวมค่า `<<`"),
    "yaml.tag": ("error", "ห้ามใช้แท็กกำหนดชนิดข้อมูล (`!!str`, `!ชื่อ` ฯลฯ)"),
    "yaml.ambiguous-scalar": (
        "error",
        "ค่าที่โปรแกรมอาจอ่านเป็นตัวเลข วันเวลา หรือค่าจริง/เท็จ แทนข้อความที่เขียน ต้องใส่เครื่องหมายคำพูด",
    ),
}


@dataclass
class Loaded:
    path: str
    data: dict | None
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: tuple) -> tuple[int, int]:
        """(line, column) of the value at ``path``; for a path that does not exist the
        position of its nearest existing ancestor (a missing key -> its parent mapping);
        ``(1, 1)`` when nothing is known."""
        path = tuple(path)
        positions = self.positions
        while True:
            pos = positions.get(path)
            if pos is not None:
                return pos
            if not path:
                return (1, 1)
            path = path[:-1]


# --------------------------------------------------------------------------- helpers

def _id_digits(found_text: str) -> str:
    return re.sub(r"[^0-9]", "", ascii_digits(found_text))


def decoded_national_ids(path: str, text: str, data, positions: dict, key_positions: dict) -> list[Diagnostic]:
    """National ID numbers that appear only once YAML has decoded a value (``"\\u0031…"``,
    ``"1\\x2d1017…"``, a number folded over lines): the raw-text scan (privacy.national-id)
    cannot see them, the published value would show them."""
    if not any(ch.isdecimal() for ch in text):
        return []
    # (line, digits) of what the raw scan reports already
    in_raw = {(text.count("\n", 0, a) + 1, _id_digits(text[a:b])) for a, b, _ in find_national_ids(text)}
    out: list[Diagnostic] = []

    def check(value: str, where: tuple[int, int] | None) -> None:
        for a, b, masked in find_national_ids(value):
            line, col = where or (1, 1)
            if (line, _id_digits(value[a:b])) not in in_raw:
                out.append(error(path, line, col, "privacy.national-id",
                                 f"ค่านี้เมื่ออ่านแล้วเป็นเลขที่มีรูปแบบเลขประจำตัวประชาชน `{masked}` "
                                 "(เขียนด้วยรหัส escape หรือแยกบรรทัด)",
                                 "ลบเลขนี้ออก — ทำเนียบเผยแพร่ต่อสาธารณะ ห้ามมีเลขประจำตัวประชาชน",
                                 f"this value decodes to a national ID number `{masked}`", "remove it"))

    def walk(node, at: tuple) -> None:
        if isinstance(node, str):
            check(node, positions.get(at))
        elif isinstance(node, dict):
            for key, item in node.items():
                if isinstance(key, str):
                    check(key, key_positions.get(at + (key,)))
                walk(item, at + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, at + (i,))
    walk(data, ())
    return out


_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")   # what libyaml counts as a line break
# Characters YAML (and libyaml's reader) refuse.  NUL is checked separately on the bytes.
_BAD_CHAR_RE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BOM = "\ufeff"


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character ``index`` in ``text`` using libyaml's breaks."""
    line = 1
    start = 0
    for m in _BREAK_RE.finditer(text, 0, index):
        line += 1
        start = m.end()
    return line, index - start + 1


def _q(value: str) -> str:
    """``value`` as the user should type it in quotes."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + value + '"'


def _short(value: str, limit: int = 60) -> str:
    value = value.replace("\n", "⏎")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _tag_text(tag: str) -> str:
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:"):]
    return tag


# ------------------------------------------------------------------- scalar typing

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

_KIND_TH = {
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
_KIND_EN = {
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


def _plain(value: str):
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


def plain_scalar(value: str):
    """Public name of the plain-scalar reading: (python value, ambiguity kind or None).

    Writers (sample.Dumper) use it to quote exactly the texts this loader would not read back
    as the same text."""
    return _plain(value)


def _plain_meaning(value) -> tuple[str, str]:
    if value is None:
        return "ค่าว่าง (null)", "null"
    if value is True or value is False:
        return "ค่าจริง/เท็จ", "a boolean"
    return "ตัวเลข", "a number"


# ------------------------------------------------------------------- tab indentation

_BLOCK_HEADER_RE = re.compile(r"(?:^|[ \t])[|>][0-9+-]*[ \t]*(?:#.*)?$")


def _tab_indent_lines(text: str) -> list[tuple[int, int, bool]]:
    """(line, column of the first tab, blank line?) for every line whose leading
    whitespace has a tab."""
    out = []
    for i, line in enumerate(_BREAK_RE.split(text), 1):
        if not line or line[0] not in " \t":
            continue
        stripped = line.lstrip(" \t")
        lead = line[: len(line) - len(stripped)]
        tab = lead.find("\t")
        if tab >= 0:
            out.append((i, tab + 1, not stripped))
    return out


def _block_scalar_content_lines(text: str, first_line: int) -> set[int]:
    """Lines (>= first_line) that look like the content of a ``|`` / ``>`` block scalar.

    Only used for the part of a file libyaml did not get to (after a syntax error), so
    a tab inside a pasted note is not reported as indentation."""
    content: set[int] = set()
    header_indent = None
    for i, line in enumerate(_BREAK_RE.split(text), 1):
        if header_indent is not None:
            body = line.lstrip(" ")
            if not body.strip(" \t") or len(line) - len(body) > header_indent:
                content.add(i)
                continue
            header_indent = None
        if i >= first_line - 1 and _BLOCK_HEADER_RE.search(line) and not line.lstrip(" ").startswith("#"):
            header_indent = len(line) - len(line.lstrip(" "))
    return content


# ------------------------------------------------------------------- syntax messages

_SYNTAX_TH = (
    ("mapping values are not allowed", "มีเครื่องหมาย `:` ในตำแหน่งที่ไม่ควรมี",
     "ถ้าข้อความมีเครื่องหมาย `: ` อยู่ข้างใน ให้ใส่เครื่องหมายคำพูดครอบทั้งข้อความ เช่น `ที่อยู่: \"หมู่ 5: บ้านนา\"`; "
     "ถ้าไม่ใช่ ให้ตรวจการย่อหน้าของบรรทัดนี้กับบรรทัดก่อนหน้า"),
    ("could not find expected ':'", "หาเครื่องหมาย `:` หลังชื่อคีย์ไม่พบ",
     "ตรวจว่าทุกบรรทัดเขียนแบบ `ชื่อคีย์: ค่า` (มีช่องว่างหลัง `:`) และย่อหน้าตรงกับบรรทัดอื่นในระดับเดียวกัน"),
    ("did not find expected key", "การย่อหน้าไม่ตรงกับบรรทัดอื่นในระดับเดียวกัน",
     "ทำให้บรรทัดในระดับเดียวกันเว้นวรรคหน้าบรรทัดเท่ากัน (ใช้ช่องว่าง ไม่ใช้แท็บ)"),
    ("did not find expected '-' indicator", "การย่อหน้าของรายการ (`- `) ไม่ตรงกัน",
     "ทำให้ทุกรายการในชุดเดียวกันขึ้นต้นด้วย `- ` ที่ตำแหน่งเดียวกัน"),
    ("did not find expected node content", "ไม่พบค่าในตำแหน่งที่ควรมีค่า",
     "ตรวจการย่อหน้า และถ้าค่าขึ้นต้นด้วยอักขระพิเศษ ให้ใส่เครื่องหมายคำพูดครอบ"),
    ("expected <block end>", "การย่อหน้าไม่ตรงกับบรรทัดอื่นในระดับเดียวกัน",
     "ทำให้บรรทัดในระดับเดียวกันเว้นวรรคหน้าบรรทัดเท่ากัน"),
    ("cannot start any token", "มีอักขระที่ใช้ขึ้นต้นค่าไม่ได้ (เช่น `@`, `` ` `` หรือแท็บ)",
     "ใส่เครื่องหมายคำพูดครอบค่า เช่น `\"@line_id\"` และใช้ช่องว่างแทนแท็บ"),
    ("tab character", "ใช้แท็บ (Tab) ในตำแหน่งย่อหน้า",
     "เปลี่ยนแท็บเป็นช่องว่าง (Space)"),
    ("unknown escape character", "มีเครื่องหมาย `\\` ในข้อความที่อยู่ในเครื่องหมายคำพูดคู่ `\"...\"`",
     "ใช้เครื่องหมายคำพูดเดี่ยว `'...'` ครอบข้อความแทน หรือเขียน `\\\\` แทน `\\`"),
    ("found unexpected end of stream", "ไฟล์จบก่อนปิดเครื่องหมายคำพูดหรือวงเล็บ",
     "ตรวจว่าเครื่องหมายคำพูด `\"` `'` และวงเล็บ `[` `{` ที่เปิดไว้ ได้ปิดครบแล้ว"),
    ("did not find expected ',' or ']'", "รายการในวงเล็บ `[ ]` เขียนไม่ครบหรือไม่ได้ปิดวงเล็บ",
     "คั่นแต่ละค่าด้วย `,` และปิดด้วย `]` หรือใส่เครื่องหมายคำพูดครอบข้อความที่ขึ้นต้นด้วย `[`"),
    ("did not find expected ',' or '}'", "ชุดข้อมูลในวงเล็บ `{ }` เขียนไม่ครบหรือไม่ได้ปิดวงเล็บ",
     "คั่นแต่ละคู่ด้วย `,` และปิดด้วย `}` หรือใส่เครื่องหมายคำพูดครอบข้อความที่ขึ้นต้นด้วย `{`"),
    ("found undefined tag handle", "มีเครื่องหมาย `!` ขึ้นต้นค่า",
     "ใส่เครื่องหมายคำพูดครอบค่าที่ขึ้นต้นด้วย `!`"),
    ("while scanning an alias", "มีเครื่องหมาย `*` ขึ้นต้นค่า",
     "ใส่เครื่องหมายคำพูดครอบค่าที่ขึ้นต้นด้วย `*`"),
    ("while scanning an anchor", "มีเครื่องหมาย `&` ขึ้นต้นค่า",
     "ใส่เครื่องหมายคำพูดครอบค่าที่ขึ้นต้นด้วย `&`"),
    ("found a document separator", "มีบรรทัด `---` หรือ `...` อยู่ในข้อความ",
     "ใส่เครื่องหมายคำพูดครอบข้อความ หรือลบบรรทัดนั้นออก"),
)


def _syntax_diag(path: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    problem = exc.problem or ""
    context = exc.context or ""
    both = f"{context} {problem}"
    what, hint = ("อ่านไฟล์ต่อไม่ได้ที่ตำแหน่งนี้",
                  "ตรวจการย่อหน้า เครื่องหมาย `:` และเครื่องหมายคำพูดในบรรทัดนี้และบรรทัดก่อนหน้า")
    for needle, th, th_hint in _SYNTAX_TH:
        if needle in both:
            what, hint = th, th_hint
            break
    related = ()
    if exc.context_mark is not None and exc.problem_mark is not None:
        cm = exc.context_mark
        if (cm.line, cm.column) != (exc.problem_mark.line, exc.problem_mark.column):
            related = ((cm.line + 1, cm.column + 1),)
    en = problem if not context else f"{context}: {problem}"
    return error(path, line, col, "yaml.syntax",
                 f"รูปแบบ YAML ไม่ถูกต้อง (บรรทัด {line} คอลัมน์ {col}): {what}", hint,
                 f"YAML syntax error: {en}",
                 "Check indentation, ':' separators and quotes on this line and the one before.",
                 related)


# ------------------------------------------------------------------------- decoding

def _decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Text without BOM, or None and a fatal diagnostic."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None, [_utf16(path)]
    nul = raw.find(b"\x00")
    if nul >= 0:
        sample = raw[:8192]
        nuls = sample.count(b"\x00")
        if nuls >= 2 and nuls * 8 >= len(sample):
            return None, [_utf16(path)]
        prefix = raw[:nul].decode("utf-8-sig", errors="replace")
        line, col = _line_col(prefix, len(prefix))
        count = raw.count(b"\x00")
        return None, [error(
            path, line, col, "encoding.nul",
            f"ไฟล์มีอักขระ NUL (ไบต์ศูนย์) ซึ่งมองไม่เห็น ที่บรรทัด {line} คอลัมน์ {col}"
            + (f" (ทั้งหมด {count} ตัว)" if count > 1 else ""),
            "ไฟล์อาจเสียหรือถูกบันทึกผิดรูปแบบ ให้เปิดด้วยโปรแกรมแก้ไขข้อความ ลบอักขระนั้น แล้วบันทึกเป็น UTF-8",
            f"NUL byte at line {line}, column {col}" + (f" ({count} in total)" if count > 1 else ""),
            "The file may be damaged or saved in a binary format; remove the NUL bytes and save as UTF-8.")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8-sig")
        line, col = _line_col(prefix, len(prefix))
        legacy = ""
        try:
            if re.search("[\u0e01-\u0e5b]", raw.decode("cp874")):
                legacy = " (น่าจะบันทึกเป็นภาษาไทยแบบเก่า TIS-620 / Windows-874)"
        except UnicodeDecodeError:
            pass
        return None, [error(
            path, line, col, "encoding.invalid-utf8",
            f"ไฟล์ไม่ได้บันทึกเป็น UTF-8{legacy}: พบตัวอักษรที่อ่านไม่ได้ที่บรรทัด {line} คอลัมน์ {col} "
            f"(ไบต์ 0x{raw[exc.start]:02X})",
            "เปิดไฟล์ด้วยโปรแกรมแก้ไขข้อความ (เช่น VS Code หรือ Notepad) แล้วเลือก \"บันทึกเป็น\" "
            "การเข้ารหัส (Encoding) แบบ UTF-8",
            f"File is not valid UTF-8: byte 0x{raw[exc.start]:02X} at line {line}, column {col}",
            "Re-save the file with UTF-8 encoding.")]
    if text.startswith(_BOM):
        text = text[1:]
    return text, []


def _utf16(path: str) -> Diagnostic:
    return error(
        path, 1, 1, "encoding.utf16",
        "ไฟล์ถูกบันทึกเป็น UTF-16 หรือ UTF-32 (เช่น \"Unicode\" ใน Notepad) ซึ่งระบบอ่านไม่ได้",
        "เปิดไฟล์แล้วเลือก \"บันทึกเป็น\" การเข้ารหัส (Encoding) แบบ UTF-8",
        "File is encoded as UTF-16/UTF-32", "Save the file as UTF-8.")


# --------------------------------------------------------------------------- loading

_EXPECT_KEY = object()   # mapping frame waits for a key
_DROP = object()         # the next value of this mapping is not kept (duplicate / bad key)


def load_file(file: pathlib.Path, display: str | None = None) -> Loaded:
    file = pathlib.Path(file)
    display = str(file) if display is None else display
    size = file.stat().st_size
    if size > MAX_BYTES:
        return Loaded(display, None, "", [_too_large(display, size)])
    with open(file, "rb") as fh:
        raw = fh.read(MAX_BYTES + 1)   # the file may have grown since stat()
    return load_bytes(raw, display)


def _too_large(path: str, size: int) -> Diagnostic:
    mb = size / (1024 * 1024)
    limit = MAX_BYTES // (1024 * 1024)
    return error(
        path, 1, 1, "file.too-large",
        f"ไฟล์ใหญ่เกินไป ({mb:.1f} MB เกินขีดจำกัด {limit} MB) จึงไม่ได้ตรวจเนื้อหา",
        "แบ่งข้อมูลออกเป็นหลายไฟล์ (เช่น แยกตามอำเภอหรือตำบล)",
        f"File too large ({size} bytes; limit {MAX_BYTES})", "Split the data into several files.")


def load_bytes(raw: bytes, path: str) -> Loaded:
    if len(raw) > MAX_BYTES:
        return Loaded(path, None, "", [_too_large(path, len(raw))])
    text, diags = _decode(raw, path)
    if text is None:
        return Loaded(path, None, "", diags)

    bad = _BAD_CHAR_RE.search(text)
    if bad is not None:
        line, col = _line_col(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        return Loaded(path, None, text, [error(
            path, line, col, "encoding.control-char",
            f"มีอักขระควบคุมที่มองไม่เห็น ({code}) ที่บรรทัด {line} คอลัมน์ {col}",
            "ลบอักขระนั้นออก (มักติดมาจากการคัดลอกข้อความจากโปรแกรมอื่น) แล้วพิมพ์ใหม่",
            f"Control character {code} is not allowed (line {line}, column {col})",
            "Delete the invisible character (often pasted from another program).")])

    tabs = _tab_indent_lines(text) if "\t" in text else []
    return _Builder(path, text, tabs).run()


class _Builder:
    """Walks the libyaml event stream with an explicit stack and builds plain Python data."""

    def __init__(self, path: str, text: str, tabs: list[tuple[int, int, bool]]):
        self.path = path
        self.text = text
        self.tabs = tabs
        self.diags: list[Diagnostic] = []
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.key_positions: dict[tuple, tuple[int, int]] = {}
        self.scalar_spans: list[tuple[int, int]] = []   # multi-line scalars (only if tabs)
        self.syntax_line = 0            # line of a libyaml syntax error, 0 if none

    # --- diagnostics ---------------------------------------------------------------

    def _err(self, line, col, rule, msg, hint, msg_en, hint_en, related=()):
        self.diags.append(error(self.path, line, col, rule, msg, hint, msg_en, hint_en, related))

    def _ambiguous(self, value: str, kind: str, pos):
        th = _KIND_TH[kind]
        hint = f"ถ้าต้องการเก็บเป็นข้อความตามที่เขียน ให้ใส่เครื่องหมายคำพูดครอบ เช่น `{_q(value)}`"
        hint_en = f"Quote it to keep the text as written, e.g. {_q(value)}"
        if kind == "bool":
            hint += " (ถ้าต้องการค่าจริง/เท็จ ให้เขียน `true` หรือ `false`)"
            hint_en += " (for a yes/no flag write true or false)"
        self._err(pos[0], pos[1], "yaml.ambiguous-scalar",
                  f"ค่า `{value}` เขียนโดยไม่มีเครื่องหมายคำพูด โปรแกรมอาจอ่านเป็น{th} แทนข้อความที่เขียนไว้",
                  hint,
                  f"Unquoted value `{value}` may be read as {_KIND_EN[kind]} instead of the text as written",
                  hint_en)

    def _non_string_key(self, written: str | None, pos, what_th: str, what_en: str):
        if written is None:
            msg = f"ชื่อคีย์ต้องเป็นข้อความ แต่ที่นี่ใช้{what_th} เป็นคีย์"
            hint = "เขียนชื่อคีย์เป็นข้อความธรรมดา แล้วย้ายข้อมูลไปไว้เป็นค่าของคีย์นั้น"
            msg_en = f"Keys must be text, found {what_en} used as a key"
            hint_en = "Use a plain text key."
        else:
            shown = _short(written) if written else ""
            msg = (f"ชื่อคีย์ `{shown}` จะถูกอ่านเป็น{what_th} ไม่ใช่ข้อความ" if written
                   else "มีค่าโดยไม่มีชื่อคีย์ (คีย์ว่าง)")
            hint = (f"ใส่เครื่องหมายคำพูดครอบชื่อคีย์ เช่น `{_q(written)}:`" if written
                    else "เติมชื่อคีย์หน้าเครื่องหมาย `:`")
            msg_en = (f"Key `{shown}` would be read as {what_en}, not text" if written
                      else "Value without a key (empty key)")
            hint_en = f"Quote the key, e.g. {_q(written)}:" if written else "Add a key before ':'."
        self._err(pos[0], pos[1], "yaml.non-string-key", msg, hint, msg_en, hint_en)

    def _node_props(self, ev, pos):
        anchor = ev.anchor
        if anchor is not None:
            self._err(pos[0], pos[1], "yaml.anchor",
                      f"ใช้สัญลักษณ์ `&{anchor}` (anchor) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้",
                      f"ลบ `&{anchor}` ออก และเขียนค่าเต็มในทุกที่ที่ใช้; ถ้าเป็นข้อความที่ขึ้นต้นด้วย `&` "
                      "ให้ใส่เครื่องหมายคำพูดครอบ",
                      f"Anchor `&{anchor}` is not allowed",
                      "Remove the anchor and write values out in full; quote text that starts with '&'.")
        tag = ev.tag
        if tag is not None:
            shown = _tag_text(tag)
            self._err(pos[0], pos[1], "yaml.tag",
                      f"ใช้แท็กกำหนดชนิดข้อมูล `{shown}` ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้",
                      f"ลบ `{shown}` ออก; ถ้าเป็นข้อความที่ขึ้นต้นด้วย `!` ให้ใส่เครื่องหมายคำพูดครอบ",
                      f"Explicit tag `{shown}` is not allowed",
                      "Remove the tag; quote text that starts with '!'.")

    # --- main loop -------------------------------------------------------------------

    def run(self) -> Loaded:
        text = self.text
        positions = self.positions
        key_positions = self.key_positions
        track_spans = bool(self.tabs)
        spans = self.scalar_spans

        events = yaml.parse(text, Loader=_Loader)
        # frame: [container, is_mapping, path, state, record, seen_keys]
        stack: list[list] = []
        root = None
        root_pos = (1, 1)
        root_is_scalar_empty = False
        docs = 0
        record = True      # record positions for the current document (first only)
        fatal = False
        ScalarEvent_, MappingStartEvent_, SequenceStartEvent_ = ScalarEvent, MappingStartEvent, SequenceStartEvent
        MappingEndEvent_, SequenceEndEvent_ = MappingEndEvent, SequenceEndEvent
        EXPECT_KEY, DROP = _EXPECT_KEY, _DROP
        plain = _plain

        try:
            for ev in events:
                t = type(ev)
                is_collection = False
                if t is ScalarEvent_:
                    sm = ev.start_mark
                    pos = (sm.line + 1, sm.column + 1)
                    value = ev.value
                    if track_spans:
                        em = ev.end_mark
                        # last line holding scalar text (a block scalar ends at column 0
                        # of the line after its content)
                        el = em.line + 1 if em.column else em.line
                        if el > sm.line + 1:
                            spans.append((sm.line + 1, el))
                    kind = None
                    if ev.tag is not None or ev.anchor is not None:
                        self._node_props(ev, pos)
                        v = value            # explicit tag: never typed
                        tagged = True
                    else:
                        tagged = False
                        if ev.style:
                            v = value
                        else:
                            v, kind = plain(value)
                elif t is MappingStartEvent_ or t is SequenceStartEvent_:
                    sm = ev.start_mark
                    pos = (sm.line + 1, sm.column + 1)
                    if ev.tag is not None or ev.anchor is not None:
                        self._node_props(ev, pos)
                    if len(stack) >= MAX_DEPTH:
                        self._err(pos[0], pos[1], "yaml.too-deep",
                                  f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (เริ่มเกินที่บรรทัด {pos[0]})",
                                  "ลดการซ้อนของข้อมูล — ข้อมูลทำเนียบไม่ควรซ้อนลึกขนาดนี้ "
                                  "อาจเกิดจากการย่อหน้าผิดหรือวงเล็บ `[` `{` ที่ไม่ได้ปิด",
                                  f"Nesting deeper than {MAX_DEPTH} levels",
                                  "Flatten the data; check indentation and unclosed brackets.")
                        fatal = True
                        break
                    is_collection = True
                    is_map = t is MappingStartEvent_
                    v = {} if is_map else []
                    kind = None
                    tagged = True        # never a typed scalar
                elif t is MappingEndEvent_ or t is SequenceEndEvent_:
                    stack.pop()
                    continue
                elif t is AliasEvent:
                    sm = ev.start_mark
                    pos = (sm.line + 1, sm.column + 1)
                    self._err(pos[0], pos[1], "yaml.alias",
                              f"ใช้การอ้างอิง `*{ev.anchor}` (alias) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้",
                              f"เขียนค่าจริงแทน `*{ev.anchor}`; ถ้าเป็นข้อความที่ขึ้นต้นด้วย `*` "
                              "ให้ใส่เครื่องหมายคำพูดครอบ",
                              f"Alias `*{ev.anchor}` is not allowed",
                              "Write the value out in full; quote text that starts with '*'.")
                    v = None
                    kind = None
                    tagged = True
                    value = None
                elif t is DocumentStartEvent:
                    docs += 1
                    if docs == 2:
                        sm = ev.start_mark
                        self._err(sm.line + 1, sm.column + 1, "yaml.multiple-documents",
                                  f"ไฟล์นี้มีข้อมูลมากกว่าหนึ่งชุด (ชุดที่ 2 เริ่มที่บรรทัด {sm.line + 1})",
                                  "ไฟล์หนึ่งเก็บข้อมูลได้ชุดเดียว: ลบบรรทัด `---` ที่อยู่กลางไฟล์ "
                                  "หรือย้ายข้อมูลชุดที่ 2 ไปไว้ในไฟล์ใหม่",
                                  f"More than one YAML document (the second starts at line {sm.line + 1})",
                                  "Keep one document per file: remove the '---' separator or split the file.")
                    record = docs == 1
                    continue
                elif t is StreamEndEvent:
                    break
                else:   # StreamStart, DocumentEnd
                    continue

                # ---- attach v (scalar, alias or new collection) at pos ----
                if not stack:
                    if docs == 1:
                        root = v
                        root_pos = pos
                        root_is_scalar_empty = (t is ScalarEvent_ and value == "" and not ev.style
                                                and not tagged)
                        if record:
                            positions[()] = pos
                    if kind is not None:
                        self._ambiguous(value, kind, pos)
                    if is_collection:
                        stack.append([v, is_map, (), EXPECT_KEY, record, {} if is_map else None])
                    continue

                frame = stack[-1]
                rec = frame[4]
                if not frame[1]:                       # sequence item
                    cont = frame[0]
                    if rec:
                        child_path = frame[2] + (len(cont),)
                        positions[child_path] = pos
                    else:
                        child_path = None
                    cont.append(v)
                    if kind is not None:
                        self._ambiguous(value, kind, pos)
                    if is_collection:
                        stack.append([v, is_map, child_path, EXPECT_KEY, rec, {} if is_map else None])
                    continue

                state = frame[3]
                if state is EXPECT_KEY:                # this node is a key
                    if t is not ScalarEvent_:
                        frame[3] = DROP
                        if is_collection:
                            self._non_string_key(
                                None, pos,
                                "ชุดข้อมูล `{ }`" if is_map else "รายการ `[ ]`",
                                "a mapping" if is_map else "a sequence")
                            stack.append([v, is_map, None, EXPECT_KEY, False, {} if is_map else None])
                        continue
                    if kind is not None:
                        if kind == "special" and value == "<<":
                            self._err(pos[0], pos[1], "yaml.merge-key",
                                      "ใช้คีย์ `<<` (รวมค่าจากที่อื่น) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้",
                                      "ลบบรรทัด `<<` ออก แล้วเขียนคีย์และค่าทุกตัวลงไปตรง ๆ",
                                      "Merge key `<<` is not allowed",
                                      "Write every key and value out in full.")
                        else:
                            self._non_string_key(value, pos, _KIND_TH[kind], _KIND_EN[kind])
                        k = value
                    elif tagged or type(v) is str:
                        k = value
                    else:
                        th, en = _plain_meaning(v)
                        self._non_string_key(value, pos, th, en)
                        k = value
                    seen = frame[5]
                    first = seen.get(k)
                    if first is not None:
                        shown = _short(k)
                        if first[0] != pos[0]:
                            where = f"บรรทัด {first[0]} และ {pos[0]}"
                            where_en = f"lines {first[0]} and {pos[0]}"
                        else:   # flow mapping on one line
                            where = f"บรรทัด {pos[0]} คอลัมน์ {first[1]} และ {pos[1]}"
                            where_en = f"line {pos[0]}, columns {first[1]} and {pos[1]}"
                        self._err(pos[0], pos[1], "yaml.duplicate-key",
                                  f"คีย์ `{shown}` ซ้ำกัน ({where})",
                                  f"ลบบรรทัดที่ซ้ำออกให้เหลือเพียงบรรทัดเดียว (ตอนนี้ระบบใช้ค่าจากบรรทัด {first[0]})",
                                  f"Duplicate key `{shown}` ({where_en})",
                                  f"Remove one of them; the value from line {first[0]} is used.",
                                  (first,))
                        frame[3] = DROP
                    else:
                        seen[k] = pos
                        frame[3] = k
                        if rec:
                            key_positions[frame[2] + (k,)] = pos
                    continue

                # this node is the value of key `state`
                frame[3] = EXPECT_KEY
                if kind is not None:
                    self._ambiguous(value, kind, pos)
                if state is DROP:
                    if is_collection:
                        stack.append([v, is_map, None, EXPECT_KEY, False, {} if is_map else None])
                    continue
                frame[0][state] = v
                if rec:
                    child_path = frame[2] + (state,)
                    positions[child_path] = pos
                else:
                    child_path = None
                if is_collection:
                    stack.append([v, is_map, child_path, EXPECT_KEY, rec, {} if is_map else None])
        except yaml.MarkedYAMLError as exc:
            fatal = True
            self._syntax(exc)
        except yaml.reader.ReaderError as exc:   # pragma: no cover - pre-scan catches these
            fatal = True
            self._err(0, 0, "encoding.control-char", f"อ่านไฟล์ไม่ได้: {exc}",
                      "ลบอักขระที่มองไม่เห็นออก แล้วบันทึกเป็น UTF-8", str(exc), "")
        finally:
            events.close()      # disposes the libyaml parser even when we stop early

        self._report_tabs()

        data = None
        if not fatal:
            if docs == 0 or (docs == 1 and root is None and root_is_scalar_empty):
                self._err(1, 1, "yaml.empty",
                          "ไฟล์นี้ว่างเปล่า (ไม่มีข้อมูล หรือมีแต่บรรทัดหมายเหตุที่ขึ้นต้นด้วย `#`)",
                          "เพิ่มข้อมูลในรูปแบบ `คีย์: ค่า` หรือลบไฟล์นี้ออก",
                          "The file is empty (or has only comments)",
                          "Add data as 'key: value' lines or delete the file.")
                positions.clear()
            elif type(root) is dict:
                data = root
            else:
                what = "รายการ (บรรทัดขึ้นต้นด้วย `-`)" if type(root) is list else "ค่าเดี่ยว"
                what_en = "a list" if type(root) is list else "a single value"
                self._err(root_pos[0], root_pos[1], "yaml.root-not-mapping",
                          f"ข้อมูลทั้งไฟล์ต้องเป็นชุด `คีย์: ค่า` แต่ไฟล์นี้เป็น{what}",
                          "เขียนข้อมูลในรูปแบบ `ชื่อคีย์: ค่า` ทีละบรรทัด ตามตัวอย่างในคู่มือ",
                          f"The top level must be a mapping of 'key: value' pairs, found {what_en}",
                          "Write the file as 'key: value' lines, as in the guide.")
        if data is not None:
            self.diags.extend(decoded_national_ids(self.path, text, data, positions, key_positions))
        self.diags.sort(key=lambda d: (d.line, d.column))
        return Loaded(self.path, data, text, self.diags, positions, key_positions)

    # --- after the loop -------------------------------------------------------------

    def _syntax(self, exc: yaml.MarkedYAMLError):
        d = _syntax_diag(self.path, exc)
        self.syntax_line = d.line
        tab_lines = {line for line, _, _ in self.tabs}
        if d.line in tab_lines:
            return   # the tab report on that line says the same thing more clearly
        self.diags.append(d)

    def _report_tabs(self):
        if not self.tabs:
            return
        inside = set()
        for start, end in self.scalar_spans:
            inside.update(range(start + 1, end + 1))
        if self.syntax_line:
            inside |= _block_scalar_content_lines(self.text, self.syntax_line)
        for line, col, blank in self.tabs:
            if line in inside:
                continue
            if blank:
                msg = f"บรรทัด {line} เป็นบรรทัดว่างที่มีแท็บ (Tab) ซึ่งมองไม่เห็นแต่ทำให้อ่านไฟล์ผิดได้"
                msg_en = f"Line {line} is blank but contains a tab character"
            else:
                msg = f"บรรทัด {line} ใช้แท็บ (Tab) ในการย่อหน้า"
                msg_en = f"Line {line} is indented with a tab character"
            self._err(line, col, "yaml.tab-indent", msg,
                      "ลบแท็บแล้วใช้ช่องว่าง (Space) แทน — YAML ย่อหน้าได้ด้วยช่องว่างเท่านั้น "
                      "(ในโปรแกรมแก้ไขข้อความ ให้ตั้งค่าให้ปุ่ม Tab ใส่ช่องว่าง)",
                      msg_en, "Replace tabs with spaces; YAML indentation must use spaces.")
