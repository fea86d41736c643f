"""Hand memory the process has freed back to the system (glibc's malloc_trim)."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable


def _trimmer() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


_TRIM = _trimmer()


def release_freed_memory() -> None:
    """Return the heap's free pages to the system. Typst drops the layouts of older
    compiles after each compile, but glibc keeps the freed pages in the process, so a
    worker's resident memory only grows: measured on the 53 example documents compiled in
    one process, 439 MiB resident after them without this and 283 MiB with it after every
    compile (issue 18: peak memory of the national batch). A trim takes microseconds to a
    few milliseconds."""
    if _TRIM is not None:
        _TRIM(0)
