"""Run units of work in a pool of worker processes that keep their caches, or in-process.

Workers are forked from a forkserver that has already imported the heavy modules (Typst,
python-docx, docxtpl, openpyxl, pydantic models), so each worker starts warm
without re-importing, yet never inherits a Typst thread pool: plain `fork` from a process
that has compiled a PDF would copy a Rust thread pool without its threads and can hang.
`spawn` is the fallback where there is no forkserver (Windows). Each worker then keeps its
Typst compiler and fonts, parsed Word templates and Jinja environment for every programme
it builds (module-level caches in the writers and builders).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import TypeVar

from plandoc.core.memory import release_freed_memory
from plandoc.writers.base import BUILTIN

U = TypeVar("U")
R = TypeVar("R")

#: Imported once in the forkserver, so forked workers need not import them again.
PRELOAD = [
    "plandoc.build.pipeline",
    "plandoc.load.programme",
    "plandoc.model.rules",
    "plandoc.readers.xlsx",
    "plandoc.readers.yaml",
    "plandoc.builders",
    "plandoc.writers.charts",
    *BUILTIN.values(),
]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _builder_modules() -> list[str]:
    """Every builder module (each registers a document kind when imported)."""
    import importlib.util
    import pkgutil

    spec = importlib.util.find_spec("plandoc.builders")
    if spec is None or not spec.submodule_search_locations:
        return []
    return [f"plandoc.builders.{m.name}"
            for m in pkgutil.iter_modules(spec.submodule_search_locations)]


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD + _builder_modules())
        _start_forkserver()
        return ctx
    return multiprocessing.get_context("spawn")


def _start_forkserver() -> None:
    """Start the forkserver with Ctrl-C ignored: the terminal sends SIGINT to every process
    of the build, and a forkserver still importing its preload would print a traceback.
    An ignored signal stays ignored across exec (Python keeps SIG_IGN), and the build
    itself handles Ctrl-C by stopping the workers."""
    from multiprocessing import forkserver, resource_tracker

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        resource_tracker.ensure_running()
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the workers are being started: a worker whose start
    was cut off would be unknown to the pool, outlive the build and print a traceback.
    The held signal arrives the moment the workers are known (and can be stopped)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def _alive(pid: int) -> bool:
    """False once `pid` has exited (a zombie waiting to be reaped counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True


def _watch(build: int) -> None:
    while _alive(build):
        time.sleep(0.25)
    os._exit(1)  # the build is gone: nothing this worker writes would be recorded


def _die_with_build(build: int) -> None:
    """A worker stops when the build stops, however it stops (SIGKILL, a closed terminal):
    the kernel kills it when its parent (the forkserver, which exits with the build) dies,
    and a thread watches the build process itself for the case the forkserver lingers."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if not _alive(build):
        os._exit(1)
    threading.Thread(target=_watch, args=(build,), name="plandoc-build-watch",
                     daemon=True).start()


def _warm_up(build: int | None = None) -> None:
    # Ctrl-C reaches every process of the terminal's group: the build answers it (and stops
    # the workers), so a worker ignores it instead of printing its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if build is not None:
        _die_with_build(build)
    # Register the builders and create the Jinja environment once per worker; both are
    # per-process caches that the first programme would otherwise pay for.
    from plandoc.builders import jinja, kinds

    kinds()
    jinja.environment()


#: Workers are replaced by fresh ones (forked warm from the forkserver) after this many
#: programmes each. Typst keeps the layouts of its last ten compiles and a worker's heap
#: grows slowly besides; a national batch of 357 programmes on 2 workers otherwise peaked
#: at 1.5 GiB. A new pool costs about a second (fonts, first compile, and the wait for the
#: last programme of the old one), so 25 programmes per worker cost about 2 % of a batch.
UNITS_PER_WORKER = 25


def _in_worker(fn: Callable[[U], R], unit: U) -> R:
    """`fn(unit)` in a worker, then the freed heap handed back to the system (what the
    programme's documents and trees held)."""
    try:
        return fn(unit)
    finally:
        release_freed_memory()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now (the build was interrupted): outputs are written atomically,
    so a worker stopped mid-write leaves at most a temporary file, which the build removes."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError, ValueError):
            process.terminate()


def run_units(
    units: Sequence[U],
    fn: Callable[[U], R],
    jobs: int | None = None,
    on_crash: Callable[[U, BaseException], R] | None = None,
) -> Iterator[R]:
    """`fn(unit)` for every unit, yielded as each finishes; `jobs` processes at a time.

    With one job (or one unit) everything runs in this process: no pool to start, and the
    caches of this process are used. `on_crash` turns a worker that died (or a result that
    could not be sent back) into a result; without it the exception propagates. Every
    `UNITS_PER_WORKER` units per worker get fresh workers (a new pool: Python 3.11's own
    `max_tasks_per_child` can hang the pool when it replaces a worker).
    """
    if not units:
        return
    jobs = min(jobs or default_jobs(), len(units))
    if jobs <= 1:
        for unit in units:
            yield fn(unit)
        return
    context = _context()
    batch = jobs * UNITS_PER_WORKER
    for start in range(0, len(units), batch):
        yield from _run_pool(units[start:start + batch], fn, jobs, on_crash, context)


def _run_pool(
    units: Sequence[U],
    fn: Callable[[U], R],
    jobs: int,
    on_crash: Callable[[U, BaseException], R] | None,
    context: multiprocessing.context.BaseContext,
) -> Iterator[R]:
    with _signals_held():
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(units)), mp_context=context,
                                   initializer=_warm_up, initargs=(os.getpid(),))
        futures: dict[Future[R], U] = {pool.submit(_in_worker, fn, unit): unit
                                       for unit in units}
    try:
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:
                if on_crash is None:
                    raise
                result = on_crash(futures[future], exc)
            yield result
    except BaseException:
        # Ctrl-C, SIGTERM or an error: the programmes under way are not waited for.
        _stop_workers(pool)
        raise
    finally:
        # On Ctrl-C or an error, don't start the programmes still waiting.
        pool.shutdown(wait=True, cancel_futures=True)
