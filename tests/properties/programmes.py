"""Programmes for property tests: raw records as a reader would hand them over, and rendering."""

from __future__ import annotations

import os
import unicodedata
from functools import cache

from openpyxl.utils import get_column_letter

from plandoc.builders import build_documents
from plandoc.core.charset import coverage
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.document import Document
from plandoc.load.programme import load_programme
from plandoc.model.programme import Programme
from plandoc.model.rules import check
from plandoc.readers.base import RawInput, RawValue
from plandoc.schema.programme import PROGRAMME_SHEETS

FILE = "egenskap.xlsx"

#: Example counts are small by default so `make test` stays quick; PLANDOC_EXAMPLES=10 (a
#: factor) explores ten times as many, for a longer run by hand.
SCALE = max(1, int(os.environ.get("PLANDOC_EXAMPLES", "1") or "1"))


def examples(n: int) -> int:
    return n * SCALE

#: Sheets of a small valid programme (the corpus base), as rows of header → value.
BASE: dict[str, list[dict[str, object]]] = {
    "Program": [{"Kommune": "Dyrøy", "Programnavn": "Omstillingsprogrammet i Dyrøy",
                 "Periode fra (år)": 2024, "Periode til (år)": 2027,
                 "Visjon": "Et levende lokalsamfunn"}],
    "Innsatsområder": [
        {"ID": "IO1", "Navn": "Næringsutvikling", "Mål for innsatsområdet": "Flere bedrifter"},
        {"ID": "IO2", "Navn": "Kompetanse", "Mål for innsatsområdet": "Mer kompetanse"},
        {"ID": "IO3", "Navn": "Bolyst", "Mål for innsatsområdet": "Flere vil bo her"},
    ],
    "Mål": [{"ID": "H1", "Nivå": "hovedmål", "Mål": "60 nye arbeidsplasser",
             "Indikator": "Arbeidsplasser", "Målverdi": 60, "Frist": "31.12.2027"}],
    "Tiltak": [
        {"ID": "T1", "Navn": "Bedriftsutvikling", "Innsatsområde": "IO1", "År": 2025,
         "Budsjett (kr)": 500000},
        {"ID": "T2", "Navn": "Lærlingløftet", "Innsatsområde": "IO2", "År": 2025,
         "Budsjett (kr)": 300000},
    ],
    "Organisasjon": [{"Gruppe": "Styringsgruppe", "Rolle": "Leder", "Navn": "Kari Nordmann"}],
}

_BY_NAME = {s.name: s for s in PROGRAMME_SHEETS}


def raw_input(sheets: dict[str, list[dict[str, object]]]) -> RawInput:
    """RawInput as the xlsx reader gives it: a form sheet's values in column B (one row per
    field, from row 2), a table's rows from row 2 in the header order given."""
    raw = RawInput(file=FILE)
    for name, rows in sheets.items():
        sheet = _BY_NAME[name]
        by_header = {c.header: c for c in sheet.columns}
        raw.sheet_refs[sheet.key] = SourceRef(FILE, name)
        if sheet.kind == "form":
            record = {by_header[h].key: RawValue(v, SourceRef(FILE, name, f"B{i}"))
                      for i, (h, v) in enumerate(rows[0].items(), start=2)}
            raw.sheets[sheet.key] = [record]
            raw.row_refs[sheet.key] = [SourceRef(FILE, name, "A1")]
            continue
        records, starts = [], []
        for r, row in enumerate(rows, start=2):
            records.append({by_header[h].key: RawValue(v, SourceRef(
                FILE, name, f"{get_column_letter(c)}{r}")) for c, (h, v) in
                enumerate(row.items(), start=1)})
            starts.append(SourceRef(FILE, name, f"A{r}"))
        raw.sheets[sheet.key] = records
        raw.row_refs[sheet.key] = starts
    return raw


def base() -> dict[str, list[dict[str, object]]]:
    return {name: [dict(row) for row in rows] for name, rows in BASE.items()}


def load(sheets: dict[str, list[dict[str, object]]]) -> tuple[Programme | None, Diagnostics]:
    programme, diags = load_programme(raw_input(sheets))
    if programme is not None:
        diags.extend(check(programme))
    return programme, diags


def document(programme: Programme, stem: str) -> Document:
    return next(doc for name, doc in build_documents(programme) if name == stem)


@cache
def printable() -> str:
    """Characters a document shows faithfully, in left-to-right scripts: the readers' own
    repertoire (shipped fonts, no loose combining marks) without right-to-left letters, whose
    order a PDF text extractor cannot be trusted to keep (see docs/robustness.md)."""
    chars = []
    for code in sorted(coverage()):
        ch = chr(code)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000:
            continue
        # Format characters (soft hyphen, zero-width space, joiners) are kept in the data and
        # written to both files, but they are invisible by design: a PDF text extractor
        # drops them, so "appears unchanged in the extracted text" cannot hold for them.
        if unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cc", "Cs", "Co", "Cn", "Cf"):
            continue
        if unicodedata.bidirectional(ch) in ("R", "AL", "AN", "RLE", "RLO", "LRE", "LRO",
                                             "PDF", "RLI", "LRI", "FSI", "PDI"):
            continue
        chars.append(ch)
    return "".join(chars)

