"""Earlier adopted editions, rebuilt from what was kept: build/<kommune>/vedtatt/<name>.…

A document's current edition is built under its usual name (from its snapshot when it is
adopted, see `builders.editions`); the adopted editions before it are built here, each from
its own snapshot, so the council can always see them as adopted.
"""

from __future__ import annotations

from collections.abc import Sequence

from plandoc.builders.editions import with_earlier
from plandoc.builders.registry import get_builder, register
from plandoc.document import Document
from plandoc.model.editions import (
    edition_for,
    edition_key,
    register_name,
    snapshot_name,
    version_key,
)
from plandoc.model.programme import Edition, Programme

#: The builder kind of each register document.
KINDS = {"omstillingsplan": "omstillingsplan", "programplan": "programplan",
         "handlingsplan": "handlingsplan", "årsrapport": "arsrapport"}


def build_document(programme: Programme, document: str, year: int | None) -> Document:
    """Document `document` (register name) of `year`, built from `programme`."""
    builder = get_builder(KINDS[register_name(document)])
    if year is not None:
        return builder.build_year(programme, year)  # type: ignore[attr-defined]
    return builder.build(programme)[0][1]


def adopted_edition(programme: Programme, edition: Edition) -> Document:
    """An adopted edition as it was adopted: built from its snapshot."""
    snapshot = programme.adopted[edition_key(edition)]
    return build_document(with_earlier(snapshot, programme, edition), edition.document,
                          edition_key(edition)[1])


def earlier_adopted(programme: Programme) -> list[Edition]:
    """The kept adopted editions that are not their document's current edition."""
    out = []
    for edition in programme.editions:
        key = edition_key(edition)
        if edition.status != "vedtatt" or key not in programme.adopted:
            continue
        if edition_key(edition_for(programme, edition.document, key[1]).current) == key:
            continue
        out.append(edition)
    return sorted(out, key=lambda e: (e.document, e.year or 0, version_key(e.version)))


class VedtattBuilder:
    """Every earlier adopted edition that is kept, under vedtatt/."""

    kind = "vedtatt"
    order = 90
    template = "_version.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        out = []
        for edition in earlier_adopted(programme):
            if years is not None and edition.year is not None and edition.year not in years:
                continue
            name = snapshot_name(edition.document, edition_key(edition)[1], edition.version)
            out.append((f"vedtatt/{name}", adopted_edition(programme, edition)))
        return out


register(VedtattBuilder())
