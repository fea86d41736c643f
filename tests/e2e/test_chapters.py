"""Own sub-sections, chapters and appendices (issue 14): the real-plan case through
`plandoc build`, read back from DOCX, PDF and HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from plandoc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

BACKGROUND = """  bakgrunn: |
    Innleiing til bakgrunnen.

    ## Bakgrunn for omstillingsstatusen

    Verftet gjekk konkurs i 2023.

    ## Planprosessen

    Planen vart laga i 2024.

    ### Medverknad

    Folkemøte i mai.

    ## Plandokumentet

    Dokumentet har fire delar.

    ## Avgrensingar

    Planen omfattar ikkje helse.

    #### For djup overskrift
"""

CHAPTERS = """
kapitler:
  - type: kapittel
    etter: organisering
    tittel: Samarbeid med nabokommunane
    tekst: |
      Sunnvik samarbeider med nabokommunane.
  - type: vedlegg
    tittel: Kommunikasjonsstrategi
    tekst: |
      Vi kommuniserer ope.

      ## Målgrupper

      Innbyggjarar og næringsliv.
  - type: vedlegg
    tittel: Forslag til samansetjing av omstillingsstyret
    tekst: |
      Styret skal ha fem medlemer.
"""

EXPECTED = [
    (1, "1 Bakgrunn for omstillingsarbeidet"),
    (2, "1.1 Bakgrunn for omstillingsstatusen"),
    (2, "1.2 Planprosessen"),
    (3, "1.2.1 Medverknad"),
    (2, "1.3 Plandokumentet"),
    (2, "1.4 Avgrensingar"),
    (2, "1.5 Samandrag av utviklingsanalysen"),
]
TAIL = [
    (1, "Vedlegg A Kommunikasjonsstrategi"),
    (2, "A.1 Målgrupper"),
    (1, "Vedlegg B Forslag til samansetjing av omstillingsstyret"),
]


def real_plan(folder: Path) -> Path:
    """Sunnvik with a Bakgrunn of four ## sub-sections, an own chapter, two appendices and a
    proposed board role without a name."""
    text = (ROOT / "inputs" / "sunnvik" / "program.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("  bakgrunn: |"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith("    ") or not lines[end]):
        end += 1
    text = "\n".join([*lines[:start], BACKGROUND.rstrip("\n"), *lines[end:]])
    text = text.replace("organisasjon:\n", "organisasjon:\n  - gruppe: Styringsgruppe\n"
                        "    rolle: Observatør\n", 1)
    path = folder / "sunnvik" / "program.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text.rstrip("\n") + "\n" + CHAPTERS, encoding="utf-8")
    return path


def docx_outline(path: Path) -> list[tuple[int, str]]:
    out = []
    for p in open_docx(str(path)).paragraphs:
        m = re.fullmatch(r"Heading (\d)", p.style.name)
        if m:
            out.append((int(m.group(1)), p.text))
    return out


def pdf_outline(path: Path) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(PdfReader(path).outline, 1)
    return out


def html_outline(path: Path) -> list[tuple[int, str]]:
    html = path.read_text(encoding="utf-8")
    article = html[html.index('<article'):]
    out = []
    for level, inner in re.findall(r"<h(\d)[^>]*>(.*?)</h\1>", article):
        text = re.sub(r"<[^>]+>", "", inner)
        out.append((int(level) - 1, text))  # the page title is the one <h1>
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("chapters")
    real_plan(root / "inputs")
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(root / "inputs"), "--out", str(out),
                                       "--format", "docx,pdf,html"])
    assert result.exit_code == 0, result.output
    return out / "sunnvik-kommune", result.stderr + result.stdout


def test_sub_sections_and_appendices_in_every_outline(built: tuple[Path, str]) -> None:
    folder, _ = built
    outlines = {
        "docx": docx_outline(folder / "omstillingsplan.docx"),
        "pdf": pdf_outline(folder / "omstillingsplan.pdf"),
        "html": [h for h in html_outline(folder / "omstillingsplan.html")
                 if h[1] not in ("Innhald",)],
    }
    for fmt, outline in outlines.items():
        assert outline[: len(EXPECTED)] == EXPECTED, fmt
        assert outline[-len(TAIL):] == TAIL, fmt
        # The own chapter comes right after Organisering, numbered in sequence.
        titles = [t for _, t in outline]
        organisation = next(i for i, t in enumerate(titles) if t.endswith(" Organisering"))
        chapter = titles.index("5 Samarbeid med nabokommunane")
        assert chapter > organisation and titles[organisation].startswith("4 ")
        assert all(lvl > 1 for lvl, _ in outline[organisation + 1: chapter]), fmt
        assert titles[chapter + 1].startswith("6 Ressursinnsats"), fmt
    assert outlines["docx"] == outlines["pdf"] == outlines["html"]


def test_too_deep_heading_is_bold_text_and_reported_at_its_line(
    built: tuple[Path, str],
) -> None:
    folder, output = built
    assert re.search(r"program\.yaml:\d+: advarsel: overskriften «#### For djup overskrift» "
                     r"i feltet «Bakgrunn» blir fet tekst", output), output
    doc = open_docx(str(folder / "omstillingsplan.docx"))
    para = next(p for p in doc.paragraphs if p.text == "For djup overskrift")
    assert not para.style.name.startswith("Heading")
    assert all(r.bold for r in para.runs if r.text.strip())


def test_a_proposed_role_without_a_name(built: tuple[Path, str]) -> None:
    folder, _ = built
    doc = open_docx(str(folder / "omstillingsplan.docx"))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["Observatør", "ikkje oppnemnd enno", "–"] in rows


def test_appendix_in_the_wrong_document_kind_is_an_error(tmp_path: Path) -> None:
    path = real_plan(tmp_path / "inputs")
    text = path.read_text(encoding="utf-8").replace(
        "    etter: organisering\n", "    dokument: programplan\n    etter: organisering\n")
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "regional omstilling-program har omstillingsplan" in result.output + result.stderr
    shutil.rmtree(tmp_path / "inputs")


def test_a_budgeted_year_without_tiltak_is_explained(tmp_path: Path) -> None:
    """Sunnvik with its 2026 tiltak moved to 2027: 2026 keeps its budget, gets no
    handlingsplan, and the build says why, at the budget line."""
    text = (ROOT / "inputs" / "sunnvik" / "program.yaml").read_text(encoding="utf-8")
    head, tail = text.split("\ntiltak:\n", 1)
    measures, rest = tail.split("\nbudsjett:", 1)
    path = tmp_path / "inputs" / "sunnvik" / "program.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(head + "\ntiltak:\n" + measures.replace("år: 2026", "år: 2027")
                    + "\nbudsjett:" + rest, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path.parent.parent), "--out", str(out),
                                       "--format", "docx", "-q"])
    assert result.exit_code == 0, result.output
    assert re.search(r"program\.yaml:\d+: advarsel: 2026 har budsjett \(3\u00a0200\u00a0000\), "
                     r"men ingen tiltak, så det lages ingen handlingsplan for 2026",
                     result.output + result.stderr), result.output
    built = {p.name for p in (out / "sunnvik-kommune").glob("handlingsplan-*.docx")}
    assert built == {"handlingsplan-2025.docx", "handlingsplan-2027.docx"}
