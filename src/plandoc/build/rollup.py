"""The samleoversikt step of a build over several programmes: incremental like the rest.

The figures come from each programme's summary in the manifest (made by the worker that
built the programme), so an unchanged build reads no workbook, and the samleoversikt is
written again only when a summary, the code or its templates changed, or a file was touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from plandoc.build.incremental import (
    FileHasher,
    Keys,
    Manifest,
    OutputRecord,
    digest,
    inputs_digest,
    programme_key,
    unchanged_since,
)
from plandoc.core.diagnostics import PlandocError

STEM = "samleoversikt"
KIND = "samleoversikt"
#: The workbook is its own kind: it depends on no document template.
XLSX_KIND = "samleoversikt-xlsx"
SUFFIXES = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "xlsx": ".xlsx"}


def summaries_of(files: Sequence[Path], manifest: Manifest) -> list[dict[str, Any]]:
    """The summary of every programme in `files`, from the manifest; a programme built
    before summaries existed (or never built) is loaded here to make one."""
    out: list[dict[str, Any]] = []
    for path in files:
        entry = manifest.programmes.get(programme_key(path))
        if entry is None or (entry.inputs_key == "" and entry.summary is None):
            continue  # never built without errors: nothing to show
        if entry.summary is None:
            from plandoc.load.inputs import load_file
            from plandoc.model.rollup import summarise

            programme, diags = load_file(path)
            if programme is None or diags.has_errors:
                continue
            entry.summary = summarise(programme).to_json()
        out.append(entry.summary)
    return out


def summaries_from_shards(
    files: Sequence[Path], manifest: Manifest, hasher: FileHasher
) -> tuple[list[dict[str, Any]], int]:
    """The summary of every programme in `files` for `plandoc build --only-rollup`, and how
    many programmes had to be read for it.

    A summary is taken from the output folder's own manifest or from the manifest of any
    share of a sharded build, matched by the content of the programme's inputs (not by
    path: the shares may have run on machines that checked the inputs out elsewhere). A
    programme no manifest knows with today's inputs is loaded and summarised here, so the
    samleoversikt is the one a full build would write."""
    from plandoc.build.shard import SHARD_MANIFESTS
    from plandoc.core.paths import input_files

    known: dict[str, dict[str, Any]] = {}
    others = [Manifest.load(manifest.out, p.name)
              for p in sorted(manifest.out.glob(SHARD_MANIFESTS))]
    for source in (manifest, *others):
        for entry in source.programmes.values():
            if entry.inputs_key and entry.summary is not None:
                known.setdefault(entry.inputs_key, entry.summary)
    out: list[dict[str, Any]] = []
    loaded = 0
    for path in files:
        summary = known.get(inputs_digest(path, input_files(path), hasher))
        if summary is None:
            from plandoc.load.inputs import load_file
            from plandoc.model.rollup import summarise

            loaded += 1
            programme, diags = load_file(path)
            if programme is None or diags.has_errors:
                continue  # as in a full build: a programme with errors is not shown
            summary = summarise(programme).to_json()
        out.append(summary)
    return out, loaded


def build_rollup(
    files: Sequence[Path], out: Path, formats: Sequence[str], manifest: Manifest, keys: Keys,
    force: bool = False, summaries: list[dict[str, Any]] | None = None,
) -> tuple[list[tuple[str, str, str, bool]], list[PlandocError]]:
    """Write <out>/samleoversikt.{formats,xlsx} when out of date, from `summaries` (by
    default those the manifest holds for `files`).

    Returns ((rel, kind, format, written) per output, errors)."""
    if summaries is None:
        summaries = summaries_of(files, manifest)
    if len(summaries) < 2:
        return [], []
    ordered = sorted(summaries, key=lambda s: (s["county"], s["municipality"], s["name"]))
    figures = digest(ordered)
    wanted = [(f, KIND) for f in formats if f in SUFFIXES and f != "xlsx"] + [("xlsx",
                                                                               XLSX_KIND)]
    done: list[tuple[str, str, str, bool]] = []
    errors: list[PlandocError] = []
    document = None
    models = None
    for fmt, kind in wanted:
        rel = STEM + SUFFIXES[fmt]
        path = out / rel
        key = digest([figures, keys.static_key(None, kind, fmt)])
        record = manifest.rollups.get(rel)
        if not force and record is not None and record.key == key and unchanged_since(
                path, record.size, record.mtime_ns):
            done.append((rel, kind, fmt, False))
            continue
        if models is None:
            from plandoc.model.rollup import ProgrammeSummary

            models = [ProgrammeSummary.from_json(s) for s in summaries]
        try:
            if fmt == "xlsx":
                from plandoc.workbook.rollup import write_rollup_xlsx

                write_rollup_xlsx(models, path)
            else:
                from plandoc.builders.samleoversikt import build_samleoversikt
                from plandoc.writers.base import get_writer

                if document is None:
                    document = build_samleoversikt(models)
                get_writer(fmt).write(document, path)
        except PlandocError as exc:
            errors.append(exc)
            manifest.rollups.pop(rel, None)
            continue
        except OSError as exc:
            from plandoc.core.diagnostics import RenderError

            errors.append(RenderError(f"kunne ikke skrive {path}: {exc.strerror or exc}"))
            manifest.rollups.pop(rel, None)
            continue
        st = path.stat()
        manifest.rollups[rel] = OutputRecord(STEM, kind, fmt, key, st.st_size, st.st_mtime_ns)
        done.append((rel, kind, fmt, True))
    return done, errors
