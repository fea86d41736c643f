"""Printed ids become links to their definitions (builders/links.py)."""

from __future__ import annotations

from plandoc.builders.links import link_ids
from plandoc.builders.markdown import ParseContext, parse_template_markdown
from plandoc.document import Anchor, Document, Meta, Paragraph, Ref, Strong, Table, Text
from plandoc.writers.pdf import _without_links

HOMES = {"M1": "omstillingsplan", "IO1": "omstillingsplan", "IO1-A": "omstillingsplan",
         "T2": "handlingsplan-2025", "01/25": "prosjekter/01-25/prosjektplan"}


def _doc(source: str) -> Document:
    blocks = parse_template_markdown(source, ParseContext(template="t", toc_title="Innhold"))
    return Document(meta=Meta(title="T"), blocks=blocks)


def test_definition_is_an_anchor_and_later_mentions_link_to_it() -> None:
    doc = _doc("| Nr. | Mål |\n|---|---|\n| [M1]{.def} | Flere jobber |\n\n"
               "Tiltaket bidrar til M1 og **IO1-A**, ikke til IO1-AB eller XM1.\n")
    link_ids("omstillingsplan", doc, HOMES)
    table, para = doc.blocks
    assert isinstance(table, Table) and isinstance(para, Paragraph)
    cell = table.rows[0][0]
    # The definition itself stays text after its anchor.
    assert cell == [Anchor("M1"), Text("M1")]
    refs = [n for n in para.children if isinstance(n, Ref)]
    assert [(r.target, r.document) for r in refs] == [("M1", "")]
    strong = next(n for n in para.children if isinstance(n, Strong))
    # IO1-A is defined in omstillingsplan but has no anchor here: no link to itself.
    assert strong.children == [Text("IO1-A")]
    assert "IO1-AB eller XM1" in "".join(
        n.text for n in para.children if isinstance(n, Text))


def test_ids_defined_elsewhere_link_to_the_sibling_by_relative_path() -> None:
    doc = _doc("Prosjekt 01/25 under T2 når M1.\n")
    link_ids("prosjekter/01-25/statusrapport", doc, HOMES)
    refs = {n.target: n.document for n in doc.blocks[0].children  # type: ignore[union-attr]
            if isinstance(n, Ref)}
    assert refs == {"01/25": "prosjektplan", "T2": "../../handlingsplan-2025",
                    "M1": "../../omstillingsplan"}


def test_a_second_definition_of_the_same_id_is_no_second_target() -> None:
    doc = _doc("[T2]{.def} først\n\n[T2]{.def} igjen\n")
    link_ids("handlingsplan-2025", doc, HOMES)
    anchors = [n for b in doc.blocks for n in b.children  # type: ignore[union-attr]
               if isinstance(n, Anchor)]
    assert len(anchors) == 1


def test_a_template_without_links_gets_the_text() -> None:
    data = {"children": [{"type": "Anchor", "target": "M1", "name": "id_M1"},
                         {"type": "Ref", "target": "M1", "name": "id_M1", "document": "",
                          "children": [{"type": "Text", "text": "M1"}]}]}
    assert _without_links(data) == {"children": [{"type": "Text", "text": "M1"}]}
