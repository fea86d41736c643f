"""Which programme a document is built from: an adopted edition is built from what was kept.

When a document's current edition is adopted and kept (`plandoc adopt`), it is built from the
kept snapshot, not from the workbook, so it comes out byte for byte as adopted whatever the
workbook says now. The snapshot gets the adopted editions before it, so its own change
chapter is the one it was adopted with.
"""

from __future__ import annotations

from plandoc.model.as_of import programme_as_of
from plandoc.model.editions import edition_for, edition_key, stored, version_key
from plandoc.model.programme import Edition, Programme


def with_earlier(snapshot: Programme, programme: Programme, edition: Edition) -> Programme:
    """The snapshot of `edition`, knowing the adopted editions of its document before it
    and those of the other documents (an årsrapport reports against its year's adopted
    handlingsplan, `model.reporting`)."""
    key = edition_key(edition)
    earlier = {k: v for k, v in programme.adopted.items()
               if k[:2] != key[:2] or version_key(k[2]) < version_key(key[2])}
    return snapshot.model_copy(update={"adopted": earlier})


def source_for(programme: Programme, document: str, year: int | None = None) -> Programme:
    """The programme document `document` (of `year`) is built from, with the projects as they
    had reported by the edition's «tall per» date (`model.as_of`)."""
    edition = edition_for(programme, document, year)
    if edition.borrowed:
        return programme
    day = edition.current.data_as_of
    snapshot = stored(programme, edition.current) if edition.current.status == "vedtatt" else None
    if snapshot is None:
        return programme_as_of(programme, day)
    return programme_as_of(with_earlier(snapshot, programme, edition.current), day)
