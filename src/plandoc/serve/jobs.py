"""One upload's work in a child process with a time limit: validate, build, compare.

The web server's event loop never reads a workbook or compiles a PDF: a thread waits for a
process forked from a preloaded server, and kills it when the time limit is up. The child
works inside the programme folder, so diagnostics name files as the CLI does when run there
(`program.xlsx:Tiltak!J7: feil: …`) and never show the server's own paths.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from plandoc.core.diagnostics import Diagnostic, Severity, SourceRef
from plandoc.core.paths import slugify

#: Modules the fork server imports once, so each job starts warm.
PRELOAD = ["plandoc.serve.jobs", "plandoc.build.pipeline", "plandoc.load.programme",
           "plandoc.load.project", "plandoc.writers.docx", "plandoc.writers.pdf",
           "plandoc.builders", "docx", "openpyxl", "typst"]
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".html")


@dataclass(frozen=True)
class Job:
    """What a child needs (all picklable): the folders are absolute."""

    slug: str
    snapshot: str
    current: str
    out: str
    previous: str | None = None
    previous_headings: dict[str, list[str]] = field(default_factory=dict)
    formats: tuple[str, ...] = ("docx", "pdf")
    #: "check": validate the snapshot and compare it with the previous upload (quick; no
    #: queue behind builds); "build": make it the programme's inputs and build.
    phase: str = "check"


@dataclass
class Outcome:
    """What became of a job; times in seconds from its start."""

    status: str = "feil"  # ok | feil | tidsavbrudd
    diagnostics: list[dict[str, Any]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    headings: dict[str, list[str]] = field(default_factory=dict)
    changes: list[dict[str, str]] = field(default_factory=list)
    change_count: int = 0
    chapters: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    #: The programme's name and county as its workbook gives them.
    info: dict[str, Any] = field(default_factory=dict)
    detail: str = ""
    diagnostics_seconds: float | None = None
    documents_seconds: float | None = None


def diagnostic_data(d: Diagnostic) -> dict[str, Any]:
    ref = d.ref
    return {"text": str(d), "severity": d.severity.value, "message": d.message, "rule": d.rule,
            "file": ref.file if ref else None, "sheet": ref.sheet if ref else None,
            "cell": ref.cell if ref else None, "line": ref.line if ref else None}


def _error(text: str, rule: str, ref: SourceRef | None = None) -> dict[str, Any]:
    return diagnostic_data(Diagnostic(Severity.ERROR, text, rule, ref))


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def run_job(job: Job, time_limit: float) -> Outcome:
    """Run `job` in a child process; kill it after `time_limit` seconds."""
    started = time.monotonic()
    outcome = Outcome()

    def received(kind: str, data: Any) -> bool:
        if kind == "diagnostics":
            outcome.diagnostics = data
            outcome.diagnostics_seconds = time.monotonic() - started
            return False
        for name, value in data.items():
            setattr(outcome, name, value)
        outcome.documents_seconds = time.monotonic() - started
        return True

    finished = _in_child(_child, job, time_limit, received)
    if finished == "timeout":
        outcome.status = "tidsavbrudd"
        outcome.messages.append(
            f"behandlingen tok mer enn {int(time_limit)} sekunder og ble stoppet; "
            "dokumentene fra forrige vellykkede opplasting står urørt")
    elif finished == "crashed":
        outcome.messages.append("behandlingen stoppet uventet (intern feil); prøv igjen, og "
                                "meld feilen om den gjentar seg")
    return outcome


def _in_child(target: Any, job: Any, time_limit: float, received: Any) -> str:
    """Run `target(job, conn)` in a child; `received(kind, data)` gets each message and says
    whether it was the last. "done", "timeout" (the child was killed) or "crashed"."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=target, args=(job, sender), daemon=True)
    process.start()
    sender.close()
    deadline = time.monotonic() + time_limit
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receiver.poll(left):
                return "timeout"
            try:
                kind, data = receiver.recv()
            except (EOFError, OSError):
                return "crashed"
            if received(kind, data):
                return "done"
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)


@dataclass(frozen=True)
class PreviewJob:
    """Draw the pages of one document (by its stem) of the programme in `current`."""

    current: str
    stem: str
    folder: str
    prefix: str
    ppi: float = 72.0


def run_preview(job: PreviewJob, time_limit: float) -> list[str] | str:
    """The PNG files written (absolute paths), or a Norwegian message why there are none."""
    answer: dict[str, Any] = {}

    def received(kind: str, data: Any) -> bool:
        answer["data"] = data
        return True

    finished = _in_child(_preview_child, job, time_limit, received)
    if finished != "done":
        return "forhåndsvisningen kunne ikke lages i tide; last ned PDF-en i stedet"
    data: list[str] | str = answer["data"]
    return data


def _preview_child(job: PreviewJob, conn: Connection) -> None:
    from plandoc.build.pipeline import documents, primary_inputs
    from plandoc.load.inputs import load_file
    from plandoc.writers.pdf import render_png

    try:
        current = Path(job.current)
        os.chdir(current)
        primary = primary_inputs(_programme_files(current))
        programme, diags = load_file(primary[0]) if primary else (None, None)
        if programme is None or diags is None or diags.has_errors:
            conn.send(("done", "programmet kan ikke leses nå; last opp på nytt"))
            return
        for stem, _kind, document in documents(programme):
            if stem != job.stem:
                continue
            folder = Path(job.folder)
            folder.mkdir(parents=True, exist_ok=True)
            written = []
            for number, png in enumerate(render_png(document, ppi=job.ppi), start=1):
                path = folder / f"{job.prefix}-{number}.png"
                path.with_suffix(".tmp").write_bytes(png)
                path.with_suffix(".tmp").replace(path)
                written.append(str(path))
            conn.send(("done", written))
            return
        conn.send(("done", "fant ikke dokumentet i programmet"))
    except Exception as exc:
        conn.send(("done", f"forhåndsvisningen kunne ikke lages ({type(exc).__name__})"))
    finally:
        conn.close()


def _child(job: Job, conn: Connection) -> None:
    try:
        conn.send(("done", _work(job, conn)))
    except Exception:
        conn.send(("done", {"status": "feil", "messages": [
            "intern feil under behandlingen; meld feilen",
        ], "detail": traceback.format_exc()} if os.environ.get("PLANDOC_DEBUG") else {
            "status": "feil", "messages": ["intern feil under behandlingen; meld feilen"]}))
    finally:
        conn.close()


def _programme_files(folder: Path) -> list[Path]:
    from plandoc.serve.uploads import WORKBOOK_SUFFIXES

    return sorted(Path(p.name) for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
                  and not p.name.startswith((".", "~$")))


def _work(job: Job, conn: Connection) -> dict[str, Any]:
    return _check(job, conn) if job.phase == "check" else _build(job)


def _check(job: Job, conn: Connection) -> dict[str, Any]:
    """Phase one, as `plandoc validate` run inside the programme folder."""
    from plandoc.build.pipeline import load_all, primary_inputs
    from plandoc.serve.history import cell_changes

    snapshot = Path(job.snapshot)
    result: dict[str, Any] = {"status": "feil"}
    os.chdir(snapshot)
    files = _programme_files(snapshot)
    diagnostics: list[dict[str, Any]] = []
    if not files:
        diagnostics.append(_error("programmappen mangler programarbeidsboka (.xlsx eller "
                                  ".yaml øverst i mappen)", "serve.program"))
    primary = primary_inputs(files)
    if len(primary) > 1:
        names = ", ".join(p.name for p in primary)
        diagnostics.append(_error(f"mer enn én programarbeidsbok ({names}); last opp bare "
                                  "én", "serve.program"))
    loaded = load_all(files)
    diagnostics += [diagnostic_data(d) for d in loaded.diagnostics]
    for programme in loaded.programmes:
        from plandoc.model.rollup import summarise

        # What the county's samleoversikt needs of this programme (a small JSON).
        result["info"] = {"name": programme.info.name, "county": programme.info.county,
                          "summary": summarise(programme).to_json()}
        own = slugify(programme.info.municipality)
        if own != job.slug:
            diagnostics.append(_error(
                f"arbeidsboka gjelder «{programme.info.municipality}» ({own}), ikke "
                f"programmet {job.slug}", "serve.kommune", programme.info.ref("municipality")))
    conn.send(("diagnostics", diagnostics))
    result["diagnostics"] = diagnostics
    changes, count = cell_changes(Path(job.previous) if job.previous else None, snapshot)
    result["changes"], result["change_count"] = changes, count
    if not any(d["severity"] == "feil" for d in diagnostics) and len(primary) == 1:
        result["status"] = "ok"
    return result


def _build(job: Job) -> dict[str, Any]:
    """Phase two: the snapshot becomes the programme's inputs, built incrementally."""
    from plandoc.build.pipeline import primary_inputs, run_build
    from plandoc.serve.history import docx_headings, heading_changes

    snapshot, current, out = Path(job.snapshot), Path(job.current), Path(job.out)
    result: dict[str, Any] = {"status": "feil"}
    diagnostics: list[dict[str, Any]] = []
    staged = current.with_name(current.name + ".ny")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(snapshot, staged)
    old = current.with_name(current.name + ".gammel")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        current.rename(old)
    staged.rename(current)
    shutil.rmtree(old, ignore_errors=True)
    os.chdir(current)
    primary = primary_inputs(_programme_files(current))
    report = run_build(primary[:1], out, list(job.formats), jobs=1)
    messages = []
    for unit in report.results:
        messages += unit.failures
        diagnostics += [diagnostic_data(d) for d in unit.diagnostics]
    target = out / job.slug
    documents = sorted(p.relative_to(target).as_posix() for p in target.rglob("*")
                       if p.is_file() and p.suffix in DOCUMENT_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(target).parts)
                       ) if target.is_dir() else []
    headings = {}
    for name in documents:
        if name.endswith(".docx"):
            headings[name.removesuffix(".docx")] = docx_headings(target / name)
    result.update(status="ok" if not report.failed else "feil", documents=documents,
                  headings=headings, messages=messages, diagnostics=diagnostics,
                  chapters=heading_changes(job.previous_headings, headings)
                  if job.previous_headings else [])
    return result
