"""Test helpers: write small workbooks with openpyxl, cell by cell, as users would."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

#: Program sheet rows (Felt, Verdi) of a minimal valid programme.
PROGRAM_ROWS: list[list[object]] = [
    ["Felt", "Verdi"],
    ["Kommune", "Dyrøy"],
    ["Programnavn", "Omstillingsprogrammet i Dyrøy"],
    ["Periode fra (år)", 2024],
    ["Periode til (år)", 2029],
]

AREA_ROWS: list[list[object]] = [
    ["ID", "Navn"],
    ["IO1", "Næringsutvikling"],
    ["IO2", "Reiseliv"],
    ["IO3", "Kompetanse"],
]


def write_book(
    path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = (),
) -> Path:
    """A workbook with one sheet per entry; each row list starts at column A, row 1."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def minimal_book(path: Path, **extra: list[list[object]]) -> Path:
    """Program + Innsatsområder, plus any sheets given (keyword = sheet name)."""
    sheets: dict[str, list[list[object]]] = {"Program": PROGRAM_ROWS,
                                             "Innsatsområder": AREA_ROWS}
    sheets.update(extra)
    return write_book(path, sheets)


def patch_member(path: Path, member: str, change) -> Path:  # type: ignore[no-untyped-def]
    """Rewrite one file inside the xlsx zip with `change(bytes) -> bytes`."""
    import zipfile

    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            dst.writestr(info.filename, change(data) if info.filename == member else data)
    return path
