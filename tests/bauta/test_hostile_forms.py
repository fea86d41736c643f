"""Word submissions as people really send them: text in text boxes and content controls,
pasted HTML (altChunk), hidden direction marks, endless paragraphs and huge pictures.
Nothing is dropped without a word, and no command ends with an internal error."""

from __future__ import annotations

import copy
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from badinput.make_corpus import png_header_only
from bauta.factory import make_project
from plandoc.bauta.submission import read_form
from plandoc.core.diagnostics import Diagnostics

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
SUMMARY = "gjorde noe lurt"


def _form(tmp_path: Path) -> tuple[Path, Path]:
    project = make_project(tmp_path / "prosjekt")
    return project, project / "innsendt" / "askvik" / "eksempel.docx"


def _summary_paragraph(document: docx.document.Document) -> object:
    return next(p for p in document.paragraphs if SUMMARY in p.text)


def _text_box(text: str) -> str:
    """A Word 2010 text box: DrawingML with a VML fallback, both holding the same text."""
    content = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (
        f'<w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        f'{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
        f'{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def _read(path: Path) -> tuple[object, list[str]]:
    diags = Diagnostics()
    content = read_form(path, "eksempel", diags, "askvik/eksempel.docx")
    return content, [str(d) for d in diags]


def _plandoc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PLANDOC_DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from plandoc.cli.main import main; "
         "sys.argv[0] = 'plandoc'; main()", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, check=False, env=env)


def test_text_in_a_text_box_is_read_once(tmp_path: Path) -> None:
    _, path = _form(tmp_path)
    document = docx.Document(str(path))
    _summary_paragraph(document)._p.append(parse_xml(_text_box("Tekst i tekstboksen")))
    document.save(str(path))
    content, diags = _read(path)
    assert diags == []
    assert content.rich["sammendrag"].count("Tekst i tekstboksen") == 1  # type: ignore[attr-defined]


def test_text_in_a_content_control_is_read(tmp_path: Path) -> None:
    _, path = _form(tmp_path)
    document = docx.Document(str(path))
    paragraph = _summary_paragraph(document)._p
    sdt = parse_xml(f'<w:sdt {NAMESPACES}><w:sdtPr/><w:sdtContent><w:p><w:r>'
                    '<w:t>Tekst i en innholdskontroll</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    paragraph.addnext(sdt)
    document.save(str(path))
    content, diags = _read(path)
    assert diags == []
    assert "Tekst i en innholdskontroll" in content.rich["sammendrag"]  # type: ignore[attr-defined]


def test_pasted_html_is_not_dropped_silently(tmp_path: Path) -> None:
    _, path = _form(tmp_path)
    document = docx.Document(str(path))
    part = Part(PackURI("/word/afchunk.htm"), "text/html",
                b"<html><body><p>Limt inn fra nettsiden</p></body></html>", document.part.package)
    rid = document.part.relate_to(part, RELATIONSHIP_TYPE.A_F_CHUNK)
    _summary_paragraph(document)._p.addnext(
        parse_xml(f'<w:altChunk {NAMESPACES} r:id="{rid}"/>'))
    document.save(str(path))
    _, diags = _read(path)
    assert diags == [
        "askvik/eksempel.docx:Sammendrag: advarsel: innhold som er limt inn som et innebygd "
        "dokument (altChunk), blir ikke lest; lim det inn som vanlig tekst "
        "[bauta.innhold.innebygd]"]


def _add_paragraph(path: Path, text: str) -> None:
    document = docx.Document(str(path))
    paragraph = _summary_paragraph(document)
    new = copy.deepcopy(paragraph._p)
    for t in new.iter(qn("w:t")):
        t.text = ""
    next(new.iter(qn("w:t"))).text = text
    paragraph._p.addnext(new)
    document.save(str(path))


def _commands_fail_in_norwegian(project: Path, expected: str) -> None:
    for args in (["bauta", "status", "prosjekt", "--dato", "01.10.2025"],
                 ["bauta", "build", "prosjekt", "--out", "ut", "--format", "html", "-q"]):
        done = _plandoc(*args, cwd=project.parent)
        out = done.stdout + done.stderr
        assert "intern feil" not in out and "Traceback" not in out, out
        assert done.returncode == 1, out
        assert expected in out, out


def test_a_direction_mark_in_a_submission_is_an_error_not_a_crash(tmp_path: Path) -> None:
    project, path = _form(tmp_path)
    _add_paragraph(path, "Vi bygde \u202etorget")
    _commands_fail_in_norwegian(
        project, "innsendt/askvik/eksempel.docx:Sammendrag: feil: et avsnitt inneholder et "
        "usynlig retningstegn (U+202E)")


def test_an_endless_paragraph_is_an_error_not_a_crash(tmp_path: Path) -> None:
    project, path = _form(tmp_path)
    _add_paragraph(path, "Lang tekst. " * 3000)
    _commands_fail_in_norwegian(
        project, "innsendt/askvik/eksempel.docx:Sammendrag: feil: et avsnitt er for langt "
        "(36\u00a0000 tegn; høyst 32\u00a0767)")


def test_a_huge_embedded_picture_hits_the_pixel_limit(tmp_path: Path) -> None:
    project, path = _form(tmp_path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    media = sorted(n for n in parts if n.startswith("word/media/") and n.endswith(".png"))
    assert media
    parts[media[0]] = png_header_only(10_000, 10_000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(out.getvalue())
    done = _plandoc("bauta", "status", "prosjekt", "--dato", "01.10.2025", cwd=project.parent)
    out_text = done.stdout + done.stderr
    assert "DecompressionBomb" not in out_text and "Traceback" not in out_text, out_text
    assert done.returncode == 1, out_text
    assert ("har for mange piksler (10000 × 10000; høyst 50 millioner); lagre det i lavere "
            "oppløsning") in out_text, out_text
