"""The porteføljeoversikt as a workbook: one row per project, and the sums per innsatsområde.

Same figures as the porteføljeoversikt document (`plandoc.model.portfolio`). Totals are written
as values, not formulas, so any reader (and a workbook never opened in Excel) sees them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from plandoc.i18n.labels import labels
from plandoc.model.portfolio import portfolio
from plandoc.model.programme import Programme
from plandoc.workbook.template import (
    AMOUNT_FORMAT,
    DATE_FORMAT,
    HEADER_FILL,
    HEADER_FONT,
    save_workbook,
)

#: Sheet names (bokmål and nynorsk spell them alike).
PROJECTS_SHEET = "Prosjekter"
AREAS_SHEET = "Innsatsområder"
#: Fill of the status cell per traffic light (the same colours as the documents' dots).
STATUS_FILLS = {"grønn": "DCEFDC", "gul": "FBEFC4", "rød": "F6D3D0"}
BOLD = Font(bold=True)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _header(ws: object, headers: list[str], widths: list[int]) -> None:
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=1, column=col, value=text)  # type: ignore[attr-defined]
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width  # type: ignore[attr-defined]
    ws.freeze_panes = "A2"  # type: ignore[attr-defined]


def build_portfolio_workbook(programme: Programme) -> Workbook:
    """The workbook: sheet Prosjekter (one row per project) and Innsatsområder (the sums)."""
    lbl = labels(programme.info.language)
    figures = portfolio(programme)
    # "IO1 Næringsutvikling": the id as the plans print it, next to the name.
    names = {a.id: f"{a.id} {a.name}" for a in programme.focus_areas}
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = PROJECTS_SHEET
    headers = [lbl["p_number"], lbl["pf_project"], lbl["focus_area"], lbl["measure"],
               lbl["p_phase"], lbl["status"], lbl["s_report_date"], lbl["budget"],
               lbl["programme_funding"], lbl["p_granted"], lbl["pf_spent"],
               lbl["pf_milestones_done"], lbl["p_milestones"], lbl["pf_goals_reached"],
               lbl["f_assessment"]]
    _header(ws, headers, [12, 44, 30, 10, 14, 14, 12, 14, 16, 14, 14, 10, 10, 10, 10])
    row = 1
    for area in figures.areas:
        for f in area.projects:
            row += 1
            info = f.project.info
            status = lbl["s_finished"] if f.finished else (
                lbl["status_" + f.status] if f.status else lbl["s_not_reported"])
            values: list[Any] = [info.id, info.name, names.get(f.area, f.area), info.measure,
                      lbl["phase_" + info.phase], status, f.status_date,
                      _number(f.budget), _number(f.programme_money), _number(f.granted),
                      _number(f.spent), f.milestones_done, f.milestones_total,
                      f.goals_reached, f.goals_assessed]
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=col, value=value)
                if 8 <= col <= 11:
                    cell.number_format = AMOUNT_FORMAT
                elif col == 7 and value is not None:
                    cell.number_format = DATE_FORMAT
            if f.status and not f.finished:
                ws.cell(row=row, column=6).fill = PatternFill(
                    "solid", fgColor=STATUS_FILLS[f.status])
    row += 1
    totals = {8: figures.budget, 9: sum((f.programme_money for f in figures.projects),
                                        Decimal(0)),
              10: sum((f.granted for f in figures.projects), Decimal(0)), 11: figures.spent}
    ws.cell(row=row, column=1, value=lbl["sum"]).font = BOLD
    for col, value in totals.items():
        cell = ws.cell(row=row, column=col, value=_number(value))
        cell.number_format, cell.font = AMOUNT_FORMAT, BOLD

    areas = wb.create_sheet(AREAS_SHEET)
    _header(areas, [lbl["focus_area"], lbl["pf_measures_budget"],
                    lbl["pf_measures_with_projects"], lbl["pf_project_budget"], lbl["pf_spent"],
                    lbl["pf_project_count"]], [36, 18, 18, 18, 14, 12])
    for r, area in enumerate(figures.areas, start=2):
        values = [f"{area.area.id} {area.area.name}", area.measures_budget,
                  area.measures_with_projects, area.budget, area.spent]
        for col, value in enumerate(values, start=1):
            cell = areas.cell(row=r, column=col,
                              value=_number(value) if isinstance(value, Decimal) else value)
            if col > 1:
                cell.number_format = AMOUNT_FORMAT
        areas.cell(row=r, column=6, value=len(area.projects))
    last = len(figures.areas) + 2
    areas.cell(row=last, column=1, value=lbl["sum"]).font = BOLD
    for col, value in enumerate([figures.measures_budget, figures.measures_with_projects,
                                 figures.budget, figures.spent], start=2):
        cell = areas.cell(row=last, column=col, value=_number(value))
        cell.number_format, cell.font = AMOUNT_FORMAT, BOLD
    areas.cell(row=last, column=6, value=len(figures.projects)).font = BOLD
    return wb


def write_portfolio_xlsx(programme: Programme, path: Path) -> None:
    """Write the portfolio workbook to `path` (deterministic, atomic, like every workbook)."""
    save_workbook(build_portfolio_workbook(programme), path)
