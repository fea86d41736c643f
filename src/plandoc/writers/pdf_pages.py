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


def outline_pages(pdf: bytes | Path) -> list[int] | None:
    """The page (1-based) of each bookmark of the outline, in order, read with pikepdf;
    None unless every bookmark points straight at a page (then `read_pages` decides).

    What the Word TOC takes from each PDF: pikepdf reads it in under a millisecond of CPU
    where pypdf's full `read_pages` took about 7 ms, for every document a build writes.
    """
    import pikepdf

    try:
        source = pdf if isinstance(pdf, Path) else io.BytesIO(pdf)
        with pikepdf.open(source) as doc:
            index: dict[tuple[int, int], int] = {
                page.obj.objgen: number for number, page in enumerate(doc.pages, start=1)}
            root = doc.Root.get("/Outlines")
            if root is None:
                return []
            pages: list[int] = []
            seen: set[tuple[int, int]] = set()

            def walk(item: Any) -> bool:
                # Depth first, an item before its children, as pypdf's outline lists them.
                while item is not None:
                    if item.objgen in seen:  # a loop in a damaged outline
                        return False
                    seen.add(item.objgen)
                    dest = item.get("/Dest")
                    if not isinstance(dest, pikepdf.Array) or len(dest) == 0:
                        return False  # a named destination or an action: pypdf decides
                    page = index.get(dest[0].objgen)
                    if page is None:
                        return False
                    pages.append(page)
                    child = item.get("/First")
                    if child is not None and not walk(child):
                        return False
                    item = item.get("/Next")
                return True

            first = root.get("/First")
            if first is not None and not walk(first):
                return None
            return pages
    except (pikepdf.PdfError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
