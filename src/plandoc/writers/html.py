"""HTML writer: any document tree as one semantic HTML5 page, styled by templates/html/*.css."""

from __future__ import annotations

import base64
import html
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.core.diagnostics import RenderError
from plandoc.core.files import atomic_path
from plandoc.core.paths import slugify
from plandoc.core.resources import shipped_templates_dir, template_subdir
from plandoc.core.text import control_characters
from plandoc.document import (
    Anchor,
    Block,
    BulletList,
    Chart,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
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
    heading_text,
    plain_text,
    walk_blocks,
)
from plandoc.writers.base import files_under, register

# Plain string building over a template engine: the markup is small and fixed, every piece
# of text goes through one escape function, and no JavaScript is emitted at all.

DEFAULT_TEMPLATE_DIR = shipped_templates_dir() / "html"
#: The stylesheets every page uses: screen (and shared) rules, and print rules.
SCREEN_CSS = "plandoc.css"
PRINT_CSS = "print.css"

#: Link schemes a page may carry; anything else (javascript:, data:, …) is shown as text.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = control_characters(keep="\t\n\r", noncharacters=False)
#: Ids the page chrome uses; headings never get them.
_RESERVED_IDS = frozenset({"innhold", "innhold-tittel"})

#: Words the page chrome needs, per language (the document's labels win when they have them).
CHROME = {
    "nb": {"skip": "Hopp til innholdet", "menu": "Hovedmeny", "breadcrumbs": "Du er her",
           "contents": "Innhold"},
    "nn": {"skip": "Hopp til innhaldet", "menu": "Hovudmeny", "breadcrumbs": "Du er her",
           "contents": "Innhald"},
}


def templates_dir() -> Path:
    """$PLANDOC_TEMPLATES/html when set, else the shipped templates/html/."""
    return template_subdir("html")


def esc(text: str) -> str:
    """Text for HTML content and double-quoted attributes; control characters dropped."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def safe_url(url: str) -> str | None:
    """The URL when a page may link to it (http, https, mailto, tel, relative), else None."""
    url = _CONTROL.sub("", url).strip()
    if not url:
        return None
    match = _SCHEME.match(url)
    if match:
        return url if match.group(1).lower() in SAFE_SCHEMES else None
    return None if url.startswith("//") else url


@dataclass
class HtmlOptions:
    """Page chrome and how links and pictures are addressed; the defaults make one
    self-contained page (inline CSS, pictures copied beside it)."""

    #: Stylesheet hrefs as (href, media); empty: the default CSS is inlined.
    stylesheets: Sequence[tuple[str, str]] = ()
    site_name: str = ""
    site_href: str = ""
    nav: Sequence[tuple[str, str]] = ()
    breadcrumbs: Sequence[tuple[str, str]] = ()
    canonical: str = ""
    footer: Sequence[Inline] = ()
    #: Show Meta (municipality, title, subtitle, date) as the page's title block. The version
    #: block is not repeated: the builders put it in the body, where it is on every page.
    cover: bool = True
    #: Rewrites link targets (e.g. site paths to relative ones).
    rewrite: Callable[[str], str] | None = None
    #: Gives the src of a picture file (and may copy it); required when the page has one.
    image_src: Callable[[Path], str] | None = None
    #: Extra class on <body>.
    body_class: str = ""


@dataclass
class _Page:
    document: Document
    options: HtmlOptions
    lang: str
    chrome: dict[str, str]
    ids: dict[int, str] = field(default_factory=dict)


def _heading_ids(document: Document) -> dict[int, str]:
    """A stable, unique id per heading, from its text ("2.1 Visjon" → "2-1-visjon")."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for block in walk_blocks(document.blocks):
        if isinstance(block, Heading):
            base = slugify(heading_text(block), fallback="del")
            candidate, n = base, 2
            while candidate in used or candidate in _RESERVED_IDS:
                candidate, n = f"{base}-{n}", n + 1
            used.add(candidate)
            ids[id(block)] = candidate
    return ids


def _image_size(path: Path) -> tuple[int, int] | None:
    try:
        from PIL import Image as PILImage

        with PILImage.open(path) as img:
            return img.size
    except Exception:  # a picture Pillow cannot size still shows; the browser sizes it
        return None


class _Renderer:
    def __init__(self, page: _Page) -> None:
        self.page = page
        self.options = page.options

    # ------------------------------------------------------------ inlines

    def inlines(self, nodes: Sequence[Inline]) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(esc(node.text).replace("\n", "<br>"))
            elif isinstance(node, Strong):
                out.append(f"<strong>{self.inlines(node.children)}</strong>")
            elif isinstance(node, Emphasis):
                out.append(f"<em>{self.inlines(node.children)}</em>")
            elif isinstance(node, LineBreak):
                out.append("<br>")
            elif isinstance(node, Link):
                out.append(self.link(node))
            elif isinstance(node, Anchor):
                # Where an id is defined: the target of every link to it.
                out.append(f'<span id="{esc(node.name)}"></span>')
            elif isinstance(node, Ref):
                out.append(self.ref(node))
            elif isinstance(node, Status):
                # The dot carries the colour; the word next to it carries the meaning.
                out.append(
                    f'<span class="status status-{esc(node.level)}">'
                    f'<span aria-hidden="true">●</span>\u00a0{self.inlines(node.children)}</span>'
                )
        return "".join(out)

    def href(self, url: str) -> str | None:
        target = safe_url(url)
        if target is None:
            return None
        if self.options.rewrite is not None and not _SCHEME.match(target):
            target = self.options.rewrite(target)
        return target

    def link(self, node: Link) -> str:
        inner = self.inlines(node.children)
        target = self.href(node.url)
        if target is None:
            return f"<span>{inner}</span>"
        # A link that shows its own address is not written out again when printed.
        bare = ' class="bare"' if plain_text(node.children).strip() == node.url.strip() else ""
        return f'<a href="{esc(target)}"{bare}>{inner}</a>'

    def ref(self, node: Ref) -> str:
        """A printed id as a link to its definition: on this page, or on the sibling page."""
        inner = self.inlines(node.children)
        if node.document is None:
            return inner
        if node.document == "":
            return f'<a class="ref" href="#{esc(node.name)}">{inner}</a>'
        target = self.href(f"{node.document}.html#{node.name}")
        if target is None:
            return inner
        return f'<a class="ref" href="{esc(target)}">{inner}</a>'

    # ------------------------------------------------------------ blocks

    def blocks(self, blocks: Sequence[Block]) -> str:
        return "".join(self.block(b) for b in blocks)

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            cls = f' class="{esc(block.style)}"' if block.style else ""
            return f"<p{cls}>{self.inlines(block.children)}</p>\n"
        if isinstance(block, BulletList):
            return "<ul>\n" + "".join(self.item(i) for i in block.items) + "</ul>\n"
        if isinstance(block, OrderedList):
            start = f' start="{block.start}"' if block.start != 1 else ""
            return f"<ol{start}>\n" + "".join(self.item(i) for i in block.items) + "</ol>\n"
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, PageBreak):
            return '<div class="page-break" aria-hidden="true"></div>\n'
        if isinstance(block, TableOfContents):
            return self.toc(block)
        raise TypeError(f"unknown block {type(block).__name__}")  # pragma: no cover

    def item(self, blocks: list[Block]) -> str:
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph) and not blocks[0].style:
            return f"<li>{self.inlines(blocks[0].children)}</li>\n"
        return f"<li>{self.blocks(blocks)}</li>\n"

    def heading(self, h: Heading) -> str:
        # The page title is the one <h1>; the document's levels start one below it.
        level = min(h.level + (1 if self.options.cover else 0), 6)
        hid = self.page.ids.get(id(h), "")
        number = f'<span class="number">{esc(h.number)}</span> ' if h.number else ""
        cls = "" if h.outlined else ' class="unlisted"'
        return f'<h{level} id="{esc(hid)}"{cls}>{number}{self.inlines(h.children)}</h{level}>\n'

    def table(self, t: Table) -> str:
        ncols = t.columns
        if ncols == 0:
            return ""

        def cls(col: int) -> str:
            align = t.align[col] if col < len(t.align) else "left"
            return {"right": ' class="num"', "center": ' class="center"'}.get(align, "")

        def cell(row: list[list[Inline]], col: int) -> str:
            return self.inlines(row[col]) if col < len(row) else ""

        style = f' class="{esc(t.style)}"' if t.style else ""
        # A wide table scrolls inside its box; the box takes keyboard focus (Firefox and
        # Safari do not give it one) and is named after the table, so it can be scrolled.
        heads = [plain_text(c).strip() for c in (t.header or [r[0] for r in t.rows if r])]
        name = plain_text(t.caption).strip() or " · ".join(h for h in heads[:3] if h)
        name = name or self.page.document.meta.labels.get("table") or "Tabell"
        box = f"table-scroll table-{esc(t.style)}" if t.style else "table-scroll"
        out = [f'<div class="{box}" tabindex="0" role="group" aria-label="{esc(name)}">'
               f"<table{style}>\n"]
        if t.caption:
            out.append(f"<caption>{self.inlines(t.caption)}</caption>\n")
        if t.widths and len(t.widths) == ncols and sum(t.widths) > 0:
            total = sum(t.widths)
            out.append("<colgroup>" + "".join(
                f'<col style="width:{100 * w / total:.1f}%">' for w in t.widths) + "</colgroup>\n")
        def header_cell(text: str, scope: str, col: int) -> str:
            # A header cell without text names nothing; an empty corner is a plain cell.
            if not text.strip():
                return f"<td{cls(col)}></td>"
            return f'<th scope="{scope}"{cls(col)}>{text}</th>'

        if t.header:
            out.append("<thead><tr>" + "".join(
                header_cell(cell(t.header, c), "col", c) for c in range(ncols))
                + "</tr></thead>\n")
        body_rows = t.rows[:-1] if t.totals and t.rows else t.rows

        def row_html(row: list[list[Inline]]) -> str:
            first = header_cell(cell(row, 0), "row", 0)
            rest = "".join(f"<td{cls(c)}>{cell(row, c)}</td>" for c in range(1, ncols))
            return f"<tr>{first}{rest}</tr>\n"

        out.append("<tbody>\n" + "".join(row_html(r) for r in body_rows) + "</tbody>\n")
        if t.totals and t.rows:
            out.append('<tfoot class="totals">\n' + row_html(t.rows[-1]) + "</tfoot>\n")
        out.append("</table></div>\n")
        return "".join(out)

    def figure(self, f: Figure) -> str:
        alt = f.alt.strip() or plain_text(f.caption).strip()
        content = f.content
        size = ""
        if isinstance(content, Chart):
            from plandoc.writers.charts import render_chart

            svg = base64.b64encode(render_chart(content, "svg")).decode("ascii")
            src = f"data:image/svg+xml;base64,{svg}"
        else:
            assert isinstance(content, Image)
            path = Path(content.path)
            if not path.is_file():
                raise RenderError(f"fant ikke bildet {path}")
            if self.options.image_src is None:
                raise RenderError("HTML-siden har et bilde, men ingen plass å legge det")
            src = self.options.image_src(path)
            dims = _image_size(path)
            if dims:
                size = f' width="{dims[0]}" height="{dims[1]}"'
        caption = (f"<figcaption>{self.inlines(f.caption)}</figcaption>"
                   if f.caption else "")
        return (f'<figure><img src="{esc(src)}" alt="{esc(alt)}"{size} loading="lazy" '
                f'decoding="async">{caption}</figure>\n')

    def toc(self, toc: TableOfContents) -> str:
        title = toc.title or self.page.chrome["contents"]
        out: list[str] = []
        stack: list[int] = []  # levels of the open lists
        for h in self.page.document.headings():
            level = max(1, h.level)
            if not stack or level > stack[-1]:
                out.append("<ol>")
                stack.append(level)
            else:
                out.append("</li>")
                while len(stack) > 1 and level < stack[-1]:
                    out.append("</ol></li>")
                    stack.pop()
            hid = esc(self.page.ids.get(id(h), ""))
            out.append(f'<li><a href="#{hid}">{esc(heading_text(h))}</a>')
        if stack:
            out.append("</li>")
            while len(stack) > 1:
                out.append("</ol></li>")
                stack.pop()
            out.append("</ol>")
        return (f'<nav class="toc" aria-labelledby="innhold-tittel"><h2 id="innhold-tittel">'
                f"{esc(title)}</h2>{''.join(out)}</nav>\n")


def _css(name: str) -> str:
    path = templates_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RenderError(f"fant ikke stilarket {path}: {exc.strerror}") from exc


def render_html(document: Document, options: HtmlOptions | None = None) -> str:
    """The page as HTML text."""
    options = options or HtmlOptions()
    meta = document.meta
    lang = meta.language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                                         meta.language or "") else "nb-NO"
    chrome = dict(CHROME.get(lang.split("-")[0].lower(), CHROME["nb"]))
    if meta.labels.get("contents"):
        chrome["contents"] = meta.labels["contents"]
    page = _Page(document, options, lang, chrome, _heading_ids(document))
    r = _Renderer(page)

    head = ['<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="plandoc">',
            # No favicon request (and so no 404 in the console): an empty inline icon.
            '<link rel="icon" href="data:,">']
    name = meta.document_title()
    title = name + (f" – {options.site_name}" if options.site_name and
                    options.site_name != name else "")
    head.append(f"<title>{esc(title)}</title>")
    if meta.subtitle:
        head.append(f'<meta name="description" content="{esc(meta.subtitle)}">')
    canonical = safe_url(options.canonical) if options.canonical else None
    if canonical:
        head.append(f'<link rel="canonical" href="{esc(canonical)}">')
    if options.stylesheets:
        for href, media in options.stylesheets:
            media_attr = f' media="{esc(media)}"' if media and media != "all" else ""
            head.append(f'<link rel="stylesheet" href="{esc(href)}"{media_attr}>')
    else:
        head.append("<style>\n" + _css(SCREEN_CSS) + "\n@media print {\n" + _css(PRINT_CSS)
                    + "\n}\n</style>")

    body: list[str] = [f'<a class="skip-link" href="#innhold">{esc(chrome["skip"])}</a>']
    if options.site_name or options.nav:
        body.append('<header class="site-header"><div class="site-inner">')
        if options.site_name:
            href = r.href(options.site_href or "/") or "#"
            body.append(f'<a class="site-name" href="{esc(href)}">{esc(options.site_name)}</a>')
        if options.nav:
            body.append(f'<nav class="site-nav" aria-label="{esc(chrome["menu"])}"><ul>')
            for label, url in options.nav:
                href = r.href(url) or "#"
                body.append(f'<li><a href="{esc(href)}">{esc(label)}</a></li>')
            body.append("</ul></nav>")
        body.append("</div></header>")
    body.append('<main id="innhold" tabindex="-1">')
    if options.breadcrumbs:
        body.append(f'<nav class="breadcrumbs" aria-label="{esc(chrome["breadcrumbs"])}"><ol>')
        last = len(options.breadcrumbs) - 1
        for i, (label, url) in enumerate(options.breadcrumbs):
            if i == last:
                body.append(f'<li aria-current="page">{esc(label)}</li>')
            else:
                body.append(f'<li><a href="{esc(r.href(url) or "#")}">{esc(label)}</a></li>')
        body.append("</ol></nav>")
    if options.cover:
        body.append('<header class="doc-header">')
        if meta.municipality:
            body.append(f'<p class="doc-municipality">{esc(meta.municipality)}</p>')
        body.append(f"<h1>{esc(meta.title)}</h1>")
        if meta.subtitle:
            body.append(f'<p class="doc-subtitle">{esc(meta.subtitle)}</p>')
        if meta.date:
            body.append(f'<p class="doc-date">{esc(meta.date)}</p>')
        body.append("</header>")
    kind = slugify(meta.kind, fallback="dokument")
    body.append(f'<article class="doc {esc(kind)}">\n{r.blocks(document.blocks)}</article>')
    body.append("</main>")
    if options.footer:
        body.append(f'<footer class="site-footer"><p>{r.inlines(list(options.footer))}</p>'
                    "</footer>")
    body_class = " ".join(c for c in (f"kind-{kind}", options.body_class) if c)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n' + "\n".join(head) + "\n</head>\n"
            f'<body class="{esc(body_class)}">\n' + "\n".join(body) + "\n</body>\n</html>\n")


@register("html")
class HtmlWriter:
    """One self-contained HTML page per document: inline CSS, pictures in a folder beside it."""

    name = "html"
    suffix = ".html"
    background = False

    def templates(self, kind: str) -> tuple[Path | None, list[Path]]:
        from plandoc.writers.charts import chart_template  # Typst: imported when needed

        # The stylesheets, and chart.typ that draws the SVG charts.
        folder = templates_dir()
        return folder, [*files_under(folder), chart_template()]

    def write(self, document: Document, path: Path) -> None:
        assets = path.parent / f"{path.stem}_filer"
        copied: dict[Path, str] = {}

        def image_src(source: Path) -> str:
            if source not in copied:
                name = f"{len(copied) + 1}-{slugify(source.stem)}{source.suffix.lower()}"
                assets.mkdir(parents=True, exist_ok=True)
                try:
                    shutil.copyfile(source, assets / name)
                except OSError as exc:
                    raise RenderError(f"kunne ikke kopiere bildet {source}: "
                                      f"{exc.strerror or exc}") from exc
                copied[source] = f"{assets.name}/{name}"
            return copied[source]

        text = render_html(document, HtmlOptions(image_src=image_src))
        with atomic_path(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
