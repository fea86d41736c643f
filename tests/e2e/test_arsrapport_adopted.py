"""The årsrapport reports against the adopted handlingsplan of its year (issue 13, item 4).

Fjordvik's handlingsplan 2025 was adopted with 600 000 for tiltak T2. A later draft (1.1) of
the handlingsplan raises it to 650 000; the årsrapport 2025 still shows 600 000 as adopted,
against what the project spent, read back from DOCX and PDF. Without a kept adopted
handlingsplan the årsrapport uses the workbook, warns naming the year, and says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from plandoc.build.pipeline import documents
from plandoc.load.inputs import load_file
from plandoc.writers.base import get_writer

from .fjordvik import copy_example, flat, run, with_new_drafts

T2 = "T2 Bedriftsutviklingsprogrammet «Vekst i Fjordvik»"


def _changed_copy(tmp: Path) -> Path:
    """Fjordvik with T2 2025 at 650 000 in a new draft of handlingsplan 2025 (and of the
    omstillingsplan, whose content the tiltak also are)."""
    workbook = copy_example(tmp) / "program.yaml"
    text = workbook.read_text(encoding="utf-8")
    before = "    budsjett: 600000\n    omstillingsmidler: 360000\n"
    # The first is T2 of 2025 (the tiltak are in year order).
    assert text.index(before) < text.index("år: 2026")
    text = text.replace(before, "    budsjett: 650000\n    omstillingsmidler: 410000\n", 1)
    text = with_new_drafts(text)
    workbook.write_text(text, encoding="utf-8")
    return workbook


def _table_rows(path: Path) -> list[list[str]]:
    doc = open_docx(str(path))
    return [[flat(c.text) for c in row.cells] for t in doc.tables for row in t.rows]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("arsrapport")
    workbook = _changed_copy(tmp)
    code, out = run("build", str(workbook), "--out", str(tmp / "out"), "--year", "2025")
    assert code == 0, out
    return tmp / "out" / "fjordvik-kommune", out


def test_the_arsrapport_shows_the_adopted_budget_in_docx(built: tuple[Path, str]) -> None:
    folder, out = built
    assert "årsrapport.grunnlag" not in out
    rows = _table_rows(folder / "arsrapport-2025.docx")
    # Adopted 600 000, spent 472 000 by project 03/25, 128 000 left.
    assert [T2, "600 000", "472 000", "128 000"] in rows
    # The tiltak table of the report, too, shows the adopted budget, never the draft's.
    assert not any(r[0] == T2 and "650 000" in r for r in rows)
    areas = [r for r in rows if r[0] == "Næringsutvikling og nyetableringer"]
    assert ["Næringsutvikling og nyetableringer", "1 190 000", "472 000", "718 000"] in areas
    headers = [r for r in rows if r[:2] == ["Tiltak", "Vedtatt budsjett"]]
    assert headers == [["Tiltak", "Vedtatt budsjett", "Brukt", "Differanse"]]
    text = flat("\n".join(p.text for p in open_docx(
        str(folder / "arsrapport-2025.docx")).paragraphs))
    assert ("Mål, tiltak og budsjett er slik de ble vedtatt i handlingsplanen for 2025 "
            "(versjon 1.0, vedtatt 12. desember 2024).") in text
    assert "Vedtatt budsjett og forbruk 2025" in text
    # The draft handlingsplan 2025 1.1 itself does show the new figure.
    assert any(r[0].startswith("T2") and "650 000" in r
               for r in _table_rows(folder / "handlingsplan-2025.docx"))


def test_the_arsrapport_shows_the_adopted_budget_in_pdf(built: tuple[Path, str]) -> None:
    folder, _ = built
    reader = PdfReader(str(folder / "arsrapport-2025.pdf"))
    text = flat("\n".join(page.extract_text() or "" for page in reader.pages))
    assert f"{T2} 600 000 472 000 128 000" in text
    assert "(versjon 1.0, vedtatt 12. desember 2024)" in text
    assert "650 000" not in text


def test_without_an_adopted_handlingsplan_the_arsrapport_says_it_uses_the_workbook(
    tmp_path: Path,
) -> None:
    workbook = _changed_copy(tmp_path)
    shutil.rmtree(workbook.parent / "vedtatt" / "handlingsplan-2025-1.0")
    code, out = run("validate", str(workbook))
    assert code == 0, out
    line = next(n for n, t in enumerate(workbook.read_text(encoding="utf-8").splitlines(), 1)
                if t.startswith("  - dokument: årsrapport"))
    assert (f"program.yaml:{line}: advarsel: årsrapport 2025: fant ingen vedtatt handlingsplan "
            "for 2025 i mappen «vedtatt»; årsrapporten bruker mål, tiltak og budsjett slik de "
            "står i arbeidsboken nå") in out
    assert "plandoc adopt program.yaml handlingsplan-2025" in out
    programme, diags = load_file(workbook)
    assert programme is not None and not diags.has_errors
    [(stem, _, document)] = list(documents(programme, years=[2025], kinds=["arsrapport"]))
    path = tmp_path / f"{stem}.docx"
    get_writer("docx").write(document, path)
    rows = _table_rows(path)
    assert [T2, "650 000", "472 000", "178 000"] in rows
    assert any(r[:2] == ["Tiltak", "Budsjett"] and r[2:] == ["Brukt", "Differanse"]
               for r in rows)
    text = flat("\n".join(p.text for p in open_docx(str(path)).paragraphs))
    assert "Det finnes ingen vedtatt handlingsplan for 2025 som er tatt vare på." in text
    assert "Budsjett og forbruk 2025" in text and "Vedtatt budsjett og forbruk" not in text


def test_tiltak_added_after_adoption_are_named(tmp_path: Path) -> None:
    workbook = _changed_copy(tmp_path)
    text = workbook.read_text(encoding="utf-8")
    text = text.replace("tiltak:\n", "tiltak:\n"
                        "  - {id: T99, navn: Næringsdag for ungdom, innsatsområde: IO1, "
                        "år: 2025, budsjett: 40000}\n", 1)
    workbook.write_text(text, encoding="utf-8")
    code, out = run("validate", str(workbook))
    assert code == 0, out
    assert "tiltak T99 (2025) er ikke med i handlingsplan 2025 versjon 1.0 slik den ble " \
           "vedtatt 12. desember 2024" in out, out
