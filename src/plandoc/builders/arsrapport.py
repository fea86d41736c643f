"""The årsrapport: how far each goal of a year's handlingsplan was reached, from the reported
results and from the projects (figures from `plandoc.model.portfolio`).

Made for programmes with project files, for each year that has a handlingsplan and something
reported (results, or projects that have sent status reports or ended).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from plandoc.builders.common import Rendering, base_context, make_meta, render_document
from plandoc.builders.editions import source_for
from plandoc.builders.project_views import (
    ASSESSMENT_LEVELS,
    StatusView,
    phase_label,
    rollup_meta,
    traffic,
)
from plandoc.builders.registry import register
from plandoc.document import Document
from plandoc.i18n import fmt
from plandoc.i18n.labels import labels
from plandoc.model.editions import edition_for
from plandoc.model.portfolio import ProjectFigures, YearResults, year_results
from plandoc.model.programme import Edition, Programme
from plandoc.model.reconcile import reconcile, split_funding
from plandoc.model.reporting import (
    adopted_handlingsplan,
    approval_date,
    arsrapport_years,
    as_adopted,
)
from plandoc.model.rollup import goal_state


@dataclass
class GoalRow:
    id: str
    level: str
    text: str
    indicator: str | None
    target: str | None
    planned: str | None
    achieved: str | None
    comment: str | None
    #: On track or not (`plandoc.model.rollup.goal_state`), in the målform.
    state: str = ""


@dataclass
class ContributionRow:
    goal: str
    project: str
    text: str
    target: str | None
    achieved: str | None
    assessment: StatusView | None
    pending: str


@dataclass
class MeasureRow:
    measure: str
    project: str
    phase: str
    status: StatusView | None
    status_text: str
    budget: Decimal
    project_budget: Decimal
    #: None: no project of the tiltak has reported anything ("ikke rapportert", not 0).
    spent: Decimal | None


@dataclass
class AreaAccount:
    """One innsatsområde's tiltak in the year: budget, financing and what was spent."""

    name: str
    budget: Decimal
    own: Decimal
    other: Decimal
    spent: Decimal | None
    #: The innsatsområde's id ("IO1"), printed before its name.
    id: str = ""


def _reported(figures: ProjectFigures) -> bool:
    return bool(figures.project.reports) or figures.finished


def _spent(items: list[ProjectFigures]) -> Decimal | None:
    reported = [f for f in items if _reported(f)]
    return sum((f.spent for f in reported), Decimal(0)) if reported else None


def area_accounts(programme: Programme, results: YearResults) -> list[AreaAccount]:
    """Per innsatsområde: the year's tiltak budget, omstillingsmidler, other financing and
    the projects' spending; "ikke rapportert" (None) where no project has reported."""
    rows = []
    for area in programme.focus_areas:
        items = [m for m in results.measures if m.measure.focus_area == area.id]
        if not items:
            continue
        parts = [split_funding(m.measure) for m in items]
        rows.append(AreaAccount(
            name=area.name,
            budget=sum((m.measure.budget for m in items), Decimal(0)),
            own=sum((own for own, _ in parts), Decimal(0)),
            other=sum((other for _, other in parts), Decimal(0)),
            spent=_spent([f for m in items for f in m.projects]),
            id=area.id,
        ))
    return rows


def _handlingsplan_goals(programme: Programme) -> list[str]:
    """Ids of the goals a handlingsplan shows: main and impact goals, and area goals."""
    return [g.id for g in programme.goals
            if g.level in ("hovedmål", "effektmål") or g.focus_area is not None]


def goal_rows(programme: Programme, results: YearResults) -> list[GoalRow]:
    shown = set(_handlingsplan_goals(programme))
    lbl = labels(programme.info.language)
    level_names = {"hovedmål": lbl["main_goals"], "effektmål": lbl["impact_goals"],
                   "delmål": lbl["sub_goals"]}
    rows = []
    for item in results.goals:
        if item.goal.id not in shown:
            continue
        first = item.results[0] if item.results else None
        rows.append(GoalRow(
            id=item.goal.id, level=level_names[item.goal.level], text=item.goal.text,
            indicator=(first.indicator if first and first.indicator else item.goal.indicator),
            target=item.goal.target,
            planned=first.planned if first else None,
            achieved=first.achieved if first else None,
            comment=first.comment if first else None,
            state=lbl["goal_state_" + goal_state(programme, item.goal).replace(" ", "_")],
        ))
    return rows


def contribution_rows(programme: Programme, results: YearResults) -> list[ContributionRow]:
    lbl = labels(programme.info.language)
    rows = []
    for item in results.goals:
        for c in item.contributions:
            a = c.assessment
            rows.append(ContributionRow(
                goal=item.goal.id,
                project=f"{c.project.info.id} {c.project.info.name}",
                text=c.goal.text, target=c.goal.target, achieved=c.goal.achieved,
                assessment=(StatusView(ASSESSMENT_LEVELS[a],
                                       lbl["assessment_" + a.replace(" ", "_")])
                            if a else None),
                pending="" if a else (lbl["f_measured_later"] if c.goal.level == "effektmål"
                                      else lbl["f_not_assessed"]),
            ))
    return rows


def measure_rows(programme: Programme, results: YearResults) -> list[MeasureRow]:
    lbl = labels(programme.info.language)
    rows = []
    for item in results.measures:
        first = item.projects[0] if item.projects else None
        status = traffic(first.status, lbl) if first and not first.finished else None
        text = ""
        if first is None:
            text = lbl["ar_no_project"]
        elif first.finished:
            text = lbl["s_finished"]
        elif status is None:
            text = lbl["s_not_reported"]
        rows.append(MeasureRow(
            measure=f"{item.measure.id} {item.measure.name}",
            project=", ".join(f.project.info.id for f in item.projects),
            phase=phase_label(first.project.info.phase, lbl) if first else "",
            status=status, status_text=text,
            budget=item.measure.budget, project_budget=item.project_budget,
            spent=_spent(item.projects),
        ))
    return rows


def basis_text(programme: Programme, year: int, edition: Edition | None) -> str:
    """The sentence saying what the report measures against: the adopted handlingsplan, or
    the workbook as it is now when no adopted one is kept."""
    lbl = labels(programme.info.language)
    if edition is None:
        return lbl["ar_basis_live"].format(year=year)
    return lbl["ar_basis_adopted"].format(year=year, version=edition.version,
                                          date=approval_date(edition))


@dataclass
class SpendingRow:
    """Adopted budget against what was spent, for one tiltak, innsatsområde or in all."""

    label: str
    adopted: Decimal
    #: None: nothing reported ("ikke rapportert").
    spent: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        """Adopted minus spent: what is left (negative: overspent)."""
        return None if self.spent is None else self.adopted - self.spent


def spending_rows(programme: Programme, results: YearResults) -> list[SpendingRow]:
    """Per tiltak of the year: its adopted budget and its projects' spending."""
    return [SpendingRow(f"{m.measure.id} {m.measure.name}", m.measure.budget, _spent(m.projects))
            for m in results.measures]


def spending_area_rows(programme: Programme, results: YearResults) -> list[SpendingRow]:
    """Per innsatsområde: the adopted budget of its tiltak and their projects' spending."""
    rows = []
    for area in programme.focus_areas:
        items = [m for m in results.measures if m.measure.focus_area == area.id]
        if items:
            rows.append(SpendingRow(area.name, sum((m.measure.budget for m in items), Decimal(0)),
                                    _spent([f for m in items for f in m.projects])))
    return rows


def spending_total(results: YearResults) -> SpendingRow:
    return SpendingRow("", results.budget,
                       _spent([f for m in results.measures for f in m.projects]))


@dataclass
class TraceRow:
    """One line of the trace appendix: a goal, a tiltak that works for it, one of its
    projects, and what was reported. The goal's cells are filled on its first line only."""

    goal: str
    goal_result: str
    measure: str
    project: str
    status: StatusView | None
    result: str


def trace_rows(programme: Programme, results: YearResults) -> list[TraceRow]:
    """Each goal of the year's handlingsplan → its tiltak → their projects → results.

    A goal of an innsatsområde is worked for by the year's tiltak in that area; every goal
    also by the tiltak of the projects that say they contribute to it ("Bidrar til M8").
    """
    lbl = labels(programme.info.language)
    shown = set(_handlingsplan_goals(programme))
    rows: list[TraceRow] = []
    for item in results.goals:
        goal = item.goal
        if goal.id not in shown:
            continue
        contributing = {c.project.info.id: c for c in item.contributions}
        measures = [m for m in results.measures
                    if (goal.focus_area is not None and m.measure.focus_area == goal.focus_area)
                    or any(f.project.info.id in contributing for f in m.projects)]
        first = item.results[0] if item.results else None
        achieved = first.achieved if first and first.achieved else None
        state = lbl["goal_state_" + goal_state(programme, goal).replace(" ", "_")]
        goal_result = (lbl["ar_trace_achieved"].format(achieved=achieved, target=goal.target)
                       if achieved and goal.target else achieved or "")
        goal_result = f"{goal_result} ({state})" if goal_result else state
        lines: list[tuple[str, str, StatusView | None, str]] = []
        for m in measures:
            name = f"{m.measure.id} {m.measure.name}"
            if not m.projects:
                lines.append((name, lbl["ar_no_project"], None, ""))
            for f in m.projects:
                c = contributing.get(f.project.info.id)
                result = ""
                if c is not None and (c.goal.achieved or c.goal.target):
                    result = (lbl["ar_trace_achieved"].format(achieved=c.goal.achieved,
                                                              target=c.goal.target)
                              if c.goal.achieved and c.goal.target
                              else c.goal.achieved or c.goal.target or "")
                status = traffic(f.status, lbl) if not f.finished else None
                if f.finished:
                    result = result or lbl["s_finished"]
                elif status is None:
                    result = result or lbl["s_not_reported"]
                lines.append((name, f"{f.project.info.id} {f.project.info.name}", status,
                              result))
        if not lines:
            lines.append((lbl["ar_trace_no_measure"].format(year=results.year), "", None, ""))
        for i, (measure, project, status, result) in enumerate(lines):
            rows.append(TraceRow(
                goal=f"{goal.id} {goal.text}" if i == 0 else "",
                goal_result=goal_result if i == 0 else "",
                measure=measure, project=project, status=status, result=result))
    return rows


class ÅrsrapportBuilder:
    """One årsrapport per reported year of a programme with projects."""

    kind = "arsrapport"
    order = 30
    template = "arsrapport.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        chosen = arsrapport_years(programme)
        if years is not None:
            chosen = [y for y in chosen if y in years]
        return [(f"{self.kind}-{y}", self.build_year(programme, y)) for y in chosen]

    def build_year(self, programme: Programme, year: int) -> Document:
        basis = adopted_handlingsplan(programme, year)
        programme = source_for(programme, self.kind, year)
        if basis is not None:
            # Goals, tiltak and money as adopted; what was reached from the workbook.
            programme = as_adopted(programme, basis[1], year)
        lbl = labels(programme.info.language)
        results = year_results(programme, year)
        title = lbl["arsrapport_title"].format(year=year)
        facts = [(lbl["year"], str(year)),
                 (lbl["budget"], fmt.format_kr(results.budget)),
                 (lbl["pf_project_count"],
                  str(sum(len(m.projects) for m in results.measures)))]
        edition = edition_for(programme, self.kind, year)
        if edition.borrowed:
            # No row in the register: the report's own facts, never the plan's approval.
            meta = rollup_meta(programme, self.kind, title, facts, None)
        else:
            meta = make_meta(programme, self.kind, title, programme.info.name, year)
            meta.version = meta.version + facts
        context = base_context(programme, self.kind, year) | {
            "year": year,
            "own_edition": not edition.borrowed,
            "results": results,
            "goals": goal_rows(programme, results),
            "contributions": contribution_rows(programme, results),
            "measures": measure_rows(programme, results),
            "rec": (rec := reconcile(programme, year)),
            "accounts": area_accounts(programme, results),
            "accounts_total": AreaAccount(
                "", results.budget, rec.measures_own, rec.measures_other,
                _spent([f for m in results.measures for f in m.projects])),
            "funding_lines": [f for f in programme.funding if f.year == year],
            "adopted_basis": basis is not None,
            "basis": basis_text(programme, year, basis[0] if basis else None),
            "spending": spending_rows(programme, results),
            "spending_areas": spending_area_rows(programme, results),
            "spending_total": spending_total(results),
            "trace": trace_rows(programme, results),
            "main_plan": lbl["programplan" if programme.info.kind == "områdeløft"
                             else "omstillingsplan"].lower(),
        }
        return render_document(Rendering(template=self.template, meta=meta), context)


register(ÅrsrapportBuilder())
