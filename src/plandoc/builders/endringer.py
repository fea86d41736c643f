"""`<document>-endringer.docx`: a revision with native tracked changes against the adopted edition.

For every document whose current edition follows a kept adopted one, the adopted document
and the new one are built without their change chapters and compared tree to tree
(builders/tree_diff.py); a council member opens the result in Word or LibreOffice and steps
through the changes with Accept/Reject. Made as Word only (build.pipeline.KIND_FORMATS).
"""

from __future__ import annotations

from collections.abc import Sequence

from plandoc.builders.editions import source_for, with_earlier
from plandoc.builders.registry import get_builder, register
from plandoc.builders.tree_diff import redline
from plandoc.builders.vedtatt import build_document
from plandoc.document import Document
from plandoc.i18n.labels import labels
from plandoc.model.editions import (
    MAIN_DOCUMENTS,
    document_stem,
    documents_built,
    previous_adopted,
)
from plandoc.model.programme import Programme


def build_plain(programme: Programme, document: str, year: int | None) -> Document:
    """The document built from `programme` without its change chapter."""
    if document in MAIN_DOCUMENTS:
        return get_builder(document).build_one(  # type: ignore[attr-defined]
            programme, changes=False)
    if document == "handlingsplan" and year is not None:
        return get_builder("handlingsplan").build_year(  # type: ignore[attr-defined]
            programme, year, changes=False)
    return build_document(programme, document, year)


class EndringerBuilder:
    """One tracked-changes document per revised document."""

    kind = "endringer"
    order = 91
    template = "_changes.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        lbl = labels(programme.info.language)
        out = []
        for document, year in documents_built(programme):
            if years is not None and year is not None and year not in years:
                continue
            source = source_for(programme, document, year)
            previous = previous_adopted(source, document, year)
            if previous is None:
                continue
            edition, snapshot = previous
            old = build_plain(with_earlier(snapshot, source, edition), document, year)
            new = build_plain(source, document, year)
            title = lbl["rev_tracked_title"].format(title=new.meta.title,
                                                    version=edition.version)
            out.append((f"{document_stem(document, year)}-endringer", redline(old, new, title)))
        return out


register(EndringerBuilder())
