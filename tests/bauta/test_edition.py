"""The example bauta end to end: contents, what is left out, the page report, the web pages."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from pypdf import PdfReader

from bauta.conftest import Built
from plandoc.bauta.budget import BookPages
from plandoc.bauta.editorial import read_editorial
from plandoc.bauta.settings import read_settings
from plandoc.core.diagnostics import Diagnostics
from plandoc.i18n.bauta_labels import BAUTA
from plandoc.writers.pdf_pages import read_pages

REJECTED_TITLE = "Drømmen om ny ferjekai"
REJECTED_TEXT = "Fylkestinget vedtok i juni 2025"
# Hvitsand's example was assessed but not chosen (its profile does mention a gründerhage).
NOT_CHOSEN_TEXT = "Åtte bedrifter deler lokaler, kjøkken og rådgiver"
MISSING_TITLE = "Frivilligsentralen som limet i bygda"
LONG_TITLE = "Nordlysløypa – naturopplevelser for alle"


def _expected(built: Built) -> tuple[list[str], list[str]]:
    """Chosen profiles and examples in editorial order, read from the editorial sheet."""
    diags = Diagnostics()
    settings = read_settings(built.root / "bauta.yaml", diags)
    assert settings is not None
    rows = read_editorial(built.root / "redaksjonsark.xlsx", settings, diags)
    chosen = sorted((r for r in rows if r.status == "valgt"), key=lambda r: r.order or 0)
    profiles = [f"{r.municipality} kommune" for r in chosen if r.kind == "profil"]
    examples = [r.title for r in chosen if r.kind == "eksempel"]
    return profiles, examples


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _squash(text: str) -> str:
    # PDF text extraction breaks lines and hyphenates; compare letters only.
    return re.sub(r"[\W_]+", "", text).casefold()


def test_the_example_builds_without_errors(built: Built) -> None:
    assert not built.result.diagnostics.has_errors
    names = {p.name for p in built.out.iterdir()}
    assert {"bauta.pdf", "bauta.docx", "kortversjon.pdf", "kortversjon.docx",
            "sidebudsjett.txt", "web"} <= names


def test_contents_list_every_chosen_profile_and_example_in_editorial_order(
        built: Built) -> None:
    profiles, examples = _expected(built)
    assert len(profiles) == 17 and len(examples) == 7
    pages = read_pages(built.out / "bauta.pdf")
    parts = [e for e in pages.outline if e.level == 1]
    second = {part.title: [] for part in parts}
    current = None
    for entry in pages.outline:
        if entry.level == 1:
            current = entry.title
        elif entry.level == 2 and current is not None:
            second[current].append(entry.title)
    assert second[BAUTA["profiles"]] == profiles
    # The examples part opens with the editors' own sections, then the examples.
    intro = ["Slik leser du eksemplene", "Hvorfor disse sju?"]
    assert second[BAUTA["examples"]] == intro + examples
    # The printed table of contents (the first numbered page) shows them in the same order.
    reader = PdfReader(built.out / "bauta.pdf")
    first_numbered = next(i for i, label in enumerate(reader.page_labels) if label)
    toc = _squash(reader.pages[first_numbered].extract_text())
    positions = [toc.find(_squash(title)) for title in profiles + examples]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
    # Word's contents are made from its Heading 2 paragraphs: same names, same order.
    document = docx.Document(str(built.out / "bauta.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [h for h in headings if h in profiles] == profiles
    assert [h for h in headings if h in examples] == examples


def test_rejected_and_unchosen_material_is_absent(built: Built) -> None:
    book = _squash(_pdf_text(built.out / "bauta.pdf"))
    short = _squash(_pdf_text(built.out / "kortversjon.pdf"))
    word = _squash("\n".join(p.text for p in docx.Document(
        str(built.out / "bauta.docx")).paragraphs))
    site = _squash("\n".join(p.read_text(encoding="utf-8")
                             for p in (built.out / "web").rglob("*.html")))
    for text in (REJECTED_TITLE, REJECTED_TEXT, NOT_CHOSEN_TEXT, MISSING_TITLE):
        for where, content in (("PDF", book), ("kortversjon", short), ("Word", word),
                               ("web", site)):
            assert _squash(text) not in content, f"«{text}» står i {where}"
    # …while a chosen example is there in every edition.
    for content in (book, short, word, site):
        assert _squash(LONG_TITLE) in content
    assert not (built.out / "web" / "eksempler" / "drommen-om-ny-ferjekai").exists()


def _parts_from_pdf(path: Path) -> dict[str, int]:
    """Pages per part computed here from the PDF alone: cover = unnumbered pages, a part
    runs from its heading's page to the next part (the front matter from the contents)."""
    reader = PdfReader(path)
    labels = reader.page_labels
    numbered = [i + 1 for i, label in enumerate(labels) if label]
    starts: dict[str, int] = {}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        starts.setdefault(item.title, reader.get_destination_page_number(item) + 1)
    order = [("front", numbered[0]), ("national", starts[BAUTA["national"]]),
             ("shared", starts[BAUTA["shared"]]), ("profiles", starts[BAUTA["profiles"]]),
             ("examples", starts[BAUTA["examples"]]),
             ("references", starts[BAUTA["references"]])]
    out = {"cover": len(labels) - len(numbered)}
    for i, (key, start) in enumerate(order):
        end = order[i + 1][1] if i + 1 < len(order) else numbered[-1] + 1
        out[key] = end - start
    return out


def test_page_report_matches_the_pdf(built: Built) -> None:
    report = built.result.report
    assert isinstance(report, BookPages)
    pdf = built.out / "bauta.pdf"
    measured = _parts_from_pdf(pdf)
    assert {p.key: p.actual for p in report.parts} == measured
    assert sum(measured.values()) == len(PdfReader(pdf).pages) == report.total
    assert measured["cover"] == 4
    # Items add up to their parts: each profile and example measured from its bookmark.
    parts = {p.key: p for p in report.parts}
    profiles = [i for i in report.items if i.kind == "profil"]
    examples = [i for i in report.items if i.kind == "eksempel"]
    assert len(profiles) == 17 and len(examples) == 7
    assert profiles[0].first + sum(i.actual for i in profiles) - 1 == parts["profiles"].last
    assert examples[0].first + sum(i.actual for i in examples) - 1 == parts["examples"].last
    # The written report says the same as the object.
    text = (built.out / "sidebudsjett.txt").read_text(encoding="utf-8")
    for part in report.parts:
        assert re.search(rf"^{re.escape(part.label)}\s+{part.budget}\s+{part.actual}\s", text,
                         re.MULTILINE), part.label
    # The short version: one page per example, measured the same way.
    short = read_pages(built.out / "kortversjon.pdf")
    assert [i.actual for i in report.short_items] == [1] * 7
    assert len(report.short_items) == len([e for e in short.outline if e.level == 1]) - 1


def test_the_over_long_example_is_flagged(built: Built) -> None:
    report = built.result.report
    assert isinstance(report, BookPages)
    flagged = report.too_long
    assert [(i.kind, i.title) for i in flagged] == [("eksempel", LONG_TITLE)]
    assert flagged[0].actual > 6
    assert all(i.actual <= 2 for i in report.items if i.kind == "profil")
    text = (built.out / "sidebudsjett.txt").read_text(encoding="utf-8")
    assert "For lange bidrag" in text and f"«{LONG_TITLE}»" in text


def test_web_edition_has_a_permalink_per_profile_and_example(built: Built) -> None:
    profiles, examples = _expected(built)
    web = built.out / "web"
    kommuner = sorted(p.name for p in (web / "kommuner").iterdir())
    assert len(kommuner) == len(profiles)
    assert (web / "kommuner" / "kvitnes" / "index.html").is_file()
    slug = "nordlysloypa-naturopplevelser-for-alle"
    page = (web / "eksempler" / slug / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb-NO">' in page
    assert f'<link rel="canonical" href="https://lokalkraft.example.no/eksempler/{slug}/">' in page
    assert len(list((web / "eksempler").iterdir())) == len(examples)
    for name in ("bauta.pdf", "bauta.docx", "kortversjon.pdf"):
        assert (web / "last-ned" / name).is_file()


def test_web_links_and_pictures_resolve_inside_the_site(built: Built) -> None:
    web = built.out / "web"
    pages = list(web.rglob("*.html"))
    assert len(pages) == 2 + 17 + 7
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for attr, target in re.findall(r'(href|src)="([^"#]+)', html):
            if target.startswith(("http:", "https:", "mailto:", "data:")):
                continue
            resolved = (page.parent / target).resolve()
            if target.endswith("/"):
                resolved = resolved / "index.html"
            assert resolved.is_file(), f"{page.relative_to(web)}: {attr}={target}"
        for img in re.findall(r"<img [^>]*>", html):
            assert re.search(r'alt="[^"]+"', img), img


def test_every_site_link_reaches_a_page_and_its_anchor(built: Built) -> None:
    """The paths urls.py makes (pages, sections of the front page, downloads, pictures) all
    exist in the written site: no link of the web edition is dead."""
    from urllib.parse import unquote, urlsplit

    from plandoc.bauta import urls

    web = built.out / urls.WEB_DIR
    pages = sorted(web.rglob("*.html"))
    assert len(pages) > 20
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'(?:href|src)="([^"]+)"', html):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)) if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(web)}: {href}"
            if parts.fragment and target.suffix == ".html":
                assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8"), (
                    f"{page.relative_to(web)}: {href}")
            checked += 1
    assert checked > 100
    front = (web / "index.html").read_text(encoding="utf-8")
    for anchor in (urls.EXAMPLES_ANCHOR, urls.PROFILES_ANCHOR, urls.DOWNLOADS_ANCHOR):
        assert f'id="{anchor.removeprefix("/#")}"' in front


def test_word_edition_has_the_book_cover_and_a_filled_two_level_toc(built: Built) -> None:
    import zipfile

    from docx_read import toc_pages

    for name in ("bauta.docx", "kortversjon.docx"):
        document = docx.Document(str(built.out / name))
        cover = document.sections[0]
        # The book's own cover (templates/word/bauta.docx): a full page in fjord blue with a
        # landscape, the title in white, no version block.
        shapes = cover.first_page_header._element.xpath(".//wp:docPr/@name")
        assert shapes[:2] == ["Forside", "Fjell bak"], name
        title = next(p for p in document.paragraphs if p.style.name == "Title")
        assert title.text and title.style.font.color.rgb == docx.shared.RGBColor(255, 255, 255)
        assert not "".join(p.text for p in cover.first_page_footer.paragraphs).strip()
    # The book's TOC arrives filled, with the levels its PDF lists (parts, chapters).
    entries = toc_pages(built.out / "bauta.docx")
    assert entries and all(page > 2 for _, page in entries)
    with zipfile.ZipFile(built.out / "bauta.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert 'TOC \\o "1-2"' in xml and "TOC3" not in xml
