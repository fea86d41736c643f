"""Rules over users' own text: headings only where they can be headings, own chapters in place."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

from plandoc.core.diagnostics import Diagnostics
from plandoc.model.editions import main_document
from plandoc.model.programme import Programme
from plandoc.model.records import Record
from plandoc.schema.programme import (
    CHAPTER_ANCHORS,
    MAX_HEADING_LEVEL,
    PROGRAMME_SHEETS,
    Column,
    Sheet,
    rich_heading_level,
)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # The same CommonMark reading as the builders', so a `#` in a code block is no heading.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def headings(text: str) -> list[tuple[int, str]]:
    """(number of #, title) of every top-level heading in a Markdown text."""
    tokens = _parser().parse(text)
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.markup.startswith("#"):
            out.append((int(token.tag[1]), tokens[i + 1].content.strip()))
    return out


def _records(p: Programme, sheet: Sheet) -> list[Record]:
    if sheet.kind == "form":
        return [p.info]
    return list(getattr(p, sheet.model_field))


def _problem(hashes: int, column: Column) -> str | None:
    base = column.heading_level
    if rich_heading_level(hashes, base) is not None:
        return None
    if base < 1:
        return ("teksten står i en tabell eller liste i dokumentene, der det ikke kan være "
                "overskrifter")
    if hashes == 1:
        return ("# er kapittelnivået teksten selv står under; bruk ## for underkapitler og "
                "### for avsnitt under dem")
    deepest = "#" * (MAX_HEADING_LEVEL - base + 1)
    allowed = "##" if deepest == "##" else f"## til {deepest}"
    if base >= MAX_HEADING_LEVEL:
        return "teksten står allerede under en overskrift på laveste nivå"
    return f"dokumentene har {MAX_HEADING_LEVEL} overskriftsnivåer; her kan du bruke {allowed}"


def check_rich_headings(p: Programme) -> Diagnostics:
    """A heading in a rich-text field that cannot become a real sub-heading where the field is
    printed (see `Column.heading_level`) is printed as bold text, and reported at its cell."""
    diags = Diagnostics()
    for sheet in PROGRAMME_SHEETS:
        for column in sheet.columns:
            if column.type != "rich":
                continue
            for record in _records(p, sheet):
                text = getattr(record, column.field, None)
                if not isinstance(text, str) or "#" not in text:
                    continue
                for hashes, title in headings(text):
                    why = _problem(hashes, column)
                    if why is None:
                        continue
                    diags.warning(
                        f"overskriften «{'#' * hashes} {title}» i feltet «{column.header}» blir "
                        f"fet tekst, ikke en overskrift: {why}", "tekst.overskrift",
                        record.ref(column.field))
    return diags


def check_chapters(p: Programme) -> Diagnostics:
    """An own chapter goes after a standard chapter of its document; an appendix goes last,
    so a place given for it is reported (it would otherwise be silently ignored)."""
    diags = Diagnostics()
    main = main_document(p)
    for c in p.chapters:
        document = c.document or main
        if document in ("omstillingsplan", "programplan") and document != main:
            diags.error(
                f"kapitlet «{c.title}» skal i {document}en, men et {p.info.kind}-program har "
                f"{main}; skriv {main} eller la feltet stå tomt", "kapittel.dokument",
                c.ref("document"))
            continue
        if c.kind == "vedlegg" and c.after:
            diags.warning(
                f"vedlegget «{c.title}» står alltid bakerst; «etter {c.after}» brukes ikke",
                "kapittel.plassering", c.ref("after"))
        elif c.after and c.after not in CHAPTER_ANCHORS[document]:
            valid = ", ".join(f"«{a}»" for a in CHAPTER_ANCHORS[document])
            diags.error(
                f"{document}en har ikke kapitlet «{c.after}»; kapitlet «{c.title}» kan stå "
                f"etter {valid}", "kapittel.plassering", c.ref("after"))
    return diags
