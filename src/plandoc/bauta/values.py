"""Raw records of the bauta's files (bauta.yaml, the editorial sheet) typed by their columns."""

from __future__ import annotations

from dataclasses import replace

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.readers.base import RawInput, RawRecord, RawValue
from plandoc.readers.cells import CellError, convert
from plandoc.schema.programme import Sheet


def relabel(raw: RawInput, file: str, name: str) -> RawInput:
    """The same input with every reference naming the file as `name` (the project-relative
    path users know) instead of the path it was opened by."""
    if file == name:
        return raw

    def ref(r: SourceRef | None) -> SourceRef | None:
        return replace(r, file=name) if r is not None and r.file == file else r

    out = RawInput(file=name)
    out.sheets = {key: [{k: RawValue(v.value, ref(v.ref) or v.ref) for k, v in rec.items()}
                        for rec in records] for key, records in raw.sheets.items()}
    out.sheet_refs = {k: ref(v) or v for k, v in raw.sheet_refs.items()}
    out.row_refs = {k: [ref(r) or r for r in v] for k, v in raw.row_refs.items()}
    out.diagnostics.extend(
        replace(d, ref=ref(d.ref), related=tuple(ref(r) or r for r in d.related))
        for d in raw.diagnostics)
    return out


def typed(sheet: Sheet, record: RawRecord, diags: Diagnostics, rule: str
          ) -> tuple[dict[str, object], bool]:
    """The record's values by column key, typed by the column; False when one is wrong (each
    wrong value is an error at its cell or line, under `rule` unless the check names one)."""
    values: dict[str, object] = {}
    ok = True
    for column in sheet.columns:
        raw = record.get(column.key)
        if raw is None:
            continue
        try:
            values[column.key] = convert(raw.value, column)
        except CellError as exc:
            diags.error(f"{column.header.lower()} {exc.message}", exc.rule or rule, raw.ref)
            ok = False
    return values, ok
