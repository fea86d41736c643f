"""The lighter Typst templates (issue 18) draw every page exactly as the templates before
did (bench/typst_reference/, both changed stretches undone): the examples' pages compared
pixel for pixel."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandoc.writers import pdf

from .examples import ROOT, examples

#: Low resolution keeps the test fast; a moved line, a changed width, hyphen or colour still
#: changes pixels at this size (a 10 pt glyph is about 7 px high).
PPI = 50.0
#: Differences between the reference and today's templates that are intended, as
#: {(document kind, page number): why}. None so far: the lighter templates draw alike.
INTENDED: dict[tuple[str, int], str] = {}


def test_pages_look_as_with_the_reference_templates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))  # bench/ is beside src/, not installed
    from bench.typst_template import reference_dir

    reference = reference_dir(tmp_path / "reference")
    differences = []
    compared = 0
    for name, document in examples():
        before = pdf.render_png(document, reference, ppi=PPI)
        after = pdf.render_png(document, ppi=PPI)
        if len(before) != len(after):
            differences.append(f"{name}: {len(before)} sider før, {len(after)} nå")
            continue
        for number, (old, new) in enumerate(zip(before, after, strict=True), start=1):
            compared += 1
            # Same Typst, same encoder: equal PNG bytes are equal pixels.
            if old != new and (document.meta.kind, number) not in INTENDED:
                differences.append(f"{name}: side {number} er endret")
    assert not differences, "\n".join(differences)
    assert compared > 50, f"bare {compared} sider sammenlignet"
