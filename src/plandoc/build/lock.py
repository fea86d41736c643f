"""One build at a time per output folder (an advisory lock), and no temporaries left behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, builds are not guarded
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def folder_lock(out: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the output folder for the whole build: two builds into one folder would each
    read the manifest, build, and save it, and the later save would drop the earlier
    build's entries. A second build waits (`on_wait` is told) until the first is done.

    The lock is on the folder itself (created if missing), so it needs no lock file and
    goes away with the process, however the process ends.
    """
    out.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def remove_temporaries(out: Path) -> None:
    """Remove the temporary files (".<name>.<random>.tmp") of writes that never finished.
    Only called with the folder lock held, so no other build is writing them."""
    if not out.is_dir():
        return
    for path in out.rglob(".*.tmp"):
        with contextlib.suppress(OSError):
            if path.is_file():
                path.unlink()


@contextlib.contextmanager
def building_into(out: Path, on_wait: Callable[[], None] | None = None) -> Iterator[bool]:
    """Hold `out` for a build (see folder_lock) and clean up after it; yields whether the
    folder was there before.

    Interrupted (Ctrl-C, SIGTERM) or failed, the build leaves none of its temporaries
    behind (its workers are stopped by then, and a file they were writing is only a
    temporary), and a folder that was not there and got nothing stays absent.
    """
    existed = out.is_dir()
    with folder_lock(out, on_wait):
        try:
            yield existed
        except BaseException:
            remove_temporaries(out)
            raise
        finally:
            if not existed:
                with contextlib.suppress(OSError):
                    out.rmdir()  # only succeeds when nothing was built into it
