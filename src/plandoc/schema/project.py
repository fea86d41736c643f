"""The project workbook's schema (PLP): one workbook per project, owned by its project leader.

Same `Sheet`/`Column` classes as the programme workbook, so the readers, the blank template and
the converter work on it unchanged. The sheets follow Innovasjon Norge's Prosjektlederprosessen:
roles and groups, goal hierarchy, phases and decision points, milestones, activities, budget and
financing, critical success factors, risks, and dated status reports.
"""

from __future__ import annotations

from plandoc.schema.programme import SOURCE_KINDS, STATUSES, Column, Sheet

PROJECT_PHASES = ("forstudie", "forprosjekt", "hovedprosjekt")
PROJECT_GOAL_LEVELS = ("visjon", "effektmål", "resultatmål", "prosjektmål")
PROJECT_GROUPS = ("Styringsgruppe", "Prosjektgruppe", "Referansegruppe")
DECISIONS = ("godkjent", "avvist", "utsatt")
TRAFFIC_LIGHTS = ("grønn", "gul", "rød")
ASSESSMENTS = ("nådd", "delvis nådd", "ikke nådd")
#: The programme's own money comes first: it is what the cross-document check compares.
PROJECT_SOURCE_KINDS = ("omstillingsprogrammet", *SOURCE_KINDS)

PROJECT = Sheet(
    key="prosjekt", name="Prosjekt", kind="form", model_field="info", required=True,
    help="Fakta om prosjektet, rollene og versjonen av prosjektplanen. Én verdi per rad.",
    columns=(
        Column("id", "Prosjektnummer", "id", required=True, example="01/25",
               help="Løpenummer/år, f.eks. 01/25. Brukes i porteføljen og i filnavnene."),
        Column("prosjektnavn", "Prosjektnavn", "name", required=True,
               example="Sjømatklynge Fjordvik – forprosjekt"),
        Column("tiltak", "Tiltak (ID)", "measure", required=True, example="T5",
               help="ID-en til tiltaket i programmets arbeidsbok (arket Tiltak) som prosjektet "
                    "gjennomfører. Prosjektets budsjett må ligge innenfor tiltakets."),
        Column("innsatsområde", "Innsatsområde (ID)", "focus_area", example="IO2",
               help="Tom = innsatsområdet til tiltaket."),
        Column("fase", "Fase", "phase", type="choice", choices=PROJECT_PHASES, required=True,
               help="Fasen prosjektplanen gjelder (PLP).", example="forprosjekt"),
        Column("startdato", "Startdato", "start", type="date", required=True,
               example="01.02.2025"),
        Column("sluttdato", "Sluttdato", "end", type="date", required=True,
               help="Planlagt slutt for prosjektet; faser, beslutningspunkter og milepæler "
                    "skal ligge innenfor perioden.", example="01.12.2025"),
        Column("prosjekteier", "Prosjekteier", "owner",
               help="Eier prosjektet, ofte politisk nivå eller kommunedirektøren.",
               example="Fjordvik kommune v/ kommunedirektør"),
        Column("prosjektansvarlig", "Prosjektansvarlig", "responsible",
               help="Mellom eier og prosjektleder; har ansvaret for budsjettet.",
               example="Programleder Eirik Nystad"),
        Column("prosjektleder", "Prosjektleder", "leader", example="Kari Nordmann"),
        Column("versjon", "Versjon", "version", target="version", example="1.0"),
        Column("status", "Status", "status", type="choice", choices=STATUSES, target="version",
               example="vedtatt"),
        Column("dato", "Dato", "date", type="date", target="version",
               help="Datoen for denne versjonen av prosjektplanen.", example="15.01.2025"),
        Column("behandlet_styringsgruppen", "Behandlet i styringsgruppen", "board_date",
               type="date", target="version"),
        Column("bakgrunn", "Bakgrunn", "background", type="rich", width=80,
               help="Hvorfor prosjektet skal gjennomføres. Markdown: **fet**, *kursiv*, "
                    "- punktliste."),
        Column("omfang", "Omfang og avgrensning", "scope", type="rich", width=80,
               help="Hva prosjektet skal gjøre, og hva det ikke skal gjøre."),
        Column("avsluttet", "Avsluttet (dato)", "ended", type="date",
               help="Fylles ut når prosjektet er avsluttet; da lages sluttrapporten."),
        Column("sluttvurdering", "Sluttvurdering", "final_assessment", type="rich", width=80,
               help="Sluttrapport: samlet vurdering av resultatene."),
        Column("erfaringer", "Erfaringer", "lessons", type="rich", width=80,
               help="Sluttrapport: hva lærte vi, hva ville vi gjort annerledes."),
        Column("videreføring", "Videreføring", "continuation", type="rich", width=80,
               help="Sluttrapport: hvordan resultatene tas vare på og arbeidet føres videre."),
    ),
)

ORGANISATION = Sheet(
    key="organisasjon", name="Organisasjon", kind="table", model_field="organisation",
    help="Styringsgruppe, prosjektgruppe og referansegruppe, med personer og roller.",
    columns=(
        Column("gruppe", "Gruppe", "group", required=True, choices=PROJECT_GROUPS,
               example="Styringsgruppe", width=18),
        Column("rolle", "Rolle", "role", required=True, example="Leder", width=18),
        Column("navn", "Navn", "name", required=True, example="Kari Nordmann", width=24),
        Column("representerer", "Representerer", "represents", example="Næringslivet",
               width=28),
        Column("epost", "E-post", "email", width=28),
    ),
)

GOALS = Sheet(
    key="mål", name="Mål", kind="table", model_field="goals",
    help="Målhierarkiet: visjon, effektmål (3–5 år etter), resultatmål (ved prosjektslutt) og "
         "prosjektmål (leveransen). Alle mål skal være målbare: indikator, målverdi, frist.",
    columns=(
        Column("nivå", "Nivå", "level", type="choice", choices=PROJECT_GOAL_LEVELS,
               required=True, example="resultatmål", width=13),
        Column("mål", "Mål", "text", required=True, width=50,
               example="12 leverandører har forpliktet seg til et hovedprosjekt"),
        Column("indikator", "Indikator", "indicator",
               example="Antall bedrifter med intensjonsavtale", width=28),
        Column("utgangsverdi", "Utgangsverdi", "baseline", type="value", example=0),
        Column("målverdi", "Målverdi", "target", type="value", example=12),
        Column("frist", "Frist", "deadline", type="date", example="01.12.2025", width=12),
        Column("bidrar_til", "Bidrar til programmål (ID)", "contributes_to", width=14,
               help="ID-en til et mål i programmets arbeidsbok (arket Mål), f.eks. M8.",
               example="M8"),
        Column("oppnådd", "Oppnådd", "achieved", type="value",
               help="Fylles ut i sluttrapporten.", example=14),
        Column("vurdering", "Vurdering", "assessment", type="choice", choices=ASSESSMENTS,
               help="Tom = regnes ut når oppnådd og målverdi er tall.", width=14),
        Column("kommentar", "Kommentar", "comment", width=40),
    ),
)

PHASES = Sheet(
    key="faser", name="Faser", kind="table", model_field="phases",
    help="PLP-fasene med periode, i rekkefølge: forstudie, forprosjekt, hovedprosjekt.",
    columns=(
        Column("fase", "Fase", "phase", type="choice", choices=PROJECT_PHASES, required=True,
               example="forstudie", width=16),
        Column("fra", "Fra", "start", type="date", required=True, example="01.02.2025",
               width=12),
        Column("til", "Til", "end", type="date", required=True, example="30.04.2025",
               width=12),
        Column("merknad", "Merknad", "note", width=40),
    ),
)

DECISIONS_SHEET = Sheet(
    key="beslutningspunkter", name="Beslutningspunkter", kind="table", model_field="decisions",
    id_key="id",
    help="Beslutningspunktene ved start og slutt av hver fase. Et prosjekt går bare videre "
         "til neste fase etter en beslutning. Tom beslutning = planlagt.",
    columns=(
        Column("id", "ID", "id", required=True, example="BP1", width=8),
        Column("beslutningspunkt", "Beslutningspunkt", "name", required=True, width=40,
               example="Godkjenne forprosjektet og åpne hovedprosjektet"),
        Column("dato", "Dato", "date", type="date", required=True, example="15.12.2025",
               width=12),
        Column("fase", "Åpner fase", "phase", type="choice", choices=PROJECT_PHASES,
               help="Fasen beslutningen gir start på, om noen.", example="hovedprosjekt",
               width=16),
        Column("beslutning", "Beslutning", "decision", type="choice", choices=DECISIONS,
               help="Tom = ikke tatt ennå.", example="godkjent", width=12),
        Column("besluttet_av", "Besluttes av", "decided_by", example="Styringsgruppen",
               width=20),
        Column("merknad", "Merknad", "note", width=40),
    ),
)

MILESTONES = Sheet(
    key="milepæler", name="Milepæler", kind="table", model_field="milestones", id_key="id",
    help="Milepæler: kontrollpunkter med dato og et tydelig kriterium for når de er nådd.",
    columns=(
        Column("id", "ID", "id", required=True, example="MP1", width=8),
        Column("milepæl", "Milepæl", "name", required=True, width=40,
               example="Kartlegging av leverandørene ferdig"),
        Column("dato", "Dato", "date", type="date", required=True, example="30.04.2025",
               width=12),
        Column("fase", "Fase", "phase", type="choice", choices=PROJECT_PHASES, width=16),
        Column("leveranse", "Leveranse", "deliverable", width=36,
               example="Kartleggingsrapport"),
        Column("ansvarlig", "Ansvarlig", "responsible", width=20),
    ),
)

ACTIVITIES = Sheet(
    key="aktiviteter", name="Aktiviteter", kind="table", model_field="activities",
    help="Hovedaktivitetene med periode og ansvarlig, gjerne knyttet til en milepæl.",
    columns=(
        Column("aktivitet", "Aktivitet", "name", required=True, width=40,
               example="Intervjue 20 leverandører"),
        Column("fra", "Fra", "start", type="date", example="01.02.2025", width=12),
        Column("til", "Til", "end", type="date", example="30.04.2025", width=12),
        Column("ansvarlig", "Ansvarlig", "responsible", width=20),
        Column("milepæl", "Milepæl (ID)", "milestone", type="ref", ref_to="milepæler",
               example="MP1", width=12),
    ),
)

BUDGET = Sheet(
    key="budsjett", name="Budsjett", kind="table", model_field="budget",
    help="Kostnadsbudsjettet per post. Regnskap fylles ut i sluttrapporten.",
    columns=(
        Column("post", "Post", "item", required=True, example="Prosjektledelse", width=36),
        Column("beløp", "Beløp (kr)", "amount", type="amount", required=True, example=200000,
               width=14),
        Column("regnskap", "Regnskap (kr)", "actual", type="amount", width=14,
               help="Faktiske kostnader; fylles ut når prosjektet avsluttes."),
        Column("merknad", "Merknad", "note", width=40),
    ),
)

FUNDING = Sheet(
    key="finansiering", name="Finansiering", kind="table", model_field="funding",
    help="Finansieringsplanen per kilde: søkt og innvilget. Summen søkt skal være lik "
         "budsjettet.",
    columns=(
        Column("kilde", "Kilde", "source", required=True, example="Omstillingsprogrammet",
               width=32),
        Column("kildetype", "Kildetype", "source_kind", type="choice",
               choices=PROJECT_SOURCE_KINDS, example="omstillingsprogrammet", width=20,
               help="«omstillingsprogrammet» er midlene fra programmet; de sammenlignes med "
                    "tiltakets omstillingsmidler."),
        Column("søkt", "Søkt (kr)", "applied", type="amount", required=True, example=300000,
               width=14),
        Column("innvilget", "Innvilget (kr)", "granted", type="amount", example=300000,
               width=14, help="Tom = ikke avgjort ennå."),
        Column("merknad", "Merknad", "note", width=36),
    ),
)

SUCCESS_FACTORS = Sheet(
    key="suksessfaktorer", name="Suksessfaktorer", kind="table", model_field="success_factors",
    help="Kritiske suksessfaktorer: det som må være på plass for at prosjektet skal lykkes.",
    columns=(
        Column("faktor", "Suksessfaktor", "factor", required=True, width=40,
               example="Havbruksselskapene deltar aktivt"),
        Column("sikres", "Slik sikrer vi den", "how", width=50,
               example="Egen kontaktperson i hvert selskap og faste møter"),
    ),
)

RISKS = Sheet(
    key="risiko", name="Risiko", kind="table", model_field="risks", id_key="id",
    help="Risikoer med sannsynlighet og konsekvens på en skala fra 1 (lav) til 5 (høy).",
    columns=(
        Column("id", "ID", "id", required=True, example="R1", width=8),
        Column("risiko", "Risiko", "risk", required=True, width=40,
               example="For få bedrifter har tid til å delta"),
        Column("sannsynlighet", "Sannsynlighet (1–5)", "probability", type="int",
               required=True, example=3, width=12),
        Column("konsekvens", "Konsekvens (1–5)", "consequence", type="int", required=True,
               example=4, width=12),
        Column("tiltak", "Tiltak", "mitigation", width=40,
               example="Korte, konkrete møter og tett oppfølging"),
        Column("ansvarlig", "Ansvarlig", "responsible", width=20),
    ),
)

REPORTS = Sheet(
    key="statusrapporter", name="Statusrapporter", kind="table", model_field="reports",
    help="Én rad per statusrapport: samlet status, påløpte kostnader, avvik og neste steg.",
    columns=(
        Column("dato", "Dato", "date", type="date", required=True, example="30.06.2025",
               width=12),
        Column("status", "Status", "status", type="choice", choices=TRAFFIC_LIGHTS,
               required=True, help="Grønn: etter plan. Gul: avvik som håndteres. Rød: avvik "
                                   "som krever beslutning.", example="grønn", width=10),
        Column("påløpt", "Påløpt hittil (kr)", "spent", type="amount", example=180000,
               width=14),
        Column("fremdrift", "Fremdrift og resultater", "progress", type="rich", width=60),
        Column("avvik", "Avvik", "deviations", type="rich", width=50),
        Column("neste_steg", "Neste steg", "next_steps", type="rich", width=50),
        Column("rapportert_av", "Rapportert av", "reported_by", width=20),
    ),
)

MILESTONE_STATUS = Sheet(
    key="milepælstatus", name="Milepælstatus", kind="table", model_field="milestone_status",
    help="Status per milepæl i hver statusrapport (samme dato som i Statusrapporter).",
    columns=(
        Column("dato", "Rapportdato", "date", type="date", required=True,
               example="30.06.2025", width=12),
        Column("milepæl", "Milepæl (ID)", "milestone", type="ref", ref_to="milepæler",
               required=True, example="MP1", width=12),
        Column("status", "Status", "status", type="choice", choices=TRAFFIC_LIGHTS,
               required=True, example="grønn", width=10),
        Column("nådd", "Nådd (dato)", "done", type="date", width=12,
               help="Datoen milepælen ble nådd; tom = ikke nådd ennå."),
        Column("ny_dato", "Ny forventet dato", "forecast", type="date", width=12),
        Column("kommentar", "Kommentar", "comment", width=50),
    ),
)

PROJECT_EDITIONS = Sheet(
    key="utgaver", name="Utgaver", kind="table", model_field="editions",
    help=("Versjonene av prosjektplanen: én rad per versjon, med fasen den gjelder og når den "
          "ble behandlet og godkjent. Forsiden viser siste rad; de tidligere radene vises som "
          "versjonshistorikk. Tomt ark = versjonen i arket Prosjekt."),
    columns=(
        Column("versjon", "Versjon", "version", required=True, example="1.0", width=10),
        Column("fase", "Fase", "phase", type="choice", choices=PROJECT_PHASES,
               example="forprosjekt", width=14, help="Fasen denne versjonen av planen gjelder."),
        Column("dato", "Dato", "date", type="date", example="15.01.2025", width=12),
        Column("status", "Status", "status", type="choice", choices=STATUSES, required=True,
               example="vedtatt", width=14),
        Column("behandlet_styringsgruppen", "Behandlet i styringsgruppen", "board_date",
               type="date", example="22.01.2025", width=14),
        Column("godkjent", "Godkjent (beslutningspunkt)", "approved", type="date",
               example="03.02.2025", width=14,
               help="Datoen planen ble godkjent i et beslutningspunkt (PLP)."),
        Column("endringer", "Hva er endret", "changes", width=40,
               example="Utvidet til forprosjekt"),
    ),
)

PROJECT_SHEETS: tuple[Sheet, ...] = (
    PROJECT, ORGANISATION, GOALS, PHASES, DECISIONS_SHEET, MILESTONES, ACTIVITIES, BUDGET,
    FUNDING, SUCCESS_FACTORS, RISKS, REPORTS, MILESTONE_STATUS, PROJECT_EDITIONS,
)

