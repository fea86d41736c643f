"""`plandoc watch`: an initial build, then a rebuild of what changed after every save, in one
process that keeps its imports, its caches and its Typst compilers warm.

Each round is an ordinary incremental build (`run_build`): the manifest says which
programmes a save touched, so no other programme is loaded; of a touched programme only
the files that changed are read again (`readers.memo` keeps the raw reads of the others),
and the early cut-off leaves every document whose tree came out the same untouched. A
programme built alone compiles its PDFs in threads that live as long as the process
(`pipeline._background`), each with its Typst compiler and fonts loaded
(`writers.pdf._compiler`), and the watcher compiles one document in each of them before
the first save, so even the first rebuild finds them warm.

Saving in Excel writes a lock file (`~$plan.xlsx`), temporary files (`A1B2C3D4`,
`plan.xlsx~RF1a2b.TMP`) and may write the workbook twice: only files that look like
inputs count (`core.paths.is_input_like`), nothing under the output folder counts, the
changes of one save arrive as one batch (watchfiles waits `STEP_MS` of quiet), and a
second identical save finds the manifest up to date. A half-written workbook fails to load
with the usual diagnostic; the save that completes it starts the next round.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plandoc.core.diagnostics import PlandocError
from plandoc.core.paths import is_input_like

if TYPE_CHECKING:
    from plandoc.build.pipeline import BuildReport, Written

#: watchfiles yields a batch once no change came for this long (ms): Excel's writes of one
#: save come in one batch, and the rebuild starts soon after the last of them.
STEP_MS = 50
#: ... or after this long at most, while changes keep coming (ms).
DEBOUNCE_MS = 1000


@dataclass
class Round:
    """One build of the watcher: the first, or the one after a batch of saves."""

    #: The input files that changed (empty for the first build).
    changed: list[Path] = field(default_factory=list)
    report: BuildReport | None = None
    #: The error that stopped the round before any programme was built (a folder that
    #: cannot be written, say), or a bug's traceback in `detail`.
    error: PlandocError | None = None
    detail: str = ""
    #: When the newest changed file was saved (its mtime, in seconds since the epoch).
    saved_at: float | None = None
    #: Seconds from the change being seen to the end of the build.
    seconds: float = 0.0
    #: Programme files found this round.
    files: list[Path] = field(default_factory=list)

    @property
    def written(self) -> list[Written]:
        """The files this round wrote (not those kept as they were)."""
        if self.report is None:
            return []
        return [w for r in self.report.results for w in r.written if not w.reused]

    def after_save(self, written: Written) -> float | None:
        """Seconds from the save to `written` being in place."""
        if self.saved_at is None:
            return None
        return max(0.0, written.mtime_ns / 1e9 - self.saved_at)

    @property
    def first_pdf(self) -> float | None:
        """Seconds from the save to the first PDF in place, when this round wrote one."""
        times = [t for w in self.written if w.format == "pdf"
                 if (t := self.after_save(w)) is not None]
        return min(times) if times else None

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return self.error.exit_code
        return self.report.exit_code if self.report is not None else 0


def counts(path: Path, out: Path) -> bool:
    """A change to `path` may change an output: an input-like file (not Excel's lock or
    temporary files, not hidden), outside the output folder."""
    if not is_input_like(path):
        return False
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(out))
    except ValueError:
        return True
    return False


def watched_folders(inputs: Sequence[Path]) -> list[Path]:
    """The folders to watch: each input folder, and the folder of each input file."""
    folders = {p if p.is_dir() else p.parent for p in inputs}
    return sorted({f.resolve() for f in folders if f.is_dir()})


def find_programmes(inputs: Sequence[Path]) -> list[Path]:
    """The programme files among `inputs`, found again each round (a programme may be added
    while the watcher runs)."""
    from plandoc.build.pipeline import primary_inputs
    from plandoc.readers import discover

    found = discover([p for p in inputs if p.exists()])
    return primary_inputs(f for f in found if _utf8(f))


def _utf8(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def build_round(
    inputs: Sequence[Path], out: Path, formats: Sequence[str], years: Sequence[int] | None,
    jobs: int | None, changed: Sequence[Path] = (), force: bool = False,
    on_result: Callable[[Any], None] | None = None,
) -> Round:
    """One build over `inputs`; never raises for bad input or a bug (a watcher goes on)."""
    from plandoc.build.pipeline import run_build

    started = time.perf_counter()
    result = Round(changed=list(changed))
    stamps = []
    for path in changed:
        with contextlib.suppress(OSError):  # deleted: the round still runs
            stamps.append(path.stat().st_mtime)
    result.saved_at = max(stamps) if stamps else None
    try:
        result.files = find_programmes(inputs)
        result.report = run_build(result.files, out, formats, years=years, jobs=jobs,
                                  force=force, on_result=on_result)
    except PlandocError as exc:
        result.error = exc
    except OSError as exc:
        from plandoc.core.diagnostics import RenderError
        from plandoc.core.oserror import describe

        result.error = RenderError(f"kunne ikke lese eller skrive {describe(exc)}")
    except Exception as exc:  # a bug: said, and the watcher goes on
        from plandoc.core.diagnostics import EXIT_INTERNAL

        error = PlandocError(f"intern feil ({type(exc).__name__}: {exc})")
        error.exit_code = EXIT_INTERNAL
        result.error = error
        result.detail = traceback.format_exc()
    result.seconds = time.perf_counter() - started
    return result


def warm_up(files: Sequence[Path], formats: Sequence[str], jobs: int | None) -> None:
    """Load the builders and writers, and compile one document in every thread that will
    compile PDFs for a programme built alone, so that the first save finds Typst warm.
    Nothing is written; a programme that fails to load is simply not used for it."""
    if "pdf" not in formats or not files:
        return
    from plandoc.build.parallel import default_jobs
    from plandoc.build.pipeline import _background, documents
    from plandoc.load.inputs import load_file
    from plandoc.writers.pdf import render_pdf

    for path in files:
        try:
            programme, diags = load_file(path)
            if programme is None or diags.has_errors:
                continue
            _, _, document = next(documents(programme))
        except Exception:  # only a warm-up: the build says what is wrong
            continue
        break
    else:
        return
    cores = jobs or default_jobs()

    def compile_once() -> None:
        with contextlib.suppress(PlandocError):  # the build will say so
            render_pdf(document)

    compile_once()  # this thread: a programme built alone on one core compiles here
    if cores > 1:
        # Each of the pool's threads compiles once: they all wait at the barrier, so no
        # thread takes two.
        pool = _background(cores)
        barrier = threading.Barrier(cores)

        def in_each() -> None:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=30)
            compile_once()

        wait([pool.submit(in_each) for _ in range(cores)])


def changes(
    inputs: Sequence[Path], out: Path, stop: threading.Event | None = None,
    on_ready: Callable[[], None] | None = None,
) -> Iterator[list[Path]]:
    """The input files changed by each batch of saves, until `stop` is set (or Ctrl-C).

    `on_ready` is called once the file watcher runs: a save from then on is seen."""
    import watchfiles

    def wanted(_change: watchfiles.Change, path: str) -> bool:
        return counts(Path(path), out)

    # A timeout yields an empty batch: the first one says the watcher is up.
    for batch in watchfiles.watch(*watched_folders(inputs), watch_filter=wanted,
                                  step=STEP_MS, debounce=DEBOUNCE_MS, stop_event=stop,
                                  rust_timeout=100, yield_on_timeout=True):
        if on_ready is not None:
            on_ready()
            on_ready = None
        if batch:
            yield sorted({Path(p) for _, p in batch})


def watch_rounds(
    inputs: Sequence[Path], out: Path, formats: Sequence[str], years: Sequence[int] | None = None,
    jobs: int | None = None, stop: threading.Event | None = None, warm: bool = True,
    on_result: Callable[[Any], None] | None = None,
    on_ready: Callable[[], None] | None = None,
) -> Iterator[Round]:
    """The first build, then one round per batch of saves, until `stop` is set.

    `on_ready` is called once the watcher listens for changes (after the first build and
    the warm-up)."""
    import watchfiles  # noqa: F401 - fail before the first build if it is missing

    from plandoc.readers import memo

    # A save re-reads the file saved, not the programme's other workbooks (its projects,
    # its adopted editions): in-process rounds keep every raw read.
    memo.remember(True)
    try:
        yield build_round(inputs, out, formats, years, jobs, on_result=on_result)
        if warm:
            warm_up(find_programmes(inputs), formats, jobs)
        for batch in changes(inputs, out, stop, on_ready):
            yield build_round(inputs, out, formats, years, jobs, batch, on_result=on_result)
    finally:
        memo.remember(False)


# ---------------------------------------------------------------- measuring (bench/)


def save_like_excel(path: Path, old: str, new: str) -> None:
    """Replace the text `old` by `new` in a workbook (every text cell) or YAML file, saved
    the way Excel saves: a lock file, the new bytes in a temporary file, a rename over the
    old file, the lock file removed. For measuring and tests."""
    import uuid

    lock = path.with_name("~$" + path.name)
    lock.write_bytes(b"plandoc")
    temporary = path.with_name(uuid.uuid4().hex[:8].upper())
    try:
        if path.suffix.lower() == ".xlsx":
            import openpyxl

            book = openpyxl.load_workbook(path)
            hits = 0
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str) and old in cell.value:
                            cell.value = cell.value.replace(old, new)
                            hits += 1
            if not hits:
                raise ValueError(f"{path}: fant ikke «{old}»")
            book.save(temporary)
        else:
            text = path.read_text(encoding="utf-8")
            if old not in text:
                raise ValueError(f"{path}: fant ikke «{old}»")
            temporary.write_text(text.replace(old, new), encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
        lock.unlink(missing_ok=True)


def measure_first_pdf(
    programme: Path, work: Path, text: str, rounds: int = 3, jobs: int | None = None,
    formats: Sequence[str] = ("docx", "pdf"), timeout: float = 120.0,
) -> dict[str, Any]:
    """Seconds from saving a workbook to its first updated PDF under `plandoc watch`.

    `programme` is a programme folder (inputs/<kommune>/, with program.xlsx or .yaml);
    it is copied into `work`, a watcher is started over the copy in a thread, and `rounds`
    times a change of `text` (a text that shows in the first document, e.g. the vision) is
    saved like Excel saves (`save_like_excel`). Returns the seconds from each save to the
    first PDF in place and to the end of its rebuild, and their medians:
    {"first_pdf": median, "round": median, "first_pdf_all": [...], "round_all": [...]}.
    """
    import queue
    import shutil
    import statistics

    from plandoc.build.pipeline import primary_inputs
    from plandoc.readers import discover

    inputs = work / "inputs"
    shutil.copytree(programme, inputs / programme.name)
    out = work / "build"
    (source,) = primary_inputs(discover([inputs / programme.name]))
    stop = threading.Event()
    ready = threading.Event()
    results: queue.Queue[Round | BaseException] = queue.Queue()

    def run() -> None:
        try:
            for round_ in watch_rounds([inputs], out, formats, jobs=jobs, stop=stop,
                                       on_ready=ready.set):
                results.put(round_)
        except BaseException as exc:  # handed to the measuring thread
            results.put(exc)

    thread = threading.Thread(target=run, name="plandoc-measure", daemon=True)
    thread.start()
    firsts: list[float] = []
    whole: list[float] = []
    try:
        first = _next_round(results, timeout)
        if first.exit_code:
            raise RuntimeError(f"det første bygget feilet (kode {first.exit_code})")
        if not ready.wait(timeout):
            raise RuntimeError("watch kom ikke i gang")
        current = text
        for n in range(rounds):
            changed = f"{text} ({n + 1})"
            save_like_excel(source, current, changed)
            current = changed
            round_ = _next_round(results, timeout)
            if round_.first_pdf is None or round_.saved_at is None:
                raise RuntimeError("lagringen ga ingen ny PDF")
            firsts.append(round_.first_pdf)
            whole.append(time.time() - round_.saved_at)
    finally:
        stop.set()
        thread.join(timeout)
    return {"first_pdf": statistics.median(firsts), "round": statistics.median(whole),
            "first_pdf_all": firsts, "round_all": whole}


def _next_round(results: Any, timeout: float) -> Round:
    item = results.get(timeout=timeout)
    if isinstance(item, BaseException):
        raise item
    assert isinstance(item, Round)
    return item
