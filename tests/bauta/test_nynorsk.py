"""A bauta with «målform: nynorsk»: the fixed words of the book (Word and PDF), the short
version and the web edition in nynorsk, with nn-NO as the language; a wrong målform is an
error at its line."""

from __future__ import annotations

from pathlib import Path

import docx
import pikepdf
from click.testing import CliRunner
from pypdf import PdfReader

from bauta.factory import make_project
from plandoc.cli.main import main
from plandoc.i18n.bauta_labels import BAUTA, BAUTA_NN


def _project(tmp_path: Path, målform: str) -> Path:
    root = make_project(tmp_path / "prosjekt")
    settings = root / "bauta.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + f"målform: {målform}\n",
                        encoding="utf-8")
    return root


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_tables_have_the_same_keys() -> None:
    assert set(BAUTA_NN) == set(BAUTA)
    assert all(BAUTA_NN[key].strip() for key in BAUTA)


def test_a_nynorsk_bauta_says_its_fixed_words_in_nynorsk(tmp_path: Path) -> None:
    root = _project(tmp_path, "nynorsk")
    out = tmp_path / "ut"
    result = CliRunner().invoke(main, ["bauta", "build", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output

    # Word: part titles, the facts box and the example's about box.
    book = docx.Document(str(out / "bauta.docx"))
    headings = [p.text for p in book.paragraphs if p.style.name.startswith("Heading")]
    for word in ("Innleiing", "Kommuneprofilar", "Eksempel", "Tilvisingar", "Frå eksempla"):
        assert word in headings, word
    assert "Innledning" not in headings and "Henvisninger" not in headings
    cells = {c.text for t in book.tables for row in t.rows for c in row.cells}
    assert "Innbyggjarar" in cells and "Innbyggere" not in cells
    assert book.core_properties.language == "nn-NO"

    # PDF: the same words, its contents title, and /Lang nn-NO.
    text = _pdf_text(out / "bauta.pdf")
    for word in ("Innhald", "Innleiing", "Kommuneprofilar", "Tilvisingar", "Kort om eksempelet",
                 "Gode erfaringar", "Vegen vidare"):
        assert word in text, word
    lines = {line.strip() for line in text.splitlines()}
    assert "Innledning" not in lines and "Gode erfaringer" not in lines
    with pikepdf.open(out / "bauta.pdf") as pdf:
        assert str(pdf.Root.Lang) == "nn-NO"
    assert "Om kortversjonen" in _pdf_text(out / "kortversjon.pdf")

    # The page report found every part by its nynorsk title.
    report = (out / "sidebudsjett.txt").read_text(encoding="utf-8")
    assert "Alle profiler og eksempler" in report or "For lange bidrag" in report
    assert "Kommuneprofiler" in report  # the editors' report itself is in bokmål

    # Web: lang="nn-NO" on every page, nynorsk navigation and pager.
    pages = sorted((out / "web").rglob("index.html"))
    assert len(pages) >= 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="nn-NO">' in html, page
        assert "Framside" in html and "Om satsinga" in html
    example = next(p for p in pages if "eksempler" in p.parts).read_text(encoding="utf-8")
    assert "Neste eksempel" in example or "Førre eksempel" in example


def test_a_wrong_målform_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path, "nynorks")
    line = root.joinpath("bauta.yaml").read_text(encoding="utf-8").count("\n")
    result = CliRunner().invoke(main, ["bauta", "build", str(root), "--out",
                                       str(tmp_path / "ut")])
    assert result.exit_code != 0
    assert f"bauta.yaml:{line}:" in result.output
    assert "målform må være en av «bokmål», «nynorsk»" in result.output
    assert "mente du «nynorsk»?" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "ut" / "bauta.pdf").exists()
