"""PLP project documents: prosjektplan, statusrapport (one per report date) and sluttrapport.

Each project's documents go to `prosjekter/<id-slug>/` under the programme's build folder.
Every status report gets its own document (`statusrapport-YYYY-MM-DD`): each is sent to the
styringsgruppe on its date and must stay reproducible after later reports are added.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from plandoc.builders.common import (
    Rendering,
    VersionView,
    base_context,
    capfirst,
    render_document,
)
from plandoc.builders.project_views import (
    milestone_rows,
    project_meta,
    project_stem,
    project_view,
    spent_chart,
    timeline_chart,
    traffic,
)
from plandoc.builders.registry import register
from plandoc.document import Document
from plandoc.i18n import fmt
from plandoc.i18n.labels import labels, status_label
from plandoc.model.editions import project_editions
from plandoc.model.programme import Programme
from plandoc.model.project import Project, StatusReport

TIMELINE = "milestones"
SPENT = "spent"


def _context(programme: Programme, **extra: Any) -> dict[str, Any]:
    return base_context(programme) | {"extra": []} | extra


def project_history(project: Project, language: str) -> list[VersionView]:
    """The earlier versions of the prosjektplan (register rows before the last), newest first."""
    return [
        VersionView(version=e.version, date=fmt.format_date(e.date),
                    status=capfirst(status_label(e.status, language)),
                    board_date=fmt.format_date(e.board_date),
                    council_date=fmt.format_date(e.approved), changes=e.changes or "")
        for e in reversed(project_editions(project)[:-1])
    ]


class ProsjektplanBuilder:
    """The prosjektplan of every project, for its current phase."""

    kind = "prosjektplan"
    order = 40
    template = "prosjektplan.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        return [(project_stem(p, self.kind), self.build_project(programme, p))
                for p in programme.projects]

    def build_project(self, programme: Programme, project: Project) -> Document:
        lbl = labels(programme.info.language)
        title = f"{lbl['prosjektplan']} – {lbl['phase_' + project.info.phase]}"
        rendering = Rendering(template=self.template,
                              meta=project_meta(programme, project, self.kind, title))
        found = timeline_chart(project, programme)
        alt = ""
        if found is not None:
            rendering.charts[TIMELINE], alt = found
        context = _context(programme, p=project_view(project, programme),
                           timeline=TIMELINE if found is not None else None, timeline_alt=alt,
                           history=project_history(project, programme.info.language))
        return render_document(rendering, context)


class StatusrapportBuilder:
    """One statusrapport per status report date of every project."""

    kind = "statusrapport"
    order = 41
    template = "statusrapport.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        out = []
        for project in programme.projects:
            for report in project.reports_sorted():
                stem = project_stem(project, f"{self.kind}-{report.date.isoformat()}")
                out.append((stem, self.build_report(programme, project, report)))
        return out

    def build_report(self, programme: Programme, project: Project,
                     report: StatusReport) -> Document:
        lbl = labels(programme.info.language)
        status = traffic(report.status, lbl)
        assert status is not None
        view = project_view(project, programme)
        spent = report.spent if report.spent is not None else Decimal(0)
        meta = project_meta(
            programme, project, self.kind, lbl["statusrapport"],
            version=[(lbl["s_report_date"], fmt.format_date(report.date)),
                     (lbl["s_overall"], status.label),
                     (lbl["p_phase"], view.phase),
                     (lbl["s_reported_by"], report.reported_by or "–")],
            date=report.date,
        )
        rendering = Rendering(template=self.template, meta=meta)
        chart, alt = spent_chart(view.budget_total, spent, programme, report.date)
        rendering.charts[SPENT] = chart
        previous = [
            {"date": r.date, "status": traffic(r.status, lbl),
             "spent": r.spent if r.spent is not None else Decimal(0)}
            for r in view.reports if r.date < report.date
        ]
        context = _context(
            programme, p=view, report=report, status=status,
            milestones=milestone_rows(project, report, lbl), spent=spent,
            share=spent / view.budget_total if view.budget_total else None,
            chart=SPENT, chart_alt=alt, previous=previous,
        )
        return render_document(rendering, context)


class SluttrapportBuilder:
    """The sluttrapport of every project that has ended."""

    kind = "sluttrapport"
    order = 42
    template = "sluttrapport.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        return [(project_stem(p, self.kind), self.build_project(programme, p))
                for p in programme.projects if p.finished]

    def build_project(self, programme: Programme, project: Project) -> Document:
        lbl = labels(programme.info.language)
        view = project_view(project, programme)
        ended = project.info.ended
        meta = project_meta(
            programme, project, self.kind, lbl["sluttrapport"],
            version=[(lbl["f_ended"], fmt.format_date(ended)),
                     (lbl["p_phase"], view.phase),
                     (lbl["p_leader"], project.info.leader or "–")],
            date=ended,
        )
        last = project.latest_report()
        milestones = milestone_rows(project, last, lbl) if last is not None else []
        extra = [(lbl["f_ended"], fmt.format_date(ended, "short")),
                 (lbl["budget"], fmt.format_kr(view.budget_total)),
                 (lbl["f_actual"], fmt.format_kr(view.actual_total))]
        assessed = [g for g in view.goals if g.assessment is not None]
        context = _context(
            programme, p=view, extra=extra, milestones=milestones,
            assessed=len(assessed),
            reached=sum(1 for g in assessed if g.assessment and g.assessment.level == "green"),
        )
        return render_document(Rendering(template=self.template, meta=meta), context)


register(ProsjektplanBuilder())
register(StatusrapportBuilder())
register(SluttrapportBuilder())
