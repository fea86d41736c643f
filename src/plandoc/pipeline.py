"""The build flow: load and validate every input first, then build and write documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.diagnostics import Diagnostics, RenderError
from plandoc.model.programme import Programme
from plandoc.paths import programme_dir

#: Which input wins when a programme folder holds the same stem as .xlsx and .yaml.
SUFFIX_PREFERENCE = {".xlsx": 0, ".yaml": 1, ".yml": 2}


@dataclass
class Loaded:
    """The outcome of phase one: programmes that loaded, and every diagnostic."""

    programmes: list[Programme] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    files: list[Path] = field(default_factory=list)


def primary_inputs(files: Iterable[Path]) -> list[Path]:
    """One file per programme: where `x.xlsx` and its YAML twin `x.yaml` sit side by side,
    the workbook is the one to build from (the twin is still validated)."""
    chosen: dict[tuple[Path, str], Path] = {}
    for f in files:
        key = (f.parent, f.stem)
        best = chosen.get(key)
        if best is None or SUFFIX_PREFERENCE.get(f.suffix, 9) < SUFFIX_PREFERENCE.get(
            best.suffix, 9
        ):
            chosen[key] = f
    return sorted(chosen.values())


def load_all(files: Iterable[Path]) -> Loaded:
    """Phase one: read and validate every file, collecting all diagnostics."""
    from plandoc.model.load import load_file

    loaded = Loaded()
    for path in files:
        programme, diags = load_file(path)
        loaded.files.append(path)
        loaded.diagnostics.extend(diags)
        if programme is not None and not diags.has_errors:
            loaded.programmes.append(programme)
    return loaded


@dataclass
class Output:
    """One written file."""

    path: Path
    kind: str


def build_programme(
    programme: Programme,
    out: Path,
    formats: list[str],
    years: list[int] | None = None,
    on_written: Callable[[Output], None] | None = None,
) -> list[Output]:
    """Phase two for one programme: every document in every format, written atomically."""
    from plandoc.builders import build_documents
    from plandoc.writers.base import get_writer

    target = programme_dir(out, programme.info.municipality)
    written: list[Output] = []
    for stem, document in build_documents(programme, years=years):
        for fmt in formats:
            writer = get_writer(fmt)
            path = target / f"{stem}{writer.suffix}"
            try:
                writer.write(document, path)
            except (RenderError, OSError) as exc:
                if isinstance(exc, RenderError):
                    raise
                raise RenderError(f"kunne ikke skrive {path}: {exc.strerror or exc}") from exc
            result = Output(path, stem)
            written.append(result)
            if on_written is not None:
                on_written(result)
    return written
