"""One tool on many programmes in a process of its own, so the benchmark can time and weigh it.

    python -m bench.runners plandoc|docxtpl|pandoc OUT --jobs N FILE...

Every tool makes the omstillingsplan of each programme file as DOCX and PDF.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run_plandoc(files: list[Path], out: Path, jobs: int) -> int:
    """plandoc's own worker path (load, validate, build, write) without the manifest."""
    from plandoc.build.parallel import run_units
    from plandoc.build.pipeline import Unit, build_unit

    units = [Unit(f, out, ("docx", "pdf"), kinds=frozenset({"omstillingsplan"})) for f in files]
    failed = [r for r in run_units(units, build_unit, jobs) if r.failed]
    for r in failed:
        print(f"{r.path}: {r.failures[0]}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.runners")
    parser.add_argument("tool", choices=("plandoc", "docxtpl", "pandoc"))
    parser.add_argument("out", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--template", type=Path, help="docxtpl: the Word template")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.tool == "plandoc":
        return run_plandoc(args.files, args.out, args.jobs)
    from bench import baselines

    if args.tool == "docxtpl":
        template = args.template or baselines.make_docxtpl_template(args.out / "mal.docx")
        baselines.run_docxtpl(args.files, args.out, template, args.jobs)
    else:
        baselines.run_pandoc(args.files, args.out, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
