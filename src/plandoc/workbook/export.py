"""Export a Programme to a workbook or a YAML file (same schema), and convert between them."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.files import atomic_path
from plandoc.i18n.fmt import format_number
from plandoc.model.programme import Programme
from plandoc.model.project import Project
from plandoc.readers.cells import CellError, parse_number
from plandoc.schema.programme import PROGRAMME_SHEETS, Column, Sheet
from plandoc.schema.project import PROJECT_SHEETS
from plandoc.workbook.template import (
    AMOUNT_FORMAT,
    DATE_FORMAT,
    DECIMAL_FORMAT,
    FORM_FIRST_ROW,
    build_workbook,
    save_workbook,
)

_WRAP = Alignment(wrap_text=True, vertical="top")


def _field_value(programme: Programme | Project, column: Column, record: Any = None) -> Any:
    if record is None:
        record = programme.version if column.target == "version" else programme.info
    return getattr(record, column.field)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _as_number(text: str) -> int | float | None:
    """An indicator value that reads back identically as a number ("1,5" → 1.5), else None."""
    try:
        number = parse_number(text)
    except CellError:
        return None
    return _number(number) if format_number(number) == text else None


def _cell_value(column: Column, value: Any) -> tuple[Any, str | None]:
    """What to put in the cell, and its number format."""
    if isinstance(value, Decimal):
        integral = value == value.to_integral_value()
        return _number(value), AMOUNT_FORMAT if integral else DECIMAL_FORMAT
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    if column.type == "value" and isinstance(value, str):
        number = _as_number(value)
        if number is not None:
            return number, None
    return value, None


def _put(ws: Any, row: int, col: int, column: Column, value: Any) -> None:
    if value is None:
        return
    content, fmt = _cell_value(column, value)
    cell = ws.cell(row=row, column=col, value=content)
    if isinstance(content, str) and content.startswith("="):
        cell.data_type = "s"  # user text, not a formula
    if fmt:
        cell.number_format = fmt
    if column.type == "rich" or (isinstance(content, str) and "\n" in content):
        cell.alignment = _WRAP


def write_xlsx(programme: Programme | Project, path: Path,
               sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> None:
    """The programme (or, with the project sheets, a project) as a workbook shaped like the
    template, ready for further editing."""
    wb = build_workbook(examples=False, sheets=sheets)
    for sheet in sheets:
        ws = wb[sheet.name]
        if sheet.kind == "form":
            for row, column in enumerate(sheet.columns, start=FORM_FIRST_ROW):
                _put(ws, row, 2, column, _field_value(programme, column))
            continue
        for row, record in enumerate(getattr(programme, sheet.model_field), start=2):
            for col, column in enumerate(sheet.columns, start=1):
                value = getattr(record, column.field)
                if column.type == "range" and value:
                    value = _table_sheet(wb, value)
                _put(ws, row, col, column, value)
    save_workbook(wb, path)


def _table_sheet(wb: Any, rows: list[list[str]]) -> str:
    """A chapter's table on a sheet of its own ("Tabell 1"), as the range that names it."""
    title = f"Tabell {sum(1 for t in wb.sheetnames if t.startswith('Tabell ')) + 1}"
    ws = wb.create_sheet(title)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value:
                # Text as the table showed it ("1 250 000"): reads back the same.
                ws.cell(row=r, column=c, value=value).data_type = "s"
    width = max(len(row) for row in rows)
    return f"'{title}'!A1:{get_column_letter(width)}{len(rows)}"


def _yaml_value(column: Column, value: Any) -> Any:
    if isinstance(value, Decimal):
        return _number(value)
    if column.type == "value" and isinstance(value, str):
        number = _as_number(value)  # "60" → 60, "1,5" → 1.5: reads back as the same text
        if number is not None:
            return number
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _yaml_record(sheet: Sheet, get: Any) -> CommentedMap:
    out = CommentedMap()
    for column in sheet.columns:
        value = get(column)
        if value is not None:
            out[column.key] = _yaml_value(column, value)
    return out


def dump_yaml(programme: Programme | Project,
              sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> str:
    """The programme (or a project, with the project sheets) as YAML text with the schema's
    Norwegian keys."""
    doc = CommentedMap()
    form = next(s for s in sheets if s.kind == "form")
    doc[form.key] = _yaml_record(form, lambda c: _field_value(programme, c))
    for sheet in sheets:
        if sheet.kind == "form":
            continue
        doc[sheet.key] = [
            _yaml_record(sheet, lambda c, r=record: getattr(r, c.field))
            for record in getattr(programme, sheet.model_field)
        ]
    doc.yaml_set_start_comment(
        ("Programfil" if sheets is PROGRAMME_SHEETS else "Prosjektfil (PLP)")
        + " for plandoc. Nøklene er de samme som kolonnene i Excel-malen;\n"
        "se arket Veiledning i malen for hva hver verdi betyr.")
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096  # long texts stay on one line instead of being folded
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump(doc, stream)
    return stream.getvalue()


def write_yaml(programme: Programme | Project, path: Path,
               sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> None:
    """The programme (or a project) as a YAML file (UTF-8), written atomically."""
    text = dump_yaml(programme, sheets)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def convert(src: Path, dst: Path) -> Diagnostics:
    """Load `src`; when it has no errors, write it to `dst` in the format of dst's suffix.

    A project file (in a `prosjekter/` folder, or with a «prosjekt» sheet or key) converts
    with the project schema; a programme converts without its projects.
    """
    from plandoc.load.programme import load_programme_file
    from plandoc.load.project import load_project_file, looks_like_project

    model: Programme | Project | None
    sheets = PROGRAMME_SHEETS
    if looks_like_project(src):
        model, diags = load_project_file(src)
        sheets = PROJECT_SHEETS
    else:
        model, diags = load_programme_file(src)
    if model is None or diags.has_errors:
        return diags
    suffix = dst.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(model, dst, sheets)
    elif suffix in (".yaml", ".yml"):
        write_yaml(model, dst, sheets)
    else:
        diags.error(f"kan ikke skrive filtypen «{suffix or dst.name}»; bruk .xlsx eller .yaml",
                    "fil.type", SourceRef(str(dst)))
    return diags
