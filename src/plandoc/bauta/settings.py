"""Read bauta.yaml into Settings, with the plans' schema-driven YAML reader (file:line)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plandoc.bauta.model import KINDS, Editor, Municipality, PageBudget, Reference, Settings
from plandoc.bauta.schema import (
    BUDGET,
    BUDGET_KEYS,
    DEADLINES,
    EDITORS,
    MAX_BUDGET_PAGES,
    MUNICIPALITIES,
    REFERENCES,
    SETTINGS,
    SETTINGS_SHEETS,
)
from plandoc.bauta.values import relabel, typed
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import slugify
from plandoc.readers.base import RawInput, RawRecord
from plandoc.readers.yaml import read_yaml

RULE = "bauta.yaml.type"


def _one_line(value: object) -> str:
    # Titles and names print on one line, whatever the YAML folding left in them.
    return " ".join(str(value).split()) if value is not None else ""


def _records(raw: RawInput, key: str) -> list[tuple[RawRecord, SourceRef]]:
    where = SourceRef(raw.file)
    refs = raw.row_refs.get(key, [])
    return [(record, refs[i] if i < len(refs) else where)
            for i, record in enumerate(raw.sheets.get(key, []))]


def read_settings(path: Path, diags: Diagnostics, display: str | None = None
                  ) -> Settings | None:
    """bauta.yaml as Settings; None (with diagnostics) when it cannot be used."""
    name = display or str(path)
    raw = relabel(read_yaml(path, SETTINGS_SHEETS, top=SETTINGS), str(path), name)
    diags.extend(raw.diagnostics)
    if SETTINGS.key not in raw.sheets:
        return None  # not YAML, or not a mapping: the reader has said why
    [(top, top_ref)] = _records(raw, SETTINGS.key)
    values, _ = typed(SETTINGS, top, diags, RULE)
    settings = Settings(
        title=_one_line(values.get("tittel")),
        subtitle=_one_line(values.get("undertittel")),
        publisher=_one_line(values.get("utgiver")),
        published=_one_line(values.get("utgitt")),
        year=_int(values.get("år")),
        contact=_one_line(values.get("kontakt")),
        base_url=_one_line(values.get("nettadresse")).rstrip("/"),
        isbn=_one_line(values.get("isbn")),
        back_text=_one_line(values.get("bakside")),
        language=str(values.get("målform") or "bokmål"),
        source=SourceRef(name),
    )
    if not settings.title:
        diags.error("«tittel:» mangler eller er tom", "bauta.yaml.mangler",
                    top["tittel"].ref if "tittel" in top else top_ref)
    for record, ref in _records(raw, EDITORS.key):
        row, ok = typed(EDITORS, record, diags, RULE)
        if _required(row, ok, record, "navn", ref, diags):
            settings.editors.append(Editor(_one_line(row["navn"]),
                                           _one_line(row.get("organisasjon"))))
    for record, _ in _records(raw, DEADLINES.key):
        row, _ = typed(DEADLINES, record, diags, "bauta.yaml.dato")
        settings.deadlines = {kind: date for kind in KINDS
                              if isinstance(date := row.get(kind), dt.date)}
    settings.budget = _budget(raw, diags)
    _municipalities(raw, settings, diags)
    for record, ref in _records(raw, REFERENCES.key):
        row, ok = typed(REFERENCES, record, diags, RULE)
        if _required(row, ok, record, "tekst", ref, diags):
            settings.references.append(Reference(str(row["tekst"]).strip(),
                                                 _safe_url(_one_line(row.get("lenke")))))
    return settings if settings.title else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _required(row: dict[str, object], ok: bool, record: RawRecord, key: str, ref: SourceRef,
              diags: Diagnostics) -> bool:
    """The row has a value for `key`; else an error (unless the value is there but wrong,
    which `typed` has reported already)."""
    if row.get(key):
        return True
    if ok:
        diags.error(f"«{key}:» mangler eller er tom", "bauta.yaml.mangler",
                    record[key].ref if key in record else ref)
    return False


def _safe_url(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else ""


def _budget(raw: RawInput, diags: Diagnostics) -> PageBudget:
    pages: dict[str, int] = {}
    for record, _ in _records(raw, BUDGET.key):
        row, _ = typed(BUDGET, record, diags, RULE)
        for key, attr in BUDGET_KEYS.items():
            value = row.get(key)
            if value is None:
                continue
            if isinstance(value, int) and 0 <= value <= MAX_BUDGET_PAGES:
                pages[attr] = value
            else:
                diags.error(f"«{key}:» må være et helt antall sider, fikk «{value}»", RULE,
                            record[key].ref)
    return PageBudget(**pages)


def _municipalities(raw: RawInput, settings: Settings, diags: Diagnostics) -> None:
    seen: set[str] = set()
    for record, ref in _records(raw, MUNICIPALITIES.key):
        row, ok = typed(MUNICIPALITIES, record, diags, RULE)
        if not _required(row, ok, record, "navn", ref, diags):
            continue
        name = _one_line(row["navn"])
        slug = slugify(name)
        if slug in seen:
            diags.error(f"kommunen «{name}» står to ganger", "bauta.kommune.dobbel", ref)
            continue
        seen.add(slug)
        settings.municipalities.append(Municipality(
            name=name, slug=slug, number=_one_line(row.get("nummer")),
            county=_one_line(row.get("fylke"))))
    if not settings.municipalities:
        diags.error("«kommuner:» må liste pilotkommunene", "bauta.yaml.mangler",
                    raw.sheet_refs.get(MUNICIPALITIES.key, SourceRef(raw.file)))
