"""The Writer protocol, the registry of writers by name, and atomic file output."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from plandoc.document import Document


class Writer(Protocol):
    """Turns a document tree into one file. Knows nothing of the domain."""

    name: str
    suffix: str

    def write(self, document: Document, path: Path) -> None: ...


_FACTORIES: dict[str, Callable[[], Writer]] = {}


def register(name: str) -> Callable[[Callable[[], Writer]], Callable[[], Writer]]:
    """Class decorator: make a writer available as `--format NAME`."""

    def deco(factory: Callable[[], Writer]) -> Callable[[], Writer]:
        _FACTORIES[name] = factory
        return factory

    return deco


#: The formats of the writers in this package (a test checks it against what they register).
BUILTIN_FORMATS = ("docx", "html", "pdf")


def available() -> list[str]:
    """Names of all registered writers (importing the built-in ones first)."""
    _load_builtin()
    return sorted(_FACTORIES)


def known_formats() -> list[str]:
    """The format names a user may ask for, without importing any writer (python-docx and
    Typst take longer to import than a whole no-op build needs)."""
    return sorted({*BUILTIN_FORMATS, *_FACTORIES})


def get_writer(name: str) -> Writer:
    """A new writer instance for `name`; KeyError when unknown."""
    _load_builtin()
    return _FACTORIES[name]()


def _load_builtin() -> None:
    # Imported lazily so that `plandoc validate` never pays for python-docx or Typst.
    from plandoc.writers import docx, html, pdf  # noqa: F401


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it into place only if the block succeeds.

    A failed or killed build therefore leaves the previous good file, or none.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write bytes to `path` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
