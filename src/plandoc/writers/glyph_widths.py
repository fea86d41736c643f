"""Advance widths of the shipped text font (DejaVu Sans), read with fontTools."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from plandoc.core.resources import shipped_templates_dir

#: The faces of the text font by style, as shipped in templates/typst/fonts/.
FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
              "italic": "DejaVuSans-Oblique.ttf"}


@lru_cache(maxsize=len(FONT_FILES))
def advances(style: str = "regular") -> tuple[dict[int, int], int]:
    """(code point → advance in font units, units per em) of one face of the text font."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(shipped_templates_dir() / "typst" / "fonts" / FONT_FILES[style]),
                  lazy=True)
    hmtx, cmap = font["hmtx"], font.getBestCmap()
    return {cp: hmtx[name][0] for cp, name in cmap.items()}, font["head"].unitsPerEm


@lru_cache(maxsize=len(FONT_FILES))
def widening_kerns(style: str = "regular") -> dict[tuple[int, int], int]:
    """(code point, code point) → how much the face's kerning widens that pair, in font
    units, for the pairs it widens (most kerning narrows; a narrowed pair is left out, so a
    width summed with these is never below the set width)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(shipped_templates_dir() / "typst" / "fonts" / FONT_FILES[style]),
                  lazy=True)
    names = font.getBestCmap()
    by_name: dict[str, list[int]] = {}
    for cp, name in names.items():
        by_name.setdefault(name, []).append(cp)
    gpos = font["GPOS"].table if "GPOS" in font else None
    wider: dict[tuple[int, int], int] = {}
    if gpos is None:
        return wider
    kern_lookups = {i for record in gpos.FeatureList.FeatureRecord
                    if record.FeatureTag == "kern" for i in record.Feature.LookupListIndex}
    for index in sorted(kern_lookups):
        for table in gpos.LookupList.Lookup[index].SubTable:
            table = getattr(table, "ExtSubTable", table)
            for (first, second), value in _pair_values(table):
                if value > 0:
                    for a in by_name.get(first, ()):
                        for b in by_name.get(second, ()):
                            wider[a, b] = wider.get((a, b), 0) + value
    return wider


def _pair_values(table: Any) -> Iterator[tuple[tuple[str, str], int]]:
    """((first glyph, second glyph), x advance adjustment) of one PairPos subtable."""
    if table.Format == 1:
        for first, pairs in zip(table.Coverage.glyphs, table.PairSet, strict=True):
            for record in pairs.PairValueRecord:
                yield (first, record.SecondGlyph), getattr(record.Value1, "XAdvance", 0) or 0
        return
    firsts: dict[int, list[str]] = {}
    for glyph in table.Coverage.glyphs:
        firsts.setdefault(table.ClassDef1.classDefs.get(glyph, 0), []).append(glyph)
    seconds: dict[int, list[str]] = {}
    for glyph, cls in table.ClassDef2.classDefs.items():
        seconds.setdefault(cls, []).append(glyph)
    for c1, record in enumerate(table.Class1Record):
        for c2, pair in enumerate(record.Class2Record):
            value = getattr(pair.Value1, "XAdvance", 0) or 0
            if value > 0:
                for first in firsts.get(c1, ()):
                    for second in seconds.get(c2, ()):
                        yield (first, second), value
