"""Read the editorial workbook (Innsendinger) into typed, checked submission rows."""

from __future__ import annotations

from pathlib import Path

from plandoc.bauta.model import SELECTED, Settings, Submission
from plandoc.bauta.schema import EDITORIAL, SUBMISSIONS_DIR, default_file
from plandoc.bauta.values import relabel, typed
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import slugify
from plandoc.core.text import suggest
from plandoc.readers.base import RawRecord
from plandoc.readers.xlsx import read_xlsx

#: Statuses that mean a file has come in.
RECEIVED = frozenset({"mottatt", "vurdert", "valgt", "avvist"})


def read_editorial(path: Path, settings: Settings, diags: Diagnostics,
                   display: str | None = None) -> list[Submission]:
    """The rows of the editorial sheet, typed and checked against bauta.yaml.

    Missing deadlines take the kind's deadline from bauta.yaml; an empty status is
    "mottatt" when a received date is given, else "mangler".
    """
    raw = read_xlsx(path, (EDITORIAL,))
    name = display or str(path)
    raw = relabel(raw, str(path), name)
    diags.extend(raw.diagnostics)
    if EDITORIAL.key not in raw.sheets:
        if not raw.diagnostics.has_errors:
            diags.error(f"arket «{EDITORIAL.name}» mangler; lag arket med «plandoc bauta maler»",
                        "bauta.ark.mangler", SourceRef(name))
        return []
    known = [m.name for m in settings.municipalities]
    rows: list[Submission] = []
    for record, start in zip(raw.sheets[EDITORIAL.key], raw.row_refs[EDITORIAL.key],
                             strict=True):
        values, ok = typed(EDITORIAL, record, diags, "bauta.celle")
        for key in ("kommune", "type"):
            if values.get(key) in (None, ""):
                column = EDITORIAL.column(key)
                ref = record[key].ref if key in record else start
                diags.error(f"{column.header.lower()} må fylles ut", "bauta.celle.tom", ref)
                ok = False
        if not ok:
            continue
        municipality = settings.municipality(str(values["kommune"]))
        if municipality is None:
            given = str(values["kommune"])
            hint = suggest(given, known)
            tail = f"; mente du «{hint}»?" if hint else "; legg den til under kommuner i bauta.yaml"
            diags.error(f"kommunen «{given}» er ikke en av pilotkommunene{tail}",
                        "bauta.kommune.ukjent", record["kommune"].ref)
            continue
        kind = str(values["type"])
        received = values.get("mottatt")
        status = values.get("status") or ("mottatt" if received else "mangler")
        title = str(values.get("tittel") or "")
        slug_text = str(values.get("lenkenavn") or "")
        slug = slugify(slug_text) if slug_text else (slugify(title) if title else "")
        submission = Submission(
            municipality=municipality.name,
            kind=kind,  # type: ignore[arg-type]
            title=title,
            deadline=values.get("frist") or settings.deadlines.get(kind),  # type: ignore[arg-type]
            received=received,  # type: ignore[arg-type]
            status=str(status),
            priority=str(values.get("prioritet") or ""),
            order=values.get("rekkefølge"),  # type: ignore[arg-type]
            file=str(values.get("fil") or ""),
            slug=slug,
            note=str(values.get("merknad") or ""),
            ref=start,
        )
        _check_row(submission, record, municipality.slug, diags)
        rows.append(submission)
    _check_all(rows, settings, diags, name)
    return rows


def _ref(record: RawRecord, key: str, fallback: SourceRef | None) -> SourceRef | None:
    return record[key].ref if key in record else fallback


def _check_row(s: Submission, record: RawRecord, slug: str, diags: Diagnostics) -> None:
    if s.received is None and s.status in RECEIVED:
        diags.warning(f"status er «{s.status}», men datoen i Mottatt er tom",
                      "bauta.mottatt.tom", _ref(record, "mottatt", s.ref))
    if s.received is not None and s.status == "mangler":
        diags.warning("bidraget har en dato i Mottatt, men status «mangler»; oppdater status",
                      "bauta.status.motstrid", _ref(record, "status", s.ref))
    if s.kind == "eksempel" and not s.title and s.status in RECEIVED:
        diags.warning("eksempelet har ingen tittel i arket; tittelen fra skjemaet brukes",
                      "bauta.tittel.tom", _ref(record, "tittel", s.ref))
    if s.status == SELECTED and s.order is None:
        diags.warning("bidraget er valgt, men har ingen plass i Rekkefølge; det kommer sist",
                      "bauta.rekkefølge.tom", _ref(record, "rekkefølge", s.ref))
    if not s.file and s.status in RECEIVED:
        s.file = default_file(s.kind, slug)
    if s.file:
        rel = Path(s.file)
        if rel.is_absolute() or ".." in rel.parts:
            diags.error(f"filen må ligge i mappen {SUBMISSIONS_DIR}/ og skrives som f.eks. "
                        f"{default_file(s.kind, slug)}", "bauta.fil.utenfor",
                        _ref(record, "fil", s.ref))
            s.file = ""


def _check_all(rows: list[Submission], settings: Settings, diags: Diagnostics,
               name: str) -> None:
    for kind in ("profil", "eksempel"):
        orders: dict[int, Submission] = {}
        for s in rows:
            if s.kind != kind or not s.selected or s.order is None:
                continue
            if s.order in orders:
                other = orders[s.order]
                diags.warning(f"to valgte bidrag har plass {s.order} i Rekkefølge "
                              f"({other.municipality} og {s.municipality})",
                              "bauta.rekkefølge.dobbel", s.ref,
                              related=[other.ref] if other.ref else [])
            orders[s.order] = s
    chosen: dict[str, Submission] = {}
    for s in rows:
        if s.kind == "profil" and s.selected:
            if s.municipality in chosen:
                diags.error(f"{s.municipality} har to valgte profiler; velg én",
                            "bauta.profil.dobbel", s.ref,
                            related=[first] if (first := chosen[s.municipality].ref) else [])
            chosen[s.municipality] = s
    with_profile = {s.municipality for s in rows if s.kind == "profil"}
    for m in settings.municipalities:
        if m.name not in with_profile:
            diags.warning(f"arket har ingen rad for profilen til {m.name}",
                          "bauta.profil.rad-mangler", SourceRef(name, EDITORIAL.name))
