"""Fill a bauta form from a script, as a municipality would in Word (tests, and the example
project's inputs/bauta/make_submissions.py).

`content` is keyed like the form: rich fields take text where a blank line separates
paragraphs and lines starting with "- " are bullets (`**bold**` is kept); table fields take a
{row key: text} dict; "bilder" takes a list of {"fil", "bildetekst", "kreditering", "alt"}
(a picture file is embedded, like pasting it; "filnavn" instead writes the file's name);
"lenker" takes a list of lines.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from plandoc.bauta.schema import (
    FILL_STYLE,
    FORM_FIELDS,
    INSTRUCTION_STYLE,
    PICTURE_ROWS,
    FormField,
)
from plandoc.writers.docx import package_bytes

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _runs(paragraph: Paragraph, text: str) -> None:
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        paragraph.add_run(match.group(1)).bold = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _pieces(text: str) -> list[tuple[bool, str]]:
    """(is bullet, text) per paragraph or bullet; a bullet's wrapped lines join it."""
    out: list[tuple[bool, str]] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        current: list[str] = []
        bullet = False
        for line in (raw.strip() for raw in block.split("\n")):
            if not line:
                continue
            if line.startswith("- "):
                if current:
                    out.append((bullet, " ".join(current)))
                current, bullet = [line[2:].strip()], True
            else:
                current.append(line)
        if current:
            out.append((bullet, " ".join(current)))
    return out


def _fill_rich(area: Paragraph, text: str, bullet_id: str) -> None:
    pieces = _pieces(text)
    if not pieces:
        return
    for run in list(area.runs):
        run._r.getparent().remove(run._r)
    anchor = area
    fill_style = area._p.pPr.style if area._p.pPr is not None else None
    for i, (bullet, piece) in enumerate(pieces):
        if i == 0:
            target = area
        else:
            new = anchor._p.makeelement(anchor._p.tag, {})
            anchor._p.addnext(new)
            target = Paragraph(new, anchor._parent)
        # Styles are set by id: python-docx's lookup by name is slow.
        target._p.get_or_add_pPr().style = bullet_id if bullet else fill_style
        _runs(target, piece)
        anchor = target


def _set_cell(cell: Any, text: str) -> None:
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    if text:
        paragraph.add_run(text)


def _fill_table(table: Table, rows: Mapping[str, str], labels: Mapping[str, str]) -> None:
    for row in table.rows:
        label = row.cells[0].paragraphs[0].text.strip()
        key = labels.get(label)
        if key is not None and key in rows:
            _set_cell(row.cells[1], str(rows[key]))


def _fill_picture(table: Table, picture: Mapping[str, Any], base: Path) -> None:
    labels = {r.label: r.key for r in PICTURE_ROWS}
    for row in table.rows:
        key = labels.get(row.cells[0].paragraphs[0].text.strip())
        if key == "bilde":
            if picture.get("fil"):
                _set_cell(row.cells[1], "")
                run = row.cells[1].paragraphs[0].add_run()
                run.add_picture(str(base / picture["fil"]), width=Cm(7))
            else:
                _set_cell(row.cells[1], str(picture.get("filnavn", "")))
        elif key == "bildetekst":
            _set_cell(row.cells[1], str(picture.get("bildetekst", "")))
        elif key == "kreditering":
            _set_cell(row.cells[1], str(picture.get("kreditering", "")))
        elif key == "alt":
            _set_cell(row.cells[1], str(picture.get("alt", "")))


def fill_form(form: bytes, kind: str, content: Mapping[str, Any], base: Path = Path(".")
              ) -> bytes:
    """The form with `content` filled in (see the module doc); pictures are read from
    paths relative to `base`."""
    document = docx.Document(io.BytesIO(form))
    fields = {f.heading: f for f in FORM_FIELDS[kind]}
    bullet_id = document.styles["List Bullet"].style_id
    current: FormField | None = None
    pictures: Sequence[Mapping[str, Any]] = ()
    picture_index = 0
    for item in list(document.iter_inner_content()):
        if isinstance(item, Paragraph):
            name = item.style.name if item.style is not None else ""
            if name == "Heading 1":
                current = fields.get(item.text.strip())
                if current is not None and current.kind == "pictures":
                    pictures = content.get(current.key, ())
                    picture_index = 0
                continue
            if current is None or name == INSTRUCTION_STYLE or name != FILL_STYLE:
                continue
            value = content.get(current.key)
            if current.kind == "references" and value:
                _fill_rich(item, "\n\n".join(value), bullet_id)
            elif isinstance(value, str) and value.strip():
                _fill_rich(item, value, bullet_id)
        elif isinstance(item, Table) and current is not None:
            if current.kind == "table" and current.key in content:
                _fill_table(item, content[current.key], {r.label: r.key for r in current.rows})
            elif current.kind == "pictures":
                if picture_index < len(pictures):
                    _fill_picture(item, pictures[picture_index], base)
                picture_index += 1
    return package_bytes(document)
