"""Any valid amounts: the totals in the DOCX and the PDF equal the model's sums."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from badinput.extract import W, docx_xml, pdf_text, squash
from plandoc.i18n.fmt import format_money
from plandoc.model.programme import Programme
from plandoc.writers.docx import DocxWriter
from plandoc.writers.pdf import render_pdf
from properties.programmes import base, document, examples, load

YEAR = 2025
AREAS = ("IO1", "IO2", "IO3")

#: Kroner as users type them: whole amounts up to a billion, sometimes with øre, as an Excel
#: number (int or float) or as Norwegian text ("1 250 000", "kr 300 000", "1,5 mill").
kroner = st.one_of(
    st.integers(min_value=0, max_value=999_999_999).map(Decimal),
    st.decimals(min_value=0, max_value=99_999_999, places=2, allow_nan=False),
)


def _typed(amount: Decimal) -> object:
    """One of the ways the amount reaches the reader."""
    if amount == amount.to_integral_value():
        whole = int(amount)
        return [whole, f"{whole:,}".replace(",", "\u00a0"), f"kr {whole}"][whole % 3]
    return f"{amount}".replace(".", ",")


measure = st.tuples(st.sampled_from(AREAS), kroner, st.integers(0, 100))


def _programme(rows: list[tuple[str, Decimal, int]]) -> Programme:
    sheets = base()
    sheets["Tiltak"] = []
    for i, (area, budget, share) in enumerate(rows, start=1):
        own = (budget * share / 100).quantize(Decimal("0.01"))
        sheets["Tiltak"].append({
            "ID": f"T{i}", "Navn": f"Tiltak {i}", "Innsatsområde": area, "År": YEAR,
            "Budsjett (kr)": _typed(budget), "Omstillingsmidler (kr)": _typed(own),
        })
    programme, diags = load(sheets)
    assert [str(d) for d in diags] == []
    assert programme is not None
    return programme


def _docx_tables(docx: bytes) -> list[list[list[str]]]:
    return [[["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")]
             for row in table.iter(f"{W}tr")] for table in docx_xml(docx).iter(f"{W}tbl")]


@settings(max_examples=examples(10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(measure, min_size=1, max_size=6))
def test_totals_in_every_format_equal_the_models_sums(
    rows: list[tuple[str, Decimal, int]],
) -> None:
    programme = _programme(rows)
    doc = document(programme, f"handlingsplan-{YEAR}")
    docx = DocxWriter().render(doc)
    pdf = squash(pdf_text(render_pdf(doc)))
    tables = _docx_tables(docx)

    # The model's sums, per innsatsområde and for the year, in Decimal.
    own = {a: sum((m.programme_funding for m in programme.measures_of(a, YEAR)), Decimal(0))
           for a in AREAS}
    other = {a: sum((m.other_funding for m in programme.measures_of(a, YEAR)), Decimal(0))
             for a in AREAS}
    budget = {a: sum((m.budget for m in programme.measures_of(a, YEAR)), Decimal(0))
              for a in AREAS}

    # Each innsatsområde with tiltak: its tiltak table ends in a sum row.
    # (Columns that are "–" in every row are left out, so the table is found by its ends.)
    sum_rows = [t[-1] for t in tables if t[0][0] == "Tiltak"
                and t[0][-3:] == ["Budsjett", "Omstillingsmidler", "Annen finansiering"]]
    used = [a for a in AREAS if programme.measures_of(a, YEAR)]
    assert [r[-3:] for r in sum_rows] == [
        [format_money(budget[a]), format_money(own[a]), format_money(other[a])] for a in used]
    # The summary table: one row per innsatsområde, then the year's totals.
    summary = next(t for t in tables if t[0][:2] == ["Innsatsområde", "Omstillingsmidler"])
    names = {a.id: a.name for a in programme.focus_areas}
    assert summary[1:-1] == [[names[a], format_money(own[a]), format_money(other[a]),
                              format_money(own[a] + other[a])] for a in AREAS]
    total_own, total_other = sum(own.values(), Decimal(0)), sum(other.values(), Decimal(0))
    assert summary[-1] == ["Sum", format_money(total_own), format_money(total_other),
                           format_money(total_own + total_other)]
    assert total_own + total_other == sum(budget.values(), Decimal(0))

    # The PDF shows the same rows, in the same order.
    for row in [*sum_rows, summary[-1]]:
        assert squash("".join(row)) in pdf, row
