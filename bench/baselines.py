"""The two alternatives a municipality would otherwise script, implemented honestly.

(a) docxtpl + LibreOffice: the programme read by plandoc's own reader (so reading costs the
    same), a Word template with Jinja tags (sections, goal, tiltak, budget, financing,
    organisation and communication tables, the budget chart) rendered by docxtpl, then every
    DOCX turned into PDF by one `soffice --convert-to pdf` call.
(b) pandoc: the Markdown plandoc's builders produce (Jinja templates filled in), converted
    by pandoc (pypandoc-binary) to DOCX, and to Typst, which Typst compiles to PDF.

Both make the omstillingsplan of a programme, the document plandoc's numbers are compared
with; both draw the same budget chart with plandoc's chart code, so that cost is shared.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------- shared: read and chart


def load(path: Path) -> Any:
    from plandoc.load.inputs import load_file

    programme, diags = load_file(path)
    if programme is None or diags.has_errors:
        raise RuntimeError(f"{path} har feil")
    return programme


def _budget_chart(programme: Any) -> Any:
    from plandoc.builders.money import resources_table
    from plandoc.builders.omstillingsplan import budget_chart

    table = resources_table(programme)
    if table.empty or not table.total:
        return None
    return budget_chart(programme, table)[0]


# ---------------------------------------------------------------- (a) docxtpl + LibreOffice


def make_docxtpl_template(path: Path) -> Path:
    """A Word template with docxtpl tags giving the omstillingsplan's sections and tables."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("{{ municipality }}")
    doc.add_heading("{{ title }}", 0)
    doc.add_paragraph("{{ subtitle }}")
    version = doc.add_table(rows=2, cols=5)
    version.style = "Table Grid"
    for i, text in enumerate(("Versjon", "Dato", "Status", "Styringsgruppen", "Kommunestyret")):
        version.cell(0, i).text = text
    for i, key in enumerate(("version", "date", "status", "board_date", "council_date")):
        version.cell(1, i).text = f"{{{{ v.{key} }}}}"
    doc.add_page_break()

    def paragraphs(expr: str) -> None:
        doc.add_paragraph(f"{{%p for para in {expr} %}}")
        doc.add_paragraph("{{ para }}")
        doc.add_paragraph("{%p endfor %}")

    def table(expr: str, var: str, headers: Sequence[str], cells: Sequence[str]) -> None:
        t = doc.add_table(rows=4, cols=len(headers))
        t.style = "Table Grid"
        for i, h in enumerate(headers):
            t.cell(0, i).text = h
        t.cell(1, 0).text = f"{{%tr for {var} in {expr} %}}"
        for i, c in enumerate(cells):
            t.cell(2, i).text = f"{{{{ {c} }}}}"
        t.cell(3, 0).text = "{%tr endfor %}"

    doc.add_heading("Bakgrunn for omstillingsarbeidet", 1)
    paragraphs("background")
    doc.add_heading("Sammendrag av utviklingsanalysen", 2)
    paragraphs("analysis")
    doc.add_heading("Visjon og mål", 1)
    doc.add_paragraph("{{ vision }}")
    goal_cols = ("g.text", "g.indicator", "g.baseline", "g.target", "g.deadline")
    goal_heads = ("Mål", "Indikator", "Utgangsverdi", "Målverdi", "Frist")
    for title, expr in (("Hovedmål", "main_goals"), ("Effektmål", "impact_goals"),
                        ("Delmål", "sub_goals")):
        doc.add_heading(title, 2)
        table(expr, "g", goal_heads, goal_cols)
    doc.add_heading("Innsatsområder", 1)
    doc.add_paragraph("{%p for a in areas %}")
    doc.add_heading("{{ a.name }}", 2)
    doc.add_paragraph("Mål for innsatsområdet: {{ a.goal }}")
    doc.add_paragraph("{%p for para in a.description %}")
    doc.add_paragraph("{{ para }}")
    doc.add_paragraph("{%p endfor %}")
    table("a.measures", "m", ("Tiltak", "Strategi", "År", "Budsjett (kr)"),
          ("m.name", "m.strategy", "m.year", "m.budget"))
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Organisering", 1)
    paragraphs("organisation_text")
    table("organisation", "r", ("Gruppe", "Rolle", "Navn", "Representerer"),
          ("r.group", "r.role", "r.name", "r.represents"))
    doc.add_heading("Ressurser og finansiering", 1)
    table("funding", "f", ("År", "Kilde", "Beløp (kr)"), ("f.year", "f.source", "f.amount"))
    table("budget", "b", ("År", "Post", "Beløp (kr)"), ("b.year", "b.item", "b.amount"))
    doc.add_paragraph("{{ chart }}")
    doc.add_heading("Kommunikasjon", 1)
    table("communication", "c", ("Målgruppe", "Budskap", "Kanal", "Når"),
          ("c.audience", "c.message", "c.channel", "c.timing"))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def docxtpl_context(programme: Any, tpl: Any, chart_png: Path | None) -> dict[str, Any]:
    from docx.shared import Mm

    from plandoc.i18n import fmt

    info, v = programme.info, programme.version

    def money(x: Any) -> str:
        return fmt.format_money(x)

    areas = []
    for area in programme.focus_areas:
        areas.append({
            "name": area.name, "goal": area.goal or "",
            "description": _split(area.description),
            "measures": [
                {"name": m.name, "strategy": m.strategy or "", "year": m.year,
                 "budget": money(m.budget)}
                for m in programme.measures_of(area.id)
            ],
        })

    def goals(level: str) -> list[dict[str, str]]:
        return [{"text": g.text, "indicator": g.indicator or "", "baseline": g.baseline or "",
                 "target": g.target or "", "deadline": fmt.format_date(g.deadline, "short")}
                for g in programme.goals_of(level)]

    from docxtpl import InlineImage

    return {
        "municipality": info.municipality, "title": "Omstillingsplan",
        "subtitle": f"{info.name} {info.start_year}–{info.end_year}",
        "v": {"version": v.version, "date": fmt.format_date(v.date), "status": v.status,
              "board_date": fmt.format_date(v.board_date),
              "council_date": fmt.format_date(v.council_date)},
        "background": _split(info.background), "analysis": _split(info.analysis_summary),
        "vision": info.vision or "",
        "main_goals": goals("hovedmål"), "impact_goals": goals("effektmål"),
        "sub_goals": goals("delmål"), "areas": areas,
        "organisation_text": _split(info.organisation_text),
        "organisation": [{"group": r.group, "role": r.role, "name": r.name,
                          "represents": r.represents or ""} for r in programme.organisation],
        "funding": [{"year": f.year, "source": f.source, "amount": money(f.amount)}
                    for f in programme.funding],
        "budget": [{"year": b.year, "item": b.item, "amount": money(b.amount)}
                   for b in programme.budget],
        "chart": InlineImage(tpl, str(chart_png), width=Mm(160)) if chart_png else "",
        "communication": [{"audience": c.audience, "message": c.message, "channel": c.channel,
                           "timing": c.timing or ""} for c in programme.communication],
    }


def docxtpl_render(args: tuple[Path, Path, Path]) -> Path:
    """Read one workbook and render its omstillingsplan with docxtpl to `out_dir`."""
    from docxtpl import DocxTemplate

    from plandoc.writers.charts import render_chart

    source, template, out_dir = args
    programme = load(source)
    tpl = DocxTemplate(str(template))
    chart = _budget_chart(programme)
    png = None
    if chart is not None:
        png = out_dir / f"{source.parent.name}-chart.png"
        png.write_bytes(render_chart(chart, "png"))
    tpl.render(docxtpl_context(programme, tpl, png), autoescape=True)
    target = out_dir / f"{source.parent.name}.docx"
    tpl.save(str(target))
    return target


def soffice() -> str | None:
    """The LibreOffice command, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(files: Sequence[Path], out_dir: Path) -> None:
    """Every DOCX to PDF in one LibreOffice invocation (its own throwaway profile)."""
    command = soffice()
    if command is None:
        raise RuntimeError("LibreOffice (soffice) er ikke installert")
    with tempfile.TemporaryDirectory(prefix="bench-lo-") as profile:
        subprocess.run(
            [command, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, files)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600,
        )
    missing = [f for f in files if not (out_dir / f"{f.stem}.pdf").is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice laget ikke PDF for {len(missing)} filer")


def run_docxtpl(sources: Sequence[Path], out_dir: Path, template: Path, jobs: int) -> None:
    """Baseline (a) for `sources`: docxtpl with `jobs` processes, then one LibreOffice batch."""
    out_dir.mkdir(parents=True, exist_ok=True)
    work = [(s, template, out_dir) for s in sources]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            files = list(pool.map(docxtpl_render, work))
    else:
        files = [docxtpl_render(w) for w in work]
    libreoffice_convert(files, out_dir)


# ---------------------------------------------------------------- (b) pandoc


@contextlib.contextmanager
def _capture_markdown() -> Iterator[list[tuple[str, Any]]]:
    """Catch the Markdown (and charts) the omstillingsplan builder renders."""
    import plandoc.builders.omstillingsplan as module
    from plandoc.builders import jinja

    captured: list[tuple[str, Any]] = []
    original = module.render_document

    def spy(rendering: Any, context: Any) -> Any:
        rendered = jinja.render(rendering.template, context)
        captured.append((rendered, rendering))
        return None

    module.render_document = spy
    try:
        yield captured
    finally:
        module.render_document = original


def programme_markdown(programme: Any, folder: Path, stem: str) -> Path:
    """The omstillingsplan as plain Markdown for pandoc, with the chart as an image file."""
    from plandoc.builders.omstillingsplan import OmstillingsplanBuilder
    from plandoc.writers.charts import render_chart

    with _capture_markdown() as captured:
        OmstillingsplanBuilder().build(programme)
    rendered, rendering = captured[0]
    text = rendered.markdown
    for i, rich in enumerate(rendered.rich):
        text = text.replace(f"[[rich:{i}]]", rich)
    text = text.replace("[[toc]]", "")
    text = re.sub(r"^\{[.#][^}\n]*\}\s*$", "", text, flags=re.MULTILINE)  # plandoc's roles
    for name, chart in rendering.charts.items():
        svg = folder / f"{stem}-{name}.svg"
        png = folder / f"{stem}-{name}.png"
        svg.write_bytes(render_chart(chart, "svg"))
        png.write_bytes(render_chart(chart, "png"))
    # The builder escapes the chart name like any text: budget\_by\_area.
    text = re.sub(r"\]\(chart:(\S+?) ",
                  lambda m: f"]({stem}-{m.group(1).replace(chr(92), '')}.IMG ", text)
    meta = rendering.meta
    header = (f"---\ntitle: \"{meta.title}\"\nsubtitle: \"{meta.subtitle}\"\n"
              f"lang: {meta.language}\n---\n\n")
    path = folder / f"{stem}.md"
    path.write_text(header + text, encoding="utf-8")
    return path


def pandoc_one(args: tuple[Path, Path]) -> Path:
    """Read one workbook; its Markdown → DOCX (pandoc), → Typst (pandoc) → PDF (Typst)."""
    import pypandoc
    import typst

    source, out_dir = args
    stem = source.parent.name
    programme = load(source)
    md = programme_markdown(programme, out_dir, stem)
    pandoc = pypandoc.get_pandoc_path()
    text = md.read_text(encoding="utf-8")
    md_docx = out_dir / f"{stem}.docx.md"
    md_docx.write_text(text.replace(".IMG ", ".png "), encoding="utf-8")
    md_typ = out_dir / f"{stem}.typ.md"
    md_typ.write_text(text.replace(".IMG ", ".svg "), encoding="utf-8")
    subprocess.run([pandoc, str(md_docx), "-f", "markdown", "-t", "docx", "--toc",
                    "--resource-path", str(out_dir), "-o", str(out_dir / f"{stem}.docx")],
                   check=True, cwd=out_dir)
    typ = out_dir / f"{stem}.typ"
    subprocess.run([pandoc, str(md_typ), "-f", "markdown", "-t", "typst", "-s", "--toc",
                    "-o", str(typ)], check=True, cwd=out_dir)
    # As `typst compile` would: a fresh compiler that finds its fonts each time.
    typst.compile(str(typ), output=str(out_dir / f"{stem}.pdf"), root=str(out_dir))
    return out_dir / f"{stem}.pdf"


def run_pandoc(sources: Sequence[Path], out_dir: Path, jobs: int) -> None:
    """Baseline (b) for `sources`, `jobs` documents at a time."""
    out_dir.mkdir(parents=True, exist_ok=True)
    work = [(s, out_dir) for s in sources]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(pandoc_one, work))
    else:
        for w in work:
            pandoc_one(w)


def pandoc_available() -> bool:
    try:
        import pypandoc

        return bool(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return False
