"""Raw reads kept in memory by a long-lived process (`plandoc watch`): a file not changed
since it was read is not read again."""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from plandoc.readers.base import RawInput

S = TypeVar("S")

#: A file written less than this many seconds before it was read is read again next time:
#: a second write in the same clock tick, of the same size, would keep its stat.
RACY_SECONDS = 2.0

_reads: dict[tuple[str, int], tuple[tuple[int, ...], RawInput]] | None = None


def remember(on: bool = True) -> None:
    """Start (or stop, and forget) keeping reads."""
    global _reads
    _reads = {} if on else None


def active() -> bool:
    return _reads is not None


def read(path: Path, sheets: S, reader: Callable[[Path, S], RawInput]) -> RawInput:
    """`reader(path, sheets)`, or a copy of what it gave when the file is as it was then
    (same size, mtime, ctime and inode; Excel's save by rename gives a new inode)."""
    reads = _reads
    if reads is None:
        return reader(path, sheets)
    # The schemas are module constants: their identity names them.
    key = (os.path.abspath(path), id(sheets))
    try:
        st = path.stat()
    except OSError:
        reads.pop(key, None)
        return reader(path, sheets)
    stamp = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    kept = reads.get(key)
    if kept is not None and kept[0] == stamp:
        # A copy: loading may change what it is given, and the next load needs it whole.
        return copy.deepcopy(kept[1])
    raw = reader(path, sheets)
    if st.st_mtime_ns / 1e9 < time.time() - RACY_SECONDS:
        reads[key] = (stamp, copy.deepcopy(raw))
    else:
        reads.pop(key, None)
    return raw
