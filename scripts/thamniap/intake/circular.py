"""The circular's text, as received (Thai digits kept), split into the parts of an official Thai letter.

render/circular.py lays the parts out as a page."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from thamniap.core.dates import THAI_MONTHS

ITEM = re.compile(r"^[๑-๙]+\.")
MONTH = re.compile("(" + "|".join(THAI_MONTHS) + r") [๐-๙0-9]{4}$")


@dataclass
class Letter:
    number: str = ""
    place: list[str] = field(default_factory=list)
    date: str = ""
    subject: str = ""
    to: str = ""
    attachment: str = ""
    opening: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    unit: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)


def parse_letter(text: str) -> Letter:
    """Split the letter into its parts by the conventional lead words of a Thai official letter."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    letter = Letter()
    stage = "head"
    for para in paragraphs:
        first = para.splitlines()[0]
        if para.startswith("ที่ ") and not letter.number:
            letter.number = para[len("ที่ "):]
        elif para.startswith("เรื่อง "):
            letter.subject, stage = para[len("เรื่อง "):], "body"
        elif para.startswith("เรียน "):
            letter.to = para[len("เรียน "):]
        elif para.startswith("สิ่งที่ส่งมาด้วย") and stage == "body" and not letter.attachment and not letter.opening:
            letter.attachment = para[len("สิ่งที่ส่งมาด้วย"):].strip()
        elif stage == "head":
            # place lines, then the date line (day, Thai month name, Buddhist-era year)
            if MONTH.search(first) and not letter.date and letter.place:
                letter.date = para
            else:
                letter.place.append(para)
        elif ITEM.match(para) and stage == "body":
            letter.items.append(para)
        elif stage == "body" and not letter.items:
            letter.opening.append(para)
        elif para.startswith("จึงเรียนมา") or para.startswith("ขอแสดงความนับถือ"):
            letter.closing.append(para)
            stage = "closing"
        elif stage == "closing" and para.startswith("("):
            letter.signature.append(para)
            stage = "signature"
        elif stage == "signature" and not para.startswith("สำนักงาน"):
            letter.signature.append(para)
        elif stage in ("signature", "unit") and para.startswith("สิ่งที่ส่งมาด้วย"):
            letter.trailer.append(para)
        elif stage in ("signature", "unit"):
            letter.unit.append(para)
            stage = "unit"
        else:
            letter.items.append(para)
    return letter
