"""A rough page count for each heading, for a TOC written without the PDF's page numbers."""

from __future__ import annotations

import math

from plandoc.document import (
    Block,
    BulletList,
    Figure,
    Heading,
    OrderedList,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
    plain_text,
)

# Heights in twips (1/20 pt) of the shipped look (templates/word, mirroring plandoc.typ):
# body text 10.5 pt with ~1.35 line pitch, tables 9 pt. Used only when no PDF was made, so
# the numbers are a fair guess, never a promise.
_LINE, _CHAR, _PARA = 285, 112, 100
_CELL_LINE, _CELL_CHAR, _CELL_PAD = 230, 95, 180
_HEADING = {1: 1150, 2: 850, 3: 650}
_TOC_LINE = 330
_FIGURE = 5200
#: The cover is the template's first section: the body starts on page 2.
_FIRST_BODY_PAGE = 2


def _lines(text: str, width: int, char: int) -> int:
    return max(1, math.ceil(len(text) * char / max(width, 1)))


def estimate_heading_pages(blocks: list[Block], text_width: int, text_height: int
                           ) -> dict[int, int]:
    """id(heading) → the page it likely starts on, walking the blocks with fixed heights."""
    pages: dict[int, int] = {}
    page, used = _FIRST_BODY_PAGE, 0

    def place(height: int, keep: bool = False) -> None:
        nonlocal page, used
        if used and used + height > text_height and (keep or height <= text_height):
            page, used = page + 1, 0
        used += height
        while used > text_height:  # a long block runs over pages
            page, used = page + 1, used - text_height

    def walk(items: list[Block], indent: int) -> None:
        nonlocal page, used
        width = text_width - indent
        for block in items:
            if isinstance(block, Heading):
                # A heading keeps with the next lines: moves on when fewer than ~3 fit.
                height = _HEADING.get(block.level, 550)
                place(height + 3 * _LINE, keep=True)
                used -= 3 * _LINE
                if block.outlined:
                    pages[id(block)] = page
            elif isinstance(block, Paragraph):
                place(_lines(plain_text(block.children), width, _CHAR) * _LINE + _PARA)
            elif isinstance(block, BulletList | OrderedList):
                for item in block.items:
                    walk(item, indent + 400)
            elif isinstance(block, Table):
                ncols = max(len(block.header), 1)
                place(_CELL_LINE + _CELL_PAD + _PARA)  # caption / spacing
                for row in [block.header, *block.rows]:
                    tallest = max([_lines(plain_text(c), width // ncols, _CELL_CHAR)
                                   for c in row] or [1])
                    place(tallest * _CELL_LINE + _CELL_PAD)
            elif isinstance(block, Figure):
                place(_FIGURE + (_LINE if block.caption else 0), keep=True)
            elif isinstance(block, PageBreak):
                if used:
                    page, used = page + 1, 0
            elif isinstance(block, TableOfContents):
                place(_HEADING[1])
                entries = sum(1 for b in items if isinstance(b, Heading) and b.outlined
                              and b.level <= 3)
                place(entries * _TOC_LINE)

    walk(blocks, 0)
    return pages
