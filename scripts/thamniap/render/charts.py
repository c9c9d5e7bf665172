"""Static SVG charts for the dashboard, made at build time from a :class:`ProvinceSummary`.

Each function returns SVG text: no chart library, no script, no external reference (only the
SVG namespace). Text uses ``font-family: Sarabun, sans-serif`` so the site's self-hosted face
applies when the SVG is inlined in a page, and ``currentColor`` so it follows the page's text
colour (light or dark scheme, print). Every series has a fill pattern as well as a colour, and
every value is also written as a number, so nothing depends on colour alone. Each chart has
``role="img"``, a Thai ``aria-label`` and ``<title>``, and a ``<desc>`` listing its numbers.

Output is deterministic: the same summary gives the same bytes (fixed ids, fixed number format).
Ids are prefixed per chart (``id_prefix``) so several charts can be inlined in one page.
"""
from __future__ import annotations

import re
import unicodedata

from thamniap.core.dates import thai_date
from thamniap.derive.dashboard import ProvinceSummary, Status

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "Sarabun, sans-serif"
WIDTH = 440                  # design width; the SVG scales down (viewBox) on narrow screens
FONT_SIZE = 14

# colour (distinct for common colour-vision deficiencies) + pattern kind (distinct in greyscale)
STATUS_STYLE = {Status.ON_TIME: ("#1b7837", "solid"), Status.LATE: ("#e08214", "stripes"),
                Status.NOT_YET: ("#bdbdbd", "dots")}
METRICS = (  # (DistrictStatus property, Thai label, colour, pattern)
    ("pct_villages_with_4", "หมู่บ้านที่มี อช. อย่างน้อย 4 คน", "#2166ac", "solid"),
    ("pct_subdistricts_with_2_leaders", "ตำบลที่มีผู้นำ อช. ชาย 1 หญิง 1", "#9970ab", "stripes"),
    ("pct_posts_filled", "ตำแหน่งกรรมการชมรมที่มีผู้ดำรงตำแหน่ง", "#35978f", "dots"),
)
MEN_STYLE, WOMEN_STYLE = ("#4575b4", "solid"), ("#f4a582", "stripes")

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# ---------------------------------------------------------------- helpers

def esc(text: object) -> str:
    """Text safe inside an XML element or a double-quoted attribute (characters XML forbids are dropped)."""
    s = _XML_INVALID.sub("", str(text))
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def num(value: float) -> str:
    """A coordinate: at most 1 decimal, no trailing zeros ('12', '12.5')."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def count(n: int) -> str:
    return f"{n:,}"


def pct_text(pct: int | None) -> str:
    return "ไม่มีข้อมูล" if pct is None else f"{pct}%"


def text_width(text: str, size: float) -> float:
    """Rough rendered width: Thai marks above/below a consonant take no space."""
    chars = sum(1 for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn")
    return chars * size * 0.58


def fit(text: str, size: float, max_width: float) -> str:
    """TEXT cut with '…' to about MAX_WIDTH (never between a consonant and its vowel/tone marks)."""
    if text_width(text, size) <= max_width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch, size) > max_width - size * 0.58 and not unicodedata.combining(ch) \
                and unicodedata.category(ch) != "Mn":
            return out + "…"
        out += ch
    return out


_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _fill_id(prefix: str, key: str) -> str:
    if not _ID.fullmatch(prefix):
        raise ValueError(f"id_prefix must be letters, digits, '-' or '_': {prefix!r}")
    return f"{prefix}-{key}"


def _pattern(pid: str, colour: str, kind: str) -> str:
    """A fill for one series: a flat colour, or colour with white stripes / dots that survive greyscale."""
    if kind == "solid":
        return ""
    if kind == "stripes":
        mark = '<path d="M0 0 L0 6" stroke="#ffffff" stroke-width="2.2"/>'
        transform = ' patternTransform="rotate(45)"'
    else:
        mark = '<circle cx="3" cy="3" r="1.3" fill="#1a1a1a"/>'
        transform = ""
    return (f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse"{transform}>'
            f'<rect width="6" height="6" fill="{colour}"/>{mark}</pattern>')


def _fill(pid: str, colour: str, kind: str) -> str:
    return colour if kind == "solid" else f"url(#{pid})"


def _defs(patterns: list[str]) -> str:
    body = "".join(p for p in patterns if p)
    return f"<defs>{body}</defs>" if body else ""


def _svg(width: float, height: float, label: str, desc: str, body: str, id_prefix: str) -> str:
    return (f'<svg xmlns="{SVG_NS}" viewBox="0 0 {num(width)} {num(height)}" role="img" '
            f'aria-label="{esc(label)}" font-family="{FONT}" font-size="{FONT_SIZE}" fill="currentColor" '
            f'class="thamniap-chart" id="{esc(id_prefix)}" '
            f'style="width:100%;max-width:{num(width)}px;height:auto">'
            f'<title>{esc(label)}</title><desc>{esc(desc)}</desc>{body}</svg>\n')


def _value_text(x: float, y: float, text: str, anchor: str = "middle") -> str:
    """A number drawn over a bar: dark text with a white halo, readable on any fill."""
    return (f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" dominant-baseline="central" '
            f'fill="#000000" stroke="#ffffff" stroke-width="3" paint-order="stroke" '
            f'font-weight="bold">{esc(text)}</text>')


def _swatch(x: float, y: float, fill: str) -> str:
    return (f'<rect x="{num(x)}" y="{num(y)}" width="14" height="14" fill="{fill}" '
            f'stroke="currentColor" stroke-width="0.75"/>')


def _legend(items: list[tuple[str, str]], y: float, width: float, x0: float = 0) -> tuple[str, float]:
    """Swatch + label items flowing left to right, wrapping; returns (svg, height used)."""
    parts, x, row = [], x0, 0
    for fill, label in items:
        w = 20 + text_width(label, FONT_SIZE) + 18
        if x > x0 and x + w > width:
            x, row = x0, row + 1
        top = y + row * 22
        parts.append(_swatch(x, top, fill))
        parts.append(f'<text x="{num(x + 20)}" y="{num(top + 7)}" dominant-baseline="central">{esc(label)}</text>')
        x += w
    return "".join(parts), (row + 1) * 22


# ---------------------------------------------------------------- charts

def status_bar(summary: ProvinceSummary, id_prefix: str = "chart-status") -> str:
    """One horizontal bar split into districts on time / late / not yet, with legend and numbers."""
    width, bar_h = WIDTH, 36
    counts = summary.status_counts
    total = sum(n for _, n in counts)
    styles = {s: (_fill_id(id_prefix, s.value),) + STATUS_STYLE[s] for s in Status}
    parts = []
    if total == 0:
        parts.append(f'<rect x="0.5" y="0.5" width="{width - 1}" height="{bar_h}" fill="none" stroke="currentColor"/>')
        parts.append(f'<text x="{num(width / 2)}" y="{num(bar_h / 2 + 0.5)}" text-anchor="middle" '
                     f'dominant-baseline="central">ไม่มีข้อมูลอำเภอ</text>')
    else:
        done = 0
        for status, n in counts:
            if n == 0:
                continue
            x0, x1 = width * done / total, width * (done + n) / total
            done += n
            pid, colour, kind = styles[status]
            parts.append(f'<rect x="{num(x0)}" y="0" width="{num(x1 - x0)}" height="{bar_h}" '
                         f'fill="{_fill(pid, colour, kind)}" stroke="#ffffff" stroke-width="1">'
                         f'<title>{esc(status.thai)} {n} อำเภอ</title></rect>')
            if x1 - x0 >= 22:
                parts.append(_value_text((x0 + x1) / 2, bar_h / 2, count(n)))
        parts.append(f'<rect x="0.5" y="0.5" width="{width - 1}" height="{bar_h - 1}" fill="none" '
                     f'stroke="currentColor" stroke-width="1"/>')
    items = [(_fill(*styles[s]), f"{s.thai} {count(n)} อำเภอ") for s, n in counts]
    legend, legend_h = _legend(items, bar_h + 12, width)
    parts.append(legend)
    height = bar_h + 12 + legend_h
    numbers = " ".join(f"{s.thai} {n} อำเภอ" for s, n in counts)
    label = f"สถานะการรายงานโครงสร้างชมรมผู้นำ อช. ของ {total} อำเภอ: {numbers}"
    if summary.deadline:
        label += f" (กำหนดส่ง {thai_date(summary.deadline, short=True)})"
    desc = [label] + [f"{s.thai}: " + ", ".join(d.label for d in summary.districts if d.status is s)
                      for s in (Status.LATE, Status.NOT_YET) if summary.count(s)]
    defs = _defs([_pattern(*styles[s]) for s in Status])
    return _svg(width, height, label, "; ".join(desc), defs + "".join(parts), id_prefix)


NAME_MAX = 120   # widest district-name column; longer names are cut with '…' (full name in <title>)


def _name_column(names: list[str], size: float) -> float:
    return min(max([text_width(n, size) for n in names] + [40]), NAME_MAX) + 10


def _name(x: float, y: float, text: str, size: float, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{num(x)}" y="{num(y)}" text-anchor="end" dominant-baseline="central" '
            f'font-size="{num(size)}"{weight}>{esc(fit(text, size, NAME_MAX))}<title>{esc(text)}</title></text>')


def completeness_chart(summary: ProvinceSummary, id_prefix: str = "chart-completeness") -> str:
    """Per district, three bars: % villages with ≥4 อช., % subdistricts with 2 leaders, % posts filled."""
    rows = summary.districts
    width = WIDTH
    left = _name_column([r.label for r in rows], FONT_SIZE)
    value_w = 70                               # room for "100%" / "ไม่มีข้อมูล" right of a bar
    bar_w = width - left - value_w
    bar_h, gap = 14, 14
    styles = [(_fill_id(id_prefix, str(i)), colour, kind) for i, (_, _, colour, kind) in enumerate(METRICS)]
    items = [(_fill(*styles[i]), label) for i, (_, label, _, _) in enumerate(METRICS)]
    legend, legend_h = _legend(items, 0, width)
    parts = [legend]
    y = legend_h + 8
    # 0 / 50 / 100 % guides
    grid_top = y
    group_h = len(METRICS) * bar_h + gap
    grid_bottom = y + max(len(rows), 1) * group_h - gap
    for frac in (0, 0.5, 1):
        gx = left + bar_w * frac
        parts.append(f'<line x1="{num(gx)}" y1="{num(grid_top - 2)}" x2="{num(gx)}" y2="{num(grid_bottom + 2)}" '
                     f'stroke="currentColor" stroke-opacity="0.35" stroke-width="1"/>')
        parts.append(f'<text x="{num(gx)}" y="{num(grid_bottom + 14)}" text-anchor="middle" '
                     f'font-size="12">{int(frac * 100)}%</text>')
    if not rows:
        parts.append(f'<text x="{num(left)}" y="{num(y + 10)}">ไม่มีข้อมูลอำเภอ</text>')
    desc = []
    for row in rows:
        parts.append(_name(left - 8, y + len(METRICS) * bar_h / 2, row.label, FONT_SIZE))
        values = []
        for i, (attr, label, _, _) in enumerate(METRICS):
            pct = getattr(row, attr)
            by = y + i * bar_h
            if pct:
                parts.append(f'<rect x="{num(left)}" y="{num(by + 1)}" width="{num(bar_w * min(pct, 100) / 100)}" '
                             f'height="{bar_h - 2}" fill="{_fill(*styles[i])}" stroke="currentColor" stroke-width="0.5">'
                             f'<title>{esc(row.label)}: {esc(label)} {esc(pct_text(pct))}</title></rect>')
            end = left + (bar_w * min(pct, 100) / 100 if pct else 0)
            parts.append(f'<text x="{num(end + 4)}" y="{num(by + bar_h / 2)}" dominant-baseline="central" '
                         f'font-size="12">{esc(pct_text(pct))}</text>')
            values.append(f"{label} {pct_text(pct)}")
        desc.append(f"อำเภอ{row.label}: " + ", ".join(values))
        y += group_h
    height = grid_bottom + 22
    label = f"ความครบถ้วนของทำเนียบ อช. และคณะกรรมการชมรม รายอำเภอ ({len(rows)} อำเภอ)"
    defs = _defs([_pattern(*s) for s in styles])
    return _svg(width, height, label, "; ".join(desc) or label, defs + "".join(parts), id_prefix)


def gender_chart(summary: ProvinceSummary, per_district: bool = True, id_prefix: str = "chart-gender") -> str:
    """Men vs women (อช. and ผู้นำ อช.): the province total, then each district unless PER_DISTRICT is False."""
    total_label = f"รวมจังหวัด{summary.name}" if summary.name else "รวมทั้งจังหวัด"
    rows = [(total_label, summary.men, summary.women)]
    if per_district:
        rows += [(d.label, d.men, d.women) for d in summary.districts]
    width = 400
    left = _name_column([name for name, _, _ in rows], 13)
    bar_w = width - left
    bar_h, gap = 18, 5
    men_id, women_id = _fill_id(id_prefix, "men"), _fill_id(id_prefix, "women")
    men_fill, women_fill = _fill(men_id, *MEN_STYLE), _fill(women_id, *WOMEN_STYLE)
    legend, legend_h = _legend([(men_fill, f"ชาย {count(summary.men)} คน"),
                                (women_fill, f"หญิง {count(summary.women)} คน")], 0, width)
    parts = [legend]
    y = legend_h + 6
    desc = []
    for i, (name, men, women) in enumerate(rows):
        parts.append(_name(left - 8, y + bar_h / 2, name, 13, bold=i == 0))
        total = men + women
        if total == 0:
            parts.append(f'<rect x="{num(left + 0.5)}" y="{num(y + 0.5)}" width="{num(bar_w - 1)}" height="{bar_h - 1}" '
                         f'fill="none" stroke="currentColor" stroke-width="0.5"/>')
            parts.append(f'<text x="{num(left + 6)}" y="{num(y + bar_h / 2)}" dominant-baseline="central" '
                         f'font-size="11">ไม่มีข้อมูล</text>')
        else:
            split = bar_w * men / total
            for x0, w, fill, n, who in ((left, split, men_fill, men, "ชาย"),
                                        (left + split, bar_w - split, women_fill, women, "หญิง")):
                if w <= 0:
                    continue
                parts.append(f'<rect x="{num(x0)}" y="{num(y)}" width="{num(w)}" height="{bar_h}" fill="{fill}" '
                             f'stroke="#ffffff" stroke-width="1"><title>{esc(name)}: {who} {n} คน</title></rect>')
            parts.append(_value_text(left + 4, y + bar_h / 2, count(men), "start") if men else "")
            parts.append(_value_text(left + bar_w - 4, y + bar_h / 2, count(women), "end") if women else "")
        desc.append(f"{name}: ชาย {men} คน หญิง {women} คน")
        y += bar_h + gap + (6 if i == 0 and len(rows) > 1 else 0)
    height = y
    label = (f"จำนวน อช. และผู้นำ อช. ชายและหญิง{' รายอำเภอ' if per_district else ''}: "
             f"ชาย {summary.men} คน หญิง {summary.women} คน")
    defs = _defs([_pattern(men_id, *MEN_STYLE), _pattern(women_id, *WOMEN_STYLE)])
    return _svg(width, height, label, "; ".join(desc), defs + "".join(parts), id_prefix)
