"""End to end: every example in inputs/ through `plandoc build`, read back from DOCX and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from pypdf import PdfReader

from docx_read import toc_pages, word_headings
from plandoc.build.pipeline import KIND_FORMATS
from plandoc.builders import build_documents
from plandoc.cli.main import main
from plandoc.core.paths import programme_dir
from plandoc.document import TableOfContents
from plandoc.i18n.fmt import format_date, format_money
from plandoc.load.inputs import load_file
from plandoc.model.programme import Programme

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "inputs").glob("*/program.xlsx"))


def squash(text: str) -> str:
    """Text with whitespace, hyphens and soft hyphens removed: PDF extraction breaks lines
    and hyphenates words anywhere, so both sides are compared in this form."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text)


def docx_text(path: Path) -> str:
    doc = open_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def docx_outline(path: Path) -> list[tuple[int, str]]:
    """The headings as Word shows them: the chapter numbers come from the list numbering."""
    return [(level, text) for level, text, _ in word_headings(path)]


def pdf_outline(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title))

    walk(reader.outline, 1)
    return out


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", str(ROOT / "inputs"), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def programmes() -> list[Programme]:
    loaded = []
    for path in EXAMPLES:
        programme, diags = load_file(path)
        assert programme is not None and not diags.has_errors, [str(d) for d in diags]
        loaded.append(programme)
    return loaded


def main_plan(programme: Programme) -> str:
    """The multi-year plan: a programplan for områdeløft, an omstillingsplan otherwise."""
    return "programplan" if programme.info.kind == "områdeløft" else "omstillingsplan"


def documents(programme: Programme) -> list[tuple[str, object]]:
    """Every document made in every format (a revision's tracked changes are Word only)."""
    return [(stem, doc) for stem, doc in build_documents(programme)
            if doc.meta.kind not in KIND_FORMATS]


def test_there_are_at_least_three_examples(programmes: list[Programme]) -> None:
    assert len(programmes) >= 3
    assert {p.info.language for p in programmes} == {"bokmål", "nynorsk"}
    assert any(len(p.focus_areas) >= 5 for p in programmes)


def test_every_document_exists_in_both_formats(built: Path, programmes: list[Programme]) -> None:
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        stems = [stem for stem, _ in documents(programme)]
        assert main_plan(programme) in stems
        assert {f"handlingsplan-{y}" for y in programme.measure_years()} <= set(stems)
        for stem in stems:
            for suffix in (".docx", ".pdf"):
                path = folder / f"{stem}{suffix}"
                assert path.is_file() and path.stat().st_size > 5000, path


def test_outline_is_the_same_in_template_docx_and_pdf(
    built: Path, programmes: list[Programme]
) -> None:
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        for stem, doc in documents(programme):
            expected = doc.outline()  # type: ignore[attr-defined]
            assert expected, stem
            assert docx_outline(folder / f"{stem}.docx") == expected, stem
            assert pdf_outline(PdfReader(folder / f"{stem}.pdf")) == expected, stem


def test_docx_toc_is_filled_with_the_pdf_page_numbers(
    built: Path, programmes: list[Programme]
) -> None:
    checked = 0
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        for stem, doc in documents(programme):
            entries = toc_pages(folder / f"{stem}.docx")
            if not any(type(b).__name__ == "TableOfContents" for b in doc.blocks):  # type: ignore[attr-defined]
                assert entries == [], stem
                continue
            reader = PdfReader(folder / f"{stem}.pdf")
            pages = [reader.get_destination_page_number(d) + 1 for d in _flat(reader.outline)]
            listed = [(text, page) for (level, text), page
                      in zip(doc.outline(), pages, strict=True) if level <= 3]  # type: ignore[attr-defined]
            assert entries == listed, stem
            checked += 1
    assert checked >= 10


def _flat(items: list) -> list:
    return [d for item in items for d in (_flat(item) if isinstance(item, list) else [item])]


def test_version_block_areas_and_measures_appear(built: Path, programmes: list[Programme]) -> None:
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        for fmt in ("docx", "pdf"):
            path = folder / f"{main_plan(programme)}.{fmt}"
            text = docx_text(path) if fmt == "docx" else pdf_text(PdfReader(path))
            flat = squash(text)
            assert squash(programme.version.version) in flat
            if programme.version.date:
                assert squash(format_date(programme.version.date)) in flat, path
            for area in programme.focus_areas:
                assert squash(area.name) in flat, (path, area.name)
        for year in programme.measure_years():
            for fmt in ("docx", "pdf"):
                path = folder / f"handlingsplan-{year}.{fmt}"
                text = docx_text(path) if fmt == "docx" else pdf_text(PdfReader(path))
                flat = squash(text)
                for m in programme.measures_of(year=year):
                    assert squash(m.name) in flat, (path, m.name)
                    assert squash(format_money(m.budget)) in flat, (path, m.budget)


def _totals(table: object) -> list[str]:
    rows = table.rows  # type: ignore[attr-defined]
    return [c.text for c in rows[-1].cells]


def test_docx_measure_totals_equal_the_model(built: Path, programmes: list[Programme]) -> None:
    """Every tiltak table's sum row in Word equals the model's Decimal sums."""
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        for year in programme.measure_years():
            doc = open_docx(str(folder / f"handlingsplan-{year}.docx"))
            # A tiltak table ends in Budsjett | Omstillingsmidler | Annen finansiering (its
            # text columns may be left out when empty), then a sum row.
            sums = [
                _totals(t) for t in doc.tables
                if t.rows[0].cells[0].text == "Tiltak" and len(t.columns) >= 4
                and t.rows[-1].cells[0].text == "Sum"
            ]
            grand = sum(
                (Decimal(s[-3].replace("\u00a0", "").replace(" ", "")) for s in sums), Decimal(0)
            )
            expected = sum((m.budget for m in programme.measures_of(year=year)), Decimal(0))
            assert sums, (programme.info.name, year)
            assert grand == expected, (programme.info.name, year)


def test_nynorsk_programme_has_nynorsk_headings(built: Path, programmes: list[Programme]) -> None:
    nn = next(p for p in programmes if p.info.language == "nynorsk")
    folder = programme_dir(built, nn.info.municipality)
    outline = [t for _, t in docx_outline(folder / "omstillingsplan.docx")]
    joined = " ".join(outline)
    assert "Innsatsområde" in joined
    reader = PdfReader(folder / "omstillingsplan.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "nn-NO"
    assert "Innhald" in pdf_text(reader)


def test_hostile_text_is_literal_in_both_formats(tmp_path: Path) -> None:
    src = ROOT / "inputs" / "fjordvik" / "program.yaml"
    work = tmp_path / "inputs" / "fjordvik"
    work.mkdir(parents=True)
    text = src.read_text(encoding="utf-8")
    hostile = "Tiltak & <b> | *x* # {{ 7*7 }} \\ æøå ÆØÅ"
    programme, _ = load_file(src)
    assert programme is not None
    first = programme.measures[0]
    assert text.count(f"navn: {first.name}") >= 1
    text = text.replace(f"navn: {first.name}", f"navn: '{hostile}'", 1)
    (work / "program.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", str(work), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    folder = programme_dir(out, programme.info.municipality)
    docx_plain = docx_text(folder / f"handlingsplan-{first.year}.docx")
    assert hostile in docx_plain
    pdf_plain = pdf_text(PdfReader(folder / f"handlingsplan-{first.year}.pdf"))
    assert squash(hostile) in squash(pdf_plain)
    assert "49" not in squash(hostile)  # the Jinja expression was not evaluated


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) er ikke installert"
)
def test_docx_opens_in_libreoffice(
    built: Path, programmes: list[Programme], tmp_path: Path
) -> None:
    folder = programme_dir(built, programmes[0].info.municipality)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(folder / "omstillingsplan.docx")],
        check=True, capture_output=True, timeout=180,
    )
    reader = PdfReader(tmp_path / "omstillingsplan.pdf")
    assert len(reader.pages) >= 5
    assert squash(programmes[0].focus_areas[0].name) in squash(pdf_text(reader))


# ---------------------------------------------------------------- portfolio and samleoversikt


def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    return [r for r in wb[sheet].iter_rows(values_only=True) if any(v is not None for v in r)]


def test_every_programme_has_a_portfolio_workbook(
    built: Path, programmes: list[Programme]
) -> None:
    from plandoc.model.portfolio import portfolio

    for programme in programmes:
        path = programme_dir(built, programme.info.municipality) / "portefoljeoversikt.xlsx"
        rows = _sheet_rows(path, "Prosjekter")
        figures = portfolio(programme)
        projects = rows[1:-1]
        assert sorted(r[0] for r in projects) == sorted(p.info.id for p in programme.projects)
        assert rows[-1][0] == "Sum"
        assert Decimal(str(rows[-1][7] or 0)) == figures.budget
        assert Decimal(str(rows[-1][10] or 0)) == figures.spent
        areas = _sheet_rows(path, "Innsatsområder")
        # The innsatsområde ids next to the names, as the plans print them.
        assert [r[0] for r in areas[1:-1]] == [f"{a.id} {a.name}" for a in programme.focus_areas]
        names = {f"{a.id} {a.name}" for a in programme.focus_areas}
        assert {r[2] for r in projects} <= names
        assert Decimal(str(areas[-1][1])) == figures.measures_budget


def test_samleoversikt_totals_equal_the_programme_files(
    built: Path, programmes: list[Programme]
) -> None:
    import openpyxl

    path = built / "samleoversikt.xlsx"
    wb = openpyxl.load_workbook(path)
    for name in ("Programmer", "År", "Prosjekter"):
        ws = wb[name]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:"), name
    counties = _sheet_rows(path, "Fylker")
    total = counties[-1]
    assert total[0] == "Alle fylker"
    assert total[1] == len(programmes)
    assert Decimal(str(total[2])) == sum(p.budget_total() for p in programmes)
    assert Decimal(str(total[3])) == sum(p.funding_total() for p in programmes)
    assert total[5] == sum(len(p.projects) for p in programmes)
    assert total[7] == sum(len(p.goals) for p in programmes)
    # Per county: the county rows add up to the total.
    for col in (1, 2, 3, 5):
        assert sum(Decimal(str(r[col])) for r in counties[1:-1]) == Decimal(str(total[col]))
    by_name = {r[3]: r for r in _sheet_rows(path, "Programmer")[1:]}
    for p in programmes:
        row = by_name[p.info.name]
        assert row[0] == (p.info.county or "Fylke ikke oppgitt")
        assert Decimal(str(row[7])) == p.budget_total()
        assert Decimal(str(row[8])) == p.funding_total()
    years = _sheet_rows(path, "År")[1:]
    assert len(years) == sum(len(p.years) for p in programmes)
    projects = _sheet_rows(path, "Prosjekter")[1:]
    assert sorted((r[2], r[3]) for r in projects) == sorted(
        (p.info.name, pr.info.id) for p in programmes for pr in p.projects)
    # The documents show the same total.
    total_text = squash(format_money(sum(p.budget_total() for p in programmes)))
    assert total_text in squash(docx_text(built / "samleoversikt.docx"))
    reader = PdfReader(built / "samleoversikt.pdf")
    assert total_text in squash(pdf_text(reader))
    counties_named = {p.info.county for p in programmes if p.info.county}
    titles = [t for _, t in pdf_outline(reader)]
    for county in counties_named:
        assert any(t.endswith(county) for t in titles), (county, titles)
    assert docx_outline(built / "samleoversikt.docx") == pdf_outline(reader)


# ---------------------------------------------------------------- money that reconciles


def _amount(text: str) -> Decimal:
    return Decimal(re.sub(r"[\s\u00a0]", "", text) or "0")


def _tables_after(path: Path, header: list[str]) -> list[list[list[str]]]:
    """Every DOCX table whose header row is `header`, as rows of cell texts."""
    doc = open_docx(str(path))
    return [[[c.text for c in row.cells] for row in t.rows[1:]] for t in doc.tables
            if [c.text for c in t.rows[0].cells] == header]


def test_every_financial_document_reconciles(built: Path, programmes: list[Programme]) -> None:
    """Handlingsplaner and årsrapporter: one year's table; the multi-year plan: one row per
    year. Read back from DOCX (parsed) and PDF (text), checked against the model."""
    from plandoc.builders.common import programme_labels
    from plandoc.model.reconcile import reconcile, reconcile_all

    checked = 0
    for programme in programmes:
        lbl = programme_labels(programme)
        folder = programme_dir(built, programme.info.municipality)
        for stem, _doc in documents(programme):
            if not stem.startswith(("handlingsplan-", "arsrapport-")):
                continue
            year = int(stem.rsplit("-", 1)[1])
            r = reconcile(programme, year)
            assert r.balanced and r.budget == r.funding, (stem, r)
            tables = _tables_after(folder / f"{stem}.docx",
                                   [lbl["item"], lbl["amount"], lbl["share"]])
            assert len(tables) == 1, stem
            rows = tables[0]
            own, admin, rest, budget = (_amount(row[1]) for row in rows)
            assert (own, admin, rest, budget) == (r.measures_own, r.administration,
                                                  r.unallocated, r.budget), stem
            assert own + admin + rest == budget
            shares = [int(re.sub(r"\D", "", row[2]) or 0) for row in rows[:3]]
            assert sum(shares) == (100 if budget else 0), (stem, shares)
            text = squash(pdf_text(PdfReader(folder / f"{stem}.pdf")))
            for label, value in (
                (lbl["rc_measures_own"].format(money=lbl["programme_funding"].lower()), own),
                (lbl["rc_unallocated"], rest),
                (lbl["rc_budget"].format(year=year), budget),
                (lbl["rc_measures_total"], r.measures_total),
            ):
                assert squash(label + format_money(value)) in text, (stem, label)
            checked += 1
        plan = main_plan(programme)
        recs = reconcile_all(programme)
        header = [lbl["year"], lbl["budget"], lbl["funding"],
                  lbl["rc_measures_own"].format(money=lbl["programme_funding"].lower()),
                  lbl["rc_admin_short"], lbl["rc_unallocated_short"], lbl["rc_other_short"]]
        rows = _tables_after(folder / f"{plan}.docx", header)[0]
        assert [int(row[0]) for row in rows[:-1]] == [r.year for r in recs]
        text = squash(pdf_text(PdfReader(folder / f"{plan}.pdf")))
        for row, r in zip(rows, recs, strict=False):
            values = [_amount(v) for v in row[1:]]
            assert values == [r.budget, r.funding, r.measures_own, r.administration,
                              r.unallocated, r.measures_other], (plan, r.year)
            assert values[0] == values[1] == values[2] + values[3] + values[4]
            assert squash(str(r.year) + "".join(format_money(v) for v in values)) in text
        checked += 1
    assert checked >= 10


def test_områdeløft_says_programmidler(built: Path, programmes: list[Programme]) -> None:
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        text = docx_text(folder / f"{main_plan(programme)}.docx")
        if programme.info.kind == "områdeløft":
            assert "programmidler" in text.lower() and "omstillingsmidler" not in text.lower()
        elif programme.info.language == "bokmål":
            assert "omstillingsmidler" in text.lower()


def test_arsrapport_accounts_say_not_reported_instead_of_zero(
    built: Path, programmes: list[Programme]
) -> None:
    from plandoc.builders.common import programme_labels
    from plandoc.model.portfolio import year_results

    seen = 0
    for programme in programmes:
        lbl = programme_labels(programme)
        folder = programme_dir(built, programme.info.municipality)
        for stem, _doc in documents(programme):
            if not stem.startswith("arsrapport-"):
                continue
            year = int(stem.rsplit("-", 1)[1])
            results = year_results(programme, year)
            rows = _tables_after(folder / f"{stem}.docx", [
                lbl["measure"], lbl["pf_no"], lbl["p_phase"], lbl["status"], lbl["budget"],
                lbl["pf_project_budget"], lbl["pf_spent"]])[0]
            for row, item in zip(rows, results.measures, strict=False):
                if not any(f.project.reports or f.finished for f in item.projects):
                    assert row[-1] == lbl["not_reported"], (stem, row)
                    seen += 1
                else:
                    assert _amount(row[-1]) == sum(
                        (f.spent for f in item.projects if f.project.reports or f.finished),
                        Decimal(0))
            # Every goal of the report has its state.
            text = docx_text(folder / f"{stem}.docx")
            assert lbl["ar_goal_state"] in text
            assert lbl["ar_accounts_areas"] in text
    assert seen


# ---------------------------------------------------------------- traceable ids


def test_every_cited_id_is_printed_at_its_definition(
    built: Path, programmes: list[Programme]
) -> None:
    """Collect every goal, innsatsområde, strategy, tiltak and project id that any document
    of the build prints, and find each in the document that defines it."""
    from plandoc.builders.project_views import project_slug

    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        plan = main_plan(programme)
        yearly = [f"handlingsplan-{y}" for y in programme.measure_years()]
        defined: dict[str, list[str]] = {}
        for g in programme.goals:
            defined[g.id] = [plan]
        for a in programme.focus_areas:
            defined[a.id] = [plan]
        for s in programme.strategies:
            defined[s.id] = [plan, *yearly]
        for m in programme.measures:
            defined[m.id] = [f"handlingsplan-{m.year}"]
        for p in programme.projects:
            defined[p.info.id] = [f"prosjekter/{project_slug(p)}/prosjektplan"]
        texts = {d.relative_to(folder).with_suffix("").as_posix(): docx_text(d)
                 for d in folder.rglob("*.docx")}
        cited = {token for text in texts.values()
                 for token in re.findall(r"[\w/.-]+", text)} & defined.keys()
        assert len(cited) >= len(programme.goals), programme.info.name
        for ident in sorted(cited):
            pattern = rf"(?<![\w/-]){re.escape(ident)}(?![\w/-])"
            assert any(re.search(pattern, texts.get(doc, "")) for doc in defined[ident]), (
                programme.info.name, ident, defined[ident])


def test_project_documents_print_the_innsatsområde_id(
    built: Path, programmes: list[Programme]
) -> None:
    """Prosjektplan, statusrapport, sluttrapport and the portfolio print "IO1 Navn"."""
    from plandoc.builders.project_views import project_slug

    checked = 0
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        areas = {a.id: f"{a.id} {a.name}" for a in programme.focus_areas}
        for project in programme.projects:
            shown = areas[project.info.focus_area or ""]
            for path in sorted((folder / "prosjekter" / project_slug(project)).glob("*.docx")):
                if "endringer" in path.name:
                    continue
                assert shown in docx_text(path), path.name
                assert squash(shown) in squash(pdf_text(PdfReader(path.with_suffix(".pdf"))))
                checked += 1
        if programme.projects:
            text = docx_text(folder / "portefoljeoversikt.docx")
            assert all(name in text for name in areas.values()), programme.info.name
    assert checked >= 5


def test_arsrapport_traces_each_goal_to_results(
    built: Path, programmes: list[Programme]
) -> None:
    """The årsrapport's last appendix follows each goal of the handlingsplan through its
    tiltak and projects; its ids link (PDF) to the plans that define them."""
    from plandoc.builders.arsrapport import _handlingsplan_goals
    from plandoc.i18n.labels import labels

    seen = 0
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        lbl = labels(programme.info.language)
        for path in sorted(folder.glob("arsrapport-*.docx")):
            year = int(path.stem.split("-")[1])
            outline = docx_outline(path)
            assert outline[-1][1].endswith(lbl["ar_trace"]), outline[-1]
            assert outline[-1][1].startswith("Vedlegg A"), outline[-1]
            table = open_docx(str(path)).tables[-1]
            rows = [[c.text for c in r.cells] for r in table.rows]
            assert rows[0][0] == lbl["goal"]
            goals = [r[0].split(" ")[0] for r in rows[1:] if r[0]]
            assert goals == _handlingsplan_goals(programme), path.name
            measures = {r[2].split(" ")[0] for r in rows[1:]}
            projects = {r[3].split(" ")[0] for r in rows[1:]}
            year_measures = {m.id for m in programme.measures_of(year=year)}
            assert measures & year_measures, path.name
            assert measures - {lbl["ar_trace_no_measure"].split(" ")[0]} <= year_measures
            assert projects & {p.info.id for p in programme.projects}, path.name
            # The PDF shows the same appendix, with links into the plans.
            reader = PdfReader(path.with_suffix(".pdf"))
            assert squash(lbl["ar_trace"]) in squash(pdf_text(reader))
            seen += 1
    assert seen


def _refs(document: object) -> list:
    from plandoc.builders.links import _inline_lists
    from plandoc.document import Emphasis, Ref, Status, Strong

    found: list = []

    def walk(nodes: list) -> None:
        for node in nodes:
            if isinstance(node, Ref):
                found.append(node)
            elif isinstance(node, Strong | Emphasis | Status):
                walk(node.children)

    for nodes in _inline_lists(document.blocks):  # type: ignore[attr-defined]
        walk(nodes)
    return found


def _named_destinations(path: Path) -> set[str]:
    reader = PdfReader(path)
    return set(reader.named_destinations)


def test_every_printed_id_links_to_its_definition_in_the_pdf(
    built: Path, programmes: list[Programme]
) -> None:
    """Read every link annotation back with pypdf: internal links go to a page of the same
    PDF; links to a sibling PDF (GoToR) name a file that exists and a named destination it
    has. Each document has exactly as many id links as the tree has resolved ids, and every
    goal, innsatsområde, strategy, tiltak and project has its named destination in the PDF
    that defines it."""
    from plandoc.builders.links import id_homes

    remote_targets: set[tuple[str, str]] = set()
    for programme in programmes:
        folder = programme_dir(built, programme.info.municipality)
        homes = id_homes(programme)
        from plandoc.document import anchor_name
        for ident, home in homes.items():
            assert anchor_name(ident) in _named_destinations(folder / f"{home}.pdf"), (
                programme.info.name, ident, home)
        for stem, document in documents(programme):
            pdf = folder / f"{stem}.pdf"
            refs = [r for r in _refs(document) if r.document is not None]
            reader = PdfReader(pdf)
            links = 0
            for page in reader.pages:
                for annot in page.get("/Annots") or []:
                    annot = annot.get_object()
                    action = annot.get("/A")
                    if "/Dest" in annot:
                        dest = annot["/Dest"]
                        assert reader.get_page_number(dest[0].get_object()) >= 0
                        links += 1
                    elif action is not None and action["/S"] == "/GoToR":
                        target = (pdf.parent / str(action["/F"]["/F"])).resolve()
                        assert target.is_file(), (stem, str(action["/F"]["/F"]))
                        assert str(action["/D"]) in _named_destinations(target), (
                            stem, target.name, str(action["/D"]))
                        remote_targets.add((stem.split("-")[0].split("/")[-1], target.stem))
                        links += 1
            # The contents page links each entry to its heading, too.
            toc = any(isinstance(b, TableOfContents) for b in document.blocks)
            expected = len(refs) + (len(document.headings()) if toc else 0)
            assert links == expected, (programme.info.name, stem, links, expected)
            # Word: the ids of this document link to their bookmarks.
            with zipfile.ZipFile(folder / f"{stem}.docx") as docx:
                xml = docx.read("word/document.xml").decode("utf-8")
            marks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="(id_[^"]+)"', xml))
            anchors = re.findall(r'<w:hyperlink w:anchor="(id_[^"]+)"', xml)
            assert len(anchors) == len([r for r in refs if r.document == ""]), stem
            assert set(anchors) <= marks, stem
    # The årsrapport's goal ids lead to the multi-year plan, the portfolio's to the projects.
    assert ("arsrapport", "omstillingsplan") in remote_targets
    assert ("portefoljeoversikt", "prosjektplan") in remote_targets


@pytest.fixture(scope="module")
def built_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    result = CliRunner().invoke(main, ["build", str(ROOT / "inputs"), "--out", str(out),
                                       "--format", "html", "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_every_printed_id_links_to_its_definition_in_html(
    built_html: Path, programmes: list[Programme]
) -> None:
    """Every id link of every page (parsed with html.parser) lands on an element id that
    exists: on the same page, or on the sibling page the href names."""
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: set[str] = set()
            self.refs: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if a.get("id"):
                self.ids.add(str(a["id"]))
            if tag == "a" and a.get("class") == "ref":
                self.refs.append(str(a["href"]))

    pages: dict[Path, Page] = {}

    def page(path: Path) -> Page:
        if path not in pages:
            parsed = Page()
            parsed.feed(path.read_text(encoding="utf-8"))
            pages[path] = parsed
        return pages[path]

    checked = 0
    for programme in programmes:
        folder = programme_dir(built_html, programme.info.municipality)
        for stem, document in documents(programme):
            path = folder / f"{stem}.html"
            here = page(path)
            assert len(here.refs) == len([r for r in _refs(document)
                                          if r.document is not None]), stem
            for href in here.refs:
                file, _, fragment = href.partition("#")
                target = (path.parent / file).resolve() if file else path
                assert target.is_file(), (stem, href)
                assert fragment in page(target).ids, (stem, href)
                checked += 1
    assert checked > 100


# ---------------------------------------------------------------- the Word edition in LibreOffice


@pytest.fixture(scope="module")
def libreoffice(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """One DOCX of each document kind with a TOC, converted by LibreOffice (one process)."""
    from lo_pages import convert, kind_of, soffice

    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) eller pdftotext mangler; hopper over "
                    "LibreOffice-testen / LibreOffice or pdftotext missing")
    picked: dict[str, Path] = {}
    for path in sorted(built.rglob("*.docx")):
        if toc_pages(path):
            picked.setdefault(kind_of(path), path)
    tmp = tmp_path_factory.mktemp("lo")
    pdfs = convert(list(picked.values()), tmp / "out", tmp / "profile")
    return {kind: (path, pdfs[path]) for kind, path in picked.items()}


def test_libreoffice_shows_the_filled_toc_of_every_kind(libreoffice: dict[str, tuple]) -> None:
    from lo_pages import measure, page_texts

    assert {"omstillingsplan", "handlingsplan", "arsrapport", "prosjektplan",
            "programplan", "sluttrapport"} <= set(libreoffice)
    for kind, (docx, pdf) in libreoffice.items():
        assert pdf.is_file(), kind
        hits, count, toc = measure(docx, pdf)
        # The contents page lists every entry with its page number, before any field update.
        assert toc is not None, kind
        pages = page_texts(pdf)
        entries = toc_pages(docx)
        listed = squash(pages[toc])
        for text, page in entries:
            assert re.search(re.escape(squash(text)) + rf"\.*{page}", listed), (kind, text)
        # The PDF's page numbers mostly hold in LibreOffice's layout (measured per kind in
        # the closing note of issue 15; a drift of one page late in a long plan is normal).
        # A Word-only document (the tracked-changes file) has no PDF to take them from: its
        # numbers are estimates, so only their presence is checked above.
        if docx.with_suffix(".pdf").is_file():
            assert hits / count >= 0.6, (kind, hits, count)
        # Cover, then "Side 2 av N" on the body's first page, as in the PDF.
        assert "Side 2 av" in pages[1] or "Sida 2 av" in pages[1], kind
