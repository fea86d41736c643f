"""Accessible documents (universell utforming): tagged PDF/UA-1 + PDF/A-2a with title,
language, bookmarks and alt text; DOCX with real heading styles, alt text, header rows and
the document language.

No veraPDF here (it is in none of the package registries this project can use), so the
checks are Typst's own: it refuses to export a PDF/UA-1 or PDF/A-2a file that breaks
their rules, and the writer says so when it must fall back. What Typst cannot know, or
what we rely on, is checked below in the files themselves with pikepdf and lxml.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf
import pytest

from badinput.extract import W, docx_xml
from docx_read import word_headings
from factories import sample_programme
from plandoc.builders import build_documents
from plandoc.document import Chart, Document, Figure, Heading, TableOfContents, walk_blocks
from plandoc.writers.docx import DocxWriter
from plandoc.writers.pdf import render_pdf

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DC = "{http://purl.org/dc/elements/1.1/}"


@dataclass
class Rendered:
    name: str
    document: Document
    docx: bytes
    pdf: bytes
    warnings: list[str]


def _render(language: str, stems: tuple[str, ...]) -> Iterator[Rendered]:
    for stem, document in build_documents(sample_programme(language)):
        if stem not in stems:
            continue
        records: list[logging.LogRecord] = []
        handler = logging.Handler()
        handler.emit = records.append  # type: ignore[method-assign]
        logger = logging.getLogger("plandoc.writers.pdf")
        logger.addHandler(handler)
        try:
            pdf = render_pdf(document)
        finally:
            logger.removeHandler(handler)
        yield Rendered(f"{language}/{stem}", document, DocxWriter().render(document), pdf,
                       [r.getMessage() for r in records if r.levelno >= logging.WARNING])


@pytest.fixture(scope="module")
def rendered() -> list[Rendered]:
    docs = [*_render("bokmål", ("omstillingsplan", "handlingsplan-2025")),
            *_render("nynorsk", ("omstillingsplan",))]
    assert len(docs) == 3
    return docs


# ------------------------------------------------------------------ PDF


def _structure(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, depth first."""
    stack = [pdf.Root.StructTreeRoot.get("/K")]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            kids = node.get("/K")
            if kids is not None:
                stack.append(kids)


def _outline(pdf: pikepdf.Pdf) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    with pdf.open_outline() as outline:
        def walk(items: list[pikepdf.OutlineItem], level: int) -> None:
            for item in items:
                out.append((level, str(item.title)))
                walk(item.children, level + 1)
        walk(outline.root, 1)
    return out


def test_pdf_claims_pdf_ua_1_and_pdf_a_2a_and_typst_did_not_fall_back(
    rendered: list[Rendered],
) -> None:
    for doc in rendered:
        assert doc.warnings == [], doc.name
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            xmp = str(pdf.open_metadata())
            assert "<pdfuaid:part>1</pdfuaid:part>" in xmp, doc.name
            assert "<pdfaid:part>2</pdfaid:part>" in xmp, doc.name
            assert "<pdfaid:conformance>A</pdfaid:conformance>" in xmp, doc.name
            assert pdf.pdf_version == "1.7"


def test_pdf_is_tagged_with_title_and_language(rendered: list[Rendered]) -> None:
    for doc in rendered:
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            root = pdf.Root
            assert bool(root.MarkInfo.Marked)
            assert "/StructTreeRoot" in root
            lang = "nn-NO" if doc.name.startswith("nynorsk") else "nb-NO"
            assert str(root.Lang) == lang
            assert bool(root.ViewerPreferences.DisplayDocTitle)
            assert str(pdf.docinfo["/Title"]) == doc.document.meta.document_title()
            assert f"<rdf:li xml:lang=\"x-default\">{doc.document.meta.document_title()}<" in str(
                pdf.open_metadata())


def test_pdf_bookmarks_are_the_document_outline(rendered: list[Rendered]) -> None:
    for doc in rendered:
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            assert _outline(pdf) == doc.document.outline(), doc.name


def test_pdf_headings_are_tagged_by_level(rendered: list[Rendered]) -> None:
    """Every heading of the tree is an H1…H6 of its level, in order; the table of contents
    has its own H1 (its title)."""
    for doc in rendered:
        expected = [1 if isinstance(b, TableOfContents) else b.level
                    for b in walk_blocks(doc.document.blocks)
                    if isinstance(b, Heading | TableOfContents)]
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            levels = [int(str(e.S)[2:]) for e in _structure(pdf) if re.fullmatch(
                r"/H\d", str(e.S))]
        assert levels == expected, doc.name


def test_every_pdf_figure_has_the_alt_text_of_the_tree(rendered: list[Rendered]) -> None:
    seen_chart = False
    for doc in rendered:
        figures = [b for b in walk_blocks(doc.document.blocks) if isinstance(b, Figure)]
        seen_chart |= any(isinstance(f.content, Chart) for f in figures)
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            alts = [str(e.get("/Alt", "")) for e in _structure(pdf) if str(e.S) == "/Figure"]
        assert alts == [f.alt for f in figures], doc.name
        assert all(a.strip() for a in alts)
    assert seen_chart, "no chart in the documents checked"


def test_a_chart_gets_a_short_description_pointing_to_the_table(rendered: list[Rendered]) -> None:
    """The chart's alt text is a sentence or two: what it shows, the span of years and the
    highest total, and that the figures are in the table above; not every number."""
    from plandoc.i18n.fmt import format_kr

    seen = 0
    for doc in rendered:
        for figure in walk_blocks(doc.document.blocks):
            if not isinstance(figure, Figure) or not isinstance(figure.content, Chart):
                continue
            seen += 1
            chart = figure.content
            assert len(figure.alt) < 250, figure.alt
            assert re.search(r"tabellen over", figure.alt), figure.alt
            totals = [sum(round(s.values[i]) for s in chart.series)
                      for i in range(len(chart.categories))]
            assert chart.categories[0] in figure.alt and chart.categories[-1] in figure.alt
            assert format_kr(max(totals)) in figure.alt
    assert seen


def test_pdf_tables_have_header_cells(rendered: list[Rendered]) -> None:
    for doc in rendered:
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            elements = list(_structure(pdf))
        tables = [e for e in elements if str(e.S) == "/Table"]
        assert tables
        for table in tables:
            kinds = [str(e.S) for e in _structure_of(table)]
            assert "/THead" in kinds and "/TH" in kinds, doc.name


def _structure_of(node: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    kids = node.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _structure_of(kid)


def test_pdf_fonts_are_embedded(rendered: list[Rendered]) -> None:
    for doc in rendered:
        with pikepdf.open(io.BytesIO(doc.pdf)) as pdf:
            for page in pdf.pages:
                fonts = page.Resources.get("/Font", {})
                for font in fonts.values():
                    descendants = font.get("/DescendantFonts")
                    target = descendants[0] if descendants is not None else font
                    descriptor = target.get("/FontDescriptor")
                    if descriptor is None:  # Type3 fonts carry their glyphs themselves
                        assert str(font.Subtype) == "/Type3"
                        continue
                    assert any(k in descriptor for k in ("/FontFile", "/FontFile2",
                                                         "/FontFile3")), doc.name


# ------------------------------------------------------------------ DOCX


def _styles(docx: bytes) -> dict[str, str]:
    """styleId → lower-case style name."""
    styles = docx_xml(docx, "word/styles.xml")
    return {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val").lower()
            for s in styles.iter(f"{W}style") if s.find(f"{W}name") is not None}


def test_docx_headings_use_real_heading_styles_in_outline_order(rendered: list[Rendered]) -> None:
    for doc in rendered:
        # Heading N styles, numbered by Word's list, outside the outline only when unlisted.
        found = [(level, text) for level, text, _ in word_headings(doc.docx)]
        assert found == doc.document.outline(), doc.name


def test_docx_images_have_alt_text(rendered: list[Rendered]) -> None:
    for doc in rendered:
        figures = [b for b in walk_blocks(doc.document.blocks) if isinstance(b, Figure)]
        props = list(docx_xml(doc.docx).iter(f"{WP}docPr"))
        assert [p.get("descr") for p in props] == [f.alt for f in figures], doc.name


def test_docx_table_header_rows_are_marked(rendered: list[Rendered]) -> None:
    for doc in rendered:
        tables = list(docx_xml(doc.docx).iter(f"{W}tbl"))
        assert tables
        for table in tables:
            # A table with a header row marks it; a key/value table marks its key column.
            first = table.find(f"{W}tr")
            look = table.find(f"{W}tblPr/{W}tblLook")
            keyed = look is not None and look.get(f"{W}firstColumn") == "1"
            assert first is not None
            assert keyed != (first.find(f"{W}trPr/{W}tblHeader") is not None)


def test_docx_language_and_title_are_set(rendered: list[Rendered]) -> None:
    for doc in rendered:
        lang = "nn-NO" if doc.name.startswith("nynorsk") else "nb-NO"
        styles = docx_xml(doc.docx, "word/styles.xml")
        default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert default is not None and default.get(f"{W}val") == lang
        core = docx_xml(doc.docx, "docProps/core.xml")
        assert core.findtext(f"{DC}language") == lang
        assert core.findtext(f"{DC}title") == doc.document.meta.document_title()


# ------------------------------------------------------------------ missing alt text


def test_a_figure_without_alt_text_is_refused_by_both_writers() -> None:
    from plandoc.core.diagnostics import RenderError
    from plandoc.document import Meta, Series

    chart = Chart("bar", ["2025"], [Series("Budsjett", [1.0])])
    document = Document(Meta(title="Uten alt"), [Figure(chart, alt=" ")])
    with pytest.raises(RenderError, match="alternativ tekst"):
        DocxWriter().render(document)
    with pytest.raises(RenderError, match="alternativ tekst"):
        render_pdf(document)
