"""The template Markdown → tree mapping: headings, tables, figures, breaks, and template errors."""

from __future__ import annotations

import pytest

from plandoc.builders.markdown import ParseContext, parse_template_markdown
from plandoc.core.diagnostics import TemplateError
from plandoc.document import (
    BulletList,
    Chart,
    Emphasis,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    OrderedList,
    PageBreak,
    Paragraph,
    Series,
    Strong,
    Table,
    TableOfContents,
    Text,
    plain_text,
)

CHART = Chart(kind="bar", categories=["2024"], series=[Series("A", [1.0])])


def parse(source: str, **kwargs: object) -> list:  # type: ignore[type-arg]
    return parse_template_markdown(source, ParseContext("test.md.j2", "Innhold", **kwargs))  # type: ignore[arg-type]


def test_headings_are_numbered_to_three_levels() -> None:
    blocks = parse(
        "# A\n\n## B\n\n### C\n\n#### D\n\n### E\n\n## F\n\n# G\n\n## H\n\n"
        "{.unnumbered}\n## I\n\n## J\n\n{.nooutline}\n# K\n"
    )
    got = [(b.level, b.number, plain_text(b.children), b.outlined) for b in blocks]
    assert got == [
        (1, "1", "A", True), (2, "1.1", "B", True), (3, "1.1.1", "C", True),
        (4, None, "D", True), (3, "1.1.2", "E", True), (2, "1.2", "F", True),
        (1, "2", "G", True), (2, "2.1", "H", True), (2, None, "I", True),
        (2, "2.2", "J", True), (1, None, "K", False),
    ]


def test_inlines() -> None:
    (para,) = parse("**fet** *kursiv* [lenke](https://example.no)\nmyk  \nhard")
    assert para.children == [
        Strong([Text("fet")]), Text(" "), Emphasis([Text("kursiv")]), Text(" "),
        Link("https://example.no", [Text("lenke")]), Text(" myk"), LineBreak(), Text("hard"),
    ]


def test_lists_and_paragraph_style() -> None:
    bullets, ordered, note = parse("- a\n- b\n\n3. c\n4. d\n\n{.note}\nMerk.\n")
    assert isinstance(bullets, BulletList) and len(bullets.items) == 2
    assert isinstance(ordered, OrderedList) and ordered.start == 3
    assert plain_text(ordered.items[1][0].children) == "d"
    assert isinstance(note, Paragraph) and note.style == "note"


def test_table_alignment_totals_style_caption_and_widths() -> None:
    (table,) = parse(
        "{.caption}\nTabell *tekst*\n\n"
        '{.budget .totals widths="3,1,1"}\n| Kilde | 2024 | Midt |\n|---|---:|:-:|\n'
        "| A | 1 | x |\n| Sum | 1 | |\n"
    )
    assert isinstance(table, Table)
    assert table.align == ["left", "right", "center"]
    assert table.totals and table.style == "budget" and table.widths == [3.0, 1.0, 1.0]
    assert plain_text(table.caption) == "Tabell tekst"
    assert [plain_text(c) for c in table.header] == ["Kilde", "2024", "Midt"]
    assert [[plain_text(c) for c in r] for r in table.rows] == [["A", "1", "x"], ["Sum", "1", ""]]


def test_page_break_toc_and_chart_figure() -> None:
    blocks = parse(
        '[[toc]]\n\n---\n\n![Søylediagram: A er 1.](chart:budget "Budsjett")\n',
        charts={"budget": CHART},
    )
    toc, brk, figure = blocks
    assert toc == TableOfContents("Innhold")
    assert isinstance(brk, PageBreak)
    assert isinstance(figure, Figure) and figure.content is CHART
    assert figure.alt == "Søylediagram: A er 1."
    assert plain_text(figure.caption) == "Budsjett"


def test_image_figure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    image = Image(tmp_path / "logo.png")
    (figure,) = parse("![Logo](image:logo)", images={"logo": image})
    assert isinstance(figure, Figure) and figure.content is image and figure.caption == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("```\nkode\n```", "fence"),
        ("    innrykket kode", "code_block"),
        ("> sitat", "blockquote"),
        ("`kode`", "code_inline"),
        ("![alt](chart:mangler)", "ukjent figur"),
        ("![](chart:budget)", "alternativ tekst"),
        ("Tekst ![alt](chart:budget) midt i", "alene"),
        ("Tekst [[rich:0]] midt i", "alene"),
        ("[[rich:5]]", "ukjent rik tekst"),
        ("{.caption}\nTekst\n\nAvsnitt", "foran en tabell"),
        ('{widths="1,2"}\n| a |\n|---|\n| 1 |', "widths har 2"),
        ('{widths="x"}\n| a |\n|---|\n| 1 |', "widths må være tall"),
    ],
)
def test_unsupported_markdown_is_a_template_error_naming_the_template(
    source: str, message: str
) -> None:
    with pytest.raises(TemplateError, match=message) as info:
        parse(source, charts={"budget": CHART})
    assert info.value.message.startswith("test.md.j2: malfeil:")
    assert info.value.exit_code == 3


def test_rich_marker_is_replaced_by_the_parsed_rich_text() -> None:
    source = "# A\n\n[[rich:0]]\n\n- punkt\n\n  [[rich:1]]\n"
    blocks = parse(source, rich=["**x** y\n\nz", "i lista"])
    heading, p1, p2, bullets = blocks
    assert isinstance(heading, Heading)
    assert p1.children == [Strong([Text("x")]), Text(" y")]
    assert p2.children == [Text("z")]
    assert isinstance(bullets, BulletList)
    assert [plain_text(b.children) for b in bullets.items[0]] == ["punkt", "i lista"]
