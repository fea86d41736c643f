"""The figures every roll-up shows: per project, per innsatsområde and per year.

The porteføljeoversikt (document and .xlsx), the årsrapport and the handlingsplan's
"Resultater fra tidligere omstillingsår" all take their numbers from here, so they cannot
disagree. Sums are Decimal; nothing here formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from plandoc.model.programme import FocusArea, Goal, Measure, Programme, ReportedResult
from plandoc.model.project import Assessment, Project, ProjectGoal, TrafficLight
from plandoc.readers.cells import CellError, parse_number

ZERO = Decimal(0)


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return parse_number(text)
    except CellError:
        return None


def assess(goal: ProjectGoal) -> Assessment | None:
    """How far a goal was reached: the leader's own assessment, else computed from numbers.

    A target below the baseline means "lower is better" (e.g. fewer vacant premises).
    """
    if goal.assessment is not None:
        return goal.assessment
    achieved, target = _number(goal.achieved), _number(goal.target)
    if achieved is None or target is None:
        return None
    baseline = _number(goal.baseline) or ZERO
    if target >= baseline:
        reached, moved = achieved >= target, achieved > baseline
    else:
        reached, moved = achieved <= target, achieved < baseline
    return "nådd" if reached else "delvis nådd" if moved else "ikke nådd"


def milestone_done(project: Project, milestone: str, on: dt.date | None = None) -> dt.date | None:
    """The date a milestone was reached, as reported in the latest report up to `on`."""
    rows = [s for s in project.milestone_status
            if s.milestone == milestone and (on is None or s.date <= on)]
    rows.sort(key=lambda s: s.date)
    return rows[-1].done if rows else None


@dataclass
class ProjectFigures:
    """One project's numbers as every roll-up shows them."""

    project: Project
    area: str
    budget: Decimal
    #: Money applied for from the programme (kildetype omstillingsprogrammet).
    programme_money: Decimal
    granted: Decimal
    #: Final accounts when the project has ended and has them, else the latest "påløpt".
    spent: Decimal
    #: Latest status report's traffic light (None: no report yet).
    status: TrafficLight | None
    status_date: dt.date | None
    milestones_done: int
    milestones_total: int
    goals_reached: int
    goals_assessed: int

    @property
    def finished(self) -> bool:
        return self.project.finished


def project_figures(project: Project) -> ProjectFigures:
    """The figures of one project (see ProjectFigures)."""
    latest = project.latest_report()
    actual = [b.actual for b in project.budget if b.actual is not None]
    if project.finished and actual:
        spent = project.actual_total()
    else:
        spent = latest.spent if latest is not None and latest.spent is not None else ZERO
    assessed = [a for g in project.goals if g.level != "visjon"
                if (a := assess(g)) is not None]
    return ProjectFigures(
        project=project,
        area=project.info.focus_area or "",
        budget=project.budget_total(),
        programme_money=project.applied_total("omstillingsprogrammet"),
        granted=project.granted_total(),
        spent=spent,
        status=latest.status if latest is not None else None,
        status_date=latest.date if latest is not None else None,
        milestones_done=sum(1 for m in project.milestones if milestone_done(project, m.id)),
        milestones_total=len(project.milestones),
        goals_reached=sum(1 for a in assessed if a == "nådd"),
        goals_assessed=len(assessed),
    )


@dataclass
class AreaFigures:
    """One innsatsområde: its projects and the sums that must match the handlingsplaner."""

    area: FocusArea
    projects: list[ProjectFigures]
    #: Σ budget of every tiltak of the area in the handlingsplaner (all years).
    measures_budget: Decimal
    #: Σ budget of the tiltak that have a project.
    measures_with_projects: Decimal
    budget: Decimal
    spent: Decimal


@dataclass
class Portfolio:
    """Every project of a programme by innsatsområde, with totals."""

    areas: list[AreaFigures]
    measures_budget: Decimal
    measures_with_projects: Decimal
    budget: Decimal
    spent: Decimal
    projects: list[ProjectFigures] = field(default_factory=list)


def portfolio(programme: Programme) -> Portfolio:
    """The programme's portfolio: every innsatsområde, even those without projects."""
    figures = [project_figures(p) for p in programme.projects]
    areas = []
    for area in programme.focus_areas:
        mine = [f for f in figures if f.area == area.id]
        measures = programme.measures_of(area.id)
        with_projects = {f.project.info.measure for f in mine}
        areas.append(AreaFigures(
            area=area,
            projects=mine,
            measures_budget=sum((m.budget for m in measures), ZERO),
            measures_with_projects=sum((m.budget for m in measures if m.id in with_projects),
                                       ZERO),
            budget=sum((f.budget for f in mine), ZERO),
            spent=sum((f.spent for f in mine), ZERO),
        ))
    return Portfolio(
        areas=areas,
        measures_budget=sum((a.measures_budget for a in areas), ZERO),
        measures_with_projects=sum((a.measures_with_projects for a in areas), ZERO),
        budget=sum((a.budget for a in areas), ZERO),
        spent=sum((a.spent for a in areas), ZERO),
        projects=figures,
    )


# ---------------------------------------------------------------- one year


@dataclass
class Contribution:
    """A project goal that contributes to a programme goal."""

    project: Project
    goal: ProjectGoal
    assessment: Assessment | None


@dataclass
class GoalYear:
    """A programme goal in one year: the reported results and the projects' contributions."""

    goal: Goal
    results: list[ReportedResult]
    contributions: list[Contribution]


@dataclass
class MeasureYear:
    """A tiltak of one year's handlingsplan and the projects that carry it out."""

    measure: Measure
    projects: list[ProjectFigures]
    results: list[ReportedResult]

    @property
    def project_budget(self) -> Decimal:
        return sum((f.budget for f in self.projects), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((f.spent for f in self.projects), ZERO)


@dataclass
class YearResults:
    """How far one year's handlingsplan was reached, from reported results and projects."""

    year: int
    goals: list[GoalYear]
    measures: list[MeasureYear]
    budget: Decimal
    project_budget: Decimal
    spent: Decimal


def _active(project: Project, year: int) -> bool:
    return project.info.start.year <= year <= project.info.end.year


def year_results(programme: Programme, year: int) -> YearResults:
    """The figures of `year`: every goal with its results and contributing projects, and every
    tiltak of that year's handlingsplan with its projects."""
    figures = {id(p): project_figures(p) for p in programme.projects}
    results = [r for r in programme.results if r.year == year]
    goals = []
    for goal in programme.goals:
        contributions = [
            Contribution(p, g, assess(g))
            for p in programme.projects if _active(p, year)
            for g in p.goals if g.contributes_to == goal.id
        ]
        goals.append(GoalYear(goal, [r for r in results if r.target_ref == goal.id],
                              contributions))
    measures = [
        MeasureYear(
            measure=m,
            projects=[figures[id(p)] for p in programme.projects if p.info.measure == m.id],
            results=[r for r in results if r.target_ref == m.id],
        )
        for m in programme.measures_of(year=year)
    ]
    return YearResults(
        year=year,
        goals=goals,
        measures=measures,
        budget=sum((m.measure.budget for m in measures), ZERO),
        project_budget=sum((m.project_budget for m in measures), ZERO),
        spent=sum((m.spent for m in measures), ZERO),
    )


def report_years(programme: Programme) -> list[int]:
    """Years that get an årsrapport: years with reported results or with handlingsplan tiltak
    carried out by projects that have reported (status or final accounts)."""
    years = {r.year for r in programme.results}
    reported = {p.info.measure for p in programme.projects if p.reports or p.finished}
    years |= {m.year for m in programme.measures if m.id in reported}
    return sorted(y for y in years if programme.info.start_year <= y <= programme.info.end_year)
