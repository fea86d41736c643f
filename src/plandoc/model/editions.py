"""Which edition of a document is built: its own row in the register (sheet Utgaver), or a default.

Every document (omstillingsplan or programplan, each handlingsplan, each årsrapport) takes its
version block from its own rows in the register; the last row (by version number) is the
edition being built, the earlier rows are its history. A document without rows falls back to
the Program sheet's version block; for a handlingsplan that means borrowing the plan's
approval, which the rules warn about (`borrows_approval`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from plandoc.model.programme import Edition, Programme
from plandoc.model.project import Project, ProjectEdition
from plandoc.model.records import VersionInfo

#: The multi-year plan's document kind, by programme kind.
MAIN_DOCUMENTS = ("omstillingsplan", "programplan")
YEARLY_DOCUMENTS = ("handlingsplan", "årsrapport")

#: Builder kinds whose register name differs (file stems are ASCII: "arsrapport").
REGISTER_NAMES = {"arsrapport": "årsrapport"}


def register_name(kind: str) -> str:
    """The register's name of a builder kind: "arsrapport" → "årsrapport"."""
    return REGISTER_NAMES.get(kind, kind)


#: File stems are ASCII: the register's "årsrapport" is built as "arsrapport-<year>".
STEMS = {"årsrapport": "arsrapport"}


def document_stem(document: str, year: int | None = None) -> str:
    """The output stem of a document: "omstillingsplan", "handlingsplan-2025"."""
    base = STEMS.get(register_name(document), register_name(document))
    return f"{base}-{year}" if year is not None and base not in MAIN_DOCUMENTS else base


def snapshot_name(document: str, year: int | None, version: str) -> str:
    """The folder name of an adopted edition: "omstillingsplan-2.0", "handlingsplan-2025-1.0"."""
    safe = re.sub(r"[^0-9A-Za-z.]+", "-", version).strip("-.") or "0"
    return f"{document_stem(document, year)}-{safe}"


def main_document(programme: Programme) -> str:
    """The multi-year plan of this programme: a programplan for områdeløft."""
    return "programplan" if programme.info.kind == "områdeløft" else "omstillingsplan"


def version_key(version: str) -> tuple[int, ...]:
    """"2.10" → (2, 10): versions compare as numbers, not as text."""
    return tuple(int(n) for n in re.findall(r"\d+", version))


def editions_of(programme: Programme, document: str, year: int | None = None) -> list[Edition]:
    """The register's rows for one document (and year), oldest version first."""
    rows = [e for e in programme.editions
            if e.document == register_name(document)
            and (document in MAIN_DOCUMENTS or e.year == year)]
    return sorted(rows, key=lambda e: version_key(e.version))


@dataclass
class DocumentEdition:
    """The edition a document is built as, with the versions before it."""

    document: str
    year: int | None
    current: Edition
    #: Earlier versions of the same document, oldest first.
    history: list[Edition] = field(default_factory=list)
    #: True when the document has no row of its own and shows the Program sheet's block.
    borrowed: bool = False

    @property
    def version(self) -> VersionInfo:
        return self.current.as_version()

    @property
    def as_of(self) -> dt.date | None:
        """The date the document's figures are taken from: "tall per", else its date."""
        return self.current.data_as_of or self.current.date

    def adopted(self) -> list[Edition]:
        """The adopted editions before this one, oldest first."""
        return [e for e in self.history if e.status == "vedtatt"]

    @property
    def key(self) -> tuple[str, int | None, str]:
        """The key of this edition in `Programme.adopted`."""
        return edition_key(self.current)


def edition_key(edition: Edition) -> tuple[str, int | None, str]:
    return (edition.document, edition.year if edition.document in YEARLY_DOCUMENTS else None,
            edition.version)


def stored(programme: Programme, edition: Edition) -> Programme | None:
    """The programme an adopted edition was built from, when it is kept (else None)."""
    found = programme.adopted.get(edition_key(edition))
    return found if isinstance(found, Programme) else None


def previous_adopted(programme: Programme, document: str,
                     year: int | None = None) -> tuple[Edition, Programme] | None:
    """The latest kept adopted edition before the document's current one, if any."""
    edition = edition_for(programme, document, year)
    for earlier in reversed(edition.adopted()):
        snapshot = stored(programme, earlier)
        if snapshot is not None:
            return earlier, snapshot
    return None


def edition_for(programme: Programme, document: str, year: int | None = None) -> DocumentEdition:
    """The edition `document` (builder kind or register name) of `year` is built as."""
    name = register_name(document)
    rows = editions_of(programme, name, year)
    if rows:
        return DocumentEdition(name, year, rows[-1], rows[:-1])
    v = programme.version
    fallback = Edition(document=name, year=year if name in YEARLY_DOCUMENTS else None,
                       version=v.version, date=v.date, status=v.status,
                       board_date=v.board_date, council_date=v.council_date)
    fallback.refs = dict(v.refs)
    return DocumentEdition(name, year, fallback, [], borrowed=name not in MAIN_DOCUMENTS)


def borrows_approval(programme: Programme) -> bool:
    """True when the Program sheet's version block carries a treatment or an approval."""
    v = programme.version
    return v.status != "utkast" or v.board_date is not None or v.council_date is not None


def project_editions(project: Project) -> list[ProjectEdition]:
    """The versions of a prosjektplan, oldest first; the last is the one the plan shows."""
    return sorted(project.editions, key=lambda e: version_key(e.version))


def documents_built(programme: Programme) -> list[tuple[str, int | None]]:
    """(register name, year) of every document with an edition of its own that is built."""
    out: list[tuple[str, int | None]] = [(main_document(programme), None)]
    out += [("handlingsplan", y) for y in programme.measure_years()]
    out += sorted({("årsrapport", e.year) for e in programme.editions
                   if e.document == "årsrapport" and e.year is not None},
                  key=lambda pair: pair[1] or 0)
    return out
