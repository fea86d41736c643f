"""Typing raw records by the schema and building model records: shared by every loader."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import is_yaml
from plandoc.model.records import INVALID, PARTIAL, YEAR_MARK
from plandoc.readers.base import RawInput, RawRecord, RawValue
from plandoc.readers.cells import REPORTED, CellError, convert
from plandoc.schema.programme import Column, Sheet, label


def type_record(
    sheet: Sheet, record: RawRecord, row_ref: SourceRef, diags: Diagnostics,
    yaml_input: bool, whole_column_missing: set[str],
) -> tuple[dict[str, Any], dict[str, SourceRef], set[str]]:
    """Typed values and refs by model field, and the fields whose value is wrong or missing."""
    data: dict[str, Any] = {}
    refs: dict[str, SourceRef] = {"_row": row_ref}
    failed: set[str] = set()
    for column in sheet.columns:
        found: RawValue | None = record.get(column.key)
        ref = found.ref if found is not None else row_ref
        if found is not None:
            refs[column.field] = found.ref
        value = None
        if found is not None and found.value is REPORTED:
            failed.add(column.field)  # the reader has already said what is wrong here
            continue
        if found is not None:
            try:
                value = convert(found.value, column)
            except CellError as exc:
                diags.error(f"{label(column)} {exc.message}",
                            exc.rule or f"{sheet.key}.{column.key}", ref)
                failed.add(column.field)
                continue
        if value is None:
            if column.required:
                failed.add(column.field)
                if column.key not in whole_column_missing:
                    diags.error(_missing_message(sheet, column, yaml_input),
                                f"{sheet.key}.{column.key}", ref)
            continue
        data[column.field] = value
    return data, refs, failed


def _missing_message(sheet: Sheet, column: Column, yaml_input: bool) -> str:
    if yaml_input:
        return f"{column.key} mangler; skriv «{column.key}: …»"
    if sheet.kind == "form":
        return f"{label(column)} mangler; fyll ut feltet «{column.header}»"
    return f"{label(column)} mangler; fyll ut kolonnen «{column.header}»"


def build_record(
    cls: type[BaseModel], sheet: Sheet, data: dict[str, Any], refs: dict[str, SourceRef],
    diags: Diagnostics,
) -> Any:
    """The record, or None with a diagnostic per field pydantic rejects."""
    try:
        built = cls.model_validate(data)
    except ValidationError as exc:
        by_field = {c.field: c for c in sheet.columns}
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else ""
            column = by_field.get(field)
            name = label(column) if column else field
            rule = f"{sheet.key}.{column.key}" if column else f"{sheet.key}.ugyldig"
            diags.error(f"{name} har en verdi som ikke kan brukes her", rule,
                        refs.get(field) or refs.get("_row"))
        return None
    built.refs = refs  # type: ignore[attr-defined]
    return built


def load_table(
    sheet: Sheet, raw: RawInput, diags: Diagnostics, invalid: dict[str, SourceRef],
    classes: dict[str, type[BaseModel]],
    prepare: Callable[[type[BaseModel], dict[str, Any]], None] | None = None,
) -> list[BaseModel]:
    """The records of one table sheet, typed and built; a record with an error is left out
    and noted in `invalid`. `prepare` may complete a record's values before it is built."""
    records = raw.sheets[sheet.key]
    row_refs = raw.row_refs.get(sheet.key, [])
    sheet_ref = raw.sheet_refs.get(sheet.key, SourceRef(raw.file))
    yaml_input = is_yaml(raw.file)
    whole_missing: set[str] = set()
    if records and not yaml_input:
        # A required column missing from the header: say so once, not once per row.
        for column in sheet.columns:
            if column.required and all(column.key not in r for r in records):
                whole_missing.add(column.key)
                diags.error(
                    f"kolonnen «{column.header}» mangler i arket «{sheet.name}»; legg den til "
                    "i overskriftsraden", "kolonne.mangler", sheet_ref)
    cls = classes[sheet.model_field]
    out: list[BaseModel] = []
    for index, record in enumerate(records):
        row_ref = row_refs[index] if index < len(row_refs) else sheet_ref
        data, refs, failed = type_record(sheet, record, row_ref, diags, yaml_input,
                                          whole_missing)
        if prepare is not None:
            prepare(cls, data)
        built = None if failed else build_record(cls, sheet, data, refs, diags)
        if built is None:
            invalid.setdefault(INVALID + sheet.key, row_ref)
            if sheet.id_key and data.get("id"):
                invalid.setdefault(f"{INVALID}{sheet.key}:{data['id']}", row_ref)
            year = data.get("year")
            invalid.setdefault(f"{INVALID}{sheet.key}{YEAR_MARK}{year if year else '?'}",
                               row_ref)
            for column in sheet.columns:
                value = data.get(column.field)
                if column.type == "ref" and isinstance(value, str) and column.field in refs:
                    invalid[f"{PARTIAL}{sheet.key}\x1f{column.key}\x1f{value}"] = (
                        refs[column.field])
            continue
        out.append(built)
    return out
