"""The Typst template today against bench/typst_reference/ (before issue 18): compile and time.

    PLANDOC_KEEP_TYPST=build/typst-src plandoc build inputs --format pdf --out build/tmp
    PLANDOC_KEEP_TYPST=build/typst-src plandoc bauta build inputs/bauta --out build/tmp/b
    python -m bench.typst_template compare build/typst-src [--rounds 7]

`compare` compiles every kept source (one folder per document, see writers/pdf.py,
KEEP_ENV) with the reference template and with today's, each round in a fresh process per
template, alternating, and prints the median compile time per document and the ratio.
"""

from __future__ import annotations

import argparse
import atexit
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plandoc.writers import pdf as pdf_writer

#: What issue 18 changed in plandoc.typ, as it was and as it is (see its README.md).
REFERENCE_PARTS = Path(__file__).resolve().parent / "typst_reference"
#: Today's templates.
CURRENT_DIR = pdf_writer.DEFAULT_TEMPLATE_DIR


class StaleReference(RuntimeError):
    """plandoc.typ no longer holds a stretch issue 18 changed, as recorded."""


def reference_dir(into: Path) -> Path:
    """Write the reference templates into `into` and return it: today's templates (without
    fonts; the writer adds the shipped ones) with issue 18's changes to plandoc.typ undone,
    stretch by stretch (bench/typst_reference/<n>-<name>.after back to .before)."""
    shutil.copytree(CURRENT_DIR, into, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("fonts", "*.md"))
    main = into / pdf_writer.MAIN_TEMPLATE
    text = main.read_text(encoding="utf-8")
    for after_file in sorted(REFERENCE_PARTS.glob("*.after")):
        after = after_file.read_text(encoding="utf-8")
        before = after_file.with_suffix(".before").read_text(encoding="utf-8")
        if text.count(after) != 1:
            raise StaleReference(
                f"plandoc.typ har ikke lenger delen bench/typst_reference/{after_file.name} "
                "(nøyaktig én gang): oppdater den (se README.md der)")
        text = text.replace(after, before)
    main.write_text(text, encoding="utf-8")
    return into


_reference: list[Path] = []


def template_dir_of(template: str) -> Path:
    """"reference", "current", or the path of a folder with templates (a variant)."""
    if template == "current":
        return CURRENT_DIR
    if template != "reference":
        return Path(template)
    if not _reference:
        folder = Path(tempfile.mkdtemp(prefix="plandoc-typst-reference-"))
        atexit.register(shutil.rmtree, folder, True)
        _reference.append(reference_dir(folder))
    return _reference[0]


@dataclass(frozen=True)
class Source:
    """One kept document: the JSON `sys.inputs.doc` gets, its main template, its pictures."""

    folder: Path
    payload: str
    main: str
    timestamp: int

    @property
    def name(self) -> str:
        return self.folder.name


def kept_sources(folder: Path) -> list[Source]:
    """Every document kept in `folder` by PLANDOC_KEEP_TYPST, by name."""
    found = []
    for sub in sorted(p for p in folder.iterdir() if (p / "source.json").is_file()):
        facts = json.loads((sub / "source.json").read_text(encoding="utf-8"))
        found.append(Source(sub, (sub / "doc.json").read_text(encoding="utf-8"),
                            facts["main"], int(facts["timestamp"])))
    return found


def compile_source(source: Source, template_dir: Path, fmt: str = "pdf",
                   ppi: float = 72.0) -> bytes | list[bytes]:
    """`source` compiled with the templates of `template_dir` (the shipped fonts), as the
    PDF writer compiles it: PDF/UA-1 + PDF/A-2a, tagged; or as PNG pages at `ppi`."""
    fonts = str((pdf_writer.DEFAULT_TEMPLATE_DIR / "fonts").resolve())
    compiler = pdf_writer._compiler((fonts,))
    with tempfile.TemporaryDirectory(prefix="plandoc-typst-bench-") as tmp:
        root = Path(tmp)
        shutil.copytree(template_dir, root, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("fonts", "*.md"))
        if (source.folder / "img").is_dir():
            shutil.copytree(source.folder / "img", root / "img")
        kwargs: dict[str, Any] = {"input": str(root / source.main), "root": str(root),
                                  "sys_inputs": {"doc": source.payload},
                                  "timestamp": source.timestamp}
        if fmt == "png":
            pages = compiler.compile(format="png", ppi=ppi, **kwargs)
            return [pages] if isinstance(pages, bytes) else list(pages or [])
        result = compiler.compile(format="pdf", pdf_standards=pdf_writer.PDF_STANDARDS,
                                  pdf_tags=True, **kwargs)
        assert isinstance(result, bytes)
        return result


def _time_all(template: str, folder: Path, names: Sequence[str]) -> dict[str, float]:
    """Seconds per document, each compiled once in this process after one warm-up
    compile of another document (fonts loaded), as a build compiles them."""
    sources = {s.name: s for s in kept_sources(folder)}
    template_dir = template_dir_of(template)
    warm = [s for s in sources.values() if s.name not in names]
    if warm:
        compile_source(min(warm, key=lambda s: len(s.payload)), template_dir)
    times = {}
    for name in names:
        started = time.perf_counter()
        compile_source(sources[name], template_dir)
        times[name] = time.perf_counter() - started
    return times


def compare(folder: Path, rounds: int, names: Sequence[str] | None = None,
            old: str = "reference", new: str = "current") -> dict[str, dict[str, list[float]]]:
    """{"reference"|"current": {document: [seconds per round]}}, rounds alternating the
    templates `old` and `new`, each run in a fresh process (Typst remembers what it compiled
    within a process)."""
    names = list(names or [s.name for s in kept_sources(folder)])
    pair = {"reference": old, "current": new}
    template_dir_of(old), template_dir_of(new)  # a stale reference fails here, not below
    times: dict[str, dict[str, list[float]]] = {t: {n: [] for n in names} for t in pair}
    for i in range(rounds):
        order = list(pair) if i % 2 == 0 else list(reversed(pair))
        for role in order:
            template = pair[role]
            out = subprocess.run(
                [sys.executable, "-m", "bench.typst_template", "time", template, str(folder),
                 *names], check=True, capture_output=True, text=True,
                cwd=Path(__file__).resolve().parents[1]).stdout
            for name, seconds in json.loads(out).items():
                times[role][name].append(seconds)
    return times


def report(times: dict[str, dict[str, list[float]]]) -> str:
    """Median seconds per document under both templates, their ratio, and the totals."""
    ref, cur = times["reference"], times["current"]
    lines = [f"{'dokument':<36} {'referanse':>9} {'nå':>9} {'nå/ref':>7}"]
    for name in ref:
        r, c = statistics.median(ref[name]), statistics.median(cur[name])
        lines.append(f"{name:<36} {r:9.3f} {c:9.3f} {c / r:7.2f}")
    rounds = len(next(iter(ref.values())))
    ref_sum = statistics.median(sum(v[i] for v in ref.values()) for i in range(rounds))
    cur_sum = statistics.median(sum(v[i] for v in cur.values()) for i in range(rounds))
    ratios = [statistics.median(cur[n]) / statistics.median(ref[n]) for n in ref]
    lines.append(f"{'sum (median av runder)':<36} {ref_sum:9.3f} {cur_sum:9.3f} "
                 f"{cur_sum / ref_sum:7.2f}")
    lines.append(f"median av forholdstallene per dokument: {statistics.median(ratios):.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.typst_template")
    sub = parser.add_subparsers(dest="command", required=True)
    cmp_ = sub.add_parser("compare", help="referanse mot dagens mal, vekselvis")
    cmp_.add_argument("folder", type=Path)
    cmp_.add_argument("--rounds", type=int, default=7)
    cmp_.add_argument("--old", default="reference", help="reference, current eller en mappe")
    cmp_.add_argument("--new", default="current", help="reference, current eller en mappe")
    cmp_.add_argument("--json", type=Path, help="skriv alle målingene hit")
    cmp_.add_argument("--only", default="", help="bare disse dokumentene (navn,navn,…)")
    one = sub.add_parser("time", help="(intern) én runde med én mal")
    one.add_argument("template", help="reference, current eller en mappe med maler")
    one.add_argument("folder", type=Path)
    one.add_argument("names", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "time":
        print(json.dumps(_time_all(args.template, args.folder, args.names)))
        return
    names = [n for n in args.only.split(",") if n]
    times = compare(args.folder, args.rounds, names, args.old, args.new)
    if args.json:
        args.json.write_text(json.dumps(times, indent=1), encoding="utf-8")
    print(report(times))


if __name__ == "__main__":
    main()
