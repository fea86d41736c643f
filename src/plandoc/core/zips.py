"""The deterministic zip writer: fixed entry dates and attributes, so same parts, same bytes."""

from __future__ import annotations

import threading
import zipfile
import zlib
from collections import OrderedDict
from typing import IO

#: Every entry's date: the earliest a zip can hold. The document's own date lives in its
#: metadata (from the source date); an entry date would only make equal files differ.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


#: Parts at least this big are deflated once per process: every DOCX carries the same
#: embedded fonts, styles and theme (and often the same chart), and deflating them again for
#: each document was a third of writing it. Smaller parts cost less to deflate than to look up.
CACHE_FROM = 2048
#: The cache keeps at most this many bytes of parts (their deflated forms besides).
CACHE_BYTES = 24 * 2**20


class _Deflated:
    """Deflated forms of parts by content, least recently used dropped first."""

    def __init__(self) -> None:
        self._items: OrderedDict[bytes, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, data: bytes) -> bytes:
        with self._lock:
            found = self._items.get(data)
            if found is not None:
                self._items.move_to_end(data)
                return found
        # What zipfile's own compressor gives for one write and a flush: same bytes.
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        deflated = compressor.compress(data) + compressor.flush()
        with self._lock:
            if data not in self._items:
                self._items[data] = deflated
                self._size += len(data) + len(deflated)
            while self._size > CACHE_BYTES and self._items:
                old, old_deflated = self._items.popitem(last=False)
                self._size -= len(old) + len(old_deflated)
        return deflated


_DEFLATED = _Deflated()


class _Ready:
    """Stands in for zipfile's compressor with a part deflated beforehand."""

    def __init__(self, deflated: bytes) -> None:
        self._deflated = deflated

    def compress(self, data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self._deflated


class DeterministicZip:
    """Writes entries with ZIP_DATE, no file-system attributes, deflated."""

    def __init__(self, out: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def put(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0
        if len(data) < CACHE_FROM:
            self._zip.writestr(info, data)
            return
        # As writestr does, but with the deflated bytes from the cache: zipfile still
        # counts the CRC and sizes and writes the headers, so the file is the same.
        info.file_size = len(data)
        with self._zip.open(info, mode="w") as dest:
            if hasattr(dest, "_compressor"):
                dest._compressor = _Ready(_DEFLATED.get(data))
            dest.write(data)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DeterministicZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def rezip(data: IO[bytes], out: IO[bytes]) -> None:
    """Copy the zip `data` into `out` entry by entry, deterministically."""
    with zipfile.ZipFile(data) as src, DeterministicZip(out) as dst:
        for entry in src.infolist():
            dst.put(entry.filename, src.read(entry))
