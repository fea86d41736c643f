"""Rules over the register of editions (sheet Utgaver): years, duplicates, borrowed approvals."""

from __future__ import annotations

from plandoc.core.diagnostics import Diagnostics
from plandoc.i18n.fmt import format_date
from plandoc.model.editions import (
    MAIN_DOCUMENTS,
    YEARLY_DOCUMENTS,
    borrows_approval,
    editions_of,
    main_document,
)
from plandoc.model.programme import Programme


def _name(document: str, year: int | None) -> str:
    return f"{document} {year}" if year is not None else document


def check_edition_rows(p: Programme) -> Diagnostics:
    """Each row names a document this programme makes, a year where it needs one, once."""
    diags = Diagnostics()
    main = main_document(p)
    seen: dict[tuple[str, int | None, str], object] = {}
    for e in p.editions:
        if e.document in MAIN_DOCUMENTS and e.document != main:
            diags.error(
                f"programmet lager ingen {e.document} (programtypen er «{p.info.kind}»); "
                f"skriv «{main}» i kolonnen Dokument", "utgaver.dokument", e.ref("document"))
            continue
        if e.document in YEARLY_DOCUMENTS and e.year is None:
            diags.error(f"{e.document} mangler år; skriv året dokumentet gjelder",
                        "utgaver.år", e.ref("document"))
            continue
        if e.document in MAIN_DOCUMENTS and e.year is not None:
            diags.error(f"{e.document} gjelder hele perioden; la kolonnen År stå tom",
                        "utgaver.år", e.ref("year"))
            continue
        if e.year is not None and not p.info.start_year <= e.year <= p.info.end_year:
            diags.error(
                f"år {e.year} er utenfor programperioden {p.info.start_year}–{p.info.end_year}",
                "utgaver.år", e.ref("year"))
            continue
        key = (e.document, e.year, e.version)
        if key in seen:
            diags.error(f"versjon {e.version} av {_name(e.document, e.year)} står to ganger; "
                        "gi hver utgave sin egen versjon", "utgaver.versjon", e.ref("version"))
        seen[key] = e
        if e.status == "vedtatt" and e.date is None:
            diags.warning(f"{_name(e.document, e.year)} versjon {e.version} er vedtatt, men "
                          "har ingen dato; fyll ut Dato", "utgaver.dato", e.ref("status"))
    return diags


def check_borrowed_approval(p: Programme) -> Diagnostics:
    """A handlingsplan without its own row shows the plan's version and approval: say so."""
    diags = Diagnostics()
    if not borrows_approval(p):
        return diags
    v = p.version
    main = main_document(p)
    approval = f"versjon {v.version}, {v.status}"
    if v.council_date is not None:
        approval += f" {format_date(v.council_date)}"
    for year in p.measure_years():
        if editions_of(p, "handlingsplan", year):
            continue
        diags.warning(
            f"handlingsplan {year} har ingen rad i arket «Utgaver» og låner derfor "
            f"{main}ens versjon og vedtak ({approval}); legg til en rad for handlingsplan "
            f"{year} med egen versjon, dato og status", "utgaver.lånt",
            v.ref("version") or p.ref())
    rows = editions_of(p, main)
    if rows and rows[-1].version != v.version and v.refs.get("version") is not None:
        diags.warning(
            f"versjonen i arket Program ({v.version}) er en annen enn siste utgave av {main}en "
            f"i arket «Utgaver» ({rows[-1].version}); dokumentet bruker arket «Utgaver»",
            "utgaver.program", v.ref("version"))
    return diags


RULES = (check_edition_rows, check_borrowed_approval)


def check(p: Programme) -> Diagnostics:
    """Every rule over the register."""
    diags = Diagnostics()
    for rule in RULES:
        diags.extend(rule(p))
    return diags
