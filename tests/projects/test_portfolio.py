"""Portfolio roll-up: totals equal the project files and the handlingsplan figures, in the
document, the workbook and the årsrapport alike."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from plandoc.builders.handlingsplan import by_area_table
from plandoc.model.portfolio import assess, portfolio, project_figures, year_results
from plandoc.model.project import ProjectGoal
from plandoc.workbook.portfolio import AREAS_SHEET, PROJECTS_SHEET, write_portfolio_xlsx
from projects.factory import programme_with_projects


def test_totals_equal_the_project_files_and_the_handlingsplaner() -> None:
    programme = programme_with_projects(finished=True)
    figures = portfolio(programme)
    assert figures.budget == sum(p.budget_total() for p in programme.projects)
    assert figures.spent == Decimal(381_750)  # final accounts of 01/24, nothing yet for 01/25
    for area in figures.areas:
        # Each handlingsplan's "per innsatsområde" table, added over the years.
        from_plans = sum(
            (row.total for year in programme.measure_years()
             for row in by_area_table(programme, year).rows
             if row.label == area.area.name), Decimal(0))
        assert area.measures_budget == from_plans
        assert area.budget == sum(p.budget_total() for p in programme.projects
                                  if p.info.focus_area == area.area.id)
    assert figures.measures_budget == sum(m.budget for m in programme.measures)


def test_spent_is_the_latest_report_until_the_accounts_are_in() -> None:
    running = programme_with_projects(finished=False).projects[0]
    assert project_figures(running).spent == Decimal(265_000)
    assert project_figures(running).status == "rød"
    assert (project_figures(running).milestones_done,
            project_figures(running).milestones_total) == (2, 3)


def test_assessment_from_numbers_and_direction() -> None:
    goal = ProjectGoal(level="resultatmål", text="x", baseline="10", target="20", achieved="15")
    assert assess(goal) == "delvis nådd"
    goal.achieved = "25"
    assert assess(goal) == "nådd"
    lower = ProjectGoal(level="resultatmål", text="y", baseline="14", target="0", achieved="-3")
    assert assess(lower) == "nådd"
    words = ProjectGoal(level="prosjektmål", text="z", target="levert", achieved="levert")
    assert assess(words) is None
    words.assessment = "ikke nådd"
    assert assess(words) == "ikke nådd"


def test_year_results_use_the_same_project_figures() -> None:
    programme = programme_with_projects(finished=True)
    results = year_results(programme, 2024)
    assert results.budget == sum(m.budget for m in programme.measures_of(year=2024))
    assert results.project_budget == Decimal(400_000)
    assert results.spent == portfolio(programme).areas[0].projects[0].spent
    d1 = next(g for g in results.goals if g.goal.id == "D1")
    assert [r.achieved for r in d1.results] == ["2"]
    assert [c.goal.text for c in d1.contributions] == ["Åtte bedrifter forplikter seg"]


def test_portfolio_workbook_reads_back(tmp_path: Path) -> None:
    programme = programme_with_projects(finished=True)
    path = tmp_path / "portefoljeoversikt.xlsx"
    write_portfolio_xlsx(programme, path)
    wb = openpyxl.load_workbook(path, data_only=True)
    rows = list(wb[PROJECTS_SHEET].iter_rows(values_only=True))
    assert rows[0][:3] == ("Prosjektnummer", "Prosjekt", "Innsatsområde")
    assert [r[0] for r in rows[1:]] == ["01/24", "01/25", "Sum"]
    assert rows[1][5] == "Avsluttet" and rows[2][5] == "Ikke rapportert"
    assert rows[-1][7] == sum(int(p.budget_total()) for p in programme.projects) == 1_300_000
    assert rows[-1][10] == 381_750
    areas = list(wb[AREAS_SHEET].iter_rows(values_only=True))
    figures = portfolio(programme)
    # The innsatsområde ids next to the names, as the plans print them.
    assert [r[0] for r in areas[1:-1]] == [f"{a.area.id} {a.area.name}" for a in figures.areas]
    assert areas[-1][1:5] == (int(figures.measures_budget), int(figures.measures_with_projects),
                              int(figures.budget), int(figures.spent))
    assert sum(r[1] for r in areas[1:-1]) == areas[-1][1]
    before = path.read_bytes()
    write_portfolio_xlsx(programme, path)
    assert path.read_bytes() == before  # deterministic
