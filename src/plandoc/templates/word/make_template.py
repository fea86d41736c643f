"""Generate src/plandoc/templates/word/plandoc.docx, the Word template users restyle in Word.

Run: `.venv/bin/python src/plandoc/templates/word/make_template.py`.

The generated file is committed: it is what a municipality opens in Word to change fonts,
colours, the cover or the logo. This script only makes the starting point reproducible; once a
user has restyled the .docx, that file (not this script) is the source of truth.

Everything visual lives here or in the .docx, never in the writer: the writer names styles
(see STYLE NAMES below) and fills the docxtpl tags {{ title }}, {{ subtitle }},
{{ municipality }}, {{ date }}, {{ header }}, {{ page_label }} and {{ of_label }}.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

HERE = Path(__file__).resolve().parent
OUT = HERE / "plandoc.docx"

# A4 with 2.5 cm margins; the writer reads the text width from the last section.
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1418
TEXT_W = PAGE_W - 2 * MARGIN

DARK = "1F3864"
MID = "2E5597"
GREY = "595959"
RULE = "BFBFBF"
FONT = "Calibri"
HEAD_FONT = "Calibri Light"


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
     '<w:keepNext/><w:keepLines/><w:spacing w:before="480" w:after="160"/>'
     f'{_heading_num(1)}<w:outlineLvl w:val="0"/>',
     f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/><w:color w:val="{DARK}"/>'
     '<w:sz w:val="32"/><w:szCs w:val="32"/>'),
    ("Heading2", "heading 2", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>'
     f'{_heading_num(2)}<w:outlineLvl w:val="1"/>',
     f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/><w:color w:val="{MID}"/>'
     '<w:sz w:val="26"/><w:szCs w:val="26"/>'),
    ("Heading3", "heading 3", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/>'
     f'{_heading_num(3)}<w:outlineLvl w:val="2"/>',
     f'<w:b/><w:bCs/><w:color w:val="{DARK}"/><w:sz w:val="23"/><w:szCs w:val="23"/>'),
    ("Heading4", "heading 4", "Normal", "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/>'
     '<w:outlineLvl w:val="3"/>',
     f'<w:b/><w:bCs/><w:i/><w:iCs/><w:color w:val="{DARK}"/>'),
    # Headings that must stay out of the TOC and the navigation pane (Heading.outlined=False).
    ("UnlistedHeading1", "Unlisted Heading 1", "Heading1", "Normal",
     f'{NO_NUM}<w:outlineLvl w:val="9"/>', ""),
    ("UnlistedHeading2", "Unlisted Heading 2", "Heading2", "Normal",
     f'{NO_NUM}<w:outlineLvl w:val="9"/>', ""),
    ("UnlistedHeading3", "Unlisted Heading 3", "Heading3", "Normal",
     f'{NO_NUM}<w:outlineLvl w:val="9"/>', ""),
    # Cover page.
    ("Title", "Title", "Normal", "Subtitle",
     '<w:spacing w:before="3600" w:after="240" w:line="240" w:lineRule="auto"/>',
     f'{_fonts(HEAD_FONT)}<w:color w:val="{DARK}"/><w:kern w:val="28"/>'
     '<w:sz w:val="60"/><w:szCs w:val="60"/>'),
    ("Subtitle", "Subtitle", "Normal", "Normal",
     '<w:spacing w:after="600"/>',
     f'{_fonts(HEAD_FONT)}<w:color w:val="{MID}"/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
    ("CoverMunicipality", "Cover Municipality", "Normal", "Normal",
     '<w:spacing w:before="2400" w:after="120"/>',
     f'<w:b/><w:bCs/><w:color w:val="{DARK}"/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    ("CoverDate", "Cover Date", "Normal", "Normal", "",
     f'<w:color w:val="{GREY}"/><w:sz w:val="24"/><w:szCs w:val="24"/>'),
    # Body roles (Paragraph.style): "lead" → Lead, "note" → Note, "caption" → caption.
    ("Lead", "Lead", "Normal", "Normal", '<w:spacing w:after="240"/>',
     '<w:color w:val="404040"/><w:sz w:val="26"/><w:szCs w:val="26"/>'),
    ("Note", "Note", "Normal", "Normal",
     f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{MID}"/></w:pBdr>'
     '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:ind w:left="284"/>',
     '<w:i/><w:iCs/><w:sz w:val="20"/><w:szCs w:val="20"/>'),
    ("Caption", "caption", "Normal", "Normal",
     '<w:keepNext/><w:spacing w:before="120" w:after="120"/>',
     f'<w:i/><w:iCs/><w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("Figure", "Figure", "Normal", "Caption",
     '<w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>', ""),
    # Table cells: the writer picks one per row kind and sets the alignment per column.
    ("TableText", "Table Text", "Normal", None,
     '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
     '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("TableHeading", "Table Heading", "TableText", None, "<w:keepNext/>",
     "<w:b/><w:bCs/>"),
    ("TableTotal", "Table Total", "TableText", None, "", "<w:b/><w:bCs/>"),
    # Table of contents.
    ("TOCHeading", "TOC Heading", "Heading1", "Normal", f'{NO_NUM}<w:outlineLvl w:val="9"/>',
     ""),
    # Entries read "number<tab>title<tab>page": the hanging indent holds the number.
    ("TOC1", "toc 1", "Normal", "Normal",
     _toc_tabs(397) + '<w:spacing w:before="120" w:after="40"/><w:ind w:left="397" '
     'w:hanging="397"/>', "<w:b/><w:bCs/>"),
    ("TOC2", "toc 2", "Normal", "Normal",
     _toc_tabs(964) + '<w:spacing w:after="40"/><w:ind w:left="964" w:hanging="567"/>', ""),
    ("TOC3", "toc 3", "Normal", "Normal",
     _toc_tabs(1701) + '<w:spacing w:after="40"/><w:ind w:left="1701" w:hanging="737"/>', ""),
    # Running header and footer.
    ("Header", "header", "Normal", None,
     f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>'
     '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("Footer", "footer", "Normal", None,
     '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
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
TABLE_STYLES = [
    ("PlandocTable", "Plandoc Table",
     '<w:tblStyleRowBandSize w:val="1"/>'
     + _borders(top=(8, DARK), bottom=(8, DARK), insideH=(4, RULE))
     + '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
     "</w:tblCellMar>",
     '<w:tblStylePr w:type="firstRow"><w:tcPr>'
     f'<w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{DARK}"/>'
     '</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr>'
     "</w:tblStylePr>"
     '<w:tblStylePr w:type="lastRow"><w:tcPr>'
     f'<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{DARK}"/>'
     '</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr>'
     "</w:tblStylePr>"),
    ("PlandocTableVersion", "Plandoc Table Version",
     _borders(insideH=(4, RULE), top=(4, RULE), bottom=(4, RULE))
     + '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
     "</w:tblCellMar>",
     '<w:tblStylePr w:type="firstRow"><w:tcPr>'
     f'<w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{DARK}"/>'
     "</w:tcBorders></w:tcPr></w:tblStylePr>"),
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
        '<w:sz w:val="22"/><w:szCs w:val="22"/>'
        '<w:lang w:val="nb-NO" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    ))
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
    header.append(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        + _text_run("{{ header }}") + "</w:p>"
    ))
    footer.append(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        + _text_run("{{ page_label }} ")
        + _field_runs("PAGE", "1")
        + _text_run(" {{ of_label }} ")
        + _field_runs("NUMPAGES", "1")
        + "</w:p>"
    ))


def build_cover(document: docx.document.Document) -> None:
    for style, tag in (("Title", "title"), ("Subtitle", "subtitle"),
                       ("Cover Municipality", "municipality"), ("Cover Date", "date")):
        document.add_paragraph("{{ " + tag + " }}", style=style)


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

    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = section.footer_distance = Twips(709)

    build_cover(document)
    # The cover is its own section without header or footer, so the body starts on a fresh
    # page without an empty paragraph at its top; the writer appends the body to the last one.
    document.add_section(WD_SECTION.NEW_PAGE)
    document.sections[0].different_first_page_header_footer = True
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
