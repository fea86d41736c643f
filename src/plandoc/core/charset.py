"""The characters a document can show: those the PDF's shipped fonts have glyphs for."""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

from plandoc.core.resources import TEMPLATES_ENV, shipped_templates_dir
from plandoc.core.text import INVISIBLE_OK

#: templates/typst/fonts/ of the package; always loaded, an override's fonts come on top.
SHIPPED_FONTS = shipped_templates_dir() / "typst" / "fonts"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")



def font_dirs() -> list[Path]:
    """The font folders the PDF writer loads: an override's typst/fonts first, then ours."""
    dirs: list[Path] = []
    override = os.environ.get(TEMPLATES_ENV)
    if override:
        own = Path(override).resolve() / "typst" / "fonts"
        if own.is_dir() and own != SHIPPED_FONTS:
            dirs.append(own)
    if SHIPPED_FONTS.is_dir():
        dirs.append(SHIPPED_FONTS)
    return dirs


def _font_files(dirs: list[Path]) -> tuple[tuple[str, int, int], ...]:
    files = [p for d in dirs for p in sorted(d.iterdir()) if p.suffix.lower() in FONT_SUFFIXES]
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def _coverage(files: tuple[tuple[str, int, int], ...]) -> frozenset[int]:
    # fontTools (a dependency for this) reads each cmap in a few milliseconds.
    from fontTools.ttLib import TTCollection, TTFont

    found: set[int] = set()
    for name, _, _ in files:
        try:
            if name.lower().endswith((".ttc", ".otc")):
                fonts = list(TTCollection(name, lazy=True).fonts)
            else:
                fonts = [TTFont(name, lazy=True)]
            for font in fonts:
                found.update(font.getBestCmap() or {})
        except Exception:  # a broken font file shows no glyphs; it must not stop a build
            continue
    return frozenset(found)


@lru_cache(maxsize=4)
def _coverage_for(override: str | None) -> frozenset[int]:
    return _coverage(_font_files(font_dirs()))


def coverage() -> frozenset[int]:
    """Code points with a glyph in some shipped font (read once per templates folder)."""
    return _coverage_for(os.environ.get(TEMPLATES_ENV))


def unprintable(text: str) -> str | None:
    """The first character of NFC `text` that a document cannot show faithfully, or None.

    That is a character no shipped font has a glyph for, or a combining mark left over after
    NFC (no precomposed letter exists): PDF text extraction and screen readers then garble
    the cluster. Newlines, tabs and plain ASCII are always fine.
    """
    if text.isascii():
        return None
    glyphs = coverage()
    for ch in text:
        code = ord(ch)
        if code < 0x80 or code in INVISIBLE_OK:
            continue
        if code not in glyphs:
            return ch
        if unicodedata.category(ch) in ("Mn", "Mc", "Me") and not 0xFE00 <= code <= 0xFE0F:
            return ch
    return None
