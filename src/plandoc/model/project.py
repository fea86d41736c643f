"""The PLP project model: one project (prosjekt) of a programme, read from its own workbook.

Identifiers are English; the Norwegian input keys are in `plandoc.schema.project`.
A project belongs to one tiltak of the programme's handlingsplan and inherits the programme's
målform. Figures derived from it (budget, spent, progress) are computed in
`plandoc.model.portfolio`, so every document shows the same numbers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field

from plandoc.model.records import Record, Role, Status, VersionInfo

ProjectPhase = Literal["forstudie", "forprosjekt", "hovedprosjekt"]
ProjectGoalLevel = Literal["visjon", "effektmål", "resultatmål", "prosjektmål"]
Decision = Literal["godkjent", "avvist", "utsatt"]
TrafficLight = Literal["grønn", "gul", "rød"]
Assessment = Literal["nådd", "delvis nådd", "ikke nådd"]
ProjectSourceKind = Literal[
    "omstillingsprogrammet", "fylkeskommune", "kommune", "Innovasjon Norge", "stat", "privat",
    "annet",
]

#: PLP order of the phases (a project moves forwards only, through decision points).
PHASE_ORDER: dict[str, int] = {"forstudie": 0, "forprosjekt": 1, "hovedprosjekt": 2}


class ProjectInfo(Record):
    """Prosjektfakta (sheet Prosjekt): nummer, navn, tiltak, fase, periode, roller, tekster."""

    id: str
    name: str
    #: Tiltak id in the programme this project carries out.
    measure: str
    #: Innsatsområde id; filled in from the tiltak when empty.
    focus_area: str | None = None
    phase: ProjectPhase
    start: dt.date
    end: dt.date
    owner: str | None = None
    responsible: str | None = None
    leader: str | None = None
    #: Rich text (Markdown) fields below.
    background: str | None = None
    scope: str | None = None
    #: Set when the project has ended: then a sluttrapport is made.
    ended: dt.date | None = None
    final_assessment: str | None = None
    lessons: str | None = None
    continuation: str | None = None


class ProjectGoal(Record):
    """Mål in the PLP goal hierarchy: visjon, effektmål, resultatmål or prosjektmål."""

    level: ProjectGoalLevel
    text: str
    indicator: str | None = None
    baseline: str | None = None
    target: str | None = None
    deadline: dt.date | None = None
    #: Programme goal id (Mål sheet of the programme) this goal contributes to.
    contributes_to: str | None = None
    achieved: str | None = None
    assessment: Assessment | None = None
    comment: str | None = None


class Phase(Record):
    """Fase: one PLP phase with its period."""

    phase: ProjectPhase
    start: dt.date
    end: dt.date
    note: str | None = None


class DecisionPoint(Record):
    """Beslutningspunkt: a dated decision, optionally opening a phase; no decision = planned."""

    id: str
    name: str
    date: dt.date
    phase: ProjectPhase | None = None
    decision: Decision | None = None
    decided_by: str | None = None
    note: str | None = None


class Milestone(Record):
    """Milepæl: a dated checkpoint with its deliverable."""

    id: str
    name: str
    date: dt.date
    phase: ProjectPhase | None = None
    deliverable: str | None = None
    responsible: str | None = None


class Activity(Record):
    """Hovedaktivitet with period, owner and the milestone it leads to."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    responsible: str | None = None
    milestone: str | None = None


class ProjectBudgetLine(Record):
    """Budsjettpost: planned cost, and the actual cost (regnskap) once the project has ended."""

    item: str
    amount: Decimal
    actual: Decimal | None = None
    note: str | None = None


class ProjectFunding(Record):
    """Finansiering: one source with the amount applied for (søkt) and granted (innvilget)."""

    source: str
    source_kind: ProjectSourceKind = "annet"
    applied: Decimal
    granted: Decimal | None = None
    note: str | None = None


class SuccessFactor(Record):
    """Kritisk suksessfaktor and how the project secures it."""

    factor: str
    how: str | None = None


class Risk(Record):
    """Risiko: probability and consequence on a 1–5 scale, and what is done about it."""

    id: str
    risk: str
    probability: int
    consequence: int
    mitigation: str | None = None
    responsible: str | None = None

    @property
    def score(self) -> int:
        return self.probability * self.consequence


class StatusReport(Record):
    """Statusrapport on a date: overall traffic light, spent to date, progress, deviations."""

    date: dt.date
    status: TrafficLight
    spent: Decimal | None = None
    progress: str | None = None
    deviations: str | None = None
    next_steps: str | None = None
    reported_by: str | None = None


class MilestoneStatus(Record):
    """One milestone's status in the status report of `date`."""

    date: dt.date
    milestone: str
    status: TrafficLight
    done: dt.date | None = None
    forecast: dt.date | None = None
    comment: str | None = None


class ProjectEdition(Record):
    """Utgave av prosjektplanen: version, phase, dates and approval at a decision point."""

    version: str
    phase: ProjectPhase | None = None
    date: dt.date | None = None
    status: Status = "utkast"
    board_date: dt.date | None = None
    #: Godkjent: the date a decision point approved this version of the plan.
    approved: dt.date | None = None
    changes: str | None = None


class Project(Record):
    """An entire PLP project as read from one project workbook or YAML file."""

    info: ProjectInfo
    version: VersionInfo = Field(default_factory=VersionInfo)
    organisation: list[Role] = Field(default_factory=list)
    goals: list[ProjectGoal] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    decisions: list[DecisionPoint] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    budget: list[ProjectBudgetLine] = Field(default_factory=list)
    funding: list[ProjectFunding] = Field(default_factory=list)
    success_factors: list[SuccessFactor] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    reports: list[StatusReport] = Field(default_factory=list)
    milestone_status: list[MilestoneStatus] = Field(default_factory=list)
    editions: list[ProjectEdition] = Field(default_factory=list)
    #: The file it was read from (for diagnostics and output naming); not content.
    source: str = Field(default="", exclude=True)

    # ------------------------------------------------------------ derived views

    @property
    def finished(self) -> bool:
        """True when the project has ended (then it gets a sluttrapport)."""
        return self.info.ended is not None

    def budget_total(self) -> Decimal:
        return sum((b.amount for b in self.budget), Decimal(0))

    def actual_total(self) -> Decimal:
        return sum((b.actual or Decimal(0) for b in self.budget), Decimal(0))

    def applied_total(self, kind: str | None = None) -> Decimal:
        return sum((f.applied for f in self.funding if kind is None or f.source_kind == kind),
                   Decimal(0))

    def granted_total(self) -> Decimal:
        return sum((f.granted or Decimal(0) for f in self.funding), Decimal(0))

    def reports_sorted(self) -> list[StatusReport]:
        return sorted(self.reports, key=lambda r: r.date)

    def latest_report(self) -> StatusReport | None:
        reports = self.reports_sorted()
        return reports[-1] if reports else None

    def milestone_status_on(self, date: dt.date) -> dict[str, MilestoneStatus]:
        """Each milestone's status as reported on `date` (by milestone id)."""
        return {s.milestone: s for s in self.milestone_status if s.date == date}

    def goals_of(self, level: str) -> list[ProjectGoal]:
        return [g for g in self.goals if g.level == level]
