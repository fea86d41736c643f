"""Small tree queries shared by the builder tests."""

from __future__ import annotations

from plandoc.document import (
    Block,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
    plain_text,
    walk_blocks,
)


def texts(document: Document) -> list[str]:
    """The plain text of every heading, paragraph, table cell, caption and figure alt text."""
    out: list[str] = []
    for block in walk_blocks(document.blocks):
        if isinstance(block, Heading | Paragraph):
            out.append(plain_text(block.children))
        elif isinstance(block, Table):
            out += [plain_text(cell) for cell in block.header]
            out += [plain_text(cell) for row in block.rows for cell in row]
            out.append(plain_text(block.caption))
        elif isinstance(block, Figure):
            out += [block.alt, plain_text(block.caption)]
    return out


def tables(document: Document, style: str | None = None) -> list[Table]:
    return [
        b for b in walk_blocks(document.blocks)
        if isinstance(b, Table) and (style is None or b.style == style)
    ]


def row_texts(table: Table) -> list[list[str]]:
    return [[plain_text(cell) for cell in row] for row in table.rows]


def section(document: Document, title: str) -> list[Block]:
    """The blocks after the heading titled `title`, up to the next heading of its level or above."""
    blocks = document.blocks
    for i, block in enumerate(blocks):
        if isinstance(block, Heading) and plain_text(block.children) == title:
            out = []
            for after in blocks[i + 1:]:
                if isinstance(after, Heading) and after.level <= block.level:
                    break
                out.append(after)
            return out
    raise AssertionError(f"no heading {title!r}")
