"""Output paths: every file name under build/ is derived from a sanitised slug, nothing else."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slugify(text: str, fallback: str = "uten-navn") -> str:
    """"Dyrøy kommune" → "dyroy-kommune"; only [a-z0-9-], never empty, never "." or "..".

    python-slugify would transliterate æ/ø as "ae"/"o" too, but Norwegian readers expect
    "å" → "a" and the rule is three lines, so no dependency for it.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    ascii_only = folded.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug[:80].strip("-") or fallback


def programme_dir(out: Path, municipality: str) -> Path:
    """build/<kommune-slug>/."""
    return out / slugify(municipality)


def inside(path: Path, root: Path) -> bool:
    """True when `path` resolves to a place inside `root` (symlinks and .. resolved)."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
