"""A project file against its approved prosjektplan: what changed in the plan's content.

An approved prosjektplan edition is kept by `plandoc adopt <prosjektfil> prosjektplan`
(`vedtatt/prosjektplan-<file>-<version>/` beside the programme file). The plan's content is
every sheet but the follow-up: status reports and milestone status, and the columns filled in
while the project runs (achieved and assessed goals, decisions taken, accounts, granted money,
the end date and the final report's texts) are not part of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from plandoc.model.changes import RecordChange, compare_form, diff_records
from plandoc.model.editions import version_key
from plandoc.model.project import Project
from plandoc.schema.programme import Sheet
from plandoc.schema.project import (
    ACTIVITIES,
    BUDGET,
    DECISIONS_SHEET,
    FUNDING,
    GOALS,
    MILESTONE_STATUS,
    ORGANISATION,
    PHASES,
    PROJECT,
    PROJECT_EDITIONS,
    PROJECT_SHEETS,
    REPORTS,
    SUCCESS_FACTORS,
)

#: Sheets that are follow-up, not plan content.
FOLLOW_UP_SHEETS = frozenset({REPORTS.key, MILESTONE_STATUS.key})

#: Columns filled in while the project runs, by sheet key.
FOLLOW_UP_FIELDS: dict[str, frozenset[str]] = {
    PROJECT.key: frozenset({"ended", "final_assessment", "lessons", "continuation"}
                           | {c.field for c in PROJECT.columns if c.target == "version"}),
    GOALS.key: frozenset({"achieved", "assessment", "comment"}),
    DECISIONS_SHEET.key: frozenset({"decision", "note"}),
    BUDGET.key: frozenset({"actual"}),
    FUNDING.key: frozenset({"granted"}),
}

#: How a row is recognised across versions where the sheet has no id column.
KEYS: dict[str, Callable[[Any], str]] = {
    ORGANISATION.key: lambda r: f"{r.group} {r.role}",
    PHASES.key: lambda r: r.phase,
    ACTIVITIES.key: lambda r: r.name,
    BUDGET.key: lambda r: r.item,
    FUNDING.key: lambda r: r.source,
    SUCCESS_FACTORS.key: lambda r: r.factor,
    PROJECT_EDITIONS.key: lambda r: r.version,
}


def _numbered(records: Sequence[Any], label: Callable[[Any], str]) -> dict[int, str]:
    """"resultatmål 2": rows without an id or a unique name, numbered within their kind."""
    seen: dict[str, int] = {}
    out = {}
    for record in records:
        name = label(record)
        seen[name] = seen.get(name, 0) + 1
        out[id(record)] = f"{name} {seen[name]}"
    return out


def names_of(names: dict[int, str]) -> Callable[[Any], str]:
    return lambda r: names[id(r)]


def _rows(project: Project, sheet: Sheet, version: str) -> list[Any]:
    rows = list(getattr(project, sheet.model_field))
    if sheet is PROJECT_EDITIONS:
        return [r for r in rows if version_key(r.version) <= version_key(version)]
    return rows


def diff_project(old: Project, new: Project, version: str) -> list[RecordChange]:
    """Every difference in the content of prosjektplan `version` from `old` to `new`."""
    changes: list[RecordChange] = []
    found = compare_form(PROJECT, old.info, new.info, FOLLOW_UP_FIELDS[PROJECT.key])
    if found:
        changes.append(RecordChange(PROJECT, PROJECT.name, "changed", new.info.ref(), found,
                                    old.info, new.info))
    for sheet in PROJECT_SHEETS:
        if sheet.kind != "table" or sheet.key in FOLLOW_UP_SHEETS:
            continue
        before, after = _rows(old, sheet, version), _rows(new, sheet, version)
        if sheet.id_key:
            key_of: Callable[[Any], str] = lambda r: r.id  # noqa: E731
        elif sheet.key in KEYS:
            key_of = KEYS[sheet.key]
        else:  # goals: by level, numbered («resultatmål 2»)
            names = _numbered(before, lambda r: r.level) | _numbered(after, lambda r: r.level)
            key_of = names_of(names)
        changes += diff_records(sheet, before, after, key_of,
                                FOLLOW_UP_FIELDS.get(sheet.key, frozenset()))
    return changes
