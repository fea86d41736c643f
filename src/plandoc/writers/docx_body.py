"""Turn document-tree blocks into WordprocessingML, naming the template's styles."""

from __future__ import annotations

import builtins
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart
from lxml import etree

from plandoc.core.diagnostics import RenderError
from plandoc.core.text import control_characters
from plandoc.document import (
    Anchor,
    Block,
    BulletList,
    Chart,
    Deleted,
    Emphasis,
    Figure,
    Heading,
    Inline,
    Inserted,
    LineBreak,
    Link,
    OrderedList,
    PageBreak,
    Paragraph,
    Ref,
    Status,
    Strong,
    Table,
    TableOfContents,
    Text,
    plain_text,
)
from plandoc.writers import docx_tracked as tracked
from plandoc.writers.docx_widths import cell_text, text_width_pt

# Characters XML 1.0 cannot carry at all (lxml would refuse them), and the C1 controls it
# discourages. The readers reject them already, so dropping them here is only a last line
# of defence against invalid XML.
_ILLEGAL_XML = control_characters(keep="\t\n\r")


def clean(text: str) -> str:
    """Text safe for XML: CR/CRLF become LF, characters XML cannot carry are dropped."""
    return _ILLEGAL_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def esc(text: str) -> str:
    """Escape cleaned text for XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(text: str) -> str:
    """Escape cleaned text for a double-quoted XML attribute (keeping newlines and tabs)."""
    return (esc(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


# 1 twip = 635 EMU (the English Metric Unit of DrawingML).
_EMU_PER_TWIP = 635
_VAL = qn("w:val")
# A cell's side margins, and what Word and LibreOffice set wider than the summed glyph
# advances (docx_widths.text_width_pt), in twips.
_CELL_PADDING = 240
_SLACK = 100
# Text-column words longer than this may break; numbers in right-aligned columns never do.
_TEXT_WORD = 12
# ... unless the table has room for words this long.
_WHOLE_WORD = 22
# A table too wide even so breaks its text columns' words after this many letters.
_LEAST_WORD = 5
_BREAKS = re.compile(r"[ \t\n-]+")
_PPR = qn("w:pPr")
# The body is written as XML text and parsed once: building ~10 000 lxml elements one call
# at a time cost three times as much. Every user string passes through clean() and esc().
_WRAP_OPEN = f'<w:body {nsdecls("w", "r", "wp", "a", "pic")}>'
_WRAP_CLOSE = "</w:body>"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)

TOC_PLACEHOLDER = {
    "nb": "Innholdsfortegnelsen oppdateres når dokumentet åpnes. "
          "Svar «Ja» hvis Word spør om feltene skal oppdateres.",
    "nn": "Innhaldslista blir oppdatert når dokumentet blir opna. "
          "Svar «Ja» dersom Word spør om felta skal oppdaterast.",
}
TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '
#: The colour chip before a traffic-light status: shaded no-break spaces. A glyph ("●")
#: would be read aloud and Word cannot mark a run as an artifact; screen readers skip
#: spaces, and the status word after the chip says the status without its colour.
STATUS_CHIP = "\u00a0\u00a0\u00a0"


@dataclass(frozen=True)
class TemplateInfo:
    """What the body writer needs to know about a Word template; computed once per template."""

    #: (style type, lower-case style name) → styleId (attribute-escaped); Word matches
    #: built-in names ("heading 1", "caption") case-blind, and so do we.
    styles: dict[tuple[str, str], str]
    #: paragraph styleId → (abstractNumId, ilvl) of the numbering the style carries.
    list_numbering: dict[str, tuple[str, str]]
    #: Text area of the body section, in twips.
    text_width: int
    text_height: int

    def style(self, kind: str, *names: str) -> str | None:
        """styleId of the first of `names` the template defines, or None."""
        for name in names:
            sid = self.styles.get((kind, name.lower()))
            if sid is not None:
                return sid
        return None


def template_info(styles_el: etree._Element, numbering_el: etree._Element | None,
                  sect_pr: etree._Element | None) -> TemplateInfo:
    """Read style names, list numbering and the text area from a template's parts."""
    styles: dict[tuple[str, str], str] = {}
    style_num: dict[str, str] = {}
    style_lvl: dict[str, str] = {}
    for st in styles_el.iterfind(qn("w:style")):
        name = st.find(qn("w:name"))
        sid = st.get(qn("w:styleId"))
        if name is None or sid is None:
            continue
        key = (st.get(qn("w:type"), "paragraph"), name.get(_VAL, "").lower())
        styles.setdefault(key, esc_attr(sid))
        num_id = st.find(f"{_PPR}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            style_num[esc_attr(sid)] = num_id.get(_VAL, "")
            ilvl = st.find(f"{_PPR}/{qn('w:numPr')}/{qn('w:ilvl')}")
            style_lvl[esc_attr(sid)] = ilvl.get(_VAL, "0") if ilvl is not None else "0"
    abstract_of: dict[str, str] = {}
    if numbering_el is not None:
        for num in numbering_el.iterfind(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            if abstract is not None:
                abstract_of[num.get(qn("w:numId"), "")] = abstract.get(_VAL, "")
    list_numbering = {
        sid: (abstract_of[num], style_lvl[sid])
        for sid, num in style_num.items() if num in abstract_of
    }
    width, height = 9070, 14002  # A4 with 2.5 cm margins, if the template says nothing
    if sect_pr is not None:
        size, margin = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
        if size is not None and margin is not None:
            def twips(el: etree._Element, attr: str) -> int:
                return int(float(el.get(qn(attr), "0")))
            width = twips(size, "w:w") - twips(margin, "w:left") - twips(margin, "w:right")
            height = twips(size, "w:h") - twips(margin, "w:top") - twips(margin, "w:bottom")
    return TemplateInfo(styles, list_numbering, max(width, 1440), max(height, 1440))


def _table_look(t: Table) -> str:
    """Which parts of a table are headers, for Word and for screen readers: the first row of
    a table with a header row, the first column of a key/value table, the last row of sums."""
    first_row = "1" if t.header else "0"
    first_col = "1" if t.row_headers else "0"
    last_row = "1" if t.totals else "0"
    # w:val is the legacy bit mask of the same flags (0x20 first row, 0x40 last row,
    # 0x80 first column, 0x0400 no vertical banding; 0x0200 no horizontal banding).
    mask = 0x0400 | 0x0200 | (0x20 if t.header else 0) | (0x40 if t.totals else 0) | (
        0x80 if t.row_headers else 0)
    return (f'<w:tblLook w:val="{mask:04X}" w:firstRow="{first_row}" w:lastRow="{last_row}" '
            f'w:firstColumn="{first_col}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>')


def _ppr(style_id: str | None, extra: str = "") -> str:
    inner = (f'<w:pStyle w:val="{style_id}"/>' if style_id else "") + extra
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def _rpr(bold: bool, italic: bool, rstyle: str | None) -> str:
    if not (bold or italic or rstyle):
        return ""
    return (
        "<w:rPr>"
        + (f'<w:rStyle w:val="{rstyle}"/>' if rstyle else "")
        + ("<w:b/><w:bCs/>" if bold else "")
        + ("<w:i/><w:iCs/>" if italic else "")
        + "</w:rPr>"
    )


def text_run(text: str, rpr: str = "") -> str:
    """One w:r for some text; newlines and tabs become w:br and w:tab."""
    text = clean(text)
    if not text:
        return ""
    if "\n" not in text and "\t" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
    parts: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{esc(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _tracked(children: list[Inline], change: str | None) -> list[Inline]:
    """A whole paragraph's or cell's inlines as inserted or deleted text."""
    if change == "inserted":
        return [Inserted(children)]
    if change == "deleted":
        return [Deleted(children)]
    return children


def _field(instruction: str, placeholder: str, dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{esc(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + text_run(placeholder)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


@dataclass
class BodyWriter:
    """Appends blocks to a document body; one instance per written document."""

    info: TemplateInfo
    part: DocumentPart
    body: etree._Element
    #: Shown where the TOC goes until Word fills it in.
    toc_placeholder: str = TOC_PLACEHOLDER["nb"]
    has_toc: bool = False
    _out: builtins.list[str] = field(default_factory=list)
    _last_was_table: bool = False
    _next_num: int = 0
    _next_shape: int = 0
    _new_nums: builtins.list[str] = field(default_factory=list)
    _revisions: tracked.Revisions = field(default_factory=tracked.Revisions)
    #: Bookmark ids of the ids' anchors: far above the headings' (docx_toc numbers from 1).
    _next_bookmark: int = 100_000
    _status_colours: dict[str, str] | None = None

    def write(self, blocks: builtins.list[Block]) -> None:
        """Append `blocks` to the body (call once)."""
        # Shape ids must be unique in the story; count on from the highest one there.
        ids = [int(v) for v in cast(builtins.list[str], self.body.xpath("//@id"))
               if v.isdigit()]
        self._next_shape = max(ids, default=0) + 1
        for block in blocks:
            self.block(block, 0)
        if self._last_was_table:
            self._emit("<w:p/>")  # Word wants a paragraph between a table and the section end
        wrapper = etree.fromstring(f"{_WRAP_OPEN}{''.join(self._out)}{_WRAP_CLOSE}", _PARSER)
        self.body.extend(list(wrapper))
        if self._new_nums:
            self._add_nums()

    def _emit(self, xml: str, table: bool = False) -> None:
        self._out.append(xml)
        self._last_was_table = table

    # ------------------------------------------------------------ blocks

    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Paragraph):
            sid = self.info.style("paragraph", block.style) if block.style else None
            extra = (tracked.paragraph_mark(block.change, self._revisions.next())
                     if block.change else "")
            children = _tracked(block.children, block.change)
            self._emit(f"<w:p>{_ppr(sid, extra)}{self.inlines(children)}</w:p>")
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, BulletList | OrderedList):
            self.list(block, depth)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, PageBreak):
            self._emit('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        elif isinstance(block, TableOfContents):
            self.toc(block)

    def heading(self, h: Heading) -> None:
        level = min(max(h.level, 1), 9)
        extra = ""
        sid = None if h.outlined else self.info.style("paragraph", f"Unlisted Heading {level}")
        if sid is None:
            sid = self.info.style("paragraph", f"heading {level}")
            if not h.outlined:
                # Keep the look but take it out of the TOC and the navigation pane.
                extra = '<w:outlineLvl w:val="9"/>'
        number = text_run(f"{h.number} ") if h.number else ""
        if h.change:
            extra += tracked.paragraph_mark(h.change, self._revisions.next())
            rid = self._revisions.next()
            number = (tracked.inserted if h.change == "inserted" else tracked.deleted)(
                number, rid)
        children = _tracked(h.children, h.change)
        self._emit(f"<w:p>{_ppr(sid, extra)}{number}{self.inlines(children)}</w:p>")

    def list(self, lst: BulletList | OrderedList, depth: int) -> None:
        ordered = isinstance(lst, OrderedList)
        item_style = self._level_style("List Number" if ordered else "List Bullet", depth)
        cont_style = self._level_style("List Continue", depth)
        num_pr = ""
        if isinstance(lst, OrderedList) and item_style in self.info.list_numbering:
            num_id, ilvl = self._new_num(item_style, max(lst.start, 0))
            num_pr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        marker = _ppr(item_style, num_pr)
        for item in lst.items:
            rest = item
            if item and isinstance(item[0], Paragraph):
                self._emit(f"<w:p>{marker}{self.inlines(item[0].children)}</w:p>")
                rest = item[1:]
            else:
                self._emit(f"<w:p>{marker}</w:p>")  # the item's number or bullet
            for block in rest:
                if isinstance(block, Paragraph):
                    self._emit(f"<w:p>{_ppr(cont_style)}{self.inlines(block.children)}</w:p>")
                else:
                    self.block(block, depth + 1)

    def _level_style(self, base: str, depth: int) -> str | None:
        # "List Bullet", "List Bullet 2", …: the deepest level the template defines.
        for level in range(min(depth + 1, 9), 1, -1):
            sid = self.info.style("paragraph", f"{base} {level}")
            if sid is not None:
                return sid
        return self.info.style("paragraph", base)

    def _new_num(self, style_id: str, start: int) -> tuple[str, str]:
        """A fresh w:num for one numbered list, so that every list restarts at its start."""
        abstract, ilvl = self.info.list_numbering[style_id]
        if not self._next_num:
            nums = self.part.numbering_part.element.xpath("w:num/@w:numId")
            self._next_num = max((int(n) for n in nums if n.isdigit()), default=0) + 1
        num_id = str(self._next_num)
        self._next_num += 1
        self._new_nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/>'
            "</w:lvlOverride></w:num>"
        )
        return num_id, ilvl

    def _add_nums(self) -> None:
        numbering = self.part.numbering_part.element
        wrapper = f'<w:numbering {nsdecls("w")}>{"".join(self._new_nums)}</w:numbering>'
        nums = list(etree.fromstring(wrapper, _PARSER))
        # w:num elements follow every w:abstractNum and precede w:numIdMacAtCleanup.
        existing = numbering.findall(qn("w:num"))
        if existing:
            anchor = existing[-1]
            for num in nums:
                anchor.addnext(num)
                anchor = num
        else:
            numbering.extend(nums)

    def table(self, t: Table) -> None:
        ncols = t.columns
        if ncols == 0:
            return
        info = self.info
        out: builtins.list[str] = []
        if t.caption:
            out.append(f'<w:p>{_ppr(info.style("paragraph", "caption"))}'
                       f"{self.inlines(t.caption)}</w:p>")
        elif self._last_was_table:
            out.append("<w:p/>")  # two adjacent tables would merge into one in Word
        role = (t.style or "").strip()
        style = info.style("table", f"Plandoc Table {role}", "Plandoc Table", "Table Grid")
        fixed = len(t.widths) == ncols and sum(t.widths) > 0
        twips = self._column_twips(t, ncols)

        out.append("<w:tbl><w:tblPr>")
        if style:
            out.append(f'<w:tblStyle w:val="{style}"/>')
        out.append('<w:tblW w:w="5000" w:type="pct"/>')
        if fixed:
            out.append('<w:tblLayout w:type="fixed"/>')
        out.append(_table_look(t))
        if t.caption:
            # Table alt text (Word 2010+), read by screen readers.
            caption = esc_attr(clean(plain_text(t.caption))[:255])
            out.append(f'<w:tblCaption w:val="{caption}"/>')
        out.append("</w:tblPr><w:tblGrid>")
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in twips)
        out.append("</w:tblGrid>")

        heading = info.style("paragraph", "Table Heading", "Table Text")
        body = info.style("paragraph", "Table Text")
        totals = info.style("paragraph", "Table Total", "Table Text")
        jcs = [
            f'<w:jc w:val="{a}"/>' if a in ("right", "center") else ""
            for a in (t.align[c] if c < len(t.align) else "left" for c in range(ncols))
        ]
        widths_xml = [f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>' for w in twips]
        last = len(t.rows) - 1
        rows = [(t.header, heading, True)] if t.header else []
        rows += [(row, totals if t.totals and i == last else body, False)
                 for i, row in enumerate(t.rows)]
        body_changes: builtins.list[str | None] = [
            *(str(c) if c else None for c in t.row_changes), *[None] * len(t.rows)][:len(t.rows)]
        changes: builtins.list[str | None]
        if t.change:
            changes = [t.change] * len(rows)
        else:
            changes = [*[None] * (len(rows) - len(t.rows)), *body_changes]
        for (cells, sid, is_header), change in zip(rows, changes, strict=True):
            # The header row repeats on every page and tells screen readers what it is.
            row_mark = tracked.mark(change, self._revisions.next()) if change else ""
            out.append("<w:tr><w:trPr><w:cantSplit/>"
                       + ("<w:tblHeader/>" if is_header else "") + row_mark + "</w:trPr>")
            if change:
                cells = [_tracked(cell, change) for cell in cells]
            for col in range(ncols):
                out.append(self._cell(t, cells, col, sid, widths_xml[col], jcs[col]))
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self._emit("".join(out), table=True)

    def _cell(self, t: Table, cells: builtins.list[builtins.list[Inline]], col: int,
              style: str | None, width_xml: str, jc: str) -> str:
        """One cell; in a key/value table the key (first column) is a header cell: bold, in
        the table-heading style, and marked by the table's first-column look."""
        content = cells[col] if col < len(cells) else []
        if t.row_headers and col == 0:
            heading = self.info.style("paragraph", "Table Heading", "Table Text")
            return (f"<w:tc>{width_xml}<w:p>{_ppr(heading, jc)}"
                    f"{self.inlines(content, bold=True)}</w:p></w:tc>")
        return f"<w:tc>{width_xml}<w:p>{_ppr(style, jc)}{self.inlines(content)}</w:p></w:tc>"

    def _column_twips(self, t: Table, ncols: int) -> builtins.list[int]:
        """Column widths: the builder's proportions (else the text's), but wide enough that a
        number, a date or a long word does not break in the middle where the page allows.

        Word re-fits auto-layout tables itself, but LibreOffice and Word's first layout use
        the grid, and equal or narrow columns broke "1 250 000" and "31.12.2027" apart.
        """
        total = self.info.text_width
        last = len(t.rows)
        words: builtins.list[builtins.list[tuple[str, bool]]] = [[] for _ in range(ncols)]
        prefer = [1] * ncols  # whole cell on one line
        for r, row in enumerate([t.header, *t.rows]):
            bold = r == 0 or (t.totals and r == last)
            for col, cell in enumerate(row[:ncols]):
                text = cell_text(cell)  # a status word with its chip is one word
                words[col] += [(w, bold) for w in _BREAKS.split(text) if w]
                prefer[col] = max(prefer[col], min(len(text), 60))
        right = [t.align[col:col + 1] == ["right"] for col in range(ncols)]

        def need_of(col: int, cap: int) -> int:
            # Numbers and dates (right-aligned) never break; words up to `cap` letters stay
            # whole (NO-BREAK SPACE binds numbers into one word).
            widest = max((text_width_pt(w if right[col] else w[:cap], bold)
                          for w, bold in words[col]), default=0.0)
            return int(widest * 20) + _CELL_PADDING + _SLACK

        # Names, roles and headers ("Prosjektmedarbeider", "Omstillingsmidler") stay whole
        # where the page allows; when it does not, long words break first in the column of
        # the longest texts (sentences, not names), down to _TEXT_WORD letters, so one
        # sentence column cannot starve the others.
        caps = [_WHOLE_WORD] * ncols
        need = [need_of(col, caps[col]) for col in range(ncols)]
        while sum(need) >= total:
            # Down to _TEXT_WORD letters; a table still too wide for the page (many number
            # columns) takes its text columns further down, so amounts never break.
            floor = _TEXT_WORD if any(caps[c] > _TEXT_WORD for c in range(ncols)
                                      if not right[c]) else _LEAST_WORD
            narrowable = [c for c in range(ncols) if not right[c] and caps[c] > floor]
            if not narrowable:
                break
            # Above the floor the sentence column gives way first; below it, the widest.
            col = max(narrowable, key=lambda c: (prefer[c], need[c]) if floor == _TEXT_WORD
                      else (need[c], prefer[c]))
            caps[col] -= 1
            need[col] = need_of(col, caps[col])
        given = len(t.widths) == ncols and sum(t.widths) > 0
        weights = [max(float(w), 0.0) for w in t.widths] if given else [float(p) for p in prefer]
        if sum(need) >= total:  # cannot fit: share the shortfall evenly
            return [int(total * n / sum(need)) for n in need]
        fixed: dict[int, float] = {}
        share: dict[int, float] = {}
        while True:
            free = [i for i in range(ncols) if i not in fixed]
            room = total - sum(fixed.values())
            wsum = sum(weights[i] for i in free)
            share = {i: room * weights[i] / wsum if wsum else room / len(free) for i in free}
            short = [i for i in free if share[i] < need[i]]
            if not short:
                break
            fixed.update((i, float(need[i])) for i in short)
        widths = [fixed.get(i, share.get(i, 0.0)) for i in range(ncols)]
        scale = total / sum(widths)  # only > 1 when every column was raised to its need
        return [int(w * scale) for w in widths]

    def figure(self, f: Figure) -> None:
        # Alt text is what a screen reader says for the picture; as in the PDF, the caption
        # stands in for it, and a picture with neither is refused (universell utforming).
        alt_text = clean(f.alt).strip() or clean(plain_text(f.caption)).strip()
        if not alt_text:
            raise RenderError("en figur mangler alternativ tekst (alt), som Word-dokumentet "
                              "trenger for skjermlesere")
        content = f.content
        if isinstance(content, Chart):
            from plandoc.writers.charts import render_chart

            source: str | io.BytesIO = io.BytesIO(render_chart(content, "png"))
            label = content.title or "diagram"
        else:
            source = str(Path(content.path))
            label = str(content.path)
        try:
            rid, image = self.part.get_or_add_image(source)
        except FileNotFoundError as exc:
            raise RenderError(f"fant ikke bildet {label}") from exc
        except UnrecognizedImageError as exc:
            raise RenderError(
                f"{label}: ukjent bildeformat; Word-dokumentet kan ha PNG, JPEG, GIF, BMP "
                "eller TIFF") from exc
        except OSError as exc:
            raise RenderError(f"kan ikke lese bildet {label}: {exc.strerror}") from exc
        except Exception as exc:  # a damaged file can fail anywhere in the image parser
            raise RenderError(f"bildet {label} er skadet eller ufullstendig") from exc
        cx, cy = int(image.width), int(image.height)
        max_cx = self.info.text_width * _EMU_PER_TWIP
        max_cy = int(self.info.text_height * 0.8) * _EMU_PER_TWIP
        scale = min(1.0, max_cx / cx if cx else 1.0, max_cy / cy if cy else 1.0)
        cx, cy = max(int(cx * scale), 1), max(int(cy * scale), 1)
        shape_id = self._next_shape
        self._next_shape += 1
        alt = esc_attr(alt_text)
        title = esc_attr(clean(plain_text(f.caption))) or alt
        name = esc_attr(clean(image.filename))
        drawing = (
            '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{shape_id}" name="Bilde {shape_id}" descr="{alt}" title="{title}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr><a:graphic>"
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{alt}"/>'
            "<pic:cNvPicPr/></pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            "</pic:blipFill><pic:spPr>"
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing>"
        )
        figure_style = self.info.style("paragraph", "Figure")
        self._emit(f"<w:p>{_ppr(figure_style)}<w:r>{drawing}</w:r></w:p>")
        if f.caption:
            caption_style = self.info.style("paragraph", "caption")
            self._emit(f"<w:p>{_ppr(caption_style)}{self.inlines(f.caption)}</w:p>")

    def toc(self, toc: TableOfContents) -> None:
        self.has_toc = True
        heading = self.info.style("paragraph", "TOC Heading")
        self._emit(f"<w:p>{_ppr(heading)}{text_run(toc.title)}</w:p>")
        self._emit(f"<w:p>{_field(TOC_INSTRUCTION, self.toc_placeholder, True)}</w:p>")

    # ------------------------------------------------------------ inlines

    def _status_chip(self, level: str, bold: bool, italic: bool, rstyle: str | None) -> str:
        """Shaded spaces in the status colour and a space; nothing when the template has no
        colour for the level (the status word stands alone then)."""
        colour = self.status_colours().get(level)
        if not colour:
            return ""
        style = self.info.style("character", f"Status {level}")
        rstyle_xml = f'<w:rStyle w:val="{style}"/>' if style else ""
        chip = (f'<w:r><w:rPr>{rstyle_xml}'
                f'<w:shd w:val="clear" w:color="auto" w:fill="{colour}"/></w:rPr>'
                f'<w:t xml:space="preserve">{STATUS_CHIP}</w:t></w:r>')
        return chip + text_run("\u00a0", _rpr(bold, italic, rstyle))

    def status_colours(self) -> dict[str, str]:
        """Status level → colour (hex) of the template's "Status Green|Yellow|Red" style."""
        if self._status_colours is None:
            self._status_colours = {}
            styles = self.part.styles.element
            for level in ("green", "yellow", "red"):
                sid = self.info.style("character", f"Status {level}")
                for st in styles.iterfind(qn("w:style")) if sid else ():
                    if st.get(qn("w:styleId")) == sid:
                        colour = st.find(f"{qn('w:rPr')}/{qn('w:color')}")
                        value = colour.get(_VAL) if colour is not None else None
                        if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
                            self._status_colours[level] = value
        return self._status_colours

    def inlines(self, nodes: builtins.list[Inline], bold: bool = False, italic: bool = False,
                rstyle: str | None = None, in_link: bool = False) -> str:
        out: builtins.list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(text_run(node.text, _rpr(bold, italic, rstyle)))
            elif isinstance(node, Inserted | Deleted):
                runs = self.inlines(node.children, bold, italic, rstyle, in_link)
                wrap = tracked.inserted if isinstance(node, Inserted) else tracked.deleted
                out.append(wrap(runs, self._revisions.next()))
            elif isinstance(node, Strong):
                out.append(self.inlines(node.children, True, italic, rstyle, in_link))
            elif isinstance(node, Emphasis):
                out.append(self.inlines(node.children, bold, True, rstyle, in_link))
            elif isinstance(node, LineBreak):
                out.append(f"<w:r>{_rpr(bold, italic, rstyle)}<w:br/></w:r>")
            elif isinstance(node, Status):
                # A chip in the colour of the template's "Status Green/Yellow/Red" character
                # style, then the word, which says the same for print in grey and for
                # screen readers.
                out.append(self._status_chip(node.level, bold, italic, rstyle))
                out.append(self.inlines(node.children, bold, italic, rstyle, in_link))
            elif isinstance(node, Anchor):
                # Where an id is defined: a bookmark, the target of the links to it.
                bid = self._next_bookmark
                self._next_bookmark += 1
                out.append(f'<w:bookmarkStart w:id="{bid}" w:name="{esc_attr(node.name)}"/>'
                           f'<w:bookmarkEnd w:id="{bid}"/>')
            elif isinstance(node, Ref):
                # An id links to its bookmark in this document; the sibling documents are
                # linked in PDF and HTML, where a reader follows a link between files.
                if node.document != "" or in_link:
                    out.append(self.inlines(node.children, bold, italic, rstyle, in_link))
                    continue
                style = self.info.style("character", "Hyperlink")
                inner = self.inlines(node.children, bold, italic, style, True)
                out.append(f'<w:hyperlink w:anchor="{esc_attr(node.name)}" w:history="1">'
                           f'{inner}</w:hyperlink>')
            elif isinstance(node, Link):
                if in_link:  # a hyperlink cannot hold another one
                    out.append(self.inlines(node.children, bold, italic, rstyle, True))
                    continue
                url = clean(node.url).strip()
                if url.startswith("#"):
                    target = f'w:anchor="{esc_attr(url[1:])}"'
                else:
                    rid = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
                    target = f'r:id="{rid}"'
                style = self.info.style("character", "Hyperlink")
                inner = self.inlines(node.children, bold, italic, style, True)
                out.append(f'<w:hyperlink {target} w:history="1">{inner}</w:hyperlink>')
        return "".join(out)
