"""Colour contrast of the looks in templates/ (WCAG 2.1, 1.4.3 and 1.4.11): text at least
4.5:1 against what it stands on, graphics that carry meaning (status dots, focus rings) at
least 3:1. The colours are read from the template files, so a restyle is checked too."""

from __future__ import annotations

import re
import zipfile

import pytest

from plandoc.core.resources import shipped_templates_dir

TEMPLATES = shipped_templates_dir()
TEXT, GRAPHIC = 4.5, 3.0


def luminance(colour: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2.1)."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#e0a800", "#ffffff") == pytest.approx(2.15, abs=0.01)  # the old yellow


def typst_colours(name: str) -> dict[str, str]:
    text = (TEMPLATES / "typst" / name).read_text(encoding="utf-8")
    found = {m[1]: m[2] for m in re.finditer(r'#let ([\w-]+) = rgb\("(#[0-9a-fA-F]{6})"\)', text)}
    for group in ("status-colours", "status-fills"):
        m = re.search(rf"^#let {group} = \((.*)\)[ \t]*$", text, re.MULTILINE)
        if m:
            found |= {f"{group}.{k}": v for k, v in
                      re.findall(r'(\w+): rgb\("(#[0-9a-fA-F]{6})"\)', m[1])}
    return found


def css_colours(name: str) -> dict[str, str]:
    text = (TEMPLATES / "html" / name).read_text(encoding="utf-8")
    return dict(re.findall(r"(--[\w-]+|\.status-\w+ > span\[aria-hidden\]) *[:{] *(?:color: *)?"
                           r"(#[0-9a-fA-F]{6})", text))


def test_pdf_look_of_the_plans() -> None:
    c = typst_colours("plandoc.typ")
    white = "#ffffff"
    for level in ("green", "yellow", "red"):
        dot = c[f"status-colours.{level}"]
        # A status dot stands on the page, a zebra row, a header fill or its matrix cell.
        for ground in (white, c["zebra"], c["accent-light"], c[f"status-fills.{level}"]):
            assert contrast(dot, ground) >= GRAPHIC, (level, dot, ground)
        assert contrast(c["ink"], c[f"status-fills.{level}"]) >= TEXT
    for ground in (white, c["zebra"], c["accent-light"]):
        assert contrast(c["muted"], ground) >= TEXT
        assert contrast(c["accent"], ground) >= TEXT


def test_pdf_look_of_the_bauta() -> None:
    c = typst_colours("bauta.typ")
    for text in ("muted", "accent", "accent-mid", "warm", "ink"):
        for ground in ("#ffffff", c["sand"], c["accent-light"]):
            assert contrast(c[text], ground) >= TEXT, (text, ground)


def test_web_look() -> None:
    c = css_colours("plandoc.css")
    for text in ("--ink", "--muted", "--accent", "--accent-mid", "--warm"):
        for ground in ("--paper", "--sand", "--accent-light"):
            assert contrast(c[text], c[ground]) >= TEXT, (text, ground)
    for level in ("green", "yellow", "red"):
        dot = c[f".status-{level} > span[aria-hidden]"]
        for ground in (c["--paper"], "#f7f9fa"):
            assert contrast(dot, ground) >= GRAPHIC, level
    # Focus rings: the warm one on the page, the light gold one on the dark site header.
    assert contrast(c["--warm"], c["--paper"]) >= GRAPHIC
    css = (TEMPLATES / "html" / "plandoc.css").read_text(encoding="utf-8")
    ring = re.search(r"\.site-header a:focus-visible[^{]*\{ *outline-color: *(#[0-9a-f]{6})", css)
    assert ring and contrast(ring[1], c["--accent"]) >= GRAPHIC


def test_word_template_status_colours() -> None:
    with zipfile.ZipFile(TEMPLATES / "word" / "plandoc.docx") as z:
        styles = z.read("word/styles.xml").decode()
    for level in ("Green", "Yellow", "Red"):
        m = re.search(rf'w:styleId="Status{level}".*?<w:color w:val="([0-9A-F]{{6}})"', styles)
        assert m, level
        assert contrast("#" + m[1], "#ffffff") >= GRAPHIC, level
