"""The lighter Typst templates (issue 18) draw every page exactly as the templates before
did (bench/typst_reference/): the examples' pages compared pixel for pixel."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from plandoc.document import Document
from plandoc.writers import pdf

ROOT = Path(__file__).resolve().parents[2]
#: Low resolution keeps the test fast; a moved line, a changed width, hyphen or colour still
#: changes pixels at this size (a 10 pt glyph is about 7 px high).
PPI = 50.0
#: Differences between the reference and today's templates that are intended, as
#: {(document kind, page number): why}. None so far: the lighter templates draw alike.
INTENDED: dict[tuple[str, int], str] = {}


def _examples() -> Iterator[tuple[str, Document]]:
    """(name, document): one document of every kind of every example programme, as
    `plandoc build inputs` makes it, and the bauta's book and short version."""
    from plandoc.bauta.book import build_main, build_short
    from plandoc.bauta.edition import edition
    from plandoc.bauta.pipeline import load
    from plandoc.build.pipeline import KIND_FORMATS, documents, load_all, primary_inputs

    files = primary_inputs(p for p in (ROOT / "inputs").glob("*/program.*")
                           if p.suffix in {".xlsx", ".yaml"})
    loaded = load_all(files)
    assert loaded.programmes, "fant ingen eksempelprogram i inputs/"
    for programme in loaded.programmes:
        seen: set[str] = set()
        for stem, kind, document in documents(programme):
            # Every status report, project plan … of a programme comes from one template:
            # the first of each kind stands for the rest (the whole set takes minutes).
            if kind in seen or "pdf" not in KIND_FORMATS.get(kind, ("pdf",)):
                continue
            seen.add(kind)
            yield f"{programme.info.municipality}/{stem}", document
    with tempfile.TemporaryDirectory() as media:
        project, _ = load(ROOT / "inputs" / "bauta", Path(media))
        ed = edition(project)
        yield "bauta/bok", build_main(ed)
        yield "bauta/kortversjon", build_short(ed)


def test_pages_look_as_with_the_reference_templates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))  # bench/ is beside src/, not installed
    from bench.typst_template import reference_dir

    reference = reference_dir(tmp_path / "reference")
    differences = []
    compared = 0
    for name, document in _examples():
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
