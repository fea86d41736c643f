"""Paths: the files a programme is made from, and output names under build/ (sanitised slugs)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slugify(text: str, fallback: str = "uten-navn") -> str:
    """"Dyrøy kommune" → "dyroy-kommune"; only [a-z0-9-], never empty, never "." or "..".

    python-slugify would transliterate æ/ø as "ae"/"o" too, but Norwegian readers expect
    "å" → "a" and the rule is three lines, so no dependency for it.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    ascii_only = folded.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug[:80].strip("-") or fallback


def project_folder(project_id: str) -> str:
    """The folder name of a project's documents: "01/25" → "01-25" (one rule for the
    builders that name the folder and the check that two projects do not share one)."""
    return slugify(project_id, fallback="prosjekt")


def programme_dir(out: Path, municipality: str) -> Path:
    """build/<kommune-slug>/."""
    return out / slugify(municipality)


def inside(path: Path, root: Path) -> bool:
    """True when `path` resolves to a place inside `root` (symlinks and .. resolved)."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def is_yaml(file: str) -> bool:
    """True when the input is a YAML file (messages then speak of keys, not sheets)."""
    return file.lower().endswith((".yaml", ".yml"))


#: The folder beside a programme file that holds its projects' files.
PROJECTS_DIR = "prosjekter"

#: Suffixes of the files plandoc reads.
INPUT_SUFFIXES = (".xlsx", ".yaml", ".yml")
#: Spreadsheets plandoc cannot read: found among the inputs they are an error (the reader
#: says how to save them), never skipped without a word.
UNREADABLE_SUFFIXES = (".xls", ".xlsm", ".xlsb", ".ods", ".csv", ".numbers")


def is_input_like(path: Path) -> bool:
    """A file that is, or looks like, a workbook meant as input (not a lock or hidden file)."""
    return (path.suffix.lower() in INPUT_SUFFIXES + UNREADABLE_SUFFIXES
            and not path.name.startswith(("~$", ".")))


#: The folder beside a programme file that holds its adopted editions.
ADOPTED_DIR = "vedtatt"


def project_files(path: Path) -> list[Path]:
    """The project files in the `prosjekter/` folder beside a programme file (sorted)."""
    projects = path.parent / PROJECTS_DIR
    if not projects.is_dir():
        return []
    return sorted(p for p in projects.iterdir() if p.is_file() and is_input_like(p))


def input_files(path: Path) -> list[Path]:
    """Every file a programme's documents are made from: the programme file itself, the
    project files in the `prosjekter/` folder beside it, and the adopted editions kept in the
    `vedtatt/` folder beside it (a document built from one changes when it does), sorted.

    Here rather than in plandoc.model, so that deciding what to build imports no model."""
    files = [path, *project_files(path)]
    adopted = path.parent / ADOPTED_DIR
    if adopted.is_dir():
        files.extend(sorted(p for p in adopted.rglob("*") if p.is_file() and is_input_like(p)))
    return files
