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

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import TypeVar

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
    "plandoc.writers.docx",
    "plandoc.writers.pdf",
    "plandoc.writers.charts",
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
        return ctx
    return multiprocessing.get_context("spawn")


def _warm_up() -> None:
    # Register the builders and create the Jinja environment once per worker; both are
    # per-process caches that the first programme would otherwise pay for.
    from plandoc.builders import jinja, kinds

    kinds()
    jinja.environment()


def run_units(
    units: Sequence[U],
    fn: Callable[[U], R],
    jobs: int | None = None,
    on_crash: Callable[[U, BaseException], R] | None = None,
) -> Iterator[R]:
    """`fn(unit)` for every unit, yielded as each finishes; `jobs` processes at a time.

    With one job (or one unit) everything runs in this process: no pool to start, and the
    caches of this process are used. `on_crash` turns a worker that died (or a result that
    could not be sent back) into a result; without it the exception propagates.
    """
    if not units:
        return
    jobs = min(jobs or default_jobs(), len(units))
    if jobs <= 1:
        for unit in units:
            yield fn(unit)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_warm_up)
    try:
        futures: dict[Future[R], U] = {pool.submit(fn, unit): unit for unit in units}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:
                if on_crash is None:
                    raise
                result = on_crash(futures[future], exc)
            yield result
    finally:
        # On Ctrl-C or an error, don't start the programmes still waiting.
        pool.shutdown(wait=True, cancel_futures=True)
