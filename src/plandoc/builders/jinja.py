"""The sandboxed Jinja2 environment: every printed value is escaped for Markdown unless a filter
says otherwise."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import jinja2.meta
from jinja2.sandbox import SandboxedEnvironment

from plandoc.builders.markdown import MdSafe, escape
from plandoc.core import resources
from plandoc.core.diagnostics import TemplateError
from plandoc.i18n import fmt

#: Environment variable naming another templates folder (tests, a county's own look).
TEMPLATES_ENV = resources.TEMPLATES_ENV

#: Rich texts collected while one template renders; the `rich` filter appends to it.
_RICH: ContextVar[list[str] | None] = ContextVar("plandoc_rich_texts", default=None)

DASH = "–"


def templates_dir() -> Path:
    """The templates folder: $PLANDOC_TEMPLATES, else the repository's templates/."""
    return resources.templates_dir()


# ---------------------------------------------------------------- printing and filters


def _finalize(value: Any) -> str:
    """Applied by Jinja to every `{{ … }}`: the one place where escaping cannot be forgotten."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("sannhetsverdier kan ikke skrives ut direkte")
    if isinstance(value, int):
        return str(value)  # years and counts: no thousands separator
    if isinstance(value, Decimal | float):
        return escape(fmt.format_number(value))
    if isinstance(value, dt.date):
        return escape(fmt.format_date(value))
    return escape(value)


def _decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"forventet et tall, fikk {type(value).__name__}")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise TypeError(f"forventet et tall, fikk {value!r}") from None


def f_md(value: Any) -> MdSafe:
    """Plain text, escaped (what printing does anyway; handy to be explicit)."""
    return MdSafe(_finalize(value))


def f_cell(value: Any) -> MdSafe:
    """Plain text for a table cell: escaped (so `|` cannot split the cell), on one line."""
    return MdSafe(_finalize(value))


def f_dash(value: Any) -> MdSafe:
    """The value, or an en dash when it is empty (version block, optional cells)."""
    text = _finalize(value)
    return MdSafe(text) if text.strip() else MdSafe(DASH)


def f_money(value: Any) -> MdSafe:
    """Kroner without the unit: "1 250 000" (column headers say kr)."""
    if value is None:
        return MdSafe("")
    return escape(fmt.format_money(_decimal(value)))


def f_kr(value: Any) -> MdSafe:
    """"kr 1 250 000"."""
    if value is None:
        return MdSafe("")
    return escape(fmt.format_kr(_decimal(value)))


def f_number(value: Any, decimals: int | None = None) -> MdSafe:
    """"1 250 000" or "1,5"."""
    if value is None:
        return MdSafe("")
    return escape(fmt.format_number(_decimal(value), decimals))


def f_percent(value: Any, decimals: int = 0) -> MdSafe:
    """A fraction as per cent: 0.75 → "75 %"."""
    if value is None:
        return MdSafe("")
    return escape(fmt.format_percent(_decimal(value), decimals))


def f_date(value: dt.date | None, style: str = "long") -> MdSafe:
    """"12. oktober 2017" (long) or "12.10.2017" (short); empty for no date."""
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"forventet en dato, fikk {type(value).__name__}")
    return escape(fmt.format_date(value, style))


def f_fill(label: str, **values: Any) -> MdSafe:
    """A label with {placeholders}: the label's words and each value escaped separately."""
    out: list[str] = []
    for literal, name, spec, conversion in string.Formatter().parse(str(label)):
        out.append(escape(literal, strip=False))
        if name is None:
            continue
        if spec or conversion or name not in values:
            raise KeyError(f"plassholderen {{{name}}} i «{label}» har ingen verdi")
        out.append(_finalize(values[name]))
    return MdSafe("".join(out))


def f_rich(value: str | None) -> MdSafe:
    """A declared rich-text field: parsed on its own later, so it must be a paragraph of its own."""
    store = _RICH.get()
    if store is None:
        raise RuntimeError("filteret rich kan bare brukes mens en mal gjengis")
    if value is None or not str(value).strip():
        return MdSafe("")
    store.append(str(value))
    return MdSafe(f"[[rich:{len(store) - 1}]]")


def f_def(value: Any) -> MdSafe:
    """An id where it is defined ("M1" in the goal table): `[M1]{.def}`, the link target of
    every printed "M1" (builders/links.py); empty for no id."""
    text = _finalize(value)
    return MdSafe(f"[{text}]{{.def}}") if text.strip() else MdSafe("")


FILTERS = {
    "def": f_def, "md": f_md, "cell": f_cell, "dash": f_dash, "money": f_money, "kr": f_kr,
    "number": f_number, "percent": f_percent, "date": f_date, "fill": f_fill, "rich": f_rich,
}


# ---------------------------------------------------------------- environment


class _LazyFolderCache(jinja2.FileSystemBytecodeCache):
    """Creates its folder only when it stores something (a build that fails on its inputs
    leaves no folder behind), and a folder it cannot write only costs a compile."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # A cache folder that is a file (or unreadable) is no cache, not a template error.
        with suppress(OSError):
            super().load_bytecode(bucket)


#: Where compiled templates are kept between builds (empty: compile in every process).
_bytecode: list[jinja2.BytecodeCache] = []


def cache_in(folder: Path | None) -> None:
    """Keep compiled templates in `folder` across processes: compiling the templates costs
    a one-programme rebuild about a third of a second. Jinja checks each entry against the
    template's source and the Python version, so a stale entry is never used."""
    if folder is None:
        _bytecode.clear()
    elif not _bytecode or getattr(_bytecode[0], "directory", None) != str(folder):
        _bytecode[:] = [_LazyFolderCache(str(folder))]
    for env in _environments.values():
        env.bytecode_cache = _bytecode[0] if _bytecode else None


_environments: dict[Path, SandboxedEnvironment] = {}


def _environment_for(folder: Path) -> SandboxedEnvironment:
    env = _environments.get(folder)
    if env is None:
        env = _environments[folder] = _new_environment(folder)
    return env


def _new_environment(folder: Path) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        bytecode_cache=_bytecode[0] if _bytecode else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown escaping is done by _finalize, not HTML escaping
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters.update(FILTERS)
    return env


def environment() -> SandboxedEnvironment:
    """The process-wide environment for the current templates folder (created once)."""
    return _environment_for(templates_dir())


@dataclass(frozen=True)
class Rendered:
    """A template's Markdown plus the rich texts its `[[rich:N]]` markers refer to."""

    markdown: str
    rich: tuple[str, ...]


@contextmanager
def _collect_rich() -> Iterator[list[str]]:
    store: list[str] = []
    token = _RICH.set(store)
    try:
        yield store
    finally:
        _RICH.reset(token)


def render(name: str, context: Mapping[str, Any]) -> Rendered:
    """Render template `name`; any Jinja problem becomes a TemplateError naming the template."""
    env = environment()
    with _collect_rich() as store:
        try:
            text = env.get_template(name).render(dict(context))
        except jinja2.TemplateSyntaxError as exc:
            where = f"{exc.filename or exc.name or name}:{exc.lineno}"
            raise TemplateError(f"{where}: malfeil: {exc.message}") from exc
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(
                f"{templates_dir()}: malfeil: fant ikke malen «{exc.name}»"
            ) from exc
        except Exception as exc:  # any failure inside a template is the template's
            where = _template_frame(exc.__traceback__) or name
            raise TemplateError(f"{where}: malfeil: {_describe(exc)}") from exc
        return Rendered(markdown=text, rich=tuple(store))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        return f"udefinert verdi: {exc.message}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"ikke tillatt i sandkassen: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _template_frame(tb: TracebackType | None) -> str | None:
    """"file:line" of the innermost template frame (Jinja maps its frames to template lines)."""
    folder = str(templates_dir())
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(folder):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def referenced_templates(name: str) -> list[Path]:
    """Template `name` and every template it extends, includes or imports, recursively."""
    env = environment()
    seen: list[str] = []
    todo = [name]
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.append(current)
        try:
            source, _, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
            ast = env.parse(source, current)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(
                f"{templates_dir()}: malfeil: fant ikke malen «{exc.name}»"
            ) from exc
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{current}:{exc.lineno}: malfeil: {exc.message}") from exc
        todo.extend(ref for ref in jinja2.meta.find_referenced_templates(ast) if ref)
    folder = templates_dir()
    return [folder / item for item in seen]
