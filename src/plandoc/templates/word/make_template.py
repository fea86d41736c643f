"""Generate src/plandoc/templates/word/plandoc.docx, the Word template users restyle in Word.

Run: `.venv/bin/python src/plandoc/templates/word/make_template.py`.

The generated file is committed: it is what a municipality opens in Word to change fonts,
colours, the cover or the logo. This script only makes the starting point reproducible; once a
user has restyled the .docx, that file (not this script) is the source of truth.

Everything visual lives here or in the .docx, never in the writer: the writer names styles
(see STYLE NAMES below) and fills the docxtpl tags {{ title }}, {{ subtitle }},
{{ municipality }}, {{ date }}, {{ header }}, {{ page_label }}, {{ of_label }}, {{ version_label }}
and the version pairs ({%p for label, value in version %}).
"""

from __future__ import annotations

import io
import re
import sys
import uuid
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from lxml import etree

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

HERE = Path(__file__).resolve().parent
OUT = HERE / "plandoc.docx"

# A4 with the margins of plandoc.typ (top 30 mm, bottom 27 mm, sides 25 mm): the same text
# area, so the pages break where the PDF's do and the TOC's page numbers (taken from the PDF)
# hold. The writer reads the text width from the last section.
PAGE_W, PAGE_H = 11906, 16838
MARGIN, TOP, BOTTOM = 1417, 1701, 1531
TEXT_W = PAGE_W - 2 * MARGIN

# The colours of plandoc.typ ("the look").
ACCENT = "1F4E79"
ACCENT_LIGHT = "E8EEF5"
INK = "1A1A1A"
MUTED = "5F6B76"
RULE = "C7CED6"
ZEBRA = "F7F9FB"
DARK = MID = ACCENT
GREY = MUTED
#: Cell fills of a risk matrix by the status in the cell (plandoc.typ's status-fills).
MATRIX_FILLS = {"Green": "DCEFDC", "Yellow": "FBEFC4", "Red": "F6D3D0"}

#: The font of the PDF, embedded in the template (word/fonts/), so Word and LibreOffice show
#: it without installing anything. Files from templates/typst/fonts/ (licence there).
FONT = HEAD_FONT = "DejaVu Sans"
FONT_FILES = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf",
              "Italic": "DejaVuSans-Oblique.ttf", "BoldItalic": "DejaVuSans-BoldOblique.ttf"}
FONT_DIR = HERE.parent / "typst" / "fonts"
#: Characters kept in the embedded copies: Latin (Norwegian, Sámi, the rest of Europe),
#: basic Greek, punctuation, currency, arrows, the shapes of status dots and check marks.
#: Others fall back to the reader's fonts, as in the PDF; the whole faces would add 1.3 MB
#: to each file.
FONT_UNICODES = [
    *range(0x20, 0x7F), *range(0xA0, 0x180), 0x1B7, *range(0x1E4, 0x1F0), *range(0x218, 0x21C),
    0x292, *range(0x300, 0x370), *range(0x391, 0x3CA), *range(0x2000, 0x2070), 0x20AC,
    0x2116, 0x2122, *range(0x2190, 0x219A), 0x2212, 0x2248, 0x2260, 0x2264, 0x2265, 0x221E,
    *range(0x25A0, 0x2600), *range(0x2610, 0x2613), *range(0x2713, 0x2718), 0xFB01, 0xFB02,
    0xFFFD,
]

# Sizes and spacing mirror plandoc.typ (10 pt text, line pitch 1.35 em, 1.05 em between
# paragraphs, headings 16/13/11 pt). Typst measures from cap height to baseline, Word from
# line top to line bottom; the twips below are Typst's distances converted (see
# writers/docx_pages.py for the same figures). DejaVu's line is 1.164 em: 278/240 × that
# gives Typst's 1.349 em pitch.
BODY_SZ, TABLE_SZ = 20, 17
BODY_LINE, TABLE_LINE = 278, 253
PARA_AFTER = 86
#: Space above and below the text in a table cell (Typst's 4.5 pt inset, less the part of
#: Word's taller line box above the cap height and below the baseline).
CELL_PAD = 48


#: The multilevel list of the chapter numbers (1, 1.1, 1.1.1), linked to Heading 1–3: Word
#: numbers a heading a user adds, and renumbers the rest. Ids above the default template's.
HEADING_ABSTRACT, HEADING_NUM = 20, 20
#: In a style or paragraph: no list numbering (numId 0), for headings kept out of it.
NO_NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'


def _heading_num(level: int) -> str:
    return (f'<w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="{HEADING_NUM}"/>'
            "</w:numPr>")


def _toc_tabs(indent: int) -> str:
    return (f'<w:tabs><w:tab w:val="left" w:pos="{indent}"/>'
            f'<w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>')


def _fonts(name: str) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'


# (type, styleId, name, basedOn, next, pPr, rPr, extra) — pPr/rPr are inner XML.
# Style names are what the writer looks up (case-insensitively); Word's built-in names
# ("heading 1", "caption", "toc 1") are kept so Word treats them as its own.
PARAGRAPH_STYLES: list[tuple[str, str, str | None, str | None, str, str]] = [
    ("Heading1", "heading 1", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="404" w:after="95" w:line="240" '
     f'w:lineRule="auto"/>{_heading_num(1)}<w:jc w:val="left"/><w:outlineLvl w:val="0"/>',
     f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>'
     '<w:sz w:val="32"/><w:szCs w:val="32"/>'),
    ("Heading2", "heading 2", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="198" w:after="79" w:line="240" '
     f'w:lineRule="auto"/>{_heading_num(2)}<w:jc w:val="left"/><w:outlineLvl w:val="1"/>',
     f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>'
     '<w:sz w:val="26"/><w:szCs w:val="26"/>'),
    ("Heading3", "heading 3", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="101" w:after="89" w:line="240" '
     f'w:lineRule="auto"/>{_heading_num(3)}<w:jc w:val="left"/><w:outlineLvl w:val="2"/>',
     f'<w:b/><w:bCs/><w:color w:val="{INK}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'),
    ("Heading4", "heading 4", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="80" w:after="80"/><w:jc w:val="left"/>'
     '<w:outlineLvl w:val="3"/>',
     f'<w:b/><w:bCs/><w:i/><w:iCs/><w:color w:val="{INK}"/>'),
    # Headings that must stay out of the TOC and the navigation pane (Heading.outlined=False).
    ("UnlistedHeading1", "Unlisted Heading 1", "Heading1", "Normal",
     f'{NO_NUM}<w:outlineLvl w:val="9"/>', ""),
    ("UnlistedHeading2", "Unlisted Heading 2", "Heading2", "Normal",
     f'{NO_NUM}<w:outlineLvl w:val="9"/>', ""),
    ("UnlistedHeading3", "Unlisted Heading 3", "Heading3", "Normal",
     f'{NO_NUM}<w:outlineLvl w:val="9"/>', ""),
    # Cover page (the first section; the colour bands are in its first-page header and the
    # version block in its first-page footer).
    ("CoverMunicipality", "Cover Municipality", "Normal", "Normal",
     '<w:spacing w:before="0" w:after="280"/><w:jc w:val="left"/>',
     f'<w:b/><w:bCs/><w:caps/><w:color w:val="{MUTED}"/><w:spacing w:val="26"/>'
     '<w:sz w:val="22"/><w:szCs w:val="22"/>'),
    ("CoverRule", "Cover Rule", "Normal", "Title",
     f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="{ACCENT}"/></w:pBdr>'
     f'<w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/>'
     f'<w:ind w:right="{TEXT_W - 1701}"/>',
     '<w:sz w:val="4"/><w:szCs w:val="4"/>'),
    ("Title", "Title", "Normal", "Subtitle",
     '<w:spacing w:before="0" w:after="200" w:line="228" w:lineRule="auto"/>'
     '<w:jc w:val="left"/>',
     f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:kern w:val="28"/>'
     '<w:sz w:val="52"/><w:szCs w:val="52"/>'),
    ("Subtitle", "Subtitle", "Normal", "Normal",
     '<w:spacing w:after="160"/><w:jc w:val="left"/>',
     f'{_fonts(HEAD_FONT)}<w:color w:val="{INK}"/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    ("CoverDate", "Cover Date", "Normal", "Normal", '<w:jc w:val="left"/>',
     f'<w:color w:val="{MUTED}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'),
    ("CoverVersionHeading", "Cover Version Heading", "Normal", "Normal",
     f'<w:pBdr><w:top w:val="single" w:sz="3" w:space="4" w:color="{RULE}"/></w:pBdr>'
     '<w:spacing w:before="0" w:after="40"/><w:jc w:val="left"/>',
     f'<w:b/><w:bCs/><w:caps/><w:color w:val="{MUTED}"/><w:spacing w:val="13"/>'
     '<w:sz w:val="16"/><w:szCs w:val="16"/>'),
    ("CoverVersion", "Cover Version", "Normal", "Normal",
     '<w:tabs><w:tab w:val="left" w:pos="2835"/></w:tabs>'
     '<w:spacing w:before="0" w:after="40" w:line="240" w:lineRule="auto"/>'
     '<w:ind w:left="2835" w:hanging="2835"/><w:jc w:val="left"/>',
     '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    # Body roles (Paragraph.style): "lead" → Lead, "note" → Note, "caption" → caption.
    ("Lead", "Lead", "Normal", "Normal", '<w:jc w:val="left"/>',
     f'<w:color w:val="{ACCENT}"/><w:sz w:val="23"/><w:szCs w:val="23"/>'),
    ("Note", "Note", "Normal", "Normal",
     f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="6" w:color="{ACCENT_LIGHT}"/>'
     f'<w:left w:val="single" w:sz="4" w:space="8" w:color="{ACCENT_LIGHT}"/>'
     f'<w:bottom w:val="single" w:sz="4" w:space="6" w:color="{ACCENT_LIGHT}"/>'
     f'<w:right w:val="single" w:sz="4" w:space="8" w:color="{ACCENT_LIGHT}"/></w:pBdr>'
     f'<w:shd w:val="clear" w:color="auto" w:fill="{ACCENT_LIGHT}"/>'
     '<w:spacing w:before="160" w:after="200"/><w:ind w:left="200" w:right="200"/>',
     '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("Caption", "caption", "Normal", "Normal",
     '<w:keepNext/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="left"/>',
     f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("Figure", "Figure", "Normal", "Caption",
     '<w:keepNext/><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="center"/>', ""),
    # Table cells: the writer picks one per row kind and sets the alignment per column.
    ("TableText", "Table Text", "Normal", None,
     # The cell's top and bottom padding is paragraph spacing: LibreOffice ignores a table
     # style's top and bottom cell margins.
     f'<w:spacing w:before="{CELL_PAD}" w:after="{CELL_PAD}" w:line="{TABLE_LINE}" '
     'w:lineRule="auto"/><w:jc w:val="left"/>',
     f'<w:sz w:val="{TABLE_SZ}"/><w:szCs w:val="{TABLE_SZ}"/>'),
    ("TableHeading", "Table Heading", "TableText", None, "<w:keepNext/>",
     "<w:b/><w:bCs/>"),
    ("TableTotal", "Table Total", "TableText", None, "", "<w:b/><w:bCs/>"),
    # Risk matrix cells: the writer copies this shading to the cell of that status.
    *[(f"MatrixCell{level}", f"Matrix Cell {level}", "TableText", None,
       f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>', "")
      for level, fill in MATRIX_FILLS.items()],
    # Table of contents.
    ("TOCHeading", "TOC Heading", "Heading1", "Normal", f'{NO_NUM}<w:outlineLvl w:val="9"/>',
     ""),
    # Entries read "number<tab>title<tab>page": the hanging indent holds the number.
    ("TOC1", "toc 1", "Normal", "Normal",
     _toc_tabs(397) + f'<w:spacing w:before="60" w:after="{PARA_AFTER}"/>'
     '<w:ind w:left="397" w:hanging="397"/><w:jc w:val="left"/>', "<w:b/><w:bCs/>"),
    ("TOC2", "toc 2", "Normal", "Normal",
     _toc_tabs(964) + f'<w:spacing w:after="{PARA_AFTER}"/>'
     '<w:ind w:left="964" w:hanging="567"/><w:jc w:val="left"/>', ""),
    ("TOC3", "toc 3", "Normal", "Normal",
     _toc_tabs(1701) + f'<w:spacing w:after="{PARA_AFTER}"/>'
     '<w:ind w:left="1701" w:hanging="737"/><w:jc w:val="left"/>', ""),
    # Running header (document title left, kommune right, a rule under) and footer.
    ("Header", "header", "Normal", None,
     f'<w:pBdr><w:bottom w:val="single" w:sz="3" w:space="3" w:color="{RULE}"/></w:pBdr>'
     f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>'
     '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>',
     f'<w:color w:val="{MUTED}"/><w:sz w:val="17"/><w:szCs w:val="17"/>'),
    ("Footer", "footer", "Normal", None,
     '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
     f'<w:color w:val="{MUTED}"/><w:sz w:val="17"/><w:szCs w:val="17"/>'),
]

CHARACTER_STYLES = [
    ("Hyperlink", "Hyperlink", '<w:color w:val="0563C1"/><w:u w:val="single"/>'),
    # The dot before a traffic-light status in PLP status reports (document.Status).
    ("StatusGreen", "Status Green", '<w:color w:val="2E8B3D"/>'),
    ("StatusYellow", "Status Yellow", '<w:color w:val="9A7200"/>'),
    ("StatusRed", "Status Red", '<w:color w:val="C62828"/>'),
]

_BORDER = '<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="{color}"/>'


def _borders(**sides: tuple[int, str]) -> str:
    inner = "".join(_BORDER.format(side=s, sz=sz, color=c) for s, (sz, c) in sides.items())
    return f"<w:tblBorders>{inner}</w:tblBorders>"


# Table styles by role: the writer uses "Plandoc Table <Role>" when it exists, else
# "Plandoc Table", else "Table Grid". Add e.g. "Plandoc Table Budget" in Word to restyle
# budget tables only.
def _cell_margins(top: int, side: int) -> str:
    return (f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" '
            f'w:type="dxa"/><w:bottom w:w="{top}" w:type="dxa"/><w:right w:w="{side}" '
            'w:type="dxa"/></w:tblCellMar>')


# As plandoc.typ draws tables: a light header row between two accent rules, thin rules
# between rows, a dark rule over the totals row. Cell margins give Typst's row heights.
_HEADER_ROW = (
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr>'
    f'<w:tcBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="{ACCENT}"/>'
    f'<w:bottom w:val="single" w:sz="6" w:space="0" w:color="{ACCENT}"/></w:tcBorders>'
    f'<w:shd w:val="clear" w:color="auto" w:fill="{ACCENT_LIGHT}"/></w:tcPr></w:tblStylePr>')
TABLE_STYLES = [
    ("PlandocTable", "Plandoc Table",
     '<w:tblStyleRowBandSize w:val="1"/>'
     + _borders(insideH=(3, RULE), bottom=(3, RULE)) + _cell_margins(0, 120),
     # Every other body row light (the writer turns banding on for all tables but version).
     '<w:tblStylePr w:type="band2Horz"><w:tcPr>'
     f'<w:shd w:val="clear" w:color="auto" w:fill="{ZEBRA}"/></w:tcPr></w:tblStylePr>'
     + _HEADER_ROW
     + '<w:tblStylePr w:type="lastRow"><w:tcPr>'
     f'<w:tcBorders><w:top w:val="single" w:sz="7" w:space="0" w:color="{INK}"/>'
     "</w:tcBorders></w:tcPr></w:tblStylePr>"),
    ("PlandocTableVersion", "Plandoc Table Version",
     _borders(insideH=(3, RULE), bottom=(3, RULE)) + _cell_margins(0, 100),
     _HEADER_ROW),
]

# Built-in table styles we keep; python-docx's default template carries ~140 more, which only
# make styles.xml (parsed on every write) ten times bigger. Word still offers them all.
KEEP_TABLE_STYLES = {"TableNormal", "TableGrid", "PlandocTable", "PlandocTableVersion"}


def _paragraph_style(sid: str, name: str, based: str | None, nxt: str | None,
                     ppr: str, rpr: str) -> str:
    return (
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/>'
        + (f'<w:basedOn w:val="{based}"/>' if based else "")
        + (f'<w:next w:val="{nxt}"/>' if nxt else "")
        + '<w:uiPriority w:val="9"/><w:qFormat/>'
        + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
        + "</w:style>"
    )


def _put_style(styles_el, xml: str) -> None:
    new = parse_xml(xml)
    sid = new.get(qn("w:styleId"))
    for old in styles_el.findall(qn("w:style")):
        if old.get(qn("w:styleId")) == sid:
            old.addprevious(new)
            styles_el.remove(old)
            return
    styles_el.append(new)


def build_styles(document: docx.document.Document) -> None:
    styles_el = document.styles.element
    # Drop the clutter first, then define ours.
    for style in list(styles_el.findall(qn("w:style"))):
        sid = style.get(qn("w:styleId"))
        if style.get(qn("w:type")) == "table" and sid not in KEEP_TABLE_STYLES:
            styles_el.remove(style)
    defaults = styles_el.find(qn("w:docDefaults"))
    styles_el.remove(defaults)
    styles_el.insert(0, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>{_fonts(FONT)}'
        f'<w:sz w:val="{BODY_SZ}"/><w:szCs w:val="{BODY_SZ}"/>'
        '<w:lang w:val="nb-NO" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr><w:spacing w:after="{PARA_AFTER}" w:line="{BODY_LINE}" '
        'w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    ))
    # The text colour on Normal, not in the defaults: LibreOffice lays a table's defaults
    # over the runs in it, which would hide the status dots' colours.
    for style in styles_el.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == "Normal":
            rpr = style.find(qn("w:rPr"))
            if rpr is None:
                rpr = style.makeelement(qn("w:rPr"), {})
                style.append(rpr)
            rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{INK}"/>'))
    for spec in PARAGRAPH_STYLES:
        _put_style(styles_el, _paragraph_style(*spec))
    for sid, name, rpr in CHARACTER_STYLES:
        _put_style(styles_el, (
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="{sid}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/>'
            f'<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>{rpr}</w:rPr></w:style>'
        ))
    for sid, name, tblpr, conditional in TABLE_STYLES:
        _put_style(styles_el, (
            f'<w:style {nsdecls("w")} w:type="table" w:styleId="{sid}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="59"/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:tblPr>{tblpr}</w:tblPr>{conditional}</w:style>"
        ))


def build_numbering(document: docx.document.Document) -> None:
    """The chapter numbers as one multilevel list whose levels are linked to Heading 1–3."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="Heading{i + 1}"/>'
        f'<w:lvlText w:val="{".".join(f"%{n}" for n in range(1, i + 2))}"/>'
        '<w:lvlJc w:val="left"/><w:suff w:val="space"/><w:pPr><w:ind w:left="0" '
        'w:firstLine="0"/></w:pPr></w:lvl>'
        for i in range(3)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{HEADING_ABSTRACT}">'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="Plandoc Headings"/>{levels}'
        "</w:abstractNum>")
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{HEADING_NUM}">'
                    f'<w:abstractNumId w:val="{HEADING_ABSTRACT}"/></w:num>')
    # CT_Numbering: every w:abstractNum, then every w:num.
    abstracts = numbering.findall(qn("w:abstractNum"))
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[-1].addnext(num)
    else:
        abstract.addnext(num)


def build_settings(document: docx.document.Document) -> None:
    settings = document.settings.element
    # Norwegian decimal comma and list separator; language for the theme fonts.
    for tag, attrs in (("w:decimalSymbol", {"w:val": ","}), ("w:listSeparator", {"w:val": ";"}),
                       ("w:themeFontLang", {"w:val": "nb-NO"})):
        el = settings.find(qn(tag))
        if el is not None:
            for k, v in attrs.items():
                el.set(qn(k), v)
    # Hyphenate automatically (Word and LibreOffice use the document language's rules):
    # narrow table columns and long Norwegian compounds otherwise break without a hyphen.
    # CT_Settings order: autoHyphenation follows defaultTabStop.
    if settings.find(qn("w:autoHyphenation")) is None:
        tab = settings.find(qn("w:defaultTabStop"))
        hyphen = settings.makeelement(qn("w:autoHyphenation"), {})
        if tab is not None:
            tab.addnext(hyphen)
        else:
            settings.insert(0, hyphen)
    # "clean" would tell Word the spelling was already checked; let it check.
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)


def _field_runs(instr: str, placeholder: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{placeholder}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _text_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def build_header_footer(document: docx.document.Document) -> None:
    body_section = document.sections[-1]
    body_section.header.is_linked_to_previous = False
    body_section.footer.is_linked_to_previous = False
    header = body_section.header._element
    footer = body_section.footer._element
    for el in (header, footer):
        for p in el.findall(qn("w:p")):
            el.remove(p)
    # As in the PDF: the document's short title left, the kommune right, a rule under.
    header.append(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        + _text_run("{{ header }}") + "<w:r><w:tab/></w:r>" + _text_run("{{ municipality }}")
        + "</w:p>"
    ))
    footer.append(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        + _text_run("{{ page_label }} ")
        + _field_runs("PAGE", "1")
        + _text_run(" {{ of_label }} ")
        + _field_runs("NUMPAGES", "1")
        + "</w:p>"
    ))


_EMU = 635  # per twip
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _band(shape_id: int, name: str, top: int, height: int, colour: str) -> str:
    """A full-width coloured rectangle anchored to the page, behind the text (decorative:
    marked so, so screen readers skip it)."""
    cx, cy, y = PAGE_W * _EMU, height, top
    return (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{shape_id}" behindDoc="1" locked="1" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="{name}">'
        '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/'
        'decorative" val="1"/></a:ext></a:extLst></wp:docPr><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></w:r>"
    )


def build_cover(document: docx.document.Document) -> None:
    """The cover of the PDF: colour bands (in the cover's first-page header, so they sit on
    the page behind the text), kommune, a short rule, title, subtitle, date, and the version
    block at the foot of the page (its first-page footer)."""
    document.add_paragraph("{{ municipality }}", style="Cover Municipality")
    document.add_paragraph("", style="Cover Rule")
    for style, tag in (("Title", "title"), ("Subtitle", "subtitle"), ("Cover Date", "date")):
        document.add_paragraph("{{ " + tag + " }}", style=style)
    cover = document.sections[0]
    cover.different_first_page_header_footer = True
    header = cover.first_page_header
    header.is_linked_to_previous = False
    el = header._element
    for p in el.findall(qn("w:p")):
        el.remove(p)
    mm = 36000  # EMU per millimetre
    el.append(parse_xml(
        f'<w:p {nsdecls("w", "wp", "a", "r")} xmlns:wps="{_WPS}">'
        '<w:pPr><w:spacing w:after="0"/></w:pPr>'
        + _band(9001, "Fargebånd øverst", 0, 14 * mm, ACCENT)
        + _band(9002, "Lys stripe", 14 * mm, int(1.2 * mm), ACCENT_LIGHT)
        + _band(9003, "Fargebånd nederst", PAGE_H * _EMU - 4 * mm, 4 * mm, ACCENT)
        + "</w:p>"))
    footer = cover.first_page_footer
    footer.is_linked_to_previous = False
    el = footer._element
    for p in el.findall(qn("w:p")):
        el.remove(p)
    # docxtpl's {%p %} tags repeat a paragraph per (label, value) pair, or drop it.
    for xml in (
        _text_run("{%p if version %}"),
        '<w:pPr><w:pStyle w:val="CoverVersionHeading"/></w:pPr>'
        + _text_run("{{ version_label }}"),
        _text_run("{%p for label, value in version %}"),
        '<w:pPr><w:pStyle w:val="CoverVersion"/></w:pPr>'
        f'<w:r><w:rPr><w:color w:val="{MUTED}"/></w:rPr>'
        '<w:t xml:space="preserve">{{ label }}</w:t></w:r><w:r><w:tab/></w:r>'
        + _text_run("{{ value }}"),
        _text_run("{%p endfor %}"),
        _text_run("{%p endif %}"),
    ):
        el.append(parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>'))


def _obfuscate(font: bytes, key: str) -> bytes:
    """ECMA-376 Part 1, §17.8.1: XOR the first 32 bytes with the GUID's bytes, read from the
    last hex pair of the key to the first."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    data = bytearray(font)
    for i in range(32):
        data[i] ^= guid[i % 16]
    return bytes(data)


def _subset(path: Path) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # kerning and ligatures, as Typst sets them
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # a third of the size; Word and LibreOffice render it fine
    options.drop_tables += ["FFTM"]
    font = TTFont(str(path))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FONT_UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def build_fonts(document: docx.document.Document) -> None:
    """Embed DejaVu Sans (regular, bold, italic, bold italic) as Word embeds fonts."""
    font_table = document.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(font_table.blob)
    for old in root.findall(qn("w:font")):
        if old.get(qn("w:name")) == FONT:
            root.remove(old)
    entry = parse_xml(
        f'<w:font {nsdecls("w", "r")} w:name="{FONT}"><w:panose1 w:val="020B0603030804020204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>'
        '<w:sig w:usb0="E7002EFF" w:usb1="D200FDFF" w:usb2="0A246029" w:usb3="00000000" '
        'w:csb0="000001FF" w:csb1="00000000"/></w:font>')
    for n, (face, file) in enumerate(FONT_FILES.items(), start=1):
        key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"plandoc:{FONT}:{face}")).upper() + "}"
        part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED_FONT,
                    _obfuscate(_subset(FONT_DIR / file), key), document.part.package)
        rid = font_table.relate_to(part, RT.FONT)
        entry.append(parse_xml(f'<w:embed{face} {nsdecls("w", "r")} r:id="{rid}" '
                               f'w:fontKey="{key}"/>'))
    root.append(entry)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    # Keep them embedded when Word saves the file again.
    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        anchor = settings.find(qn("w:zoom"))
        embed = settings.makeelement(qn("w:embedTrueTypeFonts"), {})
        if anchor is not None:
            anchor.addnext(embed)
        else:
            settings.insert(0, embed)
    # Theme fonts (used by styles that name none) become the same family.
    theme = document.part.part_related_by(RT.THEME)
    theme._blob = re.sub(rb'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*"',
                         rb'\1' + FONT.encode() + b'"', theme.blob)


def drop_clutter(document: docx.document.Document) -> None:
    """Remove parts of python-docx's default template that Word does not need."""
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            del part.rels[rId]
    pkg_rels = part.package.rels
    for rId, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rId]


def build() -> docx.document.Document:
    document = docx.Document()
    drop_clutter(document)
    build_styles(document)
    build_numbering(document)
    build_settings(document)

    build_fonts(document)

    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    # The cover's text starts 62 mm down and its version block sits 22 mm above the foot,
    # as on the PDF's cover.
    section.left_margin = section.right_margin = Twips(MARGIN)
    section.top_margin, section.bottom_margin = Twips(3515), Twips(1247)
    section.header_distance, section.footer_distance = Twips(0), Twips(1247)

    build_cover(document)
    # The cover is its own section, so the body starts on a fresh page without an empty
    # paragraph at its top; the writer appends the body to the last one.
    body = document.add_section(WD_SECTION.NEW_PAGE)
    body.top_margin, body.bottom_margin = Twips(TOP), Twips(BOTTOM)
    body.header_distance, body.footer_distance = Twips(850), Twips(794)
    body.different_first_page_header_footer = False
    build_header_footer(document)

    props = document.core_properties
    props.author = props.comments = props.title = props.subject = props.keywords = ""
    props.category = props.last_modified_by = ""
    props.language = "nb-NO"
    props.revision = 1
    return document


def main() -> int:
    sys.path.insert(0, str(HERE.parents[2]))  # src/, when run without an install
    from plandoc.writers.docx import package_bytes

    OUT.write_bytes(package_bytes(build()))
    print(f"wrote {OUT.relative_to(HERE.parents[3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
