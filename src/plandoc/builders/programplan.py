"""The programplan of an områdeløft (seed 000): frames and budget, mandate and organisation,
how projects are qualified, the projects of the period (numbered NN/YY), result measurement,
communication and critical success factors.

An områdeløft gets a programplan instead of an omstillingsplan (the omstillingsplan is the
regional omstilling's steering document); its yearly handlingsplaner and the project documents
are made as for any programme.
"""

from __future__ import annotations

from collections.abc import Sequence

from plandoc.builders.common import (
    Rendering,
    base_context,
    chapter_context,
    goal_views,
    group_by,
    make_meta,
    period,
    render_document,
)
from plandoc.builders.editions import source_for
from plandoc.builders.money import funding_table, resources_table
from plandoc.builders.omstillingsplan import (
    CHART_NAME,
    GroupView,
    budget_chart,
)
from plandoc.builders.project_views import latest_date, portfolio_row
from plandoc.builders.registry import register
from plandoc.builders.revision import revise
from plandoc.document import Document
from plandoc.i18n.labels import labels
from plandoc.model.portfolio import portfolio
from plandoc.model.programme import Programme
from plandoc.model.reconcile import reconcile_all, reconcile_total

AREA_PROGRAMME = "områdeløft"


class ProgramplanBuilder:
    """The one programplan of an områdeløft programme."""

    kind = "programplan"
    order = 10
    template = "programplan.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        if programme.info.kind != AREA_PROGRAMME:
            return []
        return [(self.kind, self.build_one(source_for(programme, self.kind)))]

    def build_one(self, programme: Programme, changes: bool = True) -> Document:
        """The programplan of `programme` as it stands (see `build` for which programme),
        with the change chapter of a revision unless `changes` is false."""
        lbl = labels(programme.info.language)
        meta = make_meta(programme, self.kind, lbl["programplan"],
                         f"{programme.info.name} {period(programme)}")
        rendering = Rendering(template=self.template, meta=meta)
        resources = resources_table(programme)
        chart_alt = ""
        if not resources.empty and resources.total:
            chart, chart_alt = budget_chart(programme, resources)
            rendering.charts[CHART_NAME] = chart
        figures = portfolio(programme)
        names = {a.id: a.name for a in programme.focus_areas}
        projects = [(portfolio_row(f, lbl), names.get(f.area, f.area)) for f in figures.projects]
        context = base_context(programme) | chapter_context(programme, self.kind) | {
            "recs": (recs := reconcile_all(programme)),
            "rec_total": reconcile_total(recs),
            "main_goals": goal_views(programme.goals_of("hovedmål")),
            "impact_goals": goal_views(programme.goals_of("effektmål")),
            "sub_goals": goal_views(programme.goals_of("delmål")),
            "areas": programme.focus_areas,
            "organisation": [
                GroupView(name, roles)
                for name, roles in group_by(programme.organisation, lambda r: r.group).items()
            ],
            "funding": funding_table(programme),
            "resources": resources,
            "chart": CHART_NAME if CHART_NAME in rendering.charts else None,
            "chart_alt": chart_alt,
            "projects": projects,
            "projects_total": figures.budget,
            "as_of": latest_date(programme),
            "communication": sorted(programme.communication,
                                    key=lambda c: (c.year is not None, c.year or 0)),
        }
        if not changes:
            return render_document(rendering, context)
        return revise(
            programme, self.kind, None, lambda p: self.build_one(p, changes=False),
            lambda revision: render_document(rendering, context | {"revision": revision}))


register(ProgramplanBuilder())
