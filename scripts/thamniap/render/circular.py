"""The circular as an official Thai letter on the page (the parts come from intake/circular.py)."""
from __future__ import annotations

from thamniap.intake.circular import Letter
from thamniap.render.markup import h


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
