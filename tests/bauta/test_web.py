"""The web edition in headless Chromium: every page loads with no console errors, every
picture decodes, and screenshots are taken (set PLANDOC_SCREENSHOTS=DIR to keep them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from bauta.cdp import browser, find_chromium, serve
from bauta.conftest import Built

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium mangler: installer pakken «chromium» (apt-get install -y chromium) "
           "eller sett PLANDOC_CHROMIUM til en Chrome/Chromium-fil",
)


def test_every_page_loads_without_console_errors(built: Built, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    web = built.out / "web"
    pages = sorted(web.rglob("index.html"))
    assert len(pages) == 26
    keep = os.environ.get("PLANDOC_SCREENSHOTS")
    shots = Path(keep) if keep else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    with serve(web) as base, browser(CHROMIUM) as chrome:
        for page in pages:
            path = "/" + str(page.parent.relative_to(web)).replace(".", "").strip("/")
            url = base + (path.rstrip("/") + "/" if path != "/" else "/")
            result = chrome.load(url)
            assert result.errors == [], f"{url}: {result.errors}"
            assert result.broken_images == [], f"{url}: {result.broken_images}"
            assert result.title, url
        front = chrome.load(base + "/")
        assert front.title == "Lokal kraft"
        desktop = chrome.screenshot(shots / "forside.png")
        chrome.load(base + "/eksempler/nordlysloypa-naturopplevelser-for-alle/", width=390,
                    height=844)
        mobile = chrome.screenshot(shots / "eksempel-mobil.png")
    with Image.open(desktop) as img:
        assert img.width == 1200 and img.height > 800
        # Not a blank page: the header band is the accent colour.
        assert img.convert("RGB").getpixel((10, 10)) == (0x17, 0x48, 0x5A)
    with Image.open(mobile) as img:
        assert img.width == 390 and img.height > 2000
