"""The bauta book prints well: no runt pages (a page holding a line or two, or a lone
heading), and a page count that is a multiple of four."""

from __future__ import annotations

from pathlib import Path

import typst
from pypdf import PdfReader

from a11y.conftest import Examples
from a11y.pages import runt_pages


def test_the_example_book_has_no_runt_pages(examples: Examples) -> None:
    book = examples.bauta / "bauta.pdf"
    assert runt_pages(book) == []
    assert len(PdfReader(book).pages) % 4 == 0


def test_a_page_with_two_lines_is_a_runt(tmp_path: Path) -> None:
    """The check itself: a numbered page holding two lines is found, the full page and the
    unnumbered cover are not."""
    source = tmp_path / "runt.typ"
    source.write_text(
        '#set page(paper: "a4", margin: (top: 26mm, bottom: 24mm, x: 22mm))\n'
        '#page(numbering: none)[Omslag]\n'
        '#set page(numbering: "1")\n'
        + "\n\n".join(f"Linje {n} av en lang tekst." for n in range(30))
        + "\n\n#pagebreak()\n#heading[Kontakt]\nKari Nordmann, prosjektleder\n",
        encoding="utf-8",
    )
    pdf = tmp_path / "runt.pdf"
    typst.compile(str(source), output=str(pdf))
    assert len(PdfReader(pdf).pages) == 3
    assert runt_pages(pdf) == [(3, 2)]
