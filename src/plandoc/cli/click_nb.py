"""click's own texts (usage, help, errors) in Norwegian bokmål.

click marks its texts for gettext (`_()` and `ngettext()` imported into each module) but
ships no translations and installs none: replacing those two names in click's modules with
a lookup in the table below is the same hook a gettext catalogue would use, without a
compiled .mo file to keep in step. A text missing from the table stays as click wrote it,
so a click upgrade that adds a text shows up in `tests/badinput` (no English in any output).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence

import click

#: click's message ids → bokmål. Placeholders are kept exactly as click formats them.
TEXTS: dict[str, str] = {
    "Usage:": "Bruk:",
    "Options": "Valg",
    "Commands": "Kommandoer",
    "Positional arguments": "Argumenter",
    "Show this message and exit.": "Vis denne hjelpeteksten og avslutt.",
    "Show the version and exit.": "Vis versjonen og avslutt.",
    "%(prog)s, version %(version)s": "%(prog)s, versjon %(version)s",
    "Try '{command} {option}' for help.": "Prøv «{command} {option}» for hjelp.",
    "Error: {message}": "Feil: {message}",
    "Invalid value for {param_hint}: {message}": "Ugyldig verdi for {param_hint}: {message}",
    "Invalid value: {message}": "Ugyldig verdi: {message}",
    "Missing argument": "Mangler argument",
    "Missing option": "Mangler valg",
    "Missing parameter": "Mangler parameter",
    "Missing parameter: {param_name}": "Mangler parameter: {param_name}",
    "Missing {param_type}": "Mangler {param_type}",
    "Missing command.": "Mangler kommando.",
    "No such command {name!r}.": "Ukjent kommando «{name}».",
    "No such option {name!r}.": "Ukjent valg «{name}».",
    "Option {name!r} does not take a value.": "Valget «{name}» tar ingen verdi.",
    "Option {name!r} requires an argument.": "Valget «{name}» trenger en verdi.",
    "Option {name!r} requires {nargs} arguments.": "Valget «{name}» trenger {nargs} verdier.",
    "Argument {name!r} takes {nargs} values.": "Argumentet «{name}» tar {nargs} verdier.",
    "Got unexpected extra argument ({args})": "Fikk et argument for mye ({args})",
    "Got unexpected extra arguments ({args})": "Fikk argumenter for mye ({args})",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en av: {possibilities}?)",
    "{value!r} is not a valid {number_type}.": "«{value}» er ikke et gyldig {number_type}.",
    "{value} is not in the range {range}.": "{value} er utenfor området {range}.",
    "{value!r} is not {choice}.": "«{value}» er ikke {choice}.",
    "{value!r} is not one of {choices}.": "«{value}» er ikke en av {choices}.",
    "{value!r} does not match the format {format}.": "«{value}» følger ikke formatet {format}.",
    "{value!r} does not match the formats {formats}.":
        "«{value}» følger ikke noen av formatene {formats}.",
    "{name} {filename!r} does not exist.": "{name} «{filename}» finnes ikke.",
    "{name} {filename!r} is a file.": "{name} «{filename}» er en fil.",
    "{name} {filename!r} is a directory.": "{name} «{filename}» er en mappe.",
    "{name} {filename!r} is not readable.": "{name} «{filename}» kan ikke leses.",
    "{name} {filename!r} is not writable.": "{name} «{filename}» kan ikke skrives til.",
    "{name} {filename!r} is not executable.": "{name} «{filename}» kan ikke kjøres.",
    "Could not open file {filename!r}: {message}": "Kunne ikke åpne «{filename}»: {message}",
    "file": "Filen",
    "directory": "Mappen",
    "path": "Stien",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "required": "påkrevd",
    "deprecated": "utgått",
    "Aborted!": "Avbrutt.",
    "Choose from:\n\t{choices}": "Velg blant:\n\t{choices}",
    "Takes {nargs} values but 1 was given.": "Tar {nargs} verdier, men fikk 1.",
    "Takes {nargs} values but {len} were given.": "Tar {nargs} verdier, men fikk {len}.",
    "{len_type} values are required, but {len_value} was given.":
        "{len_type} verdier trengs, men fikk {len_value}.",
    "{len_type} values are required, but {len_value} were given.":
        "{len_type} verdier trengs, men fikk {len_value}.",
    "Value must be an iterable.": "Verdien må være en liste.",
    "{value!r} is not a valid UUID.": "«{value}» er ikke en gyldig UUID.",
    "unknown error": "ukjent feil",
}

#: The type names click puts into "is not a valid {number_type}".
TYPE_NAMES = {
    "integer": "heltall", "integer range": "heltall", "float": "desimaltall",
    "float range": "desimaltall", "boolean": "ja/nei-verdi", "text": "tekst",
    "choice": "valg", "datetime": "tidspunkt", "filename": "filnavn", "path": "sti",
}

#: The placeholders click prints in usage lines.
OPTIONS_METAVAR = "[VALG]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENTER]..."

_MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui",
            "utils", "_termui_impl", "shell_completion")


def gettext(message: str) -> str:
    return TEXTS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


_QUOTED = re.compile(r"'([^']*)'")


def _guillemets(text: str) -> str:
    """'--jobs' / '-j' → «--jobs» / «-j», as Norwegian quotes."""
    return _QUOTED.sub(r"«\1»", text)


def _hint_in_guillemets(original: Callable[..., str]) -> Callable[..., str]:
    if getattr(original, "_plandoc", False):
        return original

    def hint(self: object, ctx: object) -> str:
        return _guillemets(original(self, ctx))
    hint._plandoc = True  # type: ignore[attr-defined]
    return hint


def _join_param_hints(param_hint: Sequence[str] | str | None) -> str | None:
    if param_hint is not None and not isinstance(param_hint, str):
        return " / ".join(f"«{x}»" for x in param_hint)
    return param_hint


def install() -> None:
    """Put the Norwegian texts into click (idempotent)."""
    for cls in (click.Parameter, click.Option, click.Argument):
        if "get_error_hint" in cls.__dict__:
            cls.get_error_hint = _hint_in_guillemets(  # type: ignore[method-assign]
                cls.__dict__["get_error_hint"])
    click.exceptions._join_param_hints = _join_param_hints
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without that module
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    for cls in vars(click.types).values():
        if isinstance(cls, type) and issubclass(cls, click.ParamType):
            type_name = cls.__dict__.get("name")
            if isinstance(type_name, str) and type_name in TYPE_NAMES:
                cls.name = TYPE_NAMES[type_name]


class NorwegianCommand(click.Command):
    """A command whose usage line says [VALG] for the options."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class NorwegianGroup(click.Group):
    """A group whose usage says [VALG] KOMMANDO [ARGUMENTER]... and whose commands and
    subgroups are Norwegian too."""

    command_class = NorwegianCommand

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


NorwegianGroup.group_class = NorwegianGroup
