"""The bauta build: load and check the project, then write the book, the short version, the
page report and the web edition."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.bauta.model import Project, Submission
from plandoc.bauta.read import is_project, load_project
from plandoc.core.diagnostics import Diagnostics, InputError, RenderError
from plandoc.document import Document, Link, Text

FORMATS = ("docx", "pdf", "html")
REPORT_TXT = "sidebudsjett.txt"
REPORT_JSON = "sidebudsjett.json"
WEB_DIR = "web"


@dataclass
class EditionResult:
    """What a build wrote, the page report (when a PDF was made) and every warning."""

    written: list[Path] = field(default_factory=list)
    report_text: str = ""
    report: object | None = None
    diagnostics: Diagnostics = field(default_factory=Diagnostics)


def load(root: Path, media_dir: Path, scope: str = "selected") -> tuple[Project, Diagnostics]:
    """Load a project, raising InputError (with every diagnostic) when it has errors."""
    if not root.is_dir() or not is_project(root):
        raise InputError(f"{root} er ikke en bauta-mappe (fant ingen bauta.yaml)")
    project, diags = load_project(root, media_dir, scope)  # type: ignore[arg-type]
    if project is None or diags.has_errors:
        count = len(diags.errors)
        raise InputError(f"{count} feil i {root.name}/ – ingenting er laget", diags)
    return project, diags


def _write(document: Document, fmt: str, path: Path) -> None:
    from plandoc.writers.base import get_writer

    try:
        get_writer(fmt).write(document, path)
    except OSError as exc:
        raise RenderError(f"kunne ikke skrive {path}: {exc.strerror or exc}") from exc


def build_edition(root: Path, out: Path, formats: Sequence[str] = FORMATS,
                  on_written: Callable[[Path], None] | None = None) -> EditionResult:
    """Build everything for the project in `root` into `out`."""
    from plandoc.bauta.book import BOOK, SHORT, edition
    from plandoc.bauta.budget import format_report, measure_book, measure_short
    from plandoc.bauta.web import web_pages

    result = EditionResult()

    def done(path: Path) -> None:
        result.written.append(path)
        if on_written is not None:
            on_written(path)

    with tempfile.TemporaryDirectory(prefix="plandoc-bauta-") as media:
        project, diags = load(root, Path(media))
        result.diagnostics = diags
        ed = edition(project)
        from plandoc.bauta.book import build_main, build_short

        documents = {BOOK: build_main(ed), SHORT: build_short(ed)}
        pages = web_pages(ed, [f for f in formats if f in ("pdf", "docx")])
        out.mkdir(parents=True, exist_ok=True)
        for stem, document in documents.items():
            for fmt in formats:
                if fmt in ("docx", "pdf"):
                    path = out / f"{stem}.{fmt}"
                    _write(document, fmt, path)
                    done(path)
        if "pdf" in formats:
            from plandoc.writers.base import atomic_write_bytes
            from plandoc.writers.pdf_pages import read_pages

            report = measure_book(read_pages(out / f"{BOOK}.pdf"), ed, f"{BOOK}.pdf")
            measure_short(report, read_pages(out / f"{SHORT}.pdf"), ed, f"{SHORT}.pdf")
            result.report = report
            result.report_text = format_report(report)
            atomic_write_bytes(out / REPORT_TXT, result.report_text.encode("utf-8"))
            done(out / REPORT_TXT)
            atomic_write_bytes(out / REPORT_JSON, json.dumps(
                report.to_data(), ensure_ascii=False, indent=2).encode("utf-8"))
            done(out / REPORT_JSON)
        if "html" in formats:
            for path in _write_web(project, pages, out, formats):
                done(path)
    return result


def _write_web(project: Project, pages: list[tuple[str, Document]], out: Path,
               formats: Sequence[str]) -> list[Path]:
    from plandoc.bauta.book import BOOK, SHORT
    from plandoc.bauta.web import DOWNLOADS_DIR, WEB
    from plandoc.i18n.bauta_labels import BAUTA
    from plandoc.writers.site import Site, SitePage, write_site

    site_pages = []
    home = (BAUTA["home"], "/")
    for stem, document in pages:
        path = "/" if stem == f"{WEB}index" else "/" + stem.removeprefix(WEB) + "/"
        if path == "/":
            trail: list[tuple[str, str]] = []
        elif path.startswith("/kommuner/"):
            trail = [home, (BAUTA["profiles"], "/#kommuneprofiler"), (document.meta.title, path)]
        elif path.startswith("/eksempler/"):
            trail = [home, (BAUTA["examples"], "/#eksempler"), (document.meta.title, path)]
        else:
            trail = [home, (document.meta.title, path)]
        site_pages.append(SitePage(path, document, trail))
    files = []
    for stem, fmt in ((BOOK, "pdf"), (BOOK, "docx"), (SHORT, "pdf")):
        if fmt in formats:
            files.append((out / f"{stem}.{fmt}", f"/{DOWNLOADS_DIR}/{stem}.{fmt}"))
    settings = project.settings
    footer = [Text(f"{settings.title}" + (f" · {settings.publisher}" if settings.publisher
                                          else ""))]
    if settings.contact:
        footer += [Text(" · "), Link(f"mailto:{settings.contact}", [Text(settings.contact)])]
    site = Site(
        name=settings.title, pages=site_pages,
        nav=[home, (BAUTA["examples"], "/#eksempler"), (BAUTA["profiles"], "/#kommuneprofiler"),
             (BAUTA["about"], "/om/"), (BAUTA["downloads"], "/#last-ned")],
        extra_css=["bauta.css"], files=files, base_url=settings.base_url, footer=footer,
    )
    return write_site(site, out / WEB_DIR)


# ---------------------------------------------------------------- status


@dataclass
class StatusLine:
    submission: Submission
    days: int


@dataclass
class Status:
    """Where the submissions stand on a given day."""

    today: dt.date
    overdue: list[StatusLine] = field(default_factory=list)
    missing: list[StatusLine] = field(default_factory=list)
    late: list[StatusLine] = field(default_factory=list)
    to_assess: list[Submission] = field(default_factory=list)
    assessed: list[Submission] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def status_of(project: Project, today: dt.date) -> Status:
    """Missing (overdue or not yet due), late, and not yet decided submissions."""
    status = Status(today=today)
    for s in project.submissions:
        if s.status == "mangler":
            days = (today - s.deadline).days if s.deadline else 0
            (status.overdue if s.deadline and today > s.deadline else status.missing).append(
                StatusLine(s, days))
        elif s.received and s.deadline and s.received > s.deadline:
            status.late.append(StatusLine(s, (s.received - s.deadline).days))
        if s.status == "mottatt":
            status.to_assess.append(s)
        elif s.status == "vurdert":
            status.assessed.append(s)
        kind = status.counts.setdefault(s.kind, {})
        kind["ventet"] = kind.get("ventet", 0) + 1
        kind[s.status] = kind.get(s.status, 0) + 1
    status.overdue.sort(key=lambda line: (-line.days, line.submission.municipality))
    status.late.sort(key=lambda line: (-line.days, line.submission.municipality))
    return status
