"""What a finished PDF says about its pages: count, page labels and the bookmark outline."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plandoc.core.diagnostics import RenderError

# pypdf over pdfminer or PyMuPDF: pure Python, already used to test the PDFs, and it reads
# the outline with destination pages and the page labels directly.


@dataclass(frozen=True)
class OutlineEntry:
    """One bookmark: its level (1 = top), its title and the page it opens (1-based)."""

    level: int
    title: str
    page: int


@dataclass(frozen=True)
class PdfPages:
    """Page count, the label printed on each page ("" where none is), and the outline."""

    count: int
    labels: tuple[str, ...]
    outline: tuple[OutlineEntry, ...]


def read_pages(pdf: bytes | Path) -> PdfPages:
    """Read the page facts of a PDF file or its bytes."""
    # Imported here: only the bauta's page budget reads PDFs, and every build imports this.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
        reader = PdfReader(io.BytesIO(data))
        entries: list[OutlineEntry] = []

        def walk(items: list[Any], level: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    page = reader.get_destination_page_number(item)
                    if page is not None:  # a bookmark to nowhere: the counts then differ
                        entries.append(OutlineEntry(level, str(item.title), page + 1))

        walk(reader.outline, 1)
        labels = tuple(reader.page_labels)
        return PdfPages(count=len(reader.pages), labels=labels, outline=tuple(entries))
    except (OSError, PdfReadError, ValueError, KeyError) as exc:
        raise RenderError(f"kunne ikke lese sidene i PDF-en: {exc}") from exc
