"""The chapter «Endringer fra versjon X (vedtatt <dato>)» of a revised document.

What changed since the adopted edition before it: sections added, removed or changed (from the
two document trees), goals and targets old → new and money per year old → new (from the two
models, so the figures are the ones the tables show).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from plandoc.builders.common import SumTable
from plandoc.builders.money import funding_table, resources_table
from plandoc.document import Document, Heading, Table, heading_text, plain_text, walk_blocks
from plandoc.i18n import fmt
from plandoc.i18n.labels import labels
from plandoc.model.programme import Edition, Goal, Programme
from plandoc.schema.programme import GOALS

#: The goal fields a revision lists, in the order of the Mål sheet.
GOAL_FIELDS = ("text", "indicator", "baseline", "target", "deadline")


@dataclass
class SectionChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class GoalChange:
    goal: str
    what: str
    old: str
    new: str


@dataclass
class MoneyChange:
    label: str
    year: int
    old: Decimal
    new: Decimal
    diff: str


@dataclass
class RevisionView:
    version: str
    date: str
    sections: SectionChanges
    goals: list[GoalChange]
    budget: list[MoneyChange]
    funding: list[MoneyChange]


def _title(heading: Heading) -> str:
    return plain_text(heading.children).strip()


def _sections(document: Document, depth: int) -> dict[str, str]:
    """Title → text of every section down to `depth` (its blocks up to the next heading of
    the same or a higher level)."""
    out: dict[str, str] = {}
    open_: list[tuple[int, str]] = []
    for block in walk_blocks(document.blocks):
        if isinstance(block, Heading) and block.outlined:
            open_ = [(lvl, t) for lvl, t in open_ if lvl < block.level]
            if block.level <= depth:
                open_.append((block.level, _title(block)))
                out.setdefault(_title(block), "")
            text = heading_text(block)
        elif isinstance(block, Table):
            text = " | ".join(plain_text(c) for row in [block.header, *block.rows] for c in row)
        elif hasattr(block, "children"):
            text = plain_text(block.children)
        else:
            continue
        for _, title in open_:
            out[title] += text + "\n"
    return out


def section_changes(old: Document, new: Document, depth: int = 2) -> SectionChanges:
    """Sections (chapters and their sub-sections) added, removed or with other content."""
    before, after = _sections(old, depth), _sections(new, depth)
    return SectionChanges(
        added=[t for t in after if t not in before],
        removed=[t for t in before if t not in after],
        changed=[t for t in after if t in before and after[t] != before[t]],
    )


def _show(value: object) -> str:
    if value is None or value == "":
        return ""
    if hasattr(value, "year") and hasattr(value, "day"):
        return fmt.format_date(value, "short")  # type: ignore[arg-type]
    return str(value)


def goal_changes(old: Sequence[Goal], new: Sequence[Goal], language: str) -> list[GoalChange]:
    """Every goal added, removed or with another text, indicator, baseline, target or date."""
    lbl = labels(language)
    headers = {c.field: c.header for c in GOALS.columns}
    before = {g.id: g for g in old}
    out = []
    for goal in new:
        was = before.pop(goal.id, None)
        if was is None:
            out.append(GoalChange(goal.id, lbl["rev_new_goal"], "", goal.text))
            continue
        for name in GOAL_FIELDS:
            a, b = getattr(was, name), getattr(goal, name)
            if a != b:
                out.append(GoalChange(goal.id, headers[name], _show(a), _show(b)))
    out += [GoalChange(g.id, lbl["rev_removed_goal"], g.text, "") for g in before.values()]
    return out


def _signed(value: Decimal) -> str:
    sign = "+" if value > 0 else "−"
    return f"{sign}{fmt.format_money(abs(value))}"


def money_changes(old: SumTable, new: SumTable,
                  years: Callable[[int], bool] = lambda y: True) -> list[MoneyChange]:
    """Each (row, year) whose amount differs between the two tables, with the difference."""
    def cells(table: SumTable) -> dict[tuple[str, int], Decimal]:
        return {(row.label, year): value for row in table.rows
                for year, value in zip(table.columns, row.values, strict=True)}

    before, after = cells(old), cells(new)
    labels_in_order = list(dict.fromkeys([r.label for r in new.rows] + [r.label for r in old.rows]))
    all_years = sorted({y for _, y in before} | {y for _, y in after})
    out = []
    for label in labels_in_order:
        for year in all_years:
            if not years(year):
                continue
            a, b = before.get((label, year), Decimal(0)), after.get((label, year), Decimal(0))
            if a != b:
                out.append(MoneyChange(label, year, a, b, _signed(b - a)))
    return out


def revision_view(
    old_programme: Programme, new_programme: Programme, old_doc: Document, new_doc: Document,
    edition: Edition, year: int | None = None,
) -> RevisionView:
    """The change chapter's content: `new_*` against the adopted `edition` (`old_*`)."""
    def in_scope(y: int) -> bool:
        return year is None or y == year

    day = edition.council_date or edition.board_date or edition.date
    return RevisionView(
        version=edition.version,
        date=fmt.format_date(day),
        sections=section_changes(old_doc, new_doc),
        goals=goal_changes(old_programme.goals, new_programme.goals,
                           new_programme.info.language),
        budget=money_changes(resources_table(old_programme), resources_table(new_programme),
                             in_scope),
        funding=money_changes(funding_table(old_programme), funding_table(new_programme),
                              in_scope),
    )




def revise(
    programme: Programme, document: str, year: int | None,
    rebuild: Callable[[Programme], Document],
    render: Callable[[RevisionView | None], Document],
) -> Document:
    """The document rendered by `render`, with the change chapter when an adopted edition of
    it came before; `rebuild(p)` builds the document from `p` without a change chapter."""
    from plandoc.builders.editions import with_earlier
    from plandoc.model.editions import previous_adopted

    plain = render(None)
    previous = previous_adopted(programme, document, year)
    if previous is None:
        return plain
    edition, snapshot = previous
    old = rebuild(with_earlier(snapshot, programme, edition))
    return render(revision_view(snapshot, programme, old, plain, edition, year))
