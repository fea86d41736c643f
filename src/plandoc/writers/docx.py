"""The DOCX writer: fill the Word template's tags, append the body, zip it deterministically."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import jinja2
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from plandoc.core.dates import source_datetime
from plandoc.core.diagnostics import TemplateError
from plandoc.core.files import atomic_path
from plandoc.core.resources import shipped_templates_dir
from plandoc.core.zips import DeterministicZip, rezip
from plandoc.document import Document, Meta, Table, walk_blocks
from plandoc.writers.base import register
from plandoc.writers.docx_body import TemplateInfo, clean, template_info
from plandoc.writers.docx_edition import EditionWriter

#: templates/word/ of the source tree; `<kind>.docx` there wins over the shared plandoc.docx.
TEMPLATE_DIR = shipped_templates_dir() / "word"
DEFAULT_TEMPLATE = TEMPLATE_DIR / "plandoc.docx"

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class _CachingEnvironment(SandboxedEnvironment):
    """docxtpl compiles the same template XML on every render; compile each source once."""

    def __init__(self) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=True)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None
                    ) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) > 256:  # a template edited while running: don't grow forever
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


_ENV = _CachingEnvironment()


@dataclass(frozen=True)
class _Template:
    path: Path
    data: bytes
    info: TemplateInfo
    #: The same package with its parts stored, not deflated: every document opens the
    #: template again, and inflating its fonts each time cost more than reading them.
    stored: bytes = b""


def _stored(data: bytes) -> bytes:
    """The zip `data` with every entry stored uncompressed (same names, same content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for entry in src.infolist():
            dst.writestr(entry.filename, src.read(entry), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


_TEMPLATES: dict[Path, _Template] = {}


def load_template(path: Path) -> _Template:
    """The template's bytes and what the body writer needs, read once per process."""
    key = path.resolve()
    cached = _TEMPLATES.get(key)
    if cached is not None:
        return cached
    try:
        data = key.read_bytes()
    except OSError as exc:
        raise TemplateError(f"fant ikke Word-malen {path}: {exc.strerror}") from exc
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = document.part.numbering_part.element
        sect_prs = document.element.body.findall(f".//{qn('w:sectPr')}")
        info = template_info(document.styles.element, numbering,
                             sect_prs[-1] if sect_prs else None)
    except Exception as exc:  # a damaged .docx can fail anywhere in python-docx
        raise TemplateError(f"Word-malen {path} kan ikke leses som .docx: {exc}") from exc
    try:
        stored = _stored(data)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TemplateError(f"Word-malen {path} kan ikke leses som .docx: {exc}") from exc
    template = _TEMPLATES[key] = _Template(key, data, info, stored)
    return template


class _PackageZip(DeterministicZip):
    """The deterministic zip, with the `write(pack_uri, blob)` python-docx's steps call."""

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.put(pack_uri.membername, blob)


def package_bytes(document: Any) -> bytes:
    """The .docx as bytes, zipped with fixed entry dates and attributes (byte-identical runs).

    python-docx stamps zip entries with the clock; we drive its package writer's steps with
    our own zip writer so each part is compressed once. Should those (underscored) steps
    disappear in a later python-docx, we re-zip its normal output instead.
    """
    package = document.part.package
    out = io.BytesIO()
    writer = _PackageZip(out)
    steps: list[Any] = [getattr(PackageWriter, name, None) for name in (
        "_write_content_types_stream", "_write_pkg_rels", "_write_parts")]
    if all(steps):
        parts = list(package.iter_parts())
        for part in parts:
            part.before_marshal()
        steps[0](writer, parts)
        steps[1](writer, package.rels)
        steps[2](writer, parts)
    else:  # pragma: no cover - depends on the python-docx version
        writer.close()
        raw = io.BytesIO()
        document.save(raw)
        out = io.BytesIO()
        rezip(raw, out)
        return out.getvalue()
    writer.close()
    return out.getvalue()


def _context(meta: Meta) -> dict[str, Any]:
    labels = {clean(str(k)): clean(v) for k, v in meta.labels.items()}
    return {
        "title": clean(meta.title),
        "subtitle": clean(meta.subtitle),
        "municipality": clean(meta.municipality),
        "date": clean(meta.date),
        "header": clean(meta.header),
        "language": meta.language,
        "kind": clean(meta.kind),
        "version": [(clean(a), clean(b)) for a, b in meta.version],
        "labels": labels,
        "version_label": labels.get("version_block", ""),
        "page_label": labels.get("page") or "Side",
        "of_label": labels.get("of") or "av",
    }


def _set_language(document: Any, language: str) -> None:
    """Tag the text with the document language so Word's spell-check follows it."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(qn("w:docDefaults"), {})
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(qn("w:rPrDefault"), {})
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language)


def _drop_update_fields(document: Any) -> None:
    """No "update fields?" question on opening: the TOC arrives filled (a template made for
    Word to fill it may still ask for the update; that is no longer needed)."""
    settings = document.settings.element
    for update in settings.findall(qn("w:updateFields")):
        settings.remove(update)


def _set_properties(document: Any, meta: Meta, language: str) -> None:
    props = document.core_properties
    # python-docx refuses core properties longer than 255 characters.
    props.title = clean(meta.document_title())[:255]
    props.subject = clean(meta.subtitle)[:255]
    props.author = clean(meta.municipality)[:255]
    props.keywords = clean(meta.kind)[:255]
    props.language = language
    props.last_modified_by = "plandoc"
    props.revision = 1
    if meta.edition:
        props.version = clean(meta.edition)[:255]
    props.created = props.modified = source_datetime(meta.issued)


@register("docx")
class DocxWriter:
    """Word output: the template gives styles, cover, header and footer; the tree gives the body."""

    name = "docx"
    suffix = ".docx"
    #: `write` takes the headings' pages (from the PDF) for the TOC: see build/pages.py.
    takes_heading_pages = True
    background = False

    def __init__(self, template: Path | None = None) -> None:
        self.template = template

    def template_for(self, meta: Meta) -> Path:
        """The explicit template, else templates/word/<kind>.docx (or of its first word),
        else plandoc.docx."""
        if self.template is not None:
            return self.template
        kind = meta.kind.strip().lower()
        if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", kind):
            # "bauta-kortversjon" → bauta-kortversjon.docx, else bauta.docx (as the PDF's).
            for name in (kind, kind.split("-")[0]):
                own = TEMPLATE_DIR / f"{name}.docx"
                if own.is_file():
                    return own
        return DEFAULT_TEMPLATE

    def templates(self, kind: str) -> tuple[Path | None, list[Path]]:
        from plandoc.writers.charts import chart_template  # Typst: imported when needed

        # The Word template, and chart.typ that draws the PNG charts.
        path = self.template_for(Meta(title="", kind=kind))
        return path.parent, [path, chart_template()]

    def render(self, document: Document, pages: Sequence[int] | None = None) -> bytes:
        """The finished .docx as bytes; `pages` are the pages of `document.headings()` (as
        the PDF of the same tree has them) for the TOC, else they are estimated."""
        template = load_template(self.template_for(document.meta))
        language = document.meta.language if _LANG.match(document.meta.language) else "nb-NO"

        tpl = DocxTemplate(io.BytesIO(template.stored))
        context = _context(document.meta)
        # The version details once, as in the PDF: on the cover unless the body has its own
        # version table (which says it with proper table headers).
        if any(isinstance(b, Table) and b.style == "version" for b in walk_blocks(document.blocks)):
            context["version"] = []
        try:
            tpl.render(context, jinja_env=_ENV, autoescape=True)
        except jinja2.TemplateError as exc:
            raise TemplateError(
                f"Word-malen {template.path} har en feil i en {{{{ }}}}-kode: {exc}"
            ) from exc
        word = tpl.docx

        body = word.element.body
        sect_pr = body.find(qn("w:sectPr"))
        if sect_pr is not None:
            body.remove(sect_pr)
        writer = EditionWriter(template.info, word.part, body, pages=pages)
        writer.write(document.blocks)
        if sect_pr is not None:
            body.append(sect_pr)

        _set_language(word, language)
        _drop_update_fields(word)
        _set_properties(word, document.meta, language)
        return package_bytes(word)

    def write(self, document: Document, path: Path, pages: Sequence[int] | None = None
              ) -> None:
        data = self.render(document, pages)
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
