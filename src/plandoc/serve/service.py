"""The server's work, shared by the pages and the JSON API: programmes, uploads, documents.

Every method is blocking (database, files, a child process) and runs in a worker thread,
never on the event loop. Access is decided here once: a programme the user may not see is
answered exactly like one that does not exist.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import secrets
import shutil
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from plandoc.serve.auth import Sessions
from plandoc.serve.db import Database
from plandoc.serve.jobs import DOCUMENT_SUFFIXES, Job, PreviewJob, run_job, run_preview
from plandoc.serve.uploads import UploadRefused, apply, receive
from plandoc.serve.users import User, may_see, may_upload, visible_slugs

PROGRAMMES_DIR = "programmer"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


@dataclass
class Settings:
    """How the server runs (from `plandoc serve`'s options)."""

    data: Path = Path("plandoc-data")
    database: str | None = None
    #: Seconds one upload may take (validation and building together).
    time_limit: float = 300.0
    #: Uploads processed at once (each a child process); the rest wait their turn.
    max_builds: int = field(default_factory=_cores)
    #: Uploads allowed to wait; more are refused with "opptatt".
    max_waiting: int = 40
    #: Largest request body accepted for an upload (bytes).
    max_request_bytes: int = 60 * 1024 * 1024
    formats: tuple[str, ...] = ("docx", "pdf")

    @property
    def database_url(self) -> str:
        return self.database or f"sqlite:///{(self.data / 'plandoc.sqlite3').resolve()}"


class NotFound(Exception):
    """No such programme, document or upload — or one the user may not see."""


class Forbidden(Exception):
    """The user sees the programme but may not change it (a county reads only)."""


class Service:
    """The shared state of one app process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data.mkdir(parents=True, exist_ok=True)
        self.db = Database(settings.database_url)
        self.db.create()
        self.sessions = Sessions(self.db, self.db.secret())
        self._builds = threading.BoundedSemaphore(max(1, settings.max_builds))
        # Checks are short: more of them at once than builds, ahead of the build queue.
        self._checks = threading.BoundedSemaphore(max(2, 2 * settings.max_builds))
        self._waiting = 0
        self._count_lock = threading.Lock()

    # ------------------------------------------------------------ folders

    def folder(self, slug: str) -> Path:
        return (self.settings.data / PROGRAMMES_DIR / slug).resolve()

    def documents_dir(self, slug: str) -> Path:
        return self.folder(slug) / "dokumenter" / slug

    def _visible(self, user: User, slug: str) -> None:
        if not may_see(self.db, user, slug):
            raise NotFound(slug)

    # ------------------------------------------------------------ programmes

    def programmes(self, user: User) -> list[dict[str, Any]]:
        result = []
        for slug in visible_slugs(self.db, user):
            row = self.db.one("SELECT name, county FROM programmes WHERE slug = ?", (slug,))
            last = self.db.one("SELECT id, created, status FROM uploads WHERE slug = ? "
                               "ORDER BY created DESC LIMIT 1", (slug,))
            result.append({
                "slug": slug, "name": row[0] if row else None,
                "county": row[1] if row else None,
                "may_upload": may_upload(self.db, user, slug),
                "last_upload": {"id": last[0], "created": last[1], "status": last[2]}
                if last else None,
                "documents": len(self._document_names(slug)),
            })
        return result

    def programme(self, user: User, slug: str) -> dict[str, Any]:
        self._visible(user, slug)
        return next(p for p in self.programmes(user) if p["slug"] == slug)

    # ------------------------------------------------------------ uploads

    def upload(self, user: User, slug: str, files: list[tuple[str, bytes]],
               address: str = "") -> dict[str, Any]:
        """Receive, validate and build one upload; the stored record (as the API shows it)."""
        self._visible(user, slug)
        if not may_upload(self.db, user, slug):
            raise Forbidden(slug)
        received = receive(files, _is_project)
        entered = time.monotonic()
        with self._count_lock:
            if self._waiting >= self.settings.max_waiting:
                raise UploadRefused("serveren behandler mange opplastinger nå; prøv igjen om "
                                    "et par minutter", 503)
            self._waiting += 1
        try:
            with self._programme_lock(slug):
                return self._process(user, slug, received, address, entered)
        finally:
            with self._count_lock:
                self._waiting -= 1

    @contextlib.contextmanager
    def _programme_lock(self, slug: str) -> Iterator[None]:
        """One upload per programme at a time, across every app process on this data."""
        folder = self.folder(slug)
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".laas", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _process(self, user: User, slug: str, received: Any, address: str,
                 entered: float) -> dict[str, Any]:
        """Check the upload at once (a short child process); only a clean one waits its
        turn to be built, so nobody waits behind others' builds to see their mistakes."""
        folder = self.folder(slug)
        upload_id = f"{int(time.time() * 1000):013d}-{secrets.token_hex(4)}"
        snapshot = folder / "opplastinger" / upload_id
        current = folder / "inndata"
        previous = self.db.one("SELECT id FROM uploads WHERE slug = ? ORDER BY created DESC "
                               "LIMIT 1", (slug,))
        last_good = self.db.one("SELECT result FROM uploads WHERE slug = ? AND status = 'ok' "
                                "ORDER BY created DESC LIMIT 1", (slug,))
        old = current.with_name(current.name + ".gammel")
        if not current.exists() and old.is_dir():
            # A job stopped between its two renames (jobs.py): the old inputs are whole.
            old.rename(current)
        apply(received, current if current.is_dir() else None, snapshot)
        job = Job(slug, str(snapshot), str(current), str(folder / "dokumenter"),
                  str(folder / "opplastinger" / previous[0]) if previous else None,
                  json.loads(last_good[0]).get("headings", {}) if last_good else {},
                  self.settings.formats)
        limit = self.settings.time_limit
        with self._checks:
            queued = time.monotonic() - entered
            started = time.monotonic()
            outcome = run_job(job, limit)
        diagnostics_seconds = time.monotonic() - entered
        documents_seconds = None
        if outcome.status == "ok":
            with self._builds:
                left = limit - (time.monotonic() - started)
                built = run_job(replace(job, phase="build"), max(left, 0.01))
            documents_seconds = time.monotonic() - entered
            known = {d["text"] for d in outcome.diagnostics}
            outcome.diagnostics += [d for d in built.diagnostics if d["text"] not in known]
            outcome.messages += built.messages
            outcome.status = built.status
            outcome.documents, outcome.headings = built.documents, built.headings
            outcome.chapters = built.chapters
        record = asdict(outcome)
        record.pop("detail", None)
        record.update(id=upload_id, programme=slug, user=user.name, created=time.time(),
                      files=received.names, notices=received.notices,
                      queued_seconds=round(queued, 3),
                      diagnostics_seconds=round(diagnostics_seconds, 3),
                      documents_seconds=round(documents_seconds, 3)
                      if documents_seconds is not None else None)
        with self.db.transaction() as cur:
            cur.execute("INSERT INTO uploads (id, slug, username, created, files, status, "
                        "result) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (upload_id, slug, user.name, record["created"],
                         json.dumps(received.names), outcome.status,
                         json.dumps(record, ensure_ascii=False)))
            info = outcome.info
            if outcome.status == "ok" and info:
                cur.execute("UPDATE programmes SET name = ?, county = ?, summary = ? "
                            "WHERE slug = ?", (info.get("name"), info.get("county"),
                                               json.dumps(info.get("summary")), slug))
        self.db.audit(user.name, "opplasting", slug,
                      f"{upload_id} {outcome.status}: {', '.join(received.names)}", address)
        return self._shown(record)

    @staticmethod
    def _shown(record: dict[str, Any]) -> dict[str, Any]:
        record = dict(record)
        record.pop("headings", None)
        record.pop("info", None)
        return record

    def uploads(self, user: User, slug: str) -> list[dict[str, Any]]:
        """Every upload of a programme, newest first, each with what it changed."""
        self._visible(user, slug)
        rows = self.db.all("SELECT result FROM uploads WHERE slug = ? ORDER BY created DESC",
                           (slug,))
        return [self._shown(json.loads(r[0])) for r in rows]

    def upload_record(self, user: User, slug: str, upload_id: str) -> dict[str, Any]:
        self._visible(user, slug)
        row = self.db.one("SELECT result FROM uploads WHERE slug = ? AND id = ?",
                          (slug, upload_id))
        if row is None:
            raise NotFound(upload_id)
        return self._shown(json.loads(row[0]))

    # ------------------------------------------------------------ documents

    def _document_names(self, slug: str) -> list[str]:
        root = self.documents_dir(slug)
        if not root.is_dir():
            return []
        names = []
        for path in root.rglob("*"):
            rel = path.relative_to(root)
            if (path.is_file() and path.suffix in DOCUMENT_SUFFIXES
                    and not any(part.startswith(".") for part in rel.parts)):
                names.append(rel.as_posix())
        return sorted(names)

    def documents(self, user: User, slug: str) -> list[dict[str, Any]]:
        self._visible(user, slug)
        root = self.documents_dir(slug)
        result = []
        for name in self._document_names(slug):
            st = (root / name).stat()
            result.append({"name": name, "format": Path(name).suffix[1:],
                           "size": st.st_size, "modified": st.st_mtime})
        return result

    def document_path(self, user: User, slug: str, name: str, address: str = "") -> Path:
        """The file of a listed document (looked up in the listing, never joined blindly)."""
        self._visible(user, slug)
        if name not in self._document_names(slug):
            raise NotFound(name)
        self.db.audit(user.name, "nedlasting", slug, name, address)
        return self.documents_dir(slug) / name

    def preview(self, user: User, slug: str, name: str, page: int) -> tuple[Path, int]:
        """The PNG of page `page` of the PDF `name`, drawn on first use; and the page count.

        Raises NotFound for a page that does not exist, UploadRefused when none could be drawn.
        """
        self._visible(user, slug)
        if not name.endswith(".pdf") or name not in self._document_names(slug):
            raise NotFound(name)
        pdf = self.documents_dir(slug) / name
        st = pdf.stat()
        stem = name.removesuffix(".pdf")
        folder = self.folder(slug) / "forhandsvisning" / stem
        prefix = f"{st.st_mtime_ns}-{st.st_size}"
        pages = sorted(folder.glob(f"{prefix}-*.png"),
                       key=lambda p: int(p.stem.rsplit("-", 1)[1])) if folder.is_dir() else []
        if not pages:
            with self._programme_lock(slug), self._builds:
                shutil.rmtree(folder, ignore_errors=True)  # drawings of older PDFs
                drawn = run_preview(PreviewJob(str(self.folder(slug) / "inndata"), stem,
                                               str(folder), prefix), 120)
            if isinstance(drawn, str):
                raise UploadRefused(drawn, 503)
            pages = [Path(p) for p in drawn]
        if not 1 <= page <= len(pages):
            raise NotFound(f"{name} side {page}")
        return pages[page - 1], len(pages)

    def samleoversikt(self, user: User, fmt: str) -> Path:
        """The samleoversikt of the programmes a county (or admin) user sees, as `fmt`
        (pdf, docx, xlsx); made on first use and kept until a programme's figures change."""
        import hashlib

        from plandoc.model.rollup import ProgrammeSummary

        if user.role not in ("fylke", "admin") or fmt not in ("pdf", "docx", "xlsx"):
            raise NotFound(fmt)
        rows = []
        for slug in visible_slugs(self.db, user):
            row = self.db.one("SELECT summary FROM programmes WHERE slug = ?", (slug,))
            if row and row[0] and row[0] != "null":
                rows.append(row[0])
        if not rows:
            raise NotFound("samleoversikt")
        key = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
        folder = self.settings.data.resolve() / "samleoversikt" / key
        path = folder / f"samleoversikt.{fmt}"
        if not path.exists():
            summaries = [ProgrammeSummary.from_json(json.loads(r)) for r in rows]
            folder.mkdir(parents=True, exist_ok=True)
            with self._builds:
                _write_samleoversikt(summaries, fmt, path)
        self.db.audit(user.name, "nedlasting", None, f"samleoversikt.{fmt}")
        return path

    def documents_zip(self, user: User, slug: str, address: str = "") -> bytes:
        """Every document of a programme in one zip (fixed entry dates)."""
        self._visible(user, slug)
        names = self._document_names(slug)
        if not names:
            raise NotFound(slug)
        root = self.documents_dir(slug)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                info = zipfile.ZipInfo(f"{slug}/{name}", ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, (root / name).read_bytes())
        self.db.audit(user.name, "nedlasting", slug, "alle dokumenter (zip)", address)
        return buffer.getvalue()


def _is_project(name: str, data: bytes) -> bool:
    """A loose upload is a project workbook when it has the project sheet or key."""
    from plandoc.load.project import looks_like_project

    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="plandoc-serve-") as tmp:
        path = Path(tmp) / f"fil{suffix}"
        path.write_bytes(data)
        return looks_like_project(path)


def _write_samleoversikt(summaries: list[Any], fmt: str, path: Path) -> None:
    if fmt == "xlsx":
        from plandoc.workbook.rollup import write_rollup_xlsx

        write_rollup_xlsx(summaries, path)
        return
    from plandoc.builders.samleoversikt import build_samleoversikt
    from plandoc.writers.base import get_writer

    get_writer(fmt).write(build_samleoversikt(summaries), path)


def blank_workbook(kind: str) -> bytes:
    """A blank programme or project workbook, as `plandoc template` writes it."""
    from plandoc.workbook.template import write_template

    with tempfile.TemporaryDirectory(prefix="plandoc-serve-") as tmp:
        path = Path(tmp) / "mal.xlsx"
        write_template(path, kind)
        return path.read_bytes()


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
