"""The base of every model record, and the records a programme and its projects share."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from plandoc.core.diagnostics import SourceRef

Status = Literal["utkast", "til behandling", "vedtatt"]

#: Keys in `refs` for records left out for errors, so rules neither report their ids as
#: unknown nor add up sums that miss them: "_invalid:<sheet key>", "_invalid:<sheet key>:<id>".
INVALID = "_invalid:"
#: A reference typed in a record that was left out (another cell of its row is wrong):
#: "_partial:<sheet key>\x1f<column key>\x1f<value>" → its cell, so the reference is still
#: checked and the row's every problem reported at once.
PARTIAL = "_partial:"
#: "_invalid:<sheet key>@<year>": a left-out record of that year (sums of other years hold).
YEAR_MARK = "@"


class Record(BaseModel):
    """Base of every model record: `refs` maps a field name to where its value came from.

    `refs` is excluded from dumps and from equality so that the same content read from
    xlsx and from YAML gives equal models.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)

    refs: dict[str, SourceRef] = Field(default_factory=dict, exclude=True, repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or type(other) is not type(self):
            return NotImplemented
        return self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]

    def ref(self, name: str | None = None) -> SourceRef | None:
        """Source of field `name`, or of the record (its first field) when no name is given."""
        if name is not None and name in self.refs:
            return self.refs[name]
        if name is None and "_row" in self.refs:
            return self.refs["_row"]
        return next(iter(self.refs.values()), None)


class VersionInfo(Record):
    """Versjonsblokk: versjon, dato, status, styringsgruppens og kommunestyrets vedtak."""

    version: str = "1.0"
    date: dt.date | None = None
    status: Status = "utkast"
    board_date: dt.date | None = None
    council_date: dt.date | None = None


class Role(Record):
    """Organisasjon: a person in a role in a group (styringsgruppe, administrasjon, …)."""

    group: str
    role: str
    #: None: a proposed role nobody holds yet.
    name: str | None = None
    represents: str | None = None
    email: str | None = None
