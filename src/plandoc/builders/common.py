"""What every builder shares: labels, meta, version block, Decimal sums, rendering to a tree."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TypeVar

from plandoc.builders import jinja
from plandoc.builders.markdown import ParseContext, parse_template_markdown
from plandoc.document import Chart, Document, Image, Meta
from plandoc.i18n import fmt
from plandoc.i18n.labels import LANGUAGE_TAGS, labels, meta_labels, status_label
from plandoc.model.editions import DocumentEdition, edition_for, main_document
from plandoc.model.programme import Edition, Goal, Programme
from plandoc.model.reconcile import largest_remainder, split_funding  # noqa: F401 (re-exported)

ZERO = Decimal(0)
T = TypeVar("T")


class Builder(Protocol):
    """One document kind: which template it renders and the documents it makes."""

    kind: str
    template: str

    def build(self, programme: Programme, years: Sequence[int] | None = None) -> list[
        tuple[str, Document]
    ]: ...


# ---------------------------------------------------------------- small helpers


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def period(programme: Programme) -> str:
    """"2024–2029" (en dash, as in print)."""
    return f"{programme.info.start_year}–{programme.info.end_year}"


def total(values: Iterable[Decimal]) -> Decimal:
    """A Decimal sum that is Decimal(0), not int 0, when empty."""
    return sum(values, ZERO)


def group_by(items: Iterable[T], key: Callable[[T], Hashable]) -> dict[Any, list[T]]:
    """Items grouped by key, groups in order of first appearance."""
    out: dict[Any, list[T]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


# ---------------------------------------------------------------- sum tables


@dataclass
class Row:
    """One row of a sum table: a label, one amount per column, the row total."""

    label: str
    values: list[Decimal]
    total: Decimal
    #: The row total as a fraction of the grand total (None when the grand total is zero).
    share: Decimal | None = None


@dataclass
class SumTable:
    """Amounts by row and column with column totals and a grand total, all in Decimal."""

    columns: list[Any]
    rows: list[Row]
    totals: list[Decimal]
    total: Decimal

    @property
    def empty(self) -> bool:
        return not self.rows


def sum_table(
    columns: Sequence[Any],
    cells: Mapping[tuple[Hashable, Any], Decimal],
    rows: Sequence[tuple[Hashable, str]],
) -> SumTable:
    """A SumTable from `cells[(row key, column)]` for `rows` of (key, label); missing cells: 0."""
    out = []
    for key, label in rows:
        values = [cells.get((key, col), ZERO) for col in columns]
        out.append(Row(label=label, values=values, total=total(values)))
    totals = [total(r.values[i] for r in out) for i in range(len(columns))]
    grand = total(totals)
    # Rounded shares that add up to 100 % (largest remainder), as fractions for `percent`.
    percents = largest_remainder([r.total for r in out])
    exact = grand > 0 and all(r.total >= 0 for r in out)
    for row, pct in zip(out, percents, strict=True):
        row.share = (Decimal(pct) / 100 if exact else row.total / grand) if grand else None
    return SumTable(columns=list(columns), rows=out, totals=totals, total=grand)


def add_cell(
    cells: dict[tuple[Hashable, Any], Decimal], key: Hashable, col: Any, amount: Decimal
) -> None:
    """Accumulate an amount into a sum-table cell."""
    cells[(key, col)] = cells.get((key, col), ZERO) + amount


# ---------------------------------------------------------------- shared views


@dataclass
class GoalView:
    """A goal as a table row: the text plus its measurable parts."""

    id: str
    text: str
    indicator: str | None
    baseline: str | None
    target: str | None
    deadline: Any

    @classmethod
    def of(cls, goal: Goal) -> GoalView:
        return cls(goal.id, goal.text, goal.indicator, goal.baseline, goal.target, goal.deadline)


def goal_views(goals: Iterable[Goal]) -> list[GoalView]:
    return [GoalView.of(g) for g in goals]


@dataclass
class VersionView:
    """The version block's values, formatted; empty dates stay empty (templates print "–")."""

    version: str
    date: str
    status: str
    board_date: str
    council_date: str
    #: "Tall per": the date the figures are taken from, when the register gives one.
    as_of: str = ""
    changes: str = ""


def edition_view(edition: Edition, language: str) -> VersionView:
    """One edition of the register as a formatted version block (or history row)."""
    return VersionView(
        version=edition.version,
        date=fmt.format_date(edition.date),
        status=capfirst(status_label(edition.status, language)),
        board_date=fmt.format_date(edition.board_date),
        council_date=fmt.format_date(edition.council_date),
        as_of=fmt.format_date(edition.data_as_of),
        changes=edition.changes or "",
    )


def version_view(programme: Programme, document: str | None = None,
                 year: int | None = None) -> VersionView:
    """The version block of `document` (of `year`): its own edition in the register, or the
    Program sheet's block when it has none (see `plandoc.model.editions`)."""
    if document is None:
        document = main_document(programme)
    return edition_view(edition_for(programme, document, year).current, programme.info.language)


def history_views(edition: DocumentEdition, language: str) -> list[VersionView]:
    """The earlier versions of a document, newest first, for the version history table."""
    return [edition_view(e, language) for e in reversed(edition.history)]


def programme_labels(programme: Programme) -> dict[str, str]:
    """The målform's labels, with the programme type's own words: an områdeløft has
    programmidler, not omstillingsmidler."""
    table = dict(labels(programme.info.language))
    if programme.info.kind == "områdeløft":
        table["programme_funding"] = table["programme_funding_area"]
    return table


def base_context(programme: Programme, document: str | None = None,
                 year: int | None = None) -> dict[str, Any]:
    """What every template gets: labels, programme facts, the document's version block and
    version history, period."""
    info = programme.info
    edition = edition_for(programme, document or main_document(programme), year)
    return {
        "labels": programme_labels(programme),
        "info": info,
        "version": edition_view(edition.current, info.language),
        "history": history_views(edition, info.language),
        #: The change chapter of a revision (builders/revision.py), set by the builder.
        "revision": None,
        "period": period(programme),
        "years": programme.years,
    }


def version_pairs(view: VersionView, language: str) -> list[tuple[str, str]]:
    """The cover's version block as (label, value) pairs."""
    lbl = labels(language)
    dash = jinja.DASH
    pairs = [
        (lbl["version"], view.version or dash),
        (lbl["date"], view.date or dash),
        (lbl["status"], view.status),
        (lbl["board_date"], view.board_date or dash),
        (lbl["council_date"], view.council_date or dash),
    ]
    if view.as_of:
        pairs.append((lbl["ed_as_of"], view.as_of))
    return pairs


def make_meta(programme: Programme, kind: str, title: str, subtitle: str,
              year: int | None = None) -> Meta:
    """Cover, header and properties of one document, localised, from its own edition."""
    info = programme.info
    edition = edition_for(programme, kind, year)
    view = edition_view(edition.current, info.language)
    return Meta(
        title=title,
        subtitle=subtitle,
        municipality=info.municipality,
        language=LANGUAGE_TAGS[info.language],
        header=f"{title} – {info.name}",
        version=version_pairs(view, info.language),
        kind=kind,
        date=view.date,
        issued=edition.current.date.isoformat() if edition.current.date else "",
        full_title=full_title(title, info.name, view.date),
        labels=meta_labels(info.language),
        edition=edition_label(edition.current, info.language),
    )


def full_title(*parts: str) -> str:
    """A document's specific name: its kind, what it is about and its date, joined by dashes
    ("Statusrapport – 01/25 Sjømatanlegget – 15. mars 2025"); empty parts are left out."""
    return " – ".join(p.strip() for p in parts if p and p.strip())


def edition_label(edition: Edition, language: str) -> str:
    """"2.0 (vedtatt)": the version and status for a file's properties."""
    return f"{edition.version} ({status_label(edition.status, language)})"


# ---------------------------------------------------------------- rendering


@dataclass
class Rendering:
    """Inputs of one template rendering besides the context."""

    template: str
    meta: Meta
    charts: dict[str, Chart] = field(default_factory=dict)
    images: dict[str, Image] = field(default_factory=dict)


def render_document(rendering: Rendering, context: Mapping[str, Any]) -> Document:
    """Template → Markdown → document tree."""
    rendered = jinja.render(rendering.template, context)
    blocks = parse_template_markdown(
        rendered.markdown,
        ParseContext(
            template=rendering.template,
            toc_title=rendering.meta.labels.get("contents", ""),
            charts=rendering.charts,
            images=rendering.images,
            rich=rendered.rich,
            appendix=rendering.meta.labels.get("appendix", "Vedlegg"),
        ),
    )
    return Document(meta=rendering.meta, blocks=blocks)


def template_paths(template: str) -> list[Path]:
    """The template files a builder's output depends on."""
    return jinja.referenced_templates(template)


# ---------------------------------------------------------------- own chapters, appendices


_NUMBER = re.compile(r"^[−+-]?\d[\d\u00a0\u202f ]*(,\d+)?( ?%)?$")


@dataclass
class ChapterTable:
    """A chapter's table (sheet Kapitler, column Tabell) ready for the template: number
    columns (every filled cell a number) align right."""

    header: list[str]
    rows: list[list[str]]
    right: list[bool]


@dataclass
class ChapterView:
    """An own chapter or appendix as the templates print it."""

    title: str
    text: str | None
    table: ChapterTable | None
    kind: str
    after: str | None


def chapter_table(rows: list[list[str]] | None) -> ChapterTable | None:
    """The header row and the body rows of a chapter's table, with each column's alignment."""
    if not rows or len(rows) < 2:
        return None
    header, body = rows[0], rows[1:]
    right = [bool(filled) and all(_NUMBER.match(v) for v in filled)
             for filled in ([r[i] for r in body if i < len(r) and r[i].strip()]
                            for i in range(len(header)))]
    return ChapterTable(header, body, right)


def chapter_context(programme: Programme, document: str) -> dict[str, Any]:
    """The own chapters (`extra_chapters`: after → chapters; "" = last) and `appendices` of
    one document kind, for `_chapters.md.j2` and `_appendices.md.j2`."""
    main = main_document(programme)
    mine = [ChapterView(c.title, c.text, chapter_table(c.table), c.kind, c.after)
            for c in programme.chapters if (c.document or main) == document]
    extra: dict[str, list[Any]] = {}
    for c in mine:
        if c.kind == "kapittel":
            extra.setdefault(c.after or "", []).append(c)
    return {"extra_chapters": extra, "appendices": [c for c in mine if c.kind == "vedlegg"]}
