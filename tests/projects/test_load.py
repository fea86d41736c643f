"""Project files → model: both formats, attached to the programme, and the cross-document
diagnostic with both files and cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from factories import sample_programme
from plandoc.load.inputs import load_file
from plandoc.load.programme import load_programme_file
from plandoc.load.project import load_project_file, looks_like_project
from plandoc.readers import discover
from plandoc.schema.project import PROJECT_SHEETS
from plandoc.workbook.export import convert, dump_yaml, write_xlsx, write_yaml
from plandoc.workbook.template import write_template
from projects.factory import sample_project

NBSP = "\u00a0"

#: Warnings the sample always gets: goals without a deadline; no adopted handlingsplan kept
#: for its årsrapport (model.reporting); a handlingsplan whose «tall per» leaves out later
#: status reports (model.as_of).
EDITION_NOTES = ("mål.målbart", "årsrapport.grunnlag", "utgaver.tall_per")


def _programme_folder(tmp_path: Path, suffix: str, budget: int | None = None) -> Path:
    """inputs/dyroy/program.<suffix> with one project file in prosjekter/."""
    folder = tmp_path / "inputs" / "dyroy"
    (folder / "prosjekter").mkdir(parents=True)
    programme = sample_programme()
    project = sample_project()
    if budget is not None:
        project.budget[0].amount = Decimal(budget)
        project.funding[1].applied += Decimal(budget) - Decimal(200_000)
    if suffix == ".xlsx":
        write_xlsx(programme, folder / "program.xlsx")
        write_xlsx(project, folder / "prosjekter" / "01-24.xlsx", PROJECT_SHEETS)
    else:
        write_yaml(programme, folder / "program.yaml")
        write_yaml(project, folder / "prosjekter" / "01-24.yaml", PROJECT_SHEETS)
    return folder / f"program{suffix}"


@pytest.mark.parametrize("suffix", [".yaml", ".xlsx"])
def test_project_file_reads_back_equal_and_is_attached(tmp_path: Path, suffix: str) -> None:
    path = _programme_folder(tmp_path, suffix)
    programme, diags = load_file(path)
    assert programme is not None
    # D4 of the sample programme has no indicator (a warning of the programme's own).
    assert [str(d) for d in diags if d.rule not in EDITION_NOTES] == []
    assert len(programme.projects) == 1
    assert programme.projects[0] == sample_project()
    # Projects are not content of the programme file: equal to the programme read alone.
    alone, _ = load_programme_file(path)
    assert alone is not None and alone.projects == [] and programme == alone


def test_discover_does_not_take_project_files_for_programmes(tmp_path: Path) -> None:
    path = _programme_folder(tmp_path, ".yaml")
    assert discover([tmp_path / "inputs"]) == [path]


def test_budget_over_tiltak_names_both_files_and_cells_xlsx(tmp_path: Path) -> None:
    path = _programme_folder(tmp_path, ".xlsx", budget=300_000)
    programme, diags = load_file(path)
    project = path.parent / "prosjekter" / "01-24.xlsx"
    # T3-2024 is the third tiltak: row 4; Budsjett (kr) is column J.
    expected = (
        f"{project}:Budsjett!B2: feil: prosjektbudsjettet for «01/24» (kr{NBSP}500{NBSP}000) "
        f"er større enn budsjettet for tiltak «T3-2024» i handlingsplanen "
        f"(kr{NBSP}400{NBSP}000); reduser prosjektbudsjettet eller øk tiltakets budsjett "
        f"(se også {path}:Tiltak!J4) [prosjekt.budsjett-over-tiltak]"
    )
    assert expected in [str(d) for d in diags]
    assert programme is not None and diags.has_errors  # the build stops on it


def test_budget_over_tiltak_names_both_files_and_lines_yaml(tmp_path: Path) -> None:
    path = _programme_folder(tmp_path, ".yaml", budget=300_000)
    _, diags = load_file(path)
    project = path.parent / "prosjekter" / "01-24.yaml"
    project_line = next(i for i, line in enumerate(project.read_text().splitlines(), 1)
                        if "beløp: 300000" in line)
    lines = path.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if "id: T3-2024" in line)
    programme_line = next(i for i, line in enumerate(lines[start:], start + 1)
                          if line.strip().startswith("budsjett:"))
    found = [d for d in diags if d.rule == "prosjekt.budsjett-over-tiltak"]
    assert len(found) == 1
    assert str(found[0].ref) == f"{project}:{project_line}"
    assert [str(r) for r in found[0].related] == [f"{path}:{programme_line}"]


def test_project_errors_point_at_cells(tmp_path: Path) -> None:
    path = tmp_path / "prosjekter" / "x.yaml"
    path.parent.mkdir()
    text = dump_yaml(sample_project(), PROJECT_SHEETS).replace("fase: forprosjekt\n",
                                                              "fase: forprosjek\n", 1)
    path.write_text(text.replace("sannsynlighet: 3", "sannsynlighet: tre", 1), encoding="utf-8")
    project, diags = load_project_file(path)
    shown = [str(d) for d in diags]
    assert any("fase må være en av «forstudie», «forprosjekt», «hovedprosjekt», fikk "
               "\"forprosjek\"; mente du «forprosjekt»?" in s for s in shown), shown
    assert any("sannsynlighet" in s and "må være et tall" in s for s in shown), shown
    assert project is None


def test_a_project_file_alone_is_checked_against_the_programme_beside_it(
        tmp_path: Path) -> None:
    path = _programme_folder(tmp_path, ".yaml", budget=300_000)
    programme, diags = load_file(path.parent / "prosjekter" / "01-24.yaml")
    assert programme is None
    assert [d.rule for d in diags] == ["prosjekt.budsjett-over-tiltak"]


def test_twins_that_differ_are_reported(tmp_path: Path) -> None:
    path = _programme_folder(tmp_path, ".yaml")
    other = sample_project()
    other.info.name = "Et annet navn"
    write_xlsx(other, path.parent / "prosjekter" / "01-24.xlsx", PROJECT_SHEETS)
    programme, diags = load_file(path)
    assert [d.rule for d in diags if d.rule not in EDITION_NOTES] == ["prosjekt.tvilling"]
    assert programme is not None and programme.projects[0].info.name == "Et annet navn"


def test_convert_round_trips_a_project(tmp_path: Path) -> None:
    src = tmp_path / "a.yaml"
    write_yaml(sample_project(), src, PROJECT_SHEETS)
    assert looks_like_project(src)
    assert not convert(src, tmp_path / "b.xlsx").has_errors
    assert not convert(tmp_path / "b.xlsx", tmp_path / "c.yaml").has_errors
    back, diags = load_project_file(tmp_path / "c.yaml")
    assert back == sample_project() and not diags.has_errors


def test_blank_project_template(tmp_path: Path) -> None:
    out = tmp_path / "prosjekt.xlsx"
    write_template(out, kind="prosjekt")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Veiledning", *(s.name for s in PROJECT_SHEETS)]
    assert "Prosjektlederprosessen" in str(wb["Veiledning"]["B2"].value)
    _, diags = load_project_file(out)
    assert {d.rule for d in diags} >= {"prosjekt.id", "prosjekt.tiltak", "prosjekt.fase"}
    with pytest.raises(ValueError):
        write_template(out, kind="bauta-x")
