"""Text from users is data, never markup: hostile strings come out literally in the tree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders.helpers import texts
from factories import sample_programme
from plandoc.builders import build_documents
from plandoc.builders.markdown import (
    ParseContext,
    escape,
    parse_rich,
    parse_template_markdown,
    plain,
)
from plandoc.document import (
    BulletList,
    Figure,
    Heading,
    Link,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    TableOfContents,
    plain_text,
    walk_blocks,
)

HOSTILE = [
    "**fet** og _kursiv_ # ikke overskrift",
    "# Overskrift?",
    "- ikke en liste",
    "1. ikke nummerert",
    "> ikke sitat",
    "| a | b |",
    "a | b",
    "{{ 7*7 }}",
    "{% for x in y %}løkke{% endfor %}",
    "{# kommentar #}",
    "#set text(red)",
    "#import \"evil.typ\"",
    "$x^2$ og \\(y\\)",
    "</w:t><w:t>XML",
    "<script>alert(1)</script>",
    "&amp; &lt; &#x26; &copy;",
    "A & B < C > D",
    "[lenke](javascript:alert(1))",
    "![bilde](chart:budget_by_area)",
    "[[toc]]",
    "[[rich:0]]",
    "{.totals}",
    "---",
    "***",
    "`kode` ```gjerde```",
    "back\\slash \\\\ dobbel",
    "slutt med backslash\\",
    "~~gjennomstreket~~",
    "<https://example.no>",
    "Tre  mellomrom   her",
    "Emoji 🚀🇳🇴 og ✓",
    "مرحبا بالعالم RTL",
    "e\u0301 n\u0303 combining \u0338",
    "Zero\u200bwidth\u200djoiner",
    "50 % av 1 250 000 kr",
    "Dyrøy ÆØÅ æøå",
    "_under_score_ *stjerne*",
    "\\* escaped",
    "1) parentes",
    "+ pluss",
    "=== setext",
    "    fire mellomrom",
]


def _programme_with(hostile: list[str]):  # type: ignore[no-untyped-def]
    programme = sample_programme()
    it = iter(hostile * 3)
    for area in programme.focus_areas:
        area.name = next(it)
        area.goal = next(it)
    for strategy in programme.strategies:
        strategy.name = next(it)
    names: dict[str, str] = {}
    for measure in programme.measures:
        # The same tiltak over several years keeps one name, so the structure stays the same.
        measure.name = names.setdefault(measure.id.split("-")[0], next(it))
        measure.result_goal = next(it)
        measure.project_goal = next(it)
        measure.responsible = next(it)
        if measure.funding_sources:
            measure.funding_sources = next(it)
    for goal in programme.goals:
        goal.text = next(it)
        goal.indicator = next(it)
    for role in programme.organisation:
        role.name = next(it)
    for item in programme.communication:
        item.message = next(it)
    sources: dict[str, str] = {}
    for line in programme.funding:
        line.source = sources.setdefault(line.source, next(it))
    programme.info.name = next(it)
    programme.info.vision = next(it)
    return programme


def test_hostile_strings_appear_unchanged_somewhere_in_every_document() -> None:
    programme = _programme_with(HOSTILE)
    docs = dict(build_documents(programme))
    all_texts = [t for doc in docs.values() for t in texts(doc)]
    joined = "\n".join(all_texts)
    for hostile in HOSTILE:
        expected = plain(hostile)
        assert any(expected in t for t in all_texts), (hostile, joined[:2000])


def test_hostile_strings_do_not_change_the_structure() -> None:
    clean = dict(build_documents(sample_programme()))
    dirty = dict(build_documents(_programme_with(HOSTILE)))
    for stem, doc in clean.items():
        other = dirty[stem]

        def shape(d):  # type: ignore[no-untyped-def]
            return [
                (type(b).__name__, getattr(b, "level", None), getattr(b, "number", None),
                 len(getattr(b, "rows", [])), len(getattr(b, "header", [])))
                for b in walk_blocks(d.blocks)
            ]

        assert shape(doc) == shape(other), stem
        assert sum(isinstance(b, PageBreak) for b in other.blocks) == 1
        assert sum(isinstance(b, TableOfContents) for b in other.blocks) == 1


def test_entities_stay_literal() -> None:
    (para,) = parse_template_markdown(escape("&amp; &lt;"), ParseContext("t", "Innhold"))
    assert plain_text(para.children) == "&amp; &lt;"  # type: ignore[union-attr]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_in_heading_paragraph_and_cell_is_literal(text: str) -> None:
    e = escape(text)
    source = f"# {e}\n\n{e}\n\n| h |\n|---|\n| {e} |\n\n- {e}\n"
    blocks = parse_template_markdown(source, ParseContext("t", "Innhold"))
    heading, para, table, bullets = blocks
    assert isinstance(heading, Heading) and plain_text(heading.children) == plain(text)
    assert isinstance(para, Paragraph) and plain_text(para.children) == plain(text)
    assert isinstance(table, Table) and plain_text(table.rows[0][0]) == plain(text)
    assert isinstance(bullets, BulletList)
    assert plain_text(bullets.items[0][0].children) == plain(text)  # type: ignore[union-attr]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_round_trips_through_escape_and_the_parser(text: str) -> None:
    expected = plain(text)
    source = f"{escape(text)}\n\n| h |\n|---|\n| {escape(text)} |\n"
    blocks = parse_template_markdown(source, ParseContext("t", "Innhold"))
    if expected:
        para, table = blocks
        assert isinstance(para, Paragraph) and plain_text(para.children) == expected
    else:
        (table,) = blocks
    assert isinstance(table, Table) and plain_text(table.rows[0][0]) == expected


def test_newlines_and_control_characters_in_plain_fields() -> None:
    assert plain("linje 1\nlinje 2\r\nlinje 3\tx\x00y\x07") == "linje 1 linje 2 linje 3 xy"


# ---------------------------------------------------------------- rich text


def test_rich_text_headings_become_bold_paragraphs_and_images_alt_text() -> None:
    blocks = parse_rich(
        "# Stor overskrift\n\nTekst med ![et bilde](https://evil.example/x.png) inni.\n\n"
        "---\n\n[[toc]]\n\n<b>html</b>\n\n> sitat\n\n    kode\n\n[farlig](javascript:alert(1)) "
        "og [trygg](https://example.no)\n\nmyk\nlinjeskift og hard  \nlinjeskift"
    )
    assert not any(isinstance(b, Heading | PageBreak | TableOfContents | Figure) for b in blocks)
    first = blocks[0]
    assert isinstance(first, Paragraph) and isinstance(first.children[0], Strong)
    assert plain_text(first.children) == "Stor overskrift"
    plain_blocks = [plain_text(b.children) for b in blocks if isinstance(b, Paragraph)]
    assert "Tekst med et bilde inni." in plain_blocks
    assert "[[toc]]" in plain_blocks
    assert "<b>html</b>" in plain_blocks
    assert "sitat" in plain_blocks
    assert "kode" in plain_blocks
    # markdown-it refuses javascript: links, so the source stays visible as text.
    assert "[farlig](javascript:alert(1)) og trygg" in plain_blocks
    links = [
        n for b in blocks if isinstance(b, Paragraph) for n in b.children if isinstance(n, Link)
    ]
    assert [link.url for link in links] == ["https://example.no"]
    last = blocks[-1]
    assert plain_text(last.children) == "myk linjeskift og hard\nlinjeskift"  # type: ignore[union-attr]


def test_rich_text_in_a_document_cannot_break_out_of_its_section() -> None:
    programme = sample_programme()
    programme.info.background = "# Kapittel\n\n---\n\n{.totals}\n| a | b |\n|---|---|\n| 1 | 2 |"
    doc = dict(build_documents(programme))["omstillingsplan"]
    assert doc.outline()[0] == (1, "1 Bakgrunn for omstillingsarbeidet")
    assert doc.outline()[1] == (2, "1.1 Sammendrag av utviklingsanalysen")
    assert sum(isinstance(b, PageBreak) for b in doc.blocks) == 1
    user_table = next(b for b in doc.blocks if isinstance(b, Table) and b.header[0][0].text == "a")  # type: ignore[union-attr]
    assert not user_table.totals and user_table.style is None
    assert "{.totals}" in texts(doc)
