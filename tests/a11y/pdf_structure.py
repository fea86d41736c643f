"""Reading a tagged PDF's structure tree with pikepdf: tables, cells, headings, title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf


def elements(node: object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element below `node`, depth first, in reading order."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(reversed(list(item)))
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item:
            yield item
            kids = item.get("/K")
            if kids is not None:
                stack.append(kids)


def scope(cell: pikepdf.Dictionary) -> str:
    attrs = cell.get("/A")
    items = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs] if attrs else []
    for a in items:
        if isinstance(a, pikepdf.Dictionary) and str(a.get("/O", "")) == "/Table":
            return str(a.get("/Scope", ""))
    return ""


@dataclass
class Report:
    """What is wrong with one PDF's tags, in words."""

    path: Path
    title: str = ""
    problems: list[str] = field(default_factory=list)
    tables: int = 0


def check(path: Path) -> Report:
    report = Report(path)
    with pikepdf.open(path) as pdf:
        report.title = str(pdf.docinfo.get("/Title", ""))
        tree = pdf.Root.get("/StructTreeRoot")
        if tree is None:
            report.problems.append("ikke merket (ingen StructTreeRoot)")
            return report
        for el in elements(tree.get("/K")):
            kind = str(el.S)
            if kind == "/Table":
                report.tables += 1
                report.problems += table_problems(el, report.tables)
    return report


def table_problems(table: pikepdf.Dictionary, n: int) -> list[str]:
    """A table must have header cells; a TH in a body row heads that row (scope Row), and
    the first row of a body is never all TH (a data row tagged as header)."""
    out: list[str] = []
    cells = [e for e in elements(table.get("/K")) if str(e.S) in ("/TH", "/TD")]
    heads = [c for c in cells if str(c.S) == "/TH"]
    if not heads:
        out.append(f"tabell {n}: ingen overskriftsceller (TH)")
    for group in elements(table.get("/K")):
        if str(group.S) not in ("/TBody", "/TFoot"):
            continue
        for row in elements(group.get("/K")):
            if str(row.S) != "/TR":
                continue
            row_cells = [c for c in elements(row.get("/K")) if str(c.S) in ("/TH", "/TD")]
            for i, c in enumerate(row_cells):
                if str(c.S) == "/TH" and (i > 0 or scope(c) != "/Row"):
                    out.append(f"tabell {n}: datacelle merket TH i en rad")
    return out


HEADING = re.compile(r"/H\d?")
