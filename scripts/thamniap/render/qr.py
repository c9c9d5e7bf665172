"""QR codes as SVG (qrcode package), pointing at absolute URLs built from `site_url`."""
from __future__ import annotations

import io
from functools import lru_cache

import qrcode
import qrcode.image.svg


@lru_cache(maxsize=1024)     # the same address gives the same code: `mkdocs serve` rebuilds make them once
def qr_svg(url: str) -> str:
    """A scalable SVG QR code for URL (error correction M: survives a smudged printout)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4,
                         image_factory=qrcode.image.svg.SvgPathFillImage)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out)
    return out.getvalue().decode("utf-8")
