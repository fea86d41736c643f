"""The format-free document tree: a closed set of block and inline kinds that writers walk."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, Literal

# ---------------------------------------------------------------- inlines


@dataclass
class Text:
    """Literal text; writers never interpret it as markup."""

    text: str


@dataclass
class Strong:
    """Bold."""

    children: list[Inline]


@dataclass
class Emphasis:
    """Italic."""

    children: list[Inline]


@dataclass
class Link:
    """A hyperlink with visible children."""

    url: str
    children: list[Inline]


@dataclass
class Anchor:
    """Where the goal, innsatsområde, strategy, tiltak or project with the id `target` is
    defined: an invisible link target (see `anchor_name`); `Ref`s to the id land here."""

    target: str
    #: The target's name in every format (`anchor_name`).
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = anchor_name(self.target)


@dataclass
class Ref:
    """A printed id that links to its definition (an `Anchor` with the same target).

    `document` says where that is: None — nowhere known (shown as plain text); "" — in this
    document; otherwise the sibling document's path without suffix, relative to this
    document's folder ("omstillingsplan", "../../handlingsplan-2025"): each writer adds its
    own suffix, so a PDF links to the PDF and a web page to the web page.
    """

    target: str
    children: list[Inline]
    document: str | None = None
    #: The target's name in every format (`anchor_name`).
    name: str = field(init=False)

    def __post_init__(self) -> None:
        self.name = anchor_name(self.target)


@dataclass
class LineBreak:
    """A hard line break inside a paragraph or cell."""


StatusLevel = Literal["green", "yellow", "red"]


@dataclass
class Status:
    """A traffic-light status (PLP status reports): writers put a dot in the level's colour
    before the children, which carry the word ("Grønn"), so the status reads without colour."""

    level: StatusLevel
    children: list[Inline]


@dataclass
class Inserted:
    """Text added since an earlier edition: a tracked insertion (only in a revision's
    tracked-changes document, see builders/tree_diff.py)."""

    children: list[Inline]


@dataclass
class Deleted:
    """Text removed since an earlier edition: a tracked deletion (as `Inserted`)."""

    children: list[Inline]


#: A whole block or table row added or removed since an earlier edition (tracked changes).
Change = Literal["inserted", "deleted"]

Inline = (
    Text | Strong | Emphasis | Link | LineBreak | Status | Inserted | Deleted | Anchor | Ref
)

# ---------------------------------------------------------------- blocks


@dataclass
class Heading:
    """A heading; `number` ("2.1") is computed once by the builder so every format agrees."""

    level: int
    children: list[Inline]
    number: str | None = None
    #: False for headings that must not appear in the TOC / bookmarks (e.g. on the cover).
    outlined: bool = True
    #: The whole heading added or removed (tracked changes); None otherwise.
    change: Change | None = None


@dataclass
class Paragraph:
    """A paragraph; `style` is a semantic role ("lead", "note", "caption"), never a font."""

    children: list[Inline]
    style: str | None = None
    #: The whole paragraph added or removed (tracked changes); None otherwise.
    change: Change | None = None


@dataclass
class BulletList:
    """Unordered list; each item is a list of blocks."""

    items: list[list[Block]]


@dataclass
class OrderedList:
    """Numbered list; each item is a list of blocks."""

    items: list[list[Block]]
    start: int = 1


Align = Literal["left", "right", "center"]
Cell = list[Inline]


@dataclass
class Table:
    """A table with one header row; when `totals` is set the last row is a sum row.

    A key/value table ("Prosjektnummer | 01/25") has no header row (`header` is empty) and
    `row_headers` set: the first cell of each row is the header of that row, so screen readers
    announce "Prosjektnummer" with "01/25" rather than treating the first pair as column names.
    """

    header: list[Cell]
    rows: list[list[Cell]]
    align: list[Align]
    totals: bool = False
    caption: list[Inline] = field(default_factory=list)
    #: Semantic role ("version", "goals", "budget"), mapped to a style by each writer.
    style: str | None = None
    #: Relative column widths (one per column), or empty for automatic.
    widths: list[float] = field(default_factory=list)
    #: The first cell of every row heads that row (key/value tables, matrices).
    row_headers: bool = False
    #: Per body row: added or removed since an earlier edition (tracked changes), or None;
    #: empty when the table has no tracked changes. `change` marks the whole table.
    row_changes: list[Change | None] = field(default_factory=list)
    change: Change | None = None

    @property
    def columns(self) -> int:
        """The number of columns: the widest of the header and the rows."""
        return max([len(self.header), *(len(r) for r in self.rows)], default=0)


@dataclass
class Series:
    """One data series of a chart."""

    name: str
    values: list[float]


@dataclass
class Chart:
    """Chart data; writers draw it (Typst: templates/typst/chart.typ), builders describe it."""

    kind: Literal["bar", "stacked-bar", "timeline"]
    categories: list[str]
    series: list[Series]
    unit: str = ""
    title: str = ""
    #: Localised number formatting and language for the axis labels ("nb" / "nn").
    lang: str = "nb"


@dataclass
class Image:
    """A picture file from the input folder (already checked to be inside it)."""

    path: Path


@dataclass
class Figure:
    """An image or chart with caption and alt text (alt text is required for accessibility)."""

    content: Image | Chart
    alt: str
    caption: list[Inline] = field(default_factory=list)


@dataclass
class PageBreak:
    """Start a new page."""


@dataclass
class TableOfContents:
    """Where the table of contents goes; writers fill it from the headings."""

    title: str


Block = (
    Heading | Paragraph | BulletList | OrderedList | Table | Figure | PageBreak | TableOfContents
)

# ---------------------------------------------------------------- document


@dataclass
class Meta:
    """Everything a cover page, header and document properties need."""

    title: str
    subtitle: str = ""
    municipality: str = ""
    #: BCP 47 tag: "nb-NO" or "nn-NO".
    language: str = "nb-NO"
    #: Short running-header text.
    header: str = ""
    #: Version block as ordered (label, value) pairs, already localised and formatted.
    version: list[tuple[str, str]] = field(default_factory=list)
    #: Document kind, e.g. "omstillingsplan"; used for file names and template choice.
    kind: str = ""
    #: Date shown on the cover, already formatted.
    date: str = ""
    #: The document's own date as ISO 8601 ("2025-03-15"): file dates when SOURCE_DATE_EPOCH
    #: is unset, so a rebuild gives the same bytes and the file says when it was issued.
    issued: str = ""
    #: The specific name for file properties and window titles ("Statusrapport – 01/25
    #: Sjømatanlegget – 15. mars 2025"); `title` alone is the cover's big word.
    full_title: str = ""
    #: Label texts the writers need (e.g. "Side", "Innhold"), already localised.
    labels: dict[str, str] = field(default_factory=dict)
    #: The edition in a file's properties, e.g. "2.0 (vedtatt)"; empty when none applies.
    edition: str = ""

    def document_title(self) -> str:
        """The title for PDF dc:title, DOCX core title and HTML <title>."""
        return self.full_title or self.title


@dataclass
class Document:
    """A whole document: meta plus a flat list of blocks (headings mark the sections)."""

    meta: Meta
    blocks: list[Block]

    def headings(self) -> list[Heading]:
        """Every outlined heading in order, including those nested in lists."""
        return [b for b in walk_blocks(self.blocks) if isinstance(b, Heading) and b.outlined]

    def outline(self) -> list[tuple[int, str]]:
        """(level, "number title") per outlined heading: the outline every format shares."""
        return [(h.level, heading_text(h)) for h in self.headings()]


# ---------------------------------------------------------------- helpers


def walk_blocks(blocks: list[Block]) -> list[Block]:
    """All blocks depth-first, list items included."""
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, BulletList | OrderedList):
            for item in block.items:
                out.extend(walk_blocks(item))
    return out


def plain_text(inlines: list[Inline]) -> str:
    """The text of some inlines without formatting."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        elif isinstance(node, Anchor):
            continue
        else:
            parts.append(plain_text(node.children))
    return "".join(parts)


_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9]+")


def anchor_name(target: str) -> str:
    """The name of the link target of an id in every format: "01/25" → "id_01_25".

    Letters, digits and underscores only, so it is a Typst label, an HTML id, a PDF named
    destination and a Word bookmark name (at most 40 characters) alike.
    """
    return ("id_" + _NOT_IN_NAME.sub("_", target).strip("_"))[:40]


def heading_text(heading: Heading) -> str:
    """The heading as shown: number, a space, then the title."""
    title = plain_text(heading.children)
    return f"{heading.number} {title}" if heading.number else title


#: Field names of each dataclass `to_data` has met (dataclasses.fields is slow to ask).
_FIELDS: dict[type, tuple[str, ...]] = {}


def to_data(node: Any) -> Any:
    """Plain JSON-able data for a tree node, each dataclass tagged with its kind as "type"."""
    kind = type(node)
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(node) and not isinstance(node, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(node))
    if names is not None:
        data: dict[str, Any] = {"type": kind.__name__}
        for name in names:
            data[name] = to_data(getattr(node, name))
        return data
    if isinstance(node, list | tuple):
        return [to_data(x) for x in node]
    if isinstance(node, dict):
        return {str(k): to_data(v) for k, v in node.items()}
    if isinstance(node, Path):
        return str(node)
    return node
