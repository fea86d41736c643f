"""Readers: turn .xlsx and .yaml input files into raw records with source references."""

from __future__ import annotations

from pathlib import Path

from plandoc.core.diagnostics import SourceRef
from plandoc.core.paths import INPUT_SUFFIXES, is_input_like
from plandoc.readers.base import RawInput
from plandoc.schema.programme import PROGRAMME_SHEETS, Sheet

__all__ = ["INPUT_SUFFIXES", "discover", "read_input"]

#: Folders under a programme folder that hold project material or adopted editions, not
#: programmes.
SKIPPED_FOLDERS = frozenset({"prosjekter", "vedtatt"})

#: A folder holding this file is a bauta project (`plandoc bauta build`), not programmes.
BAUTA_MARKER = "bauta.yaml"


def _is_bauta(folder: Path) -> bool:
    return (folder / BAUTA_MARKER).is_file()


def _wanted(path: Path) -> bool:
    # Spreadsheets plandoc cannot read are "wanted" too: read_input reports them.
    return path.is_file() and is_input_like(path)


def discover(paths: list[Path]) -> list[Path]:
    """Input files among `paths`: files as given, folders searched one level deep.

    A folder is searched directly and in its immediate subfolders (inputs/<kommune>/
    program.xlsx), never deeper and never in a subfolder named `prosjekter`. Excel's lock
    files (~$…) and hidden files are skipped, and so is a bauta project folder (one holding
    bauta.yaml). The result is sorted and free of duplicates.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            if _is_bauta(path):
                continue
            for child in path.iterdir():
                if _wanted(child):
                    found.add(child)
                elif (child.is_dir() and not child.name.startswith(".")
                      and child.name.casefold() not in SKIPPED_FOLDERS
                      and not _is_bauta(child)):
                    found.update(grandchild for grandchild in child.iterdir()
                                 if _wanted(grandchild))
        elif path.is_file():
            found.add(path)
    return sorted(found)


def read_input(path: Path, sheets: tuple[Sheet, ...] = PROGRAMME_SHEETS) -> RawInput:
    """Read one input file by its suffix; never raises for bad input (see diagnostics).

    `sheets` is the workbook kind's schema: the programme's by default, or a project's.
    """
    from plandoc.readers import memo

    if memo.active():  # plandoc watch: an unchanged file is not read again
        return memo.read(path, sheets, _read_input)
    return _read_input(path, sheets)


def _read_input(path: Path, sheets: tuple[Sheet, ...]) -> RawInput:
    if not path.is_file():
        raw = RawInput(file=str(path))
        raw.diagnostics.error("filen finnes ikke", "fil.mangler", SourceRef(str(path)))
        return raw
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from plandoc.readers.xlsx import read_xlsx

        return read_xlsx(path, sheets)
    if suffix in (".yaml", ".yml"):
        from plandoc.readers.yaml import read_yaml

        return read_yaml(path, sheets)
    raw = RawInput(file=str(path))
    hint = {
        ".xls": "lagre den som Excel-arbeidsbok (.xlsx)",
        ".xlsm": "lagre den som Excel-arbeidsbok uten makroer (.xlsx)",
        ".ods": "lagre den som Excel-arbeidsbok (.xlsx)",
        ".csv": "bruk malen (.xlsx) i stedet",
    }.get(suffix, "bruk en Excel-arbeidsbok (.xlsx) eller en YAML-fil (.yaml)")
    raw.diagnostics.error(f"filtypen «{suffix or path.name}» kan ikke leses; {hint}",
                          "fil.type", SourceRef(str(path)))
    return raw
