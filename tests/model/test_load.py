"""Loading raw records into the model: typing, refs, missing values, the issue's scenario."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from plandoc.core.diagnostics import SourceRef
from plandoc.load.inputs import load_file
from plandoc.load.programme import _complete_funding, load_programme
from plandoc.readers import read_input

try:  # however the tests folder ends up on sys.path
    from tests.readers.workbooks import AREA_ROWS, PROGRAM_ROWS, minimal_book, write_book
except ImportError:  # pragma: no cover - depends on how pytest was started
    from readers.workbooks import AREA_ROWS, PROGRAM_ROWS, minimal_book, write_book

NBSP = "\u00a0"


def _strings(diags) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(d) for d in diags]


def test_the_issue_scenario_gives_all_three_diagnostics_with_their_cells(tmp_path: Path) -> None:
    """Text in a budget cell, an unknown innsatsområde and an unbalanced year: one run."""
    path = minimal_book(
        tmp_path / "plan.xlsx",
        Tiltak=[
            ["ID", "Navn", "Innsatsområde", "År", "Budsjett (kr)"],
            ["T1", "Gründerskole", "IO1", 2025, "ca. 3 mill"],
            ["T2", "Vinterturisme", "I01", 2025, 300000],
        ],
        Budsjett=[["År", "Post", "Beløp (kr)"], [2025, "Drift", 1_000_000]],
        Finansiering=[
            ["År", "Kilde", "Kildetype", "Beløp (kr)"],
            [2025, "Troms fylkeskommune", "fylkeskommune", 600_000],
            [2025, "Dyrøy kommune", "kommune", 300_000],
        ],
    )
    programme, diags = load_file(path)
    assert programme is not None
    # The tiltak and the area-less "Drift" line cannot both fit the budget (issue 14).
    assert [str(d) for d in diags if not d.is_error] == [
        f"{path}:Tiltak!E3: advarsel: tallene for 2025 går ikke opp: tiltakenes "
        f"omstillingsmidler (300{NBSP}000) og postene uten innsatsområde (1{NBSP}000{NBSP}000) "
        f"er til sammen 1{NBSP}300{NBSP}000, mer enn budsjettet (1{NBSP}000{NBSP}000); øk "
        "budsjettet eller flytt tiltak til annen finansiering [budsjett.avstemming]"]
    assert [str(d) for d in diags if d.is_error] == [
        f'{path}:Tiltak!E2: feil: budsjett må være et tall, fikk "ca. 3 mill" [tiltak.budsjett]',
        f"{path}:Tiltak!C3: feil: innsatsområde «I01» finnes ikke i arket «Innsatsområder»; "
        "mente du «IO1»? [ref.ukjent]",
        f"{path}:Finansiering!D2: feil: finansieringen i 2025 (900{NBSP}000) er ikke lik "
        f"budsjettet (1{NBSP}000{NBSP}000); differansen er 100{NBSP}000 – rett beløpene i "
        f"arkene «Finansiering» og «Budsjett» (se også {path}:Budsjett!C2) "
        "[finansiering.balanse]",
    ]


def test_xlsx_values_are_typed_and_every_field_knows_its_cell(tmp_path: Path) -> None:
    path = write_book(tmp_path / "p.xlsx", {
        "Program": [*PROGRAM_ROWS, ["Kommunenummer", 301], ["Dato", dt.datetime(2024, 10, 12)],
                    ["Målform", "Nynorsk"], ["Versjon", "2.1"]],
        "Innsatsområder": AREA_ROWS,
        "Tiltak": [
            ["ID", "Navn", "Innsatsområde", "År", "Budsjett (kr)", "Annen finansiering (kr)"],
            ["T1", " Gründerskole ", "IO1", "2025", "kr 1 250 000", "250 000"],
        ],
        "Mål": [["ID", "Nivå", "Mål", "Målverdi", "Frist"],
                ["M1", "Hovedmål", "60 nye jobber", 60, "31.12.2029"]],
    })
    programme, diags = load_programme(read_input(path))
    assert _strings(diags) == []
    assert programme is not None
    assert programme.source == str(path)
    assert programme.info.municipality_number == "0301"  # Excel dropped the leading zero
    assert programme.info.language == "nynorsk"
    assert programme.version.date == dt.date(2024, 10, 12)
    assert programme.version.version == "2.1"
    measure = programme.measures[0]
    assert (measure.name, measure.year, measure.budget) == ("Gründerskole", 2025,
                                                            Decimal(1_250_000))
    assert (measure.programme_funding, measure.other_funding) == (Decimal(1_000_000),
                                                                  Decimal(250_000))
    assert measure.refs["budget"] == SourceRef(str(path), "Tiltak", "E2")
    assert measure.refs["_row"] == SourceRef(str(path), "Tiltak", "A2")
    assert measure.ref() == SourceRef(str(path), "Tiltak", "A2")
    assert "programme_funding" not in measure.refs  # computed, not typed in
    goal = programme.goals[0]
    assert (goal.level, goal.target, goal.deadline) == ("hovedmål", "60", dt.date(2029, 12, 31))
    assert programme.info.refs["start_year"] == SourceRef(str(path), "Program", "B4")
    assert programme.version.refs["date"] == SourceRef(str(path), "Program", "B7")


def test_yaml_values_are_typed_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "program:\n  kommune: Ål\n  programnavn: Omstilling i Ål\n  periode_fra: 2024\n"
        "  periode_til: 2029\n  versjon: 1.0\ninnsatsområder:\n  - id: IO1\n    navn: Reiseliv\n"
        "mål:\n  - id: M1\n    nivå: delmål\n    mål: Fleire gjester\n    målverdi: 1.5\n"
        "    frist: 2027\n", encoding="utf-8")
    programme, diags = load_programme(read_input(path))
    assert _strings(diags) == []
    assert programme is not None
    assert programme.version.version == "1.0"
    goal = programme.goals[0]
    assert (goal.target, goal.deadline) == ("1,5", dt.date(2027, 12, 31))
    assert goal.refs["target"] == SourceRef(str(path), line=14)
    assert goal.refs["_row"] == SourceRef(str(path), line=11)


def test_missing_required_values_point_at_the_cell(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx", Tiltak=[
        ["ID", "Navn", "Innsatsområde", "År", "Budsjett (kr)"],
        ["T1", None, "IO1", 2025, 100],
    ])
    programme, diags = load_programme(read_input(path))
    assert programme is not None and programme.measures == []
    assert _strings(diags) == [
        f"{path}:Tiltak!B2: feil: navn mangler; fyll ut kolonnen «Navn» [tiltak.navn]"]
    assert programme.refs["_invalid:tiltak"] == SourceRef(str(path), "Tiltak", "A2")
    assert "_invalid:tiltak:T1" in programme.refs


def test_a_missing_required_column_is_reported_once(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx", Budsjett=[
        ["År", "Post"], [2025, "Drift"], [2026, "Drift"]])
    _, diags = load_programme(read_input(path))
    assert _strings(diags) == [
        f"{path}:Budsjett: feil: kolonnen «Beløp (kr)» mangler i arket «Budsjett»; legg den til "
        "i overskriftsraden [kolonne.mangler]"]


def test_missing_yaml_key_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("program:\n  kommune: A\n  periode_fra: 2024\n  periode_til: 2025\n"
                    "innsatsområder: []\n", encoding="utf-8")
    programme, diags = load_programme(read_input(path))
    assert programme is None
    assert _strings(diags) == [
        f"{path}:1: feil: programnavn mangler; skriv «programnavn: …» [program.programnavn]"]


def test_without_a_program_sheet_there_is_no_programme(tmp_path: Path) -> None:
    path = write_book(tmp_path / "p.xlsx", {"Innsatsområder": AREA_ROWS})
    programme, diags = load_programme(read_input(path))
    assert programme is None
    assert _strings(diags) == [
        f"{path}: feil: arket «Program» mangler; legg det til (se malen) [ark.mangler]"]


def test_a_missing_required_table_sheet_is_an_error_but_the_programme_is_built(
    tmp_path: Path,
) -> None:
    path = write_book(tmp_path / "p.xlsx", {"Program": PROGRAM_ROWS})
    programme, diags = load_programme(read_input(path))
    assert programme is not None
    assert _strings(diags) == [
        f"{path}: feil: arket «Innsatsområder» mangler; legg det til (se malen) [ark.mangler]"]


def test_a_wrong_optional_program_value_is_reported_and_left_out(tmp_path: Path) -> None:
    path = write_book(tmp_path / "p.xlsx", {
        "Program": [*PROGRAM_ROWS, ["Målform", "engelsk"], ["Dato", "i fjor"]],
        "Innsatsområder": AREA_ROWS})
    programme, diags = load_programme(read_input(path))
    assert programme is not None and programme.info.language == "bokmål"
    assert _strings(diags) == [
        f"{path}:Program!B6: feil: målform må være en av «bokmål», «nynorsk», fikk \"engelsk\" "
        "[program.målform]",
        f'{path}:Program!B7: feil: dato må være en dato (dd.mm.åååå), fikk "i fjor" '
        "[program.dato]",
    ]


def test_control_characters_and_error_values_name_the_cell(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx", Strategier=[
        ["ID", "Innsatsområde", "Navn"], ["IO1-A", "IO1", "Styrke_x0007_ bedrifter"],
        ["IO1-B", "#N/A", "Nye bedrifter"]])
    _, diags = load_programme(read_input(path))
    assert _strings(diags) == [
        f"{path}:Strategier!C2: feil: navn inneholder et ugyldig kontrolltegn (U+0007); fjern "
        "det – det kan ikke stå i et dokument [tekst.kontrolltegn]",
        f"{path}:Strategier!B3: feil: innsatsområde inneholder feilverdien #N/A; rett formelen "
        "i Excel eller skriv inn verdien [celle.feilverdi]",
    ]


@pytest.mark.parametrize(
    ("own", "other", "expected"),
    [
        (None, None, (600, 0)),
        (None, 150, (450, 150)),
        (450, None, (450, 150)),
        (500, 150, (500, 150)),  # both given: kept; the rule checks the sum
    ],
)
def test_tiltak_funding_is_completed_from_the_budget(
    own: int | None, other: int | None, expected: tuple[int, int],
) -> None:
    data = {"budget": Decimal(600)}
    if own is not None:
        data["programme_funding"] = Decimal(own)
    if other is not None:
        data["other_funding"] = Decimal(other)
    _complete_funding(data)
    assert (data["programme_funding"], data["other_funding"]) == tuple(map(Decimal, expected))


def test_an_unreadable_file_gives_one_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("ikke en arbeidsbok")
    programme, diags = load_file(path)
    assert programme is None
    assert [d.rule for d in diags] == ["fil.format"]
