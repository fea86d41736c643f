"""The samleoversikt's figures of one programme: a small summary the county roll-up is made from.

Each programme's summary is computed when the programme is built and kept in the build
manifest as plain JSON, so the samleoversikt over many programmes is rebuilt without reading
any workbook again. Amounts travel as strings so no Decimal precision is lost.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

from plandoc.model.portfolio import assess, project_figures
from plandoc.model.programme import Goal, Programme
from plandoc.readers.cells import CellError, parse_number

ZERO = Decimal(0)

#: How a programme goal stands: on track, not on track, or not yet known.
GoalState = Literal["på sporet", "ikke på sporet", "ukjent"]


@dataclass
class YearFigures:
    """One programme year: budget, financing and what the projects report spent.

    `spent` is None when no project of that year's tiltak has reported anything (shown as
    "ikke rapportert", never as 0)."""

    year: int
    budget: Decimal
    funding: Decimal
    measures: Decimal
    spent: Decimal | None


@dataclass
class ProjectLine:
    """One PLP project as the county sees it."""

    id: str
    name: str
    measure: str
    focus_area: str
    year: int | None
    phase: str
    #: "grønn", "gul", "rød", "avsluttet" or "" (no report yet).
    status: str
    budget: Decimal
    spent: Decimal | None


@dataclass
class ProgrammeSummary:
    """Everything the samleoversikt shows of one programme."""

    municipality: str
    municipality_number: str
    county: str
    name: str
    kind: str
    start_year: int
    end_year: int
    language: str
    years: list[YearFigures] = field(default_factory=list)
    projects: list[ProjectLine] = field(default_factory=list)
    #: Goal id → its state (see `goal_state`).
    goals: dict[str, str] = field(default_factory=dict)

    @property
    def budget(self) -> Decimal:
        return sum((y.budget for y in self.years), ZERO)

    @property
    def funding(self) -> Decimal:
        return sum((y.funding for y in self.years), ZERO)

    @property
    def spent(self) -> Decimal | None:
        reported = [y.spent for y in self.years if y.spent is not None]
        return sum(reported, ZERO) if reported else None

    def goals_in(self, state: str) -> int:
        return sum(1 for s in self.goals.values() if s == state)

    # ------------------------------------------------------------ JSON for the manifest

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgrammeSummary:
        years = [YearFigures(int(y["year"]), Decimal(y["budget"]), Decimal(y["funding"]),
                             Decimal(y["measures"]), _dec(y["spent"]))
                 for y in data.get("years", [])]
        projects = [ProjectLine(
            str(p["id"]), str(p["name"]), str(p["measure"]), str(p["focus_area"]),
            None if p["year"] is None else int(p["year"]), str(p["phase"]), str(p["status"]),
            Decimal(p["budget"]), _dec(p["spent"])) for p in data.get("projects", [])]
        return cls(
            municipality=str(data["municipality"]),
            municipality_number=str(data.get("municipality_number", "")),
            county=str(data.get("county", "")), name=str(data["name"]),
            kind=str(data["kind"]), start_year=int(data["start_year"]),
            end_year=int(data["end_year"]), language=str(data.get("language", "bokmål")),
            years=years, projects=projects,
            goals={str(k): str(v) for k, v in data.get("goals", {}).items()},
        )


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return parse_number(text)
    except CellError:
        return None


def goal_state(programme: Programme, goal: Goal) -> GoalState:
    """Whether a programme goal is on track.

    The latest reported result decides when it has comparable numbers (achieved against
    planned, or against the goal's target when nothing was planned for the year; a target
    below the baseline means lower is better). Otherwise the contributing project goals
    decide: any "ikke nådd" → not on track, some assessed → on track, none → unknown.
    """
    results = sorted((r for r in programme.results if r.target_ref == goal.id),
                     key=lambda r: r.year)
    for result in reversed(results):
        achieved = _number(result.achieved)
        wanted = _number(result.planned) if result.planned else _number(goal.target)
        if achieved is None or wanted is None:
            continue
        baseline = _number(goal.baseline)
        lower_is_better = baseline is not None and wanted < baseline
        ok = achieved <= wanted if lower_is_better else achieved >= wanted
        return "på sporet" if ok else "ikke på sporet"
    assessments = [a for p in programme.projects for g in p.goals
                   if g.contributes_to == goal.id and (a := assess(g)) is not None]
    if not assessments:
        return "ukjent"
    return "ikke på sporet" if "ikke nådd" in assessments else "på sporet"


def summarise(programme: Programme) -> ProgrammeSummary:
    """The samleoversikt's figures of one loaded programme."""
    info = programme.info
    measure_year = {m.id: m.year for m in programme.measures}
    figures = [project_figures(p) for p in programme.projects]
    reported: dict[int, Decimal] = {}
    lines = []
    for f in figures:
        year = measure_year.get(f.project.info.measure)
        has_report = bool(f.project.reports) or (
            f.finished and any(b.actual is not None for b in f.project.budget))
        spent = f.spent if has_report else None
        if year is not None and spent is not None:
            reported[year] = reported.get(year, ZERO) + spent
        lines.append(ProjectLine(
            id=f.project.info.id, name=f.project.info.name, measure=f.project.info.measure,
            focus_area=f.area, year=year, phase=f.project.info.phase,
            status="avsluttet" if f.finished else (f.status or ""),
            budget=f.budget, spent=spent,
        ))
    years = [YearFigures(y, programme.budget_total(y), programme.funding_total(y),
                         sum((m.budget for m in programme.measures_of(year=y)), ZERO),
                         reported.get(y)) for y in programme.years]
    return ProgrammeSummary(
        municipality=info.municipality, municipality_number=info.municipality_number or "",
        county=info.county or "", name=info.name, kind=info.kind,
        start_year=info.start_year, end_year=info.end_year, language=info.language,
        years=years, projects=lines,
        goals={g.id: goal_state(programme, g) for g in programme.goals},
    )
