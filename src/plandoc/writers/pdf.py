"""PDF writer: the document tree goes as JSON to the Typst template and is compiled in-process."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typst

from plandoc.core.dates import source_epoch
from plandoc.core.diagnostics import RenderError
from plandoc.core.files import atomic_path
from plandoc.core.memory import release_freed_memory
from plandoc.core.resources import shipped_templates_dir, template_subdir
from plandoc.core.text import control_characters
from plandoc.document import (
    Chart,
    Document,
    Figure,
    Image,
    Table,
    plain_text,
    to_data,
    walk_blocks,
)
from plandoc.writers.base import files_under, register
from plandoc.writers.pdf_fit import table_fit
from plandoc.writers.pdf_links import AnchorPlace, anchor_places, link_targets
from plandoc.writers.pdf_tags import TableShape, mark_row_headers

log = logging.getLogger(__name__)

#: templates/typst/ at the top of the project; a writer may be given another folder.
DEFAULT_TEMPLATE_DIR = shipped_templates_dir() / "typst"
#: Same override the builders honour for the whole templates/ folder.
MAIN_TEMPLATE = "plandoc.typ"

#: PDF/UA-1 (tagged, titled, alt text on every figure) and PDF/A-2a (archivable, tagged,
#: Unicode text): both hold at once, and Typst checks each of them while exporting.
PDF_STANDARDS: list[typst.PDFStandard] = ["a-2a", "ua-1"]

#: Picture files Typst can embed.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}

# C0/C1 control characters other than newline show as nothing (and break PDF/UA), so they
# are dropped; a tab becomes a space. Lone surrogates and non-characters cannot even be
# handed to Typst as UTF-8. The readers refuse all of these; this is the last line.
_CONTROL = control_characters(keep="\t\n")

#: Compilers of this thread, by font set: one compiler runs one compile at a time, and the
#: PDFs of a programme built alone compile in several threads (Typst releases the GIL).
_local = threading.local()


def _compiler(font_dirs: tuple[str, ...]) -> typst.Compiler:
    # One compiler per thread (per font set): building it loads and indexes the fonts, which
    # costs more than compiling a small document; Typst's memo of earlier layouts is shared.
    compilers: dict[tuple[str, ...], typst.Compiler] = _local.__dict__.setdefault("by_fonts", {})
    compiler = compilers.get(font_dirs)
    if compiler is None:
        compiler = typst.Compiler(font_paths=list(font_dirs), ignore_system_fonts=True)
        compilers[font_dirs] = compiler
    return compiler


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("", value.replace("\t", " "))
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _figure_content(figure: Figure, index: int, root: Path) -> dict[str, Any]:
    content = figure.content
    if isinstance(content, Chart):
        from plandoc.writers.charts import chart_data

        # The template draws the chart itself (templates/typst/chart.typ): its words stay
        # text in the PDF, and nothing is drawn beforehand.
        return {"type": "Chart", "chart": chart_data(content)}
    assert isinstance(content, Image)
    source = Path(content.path)
    suffix = source.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise RenderError(
            f"bildet {source} har et format PDF-en ikke kan vise "
            f"(bruk {', '.join(sorted(IMAGE_SUFFIXES))})"
        )
    if not source.is_file():
        raise RenderError(f"fant ikke bildet {source}")
    # Only copies go into the compile root, so Typst can read nothing else from disk.
    name = f"img/{index}{suffix}"
    target = root / name
    target.parent.mkdir(exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        raise RenderError(f"kunne ikke lese bildet {source}: {exc.strerror or exc}") from exc
    return {"type": "Image", "src": "/" + name}


def document_data(document: Document, root: Path) -> dict[str, Any]:
    """The JSON the template reads: the tree as `to_data` gives it, with figures resolved.

    Charts become the data chart.typ draws; images are copied into `root` and referred to
    by root path; tables carry the widths of their text (`pdf_fit`).
    """
    resolved: list[tuple[dict[str, Any], str]] = []
    fits: list[dict[str, Any] | None] = []
    for block in walk_blocks(document.blocks):
        if isinstance(block, Table):
            fits.append(table_fit(block))
        if isinstance(block, Table) and block.header and any(
                len(r) > len(block.header) for r in block.rows):
            # The template pads short rows; a long one would shift every cell after it.
            name = plain_text(block.caption) or " | ".join(plain_text(c) for c in block.header)
            raise RenderError(
                f"tabellen «{name}» har en rad med flere celler enn overskriftsraden"
            )
        if isinstance(block, Figure):
            alt = block.alt.strip() or plain_text(block.caption).strip()
            if not alt:
                raise RenderError("en figur mangler alternativ tekst (alt), som PDF-en krever")
            resolved.append((_figure_content(block, len(resolved), root), alt))

    data: dict[str, Any] = _clean(to_data(document))
    pending, pending_fits = iter(resolved), iter(fits)

    def swap(blocks: list[dict[str, Any]]) -> None:
        # Same depth-first order as walk_blocks, so the n-th figure meets its resolution.
        for block in blocks:
            if block["type"] == "Figure":
                block["content"], block["alt"] = next(pending)
            elif block["type"] == "Table":
                block["fit"] = next(pending_fits)
            elif block["type"] in {"BulletList", "OrderedList"}:
                for item in block["items"]:
                    swap(item)

    swap(data["blocks"])
    return data


def _error_text(exc: typst.TypstError) -> str:
    message = getattr(exc, "message", "") or str(exc)
    hints = [h for h in getattr(exc, "hints", None) or [] if h]
    return message + "".join(f" (tips: {h})" for h in hints)


def default_template_dir() -> Path:
    """$PLANDOC_TEMPLATES/typst when set, else the shipped templates/typst/."""
    return template_subdir("typst")


def render_pdf(document: Document, template_dir: Path | None = None) -> bytes:
    """The PDF bytes for `document`, using `template_dir` (default templates/typst/)."""
    with _prepared(document, template_dir) as (compiler, root, payload, main):
        pdf = _compile(compiler, root, payload, document, main)
    shapes = [TableShape(len(t.rows) + (1 if t.header else 0), t.row_headers)
              for t in walk_blocks(document.blocks) if isinstance(t, Table) and t.columns]
    return mark_row_headers(pdf, shapes, document.meta.title)


def render_png(document: Document, template_dir: Path | None = None,
               ppi: float = 72.0) -> list[bytes]:
    """Every page as a PNG image, drawn by Typst from the same source as the PDF (previews)."""
    with _prepared(document, template_dir) as (compiler, root, payload, main):
        try:
            pages = compiler.compile(input=str(root / main), root=str(root), format="png",
                                     ppi=ppi, sys_inputs={"doc": payload},
                                     timestamp=source_epoch())
        except typst.TypstError as exc:
            raise RenderError(f"sidene i «{document.meta.title}» kunne ikke tegnes: "
                              f"{_error_text(exc)}") from exc
    if isinstance(pages, bytes):
        return [pages]
    return list(pages or [])


@contextlib.contextmanager
def _prepared(document: Document, template_dir: Path | None
              ) -> Iterator[tuple[typst.Compiler, Path, str, str]]:
    """A folder with the template and the document's data: (compiler, root, payload, main)."""
    template_dir = template_dir or default_template_dir()
    main = template_for(document.meta.kind, template_dir)
    if not main.is_file():
        raise RenderError(f"fant ikke PDF-malen {main}")
    # A template folder's own fonts first, then the shipped fallbacks, which the readers
    # count on (plandoc.core.charset) when they accept a character.
    fonts = template_dir / "fonts"
    dirs = [fonts, DEFAULT_TEMPLATE_DIR / "fonts"]
    font_dirs = tuple(dict.fromkeys(str(d.resolve()) for d in dirs if d.is_dir()))

    with tempfile.TemporaryDirectory(prefix="plandoc-typst-") as tmp:
        root = Path(tmp)
        # The template's own files (imports, logos) sit beside it; fonts are loaded apart.
        shutil.copytree(
            template_dir, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("fonts")
        )
        # A templates folder made before charts were drawn in Typst may lack chart.typ.
        shipped_chart = DEFAULT_TEMPLATE_DIR / "chart.typ"
        if not (root / shipped_chart.name).exists() and shipped_chart.is_file():
            shutil.copyfile(shipped_chart, root / shipped_chart.name)
        data = document_data(document, root)
        if '"Ref"' not in main.read_text(encoding="utf-8", errors="replace"):
            # A template made before ids were links: it gets their text, no targets.
            data = _without_links(data)
        payload = json.dumps(data, ensure_ascii=False)
        yield _compiler(font_dirs), root, payload, main.name


def _without_links(value: Any) -> Any:
    """The data with every Ref replaced by its children and every Anchor left out."""
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, dict) and item.get("type") == "Anchor":
                continue
            if isinstance(item, dict) and item.get("type") == "Ref":
                out.extend(_without_links(item["children"]))
            else:
                out.append(_without_links(item))
        return out
    if isinstance(value, dict):
        return {k: _without_links(v) for k, v in value.items()}
    return value


def template_for(kind: str, template_dir: Path) -> Path:
    """The Typst template of a document kind: `<kind>.typ` ("bauta-kortversjon.typ"), else
    the one of its first word (`bauta.typ`), else the shared plandoc.typ."""
    kind = kind.strip().lower()
    if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", kind):
        for name in (kind, kind.split("-")[0]):
            own = template_dir / f"{name}.typ"
            if own.is_file():
                return own
    return template_dir / MAIN_TEMPLATE


def _compile(compiler: typst.Compiler, root: Path, payload: str, document: Document,
             main: str = MAIN_TEMPLATE) -> bytes:
    _keep_source(root, payload, main, document)
    kwargs: dict[str, Any] = {
        "input": str(root / main),
        "root": str(root),
        "format": "pdf",
        "sys_inputs": {"doc": payload, **_checks()},
        "timestamp": source_epoch(document.meta.issued),
        "pdf_tags": True,
    }
    try:
        result = compiler.compile(pdf_standards=PDF_STANDARDS, **kwargs)
    except typst.TypstError as strict:
        # PDF/UA refuses some documents that are fine to read: text with no glyph in the
        # fonts (the readers refuse such text, but a template may bring its own), a first
        # heading below level 1, skipped heading levels, an empty heading. Such a document
        # is still written, tagged, without the PDF/UA and PDF/A claims.
        try:
            result = compiler.compile(pdf_standards=[], **kwargs)
        except typst.TypstError as exc:
            raise RenderError(
                f"PDF-en «{document.meta.title}» kunne ikke lages: {_error_text(exc)}"
            ) from exc
        log.warning(
            "%s: PDF-en er laget uten PDF/UA-merking: %s",
            document.meta.title or "(uten tittel)",
            _error_text(strict),
        )
    release_freed_memory()
    if not isinstance(result, bytes):
        raise RenderError("PDF-en kunne ikke lages: Typst ga ingen fil")
    places: list[AnchorPlace] = []
    if '"type": "Anchor"' in payload:
        # Where the ids' anchors landed (plandoc.typ): the compile just done answers this
        # from its memo, with no new layout.
        try:
            places = anchor_places(json.loads(compiler.query("<plandoc-anchor>",
                                                             field="value")))
        except (typst.TypstError, ValueError) as exc:
            log.warning("%s: fant ikke plasseringen av id-ene i PDF-en: %s",
                        document.meta.title or "(uten tittel)", exc)
    return link_targets(_norwegian_link_descriptions(result), places)


@register("pdf")
class PdfWriter:
    """Writes a document as a tagged A4 PDF (PDF/UA-1 where the text allows) through Typst."""

    name = "pdf"
    suffix = ".pdf"
    background = True  # Typst compiles without the GIL

    def __init__(self, template_dir: Path | None = None) -> None:
        self.template_dir = template_dir

    def templates(self, kind: str) -> tuple[Path | None, list[Path]]:
        # The whole folder: a .typ template may import any file beside it.
        folder = self.template_dir or default_template_dir()
        return folder, files_under(folder)

    def write(self, document: Document, path: Path) -> None:
        data = render_pdf(document, self.template_dir)
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)


#: How Typst describes a link for screen readers when it has no text of its own (English),
#: and what plandoc's Norwegian PDFs say instead.
_LINK_WORDS = ((b"/Contents(Email ", "Email ", "E-post "),
               (b"/Contents(Telephone ", "Telephone ", "Telefon "))


def _norwegian_link_descriptions(pdf: bytes) -> bytes:
    """Replace Typst's English link descriptions ("Email kari@…") in the annotations.
    Only PDFs that have such a link are opened again (pikepdf), and the file stays
    deterministic (its /ID is computed from the content)."""
    if not any(marker in pdf for marker, _, _ in _LINK_WORDS):
        return pdf
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for annot in page.get("/Annots", []):
                text = str(annot.get("/Contents", ""))
                for _, english, norwegian in _LINK_WORDS:
                    if text.startswith(english):
                        annot.Contents = pikepdf.String(norwegian + text[len(english):])
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


#: Set (to anything) to have plandoc.typ check its bound of every short table's height
#: against the table's measured height, and fail where the bound is too low (tests).
CHECK_BOUNDS_ENV = "PLANDOC_CHECK_TABLE_BOUNDS"


def _checks() -> dict[str, str]:
    return {"plandoc-check-bounds": "1"} if os.environ.get(CHECK_BOUNDS_ENV) else {}


#: Set to a folder to keep the Typst source of every PDF (for profiling the template; see
#: bench/typst_template.py): one folder per document with the template, its pictures,
#: doc.json (what `sys.inputs.doc` gets) and source.json (main file, timestamp).
KEEP_ENV = "PLANDOC_KEEP_TYPST"


def _keep_source(root: Path, payload: str, main: str, document: Document) -> None:
    keep = os.environ.get(KEEP_ENV)
    if not keep:
        return
    digest = hashlib.sha256(payload.encode()).hexdigest()[:12]
    kind = re.sub(r"[^a-z0-9-]+", "-", document.meta.kind.lower()) or "dokument"
    target = Path(keep) / f"{kind}-{digest}"
    shutil.copytree(root, target, dirs_exist_ok=True)
    (target / "doc.json").write_text(payload, encoding="utf-8")
    facts = {"main": main, "timestamp": source_epoch(document.meta.issued),
             "title": document.meta.title}
    (target / "source.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
