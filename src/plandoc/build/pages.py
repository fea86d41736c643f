"""Page numbers for the Word TOC, taken from the PDF of the same document tree."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path

from plandoc.core.diagnostics import PlandocError


def takes_pages(writer: object) -> bool:
    """Whether a writer's `write` accepts the headings' pages (the DOCX writer's TOC)."""
    return bool(getattr(writer, "takes_heading_pages", False))


def pdf_heading_pages(pdf: Path, expected: int) -> list[int] | None:
    """The page of each bookmark of `pdf`, in order; None when the PDF cannot be read or its
    outline does not have one entry per outlined heading (then the writer estimates)."""
    from plandoc.writers.pdf_pages import outline_pages, read_pages

    pages = outline_pages(pdf)
    if pages is None:
        try:
            pages = [entry.page for entry in read_pages(pdf).outline]
        except PlandocError:
            return None
    return pages if len(pages) == expected else None


def run_after(background: Executor, before: Future[None], fn: Callable[[], None]
              ) -> Future[None]:
    """Run `fn()` in `background` once `before` has ended (however it ended), without
    holding a thread meanwhile; the returned future ends when `fn` does."""
    done: Future[None] = Future()

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # handed on to whoever waits for the result
            done.set_exception(exc)
        else:
            done.set_result(None)

    def submit(_: Future[None]) -> None:
        try:
            background.submit(run)
        except RuntimeError as exc:  # the pool is shutting down
            done.set_exception(exc)

    before.add_done_callback(submit)
    return done


def write_after(background: Executor, pdf: Future[None], pdf_path: Path, expected: int,
                write: Callable[[list[int] | None], None]) -> Future[None]:
    """Run `write(pages)` in `background` once the PDF is written, without holding a thread
    while the PDF compiles; the returned future ends when `write` does."""
    return run_after(background, pdf, lambda: write(
        pdf_heading_pages(pdf_path, expected) if pdf.exception() is None else None))
