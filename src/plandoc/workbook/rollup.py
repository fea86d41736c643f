"""The samleoversikt as a workbook for the county's own analysis: one row per programme, per
programme year and per project, each sheet filterable (autofilter, frozen header row).

Same figures as the samleoversikt document (`plandoc.model.rollup`). Sums are values, not
formulas; the sheet Fylker holds them per county and in total, apart from the filterable rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plandoc.i18n.labels import labels
from plandoc.model.rollup import ProgrammeSummary
from plandoc.workbook.template import AMOUNT_FORMAT, BOLD, HEADER_FILL, HEADER_FONT, save_workbook

LANGUAGE = "bokmål"
COUNTIES_SHEET = "Fylker"
PROGRAMMES_SHEET = "Programmer"
YEARS_SHEET = "År"
PROJECTS_SHEET = "Prosjekter"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _sheet(wb: Workbook, title: str, headers: list[str], widths: list[int],
           rows: Sequence[Sequence[object]], amounts: set[int], filtered: bool = True
           ) -> Worksheet:
    ws = wb.create_sheet(title)
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            if isinstance(value, Decimal):
                value = _number(value)
            cell = ws.cell(row=r, column=col, value=value)
            if col in amounts:
                cell.number_format = AMOUNT_FORMAT
    ws.freeze_panes = "A2"
    if filtered:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows)) + 1}"
    return ws


def _county(s: ProgrammeSummary, none: str) -> str:
    return s.county or none


def build_rollup_workbook(summaries: Sequence[ProgrammeSummary]) -> Workbook:
    """The workbook: Fylker (sums), Programmer, År and Prosjekter (one row each)."""
    lbl = labels(LANGUAGE)
    none = lbl["so_no_county"]
    ordered = sorted(summaries, key=lambda s: (s.county == "", s.county, s.municipality, s.name))
    wb = Workbook()
    wb.remove(wb.worksheets[0])

    counties: dict[str, list[ProgrammeSummary]] = {}
    for s in ordered:
        counties.setdefault(_county(s, none), []).append(s)

    def sums(name: str, items: Sequence[ProgrammeSummary]) -> list[object]:
        spent = [s.spent for s in items if s.spent is not None]
        goals = sum(len(s.goals) for s in items)
        return [name, len(items), sum((s.budget for s in items), Decimal(0)),
                sum((s.funding for s in items), Decimal(0)),
                sum(spent, Decimal(0)) if spent else None,
                sum(len(s.projects) for s in items),
                sum(s.goals_in("på sporet") for s in items), goals]

    county_rows = [sums(name, items) for name, items in counties.items()]
    county_rows.append(sums(lbl["so_all_counties"], ordered))
    ws = _sheet(wb, COUNTIES_SHEET,
                [lbl["so_county"], lbl["so_programmes"], lbl["budget"], lbl["funding"],
                 lbl["pf_spent"], lbl["pf_project_count"], lbl["so_goals_on_track"],
                 lbl["goal"]],
                [28, 12, 16, 16, 16, 12, 12, 10], county_rows, {3, 4, 5}, filtered=False)
    for col in range(1, 9):
        ws.cell(row=len(county_rows) + 1, column=col).font = BOLD

    kind = {s.kind: lbl["kind_" + s.kind.replace(" ", "_")] for s in ordered}
    _sheet(wb, PROGRAMMES_SHEET,
           [lbl["so_county"], lbl["so_number"], lbl["municipality"], lbl["so_programme"],
            lbl["so_kind"], lbl["p_from"], lbl["p_to"], lbl["budget"], lbl["funding"],
            lbl["pf_spent"], lbl["pf_project_count"], lbl["so_goals_on_track"],
            lbl["so_goals_off_track"], lbl["so_goals_unknown"]],
           [22, 10, 20, 36, 18, 8, 8, 14, 14, 14, 10, 10, 10, 10],
           [[_county(s, none), s.municipality_number, s.municipality, s.name, kind[s.kind],
             s.start_year, s.end_year, s.budget, s.funding, s.spent, len(s.projects),
             s.goals_in("på sporet"), s.goals_in("ikke på sporet"), s.goals_in("ukjent")]
            for s in ordered], {8, 9, 10})

    _sheet(wb, YEARS_SHEET,
           [lbl["so_county"], lbl["municipality"], lbl["so_programme"], lbl["year"],
            lbl["budget"], lbl["funding"], lbl["pf_measures_budget"], lbl["pf_spent"]],
           [22, 20, 36, 8, 14, 14, 16, 14],
           [[_county(s, none), s.municipality, s.name, y.year, y.budget, y.funding, y.measures,
             y.spent] for s in ordered for y in s.years], {5, 6, 7, 8})

    def status(code: str) -> str:
        if code == "avsluttet":
            return lbl["s_finished"]
        return lbl["status_" + code] if code else lbl["s_not_reported"]

    _sheet(wb, PROJECTS_SHEET,
           [lbl["so_county"], lbl["municipality"], lbl["so_programme"], lbl["p_number"],
            lbl["pf_project"], lbl["measure"], lbl["focus_area"], lbl["year"], lbl["p_phase"],
            lbl["status"], lbl["budget"], lbl["pf_spent"]],
           [22, 20, 36, 12, 40, 10, 10, 8, 14, 16, 14, 14],
           [[_county(s, none), s.municipality, s.name, p.id, p.name, p.measure, p.focus_area,
             p.year, lbl["phase_" + p.phase], status(p.status), p.budget, p.spent]
            for s in ordered for p in s.projects], {11, 12})
    return wb


def write_rollup_xlsx(summaries: Sequence[ProgrammeSummary], path: Path) -> None:
    """Write the samleoversikt workbook to `path` (deterministic, atomic)."""
    save_workbook(build_rollup_workbook(summaries), path)
