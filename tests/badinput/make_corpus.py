"""Write the bad-input corpus into files/: `.venv/bin/python tests/badinput/make_corpus.py`.

Every small case is written into `files/` (committed, so each case is a real file one can
open in Excel); the large ones (100 000 rows, a zip bomb) are written by the tests into a
temporary folder with the same functions. Output is byte-for-byte deterministic: fixed zip
dates and document properties, so `test_corpus_files_are_up_to_date` can regenerate and compare.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

_FIXED = dt.datetime(2024, 1, 1)
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)

Rows = list[list[object]]

# ------------------------------------------------------------------ a valid programme

PROGRAM: Rows = [
    ["Felt", "Verdi"],
    ["Kommune", "Dyrøy"],
    ["Programnavn", "Omstillingsprogrammet i Dyrøy"],
    ["Periode fra (år)", 2024],
    ["Periode til (år)", 2027],
    ["Visjon", "Et levende lokalsamfunn"],
]
AREAS: Rows = [
    ["ID", "Navn", "Mål for innsatsområdet"],
    ["IO1", "Næringsutvikling", "Flere bedrifter"],
    ["IO2", "Kompetanse", "Bedriftene får kompetansen de trenger"],
    ["IO3", "Bolyst", "Flere vil bo her"],
]
GOALS: Rows = [
    ["ID", "Nivå", "Mål", "Indikator", "Målverdi", "Frist"],
    ["H1", "hovedmål", "60 nye arbeidsplasser", "Antall arbeidsplasser", 60, "31.12.2027"],
]
MEASURES: Rows = [
    ["ID", "Navn", "Innsatsområde", "År", "Budsjett (kr)"],
    ["T1", "Bedriftsutvikling", "IO1", 2025, 500000],
    ["T2", "Lærlingløftet", "IO2", 2025, 300000],
]
ORGANISATION: Rows = [
    ["Gruppe", "Rolle", "Navn"],
    ["Styringsgruppe", "Leder", "Kari Nordmann"],
]


def base_sheets() -> dict[str, Rows]:
    """A small programme that loads without a single diagnostic (fresh copies of the rows)."""
    return {
        "Program": [list(r) for r in PROGRAM],
        "Innsatsområder": [list(r) for r in AREAS],
        "Mål": [list(r) for r in GOALS],
        "Tiltak": [list(r) for r in MEASURES],
        "Organisasjon": [list(r) for r in ORGANISATION],
    }


BASE_YAML = """\
program:
  kommune: Dyrøy
  programnavn: Omstillingsprogrammet i Dyrøy
  periode_fra: 2024
  periode_til: 2027
  visjon: Et levende lokalsamfunn
innsatsområder:
  - id: IO1
    navn: Næringsutvikling
  - id: IO2
    navn: Kompetanse
  - id: IO3
    navn: Bolyst
tiltak:
  - id: T1
    navn: Bedriftsutvikling
    innsatsområde: IO1
    år: 2025
    budsjett: 500000
"""


def set_value(sheets: dict[str, Rows], sheet: str, label_or_cell: str, value: object) -> None:
    """Change one value: a Program field by its label, or a table cell like "E2"."""
    rows = sheets[sheet]
    m = re.fullmatch(r"([A-Z])(\d+)", label_or_cell)
    if m:
        col, row = ord(m.group(1)) - ord("A"), int(m.group(2)) - 1
        while len(rows) <= row:
            rows.append([])
        while len(rows[row]) <= col:
            rows[row].append(None)
        rows[row][col] = value
        return
    for r in rows:
        if r and r[0] == label_or_cell:
            r[1] = value
            return
    rows.append([label_or_cell, value])


# ------------------------------------------------------------------ writing files


def normalise_zip(data: bytes) -> bytes:
    """The same zip with fixed entry dates and a fixed docProps modified time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z",
                              blob)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, blob)
    return out.getvalue()


def book_bytes(sheets: dict[str, Rows], hidden_sheets: tuple[str, ...] = (),
               tweak: Callable[[Workbook], None] | None = None) -> bytes:
    """A workbook as bytes: one sheet per entry, rows from A1, then `tweak(wb)`."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden_sheets:
            ws.sheet_state = "hidden"
    if tweak is not None:
        tweak(wb)
    wb.properties.created = wb.properties.modified = _FIXED
    wb.properties.creator = "plandoc-tests"
    raw = io.BytesIO()
    wb.save(raw)
    return normalise_zip(raw.getvalue())


def sheet_member(data: bytes, title: str) -> str:
    """The zip member name of sheet `title` (openpyxl numbers them in order)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        workbook = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="(rId\d+)"', workbook)
    assert rid, title
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*'
                       rf'Id="{rid.group(1)}"', rels)
    assert target
    name = target.group(1) or target.group(2)
    return name.lstrip("/") if name.startswith("/xl/") else "xl/" + name


def patch(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    """Rewrite one member of a zip (keeping fixed dates)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == member:
                blob = change(blob)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, blob)
    return out.getvalue()


def patch_sheet(data: bytes, title: str, change: Callable[[str], str]) -> bytes:
    return patch(data, sheet_member(data, title), lambda b: change(b.decode()).encode())


def inline_cell(ref: str, text: str) -> str:
    """A <c> with an inline string, written as Excel escapes what XML cannot carry."""
    escaped = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c>'


def replace_cell(xml: str, ref: str, new: str) -> str:
    """Swap the <c r="ref"> element (with or without content) for `new`."""
    pattern = re.compile(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', re.S)
    assert pattern.search(xml), ref
    return pattern.sub(lambda _: new, xml, count=1)


# ------------------------------------------------------------------ pictures


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (31, 78, 121)) -> bytes:
    """A real, uniformly coloured PNG (written by hand: small and deterministic)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return _png(width, height, zlib.compress(raw, 9))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels but holds one tiny IDAT: a pixel bomb."""
    return _png(width, height, zlib.compress(b"\x00\x00\x00\x00", 9))


def _png(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
            + chunk(b"IEND", b""))


# ------------------------------------------------------------------ large cases


def many_rows_book(rows: int) -> bytes:
    """A valid programme whose Tiltak sheet has `rows` data rows (XML written directly:
    openpyxl needs 12 s for 100 000 rows, this a fraction of one)."""
    sheets = base_sheets()
    sheets["Tiltak"] = [MEASURES[0]]
    data = book_bytes(sheets)
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>T{r}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>Tiltak {r}</t></is></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>IO1</t></is></c>'
        f'<c r="D{r}"><v>2025</v></c><c r="E{r}"><v>1000</v></c></row>'
        for r in range(2, rows + 2)
    )
    return patch_sheet(data, "Tiltak",
                       lambda xml: re.sub(r"</row>\s*</sheetData>", "</row>" + body
                                          + "</sheetData>", xml, count=1))


def zip_bomb_book(unpacked_mb: int = 300) -> bytes:
    """A workbook with one extra member of `unpacked_mb` MB of zeros (packs ~1000×)."""
    data = book_bytes(base_sheets())
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        entry = zipfile.ZipInfo("xl/media/padding.bin", date_time=_ZIP_DATE)
        entry.compress_type = zipfile.ZIP_DEFLATED
        with z.open(entry, "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()


def many_rows_yaml(rows: int) -> bytes:
    items = "".join(
        f"  - id: T{i}\n    navn: Tiltak {i}\n    innsatsområde: IO1\n    år: 2025\n"
        f"    budsjett: 1000\n" for i in range(rows)
    )
    return (BASE_YAML.split("tiltak:\n")[0] + "tiltak:\n" + items).encode()


# ------------------------------------------------------------------ main


def write_all(folder: Path = FILES) -> list[Path]:
    """Write every committed (small) case file into `folder`; returns the paths written."""
    from badinput.cases import CASES

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for case in CASES:
        if case.large or case.make is None:
            continue
        target = folder / case.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(case.make())
        written.append(target)
    return written


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    paths = write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else FILES)
    print(f"wrote {len(paths)} files")
