"""An områdeløft and a regional omstilling have their own kildetyper; the other type's kind
is an error at its cell (xlsx) or line (YAML), through `plandoc validate`."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from plandoc.cli.main import main
from plandoc.load.inputs import load_file

ROOT = Path(__file__).resolve().parents[2]


def _validate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", str(path)])
    return result.exit_code, result.output


def test_the_områdeløft_example_uses_its_own_kinds() -> None:
    programme, diags = load_file(ROOT / "inputs" / "sandbakken" / "program.xlsx")
    assert programme is not None and not diags.has_errors
    assert {f.source_kind for f in programme.funding} == {"Husbanken-tilskudd",
                                                          "kommunale midler"}


def test_a_regional_kind_in_an_områdeløft_is_an_error_at_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "program.xlsx"
    shutil.copyfile(ROOT / "inputs" / "sandbakken" / "program.xlsx", path)
    wb = load_workbook(path)
    ws = wb["Finansiering"]
    column = [c.value for c in ws[1]].index("Kildetype") + 1
    ws.cell(row=2, column=column, value="stat")
    wb.save(path)
    code, output = _validate(path)
    assert code != 0
    letter = chr(ord("A") + column - 1)
    assert f"program.xlsx:Finansiering!{letter}2: feil: kildetypen «stat»" in output
    assert "«Husbanken-tilskudd»" in output and "Traceback" not in output


def test_an_områdeløft_kind_in_a_regional_programme_is_an_error_at_its_line(
    tmp_path: Path,
) -> None:
    source = (ROOT / "inputs" / "fjordvik" / "program.yaml").read_text(encoding="utf-8")
    assert "kildetype: kommune" in source
    path = tmp_path / "program.yaml"
    path.write_text(source.replace("kildetype: kommune", "kildetype: Husbanken-tilskudd", 1),
                    encoding="utf-8")
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if "Husbanken-tilskudd" in text)
    code, output = _validate(path)
    assert code != 0
    assert f"program.yaml:{line}: feil: kildetypen «Husbanken-tilskudd» brukes i programmer " \
           "av typen «områdeløft»" in output
