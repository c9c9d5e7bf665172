"""Issue 13 §9: the province page shows the association's appointment order and confirmation (as the
district pages do, render.district.appointment_rows), and the circular page keeps the text's last line
"สิ่งที่ส่งมาด้วย" (the attachment itself is not in the text and is not invented)."""
from __future__ import annotations

import re
import shutil

import pytest
from helpers import BASE, REPO
from test_pages import render


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    shutil.copy(REPO / "data/42-loei/circular.txt", root / "42-loei/circular.txt")
    out = root.parent / (root.name + "-pages")
    render(root, out)
    return out


def test_province_page_has_the_association_order_and_confirmation(pages):
    page = (pages / "province/index.md").read_text(encoding="utf-8")
    # tests/fixtures/base/42-loei/club.yaml: appointment 955/2566 of 2023-10-20, confirmed 2024-01-22
    assert ("<td>คำสั่งแต่งตั้ง</td><td>คำสั่งที่ 955/2566 ลงวันที่ 20 ตุลาคม 2566 (ผู้ว่าราชการจังหวัดเลย)</td>"
            in page)
    assert "<td>ยืนยันข้อมูลล่าสุด (รายงานจังหวัด)</td><td>22 มกราคม 2567 (กำหนดส่ง 24 มกราคม 2567)</td>" in page


def test_circular_page_ends_with_the_attachment_line(pages):
    page = (pages / "circular/index.md").read_text(encoding="utf-8")
    letter = page[page.index('<article class="tn-letter"'):page.rindex("</article>")]
    text = re.sub(r"<[^>]+>", "\n", letter)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[-1] == "สิ่งที่ส่งมาด้วย"
    assert lines.count("สิ่งที่ส่งมาด้วย") == 2     # the heading label, and the closing line
    assert page.rstrip().endswith('<p class="tn-letter__trailer">สิ่งที่ส่งมาด้วย</p>\n</article>')
