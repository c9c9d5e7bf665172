"""Refuses a hostile or broken .xlsx before openpyxl opens it, with a located Thai reason.

openpyxl trusts the file: it inflates whatever the zip directory promises, loads styles and shared
strings whole, pads rows to the width a sheet claims, hands over a formula's cached result or a
hidden row's cells as if they had been typed, and leaves DTDs to the XML parser. So `import-xlsx`
asks this module first. Every limit is structural — counted from the zip directory, or while each
XML part is streamed once through expat, which stops at the first DOCTYPE — so a file is refused
before any work that grows with its hostility, never by a timer.

The rules hold for the whole workbook (every sheet, not only the two imported ones): a form that is
imported contains only values someone typed and can see.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from thamniap.core.columns import column_letter

MiB = 1024 * 1024
MAX_FILE_BYTES = 10 * MiB       # a district's form is well under 1 MB
MAX_ENTRIES = 1000              # Excel writes 10-40 parts
MAX_PART_BYTES = 64 * MiB       # one part, inflated
MAX_TOTAL_BYTES = 128 * MiB     # all parts, inflated
MAX_RATIO = 200                 # inflated / compressed size; spreadsheet XML stays far below
RATIO_FROM = 1 * MiB            # small parts may compress better than that without harm
MAX_ELEMENTS = 1_000_000        # XML elements in the whole file (a 10,000-row form has about 400,000)
# Elements by the way openpyxl reads the part (only worksheets are streamed, row by row):
MAX_BY_KIND = {"sheet": MAX_ELEMENTS,
               "strings": 400_000,      # shared strings: loaded whole, about 3 µs and 150 bytes each
               "loaded": 20_000}        # styles, workbook, properties, charts, …: up to 17 µs and 2 KB
                                        # each (an xf); a form has about 1,000
MAX_DEPTH = 100                 # nested elements (Excel's deepest, in charts, is about 20); a deep
                                # nest keeps every open element alive in openpyxl's parser
MAX_TEXT = 32_767               # characters in one text: Excel's own limit for a cell
MAX_TOKEN = 1 * MiB             # bytes of one tag (or comment): expat 2.5 (and openpyxl's iterparse)
                                # re-reads an unfinished tag on every chunk, so a 60 MB attribute
                                # took 141 s; Excel's tags are a few hundred bytes
MAX_DATA_ROWS = 10_000          # 13 times the largest district (4201: 735 people); a valid form this
                                # size imports in about 3 s, 20,000 rows took 6 s (render + check)
MAX_ROW = MAX_DATA_ROWS + 1     # the header is row 1
MAX_COLUMN = 100                # the form has 16 columns (CV is column 100)
MAX_SHEETS = 50                 # the form has 4 (openpyxl opens every sheet's part on loading)
MAX_REPORTED = 20               # formulas / hidden cells listed per part before the scan stops
CHUNK = 64 * 1024

MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
           "http://purl.oclc.org/ooxml/spreadsheetml/main")
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
R_ID = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships id",
        "http://purl.oclc.org/ooxml/officeDocument/relationships id")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"      # .xls, and any password-protected Office file
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
WORKBOOK_TYPES = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
                  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                  "application/vnd.ms-excel.template.macroEnabled.main+xml"}
MACRO_MARKS = ("macroenabled", "vbaproject", "macrosheet", "activex")
CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?[0-9]+")

REMAKE = "สร้างแบบฟอร์มใหม่ด้วย thamniap template-xlsx แล้วคัดลอกข้อมูลมาวางแบบค่า (Paste Values)"
OR_REMAKE = "หรือ" + REMAKE
MACRO = ("ไฟล์นี้มีแมโคร (VBA / Excel 4.0) หรือตัวควบคุม ActiveX ({evidence}) โปรแกรมไม่นำเข้าไฟล์ที่มีโค้ด",
         "บันทึกเป็น Excel Workbook (.xlsx) ซึ่งตัดแมโครออก " + OR_REMAKE)
EXTERNAL = ("ไฟล์นี้ลิงก์ไปยังไฟล์หรือแหล่งข้อมูลภายนอก ({evidence}) ข้อมูลที่นำเข้าต้องพิมพ์อยู่ในแบบฟอร์มนี้เอง",
            "Excel: ข้อมูล > แก้ไขลิงก์ > ตัดลิงก์ (Data > Edit Links > Break Link) แล้วบันทึกใหม่ " + OR_REMAKE)


@dataclass(frozen=True)
class Refusal:
    """Why the file is refused: at a sheet (and row/column, 1-based, 0 = whole) or a part of the zip."""
    place: str          # the sheet's name when known, else the zip member; "" for the whole file
    row: int
    column: int
    message: str
    hint: str


class _Stop(Exception):
    """Ends the scan of one part (a limit, a DOCTYPE, broken XML, too many findings)."""

    def __init__(self, refusal: Refusal):
        super().__init__(refusal.message)
        self.refusal = refusal


def check_workbook(path: Path) -> list[Refusal]:
    """Every reason to refuse PATH before it is parsed; empty when openpyxl may read it."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return [Refusal("", 0, 0, f"ไฟล์ใหญ่ {size / MiB:.1f} MB เกิน {MAX_FILE_BYTES // MiB} MB ที่นำเข้าได้",
                        "แบบฟอร์มของอำเภอหนึ่งมีขนาดไม่ถึง 1 MB: ลบรูปภาพหรือแผ่นงานที่ไม่ใช้ " + OR_REMAKE)]
    with path.open("rb") as f:
        head = f.read(len(OLE_MAGIC))
    not_xlsx = "บันทึกเป็น Excel Workbook (.xlsx) แล้วนำเข้าใหม่"
    if head == OLE_MAGIC:
        return [Refusal("", 0, 0, "ไฟล์นี้เป็น Excel แบบเก่า (.xls) หรือไฟล์ที่ตั้งรหัสผ่านเปิด ไม่ใช่ .xlsx",
                        not_xlsx + " โดยไม่ตั้งรหัสผ่าน")]
    if not head.startswith(b"PK\x03\x04"):
        return [Refusal("", 0, 0, "ไฟล์นี้ไม่ใช่แบบฟอร์ม Excel (.xlsx): ไม่ได้เป็นไฟล์ zip ตามรูปแบบของ .xlsx", not_xlsx)]
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:          # zipfile raises many types on a hostile directory; all mean "broken"
        return [Refusal("", 0, 0, f"ไฟล์ .xlsx เสียหาย อ่านสารบัญของไฟล์ zip ไม่ได้ ({exc})",
                        "เปิดด้วย Excel แล้วบันทึกใหม่ " + OR_REMAKE)]
    with archive:
        found = check_directory(archive.infolist())
        if found:                     # nothing is inflated once the directory alone condemns the file
            return found
        return _PackageScan(archive).run()


def check_directory(infos: list[zipfile.ZipInfo]) -> list[Refusal]:
    """Limits and forbidden parts read from the zip directory alone (no part is inflated)."""
    if len(infos) > MAX_ENTRIES:
        return [Refusal("", 0, 0, f"ไฟล์มี {len(infos):,} ส่วนย่อย เกิน {MAX_ENTRIES:,} (แบบฟอร์มปกติมีไม่ถึง 40)",
                        REMAKE)]
    found: list[Refusal] = []
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            found.append(Refusal(name, 0, 0, f"ส่วน `{name}` มีสองชุดในไฟล์เดียว (ไฟล์ถูกดัดแปลง)", REMAKE))
        seen.add(name)
        if info.flag_bits & 0x1:
            found.append(Refusal(name, 0, 0, f"ส่วน `{name}` ถูกเข้ารหัสไว้", "บันทึกใหม่โดยไม่ตั้งรหัสผ่าน"))
        elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            found.append(Refusal(name, 0, 0, f"ส่วน `{name}` บีบอัดด้วยวิธีที่ Excel ไม่ใช้ (วิธีที่ {info.compress_type})",
                                 "เปิดด้วย Excel แล้วบันทึกใหม่ " + OR_REMAKE))
        total += info.file_size
        inflated = f"ส่วน `{name}` ขยายได้ {info.file_size / MiB:,.0f} MB จากที่บีบอัดไว้ {info.compress_size / MiB:,.2f} MB"
        if info.file_size > MAX_PART_BYTES:
            found.append(Refusal(name, 0, 0, f"{inflated} เกิน {MAX_PART_BYTES // MiB} MB (ลักษณะของ zip bomb)",
                                 REMAKE))
        elif info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            found.append(Refusal(name, 0, 0, f"{inflated} บีบอัดไว้เกิน {MAX_RATIO} เท่า (ลักษณะของ zip bomb)",
                                 REMAKE))
        found += _forbidden_part(name)
    if total > MAX_TOTAL_BYTES:
        found.append(Refusal("", 0, 0, f"ข้อมูลในไฟล์ขยายได้รวม {total / MiB:,.0f} MB เกิน {MAX_TOTAL_BYTES // MiB} MB",
                             REMAKE))
    return _unique(found)


def _forbidden_part(name: str) -> list[Refusal]:
    """Parts whose mere presence refuses the file: code, links to other files or data sources."""
    lower = name.lower()
    base = posixpath.basename(lower)
    if (base.startswith("vbaproject") and base.endswith(".bin")) or lower.startswith(("xl/macrosheets/", "xl/activex/")):
        return [Refusal(name, 0, 0, MACRO[0].format(evidence=name), MACRO[1])]
    if lower.startswith(("xl/externallinks/", "xl/querytables/")) or lower == "xl/connections.xml":
        return [Refusal(name, 0, 0, EXTERNAL[0].format(evidence=name), EXTERNAL[1])]
    return []


def _unique(found: list[Refusal]) -> list[Refusal]:
    """One refusal per message and place (a macro workbook shows its evidence once per part)."""
    return list({(r.place, r.row, r.column, r.message): r for r in found}.values())


def _looks_like_xml(head: bytes) -> bool:
    """True for anything an XML parser could read: '<' after byte-order marks, blanks or the NULs of
    UTF-16/UTF-32, or EBCDIC '<?xm'. Anything else (images, printer settings) no XML parser accepts."""
    return head.lstrip(b"\x00\t\n\r \xef\xbb\xbf\xfe\xff")[:1] == b"<" or head.startswith(b"\x4c\x6f\xa7\x94")


def _true(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true")


def _zero(value: str | None) -> bool:
    try:
        return value is not None and float(value) == 0
    except ValueError:
        return False


def _column_index(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(rels_part: str, target: str) -> str:
    """The zip member a relationship points at, resolved as openpyxl does (get_dependents)."""
    if target.startswith("/"):
        return target[1:]
    parent = posixpath.split(posixpath.dirname(rels_part))[0]
    return posixpath.normpath(posixpath.join(parent, target))


class _PackageScan:
    """Streams every XML part once. Package parts go first, so sheets are named by their tab."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.found: list[Refusal] = []
        self.elements = 0                                   # over all parts, against MAX_ELEMENTS
        self.by_kind = dict.fromkeys(MAX_BY_KIND, 0)         # elements so far, against MAX_BY_KIND
        self.streamed: set[str] = set()                     # worksheets: openpyxl reads them row by row
        self.shared_strings: set[str] = set()               # parts declared as the shared strings
        self.rels: dict[str, dict[str, tuple[str, str]]] = {}   # .rels part -> Id -> (Type, Target)
        self.workbooks: set[str] = set()                    # parts declared as the workbook
        self.places: dict[str, str] = {}                    # worksheet part -> sheet name

    def run(self) -> list[Refusal]:
        infos = [i for i in self.archive.infolist() if not i.is_dir()]
        package = [i for i in infos if i.filename == "[Content_Types].xml" or i.filename.endswith(".rels")]
        for info in package:
            self.scan(info)
        for rel_type, target in self.rels.get("_rels/.rels", {}).values():
            if rel_type.endswith("/officeDocument"):
                self.workbooks.add(_resolve("_rels/.rels", target))
        self.streamed = self._worksheets()
        rest = [i for i in infos if i not in package]
        rest.sort(key=lambda i: i.filename not in self.workbooks)   # workbooks first: they name the sheets
        for info in rest:
            if self.elements > MAX_ELEMENTS or any(self.by_kind[k] > MAX_BY_KIND[k] for k in MAX_BY_KIND):
                break
            self.scan(info)
        return _unique(self.found)

    def scan(self, info: zipfile.ZipInfo) -> None:
        """Stream one member through expat. Legacy VML (notes' shapes) is loose HTML-like XML that
        no reader here parses, so only a DOCTYPE refuses it, not a syntax error."""
        part = _Part(self, info.filename)
        try:
            with self.archive.open(info) as stream:
                data = stream.read(CHUNK)
                if not _looks_like_xml(data):
                    return
                fed = 0
                while data:
                    part.parser.Parse(data, False)
                    fed += len(data)
                    part.check_token(fed)
                    data = stream.read(CHUNK)
                part.parser.Parse(b"", True)
        except _Stop as stop:
            self.found.append(stop.refusal)
        except expat.ExpatError as exc:
            if not info.filename.lower().endswith(".vml"):
                self.found.append(part.broken(exc))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, UnicodeError) as exc:   # a damaged member
            self.found.append(Refusal(part.place, 0, 0, f"ไฟล์ .xlsx เสียหาย อ่านส่วน `{info.filename}` ไม่ได้ ({exc})",
                                      "เปิดด้วย Excel แล้วบันทึกใหม่ " + OR_REMAKE))
        finally:
            self.elements += part.count
            self.by_kind[part.kind] += part.count

    def _worksheets(self) -> set[str]:
        """Parts openpyxl streams: worksheet targets of a workbook, unless the same part is also
        loaded whole as something else (styles and properties by fixed path, shared strings and the
        workbook by content type, anything by another relationship, e.g. a chartsheet)."""
        whole = {"xl/styles.xml", "docProps/core.xml", "docProps/custom.xml", "[Content_Types].xml",
                 *self.workbooks, *self.shared_strings}
        sheets = set()
        for workbook in self.workbooks:
            rels_part = _rels_part(workbook)
            for rel_type, target in self.rels.get(rels_part, {}).values():
                if rel_type.endswith("/worksheet"):
                    sheets.add(_resolve(rels_part, target))
        other = {_resolve(rels_part, target) for rels_part, rels in self.rels.items()
                 for rel_type, target in rels.values() if not rel_type.endswith("/worksheet")}
        return {s for s in sheets - whole - other if not s.endswith(".rels")}


class _Part:
    """The expat handlers for one XML part; state is the current row and cell of a sheet."""

    def __init__(self, scan: _PackageScan, member: str):
        self.scan, self.member = scan, member
        self.place = scan.places.get(member, member)
        self.kind = ("sheet" if member in scan.streamed else "strings" if member in scan.shared_strings
                     else "loaded")
        self.budget, self.limit = MAX_ELEMENTS - scan.elements, MAX_ELEMENTS
        if MAX_BY_KIND[self.kind] - scan.by_kind[self.kind] < self.budget:
            self.budget, self.limit = MAX_BY_KIND[self.kind] - scan.by_kind[self.kind], MAX_BY_KIND[self.kind]
        self.count = 0                        # elements so far
        self.depth = 0                        # elements open now
        self.text = 0                         # characters since the last start tag
        self.row = self.col = 0
        self.row_hidden = False
        self.hidden_cols: list[tuple[int, int]] = []
        self.reported: set[tuple[int, int]] = set()     # (row, 0) hidden row, (0, col) hidden column
        self.findings = 0
        self.sheets = 0                       # <sheet> entries of a workbook part
        self.dispatch = {f"{ns} {local}": handler for ns in MAIN_NS for local, handler in (
            ("row", self.on_row), ("c", self.on_cell), ("v", self.on_value), ("is", self.on_value),
            ("f", self.on_formula), ("col", self.on_col), ("sheet", self.on_sheet),
            ("externalReference", self.on_external_reference))}
        self.dispatch.update({f"{REL_NS} Relationship": self.on_relationship,
                              f"{CT_NS} Override": self.on_content_type, f"{CT_NS} Default": self.on_content_type})
        p = self.parser = expat.ParserCreate(namespace_separator=" ")
        p.buffer_text, p.buffer_size = True, CHUNK
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartDoctypeDeclHandler = self.on_doctype
        p.EntityDeclHandler = self.on_doctype           # unreachable behind the DOCTYPE; a second lock
        p.StartElementHandler = self.on_start
        p.EndElementHandler = self.on_end
        p.CharacterDataHandler = self.on_text

    # ---- limits and damage: each ends the part's scan

    def stop(self, message: str, hint: str, row: int = 0, column: int = 0) -> _Stop:
        return _Stop(Refusal(self.place, row, column, message, hint))

    def where(self) -> str:
        return f"ส่วน `{self.member}`" + (f" (แผ่นงาน {self.place})" if self.place != self.member else "")

    def on_doctype(self, *_args) -> None:
        raise self.stop(f"{self.where()} มีการประกาศ DOCTYPE/ENTITY ซึ่ง Excel ไม่เขียน "
                        "(ลักษณะของไฟล์ที่สร้างมาโจมตี เช่น entity bomb) จึงไม่อ่านต่อ", REMAKE)

    def check_token(self, fed: int) -> None:
        """After a chunk: expat waits at the start of an unfinished token; refuse a huge one."""
        if fed - self.parser.CurrentByteIndex > MAX_TOKEN:
            raise self.stop(f"{self.where()} มีแท็ก XML ยาวเกิน {MAX_TOKEN // MiB} MB (เช่นค่าแอตทริบิวต์ยาวผิดปกติ) "
                            "ซึ่ง Excel ไม่เขียน จึงไม่อ่านต่อ", REMAKE)

    def broken(self, exc: expat.ExpatError) -> Refusal:
        after = f" หลังแถวที่ {self.row:,}" if self.row else ""
        return Refusal(self.place, 0, 0, f"{self.where()} เสียหาย: XML ขาดหรือผิดรูปแบบที่บรรทัด {exc.lineno} "
                       f"ตำแหน่ง {exc.offset}{after} ({expat.ErrorString(exc.code)})",
                       "เปิดไฟล์ด้วย Excel แล้วบันทึกใหม่ (Excel ซ่อมไฟล์ให้ถ้าทำได้) " + OR_REMAKE)

    def on_start(self, name: str, attrs: dict) -> None:
        self.count += 1
        if self.count > self.budget:
            raise self.stop(f"ไฟล์มีโครงสร้าง XML มากเกินไป (เกิน {self.limit:,} องค์ประกอบ ที่{self.where()})",
                            "ลบแถว คอลัมน์ หรือแผ่นงานที่ไม่ใช้ " + OR_REMAKE)
        self.text = 0
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.stop(f"{self.where()} มีองค์ประกอบ XML ซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น ซึ่ง Excel ไม่เขียน "
                            "จึงไม่อ่านต่อ", REMAKE)
        handler = self.dispatch.get(name)
        if handler is not None:
            handler(attrs)

    def on_end(self, _name: str) -> None:
        self.depth -= 1

    def on_text(self, data: str) -> None:
        self.text += len(data)
        if self.text > MAX_TEXT:
            raise self.stop(f"มีข้อความยาวเกิน {MAX_TEXT:,} ตัวอักษร (ขีดจำกัดของช่องใน Excel) ที่{self.where()}",
                            "ข้อมูลในแบบฟอร์มเป็นข้อความสั้น ๆ: ลบข้อความที่ยาวผิดปกติ", self.row, self.col)

    # ---- sheets: rows, cells, formulas, hidden rows and columns

    def on_row(self, attrs: dict) -> None:
        if "r" in attrs:
            try:
                number = float(attrs["r"])
            except ValueError:
                raise self.stop(f"เลขแถว `{attrs['r'][:20]}` ผิดรูปแบบ ที่{self.where()}", "เปิดด้วย Excel แล้วบันทึกใหม่") from None
            self.row = int(number) if number.is_integer() and abs(number) < 2 ** 31 else MAX_ROW + 1
        else:
            self.row += 1
        self.col = 0
        if self.row > MAX_ROW:
            raise self.stop(f"แผ่นงานมีแถวถึงแถวที่ {self.row:,} เกิน {MAX_DATA_ROWS:,} แถวข้อมูลที่นำเข้าได้ จึงหยุดอ่านที่นี่",
                            "ทำเนียบของอำเภอมีไม่ถึงจำนวนนี้: ลบแถวด้านล่างที่ไม่ใช่รายชื่อ (รวมแถวว่างที่จัดรูปแบบไว้) "
                            "แล้วบันทึกใหม่", min(self.row, 1_048_576))
        self.row_hidden = _true(attrs.get("hidden")) or _zero(attrs.get("ht"))

    def on_col(self, attrs: dict) -> None:
        if _true(attrs.get("hidden")) or _zero(attrs.get("width")):
            try:
                self.hidden_cols.append((int(attrs.get("min", "0")), int(attrs.get("max", "0"))))
            except ValueError:
                pass                              # openpyxl refuses it later; nothing can be hidden by it

    def on_cell(self, attrs: dict) -> None:
        match = CELL_REF.fullmatch(attrs.get("r") or "")
        self.col = _column_index(match[1]) if match else self.col + 1
        if self.col > MAX_COLUMN:
            raise self.stop(f"มีช่องที่คอลัมน์ {column_letter(self.col)} ซึ่งเกินคอลัมน์ {column_letter(MAX_COLUMN)} "
                            "ที่นำเข้าได้ จึงหยุดอ่านที่นี่",
                            "ลบคอลัมน์ทางขวาที่ไม่ใช้ (เลือกคอลัมน์ > ลบ) แล้วบันทึกใหม่", self.row, self.col)

    def report(self, key: tuple[int, int], message: str, hint: str, row: int, column: int) -> None:
        if key in self.reported:
            return
        self.reported.add(key)
        self.findings += 1
        if self.findings > MAX_REPORTED:
            raise self.stop(f"พบสูตรหรือข้อมูลที่ซ่อนอยู่มากกว่า {MAX_REPORTED} แห่ง ที่{self.where()} (แสดงเฉพาะ "
                            f"{MAX_REPORTED} แห่งแรก)", hint)
        self.scan.found.append(Refusal(self.place, row, column, message, hint))

    def on_value(self, _attrs: dict) -> None:
        if self.row_hidden:
            self.report((self.row, 0), f"แถวที่ {self.row:,} ถูกซ่อนอยู่และมีข้อมูล (ซ่อนเองหรือซ่อนด้วยตัวกรอง) "
                        "โปรแกรมไม่นำเข้าข้อมูลที่มองไม่เห็น",
                        "เลือกแถวรอบ ๆ แล้วคลิกขวา > ยกเลิกการซ่อน (Unhide) หรือล้างตัวกรอง (Clear Filter) "
                        "ตรวจข้อมูล แล้วบันทึกใหม่ หรือลบแถวนั้น", self.row, 0)
        elif any(low <= self.col <= high for low, high in self.hidden_cols):
            letter = column_letter(self.col)
            self.report((0, self.col), f"คอลัมน์ {letter} ถูกซ่อนอยู่และมีข้อมูล เช่นช่อง {letter}{self.row} "
                        "โปรแกรมไม่นำเข้าข้อมูลที่มองไม่เห็น",
                        "เลือกคอลัมน์รอบ ๆ แล้วคลิกขวา > ยกเลิกการซ่อน (Unhide) ตรวจข้อมูล แล้วบันทึกใหม่ "
                        "หรือลบคอลัมน์นั้น", self.row, self.col)

    def on_formula(self, _attrs: dict) -> None:
        self.report((self.row, self.col), "ช่องนี้เป็นสูตร ไม่ใช่ค่าที่พิมพ์ไว้ (ค่าที่เห็นคือผลที่ Excel คำนวณเก็บไว้ "
                    "ซึ่งอาจมาจากไฟล์อื่น) แบบฟอร์มที่นำเข้าต้องไม่มีสูตร",
                    "เลือกช่อง คัดลอก แล้ววางแบบค่า (Paste Special > Values) แล้วบันทึกใหม่", self.row, self.col)

    # ---- the workbook and the package: sheet names, hidden sheets, links, macros

    def on_sheet(self, attrs: dict) -> None:
        name = attrs.get("name", "")
        self.sheets += 1
        if self.sheets > MAX_SHEETS:
            raise self.stop(f"ไฟล์มีแผ่นงานเกิน {MAX_SHEETS} แผ่น (แบบฟอร์มมี 4 แผ่น)", "ลบแผ่นงานที่ไม่ใช้ " + OR_REMAKE)
        rid = next((attrs[k] for k in R_ID if k in attrs), None)
        rels_part = _rels_part(self.member)
        rel = self.scan.rels.get(rels_part, {}).get(rid)
        if rel is not None and name:
            self.scan.places.setdefault(_resolve(rels_part, rel[1]), name)
        state = attrs.get("state", "visible")
        if state != "visible":
            very = state == "veryHidden"
            self.scan.found.append(Refusal(name or self.member, 0, 0,
                                           f"แผ่นงาน `{name}` ถูกซ่อนไว้{'แบบลึก (veryHidden)' if very else ''} "
                                           "แบบฟอร์มที่นำเข้าต้องไม่มีแผ่นงานที่มองไม่เห็น",
                                           REMAKE if very else
                                           "คลิกขวาที่แถบแผ่นงาน > ยกเลิกการซ่อน (Unhide) ตรวจข้อมูล "
                                           "แล้วบันทึกใหม่ หรือลบแผ่นงานนั้น"))

    def on_external_reference(self, _attrs: dict) -> None:
        self.scan.found.append(Refusal(self.member, 0, 0, EXTERNAL[0].format(evidence="externalReference"), EXTERNAL[1]))

    def on_relationship(self, attrs: dict) -> None:
        rel_type, target = attrs.get("Type", ""), attrs.get("Target", "")
        if self.member.endswith(".rels"):
            self.scan.rels.setdefault(self.member, {})[attrs.get("Id", "")] = (rel_type, target)
        if rel_type.endswith(("/externalLink", "/externalLinkPath")):
            self.scan.found.append(Refusal(self.member, 0, 0, EXTERNAL[0].format(evidence=target[:200]), EXTERNAL[1]))
        elif rel_type.lower().endswith(("/vbaproject", "/activexcontrol", "/xlmacrosheet", "/xlintlmacrosheet")):
            self.scan.found.append(Refusal(self.member, 0, 0, MACRO[0].format(evidence=target[:200]), MACRO[1]))

    def on_content_type(self, attrs: dict) -> None:
        content_type = attrs.get("ContentType", "")
        part = attrs.get("PartName", "").lstrip("/")
        if any(mark in content_type.lower() for mark in MACRO_MARKS):
            self.scan.found.append(Refusal(part or self.member, 0, 0, MACRO[0].format(evidence=content_type[:200]), MACRO[1]))
        elif content_type in WORKBOOK_TYPES:
            self.scan.workbooks.add(part or "xl/workbook.xml")
        elif content_type == SHARED_STRINGS_TYPE:
            self.scan.shared_strings.add(part)
