"""The one place diagnostics reach the terminal: one line each, errors red, warnings yellow."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import click

from plandoc.core.diagnostics import Diagnostic


def colour(diagnostic: Diagnostic) -> str:
    """The colour a diagnostic is printed in."""
    return "red" if diagnostic.is_error else "yellow"


def print_diagnostics(
    diags: Iterable[Diagnostic], err: bool = True,
    echo: Callable[[str, str], None] | None = None,
) -> None:
    """Print each diagnostic as `REF: feil: message [rule]`, to stderr unless `err` is false;
    `echo(text, colour)` replaces click's output (the build's progress bar prints above)."""
    for d in diags:
        if echo is not None:
            echo(str(d), colour(d))
        else:
            click.secho(str(d), fg=colour(d), err=err)
