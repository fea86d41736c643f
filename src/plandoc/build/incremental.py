"""Incremental builds: the manifest of what each output was made from, and what is out of date.

The manifest (`<out>/.plandoc-manifest.json`) maps every programme file to the digests of
its input files, the documents it gave and, per output file, the key it was made with:
a hash of the programme's inputs, the templates of its kind and format, plandoc's version and
code, and the libraries that shape the bytes. Deciding that nothing needs building therefore
stats files and reads no workbook; only programmes with something to build are loaded.

Correctness rules the checks follow:
- an input is re-hashed when its size or mtime changed, or when its mtime was too recent to
  trust when recorded (a write in the same clock tick would keep both);
- an output is trusted only when its recorded key matches and the file still has the size
  and mtime it had when written, so a file deleted, replaced or edited by hand is rebuilt;
- an output enters the manifest only after the file is in place, and the manifest is
  replaced atomically, so a killed build never claims a file that is not there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from plandoc.core.dates import source_epoch
from plandoc.core.diagnostics import RenderError
from plandoc.core.oserror import reason, shown_path

MANIFEST_NAME = ".plandoc-manifest.json"
MANIFEST_FORMAT = 1

#: Libraries whose version can change the bytes of an output (or the model read from inputs).
LIBRARIES = (
    "typst", "python-docx", "docxtpl", "markdown-it-py", "mdit-py-plugins",
    "jinja2", "openpyxl", "ruamel.yaml", "pydantic",
)

#: A file modified less than this many seconds before it was hashed is hashed again next time.
RACY_SECONDS = 2.0


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(parts: Iterable[object]) -> str:
    """A stable hash of JSON-serialisable parts."""
    return _sha(json.dumps(list(parts), ensure_ascii=False, sort_keys=True).encode())


class FileHasher:
    """Content hashes of files, cached by (size, mtime_ns) across builds in the manifest."""

    def __init__(self, cache: dict[str, list[Any]] | None = None) -> None:
        self.cache: dict[str, list[Any]] = dict(cache or {})
        self._now = time.time()

    def hash(self, path: Path) -> str | None:
        """The sha256 of the file's bytes, or None when it cannot be read."""
        # abspath, not resolve(): no symlink lookups per file (a link and its target merely
        # get an entry each).
        key = os.path.abspath(path)
        try:
            st = path.stat()
        except OSError:
            self.cache.pop(key, None)
            return None
        cached = self.cache.get(key)
        if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
            return str(cached[2])
        try:
            sha = _sha(path.read_bytes())
        except OSError:
            return None
        # A recent mtime may be shared by a later write of the same size: don't trust the stat.
        trusted = st.st_mtime_ns / 1e9 < self._now - RACY_SECONDS
        self.cache[key] = [st.st_size, st.st_mtime_ns if trusted else -1, sha]
        return sha

    def hash_many(self, paths: Iterable[Path], root: Path | None = None) -> str:
        """One hash over several files (by name relative to `root` and content)."""
        parts = []
        for p in paths:
            try:
                name = str(p.relative_to(root)) if root is not None else p.name
            except ValueError:
                name = str(p)
            parts.append([name, self.hash(p)])
        return digest(parts)


# ---------------------------------------------------------------- what shapes an output


def _code_fingerprint() -> str:
    """plandoc's version plus a hash of its own source: a code change rebuilds everything."""
    import plandoc

    package = Path(plandoc.__file__).resolve().parent
    parts: list[object] = [plandoc.__version__]
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            parts.append([str(path.relative_to(package)), _sha(path.read_bytes())])
    return digest(parts)


def _library_versions() -> list[list[str]]:
    from importlib import metadata

    versions = []
    for name in LIBRARIES:
        try:
            versions.append([name, metadata.version(name)])
        except metadata.PackageNotFoundError:
            versions.append([name, ""])
    return versions


@cache
def _installed() -> str:
    return digest([_code_fingerprint(), _library_versions()])


def environment_key() -> str:
    """Everything besides inputs and templates that the bytes of an output depend on."""
    return _environment_key(source_epoch())


@cache
def _environment_key(epoch: int) -> str:
    return digest([_installed(), epoch])


def writer_templates(fmt: str, kind: str) -> tuple[Path | None, list[Path]]:
    """The template files an output of `kind` in `fmt` is written with, and their root."""
    from plandoc.writers.base import get_writer, known_formats

    if fmt not in known_formats():
        return None, []  # a file drawn by code alone (the code fingerprint covers it)
    return get_writer(fmt).templates(kind)


def _stat(path: Path) -> list[Any] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


class Keys:
    """Output keys for one build: template digests are computed once per (kind, format).

    A digest is remembered in the manifest with the files and folders it was made from, so
    that a build where none of them changed needs neither the builders nor the writers (whose
    imports cost more than the rest of a no-op build)."""

    def __init__(self, hasher: FileHasher, remembered: dict[str, Any] | None = None) -> None:
        self.hasher = hasher
        self.remembered: dict[str, Any] = dict(remembered or {})
        self._templates: dict[tuple[str, str], str] = {}
        self._static: dict[tuple[Any, ...], str] = {}

    def _still_valid(self, saved: Any) -> bool:
        try:
            return (
                saved["env"] == environment_key()
                and saved["override"] == os.environ.get("PLANDOC_TEMPLATES", "")
                and all(_stat(Path(p)) == st for p, st in saved["watch"])
            )
        except (KeyError, TypeError, ValueError):
            return False

    def template_key(self, kind: str, fmt: str) -> str:
        cached = self._templates.get((kind, fmt))
        if cached is not None:
            return cached
        name = f"{kind}|{fmt}"
        saved = self.remembered.get(name)
        if saved is not None and self._still_valid(saved):
            key = str(saved["key"])
        else:
            key = self._compute(kind, fmt, name)
        self._templates[(kind, fmt)] = key
        return key

    def _compute(self, kind: str, fmt: str, name: str) -> str:
        from plandoc.builders import templates_dir, templates_used

        try:
            sources = templates_used(kind)
        except Exception:  # an unknown kind or a broken template: the build will say which
            sources = []
        root, files = writer_templates(fmt, kind)
        key = digest([
            str(templates_dir()),
            self.hasher.hash_many(sources, templates_dir()),
            str(root),
            self.hasher.hash_many(files, root),
        ])
        # Watch the files and their folders (a file added to a folder changes its mtime).
        watched = sorted({*map(str, sources), *map(str, files),
                          *(str(p.parent) for p in [*sources, *files]),
                          *([str(root)] if root is not None else [])})
        watch: list[list[Any]] = [[p, _stat(Path(p))] for p in watched]
        recent = time.time() - RACY_SECONDS
        if all(st is not None and st[1] / 1e9 < recent for _, st in watch):
            self.remembered[name] = {
                "key": key, "env": environment_key(),
                "override": os.environ.get("PLANDOC_TEMPLATES", ""), "watch": watch,
            }
        else:
            self.remembered.pop(name, None)  # too fresh to trust a stat: compute next time
        return key

    def static_key(self, years: Sequence[int] | None, kind: str, fmt: str) -> str:
        """Everything an output is made with except its inputs: code, templates, settings."""
        # Asked for every output of every programme: computed once per kind and format.
        memo = (environment_key(), tuple(years) if years is not None else None, kind, fmt)
        key = self._static.get(memo)
        if key is None:
            key = self._static[memo] = digest([
                memo[0], list(years) if years is not None else None,
                kind, fmt, self.template_key(kind, fmt),
            ])
        return key

    def output_key(
        self, inputs_key: str, years: Sequence[int] | None, kind: str, fmt: str
    ) -> str:
        """What one output file is made from, as one hash."""
        return digest([inputs_key, self.static_key(years, kind, fmt)])


# ---------------------------------------------------------------- the manifest


@dataclass
class OutputRecord:
    """One written file as the manifest remembers it (path relative to the output folder)."""

    stem: str
    kind: str
    format: str
    key: str
    size: int
    mtime_ns: int
    #: The digest of the document tree it was written from (`tree_digest`; "" for a file
    #: not written from a tree) and the static key then: an input change that leaves the
    #: tree as it was leaves the file as it was too.
    tree: str = ""
    static: str = ""

    def is_intact(self, path: Path) -> bool:
        """The file is there, and nobody replaced or edited it since it was written."""
        return unchanged_since(path, self.size, self.mtime_ns)


def unchanged_since(path: Path, size: int, mtime_ns: int) -> bool:
    """`path` exists with the size and mtime it had when plandoc wrote it."""
    try:
        st = path.stat()
    except OSError:
        return False
    return st.st_size == size and st.st_mtime_ns == mtime_ns


@dataclass
class ProgrammeEntry:
    """What the manifest knows of one programme file."""

    inputs_key: str = ""
    years: list[int] | None = None
    #: (stem, kind) of every document the programme gave for `inputs_key`.
    documents: list[tuple[str, str]] = field(default_factory=list)
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    #: The programme's figures for the samleoversikt (`plandoc.model.rollup`, as JSON), from
    #: the same inputs; None when not known.
    summary: dict[str, Any] | None = None

    def find(self, stem: str, fmt: str) -> tuple[str, OutputRecord] | None:
        for rel, record in self.outputs.items():
            if record.stem == stem and record.format == fmt:
                return rel, record
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "inputs_key": self.inputs_key,
            "years": self.years,
            "documents": [list(d) for d in self.documents],
            "outputs": {rel: vars(r) for rel, r in sorted(self.outputs.items())},
            "summary": self.summary,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgrammeEntry:
        return cls(
            inputs_key=str(data.get("inputs_key", "")),
            years=data.get("years"),
            documents=[(str(s), str(k)) for s, k in data.get("documents", [])],
            outputs={rel: OutputRecord(**r) for rel, r in data.get("outputs", {}).items()},
            summary=data.get("summary"),
        )


class Manifest:
    """The record of every output in one output folder; read once, written atomically."""

    def __init__(self, out: Path, name: str = MANIFEST_NAME) -> None:
        self.out = out
        #: A share of a sharded build keeps its own file (`plandoc.build.shard`).
        self.path = out / name
        self.programmes: dict[str, ProgrammeEntry] = {}
        self.files: dict[str, list[Any]] = {}
        #: Remembered template digests (see `Keys`).
        self.templates: dict[str, Any] = {}
        #: Files made from several programmes (the samleoversikt), by path relative to `out`.
        self.rollups: dict[str, OutputRecord] = {}

    @classmethod
    def load(cls, out: Path, name: str = MANIFEST_NAME) -> Manifest:
        """The manifest `name` in `out`; empty when missing, unreadable or of another
        format."""
        manifest = cls(out, name)
        try:
            data = json.loads(manifest.path.read_text(encoding="utf-8"))
            if data.get("format") != MANIFEST_FORMAT:
                return manifest
            manifest.files = dict(data.get("files", {}))
            manifest.templates = dict(data.get("templates", {}))
            manifest.rollups = {rel: OutputRecord(**r)
                                for rel, r in data.get("rollups", {}).items()}
            manifest.programmes = {
                name: ProgrammeEntry.from_json(entry)
                for name, entry in data.get("programmes", {}).items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls(out, name)  # a damaged manifest only costs a full build
        return manifest

    def save(self, keys: Keys | None = None) -> None:
        """Write the manifest atomically (temporary file, then rename)."""
        from plandoc.core.files import atomic_write_bytes

        if keys is not None:
            self.files = keys.hasher.cache
            self.templates = keys.remembered
        data = {
            "format": MANIFEST_FORMAT,
            "programmes": {k: v.to_json() for k, v in sorted(self.programmes.items())},
            "files": dict(sorted(self.files.items())),
            "templates": dict(sorted(self.templates.items())),
            "rollups": {rel: vars(r) for rel, r in sorted(self.rollups.items())},
        }
        # No indent: Python's json then uses its C encoder, ten times faster on the manifest
        # of a national build (7 000 outputs), which every build writes.
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            atomic_write_bytes(self.path, text.encode("utf-8", "surrogateescape"))
        except OSError as exc:
            raise RenderError(
                f"kunne ikke lagre byggeoversikten {shown_path(self.path)} ({reason(exc)}); "
                "dokumentene som ble skrevet, bygges på nytt neste gang") from exc

    def check_writable(self) -> None:
        """Refuse, before anything is built, a manifest path that is not a file."""
        if self.path.exists() and not self.path.is_file():
            raise RenderError(
                f"{shown_path(self.path)} er en mappe, ikke byggeoversikten plandoc skriver; "
                "flytt eller slett den og bygg på nytt" if self.path.is_dir() else
                f"{shown_path(self.path)} er ikke en vanlig fil; flytt eller slett den og "
                "bygg på nytt")


# ---------------------------------------------------------------- planning


def _name(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


def programme_key(path: Path) -> str:
    """How the manifest names a programme file: its absolute path, whatever the working
    folder of the build (a relative name would make the same file look like two)."""
    return str(path.resolve())


def inputs_digest(path: Path, inputs: Sequence[Path], hasher: FileHasher) -> str:
    """One hash over a programme's input files, by name relative to the programme's folder
    and content: the same on every machine, wherever the inputs are checked out."""
    return digest([[_name(p, path.parent), hasher.hash(p)] for p in inputs])


@dataclass(frozen=True)
class Reusable:
    """An output written earlier with today's code and templates but other inputs: the worker
    keeps it when the document it builds now has the same tree digest and the file is intact
    (an early cut-off, as in build systems that compare outputs, not only inputs)."""

    stem: str
    format: str
    rel: str
    tree: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Plan:
    """What to do with one programme: nothing, some outputs, or everything."""

    path: Path
    inputs_key: str
    #: None: build every document in every format; else the (stem, format) pairs to write.
    needed: frozenset[tuple[str, str]] | None
    #: Document kinds to build when `needed` is a subset (None: every kind).
    kinds: frozenset[str] | None
    #: Outputs that are up to date and left alone.
    unchanged: int
    #: Outputs that may be kept if their document comes out the same (see `Reusable`).
    reuse: tuple[Reusable, ...] = ()

    @property
    def up_to_date(self) -> bool:
        return self.needed is not None and not self.needed


def plan_programme(
    path: Path,
    inputs: Sequence[Path],
    manifest: Manifest,
    keys: Keys,
    formats: Sequence[str],
    years: Sequence[int] | None,
    force: bool = False,
    formats_of: Callable[[str], Sequence[str]] | None = None,
) -> Plan:
    """Compare one programme with the manifest: which of its outputs need writing.

    `formats_of(kind)` gives the formats a kind is made in, where that is not `formats`
    (a file made from the whole programme, say a workbook)."""
    inputs_key = inputs_digest(path, inputs, keys.hasher)
    wanted_years = sorted(set(years)) if years is not None else None
    entry = manifest.programmes.get(programme_key(path))
    if force or entry is None:
        return Plan(path, inputs_key, None, None, 0)
    if entry.inputs_key != inputs_key or entry.years != wanted_years or not entry.documents:
        return Plan(path, inputs_key, None, None, 0, _reusable(entry, keys, wanted_years))
    needed: set[tuple[str, str]] = set()
    kinds: set[str] = set()
    total = 0
    for stem, kind in entry.documents:
        kind_formats = formats_of(kind) if formats_of is not None else formats
        total += len(kind_formats)
        for fmt in kind_formats:
            found = entry.find(stem, fmt)
            expected = keys.output_key(inputs_key, wanted_years, kind, fmt)
            if (
                found is None or found[1].key != expected
                or not found[1].is_intact(manifest.out / found[0])
            ):
                needed.add((stem, fmt))
                kinds.add(kind)
    if len(needed) == total:
        return Plan(path, inputs_key, None, None, 0)
    return Plan(path, inputs_key, frozenset(needed), frozenset(kinds), total - len(needed))


def _reusable(entry: ProgrammeEntry, keys: Keys, years: Sequence[int] | None
              ) -> tuple[Reusable, ...]:
    """The outputs of `entry` made with the code and templates of this build."""
    found = []
    for rel, record in sorted(entry.outputs.items()):
        if record.tree and record.static == keys.static_key(years, record.kind, record.format):
            found.append(Reusable(record.stem, record.format, rel, record.tree, record.size,
                                  record.mtime_ns))
    return tuple(found)


def tree_digest(document: Any) -> str:
    """A hash of everything a writer reads from a document: the tree, and the bytes of every
    picture it refers to by path."""
    from plandoc.document import Figure, Image, to_data, walk_blocks

    pictures: list[str | None] = []
    for block in walk_blocks(document.blocks):
        if isinstance(block, Figure) and isinstance(block.content, Image):
            try:
                pictures.append(_sha(Path(block.content.path).read_bytes()))
            except OSError:
                pictures.append(None)  # the writer will say what is wrong
    return digest([to_data(document), pictures])
