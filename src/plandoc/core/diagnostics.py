"""Source references, diagnostics and the one exception family with its exit codes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a value came from: a workbook cell, a YAML line, or just a file."""

    file: str
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.sheet is not None and self.cell is not None:
            return f"{self.file}:{self.sheet}!{self.cell}"
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}"
        if self.line is not None:
            return f"{self.file}:{self.line}"
        return self.file


class Severity(StrEnum):
    """Diagnostic level; the value is the Norwegian word printed to users."""

    ERROR = "feil"
    WARNING = "advarsel"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the input, printed as `REF: feil: message [rule]`."""

    severity: Severity
    message: str
    rule: str
    ref: SourceRef | None = None
    related: tuple[SourceRef, ...] = ()

    def __str__(self) -> str:
        where = f"{self.ref}: " if self.ref is not None else ""
        also = ""
        if self.related:
            also = " (se også " + ", ".join(str(r) for r in self.related) + ")"
        return f"{where}{self.severity.value}: {self.message}{also} [{self.rule}]"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass
class Diagnostics:
    """An ordered collection: every layer adds to it, nobody stops at the first problem."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(
        self, message: str, rule: str, ref: SourceRef | None = None,
        related: Iterable[SourceRef] = (),
    ) -> None:
        self.items.append(Diagnostic(Severity.ERROR, message, rule, ref, tuple(related)))

    def warning(
        self, message: str, rule: str, ref: SourceRef | None = None,
        related: Iterable[SourceRef] = (),
    ) -> None:
        self.items.append(Diagnostic(Severity.WARNING, message, rule, ref, tuple(related)))

    def extend(self, other: Diagnostics | Iterable[Diagnostic]) -> None:
        self.items.extend(other.items if isinstance(other, Diagnostics) else other)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if not d.is_error]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)


#: Exit codes besides those of the exception family below: a bug in plandoc (EX_SOFTWARE of
#: sysexits.h), and a build stopped by Ctrl-C or SIGTERM (128 + the signal, as shells
#: report them).
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class PlandocError(Exception):
    """Base of the one exception family; each kind has its own exit code."""

    exit_code = 1

    def __init__(self, message: str, diagnostics: Diagnostics | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics or Diagnostics()


class InputError(PlandocError):
    """The user's input is wrong (exit 1)."""

    exit_code = 1


class UsageError(PlandocError):
    """The command line is wrong (exit 2, as click does)."""

    exit_code = 2


class TemplateError(PlandocError):
    """A template in templates/ is broken (exit 3)."""

    exit_code = 3


class RenderError(PlandocError):
    """A writer could not produce its file (exit 4)."""

    exit_code = 4
