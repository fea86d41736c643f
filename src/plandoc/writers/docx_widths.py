"""Table column widths as plandoc.typ sizes them, so the Word tables wrap as the PDF's do."""

from __future__ import annotations

import re

from plandoc.document import Cell, Status, Table, plain_text
from plandoc.writers import glyph_widths

#: plandoc.typ: table text 8.5 pt, 6 pt inset each side; text columns weigh their longest
#: text between 8 and 40 characters; other columns (numbers, dates) take what they need.
_SIZE_PT, _INSET_PT = 8.5, 6.0
_TWIPS_PER_PT = 20
#: Word and LibreOffice set a line a little wider than the summed advances: without this,
#: a bold sum ("3 960 000") broke before its last digit.
_SLACK_PT = 2.5
#: Words up to this long are kept whole in text columns ("Reiselivskoordinator").
_WHOLE_WORD = 22
_SPACES = re.compile(r"[\s/]+")


def _advances(bold: bool) -> tuple[dict[int, int], int, int]:
    """(code point → advance, units per em, fallback advance) of the table font."""
    advances, upm = glyph_widths.advances("bold" if bold else "regular")
    return advances, upm, advances.get(ord("n"), 1200)


def text_width_pt(text: str, bold: bool = False) -> float:
    """The width of one line of `text` in the table font (no kerning: a close estimate)."""
    advances, upm, default = _advances(bold)
    return sum(advances.get(ord(ch), default) for ch in text) * _SIZE_PT / upm


#: What the writer puts before a status word: the colour chip and a space (docx_body).
CHIP = "\u00a0" * 4


def cell_text(cell: Cell) -> str:
    """The cell's text as Word shows it: a status word comes after its colour chip, joined
    to it by no-break spaces."""
    text = plain_text(cell)
    return CHIP + text if any(isinstance(n, Status) for n in cell) else text


def _natural(cell: Cell, bold: bool) -> float:
    lines = cell_text(cell).split("\n")
    return max(text_width_pt(line, bold) for line in lines) + 2 * _INSET_PT + _SLACK_PT


def _longest_word(cell: Cell, bold: bool) -> float:
    """What a text column needs so that no word of the cell breaks (Word and LibreOffice
    split a word that does not fit without a hyphen); a very long word may still break."""
    words = [w for w in _SPACES.split(plain_text(cell)) if w and len(w) <= _WHOLE_WORD]
    if not words:
        return 0.0
    chip = text_width_pt(CHIP) if cell_text(cell).startswith(CHIP) else 0.0
    return max(text_width_pt(w, bold) for w in words) + chip + 2 * _INSET_PT + _SLACK_PT


def typst_widths(table: Table, aligns: list[str], text_width: int) -> list[int] | None:
    """Column widths in twips as plandoc.typ's render-table gives a table without given
    weights, or None where the body writer's are kept (given weights) or Typst's cannot be
    reproduced (automatic columns wider than the page)."""
    ncols = len(table.header)
    if ncols == 0:
        return None
    rows = [table.header, *table.rows]
    if len(table.widths) == ncols and sum(table.widths) > 0:
        # Typst shares the page by these weights and lets a date overflow a narrow column;
        # Word would break it, so the body writer's widths (the weights, raised to what a
        # number or date needs) stay. Measured: Typst's weights raised by real glyph widths
        # matched the PDF's pages less often in LibreOffice (90 % against 92 %).
        return None
    auto: dict[int, float] = {}
    fr: dict[int, float] = {}
    need: dict[int, float] = {}
    last = len(rows) - 1
    for col in range(ncols):
        # The header row and a totals row are bold.
        cells = [(r[col], i == 0 or (table.totals and i == last))
                 for i, r in enumerate(rows) if col < len(r)]
        if table.style != "version" and (aligns[col] if col < len(aligns) else "left") == "left":
            longest = max((len(plain_text(c)) for c, _ in cells), default=0)
            fr[col] = min(40, max(8, longest))
            need[col] = max((_longest_word(c, bold) for c, bold in cells), default=0.0)
        else:
            auto[col] = max((_natural(c, bold) for c, bold in cells), default=0.0)
    room = text_width / _TWIPS_PER_PT - sum(auto.values())
    if room < 0 or (fr and room < 20 * len(fr)):
        return None
    if not fr:  # all automatic (a version table): the spare room goes to the last column
        widths = [auto[c] for c in range(ncols)]
        widths[-1] += room
    else:
        shares = _shares(fr, need, room)
        widths = [auto[c] if c in auto else shares[c] for c in range(ncols)]
    return [int(w * _TWIPS_PER_PT) for w in widths]


def _shares(weights: dict[int, float], need: dict[int, float], room: float
            ) -> dict[int, float]:
    """`room` shared by the text columns' weights, but none narrower than its longest word
    where the room allows (as plandoc.typ's column-widths)."""
    if sum(need.values()) > room:
        total = sum(weights.values())
        return {c: room * w / total for c, w in weights.items()}
    fixed: dict[int, float] = {}
    while True:
        free = [c for c in weights if c not in fixed]
        left = room - sum(fixed.values())
        total = sum(weights[c] for c in free)
        share = {c: left * weights[c] / total for c in free}
        short = [c for c in free if share[c] < need[c]]
        if not short:
            return fixed | share
        fixed.update((c, need[c]) for c in short)


def apply_widths(xml: str, widths: list[int]) -> str:
    """Put `widths` into a written table's grid and cells (left alone when the cells do not
    line up with the columns, say with merged cells)."""
    ncols = len(widths)
    grid = re.findall(r'<w:gridCol w:w="\d+"/>', xml)
    cells = re.findall(r'<w:tcW w:w="\d+" w:type="dxa"/>', xml)
    if len(grid) != ncols or not cells or len(cells) % ncols:
        return xml
    cols = iter(widths)
    xml = re.sub(r'<w:gridCol w:w="\d+"/>', lambda _: f'<w:gridCol w:w="{next(cols)}"/>', xml)
    index = iter(range(len(cells)))
    return re.sub(r'<w:tcW w:w="\d+" w:type="dxa"/>',
                  lambda _: f'<w:tcW w:w="{widths[next(index) % ncols]}" w:type="dxa"/>', xml)
