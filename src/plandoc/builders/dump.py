"""A document tree as normalised text, one line per block: for golden files and `plandoc dump`."""

from __future__ import annotations

from plandoc.document import (
    Anchor,
    Block,
    BulletList,
    Chart,
    Deleted,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    Inserted,
    LineBreak,
    Link,
    OrderedList,
    PageBreak,
    Paragraph,
    Ref,
    Status,
    Strong,
    Table,
    TableOfContents,
    Text,
)

# The format is for people reading diffs: Markdown-like inline marks, table rows as "| a | b |".
# Text is printed as is (no escaping), so "**" inside data and real bold look alike; the tree,
# not this text, is what the tests of escaping check.


def to_text(document: Document) -> str:
    """Meta lines ("META key: value") and then one line per block, nested items indented."""
    meta = document.meta
    lines = [
        f"META title: {meta.title}",
        f"META subtitle: {meta.subtitle}",
        f"META municipality: {meta.municipality}",
        f"META language: {meta.language}",
        f"META kind: {meta.kind}",
        f"META date: {meta.date}",
        f"META header: {meta.header}",
    ]
    lines += [f"META version: {label} = {value}" for label, value in meta.version]
    lines += [f"META label {key}: {value}" for key, value in meta.labels.items()]
    lines += _blocks(document.blocks, "")
    return "\n".join(lines) + "\n"


def inline_text(nodes: list[Inline]) -> str:
    """Inlines with Markdown-like marks: **strong**, *emphasis*, [text](url), ⏎ for a line break."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text.replace("\n", "⏎"))
        elif isinstance(node, LineBreak):
            out.append("⏎")
        elif isinstance(node, Strong):
            out.append(f"**{inline_text(node.children)}**")
        elif isinstance(node, Emphasis):
            out.append(f"*{inline_text(node.children)}*")
        elif isinstance(node, Link):
            out.append(f"[{inline_text(node.children)}]({node.url})")
        elif isinstance(node, Status):
            out.append(f"[{node.level}: {inline_text(node.children)}]")
        elif isinstance(node, Inserted):
            out.append(f"{{+{inline_text(node.children)}+}}")
        elif isinstance(node, Deleted):
            out.append(f"[-{inline_text(node.children)}-]")
        elif isinstance(node, Anchor):
            continue  # an invisible link target; the id's text follows it
        elif isinstance(node, Ref):
            out.append(inline_text(node.children))
        else:  # pragma: no cover - the Inline union is closed
            raise TypeError(f"unknown inline {type(node).__name__}")
    return "".join(out)


def _blocks(blocks: list[Block], indent: str) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines += _block(block, indent)
    return lines


def _block(block: Block, indent: str) -> list[str]:
    if isinstance(block, Heading):
        number = f" {block.number}" if block.number else ""
        flag = "" if block.outlined else "*"
        return [f"{indent}H{block.level}{flag}{number} {inline_text(block.children)}"]
    if isinstance(block, Paragraph):
        style = f"[{block.style}]" if block.style else ""
        return [f"{indent}P{style} {inline_text(block.children)}"]
    if isinstance(block, BulletList | OrderedList):
        return _list(block, indent)
    if isinstance(block, Table):
        return _table(block, indent)
    if isinstance(block, Figure):
        return _figure(block, indent)
    if isinstance(block, PageBreak):
        return [f"{indent}PAGEBREAK"]
    if isinstance(block, TableOfContents):
        return [f"{indent}TOC {block.title}"]
    raise TypeError(f"unknown block {type(block).__name__}")  # pragma: no cover


def _list(block: BulletList | OrderedList, indent: str) -> list[str]:
    lines: list[str] = []
    for i, item in enumerate(block.items):
        mark = "-" if isinstance(block, BulletList) else f"{block.start + i}."
        item_lines = _blocks(item, indent + "  ")
        if item_lines:
            first = item_lines[0][len(indent) + 2:]
            lines.append(f"{indent}{mark} {first}")
            lines += item_lines[1:]
        else:
            lines.append(f"{indent}{mark}")
    return lines


def _table(table: Table, indent: str) -> list[str]:
    flags = [f"style={table.style}"] if table.style else []
    if table.totals:
        flags.append("totals")
    if table.row_headers:
        flags.append("row-headers")
    flags.append("align=" + ",".join(a[0] for a in table.align))
    if table.widths:
        flags.append("widths=" + ",".join(f"{w:g}" for w in table.widths))
    lines = [f"{indent}TABLE {' '.join(flags)}"]
    if table.caption:
        lines.append(f"{indent}CAPTION {inline_text(table.caption)}")
    if table.header:
        lines.append(f"{indent}TH {_row(table.header)}")
    lines += [f"{indent}T {_row(row)}" for row in table.rows]
    return lines


def _row(cells: list[list[Inline]]) -> str:
    return "| " + " | ".join(inline_text(cell) for cell in cells) + " |"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _figure(figure: Figure, indent: str) -> list[str]:
    content = figure.content
    lines = []
    if isinstance(content, Chart):
        lines.append(f"{indent}FIGURE chart {content.kind} unit={content.unit} lang={content.lang}")
        lines.append(f"{indent}  categories: {', '.join(content.categories)}")
        lines += [
            f"{indent}  series {s.name}: {', '.join(_number(v) for v in s.values)}"
            for s in content.series
        ]
    elif isinstance(content, Image):
        lines.append(f"{indent}FIGURE image {content.path.as_posix()}")
    lines.append(f"{indent}  alt: {figure.alt}")
    if figure.caption:
        lines.append(f"{indent}  caption: {inline_text(figure.caption)}")
    return lines
