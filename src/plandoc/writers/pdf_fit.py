"""How wide each cell's text of a table is, so plandoc.typ can bound a table's height unlaid."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from plandoc.document import (
    Anchor,
    Cell,
    Emphasis,
    Inline,
    LineBreak,
    Status,
    Strong,
    Table,
    Text,
)
from plandoc.writers.glyph_widths import advances, widening_kerns

#: Where a line may break: ordinary spaces (and forced breaks) only. A no-break space joins,
#: and the breaks Typst also allows (after "/" or "-", inside a hyphenated word) only shorten
#: the pieces, so the widest piece found here is never narrower than Typst's.
_SPLIT = re.compile(r"[ \t\n]")
#: plandoc.typ's `short-cell` and `long-word`: what may hyphenate in a table cell.
_SHORT_CELL = 30
_LONG_WORD = re.compile(r"\w{13,}")
#: Characters no line breaks at, beside letters and digits: no-break and figure spaces.
_JOINERS = frozenset("\u00a0\u202f\u2007\u2060")
#: What plandoc.typ sets before a status word: the coloured dot and a no-break space.
_STATUS_MARK = "\u25cf\u00a0"


def _runs(inlines: list[Inline], style: str) -> Iterator[tuple[str, str]]:
    """(text, face) of what plandoc.typ sets for some inlines: a status word after its dot,
    strong text bold (bold italic counts as bold, the wider), emphasis italic."""
    for node in inlines:
        if isinstance(node, Text):
            yield node.text, style
        elif isinstance(node, LineBreak):
            yield "\n", style
        elif isinstance(node, Status):
            yield _STATUS_MARK, style
            yield from _runs(node.children, style)
        elif isinstance(node, Strong):
            yield from _runs(node.children, "bold")
        elif isinstance(node, Emphasis):
            yield from _runs(node.children, "bold" if style == "bold" else "italic")
        elif not isinstance(node, Anchor):
            yield from _runs(node.children, style)


def _fragments(text: str) -> int:
    """At most how many pieces a line breaker may cut `text` into (0: unknown, since it may
    hyphenate). Unicode line breaking never breaks between two letters or digits, nor at a
    no-break space, so only the other characters are counted as possible breaks. plandoc.typ
    hyphenates a table cell longer than 30 characters and words of 13 letters or more."""
    if len(text) > _SHORT_CELL or _LONG_WORD.search(text):
        return 0
    return 1 + sum(1 for ch in text if not (ch.isalnum() or ch in _JOINERS))


def line_facts(inlines: list[Inline], style: str) -> list[float] | None:
    """[width on one line, widest unbreakable piece, forced line breaks, at most how many
    pieces (0: unknown)], widths in em and never below the set widths (advances plus the
    kerning that widens, glyph_widths.widening_kerns); None where a character has no glyph
    in the text font."""
    runs: list[tuple[str, str]] = []
    for text, face in _runs(inlines, style):
        if runs and runs[-1][1] == face:  # set as one run, so kerned across the join
            runs[-1] = (runs[-1][0] + text, face)
        elif text:
            runs.append((text, face))
    return _facts(tuple(runs))


@lru_cache(maxsize=16384)
def _facts(runs: tuple[tuple[str, str], ...]) -> list[float] | None:
    # Cached: names, amounts, headers and captions recur in every document of a programme.
    width = widest = piece = 0.0
    for text, face in runs:
        line = _width(text.replace("\n", ""), face)
        if line is None:
            return None
        width += line
        for i, part in enumerate(_SPLIT.split(text)):
            if i:  # a space or a line break before this part ends the piece
                widest, piece = max(widest, piece), 0.0
            piece += _width(part, face) or 0.0
    text = "".join(t for t, _ in runs)
    return [round(width, 4), round(max(widest, piece), 4), text.count("\n"),
            _fragments(text.replace(_STATUS_MARK, "").replace("\n", " "))]


@lru_cache(maxsize=4)
def _metrics(face: str) -> tuple[dict[str, float], dict[str, float], re.Pattern[str] | None]:
    """Advances in em by character, the widening kerns in em by pair, and a pattern that
    finds those pairs (overlapping ones too)."""
    glyphs, upm = advances(face)
    ems = {chr(cp): advance / upm for cp, advance in glyphs.items()}
    wider = {chr(a) + chr(b): value / upm for (a, b), value in widening_kerns(face).items()}
    pairs = "|".join(re.escape(pair) for pair in sorted(wider))
    return ems, wider, re.compile(f"(?=({pairs}))") if pairs else None


def _width(text: str, face: str) -> float | None:
    ems, wider, pairs = _metrics(face)
    try:
        total = sum(map(ems.__getitem__, text))
    except KeyError:
        return None
    if pairs is not None:
        total += sum(wider[m.group(1)] for m in pairs.finditer(text))
    return total


def table_fit(table: Table) -> dict[str, Any] | None:
    """Line facts of every cell (header row first) and of the caption, in the weight the
    template sets them; None when some text is outside the text font."""
    rows: list[list[Cell]] = [table.header, *table.rows] if table.header else list(table.rows)
    last = len(rows) - 1
    cells: list[list[list[float]]] = []
    for y, row in enumerate(rows):
        facts: list[list[float]] = []
        for x, cell in enumerate(row):
            bold = ((bool(table.header) and y == 0) or (table.row_headers and x == 0)
                    or (table.totals and y == last))
            fact = line_facts(cell, "bold" if bold else "regular")
            if fact is None:
                return None
            facts.append(fact)
        cells.append(facts)
    caption = line_facts(table.caption, "italic") if table.caption else None
    if table.caption and caption is None:
        return None
    return {"cells": cells, "caption": caption}
