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
    "chart_alt_years": (
        "{first}–{last}, høyest i {year} med {total}. Tallene står i tabellen over diagrammet."
    ),
    "chart_alt_table": "Tallene står i tabellen over diagrammet.",
    "chart_alt_even": "{first}–{last}, {total} hvert år. Tallene står i tabellen over diagrammet.",
    "p_timeline_alt_span": (
        "{count} milepæler fra {first} til {last}. Datoene står i milepæltabellen over."
    ),
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
    # ---------------------------------------------------------------- PLP projects, portfolio
    "prosjektplan": "Prosjektplan",
    "statusrapport": "Statusrapport",
    "statusrapport_title": "Statusrapport {date}",
    "sluttrapport": "Sluttrapport",
    "portefoljeoversikt": "Porteføljeoversikt",
    "arsrapport_title": "Årsrapport {year}",
    "programplan": "Programplan",
    "project_subtitle": "{id} {name}",
    "p_facts": "Prosjektfakta",
    "p_number": "Prosjektnummer",
    "p_name": "Prosjekt",
    "p_measure": "Tiltak i handlingsplanen",
    "p_phase": "Fase",
    "p_period": "Prosjektperiode",
    "p_owner": "Prosjekteier",
    "p_responsible": "Prosjektansvarlig",
    "p_leader": "Prosjektleder",
    "p_programme": "Program",
    "phase_forstudie": "forstudie",
    "phase_forprosjekt": "forprosjekt",
    "phase_hovedprosjekt": "hovedprosjekt",
    "p_background": "Bakgrunn",
    "p_goals": "Mål",
    "p_goals_intro": (
        "Målene følger målhierarkiet i Prosjektlederprosessen (PLP): visjonen er den ønskede "
        "framtidige tilstanden, effektmålene viser virkningen 3–5 år etter prosjektet, "
        "resultatmålene det prosjektet har oppnådd ved slutt, og prosjektmålene leveransen."
    ),
    "p_goal_hierarchy": "Målhierarki",
    "p_level": "Nivå",
    "level_visjon": "Visjon",
    "level_effektmål": "Effektmål",
    "level_resultatmål": "Resultatmål",
    "level_prosjektmål": "Prosjektmål",
    "p_contributes": "Bidrar til",
    "p_scope": "Omfang og avgrensning",
    "p_organisation": "Organisering",
    "p_roles": "Roller",
    "p_roles_caption": "Roller i prosjektet",
    "p_plan": "Faser, beslutningspunkter og milepæler",
    "p_phases": "Faser",
    "p_from": "Fra",
    "p_to": "Til",
    "p_decisions": "Beslutningspunkter",
    "p_decision_point": "Beslutningspunkt",
    "p_decision": "Beslutning",
    "p_opens": "Åpner fase",
    "p_decided_by": "Besluttes av",
    "p_planned_decision": "planlagt",
    "decision_godkjent": "godkjent",
    "decision_avvist": "avvist",
    "decision_utsatt": "utsatt",
    "p_milestones": "Milepæler",
    "p_milestone": "Milepæl",
    "p_deliverable": "Leveranse",
    "p_timeline_caption": "Milepælene på tidslinjen",
    "p_timeline_alt": "Tidslinje over milepælene:",
    "p_activities": "Hovedaktiviteter",
    "p_activity": "Aktivitet",
    "p_budget_and_funding": "Budsjett og finansiering",
    "p_cost_budget": "Kostnadsbudsjett",
    "p_cost_budget_caption": "Kostnadsbudsjett (kr)",
    "p_funding_plan": "Finansieringsplan",
    "p_funding_plan_caption": "Finansieringsplan: søkt og innvilget (kr)",
    "p_applied": "Søkt",
    "p_granted": "Innvilget",
    "p_source_kind": "Kildetype",
    "p_undecided": "ikke avgjort",
    "p_success_factors": "Kritiske suksessfaktorer",
    "p_factor": "Suksessfaktor",
    "p_how": "Slik sikrer vi den",
    "p_risks": "Risiko",
    "p_risk": "Risiko",
    "p_probability": "Sannsynlighet",
    "p_consequence": "Konsekvens",
    "p_mitigation": "Tiltak",
    "p_score": "S × K",
    "p_risk_matrix": "Risikomatrise",
    "p_risk_matrix_caption": (
        "Risikomatrise: konsekvens (rader) mot sannsynlighet (kolonner); tallene viser til "
        "risikotabellen"
    ),
    "p_risk_legend": (
        "Grønn: lav risiko (S × K under 5). Gul: middels (5–9). Rød: høy (10 eller mer)."
    ),
    "p_risk_table_caption": "Risikoer med sannsynlighet (S) og konsekvens (K) fra 1 til 5",
    "p_risk_green": "Lav",
    "p_risk_yellow": "Middels",
    "p_risk_red": "Høy",
    "status_grønn": "Grønn",
    "status_gul": "Gul",
    "status_rød": "Rød",
    "s_not_reported": "Ikke rapportert",
    "s_finished": "Avsluttet",
    "s_overall": "Samlet status",
    "s_report_date": "Rapportdato",
    "s_reported_by": "Rapportert av",
    "s_legend": (
        "Grønn: etter plan. Gul: avvik som håndteres i prosjektet. Rød: avvik som krever "
        "beslutning i styringsgruppen."
    ),
    "s_progress": "Fremdrift og resultater",
    "s_milestones_caption": "Status per milepæl {date}",
    "s_planned": "Planlagt",
    "s_done": "Nådd",
    "s_forecast": "Ny dato",
    "s_economy": "Økonomi",
    "s_economy_caption": "Påløpte kostnader mot budsjett per {date} (kr)",
    "s_spent": "Påløpt hittil",
    "s_remaining": "Gjenstår",
    "s_spent_share": "Forbruk",
    "s_chart_caption": "Budsjett og påløpte kostnader",
    "s_chart_alt": "Søylediagram: budsjett {budget}, påløpt hittil {spent}.",
    "s_deviations": "Avvik",
    "s_no_deviations": "Ingen avvik er rapportert.",
    "s_next_steps": "Neste steg",
    "s_previous": "Tidligere statusrapporter",
    "f_summary": "Sammendrag",
    "f_ended": "Avsluttet",
    "f_goals": "Måloppnåelse",
    "f_goals_caption": "Mål: planlagt og oppnådd",
    "f_achieved": "Oppnådd",
    "f_assessment": "Vurdering",
    "f_not_assessed": "Ikke vurdert",
    "f_measured_later": "Måles senere",
    "f_goals_count": "{reached} av {total} mål er nådd.",
    "assessment_nådd": "Nådd",
    "assessment_delvis_nådd": "Delvis nådd",
    "assessment_ikke_nådd": "Ikke nådd",
    "f_milestones": "Milepæler: planlagt og nådd",
    "f_not_reached": "ikke nådd",
    "f_accounts": "Regnskap",
    "f_accounts_caption": "Budsjett og regnskap (kr)",
    "f_actual": "Regnskap",
    "f_difference": "Avvik",
    "f_funding_caption": "Finansiering: søkt og innvilget (kr)",
    "f_lessons": "Erfaringer",
    "f_continuation": "Videreføring",
    "pf_intro": (
        "Oversikten viser alle prosjektene i {programme} per {date}: fase, siste status, "
        "budsjett, påløpte kostnader og framdrift. Tallene er hentet fra prosjektenes egne "
        "filer og fra handlingsplanene."
    ),
    "pf_summary": "Sammendrag per innsatsområde",
    "pf_summary_caption": (
        "Tiltak i handlingsplanene {years} og prosjektene per innsatsområde (kr)"
    ),
    "pf_measures_budget": "Tiltak i handlingsplanene",
    "pf_measures_with_projects": "Tiltak med prosjekt",
    "pf_project_budget": "Prosjektbudsjett",
    "pf_spent": "Påløpt",
    "pf_projects": "Prosjektene per innsatsområde",
    "pf_projects_caption": "Prosjekter under {area} (kr)",
    "pf_no": "Nr.",
    "pf_project_count": "Antall prosjekter",
    "pf_project": "Prosjekt",
    "pf_milestones_done": "Milepæler nådd",
    "pf_goals_reached": "Mål nådd",
    "pf_count": "{done} av {total}",
    "pf_no_projects": "Ingen prosjekter under dette innsatsområdet ennå.",
    "pf_no_projects_at_all": (
        "Programmet har ingen prosjekter ennå. Prosjektfilene legges i mappen «prosjekter» ved "
        "siden av programfilen."
    ),
    "pf_chart_caption": "Budsjett og påløpt per innsatsområde",
    "pf_chart_alt": "Søylediagram: prosjektbudsjett og påløpte kostnader per innsatsområde.",
    "pf_status_overview": "Status",
    "ar_intro": (
        "Årsrapporten viser hvor langt målene i handlingsplanen for {year} er nådd, ut fra de "
        "rapporterte resultatene og prosjektenes egne rapporter. Tallene er de samme som i "
        "porteføljeoversikten og i neste års handlingsplan."
    ),
    "ar_goals": "Måloppnåelse",
    "ar_goals_caption": "Mål i handlingsplanen for {year}: planlagt og oppnådd",
    "ar_contributions": "Bidrag fra prosjektene",
    "ar_contributions_caption": "Prosjektmål som bidrar til programmets mål",
    "ar_programme_goal": "Programmål",
    "ar_measures": "Tiltak og prosjekter {year}",
    "ar_measures_caption": (
        "Tiltakene i handlingsplanen for {year} med prosjektene som gjennomfører dem (kr)"
    ),
    "ar_no_project": "Uten prosjekt",
    "ar_economy": "Økonomi {year}",
    "ar_economy_text": (
        "Tiltakene i handlingsplanen for {year} hadde et samlet budsjett på {budget}. "
        "Prosjektene under dem har budsjetter på til sammen {projects}, og har brukt {spent} så"
        " langt."
    ),
    "ar_no_results": "Ingen resultater er rapportert for {year}.",
    "ar_projects_year": "Prosjekter i {year}",
    "results_projects_caption": "Tiltak og prosjekter i {year} (kr)",
    "pp_intro": (
        "Programplanen er områdeløftets viktigste styringsverktøy i gjennomføringsfasen. Den "
        "beskriver rammene, organiseringen, hvordan prosjekter utvikles og kvalifiseres, "
        "prosjektene i perioden og hvordan resultatene måles."
    ),
    "pp_financing": "Finansiering, rammer og budsjett",
    "pp_mandate": "Mandat og organisering",
    "pp_qualification": "Utvikling og kvalifisering av prosjekter",
    "pp_qualification_steps": (
        "Et prosjekt kvalifiseres gjennom idé-notat, prosjektavtale, kvalifiseringsbrev og "
        "prosjektplan, og har rapporteringsplikt til programmet."
    ),
    "pp_criteria": "Kriterier for deltakelse",
    "pp_criterion_1": "Prosjektet har en klar forankring i målene og strategiene i programmet.",
    "pp_criterion_2": (
        "Prosjektets ressurser brukes ikke til å erstatte ordinær drift eller lovpålagte "
        "oppgaver."
    ),
    "pp_criterion_3": (
        "Prosjektet har en realistisk plan for gevinstrealisering og videreføring etter "
        "prosjektperioden."
    ),
    "pp_criterion_4": (
        "Prosjektet har en gjennomarbeidet prosjektplan og følger anerkjent prosjektmetodikk "
        "(PLP)."
    ),
    "pp_projects": "Prosjektene i perioden",
    "pp_projects_caption": "Prosjektporteføljen per {date}",
    "pp_measurement": "Resultatmåling og evaluering",
    "pp_measurement_text": (
        "Alle mål har indikator, målverdi og frist. Resultatene rapporteres hvert år i "
        "årsrapporten, og prosjektene rapporterer status til programmet etter hver milepæl."
    ),
    "pp_communication": "Informasjon og kommunikasjon",
    "pp_success": "Kritiske suksessfaktorer",
    "introduction_text_area": (
        "Handlingsplanen for {year} bygger på programplanen for {programme} {period}. Den "
        "konkretiserer innsatsområdene med strategier, tiltak, mål, budsjett og finansiering "
        "for {year}."
    ),
    "previous_results_area": "Resultater fra tidligere programår",
    # ---------------------------------------------------------------- short sentences
    "not_filled": "Ikke utfylt.",
    # ---------------------------------------------------------------- issue 14: roll-ups,
    # reconciliation, sub-sections and appendices, traceable ids, programme-type words
    "samleoversikt": "Samleoversikt",
    "so_subtitle": "Utviklingsprogrammene per fylke",
    "so_intro": (
        "Samleoversikten viser {count} program samlet per fylke og totalt: type, periode, "
        "budsjett, finansiering og påløpte kostnader per år, prosjektene etter PLP-fase og "
        "status, og hvor mange av programmenes mål som er på sporet. Tallene er hentet fra "
        "programmenes og prosjektenes egne filer."
    ),
    "so_goals_legend": (
        "Et mål er på sporet når siste rapporterte resultat når det planlagte (eller "
        "målverdien), eller når prosjektene som bidrar til det er vurdert og ingen av dem har "
        "«ikke nådd». Mål uten resultater eller vurderinger telles som ukjent."
    ),
    "so_total": "Totalt",
    "so_all_counties": "Alle fylker",
    "so_county": "Fylke",
    "so_no_county": "Fylke ikke oppgitt",
    "so_programmes": "Programmer",
    "so_programme": "Program",
    "so_kind": "Type",
    "so_counties_caption": "Programmene per fylke (kr)",
    "so_programmes_caption": "Programmene i {county} (kr)",
    "so_years": "Budsjett, finansiering og påløpt per år",
    "so_years_caption": "Budsjett, finansiering og påløpt per år i {county} (kr)",
    "so_projects": "Prosjekter etter fase og status",
    "so_projects_caption": "Prosjektene i {county} etter PLP-fase og siste status",
    "so_goals_on_track": "Mål på sporet",
    "so_goals_off_track": "Mål ikke på sporet",
    "so_goals_unknown": "Mål uten vurdering",
    "so_count": "{done} av {total}",
    "so_number": "Kommunenr.",
    "so_level": "Nivå",
    "not_reported": "ikke rapportert",
    "kind_regional_omstilling": "Regional omstilling",
    "kind_områdeløft": "Områdeløft",
    "goal_state_på_sporet": "på sporet",
    "goal_state_ikke_på_sporet": "ikke på sporet",
    "goal_state_ukjent": "ukjent",
    # ---------------------------------------------------------------- editions (issue 13)
    "ed_history": "Tidligere versjoner",
    "ed_changes": "Hva er endret",
    "ed_as_of": "Tall per",
    "ed_as_of_text": "Tallene i dokumentet er per {date}.",
    "ed_approved": "Godkjent i beslutningspunkt",
    "rev_title": "Endringer fra versjon {version} (vedtatt {date})",
    "rev_intro": (
        "Dette kapitlet viser hva som er endret i denne versjonen sammenlignet med versjon "
        "{version}, slik den ble vedtatt {date}."
    ),
    "rev_sections": "Kapitler",
    "rev_added_sections": "Nye kapitler",
    "rev_removed_sections": "Fjernede kapitler",
    "rev_changed_sections": "Kapitler med endret innhold",
    "rev_no_sections": "Ingen kapitler er lagt til, fjernet eller endret.",
    "rev_goals": "Mål og målverdier",
    "rev_goals_caption": "Endrede mål (vedtatt → nå)",
    "rev_goal": "Mål",
    "rev_what": "Hva",
    "rev_old": "Vedtatt",
    "rev_new": "Nå",
    "rev_diff": "Endring",
    "rev_new_goal": "nytt mål",
    "rev_removed_goal": "mål fjernet",
    "rev_no_goals": "Ingen mål er endret.",
    "rev_money": "Budsjett og finansiering",
    "rev_budget_caption": "Endret budsjett per innsatsområde og år (kr)",
    "rev_funding_caption": "Endret finansiering per kilde og år (kr)",
    "rev_area": "Innsatsområde eller post",
    "rev_source": "Kilde",
    "rev_no_money": "Ingen beløp er endret.",
    "rev_tracked_title": "{title} – endringer fra versjon {version}",
    "appendix": "Vedlegg",
    "appendices": "Vedlegg",
    "role_vacant": "ikke oppnevnt ennå",
    "programme_funding_area": "Programmidler",
    "rc_title": "Avstemming {year}",
    "rc_caption": "Slik brukes budsjettet for {year} (kr)",
    "rc_measures_own": "Tiltak, {money}",
    "rc_administration": "Administrasjon og andre poster uten innsatsområde",
    "rc_unallocated": "Ikke fordelt på tiltak",
    "rc_budget": "Budsjett {year}",
    "rc_balanced": "Finansieringen for {year} er {funding}, det samme som budsjettet.",
    "rc_unbalanced": (
        "Tallene for {year} går ikke opp: budsjettet er {budget}, finansieringen {funding}, og "
        "tiltak og administrasjon bruker {used}."
    ),
    "rc_measures_caption": "Tiltakene i {year} og finansieringen av dem (kr)",
    "rc_other": "Annen finansiering (utenfor programbudsjettet)",
    "rc_measures_total": "Tiltak i alt",
    "rc_sources_caption": "Annen finansiering av tiltakene i {year} og kildene (kr)",
    "rc_no_sources": "ikke oppgitt",
    "rc_all_title": "Avstemming per år",
    "rc_all_caption": "Budsjett, finansiering og bruk per år (kr)",
    "rc_admin_short": "Administrasjon",
    "rc_unallocated_short": "Ikke fordelt",
    "rc_other_short": "Annen finansiering av tiltak",
    "ar_accounts_areas": "Tiltak per innsatsområde",
    "ar_accounts_areas_caption": (
        "Tiltakene i {year} per innsatsområde: budsjett, finansiering og påløpt i prosjektene (kr)"
    ),
    "ar_accounts_sources": "Finansiering per kilde",
    "ar_accounts_sources_caption": "Finansieringen av programmet i {year} per kilde (kr)",
    "ar_goal_state": "Vurdering",
    "id_label": "ID",
    "plp_phase": "PLP-fase",
    "no_earlier_results_first": (
        "Handlingsplanen for {year} er den første i programmet, så det finnes ingen "
        "resultater fra tidligere år ennå."
    ),
    "no_earlier_results": "Det er ikke rapportert resultater fra årene før {year} ennå.",
    # ---------------------------------------------------------------- årsrapport as adopted
    "ar_basis_adopted": (
        "Mål, tiltak og budsjett er slik de ble vedtatt i handlingsplanen for {year} (versjon "
        "{version}, vedtatt {date}). Resultatene og pengebruken er slik de er rapportert."
    ),
    "ar_basis_live": (
        "Det finnes ingen vedtatt handlingsplan for {year} som er tatt vare på. Mål, tiltak og "
        "budsjett er derfor slik de står i arbeidsboken nå, og kan avvike fra det som ble "
        "vedtatt."
    ),
    "ar_spending": "Vedtatt budsjett og forbruk {year}",
    "ar_spending_live": "Budsjett og forbruk {year}",
    "ar_spending_text": (
        "Budsjettet er tiltakenes budsjett i handlingsplanen. Brukt er det prosjektene under "
        "tiltakene har rapportert som påløpt eller regnskap. Differansen er budsjett minus "
        "brukt; et negativt tall betyr at mer er brukt enn budsjettert."
    ),
    "ar_spending_areas_caption": "Budsjett og brukt per innsatsområde i {year} (kr)",
    "ar_spending_measures_caption": "Budsjett og brukt per tiltak i {year} (kr)",
    "ar_adopted_budget": "Vedtatt budsjett",
    "ar_spent": "Brukt",
    "ar_difference": "Differanse",
    "ar_trace": "Sporing fra mål til resultat",
    "ar_trace_intro": (
        "Tabellen følger hvert mål i handlingsplanen for {year} gjennom tiltakene og "
        "prosjektene som skal nå det, til det som er rapportert. Id-ene lenker til der de er "
        "beskrevet: målene og innsatsområdene i {plan}, tiltakene i handlingsplanen og "
        "prosjektene i prosjektplanene."
    ),
    "ar_trace_caption": "Fra mål til resultat i {year}",
    "ar_trace_goal_result": "Måloppnåelse",
    "ar_trace_result": "Resultat",
    "ar_trace_achieved": "{achieved} av {target}",
    "ar_trace_no_measure": "ingen tiltak i {year}",
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
    "chart_alt_years": (
        "{first}–{last}, høgast i {year} med {total}. Tala står i tabellen over diagrammet."
    ),
    "chart_alt_table": "Tala står i tabellen over diagrammet.",
    "chart_alt_even": "{first}–{last}, {total} kvart år. Tala står i tabellen over diagrammet.",
    "p_timeline_alt_span": (
        "{count} milepælar frå {first} til {last}. Datoane står i milepæltabellen over."
    ),
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
    "prosjektplan": "Prosjektplan",
    "statusrapport": "Statusrapport",
    "statusrapport_title": "Statusrapport {date}",
    "sluttrapport": "Sluttrapport",
    "portefoljeoversikt": "Porteføljeoversikt",
    "arsrapport_title": "Årsrapport {year}",
    "programplan": "Programplan",
    "project_subtitle": "{id} {name}",
    "p_facts": "Prosjektfakta",
    "p_number": "Prosjektnummer",
    "p_name": "Prosjekt",
    "p_measure": "Tiltak i handlingsplanen",
    "p_phase": "Fase",
    "p_period": "Prosjektperiode",
    "p_owner": "Prosjekteigar",
    "p_responsible": "Prosjektansvarleg",
    "p_leader": "Prosjektleiar",
    "p_programme": "Program",
    "phase_forstudie": "forstudie",
    "phase_forprosjekt": "forprosjekt",
    "phase_hovedprosjekt": "hovudprosjekt",
    "p_background": "Bakgrunn",
    "p_goals": "Mål",
    "p_goals_intro": (
        "Måla følgjer målhierarkiet i Prosjektleiarprosessen (PLP): visjonen er den ønskte "
        "framtidige tilstanden, effektmåla viser verknaden 3–5 år etter prosjektet, "
        "resultatmåla det prosjektet har oppnådd ved slutt, og prosjektmåla leveransen."
    ),
    "p_goal_hierarchy": "Målhierarki",
    "p_level": "Nivå",
    "level_visjon": "Visjon",
    "level_effektmål": "Effektmål",
    "level_resultatmål": "Resultatmål",
    "level_prosjektmål": "Prosjektmål",
    "p_contributes": "Bidreg til",
    "p_scope": "Omfang og avgrensing",
    "p_organisation": "Organisering",
    "p_roles": "Roller",
    "p_roles_caption": "Roller i prosjektet",
    "p_plan": "Fasar, avgjerdspunkt og milepælar",
    "p_phases": "Fasar",
    "p_from": "Frå",
    "p_to": "Til",
    "p_decisions": "Avgjerdspunkt",
    "p_decision_point": "Avgjerdspunkt",
    "p_decision": "Avgjerd",
    "p_opens": "Opnar fase",
    "p_decided_by": "Avgjerast av",
    "p_planned_decision": "planlagt",
    "decision_godkjent": "godkjend",
    "decision_avvist": "avvist",
    "decision_utsatt": "utsett",
    "p_milestones": "Milepælar",
    "p_milestone": "Milepæl",
    "p_deliverable": "Leveranse",
    "p_timeline_caption": "Milepælane på tidslinja",
    "p_timeline_alt": "Tidslinje over milepælane:",
    "p_activities": "Hovudaktivitetar",
    "p_activity": "Aktivitet",
    "p_budget_and_funding": "Budsjett og finansiering",
    "p_cost_budget": "Kostnadsbudsjett",
    "p_cost_budget_caption": "Kostnadsbudsjett (kr)",
    "p_funding_plan": "Finansieringsplan",
    "p_funding_plan_caption": "Finansieringsplan: søkt og innvilga (kr)",
    "p_applied": "Søkt",
    "p_granted": "Innvilga",
    "p_source_kind": "Kjeldetype",
    "p_undecided": "ikkje avgjort",
    "p_success_factors": "Kritiske suksessfaktorar",
    "p_factor": "Suksessfaktor",
    "p_how": "Slik sikrar vi han",
    "p_risks": "Risiko",
    "p_risk": "Risiko",
    "p_probability": "Sannsyn",
    "p_consequence": "Konsekvens",
    "p_mitigation": "Tiltak",
    "p_score": "S × K",
    "p_risk_matrix": "Risikomatrise",
    "p_risk_matrix_caption": (
        "Risikomatrise: konsekvens (rader) mot sannsyn (kolonnar); tala viser til "
        "risikotabellen"
    ),
    "p_risk_legend": (
        "Grøn: låg risiko (S × K under 5). Gul: middels (5–9). Raud: høg (10 eller meir)."
    ),
    "p_risk_table_caption": "Risikoar med sannsyn (S) og konsekvens (K) frå 1 til 5",
    "p_risk_green": "Låg",
    "p_risk_yellow": "Middels",
    "p_risk_red": "Høg",
    "status_grønn": "Grøn",
    "status_gul": "Gul",
    "status_rød": "Raud",
    "s_not_reported": "Ikkje rapportert",
    "s_finished": "Avslutta",
    "s_overall": "Samla status",
    "s_report_date": "Rapportdato",
    "s_reported_by": "Rapportert av",
    "s_legend": (
        "Grøn: etter plan. Gul: avvik som blir handterte i prosjektet. Raud: avvik som krev "
        "avgjerd i styringsgruppa."
    ),
    "s_progress": "Framdrift og resultat",
    "s_milestones_caption": "Status per milepæl {date}",
    "s_planned": "Planlagt",
    "s_done": "Nådd",
    "s_forecast": "Ny dato",
    "s_economy": "Økonomi",
    "s_economy_caption": "Påløpne kostnader mot budsjett per {date} (kr)",
    "s_spent": "Påløpt hittil",
    "s_remaining": "Står att",
    "s_spent_share": "Forbruk",
    "s_chart_caption": "Budsjett og påløpne kostnader",
    "s_chart_alt": "Søylediagram: budsjett {budget}, påløpt hittil {spent}.",
    "s_deviations": "Avvik",
    "s_no_deviations": "Ingen avvik er rapporterte.",
    "s_next_steps": "Neste steg",
    "s_previous": "Tidlegare statusrapportar",
    "f_summary": "Samandrag",
    "f_ended": "Avslutta",
    "f_goals": "Måloppnåing",
    "f_goals_caption": "Mål: planlagt og oppnådd",
    "f_achieved": "Oppnådd",
    "f_assessment": "Vurdering",
    "f_not_assessed": "Ikkje vurdert",
    "f_measured_later": "Blir målt seinare",
    "f_goals_count": "{reached} av {total} mål er nådde.",
    "assessment_nådd": "Nådd",
    "assessment_delvis_nådd": "Delvis nådd",
    "assessment_ikke_nådd": "Ikkje nådd",
    "f_milestones": "Milepælar: planlagt og nådd",
    "f_not_reached": "ikkje nådd",
    "f_accounts": "Rekneskap",
    "f_accounts_caption": "Budsjett og rekneskap (kr)",
    "f_actual": "Rekneskap",
    "f_difference": "Avvik",
    "f_funding_caption": "Finansiering: søkt og innvilga (kr)",
    "f_lessons": "Erfaringar",
    "f_continuation": "Vidareføring",
    "pf_intro": (
        "Oversikta viser alle prosjekta i {programme} per {date}: fase, siste status, budsjett,"
        " påløpne kostnader og framdrift. Tala er henta frå filene til prosjekta og frå "
        "handlingsplanane."
    ),
    "pf_summary": "Samandrag per innsatsområde",
    "pf_summary_caption": "Tiltak i handlingsplanane {years} og prosjekta per innsatsområde (kr)",
    "pf_measures_budget": "Tiltak i handlingsplanane",
    "pf_measures_with_projects": "Tiltak med prosjekt",
    "pf_project_budget": "Prosjektbudsjett",
    "pf_spent": "Påløpt",
    "pf_projects": "Prosjekta per innsatsområde",
    "pf_projects_caption": "Prosjekt under {area} (kr)",
    "pf_no": "Nr.",
    "pf_project_count": "Talet på prosjekt",
    "pf_project": "Prosjekt",
    "pf_milestones_done": "Milepælar nådde",
    "pf_goals_reached": "Mål nådde",
    "pf_count": "{done} av {total}",
    "pf_no_projects": "Ingen prosjekt under dette innsatsområdet enno.",
    "pf_no_projects_at_all": (
        "Programmet har ingen prosjekt enno. Prosjektfilene skal liggje i mappa «prosjekter» "
        "ved sida av programfila."
    ),
    "pf_chart_caption": "Budsjett og påløpt per innsatsområde",
    "pf_chart_alt": "Søylediagram: prosjektbudsjett og påløpne kostnader per innsatsområde.",
    "pf_status_overview": "Status",
    "ar_intro": (
        "Årsrapporten viser kor langt måla i handlingsplanen for {year} er nådde, ut frå dei "
        "rapporterte resultata og rapportane til prosjekta. Tala er dei same som i "
        "porteføljeoversikta og i handlingsplanen for neste år."
    ),
    "ar_goals": "Måloppnåing",
    "ar_goals_caption": "Mål i handlingsplanen for {year}: planlagt og oppnådd",
    "ar_contributions": "Bidrag frå prosjekta",
    "ar_contributions_caption": "Prosjektmål som bidreg til måla i programmet",
    "ar_programme_goal": "Programmål",
    "ar_measures": "Tiltak og prosjekt {year}",
    "ar_measures_caption": (
        "Tiltaka i handlingsplanen for {year} med prosjekta som gjennomfører dei (kr)"
    ),
    "ar_no_project": "Utan prosjekt",
    "ar_economy": "Økonomi {year}",
    "ar_economy_text": (
        "Tiltaka i handlingsplanen for {year} hadde eit samla budsjett på {budget}. Prosjekta "
        "under dei har budsjett på til saman {projects}, og har brukt {spent} så langt."
    ),
    "ar_no_results": "Ingen resultat er rapporterte for {year}.",
    "ar_projects_year": "Prosjekt i {year}",
    "results_projects_caption": "Tiltak og prosjekt i {year} (kr)",
    "pp_intro": (
        "Programplanen er det viktigaste styringsverktøyet for områdeløftet i "
        "gjennomføringsfasen. Han skildrar rammene, organiseringa, korleis prosjekt blir "
        "utvikla og kvalifiserte, prosjekta i perioden og korleis resultata blir målte."
    ),
    "pp_financing": "Finansiering, rammer og budsjett",
    "pp_mandate": "Mandat og organisering",
    "pp_qualification": "Utvikling og kvalifisering av prosjekt",
    "pp_qualification_steps": (
        "Eit prosjekt blir kvalifisert gjennom idénotat, prosjektavtale, kvalifiseringsbrev og "
        "prosjektplan, og har rapporteringsplikt til programmet."
    ),
    "pp_criteria": "Kriterium for deltaking",
    "pp_criterion_1": "Prosjektet har ei klar forankring i måla og strategiane i programmet.",
    "pp_criterion_2": (
        "Ressursane i prosjektet blir ikkje brukte til å erstatte ordinær drift eller "
        "lovpålagde oppgåver."
    ),
    "pp_criterion_3": (
        "Prosjektet har ein realistisk plan for gevinstrealisering og vidareføring etter "
        "prosjektperioden."
    ),
    "pp_criterion_4": (
        "Prosjektet har ein gjennomarbeidd prosjektplan og følgjer anerkjend prosjektmetodikk "
        "(PLP)."
    ),
    "pp_projects": "Prosjekta i perioden",
    "pp_projects_caption": "Prosjektporteføljen per {date}",
    "pp_measurement": "Resultatmåling og evaluering",
    "pp_measurement_text": (
        "Alle mål har indikator, målverdi og frist. Resultata blir rapporterte kvart år i "
        "årsrapporten, og prosjekta rapporterer status til programmet etter kvar milepæl."
    ),
    "pp_communication": "Informasjon og kommunikasjon",
    "pp_success": "Kritiske suksessfaktorar",
    "introduction_text_area": (
        "Handlingsplanen for {year} byggjer på programplanen for {programme} {period}. Han "
        "konkretiserer innsatsområda med strategiar, tiltak, mål, budsjett og finansiering for "
        "{year}."
    ),
    "previous_results_area": "Resultat frå tidlegare programår",
    "not_filled": "Ikkje utfylt.",
    # ---------------------------------------------------------------- issue 14
    "samleoversikt": "Samleoversikt",
    "so_subtitle": "Utviklingsprogramma per fylke",
    "so_intro": (
        "Samleoversikta viser {count} program samla per fylke og totalt: type, periode, "
        "budsjett, finansiering og påløpne kostnader per år, prosjekta etter PLP-fase og "
        "status, og kor mange av måla til programma som er på sporet. Tala er henta frå "
        "filene til programma og prosjekta."
    ),
    "so_goals_legend": (
        "Eit mål er på sporet når siste rapporterte resultat når det planlagde (eller "
        "målverdien), eller når prosjekta som bidreg til det er vurderte og ingen av dei har "
        "«ikkje nådd». Mål utan resultat eller vurderingar blir talde som ukjende."
    ),
    "so_total": "Totalt",
    "so_all_counties": "Alle fylke",
    "so_county": "Fylke",
    "so_no_county": "Fylke ikkje oppgitt",
    "so_programmes": "Program",
    "so_programme": "Program",
    "so_kind": "Type",
    "so_counties_caption": "Programma per fylke (kr)",
    "so_programmes_caption": "Programma i {county} (kr)",
    "so_years": "Budsjett, finansiering og påløpt per år",
    "so_years_caption": "Budsjett, finansiering og påløpt per år i {county} (kr)",
    "so_projects": "Prosjekt etter fase og status",
    "so_projects_caption": "Prosjekta i {county} etter PLP-fase og siste status",
    "so_goals_on_track": "Mål på sporet",
    "so_goals_off_track": "Mål ikkje på sporet",
    "so_goals_unknown": "Mål utan vurdering",
    "so_count": "{done} av {total}",
    "so_number": "Kommunenr.",
    "so_level": "Nivå",
    "not_reported": "ikkje rapportert",
    "kind_regional_omstilling": "Regional omstilling",
    "kind_områdeløft": "Områdeløft",
    "goal_state_på_sporet": "på sporet",
    "goal_state_ikke_på_sporet": "ikkje på sporet",
    "goal_state_ukjent": "ukjend",
    # ---------------------------------------------------------------- editions (issue 13)
    "ed_history": "Tidlegare versjonar",
    "ed_changes": "Kva er endra",
    "ed_as_of": "Tal per",
    "ed_as_of_text": "Tala i dokumentet er per {date}.",
    "ed_approved": "Godkjend i avgjerdspunkt",
    "rev_title": "Endringar frå versjon {version} (vedteken {date})",
    "rev_intro": (
        "Dette kapitlet viser kva som er endra i denne versjonen samanlikna med versjon "
        "{version}, slik han vart vedteken {date}."
    ),
    "rev_sections": "Kapittel",
    "rev_added_sections": "Nye kapittel",
    "rev_removed_sections": "Fjerna kapittel",
    "rev_changed_sections": "Kapittel med endra innhald",
    "rev_no_sections": "Ingen kapittel er lagde til, fjerna eller endra.",
    "rev_goals": "Mål og målverdiar",
    "rev_goals_caption": "Endra mål (vedteke → no)",
    "rev_goal": "Mål",
    "rev_what": "Kva",
    "rev_old": "Vedteke",
    "rev_new": "No",
    "rev_diff": "Endring",
    "rev_new_goal": "nytt mål",
    "rev_removed_goal": "mål fjerna",
    "rev_no_goals": "Ingen mål er endra.",
    "rev_money": "Budsjett og finansiering",
    "rev_budget_caption": "Endra budsjett per innsatsområde og år (kr)",
    "rev_funding_caption": "Endra finansiering per kjelde og år (kr)",
    "rev_area": "Innsatsområde eller post",
    "rev_source": "Kjelde",
    "rev_no_money": "Ingen beløp er endra.",
    "rev_tracked_title": "{title} – endringar frå versjon {version}",
    "appendix": "Vedlegg",
    "appendices": "Vedlegg",
    "role_vacant": "ikkje oppnemnd enno",
    "programme_funding_area": "Programmidlar",
    "rc_title": "Avstemming {year}",
    "rc_caption": "Slik blir budsjettet for {year} brukt (kr)",
    "rc_measures_own": "Tiltak, {money}",
    "rc_administration": "Administrasjon og andre postar utan innsatsområde",
    "rc_unallocated": "Ikkje fordelt på tiltak",
    "rc_budget": "Budsjett {year}",
    "rc_balanced": "Finansieringa for {year} er {funding}, det same som budsjettet.",
    "rc_unbalanced": (
        "Tala for {year} går ikkje opp: budsjettet er {budget}, finansieringa {funding}, og "
        "tiltak og administrasjon bruker {used}."
    ),
    "rc_measures_caption": "Tiltaka i {year} og finansieringa av dei (kr)",
    "rc_other": "Anna finansiering (utanfor programbudsjettet)",
    "rc_measures_total": "Tiltak i alt",
    "rc_sources_caption": "Anna finansiering av tiltaka i {year} og kjeldene (kr)",
    "rc_no_sources": "ikkje oppgitt",
    "rc_all_title": "Avstemming per år",
    "rc_all_caption": "Budsjett, finansiering og bruk per år (kr)",
    "rc_admin_short": "Administrasjon",
    "rc_unallocated_short": "Ikkje fordelt",
    "rc_other_short": "Anna finansiering av tiltak",
    "ar_accounts_areas": "Tiltak per innsatsområde",
    "ar_accounts_areas_caption": (
        "Tiltaka i {year} per innsatsområde: budsjett, finansiering og påløpt i prosjekta (kr)"
    ),
    "ar_accounts_sources": "Finansiering per kjelde",
    "ar_accounts_sources_caption": "Finansieringa av programmet i {year} per kjelde (kr)",
    "ar_goal_state": "Vurdering",
    "id_label": "ID",
    "plp_phase": "PLP-fase",
    "no_earlier_results_first": (
        "Handlingsplanen for {year} er den første i programmet, så det finst ingen resultat "
        "frå tidlegare år enno."
    ),
    "no_earlier_results": "Det er ikkje rapportert resultat frå åra før {year} enno.",
    # ---------------------------------------------------------------- årsrapport as adopted
    "ar_basis_adopted": (
        "Mål, tiltak og budsjett er slik dei vart vedtekne i handlingsplanen for {year} "
        "(versjon {version}, vedteken {date}). Resultata og pengebruken er slik dei er "
        "rapporterte."
    ),
    "ar_basis_live": (
        "Det finst ingen vedteken handlingsplan for {year} som er teken vare på. Mål, tiltak og "
        "budsjett er difor slik dei står i arbeidsboka no, og kan avvike frå det som vart "
        "vedteke."
    ),
    "ar_spending": "Vedteke budsjett og forbruk {year}",
    "ar_spending_live": "Budsjett og forbruk {year}",
    "ar_spending_text": (
        "Budsjettet er budsjettet til tiltaka i handlingsplanen. Brukt er det prosjekta under "
        "tiltaka har rapportert som påløpt eller rekneskap. Differansen er budsjett minus "
        "brukt; eit negativt tal tyder at meir er brukt enn budsjettert."
    ),
    "ar_spending_areas_caption": "Budsjett og brukt per innsatsområde i {year} (kr)",
    "ar_spending_measures_caption": "Budsjett og brukt per tiltak i {year} (kr)",
    "ar_adopted_budget": "Vedteke budsjett",
    "ar_spent": "Brukt",
    "ar_difference": "Differanse",
    "ar_trace": "Sporing frå mål til resultat",
    "ar_trace_intro": (
        "Tabellen følgjer kvart mål i handlingsplanen for {year} gjennom tiltaka og "
        "prosjekta som skal nå det, til det som er rapportert. Id-ane lenkjer til der dei er "
        "skildra: måla og innsatsområda i {plan}, tiltaka i handlingsplanen og "
        "prosjekta i prosjektplanane."
    ),
    "ar_trace_caption": "Frå mål til resultat i {year}",
    "ar_trace_goal_result": "Måloppnåing",
    "ar_trace_result": "Resultat",
    "ar_trace_achieved": "{achieved} av {target}",
    "ar_trace_no_measure": "ingen tiltak i {year}",
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
    "version", "date", "status", "board_date", "council_date", "sum", "appendix",
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
