"""Generate docs/robustness.md from the corpus cases and the limits in the code.

Regenerate with `PLANDOC_WRITE_ROBUSTNESS=1 .venv/bin/pytest tests/badinput/test_report.py`;
without the variable that test checks that the committed page is up to date.
"""

from __future__ import annotations

import html
from pathlib import Path

from badinput.cases import CASES, Case

REPO = Path(__file__).resolve().parents[2]
TARGET = REPO / "docs" / "robustness.md"
NB = "\u00a0"


def _code(text: str) -> str:
    """`text` as a Markdown code span that survives backticks and table pipes."""
    text = text.replace(NB, " ").replace("|", "\\|")
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _outcome(case: Case) -> str:
    lines = [case.file + e if e.startswith(":") else e for e in case.expect]
    if case.kind == "build":
        shown = "<br>".join(_code(t) for t in case.shows)
        return f"lages; DOCX og PDF viser teksten uendret: {shown}"
    if case.kind == "image":
        if not lines:
            return "godtas (bildet ligger i mappen og er et ekte bilde)"
        return "<br>".join(_code(line) for line in lines)
    if case.kind == "cli":
        code = f"avslutter med kode {case.exit_code}"
        if not lines:
            return f"{code}, uten meldinger; dokumentet lages"
        return f"{code}:<br>" + "<br>".join(_code(line) for line in lines)
    if not lines:
        return "leses uten merknader"
    return "<br>".join(_code(line) for line in lines)


def _limits() -> list[str]:
    from plandoc.readers import images, yaml
    from plandoc.readers import xlsx as xlsx_reader
    from plandoc.readers.cells import MAX_TEXT_LENGTH

    def n(value: int) -> str:
        return f"{value:,}".replace(",", " ")

    mb = 1024 * 1024
    return [
        f"- Et tabellark leses til og med {n(xlsx_reader.MAX_TABLE_ROWS)} rader med innhold, "
        f"et skjemaark (Program) {n(xlsx_reader.MAX_FORM_ROWS)}; deretter stopper lesingen "
        "med en feil. En YAML-liste kan ha like mange elementer "
        f"({n(yaml.MAX_ITEMS)}), en YAML-fil høyst {n(yaml.MAX_NODES)} verdier, "
        f"{yaml.MAX_DEPTH} nivåer og {yaml.MAX_BYTES // mb} MB.",
        f"- En tekstcelle kan ha høyst {n(MAX_TEXT_LENGTH)} tegn (Excels egen grense).",
        f"- En .xlsx-fil kan pakke seg ut til høyst {xlsx_reader.MAX_UNCOMPRESSED // mb} MB, "
        f"og en stor del av den (over {xlsx_reader.RATIO_FLOOR // mb} MB) kan ikke være mer "
        f"enn {xlsx_reader.MAX_RATIO} ganger så stor utpakket (zip-bombe).",
        "- XML-entiteter (entitetsbomber, eksterne entiteter) avvises av defusedxml før noe "
        "blir lest; YAML leses som noder, så ingen tagg kan lage Python-objekter, og alias "
        "blir aldri pakket ut.",
        f"- Et bilde må ligge i mappen til inndatafilen (etter at `..` og symbolske lenker er "
        f"løst opp), være PNG, JPEG, GIF eller WebP etter innholdet (ikke navnet), høyst "
        f"{images.MAX_IMAGE_BYTES // mb} MB og {n(images.MAX_IMAGE_PIXELS)} piksler, og ha "
        "alternativ tekst.",
        "- Tegn: bare tegn som skriftene PDF-en har med seg kan vises "
        "(`templates/typst/fonts/`: Noto Sans, Noto Sans Symbols, Noto Sans Hebrew, Noto Sans "
        "Arabic, Noto Emoji og DejaVu Sans i tillegg til Typsts egne). Kontrolltegn, enslige "
        "surrogater, retningsoverstyring (U+202A–U+202E, U+2066–U+2069, U+200E/F), tegn uten "
        "skrift (f.eks. kinesisk) og kombinerende tegn som ikke kan settes sammen til én "
        "bokstav gir en feil som peker på cellen.",
    ]


HEADER = """\
# Robusthet: ødelagte, fiendtlige og uvanlige inndata

<!-- Generert av tests/badinput/report.py fra tests/badinput/cases.py; ikke rediger for hånd.
     Lag på nytt med: PLANDOC_WRITE_ROBUSTNESS=1 .venv/bin/pytest tests/badinput/test_report.py -->

Arbeidsbøker kommer fra mange hender: halvt utfylt, limt inn fra andre dokumenter, lagret i
gamle Excel-versjoner, av og til laget for å gjøre skade. Hvert tilfelle under er en ekte fil i
`tests/badinput/files/` (de store lages av testen), og `make test` kjører dem alle
(`tests/badinput/test_corpus.py`). For hvert tilfelle gir plandoc enten nøyaktig
meldingene i tabellen, med fil, ark og celle eller YAML-linje, eller dokumenter der teksten
står uendret. Aldri en Python-sporing, aldri en fil utenfor utmappen, og hvert tilfelle
holder seg innenfor en tids- og minnegrense (10 s i prosessen; de store i en egen prosess med
1,5 GiB minne og 60 s).

## Grenser

"""

FOOTER = """
## Egenskapstester (hypothesis)

`tests/properties/` prøver tilfeldige inndata, med et fast, lite antall eksempler per kjøring:

- **Tekst** (`test_text.py`): hvilken som helst Unicode-tekst i et tekstfelt blir enten lagret
  nøyaktig (NFC, linjeskift samlet, mellomrom i endene fjernet) eller avvist med en feil på
  akkurat den cellen (kontrolltegn, surrogat, retningstegn, tegn uten skrift, for lang tekst,
  tomt påkrevd felt). Tekst av tegn som skriftene har, vises uendret i DOCX-teksten og
  PDF-teksten (i overskrift, avsnitt og tabellceller).
- **Tall** (`test_totals.py`): tilfeldige beløp, skrevet som tall, som «1 250 000», «kr 300 000»
  eller med øre, gir summer i handlingsplanens tabeller i DOCX og PDF som er lik modellens
  summer.

## Sikker og reproduserbar utskrift

`tests/safety/`:

- Hver fil skrives til en midlertidig fil (navnet starter med «.») i samme mappe og døpes
  om når den er ferdig. Et bygg som drepes med SIGKILL (ved flere tidspunkter, og midt i
  skrivingen av en fil) etterlater hver fil enten som forrige gode versjon eller ikke i det
  hele tatt, og neste bygg fullfører med nøyaktig de samme bytene som et uavbrutt bygg.
- To bygg av de samme inndataene gir byte-like DOCX- og PDF-filer, også fra en annen
  arbeidsmappe, med inndataene et annet sted og med `--jobs 2`. `SOURCE_DATE_EPOCH` setter
  datoene i filene (DOCX-egenskapene, PDF-ens /CreationDate og XMP); uten den brukes
  1. januar 2000, aldri klokka.
- Utmappene lages bare fra renskede navn (`[a-z0-9-]`): en kommune som heter
  `../../utenfor` gir `build/utenfor/`.

## Tilgjengelighet (universell utforming)

PDF-ene lages som PDF/UA-1 og PDF/A-2a på en gang: merket (tagged) struktur, tittel som
vises i stedet for filnavnet, språk (nb-NO eller nn-NO), bokmerker lik innholdsfortegnelsen,
overskrifter merket H1–H3, tabeller med overskriftsceller (TH) og alternativ tekst på hver
figur; et diagram får en generert beskrivelse med tallene, og et bilde uten alternativ tekst
i inndataene er en feil. Word-dokumentene har ekte overskriftsstiler, alternativ tekst på
hvert bilde, overskriftsrader merket som det og dokumentspråket satt.

**Kontroll:** veraPDF finnes ikke i noen av pakkeregistrene prosjektet kan bruke (PyPI,
Debian, npm), så kontrollen er Typsts egen: Typst nekter å eksportere en fil som bryter
PDF/UA-1 eller PDF/A-2a, og testene (`tests/a11y/`) krever at det ikke skjedde. I tillegg
sjekker de strukturen i filene med pikepdf (StructTreeRoot, /Lang, /Title med
DisplayDocTitle, /Alt på hver Figure, TH i hver tabell, bokmerkene, innebygde skrifter) og
DOCX-en med lxml.

## Kjente begrensninger

- Tekst som blander høyre-til-venstre-skrift (hebraisk, arabisk) med tall eller latinske ord
  i samme felt, vises riktig i PDF-en, men tekstuttrekk (kopier og lim inn, noen
  skjermlesere) kan få rekkefølgen feil. Rene hebraiske eller arabiske felt kommer ut i riktig
  rekkefølge (tilfelle 54; sjekkes med `pdftotext` når poppler-utils er installert).
- Felt med formatert tekst (Markdown: bakgrunn, beskrivelser) tolker `**`, `-` og lenker;
  egenskapstesten for uendret tekst gjelder de vanlige tekstfeltene.
"""


def render() -> str:
    out = [HEADER, *(line + "\n" for line in _limits())]
    groups: dict[str, list[Case]] = {}
    for case in CASES:
        groups.setdefault(case.group, []).append(case)
    out.append(f"\n## Tilfellene ({len(CASES)})\n")
    for group, cases in groups.items():
        out.append(f"\n### {group}\n\n| fil | tilfelle | hva plandoc gjør |\n|---|---|---|\n")
        for case in cases:
            name = case.file if case.make is not None or case.kind == "cli" else (
                f"({case.image_path})")
            large = " (stor: lages av testen)" if case.large else ""
            title = html.escape(case.title, quote=False).replace("|", "\\|")
            out.append(f"| `{name}` | {title}{large} | {_outcome(case)} |\n")
    out.append(FOOTER)
    return "".join(out)


def write() -> Path:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(render(), encoding="utf-8")
    return TARGET

