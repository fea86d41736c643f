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

from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import is_yaml
from plandoc.load.records import build_record, load_table, type_record
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
from plandoc.model.records import INVALID
from plandoc.readers.base import RawInput
from plandoc.schema.programme import PROGRAM, PROGRAMME_SHEETS

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
        tables[sheet.model_field] = load_table(sheet, raw, diags, invalid, RECORD_CLASSES,
                                                  _prepare)

    info, version = _load_form(raw, diags)
    if info is None:
        return None, diags
    programme = Programme(info=info, version=version or VersionInfo(), source=raw.file,
                          **tables)
    programme.refs.update(invalid)
    if PROGRAM.key in raw.sheet_refs:
        programme.refs["_row"] = raw.sheet_refs[PROGRAM.key]
    return programme, diags


def load_programme_file(path: Path) -> tuple[Programme | None, Diagnostics]:
    """Read, load and check one programme file alone, without its projects."""
    from plandoc.model import rules
    from plandoc.readers import read_input

    programme, diags = load_programme(read_input(path))
    if programme is not None:
        diags.extend(rules.check(programme))
    return programme, diags


def _prepare(cls: type[BaseModel], data: dict[str, Any]) -> None:
    if cls is Measure:
        _complete_funding(data)


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
    data, refs, failed = type_record(PROGRAM, records[0], row_ref, diags, is_yaml(raw.file),
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
    version = build_record(VersionInfo, PROGRAM, version_data, version_refs, diags)
    # A wrong optional value is reported and left out; a required one stops the programme.
    required_failed = any(c.required and c.field in failed for c in PROGRAM.columns)
    info = None if required_failed else build_record(ProgrammeInfo, PROGRAM, info_data, info_refs,
                                               diags)
    return info, version
