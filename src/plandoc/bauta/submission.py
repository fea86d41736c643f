"""Read a filled-in bauta form (.docx) by its headings: text as Markdown, tables, pictures."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from plandoc.bauta.model import Reference
from plandoc.bauta.schema import (
    FORM_FIELDS,
    INSTRUCTION_STYLE,
    PICTURE_PLACEHOLDER,
    PLACEHOLDER,
    FormField,
    FormRow,
)
from plandoc.builders.markdown import escape
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.text import BIDI, control_characters, suggest
from plandoc.readers.cells import CellError, clean_text
from plandoc.readers.images import check_pixels

# python-docx over pypandoc: it is already a dependency, needs no pandoc binary, and gives the
# styles, tables and embedded pictures the form is read by; pandoc would flatten them.

#: A submission bigger than this is refused before unpacking (pictures make forms large).
MAX_BYTES = 60 * 1024 * 1024
MAX_UNPACKED = 250 * 1024 * 1024

_URL = re.compile(r"(https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?])")
_LIST_STYLE = re.compile(r"^(list|liste)", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(heading|overskrift)\s*(\d)$", re.IGNORECASE)


@dataclass
class RawPicture:
    """A picture as found in the form: embedded bytes or a file name, and its texts."""

    number: int
    ref: SourceRef
    blob: bytes | None = None
    #: Suffix of the embedded picture (".png"), from its part name.
    suffix: str = ""
    file_name: str = ""
    caption: str = ""
    credit: str = ""
    alt: str = ""
    #: Alt text set on the picture itself in Word ("Rediger alternativ tekst").
    descr: str = ""


@dataclass
class FormContent:
    """What one filled-in form holds, keyed by the form's field and row keys."""

    file: str
    kind: str
    rich: dict[str, str] = field(default_factory=dict)
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    table_refs: dict[str, dict[str, SourceRef]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    pictures: list[RawPicture] = field(default_factory=list)
    refs: dict[str, SourceRef] = field(default_factory=dict)
    #: Pictures refused with an error of their own (too many pixels).
    refused: int = 0

    def value(self, table: str, row: str) -> str:
        return self.tables.get(table, {}).get(row, "")


def fold(text: str) -> str:
    """A heading or label as compared: case, spacing, trailing ":" and "*" ignored."""
    return " ".join(text.replace("\u00a0", " ").casefold().split()).rstrip(":*").strip()


def _match_field(text: str, fields: tuple[FormField, ...]) -> FormField | None:
    folded = fold(text)
    for f in fields:
        if folded == fold(f.heading) or folded == fold(f.short) or folded.startswith(
                fold(f.short) + " "):
            return f
    return None


def _match_row(text: str, rows: tuple[FormRow, ...]) -> FormRow | None:
    folded = fold(text)
    for row in rows:
        label = fold(row.label)
        if folded == label or folded.startswith(label + " ") or folded.startswith(label + "("):
            return row
    return None


# ---------------------------------------------------------------- text


#: Controls other than tab and newline, and non-characters; direction marks go too (BIDI).
_CONTROL = control_characters(keep="\t\n")


def _text(value: str) -> str:
    """Clean text for matching and plain use; never raises. The rules that refuse a text
    (control and direction characters, length) are reported by `_check_text`."""
    value = BIDI.sub("", _CONTROL.sub("", value))
    try:
        return clean_text(value)
    except CellError:  # too long: still the text, the length is reported where it is
        return unicodedata.normalize("NFC", value).strip()


def _check_text(text: str, ref: SourceRef, diags: Diagnostics, what: str = "et avsnitt"
                ) -> None:
    """The text rules of every other input, for one paragraph or cell of a submission."""
    try:
        clean_text(text)
    except CellError as exc:
        message = exc.message.replace("er for lang ", "er for langt ", 1) if (
            what == "et avsnitt") else exc.message
        diags.error(f"{what} {message}", f"bauta.{exc.rule or 'tekst'}", ref)


def _strip_placeholders(text: str) -> str:
    return text.replace(PICTURE_PLACEHOLDER, "").replace(PLACEHOLDER, "")


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    """Escaped text wrapped in ** / * with the spaces kept outside the delimiters."""
    core = text.strip()
    if not core or not (bold or italic):
        return escape(text, strip=False)
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):]
    body: str = escape(core)
    if italic:
        body = f"*{body}*"
    if bold:
        body = f"**{body}**"
    return f"{' ' if lead else ''}{body}{' ' if tail else ''}"


def _run_markdown(run: Run) -> str:
    text = _strip_placeholders(run.text).replace("\t", " ")
    if not text:
        return ""
    lines = text.split("\n")
    parts = [_emphasis(line, bool(run.bold), bool(run.italic)) for line in lines]
    return "\\\n".join(parts)


def _paragraph_markdown(paragraph: Paragraph) -> str:
    out: list[str] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Run):
            out.append(_run_markdown(item))
        elif isinstance(item, Hyperlink):
            label = _strip_placeholders(item.text).strip()
            url = (item.url or "").strip()
            if url.startswith(("http://", "https://", "mailto:")) and label:
                out.append(f"[{escape(label)}](<{url.replace('>', '%3E')}>)")
            elif label:
                out.append(escape(label, strip=False))
    return "".join(out).strip()


def _is_list(paragraph: Paragraph) -> str | None:
    """"- " or "1. " when the paragraph is a list item (by style or numbering), else None."""
    name = paragraph.style.name if paragraph.style is not None else ""
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.find(qn("w:numPr")) is not None
    if _LIST_STYLE.match(name) or numbered:
        return "1. " if "number" in name.casefold() or "nummer" in name.casefold() else "- "
    return None


def paragraphs_markdown(paragraphs: list[Paragraph]) -> str:
    """Word paragraphs as Markdown: paragraphs apart, list items together, runs escaped."""
    blocks: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        text = _paragraph_markdown(paragraph)
        if not text:
            in_list = False
            continue
        marker = _is_list(paragraph)
        if (_heading_level(paragraph) or 0) >= 2:
            # A subheading the writer added: kept as a bold line, the outline stays the book's.
            text = f"**{escape(_text(paragraph.text))}**"
        elif marker is None:
            plain = _text(paragraph.text).lstrip()
            if plain[:2] in ("• ", "– ", "- "):
                marker = "- "
                text = text.lstrip("•–\\- ").lstrip()
        if marker and in_list:
            blocks[-1] += "\n" + marker + text
        elif marker:
            blocks.append(marker + text)
        else:
            blocks.append(text)
        in_list = marker is not None
    return "\n\n".join(blocks)


def _reference(paragraph: Paragraph) -> Reference | None:
    text = _text(_strip_placeholders(paragraph.text))
    url = ""
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink) and (item.url or "").startswith(("http://", "https://")):
            url = item.url
            break
    if not url:
        found = _URL.search(text)
        if found:
            url = found.group(1)
            text = (text[: found.start()] + text[found.end():]).strip()
    text = text.strip().lstrip("•–-").strip().rstrip(":–-,").strip()
    if not text and not url:
        return None
    return Reference(text=text or url, url=url)


# ---------------------------------------------------------------- pictures


def _blips(element: Any) -> list[tuple[str, str]]:
    """(relationship id, alt text) of every picture inside an element."""
    found: list[tuple[str, str]] = []
    for drawing in element.iter(qn("w:drawing")):
        doc_pr = next(drawing.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                   "wordprocessingDrawing}docPr"), None)
        descr = (doc_pr.get("descr") or doc_pr.get("title") or "") if doc_pr is not None else ""
        for blip in drawing.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
            rid = blip.get(qn("r:embed"))
            if rid:
                found.append((rid, descr))
    return found


def _image_part(document: Any, rid: str) -> tuple[bytes, str] | None:
    part = document.part.related_parts.get(rid)
    blob = getattr(part, "blob", None)
    if not isinstance(blob, bytes):
        return None
    return blob, Path(str(part.partname)).suffix.lower()


def _cell_text(cell: Any) -> str:
    return _text(_strip_placeholders("\n".join(p.text for p in cell.paragraphs)))


def _label_text(cell: Any) -> str:
    # The label cell holds the label and, below it, a hint; only the first line names the row.
    first = next((p.text for p in cell.paragraphs if p.text.strip()), "")
    return _text(first)


# ---------------------------------------------------------------- reading


@dataclass
class _Section:
    field: FormField
    ref: SourceRef
    paragraphs: list[Paragraph] = dataclasses.field(default_factory=list)
    #: (subheading, table) — pictures are grouped under "Bilde N" subheadings.
    tables: list[tuple[str, Table]] = dataclasses.field(default_factory=list)
    loose_pictures: list[Paragraph] = dataclasses.field(default_factory=list)
    subheading: str = ""


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class _Embedded:
    """An altChunk: a whole document (HTML, RTF, another .docx) pasted into the form."""


def _body_items(element: Any, parent: Any) -> Any:
    """The form's paragraphs and tables in order, also those inside content controls
    (w:sdt) and custom XML, which python-docx's own iteration passes over; an altChunk
    comes as `_Embedded` so that it is reported, not lost."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif tag == qn("w:tbl"):
            yield Table(child, parent)
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_items(content, parent)
        elif tag == qn("w:customXml"):
            yield from _body_items(child, parent)
        elif tag == qn("w:altChunk"):
            yield _Embedded()


def _text_boxes(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraphs of the text boxes anchored in `paragraph`, each once: Word stores a
    text box twice (DrawingML and a VML fallback), and python-docx reads neither."""
    found: list[Paragraph] = []
    for box in paragraph._p.iter(qn("w:txbxContent")):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        found.extend(Paragraph(cast(Any, p), paragraph._parent) for p in box.findall(qn("w:p")))
    return found


def _heading_level(paragraph: Paragraph) -> int | None:
    name = paragraph.style.name if paragraph.style is not None else ""
    if name.casefold() == "title":
        return 0
    match = _HEADING_STYLE.match(name.strip())
    return int(match.group(2)) if match else None


def _open(path: Path, diags: Diagnostics) -> Any | None:
    ref = SourceRef(str(path))
    if path.suffix.lower() == ".doc":
        diags.error("filen er i det gamle Word-formatet (.doc); åpne den i Word og lagre den "
                    "som Word-dokument (.docx)", "bauta.fil.format", ref)
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            diags.error(f"filen er over {MAX_BYTES // (1024 * 1024)} MB; bruk mindre bilder "
                        "eller send dem som egne filer", "bauta.fil.for-stor", ref)
            return None
        with zipfile.ZipFile(path) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED:
                diags.error("filen pakker seg ut til for mye og blir ikke lest",
                            "bauta.fil.for-stor", ref)
                return None
        return docx.Document(str(path))
    except OSError as exc:
        diags.error(f"filen kan ikke leses ({exc.strerror or exc})", "bauta.fil.lesing", ref)
    except Exception:  # python-docx raises many kinds on files that are not .docx
        diags.error("filen er ikke et gyldig Word-dokument (.docx); åpne den i Word og lagre "
                    "den på nytt som .docx", "bauta.fil.format", ref)
    return None


def read_form(path: Path, kind: str, diags: Diagnostics, display: str | None = None
              ) -> FormContent | None:
    """Read a filled-in form of `kind`; every problem becomes a diagnostic naming the file
    and the heading (and row) it is under. None when the file cannot be read at all.

    `display` is the file name used in diagnostics (default: the path as given).
    """
    name = display or str(path)
    document = _open(path, diags)
    if document is None:
        return None
    fields = FORM_FIELDS[kind]
    content = FormContent(file=name, kind=kind)
    sections: list[_Section] = []
    current: _Section | None = None
    stray = False
    for item in _body_items(document.element.body, document._body):
        if isinstance(item, _Embedded):
            diags.warning("innhold som er limt inn som et innebygd dokument (altChunk), blir "
                          "ikke lest; lim det inn som vanlig tekst", "bauta.innhold.innebygd",
                          current.ref if current is not None else SourceRef(name))
            continue
        if isinstance(item, Paragraph):
            level = _heading_level(item)
            text = _text(item.text)
            if level == 0:
                continue
            if level == 1:
                matched = _match_field(text, fields)
                ref = SourceRef(name, text or "(tom overskrift)")
                if matched is None:
                    if text:
                        hint = suggest(text, [f.heading for f in fields])
                        tail = f"; mente du «{hint}»?" if hint else ""
                        diags.warning(f"overskriften «{text}» er ukjent, og teksten under den "
                                      f"blir ikke lest{tail}", "bauta.overskrift.ukjent", ref)
                    current = None
                    continue
                if any(s.field.key == matched.key for s in sections):
                    diags.warning(f"overskriften «{matched.heading}» står to ganger; teksten "
                                  "under begge blir lest", "bauta.overskrift.duplikat", ref)
                    current = next(s for s in sections if s.field.key == matched.key)
                    continue
                current = _Section(matched, ref)
                sections.append(current)
                continue
            if current is None:
                style = item.style.name if item.style is not None else ""
                if text and style != INSTRUCTION_STYLE and _strip_placeholders(
                        text).strip():
                    stray = True
                continue
            if level is not None and current.field.kind == "pictures":
                current.subheading = text
                continue
            if item.style is not None and item.style.name == INSTRUCTION_STYLE:
                continue
            if current.field.kind == "pictures":
                if _blips(item._p):
                    current.loose_pictures.append(item)
                continue
            for paragraph in [item, *_text_boxes(item)]:
                _check_text(paragraph.text, current.ref, diags)
                current.paragraphs.append(paragraph)
        elif isinstance(item, Table):
            if current is None:
                continue
            current.tables.append((current.subheading, item))
    if stray:
        diags.warning("det står tekst før den første overskriften; den blir ikke lest",
                      "bauta.tekst.utenfor", SourceRef(name))

    for section in sections:
        content.refs[section.field.key] = section.ref
        kind_of = section.field.kind
        if kind_of == "rich":
            markdown = paragraphs_markdown(section.paragraphs)
            if markdown:
                content.rich[section.field.key] = markdown
        elif kind_of == "references":
            content.references.extend(
                r for r in (_reference(p) for p in section.paragraphs) if r is not None)
        elif kind_of == "table":
            _read_table_field(section, content, diags)
        elif kind_of == "pictures":
            _read_pictures(document, section, content, diags)
    for f in fields:
        if not f.required:
            continue
        ref = content.refs.get(f.key, SourceRef(name))
        missing = (
            (f.kind == "rich" and not content.rich.get(f.key))
            or (f.kind == "pictures" and not content.pictures and not content.refused)
        )
        if f.key not in content.refs:
            diags.error(f"overskriften «{f.heading}» mangler; bruk malen og skriv under "
                        "overskriften", "bauta.felt.mangler", SourceRef(name))
        elif missing:
            what = "har ingen bilder" if f.kind == "pictures" else "er ikke fylt ut"
            diags.error(f"«{f.short}» {what}", "bauta.felt.tomt", ref)
    return content


def _read_table_field(section: _Section, content: FormContent, diags: Diagnostics) -> None:
    values = content.tables.setdefault(section.field.key, {})
    refs = content.table_refs.setdefault(section.field.key, {})
    for _, table in section.tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) < 2:
                continue
            label = _label_text(cells[0])
            matched = _match_row(label, section.field.rows)
            ref = SourceRef(content.file, section.field.heading, label or "?")
            if matched is None:
                if label:
                    diags.warning(f"raden «{label}» under «{section.field.heading}» er ukjent "
                                  "og blir ikke lest", "bauta.rad.ukjent", ref)
                continue
            text = _cell_text(cells[-1])
            if text and matched.key not in values:
                values[matched.key] = text
                refs[matched.key] = ref


def _read_pictures(document: Any, section: _Section, content: FormContent,
                   diags: Diagnostics) -> None:
    rows = section.field.rows
    for number, (subheading, table) in enumerate(section.tables, start=1):
        where = subheading or f"Bilde {number}"
        picture = RawPicture(number=number, ref=SourceRef(content.file, where))
        refused = False  # the picture was refused (and said so): no second message on it
        for row in table.rows:
            cells = row.cells
            if len(cells) < 2:
                continue
            matched = _match_row(_label_text(cells[0]), rows)
            if matched is None:
                continue
            value = cells[-1]
            if matched.key == "bilde":
                blips = _blips(value._tc)
                if blips:
                    if len(blips) > 1:
                        diags.warning("det er flere bilder i samme rute; bare det første blir "
                                      "brukt – bruk én tabell per bilde", "bauta.bilde.flere",
                                      picture.ref)
                    rid, picture.descr = blips[0]
                    found = _image_part(document, rid)
                    if found is not None and check_pixels(found[0], "bildet", picture.ref,
                                                          diags):
                        picture.blob, picture.suffix = found
                    elif found is not None:
                        refused = True
                        content.refused += 1
                else:
                    picture.file_name = _cell_text(value)
            elif matched.key == "bildetekst":
                picture.caption = _cell_text(value)
            elif matched.key == "kreditering":
                picture.credit = _cell_text(value)
            elif matched.key == "alt":
                picture.alt = _cell_text(value)
        has_picture = picture.blob is not None or picture.file_name
        if has_picture:
            content.pictures.append(picture)
        elif not refused and (picture.caption or picture.credit or picture.alt):
            diags.warning(f"«{where}» har tekst, men ikke noe bilde; lim inn bildet eller "
                          "skriv filnavnet", "bauta.bilde.mangler", picture.ref)
    for paragraph in section.loose_pictures:
        for rid, descr in _blips(paragraph._p):
            number = len(content.pictures) + 1
            picture = RawPicture(number=number, ref=SourceRef(content.file, f"Bilde {number}"),
                                 descr=descr)
            found = _image_part(document, rid)
            if found is not None and not check_pixels(found[0], "bildet", picture.ref, diags):
                content.refused += 1
            elif found is not None:
                picture.blob, picture.suffix = found
                content.pictures.append(picture)
                diags.warning("et bilde står utenfor bildetabellene; flytt det inn i en tabell "
                              "og skriv bildetekst og kreditering", "bauta.bilde.utenfor",
                              picture.ref)
