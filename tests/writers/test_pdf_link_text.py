"""Link descriptions in the PDF are Norwegian: Typst describes a mailto: or tel: link for
screen readers as "Email …"/"Telephone …" on its own; plandoc says "E-post …"/"Telefon …"."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from plandoc.document import Document, Heading, Link, Meta, Paragraph, Text
from plandoc.writers.base import get_writer


def test_mail_and_phone_links_are_described_in_norwegian(tmp_path: Path) -> None:
    document = Document(Meta(title="Kontakt", full_title="Kontakt"), [
        Heading(1, [Text("Kontakt")]),
        Paragraph([Text("Skriv til "), Link("mailto:kari@example.no", [Text("Kari")]),
                   Text(" eller "), Link("tel:+4712345678", [Text("ring oss")]),
                   Text(", eller les "), Link("https://example.no", [Text("nettsiden")])]),
    ])
    path = tmp_path / "kontakt.pdf"
    get_writer("pdf").write(document, path)
    with pikepdf.open(path) as pdf:
        texts = sorted(str(a.get("/Contents", "")) for page in pdf.pages
                       for a in page.get("/Annots", []))
    assert texts == ["E-post kari@example.no", "Telefon +4712345678", "https://example.no"]
    again = tmp_path / "igjen.pdf"
    get_writer("pdf").write(document, again)
    assert again.read_bytes() == path.read_bytes()  # still byte-identical
