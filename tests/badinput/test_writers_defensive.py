"""The writers' last line of defence: characters the readers refuse never break a file."""

from __future__ import annotations

from badinput.extract import docx_text, pdf_text, squash
from plandoc.document import Document, Heading, Meta, Paragraph, Table, Text
from plandoc.writers.docx import DocxWriter
from plandoc.writers.pdf import render_pdf

# NUL, vertical tab, ESC, DEL, NEL (C1), a lone surrogate, a non-character.
DIRTY = "A\x00B\x0bC\x1bD\x7fE\x85F\ud800G\ufffeH"
CLEAN = "ABCDEFGH"


def _document() -> Document:
    return Document(Meta(title="T\x00ittel", municipality="Dyr\ud800øy"), [
        Heading(1, [Text(DIRTY)], "1"),
        Paragraph([Text(DIRTY)]),
        Table([[Text("Kolonne")]], [[[Text(DIRTY)]]], ["left"]),
    ])


def test_docx_drops_what_xml_cannot_carry() -> None:
    text = docx_text(DocxWriter().render(_document()))
    assert text.count(CLEAN) == 3
    assert not any(ch in text for ch in "\x00\x0b\x1b\x7f\x85\ufffe")


def test_pdf_drops_controls_surrogates_and_non_characters() -> None:
    text = squash(pdf_text(render_pdf(_document())))
    assert text.count(CLEAN) >= 3
    assert not any(ch in text for ch in "\x00\x0b\x1b\x7f\x85\ufffe")
