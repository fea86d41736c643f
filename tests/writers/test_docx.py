"""The DOCX writer: read the written file back with python-docx and as raw XML."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree
from PIL import Image as PILImage

from docx_read import word_headings
from plandoc.core.diagnostics import RenderError, TemplateError
from plandoc.document import (
    BulletList,
    Chart,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    LineBreak,
    Link,
    Meta,
    OrderedList,
    PageBreak,
    Paragraph,
    Series,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from plandoc.writers.base import get_writer
from plandoc.writers.docx import DEFAULT_TEMPLATE, DocxWriter

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
HOSTILE = "& < > | * # {{ }} </w:t> &amp; {% if x %} 🎉 שלום עולם e\u0301 ‮RTL"
URL = "https://example.org/plan?a=1&b=<2>"


def _png(path: Path, size: tuple[int, int] = (300, 150)) -> Path:
    PILImage.new("RGB", size, (31, 56, 100)).save(path, format="PNG")
    return path


def _meta(**changes: object) -> Meta:
    meta = Meta(
        title="Omstillingsplan for Dyrøy & <Sørreisa> 2024–2029",
        subtitle="Vedtatt «utkast» > 1",
        municipality="Dyrøy kommune",
        language="nn-NO",
        header="Omstillingsplan – Dyrøy",
        date="12. oktober 2024",
        kind="omstillingsplan",
        labels={"page": "Sida", "of": "av", "contents": "Innhald"},
    )
    for key, value in changes.items():
        setattr(meta, key, value)
    return meta


def _document(image: Path) -> Document:
    budget = Table(
        header=[[Text("Tiltak")], [Text("2025")], [Text("2026")]],
        rows=[
            [[Text("Kompetanseløft")], [Text("1\u00a0250\u00a0000")], [Text("300\u00a0000")]],
            [[Text("Reiseliv "), Emphasis([Text("helår")])], [Text("750\u00a0000")],
             [Text("0")]],
            [[Text("Sum")], [Text("2\u00a0000\u00a0000")], [Text("300\u00a0000")]],
        ],
        align=["left", "right", "right"],
        totals=True,
        caption=[Text("Budsjett per tiltak (kr)")],
        style="budget",
        widths=[3, 1, 1],
    )
    version = Table(
        header=[[Text("Versjon")], [Text("Dato")]],
        rows=[[[Text("1.2")], [Text("12.10.2024")]]],
        align=["left", "left"],
        style="version",
    )
    return Document(
        meta=_meta(),
        blocks=[
            version,
            TableOfContents("Innhald"),
            Heading(1, [Text("Om dokumentet")], outlined=False),
            Heading(1, [Text("Bakgrunn")], number="1"),
            Paragraph([Text("Ei ingress.")], style="lead"),
            Paragraph([
                Text("Vanleg "), Strong([Text("feit "), Emphasis([Text("og kursiv")])]),
                Text(" tekst"), LineBreak(), Text("ny linje med "),
                Link(URL, [Text("lenkje")]), Text("."),
            ]),
            Paragraph([Text("Merknad.")], style="note"),
            Paragraph([Text("Ukjend rolle.")], style="no-such-role"),
            Heading(2, [Text("Mål & delmål")], number="1.1"),
            BulletList([
                [Paragraph([Text("punkt ein")])],
                [Paragraph([Text("punkt to")]), Paragraph([Text("framhald")]),
                 BulletList([[Paragraph([Text("underpunkt")])]])],
            ]),
            OrderedList([[Paragraph([Text("første")])], [Paragraph([Text("andre")])]]),
            OrderedList([[Paragraph([Text("tredje")])]], start=3),
            Heading(3, [Text("Detaljar")], number="1.1.1"),
            budget,
            PageBreak(),
            Heading(1, [Text("Bilete")], number="2"),
            Figure(Image(image), alt="Kart over Dyrøy", caption=[Text("Figur 1: Kart")]),
            Paragraph([Text(HOSTILE + "\x00\x0b\x1f")]),
        ],
    )


class Written:
    """One written .docx, opened both ways."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc = docx.Document(str(path))
        with zipfile.ZipFile(path) as z:
            self.parts = {n: z.read(n) for n in z.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def xpath(self, name: str, query: str) -> list:
        return self.xml(name).xpath(query, namespaces=NS)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Written]:
    tmp = tmp_path_factory.mktemp("docx")
    document = _document(_png(tmp / "kart.png"))
    out = tmp / "plan.docx"
    get_writer("docx").write(document, out)
    return document, Written(out)


# ---------------------------------------------------------------- structure


def test_headings_use_word_heading_styles_and_match_the_outline(written) -> None:
    document, w = written
    headings = [(p.style.name, p.text) for p in w.doc.paragraphs
                if p.style.name.startswith("Heading")]
    # The number is not typed: the text is the title, Word's list adds "1.1".
    assert headings[1] == ("Heading 2", "Mål & delmål")
    shown = word_headings(w.path)
    assert [(level, text) for level, text, _ in shown] == document.outline()
    assert all(numbered for _, _, numbered in shown)


def test_heading_numbers_come_from_a_list_linked_to_the_heading_styles(written) -> None:
    _, w = written
    styles = w.xml("word/styles.xml")
    num_ids = {
        level: styles.xpath(f"w:style[@w:styleId='Heading{level}']/w:pPr/w:numPr/w:numId/@w:val",
                            namespaces=NS)
        for level in (1, 2, 3)
    }
    assert len({tuple(v) for v in num_ids.values()}) == 1 and num_ids[1] != ["0"]
    numbering = w.xml("word/numbering.xml")
    abstract = numbering.xpath(f"w:num[@w:numId='{num_ids[1][0]}']/w:abstractNumId/@w:val",
                               namespaces=NS)[0]
    linked = numbering.xpath(
        f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:pStyle/@w:val", namespaces=NS)
    assert linked == ["Heading1", "Heading2", "Heading3"]
    # No heading paragraph starts with typed digits.
    for p in w.doc.paragraphs:
        if p.style.name.startswith("Heading"):
            assert not p.text[:1].isdigit(), p.text


def test_unnumbered_heading_stays_out_of_the_list(tmp_path: Path) -> None:
    doc = Document(_meta(), [
        Heading(1, [Text("Forord")]),  # outlined, no number
        Heading(1, [Text("Bakgrunn")], number="1"),
        Heading(1, [Text("Vedlegg")]),
        Heading(1, [Text("Mål")], number="2"),
    ])
    out = tmp_path / "u.docx"
    DocxWriter().write(doc, out)
    assert word_headings(out) == [(1, "Forord", False), (1, "1 Bakgrunn", True),
                                  (1, "Vedlegg", False), (1, "2 Mål", True)]
    forord = next(p for p in Written(out).doc.paragraphs if p.text == "Forord")
    assert forord._p.xpath("w:pPr/w:numPr/w:numId/@w:val") == ["0"]


def test_numbers_word_would_not_count_are_typed(tmp_path: Path) -> None:
    # A tree number the list cannot give ("A"): every number typed, none from the list.
    doc = Document(_meta(), [Heading(1, [Text("Bakgrunn")], number="A"),
                             Heading(1, [Text("Mål")], number="2")])
    out = tmp_path / "t.docx"
    DocxWriter().write(doc, out)
    assert word_headings(out) == [(1, "A Bakgrunn", False), (1, "2 Mål", False)]


def test_unlisted_heading_is_not_in_the_outline(written) -> None:
    _, w = written
    unlisted = [p for p in w.doc.paragraphs if p.text == "Om dokumentet"]
    assert [p.style.name for p in unlisted] == ["Unlisted Heading 1"]
    assert w.doc.styles["Unlisted Heading 1"].element.xpath(
        "w:pPr/w:outlineLvl/@w:val") == ["9"]


def _toc_entries(w: Written) -> list[tuple[str, str, str, str]]:
    """(TOC style, shown text, bookmark linked to, cached PAGEREF result) per entry."""
    out = []
    for p in w.xml("word/document.xml").iter(f"{{{W}}}p"):
        style = p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)
        if not style or not style[0].startswith("TOC") or style[0] == "TOCHeading":
            continue
        link = p.find(f"{{{W}}}hyperlink")
        runs = link.xpath("w:r", namespaces=NS)
        instr = "".join(link.xpath(".//w:instrText/text()", namespaces=NS))
        # Text before the PAGEREF field is the entry; inside it, the cached page.
        begin = next(i for i, r in enumerate(runs)
                     if r.xpath("w:fldChar/@w:fldCharType", namespaces=NS) == ["begin"])
        text = "".join("\t" if r.find(f"{{{W}}}tab") is not None else
                       "".join(r.xpath("w:t/text()", namespaces=NS)) for r in runs[:begin])
        page = "".join("".join(r.xpath("w:t/text()", namespaces=NS)) for r in runs[begin:])
        anchor = link.get(f"{{{W}}}anchor")
        assert instr.strip() == f"PAGEREF {anchor} \\h"
        out.append((style[0], text, anchor, page))
    return out


def test_table_of_contents_is_a_filled_field(written) -> None:
    _, w = written
    instr = w.xpath("word/document.xml", "//w:instrText/text()")
    assert ' TOC \\o "1-3" \\h \\z \\u ' in instr
    toc_heading = [p for p in w.doc.paragraphs if p.style.name == "TOC Heading"]
    assert [p.text for p in toc_heading] == ["Innhald"]
    entries = _toc_entries(w)
    assert [(s, t) for s, t, _, _ in entries] == [
        ("TOC1", "1\tBakgrunn\t"), ("TOC2", "1.1\tMål & delmål\t"),
        ("TOC3", "1.1.1\tDetaljar\t"), ("TOC1", "2\tBilete\t")]
    assert all(page.isdigit() for _, _, _, page in entries)
    # Each entry links to a bookmark around its heading.
    marks = {b.get(f"{{{W}}}name"): "".join(b.getparent().xpath(".//w:t/text()", namespaces=NS))
             for b in w.xml("word/document.xml").iter(f"{{{W}}}bookmarkStart")}
    assert [marks[a] for _, _, a, _ in entries] == ["Bakgrunn", "Mål & delmål", "Detaljar",
                                                     "Bilete"]
    # Filled, so no "update fields?" question when Word opens it.
    assert w.xpath("word/settings.xml", "//w:updateFields") == []
    assert w.xpath("word/document.xml", "//w:fldChar[@w:dirty]") == []
    assert not any("oppdatert" in p.text for p in w.doc.paragraphs)


def test_toc_takes_the_given_page_numbers(tmp_path: Path) -> None:
    doc = _document(_png(tmp_path / "k.png"))
    out = tmp_path / "p.docx"
    DocxWriter().write(doc, out, pages=[3, 4, 7, 9])
    assert [p for _, _, _, p in _toc_entries(Written(out))] == ["3", "4", "7", "9"]
    # Pages that do not fit the outline are not trusted: estimated instead.
    DocxWriter().write(doc, out, pages=[3])
    pages = [int(p) for _, _, _, p in _toc_entries(Written(out))]
    assert pages == sorted(pages) and pages[0] >= 2


def test_paragraph_roles_map_to_template_styles(written) -> None:
    _, w = written
    by_text = {p.text: p.style.name for p in w.doc.paragraphs}
    assert by_text["Ei ingress."] == "Lead"
    assert by_text["Merknad."] == "Note"
    assert by_text["Ukjend rolle."] == "Normal"


def test_inline_formatting_runs_and_line_break(written) -> None:
    _, w = written
    para = next(p for p in w.doc.paragraphs if p.text.startswith("Vanleg"))
    assert para.text == "Vanleg feit og kursiv tekst\nny linje med lenkje."
    runs = {r.text: (bool(r.bold), bool(r.italic)) for r in para.runs}
    assert runs["feit "] == (True, False)
    assert runs["og kursiv"] == (True, True)
    assert runs["Vanleg "] == (False, False)


def test_hyperlink_is_a_real_relationship(written) -> None:
    _, w = written
    para = next(p for p in w.doc.paragraphs if p.text.startswith("Vanleg"))
    assert [(h.url, h.text) for h in para.hyperlinks] == [(URL, "lenkje")]
    rels = w.xml("word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels if r.get("Type").endswith("/hyperlink")]
    assert targets == [URL]
    assert all(r.get("TargetMode") == "External" for r in rels
               if r.get("Type").endswith("/hyperlink"))


def test_lists_use_list_styles_and_numbered_lists_restart(written) -> None:
    _, w = written
    styles = {p.text: p.style.name for p in w.doc.paragraphs}
    assert styles["punkt ein"] == "List Bullet"
    assert styles["framhald"] == "List Continue"
    assert styles["underpunkt"] == "List Bullet 2"
    assert styles["første"] == styles["tredje"] == "List Number"
    num_ids = {}
    for p in w.doc.paragraphs:
        if p.text in ("første", "andre", "tredje"):
            num_ids[p.text] = p._p.xpath("w:pPr/w:numPr/w:numId/@w:val")[0]
    assert num_ids["første"] == num_ids["andre"] != num_ids["tredje"]
    numbering = w.xml("word/numbering.xml")
    starts = {
        n: numbering.xpath(f"w:num[@w:numId='{n}']/w:lvlOverride/w:startOverride/@w:val",
                           namespaces=NS)
        for n in (num_ids["første"], num_ids["tredje"])
    }
    assert starts == {num_ids["første"]: ["1"], num_ids["tredje"]: ["3"]}


def test_table_header_alignment_totals_widths_and_caption(written) -> None:
    _, w = written
    table = w.doc.tables[1]
    assert table.style.name == "Plandoc Table"
    rows = table._tbl.xpath("w:tr")
    assert [bool(r.xpath("w:trPr/w:tblHeader")) for r in rows] == [True, False, False, False]
    assert [c.text for c in table.rows[0].cells] == ["Tiltak", "2025", "2026"]
    for row in table.rows:
        assert row.cells[0].paragraphs[0].alignment is None
        for cell in row.cells[1:]:
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert [c.paragraphs[0].style.name for c in table.rows[-1].cells] == ["Table Total"] * 3
    assert w.doc.styles["Table Total"].font.bold is True
    assert w.doc.styles["Table Text"].font.bold is not True
    assert [c.paragraphs[0].style.name for c in table.rows[1].cells] == ["Table Text"] * 3
    assert table.rows[2].cells[0].text == "Reiseliv helår"
    grid = [int(g) for g in table._tbl.xpath("w:tblGrid/w:gridCol/@w:w")]
    assert grid[0] == pytest.approx(3 * grid[1], abs=3) and grid[1] == grid[2]
    caption = table._tbl.getprevious()
    assert caption.xpath("string(.)") == "Budsjett per tiltak (kr)"
    assert caption.xpath("w:pPr/w:pStyle/@w:val") == ["Caption"]
    assert table._tbl.xpath("w:tblPr/w:tblCaption/@w:val") == ["Budsjett per tiltak (kr)"]


def test_version_table_gets_the_version_style(written) -> None:
    _, w = written
    assert w.doc.tables[0].style.name == "Plandoc Table Version"
    assert [c.text for c in w.doc.tables[0].rows[1].cells] == ["1.2", "12.10.2024"]


def test_picture_has_alt_text_and_caption(written) -> None:
    _, w = written
    doc_pr = w.xpath("word/document.xml", "//wp:inline/wp:docPr")
    assert len(doc_pr) == 1
    assert doc_pr[0].get("descr") == "Kart over Dyrøy"
    assert doc_pr[0].get("title") == "Figur 1: Kart"
    assert len(w.doc.inline_shapes) == 1
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in w.parts)
    figure = next(p for p in w.doc.paragraphs if p._p.xpath(".//w:drawing"))
    assert figure.style.name == "Figure"
    following = figure._p.getnext()
    assert following.xpath("string(.)") == "Figur 1: Kart"
    # The caption ends the figure: it does not keep with what follows (a table's does).
    assert following.xpath("w:pPr/w:keepNext/@w:val") == ["0"]


def test_page_break(written) -> None:
    _, w = written
    assert w.xpath("word/document.xml", "count(//w:br[@w:type='page'])") == 1


# ---------------------------------------------------------------- cover, header, footer, props


def test_cover_is_rendered_from_the_template_tags(written) -> None:
    document, w = written
    meta = document.meta
    cover = [p for p in w.doc.paragraphs[:5] if p.text]
    assert [p.text for p in cover] == [meta.municipality, meta.title, meta.subtitle, meta.date]
    assert [p.style.name for p in cover] == ["Cover Municipality", "Title", "Subtitle",
                                             "Cover Date"]
    for name, blob in w.parts.items():
        if name.endswith(".xml"):
            text = "".join(etree.fromstring(blob).xpath("//w:t/text()", namespaces=NS))
            assert "{{" not in text.replace(HOSTILE, ""), name
            assert "{%" not in text.replace(HOSTILE, ""), name


def test_cover_has_colour_bands_and_the_version_block_at_its_foot(tmp_path: Path) -> None:
    meta = _meta(version=[("Versjon", "1.2"), ("Dato", "12.10.2024")],
                 labels={"version_block": "Dokumentversjon"})
    out = tmp_path / "v.docx"
    DocxWriter().write(Document(meta, [Paragraph([Text("x")])]), out)
    w = Written(out)
    cover = w.doc.sections[0]
    assert cover.different_first_page_header_footer
    bands = cover.first_page_header._element.xpath(".//wp:anchor")
    assert len(bands) == 3  # top band, light stripe, bottom band, all behind the text
    assert all(b.get("behindDoc") == "1" for b in bands)
    foot = [(p.style.name, p.text) for p in cover.first_page_footer.paragraphs]
    assert foot == [("Cover Version Heading", "Dokumentversjon"),
                    ("Cover Version", "Versjon\t1.2"), ("Cover Version", "Dato\t12.10.2024")]


def test_version_details_appear_once_as_in_the_pdf(tmp_path: Path) -> None:
    """With a version table in the body, the cover leaves its version block out; without
    one, the cover has it."""
    meta = _meta(version=[("Versjon", "1.2"), ("Dato", "12.10.2024")],
                 labels={"version_block": "Dokumentversjon"})
    table = Table(header=[[Text("Versjon")], [Text("Dato")]],
                  rows=[[[Text("1.2")], [Text("12.10.2024")]]], align=["left", "left"],
                  style="version")
    for blocks, on_cover in (([table], False), ([Paragraph([Text("x")])], True)):
        out = tmp_path / f"v{on_cover}.docx"
        DocxWriter().write(Document(meta, list(blocks)), out)
        w = Written(out)
        foot = [p.text for p in w.doc.sections[0].first_page_footer.paragraphs]
        assert ("Versjon\t1.2" in foot) is on_cover
        body_texts = [c.text for t in w.doc.tables for row in t.rows for c in row.cells]
        shown = foot.count("Versjon\t1.2") + body_texts.count("1.2")
        assert shown == 1


def test_header_and_footer_with_page_fields_not_on_cover(written) -> None:
    _, w = written
    cover, body = w.doc.sections
    assert cover.different_first_page_header_footer
    assert not body.different_first_page_header_footer
    # The cover's own first-page header and footer hold the bands and the version block.
    refs = cover._sectPr.xpath("w:headerReference/@w:type|w:footerReference/@w:type")
    assert set(refs) <= {"first", "default"}
    # As in the PDF: document title left, kommune right.
    assert body.header.paragraphs[0].text == "Omstillingsplan – Dyrøy\tDyrøy kommune"
    footer = body.footer._element
    instr = [t.strip() for t in footer.xpath(".//w:instrText/text()")]
    assert instr == ["PAGE", "NUMPAGES"]
    text = "".join(footer.xpath(".//w:t/text()"))
    assert text.startswith("Sida ") and " av " in text


def test_language_and_core_properties(written) -> None:
    document, w = written
    lang = w.xpath("word/styles.xml", "//w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert lang == ["nn-NO"]
    assert w.xpath("word/settings.xml", "//w:themeFontLang/@w:val") == ["nn-NO"]
    props = w.doc.core_properties
    assert props.title == document.meta.title
    assert props.subject == document.meta.subtitle
    assert props.author == "Dyrøy kommune"
    assert props.language == "nn-NO"


# ---------------------------------------------------------------- escaping


def test_hostile_text_comes_out_literally(written) -> None:
    document, w = written
    assert document.meta.title in [p.text for p in w.doc.paragraphs]
    hostile = [p.text for p in w.doc.paragraphs if p.text.startswith("& <")]
    assert hostile == [HOSTILE]  # control characters dropped, everything else literal


def test_hostile_meta_survives_docxtpl(tmp_path: Path) -> None:
    meta = _meta(title=HOSTILE, subtitle="a\x00b\x07c", municipality="{{ title }}",
                 header="</w:t><w:t>x", labels={"page": "<Side>", "of": "&"})
    out = tmp_path / "h.docx"
    DocxWriter().write(Document(meta, []), out)
    w = Written(out)
    assert [p.text for p in w.doc.paragraphs[:4] if p.text] == ["{{ title }}", HOSTILE, "abc"]
    assert w.doc.sections[-1].header.paragraphs[0].text == "</w:t><w:t>x\t{{ title }}"
    footer_text = "".join(w.doc.sections[-1].footer._element.xpath(".//w:t/text()"))
    assert footer_text.startswith("<Side> ") and " & " in footer_text
    assert w.doc.core_properties.title == HOSTILE


# ---------------------------------------------------------------- determinism, atomicity


def test_two_writes_are_byte_identical(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = _document(_png(tmp_path / "kart.png"))
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    DocxWriter().write(document, first)
    DocxWriter().write(document, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert Written(first).doc.core_properties.created.year == 2000


def test_source_date_epoch_sets_the_document_dates(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    out = tmp_path / "a.docx"
    DocxWriter().write(Document(_meta(), []), out)
    props = Written(out).doc.core_properties
    assert props.created.isoformat().startswith("2023-11-14T22:13:20")
    assert props.modified == props.created


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"previous")
    broken = Document(_meta(), [Figure(Image(tmp_path / "missing.png"), alt="x")])
    with pytest.raises(RenderError, match=r"missing\.png"):
        DocxWriter().write(broken, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_not_an_image_is_a_render_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.png"
    fake.write_text("not a picture")
    with pytest.raises(RenderError, match=r"fake\.png"):
        DocxWriter().render(Document(_meta(), [Figure(Image(fake), alt="x")]))


# ---------------------------------------------------------------- the template


def test_template_has_the_styles_users_restyle() -> None:
    template = docx.Document(str(DEFAULT_TEMPLATE))
    names = {s.name for s in template.styles}
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle", "TOC Heading",
                 "toc 1", "toc 2", "toc 3", "Caption", "List Bullet", "List Number",
                 "List Bullet 2", "List Number 2", "Plandoc Table", "Plandoc Table Version",
                 "Table Text", "Table Heading", "Table Total", "Lead", "Note", "Figure",
                 "Hyperlink"):
        assert name in names, name
    body = "".join(p.text for p in template.paragraphs)
    for tag in ("{{ title }}", "{{ subtitle }}", "{{ municipality }}", "{{ date }}"):
        assert tag in body
    assert template.sections[-1].header.paragraphs[0].text == "{{ header }}\t{{ municipality }}"


def test_template_with_unknown_tag_is_a_template_error(tmp_path: Path) -> None:
    template = docx.Document(str(DEFAULT_TEMPLATE))
    template.paragraphs[0].add_run(" {{ no_such_field }}")
    path = tmp_path / "bad.docx"
    template.save(str(path))
    with pytest.raises(TemplateError, match="no_such_field"):
        DocxWriter(template=path).render(Document(_meta(), []))


def test_missing_template_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="Word-malen"):
        DocxWriter(template=tmp_path / "nope.docx").render(Document(_meta(), []))


# ---------------------------------------------------------------- charts, LibreOffice


def test_chart_figure_becomes_a_png_picture(tmp_path: Path) -> None:
    pytest.importorskip("plandoc.writers.charts")
    chart = Chart(kind="bar", categories=["2025", "2026"],
                  series=[Series("Budsjett", [1_000_000, 2_500_000])], unit="kr")
    out = tmp_path / "c.docx"
    DocxWriter().write(Document(_meta(), [Figure(chart, alt="Budsjett per år")]), out)
    w = Written(out)
    assert w.xpath("word/document.xml", "//wp:docPr/@descr") == ["Budsjett per år"]
    media = [n for n in w.parts if n.startswith("word/media/")]
    assert len(media) == 1 and w.parts[media[0]][:8] == b"\x89PNG\r\n\x1a\n"


def test_libreoffice_converts_the_document(written, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice (LibreOffice) er ikke installert; hopper over PDF-konvertering")
    _, w = written
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(w.path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    pdf = tmp_path / "plan.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) >= 3  # cover, body, page break
    assert "Dyrøy" in reader.pages[0].extract_text()
    assert "Sida 2 av" in reader.pages[1].extract_text()


# ---------------------------------------------------------------- one look with the PDF


def _deobfuscate(data: bytes, key: str) -> bytes:
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    out = bytearray(data)
    for i in range(32):
        out[i] ^= guid[i % 16]
    return bytes(out)


def test_docx_embeds_the_font_family_the_pdf_uses(written) -> None:
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    from plandoc.writers.pdf import render_pdf

    document, w = written
    fonts = w.xpath("word/styles.xml", "//w:docDefaults//w:rFonts/@w:ascii")
    assert fonts == ["DejaVu Sans"]
    # Embedded as Word does: obfuscated parts named in fontTable.xml with their keys.
    rels = {r.get("Id"): r.get("Target") for r in w.xml("word/_rels/fontTable.xml.rels")}
    faces = {}
    for embed in w.xpath("word/fontTable.xml", "//w:font[@w:name='DejaVu Sans']/*"):
        kind = etree.QName(embed).localname
        if not kind.startswith("embed"):
            continue
        rid = embed.get(f"{{{NS['r']}}}id")
        data = _deobfuscate(w.parts["word/" + rels[rid]], embed.get(f"{{{W}}}fontKey"))
        font = TTFont(io.BytesIO(data))
        faces[kind] = (font["name"].getDebugName(1), font["name"].getDebugName(2))
    assert faces == {"embedRegular": ("DejaVu Sans", "Book"),
                     "embedBold": ("DejaVu Sans", "Bold"),
                     "embedItalic": ("DejaVu Sans", "Oblique"),
                     "embedBoldItalic": ("DejaVu Sans", "Bold Oblique")}
    assert w.xpath("word/settings.xml", "count(//w:embedTrueTypeFonts)") == 1
    types = w.xml("[Content_Types].xml")
    assert any(o.get("ContentType", "").endswith("obfuscatedFont") for o in types)
    # The PDF of the same tree sets its text in the same family.
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    names = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            names.add(str(font.get_object().get("/BaseFont")).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= names
    assert all(n.startswith(("DejaVuSans", "Noto")) for n in names), names


def test_table_without_weights_gets_typst_column_widths(tmp_path: Path) -> None:
    from plandoc.writers.docx_widths import text_width_pt

    table = Table(header=[[Text("Tiltak")], [Text("Beløp")]],
                  rows=[[[Text("Kompetanseløft i hele regionen")], [Text("1\u00a0250\u00a0000")]]],
                  align=["left", "right"])
    out = tmp_path / "w.docx"
    DocxWriter().write(Document(_meta(), [table]), out)
    w = Written(out)
    grid = [int(g) for g in w.doc.tables[0]._tbl.xpath("w:tblGrid/w:gridCol/@w:w")]
    # As plandoc.typ: the number column as wide as its widest cell (plus 6 pt each side, and
    # 2.5 pt Word and LibreOffice need beyond the summed advances), the text column the rest.
    number = (text_width_pt("1\u00a0250\u00a0000") + 12 + 2.5) * 20
    assert grid[1] == pytest.approx(number, abs=2)
    assert sum(grid) == pytest.approx(9072, abs=3)
