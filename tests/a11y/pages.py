"""Runt pages of a PDF: body pages that hold only a line or two (or a lone heading)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PageObject, PdfReader

MM = 72 / 25.4
#: The text area (bauta.typ): the running header sits above it, the page number below.
TOP_MARGIN = 26 * MM
BOTTOM_MARGIN = 24 * MM
#: plandoc.typ's margins (the plans and reports).
PLAN_MARGINS = (30 * MM, 27 * MM)
#: A page with fewer lines of text than this, and no picture, is a runt.
LEAST_LINES = 4


def body_lines(page: PageObject, top: float = TOP_MARGIN, bottom: float = BOTTOM_MARGIN
               ) -> list[float]:
    """The baselines (PDF points from the bottom) of the text lines in the text area."""
    height = float(page.mediabox.height)
    found: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        y = tm[5] * cm[3] + cm[5]
        if bottom < y < height - top:
            found.add(round(y))

    page.extract_text(visitor_text=visit)
    return sorted(found)


def runt_pages(path: Path, margins: tuple[float, float] = (TOP_MARGIN, BOTTOM_MARGIN)
               ) -> list[tuple[int, int]]:
    """(page number, lines) of every runt page: a numbered page with text but no picture and
    fewer than LEAST_LINES lines. Covers (no page label) and blank pages are not runts."""
    reader = PdfReader(path)
    labels = reader.page_labels
    runts = []
    for index, page in enumerate(reader.pages):
        if index < len(labels) and not labels[index].strip():
            continue
        lines = body_lines(page, *margins)
        if lines and not page.images and len(lines) < LEAST_LINES:
            runts.append((index + 1, len(lines)))
    return runts
