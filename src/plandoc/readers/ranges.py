"""Tables taken from a range of the workbook ("Tabell!A1:D12" or a named range), for the
own chapters and appendices (sheet Kapitler, column Tabell)."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils.cell import range_boundaries

from plandoc.core.diagnostics import SourceRef
from plandoc.readers.base import RawInput, RawValue
from plandoc.readers.cells import REPORTED, Percent, TableRows
from plandoc.schema.programme import Sheet

#: The biggest table a chapter takes: a bigger range is a typo ("A1:D1200").
MAX_ROWS, MAX_COLUMNS = 300, 12
_QUALIFIED = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!([$A-Za-z0-9]+(?::[$A-Za-z0-9]+)?)$")


class RangeError(ValueError):
    """A range that cannot be read; the message is Norwegian and names the range."""


def read_ranges(workbook: Any, raw: RawInput, sheets: tuple[Sheet, ...]) -> None:
    """Replace every range named in a `range` column by the rows it holds (`TableRows`);
    a range that cannot be read is an error at its cell. Sheets that only hold such tables
    are no longer reported as unknown."""
    used: set[str] = set()
    for sheet in sheets:
        for column in (c for c in sheet.columns if c.type == "range"):
            for record in raw.sheets.get(sheet.key, []):
                found = record.get(column.key)
                if found is None or not isinstance(found.value, str) or not found.value.strip():
                    continue
                try:
                    title, coords = _target(workbook, found.value.strip())
                    # The sheet is named by the range: no news that it is not a schema sheet.
                    used.add(title)
                    rows = _rows(workbook, found.value.strip(), title, coords)
                except RangeError as exc:
                    raw.diagnostics.error(f"{column.header}: {exc}",
                                          f"{sheet.key}.{column.key}", found.ref)
                    record[column.key] = RawValue(REPORTED, found.ref)
                    continue
                record[column.key] = RawValue(TableRows(rows), found.ref)
    if used:
        raw.diagnostics.items = [
            d for d in raw.diagnostics.items
            if not (d.rule == "ark.ukjent" and isinstance(d.ref, SourceRef)
                    and d.ref.sheet in used and d.ref.cell is None)]


def _target(workbook: Any, text: str) -> tuple[str, str]:
    """(sheet title, cells) of "Tabell!A1:D12", "'Mitt ark'!A1:D12" or a named range."""
    match = _QUALIFIED.match(text)
    if match:
        title = (match.group(1) or "").replace("''", "'") or (match.group(2) or "").strip()
        coords = match.group(3)
    else:
        title, coords = _named(workbook, text)
    if title not in workbook.sheetnames:
        raise RangeError(f"arket «{title}» i området «{text}» finnes ikke i arbeidsboka")
    return title, coords


def _rows(workbook: Any, text: str, title: str, coords: str) -> list[list[Any]]:
    """The values of the range row by row (trailing empty rows left out)."""
    try:
        bounds = range_boundaries(coords.replace("$", ""))
    except (ValueError, TypeError):
        raise RangeError(f"«{text}» er ikke et gyldig område (skriv f.eks. "
                         "Tabell!A1:D12)") from None
    min_col, min_row, max_col, max_row = (b or 0 for b in bounds)
    if not all(bounds):
        raise RangeError(f"«{text}» må ha både første og siste celle (f.eks. Tabell!A1:D12)")
    if max_row - min_row + 1 > MAX_ROWS or max_col - min_col + 1 > MAX_COLUMNS:
        raise RangeError(f"området «{text}» er for stort; en tabell kan ha høyst {MAX_ROWS} "
                         f"rader og {MAX_COLUMNS} kolonner")
    ws = workbook[title]
    rows = [[_value(c) for c in r] for r in ws.iter_rows(
        min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col)]
    # Read-only sheets stop at their last written row: pad to the range's shape.
    width = max_col - min_col + 1
    rows = [r + [None] * (width - len(r)) for r in rows]
    while rows and all(v is None or str(v).strip() == "" for v in rows[-1]):
        rows.pop()
    if len(rows) < 2:
        raise RangeError(f"området «{text}» må ha en overskriftsrad og minst én rad under")
    return rows


def _value(cell: Any) -> Any:
    """A cell's value; a number Excel shows as per cent stays "50 %" (`Percent`)."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in str(
            getattr(cell, "number_format", "") or ""):
        return Percent(value)
    return value


def _named(workbook: Any, name: str) -> tuple[str, str]:
    """The sheet and cells of a named range ("Nøkkeltall")."""
    defined = workbook.defined_names.get(name)
    if defined is None:
        raise RangeError(f"«{name}» er verken et område (som Tabell!A1:D12) eller et "
                         "navngitt område i arbeidsboka")
    destinations = list(defined.destinations)
    if len(destinations) != 1:
        raise RangeError(f"det navngitte området «{name}» må peke på ett område på ett ark")
    return destinations[0]
