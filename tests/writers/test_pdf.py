"""The PDF writer, read back with pypdf: outline, text, tables, figures, tags, determinism."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from plandoc.core.diagnostics import RenderError
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
from plandoc.writers import pdf
from plandoc.writers.base import get_writer

#: User text that would be markup in Typst, Markdown, XML or Jinja2; must come out literally.
HOSTILE = [
    "#set page(width: 1cm)",
    "$x$",
    "*bold*",
    "_x_",
    "<label>",
    "@ref",
    "back\\slash",
    "{{ 7*7 }}",
    "</w:t>",
    "&amp;",
    "مرحبا بالعالم",
    "שלום עולם",
    "Cafe\u0301 n\u0303",
    "#let x = 1 // /* ] ) }",
]
#: No embedded font has emoji glyphs; see test_emoji_falls_back_to_tagged_pdf.
EMOJI = "Hei 😀 der"

LONG_ROWS = 70


def _t(text: str) -> list[Text]:
    return [Text(text)]


def _h(level: int, number: str | None, title: str, outlined: bool = True) -> Heading:
    return Heading(level, _t(title), number=number, outlined=outlined)


def _png(path: Path) -> Path:
    from PIL import Image as PILImage

    PILImage.new("RGB", (400, 200), (31, 78, 121)).save(path)
    return path


def make_document(tmp: Path) -> Document:
    """A document with every block and inline kind, hostile text and a table spanning pages."""
    pytest.importorskip("plandoc.writers.charts")
    meta = Meta(
        title="Omstillingsplan for Dyrøy 2025–2030",
        subtitle="Omstillingsprogrammet Dyrøy 2030",
        municipality="Dyrøy kommune",
        header="Omstillingsplan 2025–2030",
        version=[("Versjon", "1.2"), ("Dato", "12. oktober 2025"), ("Status", "Utkast")],
        kind="omstillingsplan",
        date="12. oktober 2025",
        labels={
            "contents": "Innhold",
            "page": "Side",
            "of": "av",
            "version_block": "Dokumentversjon",
        },
    )
    long_rows = [
        [
            _t(f"Tiltak {i:02d}"),
            _t(f"Beskrivelse av tiltak nummer {i}"),
            _t(f"{i * 1000:,}".replace(",", "\u00a0")),
        ]
        for i in range(1, LONG_ROWS + 1)
    ]
    long_rows.append([_t("Sum"), [], _t("2\u00a0485\u00a0000")])
    blocks = [
        TableOfContents("Innhold"),
        PageBreak(),
        _h(1, "1", "Bakgrunn for omstillingsarbeidet"),
        Paragraph(_t("Dyrøy fikk omstillingsstatus i 2024."), style="lead"),
        Paragraph(
            [
                Text("Vanlig tekst med "),
                Strong(_t("fet")),
                Text(" og "),
                Emphasis(_t("kursiv")),
                Text(" og "),
                Strong([Emphasis(_t("fet kursiv"))]),
                Text(", en lenke til "),
                Link("https://www.regjeringen.no/", _t("regjeringen.no")),
                Text("."),
                LineBreak(),
                Text("Ny linje etter linjeskift."),
            ]
        ),
        Paragraph(_t("Merk: dette er en merknad."), style="note"),
        _h(2, "1.1", "Fiendtlig tekst"),
        BulletList([[Paragraph(_t(s))] for s in HOSTILE]),
        _h(2, "1.2", "Lister"),
        BulletList(
            [
                [Paragraph(_t("Punkt en"))],
                [
                    Paragraph(_t("Punkt to")),
                    BulletList([[Paragraph(_t("Underpunkt A"))], [Paragraph(_t("Underpunkt B"))]]),
                ],
            ]
        ),
        OrderedList([[Paragraph(_t("Først"))], [Paragraph(_t("Deretter"))]], start=3),
        _h(3, None, "Skjult overskrift", outlined=False),
        Paragraph(_t("Tekst under en overskrift som ikke skal i innholdsfortegnelsen.")),
        PageBreak(),
        _h(1, "2", "Budsjett og finansiering"),
        Table(
            header=[_t("Post"), _t("2025"), _t("2026")],
            rows=[
                [_t("Næringsutvikling"), _t("1\u00a0000\u00a0000"), _t("1\u00a0200\u00a0000")],
                [_t("Reiseliv *x*"), _t("500\u00a0000"), _t("700\u00a0000")],
                [_t("Sum"), _t("1\u00a0500\u00a0000"), _t("1\u00a0900\u00a0000")],
            ],
            align=["left", "right", "right"],
            totals=True,
            caption=_t("Budsjett per år (kr)"),
            style="budget",
            widths=[3, 1, 1],
        ),
        Figure(
            Chart(
                kind="stacked-bar",
                categories=["2025", "2026"],
                series=[
                    Series("Næringsutvikling", [1_000_000, 1_200_000]),
                    Series("Reiseliv", [500_000, 700_000]),
                ],
                unit="kr",
            ),
            alt="Stablet søylediagram over budsjett per år",
            caption=_t("Budsjett per innsatsområde"),
        ),
        Figure(
            Image(_png(tmp / "logo.png")),
            alt="Blått rektangel",
            caption=_t("Et bilde fra inndatamappa"),
        ),
        _h(2, "2.1", "Alle tiltak"),
        Table(
            header=[_t("Tiltak"), _t("Beskrivelse"), _t("Beløp (kr)")],
            rows=long_rows,
            align=["left", "left", "right"],
            totals=True,
            caption=_t("Tiltak i planperioden"),
        ),
        _h(1, "3", "Versjoner"),
        Table(
            header=[_t("Felt"), _t("Verdi")],
            rows=[
                [_t("Versjon"), _t("1.2")],
                [_t("Vedtatt av kommunestyret"), _t("1. desember 2025")],
            ],
            align=["left", "left"],
            style="version",
        ),
    ]
    return Document(meta, blocks)


def _norm(text: str) -> str:
    """Whitespace-free NFC text, so line breaks and justification spaces do not matter."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(reader.outline, 1)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, bytes, PdfReader]:
    tmp = tmp_path_factory.mktemp("pdf")
    document = make_document(tmp)
    path = tmp / "plan.pdf"
    get_writer("pdf").write(document, path)
    data = path.read_bytes()
    return document, data, PdfReader(io.BytesIO(data))


@pytest.fixture(scope="module")
def text(built: tuple[Document, bytes, PdfReader]) -> str:
    return "\n".join(page.extract_text() for page in built[2].pages)


def _struct_types(reader: PdfReader) -> list[tuple[str, str | None]]:
    """(structure type, alt text) for every element of the tag tree."""
    found: list[tuple[str, str | None]] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                found.append((str(node["/S"]), node.get("/Alt")))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def _runs(page: object) -> list[tuple[str, str, float]]:
    """(text, font name, x) for each text run drawn on a page."""
    runs: list[tuple[str, str, float]] = []

    def visit(text: str, cm: list, tm: list, font: dict | None, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            runs.append((text.strip(), str((font or {}).get("/BaseFont", "")), x))

    page.extract_text(visitor_text=visit)
    return runs


def _xmp(reader: PdfReader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


# ---------------------------------------------------------------- structure


def test_writer_is_registered() -> None:
    writer = get_writer("pdf")
    assert (writer.name, writer.suffix) == ("pdf", ".pdf")


def test_bookmarks_equal_document_outline(built: tuple[Document, bytes, PdfReader]) -> None:
    document, _, reader = built
    assert _outline(reader) == document.outline()
    assert "Skjult overskrift" not in [title for _, title in _outline(reader)]


def test_table_of_contents_lists_outline_only(built: tuple[Document, bytes, PdfReader]) -> None:
    document, _, reader = built
    toc = _norm(reader.pages[1].extract_text())
    assert toc.index("Innhold") < toc.index(_norm("1 Bakgrunn"))
    for _, title in document.outline():
        assert _norm(title) in toc
    assert _norm("Skjult overskrift") not in toc
    # Page numbers in the TOC point at the physical pages: chapter 2 starts on page 4.
    assert _norm("2 Budsjett og finansiering") in _norm(reader.pages[3].extract_text())
    assert re.search(r"2Budsjettogfinansiering\W*4", toc)


def test_cover_has_no_header_or_footer(built: tuple[Document, bytes, PdfReader]) -> None:
    document, _, reader = built
    cover = _norm(reader.pages[0].extract_text())
    meta = document.meta
    for value in (meta.title, meta.subtitle, meta.municipality.upper(), meta.date):
        assert _norm(value) in cover
    # The body has its own version table, so the cover does not repeat the version details.
    assert _norm("DOKUMENTVERSJON") not in cover and _norm("Versjon 1.2") not in cover
    assert "Side" not in cover
    assert _norm(meta.header) not in cover
    assert _norm(meta.header) in _norm(reader.pages[2].extract_text())


def test_cover_shows_the_version_block_when_the_body_has_none() -> None:
    meta = Meta(title="Prosjektplan", municipality="Dyrøy kommune", kind="prosjektplan",
                version=[("Versjon", "1.2"), ("Status", "Utkast")],
                labels={"version_block": "Dokumentversjon"})
    document = Document(meta, [Paragraph([Text("Innhold.")])])
    cover = _norm(PdfReader(io.BytesIO(pdf.render_pdf(document))).pages[0].extract_text())
    assert _norm("DOKUMENTVERSJON") in cover and _norm("Versjon 1.2") in cover


def test_page_numbers_side_x_av_y(built: tuple[Document, bytes, PdfReader]) -> None:
    _, _, reader = built
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        assert _norm(f"Side {number} av {total}") in _norm(page.extract_text())


def test_every_page_is_a4(built: tuple[Document, bytes, PdfReader]) -> None:
    # "#set page(width: 1cm)" in the text must not reach Typst as markup.
    for page in built[2].pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


# ---------------------------------------------------------------- text


def test_text_has_headings_and_paragraphs(text: str) -> None:
    norm = _norm(text)
    for title in (
        "1 Bakgrunn for omstillingsarbeidet",
        "1.1 Fiendtlig tekst",
        "Skjult overskrift",
        "Vanlig tekst med fet og kursiv og fet kursiv, en lenke til regjeringen.no.",
        "Ny linje etter linjeskift.",
        "Merk: dette er en merknad.",
        "Underpunkt B",
        "3. Først",
        "4. Deretter",
        "Budsjett per år (kr)",
        "Budsjett per innsatsområde",
        "Et bilde fra inndatamappa",
    ):
        assert _norm(title) in norm, title


def test_line_break_splits_the_line(text: str) -> None:
    assert "regjeringen.no.\nNy linje" in text


def test_hostile_text_comes_out_literally(text: str) -> None:
    norm = _norm(text)
    for value in HOSTILE:
        if any(unicodedata.bidirectional(c) in {"R", "AL"} for c in value):
            # Extraction gives right-to-left words in visual order; each word is intact.
            for word in value.split():
                assert _norm(word) in norm, word
        else:
            assert _norm(value) in norm, value
    assert "{{7*7}}" in norm


def test_link_is_a_link(built: tuple[Document, bytes, PdfReader]) -> None:
    _, _, reader = built
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader.pages
        for a in page.get("/Annots", []) or []
        if "/A" in a.get_object()
    ]
    assert "https://www.regjeringen.no/" in uris


# ---------------------------------------------------------------- tables


def test_table_cells_present(text: str) -> None:
    norm = _norm(text)
    for value in ("Næringsutvikling", "1\u00a0200\u00a0000", "Reiseliv *x*", "1\u00a0900\u00a0000",
                  "Vedtatt av kommunestyret", "1. desember 2025", "2\u00a0485\u00a0000"):
        assert _norm(value) in norm, value
    for i in range(1, LONG_ROWS + 1):
        assert _norm(f"Tiltak {i:02d} Beskrivelse av tiltak nummer {i}") in norm


def test_long_table_breaks_with_repeated_header(built: tuple[Document, bytes, PdfReader]) -> None:
    _, _, reader = built
    pages = [_norm(p.extract_text()) for p in reader.pages]
    with_rows = [i for i, p in enumerate(pages) if re.search(r"Tiltak\d\dBeskrivelse", p)]
    assert len(with_rows) >= 2, "the long table should span pages"
    for i in with_rows:
        assert _norm("Tiltak Beskrivelse Beløp (kr)") in pages[i]


def test_totals_row_is_bold_and_numbers_right_aligned(
    built: tuple[Document, bytes, PdfReader],
) -> None:
    _, _, reader = built
    runs = [r for page in reader.pages for r in _runs(page)]
    fonts = {t: f for t, f, _ in runs}
    assert "Bold" in fonts["Sum"]
    assert "Bold" in fonts["2\u00a0485\u00a0000"]
    assert "Bold" not in fonts["Tiltak 45"]
    x = {t: x for t, _, x in runs}
    # Right-aligned: a shorter number starts further right than a longer one.
    assert x["9\u00a0000"] > x["45\u00a0000"]
    # Left-aligned text starts at the same place on every row.
    assert x["Tiltak 09"] == pytest.approx(x["Tiltak 45"])


# ---------------------------------------------------------------- tags and metadata


def test_metadata_title_language_and_tags(built: tuple[Document, bytes, PdfReader]) -> None:
    document, _, reader = built
    root = reader.trailer["/Root"]
    assert reader.metadata["/Title"] == document.meta.title
    assert root["/Lang"] == "nb-NO"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    types = [t for t, _ in _struct_types(reader)]
    for kind in ("/H1", "/H2", "/Table", "/TH", "/L", "/LI", "/Link", "/Figure"):
        assert kind in types, kind


def test_pdf_ua_1_is_declared(built: tuple[Document, bytes, PdfReader]) -> None:
    assert "<pdfuaid:part>1</pdfuaid:part>" in _xmp(built[2])


def test_figures_carry_alt_text(built: tuple[Document, bytes, PdfReader]) -> None:
    _, _, reader = built
    alts = [alt for kind, alt in _struct_types(reader) if kind == "/Figure"]
    assert alts == ["Stablet søylediagram over budsjett per år", "Blått rektangel"]
    assert sum(len(p.images) for p in reader.pages) >= 1  # the PNG is embedded


def test_chart_is_drawn_as_text(built: tuple[Document, bytes, PdfReader]) -> None:
    # The template draws the chart (chart.typ), so its labels are text a reader can find.
    _, _, reader = built
    pages = [_norm(p.extract_text()) for p in reader.pages]
    page = next(p for p in pages if "MNOK" in p)
    for label in ("2025", "2026", "MNOK", "Næringsutvikling", "Reiseliv", "0,5", "1,5"):
        assert _norm(label) in page, label


def test_nynorsk_gives_nn(tmp_path: Path) -> None:
    document = Document(
        Meta(title="Handlingsplan 2026", language="nn-NO", labels={"contents": "Innhald"}),
        [TableOfContents(""), _h(1, "1", "Innleiing"), Paragraph(_t("Tekst på nynorsk."))],
    )
    path = tmp_path / "nn.pdf"
    get_writer("pdf").write(document, path)
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == "nn-NO"
    assert reader.metadata["/Title"] == "Handlingsplan 2026"
    assert "<rdf:li>nn-NO</rdf:li>" in _xmp(reader)
    assert _norm("Innhald") in _norm(reader.pages[1].extract_text())
    assert _outline(reader) == [(1, "1 Innleiing")]


# ---------------------------------------------------------------- determinism and errors


def test_double_write_is_byte_identical(
    built: tuple[Document, bytes, PdfReader], tmp_path: Path
) -> None:
    document, first, _ = built
    compiler = pdf._compiler(())
    again = tmp_path / "again.pdf"
    pdf.PdfWriter().write(document, again)
    assert again.read_bytes() == first
    assert pdf._compiler(()) is compiler  # one compiler per process, reused


def test_source_date_epoch_sets_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    document = Document(Meta(title="Dato"), [Paragraph(_t("x"))])
    default = PdfReader(io.BytesIO(pdf.render_pdf(document))).metadata
    assert default["/CreationDate"].startswith("D:2000")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = PdfReader(io.BytesIO(pdf.render_pdf(document))).metadata
    assert dated["/CreationDate"].startswith("D:20231114")


def test_emoji_print_from_the_shipped_fonts_in_a_pdf_ua(caplog: pytest.LogCaptureFixture) -> None:
    document = Document(Meta(title="Emoji"), [Paragraph(_t(EMOJI))])
    with caplog.at_level("WARNING", logger="plandoc.writers.pdf"):
        data = pdf.render_pdf(document)
    reader = PdfReader(io.BytesIO(data))
    assert caplog.text == ""
    assert "pdfuaid:part>1" in _xmp(reader)
    assert "😀" in reader.pages[1].extract_text()


def test_text_without_a_glyph_falls_back_to_tagged_pdf(caplog: pytest.LogCaptureFixture) -> None:
    # No shipped font has CJK glyphs and PDF/UA-1 forbids missing glyphs (the readers refuse
    # such text; a document made otherwise still gets written): the writer keeps a tagged
    # PDF without the UA claim and says so.
    document = Document(Meta(title="Skrift"), [Paragraph(_t("Hei 中文"))])
    with caplog.at_level("WARNING", logger="plandoc.writers.pdf"):
        data = pdf.render_pdf(document)
    reader = PdfReader(io.BytesIO(data))
    assert "PDF/UA" in caplog.text and "中" in caplog.text
    assert "pdfuaid:part>1" not in _xmp(reader)
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert _norm("Hei") in _norm(reader.pages[1].extract_text())


def test_control_characters_are_dropped() -> None:
    document = Document(Meta(title="Kontroll"), [Paragraph(_t("a\tb\x07c"))])
    text = PdfReader(io.BytesIO(pdf.render_pdf(document))).pages[1].extract_text()
    assert "a bc" in text


def test_font_folder_in_template_is_used(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    template = tmp_path / "typst"
    shutil.copytree(pdf.DEFAULT_TEMPLATE_DIR, template)
    # A family no shipped folder has: the shipped DejaVu Sans under another name.
    font = TTFont(pdf.DEFAULT_TEMPLATE_DIR / "fonts" / "DejaVuSans.ttf")
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Plandoc Prøve"
        elif record.nameID == 6:
            record.string = "PlandocProeve"
    font.save(template / "fonts" / "PlandocProeve.ttf")
    main = template / pdf.MAIN_TEMPLATE
    main.write_text(main.read_text().replace('("DejaVu Sans",)', '("Plandoc Prøve",)', 1))
    data = pdf.render_pdf(Document(Meta(title="Skrift"), [Paragraph(_t("Hei"))]), template)
    assert b"PlandocProeve" in data


def test_broken_template_is_a_render_error(tmp_path: Path) -> None:
    (tmp_path / pdf.MAIN_TEMPLATE).write_text("#let x = (\n")
    with pytest.raises(RenderError, match="kunne ikke lages"):
        pdf.render_pdf(Document(Meta(title="x"), []), tmp_path)
    with pytest.raises(RenderError, match="fant ikke PDF-malen"):
        pdf.render_pdf(Document(Meta(title="x"), []), tmp_path / "nowhere")


def test_bad_figures_and_tables_are_render_errors(tmp_path: Path) -> None:
    missing = Document(Meta(title="x"), [Figure(Image(tmp_path / "nei.png"), alt="Bilde")])
    with pytest.raises(RenderError, match="fant ikke bildet"):
        pdf.render_pdf(missing)
    (tmp_path / "data.txt").write_text("secret")
    wrong = Document(Meta(title="x"), [Figure(Image(tmp_path / "data.txt"), alt="Bilde")])
    with pytest.raises(RenderError, match="format"):
        pdf.render_pdf(wrong)
    no_alt = Document(Meta(title="x"), [Figure(Image(_png(tmp_path / "a.png")), alt=" ")])
    with pytest.raises(RenderError, match="alternativ tekst"):
        pdf.render_pdf(no_alt)
    ragged = Table(header=[_t("A")], rows=[[_t("1"), _t("2")]], align=["left"])
    with pytest.raises(RenderError, match="flere celler"):
        pdf.render_pdf(Document(Meta(title="x"), [ragged]))


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    writer = pdf.PdfWriter()
    writer.write(Document(Meta(title="God"), [Paragraph(_t("x"))]), path)
    good = path.read_bytes()
    bad = Document(Meta(title="x"), [Figure(Image(tmp_path / "nei.png"), alt="Bilde")])
    with pytest.raises(RenderError):
        writer.write(bad, path)
    assert path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_templates_folder_can_be_overridden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PLANDOC_TEMPLATES", raising=False)
    assert pdf.default_template_dir() == pdf.DEFAULT_TEMPLATE_DIR
    monkeypatch.setenv("PLANDOC_TEMPLATES", str(tmp_path))
    assert pdf.default_template_dir() == tmp_path.resolve() / "typst"
    with pytest.raises(RenderError, match="fant ikke PDF-malen"):
        pdf.PdfWriter().write(Document(Meta(title="x"), []), tmp_path / "x.pdf")
