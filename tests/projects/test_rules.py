"""PLP rules over one project, each failing and passing, and the checks against the programme."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from plandoc.core.diagnostics import Diagnostics
from plandoc.model import project_rules as rules
from plandoc.model.project import (
    DecisionPoint,
    MilestoneStatus,
    Phase,
    Project,
    ProjectBudgetLine,
    ProjectFunding,
    ProjectGoal,
    Risk,
    StatusReport,
)
from projects.factory import programme_with_projects, sample_project

D = dt.date


def ids(diags: Diagnostics) -> list[str]:
    return [d.rule for d in diags]


def messages(diags: Diagnostics) -> str:
    return "\n".join(d.message for d in diags)


@pytest.fixture
def project() -> Project:
    return sample_project()


def test_the_sample_project_passes_every_rule(project: Project) -> None:
    assert list(rules.check(project)) == []
    programme = programme_with_projects()
    for p in programme.projects:
        assert list(rules.check_against_programme(p, programme)) == []
    assert list(rules.check_portfolio(programme)) == []


def test_period_runs_forwards(project: Project) -> None:
    project.info.end = D(2024, 1, 1)
    assert "prosjekt.periode" in ids(rules.check_period(project))


def test_phases_in_plp_order_inside_the_period(project: Project) -> None:
    project.phases.reverse()
    found = rules.check_phases(project)
    assert "prosjekt.fase-rekkefølge" in ids(found)
    assert "forstudie, forprosjekt, hovedprosjekt" in messages(found)


def test_phases_must_not_overlap(project: Project) -> None:
    project.phases[1].start = D(2024, 4, 1)
    found = rules.check_phases(project)
    assert ids(found) == ["prosjekt.fase-rekkefølge"]
    assert "starter (01.04.2024) før «forstudie» er slutt (30.04.2024)" in messages(found)


def test_phase_outside_the_period(project: Project) -> None:
    project.phases[1].end = D(2025, 1, 31)
    assert ids(rules.check_phases(project)) == ["prosjekt.fase-periode"]


def test_current_phase_must_be_planned(project: Project) -> None:
    project.phases = [Phase(phase="forstudie", start=D(2024, 2, 1), end=D(2024, 4, 30))]
    found = rules.check_phases(project)
    assert ids(found) == ["prosjekt.fase"]


def test_decision_points_dated_inside_the_period_and_in_order(project: Project) -> None:
    project.decisions[2].date = D(2024, 12, 15)
    assert ids(rules.check_decisions(project)) == ["prosjekt.beslutningspunkt"]
    project = sample_project()
    project.decisions[0], project.decisions[1] = project.decisions[1], project.decisions[0]
    found = rules.check_decisions(project)
    assert "prosjekt.beslutningspunkt" in ids(found)
    assert "før opp beslutningspunktene i den rekkefølgen de tas" in messages(found)


def test_a_phase_is_opened_by_a_decision_before_it_starts(project: Project) -> None:
    project.decisions[1].date = D(2024, 5, 10)
    found = rules.check_decisions(project)
    assert ids(found) == ["prosjekt.beslutningspunkt"]
    assert "kommer etter at fasen starter" in messages(found)
    project = sample_project()
    del project.decisions[1]
    assert [d.severity.value for d in rules.check_decisions(project)] == ["advarsel"]


def test_hovedprosjekt_needs_an_approving_decision(project: Project) -> None:
    project.info.phase = "hovedprosjekt"
    project.phases.append(Phase(phase="hovedprosjekt", start=D(2024, 11, 29),
                                end=D(2024, 11, 30)))
    project.decisions[2].decision = "avvist"
    found = rules.check_decisions(project)
    assert "prosjekt.hovedprosjekt-vedtak" in ids(found)
    project.decisions[2].decision = "godkjent"
    assert "prosjekt.hovedprosjekt-vedtak" not in ids(rules.check_decisions(project))


def test_milestones_inside_the_period_with_unique_ids(project: Project) -> None:
    project.milestones[2].date = D(2025, 1, 10)
    assert ids(rules.check_milestones(project)) == ["prosjekt.milepæl-periode"]
    project = sample_project()
    project.milestones[1].id = "MP1"
    assert ids(rules.check_milestones(project)) == ["id.duplikat"]


def test_activity_points_at_an_existing_milestone(project: Project) -> None:
    project.activities[0].milestone = "MP9"
    found = rules.check_activities(project)
    assert ids(found) == ["ref.ukjent"]
    assert "milepæl «MP9» finnes ikke" in messages(found)


def test_financing_equals_budget(project: Project) -> None:
    project.funding[1].applied = Decimal(50_000)
    found = rules.check_funding(project)
    assert ids(found) == ["prosjekt.finansiering"]
    assert "differansen er kr\u00a050\u00a0000" in messages(found)
    project = sample_project()
    project.funding[0].granted = Decimal(350_000)
    assert ids(rules.check_funding(project)) == ["prosjekt.innvilget"]


def test_finished_project_needs_accounts_and_achieved_goals() -> None:
    project = sample_project(finished=True)
    assert list(rules.check(project)) == []
    for line in project.budget:
        line.actual = None
    project.goals[2].achieved = None
    found = ids(rules.check(project))
    assert "prosjekt.regnskap" in found and "prosjekt.måloppnåelse" in found


def test_goals_are_measurable_and_the_hierarchy_complete(project: Project) -> None:
    project.goals[2].indicator = None
    project.goals[2].deadline = None
    found = rules.check_goals(project)
    assert ids(found) == ["prosjekt.mål-målbart"]
    assert "mangler indikator og frist" in messages(found)
    project.goals = [ProjectGoal(level="visjon", text="Et godt sted")]
    assert ids(rules.check_goals(project)) == ["prosjekt.målhierarki"]


def test_risk_scale_and_ids(project: Project) -> None:
    project.risks.append(Risk(id="R1", risk="Ny", probability=6, consequence=0))
    found = ids(rules.check_risks(project))
    assert found.count("prosjekt.risiko-skala") == 2 and "id.duplikat" in found


def test_status_reports_dated_and_milestone_rows_belong_to_a_report(project: Project) -> None:
    project.reports.append(StatusReport(date=D(2024, 1, 15), status="grønn"))
    assert ids(rules.check_status(project)) == ["prosjekt.status-dato"]
    project = sample_project()
    project.milestone_status.append(MilestoneStatus(date=D(2024, 7, 1), milestone="MP4",
                                                    status="gul"))
    found = rules.check_status(project)
    assert ids(found) == ["prosjekt.milepælstatus", "ref.ukjent"]
    assert "det finnes ingen statusrapport datert 01.07.2024" in messages(found)


def test_roles_owner_and_leader(project: Project) -> None:
    project.info.owner = None
    project.info.leader = None
    found = rules.check_roles(project)
    assert ids(found) == ["prosjekt.roller"]
    assert messages(found).startswith("Prosjekteier og prosjektleder mangler")


# ------------------------------------------------------------------ against the programme


def test_unknown_tiltak_is_named_with_a_suggestion() -> None:
    programme = programme_with_projects()
    project = programme.projects[0]
    project.info.measure = "T3-2042"
    found = rules.check_against_programme(project, programme)
    assert ids(found) == ["prosjekt.tiltak-ukjent"]
    assert "mente du «T3-2024»?" in messages(found)


def test_focus_area_must_match_the_tiltak() -> None:
    programme = programme_with_projects()
    project = programme.projects[0]
    project.info.focus_area = "IO2"
    assert ids(rules.check_against_programme(project, programme)) == ["prosjekt.innsatsområde"]
    project.info.focus_area = None
    assert list(rules.check_against_programme(project, programme)) == []
    assert project.info.focus_area == "IO1"  # filled in from the tiltak


def test_budget_over_tiltak_and_programme_money_over_tiltak() -> None:
    programme = programme_with_projects()
    project = programme.projects[0]
    project.budget.append(ProjectBudgetLine(item="Ekstra", amount=Decimal(100_000)))
    project.funding.append(ProjectFunding(source="Omstillingsprogrammet ekstra",
                                          source_kind="omstillingsprogrammet",
                                          applied=Decimal(100_000)))
    found = rules.check_against_programme(project, programme)
    assert ids(found) == ["prosjekt.budsjett-over-tiltak",
                          "prosjekt.omstillingsmidler-over-tiltak"]
    assert "(kr\u00a0500\u00a0000) er større enn budsjettet for tiltak «T3-2024» i " \
           "handlingsplanen (kr\u00a0400\u00a0000)" in messages(found)


def test_projects_sharing_a_tiltak_fit_its_budget_together() -> None:
    programme = programme_with_projects()
    twin = sample_project()
    twin.info.id = "02/24"
    programme.projects.append(twin)
    found = rules.check_portfolio(programme)
    assert ids(found) == ["prosjekt.budsjett-over-tiltak"]
    assert "til sammen budsjett kr\u00a0800\u00a0000" in messages(found)
    twin.info.id = "01/24"
    assert "prosjekt.id-duplikat" in ids(rules.check_portfolio(programme))


def test_goal_contributes_to_an_existing_programme_goal() -> None:
    programme = programme_with_projects()
    project = programme.projects[0]
    project.goals[1].contributes_to = "E7"
    found = rules.check_against_programme(project, programme)
    assert ids(found) == ["ref.ukjent"]
    assert "programmål «E7» finnes ikke" in messages(found)


def test_områdeløft_projects_are_numbered_nn_yy() -> None:
    programme = programme_with_projects()
    programme.info.kind = "områdeløft"
    project = programme.projects[0]
    assert list(rules.check_against_programme(project, programme)) == []
    project.info.id = "P-2024-1"
    assert ids(rules.check_against_programme(project, programme)) == ["prosjekt.nummer"]


def test_phase_differs_from_the_tiltak_plp_phase() -> None:
    programme = programme_with_projects()
    project = programme.projects[0]
    project.info.phase = "forstudie"
    project.phases = [Phase(phase="forstudie", start=D(2024, 2, 1), end=D(2024, 11, 30))]
    found = rules.check_against_programme(project, programme)
    assert ids(found) == ["prosjekt.fase-tiltak"]


def test_decision_point_model_accepts_planned_points() -> None:
    point = DecisionPoint(id="BP9", name="Planlagt", date=D(2024, 6, 1))
    assert point.decision is None and point.phase is None
