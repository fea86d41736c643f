"""The benchmark: plandoc against docxtpl + LibreOffice and pandoc, on one generated corpus.

    python -m bench [--scale 1.0] [--jobs 2] [--reps 5] [--many 100] [--work build/bench]
    python -m bench --quick      # a smoke test: 2 programmes, one repetition (~2 min)

Prints every result and writes bench/RESULTS.md (machine, date, load, medians, ratios, the
targets of issue 18, and a profile of plandoc where a target is missed); `--quick` writes
build/bench-quick/RESULTS.md instead, so a smoke test never replaces the real report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
PYTHON = sys.executable
PLANDOC = str(Path(PYTHON).with_name("plandoc"))


# ---------------------------------------------------------------- measuring


class TreeMemory:
    """Peak memory of a process and all its descendants together (PSS), sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo.extend(children.get(pid, []))
        return out

    def _run(self) -> None:
        if not Path("/proc").is_dir():
            return
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                total += _pss(pid)
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)


def _pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages (a forkserver's modules) count once in
    the sum over processes, where resident sizes would count them in every process."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            continue
    return 0


@dataclass
class Run:
    seconds: float
    peak_tree: int = 0  # bytes, all processes together
    peak_one: int = 0  # bytes, the largest single process


def run_command(args: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; its wall time and peak memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(list(args), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:4])} … feilet ({proc.returncode}):\n"
                           f"{err.decode(errors='replace')[-2000:]}")
    one = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return Run(seconds, memory.peak, one)


def median_time(fn: Callable[[int], object], reps: int) -> float:
    times = []
    for i in range(reps):
        started = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# ---------------------------------------------------------------- the machine


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    from importlib import metadata

    import plandoc
    from bench.baselines import pandoc_available, soffice

    versions = {"plandoc": plandoc.__version__}
    for name in ("typst", "python-docx", "docxtpl", "pypandoc-binary"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "–"
    if pandoc_available():
        import pypandoc

        versions["pandoc"] = pypandoc.get_pandoc_version()
    office = soffice()
    if office:
        try:
            out = subprocess.run([office, "--version"], capture_output=True, text=True,
                                 timeout=60).stdout.strip()
            versions["LibreOffice"] = " ".join(out.split()[:2])
        except (OSError, subprocess.SubprocessError):
            versions["LibreOffice"] = "?"
    code = os.environ.get("PLANDOC_BENCH_CODE", "")
    if not code:
        try:
            head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                  capture_output=True, text=True, timeout=30).stdout.strip()
            dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"],
                                   capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            head = dirty = ""
        code = (f"commit {head}" + (" med endringer som ikke er sjekket inn" if dirty else "")
                if head else "ukjent (ikke et git-repo)")
    return {
        "code": code,
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "system": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def load_text() -> str:
    try:
        a, b, c = os.getloadavg()
    except OSError:
        return "?"
    return f"{a:.2f} / {b:.2f} / {c:.2f}"


# ---------------------------------------------------------------- scenarios


@dataclass
class Results:
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: str = ""
    stages: list[tuple[str, float]] = field(default_factory=list)

    def add(self, scenario: str, plandoc: float | None, docxtpl: float | None = None,
            pandoc: float | None = None, unit: str = "s", note: str = "") -> None:
        row = {"scenario": scenario, "plandoc": plandoc, "docxtpl": docxtpl, "pandoc": pandoc,
               "unit": unit, "note": note}
        self.rows.append(row)
        print(format_row(row), flush=True)


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def ratio(base: float | None, ours: float | None) -> str:
    if base is None or not ours:
        return "–"
    return f"{base / ours:.1f}×"


def format_row(row: dict[str, Any]) -> str:
    u, ours = row["unit"], row["plandoc"]
    return (f"{row['scenario']:<42} plandoc {fmt_value(ours, u):>9} | "
            f"docxtpl+LO {fmt_value(row['docxtpl'], u):>9} ({ratio(row['docxtpl'], ours)}) | "
            f"pandoc {fmt_value(row['pandoc'], u):>9} ({ratio(row['pandoc'], ours)})"
            + (f"  [{row['note']}]" if row["note"] else ""))


def one_document(files: list[Path], work: Path, reps: int, results: Results,
                 have_lo: bool, have_pandoc: bool) -> tuple[float, float]:
    """One omstillingsplan, DOCX + PDF, in a warm process; a different programme each time.

    Returns plandoc's median and the floor (Typst compile of plandoc's own source alone +
    writing its DOCX alone, both with everything else already done)."""
    from bench import baselines
    from plandoc.build.pipeline import Unit, build_unit, documents

    out = work / "one"
    shutil.rmtree(out, ignore_errors=True)
    picks = [files[i % len(files)] for i in range(reps + 1)]
    kinds = frozenset({"omstillingsplan"})

    def plandoc_one(i: int) -> None:
        # As `plandoc build` runs one programme on several cores: the PDF compiles in a
        # background thread while the DOCX is written.
        r = build_unit(Unit(picks[i], out / "plandoc", ("docx", "pdf"), kinds=kinds,
                            background=("pdf",)))
        assert not r.failed, r.failures

    plandoc_one(reps)  # warm-up: imports, fonts, templates
    ours = median_time(plandoc_one, reps)

    # The floor, for the same documents: compile and write only.
    from plandoc.load.inputs import load_file
    from plandoc.writers import pdf as pdf_writer
    from plandoc.writers.docx import DocxWriter

    # Other programmes than above: Typst remembers what it compiled, so a document compiled
    # once would make the floor look lower than it is.
    others = [files[(reps + 1 + i) % len(files)] for i in range(reps)]
    floors = []
    for i in range(reps):
        programme, _ = load_file(others[i])
        _, _, document = next(iter(documents(programme, None, kinds)))
        template_dir = pdf_writer.default_template_dir()
        fonts = template_dir / "fonts"
        compiler = pdf_writer._compiler((str(fonts),) if fonts.is_dir() else ())
        root = work / "floor"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(template_dir, root, ignore=shutil.ignore_patterns("fonts"))
        data = pdf_writer.document_data(document, root)
        # A title Typst has not seen (an invisible mark) defeats its memory of earlier
        # compiles, which would make the floor look lower than it is in a small corpus.
        data["meta"]["title"] += "\u2060" * (i + 1)
        data["meta"]["header"] = data["meta"].get("header", "") + "\u2060" * (i + 1)
        payload = json.dumps(data, ensure_ascii=False)
        writer = DocxWriter()
        writer.render(document)  # charts drawn and cached: the floor excludes them
        started = time.perf_counter()
        pdf_writer._compile(compiler, root, payload, document)
        typst_s = time.perf_counter() - started
        started = time.perf_counter()
        writer.render(document)
        floors.append(typst_s + time.perf_counter() - started)
    floor = statistics.median(floors)

    docxtpl_s = pandoc_s = None
    if have_lo:
        template = baselines.make_docxtpl_template(work / "docxtpl-mal.docx")
        lo_out = out / "docxtpl"
        lo_out.mkdir(parents=True, exist_ok=True)

        def lo_one(i: int) -> None:
            docx = baselines.docxtpl_render((picks[i], template, lo_out))
            baselines.libreoffice_convert([docx], lo_out)

        lo_one(reps)
        docxtpl_s = median_time(lo_one, reps)
    if have_pandoc:
        pd_out = out / "pandoc"
        pd_out.mkdir(parents=True, exist_ok=True)
        baselines.pandoc_one((picks[reps], pd_out))
        pandoc_s = median_time(lambda i: baselines.pandoc_one((picks[i], pd_out)), reps)
    results.add("1 dokument (DOCX + PDF), median", ours, docxtpl_s, pandoc_s)
    results.add("1 dokument: gulv (Typst + DOCX alene)", floor,
                note=f"plandoc = {ours / floor:.2f} × gulvet")
    return ours, floor


def many_documents(files: list[Path], work: Path, jobs: int, results: Results,
                   have_lo: bool, have_pandoc: bool) -> dict[str, Run]:
    """The omstillingsplan of each of `files`, every tool in a process tree of its own."""
    runs: dict[str, Run] = {}
    for tool in ("plandoc", "docxtpl", "pandoc"):
        if (tool == "docxtpl" and not have_lo) or (tool == "pandoc" and not have_pandoc):
            continue
        out = work / "many" / tool
        shutil.rmtree(out, ignore_errors=True)
        runs[tool] = run_command([PYTHON, "-m", "bench.runners", tool, str(out),
                                  "--jobs", str(jobs), *map(str, files)])
    label = f"{len(files)} dokumenter, {jobs} jobber"
    results.add(label, runs["plandoc"].seconds,
                runs.get("docxtpl", Run(0)).seconds or None,
                runs.get("pandoc", Run(0)).seconds or None)
    return runs


def full_corpus(corpus: Path, files: list[Path], work: Path, jobs: int, reps: int,
                results: Results, many: dict[str, Run], many_count: int) -> dict[str, float]:
    """`plandoc build` on the whole corpus, then a no-op rebuild and one changed workbook."""
    out = work / "full"
    shutil.rmtree(out, ignore_errors=True)
    command = [PLANDOC, "build", str(corpus), "--out", str(out), "-j", str(jobs), "-q"]
    full = run_command(command)
    outputs = [p for p in out.rglob("*") if p.suffix in (".docx", ".pdf")]
    documents = len(outputs) // 2
    # The alternatives make omstillingsplaner only and are not run on the whole corpus (it
    # would take them most of an hour): assumed to grow from their 100-document run as
    # plandoc's time grows from its own.
    growth = full.seconds / many["plandoc"].seconds
    est = {k: r.seconds * growth for k, r in many.items() if k != "plandoc"}
    results.add(f"hele korpuset: {len(files)} program, {documents} dokumenter",
                full.seconds, est.get("docxtpl"), est.get("pandoc"),
                note=f"alternativene anslått: {many_count}-dokumentkjøringen × plandocs "
                     f"vekst ({growth:.1f}×)")
    noop = statistics.median(run_command(command).seconds for _ in range(reps))
    results.add("ingen endring (no-op), median", noop, est.get("docxtpl"), est.get("pandoc"),
                note="alternativene kan ikke se hva som er endret: alt på nytt")

    from plandoc.load.inputs import load_file
    from plandoc.workbook.export import write_xlsx

    target = files[len(files) // 2]
    original = target.read_bytes()
    programme, _ = load_file(target)
    assert programme is not None
    from plandoc.core.paths import programme_dir

    folder = programme_dir(out, programme.info.municipality)

    def stamps() -> dict[Path, int]:
        return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}

    changed_times = []
    rewritten = []
    try:
        for i in range(reps):
            programme.info.vision = f"{programme.info.vision} (endret {i + 1})"
            write_xlsx(programme, target)
            before = stamps()
            changed_times.append(run_command(command).seconds)
            after = stamps()
            rewritten.append(sum(after[p] != before.get(p) for p in after))
    finally:
        target.write_bytes(original)  # the corpus stays as generated, for the next run
    one_changed = statistics.median(changed_times)
    per_programme = {k: v / len(files) for k, v in est.items()}
    results.add("én endret arbeidsbok, median", one_changed, est.get("docxtpl"),
                est.get("pandoc"),
                note=f"visjonen endret: plandoc bygger alle {len(before)} filene i programmet "
                f"som dokumenttre, men skriver bare de {max(rewritten)} som ble annerledes; "
                "alternativene: alt på nytt (ett program alene: "
                + ", ".join(f"{k} ≈ {v:.1f} s" for k, v in per_programme.items()) + ")")
    results.add("høyeste minnebruk, hele korpuset (alle prosesser)", full.peak_tree / 2**20,
                many.get("docxtpl", Run(0)).peak_tree / 2**20 or None,
                many.get("pandoc", Run(0)).peak_tree / 2**20 or None, unit="MiB",
                note="alternativene: 100-dokumentkjøringen")
    return {"full": full.seconds, "noop": noop, "changed": one_changed,
            "peak": full.peak_tree / 2**20, "documents": documents}


def profile_plandoc(files: list[Path], work: Path, results: Results, count: int = 4) -> None:
    """Where plandoc's time goes: per-stage totals and the top of a cProfile, in-process."""
    import cProfile
    import pstats

    import plandoc.build.pipeline as pipeline
    import plandoc.builders.common as common
    import plandoc.load.inputs as load
    import plandoc.writers.charts as charts
    import plandoc.writers.docx as docx_writer
    import plandoc.writers.pdf as pdf_writer
    from plandoc.build.pipeline import Unit, build_unit

    totals: dict[str, float] = {}
    patched: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*a: Any, **k: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - started

        patched.append((owner, name, original))
        setattr(owner, name, timed)

    out = work / "profile"
    shutil.rmtree(out, ignore_errors=True)
    count = max(1, min(count, len(files) - 1))
    build_unit(Unit(files[-count - 1], out, ("docx", "pdf")))  # warm
    wrap(load, "load_file", "lese og kontrollere arbeidsboka (openpyxl, pydantic, regler)")
    wrap(common.jinja, "render", "Jinja2-maler → Markdown")
    wrap(common, "parse_template_markdown", "Markdown → dokumenttre (markdown-it-py)")
    wrap(charts, "_render", "diagrammer (Typst, PNG til Word)")
    wrap(pdf_writer, "_compile", "Typst-kompilering (gulv)")
    wrap(docx_writer, "package_bytes", "DOCX: zip (gulv)")
    wrap(docx_writer.DocxWriter, "render", "DOCX i alt (python-docx, docxtpl, zip)")
    wrap(pdf_writer, "render_pdf", "PDF i alt (data, diagram, Typst)")
    wrap(pdf_writer, "mark_row_headers", "PDF: radoverskrifter merket (pikepdf)")
    wrap(pdf_writer, "document_data", "PDF: dokumenttreet som JSON")
    wrap(pipeline, "pdf_heading_pages", "DOCX: sidetall fra PDF-en til innholdslisten (pypdf)")
    wrap(pipeline, "tree_digest", "dokumenttreets nøkkel (tree_digest)")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    picks = files[-count:]  # not built in this process before (Typst remembers compiles)
    profiler.enable()
    for f in picks:
        build_unit(Unit(f, out, ("docx", "pdf")))
    profiler.disable()
    wall = time.perf_counter() - started
    for owner, name, original in patched:
        setattr(owner, name, original)
    results.stages = [("i alt per program", wall / len(picks))] + [
        (k, v / len(picks)) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])]
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(30)
    text = stream.getvalue()
    results.profile = text[text.find("ncalls"):] if "ncalls" in text else text


REFERENCE = ROOT / "bench" / "typst_reference"


def typst_floor(files: list[Path], work: Path, rounds: int, results: Results,
                count: int = 3) -> tuple[float | None, float | None, str]:
    """Typst compile time of every document of `count` programmes with today's template and
    with the one kept in bench/typst_reference/ (before issue 18's lighter template).

    Each template compiles in a process of its own (Typst's memo is process-wide), the two
    alternating, `rounds` times; the median of each template's total. Returns (today,
    before, why not measured)."""
    from bench.typst_template import StaleReference, reference_dir
    from plandoc.writers.pdf import default_template_dir

    # The reference is today's templates with issue 18's change undone (its README.md).
    try:
        reference = reference_dir(work / "typst-reference")
    except (StaleReference, OSError) as exc:
        why = f"bench/typst_reference/ (malen fra før) kan ikke brukes: {exc}"
        results.notes.append(f"Typst-gulvet før og nå er ikke målt: {why}.")
        return None, None, why
    count = max(1, min(count, len(files) - 1))
    picks, warm = files[:count], files[-1]
    totals: dict[str, list[float]] = {"now": [], "before": []}
    per_doc: dict[str, list[float]] = {}
    for i in range(rounds):
        order = [("before", reference), ("now", default_template_dir())]
        for label, folder in (order if i % 2 == 0 else order[::-1]):
            out = subprocess.run(
                [PYTHON, "-m", "bench.typst_floor", str(folder), str(warm), *map(str, picks)],
                capture_output=True, text=True, cwd=ROOT, check=False)
            if out.returncode != 0:
                why = f"kompileringen med {folder.name}/ feilet: {out.stderr.strip()[-300:]}"
                results.notes.append(f"Typst-gulvet før og nå er ikke målt: {why}")
                return None, None, why
            data = json.loads(out.stdout)
            totals[label].append(sum(data["seconds"]))
            per_doc.setdefault(label, []).extend(data["seconds"])
    now, before = statistics.median(totals["now"]), statistics.median(totals["before"])
    docs = len(per_doc["now"]) // rounds
    results.add(f"Typst-gulvet, {docs} dokumenter: malen nå (før: bench/typst_reference/)",
                now, note=f"før: {before:.2f} s; {(1 - now / before) * 100:.0f} % lavere; "
                f"per dokument nå {statistics.median(per_doc['now']):.3f} s, før "
                f"{statistics.median(per_doc['before']):.3f} s (medianer)")
    return now, before, ""


def watch_first_pdf(files: list[Path], work: Path, reps: int, results: Results
                    ) -> tuple[float | None, str]:
    """Seconds from saving a workbook (as Excel does) to its first updated PDF under
    `plandoc watch` (`plandoc.build.watch.measure_first_pdf`), median of `reps` saves."""
    import importlib
    import tempfile

    try:
        watch = importlib.import_module("plandoc.build.watch")
        measure = watch.measure_first_pdf
    except (ImportError, AttributeError):
        why = "`plandoc watch` (issue 18a) er ikke i main ennå"
        results.notes.append(f"`plandoc watch` er ikke målt: {why}.")
        return None, why
    from plandoc.load.inputs import load_file

    source = files[len(files) // 2]
    programme, _ = load_file(source)
    vision = (programme.info.vision or "").strip() if programme is not None else ""
    if not vision:
        why = f"{source} har ingen visjon å endre"
        results.notes.append(f"`plandoc watch` er ikke målt: {why}.")
        return None, why
    (work / "watch").mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="watch-", dir=work / "watch") as tmp:
            measured = measure(source.parent, Path(tmp), text=vision, rounds=max(3, reps),
                               jobs=None)
    except Exception as exc:  # the rest of the report is still worth writing
        why = f"målingen feilet ({type(exc).__name__}: {exc})"
        results.notes.append(f"`plandoc watch` er ikke målt: {why}.")
        return None, why
    first, whole = measured["first_pdf"], measured["round"]
    results.add("én endret arbeidsbok i `plandoc watch`: første nye PDF, median", first,
                note=f"hele ombyggingen etter lagringen: {whole:.2f} s; visjonen endret og "
                "lagret slik Excel gjør (låsefil, midlertidig fil, omdøping)")
    return first, ""


# ---------------------------------------------------------------- report


def dominates(stages: list[tuple[str, float]]) -> str:
    """One sentence: the single step that takes most of a programme, and how much of the
    time is plandoc's own work outside the Typst compile."""
    stages_of = dict(stages)
    whole = stages_of.get("i alt per program") or 0.0
    # The sums ("… i alt") hold the other steps; the largest single step is what dominates.
    single = [(k, v) for k, v in stages if "i alt" not in k]
    if not whole or not single:
        return ""
    name, secs = max(single, key=lambda kv: kv[1])
    typst = stages_of.get("Typst-kompilering (gulv)", 0.0)
    return (f"Mest tid: {name}, {secs / whole * 100:.0f} % av tiden per program. plandocs "
            f"eget arbeid utenom Typst-kompileringen er {(whole - typst) / whole * 100:.0f} %.")


def write_results(info: dict[str, str], load_before: str, load_after: str, scale: float,
                  jobs: int, results: Results, summary: dict[str, Any],
                  destination: Path = RESULTS) -> str:
    lines = [
        "# Ytelsesmåling: plandoc mot docxtpl + LibreOffice og pandoc",
        "",
        "Skrevet av `make bench` (`python -m bench`). Ikke rediger for hånd.",
        "",
        *([f"**{summary['warning']}**", ""] if summary.get("warning") else []),
        f"- Dato: {info['date']}",
        f"- Maskin: {info['cpu']}, {info['cores']} kjerner, {info['memory']} minne, "
        f"{info['system']}, Python {info['python']}",
        f"- Versjoner: {info['versions']}",
        f"- Last (1/5/15 min) før: {load_before}; etter: {load_after} "
        "(maskinen deles med andre jobber; høy last gjør alle tall større)",
        f"- Kode: {info['code']}",
        f"- `make bench` tok {summary.get('minutes', 0):.1f} min",
        f"- Korpus (`bench/corpus.py`): skala {scale} ({summary.get('programmes')} program, "
        "hvert med arbeidsbok og fem prosjektarbeidsbøker), "
        f"{jobs} jobber",
        "",
        "Alle verktøy lager de samme dokumentene fra det samme genererte innholdet: "
        "omstillingsplanen til hvert program som DOCX og PDF. I «hele korpuset» og i "
        "ombyggingene lager plandoc alt et program gir: omstillingsplan, to handlingsplaner, "
        "årsrapport, porteføljeoversikt og fem prosjektplaner. Tider er veggklokketid "
        "(medianer der det er gjentatt); forholdstallene er alternativ / plandoc (større er "
        "bedre for plandoc). «1 dokument» måles i en varm prosess (importer og skrifter "
        "lastet), med et nytt program hver gang, og som `plandoc build` gjør med ett program "
        "på flere kjerner: PDF-en kompileres i en egen tråd mens DOCX-en skrives. "
        "LibreOffice startes for hver konvertering, som et skript ville gjort. "
        "Gulvet er Typst-kompileringen av plandocs egen kilde og "
        "skrivingen av DOCX-en (python-docx og zip) alene, med alt annet ferdig. Korpusets "
        "programmer er ett eksempel med nytt navn, egne beløp og litt ulik tekst: avsnitt "
        "som er like i flere program, kan Typst huske fra før i samme prosess, så et korpus "
        "av helt ulike tekster vil gå noe tregere.",
        "",
        "| scenario | plandoc | docxtpl + LibreOffice | forhold | pandoc | forhold | merknad |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in results.rows:
        u = row["unit"]
        lines.append(
            f"| {row['scenario']} | {fmt_value(row['plandoc'], u)} | "
            f"{fmt_value(row['docxtpl'], u)} | {ratio(row['docxtpl'], row['plandoc'])} | "
            f"{fmt_value(row['pandoc'], u)} | {ratio(row['pandoc'], row['plandoc'])} | "
            f"{row['note']} |")
    from bench.targets import table

    lines += ["", "## Mål (issue 18)", "", *table(summary.get("targets", [])),
              "", *results.notes]
    if results.stages:
        lines += ["", "## Hvor tiden går (plandoc, ett program med alle dokumenter, i prosess)",
                  "", "| steg | sekunder per program |", "|---|---|"]
        lines += [f"| {name} | {secs:.3f} |" for name, secs in results.stages]
        lines += ["", dominates(results.stages)]
        lines += ["", "Utdrag av cProfile (sortert etter kumulativ tid):", "", "```",
                  results.profile.strip(), "```"]
    text = "\n".join(lines) + "\n"
    # The serve load case (`python -m bench.serve_load`) keeps its section across runs.
    old = destination.read_text(encoding="utf-8") if destination.exists() else ""
    start, end = "<!-- serve-load -->", "<!-- /serve-load -->"
    if start in old and end in old:
        kept = old[old.index(start):old.index(end) + len(end)]
        text += "\n" + kept + "\n"
    destination.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, help="korpusstørrelse (1 = 357; standard 1)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--reps", type=int, help="gjentakelser av små målinger (standard 5)")
    parser.add_argument("--many", type=int, help="dokumenter i mellomrunden (standard 100)")
    parser.add_argument("--quick", action="store_true",
                        help="røyktest: 2 program, én gjentakelse, rapport i arbeidsmappen")
    parser.add_argument("--work", type=Path, help="arbeidsmappe (standard build/bench)")
    parser.add_argument("--results", type=Path, help="hvor rapporten skrives")
    args = parser.parse_args(argv)
    quick = args.quick
    scale = args.scale if args.scale is not None else (0.005 if quick else 1.0)
    reps = args.reps if args.reps is not None else (1 if quick else 5)
    many_count = args.many if args.many is not None else (2 if quick else 100)
    work = args.work or ROOT / "build" / ("bench-quick" if quick else "bench")
    destination = args.results or (work / "RESULTS.md" if quick else RESULTS)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735689600")
    bench_started = time.perf_counter()

    from bench import baselines
    from bench.corpus import generate
    from bench.targets import evaluate

    load_before = load_text()
    info = machine()
    print(f"{info['date']}  {info['cpu']}  {info['cores']} kjerner  last {load_before}")
    print(info["versions"])
    have_lo = baselines.soffice() is not None
    have_pandoc = baselines.pandoc_available()
    results = Results()
    missing: dict[str, str] = {}
    if not have_lo:
        msg = "LibreOffice (soffice) finnes ikke her: docxtpl + LibreOffice er hoppet over."
        print(msg)
        results.notes.append(msg)
        missing |= {"one_docxtpl": "LibreOffice mangler", "many_docxtpl": "LibreOffice mangler"}
    if not have_pandoc:
        msg = "pandoc (pypandoc-binary) finnes ikke her: pandoc er hoppet over."
        print(msg)
        results.notes.append(msg)
        missing |= {"one_pandoc": "pandoc mangler", "many_pandoc": "pandoc mangler"}

    corpus = work / f"korpus-{scale:g}"
    started = time.perf_counter()
    files = generate(corpus, scale, jobs=args.jobs)
    print(f"korpus: {len(files)} program i {corpus} ({time.perf_counter() - started:.0f} s)")

    one, floor = one_document(files, work, reps, results, have_lo, have_pandoc)
    row0 = results.rows[0]
    now, before, why = typst_floor(files, work, max(2, min(reps, 3)), results,
                                   count=1 if quick else 3)
    if why:
        missing["typst_before"] = why
    many_files = files[:many_count]
    many = many_documents(many_files, work, args.jobs, results, have_lo, have_pandoc)
    full = full_corpus(corpus, files, work, args.jobs, reps if quick else max(3, reps // 2),
                       results, many, len(many_files))
    watch, why = watch_first_pdf(files, work, reps, results)
    if why:
        missing["watch"] = why
    measured = {
        "one": one, "one_docxtpl": row0["docxtpl"], "one_pandoc": row0["pandoc"],
        "floor": floor, "typst_now": now, "typst_before": before,
        "many": many["plandoc"].seconds,
        "many_docxtpl": many["docxtpl"].seconds if "docxtpl" in many else None,
        "many_pandoc": many["pandoc"].seconds if "pandoc" in many else None,
        "full": full["full"], "peak": full["peak"], "noop": full["noop"],
        "changed": full["changed"], "watch": watch,
    }
    targets = evaluate(measured, jobs=args.jobs, programmes=len(files),
                       many=len(many_files), notes=missing)
    profile_plandoc(files, work, results, count=1 if quick else 4)
    typst_share = dict(results.stages).get("Typst-kompilering (gulv)")
    if typst_share and len(files) >= 357:
        alone = typst_share * len(files) / args.jobs
        results.notes.append(
            f"Typst-kompileringen alene (målt i profilen under: {typst_share:.2f} s per program "
            f"med alle dokumentene) tar ≈ {alone:.0f} s for hele korpuset med {args.jobs} "
            f"jobber, {alone / 180:.1f} × målet på 180 s, før noe annet er gjort.")
    load_after = load_text()
    summary: dict[str, Any] = {"programmes": len(files), "targets": targets,
                               "minutes": (time.perf_counter() - bench_started) / 60}
    busy = _busy(load_before, load_after)
    if quick:
        summary["warning"] = ("Røyktest (`--quick`): bittelite korpus og én gjentakelse; "
                              "tallene sier ingenting om målene.")
    elif busy:
        summary["warning"] = (f"Målt under last fra andre jobber ({busy}): ikke endelige tall. "
                              "Kjør `make bench` på en ledig maskin.")
    text = write_results(info, load_before, load_after, scale, args.jobs, results, summary,
                         destination)
    print()
    print(text)
    print(f"skrev {destination} ({summary['minutes']:.1f} min)")
    return 0


def _busy(before: str, after: str) -> str:
    """Why the machine was not idle (a load average above half its cores), or ""."""
    cores = os.cpu_count() or 1
    for text in (before, after):
        try:
            first = float(text.split("/")[0])
        except ValueError:
            continue
        if first > cores / 2:
            return f"last {first:.1f} på {cores} kjerner"
    return ""


if __name__ == "__main__":
    sys.exit(main())
