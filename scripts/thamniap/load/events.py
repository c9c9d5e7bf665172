"""Build a document from libyaml's event stream: no composer, no constructor, no recursion.

Walking the events with an explicit stack lets the builder see what PyYAML's safe_load hides or
resolves silently: anchors, aliases, tags, merge keys, duplicate keys, keys that are not text,
more than one document, nesting too deep, and the position of every node and key. Each is a
located diagnostic; tabs used for indentation and syntax errors get a Thai explanation.
"""
from __future__ import annotations

import re

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from thamniap.core.diagnostics import Diagnostic, error
from thamniap.load.document import BREAK_RE, MAX_DEPTH, Loaded
from thamniap.load.scalars import KIND_EN, KIND_TH, plain, plain_meaning, quoted, shortened

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _tag_text(tag: str) -> str:
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:"):]
    return tag


# ------------------------------------------------------------------- tab indentation

_BLOCK_HEADER_RE = re.compile(r"(?:^|[ \t])[|>][0-9+-]*[ \t]*(?:#.*)?$")


def _tab_indent_lines(text: str) -> list[tuple[int, int, bool]]:
    """(line, column of the first tab, blank line?) for every line whose leading
    whitespace has a tab."""
    out = []
    for i, line in enumerate(BREAK_RE.split(text), 1):
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
    for i, line in enumerate(BREAK_RE.split(text), 1):
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
    ("could not find expected ':'", "หาเครื่องหมาย `:` หลังชื่อช่องไม่พบ",
     "ตรวจว่าทุกบรรทัดเขียนแบบ `ชื่อช่อง: ค่า` (มีช่องว่างหลัง `:`) และย่อหน้าตรงกับบรรทัดอื่นในระดับเดียวกัน"),
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


# --------------------------------------------------------------------------- building

_EXPECT_KEY = object()   # mapping frame waits for a key
_DROP = object()         # the next value of this mapping is not kept (duplicate / bad key)


def build(path: str, text: str) -> Loaded:
    """The document in TEXT (already decoded, no BOM), with every problem YAML itself shows."""
    tabs = _tab_indent_lines(text) if "\t" in text else []
    return _Builder(path, text, tabs).run()


class _Builder:
    """Walks the libyaml event stream with an explicit stack and builds plain Python data.

    A stack frame is ``[container, is_mapping, path, state, record, seen_keys]``: STATE is
    _EXPECT_KEY, _DROP (the next value is not kept) or the key whose value comes next; PATH is
    None where positions are not recorded (a dropped value, a second document).
    """

    def __init__(self, path: str, text: str, tabs: list[tuple[int, int, bool]]):
        self.path = path
        self.text = text
        self.tabs = tabs
        self.diags: list[Diagnostic] = []
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.key_positions: dict[tuple, tuple[int, int]] = {}
        self.scalar_spans: list[tuple[int, int]] = []   # multi-line scalars (only if tabs)
        self.track_spans = bool(tabs)
        self.syntax_line = 0            # line of a libyaml syntax error, 0 if none
        self.stack: list[list] = []
        self.docs = 0                   # documents started so far
        self.record = True              # record positions for the current document (first only)
        self.root = None                # the first document's root node …
        self.root_pos = (1, 1)
        self.root_empty = False         # … and whether it was an empty plain scalar

    # --- diagnostics ---------------------------------------------------------------

    def _err(self, line, col, rule, msg, hint, msg_en, hint_en, related=()):
        self.diags.append(error(self.path, line, col, rule, msg, hint, msg_en, hint_en, related))

    def _ambiguous(self, value: str, kind: str, pos):
        th = KIND_TH[kind]
        hint = f"ถ้าต้องการเก็บเป็นข้อความตามที่เขียน ให้ใส่เครื่องหมายคำพูดครอบ เช่น `{quoted(value)}`"
        hint_en = f"Quote it to keep the text as written, e.g. {quoted(value)}"
        if kind == "bool":
            hint += " (ถ้าต้องการค่าจริง/เท็จ ให้เขียน `true` หรือ `false`)"
            hint_en += " (for a yes/no flag write true or false)"
        self._err(pos[0], pos[1], "yaml.ambiguous-scalar",
                  f"ค่า `{value}` เขียนโดยไม่มีเครื่องหมายคำพูด โปรแกรมอาจอ่านเป็น{th} แทนข้อความที่เขียนไว้",
                  hint,
                  f"Unquoted value `{value}` may be read as {KIND_EN[kind]} instead of the text as written",
                  hint_en)

    def _non_string_key(self, written: str | None, pos, what_th: str, what_en: str):
        if written is None:
            msg = f"ชื่อช่องต้องเป็นข้อความ แต่ที่นี่ใช้{what_th} เป็นชื่อช่อง"
            hint = "เขียนชื่อช่องเป็นข้อความธรรมดา แล้วย้ายข้อมูลไปไว้เป็นค่าของช่องนั้น"
            msg_en = f"Keys must be text, found {what_en} used as a key"
            hint_en = "Use a plain text key."
        else:
            shown = shortened(written) if written else ""
            msg = (f"ชื่อช่อง `{shown}` จะถูกอ่านเป็น{what_th} ไม่ใช่ข้อความ" if written
                   else "มีค่าโดยไม่มีชื่อช่อง (ชื่อช่องว่าง)")
            hint = (f"ใส่เครื่องหมายคำพูดครอบชื่อช่อง เช่น `{quoted(written)}:`" if written
                    else "เติมชื่อช่องหน้าเครื่องหมาย `:`")
            msg_en = (f"Key `{shown}` would be read as {what_en}, not text" if written
                      else "Value without a key (empty key)")
            hint_en = f"Quote the key, e.g. {quoted(written)}:" if written else "Add a key before ':'."
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
        events = yaml.parse(self.text, Loader=_Loader)
        try:
            complete = self._walk(events)
        except yaml.MarkedYAMLError as exc:
            complete = False
            self._syntax(exc)
        except yaml.reader.ReaderError as exc:   # pragma: no cover - pre-scan catches these
            complete = False
            self._err(0, 0, "encoding.control-char", f"อ่านไฟล์ไม่ได้: {exc}",
                      "ลบอักขระที่มองไม่เห็นออก แล้วบันทึกเป็น UTF-8", str(exc), "")
        finally:
            events.close()      # disposes the libyaml parser even when we stop early

        self._report_tabs()
        data = self._document() if complete else None
        self.diags.sort(key=lambda d: (d.line, d.column))
        return Loaded(self.path, data, self.text, self.diags, self.positions, self.key_positions)

    def _walk(self, events) -> bool:
        """Build the document from EVENTS; False when it stopped early (nesting too deep)."""
        stack = self.stack
        scalar = self._scalar
        for ev in events:
            t = type(ev)
            if t is ScalarEvent:
                v, pos, kind, tagged = scalar(ev)
                is_map = None                      # not a new collection
            elif t is MappingStartEvent or t is SequenceStartEvent:
                sm = ev.start_mark
                pos = (sm.line + 1, sm.column + 1)
                if ev.tag is not None or ev.anchor is not None:
                    self._node_props(ev, pos)
                if len(stack) >= MAX_DEPTH:
                    self._too_deep(pos)
                    return False
                is_map = t is MappingStartEvent
                v, kind, tagged = ({} if is_map else []), None, True   # never a typed scalar
            elif t is MappingEndEvent or t is SequenceEndEvent:
                stack.pop()
                continue
            elif t is AliasEvent:
                pos = self._alias(ev)
                v, kind, tagged, is_map = None, None, True, None
            elif t is DocumentStartEvent:
                self._document_start(ev)
                continue
            elif t is StreamEndEvent:
                break
            else:   # StreamStart, DocumentEnd
                continue

            # place v (scalar, alias or new collection) at pos
            if not stack:
                self._attach_root(ev, v, pos, kind, tagged, is_map)
                continue
            frame = stack[-1]
            if not frame[1]:
                self._attach_item(frame, ev, v, pos, kind, is_map)
            elif frame[3] is _EXPECT_KEY:
                self._attach_key(frame, ev, v, pos, kind, tagged, is_map)
            else:
                self._attach_value(frame, ev, v, pos, kind, is_map)
        return True

    # --- one event -------------------------------------------------------------------

    def _scalar(self, ev) -> tuple:
        """(value, position, ambiguity kind or None, explicitly tagged?) of a scalar event."""
        sm = ev.start_mark
        pos = (sm.line + 1, sm.column + 1)
        value = ev.value
        if self.track_spans:
            em = ev.end_mark
            # last line holding scalar text (a block scalar ends at column 0 of the line after
            # its content)
            el = em.line + 1 if em.column else em.line
            if el > sm.line + 1:
                self.scalar_spans.append((sm.line + 1, el))
        if ev.tag is not None or ev.anchor is not None:
            self._node_props(ev, pos)
            return value, pos, None, True          # explicit tag: never typed
        if ev.style:
            return value, pos, None, False
        v, kind = plain(value)
        return v, pos, kind, False

    def _alias(self, ev) -> tuple[int, int]:
        sm = ev.start_mark
        pos = (sm.line + 1, sm.column + 1)
        self._err(pos[0], pos[1], "yaml.alias",
                  f"ใช้การอ้างอิง `*{ev.anchor}` (alias) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้",
                  f"เขียนค่าจริงแทน `*{ev.anchor}`; ถ้าเป็นข้อความที่ขึ้นต้นด้วย `*` "
                  "ให้ใส่เครื่องหมายคำพูดครอบ",
                  f"Alias `*{ev.anchor}` is not allowed",
                  "Write the value out in full; quote text that starts with '*'.")
        return pos

    def _too_deep(self, pos) -> None:
        self._err(pos[0], pos[1], "yaml.too-deep",
                  f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น (เริ่มเกินที่บรรทัด {pos[0]})",
                  "ลดการซ้อนของข้อมูล — ข้อมูลทำเนียบไม่ควรซ้อนลึกขนาดนี้ "
                  "อาจเกิดจากการย่อหน้าผิดหรือวงเล็บ `[` `{` ที่ไม่ได้ปิด",
                  f"Nesting deeper than {MAX_DEPTH} levels",
                  "Flatten the data; check indentation and unclosed brackets.")

    def _document_start(self, ev) -> None:
        self.docs += 1
        if self.docs == 2:
            sm = ev.start_mark
            self._err(sm.line + 1, sm.column + 1, "yaml.multiple-documents",
                      f"ไฟล์นี้มีข้อมูลมากกว่าหนึ่งชุด (ชุดที่ 2 เริ่มที่บรรทัด {sm.line + 1})",
                      "ไฟล์หนึ่งเก็บข้อมูลได้ชุดเดียว: ลบบรรทัด `---` ที่อยู่กลางไฟล์ "
                      "หรือย้ายข้อมูลชุดที่ 2 ไปไว้ในไฟล์ใหม่",
                      f"More than one YAML document (the second starts at line {sm.line + 1})",
                      "Keep one document per file: remove the '---' separator or split the file.")
        self.record = self.docs == 1

    # --- placing a node --------------------------------------------------------------

    def _push(self, container, is_map: bool, path: tuple | None, record: bool) -> None:
        self.stack.append([container, is_map, path, _EXPECT_KEY, record, {} if is_map else None])

    def _attach_root(self, ev, v, pos, kind, tagged, is_map) -> None:
        if self.docs == 1:
            self.root = v
            self.root_pos = pos
            self.root_empty = type(ev) is ScalarEvent and ev.value == "" and not ev.style and not tagged
            if self.record:
                self.positions[()] = pos
        if kind is not None:
            self._ambiguous(ev.value, kind, pos)
        if is_map is not None:
            self._push(v, is_map, (), self.record)

    def _attach_item(self, frame, ev, v, pos, kind, is_map) -> None:
        items = frame[0]
        record = frame[4]
        path = None
        if record:
            path = frame[2] + (len(items),)
            self.positions[path] = pos
        items.append(v)
        if kind is not None:
            self._ambiguous(ev.value, kind, pos)
        if is_map is not None:
            self._push(v, is_map, path, record)

    def _attach_key(self, frame, ev, v, pos, kind, tagged, is_map) -> None:
        """A node in key position: a text key, or a problem (not text, a merge key, a duplicate)."""
        if type(ev) is not ScalarEvent:
            frame[3] = _DROP
            if is_map is not None:
                self._non_string_key(None, pos, "ชุดข้อมูล `{ }`" if is_map else "รายการ `[ ]`",
                                     "a mapping" if is_map else "a sequence")
                self._push(v, is_map, None, False)
            return
        key = ev.value
        if kind is not None:
            if kind == "special" and key == "<<":
                self._err(pos[0], pos[1], "yaml.merge-key",
                          "ใช้ชื่อช่อง `<<` (รวมค่าจากที่อื่น) ซึ่งไม่อนุญาตในไฟล์ข้อมูลนี้",
                          "ลบบรรทัด `<<` ออก แล้วเขียนชื่อช่องและค่าทุกตัวลงไปตรง ๆ",
                          "Merge key `<<` is not allowed",
                          "Write every key and value out in full.")
            else:
                self._non_string_key(key, pos, KIND_TH[kind], KIND_EN[kind])
        elif not tagged and type(v) is not str:
            th, en = plain_meaning(v)
            self._non_string_key(key, pos, th, en)
        seen = frame[5]
        first = seen.get(key)
        if first is not None:
            self._duplicate_key(key, first, pos)
            frame[3] = _DROP
        else:
            seen[key] = pos
            frame[3] = key
            if frame[4]:
                self.key_positions[frame[2] + (key,)] = pos

    def _attach_value(self, frame, ev, v, pos, kind, is_map) -> None:
        """A node in value position: kept under its key, unless the key was dropped."""
        key = frame[3]
        frame[3] = _EXPECT_KEY
        if kind is not None:
            self._ambiguous(ev.value, kind, pos)
        if key is _DROP:
            if is_map is not None:
                self._push(v, is_map, None, False)
            return
        frame[0][key] = v
        record = frame[4]
        path = None
        if record:
            path = frame[2] + (key,)
            self.positions[path] = pos
        if is_map is not None:
            self._push(v, is_map, path, record)

    def _duplicate_key(self, key: str, first, pos) -> None:
        shown = shortened(key)
        if first[0] != pos[0]:
            where = f"บรรทัด {first[0]} และ {pos[0]}"
            where_en = f"lines {first[0]} and {pos[0]}"
        else:   # flow mapping on one line
            where = f"บรรทัด {pos[0]} คอลัมน์ {first[1]} และ {pos[1]}"
            where_en = f"line {pos[0]}, columns {first[1]} and {pos[1]}"
        self._err(pos[0], pos[1], "yaml.duplicate-key",
                  f"ชื่อช่อง `{shown}` ซ้ำกัน ({where})",
                  f"ลบบรรทัดที่ซ้ำออกให้เหลือเพียงบรรทัดเดียว (ตอนนี้ระบบใช้ค่าจากบรรทัด {first[0]})",
                  f"Duplicate key `{shown}` ({where_en})",
                  f"Remove one of them; the value from line {first[0]} is used.",
                  (first,))

    # --- after the loop -------------------------------------------------------------

    def _document(self) -> dict | None:
        """The root mapping of a complete stream; None (and why) when it is empty or not a mapping."""
        if self.docs == 0 or (self.docs == 1 and self.root is None and self.root_empty):
            self._err(1, 1, "yaml.empty",
                      "ไฟล์นี้ว่างเปล่า (ไม่มีข้อมูล หรือมีแต่บรรทัดหมายเหตุที่ขึ้นต้นด้วย `#`)",
                      "เพิ่มข้อมูลในรูปแบบ `ชื่อช่อง: ค่า` หรือลบไฟล์นี้ออก",
                      "The file is empty (or has only comments)",
                      "Add data as 'key: value' lines or delete the file.")
            self.positions.clear()
            return None
        if type(self.root) is dict:
            return self.root
        what = "รายการ (บรรทัดขึ้นต้นด้วย `-`)" if type(self.root) is list else "ค่าเดี่ยว"
        what_en = "a list" if type(self.root) is list else "a single value"
        self._err(self.root_pos[0], self.root_pos[1], "yaml.root-not-mapping",
                  f"ข้อมูลทั้งไฟล์ต้องเป็นชุด `ชื่อช่อง: ค่า` แต่ไฟล์นี้เป็น{what}",
                  "เขียนข้อมูลในรูปแบบ `ชื่อช่อง: ค่า` ทีละบรรทัด ตามตัวอย่างในคู่มือ",
                  f"The top level must be a mapping of 'key: value' pairs, found {what_en}",
                  "Write the file as 'key: value' lines, as in the guide.")
        return None

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
