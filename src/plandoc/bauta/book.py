"""The bauta book and its short version, as document trees (the PDF look is bauta.typ)."""

from __future__ import annotations

from plandoc.bauta.edition import Edition, base_context, book_meta, render
from plandoc.document import Document

#: Meta.kind of the book and the short version (the PDF writer picks templates/typst/bauta.typ).
BOOK_KIND = "bauta"
SHORT_KIND = "bauta-kortversjon"

BOOK_TEMPLATE = "bauta/book.md.j2"
SHORT_TEMPLATE = "bauta/kortversjon.md.j2"


# ---------------------------------------------------------------- documents


def build_main(ed: Edition) -> Document:
    """The book: cover pages, contents, front matter, parts, profiles, examples, references."""
    settings = ed.settings
    meta = book_meta(ed.project, BOOK_KIND, settings.title, settings.subtitle)
    return render(BOOK_TEMPLATE, meta, ed, base_context(ed, 2, 3))


def build_short(ed: Edition) -> Document:
    """The short version: one page per selected example."""
    settings = ed.settings
    short = ed.labels["short_title"]
    meta = book_meta(ed.project, SHORT_KIND, settings.title,
                     short + (f" – {settings.subtitle}" if settings.subtitle else ""))
    # Not the book's own name: a reader with both files open must tell them apart.
    meta.full_title = f"{settings.title} – {short}"
    return render(SHORT_TEMPLATE, meta, ed, base_context(ed, 2, 2))
