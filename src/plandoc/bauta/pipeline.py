"""The bauta build: what is out of date (the plans' manifest), then load and check the project
and write the book and short version in every asked format, the page report and the web edition.

Formats come from the writer registry: the book and the short version are written by each
writer asked for, except HTML, whose form is the web edition (a site, not one page). Every
output is recorded in `<out>/.plandoc-manifest.json` with a key over the project's files,
the bauta templates, the writer's templates and plandoc itself, so a build with nothing
changed reads no submission and writes nothing.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.bauta import urls
from plandoc.bauta.edition import Edition
from plandoc.bauta.model import Project
from plandoc.bauta.read import is_project, load_project
from plandoc.bauta.schema import EDITORIAL_FILE, SETTINGS_FILE, SUBMISSIONS_DIR, TEXTS_DIR
from plandoc.build.incremental import (
    FileHasher,
    Keys,
    Manifest,
    OutputRecord,
    ProgrammeEntry,
    digest,
    programme_key,
)
from plandoc.build.lock import building_into
from plandoc.core.diagnostics import Diagnostics, InputError, RenderError
from plandoc.document import Document

#: The format whose form is the web edition.
WEB_FORMAT = "html"
#: Meta.kind-like names the manifest records the page report and the web edition under.
REPORT_KIND = "bauta-sidebudsjett"


def default_formats() -> list[str]:
    """Every format a writer is registered for (without importing the writers)."""
    from plandoc.writers.base import known_formats

    return known_formats()


@dataclass
class EditionResult:
    """What a build wrote, what it left as it was, the page report (when a PDF was asked
    for) and every warning."""

    written: list[Path] = field(default_factory=list)
    #: Outputs already up to date, left untouched.
    unchanged: int = 0
    report_text: str = ""
    report: object | None = None
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    @property
    def up_to_date(self) -> bool:
        return not self.written and self.unchanged > 0


def load(root: Path, media_dir: Path) -> tuple[Project, Diagnostics]:
    """Load a project for building, raising InputError (with every diagnostic) when it has
    errors."""
    if not root.is_dir() or not is_project(root):
        raise InputError(f"{root} er ikke en bauta-mappe (fant ingen bauta.yaml)")
    project, diags = load_project(root, media_dir, "selected")
    if project is None or diags.has_errors:
        count = len(diags.errors)
        raise InputError(f"{count} feil i {root.name}/ – ingenting er laget", diags)
    return project, diags


# ---------------------------------------------------------------- what is out of date


def _inputs(root: Path, out: Path) -> list[Path]:
    """Every file the build reads from the project: bauta.yaml, the editorial sheet, the
    editorial texts and everything sent in (forms and picture files)."""
    files = [root / SETTINGS_FILE, root / EDITORIAL_FILE]
    for folder in (root / TEXTS_DIR, root / SUBMISSIONS_DIR):
        if folder.is_dir():
            files += sorted(p for p in folder.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(root).parts)
                            and not p.resolve().is_relative_to(out.resolve()))
    return files


def _inputs_key(root: Path, out: Path, hasher: FileHasher) -> str:
    """The project's files and the bauta templates (the builders' registry does not know
    bauta kinds, so Keys cannot find them)."""
    from plandoc.bauta.book import BOOK_TEMPLATE, SHORT_TEMPLATE
    from plandoc.bauta.web import ABOUT_TEMPLATE, EXAMPLE_TEMPLATE, INDEX_TEMPLATE, PROFILE_TEMPLATE
    from plandoc.builders.common import template_paths
    from plandoc.builders.jinja import templates_dir

    templates = sorted({p for name in (BOOK_TEMPLATE, SHORT_TEMPLATE, INDEX_TEMPLATE,
                                       ABOUT_TEMPLATE, PROFILE_TEMPLATE, EXAMPLE_TEMPLATE)
                        for p in template_paths(name)})
    return digest([hasher.hash_many(_inputs(root, out), root),
                   hasher.hash_many(templates, templates_dir())])


def _downloads(formats: Sequence[str]) -> set[str]:
    """The book files the web edition offers, from the formats built beside it."""
    return {f"{stem}.{fmt}" for stem in (urls.BOOK, urls.SHORT) for fmt in formats
            if fmt in ("pdf", "docx")}


def _output_key(keys: Keys, inputs_key: str, kind: str, fmt: str,
                formats: Sequence[str]) -> str:
    # The web edition's front page links to the book files built beside it.
    extra = sorted(_downloads(formats)) if fmt == WEB_FORMAT else None
    return keys.output_key(digest([inputs_key, extra]), None, kind, fmt)


def _kinds(fmt: str) -> set[str]:
    from plandoc.bauta.book import BOOK_KIND, SHORT_KIND
    from plandoc.bauta.web import WEB_KIND

    if fmt == WEB_FORMAT:
        return {WEB_KIND}
    return {BOOK_KIND, SHORT_KIND} | ({REPORT_KIND} if fmt == "pdf" else set())


def _is_current(entry: ProgrammeEntry | None, manifest: Manifest, keys: Keys, inputs_key: str,
                fmt: str, formats: Sequence[str]) -> bool:
    """Every output of `fmt` was made from these inputs with this code and these templates,
    and is still there as it was written."""
    if entry is None or entry.inputs_key != inputs_key:
        return False
    records = [(rel, r) for rel, r in entry.outputs.items() if r.format == fmt]
    if {r.kind for _, r in records} != _kinds(fmt):
        return False
    return all(r.key == _output_key(keys, inputs_key, r.kind, fmt, formats)
               and r.is_intact(manifest.out / rel) for rel, r in records)


# ---------------------------------------------------------------- the build


class _Recorder:
    """Records each written file in the manifest entry and tells the caller."""

    def __init__(self, out: Path, entry: ProgrammeEntry, keys: Keys, inputs_key: str,
                 formats: Sequence[str], result: EditionResult,
                 on_written: Callable[[Path], None] | None) -> None:
        self.out, self.entry, self.keys = out, entry, keys
        self.inputs_key, self.formats = inputs_key, formats
        self.result, self.on_written = result, on_written

    def forget(self, fmt: str) -> None:
        self.entry.outputs = {rel: r for rel, r in self.entry.outputs.items()
                              if r.format != fmt}

    def rel(self, path: Path) -> str:
        """`path` as the manifest names it: relative to the output folder (the site writer
        gives absolute paths, the caller's --out may be relative)."""
        return path.resolve().relative_to(self.out.resolve()).as_posix()

    def done(self, path: Path, stem: str, kind: str, fmt: str) -> None:
        st = path.stat()
        self.entry.outputs[self.rel(path)] = OutputRecord(
            stem=stem, kind=kind, format=fmt,
            key=_output_key(self.keys, self.inputs_key, kind, fmt, self.formats),
            size=st.st_size, mtime_ns=st.st_mtime_ns)
        self.result.written.append(path)
        if self.on_written is not None:
            self.on_written(path)


def _write(document: Document, fmt: str, path: Path, pages: list[int] | None = None) -> None:
    from plandoc.build.pages import takes_pages
    from plandoc.writers.base import get_writer

    writer = get_writer(fmt)
    try:
        if pages is not None and takes_pages(writer):
            writer.write(document, path, pages=pages)  # type: ignore[call-arg]
        else:
            writer.write(document, path)
    except OSError as exc:
        raise RenderError(f"kunne ikke skrive {path}: {exc.strerror or exc}") from exc


def build_edition(root: Path, out: Path, formats: Sequence[str] | None = None,
                  on_written: Callable[[Path], None] | None = None,
                  force: bool = False,
                  on_wait: Callable[[], None] | None = None) -> EditionResult:
    """Build what is out of date for the project in `root` into `out` (everything with
    `force`); the formats are the registered writers' names (all by default).

    Like the plans' build, it holds the output folder (another build into it waits,
    `on_wait` is told) and leaves no temporaries and no new empty folder behind."""
    formats = list(formats) if formats is not None else default_formats()
    if not root.is_dir() or not is_project(root):
        raise InputError(f"{root} er ikke en bauta-mappe (fant ingen bauta.yaml)")
    with building_into(out, on_wait):
        return _build_locked(root, out, formats, on_written, force)


def _build_locked(root: Path, out: Path, formats: list[str],
                  on_written: Callable[[Path], None] | None, force: bool) -> EditionResult:
    result = EditionResult()
    manifest = Manifest.load(out)
    keys = Keys(FileHasher(manifest.files), manifest.templates)
    name = programme_key(root / SETTINGS_FILE)
    inputs_key = _inputs_key(root, out, keys.hasher)
    old = manifest.programmes.get(name)
    stale = [fmt for fmt in formats if force or not _is_current(
        old, manifest, keys, inputs_key, fmt, formats)]
    current = [fmt for fmt in formats if fmt not in stale]
    result.unchanged = sum(1 for r in (old.outputs.values() if old else ())
                           if r.format in current)
    if "pdf" in current:
        result.report_text = (out / urls.REPORT_TXT).read_text(encoding="utf-8")
    if not stale:
        return result
    entry = old if old is not None and old.inputs_key == inputs_key else ProgrammeEntry()
    entry.inputs_key = inputs_key
    recorder = _Recorder(out, entry, keys, inputs_key, formats, result, on_written)
    with tempfile.TemporaryDirectory(prefix="plandoc-bauta-") as media:
        project, diags = load(root, Path(media))
        result.diagnostics = diags
        _build(project, out, formats, stale, recorder, result)
    entry.documents = sorted({(r.stem, r.kind) for r in entry.outputs.values()})
    manifest.programmes[name] = entry
    manifest.save(keys)
    return result


def _build(project: Project, out: Path, formats: Sequence[str], stale: Sequence[str],
           recorder: _Recorder, result: EditionResult) -> None:
    from plandoc.bauta.book import BOOK_KIND, SHORT_KIND, build_main, build_short
    from plandoc.bauta.edition import edition
    from plandoc.build.pages import pdf_heading_pages
    from plandoc.writers.base import get_writer

    ed = edition(project)
    documents = ((urls.BOOK, BOOK_KIND, build_main(ed)), (urls.SHORT, SHORT_KIND,
                                                           build_short(ed)))
    out.mkdir(parents=True, exist_ok=True)
    # The PDF first: the Word edition's TOC takes its page numbers.
    books = sorted((fmt for fmt in stale if fmt != WEB_FORMAT), key=lambda f: f != "pdf")
    for fmt in books:
        recorder.forget(fmt)
    for stem, kind, document in documents:
        pdf = out / f"{stem}.pdf"
        for fmt in books:
            path = out / f"{stem}{get_writer(fmt).suffix}"
            pages = None
            if fmt != "pdf" and "pdf" in formats and pdf.is_file():
                pages = pdf_heading_pages(pdf, len(document.headings()))
            _write(document, fmt, path, pages)
            recorder.done(path, stem, kind, fmt)
    if "pdf" in books:
        _write_report(ed, out, recorder, result)
    if WEB_FORMAT in stale:
        recorder.forget(WEB_FORMAT)
        _write_web(ed, out, formats, recorder)


def _write_report(ed: Edition, out: Path, recorder: _Recorder, result: EditionResult) -> None:
    from plandoc.bauta.budget import format_report, measure_book, measure_short
    from plandoc.core.files import atomic_write_bytes
    from plandoc.writers.pdf_pages import read_pages

    book, short = f"{urls.BOOK}.pdf", f"{urls.SHORT}.pdf"
    report = measure_book(read_pages(out / book), ed, book)
    measure_short(report, read_pages(out / short), ed, short)
    result.report = report
    result.report_text = format_report(report)
    data = json.dumps(report.to_data(), ensure_ascii=False, indent=2)
    for name, text in ((urls.REPORT_TXT, result.report_text), (urls.REPORT_JSON, data)):
        atomic_write_bytes(out / name, text.encode("utf-8"))
        recorder.done(out / name, name, REPORT_KIND, "pdf")


def _write_web(ed: Edition, out: Path, formats: Sequence[str], recorder: _Recorder) -> None:
    from plandoc.bauta.web import WEB_KIND, site, web_pages
    from plandoc.writers.site import write_site

    files = _downloads(formats)
    for path in write_site(site(ed, web_pages(ed, files), out, files), out / urls.WEB_DIR):
        recorder.done(path, recorder.rel(path), WEB_KIND, WEB_FORMAT)
