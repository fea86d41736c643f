"""Builders: one per document kind, model → Markdown (Jinja2) → document tree."""

from __future__ import annotations

from collections.abc import Sequence

from plandoc.builders.jinja import templates_dir
from plandoc.builders.links import link_documents
from plandoc.builders.registry import get_builder, kinds, register, templates_used
from plandoc.core.diagnostics import UsageError
from plandoc.document import Document
from plandoc.model.programme import Programme

__all__ = [
    "build_documents", "get_builder", "kinds", "register", "templates_dir", "templates_used",
]


def build_documents(
    programme: Programme, years: Sequence[int] | None = None
) -> list[tuple[str, Document]]:
    """Every document of a programme as (output stem, document), e.g. ("handlingsplan-2025", doc).

    `years` limits the yearly documents (handlingsplan) to those years; by default every year
    with tiltak gets one. A year outside the programme period is a usage error.
    """
    if years is not None:
        outside = [y for y in years if y not in programme.years]
        if outside:
            first, last = programme.info.start_year, programme.info.end_year
            wrong = ", ".join(str(y) for y in outside)
            raise UsageError(f"år utenfor programperioden {first}–{last}: {wrong}")
    documents: list[tuple[str, Document]] = []
    for kind in kinds():
        documents.extend(get_builder(kind).build(programme, years))
    # Printed ids link to their definitions (builders/links.py).
    return list(link_documents(programme, documents))
