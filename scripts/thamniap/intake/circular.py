"""The circular as an official Thai letter, from its text exactly as received (Thai digits kept)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from thamniap.core.dates import THAI_MONTHS
from thamniap.render.markup import h

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


def _lines(text: str) -> str:
    return "<br>".join(h(line) for line in text.splitlines())


def letter_html(letter: Letter, qr_img: str) -> str:
    """A4-shaped HTML (see letter.css): header block, subject lines, body, signature, issuing unit, QR code,
    then the closing attachment line when the text ends with one."""
    body = "".join(f'<p class="tn-letter__para">{h(p)}</p>' for p in letter.opening)
    body += "".join(f'<p class="tn-letter__para tn-letter__item">{h(p)}</p>' for p in letter.items)
    closing = "".join(f'<p class="tn-letter__closing">{h(p)}</p>' for p in letter.closing)
    # the closing attachment line(s) after the issuing unit, as the text ends ("สิ่งที่ส่งมาด้วย"); only
    # what the text holds: the attachment itself is not part of it
    trailer = "".join(f'<p class="tn-letter__trailer">{_lines(p)}</p>\n' for p in letter.trailer)
    return f"""<article class="tn-letter" lang="th" aria-label="หนังสือเวียน">
<div class="tn-letter__head">
<div class="tn-letter__number">ที่ {h(letter.number)}</div>
<div class="tn-letter__place">{"<br>".join(h(p) for p in letter.place)}</div>
</div>
<div class="tn-letter__date">{h(letter.date)}</div>
<p class="tn-letter__line"><span class="tn-letter__label">เรื่อง</span> {h(letter.subject)}</p>
<p class="tn-letter__line"><span class="tn-letter__label">เรียน</span> {h(letter.to)}</p>
<p class="tn-letter__line"><span class="tn-letter__label">สิ่งที่ส่งมาด้วย</span> {h(letter.attachment)}</p>
<div class="tn-letter__body">{body}</div>
<div class="tn-letter__end">
{closing}
<div class="tn-letter__signature">{"".join(f"<p>{_lines(p)}</p>" for p in letter.signature)}</div>
<div class="tn-letter__unit">{"".join(f"<p>{_lines(p)}</p>" for p in letter.unit)}</div>
<div class="tn-letter__qr">{qr_img}</div>
</div>
{trailer}</article>"""
