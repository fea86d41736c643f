"""The omstillingsplan: the multi-year steering document of a programme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from plandoc.builders.common import (
    GoalView,
    Rendering,
    SumTable,
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
from plandoc.builders.registry import register
from plandoc.builders.revision import revise
from plandoc.document import Chart, Document, Series
from plandoc.i18n import fmt
from plandoc.i18n.labels import CHART_LANG, labels
from plandoc.model.programme import (
    CommunicationItem,
    FocusArea,
    Measure,
    Programme,
    Role,
    Strategy,
)
from plandoc.model.reconcile import reconcile_all, reconcile_total

CHART_NAME = "budget_by_area"


@dataclass
class YearAmount:
    year: int
    amount: Decimal


@dataclass
class MeasureGroup:
    """One proposed tiltak over the years it runs (the model has one record per year)."""

    name: str
    years: list[YearAmount]
    #: The tiltak's ids over the years ("T1" or "T1-2025, T1-2026").
    ids: str = ""


@dataclass
class StrategyView:
    strategy: Strategy
    measures: list[MeasureGroup]


@dataclass
class AreaView:
    area: FocusArea
    goals: list[GoalView]
    strategies: list[StrategyView]
    #: Tiltak without a strategy (or with one from another area).
    other_measures: list[MeasureGroup]


@dataclass
class GroupView:
    name: str
    roles: list[Role]


def _measure_groups(measures: Sequence[Measure]) -> list[MeasureGroup]:
    grouped = group_by(measures, lambda m: m.name)
    return [
        MeasureGroup(
            name=name,
            years=[YearAmount(m.year, m.budget) for m in sorted(items, key=lambda m: m.year)],
            ids=", ".join(dict.fromkeys(m.id for m in sorted(items, key=lambda m: m.year))),
        )
        for name, items in grouped.items()
    ]


def _area_views(programme: Programme) -> list[AreaView]:
    views = []
    for area in programme.focus_areas:
        strategies = programme.strategies_of(area.id)
        known = {s.id for s in strategies}
        measures = sorted(programme.measures_of(area.id), key=lambda m: m.year)
        views.append(AreaView(
            area=area,
            goals=goal_views(programme.goals_of(area_id=area.id)),
            strategies=[
                StrategyView(s, _measure_groups([m for m in measures if m.strategy == s.id]))
                for s in strategies
            ],
            other_measures=_measure_groups([m for m in measures if m.strategy not in known]),
        ))
    return views


def budget_chart(programme: Programme, table: SumTable) -> tuple[Chart, str]:
    """The stacked bar chart of the resources table, and its alt text in words."""
    lbl = labels(programme.info.language)
    chart = Chart(
        kind="stacked-bar",
        categories=[str(y) for y in table.columns],
        series=[Series(row.label, [float(v) for v in row.values]) for row in table.rows],
        unit="kr",
        title=lbl["chart_caption"],
        lang=CHART_LANG[programme.info.language],
    )
    # A sentence or two, not every figure: the numbers are in the table right above, and a
    # screen reader should not have to listen through them twice.
    alt = lbl["chart_alt"]
    if table.columns:
        top = max(range(len(table.columns)), key=lambda i: table.totals[i])
        even = min(table.totals) == max(table.totals)
        alt += " " + lbl["chart_alt_even" if even else "chart_alt_years"].format(
            first=table.columns[0], last=table.columns[-1], year=table.columns[top],
            total=fmt.format_kr(table.totals[top]))
    return chart, alt


def _communication(items: Sequence[CommunicationItem]) -> list[CommunicationItem]:
    return sorted(items, key=lambda c: (c.year is not None, c.year or 0))


class OmstillingsplanBuilder:
    """Builds the one omstillingsplan of a programme."""

    kind = "omstillingsplan"
    order = 10
    template = "omstillingsplan.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        if programme.info.kind == "områdeløft":
            return []  # an områdeløft is steered by its programplan (builders/programplan.py)
        return [(self.kind, self.build_one(source_for(programme, self.kind)))]

    def build_one(self, programme: Programme, changes: bool = True) -> Document:
        """The omstillingsplan of `programme` as it stands (see `build` for which programme),
        with the change chapter of a revision unless `changes` is false."""
        lbl = labels(programme.info.language)
        meta = make_meta(
            programme, self.kind, lbl["omstillingsplan"],
            f"{programme.info.name} {period(programme)}",
        )
        resources = resources_table(programme)
        rendering = Rendering(template=self.template, meta=meta)
        chart_alt = ""
        if not resources.empty and resources.total:
            chart, chart_alt = budget_chart(programme, resources)
            rendering.charts[CHART_NAME] = chart
        context = base_context(programme) | chapter_context(programme, self.kind) | {
            "recs": (recs := reconcile_all(programme)),
            "rec_total": reconcile_total(recs),
            "main_goals": goal_views(programme.goals_of("hovedmål")),
            "impact_goals": goal_views(programme.goals_of("effektmål")),
            "sub_goals": goal_views(programme.goals_of("delmål")),
            "areas": _area_views(programme),
            "organisation": [
                GroupView(name, roles)
                for name, roles in group_by(programme.organisation, lambda r: r.group).items()
            ],
            "funding": funding_table(programme),
            "resources": resources,
            "chart": CHART_NAME if CHART_NAME in rendering.charts else None,
            "chart_alt": chart_alt,
            "communication": _communication(programme.communication),
        }
        if not changes:
            return render_document(rendering, context)
        return revise(
            programme, self.kind, None, lambda p: self.build_one(p, changes=False),
            lambda revision: render_document(rendering, context | {"revision": revision}))


register(OmstillingsplanBuilder())
