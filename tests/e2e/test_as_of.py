"""Drafts show figures per their own «tall per» date (issue 13): Fjordvik's draft handlingsplan
2026 has figures per 31 October 2025, so the projects' November and December status reports
are left out of it (with a warning naming how many and from which project files), while the
årsrapport 2025 (figures per 31 December 2025) has them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from plandoc.build.pipeline import documents
from plandoc.cli.main import main
from plandoc.load.inputs import load_file
from plandoc.writers.base import get_writer

from .fjordvik import EXAMPLE, copy_example, flat


def _rows(path: Path) -> list[list[str]]:
    return [[flat(c.text) for c in row.cells]
            for t in open_docx(str(path)).tables for row in t.rows]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("as_of")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE / "program.xlsx"), "--out",
                                       str(out), "--year", "2026", "--year", "2025"])
    assert result.exit_code == 0, result.output
    return out / "fjordvik-kommune", result.output.replace("\xa0", " ")


def test_the_draft_leaves_out_reports_after_its_date_and_says_so(
    built: tuple[Path, str],
) -> None:
    folder, out = built
    assert ("program.xlsx:Utgaver!H5: advarsel: handlingsplan 2026 har tall per 31. oktober "
            "2025, så 4 statusrapporter datert etter det er ikke med i dokumentet – "
            "prosjekter/02-25-sjomatklynge.xlsx: 1 (30.11.2025); "
            "prosjekter/03-25-vekst-i-fjordvik.xlsx: 1 (30.11.2025); "
            "prosjekter/04-25-bli-fjordviking.xlsx: 1 (15.12.2025); "
            "prosjekter/05-25-utleieboliger.xlsx: 1 (28.11.2025); sett en senere dato i "
            "«Tall per» for handlingsplan 2026") in out
    # Only the draft warns: the adopted handlingsplan 2025 is a record, the årsrapport 2025
    # has every report up to its date.
    assert out.count("[utgaver.tall_per]") == 1
    # Project 03/25 («Vekst i Fjordvik») as of 31.08.2025 (red, 301 000 spent), not as of
    # its 30.11.2025 report (yellow, 472 000).
    rows = _rows(folder / "handlingsplan-2026.docx")
    [row] = [r for r in rows if "03/25" in r]
    assert "Rød" in row and "301 000" in row and "472 000" not in row
    pdf = flat(" ".join(p.extract_text() or ""
                        for p in PdfReader(str(folder / "handlingsplan-2026.pdf")).pages))
    assert "301 000" in pdf and "472 000" not in pdf
    # The årsrapport 2025 (tall per 31.12.2025) shows the November report.
    [row] = [r for r in _rows(folder / "arsrapport-2025.docx") if "03/25" in r]
    assert "Gul" in row and "472 000" in row


def test_a_later_date_takes_the_reports_in(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    workbook = folder / "program.yaml"
    text = workbook.read_text(encoding="utf-8")
    old = '    status: utkast\n    data_per: "31.10.2025"\n'
    assert text.count(old) == 1
    workbook.write_text(text.replace(old, '    status: utkast\n    data_per: "31.12.2025"\n'),
                        encoding="utf-8")
    programme, diags = load_file(workbook)
    assert programme is not None and "utgaver.tall_per" not in [d.rule for d in diags]
    [(stem, _, document)] = list(documents(programme, years=[2026], kinds=["handlingsplan"]))
    path = tmp_path / f"{stem}.docx"
    get_writer("docx").write(document, path)
    [row] = [r for r in _rows(path) if "03/25" in r]
    assert "Gul" in row and "472 000" in row
