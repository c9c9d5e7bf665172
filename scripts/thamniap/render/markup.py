"""Escaping and Thai formatting for generated pages: every value from data goes through here."""
from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

from thamniap.core.national_id import mask_national_ids
from thamniap.core.phones import format_phone, normalise_phone

# Python-Markdown's escapable characters (ESCAPED_CHARS, plus "|" from the tables extension);
# "<", ">" and "&" are HTML-escaped instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def h(value) -> str:
    """Escape for HTML text and attribute values (quotes included); national IDs masked."""
    return html.escape(mask_national_ids("" if value is None else str(value)), quote=True)


def md(value) -> str:
    """Escape a data value for Markdown text: HTML-escape, then backslash every Markdown special.

    `<img onerror>` becomes text, `[x](javascript:…)` is no link, `{: onclick }` no attribute,
    `|` does not split a table cell, `#`/`*` do nothing. Newlines cannot occur (one-line rule),
    but are folded anyway so a value can never start a new block. National IDs are masked.
    """
    text = mask_national_ids(" ".join(("" if value is None else str(value)).split()))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def json_data(value) -> str:
    """A JSON file for the site's scripts: every string (keys too) with national IDs masked, and
    ``<``, ``>``, ``&`` written as ``\\u003c`` … so the text stays inert even if pasted into HTML.
    The scripts put these values into the page as text (textContent), never as HTML."""
    def masked(v):
        if isinstance(v, str):
            return mask_national_ids(v)
        if isinstance(v, dict):
            return {masked(k): masked(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [masked(x) for x in v]
        return v
    text = json.dumps(masked(value), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http, https, mailto or tel; otherwise None (never a javascript: link)."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in SAFE_SCHEMES else None


def link(url: str | None, text: str) -> str:
    """An HTML link to a safe URL, or the escaped text alone."""
    safe = safe_url(url)
    return f'<a href="{h(safe)}">{h(text)}</a>' if safe else h(text)


def phone_display(phone: str | None) -> str:
    if not phone:
        return ""
    try:
        return format_phone(phone)
    except ValueError:
        return phone


def tel_url(phone: str) -> str | None:
    try:
        digits = normalise_phone(phone)
    except ValueError:
        return None
    return "tel:+66" + digits[1:] if digits.startswith("0") else "tel:" + digits


OSM_ZOOM = 16   # the office and the streets around it


def map_url(location: str | None) -> str | None:
    """An OpenStreetMap link with a marker at LOCATION ("lat, lon" as written), or None.

    A plain link: nothing is loaded from openstreetmap.org until the reader follows it. The zoom is a
    query parameter, not the usual ``#map=16/lat/lon``: there the two numbers joined by "/" can read as
    a 13-digit national ID, which h() masks (and so breaks the link)."""
    if not location or "," not in location:
        return None
    lat, lon = (part.strip() for part in location.split(",", 1))
    if not all(re.fullmatch(r"-?[0-9]{1,3}\.[0-9]+", part) for part in (lat, lon)):
        return None
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}&zoom={OSM_ZOOM}"


CARDS = "tn-cards"                 # a table's class: one card per row on a phone (see table)
_TAG = re.compile(r"<[^>]*>")        # markup inside an (escaped) header cell, left out of its label


def table(headers: list[str], rows: list[list[str]], row_ids: list[str | None] | None = None,
          cls: str = "") -> str:
    """An HTML table; cells are ALREADY escaped HTML. A raw HTML block: Markdown leaves it alone.
    With the class CARDS (thamniap.css) a phone shows each row as a card: every cell after the
    first names its column (data-label, the header's text)."""
    out = [f'<table class="{h(cls)}">' if cls else "<table>", "<thead><tr>"]
    out += [f"<th>{c}</th>" for c in headers]
    out.append("</tr></thead><tbody>")
    labels = [""] + [f' data-label="{_TAG.sub("", c)}"' for c in headers[1:]] if CARDS in cls.split() else []
    for i, row in enumerate(rows):
        rid = row_ids[i] if row_ids else None
        out.append(f'<tr id="{h(rid)}">' if rid else "<tr>")
        out += [f"<td{labels[j] if j < len(labels) else ''}>{c}</td>" for j, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def badge(text: str, kind: str) -> str:
    return f'<span class="tn-badge tn-badge--{h(kind)}">{h(text)}</span>'


SAMPLE_NOTICE = ('<div class="admonition warning tn-sample" role="note"><p class="admonition-title">ข้อมูลตัวอย่าง</p>'
                 "<p>รายชื่อบุคคลในหน้านี้เป็น<strong>ข้อมูลสมมุติ</strong>สำหรับทดลองระบบ ไม่ใช่บุคคลจริง "
                 "ชื่อจังหวัด อำเภอ และตำบลเป็นข้อมูลทางการ</p></div>")
