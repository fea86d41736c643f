"""Build progress on the terminal (a bar with count and time left) and the closing summary."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any, TextIO

from plandoc.i18n.fmt import format_number


def format_count(n: int) -> str:
    """1234 → "1 234" (with the no-break space of every number plandoc prints)."""
    return format_number(n)


def format_duration(seconds: float) -> str:
    """"0,4 s", "12 s", "1 min 12 s", "1 t 2 min"."""
    if seconds < 10:
        return f"{format_number(round(seconds, 1), 1)} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} t {minutes} min"


def summary_line(built: int, unchanged: int, failed: int, seconds: float) -> str:
    """"bygget 1 234, uendret 56, feilet 1 — 1 min 12 s" (files built and unchanged,
    programmes failed)."""
    return (
        f"bygget {format_count(built)}, uendret {format_count(unchanged)}, "
        f"feilet {format_count(failed)} — {format_duration(seconds)}"
    )


def wants_bar(stream: TextIO | None = None, quiet: bool = False) -> bool:
    """A bar only on an interactive terminal and when not told to be quiet."""
    stream = stream if stream is not None else sys.stderr
    if quiet:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # a closed or odd stream
        return False


class BuildProgress:
    """A progress bar on stderr, or nothing; `echo` prints above the bar while it runs."""

    def __init__(self, enabled: bool, label: str = "Bygger") -> None:
        self.enabled = enabled
        self.label = label
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> BuildProgress:
        return self

    def start(self, total: int) -> None:
        """Show the bar for `total` programmes (no bar for none)."""
        if not self.enabled or total == 0 or self._progress is not None:
            return
        # rich over tqdm: it is a dependency already (error tables), and prints other
        # lines above a live bar without tearing it.
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("program"),
            TimeElapsedColumn(),
            TextColumn("igjen"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=total)

    def advance(self, _result: object = None) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def echo(self, text: str, style: str | None = None, err: bool = True) -> None:
        """Print a line: through the bar's console while it is live, else with click."""
        if self._progress is not None:
            from rich.text import Text

            # Text, not markup: a diagnostic's "[rule]" must not be read as a style tag.
            self._progress.console.print(Text(text, style=style or ""), soft_wrap=True)
            return
        import click

        click.secho(text, fg=style, err=err)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


