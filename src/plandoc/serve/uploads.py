"""Receiving uploaded files: size limits, zip bombs, zip-slip, non-workbooks → a programme folder.

Everything here refuses with an `UploadRefused` whose message is Norwegian and names the
file; nothing is extracted before the whole archive has been checked.
"""

from __future__ import annotations

import io
import re
import shutil
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from plandoc.core.paths import PROJECTS_DIR

WORKBOOK_SUFFIXES = (".xlsx", ".yaml", ".yml")
#: Limits (bytes, counts). An .xlsx is itself a zip and is checked the same way.
MAX_FILES = 50
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 500
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: Compression ratio above which an entry of more than RATIO_FLOOR bytes counts as a bomb.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_SAFE_NAME = re.compile(r"[^\\/:*?\"<>|\x00-\x1f]{1,120}")


class UploadRefused(Exception):
    """The upload is refused as a whole (HTTP 400/413); the message is for the user."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Received:
    """The workbooks of one upload, by their place in a programme folder."""

    #: Top-level workbook files (the programme file and its YAML twin), name → bytes.
    programme: dict[str, bytes] = field(default_factory=dict)
    #: Files for `prosjekter/`, name → bytes.
    projects: dict[str, bytes] = field(default_factory=dict)
    #: True when a whole programme folder came (a zip): it replaces the folder.
    whole_folder: bool = False
    #: What was left out, as Norwegian sentences (shown as notices, never silent).
    notices: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return sorted(self.programme) + [f"{PROJECTS_DIR}/{n}" for n in sorted(self.projects)]


def clean_name(raw: str) -> str:
    """The bare file name of an upload, whatever path a client sent with it."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name.strip()
    if not name or name.startswith(".") or not _SAFE_NAME.fullmatch(name):
        raise UploadRefused(f"ugyldig filnavn «{raw[:80]}»")
    return name


def _check_zip(data: bytes, name: str, what: str) -> zipfile.ZipFile:
    """Open `data` as a zip after checking entry count, sizes and compression ratios."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UploadRefused(f"{name}: er ikke {what} (filen kan ikke åpnes som zip: {exc})"
                            ) from exc
    if len(infos) > MAX_ZIP_ENTRIES * (20 if what != "en zip-fil" else 1):
        raise UploadRefused(f"{name}: har {len(infos)} deler; grensen er {MAX_ZIP_ENTRIES}")
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise UploadRefused(f"{name}: blir mer enn {MAX_UNPACKED_BYTES // 2**20} MiB "
                                "når den pakkes ut (zip-bombe?)", 413)
        packed = max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and info.file_size / packed > MAX_RATIO:
            raise UploadRefused(f"{name}: «{info.filename}» er pakket urimelig tett "
                                f"({info.file_size // packed}:1; zip-bombe?)", 413)
    return archive


def _zip_member(info: zipfile.ZipInfo, archive_name: str) -> PurePosixPath | None:
    """The entry's path, or None for a folder; refuses absolute paths, `..` and links."""
    raw = info.filename.replace("\\", "/")
    if info.is_dir():
        return None
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UploadRefused(f"{archive_name}: «{raw}» er en symbolsk lenke; det godtas ikke")
    path = PurePosixPath(raw)
    if (raw.startswith("/") or re.match(r"^[A-Za-z]:", raw)
            or any(part in ("..", "") for part in path.parts) or ".." in raw.split("/")):
        raise UploadRefused(f"{archive_name}: «{raw}» peker ut av mappen (zip-slip); "
                            "arkivet er avvist")
    return path


def check_workbook(data: bytes, name: str) -> None:
    """An .xlsx must be a sane zip (a bomb inside a workbook is refused like any other)."""
    if len(data) > MAX_FILE_BYTES:
        raise UploadRefused(f"{name}: er større enn {MAX_FILE_BYTES // 2**20} MiB", 413)
    if name.lower().endswith(".xlsx"):
        _check_zip(data, name, "en Excel-arbeidsbok (.xlsx)").close()


def unpack_zip(data: bytes, name: str, received: Received) -> None:
    """A zip of a programme folder: `program.xlsx` and `prosjekter/*.xlsx`, maybe inside one
    top folder. Other files are left out with a notice."""
    archive = _check_zip(data, name, "en zip-fil")
    members: list[tuple[PurePosixPath, zipfile.ZipInfo]] = []
    for info in archive.infolist():
        path = _zip_member(info, name)
        if path is not None:
            members.append((path, info))
    wanted = [(p, i) for p, i in members if p.suffix.lower() in WORKBOOK_SUFFIXES]
    # One common top folder ("fjordvik/program.xlsx") is the programme folder itself.
    tops = {p.parts[0] for p, _ in wanted if len(p.parts) > 1}
    strip = len(tops) == 1 and all(len(p.parts) > 1 for p, _ in wanted) \
        and next(iter(tops)).casefold() != PROJECTS_DIR
    for path, info in members:
        inner = PurePosixPath(*path.parts[1:]) if strip and len(path.parts) > 1 else path
        shown = f"{name}: «{path}»"
        if path.name.startswith((".", "~$")) or "__MACOSX" in path.parts:
            received.notices.append(f"{shown} er en skjult fil eller en låsefil og er hoppet over")
            continue
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            received.notices.append(f"{shown} er ikke en arbeidsbok (.xlsx, .yaml) og er "
                                    "hoppet over")
            continue
        if info.file_size > MAX_FILE_BYTES:
            raise UploadRefused(f"{shown} er større enn {MAX_FILE_BYTES // 2**20} MiB", 413)
        body = archive.read(info)
        check_workbook(body, f"{name}: {path}")
        if len(inner.parts) == 1:
            received.programme[clean_name(inner.name)] = body
        elif len(inner.parts) == 2 and inner.parts[0].casefold() == PROJECTS_DIR:
            received.projects[clean_name(inner.name)] = body
        else:
            received.notices.append(f"{shown} ligger i en mappe plandoc ikke leser (bare "
                                    f"programfilen og {PROJECTS_DIR}/) og er hoppet over")
    received.whole_folder = True


def receive(files: list[tuple[str, bytes]], is_project: object) -> Received:
    """Sort uploaded files into a programme folder's places.

    `is_project(name, data)` tells a loose project workbook from a programme workbook.
    """
    if not files:
        raise UploadRefused("ingen filer ble lastet opp; velg én eller flere arbeidsbøker "
                            "(.xlsx, .yaml) eller en .zip av programmappen")
    if len(files) > MAX_FILES:
        raise UploadRefused(f"for mange filer på én gang ({len(files)}); grensen er {MAX_FILES}")
    received = Received()
    for raw_name, data in files:
        name = clean_name(raw_name)
        suffix = Path(name).suffix.lower()
        if suffix == ".zip":
            if len(files) > 1:
                raise UploadRefused(f"{name}: en zip-fil må lastes opp alene")
            unpack_zip(data, name, received)
            continue
        if suffix not in WORKBOOK_SUFFIXES:
            raise UploadRefused(f"{name}: er ikke en arbeidsbok; last opp .xlsx, .yaml eller "
                                "en .zip av programmappen")
        check_workbook(data, name)
        if is_project(name, data):  # type: ignore[operator]
            received.projects[name] = data
        else:
            received.programme[name] = data
    if not received.programme and not received.projects:
        raise UploadRefused("fant ingen arbeidsbok (.xlsx, .yaml) i opplastingen")
    return received


def apply(received: Received, current: Path | None, target: Path) -> None:
    """Write the programme folder this upload gives into `target` (new, empty): the
    current folder with the uploaded files put in their places."""
    target.mkdir(parents=True)
    if current is not None and current.is_dir() and not received.whole_folder:
        shutil.copytree(current, target, dirs_exist_ok=True)
        if received.programme:
            # A new programme file replaces the old one, whatever it was called.
            for old in target.iterdir():
                if old.is_file() and old.suffix.lower() in WORKBOOK_SUFFIXES:
                    old.unlink()
    for name, data in received.programme.items():
        (target / name).write_bytes(data)
    if received.projects:
        folder = target / PROJECTS_DIR
        folder.mkdir(exist_ok=True)
        for name, data in received.projects.items():
            (folder / name).write_bytes(data)
