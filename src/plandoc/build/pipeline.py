"""The build flow: plan what is out of date, then load, validate and build each programme.

A programme is the unit of work: one worker loads and validates it, builds its documents
and writes them, so reading workbooks runs in parallel too. A programme with errors builds
nothing and is reported; the others go on. Only the parent process touches the manifest.
"""

from __future__ import annotations

import functools
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plandoc.build.incremental import (
    FileHasher,
    Keys,
    Manifest,
    OutputRecord,
    Plan,
    ProgrammeEntry,
    Reusable,
    programme_key,
    tree_digest,
    unchanged_since,
)
from plandoc.build.lock import building_into
from plandoc.build.pages import pdf_heading_pages, run_after, takes_pages, write_after
from plandoc.core.diagnostics import (
    EXIT_INTERNAL,
    Diagnostic,
    Diagnostics,
    PlandocError,
    RenderError,
    UsageError,
)
from plandoc.core.oserror import reason, shown_path
from plandoc.core.paths import inside, programme_dir

if TYPE_CHECKING:
    from plandoc.build.shard import Shard
    from plandoc.document import Document
    from plandoc.model.programme import Programme

#: Which input wins when a programme folder holds the same stem as .xlsx and .yaml.
SUFFIX_PREFERENCE = {".xlsx": 0, ".yaml": 1, ".yml": 2}

#: Environment variables a worker must see as the parent saw them when the build started.
PASSED_ENV = ("SOURCE_DATE_EPOCH", "PLANDOC_TEMPLATES", "PLANDOC_DEBUG")

#: Things kept between builds in the output folder (drawn charts), beside the manifest.
CACHE_DIR = ".plandoc-cache"

#: Exit code of a bug (as the CLI uses for one outside the pipeline).

#: Save the manifest at least this often during a long build (seconds), so that an
#: interrupted build keeps what it finished.
SAVE_EVERY = 5.0


@dataclass
class Loaded:
    """The outcome of phase one: programmes that loaded, and every diagnostic."""

    programmes: list[Programme] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    files: list[Path] = field(default_factory=list)


def primary_inputs(files: Iterable[Path]) -> list[Path]:
    """One file per programme: where `x.xlsx` and its YAML twin `x.yaml` sit side by side,
    the workbook is the one to build from (the twin is still validated)."""
    chosen: dict[tuple[Path, str], Path] = {}
    for f in files:
        key = (f.parent, f.stem)
        best = chosen.get(key)
        if best is None or SUFFIX_PREFERENCE.get(f.suffix, 9) < SUFFIX_PREFERENCE.get(
            best.suffix, 9
        ):
            chosen[key] = f
    return sorted(chosen.values())


def load_all(files: Iterable[Path]) -> Loaded:
    """Phase one: read and validate every file, collecting all diagnostics."""
    from plandoc.load.inputs import load_file

    loaded = Loaded()
    for path in files:
        programme, diags = load_file(path)
        loaded.files.append(path)
        loaded.diagnostics.extend(diags)
        if programme is not None and not diags.has_errors:
            loaded.programmes.append(programme)
    return loaded


def documents(
    programme: Programme, years: Sequence[int] | None = None, kinds: Iterable[str] | None = None
) -> Iterator[tuple[str, str, Document]]:
    """(stem, kind, document) for every document of `programme`, limited to `kinds`.

    The same documents in the same order as `builders.build_documents`, but with their kind,
    which the manifest needs, and without building kinds nobody asked for.
    """
    from plandoc.builders import get_builder
    from plandoc.builders import kinds as all_kinds

    if years is not None:
        outside = [y for y in years if y not in programme.years]
        if outside:
            first, last = programme.info.start_year, programme.info.end_year
            wrong = ", ".join(str(y) for y in outside)
            raise UsageError(f"år utenfor programperioden {first}–{last}: {wrong}")
    from plandoc.builders.links import id_homes, link_ids

    wanted = None if kinds is None else set(kinds)
    # Printed ids link to their definitions (builders/links.py), before the tree's digest.
    homes = id_homes(programme)
    for kind in all_kinds():
        if wanted is not None and kind not in wanted:
            continue
        for stem, document in get_builder(kind).build(programme, years):
            link_ids(stem, document, homes)
            yield stem, kind, document


def _write(writer: object, document: object, path: Path, pages: list[int] | None = None
           ) -> None:
    try:
        if pages is not None and takes_pages(writer):
            writer.write(document, path, pages=pages)  # type: ignore[attr-defined]
        else:
            writer.write(document, path)  # type: ignore[attr-defined]
    except OSError as exc:
        raise RenderError(f"kunne ikke skrive {shown_path(path)}: {reason(exc)}") from exc


# ---------------------------------------------------------------- one unit of work


@dataclass(frozen=True)
class ProgrammeFile:
    """A file made from a whole programme besides its documents (say, a portfolio workbook).

    It is built, skipped when up to date and recorded like a document of `kind`, in its own
    `format`; `write(programme, path)` must write atomically (`writers.base.atomic_path`).
    """

    stem: str
    kind: str
    format: str
    suffix: str
    write: Callable[[Programme, Path], None]


def write_portfolio_xlsx(programme: Programme, path: Path) -> None:
    """portefoljeoversikt.xlsx: one row per project, the sums per innsatsområde."""
    from plandoc.workbook.portfolio import write_portfolio_xlsx as write

    write(programme, path)


#: The programme files every build makes; add one here (its `write` must be importable, so
#: that worker processes have it too).
PROGRAMME_FILES: list[ProgrammeFile] = [
    # Its own kind: the document kind "portefoljeoversikt" is made in the build's formats.
    ProgrammeFile("portefoljeoversikt", "portefoljeoversikt-xlsx", "xlsx", ".xlsx",
                  write_portfolio_xlsx),
]


#: Document kinds made in some formats only: a revision's tracked changes exist in Word alone
#: (builders/endringer.py). Here, not asked of the builder, so planning imports no builder.
KIND_FORMATS: dict[str, tuple[str, ...]] = {"endringer": ("docx",)}


def formats_of(formats: Sequence[str]) -> Callable[[str], Sequence[str]]:
    """The formats a kind is made in: its own for a programme file, else `formats` (those of
    them it exists in, see KIND_FORMATS)."""
    own: dict[str, tuple[str, ...]] = {f.kind: (f.format,) for f in PROGRAMME_FILES}
    own |= {kind: tuple(f for f in formats if f in only) for kind, only in KIND_FORMATS.items()}
    return lambda kind: own.get(kind, formats)


@dataclass(frozen=True)
class Unit:
    """One programme to build, as sent to a worker process (everything picklable)."""

    path: Path
    out: Path
    formats: tuple[str, ...]
    years: tuple[int, ...] | None = None
    #: None: every document in every format; else only these (stem, format) pairs.
    needed: frozenset[tuple[str, str]] | None = None
    #: Document kinds to build (None: all).
    kinds: frozenset[str] | None = None
    #: The parent's working folder and settings: a worker may have started elsewhere.
    cwd: str = ""
    env: tuple[tuple[str, str | None], ...] = ()
    #: Formats written in background threads (one programme alone on several cores), and
    #: how many such threads.
    background: tuple[str, ...] = ()
    threads: int = 1
    #: Earlier outputs to keep when their document comes out the same (`Reusable`).
    reuse: tuple[Reusable, ...] = ()


@dataclass(frozen=True)
class Written:
    """One output file a worker wrote (path relative to the output folder)."""

    rel: str
    stem: str
    kind: str
    format: str
    size: int
    mtime_ns: int
    #: `tree_digest` of the document it shows ("" for a file not written from a tree).
    tree: str = ""
    #: Kept from an earlier build: the document came out the same.
    reused: bool = False


@dataclass
class UnitResult:
    """What building one programme gave: files, diagnostics, and the first failure if any."""

    path: Path
    documents: list[tuple[str, str]] = field(default_factory=list)
    #: True when every document of the programme was built (so `documents` is all of them).
    complete: bool = False
    written: list[Written] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Every failure, first one first (a diagnostic's text or a writer's message).
    failures: list[str] = field(default_factory=list)
    exit_code: int = 0
    seconds: float = 0.0
    #: Traceback of an internal error, shown with PLANDOC_DEBUG=1.
    detail: str = ""
    #: The programme's figures for the samleoversikt (`ProgrammeSummary.to_json`).
    summary: dict[str, Any] | None = None

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    def fail(self, message: str, code: int) -> None:
        self.failures.append(message)
        self.exit_code = max(self.exit_code, code)


def _environment(unit: Unit) -> None:
    if unit.cwd and os.getcwd() != unit.cwd:
        os.chdir(unit.cwd)
    for name, value in unit.env:
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


_BACKGROUND: dict[int, ThreadPoolExecutor] = {}


def _background_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats whose writer gains from threads of their own (see `Writer.background`)."""
    from plandoc.writers.base import get_writer

    return tuple(f for f in formats if get_writer(f).background)


def _background(threads: int) -> ThreadPoolExecutor:
    pool = _BACKGROUND.get(threads)
    if pool is None:
        pool = _BACKGROUND[threads] = ThreadPoolExecutor(
            max(1, threads), thread_name_prefix="plandoc-writer")
    return pool


@dataclass
class Pending:
    """An output of a unit: being written (`future`), written, or kept as it was."""

    path: Path
    stem: str
    kind: str
    format: str
    tree: str = ""
    future: Future[None] | None = None
    reused: bool = False


def _write_file(
    extra: ProgrammeFile, programme: Programme, path: Path, earlier: Reusable | None,
    out: Path,
) -> tuple[str, bool]:
    """Write a programme file, but keep the earlier one when the new bytes are the same
    (the early cut-off of documents, by content hash instead of tree digest).

    Returns (content digest, kept)."""
    import hashlib
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        extra.write(programme, tmp)
        content = "sha256:" + hashlib.sha256(tmp.read_bytes()).hexdigest()
        if _still_good(earlier, content, path, out):
            return content, True
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        return content, False
    finally:
        tmp.unlink(missing_ok=True)


def _still_good(earlier: Reusable | None, tree: str, path: Path, out: Path) -> bool:
    """The earlier output shows this very document, at this path, untouched since."""
    if earlier is None or earlier.tree != tree:
        return False
    if earlier.rel != path.relative_to(out).as_posix():
        return False
    return unchanged_since(path, earlier.size, earlier.mtime_ns)


def build_unit(unit: Unit) -> UnitResult:
    """Load, validate and build one programme; never raises (a worker's whole job)."""
    from plandoc.builders import jinja
    from plandoc.load.inputs import load_file
    from plandoc.writers.base import get_writer
    from plandoc.writers.charts import cache_in

    started = time.perf_counter()
    _environment(unit)
    # Absolute: the caches outlive this build in a long-lived process (tests, serve), which
    # may change its working folder afterwards.
    cache_in((unit.out / CACHE_DIR / "charts").absolute())
    jinja.cache_in((unit.out / CACHE_DIR / "jinja").absolute())
    result = UnitResult(unit.path)
    try:
        programme, diags = load_file(unit.path)
        result.diagnostics = list(diags)
        if programme is None or diags.has_errors:
            first = next((d for d in diags if d.is_error), None)
            result.fail(str(first) if first else f"{unit.path}: kunne ikke leses", 1)
            return result
        from plandoc.model.rollup import summarise

        result.summary = summarise(programme).to_json()
        target = programme_dir(unit.out, programme.info.municipality)
        pending: list[Pending] = []
        reusable = {(r.stem, r.format): r for r in unit.reuse}
        background = _background(unit.threads) if unit.background else None
        first_pdf: Future[None] | None = None
        seen: set[str] = set()
        try:
            for stem, kind, document in documents(programme, unit.years, unit.kinds):
                if stem in seen:
                    # Two documents of one programme on one path (the model's rules name
                    # the inputs; this guard keeps the second from overwriting the first).
                    result.fail(f"{shown_path(target / stem)}: to dokumenter i samme program "
                                "ville fått samme fil; bare det første blir skrevet", 1)
                    continue
                seen.add(stem)
                result.documents.append((stem, kind))
                tree = tree_digest(document)
                entries: dict[str, Pending] = {}
                # Background formats first, so the PDF compiles while the DOCX is written;
                # the PDF before the DOCX, whose TOC takes the PDF's page numbers.
                ordered = sorted(unit.formats, key=lambda f: (f not in unit.background,
                                                              f != "pdf"))
                pdf_path = target / f"{stem}.pdf" if "pdf" in unit.formats else None
                outlined = len(document.headings())
                for fmt in ordered:
                    if unit.needed is not None and (stem, fmt) not in unit.needed:
                        continue
                    if fmt not in KIND_FORMATS.get(kind, (fmt,)):
                        continue
                    writer = get_writer(fmt)
                    path = target / f"{stem}{writer.suffix}"
                    if not inside(path, unit.out):
                        result.fail(f"{path}: utfilen havner utenfor {unit.out}",
                                    RenderError.exit_code)
                        continue
                    if _still_good(reusable.get((stem, fmt)), tree, path, unit.out):
                        entries[fmt] = Pending(path, stem, kind, fmt, tree, reused=True)
                        continue
                    future = None
                    pdf_pending = entries.get("pdf")
                    if background is not None and fmt in unit.background:
                        # Typst compiles without the GIL: the next document is built and its
                        # DOCX written meanwhile. The first PDF compiles alone, the others
                        # after it: with two compiles sharing the cores, the first updated
                        # PDF (what `plandoc watch` shows after a save) came 0.2 s later.
                        write = functools.partial(_write, writer, document, path)
                        if first_pdf is None or first_pdf.done():
                            future = background.submit(write)
                        else:
                            future = run_after(background, first_pdf, write)
                        first_pdf = first_pdf or future
                    elif (takes_pages(writer) and pdf_path is not None and background is not None
                          and pdf_pending is not None and pdf_pending.future is not None):
                        future = write_after(
                            background, pdf_pending.future, pdf_path, outlined,
                            functools.partial(_write, writer, document, path))
                    else:
                        pages = None
                        if takes_pages(writer) and pdf_path is not None and pdf_path.is_file():
                            pages = pdf_heading_pages(pdf_path, outlined)
                        try:
                            _write(writer, document, path, pages)
                        except PlandocError as exc:
                            # One document failing does not stop the programme's others.
                            result.diagnostics.extend(exc.diagnostics)
                            result.fail(exc.message, exc.exit_code)
                            continue
                    entries[fmt] = Pending(path, stem, kind, fmt, tree, future)
                pending.extend(entries[f] for f in unit.formats if f in entries)
            for extra in PROGRAMME_FILES:
                if unit.kinds is not None and extra.kind not in unit.kinds:
                    continue
                result.documents.append((extra.stem, extra.kind))
                if unit.needed is not None and (extra.stem, extra.format) not in unit.needed:
                    continue
                path = target / f"{extra.stem}{extra.suffix}"
                try:
                    try:
                        content, kept = _write_file(
                            extra, programme, path, reusable.get((extra.stem, extra.format)),
                            unit.out)
                    except OSError as exc:
                        raise RenderError(f"kunne ikke skrive {shown_path(path)}: "
                                          f"{reason(exc)}") from exc
                except PlandocError as exc:
                    result.diagnostics.extend(exc.diagnostics)
                    result.fail(exc.message, exc.exit_code)
                    continue
                pending.append(Pending(path, extra.stem, extra.kind, extra.format, content,
                                       reused=kept))
            result.complete = True
        finally:
            # Every file in document order, once its writing has finished.
            for item in pending:
                if item.future is not None:
                    try:
                        item.future.result()
                    except PlandocError as exc:
                        result.diagnostics.extend(exc.diagnostics)
                        result.fail(exc.message, exc.exit_code)
                        continue
                st = item.path.stat()
                result.written.append(Written(
                    item.path.relative_to(unit.out).as_posix(), item.stem, item.kind,
                    item.format, st.st_size, st.st_mtime_ns, item.tree, item.reused,
                ))
    except PlandocError as exc:
        result.diagnostics.extend(exc.diagnostics)
        result.fail(exc.message, exc.exit_code)
    except Exception as exc:  # a bug: reported with the programme, the others go on
        result.fail(f"intern feil ({type(exc).__name__}: {exc})", EXIT_INTERNAL)
        result.detail = traceback.format_exc()
    finally:
        result.seconds = time.perf_counter() - started
    return result


# ---------------------------------------------------------------- the whole build


@dataclass
class BuildReport:
    """The outcome of `run_build`: results in input order and the counts of the summary."""

    results: list[UnitResult] = field(default_factory=list)
    built: int = 0
    unchanged: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> list[UnitResult]:
        return [r for r in self.results if r.failed]

    @property
    def exit_code(self) -> int:
        return max((r.exit_code for r in self.failed), default=0)


def run_build(
    files: Sequence[Path],
    out: Path,
    formats: Sequence[str],
    years: Sequence[int] | None = None,
    jobs: int | None = None,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[UnitResult], None] | None = None,
    on_result: Callable[[UnitResult], None] | None = None,
    on_wait: Callable[[], None] | None = None,
    shard: Shard | None = None,
    only_rollup: bool = False,
) -> BuildReport:
    """Build every programme in `files` that is out of date, `jobs` programmes at a time.

    `on_start(n)` is told how many programmes will be built, `on_done` gets each result as it
    finishes (for progress) and `on_result` gets them in input order (for printing).
    `on_wait` is called when another build holds the output folder (this one then waits).
    `shard` builds only that share of the programmes, with its own manifest and without
    the samleoversikt; `only_rollup` builds no programme, only the samleoversikt (after the
    shares are done, see plandoc.build.shard).
    """

    started = time.perf_counter()
    with building_into(out, on_wait) as existed:
        return _run_locked(files, out, formats, years, jobs, force, on_start, on_done,
                           on_result, started, existed, shard, only_rollup)


def _run_locked(
    files: Sequence[Path], out: Path, formats: Sequence[str], years: Sequence[int] | None,
    jobs: int | None, force: bool, on_start: Callable[[int], None] | None,
    on_done: Callable[[UnitResult], None] | None,
    on_result: Callable[[UnitResult], None] | None, started: float, existed: bool,
    shard: Shard | None = None, only_rollup: bool = False,
) -> BuildReport:
    from plandoc.build.incremental import MANIFEST_NAME, plan_programme
    from plandoc.build.parallel import default_jobs, run_units
    from plandoc.core.paths import input_files

    manifest = Manifest.load(out, shard.manifest_name if shard else MANIFEST_NAME)
    manifest.check_writable()
    hasher = FileHasher(manifest.files)
    keys = Keys(hasher, manifest.templates)
    wanted_years = tuple(sorted(set(years))) if years else None
    everything = files
    if shard is not None:
        files = shard.select(files)
    plans = [
        plan_programme(p, input_files(p), manifest, keys, formats, wanted_years, force,
                       formats_of(formats))
        for p in ([] if only_rollup else files)
    ]
    report = BuildReport()
    # Counted by plan: a worker builds only the kinds it needs, so it cannot count the rest.
    report.unchanged = sum(p.unchanged for p in plans)
    env = tuple((name, os.environ.get(name)) for name in PASSED_ENV)
    todo = [p for p in plans if not p.up_to_date]
    # One programme on several cores: no pool to start; its PDFs compile beside the rest.
    cores = jobs or default_jobs()
    alone = len(todo) == 1 and cores > 1
    # Measured on 2 cores (bench/): one PDF thread 1.98 s per programme, two 1.71 s.
    background, threads = (_background_formats(formats), cores) if alone else ((), 1)
    units = [
        Unit(p.path, out, tuple(formats), wanted_years, p.needed, p.kinds, os.getcwd(), env,
             background, threads, p.reuse)
        for p in todo
    ]
    plan_of = {p.path: p for p in plans}
    owners = {rel: name for name, entry in manifest.programmes.items() for rel in entry.outputs}
    if on_start is not None:
        on_start(len(units))

    order = {u.path: i for i, u in enumerate(units)}
    pending: dict[int, UnitResult] = {}
    next_index = 0
    last_save = time.monotonic()
    try:
        for result in run_units(units, build_unit, jobs, on_crash=_crashed):
            _record(manifest, keys, plan_of[result.path], wanted_years, result, owners)
            kept = sum(w.reused for w in result.written)
            report.built += len(result.written) - kept
            report.unchanged += kept
            if on_done is not None:
                on_done(result)
            pending[order[result.path]] = result
            while next_index in pending:
                ready = pending.pop(next_index)
                report.results.append(ready)
                if on_result is not None:
                    on_result(ready)
                next_index += 1
            if time.monotonic() - last_save > SAVE_EVERY:
                manifest.save(keys)
                last_save = time.monotonic()
        if only_rollup:
            from plandoc.build.rollup import summaries_from_shards

            summaries, _ = summaries_from_shards(everything, manifest, hasher)
            _rollup(everything, out, formats, manifest, keys, force, report, on_result,
                    summaries)
        elif shard is None and len(files) > 1:
            # A share never writes the samleoversikt: it would show that share alone.
            _rollup(files, out, formats, manifest, keys, force, report, on_result)
    finally:
        # Nothing built into a folder that isn't there: leave no folder behind either.
        changed = manifest.files != hasher.cache or manifest.templates != keys.remembered
        if report.built or (existed and (changed or units)):
            manifest.save(keys)
    report.seconds = time.perf_counter() - started
    return report


def _rollup(
    files: Sequence[Path], out: Path, formats: Sequence[str], manifest: Manifest, keys: Keys,
    force: bool, report: BuildReport, on_result: Callable[[UnitResult], None] | None,
    summaries: list[dict[str, Any]] | None = None,
) -> None:
    """The samleoversikt over every programme of the build, reported like a programme."""
    from plandoc.build.rollup import STEM, build_rollup

    started = time.perf_counter()
    result = UnitResult(out / STEM)
    try:
        outputs, errors = build_rollup(files, out, formats, manifest, keys, force, summaries)
    except Exception as bug:  # a bug: reported, the programmes' files stand
        result.fail(f"intern feil ({type(bug).__name__}: {bug})", EXIT_INTERNAL)
        result.detail = traceback.format_exc()
        outputs, errors = [], []
    for exc in errors:
        result.diagnostics.extend(exc.diagnostics)
        result.fail(exc.message, exc.exit_code)
    for rel, kind, fmt, written in outputs:
        record = manifest.rollups[rel]
        result.written.append(Written(rel, STEM, kind, fmt, record.size, record.mtime_ns,
                                      reused=not written))
        if written:
            report.built += 1
        else:
            report.unchanged += 1
    result.documents = [(STEM, kind) for _, kind, _, _ in outputs]
    result.complete = not result.failed
    result.seconds = time.perf_counter() - started
    if not outputs and not result.failed:
        return
    report.results.append(result)
    if on_result is not None:
        on_result(result)


def _shown(path: str) -> str:
    """A path as short as it can be shown: relative to the working folder when inside it."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and inside(folder, root):
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (or not ours to remove)
        folder = folder.parent


def _crashed(unit: Unit, exc: BaseException) -> UnitResult:
    result = UnitResult(unit.path)
    result.fail(f"{unit.path}: arbeidsprosessen stoppet uventet ({type(exc).__name__}: {exc})",
                EXIT_INTERNAL)
    return result


def _record(
    manifest: Manifest, keys: Keys, plan: Plan, years: tuple[int, ...] | None,
    result: UnitResult, owners: dict[str, str],
) -> None:
    """Enter a finished programme's outputs in the manifest (they are on disk by now)."""
    name = programme_key(result.path)
    if not result.documents:
        return  # nothing was built: what the manifest knew still holds
    old = manifest.programmes.get(name)
    if not result.complete:
        # A builder stopped half-way: record the files that are there, but not the inputs
        # as done, so that everything is built again next time; delete nothing.
        entry = old if old is not None and plan.needed is not None else ProgrammeEntry(
            "", list(years) if years else None, list(result.documents))
        entry.inputs_key = ""
    elif plan.needed is None or old is None:
        entry = ProgrammeEntry(plan.inputs_key, list(years) if years else None,
                               list(result.documents))
        stems = {stem for stem, _ in result.documents}
        new_rel = {(w.stem, w.format): w.rel for w in result.written}
        for rel, record in (old.outputs.items() if old else ()):
            moved = new_rel.get((record.stem, record.format)) not in (None, rel)
            if record.stem in stems and not moved:
                # Rewritten, or kept as the last good file after a failed write (its
                # record goes, so it is built again next time).
                continue
            # A document the programme no longer has (a year gone) or that now lives
            # elsewhere (the municipality renamed): remove our old file, but only if it is
            # still the file we wrote.
            path = manifest.out / rel
            if record.is_intact(path):
                path.unlink(missing_ok=True)
                _remove_empty_folders(path.parent, manifest.out)
            owners.pop(rel, None)
    else:
        entry = old
    if result.summary is not None:
        entry.summary = result.summary
    for w in result.written:
        owner = owners.get(w.rel)
        if owner is not None and owner != name:
            result.fail(f"{manifest.out / w.rel}: også laget fra {_shown(owner)}; to "
                        "inndatafiler gir samme utfil (samme kommune?)", 1)
            other = manifest.programmes.get(owner)
            if other is not None:
                other.outputs.pop(w.rel, None)
        owners[w.rel] = name
        entry.outputs[w.rel] = OutputRecord(
            w.stem, w.kind, w.format, keys.output_key(plan.inputs_key, years, w.kind, w.format),
            w.size, w.mtime_ns, w.tree, keys.static_key(years, w.kind, w.format),
        )
    manifest.programmes[name] = entry
