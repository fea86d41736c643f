"""What changed in a document's content between two programmes (an adopted edition and now).

A document's content is the part of the workbook it shows (`scope`): the multi-year plan
shows every goal, area, tiltak and money line; a handlingsplan only its year's tiltak, budget
and funding (and the results before it); an årsrapport its year's tiltak and results. The
register rows of the document up to the adopted version belong to it too (its version block
and history). Records are matched by their key (an id, or year + name), so a moved row is not
a change, and every changed value keeps the SourceRef of its cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plandoc.core.diagnostics import SourceRef
from plandoc.i18n.fmt import format_date, format_number
from plandoc.model.editions import MAIN_DOCUMENTS, register_name, version_key
from plandoc.model.programme import Programme
from plandoc.model.records import Record
from plandoc.schema.programme import (
    BUDGET,
    COMMUNICATION,
    EDITIONS,
    FOCUS_AREAS,
    FUNDING,
    GOALS,
    MEASURES,
    ORGANISATION,
    PROGRAM,
    RESULTS,
    STRATEGIES,
    Column,
    Sheet,
)

#: How a record of each sheet is recognised across versions.
KEYS: dict[str, Callable[[Any], str]] = {
    GOALS.key: lambda r: r.id,
    FOCUS_AREAS.key: lambda r: r.id,
    STRATEGIES.key: lambda r: r.id,
    MEASURES.key: lambda r: f"{r.id} ({r.year})",
    BUDGET.key: lambda r: f"{r.year} {r.item}",
    FUNDING.key: lambda r: f"{r.year} {r.source}",
    ORGANISATION.key: lambda r: f"{r.group} {r.role} {r.name}",
    COMMUNICATION.key: lambda r: f"{r.audience} {r.channel} {r.year or ''}".strip(),
    RESULTS.key: lambda r: f"{r.year} {r.target_ref}",
    EDITIONS.key: lambda r: f"{r.document} {r.year or ''} {r.version}".replace("  ", " "),
}

Selector = Callable[[Any], bool]


def scope(document: str, year: int | None, version: str) -> dict[str, Selector]:
    """The sheets a document shows, each with the records of it that belong to the document."""
    name = register_name(document)
    every: Selector = lambda r: True  # noqa: E731

    def own_rows(r: Any) -> bool:
        return (r.document == name and (name in MAIN_DOCUMENTS or r.year == year)
                and version_key(r.version) <= version_key(version))

    if name in MAIN_DOCUMENTS:
        sheets: dict[str, Selector] = {
            s.key: every for s in (GOALS, FOCUS_AREAS, STRATEGIES, MEASURES, BUDGET, FUNDING,
                                   ORGANISATION, COMMUNICATION)
        }
    elif name == "handlingsplan":
        sheets = {
            GOALS.key: every, FOCUS_AREAS.key: every, STRATEGIES.key: every,
            MEASURES.key: lambda r: r.year == year,
            BUDGET.key: lambda r: r.year == year,
            FUNDING.key: lambda r: r.year == year,
            COMMUNICATION.key: lambda r: r.year is None or r.year == year,
            RESULTS.key: lambda r: year is not None and r.year < year,
        }
    else:  # årsrapport
        sheets = {
            GOALS.key: every,
            MEASURES.key: lambda r: r.year == year,
            RESULTS.key: lambda r: r.year == year,
        }
    sheets[EDITIONS.key] = own_rows
    return sheets


@dataclass
class FieldChange:
    """One value that differs: the column, the old and new value, where the new one is."""

    column: Column
    old: Any
    new: Any
    ref: SourceRef | None


@dataclass
class RecordChange:
    """A record added, removed or changed in one sheet."""

    sheet: Sheet
    key: str
    kind: str  # "added" | "removed" | "changed"
    ref: SourceRef | None
    fields: list[FieldChange] = field(default_factory=list)
    #: The record in the adopted edition (removed/changed) and now (added/changed).
    old: Any = None
    new: Any = None


def show(value: Any) -> str:
    """A value as a message shows it: numbers and dates the Norwegian way, empty as "(tom)"."""
    if value is None or value == "":
        return "(tom)"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, dt.date):
        return format_date(value, "short")
    return str(value)


def _compare(sheet: Sheet, old: Record | None, new: Record | None,
             ignored: frozenset[str] = frozenset()) -> list[FieldChange]:
    out = []
    for column in sheet.columns:
        if column.field in ignored:
            continue
        if sheet is PROGRAM and column.target != "info":
            continue  # the Program sheet's version block is the register's business
        before = getattr(old, column.field, None) if old is not None else None
        after = getattr(new, column.field, None) if new is not None else None
        if before != after:
            ref = new.ref(column.field) if new is not None else None
            out.append(FieldChange(column, before, after, ref))
    return out


def _keyed(sheet: Sheet, records: Iterable[Any],
           key_of: Callable[[Any], str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for record in records:
        key = (key_of or KEYS[sheet.key])(record)
        n, unique = 1, key
        while unique in out:  # the same key twice: the second is "key #2"
            n += 1
            unique = f"{key} #{n}"
        out[unique] = record
    return out


def _sheet(key: str) -> Sheet:
    from plandoc.schema.programme import sheet_by_key

    found = sheet_by_key(key)
    assert found is not None, key
    return found


def diff(old: Programme, new: Programme, document: str, year: int | None,
         version: str) -> list[RecordChange]:
    """Every difference in `document`'s content from `old` to `new`, sheet by sheet."""
    changes: list[RecordChange] = []
    info = _compare(PROGRAM, old.info, new.info)
    if info:
        changes.append(RecordChange(PROGRAM, PROGRAM.name, "changed", new.info.ref(), info,
                                    old.info, new.info))
    for key, wanted in scope(document, year, version).items():
        sheet = _sheet(key)
        changes += diff_records(sheet, [r for r in getattr(old, sheet.model_field) if wanted(r)],
                                [r for r in getattr(new, sheet.model_field) if wanted(r)])
    return changes


def diff_records(sheet: Sheet, old: Iterable[Any], new: Iterable[Any],
                 key_of: Callable[[Any], str] | None = None,
                 ignored: frozenset[str] = frozenset()) -> list[RecordChange]:
    """The records of one sheet added, removed or changed from `old` to `new`, matched by
    `key_of` (default: the sheet's KEYS); fields in `ignored` are not compared."""
    changes: list[RecordChange] = []
    before, after = _keyed(sheet, old, key_of), _keyed(sheet, new, key_of)
    for name, record in after.items():
        if name not in before:
            changes.append(RecordChange(sheet, name, "added", record.ref(), [], None, record))
            continue
        found = _compare(sheet, before[name], record, ignored)
        if found:
            changes.append(RecordChange(sheet, name, "changed", record.ref(), found,
                                        before[name], record))
    for name, record in before.items():
        if name not in after:
            changes.append(RecordChange(sheet, name, "removed", None, [], record, None))
    return changes


def compare_form(sheet: Sheet, old: Record, new: Record,
                 ignored: frozenset[str] = frozenset()) -> list[FieldChange]:
    """The fields of a form sheet (one record) that differ."""
    return _compare(sheet, old, new, ignored)
