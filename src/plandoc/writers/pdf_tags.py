"""Row-header tags in Typst's PDF: key/value tables get TH cells with /Scope /Row."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf

log = logging.getLogger(__name__)

# Typst (0.14/0.15) tags the cells of `table.header` as TH with column scope, but marks a
# header column only through `pdf.header-cell`, which needs the `a11y-extras` feature the
# Python binding does not switch on. So the template draws a key/value table without header
# row, and its first column is retagged here, in the structure tree Typst wrote.


@dataclass(frozen=True)
class TableShape:
    """What the writer expects of one /Table element, in document order."""

    rows: int
    row_headers: bool


def _kids(node: pikepdf.Object) -> list[Any]:
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _element(node: pikepdf.Object) -> bool:
    return isinstance(node, pikepdf.Dictionary) and "/S" in node


def _tables(root: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every /Table structure element in logical (reading) order."""
    stack = list(reversed(_kids(root)))
    while stack:
        node = stack.pop()
        if not _element(node):
            continue
        if node.S == "/Table":
            yield node
            continue  # no tables inside tables here
        stack.extend(reversed(_kids(node)))


def _rows(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    rows: list[pikepdf.Dictionary] = []
    for kid in _kids(table):
        if not _element(kid):
            continue
        if kid.S == "/TR":
            rows.append(kid)
        elif kid.S in ("/THead", "/TBody", "/TFoot"):
            rows.extend(k for k in _kids(kid) if _element(k) and k.S == "/TR")
    return rows


def _as_row_header(cell: pikepdf.Dictionary) -> None:
    cell.S = pikepdf.Name.TH
    owned = [a for a in _attributes(cell) if a.get("/O") != "/Table"]
    cell.A = pikepdf.Array([pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Row),
                            *owned])


def _attributes(cell: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    attrs = cell.get("/A")
    if attrs is None:
        return []
    items = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs]
    return [a for a in items if isinstance(a, pikepdf.Dictionary)]


def mark_row_headers(pdf: bytes, shapes: Sequence[TableShape], title: str = "") -> bytes:
    """`pdf` with the first cell of every row of the row-header tables tagged TH /Scope /Row.

    `shapes` lists every table of the document in order; when the file's tables do not
    match them (a template that draws tables of its own), nothing is changed and a warning
    says so, rather than tagging the wrong cells.
    """
    if not any(s.row_headers for s in shapes):
        return pdf
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        tree = doc.Root.get("/StructTreeRoot")
        tables = list(_tables(tree)) if tree is not None else []
        found = [len(_rows(t)) for t in tables]
        if found != [s.rows for s in shapes]:
            log.warning("%s: tabellene i PDF-en stemmer ikke med dokumentet (%s mot %s); "
                        "radoverskriftene er ikke merket", title or "(uten tittel)",
                        found, [s.rows for s in shapes])
            return pdf
        for table, shape in zip(tables, shapes, strict=True):
            if not shape.row_headers:
                continue
            for row in _rows(table):
                cells = [c for c in _kids(row) if _element(c) and c.S in ("/TD", "/TH")]
                if cells:
                    _as_row_header(cells[0])
        out = io.BytesIO()
        # The ID is derived from the content, so the same input still gives the same bytes.
        doc.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()
