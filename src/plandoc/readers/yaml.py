"""The .yaml reader: ruamel.yaml composes nodes (never Python objects), each with its line.

Working on the node graph rather than loading keeps line numbers for every value, keeps the
user's text ("versjon: 1.0" stays "1.0", "kommunenummer: 0301" stays "0301"), and means no
tag can ever construct anything: unknown tags are reported, not executed.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from plandoc.core.diagnostics import SourceRef
from plandoc.core.text import suggest
from plandoc.i18n.fmt import format_number
from plandoc.readers.base import RawInput, RawRecord, RawValue
from plandoc.readers.cells import REPORTED, TableRows
from plandoc.schema.programme import PROGRAMME_SHEETS, Column, Sheet

#: Larger files are not programme descriptions; refuse before parsing.
MAX_BYTES = 20 * 1024 * 1024
#: Nodes visited while walking (an aliased record, "- *t1", counts once per use).
MAX_NODES = 200_000
#: Nesting depth allowed; a programme file needs three levels. Deeper input is refused
#: before composing, whose recursion would overflow (libyaml's composer even segfaults).
MAX_DEPTH = 20
#: Items in one list (records under one key): as many as a workbook sheet may have rows.
MAX_ITEMS = 10_000

#: Force ruamel's pure-Python parser even where libyaml is installed (tests use both).
PURE_PYTHON = False

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp",
                                     "map", "seq")}
_TEXT_TYPES = ("text", "rich", "ref", "choice")


class _TooManyNodes(Exception):
    pass


class _TooManyItems(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def read_yaml(path: Path, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS,
              top: Sheet | None = None) -> RawInput:
    """Read a YAML file of `sheets` (the programme's by default); every problem becomes a
    diagnostic, nothing raises. `top` is a form whose rows are keys of the file's top level
    itself (bauta.yaml's «tittel:», «år:»), read as one record under `top.key`."""
    raw = RawInput(file=str(path))
    where = SourceRef(raw.file)
    try:
        if path.stat().st_size > MAX_BYTES:
            raw.diagnostics.error(
                f"filen er for stor (over {MAX_BYTES // (1024 * 1024)} MB) til å være en "
                "programbeskrivelse", "fil.for-stor", where)
            return raw
        data = path.read_bytes()
    except OSError as exc:
        raw.diagnostics.error(f"filen kan ikke leses ({exc.strerror})", "fil.lesing", where)
        return raw
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raw.diagnostics.error(
            "filen er ikke gyldig UTF-8; lagre den som UTF-8 i redigeringsprogrammet",
            "yaml.tegnsett", SourceRef(raw.file, line=line))
        return raw
    try:
        root = _compose(text)
    except _TooDeep as exc:
        raw.diagnostics.error(
            f"filen har lister eller nøkler nøstet i over {MAX_DEPTH} nivåer og blir ikke lest; "
            "en programfil trenger tre", "yaml.for-stor", SourceRef(raw.file, line=exc.line))
        return raw
    except _TooManyNodes:
        raw.diagnostics.error(
            f"filen har over {format_number(MAX_NODES)} verdier og blir ikke lest",
            "yaml.for-stor", where)
        return raw
    except _TooManyItems as exc:
        raw.diagnostics.error(
            f"en liste har over {format_number(MAX_ITEMS)} elementer, og filen blir ikke lest; så "
            "mange hører ikke hjemme i en plan – fjern det som ikke skal med, eller del opp "
            "filen", "yaml.for-stor", SourceRef(raw.file, line=exc.line))
        return raw
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raw.diagnostics.error(_syntax_message(exc), "yaml.syntaks",
                              SourceRef(raw.file, line=mark.line + 1 if mark else None))
        return raw
    except YAMLError:
        raw.diagnostics.error("YAML-feil: filen er ikke gyldig YAML; sjekk innrykk, kolon etter "
                              "nøklene og at tekst med spesialtegn står i anførselstegn",
                              "yaml.syntaks", where)
        return raw
    if root is None:
        raw.diagnostics.error("filen er tom; se malen for hvordan en programfil ser ut",
                              "yaml.struktur", where)
        return raw
    try:
        _Walker(raw, sheets, top).document(root)
    except _TooManyNodes:
        raw.diagnostics.error(
            f"filen har over {MAX_NODES} verdier (mange alias/anker?) og blir ikke lest",
            "yaml.for-stor", where)
    return raw


def _compose(text: str) -> Node | None:
    # The "safe" flavour uses libyaml through ruamel.yaml.clib when it is installed (about
    # 5× faster than the pure-Python parser, which remains the fallback); composing only
    # builds nodes, so no constructor ever runs. The event pass first (iterative, cheap)
    # refuses nesting that the recursive composer cannot survive.
    # It also counts the items of every list and stops at the first one too long, before
    # composing: 100 000 records would take half a minute and half a gigabyte to compose.
    items: list[int] = []  # per open collection: items so far, or -1 for a mapping
    nodes = 0
    for event in YAML(typ="safe", pure=PURE_PYTHON).parse(text):
        if isinstance(event, CollectionEndEvent):
            items.pop()
            continue
        nodes += isinstance(event, NodeEvent)
        if nodes > MAX_NODES:
            raise _TooManyNodes
        if isinstance(event, NodeEvent) and items and items[-1] >= 0:
            items[-1] += 1
            if items[-1] > MAX_ITEMS:
                raise _TooManyItems(event.start_mark.line + 1)
        if isinstance(event, CollectionStartEvent):
            items.append(0 if isinstance(event, SequenceStartEvent) else -1)
            if len(items) > MAX_DEPTH:
                raise _TooDeep(event.start_mark.line + 1)
    return YAML(typ="safe", pure=PURE_PYTHON).compose(text)


#: The YAML parser's problems (English) → what they mean, in Norwegian; matched by start.
_PROBLEMS = (
    ("but found another document",
     "filen har mer enn ett YAML-dokument (skilt med ---), men skal ha ett"),
    ("found invalid unicode character escape", "en \\u-kode i en tekst i anførselstegn er ugyldig"),
    ("found unknown escape character", "en \\-kode i en tekst i anførselstegn er ukjent"),
    ("mapping values are not allowed",
     "et kolon står der det ikke kan stå (tekst med kolon må stå i anførselstegn)"),
    ("could not find expected ':'", "en nøkkel mangler kolon"),
    ("found unexpected end of stream", "filen slutter midt i en tekst i anførselstegn"),
    ("found unexpected end of file", "filen slutter midt i en tekst i anførselstegn"),
    ("did not find expected key", "innrykket stemmer ikke med nøklene over"),
    ("did not find expected '-' indicator", "innrykket stemmer ikke med listen over"),
    ("expected <block end>", "innrykket stemmer ikke med linjene over"),
    ("expected a single document", "filen har mer enn ett YAML-dokument (skilt med ---), "
     "men skal ha ett"),
    ("found character that cannot start any token",
     "et tegn som ikke kan begynne en verdi (skriv teksten i anførselstegn)"),
    ("found undefined alias", "et alias (*navn) uten tilhørende anker (&navn)"),
    ("found undefined tag handle", "en ukjent YAML-tagg (!…)"),
    ("did not find expected alphabetic or numeric character",
     "et anker eller alias (& eller *) uten navn"),
    ("found duplicate anchor", "det samme ankeret (&navn) står to ganger"),
    ("did not find expected node content", "en verdi mangler"),
    ("while scanning a quoted scalar", "en tekst i anførselstegn er ikke avsluttet"),
    ("while scanning a simple key", "en nøkkel mangler kolon"),
    ("expected ',' or ']'", "en liste i [ ] er ikke avsluttet"),
    ("expected ',' or '}'", "en nøkkelsamling i { } er ikke avsluttet"),
    ("while parsing a flow", "en liste eller nøkkelsamling i [ ] eller { } er ikke avsluttet"),
)


def _syntax_message(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    if "\t" in problem or "'\\t'" in problem or "tab character" in problem:
        return "tabulatortegn kan ikke brukes til innrykk i YAML; bruk mellomrom"
    texts = [" ".join(t.casefold().split()) for t in (exc.problem or "", exc.context or "")]
    meaning = next((nb for text in texts for en, nb in _PROBLEMS
                    if text.startswith(en.casefold())), "filen er ikke gyldig YAML her")
    return (f"YAML-feil: {meaning}; sjekk innrykk, kolon etter nøklene og at tekst med "
            "spesialtegn står i anførselstegn")


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _fold_key(text: str) -> str:
    return "_".join(text.strip().casefold().replace("-", " ").split())


class _Walker:
    """Walks the composed node graph into raw records, counting nodes as it goes."""

    def __init__(self, raw: RawInput, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS,
                 top: Sheet | None = None) -> None:
        self.raw = raw
        self.sheets = sheets
        self.top = top
        self.count = 0

    def ref(self, node: Node) -> SourceRef:
        return SourceRef(self.raw.file, line=_line(node))

    def visit(self, node: Node) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooManyNodes

    def tag_ok(self, node: Node) -> bool:
        """False (with a diagnostic) for an explicit tag like !!python/object."""
        if node.tag in _ALLOWED_TAGS:
            return True
        self.raw.diagnostics.error(
            f"YAML-taggen «{(node.tag or '').replace(_CORE, '!!')}» er ikke tillatt; fjern den",
            "yaml.tagg", self.ref(node))
        return False

    def pairs(self, node: MappingNode) -> list[tuple[str, ScalarNode, Node]]:
        """Key text, key node, value node; duplicate and non-text keys are reported."""
        out: list[tuple[str, ScalarNode, Node]] = []
        seen: dict[str, ScalarNode] = {}
        for key, value in node.value:
            self.visit(key)
            self.visit(value)
            if not isinstance(key, ScalarNode) or not self.tag_ok(key):
                self.raw.diagnostics.error("nøkkelen må være en enkel tekst", "yaml.struktur",
                                           self.ref(key))
                continue
            name = str(key.value)
            if name in seen:
                self.raw.diagnostics.error(
                    f"nøkkelen «{name}» står to ganger; slå sammen eller fjern den ene",
                    "yaml.duplikat", self.ref(key), related=[self.ref(seen[name])])
                continue
            seen[name] = key
            out.append((name, key, value))
        return out

    def document(self, root: Node) -> None:
        self.visit(root)
        if not isinstance(root, MappingNode) or not self.tag_ok(root):
            shown = ([s.key for s in self.sheets
                      if s.key in ("program", "innsatsområder", "tiltak")]
                     if self.sheets is PROGRAMME_SHEETS else
                     [c.key for c in (self.top.columns[:1] if self.top else ())]
                     + [s.key for s in self.sheets[:3]])
            examples = ", ".join(f"{key}:" for key in shown[:3])
            self.raw.diagnostics.error(
                f"filen må bestå av nøkler som {examples} …",
                "yaml.struktur", self.ref(root))
            return
        top_columns = {_fold_key(c.key) for c in self.top.columns} if self.top else set()
        keys = [c.key for c in self.top.columns] if self.top else []
        keys += [s.key for s in self.sheets]
        by_key = {_fold_key(s.key): s for s in self.sheets}
        by_key.update({_fold_key(s.name): s for s in self.sheets})
        top_pairs: list[tuple[str, ScalarNode, Node]] = []
        for name, key, value in self.pairs(root):
            sheet = by_key.get(_fold_key(name))
            if sheet is None and _fold_key(name) in top_columns:
                top_pairs.append((name, key, value))
                continue
            if sheet is None:
                hint = suggest(name, keys)
                tail = f"; mente du «{hint}»?" if hint else ""
                self.raw.diagnostics.warning(
                    f"nøkkelen «{name}» er ukjent og blir ikke lest{tail}", "ark.ukjent",
                    self.ref(key))
                continue
            if sheet.key in self.raw.sheets:
                self.raw.diagnostics.error(
                    f"«{sheet.key}» står to ganger; slå sammen de to delene", "yaml.duplikat",
                    self.ref(key), related=[self.raw.sheet_refs[sheet.key]])
                continue
            self.raw.sheet_refs[sheet.key] = self.ref(key)
            if sheet.kind == "form":
                self.form(sheet, key, value)
            else:
                self.table(sheet, key, value)
        if self.top is not None:
            self.raw.sheets[self.top.key] = [self.fields(self.top, top_pairs)]
            self.raw.row_refs[self.top.key] = [self.ref(root)]
            self.raw.sheet_refs[self.top.key] = self.ref(root)

    def form(self, sheet: Sheet, key: ScalarNode, node: Node) -> None:
        self.raw.sheets[sheet.key] = []
        self.raw.row_refs[sheet.key] = []
        if not isinstance(node, MappingNode) or not self.tag_ok(node):
            self.raw.diagnostics.error(
                f"«{sheet.key}» må inneholde nøkler som "
                + ", ".join(f"{c.key}:" for c in [c for c in sheet.columns if c.required][:2])
                + " …",
                "yaml.struktur", self.ref(key))
            return
        self.raw.sheets[sheet.key].append(self.record(sheet, node))
        self.raw.row_refs[sheet.key].append(self.ref(key))

    def table(self, sheet: Sheet, key: ScalarNode, node: Node) -> None:
        records: list[RawRecord] = []
        starts: list[SourceRef] = []
        self.raw.sheets[sheet.key] = records
        self.raw.row_refs[sheet.key] = starts
        if isinstance(node, ScalarNode) and node.tag == _CORE + "null":
            return  # "tiltak:" with nothing under it
        if not isinstance(node, SequenceNode) or not self.tag_ok(node):
            self.raw.diagnostics.error(
                f"«{sheet.key}» må være en liste der hvert element starter med «- »",
                "yaml.struktur", self.ref(key))
            return
        for item in node.value:
            self.visit(item)
            if sheet.shorthand and isinstance(item, ScalarNode) and item.tag != _CORE + "null":
                if self.tag_ok(item):
                    column = sheet.column(sheet.shorthand)
                    records.append({column.key: RawValue(_scalar(item, column), self.ref(item))})
                    starts.append(self.ref(item))
                continue
            if not isinstance(item, MappingNode) or not self.tag_ok(item):
                self.raw.diagnostics.error(
                    f"hvert element under «{sheet.key}» må ha nøkler som "
                    f"{sheet.columns[0].key}:", "yaml.struktur", self.ref(item))
                continue
            records.append(self.record(sheet, item))
            starts.append(self.ref(item))

    def rows(self, sheet: Sheet, column: Column, key: Node, node: SequenceNode) -> RawValue:
        """A table written as a list of rows (the first the header), each a list of values:
        the YAML twin of a range in the workbook."""
        rows: list[list[Any]] = []
        for row in node.value:
            if not isinstance(row, SequenceNode) or not all(
                    isinstance(v, ScalarNode) for v in row.value):
                self.raw.diagnostics.error(
                    f"{column.key} må være en liste med rader, og hver rad en liste med "
                    "verdier, f.eks. [[År, Beløp], [2025, 100000]]",
                    f"{sheet.key}.{column.key}", self.ref(row))
                return RawValue(REPORTED, self.ref(key))
            rows.append([_scalar(v, column) for v in row.value])
        return RawValue(TableRows(rows), self.ref(key))

    def record(self, sheet: Sheet, node: MappingNode) -> RawRecord:
        return self.fields(sheet, self.pairs(node))

    def fields(self, sheet: Sheet, pairs: list[tuple[str, ScalarNode, Node]]) -> RawRecord:
        """The record of `sheet` from key/value pairs: one value per column."""
        columns = {_fold_key(c.key): c for c in sheet.columns}
        keys = [c.key for c in sheet.columns]
        record: RawRecord = {}
        for name, key, value in pairs:
            column = columns.get(_fold_key(name))
            if column is None:
                hint = suggest(name, keys)
                tail = f"; mente du «{hint}»?" if hint else ""
                self.raw.diagnostics.warning(
                    f"nøkkelen «{name}» er ukjent under «{sheet.key}» og blir ikke lest{tail}",
                    "kolonne.ukjent", self.ref(key))
                continue
            if not self.tag_ok(value):
                record[column.key] = RawValue(REPORTED, self.ref(key))
                continue
            if column.type == "range" and isinstance(value, SequenceNode):
                record[column.key] = self.rows(sheet, column, key, value)
                continue
            if not isinstance(value, ScalarNode):
                self.raw.diagnostics.error(
                    f"{column.key} må være én verdi, ikke en liste eller nøkler",
                    f"{sheet.key}.{column.key}", self.ref(key))
                record[column.key] = RawValue(REPORTED, self.ref(key))
                continue
            record[column.key] = RawValue(_scalar(value, column), self.ref(key))
        return record


def _scalar(node: ScalarNode, column: Column) -> Any:
    """The value to type: the user's own text for text columns, numbers for numeric ones."""
    tag = (node.tag or "").removeprefix(_CORE)
    text = str(node.value)
    if tag == "null":
        return None
    if column.type in _TEXT_TYPES or tag in ("str", "timestamp", "bool"):
        return text
    try:
        if tag == "int" and text.lstrip("+-").isdigit():
            return int(text)
        if tag in ("int", "float"):
            return Decimal(text)
    except (ValueError, InvalidOperation):  # e.g. more digits than int() takes from text
        pass
    return text
