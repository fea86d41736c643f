"""The HTML writer: semantic, escaped, same outline as the other formats; and the site writer."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PIL import Image as PILImage

from factories import sample_programme
from plandoc.builders import build_documents
from plandoc.document import (
    Chart,
    Document,
    Figure,
    Heading,
    Image,
    Link,
    Meta,
    PageBreak,
    Paragraph,
    Series,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from plandoc.writers.base import get_writer
from plandoc.writers.html import HtmlOptions, render_html, safe_url
from plandoc.writers.site import Site, SitePage, relative, write_site

HOSTILE = '<script>alert("x")</script> & "sitat" \'apostrof\' {{ 7*7 }} #overskrift'


def _doc(blocks: list, **meta: str) -> Document:
    return Document(meta=Meta(title=meta.get("title", "Plan"), language=meta.get("lang", "nb-NO"),
                              subtitle=meta.get("subtitle", "")), blocks=blocks)


def _headings(page: str) -> list[tuple[int, str]]:
    found = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.S)
    return [(int(level), html.unescape(re.sub(r"<[^>]+>", "", text))) for level, text in found]


def test_user_text_is_escaped_everywhere(tmp_path: Path) -> None:
    img = tmp_path / "a.png"
    PILImage.new("RGB", (40, 20), "red").save(img)
    doc = _doc([Heading(1, [Text(HOSTILE)]), Paragraph([Text(HOSTILE)]),
                Figure(Image(img), alt=HOSTILE, caption=[Text(HOSTILE)]),
                Table([[Text(HOSTILE)]], [[[Text(HOSTILE)]]], ["left"])],
               title=HOSTILE)
    page = render_html(doc, HtmlOptions(image_src=lambda p: "a.png"))
    assert "<script" not in page
    assert page.count(html.escape(HOSTILE, quote=True)) >= 6
    assert f'alt="{html.escape(HOSTILE, quote=True)}"' in page


def test_only_safe_links_become_links() -> None:
    doc = _doc([Paragraph([Link("javascript:alert(1)", [Text("farlig")]), Text(" "),
                           Link("https://example.no/a?b=1&c=2", [Text("trygg")]), Text(" "),
                           Link("mailto:post@example.no", [Text("post")]), Text(" "),
                           Link("//evil.example", [Text("protokollrelativ")])])])
    page = render_html(doc)
    assert "javascript:" not in page and "//evil.example" not in page
    assert "<span>farlig</span>" in page
    assert '<a href="https://example.no/a?b=1&amp;c=2">trygg</a>' in page
    assert '<a href="mailto:post@example.no">post</a>' in page
    assert safe_url(" data:text/html,x") is None and safe_url("../a/") == "../a/"


def test_headings_have_ids_and_the_contents_link_to_them() -> None:
    doc = _doc([TableOfContents("Innhold"), Heading(1, [Text("Bakgrunn")], number="1"),
                Heading(2, [Text("Mål")], number="1.1"), Heading(1, [Text("Bakgrunn")]),
                PageBreak(), Heading(1, [Text("Skjult")], outlined=False)], lang="nn-NO")
    page = render_html(doc)
    assert '<html lang="nn-NO">' in page
    assert re.search(r'<h2 id="1-bakgrunn"><span class="number">1</span> Bakgrunn</h2>', page)
    assert '<h3 id="1-1-mal">' in page
    assert '<h2 id="bakgrunn">' in page and '<h2 id="skjult" class="unlisted">' in page
    toc = page.split('<nav class="toc"')[1].split("</nav>")[0]
    assert re.findall(r'href="#([^"]+)"', toc) == ["1-bakgrunn", "1-1-mal", "bakgrunn"]
    assert "Skjult" not in toc
    assert "Hopp til innhaldet" in page  # the chrome follows the language
    assert '<div class="page-break" aria-hidden="true"></div>' in page
    assert "<script" not in page


def test_tables_are_semantic() -> None:
    table = Table(header=[[Text("Tiltak")], [Text("Budsjett")]],
                  rows=[[[Text("Torg")], [Text("100")]], [[Text("Sum")], [Text("100")]]],
                  align=["left", "right"], totals=True, caption=[Text("Budsjett 2025")],
                  style="budget", widths=[3, 1])
    page = render_html(_doc([table]))
    assert '<table class="budget">' in page
    assert "<caption>Budsjett 2025</caption>" in page
    assert '<th scope="col">Tiltak</th><th scope="col" class="num">Budsjett</th>' in page
    assert '<tr><th scope="row">Torg</th><td class="num">100</td></tr>' in page
    assert '<tfoot class="totals">' in page and "75.0%" in page


def test_written_page_is_self_contained_with_pictures_beside_it(tmp_path: Path) -> None:
    img = tmp_path / "kart over byen.png"
    PILImage.new("RGB", (120, 80), "blue").save(img)
    chart = Chart("bar", ["2025"], [Series("Tiltak", [1.0])], unit="kr")
    doc = _doc([Figure(Image(img), alt="Kart", caption=[Strong([Text("Kartet")])]),
                Figure(chart, alt="Søyle")])
    path = tmp_path / "ut" / "plan.html"
    get_writer("html").write(doc, path)
    page = path.read_text(encoding="utf-8")
    assert "<style>" in page and "@media print" in page
    src = re.search(r'<img src="([^"]+)" alt="Kart" width="120" height="80"', page)
    assert src and (path.parent / src.group(1)).read_bytes() == img.read_bytes()
    assert '<img src="data:image/svg+xml;base64,' in page
    assert "<figcaption><strong>Kartet</strong></figcaption>" in page


def test_a_plan_has_the_same_outline_in_html(tmp_path: Path) -> None:
    stem, document = build_documents(sample_programme())[0]
    path = tmp_path / f"{stem}.html"
    get_writer("html").write(document, path)
    page = path.read_text(encoding="utf-8")
    body = re.sub(r'<nav class="toc".*?</nav>', "", page.split('<article', 1)[1], flags=re.S)
    found = [(level - 1, text) for level, text in _headings(body) if level > 1]
    assert found == document.outline()


def test_site_links_are_relative_and_pages_are_replaced_whole(tmp_path: Path) -> None:
    assert relative("/kommuner/askvik/", "/eksempler/torg/") == "../../kommuner/askvik/"
    assert relative("/", "/om/") == "../"
    assert relative("/#eksempler", "/") == "./#eksempler"
    assert relative("/last-ned/bok.pdf", "/om/") == "../last-ned/bok.pdf"
    pdf = tmp_path / "bok.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    pages = [SitePage("/", _doc([Paragraph([Link("/om/", [Text("Om")])])], title="Forside")),
             SitePage("/om/", _doc([Paragraph([Link("/", [Text("Hjem")])])], title="Om"),
                      [("Forside", "/"), ("Om", "/om/")])]
    out = tmp_path / "web"
    (out / "gammel").mkdir(parents=True)
    write_site(Site("Boka", pages, nav=[("Forside", "/")], files=[(pdf, "/last-ned/bok.pdf")],
                    base_url="https://boka.example.no"), out)
    assert not (out / "gammel").exists()  # a page left from an earlier build is gone
    about = (out / "om" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../">Hjem</a>' in about
    assert '<link rel="stylesheet" href="../stil/plandoc.css">' in about
    assert '<link rel="stylesheet" href="../stil/print.css" media="print">' in about
    assert '<link rel="canonical" href="https://boka.example.no/om/">' in about
    assert '<li aria-current="page">Om</li>' in about
    assert (out / "last-ned" / "bok.pdf").read_bytes() == b"%PDF-1.7"
    assert (out / "stil" / "print.css").is_file()


def test_status_inline_keeps_word_and_colour_class() -> None:
    from plandoc.document import Document, Meta, Paragraph, Status, Text
    from plandoc.writers.html import HtmlOptions, render_html

    doc = Document(Meta(title="Statusrapport"), [
        Paragraph([Status("yellow", [Text("Gul")])]),
    ])
    html = render_html(doc, HtmlOptions())
    assert 'class="status status-yellow"' in html
    assert "Gul</span>" in html
