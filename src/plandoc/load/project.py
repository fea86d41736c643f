"""From project files to validated Projects attached to their programme.

A programme's projects live in the `prosjekter/` folder beside the programme file, one file
per project (the project leader owns it). Where `x.xlsx` and its YAML twin `x.yaml` both exist
the workbook is used, and the twin is still read and compared. A project with errors of its own
is reported and left out of the programme, so no document shows half-checked figures.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import PROJECTS_DIR, is_yaml
from plandoc.core.paths import project_files as _project_files
from plandoc.load.records import build_record, load_table, type_record
from plandoc.model.programme import Programme
from plandoc.model.project import (
    Activity,
    DecisionPoint,
    Milestone,
    MilestoneStatus,
    Phase,
    Project,
    ProjectBudgetLine,
    ProjectEdition,
    ProjectFunding,
    ProjectGoal,
    ProjectInfo,
    Risk,
    StatusReport,
    SuccessFactor,
)
from plandoc.model.records import Role, VersionInfo
from plandoc.readers.base import RawInput
from plandoc.schema.project import PROJECT, PROJECT_SHEETS

#: The record class of each project table sheet, by `Sheet.model_field`.
PROJECT_RECORD_CLASSES: dict[str, type[BaseModel]] = {
    "organisation": Role,
    "goals": ProjectGoal,
    "phases": Phase,
    "decisions": DecisionPoint,
    "milestones": Milestone,
    "activities": Activity,
    "budget": ProjectBudgetLine,
    "funding": ProjectFunding,
    "success_factors": SuccessFactor,
    "risks": Risk,
    "reports": StatusReport,
    "milestone_status": MilestoneStatus,
    "editions": ProjectEdition,
}

#: Which input wins when a project's workbook and YAML twin sit side by side.
_PREFERENCE = {".xlsx": 0, ".yaml": 1, ".yml": 2}


def is_project_file(path: Path) -> bool:
    """True for a file inside a `prosjekter/` folder (a project file, not a programme)."""
    return path.parent.name.casefold() == PROJECTS_DIR


def looks_like_project(path: Path) -> bool:
    """A project file: in a `prosjekter/` folder, or with a «prosjekt» key or sheet."""
    if is_project_file(path):
        return True
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            head = path.read_text(encoding="utf-8-sig", errors="replace")[:200_000]
            return re.search(rf"^{PROJECT.key}\s*:", head, re.MULTILINE) is not None
        if path.suffix.lower() == ".xlsx":
            import openpyxl

            workbook = openpyxl.load_workbook(path, read_only=True)
            try:
                return any(name.strip().casefold() == PROJECT.name.casefold()
                           for name in workbook.sheetnames)
            finally:
                workbook.close()
    except Exception:  # unreadable: let the programme reader report it properly
        return False
    return False


def load_project(raw: RawInput) -> tuple[Project | None, Diagnostics]:
    """Type and build one project; None only when no project can be built."""
    diags = Diagnostics()
    diags.extend(raw.diagnostics)
    if not raw.sheets and diags.has_errors:
        return None, diags
    yaml_input = is_yaml(raw.file)
    if PROJECT.key not in raw.sheets:
        message = (f"«{PROJECT.key}:» mangler; legg den til (se malen for prosjekter)"
                   if yaml_input else
                   f"arket «{PROJECT.name}» mangler; legg det til (se malen for prosjekter)")
        diags.error(message, "ark.mangler", SourceRef(raw.file))
        return None, diags
    tables: dict[str, list[BaseModel]] = {}
    invalid: dict[str, SourceRef] = {}
    for sheet in PROJECT_SHEETS:
        if sheet.kind == "table" and sheet.key in raw.sheets:
            tables[sheet.model_field] = load_table(sheet, raw, diags, invalid,
                                                   PROJECT_RECORD_CLASSES)
    info, version = _load_form(raw, diags)
    if info is None:
        return None, diags
    project = Project(info=info, version=version or VersionInfo(), source=raw.file, **tables)
    project.refs.update(invalid)
    project.refs["_row"] = raw.sheet_refs.get(PROJECT.key, SourceRef(raw.file))
    return project, diags


def _load_form(
    raw: RawInput, diags: Diagnostics,
) -> tuple[ProjectInfo | None, VersionInfo | None]:
    records = raw.sheets[PROJECT.key] or [{}]
    row_ref = (raw.row_refs.get(PROJECT.key) or [raw.sheet_refs.get(PROJECT.key)
                                                 or SourceRef(raw.file)])[0]
    data, refs, failed = type_record(PROJECT, records[0], row_ref, diags, is_yaml(raw.file),
                                      set())
    targets = {c.field: c.target for c in PROJECT.columns}

    def part(target: str) -> tuple[dict[str, Any], dict[str, SourceRef]]:
        values = {k: v for k, v in data.items() if targets[k] == target}
        where = {k: v for k, v in refs.items() if k == "_row" or targets.get(k) == target}
        return values, where

    version = build_record(VersionInfo, PROJECT, *part("version"), diags)
    required_failed = any(c.required and c.field in failed for c in PROJECT.columns)
    info = None if required_failed else build_record(ProjectInfo, PROJECT, *part("info"), diags)
    return info, version


def load_project_file(path: Path) -> tuple[Project | None, Diagnostics]:
    """Read and load one project file, and run the rules that need only the project."""
    from plandoc.model import project_rules
    from plandoc.readers import read_input

    project, diags = load_project(read_input(path, PROJECT_SHEETS))
    if project is not None:
        diags.extend(project_rules.check(project))
    return project, diags


def project_files(programme_path: Path) -> list[Path]:
    """The project files of the programme at `programme_path` (twins included), sorted."""
    return _project_files(programme_path)


def load_projects(programme_path: Path, programme: Programme) -> Diagnostics:
    """Load every project beside `programme_path`, check it against the programme, and attach
    those without errors of their own to `programme.projects`."""
    from plandoc.model import project_rules

    diags = Diagnostics()
    by_stem: dict[str, list[Path]] = {}
    for path in project_files(programme_path):
        by_stem.setdefault(path.stem, []).append(path)
    loaded: list[Project] = []
    for paths in by_stem.values():
        paths.sort(key=lambda p: _PREFERENCE.get(p.suffix.lower(), 9))
        primary: Project | None = None
        primary_ok = False
        for path in paths:
            project, project_diags = load_project_file(path)
            diags.extend(project_diags)
            if project is None:
                continue
            diags.extend(project_rules.check_against_programme(project, programme))
            if primary is None:
                primary, primary_ok = project, not project_diags.has_errors
            elif project != primary:
                diags.warning(
                    f"filen har ikke samme innhold som {primary.source}; {primary.source} "
                    "brukes – konverter den ene til den andre med «plandoc convert»",
                    "prosjekt.tvilling", SourceRef(project.source),
                    related=[SourceRef(primary.source)])
        if primary is not None and primary_ok:
            loaded.append(primary)
    programme.projects = sorted(loaded, key=project_sort_key)
    diags.extend(project_rules.check_portfolio(programme))
    return diags


def load_with_projects(path: Path) -> tuple[Programme | None, Diagnostics]:
    """The programme file at `path`, loaded and checked, with its projects attached."""
    from plandoc.load.programme import load_programme_file

    programme, diags = load_programme_file(path)
    if programme is not None:
        diags.extend(load_projects(path, programme))
    return programme, diags


def project_sort_key(project: Project) -> tuple[int, str]:
    """Projects in portfolio order: `01/25` before `02/25` before `01/26` (NN/YY)."""
    number, _, year = project.info.id.partition("/")
    if number.isdigit() and year.isdigit():
        return (int(year) * 1000 + int(number), project.info.id)
    return (10**9, project.info.id)


def programme_file_for(project_path: Path) -> Path | None:
    """The programme file beside the `prosjekter/` folder a project file sits in."""
    folder = project_path.parent.parent
    candidates = sorted(
        (p for p in folder.iterdir()
         if p.is_file() and p.suffix.lower() in _PREFERENCE
         and not p.name.startswith(("~$", "."))),
        key=lambda p: (p.stem != "program", _PREFERENCE[p.suffix.lower()], p.name),
    ) if folder.is_dir() else []
    return candidates[0] if candidates else None


def load_single_project(path: Path) -> Diagnostics:
    """Check one project file on its own (`plandoc validate prosjekter/x.yaml`), against the
    programme beside its folder when there is one."""
    from plandoc.load.programme import load_programme
    from plandoc.model import project_rules
    from plandoc.readers import read_input

    project, diags = load_project_file(path)
    if project is None:
        return diags
    programme_path = programme_file_for(path)
    programme = None
    if programme_path is not None:
        programme, programme_diags = load_programme(read_input(programme_path))
        if programme_diags.has_errors:
            programme = None
    if programme is None:
        diags.warning(
            "fant ingen lesbar programfil i mappen over «prosjekter»; prosjektet er ikke "
            "kontrollert mot handlingsplanen", "prosjekt.program", SourceRef(str(path)))
        return diags
    diags.extend(project_rules.check_against_programme(project, programme))
    return diags

