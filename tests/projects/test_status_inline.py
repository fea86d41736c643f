"""The traffic-light inline (document.Status): template syntax, escaping and both writers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from plandoc.builders.markdown import ParseContext, escape, parse_template_markdown
from plandoc.core.diagnostics import TemplateError
from plandoc.document import Document, Meta, Paragraph, Status, Text, plain_text
from plandoc.writers.base import get_writer

CTX = ParseContext(template="t.md.j2", toc_title="Innhold")


def test_template_span_becomes_a_status() -> None:
    [para] = parse_template_markdown("Status: [Rød]{.status-red}\n", CTX)
    assert isinstance(para, Paragraph)
    assert para.children == [Text("Status: "), Status("red", [Text("Rød")])]
    assert plain_text(para.children) == "Status: Rød"


def test_user_text_cannot_make_a_status() -> None:
    [para] = parse_template_markdown(escape("[Rød]{.status-red}") + "\n", CTX)
    assert para.children == [Text("[Rød]{.status-red}")]  # type: ignore[union-attr]


def test_unknown_span_class_is_a_template_error() -> None:
    with pytest.raises(TemplateError, match="status-green"):
        parse_template_markdown("[x]{.fancy}\n", CTX)


def test_both_writers_show_the_colour_and_the_word(tmp_path: Path) -> None:
    doc = Document(Meta(title="Status"), [Paragraph([Status("green", [Text("Grønn")])])])
    get_writer("docx").write(doc, tmp_path / "s.docx")
    xml = zipfile.ZipFile(tmp_path / "s.docx").read("word/document.xml").decode()
    # Word: a chip of shaded no-break spaces (nothing for a screen reader to read) in the
    # template's colour for the level, then the word; no "●" glyph.
    assert re.search(r'<w:rStyle w:val="StatusGreen"/><w:shd w:val="clear" w:color="auto" '
                     r'w:fill="2E8B3D"/></w:rPr><w:t xml:space="preserve">\u00a0+</w:t>', xml)
    assert "\u25cf" not in xml and "Grønn" in xml
    assert next(p.text for p in docx.Document(str(tmp_path / "s.docx")).paragraphs
            if "Grønn" in p.text).split() == ["Grønn"]
    get_writer("pdf").write(doc, tmp_path / "s.pdf")
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "s.pdf")
    assert "\u25cf\u00a0Grønn" in reader.pages[-1].extract_text()
    content = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert b"0.18039216 0.54509807 0.23921569" in content
