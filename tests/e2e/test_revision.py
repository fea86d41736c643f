"""A revision end to end: Fjordvik's omstillingsplan 2.0 against the adopted 1.0 — the change
chapter in DOCX, PDF and HTML, and omstillingsplan-endringer.docx with native tracked changes
that match the model's differences (and that LibreOffice opens)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from plandoc.build.pipeline import documents
from plandoc.cli.main import main
from plandoc.load.inputs import load_file
from plandoc.model.changes import diff
from plandoc.model.editions import edition_for
from plandoc.writers.base import get_writer

ROOT = Path(__file__).resolve().parents[2]
FJORDVIK = ROOT / "inputs" / "fjordvik" / "program.xlsx"
CHAPTER = "Endringer fra versjon 1.0 (vedtatt 15. februar 2024)"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("revision")
    folder = out / "fjordvik-kommune"
    folder.mkdir()
    programme, diags = load_file(FJORDVIK)
    assert programme is not None and not diags.has_errors, [str(d) for d in diags]
    for stem, kind, document in documents(programme, kinds=["omstillingsplan", "endringer"]):
        formats = ("docx",) if kind == "endringer" else ("docx", "pdf", "html")
        for fmt in formats:
            writer = get_writer(fmt)
            writer.write(document, folder / f"{stem}{writer.suffix}")
    return folder


def test_the_change_chapter_is_in_docx_pdf_and_html(built: Path) -> None:
    doc = open_docx(str(built / "omstillingsplan.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert any(h.endswith(CHAPTER) for h in headings), headings
    text = flat("\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells))
    assert "M1 Målverdi 60 80" in text
    assert "Havbruk og sjømat 2027 800 000 900 000 +100 000" in text
    reader = PdfReader(str(built / "omstillingsplan.pdf"))
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any(t.endswith(CHAPTER) for t in outline), outline
    pdf = flat("\n".join(page.extract_text() or "" for page in reader.pages))
    assert "Sluttevaluering og videreføring" in pdf and "+200 000" in pdf
    html = (built / "omstillingsplan.html").read_text(encoding="utf-8")
    # HTML puts the document title in h1, so chapters are h2.
    assert re.search(r'<h2 id="7-endringer[^"]*"><span class="number">7</span> '
                     r"Endringer fra versjon 1\.0 \(vedtatt 15\. februar 2024\)</h2>", html)


def _tracked(path: Path) -> tuple[str, str]:
    """The inserted and the deleted text of a .docx, each run separated by a space."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    ins = re.findall(r"<w:ins [^>]*>(.*?)</w:ins>", xml, re.S)
    dels = re.findall(r"<w:del [^>]*>(.*?)</w:del>", xml, re.S)
    texts = [" ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", x)) for x in ins]
    gone = [" ".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", x)) for x in dels]
    assert "<w:delText" not in "".join(ins) and "<w:t " not in "".join(dels)
    return flat(" | ".join(texts)), flat(" | ".join(gone))


def test_tracked_changes_match_the_models_differences(built: Path) -> None:
    programme, _ = load_file(FJORDVIK)
    assert programme is not None
    edition = edition_for(programme, "omstillingsplan")
    new = programme.adopted[("omstillingsplan", None, "2.0")]
    old = programme.adopted[("omstillingsplan", None, "1.0")]
    assert edition.current.version == "2.0"
    inserted, deleted = _tracked(built / "omstillingsplan-endringer.docx")
    changes = diff(old, new, "omstillingsplan", None, "2.0")
    checked = 0
    for change in changes:
        if change.sheet.key == "mål" and change.kind == "changed":
            for f in change.fields:
                # A changed text is tracked word by word: what went and what came.
                before, after = str(f.old).split(), str(f.new).split()
                for word in set(before) - set(after):
                    assert word in deleted, (change.key, f.column.key, word)
                for word in set(after) - set(before):
                    assert word in inserted, (change.key, f.column.key, word)
                checked += 1
        elif change.sheet.key == "mål" and change.kind == "added":
            assert change.new.text in inserted
            checked += 1
        elif change.sheet.key in ("budsjett", "finansiering") and change.kind == "changed":
            (f,) = change.fields
            assert flat(f"{f.old:,.0f}".replace(",", " ")) in deleted, change.key
            assert flat(f"{f.new:,.0f}".replace(",", " ")) in inserted, change.key
            checked += 1
        elif change.sheet.key == "budsjett" and change.kind == "added":
            assert change.new.item in inserted
            checked += 1
    assert checked >= 6, [(c.sheet.key, c.key, c.kind) for c in changes]
    # Unchanged text is not marked: an innsatsområde's name appears in neither.
    assert "Reiseliv og opplevelser" not in deleted


def test_the_cli_build_writes_the_tracked_changes_as_word_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(FJORDVIK), "--out", str(tmp_path),
                                       "--format", "docx,html", "-q"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "fjordvik-kommune"
    assert (folder / "omstillingsplan-endringer.docx").is_file()
    assert not (folder / "omstillingsplan-endringer.html").exists()
    assert (folder / "vedtatt" / "omstillingsplan-1.0.docx").is_file()
    assert not list(folder.glob("handlingsplan-*-endringer.docx"))  # no earlier adopted one


def test_libreoffice_opens_the_tracked_changes(built: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) er ikke installert / is not installed")
    source = built / "omstillingsplan-endringer.docx"
    for target in ("odt", "pdf"):
        done = subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
             "--convert-to", target, "--outdir", str(tmp_path), str(source)],
            capture_output=True, timeout=180)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / f"omstillingsplan-endringer.{target}").stat().st_size > 5000
    with zipfile.ZipFile(tmp_path / "omstillingsplan-endringer.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    inserted, deleted = content.count("<text:insertion"), content.count("<text:deletion")
    assert inserted > 10 and deleted > 5, (inserted, deleted)
