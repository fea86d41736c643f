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
