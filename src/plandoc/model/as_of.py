"""Figures "per" a document's own date: project reports after its «tall per» date are left out.

A handlingsplan drafted in November with figures per 31 October must not show the status
reports the projects send in December, however long after the workbook is built. So every
document whose edition has a «tall per» date sees the projects as they had reported by then:
status reports and milestone status after it are left out, and a project that ended after
it has not ended yet. Where the document is built from the workbook (not from a kept adopted
edition), each project file with reports left out gets a warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plandoc.core.diagnostics import Diagnostics
from plandoc.core.paths import PROJECTS_DIR
from plandoc.i18n.fmt import format_date
from plandoc.model.editions import documents_built, edition_for, edition_key
from plandoc.model.programme import Programme
from plandoc.model.project import Project

#: Documents whose content includes the projects (status, spending, results).
WITH_PROJECTS = ("programplan", "handlingsplan", "årsrapport")


def project_as_of(project: Project, day: dt.date) -> Project:
    """`project` as it had reported by `day`."""
    ended = project.info.ended
    info = (project.info if ended is None or ended <= day
            else project.info.model_copy(update={"ended": None}))
    copy = project.model_copy(update={
        "info": info,
        "reports": [r for r in project.reports if r.date <= day],
        "milestone_status": [s for s in project.milestone_status if s.date <= day],
    })
    copy.source = project.source
    return copy


def programme_as_of(programme: Programme, day: dt.date | None) -> Programme:
    """`programme` with its projects as they had reported by `day` (unchanged for None)."""
    if day is None or not programme.projects:
        return programme
    return programme.model_copy(update={
        "projects": [project_as_of(p, day) for p in programme.projects]})


def left_out(project: Project, day: dt.date) -> list[dt.date]:
    """The dates of the status reports of `project` after `day`, oldest first."""
    return sorted(r.date for r in project.reports if r.date > day)


def _short(day: dt.date) -> str:
    return format_date(day, "short")


def _project_file(project: Project) -> str:
    path = Path(project.source)
    return f"{PROJECTS_DIR}/{path.name}" if path.parent.name == PROJECTS_DIR else path.name


def check_as_of(programme: Programme) -> Diagnostics:
    """A warning per document and project file whose reports after the document's «tall per»
    date are left out (documents built from a kept adopted edition are records: no warning)."""
    diags = Diagnostics()
    for document, year in documents_built(programme):
        if document not in WITH_PROJECTS:
            continue
        edition = edition_for(programme, document, year)
        day = edition.current.data_as_of
        if edition.borrowed or day is None:
            continue
        if edition.current.status == "vedtatt" and edition_key(edition.current) in \
                programme.adopted:
            continue
        name = f"{document} {year}" if year is not None else document
        files = [(p, dates) for p in programme.projects if (dates := left_out(p, day))]
        if not files:
            continue
        count = sum(len(dates) for _, dates in files)
        listed = "; ".join(
            f"{_project_file(p)}: {len(dates)} ({', '.join(_short(d) for d in dates)})"
            for p, dates in files)
        reports = f"{count} statusrapporter" if count > 1 else "1 statusrapport"
        diags.warning(
            f"{name} har tall per {format_date(day)}, så {reports} datert etter det er ikke "
            f"med i dokumentet – {listed}; sett en senere dato i «Tall per» for {name} "
            "i arket «Utgaver» hvis de skal med", "utgaver.tall_per",
            edition.current.ref("data_as_of") or edition.current.ref())
    return diags
