"""The programme model (pydantic v2): what one omstillingsprogram or områdeløft consists of.

Identifiers are English; the Norwegian domain term of each class and field is in its
docstring, and the Norwegian input keys live in one place, `plandoc.schema.programme`.
Every record keeps `refs`, the source of each field, so a rule can point at the cell.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from plandoc.model.project import Project
from plandoc.model.records import Record, Role, Status, VersionInfo

Language = Literal["bokmål", "nynorsk"]
ProgrammeKind = Literal["regional omstilling", "områdeløft"]
GoalLevel = Literal["hovedmål", "effektmål", "delmål"]
PlpPhase = Literal["forstudie", "forprosjekt", "hovedprosjekt", "ikke PLP"]
EditionDocument = Literal["omstillingsplan", "programplan", "handlingsplan", "årsrapport"]
SourceKind = Literal[
    # regional omstilling (schema.programme.SOURCE_KINDS)
    "fylkeskommune", "kommune", "Innovasjon Norge", "stat", "privat", "annet",
    # områdeløft (schema.programme.AREA_SOURCE_KINDS)
    "Husbanken-tilskudd", "kommunale midler", "statlige programmidler",
    "fylkeskommunale midler", "private midler",
]


class ProgrammeInfo(Record):
    """Programfakta (sheet Program): kommune, fylke, navn, type, periode, målform, tekster."""

    municipality: str
    municipality_number: str | None = None
    county: str | None = None
    name: str
    kind: ProgrammeKind = "regional omstilling"
    start_year: int
    end_year: int
    language: Language = "bokmål"
    vision: str | None = None
    #: Rich text (Markdown) fields below.
    background: str | None = None
    analysis_summary: str | None = None
    organisation_text: str | None = None
    communication_text: str | None = None
    #: Områdeløft programplan (rich text): rules for qualifying projects, how results are
    #: measured and evaluated, critical success factors. Empty = the standard wording.
    qualification_text: str | None = None
    evaluation_text: str | None = None
    success_factors_text: str | None = None


class Goal(Record):
    """Mål: hovedmål, effektmål or delmål, optionally tied to an innsatsområde."""

    id: str
    level: GoalLevel
    text: str
    focus_area: str | None = None
    indicator: str | None = None
    baseline: str | None = None
    target: str | None = None
    deadline: dt.date | None = None


class FocusArea(Record):
    """Innsatsområde: a prioritised area with its goal statement."""

    id: str
    name: str
    goal: str | None = None
    description: str | None = None  # rich text


class Strategy(Record):
    """Strategi under an innsatsområde."""

    id: str
    focus_area: str
    name: str
    description: str | None = None


class Measure(Record):
    """Tiltak: one year's measure under a strategi, with budget and financing."""

    id: str
    name: str
    focus_area: str
    strategy: str | None = None
    year: int
    description: str | None = None
    result_goal: str | None = None
    project_goal: str | None = None
    responsible: str | None = None
    budget: Decimal
    #: Omstillingsmidler: the programme's own money for this tiltak.
    programme_funding: Decimal | None = None
    #: Annen finansiering: money from other sources.
    other_funding: Decimal | None = None
    funding_sources: str | None = None
    plp_phase: PlpPhase | None = None


class BudgetLine(Record):
    """Budsjettpost: planned use of money in one year, optionally for one innsatsområde."""

    year: int
    item: str
    focus_area: str | None = None
    amount: Decimal
    note: str | None = None


class FundingLine(Record):
    """Finansiering: money from one source in one year."""

    year: int
    source: str
    source_kind: SourceKind = "annet"
    amount: Decimal
    note: str | None = None


class CommunicationItem(Record):
    """Kommunikasjonsplan: target group, message, channel, timing, owner."""

    audience: str
    message: str
    channel: str
    timing: str | None = None
    responsible: str | None = None
    year: int | None = None


class ReportedResult(Record):
    """Resultater fra tidligere år: what a goal or tiltak achieved in a year."""

    year: int
    target_ref: str
    indicator: str | None = None
    planned: str | None = None
    achieved: str | None = None
    comment: str | None = None


class Edition(Record):
    """Utgave (sheet Utgaver): one version of one document, with its own dates and approvals."""

    document: EditionDocument
    #: The year of a handlingsplan or årsrapport; None for the multi-year plan.
    year: int | None = None
    version: str
    date: dt.date | None = None
    status: Status = "utkast"
    board_date: dt.date | None = None
    council_date: dt.date | None = None
    #: Tall per: the date the document's figures are taken from (None: its date).
    data_as_of: dt.date | None = None
    #: Hva er endret: a short note shown in the version history.
    changes: str | None = None

    def as_version(self) -> VersionInfo:
        """The edition as the version block every document shows."""
        return VersionInfo(version=self.version, date=self.date, status=self.status,
                           board_date=self.board_date, council_date=self.council_date)


class Chapter(Record):
    """Eget kapittel or vedlegg: a title, Markdown text, and where it goes."""

    kind: Literal["kapittel", "vedlegg"]
    #: "omstillingsplan", "programplan" or "handlingsplan"; None = the programme's main plan.
    document: str | None = None
    #: Kapittel: the standard chapter it follows (`schema.programme.CHAPTER_ANCHORS`).
    after: str | None = None
    title: str
    text: str | None = None  # rich text
    #: A table under the text (column Tabell): the header row, then the rows, as text.
    table: list[list[str]] | None = None


class Programme(Record):
    """An entire programme as read from one workbook or YAML file."""

    info: ProgrammeInfo
    version: VersionInfo = Field(default_factory=VersionInfo)
    goals: list[Goal] = Field(default_factory=list)
    focus_areas: list[FocusArea] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    funding: list[FundingLine] = Field(default_factory=list)
    organisation: list[Role] = Field(default_factory=list)
    communication: list[CommunicationItem] = Field(default_factory=list)
    results: list[ReportedResult] = Field(default_factory=list)
    editions: list[Edition] = Field(default_factory=list)
    chapters: list[Chapter] = Field(default_factory=list)
    #: The file it was read from (for diagnostics and output naming); not content.
    source: str = Field(default="", exclude=True)
    #: The PLP projects, each read from its own file in the `prosjekter/` folder beside the
    #: programme file (see `plandoc.load.programme`). Not content of the programme file: excluded
    #: from dumps and equality, so an xlsx ↔ yaml round trip of the programme compares equal.
    #: The annotation is resolved in `plandoc.model.__init__` (project.py imports this module).
    projects: list[Project] = Field(default_factory=list, exclude=True)
    #: Adopted editions kept in the `vedtatt/` folder beside the programme file, each the
    #: Programme it was built from, by (document, year, version) (see `plandoc.load.editions`).
    #: Not content of the programme file.
    adopted: dict[Any, Any] = Field(default_factory=dict, exclude=True)

    # ------------------------------------------------------------ derived views

    @property
    def years(self) -> list[int]:
        """Every year of the programme period."""
        return list(range(self.info.start_year, self.info.end_year + 1))

    def measure_years(self) -> list[int]:
        """The years that have tiltak (one handlingsplan each)."""
        return sorted({m.year for m in self.measures})

    def focus_area(self, area_id: str) -> FocusArea | None:
        return next((a for a in self.focus_areas if a.id == area_id), None)

    def strategies_of(self, area_id: str) -> list[Strategy]:
        return [s for s in self.strategies if s.focus_area == area_id]

    def measures_of(
        self, area_id: str | None = None, year: int | None = None, strategy: str | None = None
    ) -> list[Measure]:
        return [
            m for m in self.measures
            if (area_id is None or m.focus_area == area_id)
            and (year is None or m.year == year)
            and (strategy is None or m.strategy == strategy)
        ]

    def goals_of(self, level: GoalLevel | None = None, area_id: str | None = None) -> list[Goal]:
        return [
            g for g in self.goals
            if (level is None or g.level == level) and (area_id is None or g.focus_area == area_id)
        ]

    def budget_total(self, year: int | None = None) -> Decimal:
        return sum((b.amount for b in self.budget if year is None or b.year == year), Decimal(0))

    def funding_total(self, year: int | None = None) -> Decimal:
        return sum((f.amount for f in self.funding if year is None or f.year == year), Decimal(0))
