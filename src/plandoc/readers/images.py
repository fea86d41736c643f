"""Picture paths from the input: inside the input folder, a real picture, of a sane size."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from plandoc.core.diagnostics import Diagnostics, SourceRef

#: Largest picture file accepted (a phone photo is 3–8 MB).
MAX_IMAGE_BYTES = 20 * 1024 * 1024
#: Most pixels accepted (a 50-megapixel camera); more is a decompression bomb or a scan
#: that would make every document huge.
MAX_IMAGE_PIXELS = 50_000_000

#: Formats by their first bytes, and the name Pillow gives each (RIFF needs "WEBP" at 8).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"RIFF", "WEBP"),
)
ACCEPTED = "PNG, JPEG, GIF eller WebP"


def _sniff(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (kind != "WEBP" or head[8:12] == b"WEBP"):
            return kind
    return None


def check_image(path_text: str, base_dir: Path, ref: SourceRef, diags: Diagnostics) -> Path | None:
    """The picture `path_text` names, resolved inside `base_dir`; None with a diagnostic if not.

    The path is taken relative to `base_dir` (the folder of the input file); after resolving
    `..` and symbolic links it must still lie inside that folder, so an input can never make
    plandoc read, copy or publish another file on the machine. The file must be a PNG, JPEG,
    GIF or WebP by its content (not its name), readable by Pillow, and within the size and
    pixel limits above.
    """
    text = path_text.strip()
    if not text:
        diags.error("bildefilen mangler; skriv filnavnet til bildet", "bilde.mangler", ref)
        return None
    if "\x00" in text:
        diags.error("bildefilnavnet inneholder et ugyldig tegn", "bilde.utenfor", ref)
        return None
    base = base_dir.resolve()
    candidate = Path(text)
    if candidate.is_absolute() or candidate.drive:
        diags.error(
            f"bildet «{text}» må ligge i mappen til inndatafilen; skriv stien relativt til "
            "den (f.eks. bilder/kart.png)", "bilde.utenfor", ref)
        return None
    try:
        resolved = (base / candidate).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        diags.error(f"bildet «{text}» kan ikke leses", "bilde.lesing", ref)
        return None
    if not resolved.is_relative_to(base):
        diags.error(
            f"bildet «{text}» ligger utenfor mappen til inndatafilen og blir ikke brukt; "
            "legg bildet i mappen (eller en undermappe)", "bilde.utenfor", ref)
        return None
    if not resolved.is_file():
        diags.error(f"fant ikke bildet «{text}» i mappen til inndatafilen", "bilde.mangler",
                    ref)
        return None
    try:
        size = resolved.stat().st_size
        with resolved.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        diags.error(f"bildet «{text}» kan ikke leses ({exc.strerror})", "bilde.lesing", ref)
        return None
    kind = _sniff(head)
    if kind is None:
        diags.error(f"«{text}» er ikke et bilde; bruk {ACCEPTED}", "bilde.format", ref)
        return None
    if size > MAX_IMAGE_BYTES:
        diags.error(
            f"bildet «{text}» er for stort ({size // (1024 * 1024)} MB; høyst "
            f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB); lagre det i lavere oppløsning",
            "bilde.for-stort", ref)
        return None
    return resolved if _verify(resolved, text, kind, ref, diags) else None


def check_pixels(data: bytes | Path, what: str, ref: SourceRef, diags: Diagnostics) -> bool:
    """False, with an error, for a picture with more pixels than any document needs; one
    rule for picture files and for pictures embedded in Word submissions. Reads only the
    header, with Pillow's own bomb warning turned into this error (never printed raw)."""
    from PIL import Image

    source = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        with warnings.catch_warnings():
            # Pillow's own limit is higher than ours: its warning only means "big", and
            # the size read below is then measured against ours (and named in the message).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as img:
                width, height = img.size
    except Image.DecompressionBombError:
        diags.error(f"{what} har for mange piksler; lagre det i lavere oppløsning",
                    "bilde.for-stort", ref)
        return False
    except Exception:  # not a picture at all: the format check that follows says so
        return True
    if width * height > MAX_IMAGE_PIXELS:
        diags.error(
            f"{what} har for mange piksler ({width} × {height}; høyst "
            f"{MAX_IMAGE_PIXELS // 1_000_000} millioner); lagre det i lavere oppløsning",
            "bilde.for-stort", ref)
        return False
    return True


def _verify(path: Path, text: str, kind: str, ref: SourceRef, diags: Diagnostics) -> bool:
    """Pillow reads the header (dimensions) and checks the data, never decoding it all."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if not check_pixels(path, f"bildet «{text}»", ref, diags):
                return False
            with Image.open(path) as img:
                if img.format != kind:
                    raise UnidentifiedImageError(img.format)
                img.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        diags.error(f"bildet «{text}» har for mange piksler; lagre det i lavere oppløsning",
                    "bilde.for-stort", ref)
        return False
    except Exception:  # Pillow raises many kinds for damaged files; all mean the same here
        diags.error(f"bildet «{text}» er skadet eller ufullstendig; lagre det på nytt som "
                    f"{ACCEPTED}", "bilde.format", ref)
        return False
    return True
