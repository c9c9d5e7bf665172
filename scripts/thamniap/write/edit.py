"""A changed document written back into its data file as the smallest line edit.

The file is read with the project's strict loader (`read_document`); the caller changes the document
(only what it means to change); `edit_text` writes the new document in the house style (style.py) and
keeps every line of the old file whose content did not change, with its comments (lineedit.py). The
result must read back as exactly the changed document, else nothing is written (EditRefused). The
report bot and new-round edit files this way; import-xlsx, which builds whole new file texts, uses
`edit_into` (and writes the new text whole where the edit would not read the same).
"""
from __future__ import annotations

from thamniap.load.loader import load_bytes
from thamniap.write.lineedit import minimal_edit
from thamniap.write.style import house_text


class EditRefused(Exception):
    """The file cannot be edited as asked (Thai message, for an official)."""


def read_document(text: str, name: str) -> dict:
    """The document of a data file's TEXT; EditRefused when it does not read cleanly (nothing is edited then)."""
    doc = load_bytes(text.encode("utf-8"), name)
    if not isinstance(doc.data, dict) or any(d.is_error for d in doc.diagnostics):
        raise EditRefused(f"อ่าน {name} ไม่ได้ (มีข้อผิดพลาดอยู่แล้ว) ผู้ดูแลต้องแก้ไฟล์ให้ผ่าน `thamniap validate` ก่อน")
    return doc.data


def line_edit(old: str, doc: dict) -> str:
    """OLD changed line by line into DOC, unchecked; a file with Windows line ends (CRLF) keeps them."""
    return _same_line_ends(old, minimal_edit(old, house_text(doc)))


def _same_line_ends(old: str, edited: str) -> str:
    return edited.replace("\r\n", "\n").replace("\n", "\r\n") if "\r\n" in old else edited


def reads_as(text: str, doc: dict, name: str) -> bool:
    """Whether TEXT reads with the strict loader as exactly DOC."""
    return load_bytes(text.encode("utf-8"), name).data == doc


def edit_into(old: str, new: str, name: str) -> str | None:
    """OLD edited line by line into the whole new file text NEW (a writer's dump); None when the edit
    would not read as the same document as NEW (the caller then writes NEW whole, and says so)."""
    edited = _same_line_ends(old, minimal_edit(old, new))
    return edited if reads_as(edited, load_bytes(new.encode("utf-8"), name).data, name) else None


def edit_text(old: str, doc: dict, name: str) -> str:
    """OLD edited line by line into DOC; EditRefused when the edit would not read as DOC."""
    edited = line_edit(old, doc)
    if not reads_as(edited, doc, name):
        raise EditRefused(f"แก้ {name} เฉพาะบรรทัดที่เปลี่ยนไม่ได้ — ผู้ดูแลต้องแก้ด้วยมือ")
    return edited
