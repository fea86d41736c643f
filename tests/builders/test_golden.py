"""Golden files of normalised text per document.

`PLANDOC_REGEN_GOLDEN=1 .venv/bin/pytest tests/builders` rewrites them; review the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from factories import sample_programme
from plandoc.builders import build_documents
from plandoc.builders.dump import to_text

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("PLANDOC_REGEN_GOLDEN") == "1"
SHORT = {"bokmål": "nb", "nynorsk": "nn"}


@pytest.mark.parametrize("language", ["bokmål", "nynorsk"])
def test_documents_match_golden_text(language: str) -> None:
    docs = build_documents(sample_programme(language))
    assert len(docs) == 3
    for stem, document in docs:
        path = GOLDEN / f"{stem}.{SHORT[language]}.txt"
        text = to_text(document)
        if REGEN:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            continue
        assert path.is_file(), f"{path} mangler: kjør PLANDOC_REGEN_GOLDEN=1 pytest tests/builders"
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True),
                str(path), "built", n=2,
            ))
            pytest.fail(f"{path.name} differs (PLANDOC_REGEN_GOLDEN=1 to accept):\n{diff}")


def test_to_text_format_one_line_per_block() -> None:
    text = to_text(dict(build_documents(sample_programme()))["handlingsplan-2025"])
    lines = text.splitlines()
    assert "H1 1 Innledning" in lines
    assert "H2 3.1 Resultater for 2024" in lines
    assert "TOC Innhold" in lines and "PAGEBREAK" in lines
    assert "TABLE style=measures totals align=l,r,r,r widths=4,1.6,2,2" in lines
    assert any(line.startswith("T | Sum | ") for line in lines)
    assert "CAPTION Budsjett 2025 (kr)" in lines
    assert "- P **T4-2025 Lærlingløftet**" in lines
