"""Strict YAML loading for contributor files: bytes in, a located document out.

PyYAML's ``safe_load`` silently changes what a district officer wrote: the last of two
duplicate keys wins, ``042411773`` becomes the octal number 9049083, ``yes`` becomes
``True`` and ``1:30`` becomes 90.  The loader builds the document itself from the
libyaml *event stream* (no composer, no constructor, no recursion) so that it can see
anchors, aliases, tags, document boundaries and the exact position of every node, and
it reports every such problem as a located :class:`~thamniap.core.diagnostics.Diagnostic`
instead of guessing.

The steps, one module each: this one decodes the bytes (size limit, UTF-16, NUL, invalid UTF-8,
control characters) and then looks for national ID numbers that only YAML's decoding reveals;
load/events.py builds the document from the events; load/scalars.py reads plain scalars (YAML
1.2 core schema, with every form YAML 1.1 would read differently refused as
``yaml.ambiguous-scalar``); load/document.py holds the result (Loaded) and the limits.

Positions are 1-based ``(line, column)``; columns count characters, not bytes, and a
leading UTF-8 BOM is not counted.
"""
from __future__ import annotations

import pathlib
import re

from thamniap.core.diagnostics import Diagnostic, error
from thamniap.core.digits import ascii_digits
from thamniap.core.national_id import find_national_ids
from thamniap.load.document import MAX_BYTES, MAX_DEPTH, Loaded, line_col
from thamniap.load.events import build
from thamniap.load.scalars import plain

__all__ = [
    "LOADER_RULES",
    "Loaded",
    "MAX_BYTES",
    "MAX_DEPTH",
    "load_bytes",
    "load_file",
]

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
    "yaml.root-not-mapping": ("error", "ข้อมูลทั้งไฟล์ต้องเป็นชุด `ชื่อช่อง: ค่า` ไม่ใช่รายการหรือข้อความเดี่ยว"),
    "yaml.duplicate-key": ("error", "ชื่อช่องเดียวกันเขียนซ้ำสองครั้งในระดับเดียวกัน"),
    "yaml.non-string-key": ("error", "ชื่อช่องต้องเป็นข้อความ (ไม่ใช่ตัวเลข ค่าจริง/เท็จ ค่าว่าง หรือรายการ)"),
    "yaml.anchor": ("error", "ห้ามใช้ anchor (`&ชื่อ`)"),
    "yaml.alias": ("error", "ห้ามใช้การอ้างอิง alias (`*ชื่อ`)"),
    "yaml.merge-key": ("error", "ห้ามใช้ชื่อช่องรวมค่า `<<`"),
    "yaml.tag": ("error", "ห้ามใช้แท็กกำหนดชนิดข้อมูล (`!!str`, `!ชื่อ` ฯลฯ)"),
    "yaml.ambiguous-scalar": (
        "error",
        "ค่าที่โปรแกรมอาจอ่านเป็นตัวเลข วันเวลา หรือค่าจริง/เท็จ แทนข้อความที่เขียน ต้องใส่เครื่องหมายคำพูด",
    ),
}


# Characters YAML (and libyaml's reader) refuse.  NUL is checked separately on the bytes.
_BAD_CHAR_RE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BOM = "\ufeff"


def plain_scalar(value: str):
    """Public name of the plain-scalar reading: (python value, ambiguity kind or None).

    Writers (write.style.Dumper) use it to quote exactly the texts this loader would not read back
    as the same text."""
    return plain(value)


# --------------------------------------------------------------------------- helpers

_DECIMAL = re.compile(r"\d")


def _id_digits(found_text: str) -> str:
    return re.sub(r"[^0-9]", "", ascii_digits(found_text))


def decoded_national_ids(path: str, text: str, data, positions: dict, key_positions: dict) -> list[Diagnostic]:
    """National ID numbers that appear only once YAML has decoded a value (``"\\u0031…"``,
    ``"1\\x2d1017…"``, a number folded over lines): the raw-text scan (privacy.national-id)
    cannot see them, the published value would show them."""
    if _DECIMAL.search(text) is None:       # (\d: any Unicode decimal digit, as str.isdecimal)
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

    # (a text shorter than an ID's 13 digits cannot hold one: nearly every value, skipped unread)
    def walk(node, at: tuple) -> None:
        if isinstance(node, str):
            if len(node) >= 13:
                check(node, positions.get(at))
        elif isinstance(node, dict):
            for key, item in node.items():
                if isinstance(key, str) and len(key) >= 13:
                    check(key, key_positions.get(at + (key,)))
                walk(item, at + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, at + (i,))
    walk(data, ())
    return out


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
        line, col = line_col(prefix, len(prefix))
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
        line, col = line_col(prefix, len(prefix))
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
        "ไฟล์ข้อมูลปกติเล็กกว่านี้มาก: ทำเนียบเป็นหนึ่งไฟล์ต่อหนึ่งตำบลในโฟลเดอร์ roster/ ของอำเภอ "
        "(เช่น roster/420901-wang-saphung.yaml) — ตรวจว่าไม่ได้วางข้อมูลหลายตำบลหรือข้อความอื่นรวมไว้ในไฟล์นี้",
        f"File too large ({size} bytes; limit {MAX_BYTES})",
        "Data files are far smaller: the roster is one file per subdistrict in the district's roster/ folder; "
        "check that this file does not hold several subdistricts or pasted text.")


def load_bytes(raw: bytes, path: str) -> Loaded:
    """The document in RAW (shown as PATH in messages): data, text, positions and every problem."""
    if len(raw) > MAX_BYTES:
        return Loaded(path, None, "", [_too_large(path, len(raw))])
    text, diags = _decode(raw, path)
    if text is None:
        return Loaded(path, None, "", diags)

    bad = _BAD_CHAR_RE.search(text)
    if bad is not None:
        line, col = line_col(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        return Loaded(path, None, text, [error(
            path, line, col, "encoding.control-char",
            f"มีอักขระควบคุมที่มองไม่เห็น ({code}) ที่บรรทัด {line} คอลัมน์ {col}",
            "ลบอักขระนั้นออก (มักติดมาจากการคัดลอกข้อความจากโปรแกรมอื่น) แล้วพิมพ์ใหม่",
            f"Control character {code} is not allowed (line {line}, column {col})",
            "Delete the invisible character (often pasted from another program).")])

    doc = build(path, text)
    if doc.data is not None:
        found = decoded_national_ids(path, text, doc.data, doc.positions, doc.key_positions)
        if found:   # merged in line order, after the builder's own at the same place
            doc.diagnostics.extend(found)
            doc.diagnostics.sort(key=lambda d: (d.line, d.column))
    return doc
