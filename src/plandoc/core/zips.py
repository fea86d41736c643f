"""The deterministic zip writer: fixed entry dates and attributes, so same parts, same bytes."""

from __future__ import annotations

import zipfile
from typing import IO

#: Every entry's date: the earliest a zip can hold. The document's own date lives in its
#: metadata (from the source date); an entry date would only make equal files differ.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class DeterministicZip:
    """Writes entries with ZIP_DATE, no file-system attributes, deflated."""

    def __init__(self, out: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def put(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0
        self._zip.writestr(info, data)

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
