"""One document of every kind of every example programme, and the bauta's two books."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from plandoc.document import Document

ROOT = Path(__file__).resolve().parents[2]


def examples() -> Iterator[tuple[str, Document]]:
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
