"""Every fixed heading, label and sentence of the documents, one table per målform."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Labels containing "{name}" are filled with str.format_map by the builders (the `fill` filter);
# the values are plain text and get escaped for Markdown like any other data.

BOKMÅL: dict[str, str] = {
    # ---------------------------------------------------------------- document kinds
    "omstillingsplan": "Omstillingsplan",
    "handlingsplan": "Handlingsplan",
    "handlingsplan_title": "Handlingsplan {year}",
    # ---------------------------------------------------------------- writers (Meta.labels)
    "contents": "Innhold",
    "page": "Side",
    "of": "av",
    "figure": "Figur",
    "table": "Tabell",
    "version_block": "Dokumentversjon",
    "municipality": "Kommune",
    "period": "Periode",
    # ---------------------------------------------------------------- version block
    "version": "Versjon",
    "date": "Dato",
    "status": "Status",
    "board_date": "Behandlet i styringsgruppen",
    "council_date": "Vedtatt i kommunestyret",
    "status_utkast": "utkast",
    "status_til_behandling": "til behandling",
    "status_vedtatt": "vedtatt",
    # ---------------------------------------------------------------- omstillingsplan
    "background": "Bakgrunn for omstillingsarbeidet",
    "analysis_summary": "Sammendrag av utviklingsanalysen",
    "vision_and_goals": "Visjon og mål",
    "vision": "Visjon",
    "main_goals": "Hovedmål",
    "impact_goals": "Effektmål og langsiktige resultater",
    "sub_goals": "Delmål",
    "focus_areas": "Innsatsområder",
    "focus_area": "Innsatsområde",
    "focus_area_goal": "Mål for innsatsområdet",
    "focus_area_goals": "Mål knyttet til innsatsområdet",
    "strategies": "Strategier",
    "strategy": "Strategi",
    "proposed_measures": "Forslag til tiltak og prosjekter",
    "other_measures": "Andre tiltak under innsatsområdet",
    "organisation": "Organisering",
    "resources_and_funding": "Ressursinnsats og finansiering",
    "funding_all_years": "Finansiering av omstillingsprogrammet",
    "funding_all_years_caption": "Finansiering per år og kilde (kr)",
    "resources_by_area": "Ressursinnsats per innsatsområde",
    "resources_by_area_caption": "Budsjett per innsatsområde og år (kr)",
    "chart_caption": "Budsjett per år fordelt på innsatsområder",
    "chart_alt": "Søylediagram: budsjett per år fordelt på innsatsområder.",
    "communication_strategy": "Kommunikasjonsstrategi",
    # ---------------------------------------------------------------- handlingsplan
    "introduction": "Innledning",
    "introduction_text": (
        "Handlingsplanen for {year} bygger på omstillingsplanen for {programme} {period} "
        "og den strategiske utviklingsanalysen. Den konkretiserer innsatsområdene i "
        "omstillingsplanen med strategier, tiltak, mål, budsjett og finansiering for {year}."
    ),
    "goals_and_areas": "Mål og innsatsområder",
    "previous_results": "Resultater fra tidligere omstillingsår",
    "results_year": "Resultater for {year}",
    "strategies_and_measures": "Strategier og tiltak",
    "no_measures_year": "Ingen tiltak under dette innsatsområdet i {year}.",
    "measures_by_area_and_source": "Tiltak fordelt på innsatsområde og finansiering",
    "measures_by_area_caption": "Tiltak {year} per innsatsområde og finansiering (kr)",
    "budget_year": "Budsjett {year}",
    "budget_year_caption": "Budsjett {year} (kr)",
    "funding_year": "Finansiering {year}",
    "funding_year_caption": "Finansiering {year} (kr)",
    "communication_plan": "Kommunikasjonsplan",
    # ---------------------------------------------------------------- table columns
    "goal": "Mål",
    "indicator": "Indikator",
    "baseline": "Utgangsverdi",
    "target": "Målverdi",
    "deadline": "Frist",
    "measure": "Tiltak",
    "result_goal": "Resultatmål",
    "project_goal": "Prosjektmål",
    "responsible": "Ansvarlig",
    "budget": "Budsjett",
    "funding": "Finansiering",
    "programme_funding": "Omstillingsmidler",
    "other_funding": "Annen finansiering",
    "funding_sources": "Finansieringskilder",
    "sum": "Sum",
    "share": "Andel",
    "source": "Kilde",
    "item": "Post",
    "amount": "Beløp",
    "note": "Merknad",
    "role": "Rolle",
    "name": "Navn",
    "represents": "Representerer",
    "audience": "Målgruppe",
    "message": "Budskap",
    "channel": "Kanal",
    "timing": "Tidspunkt",
    "year": "År",
    "whole_period": "Hele perioden",
    "goal_or_measure": "Mål/tiltak",
    "planned": "Planlagt",
    "achieved": "Oppnådd",
    "comment": "Kommentar",
    "other_items": "Andre poster",
    # ---------------------------------------------------------------- short sentences
    "not_filled": "Ikke utfylt.",
}

NYNORSK: dict[str, str] = {
    "omstillingsplan": "Omstillingsplan",
    "handlingsplan": "Handlingsplan",
    "handlingsplan_title": "Handlingsplan {year}",
    "contents": "Innhald",
    "page": "Side",
    "of": "av",
    "figure": "Figur",
    "table": "Tabell",
    "version_block": "Dokumentversjon",
    "municipality": "Kommune",
    "period": "Periode",
    "version": "Versjon",
    "date": "Dato",
    "status": "Status",
    "board_date": "Handsama i styringsgruppa",
    "council_date": "Vedteken i kommunestyret",
    "status_utkast": "utkast",
    "status_til_behandling": "til handsaming",
    "status_vedtatt": "vedteken",
    "background": "Bakgrunn for omstillingsarbeidet",
    "analysis_summary": "Samandrag av utviklingsanalysen",
    "vision_and_goals": "Visjon og mål",
    "vision": "Visjon",
    "main_goals": "Hovudmål",
    "impact_goals": "Effektmål og langsiktige resultat",
    "sub_goals": "Delmål",
    "focus_areas": "Innsatsområde",
    "focus_area": "Innsatsområde",
    "focus_area_goal": "Mål for innsatsområdet",
    "focus_area_goals": "Mål knytte til innsatsområdet",
    "strategies": "Strategiar",
    "strategy": "Strategi",
    "proposed_measures": "Forslag til tiltak og prosjekt",
    "other_measures": "Andre tiltak under innsatsområdet",
    "organisation": "Organisering",
    "resources_and_funding": "Ressursinnsats og finansiering",
    "funding_all_years": "Finansiering av omstillingsprogrammet",
    "funding_all_years_caption": "Finansiering per år og kjelde (kr)",
    "resources_by_area": "Ressursinnsats per innsatsområde",
    "resources_by_area_caption": "Budsjett per innsatsområde og år (kr)",
    "chart_caption": "Budsjett per år fordelt på innsatsområde",
    "chart_alt": "Søylediagram: budsjett per år fordelt på innsatsområde.",
    "communication_strategy": "Kommunikasjonsstrategi",
    "introduction": "Innleiing",
    "introduction_text": (
        "Handlingsplanen for {year} byggjer på omstillingsplanen for {programme} {period} "
        "og den strategiske utviklingsanalysen. Han konkretiserer innsatsområda i "
        "omstillingsplanen med strategiar, tiltak, mål, budsjett og finansiering for {year}."
    ),
    "goals_and_areas": "Mål og innsatsområde",
    "previous_results": "Resultat frå tidlegare omstillingsår",
    "results_year": "Resultat for {year}",
    "strategies_and_measures": "Strategiar og tiltak",
    "no_measures_year": "Ingen tiltak under dette innsatsområdet i {year}.",
    "measures_by_area_and_source": "Tiltak fordelte på innsatsområde og finansiering",
    "measures_by_area_caption": "Tiltak {year} per innsatsområde og finansiering (kr)",
    "budget_year": "Budsjett {year}",
    "budget_year_caption": "Budsjett {year} (kr)",
    "funding_year": "Finansiering {year}",
    "funding_year_caption": "Finansiering {year} (kr)",
    "communication_plan": "Kommunikasjonsplan",
    "goal": "Mål",
    "indicator": "Indikator",
    "baseline": "Utgangsverdi",
    "target": "Målverdi",
    "deadline": "Frist",
    "measure": "Tiltak",
    "result_goal": "Resultatmål",
    "project_goal": "Prosjektmål",
    "responsible": "Ansvarleg",
    "budget": "Budsjett",
    "funding": "Finansiering",
    "programme_funding": "Omstillingsmidlar",
    "other_funding": "Anna finansiering",
    "funding_sources": "Finansieringskjelder",
    "sum": "Sum",
    "share": "Andel",
    "source": "Kjelde",
    "item": "Post",
    "amount": "Beløp",
    "note": "Merknad",
    "role": "Rolle",
    "name": "Namn",
    "represents": "Representerer",
    "audience": "Målgruppe",
    "message": "Bodskap",
    "channel": "Kanal",
    "timing": "Tidspunkt",
    "year": "År",
    "whole_period": "Heile perioden",
    "goal_or_measure": "Mål/tiltak",
    "planned": "Planlagt",
    "achieved": "Oppnådd",
    "comment": "Kommentar",
    "other_items": "Andre postar",
    "not_filled": "Ikkje utfylt.",
}

TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "bokmål": MappingProxyType(BOKMÅL),
    "nynorsk": MappingProxyType(NYNORSK),
})

#: BCP 47 language tag per målform, carried by every document.
LANGUAGE_TAGS: Mapping[str, str] = MappingProxyType({"bokmål": "nb-NO", "nynorsk": "nn-NO"})

#: Short tag for chart axis formatting (`Chart.lang`).
CHART_LANG: Mapping[str, str] = MappingProxyType({"bokmål": "nb", "nynorsk": "nn"})

#: The labels handed to writers in `Meta.labels` (cover, header, footer, captions, TOC).
META_KEYS: tuple[str, ...] = (
    "contents", "page", "of", "figure", "table", "version_block", "municipality", "period",
    "version", "date", "status", "board_date", "council_date", "sum",
)


def labels(language: str) -> Mapping[str, str]:
    """The label table of a målform ("bokmål" or "nynorsk"); KeyError for anything else."""
    return TABLES[language]


def status_label(status: str, language: str) -> str:
    """The version status ("utkast", "til behandling", "vedtatt") in the målform."""
    return TABLES[language]["status_" + status.replace(" ", "_")]


def meta_labels(language: str) -> dict[str, str]:
    """The subset of labels that writers need, as a plain dict for `Meta.labels`."""
    table = TABLES[language]
    return {key: table[key] for key in META_KEYS}
