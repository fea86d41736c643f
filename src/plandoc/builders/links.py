"""Traceable ids as links: every printed goal, innsatsområde, strategy, tiltak and project id
links to where it is defined, in the same document or in the sibling document that defines it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator

from plandoc.builders.project_views import project_stem
from plandoc.document import (
    Anchor,
    Block,
    BulletList,
    Deleted,
    Document,
    Emphasis,
    Figure,
    Inline,
    Inserted,
    OrderedList,
    Paragraph,
    Ref,
    Status,
    Strong,
    Table,
    Text,
    anchor_name,
)
from plandoc.model.programme import Programme

#: An id stands alone: not part of a longer id ("IO1" in "IO1-A", "01/25" in "101/25").
_EDGE_BEFORE = r"(?<![\w/-])"
_EDGE_AFTER = r"(?![\w/-])"


def main_plan_stem(programme: Programme) -> str:
    """The multi-year plan that defines goals, innsatsområder and strategies."""
    return "programplan" if programme.info.kind == "områdeløft" else "omstillingsplan"


def id_homes(programme: Programme) -> dict[str, str]:
    """Every programme-level id → the stem of the document that defines it.

    Ids that a project also uses for its milestones, risks or decision points ("M1" as a
    milestone) are left out: a printed "M1" in a project document could mean either.
    """
    plan = main_plan_stem(programme)
    homes: dict[str, str] = {}
    for goal in programme.goals:
        homes.setdefault(goal.id, plan)
    for area in programme.focus_areas:
        homes.setdefault(area.id, plan)
    for strategy in programme.strategies:
        if plan == "omstillingsplan":
            homes.setdefault(strategy.id, plan)
            continue
        # A programplan names no strategies: the first handlingsplan with tiltak under one
        # describes it.
        years = [m.year for m in programme.measures if m.strategy == strategy.id]
        if years:
            homes.setdefault(strategy.id, f"handlingsplan-{min(years)}")
    for measure in programme.measures:
        homes.setdefault(measure.id, f"handlingsplan-{measure.year}")
    for project in programme.projects:
        homes.setdefault(project.info.id, project_stem(project, "prosjektplan"))
    internal = {i for p in programme.projects for i in (
        *(m.id for m in p.milestones), *(r.id for r in p.risks), *(d.id for d in p.decisions))}
    return {ident: stem for ident, stem in homes.items() if ident and ident not in internal}


def link_documents(programme: Programme, documents: Iterable[tuple[str, Document]]
                   ) -> Iterator[tuple[str, Document]]:
    """`documents` with their printed ids linked (see `link_ids`), one at a time."""
    homes = id_homes(programme)
    for stem, document in documents:
        link_ids(stem, document, homes)
        yield stem, document


def link_ids(stem: str, document: Document, homes: dict[str, str]) -> None:
    """Turn every printed id of `homes` in `document` (stem `stem`) into a `Ref`.

    An id defined in this document (an `Anchor`) links there; else to the document that
    defines it (`homes`), by a path relative to this one. Only the first anchor of a name
    stays (a link target must be unique). Headings are left alone: an outline entry is not
    a link.
    """
    lists = list(_inline_lists(document.blocks))
    seen: set[str] = set()
    for nodes in lists:
        _drop_repeated_anchors(nodes, seen)
    if not homes:
        return
    pattern = re.compile(_EDGE_BEFORE + "(" + "|".join(
        re.escape(i) for i in sorted(homes, key=len, reverse=True)) + ")" + _EDGE_AFTER)
    folder = posixpath.dirname(stem)

    def where(ident: str) -> str | None:
        if anchor_name(ident) in seen:
            return ""
        home = homes.get(ident)
        if home is None or home == stem:
            return None
        return posixpath.relpath(home, folder or ".")

    for nodes in lists:
        nodes[:] = _linked(nodes, pattern, where, set())


def _inline_lists(blocks: list[Block]) -> Iterator[list[Inline]]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.children
        elif isinstance(block, BulletList | OrderedList):
            for item in block.items:
                yield from _inline_lists(item)
        elif isinstance(block, Table):
            yield block.caption
            for row in block.rows:
                yield from row
        elif isinstance(block, Figure):
            yield block.caption


def _drop_repeated_anchors(nodes: list[Inline], seen: set[str]) -> None:
    kept: list[Inline] = []
    for node in nodes:
        if isinstance(node, Anchor):
            name = anchor_name(node.target)
            if name in seen or not node.target:
                continue
            seen.add(name)
        elif isinstance(node, Strong | Emphasis | Inserted | Deleted | Status):
            _drop_repeated_anchors(node.children, seen)
        kept.append(node)
    nodes[:] = kept


#: Where an id's definition is, as `Ref.document` has it (None: nowhere to link).
Where = Callable[[str], "str | None"]


def _linked(nodes: list[Inline], pattern: re.Pattern[str], where: Where, near: set[str]
            ) -> list[Inline]:
    """The inlines with ids in their text made `Ref`s; `near` holds the ids anchored in this
    very cell or paragraph, which are the definition itself and stay text."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Anchor):
            near.add(node.target)
            out.append(node)
        elif isinstance(node, Text):
            out.extend(_split(node.text, pattern, where, near))
        elif isinstance(node, Strong | Emphasis | Inserted | Deleted | Status):
            node.children = _linked(node.children, pattern, where, near)
            out.append(node)
        else:  # links, refs and line breaks stay as they are
            out.append(node)
    return out


def _split(text: str, pattern: re.Pattern[str], where: Where, near: set[str]) -> list[Inline]:
    out: list[Inline] = []
    last = 0
    for match in pattern.finditer(text):
        ident = match.group(1)
        target = None if ident in near else where(ident)
        if target is None:
            continue
        if match.start() > last:
            out.append(Text(text[last:match.start()]))
        out.append(Ref(target=ident, children=[Text(ident)], document=target))
        last = match.end()
    if last == 0:
        return [Text(text)]
    if last < len(text):
        out.append(Text(text[last:]))
    return out
