"""The builders by document kind; adding a kind means one module in builders/ and one template."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from plandoc.builders.common import Builder, template_paths

_BUILDERS: dict[str, Builder] = {}
#: Documents the build makes from several programmes at once (kind → template); they have
#: no per-programme builder, but their templates decide when they are out of date too.
STANDALONE: dict[str, str] = {"samleoversikt": "samleoversikt.md.j2"}
_loaded = False


def register(builder: Builder) -> Builder:
    """Make `builder` produce its kind in `build_documents` (ordered by its `order`)."""
    _BUILDERS[builder.kind] = builder
    return builder


def _load_builtin() -> None:
    # Every module in this package is imported once; a builder module registers itself on
    # import, so a new document kind needs no edit here.
    global _loaded
    if _loaded:
        return
    # The folder, not the package: importing plandoc.builders here would be an import circle.
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        importlib.import_module(f"{__package__}.{module.name}")
    _loaded = True


def kinds() -> list[str]:
    """Every registered document kind, in build order (a builder's `order`, default 100)."""
    _load_builtin()
    return sorted(_BUILDERS, key=lambda kind: getattr(_BUILDERS[kind], "order", 100))


def get_builder(kind: str) -> Builder:
    """The builder of `kind`; KeyError when there is none."""
    _load_builtin()
    return _BUILDERS[kind]


def templates_used(kind: str) -> list[Path]:
    """The template files the documents of `kind` are rendered from (for incremental builds)."""
    if kind in STANDALONE:
        return template_paths(STANDALONE[kind])
    return template_paths(get_builder(kind).template)
