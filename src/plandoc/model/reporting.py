"""What an årsrapport reports against: the handlingsplan of its year as adopted, else the live data.

The council adopted a handlingsplan with its goals, tiltak and money; the årsrapport for that
year says how far that plan was reached. So its goals, innsatsområder, tiltak, budget and
financing of the year come from the kept adopted handlingsplan (`vedtatt/`), while what was
reached (reported results, the projects and their spending) comes from the workbook. Without
an adopted and kept handlingsplan the årsrapport uses the workbook and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plandoc.core.diagnostics import Diagnostics
from plandoc.core.paths import ADOPTED_DIR
from plandoc.i18n.fmt import format_date
from plandoc.model.editions import editions_of, stored
from plandoc.model.portfolio import report_years
from plandoc.model.programme import Edition, Programme


def arsrapport_years(programme: Programme) -> list[int]:
    """The years that get an årsrapport: a programme with projects, a year with tiltak and
    something reported (`report_years`)."""
    if not programme.projects:
        return []
    return [y for y in report_years(programme) if programme.measures_of(year=y)]


def adopted_handlingsplan(programme: Programme, year: int) -> tuple[Edition, Programme] | None:
    """The latest adopted handlingsplan of `year` that is kept, with what it was built from."""
    for edition in reversed(editions_of(programme, "handlingsplan", year)):
        if edition.status != "vedtatt":
            continue
        snapshot = stored(programme, edition)
        if snapshot is not None:
            return edition, snapshot
    return None


def as_adopted(programme: Programme, adopted: Programme, year: int) -> Programme:
    """`programme` with the goals, innsatsområder, strategies and the tiltak, budget and
    financing of `year` as in the `adopted` handlingsplan; results and projects unchanged."""
    def other_years(items: list[Any]) -> list[Any]:
        return [x for x in items if x.year != year]

    def of_year(items: list[Any]) -> list[Any]:
        return [x for x in items if x.year == year]

    return programme.model_copy(update={
        "goals": adopted.goals,
        "focus_areas": adopted.focus_areas,
        "strategies": adopted.strategies,
        "measures": other_years(programme.measures) + of_year(adopted.measures),
        "budget": other_years(programme.budget) + of_year(adopted.budget),
        "funding": other_years(programme.funding) + of_year(adopted.funding),
    })


def approval_date(edition: Edition) -> str:
    """"12. desember 2024": the council's date, else the board's, else the edition's."""
    day = edition.council_date or edition.board_date or edition.date
    return format_date(day) if day else ""


def check_reporting_basis(programme: Programme) -> Diagnostics:
    """Warn where an årsrapport has no adopted handlingsplan to report against, and where the
    workbook has tiltak of the year that the adopted handlingsplan does not have."""
    diags = Diagnostics()
    for year in arsrapport_years(programme):
        found = adopted_handlingsplan(programme, year)
        file = Path(programme.source).name or "program.xlsx"
        if found is None:
            rows = editions_of(programme, "årsrapport", year)
            plans = editions_of(programme, "handlingsplan", year)
            where = (rows[-1].ref("document") if rows else plans[-1].ref("status") if plans
                     else programme.ref())
            diags.warning(
                f"årsrapport {year}: fant ingen vedtatt handlingsplan for {year} i mappen "
                f"«{ADOPTED_DIR}»; årsrapporten bruker mål, tiltak og budsjett slik de står i "
                f"arbeidsboken nå og sier det i teksten. Når handlingsplan {year} er vedtatt: "
                f"sett status «vedtatt» i arket «Utgaver» og kjør «plandoc adopt "
                f"{file} handlingsplan-{year}»", "årsrapport.grunnlag", where)
            continue
        edition, snapshot = found
        adopted_ids = {m.id for m in snapshot.measures if m.year == year}
        for measure in programme.measures_of(year=year):
            if measure.id in adopted_ids:
                continue
            diags.warning(
                f"tiltak {measure.id} ({year}) er ikke med i handlingsplan {year} versjon "
                f"{edition.version} slik den ble vedtatt {approval_date(edition)}; årsrapport "
                f"{year} viser tiltakene slik de ble vedtatt, så dette tiltaket og prosjektene "
                "under det er ikke med der", "årsrapport.tiltak", measure.ref("id"))
    return diags
