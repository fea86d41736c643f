"""Adopted editions kept beside the programme file, and the rule that they are never changed.

`plandoc adopt` writes what an adopted edition was built from to
`vedtatt/<document>-<version>/program.yaml` (with `prosjekter/` beside it where the document
shows projects). Loading a programme loads those snapshots too (`Programme.adopted`), and
compares each document whose current edition is adopted with its snapshot: a changed value
is an error naming its cell, a missing snapshot a warning.
"""

from __future__ import annotations

from pathlib import Path

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import ADOPTED_DIR
from plandoc.i18n.fmt import format_date
from plandoc.model.as_of import check_as_of
from plandoc.model.changes import RecordChange, diff, show
from plandoc.model.editions import (
    document_stem,
    documents_built,
    edition_for,
    edition_key,
    main_document,
    project_editions,
    snapshot_name,
    version_key,
)
from plandoc.model.programme import Edition, Programme
from plandoc.model.project_changes import diff_project
from plandoc.model.reporting import check_reporting_basis
from plandoc.schema.programme import FOCUS_AREAS, GOALS, STRATEGIES

SNAPSHOT_FILE = "program.yaml"


def snapshot_dir(programme_file: Path, edition: Edition) -> Path:
    """vedtatt/<document>-<version>/ beside the programme file."""
    return programme_file.parent / ADOPTED_DIR / snapshot_name(
        edition.document, edition.year, edition.version)


def attach_adopted(path: Path, programme: Programme) -> Diagnostics:
    """Load every kept adopted edition of `programme` and check the current ones against it."""
    from plandoc.load.project import load_with_projects

    diags = Diagnostics()
    for edition in programme.editions:
        if edition.status != "vedtatt":
            continue
        folder = snapshot_dir(path, edition)
        file = folder / SNAPSHOT_FILE
        if not file.is_file():
            continue
        snapshot, found = load_with_projects(file)
        bad = [d for d in found if d.is_error]
        if snapshot is None or bad:
            diags.extend(bad)
            diags.error(f"den vedtatte utgaven i {folder} kan ikke leses; hent den fram igjen "
                        "fra versjonskontrollen (den skal ikke endres for hånd)",
                        "vedtatt.lesing", SourceRef(str(file)))
            continue
        programme.adopted[edition_key(edition)] = snapshot
    for document, year in documents_built(programme):
        register = edition_for(programme, document, year)
        current = register.current
        if register.borrowed or current.status != "vedtatt":
            continue
        snapshot = programme.adopted.get(edition_key(current))
        name = f"{document} {year}" if year is not None else document
        if snapshot is None:
            stem = document_stem(document, year)
            diags.warning(
                f"{name} versjon {current.version} er vedtatt, men ikke tatt vare på; kjør "
                f"«plandoc adopt {path.name} {stem}» og legg mappen «{ADOPTED_DIR}» inn sammen "
                "med arbeidsboken", "vedtatt.mangler", current.ref("status") or current.ref())
            continue
        revised = _main_plan_revised(snapshot, programme)
        for change in diff(snapshot, programme, document, year, current.version):
            if revised and change.sheet.key in MAIN_PLAN_SHEETS and year is not None:
                # Goals, areas and strategies are the main plan's: a handlingsplan or
                # årsrapport shows them, but a new version of the plan is what changes them,
                # and the adopted yearly document is still built from its own snapshot.
                continue
            _report(diags, change, name, current, path)
    diags.extend(check_reporting_basis(programme))
    diags.extend(check_as_of(programme))
    diags.extend(check_project_plans(path, programme))
    return diags


#: Sheets that belong to the main plan even where a yearly document shows them.
MAIN_PLAN_SHEETS = frozenset({GOALS.key, FOCUS_AREAS.key, STRATEGIES.key})


def _main_plan_revised(snapshot: Programme, programme: Programme) -> bool:
    """True when the main plan has another version now than when `snapshot` was adopted."""
    main = main_document(programme)
    before = edition_for(snapshot, main).current.version
    return version_key(edition_for(programme, main).current.version) != version_key(before)


PROJECT_SNAPSHOT_FILE = "prosjekt.yaml"


def project_snapshot_dir(programme_file: Path, project_file: Path, version: str) -> Path:
    """vedtatt/prosjektplan-<project file>-<version>/ beside the programme file."""
    return programme_file.parent / ADOPTED_DIR / snapshot_name(
        f"prosjektplan-{project_file.stem}", None, version)


def check_project_plans(path: Path, programme: Programme) -> Diagnostics:
    """Each project whose prosjektplan is approved (status vedtatt) against its kept edition:
    a changed value of the plan's content is an error at its cell, a missing one a warning."""
    from plandoc.load.project import load_project_file
    from plandoc.model import project_rules

    diags = Diagnostics()
    for project in programme.projects:
        editions = project_editions(project)
        if not editions or editions[-1].status != "vedtatt":
            continue
        current = editions[-1]
        source = Path(project.source)
        rel = f"{source.parent.name}/{source.name}"
        label = f"prosjektplanen for {project.info.id} versjon {current.version}"
        folder = project_snapshot_dir(path, source, current.version)
        file = folder / PROJECT_SNAPSHOT_FILE
        if not file.is_file():
            diags.warning(
                f"{label} er godkjent, men ikke tatt vare på; kjør «plandoc adopt {rel} "
                f"prosjektplan» og legg mappen «{ADOPTED_DIR}» inn sammen med arbeidsboken",
                "vedtatt.mangler", current.ref("status") or current.ref())
            continue
        kept, found = load_project_file(file)
        if kept is None or found.has_errors:
            diags.extend(d for d in found if d.is_error)
            diags.error(f"den godkjente prosjektplanen i {folder} kan ikke leses; hent den fram "
                        "igjen fra versjonskontrollen (den skal ikke endres for hånd)",
                        "vedtatt.lesing", SourceRef(str(file)))
            continue
        # Values the programme fills in (the innsatsområde of the tiltak) as for the live file.
        project_rules.check_against_programme(kept, programme)
        day = current.approved or current.board_date or current.date
        what = (f"{label} ble godkjent{f' {format_date(day)}' if day else ''} og er lagret i "
                f"«{ADOPTED_DIR}/{folder.name}»")
        register = "under «utgaver»" if _yaml(source) else "i arket «Utgaver»"
        todo = (f"legg til en ny versjon av prosjektplanen {register} (status utkast) før du "
                "endrer innholdet, eller sett tilbake verdien som ble godkjent")
        for change in diff_project(kept, project, current.version):
            _report_change(diags, change, what, todo, source)
    return diags


def _report_change(diags: Diagnostics, change: RecordChange, what: str, todo: str,
                   path: Path) -> None:
    """One change as an error at its cell, in the words of `_report`."""
    rule = "vedtatt.endret"
    where = (f"under «{change.sheet.key}»" if _yaml(path)
             else f"i arket «{change.sheet.name}»")
    label = f"«{change.key}» {where}"
    if change.sheet.kind == "form":
        label = where.removeprefix("i ").removeprefix("under ")
    if change.kind == "added":
        diags.error(f"ny rad {label}, men {what}; {todo}", rule, change.ref)
    elif change.kind == "removed":
        old = change.old.ref() if change.old is not None else None
        diags.error(f"raden {label} er fjernet, men {what}; {todo}", rule,
                    SourceRef(str(path)) if _yaml(path)
                    else SourceRef(str(path), change.sheet.name), related=[old] if old else [])
    else:
        for f in change.fields:
            diags.error(
                f"{f.column.header} for {label} er endret fra «{show(f.old)}» til "
                f"«{show(f.new)}», men {what}; {todo}", rule, f.ref or change.ref)


def _when(edition: Edition) -> str:
    day = edition.council_date or edition.board_date or edition.date
    return f" {format_date(day)}" if day else ""


def _report(diags: Diagnostics, change: RecordChange, name: str, edition: Edition,
            path: Path) -> None:
    what = (f"{name} versjon {edition.version} ble vedtatt{_when(edition)} og er lagret i "
            f"«{ADOPTED_DIR}/{snapshot_name(edition.document, edition.year, edition.version)}»")
    register = "under «utgaver»" if _yaml(path) else "i arket «Utgaver»"
    todo = (f"legg til en ny versjon av {name} {register} (status utkast) før du endrer "
            "innholdet, eller sett tilbake verdien som ble vedtatt")
    _report_change(diags, change, what, todo, path)


def _yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")
