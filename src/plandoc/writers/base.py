"""The Writer protocol and the registry of writers by format name.

Adding an output format is a module in writers/ with a class that follows `Writer`, plus its
line in `BUILTIN` (or a call to `register` from elsewhere); nothing outside writers/ names a
format.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from plandoc.document import Document


class Writer(Protocol):
    """Turns a document tree into one file. Knows nothing of the domain."""

    #: The format name (`--format NAME`) and the suffix of the files written.
    name: str
    suffix: str
    #: True when writing runs mostly outside the GIL (Typst), so that a build of one
    #: programme gains from writing this format in threads beside the others.
    background: bool

    def write(self, document: Document, path: Path) -> None:
        """Write `document` to `path`, atomically (`plandoc.core.files.atomic_path`)."""
        ...

    def templates(self, kind: str) -> tuple[Path | None, list[Path]]:
        """The template files a document of `kind` is written with, and the folder they are
        named relative to: an output is rebuilt when one of them changes."""
        ...


#: The built-in formats and the module of each writer, imported on first use so that
#: `plandoc validate` never pays for python-docx or Typst (a test checks each registers).
BUILTIN: dict[str, str] = {
    "docx": "plandoc.writers.docx",
    "html": "plandoc.writers.html",
    "pdf": "plandoc.writers.pdf",
}

_FACTORIES: dict[str, Callable[[], Writer]] = {}


def register(name: str) -> Callable[[Callable[[], Writer]], Callable[[], Writer]]:
    """Class decorator: make a writer available as `--format NAME`."""

    def deco(factory: Callable[[], Writer]) -> Callable[[], Writer]:
        _FACTORIES[name] = factory
        return factory

    return deco


def available() -> list[str]:
    """Names of all registered writers (importing the built-in ones first)."""
    for name in BUILTIN:
        _load(name)
    return sorted(_FACTORIES)


def known_formats() -> list[str]:
    """The format names a user may ask for, without importing any writer (python-docx and
    Typst take longer to import than a whole no-op build needs)."""
    return sorted({*BUILTIN, *_FACTORIES})


def get_writer(name: str) -> Writer:
    """A new writer instance for `name`; KeyError when unknown."""
    _load(name)
    return _FACTORIES[name]()


def _load(name: str) -> None:
    module = BUILTIN.get(name)
    if module is not None and name not in _FACTORIES:
        importlib.import_module(module)


def files_under(folder: Path) -> list[Path]:
    """Every file in `folder` and below (hidden ones left out), sorted; none if it is absent."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
