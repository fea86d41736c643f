"""The .xlsx reader: openpyxl in read-only, data-only mode, every value with its cell."""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from plandoc.core.diagnostics import SourceRef
from plandoc.core.text import suggest
from plandoc.i18n.fmt import format_number
from plandoc.readers.base import RawInput, RawRecord, RawValue
from plandoc.readers.cells import REPORTED, Percent
from plandoc.readers.ranges import read_ranges
from plandoc.schema.programme import (
    EXAMPLE_MARKER,
    INSTRUCTIONS_SHEET,
    PROGRAMME_SHEETS,
    Column,
    Sheet,
)

#: Zip-bomb guard: the most a workbook may unpack to, and the highest packing ratio of a
#: big member (sheet XML packs 10–50×; hundreds× means padding made to explode).
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 10 * 1024 * 1024

#: How many non-empty rows to look through for the header row (titles may sit above it).
HEADER_SEARCH_ROWS = 10

#: Most records one table sheet may hold, and most rows a form sheet may hold: no programme
#: comes near, and stopping there bounds time and memory for a sheet pasted full of data.
MAX_TABLE_ROWS = 10_000
MAX_FORM_ROWS = 1_000

#: A row whose first cell says this is a total the user added, not a record.
TOTAL_LABELS = frozenset({"sum", "sum totalt", "totalt", "total", "i alt", "sum i alt"})

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# A formula (<f>…</f> or a shared <f …/>) NOT followed by a non-empty <v>: a superset of
# "formula without a saved result", found at C speed; only sheets that match are parsed again.
_P = rb"(?:\w+:)?"
_SUSPECT_FORMULA = re.compile(
    rb"(?:</" + _P + rb"f>|<" + _P + rb"f\b[^>]*/>)\s*"
    rb"(?:<" + _P + rb"v\s*/>|<" + _P + rb"v(?:\s[^>]*)?>\s*</" + _P + rb"v>|</" + _P + rb"c>"
    rb"|<" + _P + rb"(?:is|extLst)\b)"
)


def fold_label(text: object) -> str:
    """A header or label as compared: case, spacing, "*" and a trailing ":" ignored."""
    folded = " ".join(str(text).replace("\u00a0", " ").casefold().split())
    return folded.rstrip(":*").strip()


def column_names(column: Column) -> set[str]:
    """Every spelling that names `column`: header, header without "(kr)", key."""
    header = fold_label(column.header)
    names = {header, fold_label(column.key), fold_label(column.key.replace("_", " "))}
    names.add(re.sub(r"\s*\(.*?\)\s*$", "", header))
    return names


def _lookup(columns: tuple[Column, ...]) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in columns:
        for name in column_names(column):
            table.setdefault(name, column)
    return table


def read_xlsx(path: Path, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> RawInput:
    """Read a workbook of `sheets` (the programme's by default); every problem becomes a
    diagnostic, nothing raises."""
    raw = RawInput(file=str(path))
    where = SourceRef(raw.file)
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raw.diagnostics.error(f"filen kan ikke leses ({exc.strerror or exc})", "fil.lesing",
                              where)
        return raw
    except (zipfile.BadZipFile, ValueError):
        raw.diagnostics.error(
            "filen er ikke en gyldig Excel-fil (.xlsx); den kan være skadet, passordbeskyttet "
            "eller i et annet format – åpne den i Excel og lagre den som Excel-arbeidsbok "
            "(.xlsx)",
            "fil.format", where,
        )
        return raw
    with archive:
        problem = _bomb_check(archive)
        if problem:
            raw.diagnostics.error(problem, "fil.for-stor", where)
            return raw
        names = [n.casefold() for n in archive.namelist()]
        if "[content_types].xml" not in names or not any(
                n.endswith("workbook.xml") for n in names):
            raw.diagnostics.error(
                "filen er en zip-fil, men ikke en Excel-arbeidsbok (den har ingen "
                "xl/workbook.xml); åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx)",
                "fil.format", where)
            return raw
        try:
            with _no_dimension_scan():
                workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on broken files; all mean the same
            raw.diagnostics.error(
                "Excel-filen kan ikke leses (" + _describe(exc) + "); åpne den i Excel og lagre "
                "den på nytt som .xlsx",
                "fil.format", where,
            )
            return raw
        _missing_parts(archive, workbook, raw)
        try:
            _read_workbook(workbook, archive, raw, sheets)
            read_ranges(workbook, raw, sheets)
        except Exception as exc:  # broken XML inside a sheet surfaces only while iterating
            raw.diagnostics.error(
                "Excel-filen kan ikke leses (" + _describe(exc) + "); åpne den i Excel og lagre "
                "den på nytt som .xlsx",
                "fil.format", where,
            )
        finally:
            workbook.close()
    return raw


@contextlib.contextmanager
def _no_dimension_scan() -> Iterator[None]:
    """Keep openpyxl from parsing a whole sheet when it lacks a <dimension> element.

    Read-only worksheets look for the dimension when they are created, and without one
    (files from other tools) that search reads every row: 15 s for 100 000 rows, before the
    row limit could stop anything. We reset the dimensions before reading anyway.
    """
    original = ReadOnlyWorksheet.__dict__["_get_size"]
    setattr(ReadOnlyWorksheet, "_get_size", lambda self: None)  # noqa: B010 - private
    try:
        yield
    finally:
        setattr(ReadOnlyWorksheet, "_get_size", original)  # noqa: B010 - private


def _describe(exc: BaseException) -> str:
    """A short Norwegian reason, looking through openpyxl's wrapping of the real cause."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for error in chain:
        if isinstance(error, DefusedXmlException) or "amplification" in str(error):
            return "den inneholder XML-entiteter, som ikke er tillatt"
    text = " ".join(str(exc).split())
    if any(type(e).__name__ in ("ParseError", "XMLSyntaxError") for e in chain) or (
            "invalid XML" in text):
        return "den inneholder ugyldig XML"
    if isinstance(exc, KeyError):
        return "en del av filen som arbeidsboken viser til, mangler"
    # Anything else openpyxl stumbles on: say what it means, not the Python exception.
    return "den er bygd opp på en måte plandoc ikke kjenner"


_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _missing_parts(archive: zipfile.ZipFile, workbook: Any, raw: RawInput) -> None:
    """An error for each sheet the workbook lists whose part is not in the zip: openpyxl
    leaves such a sheet out without a word, and its rows would be lost silently."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return
    try:
        book = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # broken XML is reported when openpyxl reads the same parts
        return
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(f"{_PKG_NS}Relationship")}
    present = set(workbook.sheetnames)
    for sheet in book.iter(f"{_MAIN_NS}sheet"):
        title = sheet.get("name") or ""
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if title in present or not target or member in names:
            continue
        raw.diagnostics.error(
            f"arket «{title}» står i arbeidsboken, men innholdet ({member}) mangler i filen; "
            "åpne den i Excel og lagre den på nytt", "fil.format", SourceRef(raw.file))


def _percent_styles(workbook: Any) -> frozenset[int]:
    """Indexes of the cell styles whose number format shows a number as percent."""
    found: set[int] = set()
    for index, style in enumerate(getattr(workbook, "_cell_styles", ())):
        fmt_id = style.numFmtId
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            fmt = BUILTIN_FORMATS.get(fmt_id, "General")
        else:
            try:
                fmt = workbook._number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE]
            except IndexError:
                continue
        # A "%" in quotes or escaped with a backslash is a literal sign, not a percent format.
        if "%" in re.sub(r'"[^"]*"|\\.', "", fmt):
            found.add(index)
    return frozenset(found)


def _bomb_check(archive: zipfile.ZipFile) -> str | None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            return (f"filen pakker seg ut til mistenkelig mye ({info.filename} er {ratio:.0f} "
                    "ganger større utpakket) og blir ikke lest; lagre den på nytt fra Excel")
    if total > MAX_UNCOMPRESSED:
        return (f"filen er for stor utpakket ({total // (1024 * 1024)} MB, grensen er "
                f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB); del den opp eller fjern bilder")
    return None


def _read_workbook(
    workbook: Any, archive: zipfile.ZipFile, raw: RawInput,
    sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS,
) -> None:
    known = [s.name for s in sheets]
    seen: dict[str, str] = {}
    percent_styles = _percent_styles(workbook)
    for ws in workbook.worksheets:
        title = ws.title
        if title.strip().casefold() == INSTRUCTIONS_SHEET.casefold():
            continue
        sheet = _sheet_named(title, sheets)
        ref = SourceRef(raw.file, title)
        if sheet is None:
            if _is_empty(ws):
                continue  # Excel's own "Ark1" and other empty sheets are no news
            hint = suggest(title.strip(), known)
            tail = (f"; mente du «{hint}»?" if hint
                    else "; gi det navnet på et ark i malen hvis det skal leses")
            raw.diagnostics.warning(f"arket «{title}» er ukjent og blir ikke lest{tail}",
                                    "ark.ukjent", ref)
            continue
        if sheet.key in seen:
            raw.diagnostics.warning(
                f"arket «{title}» har samme navn som «{seen[sheet.key]}» og blir ikke lest; "
                f"flytt radene inn i «{seen[sheet.key]}»", "ark.duplikat", ref,
                related=[SourceRef(raw.file, seen[sheet.key])])
            continue
        seen[sheet.key] = title
        missing_values = _formulas_without_values(archive, ws)
        facts = _row_facts(archive, ws, percent_styles)
        ws.reset_dimensions()  # dimensions written by other tools are often wrong
        rows = ws.iter_rows(values_only=True)
        raw.sheet_refs[sheet.key] = ref
        if sheet.kind == "form":
            records, starts = _read_form(rows, sheet, title, raw, missing_values, facts)
        else:
            records, starts = _read_table(rows, sheet, title, raw, missing_values, facts)
        raw.sheets[sheet.key] = records
        raw.row_refs[sheet.key] = starts
        if ws.sheet_state != "visible" and records:
            raw.diagnostics.warning(
                f"arket «{title}» er skjult, men blir lest likevel; vis arket og sjekk radene, "
                "eller slett dem hvis de ikke skal med", "ark.skjult", ref)


def _is_empty(ws: Any) -> bool:
    ws.reset_dimensions()
    return all(_blank(v) for row in ws.iter_rows(values_only=True) for v in row)


def _sheet_named(title: str, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> Sheet | None:
    folded = fold_label(title)
    return next((s for s in sheets if fold_label(s.name) == folded), None)


def _formulas_without_values(archive: zipfile.ZipFile, ws: Any) -> set[str]:
    """Cells (like "D7") holding a formula whose result was never saved.

    openpyxl in data-only mode shows such a cell as empty. A byte search finds sheets that
    may hold one; only those are parsed a second time, with defusedxml.
    """
    try:
        data = archive.read(ws._worksheet_path.lstrip("/"))
    except KeyError:
        return set()
    if not _SUSPECT_FORMULA.search(data):
        return set()
    missing: set[str] = set()
    for _, elem in iterparse(io.BytesIO(data)):
        if elem.tag != f"{_MAIN_NS}c":
            continue
        if elem.find(f"{_MAIN_NS}f") is not None:
            value = elem.find(f"{_MAIN_NS}v")
            # An empty <v/> is a saved result only when the cell says it is text ("").
            if value is None or (not value.text and elem.get("t") != "str"):
                missing.add(elem.get("r") or "")
        elem.clear()
    missing.discard("")
    return missing


_HIDDEN_ROW = re.compile(rb"<" + _P + rb"row\s[^>]*\bhidden=\"(?:1|true)\"[^>]*>")
_ROW_NUMBER = re.compile(rb"\br=\"(\d+)\"")
_MERGE = re.compile(rb"<" + _P + rb"mergeCell\s[^>]*\bref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")
_CELL = re.compile(rb"<" + _P + rb"c\s([^>]*)>")
_CELL_REF = re.compile(rb"\br=\"([A-Z]+\d+)\"")
_CELL_STYLE = re.compile(rb"\bs=\"(\d+)\"")
_CELL_TYPE = re.compile(rb"\bt=\"(\w+)\"")


@dataclass
class _RowFacts:
    """What openpyxl's read-only mode does not tell: hidden rows, and merged cell ranges as
    (first column, first row, last column, last row), columns counted from 0."""

    hidden: set[int] = field(default_factory=set)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: Number cells (like "E2") formatted as percent: shown as "75 %", stored as 0.75.
    percent: set[str] = field(default_factory=set)

    def shown(self, value: Any, cell: str) -> Any:
        """The value as Excel shows it: a number in a percent cell becomes `Percent`."""
        if cell in self.percent and isinstance(value, int | float) and not isinstance(
                value, bool):
            return Percent(value)
        return value


def _row_facts(archive: zipfile.ZipFile, ws: Any,
               percent_styles: frozenset[int] = frozenset()) -> _RowFacts:
    """Hidden rows, merged ranges and percent cells of a sheet, by a byte search of its XML."""
    facts = _RowFacts()
    try:
        data = archive.read(ws._worksheet_path.lstrip("/"))
    except KeyError:
        return facts
    if b"hidden" in data:
        for m in _HIDDEN_ROW.finditer(data):
            number = _ROW_NUMBER.search(m.group())
            if number:
                facts.hidden.add(int(number.group(1)))
    if b"mergeCell" in data:
        for m in _MERGE.finditer(data):
            first, last = (column_index_from_string(m.group(i).decode()) - 1 for i in (1, 3))
            facts.merges.append((first, int(m.group(2)), last, int(m.group(4))))
    if percent_styles:
        styles = {str(i).encode() for i in percent_styles}
        for m in _CELL.finditer(data):
            attrs = m.group(1)
            style = _CELL_STYLE.search(attrs)
            kind = _CELL_TYPE.search(attrs)
            ref = _CELL_REF.search(attrs)
            if style and style.group(1) in styles and ref and (
                    kind is None or kind.group(1) == b"n"):
                facts.percent.add(ref.group(1).decode())
    return facts


def _letters(width: int) -> list[str]:
    return [get_column_letter(i) for i in range(1, width + 1)]


def _is_example(row: tuple[Any, ...]) -> bool:
    first = next((v for v in row if v is not None and str(v).strip()), None)
    return isinstance(first, str) and first.strip().casefold().startswith(
        EXAMPLE_MARKER.casefold())


def _is_total(row: tuple[Any, ...]) -> bool:
    first = next((v for v in row if v is not None and str(v).strip()), None)
    return isinstance(first, str) and fold_label(first) in TOTAL_LABELS


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_table(
    rows: Iterator[tuple[Any, ...]], sheet: Sheet, title: str, raw: RawInput,
    missing_values: set[str], facts: _RowFacts | None = None,
) -> tuple[list[RawRecord], list[SourceRef]]:
    records: list[RawRecord] = []
    starts: list[SourceRef] = []
    numbered = enumerate(rows, start=1)
    header_row, mapping, named, rest = _find_header(numbered, sheet, title, raw)
    if not mapping:
        return records, starts
    facts = facts or _RowFacts()
    unnamed: dict[int, str] = {}  # column → its first filled cell, for one warning each
    letters = _letters(max(mapping) + 1)
    first_letter = letters[min(mapping)]
    merged_away = _merge_diagnostics(facts, header_row, mapping, title, raw)
    hidden: list[int] = []
    for row_no, row in itertools.chain(rest, numbered):
        if len(row) > len(mapping):
            for i, v in enumerate(row):
                if i not in named and i not in unnamed and not _blank(v):
                    unnamed[i] = f"{get_column_letter(i + 1)}{row_no}"
        values = [(i, row[i] if i < len(row) else None) for i in mapping]
        pending = {i for i, v in values if v is None and f"{letters[i]}{row_no}" in missing_values}
        if not pending and all(_blank(v) for _, v in values):
            continue
        picked = tuple(v for _, v in values)
        if _is_example(picked) or _is_total(picked):
            continue
        if len(records) >= MAX_TABLE_ROWS:
            raw.diagnostics.error(
                f"arket «{title}» har over {format_number(MAX_TABLE_ROWS)} rader med innhold; så "
                "mange hører ikke hjemme i en plan – fjern radene som ikke skal med, eller del "
                "opp filen", "ark.for-mange-rader",
                SourceRef(raw.file, title, f"{first_letter}{row_no}"))
            break
        record: RawRecord = {}
        for i, value in values:
            ref = SourceRef(raw.file, title, f"{letters[i]}{row_no}")
            if i in pending:
                _formula_diagnostic(raw, ref)
                value = REPORTED
            elif (i, row_no) in merged_away:
                value = REPORTED
            elif facts.percent:
                value = facts.shown(value, ref.cell or "")
            record[mapping[i].key] = RawValue(value, ref)
        records.append(record)
        starts.append(SourceRef(raw.file, title, f"{first_letter}{row_no}"))
        if row_no in facts.hidden:
            hidden.append(row_no)
    for i, first in sorted(unnamed.items()):
        letter = get_column_letter(i + 1)
        raw.diagnostics.warning(
            f"kolonne {letter} har innhold, men ingen overskrift, og blir ikke lest; skriv "
            f"overskriften i {letter}{header_row} (se malen) eller flytt innholdet",
            "kolonne.uten-navn", SourceRef(raw.file, title, first))
    if hidden:
        shown = ", ".join(str(r) for r in hidden[:5]) + (" …" if len(hidden) > 5 else "")
        word = "raden" if len(hidden) == 1 else "radene"
        verb = "den" if len(hidden) == 1 else "dem"
        raw.diagnostics.warning(
            f"{word} {shown} er skjult, men blir lest likevel; vis {verb} og sjekk innholdet, "
            f"eller slett {verb} hvis {verb} ikke skal med", "rad.skjult",
            SourceRef(raw.file, title, f"{first_letter}{hidden[0]}"))
    return records, starts


def _merge_diagnostics(
    facts: _RowFacts, header_row: int, mapping: dict[int, Column], title: str, raw: RawInput,
) -> set[tuple[int, int]]:
    """An error for each merged range that spans data rows of a read column: only its first
    cell holds the value, so the rows below would silently lose it. Returns the (column,
    row) cells under such merges, whose emptiness is then no news."""
    away: set[tuple[int, int]] = set()
    for first_col, first_row, last_col, last_row in sorted(facts.merges, key=lambda m: m[1:]):
        if last_row == first_row or first_row <= header_row:
            continue
        if not any(first_col <= i <= last_col for i in mapping):
            continue
        span = (f"{get_column_letter(first_col + 1)}{first_row}:"
                f"{get_column_letter(last_col + 1)}{last_row}")
        raw.diagnostics.error(
            f"cellene {span} er slått sammen over flere rader, så bare den første raden får "
            "verdien; opphev sammenslåingen og skriv verdien i hver rad", "celle.sammenslått",
            SourceRef(raw.file, title, f"{get_column_letter(first_col + 1)}{first_row}"))
        away.update((c, r) for c in range(first_col, last_col + 1)
                    for r in range(first_row + 1, last_row + 1))
    return away


def _known_count(row: tuple[Any, ...], lookup: dict[str, Column]) -> int:
    return sum(1 for v in row if not _blank(v) and fold_label(v) in lookup)


def _find_header(
    numbered: Iterator[tuple[int, tuple[Any, ...]]], sheet: Sheet, title: str, raw: RawInput,
) -> tuple[int, dict[int, Column], set[int], list[tuple[int, tuple[Any, ...]]]]:
    """The header row: the first non-empty row, unless one of the next few names more known
    columns (a title above the table). Returns its number, the column index → Column map,
    the indexes of every column with a header (known or not), and the rows read past it
    (data to replay)."""
    lookup = _lookup(sheet.columns)
    seen: list[tuple[int, tuple[Any, ...]]] = []
    for row_no, row in numbered:
        if all(_blank(v) for v in row):
            continue
        seen.append((row_no, row))
        if _known_count(row, lookup) >= 2 or len(seen) >= HEADER_SEARCH_ROWS:
            break
    if not seen:
        return 0, {}, set(), []
    best = max(range(len(seen)), key=lambda i: (_known_count(seen[i][1], lookup), -i))
    row_no, header = seen[best]
    if _known_count(header, lookup) == 0:
        # No row names a single column: the header is missing, not every column unknown.
        wanted = ", ".join(c.header for c in sheet.columns if c.required)
        raw.diagnostics.error(
            f"fant ingen kolonneoverskrifter i arket «{title}», så ingen rader blir lest; den "
            f"første raden skal ha overskriftene ({wanted} …)", "kolonne.overskrift",
            SourceRef(raw.file, title, f"A{seen[0][0]}"))
        return row_no, {}, set(), []
    mapping: dict[int, Column] = {}
    named = {i for i, text in enumerate(header) if not _blank(text)}
    used: dict[str, str] = {}
    letters = _letters(len(header))
    headers = [c.header for c in sheet.columns]
    for i, text in enumerate(header):
        if _blank(text):
            continue  # empty, or the tail of a merged header cell
        ref = SourceRef(raw.file, title, f"{letters[i]}{row_no}")
        column = lookup.get(fold_label(text))
        if column is None:
            hint = suggest(str(text).strip(), headers)
            tail = f"; mente du «{hint}»?" if hint else ""
            raw.diagnostics.warning(
                f"kolonnen «{str(text).strip()}» er ukjent og blir ikke lest{tail}",
                "kolonne.ukjent", ref)
            continue
        if column.key in used:
            raw.diagnostics.warning(
                f"kolonnen «{column.header}» finnes to ganger; bare den første blir lest",
                "kolonne.duplikat", ref, related=[SourceRef(raw.file, title, used[column.key])])
            continue
        used[column.key] = f"{letters[i]}{row_no}"
        mapping[i] = column
    return row_no, mapping, named, seen[best + 1:]


def _formula_diagnostic(raw: RawInput, ref: SourceRef) -> None:
    raw.diagnostics.error(
        "cellen inneholder en formel uten lagret verdi – åpne filen i Excel og lagre den på nytt",
        "formel.uten-verdi", ref)


def _read_form(
    rows: Iterator[tuple[Any, ...]], sheet: Sheet, title: str, raw: RawInput,
    missing_values: set[str], facts: _RowFacts | None = None,
) -> tuple[list[RawRecord], list[SourceRef]]:
    """Felt | Verdi rows; refs point at the Verdi cell. One record, starting at A1."""
    facts = facts or _RowFacts()
    lookup = _lookup(sheet.columns)
    labels = [c.header for c in sheet.columns]
    record: RawRecord = {}
    label_col, value_col = 0, 1
    header_seen = False
    filled = 0
    for row_no, row in enumerate(rows, start=1):
        if all(_blank(v) for v in row):
            continue
        filled += 1
        if filled > MAX_FORM_ROWS:
            raw.diagnostics.error(
                f"arket «{title}» har over {format_number(MAX_FORM_ROWS)} rader med innhold; "
                "det skal ha én rad per felt – fjern radene som ikke hører til",
                "ark.for-mange-rader", SourceRef(raw.file, title, f"A{row_no}"))
            break
        if not header_seen:
            folded = [fold_label(v) if not _blank(v) else "" for v in row]
            header_seen = True
            if "felt" in folded and "verdi" in folded:
                label_col, value_col = folded.index("felt"), folded.index("verdi")
                continue
        label = row[label_col] if label_col < len(row) else None
        value = row[value_col] if value_col < len(row) else None
        if _blank(label):
            continue
        letter = get_column_letter(value_col + 1)
        ref = SourceRef(raw.file, title, f"{letter}{row_no}")
        column = lookup.get(fold_label(label))
        if column is None:
            hint = suggest(str(label).strip(), labels)
            tail = f"; mente du «{hint}»?" if hint else ""
            raw.diagnostics.warning(
                f"feltet «{str(label).strip()}» er ukjent og blir ikke lest{tail}",
                "felt.ukjent", SourceRef(raw.file, title, f"{get_column_letter(label_col + 1)}"
                                                           f"{row_no}"))
            continue
        if column.key in record:
            raw.diagnostics.warning(
                f"feltet «{column.header}» står to ganger; bare den første verdien blir lest",
                "felt.duplikat", ref, related=[record[column.key].ref])
            continue
        if value is None and f"{letter}{row_no}" in missing_values:
            _formula_diagnostic(raw, ref)
            value = REPORTED
        record[column.key] = RawValue(facts.shown(value, f"{letter}{row_no}"), ref)
    return [record], [SourceRef(raw.file, title, "A1")]
