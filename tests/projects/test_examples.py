"""The example programmes' projects: realistic, valid, and within their tiltak budgets."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandoc.builders import build_documents
from plandoc.document import heading_text
from plandoc.load.inputs import load_file
from plandoc.model.programme import Programme
from plandoc.model.project_rules import tiltak_records

INPUTS = Path(__file__).resolve().parents[2] / "inputs"


@pytest.fixture(scope="module")
def fjordvik() -> Programme:
    programme, diags = load_file(INPUTS / "fjordvik" / "program.yaml")
    # The one warning: the draft handlingsplan 2026 has figures per 31.10.2025 and leaves out
    # the projects' later status reports (model.as_of).
    assert programme is not None and [d.rule for d in diags] == ["utgaver.tall_per"]
    return programme


@pytest.fixture(scope="module")
def sandbakken() -> Programme:
    programme, diags = load_file(INPUTS / "sandbakken" / "program.xlsx")
    # The warnings: the årsrapport 2026 (a project reported in January 2026) has no adopted
    # handlingsplan 2026 yet (it is «til behandling»), so it uses the workbook; the draft
    # handlingsplan 2026 and the årsrapport 2025 leave out reports after their «tall per».
    assert programme is not None
    assert [d.rule for d in diags] == ["årsrapport.grunnlag", "utgaver.tall_per",
                                       "utgaver.tall_per"]
    assert "årsrapport 2026: fant ingen vedtatt handlingsplan for 2026" in str(diags.items[0])
    return programme


def test_fjordvik_has_projects_in_every_phase_with_reports(fjordvik: Programme) -> None:
    projects = fjordvik.projects
    assert len(projects) >= 5
    assert {p.info.phase for p in projects} == {"forstudie", "forprosjekt", "hovedprosjekt"}
    assert sum(1 for p in projects if p.reports) >= 4
    assert any(p.finished for p in projects)
    assert {r.status for p in projects for r in p.reports} == {"grønn", "gul", "rød"}
    for project in projects:
        budget = sum(m.budget for m in tiltak_records(fjordvik, project.info.measure))
        assert project.budget_total() <= budget, project.info.id


def test_the_områdeløft_makes_a_programplan_instead_of_an_omstillingsplan(
        sandbakken: Programme) -> None:
    assert sandbakken.info.kind == "områdeløft"
    docs = dict(build_documents(sandbakken))
    assert "omstillingsplan" not in docs and "programplan" in docs
    titles = [heading_text(h) for h in docs["programplan"].headings() if h.level == 1]
    for section in ("Finansiering, rammer og budsjett", "Mandat og organisering",
                    "Utvikling og kvalifisering av prosjekter", "Prosjektene i perioden",
                    "Resultatmåling og evaluering", "Informasjon og kommunikasjon",
                    "Kritiske suksessfaktorer"):
        assert any(t.endswith(section) for t in titles), section
    text = "\n".join(heading_text(h) for h in docs["programplan"].headings())
    assert "Bakgrunn for omstillingsarbeidet" not in text
    intro = docs["handlingsplan-2025"]
    from builders.helpers import texts

    assert any("bygger på programplanen" in t for t in texts(intro))


def test_områdeløft_projects_are_listed_as_nn_yy(sandbakken: Programme) -> None:
    from builders.helpers import row_texts, tables

    doc = dict(build_documents(sandbakken))["programplan"]
    table = next(t for t in tables(doc, "portfolio"))
    numbers = [row[0] for row in row_texts(table)[:-1]]
    assert numbers == ["01/25", "02/25", "01/26"]
    assert all(len(n) == 5 and n[2] == "/" for n in numbers)
