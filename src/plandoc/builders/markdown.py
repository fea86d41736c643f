"""Markdown in and out of the builders: escaping user text, and parsing Markdown into the tree."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

from plandoc.core.diagnostics import TemplateError
from plandoc.core.text import control_characters
from plandoc.document import (
    Align,
    Anchor,
    Block,
    BulletList,
    Cell,
    Chart,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    OrderedList,
    PageBreak,
    Paragraph,
    Status,
    Strong,
    Table,
    TableOfContents,
    Text,
    plain_text,
)
from plandoc.schema.programme import MAX_HEADING_LEVEL, rich_heading_level

# markdown-it-py over Python-Markdown: it follows CommonMark exactly (so escaping rules are
# specified, not guessed), has GFM tables, and gives a token tree instead of HTML.

# ---------------------------------------------------------------- escaping

#: Every ASCII punctuation character; CommonMark lets each be backslash-escaped.
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029\t]")
#: Other C0/C1 controls: invisible, and some (NUL) are rewritten by Markdown parsers.
#: (Those _LINE_BREAKS matches are kept here: each caller turns them into a space or a line.)
_CONTROLS = control_characters(keep="\t\n\v\f\r\x1c\x1d\x1e\x85", noncharacters=False)


class MdSafe(str):
    """A string that is already valid Markdown for inline use (escaped text or a marker).

    Templates print everything else through `escape`, so only filters can produce this.
    """

    __slots__ = ()


def plain(text: str, strip: bool = True) -> str:
    """Plain single-line text: line breaks and tabs become spaces, control characters vanish.

    Stripping matters: leading spaces on a line of their own would start a code block.
    """
    text = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))
    return text.strip() if strip else text


def escape(value: object, strip: bool = True) -> MdSafe:
    """`value` as Markdown that renders to exactly its text: every ASCII punctuation escaped.

    `strip=False` keeps outer spaces, for pieces of a sentence that are joined together.
    """
    if isinstance(value, MdSafe):
        return value
    text = plain("" if value is None else str(value), strip)
    return MdSafe("".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text))


# ---------------------------------------------------------------- parsers


@lru_cache(maxsize=1)
def _template_parser() -> MarkdownIt:
    # html off: raw HTML in a template or in data stays text. attrs_block lets a template say
    # `{.totals}` before a table; data cannot, because escaping turns `{` into `\{`. Inline
    # spans (`[Grønn]{.status-green}`) are how a template marks a traffic-light status.
    return (
        MarkdownIt("commonmark", {"html": False})
        .enable("table")
        .use(attrs_block_plugin)
        .use(attrs_plugin, spans=True, after=("span_close",), allowed=("class",))
    )


@lru_cache(maxsize=1)
def _rich_parser() -> MarkdownIt:
    # Users' rich text gets no attribute syntax: `{.totals}` written by a user is just text.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


RICH_MARKER = re.compile(r"\[\[rich:(\d+)\]\]")
_RAW_RICH = re.compile(r"(?<!\\)\[\[rich:\d+\]\]")
TOC_MARKER = "[[toc]]"
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass
class ParseContext:
    """What the template's Markdown may refer to, and where it came from (for errors)."""

    template: str
    toc_title: str
    charts: Mapping[str, Chart] = field(default_factory=dict)
    images: Mapping[str, Image] = field(default_factory=dict)
    #: Raw user rich text, indexed by the number in its `[[rich:N]]` marker.
    rich: Sequence[str] = ()
    #: The word before an appendix's letter ("Vedlegg A").
    appendix: str = "Vedlegg"


def parse_template_markdown(source: str, ctx: ParseContext) -> list[Block]:
    """The rendered Markdown of a template as blocks, headings numbered 1, 1.1, 1.1.1."""
    root = SyntaxTreeNode(_template_parser().parse(source))
    converter = _Converter(ctx, rich=False)
    blocks = converter.blocks(root.children)
    _number_headings(blocks, ctx.appendix)
    return blocks


#: Deepest heading level that is numbered and in the outline of every format.
MAX_LEVEL = MAX_HEADING_LEVEL
#: `Heading.number` of an appendix until `_number_headings` gives it its letter.
_APPENDIX = "\x00appendix"


def parse_rich(source: str | None, template: str = "", base: int = 0) -> list[Block]:
    """User rich text as blocks, no images, no page breaks.

    Under a heading of level `base` (>= 1), `##` and `###` become real sub-headings (see
    `rich_heading_level`); any other heading becomes a bold paragraph, as it does everywhere
    when `base` is 0 (the load rules report such headings at their cell).
    """
    if not source or not source.strip():
        return []
    text = _CONTROLS.sub("", source.replace("\r\n", "\n").replace("\r", "\n"))
    root = SyntaxTreeNode(_rich_parser().parse(text))
    converter = _Converter(ParseContext(template=template, toc_title=""), rich=True)
    converter.base = base
    return converter.blocks(root.children)


def _number_headings(blocks: list[Block], appendix: str = "Vedlegg") -> None:
    """Number 1, 1.1, 1.1.1; appendices (level 1) "Vedlegg A", their sections A.1, A.1.1."""
    counters = [0, 0, 0]
    letter = ""
    appendices = 0
    for block in blocks:
        if not isinstance(block, Heading) or block.number == "":
            continue
        if block.number == _APPENDIX:
            appendices += 1
            letter = _letter(appendices)
            counters = [0, 0, 0]
            block.number = f"{appendix} {letter}"
            continue
        if block.level > MAX_LEVEL:
            block.number = None
            continue
        if letter and block.level == 1:
            letter = ""  # a numbered chapter after the appendices (unusual, but allowed)
        counters[block.level - 1] += 1
        for deeper in range(block.level, MAX_LEVEL):
            counters[deeper] = 0
        parts = [str(n) for n in counters[: block.level]]
        if letter:
            parts = [letter, *parts[1:]]
        block.number = ".".join(parts)
    for block in blocks:
        if isinstance(block, Heading) and block.number == "":
            block.number = None


def _letter(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


# ---------------------------------------------------------------- tree conversion


def _classes(node: SyntaxTreeNode) -> list[str]:
    return str(node.attrs.get("class", "")).split()


def _line(node: SyntaxTreeNode) -> str:
    return f" (linje {node.map[0] + 1} i generert Markdown)" if node.map else ""


class _Converter:
    """Walks markdown-it's syntax tree; `rich` relaxes the rules for users' text."""

    def __init__(self, ctx: ParseContext, rich: bool) -> None:
        self.ctx = ctx
        self.rich = rich
        #: Rich text: the level of the heading it is printed under (0: none, or nested).
        self.base = 0
        #: Template: the level of the last heading at the top, and how deep in lists we are.
        self.level = 0
        self.depth = 0

    def fail(self, node: SyntaxTreeNode, what: str) -> TemplateError:
        return TemplateError(f"{self.ctx.template}: malfeil: {what}{_line(node)}")

    # ------------------------------------------------------------ blocks

    def blocks(self, nodes: Sequence[SyntaxTreeNode]) -> list[Block]:
        out: list[Block] = []
        pending_caption: list[Inline] | None = None
        for node in nodes:
            if pending_caption is not None and node.type != "table":
                raise self.fail(node, "en {.caption}-avsnitt må stå rett foran en tabell")
            if node.type == "paragraph" and "caption" in _classes(node) and not self.rich:
                pending_caption = self.inlines(node.children[0].children or [])
                continue
            converted = self.block(node)
            if pending_caption is not None and isinstance(converted, Table):
                converted.caption = pending_caption
                pending_caption = None
            if isinstance(converted, list):
                out.extend(converted)
            elif converted is not None:
                out.append(converted)
        if pending_caption is not None:
            raise TemplateError(
                f"{self.ctx.template}: malfeil: en {{.caption}}-avsnitt står sist uten tabell"
            )
        return out

    def block(self, node: SyntaxTreeNode) -> Block | list[Block] | None:
        kind = node.type
        if kind == "heading":
            return self.heading(node)
        if kind == "paragraph":
            return self.paragraph(node)
        if kind in ("bullet_list", "ordered_list"):
            # Inside a list, rich text gets no headings (a heading cannot sit in a list item).
            self.depth += 1
            try:
                items = [self.blocks(item.children) for item in node.children]
            finally:
                self.depth -= 1
            if kind == "bullet_list":
                return BulletList(items=items)
            return OrderedList(items=items, start=int(node.attrs.get("start", 1) or 1))
        if kind == "table":
            return self.table(node)
        if kind == "hr":
            # A page break only in templates; in users' text a rule means nothing in print.
            return None if self.rich else PageBreak()
        if self.rich:
            if kind == "blockquote":
                return self.blocks(node.children)
            if kind in ("code_block", "fence"):
                lines = node.content.rstrip("\n").split("\n")
                return Paragraph(children=_with_breaks(lines))
            if kind == "html_block":
                return Paragraph(children=[Text(node.content.strip())])
        raise self.fail(node, f"Markdown-elementet «{kind}» støttes ikke i maler")

    def heading(self, node: SyntaxTreeNode) -> Block:
        children = self.inlines(node.children[0].children or [])
        if self.rich:
            level = rich_heading_level(int(node.tag[1]), self.base if not self.depth else 0)
            if level is None:
                # Not a place for a heading: the text keeps its emphasis, not the outline.
                return Paragraph(children=[Strong(children=children)])
            return Heading(level=level, children=children)
        classes = _classes(node)
        level = int(node.tag[1])
        number = "" if "unnumbered" in classes or "nooutline" in classes else None
        if "appendix" in classes and level == 1:
            number = _APPENDIX
        if not self.depth:
            self.level = level
        return Heading(
            level=level, children=children, number=number, outlined="nooutline" not in classes
        )

    def paragraph(self, node: SyntaxTreeNode) -> Block | list[Block] | None:
        inline = node.children[0]
        raw = inline.content.strip()
        if not self.rich:
            if raw == TOC_MARKER:
                return TableOfContents(title=self.ctx.toc_title)
            match = RICH_MARKER.fullmatch(raw)
            if match:
                index = int(match.group(1))
                if index >= len(self.ctx.rich):
                    raise self.fail(node, f"ukjent rik tekst nr. {index}")
                return parse_rich(self.ctx.rich[index], self.ctx.template,
                                  0 if self.depth else self.level)
            if _RAW_RICH.search(inline.content):
                raise self.fail(
                    node, "filteret `rich` må stå alene i et eget avsnitt (tom linje før og etter)"
                )
            children = inline.children or []
            if len(children) == 1 and children[0].type == "image":
                return self.figure(children[0])
        classes = _classes(node)
        style = classes[0] if classes and not self.rich else None
        return Paragraph(children=self.inlines(inline.children or []), style=style)

    def figure(self, node: SyntaxTreeNode) -> Figure:
        src = str(node.attrs.get("src", ""))
        alt = plain_text(self.inlines(node.children or []))
        title = str(node.attrs.get("title") or "")
        caption: list[Inline] = [Text(title)] if title else []
        if not alt.strip():
            raise self.fail(node, f"figuren «{src}» mangler alternativ tekst")
        scheme, _, name = src.partition(":")
        if scheme == "chart" and name in self.ctx.charts:
            return Figure(content=self.ctx.charts[name], alt=alt, caption=caption)
        if scheme == "image" and name in self.ctx.images:
            return Figure(content=self.ctx.images[name], alt=alt, caption=caption)
        raise self.fail(node, f"ukjent figur «{src}» (bruk chart:NAVN eller image:NAVN)")

    def table(self, node: SyntaxTreeNode) -> Table:
        header: list[Cell] = []
        rows: list[list[Cell]] = []
        align: list[Align] = []
        for section in node.children:
            for tr in section.children:
                cells = [self.inlines(cell.children[0].children or []) for cell in tr.children]
                if section.type == "thead":
                    header = cells
                    align = [_align(cell) for cell in tr.children]
                else:
                    rows.append(cells)
        classes = [] if self.rich else _classes(node)
        roles = [c for c in classes
                 if c not in ("totals", "row-headers", "keyvalue", "keep-empty")]
        # `.row-headers`: the first cell of each row heads it (a matrix); `.keyvalue`: that,
        # and no header row either — Markdown needs a first row, but it is data like the rest.
        row_headers = "row-headers" in classes or "keyvalue" in classes
        if "keyvalue" in classes:
            rows = [header, *rows] if header else rows
            header = []
        widths: list[float] = []
        if not self.rich and node.attrs.get("widths"):
            try:
                widths = [float(w) for w in str(node.attrs["widths"]).split(",")]
            except ValueError:
                raise self.fail(node, "widths må være tall skilt med komma") from None
            ncols = len(header) or max((len(r) for r in rows), default=0)
            if len(widths) != ncols:
                raise self.fail(
                    node, f"widths har {len(widths)} tall, tabellen {ncols} kolonner"
                )
        totals = "totals" in classes
        if totals and not rows:
            totals = False
        if not self.rich and header and rows and "keep-empty" not in classes:
            header, rows, align, widths = _drop_empty_columns(header, rows, align, widths)
        return Table(
            header=header, rows=rows, align=align, totals=totals,
            style=roles[0] if roles else None, widths=widths, row_headers=row_headers,
        )

    # ------------------------------------------------------------ inlines

    def inlines(self, nodes: Sequence[SyntaxTreeNode]) -> list[Inline]:
        out: list[Inline] = []
        for node in nodes:
            out.extend(self.inline(node))
        return _merge_text(out)

    def inline(self, node: SyntaxTreeNode) -> list[Inline]:
        kind = node.type
        handler: Callable[[SyntaxTreeNode], list[Inline]] | None = _INLINE.get(kind)
        if handler is not None:
            return handler(node)
        if kind == "strong":
            return [Strong(children=self.inlines(node.children))]
        if kind == "em":
            return [Emphasis(children=self.inlines(node.children))]
        if kind == "link":
            href = str(node.attrs.get("href", ""))
            children = self.inlines(node.children)
            if self.rich and not href.startswith(_SAFE_SCHEMES):
                return children
            return [Link(url=href, children=children)]
        if kind == "span" and not self.rich:
            return self.span(node)
        if self.rich:
            if kind == "image":
                # No pictures from users' text: keep what they said it shows.
                return self.inlines(node.children or [])
            if kind in ("code_inline", "html_inline"):
                return [Text(node.content)]
        if kind == "image":
            raise self.fail(node, "en figur må stå alene i et eget avsnitt")
        raise self.fail(node, f"Markdown-elementet «{kind}» støttes ikke i maler")


    def span(self, node: SyntaxTreeNode) -> list[Inline]:
        """`[text]{.status-green}` (or -yellow, -red): a traffic-light status;
        `[M1]{.def}`: the place where the id M1 is defined (a link target, see `Anchor`)."""
        if _classes(node) == ["def"]:
            children = self.inlines(node.children)
            return [Anchor(plain_text(children).strip()), *children]
        levels = [c.removeprefix("status-") for c in _classes(node) if c.startswith("status-")]
        if len(levels) != 1 or levels[0] not in _STATUS_LEVELS:
            raise self.fail(node, "et [tekst]{.klasse}-spenn må ha nøyaktig én av klassene "
                                  ".def, .status-green, .status-yellow og .status-red")
        return [Status(level=levels[0],  # type: ignore[arg-type]
                       children=self.inlines(node.children))]


_STATUS_LEVELS = ("green", "yellow", "red")

_INLINE: dict[str, Callable[[SyntaxTreeNode], list[Inline]]] = {
    "text": lambda n: [Text(n.content)] if n.content else [],
    "text_special": lambda n: [Text(n.content)],
    "softbreak": lambda n: [Text(" ")],
    "hardbreak": lambda n: [LineBreak()],
}


#: What a cell shows when it has nothing to say.
_EMPTY = {"", "–", "-"}


def _drop_empty_columns(
    header: list[Cell], rows: list[list[Cell]], align: list[Align], widths: list[float],
) -> tuple[list[Cell], list[list[Cell]], list[Align], list[float]]:
    """The table without the columns that are empty (or "–") in every row: a column of dashes
    says nothing and takes room from the others. The first column (the rows' names) stays."""
    keep = [c for c in range(len(header)) if c == 0 or any(
        c < len(r) and plain_text(r[c]).strip() not in _EMPTY for r in rows)]
    if len(keep) == len(header):
        return header, rows, align, widths

    def pick(row: list[Cell]) -> list[Cell]:
        return [row[c] if c < len(row) else [] for c in keep]

    return (pick(header), [pick(r) for r in rows],
            [align[c] for c in keep if c < len(align)],
            [widths[c] for c in keep] if len(widths) == len(header) else widths)


def _align(cell: SyntaxTreeNode) -> Align:
    style = str(cell.attrs.get("style", ""))
    if "right" in style:
        return "right"
    if "center" in style:
        return "center"
    return "left"


def _with_breaks(lines: list[str]) -> list[Inline]:
    out: list[Inline] = []
    for i, line in enumerate(lines):
        if i:
            out.append(LineBreak())
        out.append(Text(line))
    return out


def _merge_text(nodes: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return out


