"""The characters a document can show: the shipped fonts' glyphs, and what the template uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typst

from plandoc.core import charset

TEMPLATE = Path(charset.SHIPPED_FONTS).parent / "plandoc.typ"


@pytest.mark.parametrize("text", [
    "Dyrøy Ål Æ", "Čáŋ Đ ŧ ž", "αβγ Привет", "😀 👍🏽 👨‍👩‍👧 🇳🇴", "שלום", "مرحبا",
    "→ ∑ ≤ ✓ ★ € ‰", "a\u00a0b\u202fc", "sam\u00adfunn",
])
def test_printable(text: str) -> None:
    assert charset.unprintable(text) is None


@pytest.mark.parametrize(("text", "bad"), [
    ("中文", "中"), ("สวัสดี", "ส"), ("q\u0303", "\u0303"), ("\ue000", "\ue000"),
    ("1\u20e3", "\u20e3"), ("\U0010fffd", "\U0010fffd"),
])
def test_unprintable(text: str, bad: str) -> None:
    assert charset.unprintable(text) == bad


def test_every_fallback_font_of_the_template_is_shipped() -> None:
    listed = re.search(r"#let fallback-fonts = \(([^)]*)\)", TEMPLATE.read_text())
    body = re.search(r"#let body-font = \(([^)]*)\)", TEMPLATE.read_text())
    assert listed and body
    # The body font (DejaVu Sans, shared with the Word edition) is shipped too.
    families = set(re.findall(r'"([^"]+)"', listed.group(1) + body.group(1)))
    shipped = set(typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                              font_paths=[str(charset.SHIPPED_FONTS)]).families())
    assert families == shipped


def test_a_templates_own_fonts_add_characters(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from fontTools.ttLib import TTFont

    fonts = tmp_path / "typst" / "fonts"
    fonts.mkdir(parents=True)
    # No shipped font has the APL sign ⌶ (U+2336); a template's own font that maps it does.
    font = TTFont(charset.SHIPPED_FONTS / "DejaVuSans.ttf")
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format in (4, 12):
            table.cmap[0x2336] = table.cmap[ord("I")]
    font.save(fonts / "Apl.ttf")
    assert charset.unprintable("⌶") == "⌶"
    monkeypatch.setenv(charset.TEMPLATES_ENV, str(tmp_path))
    assert charset.font_dirs() == [fonts.resolve(), charset.SHIPPED_FONTS]
    assert charset.unprintable("⌶") is None
    assert charset.coverage() > charset._coverage_for(None)
