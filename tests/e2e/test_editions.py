"""Editions end to end: every document of the examples shows its own version block, read back
from the DOCX and the PDF that `plandoc build` wrote."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from plandoc.build.pipeline import documents
from plandoc.cli.main import main
from plandoc.core.paths import programme_dir
from plandoc.load.inputs import load_file
from plandoc.writers.base import get_writer

ROOT = Path(__file__).resolve().parents[2]

#: (folder, stem, what its own version block says, what it must not borrow)
COVERS = [
    ("fjordvik-kommune", "omstillingsplan",
     ["2.0", "20. januar 2025", "Vedtatt", "27. januar 2025", "13. februar 2025"], []),
    ("fjordvik-kommune", "handlingsplan-2025",
     ["1.0", "2. desember 2024", "Vedtatt", "5. desember 2024", "12. desember 2024",
      "30. november 2024"], ["13. februar 2025"]),
    ("fjordvik-kommune", "handlingsplan-2026",
     ["0.9", "14. november 2025", "Utkast", "31. oktober 2025"], ["13. februar 2025"]),
    ("fjordvik-kommune", "arsrapport-2025",
     ["1.0", "20. januar 2026", "Til behandling", "29. januar 2026", "31. desember 2025"],
     ["13. februar 2025"]),
    # Programplan 2.0 (til behandling) after the adopted 1.0, which its history lists.
    ("elvestad-kommune", "programplan",
     ["2.0", "20. januar 2026", "Til behandling", "28. januar 2026", "16. januar 2026",
      "18. desember 2024"], []),
    ("elvestad-kommune", "handlingsplan-2026",
     ["0.9", "17. november 2025", "Til behandling", "1. desember 2025", "31. oktober 2025"],
     ["18. desember 2024"]),
]


def docx_front(path: Path) -> str:
    """The text before the first numbered chapter: cover, version block and history."""
    doc = open_docx(str(path))
    body = doc.element.body
    parts: list[str] = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            style = child.find(".//{*}pStyle")
            if style is not None and style.get(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val",
                    "").startswith("Heading1"):
                break
            parts.append("".join(t.text or "" for t in child.iter("{*}t")))
        elif tag == "tbl":
            parts.append(" | ".join(t.text or "" for t in child.iter("{*}t")))
    return "\n".join(parts)


def pdf_front(path: Path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages[:2])


def _write_documents(out: Path) -> None:
    """The documents of COVERS through the pipeline's documents() and the registered writers
    (the whole `plandoc build` of the examples is tested in test_examples.py)."""
    for folder_name in ("fjordvik", "sandbakken"):
        programme, diags = load_file(ROOT / "inputs" / folder_name / "program.xlsx")
        assert programme is not None and not diags.has_errors
        target = programme_dir(out, programme.info.municipality)
        wanted = {stem for folder, stem, _, _ in COVERS if folder == target.name}
        for stem, _kind, document in documents(programme):
            if stem in wanted:
                for fmt in ("docx", "pdf"):
                    writer = get_writer(fmt)
                    writer.write(document, target / f"{stem}{writer.suffix}")


def test_each_document_shows_its_own_edition(tmp_path: Path) -> None:
    _write_documents(tmp_path)
    for folder, stem, shown, absent in COVERS:
        base = tmp_path / folder / stem
        for text in (docx_front(base.with_suffix(".docx")), pdf_front(base.with_suffix(".pdf"))):
            flat = " ".join(text.split())
            for value in shown:
                assert value in flat, (stem, value, flat[:600])
            for value in absent:
                assert value not in flat, (stem, value)

    path = tmp_path / "fjordvik-kommune" / "omstillingsplan.docx"
    front = docx_front(path)
    assert "Tidligere versjoner" in front
    assert "1.0 | 15. januar 2024 | Vedtatt | 15. februar 2024 | Første omstillingsplan" in front
    assert open_docx(str(path)).core_properties.version == "2.0 (vedtatt)"
    pdf = " ".join(pdf_front(path.with_suffix(".pdf")).split())
    assert "Tidligere versjoner" in pdf and "Første omstillingsplan" in pdf


def test_nynorsk_labels_for_the_register(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [
        "build", str(ROOT / "inputs" / "sunnvik"), "--out", str(tmp_path), "-q",
        "--format", "docx", "--year", "2025"])
    assert result.exit_code == 0, result.output
    front = docx_front(tmp_path / "sunnvik-kommune" / "handlingsplan-2025.docx")
    assert "Tala i dokumentet er per 31. oktober 2024." in front
    assert "Handsama i styringsgruppa" in front


def test_a_handlingsplan_without_its_own_row_warns_that_it_borrows(tmp_path: Path) -> None:
    src = (ROOT / "inputs" / "fjordvik" / "program.yaml").read_text(encoding="utf-8")
    head, _, _ = src.partition("utgaver:\n")
    folder = tmp_path / "fjordvik"
    folder.mkdir()
    (folder / "program.yaml").write_text(head, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(folder / "program.yaml")])
    assert result.exit_code == 0, result.output
    assert "program.yaml:13: advarsel: handlingsplan 2025 har ingen rad i arket «Utgaver»" \
        in result.output
    assert "(versjon 2.0, vedtatt 13. februar 2025)" in result.output


def test_blank_template_explains_the_register_and_adoption(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for kind in ("program", "prosjekt"):
        path = tmp_path / f"{kind}.xlsx"
        result = CliRunner().invoke(main, ["template", "--kind", kind, str(path)])
        assert result.exit_code == 0, result.output
        wb = load_workbook(path)
        assert "Utgaver" in wb.sheetnames
        guide = " ".join(str(c.value) for row in wb["Veiledning"].iter_rows() for c in row
                         if c.value)
        validations = " ".join(str(v.formula1) for v in wb["Utgaver"].data_validations
                               .dataValidation)
        assert "utkast,til behandling,vedtatt" in validations
        if kind == "program":
            assert "Arket Utgaver" in guide and "Utgaver og vedtak" in guide
            assert "plandoc adopt" in guide and "sporede endringer" in guide
            assert "omstillingsplan,programplan,handlingsplan,årsrapport" in validations
        else:
            assert "Versjonene av prosjektplanen" in guide
