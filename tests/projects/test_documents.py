"""Project and roll-up documents built from the factory and read back through both writers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from plandoc.builders import build_documents
from plandoc.builders.dump import to_text
from plandoc.document import Document, Status, Table, plain_text, walk_blocks
from plandoc.i18n.fmt import format_date, format_money
from plandoc.i18n.labels import BOKMÅL, NYNORSK
from plandoc.writers.base import get_writer
from projects.factory import programme_with_projects

#: The status colours of templates/typst/plandoc.typ as PDF fill operands.
PDF_COLOURS = {"green": b"0.18039216 0.54509807 0.23921569",
               "yellow": b"0.6039216 0.44705883 0", "red": b"0.7764706 0.15686275 0.15686275"}
WANTED = ("prosjekter/", "portefoljeoversikt", "arsrapport")


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {stem: doc for stem, doc in build_documents(programme_with_projects(finished=True))
            if stem.startswith(WANTED)}


@pytest.fixture(scope="module")
def written(docs: dict[str, Document], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plp")
    for stem, doc in docs.items():
        for name in ("docx", "pdf"):
            writer = get_writer(name)
            path = out / f"{stem}{writer.suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            writer.write(doc, path)
    return out


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append(" ".join(c.text for c in row.cells))
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    # Typst hyphenates table text: pypdf gives "be\xad drifter" and "Resultat-\nmål"; a
    # minus sign in bold comes out as a soft hyphen.
    text = re.sub(r"(\w)\xad\s+(\w)", r"\1\2", text)
    text = re.sub(r"(\w)-(?:\n| )([a-zæøå])", r"\1\2", text)
    return text.replace("\xad", "-")


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def both(written: Path, stem: str) -> list[str]:
    """The text of the Word and the PDF file; the PDF's status dot (an artifact, which
    pypdf still extracts) left out, as Word has a shaded chip of spaces there."""
    docx_words = squash(docx_text(written / f"{stem}.docx"))
    assert "\u25cf" not in docx_words
    return [docx_words, squash(pdf_text(written / f"{stem}.pdf")).replace("\u25cf ", "")]


def test_the_expected_documents_are_made(docs: dict[str, Document]) -> None:
    assert sorted(docs) == [
        "arsrapport-2024", "portefoljeoversikt", "prosjekter/01-24/prosjektplan",
        "prosjekter/01-24/sluttrapport", "prosjekter/01-24/statusrapport-2024-06-30",
        "prosjekter/01-24/statusrapport-2024-09-30", "prosjekter/01-25/prosjektplan",
    ]


def test_prosjektplan_has_goal_hierarchy_milestones_and_budget(written: Path) -> None:
    programme = programme_with_projects(finished=True)
    project = programme.projects[0]
    for text in both(written, "prosjekter/01-24/prosjektplan"):
        for level in ("Visjon", "Effektmål", "Resultatmål", "Prosjektmål"):
            assert level in text
        for goal in project.goals:
            # A long goal wraps in its cell, and pypdf interleaves the lines of a row.
            assert squash(" ".join(goal.text.split()[:3])) in text, goal.text
        for m in project.milestones:
            assert f"{m.id} {m.name}" in text
            assert format_date(m.date, "short") in text
        assert f"Sum {format_money(project.budget_total())}".replace("\u00a0", " ") in text
        assert "Sum 400 000 300 000" in text  # financing: søkt and innvilget
        for heading in ("Bakgrunn", "Omfang og avgrensning", "Organisering",
                        "Kritiske suksessfaktorer", "Risikomatrise", "Hovedaktiviteter"):
            assert heading in text


def test_prosjektplan_has_a_timeline_chart(docs: dict[str, Document]) -> None:
    figures = [b for b in walk_blocks(docs["prosjekter/01-24/prosjektplan"].blocks)
               if type(b).__name__ == "Figure"]
    assert [f.content.kind for f in figures] == ["timeline"]  # type: ignore[union-attr]
    assert figures[0].alt == ("Tidslinje over milepælene. 3 milepæler fra 15.04.2024 til "
                              "01.11.2024. Datoene står i milepæltabellen over.")


def test_statusrapport_shows_each_milestone_with_its_colour(
        written: Path, docs: dict[str, Document]) -> None:
    stem = "prosjekter/01-24/statusrapport-2024-06-30"
    statuses = [(b.level, plain_text(b.children)) for block in walk_blocks(docs[stem].blocks)
                if isinstance(block, Table) for row in [block.header, *block.rows]
                for cell in row for b in cell if isinstance(b, Status)]
    assert statuses[0] == ("yellow", "Gul")  # overall
    assert ("green", "Grønn") in statuses and ("yellow", "Gul") in statuses[1:]
    for text in both(written, stem):
        assert "Samlet status Gul" in text
        assert "MP1 Leverandørkartlegging ferdig 15.04.2024 Grønn 12.04.2024" in text
        assert "MP2 Innkjøpsbehov avklart 01.07.2024 Gul 15.08.2024" in text
        assert "400 000 150 000 250 000 38 %" in text  # budget, spent, remaining, share
    xml = zipfile.ZipFile(written / f"{stem}.docx").read("word/document.xml").decode()
    assert 'w:rStyle w:val="StatusYellow"' in xml and 'w:rStyle w:val="StatusGreen"' in xml
    styles = zipfile.ZipFile(written / f"{stem}.docx").read("word/styles.xml").decode()
    assert re.search(r'w:styleId="StatusYellow".*?w:color w:val="9A7200"', styles, re.S)
    pdf = PdfReader(written / f"{stem}.pdf")
    content = b"".join(page.get_contents().get_data() for page in pdf.pages)
    assert PDF_COLOURS["yellow"] in content and PDF_COLOURS["green"] in content


def test_red_report_lists_the_earlier_one(written: Path) -> None:
    for text in both(written, "prosjekter/01-24/statusrapport-2024-09-30"):
        assert "Samlet status Rød" in text
        assert "Tidligere statusrapporter" in text and "30.06.2024 Gul 150 000" in text
        assert "Styringsgruppen må beslutte ny plan." in text


def test_sluttrapport_goals_reached_and_final_accounts(written: Path) -> None:
    for text in both(written, "prosjekter/01-24/sluttrapport"):
        assert "2 av 2 mål er nådd." in text
        assert "Nådd" in text and "Måles senere" in text
        # Spaces compared away: pypdf joins narrow cells of the PDF.
        assert "Sum 400 000 381 750 \u221218 250".replace(" ", "") in text.replace(" ", "")
        assert "Tidlig forankring lønner seg." in text
        assert "Videreføres i et hovedprosjekt." in text


def test_portfolio_document_totals(written: Path) -> None:
    for text in both(written, "portefoljeoversikt"):
        # Næringsutvikling: all its tiltak 2024–2025, the two with projects, the projects.
        assert "Næringsutvikling 4 000 000 1 400 000 1 300 000 381 750" in text
        # Spaces compared away: pypdf joins narrow cells of the PDF ("T3-2024Forprosjekt").
        assert ("01/24 Havbruksleverandører – forprosjekt T3-2024 Forprosjekt Avsluttet "
                "400 000 381 750 2 av 3 2 av 2").replace(" ", "") in text.replace(" ", "")
        assert "Ikke rapportert 900 000 0 0 av 1" in text


def test_årsrapport_reports_goals_and_projects(written: Path) -> None:
    for text in both(written, "arsrapport-2024"):
        assert "Etablere 10 nye bedrifter" in text
        assert "3 2 ikke på sporet Én bedrift ble forsinket" in text
        assert "D1 01/24 Havbruksleverandører – forprosjekt Åtte bedrifter forplikter seg 8 9 "\
               "Nådd" in text
        assert "T3-2024 Forstudie havbruksleverandører 01/24 Forprosjekt Avsluttet 400 000 " \
               "400 000 381 750" in text


def test_handlingsplan_results_use_the_same_figures() -> None:
    programme = programme_with_projects(finished=True)
    text = to_text(dict(build_documents(programme, years=[2025]))["handlingsplan-2025"])
    assert "| Forstudie havbruksleverandører | 01/24 | Avsluttet | 400\u00a0000 | " \
           "400\u00a0000 | 381\u00a0750 |" in text


def test_nynorsk_project_documents_have_no_bokmål_only_labels() -> None:
    programme = programme_with_projects("nynorsk", finished=True)
    only = [re.compile(rf"(?<!\w){re.escape(text)}(?!\w)") for key, text in BOKMÅL.items()
            if text != NYNORSK[key] and "{" not in text and len(text) > 3]
    for stem, doc in build_documents(programme):
        if not stem.startswith(WANTED):
            continue
        # Fixed words only: headings, table headers, captions and meta (the data is bokmål).
        blocks = walk_blocks(doc.blocks)
        fixed = [plain_text(b.children) for b in blocks if type(b).__name__ == "Heading"]
        fixed += [plain_text(c) for b in blocks if isinstance(b, Table) for c in b.header]
        fixed += [plain_text(b.caption) for b in blocks if isinstance(b, Table)]
        fixed += [label for label, _ in doc.meta.version] + list(doc.meta.labels.values())
        for pattern in only:
            for text in fixed:
                assert not pattern.search(text), (stem, pattern.pattern, text)
        assert doc.meta.language == "nn-NO"
