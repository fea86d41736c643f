"""The body writer of plandoc's Word edition: filled TOC, Word-kept chapter numbers, tables
drawn as the PDF draws them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from plandoc.document import Block, Figure, Heading, Table, TableOfContents, walk_blocks
from plandoc.writers.docx_body import BodyWriter, text_run
from plandoc.writers.docx_look import finish_table
from plandoc.writers.docx_pages import estimate_heading_pages
from plandoc.writers.docx_toc import HeadingPlan, heading_xml, plan_headings, toc_xml
from plandoc.writers.docx_widths import apply_widths, typst_widths

_LEVELS = {"green": "Green", "yellow": "Yellow", "red": "Red"}


@dataclass
class EditionWriter(BodyWriter):
    """`BodyWriter` (whose TOC is an empty field for Word to fill) with what makes the Word
    edition match the PDF. Kept apart so the block writers there stay about blocks."""

    #: Pages of `Document.headings()` in order (from the PDF), or None to estimate them.
    pages: Sequence[int] | None = None
    plan: HeadingPlan = field(default_factory=HeadingPlan)
    _fills: dict[str, str] | None = None

    def write(self, blocks: list[Block]) -> None:
        outlined = sum(1 for b in walk_blocks(blocks) if isinstance(b, Heading) and b.outlined)
        have = self.pages is not None and len(self.pages) == outlined
        estimate = {} if have else estimate_heading_pages(
            blocks, self.info.text_width, self.info.text_height)
        self.plan = plan_headings(self.info, blocks, self.pages, estimate)
        super().write(blocks)

    def heading(self, h: Heading) -> None:
        self._emit(heading_xml(self.plan, self.info, h, self.inlines(h.children)))

    def toc(self, toc: TableOfContents) -> None:
        self.has_toc = True
        title = self.info.style("paragraph", "TOC Heading")
        ppr = f'<w:pPr><w:pStyle w:val="{title}"/></w:pPr>' if title else ""
        self._emit(f"<w:p>{ppr}{text_run(toc.title)}</w:p>")
        self._emit(toc_xml(self.plan, self.info))

    def table(self, t: Table) -> None:
        before = len(self._out)
        super().table(t)
        if len(self._out) > before:
            xml = finish_table(self._out[-1], t, self.matrix_fills())
            widths = typst_widths(t, list(t.align), self.info.text_width)
            self._out[-1] = apply_widths(xml, widths) if widths else xml

    def figure(self, f: Figure) -> None:
        super().figure(f)
        if f.caption and self._out:
            # A caption under a picture ends the figure, as in the PDF: it must not keep with
            # the next heading (the caption style keeps a table's caption with its table),
            # or a chain of kept paragraphs pushes the picture to the next page.
            self._out[-1] = self._out[-1].replace(
                "/></w:pPr>", '/><w:keepNext w:val="0"/></w:pPr>', 1)

    def matrix_fills(self) -> dict[str, str]:
        """Status level → cell fill, from the template's "Matrix Cell Green|Yellow|Red"."""
        if self._fills is None:
            self._fills = {}
            styles = self.part.styles.element
            for level, name in _LEVELS.items():
                sid = self.info.style("paragraph", f"Matrix Cell {name}")
                if sid is None:
                    continue
                for st in styles.iterfind(qn("w:style")):
                    if st.get(qn("w:styleId")) == sid:
                        shd = st.find(f"{qn('w:pPr')}/{qn('w:shd')}")
                        if shd is not None and shd.get(qn("w:fill")):
                            self._fills[level] = shd.get(qn("w:fill"))
        return self._fills
