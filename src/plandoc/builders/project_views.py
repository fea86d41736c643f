"""Views of PLP projects for the templates: labels looked up, dates and statuses resolved.

Templates never index labels by data; every word that depends on a value (a phase, a decision,
a traffic light) is looked up here, in the programme's målform.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plandoc.builders import jinja
from plandoc.builders.common import capfirst, full_title, group_by
from plandoc.core.paths import project_folder
from plandoc.document import Chart, Meta, Series
from plandoc.i18n import fmt
from plandoc.i18n.labels import CHART_LANG, LANGUAGE_TAGS, labels, meta_labels, status_label
from plandoc.model.editions import project_editions
from plandoc.model.portfolio import ProjectFigures, assess, milestone_done, project_figures
from plandoc.model.programme import Programme
from plandoc.model.project import (
    Milestone,
    MilestoneStatus,
    Project,
    ProjectGoal,
    StatusReport,
)
from plandoc.model.records import Role

#: Traffic light in the input → level of `document.Status`.
LEVELS = {"grønn": "green", "gul": "yellow", "rød": "red"}
ASSESSMENT_LEVELS = {"nådd": "green", "delvis nådd": "yellow", "ikke nådd": "red"}
#: Risk score (probability × consequence) from which a risk is yellow, and red.
RISK_YELLOW, RISK_RED = 5, 10
GOAL_LEVELS = ("visjon", "effektmål", "resultatmål", "prosjektmål")
#: Longest milestone name on the timeline chart (the table lists them in full).
TIMELINE_LABEL = 26


def project_slug(project: Project) -> str:
    """The folder name of a project's documents: "01/25" → "01-25"."""
    return project_folder(project.info.id)


def project_stem(project: Project, name: str) -> str:
    """Output stem under the programme folder: prosjekter/<id-slug>/<name>."""
    return f"prosjekter/{project_slug(project)}/{name}"


@dataclass
class StatusView:
    """A traffic light ready for `[label]{.status-level}` in a template."""

    level: str
    label: str


def traffic(status: str | None, lbl: Mapping[str, str]) -> StatusView | None:
    if status is None:
        return None
    return StatusView(LEVELS[status], lbl["status_" + status])


def phase_label(phase: str | None, lbl: Mapping[str, str]) -> str:
    return capfirst(lbl["phase_" + phase]) if phase else ""


@dataclass
class GoalRow:
    level: str
    text: str
    indicator: str | None
    baseline: str | None
    target: str | None
    deadline: dt.date | None
    contributes: str | None
    achieved: str | None
    comment: str | None
    #: Assessment as a traffic light, or None (then `pending` says why).
    assessment: StatusView | None
    pending: str


@dataclass
class MilestoneRow:
    milestone: Milestone
    status: StatusView | None
    done: dt.date | None
    forecast: dt.date | None
    comment: str | None


@dataclass
class RiskRow:
    id: str
    risk: str
    probability: int
    consequence: int
    score: StatusView
    mitigation: str | None
    responsible: str | None


@dataclass
class MatrixRow:
    consequence: int
    cells: list[StatusView]


@dataclass
class DecisionRow:
    id: str
    name: str
    date: dt.date
    opens: str
    decision: str
    decided_by: str | None


@dataclass
class FundingRow:
    source: str
    kind: str
    applied: Decimal
    granted: Decimal | None


@dataclass
class GroupView:
    name: str
    roles: list[Role]


@dataclass
class ProjectView:
    """Everything the prosjektplan, statusrapport and sluttrapport templates show."""

    project: Project
    figures: ProjectFigures
    id: str
    name: str
    phase: str
    area: str
    measure: str
    period: str
    roles: list[tuple[str, str]]
    groups: list[GroupView]
    goals: list[GoalRow]
    phases: list[Any]
    decisions: list[DecisionRow]
    milestones: list[Milestone]
    activities: list[Any]
    budget: list[Any]
    budget_total: Decimal
    actual_total: Decimal
    funding: list[FundingRow]
    applied_total: Decimal
    granted_total: Decimal
    success_factors: list[Any]
    risks: list[RiskRow]
    matrix: list[MatrixRow]
    status: StatusView | None
    reports: list[StatusReport] = field(default_factory=list)


def _goal_row(goal: ProjectGoal, programme: Programme, lbl: Mapping[str, str]) -> GoalRow:
    assessment = assess(goal)
    pending = ""
    if assessment is None:
        pending = {"visjon": "", "effektmål": lbl["f_measured_later"]}.get(
            goal.level, lbl["f_not_assessed"])
    return GoalRow(
        level=lbl["level_" + goal.level],
        text=goal.text,
        indicator=goal.indicator,
        baseline=goal.baseline,
        target=goal.target,
        deadline=goal.deadline,
        contributes=goal.contributes_to,
        achieved=goal.achieved,
        comment=goal.comment,
        assessment=(StatusView(ASSESSMENT_LEVELS[assessment],
                               lbl["assessment_" + assessment.replace(" ", "_")])
                    if assessment else None),
        pending=pending,
    )


def _risk_level(score: int) -> str:
    return "red" if score >= RISK_RED else "yellow" if score >= RISK_YELLOW else "green"


def _matrix(project: Project, lbl: Mapping[str, str]) -> list[MatrixRow]:
    """Consequence 5 (top) to 1, probability 1 to 5; each cell lists the risks in it."""
    rows = []
    for consequence in range(5, 0, -1):
        cells: list[StatusView] = []
        for probability in range(1, 6):
            ids = [r.id for r in project.risks
                   if r.consequence == consequence and r.probability == probability]
            # Every cell carries its colour and says its zone in words ("Høy: R2"), so the
            # matrix does not rely on colour alone.
            level = _risk_level(consequence * probability)
            word = lbl[f"p_risk_{level}"]
            cells.append(StatusView(level, f"{word}: {', '.join(ids)}" if ids else word))
        rows.append(MatrixRow(consequence, cells))
    return rows


def project_view(project: Project, programme: Programme) -> ProjectView:
    lbl = labels(programme.info.language)
    info = project.info
    area = programme.focus_area(info.focus_area or "")
    measure = next((m for m in programme.measures if m.id == info.measure), None)
    figures = project_figures(project)
    order = {level: i for i, level in enumerate(GOAL_LEVELS)}
    goals = sorted(project.goals, key=lambda g: order[g.level])
    roles = [(lbl[key], value) for key, value in (
        ("p_owner", info.owner), ("p_responsible", info.responsible), ("p_leader", info.leader),
    ) if value]
    return ProjectView(
        project=project,
        figures=figures,
        id=info.id,
        name=info.name,
        phase=phase_label(info.phase, lbl),
        # The id as the plans print it, so the reader finds the area there.
        area=f"{area.id} {area.name}" if area is not None else (info.focus_area or ""),
        measure=f"{info.measure} {measure.name}" if measure is not None else info.measure,
        period=f"{fmt.format_date(info.start, 'short')}–{fmt.format_date(info.end, 'short')}",
        roles=roles,
        groups=[GroupView(name, members) for name, members in
                group_by(project.organisation, lambda r: r.group).items()],
        goals=[_goal_row(g, programme, lbl) for g in goals],
        phases=[(phase_label(p.phase, lbl), p) for p in project.phases],
        decisions=[
            DecisionRow(d.id, d.name, d.date, phase_label(d.phase, lbl),
                        lbl["decision_" + d.decision] if d.decision else lbl["p_planned_decision"],
                        d.decided_by)
            for d in project.decisions
        ],
        milestones=sorted(project.milestones, key=lambda m: m.date),
        activities=sorted(project.activities,
                          key=lambda a: (a.start or dt.date.max, a.end or dt.date.max)),
        budget=list(project.budget),
        budget_total=project.budget_total(),
        actual_total=project.actual_total(),
        funding=[FundingRow(f.source, f.source_kind, f.applied, f.granted)
                 for f in project.funding],
        applied_total=project.applied_total(),
        granted_total=project.granted_total(),
        success_factors=list(project.success_factors),
        risks=[RiskRow(r.id, r.risk, r.probability, r.consequence,
                       StatusView(_risk_level(r.score), str(r.score)), r.mitigation,
                       r.responsible)
               for r in sorted(project.risks, key=lambda r: -r.score)],
        matrix=_matrix(project, lbl),
        status=traffic(figures.status, lbl),
        reports=project.reports_sorted(),
    )


def milestone_rows(project: Project, report: StatusReport,
                   lbl: Mapping[str, str]) -> list[MilestoneRow]:
    """Every milestone with its status in `report` (none reported: no traffic light)."""
    reported: dict[str, MilestoneStatus] = project.milestone_status_on(report.date)
    rows = []
    for m in sorted(project.milestones, key=lambda m: m.date):
        row = reported.get(m.id)
        rows.append(MilestoneRow(
            milestone=m,
            status=traffic(row.status, lbl) if row is not None else None,
            done=row.done if row is not None else milestone_done(project, m.id, report.date),
            forecast=row.forecast if row is not None else None,
            comment=row.comment if row is not None else None,
        ))
    return rows


def _short(text: str, limit: int = TIMELINE_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline_chart(project: Project, programme: Programme) -> tuple[Chart, str] | None:
    """The milestones on a date axis, with alt text listing them."""
    if not project.milestones:
        return None
    lbl = labels(programme.info.language)
    ordered = sorted(project.milestones, key=lambda m: m.date)
    chart = Chart(
        kind="timeline",
        categories=[f"{m.id} {_short(m.name)}" for m in ordered],
        series=[Series(lbl["p_milestones"], [float(m.date.toordinal()) for m in ordered])],
        lang=CHART_LANG[programme.info.language],
    )
    # The dates are in the milestone table right above: say the span, not every date.
    alt = lbl["p_timeline_alt"].rstrip(":") + ". " + lbl["p_timeline_alt_span"].format(
        count=len(ordered), first=fmt.format_date(ordered[0].date, "short"),
        last=fmt.format_date(ordered[-1].date, "short"))
    return chart, alt


def spent_chart(budget: Decimal, spent: Decimal, programme: Programme,
                on: dt.date) -> tuple[Chart, str]:
    """Budget against spent to date as two bars of their own colour, with a legend."""
    lbl = labels(programme.info.language)
    chart = Chart(
        kind="bar",
        categories=[fmt.format_date(on, "short")],
        series=[Series(lbl["budget"], [float(budget)]),
                Series(lbl["s_spent"], [float(spent)])],
        unit="kr",
        lang=CHART_LANG[programme.info.language],
    )
    alt = lbl["s_chart_alt"].format(budget=fmt.format_kr(budget), spent=fmt.format_kr(spent))
    return chart, alt


def project_meta(
    programme: Programme, project: Project, kind: str, title: str,
    version: Sequence[tuple[str, str]] | None = None, date: dt.date | None = None,
) -> Meta:
    """Cover, header and properties of a project document, in the programme's målform."""
    info = programme.info
    lbl = labels(info.language)
    v = project.version
    dash = jinja.DASH
    editions = project_editions(project)
    edition = editions[-1] if editions else None
    if version is None and edition is not None:
        # The register's last row is the plan's edition (see schema.project.PROJECT_EDITIONS).
        version = [
            (lbl["version"], edition.version),
            (lbl["date"], fmt.format_date(edition.date) or dash),
            (lbl["status"], capfirst(status_label(edition.status, info.language))),
            (lbl["board_date"], fmt.format_date(edition.board_date) or dash),
            (lbl["ed_approved"], fmt.format_date(edition.approved) or dash),
        ]
        if date is None:
            date = edition.date
    if version is None:
        version = [
            (lbl["version"], v.version or dash),
            (lbl["date"], fmt.format_date(v.date) or dash),
            (lbl["status"], capfirst(status_label(v.status, info.language))),
            (lbl["board_date"], fmt.format_date(v.board_date) or dash),
        ]
    day = date if date is not None else v.date
    return Meta(
        title=title,
        subtitle=lbl["project_subtitle"].format(id=project.info.id, name=project.info.name),
        municipality=info.municipality,
        language=LANGUAGE_TAGS[info.language],
        header=f"{title} {project.info.id} – {info.name}",
        version=list(version),
        kind=kind,
        date=fmt.format_date(day),
        issued=day.isoformat() if day else "",
        full_title=full_title(title, f"{project.info.id} {project.info.name}",
                              fmt.format_date(day)),
        labels=meta_labels(info.language),
    )


def rollup_meta(
    programme: Programme, kind: str, title: str, version: Sequence[tuple[str, str]],
    date: dt.date | None,
) -> Meta:
    """Cover and header of a programme roll-up (portfolio, årsrapport): its own facts, not the
    plan's version block."""
    info = programme.info
    return Meta(
        title=title,
        subtitle=info.name,
        municipality=info.municipality,
        language=LANGUAGE_TAGS[info.language],
        header=f"{title} – {info.name}",
        version=list(version),
        kind=kind,
        date=fmt.format_date(date),
        issued=date.isoformat() if date else "",
        full_title=full_title(title, info.name, fmt.format_date(date)),
        labels=meta_labels(info.language),
    )


@dataclass
class PortfolioRow:
    """One project as a row of the portfolio tables."""

    figures: ProjectFigures
    id: str
    name: str
    measure: str
    phase: str
    status: StatusView | None
    status_text: str
    milestones: str
    goals: str


def portfolio_row(figures: ProjectFigures, lbl: Mapping[str, str]) -> PortfolioRow:
    info = figures.project.info
    status = traffic(figures.status, lbl)
    if figures.finished:
        text = lbl["s_finished"]
    elif status is None:
        text = lbl["s_not_reported"]
    else:
        text = ""
    count = lbl["pf_count"]
    return PortfolioRow(
        figures=figures,
        id=info.id,
        name=info.name,
        measure=info.measure,
        phase=phase_label(info.phase, lbl),
        status=None if figures.finished else status,
        status_text=text,
        milestones=count.format(done=figures.milestones_done, total=figures.milestones_total)
        if figures.milestones_total else "",
        goals=count.format(done=figures.goals_reached, total=figures.goals_assessed)
        if figures.goals_assessed else "",
    )


def latest_date(programme: Programme) -> dt.date | None:
    """The newest date the projects report on (status or end), else the plan's date."""
    dates = [r.date for p in programme.projects for r in p.reports]
    dates += [p.info.ended for p in programme.projects if p.info.ended is not None]
    return max(dates) if dates else programme.version.date


def chart_lang(programme: Programme) -> str:
    return CHART_LANG[programme.info.language]


def wrap_label(text: str, width: int = 16) -> str:
    """A chart category label on several short lines, so long names do not overlap."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text
