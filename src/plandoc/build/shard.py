"""Shards: a deterministic share of the programmes, so that N machines split one batch.

`plandoc build --shard K/N` builds share K of N. The programme folders (inputs/<kommune>/)
are sorted by their path below the folder they all share and dealt out in turn: folder i
goes to share i mod N. Sorting strings involves no hash seed, no clock and no machine, so
every job of a CI matrix computes the same split, and the shares differ in size by at most
one folder. The programmes of one folder stay together, since they write into the same
municipality folder under build/. When every programme file sits in one folder, the files
are dealt out instead.

Each share keeps its own manifest (`.plandoc-manifest.shard-K-av-N.json`), so shares
built into one folder, or copied together afterwards, never overwrite each other's record.
The samleoversikt spans every programme, so a share never writes it; `plandoc build
--only-rollup` writes it afterwards from the shares' manifests (see build/rollup.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from plandoc.core.diagnostics import UsageError

_PATTERN = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")

#: Glob of every share's manifest in an output folder.
SHARD_MANIFESTS = ".plandoc-manifest.shard-*.json"


@dataclass(frozen=True)
class Shard:
    """Share `index` (1-based) of `total`."""

    index: int
    total: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """"2/3" → Shard(2, 3); anything else is a Norwegian usage error (exit code 2)."""
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise UsageError(f"--shard må skrives K/N, for eksempel 2/3 (del 2 av 3), "
                             f"ikke «{text}»")
        index, total = int(match.group(1)), int(match.group(2))
        if total < 1:
            raise UsageError(f"--shard {text}: antall deler (N) må være minst 1")
        if not 1 <= index <= total:
            raise UsageError(f"--shard {text}: delen (K) må være mellom 1 og {total}")
        return cls(index, total)

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"

    @property
    def manifest_name(self) -> str:
        return f".plandoc-manifest.shard-{self.index}-av-{self.total}.json"

    def select(self, files: Sequence[Path]) -> list[Path]:
        """The programme files of this share, in the order given."""
        shares = assignment(files, self.total)
        return [f for f in files if shares[f] == self.index]


def _relative_keys(paths: Sequence[Path]) -> dict[Path, str]:
    """Each path as text below the folder all of them share: the same on every machine
    whatever the checkout folder, and whether the inputs were named relative or absolute."""
    absolute = {p: os.path.abspath(p) for p in paths}
    if not absolute:
        return {}
    common = os.path.commonpath(list(absolute.values()))
    return {p: Path(os.path.relpath(a, common)).as_posix() for p, a in absolute.items()}


def assignment(files: Sequence[Path], total: int) -> dict[Path, int]:
    """The share (1..total) of every programme file."""
    folders = {f.parent for f in files}
    units = folders if len(folders) > 1 else set(files)
    keys = _relative_keys(sorted(units))
    order = {unit: i for i, unit in enumerate(sorted(units, key=lambda u: keys[u]))}
    if len(folders) > 1:
        return {f: order[f.parent] % total + 1 for f in files}
    return {f: order[f] % total + 1 for f in files}
