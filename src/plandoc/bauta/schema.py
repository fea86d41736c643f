"""The bauta's declarations (editorial sheet, submission form fields) and the editorial workbook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from plandoc.bauta.model import KINDS, PRIORITIES, STATUSES, Settings
from plandoc.bauta.urls import example_url
from plandoc.schema.programme import INSTRUCTIONS_SHEET, LANGUAGES, Column, Sheet
from plandoc.workbook.template import save_workbook

# ---------------------------------------------------------------- the editorial sheet

EDITORIAL = Sheet(
    key="innsendinger", name="Innsendinger", kind="table", model_field="submissions",
    help="Én rad per bidrag redaksjonen venter på: en profil og ett eller flere eksempler "
         "per kommune.",
    columns=(
        Column("kommune", "Kommune", "municipality", required=True, width=16,
               help="Kommunen slik den står i bauta.yaml."),
        Column("type", "Type", "kind", type="choice", choices=KINDS, required=True, width=10,
               help="profil (to sider om kommunen) eller eksempel (seks sider, en oppskrift)."),
        Column("tittel", "Tittel", "title", width=40,
               help="Eksempelets tittel (arbeidstittel). Tom for profiler."),
        Column("frist", "Frist", "deadline", type="date", width=12,
               help="Tom: fristen for typen i bauta.yaml."),
        Column("mottatt", "Mottatt", "received", type="date", width=12,
               help="Datoen bidraget kom inn. Tom så lenge det mangler."),
        Column("status", "Status", "status", type="choice", choices=STATUSES, width=11,
               help="mangler → mottatt → vurdert → valgt eller avvist. Bare «valgt» kommer "
                    "med i boka."),
        Column("prioritet", "Prioritet", "priority", type="choice", choices=PRIORITIES,
               width=10, help="Redaksjonens prioritering av eksempelet."),
        Column("rekkefølge", "Rekkefølge", "order", type="int", width=11,
               help="Plassen i boka blant profilene eller eksemplene (1, 2, 3 …)."),
        Column("fil", "Fil", "file", width=30,
               help="Filen i mappen innsendt/, f.eks. askvik/profil.docx."),
        Column("lenkenavn", "Lenkenavn", "slug", width=24,
               help=f"Fast adresse på nett for eksempelet ({example_url('LENKENAVN')}). Tom: lages "
                    "av tittelen. Endre den ikke etter at boka er publisert."),
        Column("merknad", "Merknad", "note", width=50,
               help="Redaksjonens merknad: hva som må kortes, suppleres eller sjekkes."),
    ),
)

# ---------------------------------------------------------------- bauta.yaml
# Read by the same schema-driven YAML reader as the programme files (plandoc.readers.yaml):
# line numbers, size and depth limits, refused tags and duplicate keys come with it.

#: The publication's own keys, at the top of bauta.yaml («tittel: …»).
SETTINGS = Sheet(
    key="innstillinger", name="Innstillinger", kind="form", model_field="settings",
    columns=(
        Column("tittel", "Tittel", "title", required=True),
        Column("undertittel", "Undertittel", "subtitle"),
        Column("utgiver", "Utgiver", "publisher"),
        Column("utgitt", "Utgitt", "published"),
        Column("år", "År", "year", type="year"),
        Column("kontakt", "Kontakt", "contact"),
        Column("nettadresse", "Nettadresse", "base_url"),
        Column("isbn", "ISBN", "isbn"),
        Column("bakside", "Bakside", "back_text"),
        Column("målform", "Målform", "language", type="choice", choices=LANGUAGES),
    ),
)
EDITORS = Sheet(
    key="redaksjon", name="Redaksjon", kind="table", model_field="editors", shorthand="navn",
    columns=(Column("navn", "Navn", "name", required=True),
             Column("organisasjon", "Organisasjon", "organisation")),
)
DEADLINES = Sheet(
    key="frister", name="Frister", kind="form", model_field="deadlines",
    columns=tuple(Column(kind, kind.capitalize(), kind, type="date") for kind in KINDS),
)
#: bauta.yaml key → PageBudget attribute.
BUDGET_KEYS = {
    "omslag": "cover", "forord_innledning_innhold": "front", "nasjonal_del": "national",
    "felles_erfaringer": "shared", "per_profil": "per_profile",
    "profiler_intro": "profiles_intro", "per_eksempel": "per_example",
    "eksempler_intro": "examples_intro", "henvisninger": "references",
    "kortversjon_per_eksempel": "short_per_example",
}
#: The most pages one part of the budget may have.
MAX_BUDGET_PAGES = 500
BUDGET = Sheet(
    key="sidebudsjett", name="Sidebudsjett", kind="form", model_field="budget",
    columns=tuple(Column(key, key, attr, type="int") for key, attr in BUDGET_KEYS.items()),
)
MUNICIPALITIES = Sheet(
    key="kommuner", name="Kommuner", kind="table", model_field="municipalities",
    columns=(Column("navn", "Navn", "name", required=True),
             Column("nummer", "Nummer", "number"),
             Column("fylke", "Fylke", "county")),
)
REFERENCES = Sheet(
    key="henvisninger", name="Henvisninger", kind="table", model_field="references",
    shorthand="tekst",
    columns=(Column("tekst", "Tekst", "text", required=True),
             Column("lenke", "Lenke", "url")),
)
#: The sections of bauta.yaml below its top level, in the order the file has them.
SETTINGS_SHEETS = (EDITORS, DEADLINES, BUDGET, MUNICIPALITIES, REFERENCES)

#: Folder under the project holding what the municipalities sent in.
SUBMISSIONS_DIR = "innsendt"
#: The project's marker and settings file.
SETTINGS_FILE = "bauta.yaml"
#: The editorial workbook's file name in a project folder.
EDITORIAL_FILE = "redaksjonsark.xlsx"
#: Folder with the editorial group's own texts (Markdown).
TEXTS_DIR = "redaksjon"
#: The editorial texts, by key, in book order; each is `redaksjon/<key>.md`.
TEXT_KEYS = (
    "forord", "innledning", "nasjonal-del", "felles-erfaringer", "kommuneprofiler", "eksempler",
)


def default_file(kind: str, slug: str, index: int = 1) -> str:
    """Where a submission is expected: askvik/profil.docx, askvik/eksempel.docx, …-2.docx."""
    stem = "profil" if kind == "profil" else "eksempel"
    suffix = "" if index <= 1 else f"-{index}"
    return f"{slug}/{stem}{suffix}.docx"


# ---------------------------------------------------------------- the submission forms

FieldKind = Literal["rich", "table", "pictures", "references"]

#: Paragraph styles of the forms: instructions (skipped when a form is read) and fill-in.
INSTRUCTION_STYLE = "Veiledning"
FILL_STYLE = "Utfylling"

PLACEHOLDER = "[Skriv her]"
PICTURE_PLACEHOLDER = "[Lim inn bildet her – eller skriv filnavnet på bildet dere sender med]"


@dataclass(frozen=True)
class FormRow:
    """A labelled row of a form table (facts, contact, about the example)."""

    key: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class FormField:
    """One part of a submission form: a heading and what is filled in under it."""

    key: str
    heading: str
    help: str
    kind: FieldKind = "rich"
    required: bool = False
    rows: tuple[FormRow, ...] = ()

    @property
    def short(self) -> str:
        """The heading without its explaining tail: "Bakgrunn – hvorfor …" → "Bakgrunn"."""
        return self.heading.split(" – ")[0].split(" (")[0].strip()


PROFILE_FACTS = (
    FormRow("kommune", "Kommune"),
    FormRow("kommunenummer", "Kommunenummer"),
    FormRow("fylke", "Fylke"),
    FormRow("innbyggere", "Innbyggere", "Siste tall fra SSB, f.eks. 4 512 (1.1.2025)."),
    FormRow("areal", "Areal (km²)"),
    FormRow("senter", "Administrasjonssenter"),
    FormRow("pilot_siden", "Pilotkommune siden", "Året kommunen ble med i satsingen."),
    FormRow("nettside", "Nettside"),
)

CONTACT_ROWS = (
    FormRow("navn", "Navn"),
    FormRow("stilling", "Stilling"),
    FormRow("epost", "E-post"),
    FormRow("telefon", "Telefon"),
)

PICTURE_ROWS = (
    FormRow("bilde", "Bilde", "Lim inn bildet, eller skriv filnavnet hvis dere sender bildet "
                              "som egen fil (JPEG eller PNG, minst 1600 piksler bredt)."),
    FormRow("bildetekst", "Bildetekst", "Én setning om hva bildet viser."),
    FormRow("kreditering", "Foto/kreditering", "Hvem som har tatt bildet eller laget "
                                               "illustrasjonen."),
    FormRow("alt", "Alternativ tekst", "Beskriv bildet for dem som ikke ser det (påkrevd)."),
)

#: How many picture tables a form has.
MAX_PICTURES = {"profil": 3, "eksempel": 4}

PROFILE_FIELDS = (
    FormField("fakta", "Fakta om kommunen", "Fyll ut tabellen. Faktaene står i samme "
              "rekkefølge for alle kommunene i boka.", kind="table", rows=PROFILE_FACTS),
    FormField("kort_om", "Kort om kommunen", "60–100 ord: hvor kommunen ligger, hva folk "
              "lever av, hva som kjennetegner stedet.", required=True),
    FormField("spesielt", "Dette er spesielt for oss", "150–250 ord: det som er unikt eller "
              "særlig for kommunen i arbeidet med lokal samfunnsutvikling. Skriv konkret.",
              required=True),
    FormField("fatt_til", "Dette har vi fått til", "3–5 kulepunkter med det viktigste kommunen "
              "har oppnådd i satsingen."),
    FormField("kontakt", "Kontaktperson", "Den andre kommuner kan ringe for å lære mer.",
              kind="table", rows=CONTACT_ROWS),
    FormField("bilder", "Bilder", "1–3 bilder. Fyll ut én tabell per bilde; slett ikke "
              "tabellene dere ikke bruker – la dem stå tomme.", kind="pictures", required=True,
              rows=PICTURE_ROWS),
)

THEMES = (
    "Stedsutvikling", "Næringsutvikling", "Universell utforming", "Medvirkning",
    "Bolig og tilflytting", "Kompetanse og rekruttering", "Natur og kultur",
    "Organisering og ledelse",
)

EXAMPLE_ABOUT = (
    FormRow("tittel", "Tittel", "Kort og konkret, f.eks. «Ungdommen tegnet sentrum»."),
    FormRow("tema", "Tema", "Ett av: " + ", ".join(THEMES) + "."),
    FormRow("kommune", "Kommune"),
    FormRow("periode", "Periode", "Når arbeidet foregikk, f.eks. 2022–2025."),
)

EXAMPLE_FIELDS = (
    FormField("om", "Om eksemplet", "Fyll ut tabellen.", kind="table", rows=EXAMPLE_ABOUT),
    FormField("sammendrag", "Sammendrag", "Høyst 80 ord. Brukes i kortversjonen og på "
              "nettsidene: hva dere gjorde, og hva det førte til.", required=True),
    FormField("bakgrunn", "Bakgrunn – hvorfor startet dere?", "Utfordringen eller "
              "muligheten som satte i gang arbeidet.", required=True),
    FormField("arbeidsmate", "Slik gjorde vi det – arbeidsmåte og organisering", "Skriv som "
              "en oppskrift andre kan følge: hvem var med, hvordan var arbeidet organisert og "
              "forankret (politisk og administrativt), hvilke steg tok dere?", required=True),
    FormField("resultater", "Resultater", "Hva er oppnådd? Bruk tall der dere har dem.",
              required=True),
    FormField("gode", "Gode erfaringer", "Det som virket, og som andre bør gjøre likt."),
    FormField("snubletrader", "Snubletråder – dette ville vi gjort annerledes", "Vær ærlige: "
              "det andre kan lære mest av. Skriv framtidsrettet.", required=True),
    FormField("videre", "Veien videre", "Hvordan arbeidet føres videre."),
    FormField("rad", "Tre råd til andre kommuner", "Tre korte kulepunkter. Brukes i "
              "kortversjonen."),
    FormField("lenker", "Lenker og referanser", "Én per linje: navn på dokument eller side, "
              "og nettadressen.", kind="references"),
    FormField("kontakt", "Kontaktperson", "Den andre kommuner kan ringe for å lære mer.",
              kind="table", rows=CONTACT_ROWS),
    FormField("bilder", "Bilder", "2–4 bilder. Fyll ut én tabell per bilde; slett ikke "
              "tabellene dere ikke bruker – la dem stå tomme.", kind="pictures", required=True,
              rows=PICTURE_ROWS),
)

FORM_FIELDS = {"profil": PROFILE_FIELDS, "eksempel": EXAMPLE_FIELDS}
FORM_TITLES = {"profil": "Kommuneprofil", "eksempel": "Eksempel på god praksis"}


# ---------------------------------------------------------------- editorial workbook

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _instructions(ws: object, settings: Settings | None) -> None:
    lines = [
        ("Redaksjonsarket for bauta", ""),
        ("", "Arket Innsendinger har én rad per bidrag redaksjonen venter på. Oppdater "
             "Mottatt og Status etter hvert som bidragene kommer inn og blir vurdert."),
        ("", "Bare bidrag med status «valgt» kommer med i boka, i den rekkefølgen kolonnen "
             "Rekkefølge gir (profiler og eksempler hver for seg)."),
        ("", "«plandoc bauta status MAPPE» viser hva som mangler eller er forsinket. "
             "«plandoc bauta build MAPPE» lager boka, kortversjonen og nettutgaven."),
        ("", ""),
    ]
    for column in EDITORIAL.columns:
        lines.append((column.header, column.help))
    if settings is not None and settings.deadlines:
        lines.append(("", ""))
        for kind, date in settings.deadlines.items():
            lines.append((f"Frist {kind}", date.strftime("%d.%m.%Y")))
    for row, (name, text) in enumerate(lines, start=1):
        a = ws.cell(row=row, column=1, value=name or None)  # type: ignore[attr-defined]
        b = ws.cell(row=row, column=2, value=text or None)  # type: ignore[attr-defined]
        a.alignment = b.alignment = _WRAP
        if row == 1 or text == "" or name in {c.header for c in EDITORIAL.columns}:
            a.font = Font(bold=True, size=14 if row == 1 else 11)
    ws.column_dimensions["A"].width = 22  # type: ignore[attr-defined]
    ws.column_dimensions["B"].width = 90  # type: ignore[attr-defined]


def build_editorial_workbook(settings: Settings | None = None) -> Workbook:
    """The editorial workbook: Veiledning and Innsendinger, with a profile and an example row
    per municipality in `settings` (none without), drop-down lists and frozen headers."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    _instructions(wb.create_sheet(INSTRUCTIONS_SHEET), settings)
    ws = wb.create_sheet(EDITORIAL.name)
    for col, column in enumerate(EDITORIAL.columns, start=1):
        cell = ws.cell(row=1, column=col, value=column.header)
        cell.fill, cell.font = _HEADER_FILL, _HEADER_FONT
        if column.help:
            cell.comment = Comment(column.help, "plandoc")
        ws.column_dimensions[cell.column_letter].width = column.width
    ws.freeze_panes = "A2"
    rows = 2
    if settings is not None:
        deadlines = settings.deadlines
        for m in settings.municipalities:
            for kind in KINDS:
                values = {
                    "kommune": m.name, "type": kind, "frist": deadlines.get(kind),
                    "status": "mangler", "fil": default_file(kind, m.slug),
                }
                for col, column in enumerate(EDITORIAL.columns, start=1):
                    cell = ws.cell(row=rows, column=col, value=values.get(column.key))
                    if column.type == "date":
                        cell.number_format = "DD.MM.YYYY"
                rows += 1
    last = max(rows + 200, 300)
    letters = {c.key: ws.cell(row=1, column=i).column_letter
               for i, c in enumerate(EDITORIAL.columns, start=1)}
    lists: list[tuple[str, tuple[str, ...]]] = [
        ("type", KINDS), ("status", STATUSES), ("prioritet", PRIORITIES)]
    if settings is not None and settings.municipalities:
        names = tuple(m.name for m in settings.municipalities)
        if len(",".join(names)) < 250:  # Excel's limit for a list written in the rule
            lists.append(("kommune", names))
    for key, choices in lists:
        dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                            allow_blank=True, showErrorMessage=key != "kommune")
        dv.error = "Velg en verdi fra listen."
        dv.add(f"{letters[key]}2:{letters[key]}{last}")
        ws.add_data_validation(dv)
    for key in ("frist", "mottatt"):
        for row in range(rows, last + 1):
            ws[f"{letters[key]}{row}"].number_format = "DD.MM.YYYY"
    wb.active = 1
    return wb


def write_editorial_workbook(path: Path, settings: Settings | None = None) -> None:
    """Write the editorial workbook deterministically and atomically."""
    save_workbook(build_editorial_workbook(settings), path)
