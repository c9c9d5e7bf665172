"""The picture a chat app shows for a shared link (Open Graph, 1200×630): the site's name set in the
vendored Sarabun by headless Chromium, so the committed PNG can be made again the same way:

    .venv/bin/python -m thamniap.devtools.ogimage docs/assets/images/og.png

Developer tool (needs Playwright and the system Chromium); the site only links the committed file.
"""
from __future__ import annotations

import base64
import sys
from html import escape
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parents[3] / "docs/assets/fonts"


def card_html(title: str, subtitle: str) -> str:
    def url(name: str) -> str:      # inline: a page set from a string may not read local files
        return "data:font/woff2;base64," + base64.b64encode((FONTS / name).read_bytes()).decode("ascii")
    faces = "".join(f"@font-face{{font-family:Sarabun;font-weight:{w};src:url('{url(f'sarabun-{w}.woff2')}')}}"
                    for w in (400, 700))
    return (f"<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><style>{faces}"
            f"html,body{{margin:0;width:{WIDTH}px;height:{HEIGHT}px}}"
            "body{font-family:Sarabun;background:#1b5e20;color:#fff;display:flex;flex-direction:column;"
            "justify-content:center;padding:0 90px;box-sizing:border-box}"
            "h1{font-size:88px;font-weight:700;margin:0 0 24px;line-height:1.2}"
            "p{font-size:40px;margin:0;line-height:1.5;opacity:.95}</style></head>"
            f"<body><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></body></html>")


def make(target: Path, title: str = "ทำเนียบ อช. จังหวัดเลย",
         subtitle: str = "อาสาพัฒนาชุมชน ผู้นำ อช. และชมรม ทุกตำบล ทุกหมู่บ้าน") -> Path:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(card_html(title, subtitle))
        page.evaluate("document.fonts.ready")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), type="png")
        browser.close()
    return target


if __name__ == "__main__":
    print(make(Path(sys.argv[1])))
