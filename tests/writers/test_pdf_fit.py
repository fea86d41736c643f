"""Table height bounds (issue 18): the widths of cell text (writers/pdf_fit.py) and the
template's bound checked against Typst's own measure of every example's short tables."""

from __future__ import annotations

import pytest

from plandoc.core.diagnostics import RenderError
from plandoc.document import (
    Document,
    Emphasis,
    LineBreak,
    Meta,
    Paragraph,
    Status,
    Strong,
    Table,
    Text,
)
from plandoc.writers import pdf
from plandoc.writers.glyph_widths import advances
from plandoc.writers.pdf_fit import line_facts, table_fit

from .examples import examples


def _facts(inlines: list, style: str = "regular") -> list[float]:
    facts = line_facts(inlines, style)
    assert facts is not None
    return facts


def _em(text: str, face: str = "regular") -> float:
    widths, upm = advances(face)
    return sum(widths[ord(ch)] for ch in text) / upm


def test_an_amount_is_one_piece_as_wide_as_its_glyphs() -> None:
    width, piece, breaks, pieces = _facts([Text("1\u00a0250\u00a0000")])
    assert width == pytest.approx(_em("1\u00a0250\u00a0000"), abs=1e-4)
    assert piece == width  # no-break spaces join
    assert (breaks, pieces) == (0, 1)


def test_words_pieces_and_forced_breaks() -> None:
    _, piece, breaks, pieces = _facts(
        [Text("Kari Nordmann"), LineBreak(), Text("Leiar")], "regular")
    assert piece == pytest.approx(_em("Nordmann"), abs=1e-4)
    assert breaks == 1
    assert pieces == 3  # the forced break counts as a space too (the template adds it again)
    # 13 letters or more may hyphenate in a table cell, and so may any cell over 30
    # characters: then there is no count of pieces.
    assert _facts([Text("Omstillingsmidler")], "regular")[3] == 0
    assert _facts([Text("ord " * 10)], "regular")[3] == 0


def test_bold_and_status_dot_are_counted() -> None:
    plain = _facts([Text("Sum")], "regular")[0]
    bold = _facts([Strong([Text("Sum")])], "regular")[0]
    assert bold == pytest.approx(_em("Sum", "bold"), abs=1e-4) and bold > plain
    assert _facts([Emphasis([Text("Sum")])], "bold")[0] == pytest.approx(bold, abs=1e-4)
    dot = _facts([Status("green", [Text("Grønn")])], "regular")[0]
    assert dot == pytest.approx(_em("\u25cf\u00a0Grønn"), abs=1e-4)


def test_widening_kerning_is_added() -> None:
    # DejaVu Sans kerns "A," wider than its advances: the width must not be below it.
    assert _facts([Text("A,")], "regular")[0] > _em("A,")


def test_text_outside_the_font_has_no_facts() -> None:
    assert line_facts([Text("🙂")], "regular") is None
    table = Table(header=[[Text("Navn")]], rows=[[[Text("🙂")]]], align=["left"])
    assert table_fit(table) is None


def test_header_totals_and_row_headers_are_bold() -> None:
    table = Table(header=[[Text("Post")], [Text("Beløp")]],
                  rows=[[[Text("A")], [Text("10")]], [[Text("Sum")], [Text("10")]]],
                  align=["left", "right"], totals=True)
    fit = table_fit(table)
    assert fit is not None
    assert fit["cells"][0][0][0] == pytest.approx(_em("Post", "bold"), abs=1e-4)
    assert fit["cells"][1][1][0] == pytest.approx(_em("10"), abs=1e-4)
    assert fit["cells"][2][1][0] == pytest.approx(_em("10", "bold"), abs=1e-4)
    keyed = Table(header=[], rows=[[[Text("Nr.")], [Text("01/25")]]], align=["left", "left"],
                  row_headers=True)
    fit = table_fit(keyed)
    assert fit is not None
    assert fit["cells"][0][0][0] == pytest.approx(_em("Nr.", "bold"), abs=1e-4)


def test_the_bound_is_never_below_the_measured_height_in_any_example(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # With the check on, plandoc.typ measures every short table as well and fails where
    # its bound is below the measured height.
    monkeypatch.setenv(pdf.CHECK_BOUNDS_ENV, "1")
    rendered = 0
    for _, document in examples():
        assert pdf.render_pdf(document).startswith(b"%PDF")
        rendered += 1
    assert rendered > 20


def _table_document(table: Table) -> Document:
    return Document(meta=Meta(title="Test", kind="test"), blocks=[Paragraph([Text("Før.")]),
                                                                   table])


def test_the_check_fails_where_a_bound_is_too_low(monkeypatch: pytest.MonkeyPatch) -> None:
    # A table whose text facts claim one short line per cell, while each cell holds a long
    # text: the bound is far too low, and the check must say so.
    long = [Text("Et langt avsnitt med mange ord som må brytes over flere linjer. " * 6)]
    table = Table(header=[[Text("Tekst")]], rows=[[long] for _ in range(6)], align=["left"])
    monkeypatch.setattr(pdf, "table_fit", lambda t: {
        "cells": [[[1.0, 1.0, 0, 1]] for _ in range(7)], "caption": None})
    monkeypatch.setenv(pdf.CHECK_BOUNDS_ENV, "1")
    with pytest.raises(RenderError, match="plandoc-check-bounds"):
        pdf.render_pdf(_table_document(table))
    monkeypatch.delenv(pdf.CHECK_BOUNDS_ENV)
    assert pdf.render_pdf(_table_document(table)).startswith(b"%PDF")


def test_a_table_outside_the_font_is_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.CHECK_BOUNDS_ENV, "1")
    table = Table(header=[[Text("Navn")], [Text("Beløp")]],
                  rows=[[[Text("Glad 🙂")], [Text("1\u00a0000")]]], align=["left", "right"])
    assert pdf.render_pdf(_table_document(table)).startswith(b"%PDF")
