"""The områdeløft's programplan revised (issue 13): Sandbakken's programplan 2.0 (til behandling)
against the adopted 1.0 — the change chapter in DOCX and PDF, and programplan-endringer.docx
with native tracked changes (the same code as the omstillingsplan: builders/revision.py)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from plandoc.build.pipeline import documents
from plandoc.load.inputs import load_file
from plandoc.writers.base import get_writer

ROOT = Path(__file__).resolve().parents[2]
SANDBAKKEN = ROOT / "inputs" / "sandbakken" / "program.xlsx"
CHAPTER = "Endringer fra versjon 1.0 (vedtatt 18. desember 2024)"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").replace("\u00ad", "")
                    .split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("programplan")
    programme, diags = load_file(SANDBAKKEN)
    assert programme is not None and not diags.has_errors, [str(d) for d in diags]
    made = list(documents(programme, kinds=["programplan", "endringer"]))
    assert [stem for stem, _, _ in made] == ["programplan", "programplan-endringer"]
    for stem, kind, document in made:
        for fmt in (("docx",) if kind == "endringer" else ("docx", "pdf")):
            writer = get_writer(fmt)
            writer.write(document, folder / f"{stem}{writer.suffix}")
    return folder


def test_the_programplan_has_the_change_chapter(built: Path) -> None:
    doc = open_docx(str(built / "programplan.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert any(h.endswith(CHAPTER) for h in headings), headings
    rows = [[flat(c.text) for c in r.cells] for t in doc.tables for r in t.rows]
    # The 2027 frame is new in 2.0: old 0, new 700 000.
    assert ["Møteplasser og bomiljø", "2027", "0", "700 000", "+700 000"] in rows
    assert ["Elvestad kommune", "2027", "0", "1 500 000", "+1 500 000"] in rows
    reader = PdfReader(str(built / "programplan.pdf"))
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any(t.endswith(CHAPTER) for t in outline), outline
    pdf = flat("\n".join(page.extract_text() or "" for page in reader.pages))
    # pypdf may run the right-aligned "0" and "700 000" together.
    assert re.search(r"Møteplasser og bomiljø 2027 0 ?700 000 \+700 000", pdf), pdf


def test_the_tracked_changes_file_has_insertions_and_deletions(built: Path) -> None:
    with zipfile.ZipFile(built / "programplan-endringer.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    inserted = flat(" ".join(re.findall(r"<w:ins\b.*?</w:ins>", xml, re.S)))
    deleted = flat(" ".join(re.findall(r"<w:del\b.*?</w:del>", xml, re.S)))
    inserted_text = flat(" ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", inserted)))
    deleted_text = flat(" ".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", deleted)))
    # The new role and the version block, old → new.
    assert "Sara Nguyen" in inserted_text and "Ungdomskontakt" in inserted_text
    assert "2.0" in inserted_text and "1.0" in deleted_text
    assert "18. desember 2024" in deleted_text
    doc = open_docx(str(built / "programplan-endringer.docx"))
    assert doc.core_properties.title.startswith("Programplan")
