"""Generate src/plandoc/templates/word/bauta.docx, the Word template of the bauta anthology.

Run: `.venv/bin/python src/plandoc/templates/word/make_bauta_template.py`.

The plans' template (make_template.py) in the bauta's colours (templates/typst/bauta.typ),
with the book's own cover: the page in fjord blue with a landscape at its foot, a gold rule,
and the title in white. The DOCX writer picks it for the kinds "bauta" and "bauta-…".
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_template as plans  # noqa: E402

OUT = HERE / "bauta.docx"

# bauta.typ's "look": the plans' colours → the book's.
RECOLOUR = {
    plans.ACCENT: "17485A",
    plans.ACCENT_LIGHT: "E4EEF1",
    plans.INK: "1B1B1B",
    plans.MUTED: "5D6870",
    plans.RULE: "C9D2D8",
}
GOLD = "E9B872"
PALE = "CFE1E7"
RIDGES = ("4F8A9C", "326F82", "0F3644")


def recolour(document: docx.document.Document) -> None:
    """Every colour of the plans' styles and numbering in the bauta's palette."""
    for el in document.styles.element.iter():
        for attr in (qn("w:val"), qn("w:fill"), qn("w:color")):
            value = el.get(attr)
            if value is not None and value.upper() in RECOLOUR:
                el.set(attr, RECOLOUR[value.upper()])


def _style(document: docx.document.Document, sid: str, ppr: str, rpr: str) -> None:
    """Replace the pPr/rPr of the style `sid` (kept: its name, base and next)."""
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) != sid:
            continue
        for tag in ("w:pPr", "w:rPr"):
            old = style.find(qn(tag))
            if old is not None:
                style.remove(old)
        if ppr:
            style.append(parse_xml(f'<w:pPr {nsdecls("w")}>{ppr}</w:pPr>'))
        if rpr:
            style.append(parse_xml(f'<w:rPr {nsdecls("w")}>{rpr}</w:rPr>'))


def _shape(shape_id: int, name: str, x: int, y: int, cx: int, cy: int, colour: str,
           geometry: str = "rect") -> str:
    return plans._band(shape_id, name, y, cy, colour).replace(
        "<wp:posOffset>0</wp:posOffset></wp:positionH>",
        f"<wp:posOffset>{x}</wp:posOffset></wp:positionH>").replace(
        f'<wp:extent cx="{plans.PAGE_W * plans._EMU}"', f'<wp:extent cx="{cx}"').replace(
        f'<a:ext cx="{plans.PAGE_W * plans._EMU}"', f'<a:ext cx="{cx}"').replace(
        'prst="rect"', f'prst="{geometry}"')


def book_cover(document: docx.document.Document) -> None:
    """The bauta's cover: white text on fjord blue, a landscape of three ridges and a sun."""
    white = '<w:color w:val="FFFFFF"/>'
    font = plans._fonts(plans.FONT)
    _style(document, "CoverMunicipality", '<w:spacing w:before="0" w:after="560"/>',
           f'{font}<w:b/><w:bCs/><w:caps/>{white}<w:spacing w:val="20"/>'
           '<w:sz w:val="20"/><w:szCs w:val="20"/>')
    _style(document, "CoverRule",
           f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="1" w:color="{GOLD}"/></w:pBdr>'
           '<w:spacing w:before="0" w:after="340" w:line="240" w:lineRule="auto"/>'
           f'<w:ind w:right="{plans.PAGE_W - 2 * 1247 - 1701}"/>',
           '<w:sz w:val="4"/><w:szCs w:val="4"/>')
    _style(document, "Title",
           '<w:spacing w:before="0" w:after="280" w:line="228" w:lineRule="auto"/>'
           '<w:jc w:val="left"/>',
           f'{font}<w:b/><w:bCs/>{white}<w:sz w:val="72"/><w:szCs w:val="72"/>')
    _style(document, "Subtitle", '<w:spacing w:after="440"/><w:jc w:val="left"/>',
           f'{font}{white}<w:sz w:val="30"/><w:szCs w:val="30"/>')
    _style(document, "CoverDate", '<w:jc w:val="left"/>',
           f'<w:color w:val="{PALE}"/><w:sz w:val="22"/><w:szCs w:val="22"/>')

    cover = document.sections[0]
    cover.left_margin = cover.right_margin = Twips(1247)
    cover.top_margin = Twips(1928)
    mm = 36000
    page_w, page_h = plans.PAGE_W * plans._EMU, plans.PAGE_H * plans._EMU
    shapes = (
        _shape(9001, "Forside", 0, 0, page_w, page_h, RECOLOUR[plans.ACCENT])
        + _shape(9002, "Fjell bak", 0, page_h - 100 * mm, page_w, 100 * mm, RIDGES[0],
                 "triangle")
        + _shape(9003, "Fjell", -40 * mm, page_h - 70 * mm, page_w, 70 * mm, RIDGES[1],
                 "triangle")
        + _shape(9004, "Strand", 0, page_h - 22 * mm, page_w, 22 * mm, RIDGES[2])
        + _shape(9005, "Sol", int(0.72 * page_w), page_h - 112 * mm, 22 * mm, 22 * mm, GOLD,
                 "ellipse")
    )
    header = cover.first_page_header._element
    for p in header.findall(qn("w:p")):
        header.remove(p)
    header.append(parse_xml(
        f'<w:p {nsdecls("w", "wp", "a", "r")} xmlns:wps="{plans._WPS}">'
        f'<w:pPr><w:spacing w:after="0"/></w:pPr>{shapes}</w:p>'))
    # A book has no version block on its cover.
    footer = cover.first_page_footer._element
    for p in footer.findall(qn("w:p")):
        footer.remove(p)
    footer.append(parse_xml(f'<w:p {nsdecls("w")}/>'))


def toc_depth_two(document: docx.document.Document) -> None:
    """The book's TOC lists parts and chapters only, as the PDF's (the writer lists the levels
    the template has "toc N" styles for)."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == "TOC3":
            styles.remove(style)


def build() -> docx.document.Document:
    document = plans.build()
    recolour(document)
    book_cover(document)
    toc_depth_two(document)
    return document


def main() -> int:
    sys.path.insert(0, str(HERE.parents[2]))  # src/, when run without an install
    from plandoc.writers.docx import package_bytes

    OUT.write_bytes(package_bytes(build()))
    print(f"wrote {OUT.relative_to(HERE.parents[3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
