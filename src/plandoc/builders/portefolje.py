"""The porteføljeoversikt: every project of a programme by innsatsområde, with totals that match
the handlingsplaner (all figures from `plandoc.model.portfolio`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plandoc.builders.common import Rendering, base_context, render_document
from plandoc.builders.project_views import (
    PortfolioRow,
    chart_lang,
    latest_date,
    portfolio_row,
    rollup_meta,
    wrap_label,
)
from plandoc.builders.registry import register
from plandoc.document import Chart, Document, Series
from plandoc.i18n import fmt
from plandoc.i18n.labels import labels
from plandoc.model.portfolio import AreaFigures, portfolio
from plandoc.model.programme import Programme

CHART = "portfolio"
#: ASCII file stem: the document title has an ø, file names do not.
STEM = "portefoljeoversikt"


@dataclass
class AreaView:
    figures: AreaFigures
    rows: list[PortfolioRow]


def measure_years_text(programme: Programme) -> str:
    years = programme.measure_years()
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


class PorteføljeBuilder:
    """One porteføljeoversikt for a programme that has projects."""

    kind = "portefoljeoversikt"
    order = 50
    template = "portefoljeoversikt.md.j2"

    def build(
        self, programme: Programme, years: Sequence[int] | None = None
    ) -> list[tuple[str, Document]]:
        if not programme.projects:
            return []
        return [(STEM, self.build_portfolio(programme))]

    def build_portfolio(self, programme: Programme) -> Document:
        lbl = labels(programme.info.language)
        figures = portfolio(programme)
        date = latest_date(programme)
        meta = rollup_meta(
            programme, self.kind, lbl["portefoljeoversikt"],
            [(lbl["date"], fmt.format_date(date) or "–"),
             (lbl["period"], f"{programme.info.start_year}–{programme.info.end_year}"),
             (lbl["pf_project_count"], str(len(programme.projects)))],
            date,
        )
        rendering = Rendering(template=self.template, meta=meta)
        rendering.charts[CHART] = Chart(
            kind="bar",
            categories=[wrap_label(a.area.name) for a in figures.areas],
            series=[Series(lbl["pf_project_budget"], [float(a.budget) for a in figures.areas]),
                    Series(lbl["pf_spent"], [float(a.spent) for a in figures.areas])],
            unit="kr",
            lang=chart_lang(programme),
        )
        # Short: the figures are in the summary table right above the chart.
        alt = f"{lbl['pf_chart_alt']} {lbl['chart_alt_table']}"
        context = base_context(programme) | {
            "portfolio": figures,
            "areas": [AreaView(a, [portfolio_row(f, lbl) for f in a.projects])
                      for a in figures.areas],
            "as_of": date,
            "measure_years": measure_years_text(programme),
            "chart": CHART,
            "chart_alt": alt,
        }
        return render_document(rendering, context)


register(PorteføljeBuilder())
