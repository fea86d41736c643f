"""The programme workbook's declarative schema: sheets, columns, Norwegian keys and help texts.

This one table drives the xlsx reader, the YAML reader (same Norwegian keys), the blank
template, the xlsx ↔ yaml converter and the model mapping, so they cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ColumnType = Literal[
    "text",    # one line of plain text
    "rich",    # Markdown: bold, italics, lists, links
    "int",     # a whole number
    "year",    # a year, 1990–2100
    "amount",  # kroner: accepts "1 250 000", "kr 300 000", "1,5"
    "date",    # Excel date, "12.10.2017" or "2017-10-12"
    "choice",  # one of `choices`
    "ref",     # an id in another sheet (`ref_to`)
    "value",   # an indicator value: number or short text, kept as text
    "range",   # a table: a range of the workbook (Tabell!A1:D12), in YAML a list of rows
]


@dataclass(frozen=True)
class Column:
    """One column of a table sheet, or one row of a form sheet."""

    key: str            # YAML key (Norwegian, lower case)
    header: str         # header text in the workbook
    field: str          # attribute name in the model record
    type: ColumnType = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    ref_to: str | None = None  # sheet key whose "id" this refers to
    help: str = ""       # cell comment in the template and text in Veiledning
    example: object = None
    width: int = 18
    #: Which model record a form row belongs to ("info" or "version").
    target: str = "info"
    #: Rich text only: the level of the heading the text is printed under in the documents
    #: (1 = a chapter). `##` in the text is then one level below it, `###` two; deeper than
    #: level 3, or any heading where this is 0 (inside a table or list), is reported.
    heading_level: int = 0


@dataclass(frozen=True)
class Sheet:
    """A sheet: either a form (Felt | Verdi rows) or a table (header row, one record per row)."""

    key: str            # YAML top-level key
    name: str           # sheet name in the workbook
    kind: Literal["form", "table"]
    model_field: str    # attribute of Programme
    columns: tuple[Column, ...]
    help: str = ""
    required: bool = False
    #: Name of the id column, if records have ids that others refer to.
    id_key: str | None = None
    #: YAML only: the column a plain list item stands for ("- Ingrid" for "- navn: Ingrid").
    shorthand: str | None = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def label(column: Column) -> str:
    """The column as named in a message: "Budsjett (kr)" → "budsjett", "ID" stays "ID"."""
    text = re.sub(r"\s*\(.*?\)\s*$", "", column.header)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


LANGUAGES = ("bokmål", "nynorsk")
PROGRAMME_KINDS = ("regional omstilling", "områdeløft")
STATUSES = ("utkast", "til behandling", "vedtatt")
GOAL_LEVELS = ("hovedmål", "effektmål", "delmål")
PLP_PHASES = ("forstudie", "forprosjekt", "hovedprosjekt", "ikke PLP")
#: Kildetyper of a regional omstilling's financing.
SOURCE_KINDS = ("fylkeskommune", "kommune", "Innovasjon Norge", "stat", "privat", "annet")
#: Kildetyper of an områdeløft's financing (seed 000): Husbanken's grant for områdesatsing,
#: the municipality's own money, state programme money (IMDi, NAV, …), the county, private.
AREA_SOURCE_KINDS = ("Husbanken-tilskudd", "kommunale midler", "statlige programmidler",
                     "fylkeskommunale midler", "private midler", "annet")
#: The kildetyper each programme type (Program.type) may use.
SOURCE_KINDS_BY_TYPE = {"regional omstilling": SOURCE_KINDS, "områdeløft": AREA_SOURCE_KINDS}
#: Every kildetype the Finansiering sheet accepts; the rules check it against the type.
ALL_SOURCE_KINDS = tuple(dict.fromkeys((*SOURCE_KINDS, *AREA_SOURCE_KINDS)))
#: The documents of a programme that have editions of their own (sheet Utgaver).
EDITION_DOCUMENTS = ("omstillingsplan", "programplan", "handlingsplan", "årsrapport")
GROUPS = ("Styringsgruppe", "Administrasjon", "Arbeidsgruppe", "Referansegruppe", "Eier")

#: A data row whose first non-empty cell starts with this (any case) is the template's example.
EXAMPLE_MARKER = "Eksempel:"

PROGRAM = Sheet(
    key="program", name="Program", kind="form", model_field="info", required=True,
    help="Fakta om programmet og versjonen av planen. Én verdi per rad i kolonnen Verdi.",
    columns=(
        Column("kommune", "Kommune", "municipality", required=True,
               help="Kommunen (eller regionen) programmet gjelder.", example="Dyrøy"),
        Column("kommunenummer", "Kommunenummer", "municipality_number",
               help="Fire siffer, f.eks. 5528.", example="5528"),
        Column("fylke", "Fylke", "county", example="Troms"),
        Column("programnavn", "Programnavn", "name", required=True,
               example="Omstillingsprogrammet i Dyrøy"),
        Column("programtype", "Programtype", "kind", type="choice", choices=PROGRAMME_KINDS,
               help="Regional omstilling eller områdeløft.", example="regional omstilling"),
        Column("periode_fra", "Periode fra (år)", "start_year", type="year", required=True,
               example=2024),
        Column("periode_til", "Periode til (år)", "end_year", type="year", required=True,
               help="Omstillingsstatus varer normalt i inntil seks år.", example=2029),
        Column("målform", "Målform", "language", type="choice", choices=LANGUAGES,
               help="Bokmål eller nynorsk. Alle faste overskrifter følger målformen.",
               example="bokmål"),
        Column("versjon", "Versjon", "version", target="version", example="1.0"),
        Column("status", "Status", "status", type="choice", choices=STATUSES, target="version",
               example="utkast"),
        Column("dato", "Dato", "date", type="date", target="version",
               help="Datoen for denne versjonen av planen.", example="12.10.2024"),
        Column("behandlet_styringsgruppen", "Behandlet i styringsgruppen", "board_date",
               type="date", target="version"),
        Column("vedtatt_kommunestyret", "Vedtatt i kommunestyret", "council_date",
               type="date", target="version"),
        Column("visjon", "Visjon", "vision",
               help="Ønsket framtidig tilstand, én setning.",
               example="Dyrøy – et levende lokalsamfunn med framtidsrettet næringsliv"),
        Column("bakgrunn", "Bakgrunn", "background", type="rich", width=80, heading_level=1,
               help="Bakgrunnen for omstillingsstatusen. Markdown: **fet**, *kursiv*, "
                    "- punktliste, [lenke](https://…), ## Underkapittel, ### Avsnitt."),
        Column("utviklingsanalyse", "Sammendrag av utviklingsanalysen", "analysis_summary",
               type="rich", width=80, heading_level=2,
               help="Konklusjoner og anbefalinger fra den strategiske utviklingsanalysen."),
        Column("organisering", "Organisering", "organisation_text", type="rich", width=80,
               heading_level=1,
               help="Hvordan omstillingsarbeidet er organisert (personene står i arket "
                    "Organisasjon)."),
        Column("kommunikasjonsstrategi", "Kommunikasjonsstrategi", "communication_text",
               type="rich", width=80, heading_level=1),
        Column("kvalifisering", "Kvalifisering av prosjekter", "qualification_text",
               type="rich", width=80, heading_level=1,
               help="Områdeløft: hvordan prosjekter utvikles og kvalifiseres. Tom = "
                    "standardteksten med de fire kriteriene for deltakelse."),
        Column("resultatmåling", "Resultatmåling og evaluering", "evaluation_text",
               type="rich", width=80, heading_level=1,
               help="Områdeløft: hvordan og når resultatene måles og evalueres."),
        Column("suksessfaktorer", "Kritiske suksessfaktorer", "success_factors_text",
               type="rich", width=80, heading_level=1,
               help="Områdeløft: det som må være på plass for at programmet skal lykkes."),
    ),
)

GOALS = Sheet(
    key="mål", name="Mål", kind="table", model_field="goals", id_key="id",
    help="Hovedmål, effektmål og delmål. Alle mål skal være målbare: indikator, målverdi, frist.",
    columns=(
        Column("id", "ID", "id", required=True, example="M1", width=8),
        Column("nivå", "Nivå", "level", type="choice", choices=GOAL_LEVELS, required=True,
               example="hovedmål", width=12),
        Column("innsatsområde", "Innsatsområde", "focus_area", type="ref",
               ref_to="innsatsområder", help="Fyll ut for mål som hører til ett innsatsområde.",
               width=14),
        Column("mål", "Mål", "text", required=True, width=50,
               example="Skape 60 nye arbeidsplasser innen utgangen av 2029"),
        Column("indikator", "Indikator", "indicator", example="Antall nye arbeidsplasser",
               width=28),
        Column("utgangsverdi", "Utgangsverdi", "baseline", type="value", example=0),
        Column("målverdi", "Målverdi", "target", type="value", example=60),
        Column("frist", "Frist", "deadline", type="date", example="31.12.2029", width=12),
    ),
)

FOCUS_AREAS = Sheet(
    key="innsatsområder", name="Innsatsområder", kind="table", model_field="focus_areas",
    id_key="id", required=True,
    help="Normalt 3–4 innsatsområder. ID brukes i de andre arkene.",
    columns=(
        Column("id", "ID", "id", required=True, example="IO1", width=8),
        Column("navn", "Navn", "name", required=True, example="Næringsutvikling", width=30),
        Column("mål", "Mål for innsatsområdet", "goal", width=50,
               example="Flere og mer lønnsomme bedrifter"),
        Column("beskrivelse", "Beskrivelse", "description", type="rich", width=60,
               heading_level=2),
    ),
)

STRATEGIES = Sheet(
    key="strategier", name="Strategier", kind="table", model_field="strategies", id_key="id",
    help="Strategier (A, B, …) under hvert innsatsområde.",
    columns=(
        Column("id", "ID", "id", required=True, example="IO1-A", width=10),
        Column("innsatsområde", "Innsatsområde", "focus_area", type="ref",
               ref_to="innsatsområder", required=True, example="IO1", width=14),
        Column("navn", "Navn", "name", required=True, example="Styrke eksisterende bedrifter",
               width=40),
        Column("beskrivelse", "Beskrivelse", "description", type="rich", width=60),
    ),
)

MEASURES = Sheet(
    key="tiltak", name="Tiltak", kind="table", model_field="measures", id_key="id",
    help="Ett tiltak per rad og år. Budsjett = omstillingsmidler + annen finansiering.",
    columns=(
        Column("id", "ID", "id", required=True, example="T1", width=8),
        Column("navn", "Navn", "name", required=True, example="Bedriftsutviklingsprogram",
               width=36),
        Column("innsatsområde", "Innsatsområde", "focus_area", type="ref",
               ref_to="innsatsområder", required=True, example="IO1", width=14),
        Column("strategi", "Strategi", "strategy", type="ref", ref_to="strategier",
               example="IO1-A", width=10),
        Column("år", "År", "year", type="year", required=True, example=2025, width=8),
        Column("beskrivelse", "Beskrivelse", "description", type="rich", width=50),
        Column("resultatmål", "Resultatmål", "result_goal", width=36,
               example="10 bedrifter har gjennomført programmet"),
        Column("prosjektmål", "Prosjektmål", "project_goal", width=36,
               example="Programmet er gjennomført innen 1. desember"),
        Column("ansvarlig", "Ansvarlig", "responsible", example="Næringssjef", width=18),
        Column("budsjett", "Budsjett (kr)", "budget", type="amount", required=True,
               example=600000, width=14),
        Column("omstillingsmidler", "Omstillingsmidler (kr)", "programme_funding",
               type="amount", example=450000, width=14,
               help="Tom = hele budsjettet minus annen finansiering."),
        Column("annen_finansiering", "Annen finansiering (kr)", "other_funding",
               type="amount", example=150000, width=14),
        Column("finansieringskilder", "Finansieringskilder", "funding_sources",
               example="Bedriftene 150 000", width=30),
        Column("plp_fase", "PLP-fase", "plp_phase", type="choice", choices=PLP_PHASES,
               example="forprosjekt", width=14),
    ),
)

BUDGET = Sheet(
    key="budsjett", name="Budsjett", kind="table", model_field="budget",
    help="Planlagt bruk av midler per år. Knytt poster til innsatsområder der det passer.",
    columns=(
        Column("år", "År", "year", type="year", required=True, example=2025, width=8),
        Column("post", "Post", "item", required=True, example="Næringsutvikling", width=36),
        Column("innsatsområde", "Innsatsområde", "focus_area", type="ref",
               ref_to="innsatsområder", example="IO1", width=14),
        Column("beløp", "Beløp (kr)", "amount", type="amount", required=True, example=1500000,
               width=14),
        Column("merknad", "Merknad", "note", width=40),
    ),
)

FUNDING = Sheet(
    key="finansiering", name="Finansiering", kind="table", model_field="funding",
    help="Finansiering per år og kilde. Summen per år skal være lik budsjettet det året.",
    columns=(
        Column("år", "År", "year", type="year", required=True, example=2025, width=8),
        Column("kilde", "Kilde", "source", required=True, example="Troms fylkeskommune",
               width=36),
        Column("kildetype", "Kildetype", "source_kind", type="choice",
               choices=ALL_SOURCE_KINDS, example="fylkeskommune", width=18,
               help="Regional omstilling: " + ", ".join(SOURCE_KINDS) + ". Områdeløft: "
                    + ", ".join(AREA_SOURCE_KINDS) + ". Brukes til å kontrollere at "
                    "fylkeskommunens andel ikke er over 75 %."),
        Column("beløp", "Beløp (kr)", "amount", type="amount", required=True, example=3000000,
               width=14),
        Column("merknad", "Merknad", "note", width=40),
    ),
)

ORGANISATION = Sheet(
    key="organisasjon", name="Organisasjon", kind="table", model_field="organisation",
    help="Styringsgruppe, administrasjon og andre grupper, med personer og roller.",
    columns=(
        Column("gruppe", "Gruppe", "group", required=True, choices=GROUPS,
               example="Styringsgruppe", width=18),
        Column("rolle", "Rolle", "role", required=True, example="Leder", width=18),
        Column("navn", "Navn", "name", example="Kari Nordmann", width=24,
               help="Tom = rollen er foreslått, men ikke besatt ennå."),
        Column("representerer", "Representerer", "represents", example="Næringslivet",
               width=24),
        Column("epost", "E-post", "email", width=28),
    ),
)

COMMUNICATION = Sheet(
    key="kommunikasjon", name="Kommunikasjon", kind="table", model_field="communication",
    help="Kommunikasjonsplan: hvem skal vite hva, gjennom hvilken kanal, når.",
    columns=(
        Column("målgruppe", "Målgruppe", "audience", required=True, example="Innbyggerne",
               width=24),
        Column("budskap", "Budskap", "message", required=True,
               example="Hva omstillingsprogrammet gjør", width=40),
        Column("kanal", "Kanal", "channel", required=True, example="Folkemøte", width=20),
        Column("tidspunkt", "Tidspunkt", "timing", example="Hvert halvår", width=16),
        Column("ansvarlig", "Ansvarlig", "responsible", example="Programleder", width=18),
        Column("år", "År", "year", type="year", width=8,
               help="Tom = gjelder hele perioden."),
    ),
)

RESULTS = Sheet(
    key="resultater", name="Resultater", kind="table", model_field="results",
    help="Resultater fra tidligere omstillingsår, per mål eller tiltak.",
    columns=(
        Column("år", "År", "year", type="year", required=True, example=2024, width=8),
        Column("gjelder", "Mål eller tiltak (ID)", "target_ref", type="ref",
               ref_to="mål|tiltak", required=True, example="M1", width=14),
        Column("indikator", "Indikator", "indicator", width=28),
        Column("planlagt", "Planlagt", "planned", type="value", example=10),
        Column("oppnådd", "Oppnådd", "achieved", type="value", example=8),
        Column("kommentar", "Kommentar", "comment", width=50),
    ),
)

EDITIONS = Sheet(
    key="utgaver", name="Utgaver", kind="table", model_field="editions",
    help=("Register over utgavene av dokumentene: én rad per versjon av omstillingsplanen "
          "(eller programplanen), av hver årlige handlingsplan og av hver årsrapport. "
          "Forsiden og versjonsblokken i hvert dokument hentes fra dokumentets siste rad her; "
          "de tidligere radene vises som versjonshistorikk. Når en utgave er vedtatt, kjører "
          "du «plandoc adopt», som tar vare på innholdet i mappen vedtatt/. Skal du endre noe "
          "i et vedtatt dokument, legger du til en ny rad med ny versjon og status utkast."),
    columns=(
        Column("dokument", "Dokument", "document", type="choice", choices=EDITION_DOCUMENTS,
               required=True, example="handlingsplan", width=16,
               help="Hvilket dokument utgaven gjelder."),
        Column("år", "År", "year", type="year", example=2025, width=8,
               help="Året for handlingsplan og årsrapport. Tom for omstillingsplan og "
                    "programplan."),
        Column("versjon", "Versjon", "version", required=True, example="1.0", width=10,
               help="Ny versjon for hver endring etter vedtak: 1.0, 1.1, 2.0 …"),
        Column("dato", "Dato", "date", type="date", example="01.12.2024", width=12,
               help="Datoen for denne versjonen av dokumentet."),
        Column("status", "Status", "status", type="choice", choices=STATUSES, required=True,
               example="vedtatt", width=14),
        Column("behandlet_styringsgruppen", "Behandlet i styringsgruppen", "board_date",
               type="date", example="05.12.2024", width=14),
        Column("vedtatt_kommunestyret", "Vedtatt/godkjent i kommunestyret", "council_date",
               type="date", example="12.12.2024", width=14,
               help="Kommunestyret vedtar omstillingsplanen og godkjenner hver handlingsplan."),
        Column("data_per", "Tall per", "data_as_of", type="date", example="30.11.2024",
               width=12,
               help="Datoen tallene i dokumentet er hentet fra (prosjektstatus, forbruk, "
                    "resultater). Tom = dokumentets dato."),
        Column("endringer", "Hva er endret", "changes", width=40,
               example="Rullert etter første gjennomføringsår",
               help="Kort om hva som er nytt i denne versjonen; vises i versjonshistorikken."),
    ),
)

#: Where an extra chapter can be placed, per document: after one of these standard
#: chapters (the names are the documents' own headings, shortened).
CHAPTER_ANCHORS: dict[str, tuple[str, ...]] = {
    "omstillingsplan": ("bakgrunn", "visjon og mål", "innsatsområder", "organisering",
                        "ressursinnsats og finansiering", "kommunikasjonsstrategi"),
    "programplan": ("bakgrunn", "visjon og mål", "finansiering", "organisering",
                    "kvalifisering", "prosjektene", "resultatmåling", "kommunikasjon",
                    "suksessfaktorer"),
    "handlingsplan": ("innledning", "mål og innsatsområder", "resultater",
                      "strategier og tiltak", "ressursinnsats og finansiering",
                      "kommunikasjonsplan"),
}
CHAPTER_KINDS = ("kapittel", "vedlegg")
CHAPTER_DOCUMENTS = tuple(CHAPTER_ANCHORS)

CHAPTERS = Sheet(
    key="kapitler", name="Kapitler", kind="table", model_field="chapters",
    help="Egne kapitler (plassert etter et av standardkapitlene) og vedlegg (Vedlegg A, B, …) "
         "med tekst i Markdown. Overskrifter i teksten: ## og ###.",
    columns=(
        Column("type", "Type", "kind", type="choice", choices=CHAPTER_KINDS, required=True,
               example="vedlegg", width=12,
               help="kapittel: et eget kapittel i planen; vedlegg: bakerst, med bokstav."),
        Column("dokument", "Dokument", "document", type="choice", choices=CHAPTER_DOCUMENTS,
               width=16, help="Tom = omstillingsplanen (programplanen for områdeløft). "
                              "handlingsplan: i hver årlige handlingsplan."),
        Column("etter", "Etter kapittel", "after", type="choice",
               choices=tuple(dict.fromkeys(a for v in CHAPTER_ANCHORS.values() for a in v)),
               width=24, help="Kapittel: standardkapitlet det kommer etter. Tom = sist, "
                              "foran vedleggene."),
        Column("tittel", "Tittel", "title", required=True, width=40,
               example="Forslag til sammensetting av omstillingsstyret"),
        Column("tekst", "Tekst", "text", type="rich", width=80, heading_level=1,
               help="Markdown: **fet**, *kursiv*, - punktliste, ## Underkapittel, ### Avsnitt."),
        Column("tabell", "Tabell", "table", type="range", width=22,
               help="En tabell under teksten, hentet fra et område i arbeidsboka: skriv "
                    "f.eks. Tabell!A1:D12 (arket Tabell, cellene A1 til D12) eller navnet på "
                    "et navngitt område. Første rad blir overskriftene."),
    ),
)

#: Deepest heading level of the documents (numbered, in TOC and bookmarks).
MAX_HEADING_LEVEL = 3


def rich_heading_level(hashes: int, base: int) -> int | None:
    """The document level of a heading with `hashes` #-signs in rich text printed under a
    heading of level `base` (`Column.heading_level`): `##` one level below it, `###` two.
    None when it cannot be a heading there (`#`, base 0, or deeper than level 3)."""
    if base < 1 or hashes < 2:
        return None
    level = base + hashes - 1
    return level if level <= MAX_HEADING_LEVEL else None


PROGRAMME_SHEETS: tuple[Sheet, ...] = (
    PROGRAM, GOALS, FOCUS_AREAS, STRATEGIES, MEASURES, BUDGET, FUNDING,
    ORGANISATION, COMMUNICATION, RESULTS, EDITIONS, CHAPTERS,
)

#: The instructions sheet the template adds; readers ignore it.
INSTRUCTIONS_SHEET = "Veiledning"



def sheet_by_key(key: str) -> Sheet | None:
    """The sheet with this YAML key."""
    return next((s for s in PROGRAMME_SHEETS if s.key == key), None)
