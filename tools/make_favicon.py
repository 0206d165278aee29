"""Rasterise the book's favicon.svg into the favicon.ico browsers ask the site root for.

Browsers request ``/favicon.ico`` on pages that name no icon (Jupyter Book's
redirecting ``index.html`` is one); without the file, that request is a 404 in
the console. Run after changing ``book/_static/favicon.svg``:

    python -m tools.make_favicon

Needs Chromium (``CHROMIUM_PATH``, default ``/usr/bin/chromium``), Playwright and Pillow.
"""

from __future__ import annotations

import io
import os

from PIL import Image
from playwright.sync_api import sync_playwright

from tools.bookconfig import ROOT

SVG = ROOT / "book" / "_static" / "favicon.svg"
ICO = ROOT / "book" / "_site_root" / "favicon.ico"
SIZES = [(16, 16), (32, 32), (48, 48)]


def render_png(svg: str, size: int) -> bytes:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    sized_svg = svg.replace("<svg ", f"<svg width='{size}' height='{size}' ", 1)
    page_html = f"<html><body style='margin:0;background:transparent'>{sized_svg}</body></html>"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(page_html)
        png = page.screenshot(omit_background=True)
        browser.close()
    return png


def main() -> None:
    image = Image.open(io.BytesIO(render_png(SVG.read_text(), 256))).convert("RGBA")
    ICO.parent.mkdir(parents=True, exist_ok=True)
    image.save(ICO, sizes=SIZES)
    print(f"wrote {ICO.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
