"""A chapter's table from a range of the workbook (sheet Kapitler, column Tabell), through
`plandoc build`, read back from DOCX and PDF; bad ranges are errors at their cell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from openpyxl import load_workbook
from openpyxl.workbook.defined_name import DefinedName
from pypdf import PdfReader

from plandoc.cli.main import main
from plandoc.core.paths import programme_dir
from plandoc.load.inputs import load_file

ROOT = Path(__file__).resolve().parents[2]
ROWS = [["År", "Søkjarar", "Beløp (kr)", "Del"], [2024, 12, 1250000, 0.5],
        [2025, 30, 2500000.5, None]]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _workbook(folder: Path, ranges: list[tuple[str, str]]) -> Path:
    """Sunnvik as a workbook with a sheet Tabell, a named range and appendices naming them."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "program.xlsx"
    code, output = _run("convert", str(ROOT / "inputs" / "sunnvik" / "program.yaml"), str(path))
    assert code == 0, output
    wb = load_workbook(path)
    table = wb.create_sheet("Tabell")
    for row in ROWS:
        table.append(row)
    table["D2"].number_format = "0%"
    wb.defined_names["Nokkeltal"] = DefinedName("Nokkeltal", attr_text="Tabell!$A$1:$C$3")
    ws = wb["Kapitler"]
    col = {c.value: c.column for c in ws[1]}
    for r, (title, rng) in enumerate(ranges, start=ws.max_row + 1):
        ws.cell(row=r, column=col["Type"], value="vedlegg")
        ws.cell(row=r, column=col["Tittel"], value=title)
        ws.cell(row=r, column=col["Tekst"], value="Tal frå søknadene.")
        ws.cell(row=r, column=col["Tabell"], value=rng)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("tabell")
    path = _workbook(tmp / "in", [("Nøkkeltal", "Tabell!A1:D3"), ("Namngjeve", "Nokkeltal")])
    code, output = _run("build", str(path), "--out", str(tmp / "out"), "--format", "docx,pdf")
    assert code == 0, output
    assert "Tabell" not in output  # the sheet that holds the tables is no unknown sheet
    return path, tmp / "out"


def test_the_range_is_a_table_in_docx_and_pdf(built: tuple[Path, Path]) -> None:
    path, out = built
    programme, _ = load_file(path)
    assert programme is not None
    folder = programme_dir(out, programme.info.municipality)
    doc = open_docx(str(folder / "omstillingsplan.docx"))
    first, second = ([[c.text.replace("\u00a0", " ") for c in r.cells] for r in t.rows]
                     for t in doc.tables[-2:])
    # First row the header; numbers the Norwegian way, years without a space, per cent.
    assert first == [["År", "Søkjarar", "Beløp (kr)", "Del"],
                     ["2024", "12", "1 250 000", "50 %"],
                     ["2025", "30", "2 500 000,5", ""]]
    assert second == [r[:3] for r in first]
    pdf = PdfReader(folder / "omstillingsplan.pdf")
    text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    squashed = re.sub(r"\s", "", text)
    assert "Søkjarar" in text and "1250000" in squashed and "2500000,5" in squashed
    assert "VedleggBNamngjeve" in squashed


def test_the_table_survives_a_round_trip_through_yaml(built: tuple[Path, Path],
                                                       tmp_path: Path) -> None:
    path, _ = built
    yaml_path = tmp_path / "program.yaml"
    assert _run("convert", str(path), str(yaml_path))[0] == 0
    back = tmp_path / "back.xlsx"
    assert _run("convert", str(yaml_path), str(back))[0] == 0
    first, _ = load_file(path)
    again, diags = load_file(back)
    assert first is not None and again is not None and not diags.has_errors
    assert [c.table for c in again.chapters] == [c.table for c in first.chapters]
    assert first.chapters[-1].table is not None


@pytest.mark.parametrize(("rng", "says"), [
    ("Tabel!A1:D3", "arket «Tabel» i området «Tabel!A1:D3» finnes ikke"),
    ("Tabell!A:D", "må ha både første og siste celle"),
    ("Tabell!A1", "må ha en overskriftsrad og minst én rad under"),
    ("Tabell!A1:D1", "må ha en overskriftsrad og minst én rad under"),
    ("Finst ikkje", "verken et område"),
    ("Tabell!A1:Z9000", "er for stort"),
])
def test_a_bad_range_is_an_error_at_its_cell(tmp_path: Path, rng: str, says: str) -> None:
    path = _workbook(tmp_path / "in", [("Nøkkeltal", rng)])
    code, output = _run("build", str(path), "--out", str(tmp_path / "out"))
    assert code != 0
    pattern = r"program\.xlsx:Kapitler!F\d+: feil: Tabell: .*" + re.escape(says)
    assert re.search(pattern, output), output
    assert "Traceback" not in output
    # The sheet a range names is not reported as unknown besides.
    assert not rng.startswith("Tabell!") or "ukjent" not in output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_yaml_writes_the_table_as_rows_and_a_range_there_is_an_error(tmp_path: Path) -> None:
    source = (ROOT / "inputs" / "sunnvik" / "program.yaml").read_text(encoding="utf-8")
    good = tmp_path / "good" / "program.yaml"
    good.parent.mkdir()
    good.write_text(source + "\nkapitler:\n  - type: vedlegg\n    tittel: Tal\n"
                    "    tabell: [[År, Beløp], [2025, 1250000]]\n", encoding="utf-8")
    programme, diags = load_file(good)
    assert programme is not None and not diags.has_errors, [str(d) for d in diags]
    assert programme.chapters[-1].table == [["År", "Beløp"], ["2025", "1\u00a0250\u00a0000"]]
    bad = tmp_path / "bad" / "program.yaml"
    bad.parent.mkdir()
    text = source + "\nkapitler:\n  - type: vedlegg\n    tittel: Tal\n    tabell: Tabell!A1:B2\n"
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    tabell: Tabell!A1:B2") + 1
    code, output = _run("validate", str(bad))
    assert code != 0
    assert f"program.yaml:{line}: feil:" in output and "liste med rader" in output
