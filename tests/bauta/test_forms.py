"""The Word submission forms: generated, filled in with python-docx, read back."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from bauta.factory import example_content, make_project, municipality, picture
from bauta.fill import fill_form
from plandoc.bauta.forms import build_form
from plandoc.bauta.read import load_project
from plandoc.bauta.schema import EXAMPLE_FIELDS, FILL_STYLE, INSTRUCTION_STYLE, PROFILE_FIELDS
from plandoc.bauta.submission import read_form
from plandoc.core.diagnostics import Diagnostics


def _items(document: docx.document.Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _fill_area_after(document: docx.document.Document, heading: str) -> Paragraph:
    seen = False
    for item in _items(document):
        if isinstance(item, Paragraph) and item.style.name == "Heading 1":
            seen = item.text == heading
        elif seen and isinstance(item, Paragraph) and item.style.name == FILL_STYLE:
            return item
    raise AssertionError(f"no fill-in area under {heading}")


def _tables_after(document: docx.document.Document, heading: str) -> list[Table]:
    seen, out = False, []
    for item in _items(document):
        if isinstance(item, Paragraph) and item.style.name == "Heading 1":
            seen = item.text == heading
        elif seen and isinstance(item, Table):
            out.append(item)
    return out


def _row(table: Table, label: str) -> object:
    return next(r.cells[1] for r in table.rows if r.cells[0].paragraphs[0].text == label)


def test_template_has_a_heading_and_a_fill_in_area_per_field() -> None:
    document = docx.Document(io.BytesIO(build_form("eksempel", municipality())))
    headings = [p.text for p in _items(document)
                if isinstance(p, Paragraph) and p.style.name == "Heading 1"]
    assert headings == [f.heading for f in EXAMPLE_FIELDS]
    styles = {p.style.name for p in _items(document) if isinstance(p, Paragraph)}
    assert {INSTRUCTION_STYLE, FILL_STYLE} <= styles
    about = _tables_after(document, "Om eksemplet")[0]
    assert _row(about, "Kommune").text == "Askvik"  # filled in from bauta.yaml
    assert "Frist" not in document.paragraphs[1].text  # no settings, no deadline


def test_profile_template_lists_facts_in_a_table() -> None:
    document = docx.Document(io.BytesIO(build_form("profil", municipality())))
    facts = _tables_after(document, PROFILE_FIELDS[0].heading)[0]
    labels = [r.cells[0].paragraphs[0].text for r in facts.rows]
    assert labels[:3] == ["Kommune", "Kommunenummer", "Fylke"]
    assert _row(facts, "Fylke").text == "Nordland"


def test_filled_in_form_is_ingested_with_its_text_and_picture(tmp_path: Path) -> None:
    # Fill the form the way a municipal employee does in Word: type under the headings,
    # make a bullet list, paste a picture into the picture table and describe it.
    document = docx.Document(io.BytesIO(build_form("eksempel", municipality())))
    about = _tables_after(document, "Om eksemplet")[0]
    _row(about, "Tittel").paragraphs[0].text = "Torget vi bygde sammen"
    _row(about, "Tema").paragraphs[0].text = "Stedsutvikling"
    area = _fill_area_after(document, "Sammendrag")
    area.text = "Vi bygde et torg & en brygge – sammen med *alle* innbyggerne."
    area = _fill_area_after(document, "Bakgrunn – hvorfor startet dere?")
    area.text = ""
    area.add_run("Sentrum var ")
    area.add_run("tomt").bold = True
    area.add_run(" etter 1970.")
    method = _fill_area_after(document, "Slik gjorde vi det – arbeidsmåte og organisering")
    method.text = "Vi gikk fram i to steg:"
    bullet = method.insert_paragraph_before("placeholder")
    method._p.addnext(bullet._p)  # move it after the intro paragraph
    bullet.text = "Sommer med midlertidige tiltak"
    bullet.style = document.styles["List Bullet"]
    for heading, text in (("Resultater", "640 besøkende per lørdag."),
                          ("Snubletråder – dette ville vi gjort annerledes",
                           "Vi glemte vinteren.")):
        _fill_area_after(document, heading).text = text
    links = _fill_area_after(document, "Lenker og referanser")
    links.text = "Sentrumsplan: https://askvik.example.no/plan"
    pictures = _tables_after(document, "Bilder")
    source = picture(tmp_path / "torg.png", "#2f7187")
    cell = _row(pictures[0], "Bilde")
    cell.paragraphs[0].text = ""
    cell.paragraphs[0].add_run().add_picture(str(source), width=Cm(6))
    _row(pictures[0], "Bildetekst").paragraphs[0].text = "Torget en lørdag."
    _row(pictures[0], "Foto/kreditering").paragraphs[0].text = "Kari Foto"
    _row(pictures[0], "Alternativ tekst").paragraphs[0].text = "Folk på et torg."
    path = tmp_path / "eksempel.docx"
    document.save(str(path))

    diags = Diagnostics()
    form = read_form(path, "eksempel", diags)
    assert form is not None
    assert not diags.has_errors, [str(d) for d in diags]
    assert form.value("om", "tittel") == "Torget vi bygde sammen"
    assert form.value("om", "kommune") == "Askvik"
    # User text arrives escaped for Markdown, formatting as Markdown.
    assert form.rich["sammendrag"] == (
        "Vi bygde et torg \\& en brygge – sammen med \\*alle\\* innbyggerne\\.")
    assert form.rich["bakgrunn"] == "Sentrum var **tomt** etter 1970\\."
    assert form.rich["arbeidsmate"] == (
        "Vi gikk fram i to steg\\:\n\n- Sommer med midlertidige tiltak")
    assert form.references[0].url == "https://askvik.example.no/plan"
    assert form.references[0].text == "Sentrumsplan"
    assert len(form.pictures) == 1
    pic = form.pictures[0]
    assert pic.blob == source.read_bytes()  # the very picture that was pasted
    assert pic.suffix == ".png"
    assert (pic.caption, pic.credit, pic.alt) == ("Torget en lørdag.", "Kari Foto",
                                                  "Folk på et torg.")


def test_empty_form_reports_every_required_field(tmp_path: Path) -> None:
    path = tmp_path / "profil.docx"
    path.write_bytes(build_form("profil", municipality()))
    diags = Diagnostics()
    read_form(path, "profil", diags)
    messages = [str(d) for d in diags.errors]
    assert any("«Kort om kommunen» er ikke fylt ut" in m for m in messages)
    assert any("«Bilder» har ingen bilder" in m for m in messages)
    assert all(m.startswith(str(path)) for m in messages)


def test_fill_form_round_trip_covers_every_field(tmp_path: Path) -> None:
    pics = [picture(tmp_path / "a.png", "#6a994e").name]
    content = example_content("Ungdommens hus", "Askvik", pics)
    data = fill_form(build_form("eksempel", municipality()), "eksempel", content, tmp_path)
    path = tmp_path / "e.docx"
    path.write_bytes(data)
    diags = Diagnostics()
    form = read_form(path, "eksempel", diags)
    assert form is not None and not diags.has_errors
    assert set(form.rich) == {"sammendrag", "bakgrunn", "arbeidsmate", "resultater", "gode",
                              "snubletrader", "videre", "rad"}
    assert form.rich["rad"].splitlines() == ["- Start smått", "- Involver tidlig",
                                             "- Feir resultater"]
    assert form.value("kontakt", "epost") == "kari@example.no"


def test_unknown_heading_and_missing_alt_text_are_reported(tmp_path: Path) -> None:
    pics = [picture(tmp_path / "a.png", "#bc6c25").name]
    content = example_content("Et eksempel", "Askvik", pics)
    content["bilder"][0]["alt"] = ""
    document = docx.Document(io.BytesIO(
        fill_form(build_form("eksempel", municipality()), "eksempel", content, tmp_path)))
    document.add_heading("Økonomi", level=1)
    document.add_paragraph("Dette blir ikke lest.")
    path = tmp_path / "e.docx"
    document.save(str(path))
    project = make_project(tmp_path / "p")
    target = project / "innsendt" / "askvik" / "eksempel.docx"
    target.write_bytes(path.read_bytes())
    _, diags = load_project(project, tmp_path / "media")
    texts = [str(d) for d in diags]
    assert any("overskriften «Økonomi» er ukjent" in t and "eksempel.docx" in t
               for t in texts)
    alt = [d for d in diags.errors if d.rule == "bauta.bilde.alt"]
    assert alt and str(alt[0].ref).endswith("innsendt/askvik/eksempel.docx:Bilde 1")


@pytest.mark.parametrize(("name", "data", "rule"), [
    ("gammel.doc", b"\xd0\xcf\x11\xe0", "bauta.fil.format"),
    ("skadet.docx", b"PK\x03\x04 ikke en docx", "bauta.fil.format"),
])
def test_unreadable_files_are_diagnostics(tmp_path: Path, name: str, data: bytes,
                                          rule: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    diags = Diagnostics()
    assert read_form(path, "profil", diags) is None
    assert [d.rule for d in diags.errors] == [rule]


def test_picture_sent_as_a_file_must_stay_in_the_folder(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    folder = project / "innsendt" / "askvik"
    content = example_content("Torget vi bygde sammen", "Askvik", [])
    content["bilder"] = [
        {"filnavn": "bilde1.png", "bildetekst": "Ok", "kreditering": "K", "alt": "Et bilde"},
        {"filnavn": "../../bauta.yaml", "bildetekst": "Nei", "kreditering": "K", "alt": "X"},
    ]
    data = fill_form(build_form("eksempel", municipality()), "eksempel", content, folder)
    (folder / "eksempel.docx").write_bytes(data)
    loaded, diags = load_project(project, tmp_path / "media")
    assert loaded is not None
    outside = [d for d in diags.errors if d.rule == "bilde.utenfor"]
    assert outside, [str(d) for d in diags]
    example = loaded.examples["torget-vi-bygde-sammen"]
    assert [p.path.name for p in example.pictures] == ["bilde1.png"]
