"""Model → document tree for the omstillingsplan and the handlingsplan, in both målformer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from builders.helpers import row_texts, section, tables, texts
from factories import sample_programme
from plandoc.builders import build_documents, get_builder, kinds
from plandoc.builders.common import split_funding
from plandoc.core.diagnostics import UsageError
from plandoc.document import Chart, Document, Figure, PageBreak, TableOfContents, walk_blocks
from plandoc.i18n.fmt import format_kr, format_money
from plandoc.model.programme import Programme

OMSTILLINGSPLAN_NB = [
    (1, "1 Bakgrunn for omstillingsarbeidet"),
    (2, "1.1 Sammendrag av utviklingsanalysen"),
    (1, "2 Visjon og mål"),
    (2, "2.1 Visjon"),
    (2, "2.2 Hovedmål"),
    (2, "2.3 Effektmål og langsiktige resultater"),
    (2, "2.4 Delmål"),
    (1, "3 Innsatsområder"),
    (2, "3.1 Næringsutvikling"),
    (3, "3.1.1 Styrke eksisterende bedrifter"),
    (3, "3.1.2 Legge til rette for nyetableringer"),
    (2, "3.2 Kompetanse og rekruttering"),
    (3, "3.2.1 Utdanning nær arbeidsplassen"),
    (2, "3.3 Attraktivitet og bolyst"),
    (3, "3.3.1 Boliger og sentrumsutvikling"),
    (1, "4 Organisering"),
    (2, "4.1 Styringsgruppe"),
    (2, "4.2 Administrasjon"),
    (1, "5 Ressursinnsats og finansiering"),
    (2, "5.1 Finansiering av omstillingsprogrammet"),
    (2, "5.2 Ressursinnsats per innsatsområde"),
    (2, "5.3 Avstemming per år"),
    (1, "6 Kommunikasjonsstrategi"),
]

HANDLINGSPLAN_2025_NN = [
    (1, "1 Innleiing"),
    (1, "2 Mål og innsatsområde"),
    (1, "3 Resultat frå tidlegare omstillingsår"),
    (2, "3.1 Resultat for 2024"),
    (1, "4 Strategiar og tiltak"),
    (2, "4.1 Næringsutvikling"),
    (3, "4.1.1 Styrkje eksisterande verksemder"),
    (3, "4.1.2 Leggje til rette for nyetableringar"),
    (2, "4.2 Kompetanse og rekruttering"),
    (3, "4.2.1 Utdanning nær arbeidsplassen"),
    (2, "4.3 Attraktivitet og bulyst"),
    (3, "4.3.1 Bustader og sentrumsutvikling"),
    (1, "5 Ressursinnsats og finansiering"),
    (2, "5.1 Tiltak fordelte på innsatsområde og finansiering"),
    (2, "5.2 Budsjett 2025"),
    (2, "5.3 Finansiering 2025"),
    (2, "5.4 Avstemming 2025"),
    (1, "6 Kommunikasjonsplan"),
]


@pytest.fixture(scope="module")
def bokmål() -> Programme:
    return sample_programme("bokmål")


@pytest.fixture(scope="module")
def docs_nb(bokmål: Programme) -> dict[str, Document]:
    return dict(build_documents(bokmål))


@pytest.fixture(scope="module")
def docs_nn() -> dict[str, Document]:
    return dict(build_documents(sample_programme("nynorsk")))


def test_one_omstillingsplan_and_one_handlingsplan_per_year_with_tiltak(
    docs_nb: dict[str, Document],
) -> None:
    assert list(docs_nb) == ["omstillingsplan", "handlingsplan-2024", "handlingsplan-2025"]
    # The project and roll-up kinds make nothing for a programme without project files.
    assert kinds() == ["omstillingsplan", "programplan", "handlingsplan", "arsrapport",
                       "prosjektplan", "statusrapport", "sluttrapport", "portefoljeoversikt",
                       "vedtatt", "endringer"]


def test_years_limit_the_handlingsplaner(bokmål: Programme) -> None:
    stems = [stem for stem, _ in build_documents(bokmål, years=[2025])]
    assert stems == ["omstillingsplan", "handlingsplan-2025"]
    # A year in the period without tiltak still gets its plan when asked for.
    doc = dict(build_documents(bokmål, years=[2027]))["handlingsplan-2027"]
    assert "Ingen tiltak under dette innsatsområdet i 2027." in texts(doc)


def test_year_outside_the_period_is_a_usage_error(bokmål: Programme) -> None:
    with pytest.raises(UsageError, match="2031"):
        build_documents(bokmål, years=[2031])


def test_omstillingsplan_outline(docs_nb: dict[str, Document]) -> None:
    assert docs_nb["omstillingsplan"].outline() == OMSTILLINGSPLAN_NB


def test_handlingsplan_outline_nynorsk(docs_nn: dict[str, Document]) -> None:
    assert docs_nn["handlingsplan-2025"].outline() == HANDLINGSPLAN_2025_NN


def test_first_year_says_there_are_no_earlier_results_yet(
    docs_nb: dict[str, Document],
) -> None:
    doc = docs_nb["handlingsplan-2024"]
    top = [text.split(" ", 1) for level, text in doc.outline() if level == 1]
    assert [number for number, _ in top] == ["1", "2", "3", "4", "5", "6"]
    assert [title for _, title in top] == [
        "Innledning", "Mål og innsatsområder", "Resultater fra tidligere omstillingsår",
        "Strategier og tiltak", "Ressursinnsats og finansiering", "Kommunikasjonsplan",
    ]
    assert ("Handlingsplanen for 2024 er den første i programmet, så det finnes ingen "
            "resultater fra tidligere år ennå.") in texts(doc)


def test_document_starts_with_version_block_toc_and_page_break(
    docs_nb: dict[str, Document],
) -> None:
    blocks = docs_nb["omstillingsplan"].blocks
    version = blocks[0]
    assert version.style == "version"  # type: ignore[union-attr]
    assert row_texts(version) == [  # type: ignore[arg-type]
        ["1.2", "15. november 2023", "Til behandling", "8. november 2023", "–"]
    ]
    history = blocks[1]  # the earlier versions of the register (sheet Utgaver)
    assert row_texts(history) == [  # type: ignore[arg-type]
        # "Hva er endret" is "–" in every row, so the column is left out.
        ["1.0", "1. februar 2023", "Vedtatt", "23. februar 2023"]
    ]
    assert isinstance(blocks[2], TableOfContents) and blocks[2].title == "Innhold"
    assert isinstance(blocks[3], PageBreak)


def test_meta(docs_nb: dict[str, Document], docs_nn: dict[str, Document]) -> None:
    meta = docs_nb["omstillingsplan"].meta
    assert meta.title == "Omstillingsplan"
    assert meta.subtitle == "Omstillingsprogrammet i Dyrøy 2024–2029"
    assert (meta.municipality, meta.language, meta.kind) == ("Dyrøy", "nb-NO", "omstillingsplan")
    assert meta.date == "15. november 2023"
    assert meta.version[3] == ("Behandlet i styringsgruppen", "8. november 2023")
    assert meta.version[4] == ("Vedtatt i kommunestyret", "–")
    assert meta.labels["contents"] == "Innhold" and meta.labels["page"] == "Side"
    nn = docs_nn["handlingsplan-2024"].meta
    assert (nn.title, nn.language, nn.kind) == ("Handlingsplan 2024", "nn-NO", "handlingsplan")
    assert ("Status", "Til handsaming") in nn.version
    assert nn.labels["contents"] == "Innhald"


def test_every_area_and_every_tiltak_with_its_budget_appears(
    bokmål: Programme, docs_nb: dict[str, Document]
) -> None:
    plan = texts(docs_nb["omstillingsplan"])
    for area in bokmål.focus_areas:
        assert area.name in plan
    for year in bokmål.measure_years():
        doc = docs_nb[f"handlingsplan-{year}"]
        rows = [row for t in tables(doc, "measures") for row in row_texts(t)]
        listed = texts(doc)
        for m in bokmål.measures_of(year=year):
            own, other = split_funding(m)
            assert [f"{m.id} {m.name}", format_money(m.budget), format_money(own),
                    format_money(other)] in rows
            # Who is responsible and the goals go below the table, with their tiltak.
            assert f"Ansvarlig: {m.responsible}" in listed
            assert f"Resultatmål: {m.result_goal}" in listed
            assert f"Prosjektmål: {m.project_goal}" in listed
        for area in bokmål.focus_areas:
            assert area.name in texts(doc)
    # The omstillingsplan lists each tiltak with its budget per year.
    listed = " ".join(plan)
    for m in bokmål.measures:
        assert f"{m.year}: {format_kr(m.budget)}" in listed
        assert m.name in listed


def _totals_row(table_rows: list[list[str]]) -> list[str]:
    assert table_rows[-1][0] == "Sum"
    return table_rows[-1]


def test_tiltak_tables_have_totals_equal_to_the_model(
    bokmål: Programme, docs_nb: dict[str, Document]
) -> None:
    doc = docs_nb["handlingsplan-2024"]
    for area in bokmål.focus_areas:
        for strategy in bokmål.strategies_of(area.id):
            measures = bokmål.measures_of(area.id, year=2024, strategy=strategy.id)
            if not measures:
                continue
            blocks = section(doc, strategy.name)
            table = next(b for b in blocks if getattr(b, "style", None) == "measures")
            assert table.totals  # type: ignore[union-attr]
            own = sum((split_funding(m)[0] for m in measures), Decimal(0))
            other = sum((split_funding(m)[1] for m in measures), Decimal(0))
            budget = sum((m.budget for m in measures), Decimal(0))
            assert _totals_row(row_texts(table))[1:] == [  # type: ignore[arg-type]
                format_money(budget), format_money(own), format_money(other)
            ]


def test_handlingsplan_budget_tables_total_the_model(
    bokmål: Programme, docs_nb: dict[str, Document]
) -> None:
    for year in (2024, 2025):
        doc = docs_nb[f"handlingsplan-{year}"]
        by_area, budget, funding = tables(doc, "budget")[:3]
        measures = bokmål.measures_of(year=year)
        own = sum((split_funding(m)[0] for m in measures), Decimal(0))
        other = sum((split_funding(m)[1] for m in measures), Decimal(0))
        assert _totals_row(row_texts(by_area)) == [
            "Sum", format_money(own), format_money(other), format_money(own + other)
        ]
        assert _totals_row(row_texts(budget))[-1] == format_money(bokmål.budget_total(year))
        assert _totals_row(row_texts(funding))[-1] == format_money(bokmål.funding_total(year))
        assert by_area.align == ["left", "right", "right", "right"]
        assert all(t.totals for t in (by_area, budget, funding))


def test_omstillingsplan_funding_and_resources_tables(
    bokmål: Programme, docs_nb: dict[str, Document]
) -> None:
    doc = docs_nb["omstillingsplan"]
    funding, resources = tables(doc, "budget")[:2]
    assert [c[0].text for c in funding.header[1:7]] == [str(y) for y in bokmål.years]  # type: ignore[union-attr]
    totals = _totals_row(row_texts(funding))
    assert totals[1:7] == [format_money(bokmål.funding_total(y)) for y in bokmål.years]
    assert totals[7:] == [format_money(bokmål.funding_total()), "100\u00a0%"]
    assert row_texts(funding)[0][-1] == "75\u00a0%"
    assert funding.align == ["left"] + ["right"] * 8
    res_totals = _totals_row(row_texts(resources))
    assert res_totals[1:] == [format_money(bokmål.budget_total(y)) for y in bokmål.years] + [
        format_money(bokmål.budget_total())
    ]
    # Each area's row sums its budget lines.
    for area in bokmål.focus_areas:
        row = next(r for r in row_texts(resources) if r[0] == area.name)
        amount = sum((b.amount for b in bokmål.budget if b.focus_area == area.id), Decimal(0))
        assert row[-1] == format_money(amount)


def test_budget_chart_with_alt_text_in_words(
    bokmål: Programme, docs_nb: dict[str, Document]
) -> None:
    figures = [b for b in walk_blocks(docs_nb["omstillingsplan"].blocks) if isinstance(b, Figure)]
    assert len(figures) == 1
    figure = figures[0]
    chart = figure.content
    assert isinstance(chart, Chart) and chart.kind == "stacked-bar"
    assert chart.categories == [str(y) for y in bokmål.years]
    assert [s.name for s in chart.series][:3] == [a.name for a in bokmål.focus_areas]
    first_year = sum(s.values[0] for s in chart.series)
    assert first_year == float(bokmål.budget_total(2024))
    # Short: what it shows, the span and the total; the figures are in the table above.
    assert figure.alt == (
        "Søylediagram: budsjett per år fordelt på innsatsområder. 2024–2029, "
        f"{format_kr(bokmål.budget_total(2024))} hvert år. Tallene står i tabellen over "
        "diagrammet.")
    assert figure.caption and figure.caption[0].text == "Budsjett per år fordelt på innsatsområder"  # type: ignore[union-attr]


def test_results_table_grouped_by_year(docs_nb: dict[str, Document]) -> None:
    doc = docs_nb["handlingsplan-2025"]
    (results,) = tables(doc, "results")
    assert row_texts(results)[1] == [
        "Lærlingløftet", "Antall læreplasser", "6", "7", "Flere bedrifter enn ventet ble med"
    ]
    assert [plain for plain in texts(doc) if plain == "Resultater for 2024"]


def test_communication_plan_has_that_years_items_and_items_without_year(
    docs_nb: dict[str, Document],
) -> None:
    (table,) = tables(docs_nb["handlingsplan-2025"], "communication")
    audiences = [row[0] for row in row_texts(table)]
    assert audiences == ["Innbyggerne", "Næringslivet", "Regionale medier"]
    (full,) = tables(docs_nb["omstillingsplan"], "communication")
    years = [row[-1] for row in row_texts(full)]
    assert years == ["Hele perioden", "Hele perioden", "2024", "2025"]


def test_rich_text_fields_keep_their_formatting(docs_nb: dict[str, Document]) -> None:
    background = section(docs_nb["omstillingsplan"], "Bakgrunn for omstillingsarbeidet")
    kinds_ = [type(b).__name__ for b in background]
    assert kinds_[:3] == ["Paragraph", "Paragraph", "BulletList"]
    assert "Se også regionalomstilling.no." in texts(docs_nb["omstillingsplan"])


def test_handlingsplan_introduction_refers_to_the_omstillingsplan(
    docs_nb: dict[str, Document], docs_nn: dict[str, Document]
) -> None:
    intro = section(docs_nb["handlingsplan-2025"], "Innledning")[0]
    text = intro.children[0].text  # type: ignore[union-attr]
    assert text.startswith(
        "Handlingsplanen for 2025 bygger på omstillingsplanen for "
        "Omstillingsprogrammet i Dyrøy 2024–2029 og den strategiske utviklingsanalysen."
    )
    intro_nn = section(docs_nn["handlingsplan-2025"], "Innleiing")[0]
    assert intro_nn.children[0].text.startswith("Handlingsplanen for 2025 byggjer på")  # type: ignore[union-attr]


def test_sparse_programme_still_builds_with_notes() -> None:
    programme = sample_programme()
    programme.goals = []
    programme.budget = []
    programme.funding = []
    programme.communication = []
    programme.organisation = []
    programme.info.organisation_text = None
    programme.info.communication_text = None
    programme.info.vision = None
    programme.results = []
    docs = dict(build_documents(programme))
    plan = docs["omstillingsplan"]
    assert [t for _, t in plan.outline() if t[0] in "123456" and t[1] == " "] == [
        "1 Bakgrunn for omstillingsarbeidet", "2 Visjon og mål", "3 Innsatsområder",
        "4 Organisering", "5 Ressursinnsats og finansiering", "6 Kommunikasjonsstrategi",
    ]
    assert texts(plan).count("Ikke utfylt.") == 4
    assert not [b for b in walk_blocks(plan.blocks) if isinstance(b, Figure)]
    hp = docs["handlingsplan-2024"]
    assert "Ikke utfylt." in texts(hp)


def test_builders_are_reachable_by_kind() -> None:
    assert get_builder("handlingsplan").template == "handlingsplan.md.j2"
    with pytest.raises(KeyError):
        get_builder("bauta")
