"""The Word forms municipalities fill in: a profile and an example, one heading per field."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from plandoc.bauta.model import Municipality, Settings
from plandoc.bauta.schema import (
    FILL_STYLE,
    FORM_FIELDS,
    FORM_TITLES,
    INSTRUCTION_STYLE,
    MAX_PICTURES,
    PICTURE_PLACEHOLDER,
    PLACEHOLDER,
    FormField,
    FormRow,
    default_file,
)
from plandoc.core.dates import source_datetime
from plandoc.core.files import atomic_write_bytes
from plandoc.i18n.fmt import format_date
from plandoc.writers.docx import package_bytes

# A Word form rather than a workbook: the people filling it in write several pages of prose
# and paste pictures, which Word does well and Excel badly. Headings name the fields, yellow
# areas mark where to write, grey boxes are instructions; the reader keys on exactly these.

#: Paragraph styles the reader relies on: instructions are skipped, fill-in areas are read.

FILL_COLOUR = "FFF6D5"
LABEL_COLOUR = "EEF2F6"
INSTRUCTION_COLOUR = "EAF1FB"
ACCENT = "1F4E79"

#: Suggested length per kind, shown in the instructions.
LENGTHS = {
    "profil": "Profilen får to sider i boka: til sammen 300–450 ord og 1–3 bilder.",
    "eksempel": "Eksempelet får seks sider i boka: til sammen 1 600–2 200 ord og 2–4 bilder.",
}

# Children of w:pPr that come after w:pBdr / w:shd (schema order), for inserting before them.
_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                 "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                 "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                 "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                 "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_SHADING = _AFTER_BORDER[1:]
_AFTER_CELL_SHADING = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                       "w:hideMark")


def _box_style(document: docx.document.Document, name: str, fill: str, border: str,
               italic: bool, colour: str) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.next_paragraph_style = style
    style.font.italic = italic
    style.font.size = Pt(10 if italic else 11)
    style.font.color.rgb = RGBColor.from_string(colour)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(2), Pt(6)
    # An instruction stays on the page of what it explains.
    fmt.keep_with_next = italic
    ppr = style.element.get_or_add_pPr()
    ppr.insert_element_before(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="6" '
        f'w:color="{border}"/></w:pBdr>'), *_AFTER_BORDER)
    ppr.insert_element_before(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'),
        *_AFTER_SHADING)


def _setup(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="nb-NO"/>'))
    for level, size in ((1, 15), (2, 12)):
        heading = document.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor.from_string(ACCENT)
    _box_style(document, INSTRUCTION_STYLE, INSTRUCTION_COLOUR, "5B9BD5", True, "44546A")
    _box_style(document, FILL_STYLE, FILL_COLOUR, "C5A100", False, "000000")


#: Label and value column of the form tables (A4 minus 2 × 2.2 cm margins is 16.6 cm).
_WIDTHS = (Cm(5.0), Cm(11.6))


def _shade(cell: object, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    tcpr.insert_element_before(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'),
        *_AFTER_CELL_SHADING)


def _form_table(document: docx.document.Document, rows: tuple[FormRow, ...],
                values: dict[str, str], placeholder: dict[str, str] | None = None) -> None:
    table = document.add_table(rows=len(rows), cols=2)
    table._tbl.tblPr.style = _style_id(document, "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS, strict=True):
        column.width = width
    for i, row in enumerate(rows):
        label, value = table.rows[i].cells
        label.width, value.width = _WIDTHS
        run = label.paragraphs[0].add_run(row.label)
        run.bold = True
        if row.help:
            hint = label.add_paragraph().add_run(row.help)
            hint.italic = True
            hint.font.size = Pt(8)
            hint.font.color.rgb = RGBColor.from_string("595959")
        _shade(label, LABEL_COLOUR)
        _shade(value, FILL_COLOUR)
        text = values.get(row.key) or (placeholder or {}).get(row.key, "")
        if text:
            value.paragraphs[0].add_run(text)


def _para(document: docx.document.Document, text: str, style: str) -> None:
    """A paragraph in the style with this name (set by id: python-docx's lookup by name
    scans every style on each call, which made a form take half a second)."""
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = _style_id(document, style)


def _style_id(document: docx.document.Document, name: str) -> str:
    cache: dict[str, str] = document.__dict__.setdefault("_plandoc_style_ids", {})
    if name not in cache:
        cache[name] = document.styles[name].style_id
    return cache[name]


def _field(document: docx.document.Document, field: FormField, kind: str,
           values: dict[str, str]) -> None:
    _para(document, field.heading, "Heading 1")
    _para(document, field.help, INSTRUCTION_STYLE)
    if field.kind == "table":
        _form_table(document, field.rows, values)
    elif field.kind == "pictures":
        for n in range(1, MAX_PICTURES[kind] + 1):
            _para(document, f"Bilde {n}", "Heading 2")
            _form_table(document, field.rows, {}, {"bilde": PICTURE_PLACEHOLDER})
    else:
        _para(document, PLACEHOLDER, FILL_STYLE)


def build_form(kind: str, municipality: Municipality | None = None,
               settings: Settings | None = None) -> bytes:
    """The .docx form for `kind` ("profil" or "eksempel"), filled with what is known already."""
    document = docx.Document()
    _setup(document)
    name = f"{municipality.name} kommune" if municipality else ""
    title = FORM_TITLES[kind] + (f" – {name}" if name else "")
    document.add_heading(title, level=0)
    publication = settings.title if settings else "bauta"
    deadline = settings.deadlines.get(kind) if settings else None
    where = f" til {settings.contact}" if settings and settings.contact else ""
    lines = [
        f"Dette er malen for bidraget til «{publication}». Skriv i de gule feltene. "
        "Overskriftene må stå som de står: de brukes når teksten leses inn i boka.",
        (f"Frist: {format_date(deadline)}. " if deadline else "")
        + f"Send filen som .docx{where}.",
        LENGTHS[kind],
        "Vanlig formatering er lov: fet, kursiv, kulepunkter og lenker. Slett teksten "
        f"{PLACEHOLDER} før du skriver.",
        "Grå tekst som denne er veiledning og kommer ikke med i boka. Du kan la den stå.",
    ]
    for line in lines:
        _para(document, line, INSTRUCTION_STYLE)
    values: dict[str, str] = {}
    if municipality is not None:
        values = {"kommune": municipality.name, "kommunenummer": municipality.number,
                  "fylke": municipality.county}
    for field in FORM_FIELDS[kind]:
        _field(document, field, kind, values)

    props = document.core_properties
    props.title = title
    props.author = settings.publisher if settings and settings.publisher else "plandoc"
    props.language = "nb-NO"
    props.last_modified_by = "plandoc"
    props.revision = 1
    props.created = props.modified = source_datetime()
    return package_bytes(document)


def write_forms(out: Path, settings: Settings | None = None) -> list[Path]:
    """Write the forms to `out`: per municipality `<slug>/profil.docx` and `eksempel.docx`
    when `settings` lists municipalities, else one blank pair. Returns the written paths."""
    written: list[Path] = []
    targets: list[Municipality | None] = (
        list(settings.municipalities) if settings and settings.municipalities else [None])
    for municipality in targets:
        for kind in FORM_FIELDS:
            rel = default_file(kind, municipality.slug) if municipality else f"{kind}.docx"
            path = out / rel
            atomic_write_bytes(path, build_form(kind, municipality, settings))
            written.append(path)
    return written
