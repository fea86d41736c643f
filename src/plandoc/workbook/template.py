"""The blank programme workbook: Veiledning, then one styled sheet per schema sheet.

Everything comes from `plandoc.schema.programme`; `build_workbook` is shared with the xlsx
export so that an exported programme looks and validates like the template.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from plandoc.core.dates import source_datetime
from plandoc.core.files import atomic_path
from plandoc.core.zips import rezip
from plandoc.schema.programme import (
    EXAMPLE_MARKER,
    INSTRUCTIONS_SHEET,
    PROGRAMME_SHEETS,
    SOURCE_KINDS_BY_TYPE,
    Column,
    Sheet,
)
from plandoc.schema.project import PROJECT_SHEETS

#: The first lines of Veiledning in a project workbook (replacing the programme's).
PROJECT_INTRO: list[tuple[str, str, Font | None]] = [
    ("Slik fyller du ut prosjektarbeidsboken", "", Font(bold=True, size=14)),
    ("", "Arbeidsboken beskriver ett prosjekt etter Prosjektlederprosessen (PLP): mål, "
         "organisering, faser og beslutningspunkter, milepæler, budsjett, risiko og "
         "statusrapporter. Prosjektlederen eier filen. Legg den i mappen «prosjekter» ved "
         "siden av programmets arbeidsbok; plandoc lager prosjektplan, statusrapporter og "
         "sluttrapport fra den, og tar prosjektet med i porteføljeoversikten.", None),
]

#: Rows that validations and formats cover in table sheets (header is row 1).
LAST_ROW = 500
#: The form sheet's first field row (row 1 holds Felt | Verdi | Forklaring).
FORM_FIRST_ROW = 2
FORM_HEADERS = ("Felt", "Verdi", "Forklaring")

AMOUNT_FORMAT = "#,##0"  # Excel shows the reader's own thousands separator (space in nb-NO)
DECIMAL_FORMAT = "#,##0.00"
DATE_FORMAT = "dd.mm.yyyy"
TEXT_FORMAT = "@"  # keeps "0301", "1.0" and "01/13" as typed instead of numbers or dates

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
EXAMPLE_FONT = Font(italic=True, color="808080")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")

_TYPE_TEXT = {
    "text": "Tekst.",
    "rich": "Tekst med enkel formatering (Markdown): **fet**, *kursiv*, linjer som starter "
            "med «- » blir punktliste.",
    "int": "Et helt tall.",
    "year": "Et årstall, f.eks. 2025.",
    "amount": "Beløp i kroner, f.eks. 1 250 000.",
    "date": "En dato, f.eks. 12.10.2024.",
    "value": "Et tall eller en kort tekst.",
    "range": "Et celleområde, f.eks. Tabell!A1:D12, eller et navngitt område.",
}

def describe(column: Column, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> str:
    """What to type in a column, in Norwegian: help text, type, allowed values."""
    parts = [column.help] if column.help else []
    if column.type == "choice":
        parts.append("Velg fra lista: " + ", ".join(column.choices) + ".")
    elif column.choices:
        parts.append("Vanlige verdier: " + ", ".join(column.choices) + ".")
    elif column.type == "ref":
        keys = (column.ref_to or "").split("|")
        targets = [next((s for s in sheets if s.key == k), None) for k in keys]
        names = " eller ".join(f"«{t.name}»" for t in targets if t is not None)
        parts.append(f"En ID fra arket {names}.")
    else:
        parts.append(_TYPE_TEXT[column.type])
    if column.required:
        parts.append("Må fylles ut.")
    return " ".join(parts)


def _validation(column: Column, workbook_sheets: tuple[Sheet, ...]) -> DataValidation | None:
    """The Excel data validation for a column's cells, or None."""
    if column.type == "choice" or column.choices:
        dv = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"',
                            allow_blank=True)
        # A suggested list (gruppe) accepts other text after a warning.
        dv.errorStyle = "stop" if column.type == "choice" else "warning"
        dv.error = "Velg en av verdiene i lista."
    elif column.type == "ref" and column.ref_to and "|" not in column.ref_to:
        target = next(s for s in workbook_sheets if s.key == column.ref_to)
        index = next(i for i, c in enumerate(target.columns, start=1) if c.key == target.id_key)
        letter = get_column_letter(index)
        dv = DataValidation(type="list", allow_blank=True,
                            formula1=f"'{target.name}'!${letter}$2:${letter}${LAST_ROW}")
        # The target sheet may be filled in later; warn, do not block.
        dv.errorStyle = "warning"
        dv.error = f"Bruk en ID fra arket {target.name}."
    elif column.type == "year":
        dv = DataValidation(type="whole", operator="between", formula1="1990", formula2="2100",
                            allow_blank=True)
        dv.errorStyle = "stop"
        dv.error = "Skriv et årstall, f.eks. 2025."
    elif column.type == "amount":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True)
        dv.errorStyle = "warning"
        dv.error = "Skriv et beløp i kroner, f.eks. 1250000."
    else:
        return None
    dv.showErrorMessage = True
    dv.errorTitle = column.header
    return dv


def _number_format(column: Column) -> str | None:
    return {
        "amount": AMOUNT_FORMAT, "date": DATE_FORMAT, "year": "0", "int": "0",
        "text": TEXT_FORMAT, "ref": TEXT_FORMAT,
    }.get(column.type)


def _header(ws: Worksheet, row: int, col: int, text: str, help_text: str = "") -> None:
    cell = ws.cell(row=row, column=col, value=text)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    if help_text:
        cell.comment = Comment(help_text, "plandoc", width=320, height=140)


def example_text(column: Column, first: bool) -> Any:
    """A column's example as it appears in the template's example row."""
    value = column.example
    if first:
        return f"{EXAMPLE_MARKER} {value if value is not None else ''}".strip()
    return value


def _form(ws: Worksheet, sheet: Sheet, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> None:
    for col, text in enumerate(FORM_HEADERS, start=1):
        _header(ws, 1, col, text)
    for row, column in enumerate(sheet.columns, start=FORM_FIRST_ROW):
        label = ws.cell(row=row, column=1, value=column.header)
        if column.required:
            label.font = BOLD
        value = ws.cell(row=row, column=2)
        fmt = _number_format(column)
        if fmt:
            value.number_format = fmt
        if column.type == "rich":
            value.alignment = WRAP
        note = describe(column, sheets)
        if column.example is not None:
            note += f" Eksempel: {column.example}."
        ws.cell(row=row, column=3, value=note).alignment = WRAP
        dv = _validation(column, sheets)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"B{row}")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 70
    ws.freeze_panes = "A2"


def _table(ws: Worksheet, sheet: Sheet, examples: bool,
           sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> None:
    for col, column in enumerate(sheet.columns, start=1):
        _header(ws, 1, col, column.header, describe(column, sheets))
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = column.width
        fmt = _number_format(column)
        if fmt:
            # A column style: Excel and LibreOffice use it for every cell typed in later.
            ws.column_dimensions[letter].number_format = fmt
        dv = _validation(column, sheets)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{LAST_ROW}")
        example = example_text(column, col == 1)
        if examples and example is not None:
            cell = ws.cell(row=2, column=col, value=example)
            cell.font = EXAMPLE_FONT
            if fmt and col != 1:
                cell.number_format = fmt
    ws.freeze_panes = "A2"


def _instructions(ws: Worksheet, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    lines: list[tuple[str, str, Font | None]] = [
        ("Slik fyller du ut programarbeidsboken", "", TITLE_FONT),
        ("", "Arbeidsboken beskriver ett omstillingsprogram. plandoc lager omstillingsplan, "
             "handlingsplaner og andre dokumenter fra den, i Word og PDF.", None),
        ("", "Fyll ut arkene i rekkefølge. Ikke endre arknavn eller overskrifter; "
             "rekkefølgen på kolonnene kan du endre. Tomme rader blir hoppet over.", None),
        ("", f"Rader som begynner med «{EXAMPLE_MARKER}» er eksempler og blir ikke lest. "
             "Skriv over dem eller slett dem.", None),
        ("", "Kolonnen ID brukes til å knytte arkene sammen: et tiltak viser til et "
             "innsatsområde og en strategi med deres ID. Nedtrekkslistene viser lovlige "
             "verdier.", None),
        ("", "Beløp skrives i hele kroner, f.eks. 1250000 eller 1 250 000. Datoer som "
             "12.10.2024. Formler er lov, men lagre filen i Excel før den leses.", None),
        ("", "Kjør «plandoc validate» for å sjekke arbeidsboken; feil vises med ark og "
             "celle, f.eks. Tiltak!J7.", None),
        ("Utgaver og vedtak", "", BOLD),
        ("", "Hvert dokument har sin egen versjon: omstillingsplanen (eller programplanen) "
             "vedtas av kommunestyret og rulleres hver høst, hver årlige handlingsplan "
             "godkjennes for seg, og årsrapporten behandles når året er omme. Før opp hver "
             "versjon i arket Utgaver, med dato, status og når styringsgruppen og "
             "kommunestyret behandlet den. Forsiden og versjonsblokken i dokumentet hentes "
             "derfra, og de tidligere versjonene vises i en liten historikktabell.", None),
        ("", "Når kommunestyret har vedtatt en utgave, setter du status til «vedtatt» og "
             "kjører «plandoc adopt <arbeidsbok> <dokument>», f.eks. «plandoc adopt "
             "program.xlsx handlingsplan-2025». Da lagres innholdet utgaven ble laget fra, i "
             "mappen «vedtatt» ved siden av arbeidsboken. Den mappen skal ikke endres for "
             "hånd; ta den med når dere tar vare på arbeidsboken.", None),
        ("", "Etter vedtaket kan du ikke endre innholdet i det vedtatte dokumentet uten å "
             "lage en ny versjon: plandoc sier fra om hvilke celler som er endret. Legg til "
             "en ny rad i Utgaver (f.eks. versjon 2.0 med status «utkast») og gjør endringene. "
             "Den nye versjonen får da et kapittel «Endringer fra versjon …» og en Word-fil "
             "med sporede endringer (…-endringer.docx) som viser hva som er endret siden "
             "vedtaket. Den vedtatte utgaven kan alltid lages på nytt, helt lik.", None),
        ("", "«Tall per» er datoen tallene i dokumentet gjelder fra (prosjektstatus, forbruk, "
             "resultater). Statusrapporter fra prosjektene som er datert senere, kommer ikke "
             "med i dokumentet; plandoc sier fra hvor mange og fra hvilke prosjektfiler. Er "
             "den tom, vises dokumentets dato, og alle rapportene tas med.", None),
        ("", "Årsrapporten måler året mot handlingsplanen slik den ble vedtatt: mål, tiltak og "
             "budsjett hentes fra den vedtatte handlingsplanen i mappen «vedtatt», og "
             "rapporten viser vedtatt budsjett mot det som er brukt. Finnes den ikke, brukes "
             "arbeidsboken slik den er, og rapporten sier det.", None),
        ("", "Prosjektplaner: når en prosjektplan er godkjent i et beslutningspunkt, setter du "
             "status «vedtatt» i prosjektfilens ark Utgaver og kjører «plandoc adopt "
             "prosjekter/<fil> prosjektplan». Deretter må endringer i planen få en ny versjon "
             "(rapportering av statusrapporter, oppnådde mål og regnskap er ikke endringer i "
             "planen).", None),
    ]
    if sheets is not PROGRAMME_SHEETS:
        lines[:2] = PROJECT_INTRO
    for sheet in sheets:
        lines.append(("", "", None))
        lines.append((f"Arket {sheet.name}", sheet.help + (" Arket må finnes."
                                                           if sheet.required else ""), BOLD))
        for column in sheet.columns:
            lines.append((column.header, describe(column, sheets), None))
    for row, (name, text, font) in enumerate(lines, start=1):
        a = ws.cell(row=row, column=1, value=name or None)
        b = ws.cell(row=row, column=2, value=text or None)
        a.alignment = b.alignment = WRAP
        if font is not None:
            a.font = font


def build_workbook(examples: bool = True,
                   sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> Workbook:
    """The workbook of `sheets` (the programme's by default, or a project's): Veiledning, then
    every schema sheet, with example rows."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    _instructions(wb.create_sheet(INSTRUCTIONS_SHEET), sheets)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        if sheet.kind == "form":
            _form(ws, sheet, sheets)
        else:
            _table(ws, sheet, examples, sheets)
    wb.active = 0  # open on Veiledning
    return wb


def save_workbook(wb: Workbook, path: Path) -> None:
    """Save deterministically (fixed document and zip entry times) and atomically."""
    wb.properties.creator = "plandoc"
    wb.properties.created = wb.properties.modified = source_datetime()
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would stamp the current time.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with atomic_path(path) as tmp, tmp.open("wb") as out:
        rezip(buffer, out)


#: Workbook kinds `write_template` makes (`plandoc template --kind …`).
TEMPLATE_KINDS = ("program", "områdeløft", "prosjekt")


def sheets_for_type(programme_type: str,
                    sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> tuple[Sheet, ...]:
    """The programme sheets as a blank workbook for `programme_type` shows them: Finansiering's
    kildetype drop-down with that type's kinds."""
    kinds = SOURCE_KINDS_BY_TYPE[programme_type]

    def column(col: Column) -> Column:
        if col.field == "source_kind":
            return replace(col, choices=kinds, example=kinds[0])
        return col

    return tuple(replace(s, columns=tuple(column(c) for c in s.columns))
                 if s.key == "finansiering" else s for s in sheets)


def write_template(path: Path, kind: str = "program") -> None:
    """Write the blank workbook of `kind` ("program" for a regional omstilling, "områdeløft",
    or "prosjekt") to `path`."""
    if kind not in TEMPLATE_KINDS:
        raise ValueError(f"ukjent maltype «{kind}»; bruk {', '.join(TEMPLATE_KINDS)}")
    if kind == "prosjekt":
        save_workbook(build_workbook(examples=True, sheets=PROJECT_SHEETS), path)
        return
    programme_type = "områdeløft" if kind == "områdeløft" else "regional omstilling"
    sheets = sheets_for_type(programme_type)
    wb = build_workbook(examples=True, sheets=sheets)
    if kind == "områdeløft":
        # The type is known: filled in, so the drop-downs and the rules agree from the start.
        form = next(s for s in sheets if s.key == "program")
        row = next(i for i, c in enumerate(form.columns, start=FORM_FIRST_ROW)
                   if c.field == "kind" and c.target == "info")
        wb[form.name].cell(row=row, column=2, value=programme_type)
    save_workbook(wb, path)
