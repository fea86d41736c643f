"""Read written documents back as text, and find a user's text in them (shared by the corpus,
property, safety and accessibility tests)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: Bidirectional marks pdftotext puts around right-to-left runs; not part of the text.
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def docx_xml(data: bytes | Path, member: str = "word/document.xml") -> etree._Element:
    raw = data.read_bytes() if isinstance(data, Path) else data
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return etree.fromstring(z.read(member))


def docx_text(data: bytes | Path) -> str:
    """The body text: one line per paragraph (table cells included), w:br as a newline."""
    lines: list[str] = []
    for p in docx_xml(data).iter(f"{W}p"):
        parts: list[str] = []
        for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
            if el.tag == f"{W}t":
                parts.append(el.text or "")
            elif el.tag == f"{W}br":
                parts.append("\n")
            else:
                parts.append("\t")
        lines.append("".join(parts))
    return "\n".join(lines)


def pdf_text(data: bytes | Path) -> str:
    """Every page's text as pypdf extracts it (content-stream order)."""
    from pypdf import PdfReader

    raw = data.read_bytes() if isinstance(data, Path) else data
    reader = PdfReader(io.BytesIO(raw))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def have_pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


def pdftotext(data: bytes | Path) -> str:
    """poppler's text, which puts right-to-left runs back in reading order."""
    raw = data.read_bytes() if isinstance(data, Path) else data
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=raw,
                          capture_output=True, check=True, timeout=60)
    return _BIDI_MARKS.sub("", done.stdout.decode("utf-8"))


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def pattern(needle: str) -> re.Pattern[str]:
    """A regex for `needle` in extracted text: whitespace ignored on both sides, and a hyphen
    allowed between any two characters (the PDF hyphenates long words at line ends)."""
    chars = squash(needle)
    return re.compile("[-\u2010\u00ad]?".join(re.escape(c) for c in chars))


def occurrences(haystack: str, needle: str) -> int:
    return len(pattern(needle).findall(squash(haystack)))


def contains(haystack: str, needle: str) -> bool:
    return occurrences(haystack, needle) > 0
