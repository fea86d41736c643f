"""From raw records to a validated Programme: type every value by the schema, build the models.

Decisions the rest of the code relies on:

- Tiltak financing is completed here, so builders can read both fields without arithmetic:
  with both `omstillingsmidler` and `annen_finansiering` empty, omstillingsmidler = budsjett
  and annen = 0; with one of them empty, it is budsjett minus the other. When both are given
  they are kept as typed and `rules.check_measure_funding` checks that they add up.
- A record with an error (a value that cannot be typed, a required value missing) is left
  out of the programme, and the programme notes it in `refs` under "_invalid:<sheet key>"
  (and "_invalid:<sheet key>:<id>"), so rules neither report its id as unknown nor add up
  sums that miss it. `Programme.refs` is excluded from dumps and equality.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.model.programme import (
    BudgetLine,
    Chapter,
    CommunicationItem,
    Edition,
    FocusArea,
    FundingLine,
    Goal,
    Measure,
    Programme,
    ProgrammeInfo,
    ReportedResult,
    Role,
    Strategy,
    VersionInfo,
)
from plandoc.readers.base import RawInput, RawRecord, RawValue
from plandoc.readers.cells import REPORTED, CellError, convert
from plandoc.schema.programme import PROGRAM, PROGRAMME_SHEETS, Column, Sheet

#: The record class of each table sheet, by `Sheet.model_field`.
RECORD_CLASSES: dict[str, type[BaseModel]] = {
    "goals": Goal,
    "focus_areas": FocusArea,
    "strategies": Strategy,
    "measures": Measure,
    "budget": BudgetLine,
    "funding": FundingLine,
    "organisation": Role,
    "communication": CommunicationItem,
    "results": ReportedResult,
    "editions": Edition,
    "chapters": Chapter,
}

INVALID = "_invalid:"
#: A reference typed in a record that was left out (another cell of its row is wrong):
#: "_partial:<sheet key>\x1f<column key>\x1f<value>" → its cell, so the reference is still
#: checked and the row's every problem reported at once.
PARTIAL = "_partial:"
#: "_invalid:<sheet key>@<year>": a left-out record of that year (sums of other years hold).
YEAR_MARK = "@"


def is_yaml(file: str) -> bool:
    """True when the input is a YAML file (messages then speak of keys, not sheets)."""
    return file.lower().endswith((".yaml", ".yml"))


def label(column: Column) -> str:
    """The column as named in a message: "Budsjett (kr)" → "budsjett", "ID" stays "ID"."""
    text = re.sub(r"\s*\(.*?\)\s*$", "", column.header)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def load_programme(raw: RawInput) -> tuple[Programme | None, Diagnostics]:
    """Type, build and collect every diagnostic; None only when no programme can be built."""
    diags = Diagnostics()
    diags.extend(raw.diagnostics)
    if not raw.sheets and diags.has_errors:
        return None, diags  # the file could not be read at all; "sheet missing" would be noise
    yaml_input = is_yaml(raw.file)
    for sheet in PROGRAMME_SHEETS:
        if sheet.required and sheet.key not in raw.sheets:
            message = (
                f"«{sheet.key}:» mangler; legg den til (se malen)" if yaml_input
                else f"arket «{sheet.name}» mangler; legg det til (se malen)"
            )
            diags.error(message, "ark.mangler", SourceRef(raw.file))

    tables: dict[str, list[BaseModel]] = {}
    invalid: dict[str, SourceRef] = {}
    # A missing required sheet is reported above; rules over it (counts) would only repeat it.
    invalid.update({INVALID + s.key: SourceRef(raw.file) for s in PROGRAMME_SHEETS
                    if s.required and s.key not in raw.sheets})
    for sheet in PROGRAMME_SHEETS:
        if sheet.kind != "table" or sheet.key not in raw.sheets:
            continue
        tables[sheet.model_field] = _load_table(sheet, raw, diags, invalid)

    info, version = _load_form(raw, diags)
    if info is None:
        return None, diags
    programme = Programme(info=info, version=version or VersionInfo(), source=raw.file,
                          **tables)
    programme.refs.update(invalid)
    if PROGRAM.key in raw.sheet_refs:
        programme.refs["_row"] = raw.sheet_refs[PROGRAM.key]
    return programme, diags


#: Folder beside a programme file that holds its project files (PLP), one file per project.
def load_programme_file(path: Path) -> tuple[Programme | None, Diagnostics]:
    """Read, load and check one programme file alone, without its projects."""
    from plandoc.model import rules
    from plandoc.readers import read_input

    programme, diags = load_programme(read_input(path))
    if programme is not None:
        diags.extend(rules.check(programme))
    return programme, diags


def load_file(path: Path, adopted: bool = True) -> tuple[Programme | None, Diagnostics]:
    """Read, load and check one input file; every diagnostic is returned, nothing raises.

    A programme file brings its projects (the files in `prosjekter/` beside it): they are
    loaded, checked on their own and against the programme, and attached to
    `Programme.projects`. With `adopted`, the adopted editions kept in `vedtatt/` beside it
    are loaded too and the programme is checked against them (`plandoc.load.editions`). A
    project file given on its own is checked against the programme beside its folder; it
    yields no programme.
    """
    from plandoc.load.editions import attach_adopted
    from plandoc.load.project import is_project_file, load_projects, load_single_project

    if is_project_file(path):
        return None, load_single_project(path)
    programme, diags = load_programme_file(path)
    if programme is not None:
        diags.extend(load_projects(path, programme))
        if adopted and not diags.has_errors:
            diags.extend(attach_adopted(path, programme))
    return programme, diags


# ------------------------------------------------------------------ typing


def _type_record(
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


def _build(
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


def _load_table(
    sheet: Sheet, raw: RawInput, diags: Diagnostics, invalid: dict[str, SourceRef],
    classes: dict[str, type[BaseModel]] = RECORD_CLASSES,
) -> list[BaseModel]:
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
        data, refs, failed = _type_record(sheet, record, row_ref, diags, yaml_input,
                                          whole_missing)
        if cls is Measure:
            _complete_funding(data)
        built = None if failed else _build(cls, sheet, data, refs, diags)
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


def _complete_funding(data: dict[str, Any]) -> None:
    """Fill in omstillingsmidler and annen finansiering from the budget (see module doc)."""
    budget = data.get("budget")
    if budget is None:
        return
    own, other = data.get("programme_funding"), data.get("other_funding")
    if own is None and other is None:
        own, other = budget, Decimal(0)
    elif own is None:
        own = budget - other
    elif other is None:
        other = budget - own
    data["programme_funding"], data["other_funding"] = own, other


def _load_form(
    raw: RawInput, diags: Diagnostics,
) -> tuple[ProgrammeInfo | None, VersionInfo | None]:
    if PROGRAM.key not in raw.sheets:
        return None, None
    records = raw.sheets[PROGRAM.key] or [{}]
    row_ref = (raw.row_refs.get(PROGRAM.key) or [raw.sheet_refs.get(PROGRAM.key)
                                                 or SourceRef(raw.file)])[0]
    data, refs, failed = _type_record(PROGRAM, records[0], row_ref, diags, is_yaml(raw.file),
                                      set())
    # Excel drops the leading zero of kommunenummer 0301 when it is typed as a number.
    number = data.get("municipality_number")
    if isinstance(number, str) and number.isdigit() and len(number) == 3:
        data["municipality_number"] = number.zfill(4)
    targets = {c.field: c.target for c in PROGRAM.columns}
    info_data = {k: v for k, v in data.items() if targets[k] == "info"}
    version_data = {k: v for k, v in data.items() if targets[k] == "version"}
    info_refs = {k: v for k, v in refs.items() if k == "_row" or targets.get(k) == "info"}
    version_refs = {k: v for k, v in refs.items() if k == "_row" or targets.get(k) == "version"}
    version = _build(VersionInfo, PROGRAM, version_data, version_refs, diags)
    # A wrong optional value is reported and left out; a required one stops the programme.
    required_failed = any(c.required and c.field in failed for c in PROGRAM.columns)
    info = None if required_failed else _build(ProgrammeInfo, PROGRAM, info_data, info_refs,
                                               diags)
    return info, version
