"""The club committee as an organisation chart: plain HTML boxes laid out by CSS (orgchart.css)."""
from __future__ import annotations

from thamniap.model import Club, Person
from thamniap.model.posts import COMMITTEE_POST, post_rank
from thamniap.core.dates import thai_date
from thamniap.render.markup import h

# Rows of the chart, top to bottom; a post not named here (a post added to the schema only) gets its
# box in the committee row, so no seat ever drops off the chart.
ROWS = (("ประธาน",), ("รองประธาน",), ("เลขานุการ", "ผู้ช่วยเลขานุการ", "เหรัญญิก", "ประชาสัมพันธ์", "ปฏิคม", "นายทะเบียน"),
        ("กรรมการ",), ("ที่ปรึกษา",))


def order_text(order_no: str | None, date, by: str | None) -> str:
    """An appointment order as the page writes it (escaped): number, date, then issuer in brackets."""
    if not order_no:
        return ""
    text = f"คำสั่งที่ {h(order_no)} ลงวันที่ {h(thai_date(date))}"
    return text + (f" ({h(by)})" if by else "")


def org_chart(club: Club, people: dict[str, Person], person_href) -> str:
    """HTML for the committee; PERSON_HREF(person) gives the link to a holder's record."""
    rows = []
    laid_out = {post for row_posts in ROWS for post in row_posts}
    ordered = sorted(club.posts, key=lambda p: post_rank(p.post))
    for row_posts in ROWS:
        seats = [p for p in ordered
                 if p.post in row_posts or (COMMITTEE_POST in row_posts and p.post not in laid_out)]
        if not seats:
            continue
        boxes = []
        for seat in seats:
            holder = people.get(seat.holder_id) if seat.holder_id else None
            if seat.vacant or not seat.holder_id:
                who, cls = '<span class="tn-org__vacant">ว่าง</span>', " tn-org__box--vacant"
            elif holder is None:
                who, cls = f'<span class="tn-org__unknown">ไม่พบรหัส {h(seat.holder_id)}</span>', ""
            else:
                who, cls = f'<a href="{h(person_href(holder))}">{h(holder.name)}</a>', ""
            order = order_text(seat.order_no, seat.order_date, seat.order_by)
            if order:    # a holder appointed by an order of their own, e.g. a president appointed mid-term
                who += f'<div class="tn-org__order">{order}</div>'
            boxes.append(f'<div class="tn-org__box{cls}"><div class="tn-org__post">{h(seat.post)}</div>'
                         f'<div class="tn-org__name">{who}</div></div>')
        level = "top" if row_posts == ("ประธาน",) else "row"
        rows.append(f'<div class="tn-org__level tn-org__level--{level}">{"".join(boxes)}</div>')
    return (f'<div class="tn-org" role="group" aria-label="แผนผังคณะกรรมการ {h(club.name)}">'
            + "".join(rows) + "</div>")
