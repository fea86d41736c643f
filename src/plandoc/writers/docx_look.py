"""Table details the PDF shows, added to a written table: matrix fills, zebra rows, short
tables kept whole on one page."""

from __future__ import annotations

import re

from plandoc.document import Status, Table

#: Tables with at most this many body rows move to the next page whole (as plandoc.typ's
#: `block(breakable: t.rows.len() > 12)`), so the pages break where the PDF's do.
KEEP_WHOLE_ROWS = 12
_STYLE_REF = re.compile(r'(<w:pStyle w:val="[^"]*"/>)')
_ROW = re.compile(r"(<w:tr>.*?</w:tr>)", re.S)


def _keep_with_next(row: str) -> str:
    """Every paragraph of a row keeps with the next (Word's way to hold rows together)."""
    row = re.sub(r"<w:p>(?!<w:pPr>)", "<w:p><w:pPr><w:keepNext/></w:pPr>", row)
    row = re.sub(r"<w:pPr>(?!<w:pStyle)", "<w:pPr><w:keepNext/>", row)
    return _STYLE_REF.sub(r"\1<w:keepNext/>", row).replace(
        "<w:keepNext/><w:keepNext/>", "<w:keepNext/>")


def _shade_cells(row: str, fills: list[str | None]) -> str:
    """Cell shading for each cell of a row that has a fill."""
    cells = iter(fills)

    def shade(match: re.Match[str]) -> str:
        fill = next(cells, None)
        if not fill:
            return match.group(0)
        return f'{match.group(1)}<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>'

    return re.sub(r"(<w:tc><w:tcPr>.*?)</w:tcPr>", shade, row)


def finish_table(xml: str, table: Table, matrix_fills: dict[str, str]) -> str:
    """`xml` (a written table, maybe after its caption) with banding on, a risk matrix's
    cells filled by status, and a short table kept on one page."""
    if table.style != "version":
        xml = xml.replace('w:noHBand="1"', 'w:noHBand="0"', 1)
    rows = _ROW.split(xml)
    # _ROW.split puts the rows at the odd indices.
    indices = list(range(1, len(rows), 2))
    if table.style == "matrix" and matrix_fills:
        for index, cells in zip(indices[1:], table.rows, strict=False):
            fills = [next((matrix_fills.get(n.level) for n in cell if isinstance(n, Status)),
                          None) for cell in cells]
            rows[index] = _shade_cells(rows[index], fills)
    if len(table.rows) <= KEEP_WHOLE_ROWS:
        for index in indices[:-1]:
            rows[index] = _keep_with_next(rows[index])
    return "".join(rows)
