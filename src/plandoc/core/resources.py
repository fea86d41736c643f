"""Where the templates are: the shipped ones inside the package, or $PLANDOC_TEMPLATES."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

#: A folder laid out like the shipped templates/ (word/, typst/, html/, *.md.j2) replaces it.
TEMPLATES_ENV = "PLANDOC_TEMPLATES"


def shipped_templates_dir() -> Path:
    """The templates/ folder installed with the package (a real folder: plandoc is never
    installed zipped, and Typst, Jinja and python-docx all need file paths)."""
    return Path(str(files("plandoc") / "templates"))


def templates_dir() -> Path:
    """The templates folder in use: $PLANDOC_TEMPLATES when set, else the shipped one."""
    override = os.environ.get(TEMPLATES_ENV)
    if override:
        return Path(override).resolve()
    return shipped_templates_dir()


def template_subdir(name: str) -> Path:
    """One format's folder (word/, typst/, html/) of the templates in use."""
    return templates_dir() / name
