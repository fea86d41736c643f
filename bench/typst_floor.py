"""The Typst floor of one template folder: compile plandoc's own PDF sources, in a fresh process.

    python -m bench.typst_floor TEMPLATE_DIR WARM_FILE FILE...

Builds every document of each programme FILE (not timed), compiles one document of
WARM_FILE first (fonts loaded, not timed), then compiles each document once with the
templates in TEMPLATE_DIR and prints JSON: {"seconds": [...], "documents": [...]}.

A process of its own per template folder: Typst remembers layouts in a process-wide memo,
so a second template compiling the same text in the same process would look faster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def compile_times(template_dir: Path, warm: Path, files: list[Path]) -> dict[str, list]:
    from plandoc.build.pipeline import documents
    from plandoc.load.inputs import load_file
    from plandoc.writers import pdf

    def docs(path: Path) -> list:
        programme, diags = load_file(path)
        if programme is None or diags.has_errors:
            raise SystemExit(f"{path} har feil")
        return [(stem, document) for stem, _, document in documents(programme)]

    todo = [(f"{f.parent.name}/{stem}", d) for f in files for stem, d in docs(f)]
    first = docs(warm)[0][1]
    with pdf._prepared(first, template_dir) as (compiler, root, payload, main):
        pdf._compile(compiler, root, payload, first, main)
    seconds = []
    for _, document in todo:
        with pdf._prepared(document, template_dir) as (compiler, root, payload, main):
            started = time.perf_counter()
            pdf._compile(compiler, root, payload, document, main)
            seconds.append(time.perf_counter() - started)
    return {"seconds": seconds, "documents": [name for name, _ in todo]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.typst_floor")
    parser.add_argument("template_dir", type=Path)
    parser.add_argument("warm", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    json.dump(compile_times(args.template_dir, args.warm, args.files), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
