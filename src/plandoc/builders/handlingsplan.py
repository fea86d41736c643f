"""The handlingsplan: one per year, the year's strategies, tiltak, budget and financing."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plandoc.builders.common import (
    GoalView,
    Rendering,
    SumTable,
    add_cell,
    base_context,
    chapter_context,
    goal_views,
    group_by,
    make_meta,
    render_document,
    split_funding,
    sum_table,
    total,
)
from plandoc.builders.editions import source_for
from plandoc.builders.project_views import StatusView, traffic
from plandoc.builders.registry import register
from plandoc.builders.revision import revise
from plandoc.document import Document
from plandoc.i18n.labels import labels
from plandoc.model.portfolio import year_results
from plandoc.model.programme import (
    BudgetLine,
    FocusArea,
    FundingLine,
    Measure,
    Programme,
    Strategy,
)
from plandoc.model.reconcile import reconcile

OWN, OTHER = "own", "other"


@dataclass
class MeasureRow:
    """A tiltak with its budget split into omstillingsmidler and annen finansiering."""

    measure: Measure
    own: Decimal
    other: Decimal


@dataclass
class MeasureTable:
    rows: list[MeasureRow]
    budget: Decimal
    own: Decimal
    other: Decimal

    @classmethod
    def of(cls, measures: Sequence[Measure]) -> MeasureTable:
        rows = [MeasureRow(m, *split_funding(m)) for m in measures]
        return cls(
            rows=rows,
            budget=total(r.measure.budget for r in rows),
            own=total(r.own for r in rows),
            other=total(r.other for r in rows),
        )

    @property
    def described(self) -> list[Measure]:
        """The tiltak that have a responsible, goals, a description or named funding sources
        to show below the table (which holds the money only)."""
        return [r.measure for r in self.rows
                if r.measure.responsible or r.measure.result_goal or r.measure.project_goal
                or r.measure.description
                or r.measure.funding_sources or r.measure.plp_phase not in (None, "ikke PLP")]


@dataclass
class StrategyView:
    strategy: Strategy
    table: MeasureTable


@dataclass
class AreaView:
    area: FocusArea
    goals: list[GoalView]
    #: This year's tiltak without a strategy of this area, or None.
    loose: MeasureTable | None
    strategies: list[StrategyView]


@dataclass
class ResultRow:
    target: str
    indicator: str | None
    planned: str | None
    achieved: str | None
    comment: str | None


@dataclass
class ProjectResultRow:
    """A tiltak of an earlier year carried out by projects: the portfolio's figures."""

    measure: str
    projects: str
    status: StatusView | None
    status_text: str
    budget: Decimal
    project_budget: Decimal
    spent: Decimal


@dataclass
class ResultYear:
    year: int
    rows: list[ResultRow]
    #: Tiltak of that year with projects (same figures as the årsrapport and portfolio).
    projects: list[ProjectResultRow] = field(default_factory=list)


@dataclass
class LineTable:
    """This year's budget or funding lines with their total."""

    lines: list[Any]
    total: Decimal


@dataclass
class BudgetRow:
    line: BudgetLine
    area: str


def _areas(programme: Programme, year: int) -> list[AreaView]:
    views = []
    for area in programme.focus_areas:
        strategies = programme.strategies_of(area.id)
        known = {s.id for s in strategies}
        measures = programme.measures_of(area.id, year=year)
        loose = [m for m in measures if m.strategy not in known]
        views.append(AreaView(
            area=area,
            goals=goal_views(programme.goals_of(area_id=area.id)),
            loose=MeasureTable.of(loose) if loose else None,
            strategies=[
                StrategyView(s, MeasureTable.of(chosen))
                for s in strategies
                if (chosen := [m for m in measures if m.strategy == s.id])
            ],
        ))
    return views


def _results(programme: Programme, year: int) -> list[ResultYear]:
    names = {g.id: g.text for g in programme.goals} | {m.id: m.name for m in programme.measures}
    earlier = sorted((r for r in programme.results if r.year < year), key=lambda r: r.year)
    by_year = {
        y: ResultYear(y, [
            ResultRow(names.get(r.target_ref, r.target_ref), r.indicator, r.planned,
                      r.achieved, r.comment)
            for r in items
        ])
        for y, items in group_by(earlier, lambda r: r.year).items()
    }
    if programme.projects:
        for y in programme.measure_years():
            if y >= year:
                continue
            rows = _project_rows(programme, y)
            if rows:
                by_year.setdefault(y, ResultYear(y, [])).projects = rows
    return [by_year[y] for y in sorted(by_year)]


def _project_rows(programme: Programme, year: int) -> list[ProjectResultRow]:
    """The tiltak of `year` that projects carry out, as the årsrapport shows them."""
    lbl = labels(programme.info.language)
    rows = []
    for item in year_results(programme, year).measures:
        if not item.projects:
            continue
        first = item.projects[0]
        status = None if first.finished else traffic(first.status, lbl)
        text = lbl["s_finished"] if first.finished else (
            "" if status is not None else lbl["s_not_reported"])
        rows.append(ProjectResultRow(
            measure=item.measure.name,
            projects=", ".join(f.project.info.id for f in item.projects),
            status=status, status_text=text, budget=item.measure.budget,
            project_budget=item.project_budget, spent=item.spent,
        ))
    return rows


def by_area_table(programme: Programme, year: int) -> SumTable:
    """This year's tiltak per innsatsområde: omstillingsmidler, annen finansiering, sum."""
    cells: dict[tuple[Hashable, Any], Decimal] = {}
    for m in programme.measures_of(year=year):
        own, other = split_funding(m)
        add_cell(cells, m.focus_area, OWN, own)
        add_cell(cells, m.focus_area, OTHER, other)
    return sum_table([OWN, OTHER], cells, [(a.id, a.name) for a in programme.focus_areas])


def _budget(programme: Programme, year: int) -> LineTable:
    names = {a.id: a.name for a in programme.focus_areas}
    lines: list[BudgetLine] = [b for b in programme.budget if b.year == year]
    return LineTable(
        lines=[BudgetRow(b, names.get(b.focus_area or "", "")) for b in lines],
        total=total(b.amount for b in lines),
    )


def _funding(programme: Programme, year: int) -> LineTable:
    lines: list[FundingLine] = [f for f in programme.funding if f.year == year]
    return LineTable(lines=lines, total=total(f.amount for f in lines))


class HandlingsplanBuilder:
    """Builds one handlingsplan per year with tiltak (or per requested year)."""

    kind = "handlingsplan"
    order = 20
    template = "handlingsplan.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        chosen = programme.measure_years() if years is None else sorted(set(years))
        return [(f"{self.kind}-{year}", self.build_year(programme, year)) for year in chosen]

    def build_year(self, programme: Programme, year: int, changes: bool = True) -> Document:
        programme = source_for(programme, self.kind, year)
        lbl = labels(programme.info.language)
        title = lbl["handlingsplan_title"].format(year=year)
        meta = make_meta(programme, self.kind, title, programme.info.name, year)
        context = base_context(programme, self.kind, year) | chapter_context(programme, self.kind)
        if programme.info.kind == "områdeløft":
            # An områdeløft's handlingsplan builds on its programplan, not an omstillingsplan.
            context["labels"] = context["labels"] | {
                "introduction_text": lbl["introduction_text_area"],
                "previous_results": lbl["previous_results_area"],
            }
        context = context | {
            "year": year,
            "main_goals": goal_views(programme.goals_of("hovedmål")),
            "impact_goals": goal_views(programme.goals_of("effektmål")),
            "areas": _areas(programme, year),
            "results": _results(programme, year),
            "by_area": by_area_table(programme, year),
            "budget": _budget(programme, year),
            "funding": _funding(programme, year),
            "reconciliation": reconcile(programme, year),
            # The first handlingsplan says so instead of leaving the results chapter out.
            "first_year": year <= min(programme.measure_years(), default=year),
            "communication": [
                c for c in programme.communication if c.year is None or c.year == year
            ],
        }
        rendering = Rendering(template=self.template, meta=meta)
        if not changes:
            return render_document(rendering, context)
        return revise(
            programme, self.kind, year, lambda p: self.build_year(p, year, changes=False),
            lambda revision: render_document(rendering, context | {"revision": revision}))


register(HandlingsplanBuilder())
