"""Raw records: what a reader hands to the model, each value with its source reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plandoc.core.diagnostics import Diagnostics, SourceRef


@dataclass(frozen=True)
class RawValue:
    """One value as the reader found it (str, int, float, date, datetime, bool) and where."""

    value: Any
    ref: SourceRef


#: One row of a table sheet (or the single record of a form sheet), keyed by `Column.key`.
RawRecord = dict[str, RawValue]


@dataclass
class RawInput:
    """Everything one input file holds, before typing and validation.

    `sheets` maps a sheet key (`Sheet.key`) to its records: a table sheet gives one record
    per data row, a form sheet exactly one record. `sheet_refs` says where each sheet
    was found, `row_refs` where each record starts (used for "missing field" diagnostics).
    """

    file: str
    sheets: dict[str, list[RawRecord]] = field(default_factory=dict)
    sheet_refs: dict[str, SourceRef] = field(default_factory=dict)
    row_refs: dict[str, list[SourceRef]] = field(default_factory=dict)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
