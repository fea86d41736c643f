"""Export to xlsx and YAML from one schema, the round trip, and convert."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from plandoc.load.inputs import load_file
from plandoc.model.programme import Goal, Programme
from plandoc.schema.programme import MEASURES, PROGRAMME_SHEETS
from plandoc.workbook.export import convert, dump_yaml, write_xlsx, write_yaml

NBSP = "\u00a0"


def _load(path: Path) -> Programme:
    programme, diags = load_file(path)
    assert diags.errors == [], [str(d) for d in diags.errors]
    assert programme is not None
    return programme


def test_xlsx_to_yaml_to_xlsx_gives_an_equal_model(tmp_path: Path, sample: Programme) -> None:
    write_xlsx(sample, tmp_path / "a.xlsx")
    from_xlsx = _load(tmp_path / "a.xlsx")
    assert from_xlsx == sample
    write_yaml(from_xlsx, tmp_path / "b.yaml")
    from_yaml = _load(tmp_path / "b.yaml")
    assert from_yaml == from_xlsx
    write_xlsx(from_yaml, tmp_path / "c.xlsx")
    assert _load(tmp_path / "c.xlsx") == from_yaml
    # …and the refs follow the format they were read from
    assert from_xlsx.measures[0].refs["budget"].cell == "J2"
    assert from_yaml.measures[0].refs["budget"].line is not None


def test_exported_workbook_looks_like_the_template(tmp_path: Path, sample: Programme) -> None:
    write_xlsx(sample, tmp_path / "a.xlsx")
    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames[1:] == [s.name for s in PROGRAMME_SHEETS]
    ws = wb[MEASURES.name]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold and ws["A1"].comment is not None
    assert any(str(dv.sqref) == "C2:C500" for dv in ws.data_validations.dataValidation)
    budget = ws["J2"]
    assert budget.value == int(sample.measures[0].budget)
    assert budget.number_format == "#,##0"
    program = wb["Program"]
    assert program["B2"].value == sample.info.municipality
    dated = next(r for r in program.iter_rows(min_row=2) if r[0].value == "Dato")
    assert dated[1].number_format == "dd.mm.yyyy"
    assert dated[1].value.date() == sample.version.date


def test_awkward_texts_survive_both_formats(tmp_path: Path, sample: Programme) -> None:
    goals = [
        Goal(id="=M1", level="hovedmål", text="=SUM(A1) er ikke en formel\nandre linje",
             indicator="«sitat» & <tegn> | * # {{ x }} \\", baseline="4 200",
             target=f"1{NBSP}250{NBSP}000", deadline=dt.date(2029, 12, 31)),
        Goal(id="0301", level="delmål", text="ja", indicator="null", baseline="1,5",
             target="60 %", deadline=dt.date(2025, 1, 1)),
    ]
    programme = sample.model_copy(update={"goals": goals, "results": []})
    write_xlsx(programme, tmp_path / "a.xlsx")
    cells = load_workbook(tmp_path / "a.xlsx")["Mål"]
    assert cells["A2"].value == "=M1" and cells["A2"].data_type == "s"
    assert cells["G2"].value == 1250000  # an indicator value that is a number is a number
    assert cells["F2"].value == "4 200"   # …unless writing it as one would change its text
    assert _load(tmp_path / "a.xlsx").goals == goals
    write_yaml(programme, tmp_path / "b.yaml")
    assert _load(tmp_path / "b.yaml").goals == goals


def test_yaml_is_readable(sample: Programme) -> None:
    text = dump_yaml(sample)
    assert text.startswith("# Programfil for plandoc.")
    assert "\nprogram:\n  kommune: " in text
    assert "  bakgrunn: |" in text  # multi-line text as a literal block
    assert "\ntiltak:\n  - id: " in text
    assert f"budsjett: {int(sample.measures[0].budget)}\n" in text


def test_convert_writes_by_suffix(tmp_path: Path, sample: Programme) -> None:
    write_yaml(sample, tmp_path / "p.yaml")
    diags = convert(tmp_path / "p.yaml", tmp_path / "out" / "p.xlsx")
    assert diags.errors == []
    assert _load(tmp_path / "out" / "p.xlsx") == sample


def test_convert_refuses_input_with_errors_and_writes_nothing(tmp_path: Path,
                                                              sample: Programme) -> None:
    first, *rest = sample.measures
    broken = sample.model_copy(update={"measures": [
        first.model_copy(update={"budget": Decimal(1)}), *rest]})
    write_yaml(broken, tmp_path / "p.yaml")
    diags = convert(tmp_path / "p.yaml", tmp_path / "p.xlsx")
    assert [d.rule for d in diags.errors] == ["tiltak.finansiering"]
    assert not (tmp_path / "p.xlsx").exists()


def test_convert_refuses_unknown_output_suffix(tmp_path: Path, sample: Programme) -> None:
    write_yaml(sample, tmp_path / "p.yaml")
    diags = convert(tmp_path / "p.yaml", tmp_path / "p.csv")
    assert [d.message for d in diags.errors] == [
        "kan ikke skrive filtypen «.csv»; bruk .xlsx eller .yaml"]
    assert not (tmp_path / "p.csv").exists()
