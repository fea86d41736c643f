"""The structure tree of every PDF the examples produce (read with pikepdf): every table has
header cells, no data cell is tagged as a header, no bold paragraph poses as a heading, and
each file's title names what it is about."""

from __future__ import annotations

import re
from collections import Counter

import pikepdf
from pypdf import PdfReader

from a11y.conftest import Examples
from a11y.pages import PLAN_MARGINS, runt_pages
from a11y.pdf_structure import check, elements, scope

KINDS = ("Omstillingsplan", "Handlingsplan", "Programplan", "Årsrapport", "Prosjektplan",
         "Statusrapport", "Sluttrapport", "Porteføljeoversikt")


def test_every_table_has_header_cells_and_no_data_cell_is_a_header(examples: Examples) -> None:
    pdfs = examples.pdfs()
    assert len(pdfs) > 45
    tables = 0
    problems: list[str] = []
    for path in pdfs:
        report = check(path)
        tables += report.tables
        problems += [f"{path}: {p}" for p in report.problems]
        # Checked here, over the same files, to build them once: no page of a plan or
        # report holds only a line or two (a lone heading, a legend cut off its table)
        # before its end; a short last chapter may end on a page of its own.
        if "bauta" not in path.parts:
            last = len(PdfReader(path).pages)
            problems += [f"{path}: side {n} har bare {k} linje(r)"
                         for n, k in runt_pages(path, PLAN_MARGINS) if n != last]
    assert problems == []
    assert tables > 300


def test_key_value_tables_have_row_headers(examples: Examples) -> None:
    """The project facts ("Prosjektnummer | 01/25") and the bauta facts boxes: TH with row
    scope in the body, never "01/25" as a column header."""
    status = next(examples.pdf.rglob("statusrapport-*.pdf"))
    book = examples.bauta / "bauta.pdf"
    for path, least in ((status, 6), (book, 100)):
        with pikepdf.open(path) as pdf:
            heads = [c for c in elements(pdf.Root.StructTreeRoot.get("/K")) if str(c.S) == "/TH"]
        rows = [c for c in heads if scope(c) == "/Row"]
        assert len(rows) >= least, path.name


def _fake_headings(pdf: pikepdf.Pdf) -> int:
    """Paragraphs outside lists and tables whose whole content is bold, except a lead-in
    right before a list ("Hovedmål:" introduces the goals listed after it)."""
    found = 0
    for parent in elements(pdf.Root.StructTreeRoot.get("/K")):
        if str(parent.S) in ("/LBody", "/LI", "/TD", "/TH"):
            continue
        kids = parent.get("/K")
        siblings = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for i, el in enumerate(siblings):
            if not (isinstance(el, pikepdf.Dictionary) and str(el.get("/S")) in ("/P", "/Span")):
                continue
            inner = el.get("/K")
            items = list(inner) if isinstance(inner, pikepdf.Array) else [inner]
            bold = len(items) == 1 and isinstance(items[0], pikepdf.Dictionary) and str(
                items[0].get("/S")) == "/Strong"
            after = siblings[i + 1] if i + 1 < len(siblings) else None
            lead_in = isinstance(after, pikepdf.Dictionary) and str(after.get("/S")) == "/L"
            if bold and not lead_in:
                found += 1
    return found


def test_no_bold_paragraph_poses_as_a_heading(examples: Examples) -> None:
    bad = {}
    for path in examples.pdfs():
        with pikepdf.open(path) as pdf:
            n = _fake_headings(pdf)
        if n:
            bad[path.name] = n
    assert bad == {}


def test_titles_name_the_project_or_programme_and_the_date(examples: Examples) -> None:
    titles: Counter[str] = Counter()
    for path in examples.pdfs():
        with pikepdf.open(path) as pdf:
            title = str(pdf.docinfo.get("/Title", ""))
            xmp = str(pdf.open_metadata())
        titles[title] += 1
        assert title and title in xmp, path
        if path.is_relative_to(examples.bauta):
            continue
        assert title not in KINDS, f"{path}: bare «{title}»"
        assert re.search(r"\d{4}", title), f"{path}: no date in «{title}»"
        assert " – " in title, path
    assert [t for t, n in titles.items() if n > 1] == []
