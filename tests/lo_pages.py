"""LibreOffice's rendering of a DOCX: convert it headless, find each heading's page and the TOC.

Run alone to measure how often the TOC's page numbers (taken from the Typst PDF) match where
LibreOffice puts the headings, per document kind:
`.venv/bin/python tests/lo_pages.py build/` (after `plandoc build inputs/ --out build`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from docx_read import toc_pages  # noqa: E402


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docs: list[Path], out: Path, profile: Path) -> dict[Path, Path]:
    """PDFs of `docs` made by LibreOffice headless (one process for all: it starts once)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("soffice is not installed")
    out.mkdir(parents=True, exist_ok=True)
    # Same stems from different folders would overwrite each other: copy under unique names.
    staged = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, doc in enumerate(docs):
            name = Path(tmp) / f"{i:03d}-{doc.stem}.docx"
            shutil.copyfile(doc, name)
            staged[doc] = name
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
             "pdf", "--outdir", str(out), *map(str, staged.values())],
            capture_output=True, text=True, timeout=600, check=False)
    return {doc: out / f"{name.stem}.pdf" for doc, name in staged.items()}


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext, layout kept so TOC lines stay whole)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def squash(text: str) -> str:
    return re.sub(r"[\s\u00ad\-‐‑]", "", text)


def toc_page_index(pages: list[str], entries: list[tuple[str, int]]) -> int | None:
    """The index of the page that shows the TOC entries with their page numbers."""
    for i, page in enumerate(pages):
        lines = [squash(line) for line in page.splitlines()]
        found = 0
        for text, number in entries:
            want = squash(text)
            if any(line.startswith(want[:25]) and re.search(rf"\.*{number}$", line)
                   for line in lines):
                found += 1
        if entries and found >= max(1, len(entries) // 2):
            return i
    return None


def heading_pages(pages: list[str], headings: list[str], start: int) -> list[int | None]:
    """Where each heading (in order) first appears on or after the page before it."""
    out: list[int | None] = []
    at = start
    for heading in headings:
        want = squash(heading)
        found = None
        for i in range(at, len(pages)):
            if any(squash(line).startswith(want) for line in pages[i].splitlines()):
                found = i
                break
        out.append(None if found is None else found + 1)
        if found is not None:
            at = found
    return out


def measure(docx: Path, lo_pdf: Path) -> tuple[int, int, int | None]:
    """(TOC entries whose page matches LibreOffice's, entries, contents page) of one file."""
    entries = toc_pages(docx)
    pages = page_texts(lo_pdf)
    toc = toc_page_index(pages, entries)
    start = (toc + 1) if toc is not None else 1
    found = heading_pages(pages, [text for text, _ in entries], start)
    hits = sum(1 for (_, page), got in zip(entries, found, strict=True) if got == page)
    return hits, len(entries), toc


def kind_of(path: Path) -> str:
    return re.sub(r"-\d.*$", "", path.stem)


def main(root: Path) -> int:
    docs = sorted(p for p in root.rglob("*.docx") if toc_pages(p))
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = convert(docs, Path(tmp) / "out", Path(tmp) / "profile")
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for doc in docs:
            hits, count, _ = measure(doc, pdfs[doc])
            t = totals[kind_of(doc)]
            t[0] += hits
            t[1] += count
            t[2] += 1
            t[3] += hits == count
    print(f"{'kind':20} {'files':>5} {'all right':>9} {'entries':>8} {'right':>6} {'share':>6}")
    for kind, (hits, count, files, whole) in sorted(totals.items()):
        print(f"{kind:20} {files:5d} {whole:9d} {count:8d} {hits:6d} {hits / count:6.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
