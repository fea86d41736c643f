"""The samleoversikt: many programmes rolled up per county (fylke) and in total (seed 004).

Built from the programmes' summaries (`plandoc.model.rollup`), not from the programmes, so
the build can make it from what its manifest remembers. Not a per-programme builder: it
registers nothing, the build pipeline calls `build_samleoversikt` once per output folder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from plandoc.builders.common import Rendering, capfirst, render_document, total
from plandoc.document import Document, Meta
from plandoc.i18n.labels import LANGUAGE_TAGS, labels, meta_labels
from plandoc.model.rollup import ProgrammeSummary

TEMPLATE = "samleoversikt.md.j2"
STEM = "samleoversikt"
KIND = "samleoversikt"
#: The county roll-up is read by the county: always in bokmål.
LANGUAGE = "bokmål"
#: Column order of the phase × status table.
STATUSES = ("grønn", "gul", "rød", "", "avsluttet")
PHASES = ("forstudie", "forprosjekt", "hovedprosjekt")


@dataclass
class ProgrammeRow:
    municipality: str
    number: str
    name: str
    kind: str
    period: str
    budget: Decimal
    funding: Decimal
    spent: Decimal | None
    projects: int
    goals: str


@dataclass
class YearRow:
    programme: str
    year: int
    budget: Decimal
    funding: Decimal
    spent: Decimal | None


@dataclass
class PhaseRow:
    phase: str
    counts: list[int]
    total: int


@dataclass
class Group:
    """A county, or all counties: its programmes and their sums."""

    name: str
    programmes: list[ProgrammeRow] = field(default_factory=list)
    years: list[YearRow] = field(default_factory=list)
    phases: list[PhaseRow] = field(default_factory=list)
    phase_totals: list[int] = field(default_factory=list)
    budget: Decimal = Decimal(0)
    funding: Decimal = Decimal(0)
    spent: Decimal | None = None
    project_count: int = 0
    goals: str = ""


def county_name(summary: ProgrammeSummary, lbl: Mapping[str, str]) -> str:
    return summary.county or lbl["so_no_county"]


def group(name: str, summaries: Sequence[ProgrammeSummary], lbl: Mapping[str, str]) -> Group:
    """The sums of `summaries` (all in Decimal; a spent sum only over what was reported)."""
    out = Group(name)
    for s in summaries:
        on, known = s.goals_in("på sporet"), len(s.goals)
        out.programmes.append(ProgrammeRow(
            municipality=s.municipality, number=s.municipality_number, name=s.name,
            kind=lbl["kind_" + s.kind.replace(" ", "_")],
            period=f"{s.start_year}–{s.end_year}", budget=s.budget, funding=s.funding,
            spent=s.spent, projects=len(s.projects),
            goals=lbl["so_count"].format(done=on, total=known),
        ))
        out.years.extend(YearRow(s.name, y.year, y.budget, y.funding, y.spent) for y in s.years)
    out.budget = total(s.budget for s in summaries)
    out.funding = total(s.funding for s in summaries)
    spent = [s.spent for s in summaries if s.spent is not None]
    out.spent = total(spent) if spent else None
    projects = [p for s in summaries for p in s.projects]
    out.project_count = len(projects)
    columns = [0] * len(STATUSES)
    for phase in PHASES:
        counts = [sum(1 for p in projects if p.phase == phase and p.status == st)
                  for st in STATUSES]
        columns = [a + b for a, b in zip(columns, counts, strict=True)]
        out.phases.append(PhaseRow(capfirst(lbl["phase_" + phase]), counts, sum(counts)))
    out.phase_totals = columns
    goals = sum(len(s.goals) for s in summaries)
    on_track = sum(s.goals_in("på sporet") for s in summaries)
    out.goals = lbl["so_count"].format(done=on_track, total=goals)
    return out


def groups(summaries: Sequence[ProgrammeSummary]) -> tuple[list[Group], Group]:
    """One group per county (sorted by name, the county-less last) and the total."""
    lbl = labels(LANGUAGE)
    ordered = sorted(summaries, key=lambda s: (s.county == "", s.county, s.municipality,
                                               s.name))
    counties: dict[str, list[ProgrammeSummary]] = {}
    for s in ordered:
        counties.setdefault(county_name(s, lbl), []).append(s)
    return ([group(name, items, lbl) for name, items in counties.items()],
            group(lbl["so_all_counties"], ordered, lbl))


def build_samleoversikt(summaries: Sequence[ProgrammeSummary]) -> Document:
    """The samleoversikt document of `summaries` (in any order: it sorts by county)."""
    lbl = labels(LANGUAGE)
    counties, everything = groups(summaries)
    title = lbl["samleoversikt"]
    years = [y for s in summaries for y in (s.start_year, s.end_year)]
    span = f"{min(years)}–{max(years)}" if years else ""
    meta = Meta(
        title=title, subtitle=lbl["so_subtitle"], language=LANGUAGE_TAGS[LANGUAGE],
        header=f"{title} – {lbl['so_subtitle']}",
        version=[(lbl["so_programmes"], str(len(summaries))),
                 (lbl["so_county"], str(len(counties))),
                 (lbl["pf_project_count"], str(everything.project_count))],
        kind=KIND, labels=meta_labels(LANGUAGE),
        full_title=f"{title} – {lbl['so_subtitle']} – {span}",
    )
    status_names = [lbl["status_" + s] if s in ("grønn", "gul", "rød") else
                    lbl["s_finished"] if s else lbl["s_not_reported"] for s in STATUSES]
    context = {
        "labels": dict(lbl),
        "count": len(summaries),
        "counties": counties,
        "total": everything,
        "statuses": status_names,
    }
    return render_document(Rendering(template=TEMPLATE, meta=meta), context)
