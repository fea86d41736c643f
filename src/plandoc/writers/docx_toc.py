"""The Word table of contents written already filled, and chapter numbers from the Heading list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from plandoc.document import Block, Heading, heading_text, plain_text, walk_blocks
from plandoc.writers.docx_body import TemplateInfo, esc, esc_attr, text_run

#: Levels the TOC lists at most: those the chapter numbers reach.
TOC_LEVELS = 3


def toc_depth(info: TemplateInfo) -> int:
    """How many heading levels the TOC lists: as many as the template has "toc N" styles
    for, from 1 on (the bauta's lists two, as its PDF does), at most TOC_LEVELS."""
    depth = 0
    while depth < TOC_LEVELS and info.style("paragraph", f"toc {depth + 1}") is not None:
        depth += 1
    return depth or TOC_LEVELS


def toc_instruction(depth: int) -> str:
    return f' TOC \\o "1-{depth}" \\h \\z \\u '
#: A paragraph (or style) taken out of any list numbering.
NO_NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'


def heading_style(info: TemplateInfo, h: Heading) -> tuple[str | None, bool]:
    """The heading's styleId, and whether the paragraph must be marked out of the outline
    (a template without "Unlisted Heading N" styles)."""
    level = min(max(h.level, 1), 9)
    if not h.outlined:
        sid = info.style("paragraph", f"Unlisted Heading {level}")
        if sid is not None:
            return sid, False
        return info.style("paragraph", f"heading {level}"), True
    return info.style("paragraph", f"heading {level}"), False


@dataclass
class HeadingPlan:
    """How each heading is written: its bookmark, whether Word's list numbers it, its page."""

    #: id(heading) → bookmark name, for outlined headings the TOC lists.
    bookmarks: dict[int, str] = field(default_factory=dict)
    #: id(heading) → page number shown in the TOC.
    pages: dict[int, int] = field(default_factory=dict)
    #: Headings in the TOC, in order.
    entries: list[Heading] = field(default_factory=list)
    #: True when the template's Heading list reproduces every number of the tree, so the
    #: numbers are left to Word; else they are typed as text (as a foreign template needs).
    list_numbers: bool = False
    #: styleIds linked to the template's heading list.
    linked: frozenset[str] = frozenset()
    #: Heading levels the TOC lists.
    depth: int = TOC_LEVELS
    _next_id: int = 1

    def bookmark_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1


def plan_headings(info: TemplateInfo, blocks: list[Block],
                  pages: Sequence[int] | None, estimate: dict[int, int]) -> HeadingPlan:
    """Decide bookmarks, numbering and TOC pages for every heading of a document.

    `pages` are the pages of `Document.headings()` in order (as the PDF's outline gives
    them); where they are missing or do not fit, the estimate is used.
    """
    headings = [b for b in walk_blocks(blocks) if isinstance(b, Heading)]
    outlined = [h for h in headings if h.outlined]
    plan = HeadingPlan(depth=toc_depth(info))
    use_pages = pages is not None and len(pages) == len(outlined)
    for i, h in enumerate(outlined):
        plan.pages[id(h)] = int(pages[i]) if use_pages and pages else estimate.get(id(h), 1)
        if h.level <= plan.depth:
            plan.bookmarks[id(h)] = f"_Toc{i + 1:08d}"
            plan.entries.append(h)
    plan.linked = _linked_heading_styles(info)
    plan.list_numbers = bool(plan.linked) and _numbers_match(info, headings, plan.linked)
    return plan


def _linked_heading_styles(info: TemplateInfo) -> frozenset[str]:
    """Heading 1–3 styleIds that carry the same multilevel list at levels 0, 1, 2."""
    ids = [info.style("paragraph", f"heading {n}") for n in (1, 2, 3)]
    nums = [info.list_numbering.get(sid) if sid else None for sid in ids]
    if any(n is None for n in nums) or len({n[0] for n in nums if n}) != 1:
        return frozenset()
    if [n[1] for n in nums if n] != ["0", "1", "2"]:
        return frozenset()
    return frozenset(sid for sid in ids if sid)


def _numbers_match(info: TemplateInfo, headings: list[Heading], linked: frozenset[str]
                   ) -> bool:
    """Word's counters, run over the headings the list numbers, give the tree's numbers."""
    counters = [0, 0, 0]
    for h in headings:
        sid, _ = heading_style(info, h)
        if not h.number:
            continue
        if sid not in linked or h.level > 3:
            return False  # a typed number Word would not count: keep them all typed
        counters[h.level - 1] += 1
        for deeper in range(h.level, 3):
            counters[deeper] = 0
        expected = counters[: h.level]
        if 0 in expected or h.number != ".".join(map(str, expected)):
            return False
    return True


def heading_xml(plan: HeadingPlan, info: TemplateInfo, h: Heading, body: str) -> str:
    """One heading paragraph: its style, numbering, bookmark and text (`body`: its runs)."""
    sid, unlisted = heading_style(info, h)
    numbered_by_word = plan.list_numbers and bool(h.number) and sid in plan.linked
    extra = ""
    if not numbered_by_word and sid in info.list_numbering:
        extra += NO_NUM  # the style would number it: an unnumbered heading stays so
    if unlisted:
        extra += '<w:outlineLvl w:val="9"/>'  # keep the look, out of TOC and navigation
    inner = (f'<w:pStyle w:val="{sid}"/>' if sid else "") + extra
    ppr = f"<w:pPr>{inner}</w:pPr>" if inner else ""
    number = "" if numbered_by_word or not h.number else text_run(f"{h.number} ")
    content = number + body
    name = plan.bookmarks.get(id(h))
    if name is not None:
        bid = plan.bookmark_id()
        content = (f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{content}'
                   f'<w:bookmarkEnd w:id="{bid}"/>')
    return f"<w:p>{ppr}{content}</w:p>"


def _fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _instr(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{esc(text)}</w:instrText></w:r>'


def toc_xml(plan: HeadingPlan, info: TemplateInfo) -> str:
    """The TOC field with its result already filled: one paragraph per entry, each a link to
    the heading's bookmark with a PAGEREF field whose cached result is the page number.
    Word shows it as is (no update prompt) and refreshes it on "Update field"."""
    begin = _fld("begin") + _instr(toc_instruction(plan.depth)) + _fld("separate")
    if not plan.entries:
        return f"<w:p>{begin}{_fld('end')}</w:p>"
    out: list[str] = []
    last = len(plan.entries) - 1
    for i, h in enumerate(plan.entries):
        sid = info.style("paragraph", f"toc {h.level}")
        ppr = f'<w:pPr><w:pStyle w:val="{sid}"/></w:pPr>' if sid else ""
        name = plan.bookmarks[id(h)]
        # "2.1" fits the number's tab stop; "Vedlegg A" does not, and Word (and LibreOffice)
        # would fill the gap to the title with the page-number leader: it goes with the title.
        tabbed = bool(h.number) and " " not in (h.number or "")
        number = (text_run(h.number or "") + "<w:r><w:tab/></w:r>") if tabbed else ""
        title = plain_text(h.children) if tabbed else heading_text(h)
        page = plan.pages.get(id(h), 1)
        link = (
            f'<w:hyperlink w:anchor="{esc_attr(name)}" w:history="1">'
            f"{number}{text_run(title)}<w:r><w:tab/></w:r>"
            + _fld("begin") + _instr(f" PAGEREF {name} \\h ") + _fld("separate")
            + text_run(str(page)) + _fld("end")
            + "</w:hyperlink>"
        )
        out.append(f"<w:p>{ppr}{begin if i == 0 else ''}{link}"
                   f"{_fld('end') if i == last else ''}</w:p>")
    return "".join(out)

