"""The blank programme workbook: structure read back with openpyxl, and filled in by hand."""

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plandoc.load.inputs import load_file
from plandoc.model.programme import Programme
from plandoc.readers import read_input
from plandoc.schema.programme import (
    EXAMPLE_MARKER,
    INSTRUCTIONS_SHEET,
    MEASURES,
    PROGRAM,
    PROGRAMME_SHEETS,
)
from plandoc.workbook.template import describe, sheets_for_type, write_template

from .conftest import completed, sample_programme


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mal") / "programmal.xlsx"
    write_template(path)
    return path


def _validations(ws) -> dict[str, tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """sqref → (type, formula1, formula2)."""
    return {str(dv.sqref): (dv.type, dv.formula1, dv.formula2)
            for dv in ws.data_validations.dataValidation}


def test_sheets_in_order_with_instructions_first(template: Path) -> None:
    wb = load_workbook(template)
    assert wb.sheetnames == [INSTRUCTIONS_SHEET, *(s.name for s in PROGRAMME_SHEETS)]
    text = "\n".join(str(c.value) for row in wb[INSTRUCTIONS_SHEET].iter_rows() for c in row
                     if c.value)
    for sheet in PROGRAMME_SHEETS:
        assert f"Arket {sheet.name}" in text
        assert sheet.help in text
    assert EXAMPLE_MARKER in text


def test_table_sheets_have_styled_frozen_headers_comments_and_examples(template: Path) -> None:
    wb = load_workbook(template)
    for sheet in sheets_for_type("regional omstilling"):
        if sheet.kind != "table":
            continue
        ws = wb[sheet.name]
        assert ws.freeze_panes == "A2"
        headers = [c.value for c in ws[1]]
        assert headers == [c.header for c in sheet.columns]
        for cell, column in zip(ws[1], sheet.columns, strict=True):
            assert cell.font.bold
            assert cell.fill.fgColor.rgb.endswith("1F4E78")
            assert cell.comment is not None and cell.comment.text == describe(column)
            assert ws.column_dimensions[cell.column_letter].width == column.width
        first = ws.cell(row=2, column=1)
        assert str(first.value).startswith(EXAMPLE_MARKER), sheet.name
        assert first.font.italic and first.font.color.rgb.endswith("808080")
        assert ws.max_row == 2  # one example row, nothing else


def test_comments_carry_help_and_allowed_values(template: Path) -> None:
    ws = load_workbook(template)[MEASURES.name]
    by_header = {c.value: c.comment.text for c in ws[1]}
    assert by_header["PLP-fase"] == (
        "Velg fra lista: forstudie, forprosjekt, hovedprosjekt, ikke PLP.")
    assert by_header["Omstillingsmidler (kr)"] == (
        "Tom = hele budsjettet minus annen finansiering. Beløp i kroner, f.eks. 1 250 000.")
    assert by_header["Innsatsområde"] == "En ID fra arket «Innsatsområder». Må fylles ut."


def test_validations_lists_refs_years_and_formats(template: Path) -> None:
    wb = load_workbook(template)
    tiltak = _validations(wb["Tiltak"])
    assert tiltak["C2:C500"] == ("list", "'Innsatsområder'!$A$2:$A$500", None)
    assert tiltak["D2:D500"] == ("list", "'Strategier'!$A$2:$A$500", None)
    assert tiltak["E2:E500"] == ("whole", "1990", "2100")
    assert tiltak["J2:J500"] == ("decimal", "0", None)
    assert tiltak["N2:N500"] == ("list", '"forstudie,forprosjekt,hovedprosjekt,ikke PLP"', None)
    assert wb["Tiltak"].column_dimensions["J"].number_format == "#,##0"
    assert wb["Mål"].column_dimensions["H"].number_format == "dd.mm.yyyy"
    assert wb["Mål"].column_dimensions["A"].number_format == "@"
    # every choice column of every sheet has a drop-down over its whole column (the
    # kildetyper of a regional omstilling: the default template is for one)
    for sheet in sheets_for_type("regional omstilling"):
        if sheet.kind != "table":
            continue
        found = _validations(wb[sheet.name])
        for index, column in enumerate(sheet.columns):
            if column.choices:
                letter = chr(ord("A") + index)
                kind, formula, _ = found[f"{letter}2:{letter}500"]
                assert (kind, formula) == ("list", '"' + ",".join(column.choices) + '"')


def test_program_sheet_is_a_form_with_validated_value_cells(template: Path) -> None:
    ws = load_workbook(template)[PROGRAM.name]
    assert [c.value for c in ws[1]] == ["Felt", "Verdi", "Forklaring"]
    assert [ws.cell(row=i, column=1).value for i in range(2, 2 + len(PROGRAM.columns))] == [
        c.header for c in PROGRAM.columns]
    rows = {ws.cell(row=i, column=1).value: i for i in range(2, 2 + len(PROGRAM.columns))}
    found = _validations(ws)
    assert found[f"B{rows['Målform']}"] == ("list", '"bokmål,nynorsk"', None)
    assert found[f"B{rows['Status']}"] == ("list", '"utkast,til behandling,vedtatt"', None)
    assert found[f"B{rows['Periode fra (år)']}"] == ("whole", "1990", "2100")
    assert ws[f"B{rows['Dato']}"].number_format == "dd.mm.yyyy"
    assert ws[f"B{rows['Versjon']}"].number_format == "@"
    assert ws["A2"].font.bold  # Kommune is required
    assert ws.freeze_panes == "A2"


def test_blank_template_reads_cleanly_but_asks_for_the_required_facts(template: Path) -> None:
    raw = read_input(template)
    assert list(raw.diagnostics) == []
    assert all(raw.sheets[s.key] == [] for s in PROGRAMME_SHEETS if s.kind == "table")
    programme, diags = load_file(template)
    assert programme is None
    assert [d.rule for d in diags] == ["program.kommune", "program.programnavn",
                                       "program.periode_fra", "program.periode_til"]
    assert diags.items[0].message == "kommune mangler; fyll ut feltet «Kommune»"


def _cell_value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    return value


def _fill(template: Path, target: Path, programme: Programme) -> None:
    """What a user does: type into the Verdi cells, overwrite the example rows, add rows."""
    shutil.copy(template, target)
    wb = load_workbook(target)
    form = wb[PROGRAM.name]
    for row in range(2, form.max_row + 1):
        column = next(c for c in PROGRAM.columns if c.header == form.cell(row, 1).value)
        record = programme.version if column.target == "version" else programme.info
        form.cell(row=row, column=2, value=_cell_value(getattr(record, column.field)))
    for sheet in PROGRAMME_SHEETS:
        if sheet.kind != "table":
            continue
        ws = wb[sheet.name]
        ws.delete_rows(2)  # the example row
        for record in getattr(programme, sheet.model_field):
            ws.append([_cell_value(getattr(record, c.field)) for c in sheet.columns])
    wb.save(target)


def test_a_workbook_filled_in_from_the_template_validates_with_no_errors(
    template: Path, tmp_path: Path, sample: Programme,
) -> None:
    target = tmp_path / "utfylt.xlsx"
    _fill(template, target, sample)
    programme, diags = load_file(target)
    assert diags.errors == []
    assert programme == sample


def test_the_template_is_byte_for_byte_reproducible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_template(tmp_path / "a.xlsx")
    write_template(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write_template(tmp_path / "c.xlsx")
    assert load_workbook(tmp_path / "c.xlsx").properties.created == dt.datetime(
        2023, 11, 14, 22, 13, 20)


def _calc_available() -> bool:
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(soffice).resolve().parent
    return (program / "libsclo.so").exists()  # Calc itself, not only Writer


@pytest.mark.skipif(not _calc_available(), reason="LibreOffice Calc is not installed")
def test_a_filled_template_saved_by_libreoffice_reads_back_the_same(
    template: Path, tmp_path: Path,
) -> None:
    """Users of LibreOffice: it opens the template and what it saves reads back unchanged."""
    sample = completed(sample_programme())
    _fill(template, tmp_path / "utfylt.xlsx", sample)
    out = tmp_path / "lagret"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
         str(tmp_path / "utfylt.xlsx")],
        check=True, capture_output=True, timeout=120,
    )
    programme, diags = load_file(out / "utfylt.xlsx")
    assert diags.errors == []
    assert programme == sample


def test_each_programme_type_has_its_own_kildetyper_in_the_blank_workbook(
    tmp_path: Path,
) -> None:
    """`plandoc template --kind områdeløft`: Husbanken-tilskudd and the other områdeløft
    kinds in the Finansiering drop-down, and the type preset; the default template lists the
    regional kinds only."""
    from click.testing import CliRunner

    from plandoc.cli.main import main
    from plandoc.schema.programme import AREA_SOURCE_KINDS, SOURCE_KINDS

    for kind, kinds, programme_type in (("områdeløft", AREA_SOURCE_KINDS, "områdeløft"),
                                        ("program", SOURCE_KINDS, "regional omstilling")):
        path = tmp_path / f"{kind}.xlsx"
        result = CliRunner().invoke(main, ["template", str(path), "--kind", kind])
        assert result.exit_code == 0, result.output
        wb = load_workbook(path)
        header = [c.value for c in wb["Finansiering"][1]]
        letter = chr(ord("A") + header.index("Kildetype"))
        found = _validations(wb["Finansiering"])[f"{letter}2:{letter}500"]
        assert found == ("list", '"' + ",".join(kinds) + '"', None)
        assert wb["Finansiering"][f"{letter}2"].value == kinds[0]
        form = wb[PROGRAM.name]
        rows = {form.cell(row=i, column=1).value: i for i in range(2, 2 + len(PROGRAM.columns))}
        assert form[f"B{rows['Programtype']}"].value == (
            programme_type if kind == "områdeløft" else None)
