"""The bad-input corpus: each case is a real file and the exact diagnostics (or output) it gives.

A case's `expect` lists every diagnostic, in order, exactly as `plandoc validate` prints it
(the file named as given on the command line). A "cli" case lays out a folder with `setup`,
runs `plandoc` with the arguments it returns there, and requires the exit code `exit_code`
and every `expect` line, in order, among the lines printed (stdout and stderr); `check`
then looks at what is on disk. A "build" case must load without errors and
its `shows` texts must appear literally in the DOCX text and the PDF text of the
omstillingsplan. An "image" case runs `plandoc.readers.images.check_image` on `image_path`
with the corpus folder as the input folder. `large` cases are generated into a temporary
folder by the test (too big to commit) and run in a subprocess with memory and time limits.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from badinput import cli_cases as cli
from badinput.make_corpus import (
    BASE_YAML,
    Rows,
    base_sheets,
    book_bytes,
    inline_cell,
    many_rows_book,
    many_rows_yaml,
    patch_sheet,
    png_bytes,
    png_header_only,
    replace_cell,
    set_value,
    sheet_member,
    zip_bomb_book,
)

NB = "\u00a0"  # NO-BREAK SPACE, as Norwegian numbers are written ("10 000")


@dataclass(frozen=True)
class Case:
    """One corpus case; see the module docstring."""

    file: str
    group: str
    title: str
    make: Callable[[], bytes] | None
    expect: tuple[str, ...] = ()
    kind: Literal["load", "build", "image", "cli"] = "load"
    shows: tuple[str, ...] = ()
    large: bool = False
    #: For image cases: the path as the input would give it, and where a symbolic link the
    #: test makes at that path points (links are not committed).
    image_path: str = ""
    link_to: str = ""
    #: For cli cases: lays out the files in a folder, returns the arguments after `plandoc`.
    setup: Callable[[Path], list[str]] | None = None
    exit_code: int = 0
    #: For cli cases: environment variables set for the command.
    env: tuple[tuple[str, str], ...] = ()
    #: For cli cases: asserts on what the command left in the folder.
    check: Callable[[Path], None] | None = None

    @property
    def name(self) -> str:
        return self.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]


# ------------------------------------------------------------------ makers


def book(change: Callable[[dict[str, Rows]], None] | None = None, **kwargs: object) -> bytes:
    sheets = base_sheets()
    if change is not None:
        change(sheets)
    return book_bytes(sheets, **kwargs)  # type: ignore[arg-type]


def cell(sheet: str, where: str, value: object) -> Callable[[], bytes]:
    return lambda: book(lambda s: set_value(s, sheet, where, value))


def without_sheet(name: str) -> Callable[[], bytes]:
    def change(s: dict[str, Rows]) -> None:
        del s[name]
        if name == "Innsatsområder":  # nothing may refer to the missing areas
            del s["Tiltak"]
    return lambda: book(change)


def rename_header(sheet: str, old: str, new: str | None) -> Callable[[], bytes]:
    def change(s: dict[str, Rows]) -> None:
        header = s[sheet][0]
        i = header.index(old)
        if new is None:
            for row in s[sheet]:
                del row[i]
        else:
            header[i] = new
    return lambda: book(change)


def yaml_text(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def yaml_with(old: str, new: str) -> Callable[[], bytes]:
    def make() -> bytes:
        assert old in BASE_YAML, old
        return BASE_YAML.replace(old, new, 1).encode("utf-8")
    return make


def everywhere(text: str) -> Callable[[], bytes]:
    """The same text as the vision, an area's name (a heading), a goal (a table cell) and a
    person's name (another table): it must come out literally in each place."""
    def change(s: dict[str, Rows]) -> None:
        set_value(s, "Program", "Visjon", text)
        set_value(s, "Innsatsområder", "B2", text)
        set_value(s, "Mål", "C2", text)
        set_value(s, "Organisasjon", "C2", text)
    return lambda: book(change)


def raw_text(placeholder: str, raw: str, where: tuple[str, str]) -> bytes:
    """Put `raw` (with Excel's own escapes like _x000B_) into a cell; openpyxl refuses to
    write such characters itself."""
    sheets = base_sheets()
    set_value(sheets, where[0], where[1], placeholder)
    data = book_bytes(sheets)
    return patch_sheet(data, where[0], lambda xml: xml.replace(placeholder, raw))


def merged() -> bytes:
    def change(s: dict[str, Rows]) -> None:
        s["Tiltak"].append(["T3", "Gründerhus", "IO1", 2025, 200000])
        s["Tiltak"][3][2] = None

    def tweak(wb: object) -> None:
        wb["Tiltak"].merge_cells("C3:C4")  # type: ignore[index]
    return book(change, tweak=tweak)


def hidden_row() -> bytes:
    def tweak(wb: object) -> None:
        wb["Tiltak"].row_dimensions[3].hidden = True  # type: ignore[index]
    return book(tweak=tweak)


def with_sum_row() -> bytes:
    def change(s: dict[str, Rows]) -> None:
        s["Tiltak"].append([None, None, None, None, None])
        s["Tiltak"].append(["Sum", None, None, None, "=SUM(E2:E3)"])
    return book(change)


def entity_bomb() -> bytes:
    lol = "".join(
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    doctype = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{lol}]>'
    data = book_bytes(base_sheets())
    return patch_sheet(data, "Program", lambda xml: _after_decl(xml, doctype).replace(
        "Et levende lokalsamfunn", "&lol9;"))


def external_entity() -> bytes:
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    sheets = base_sheets()
    data = book_bytes(sheets)

    def change(xml: str) -> str:
        xml = _after_decl(xml, doctype)
        return replace_cell(xml, "B6", '<c r="B6" t="inlineStr"><is><t>&xxe;</t></is></c>')
    return patch_sheet(data, "Program", change)


def _after_decl(xml: str, doctype: str) -> str:
    if xml.startswith("<?xml"):
        end = xml.index("?>") + 2
        return xml[:end] + doctype + xml[end:]
    return doctype + xml


def broken_xml() -> bytes:
    data = book_bytes(base_sheets())
    return patch_sheet(data, "Tiltak", lambda xml: xml[: len(xml) // 2])


def zip_without_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 1, 0, 0, 0)),
                   "<w:document/>")
    return out.getvalue()


def inline_text(sheet: str, ref: str, text: str) -> Callable[[], bytes]:
    """A cell holding `text` as an inline string, written straight into the sheet XML."""
    def make() -> bytes:
        data = book_bytes(base_sheets())
        return patch_sheet(data, sheet, lambda xml: replace_cell(xml, ref, inline_cell(ref, text)))
    return make


def alias_bomb() -> bytes:
    lines = ["program: {kommune: Dyrøy, programnavn: P, periode_fra: 2024, periode_til: 2027}",
             'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join(f"*a{i - 1}" for _ in range(10)) + "]")
    lines.append("innsatsområder:")
    lines.extend(["  - {id: IO1, navn: *a9}"] * 3)
    lines.append("tiltak: [*a9, *a9, *a9]")
    return ("\n".join(lines) + "\n").encode()


def percent(sheet: str, where: str, value: float) -> Callable[[], bytes]:
    """A number in a cell formatted as percent: Excel shows 0.75 as "75 %"."""
    def tweak(wb: object) -> None:
        wb[sheet][where].number_format = "0%"  # type: ignore[index]
    return lambda: book(lambda s: set_value(s, sheet, where, value), tweak=tweak)


def blank_header() -> bytes:
    """Data in a column whose header cell is empty (say, after merging header cells)."""
    def change(s: dict[str, Rows]) -> None:
        s["Tiltak"][0].append(None)
        s["Tiltak"][1].append("Gjelder bare første halvår")

    def tweak(wb: object) -> None:
        wb["Tiltak"].merge_cells("E1:F1")  # type: ignore[index]
    return book(change, tweak=tweak)


def missing_sheet_part() -> bytes:
    """The workbook lists the sheet Tiltak, but its XML part is not in the zip."""
    data = book_bytes(base_sheets())
    member = sheet_member(data, "Tiltak")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def with_strategies(change: Callable[[dict[str, Rows]], None]) -> Callable[[], bytes]:
    """The base programme with a Strategier sheet (S1 under IO1) and tiltak using it."""
    def full(s: dict[str, Rows]) -> None:
        s["Strategier"] = [["ID", "Innsatsområde", "Navn"], ["S1", "IO1", "Nye bedrifter"],
                           ["S2", "IO2", "Kompetanse i bedriftene"]]
        s["Tiltak"][0].append("Strategi")
        s["Tiltak"][1].append("S1")
        s["Tiltak"][2].append("S2")
        change(s)
    return lambda: book(full)


def with_money(change: Callable[[dict[str, Rows]], None]) -> Callable[[], bytes]:
    """The base programme with a budget and its financing for 2025 and 2026."""
    def full(s: dict[str, Rows]) -> None:
        s["Budsjett"] = [["År", "Post", "Beløp (kr)"], [2025, "Bedriftsutvikling", 500000],
                         [2026, "Bedriftsutvikling", 400000]]
        s["Finansiering"] = [["År", "Kilde", "Kildetype", "Beløp (kr)"],
                             [2025, "Troms fylkeskommune", "fylkeskommune", 250000],
                             [2025, "Dyrøy kommune", "kommune", 250000],
                             [2026, "Troms fylkeskommune", "fylkeskommune", 200000],
                             [2026, "Dyrøy kommune", "kommune", 200000]]
        change(s)
    return lambda: book(full)


def nested() -> bytes:
    return ("program:\n  kommune: " + "[" * 100 + "]" * 100 + "\n").encode()


_MARKDOWN = "**fet** _kursiv_ # ikke overskrift [lenke](https://x.no) | a | b | `kode` <br> \\*"
_JINJA = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {# kommentar #} {{ config }}"
_TYPST = '#set text(red) $x^2$ @ref <etikett> #import "/etc/passwd" = Tittel ] ) } // ikke'
_XML = "</w:t></w:r><w:r><w:t>injisert &amp; &lt;b&gt; <![CDATA[x]]> \"sitat\" 'enkel'"
_EMOJI = "Smil 😀 tommel 👍🏽 hjerte ❤️ familie 👨‍👩‍👧 flagg 🇳🇴"
_RTL_HE = "שלום עולם"
_RTL_AR = "مرحبا بالعالم"

# ------------------------------------------------------------------ the corpus

_DEFINED: tuple[Case, ...] = (
    # -------- wrong types, one per kind of column
    Case("01-belop-som-tekst.xlsx", "Feil type i en kolonne", "beløp skrevet som tekst",
         cell("Tiltak", "E2", "ca. 3 mill")),
    Case("02-ar-som-tekst.xlsx", "Feil type i en kolonne", "årstall skrevet som tekst",
         cell("Tiltak", "D2", "neste år")),
    Case("03-dato-finnes-ikke.xlsx", "Feil type i en kolonne", "dato som ikke finnes",
         cell("Mål", "F2", "31.02.2027")),
    Case("04-valg-utenfor-listen.xlsx", "Feil type i en kolonne", "verdi utenfor nedtrekkslisten",
         cell("Mål", "B2", "overmål")),
    Case("05-id-som-ikke-finnes.xlsx", "Feil type i en kolonne", "referanse til en ukjent ID",
         cell("Tiltak", "C2", "IO9")),
    Case("06-verdi-med-feilverdi.xlsx", "Feil type i en kolonne", "målverdi med #N/A",
         cell("Mål", "E2", "#N/A")),
    Case("07-dato-som-tall.xlsx", "Feil type i en kolonne", "dato skrevet som et vanlig tall",
         cell("Mål", "F2", 12)),
    Case("08-program-ar-som-dato.xlsx", "Feil type i en kolonne", "periode fra som en dato",
         cell("Program", "Periode fra (år)", "01.01.2024")),
    Case("09-negativt-belop.yaml", "Feil type i en kolonne", "negativt beløp (YAML)",
         yaml_with("budsjett: 500000", "budsjett: -5000")),
    Case("10-liste-som-verdi.yaml", "Feil type i en kolonne", "liste der én verdi skal stå (YAML)",
         yaml_with("budsjett: 500000", "budsjett: [1, 2]")),
    Case("11-tall-som-tekst.xlsx", "Feil type i en kolonne",
         "tall som navn på et innsatsområde blir tekst", cell("Innsatsområder", "B2", 4711),
         kind="build", shows=("4711",)),
    Case("12-belop-med-komma.xlsx", "Feil type i en kolonne",
         "beløp med komma som tusenskille (800,000)", cell("Tiltak", "E2", "800,000")),
    Case("13-prosent.xlsx", "Feil type i en kolonne",
         "målverdi i en celle formatert som prosent (0,75 vises som 75 %)",
         percent("Mål", "E2", 0.75), kind="build", shows=(f"75{NB}%",)),
    Case("14-belop-som-prosent.xlsx", "Feil type i en kolonne",
         "beløp i en celle formatert som prosent", percent("Tiltak", "E2", 0.5)),
    # -------- missing and unknown sheets and columns
    Case("20-ark-mangler.xlsx", "Manglende og ukjente ark og kolonner",
         "arket Innsatsområder mangler", without_sheet("Innsatsområder")),
    Case("21-kolonne-mangler.xlsx", "Manglende og ukjente ark og kolonner",
         "kolonnen Budsjett mangler", rename_header("Tiltak", "Budsjett (kr)", None)),
    Case("22-ukjent-kolonne.xlsx", "Manglende og ukjente ark og kolonner",
         "feilstavet kolonneoverskrift", rename_header("Tiltak", "Budsjett (kr)", "Budsjet")),
    Case("23-ukjent-ark.xlsx", "Manglende og ukjente ark og kolonner", "ukjent ark med innhold",
         lambda: book(lambda s: s.update({"Tiltaksliste": [["ID"], ["T9"]]}))),
    Case("24-nokkel-mangler.yaml", "Manglende og ukjente ark og kolonner",
         "innsatsområder: mangler (YAML)",
         yaml_text(BASE_YAML.split("innsatsområder:")[0])),
    Case("25-ukjent-nokkel.yaml", "Manglende og ukjente ark og kolonner",
         "feilstavet nøkkel (YAML)", yaml_with("tiltak:", "tilak:")),
    Case("26-tom-overskriftsrad.xlsx", "Manglende og ukjente ark og kolonner",
         "tabell uten overskriftsrad",
         lambda: book(lambda s: s.update({"Tiltak": [["T1", "Bedrift", "IO1", 2025, 5]]}))),
    Case("27-kolonne-uten-overskrift.xlsx", "Manglende og ukjente ark og kolonner",
         "kolonne med innhold, men uten overskrift (sammenslått overskriftscelle)",
         blank_header),
    # -------- what Excel users do to workbooks
    Case("30-sammenslatte-celler.xlsx", "Excel-særheter", "celler slått sammen over dataradene",
         merged),
    Case("31-formel-uten-verdi.xlsx", "Excel-særheter", "formel uten lagret verdi",
         cell("Tiltak", "E2", "=400000+100000")),
    Case("32-feilverdier.xlsx", "Excel-særheter", "feilverdiene #REF! og #DIV/0!",
         lambda: book(lambda s: (set_value(s, "Tiltak", "E2", "#REF!"),
                                 set_value(s, "Tiltak", "D3", "#DIV/0!")))),
    Case("33-skjult-ark.xlsx", "Excel-særheter", "skjult ark med innhold",
         lambda: book(hidden_sheets=("Organisasjon",))),
    Case("34-skjult-rad.xlsx", "Excel-særheter", "skjult rad med innhold", hidden_row),
    Case("35-sumrad.xlsx", "Excel-særheter", "sumrad og tom rad under tabellen",
         with_sum_row),
    Case("36-dupliserte-id.xlsx", "Excel-særheter", "samme ID to ganger",
         cell("Innsatsområder", "A3", "IO1")),
    Case("37-referansesyklus.yaml", "Excel-særheter",
         "YAML-anker som viser til seg selv (syklus)",
         yaml_text("program: &p\n  kommune: Dyrøy\n  programnavn: *p\n  periode_fra: 2024\n"
                   "  periode_til: 2027\ninnsatsområder: &a\n  - id: IO1\n    navn: *a\n")),
    Case("38-ugyldig-verdi-og-ukjent-id.xlsx", "Hver kontroll, én gang",
         "ugyldig beløp og ukjent innsatsområde på samme rad: begge meldes",
         lambda: book(lambda s: (set_value(s, "Tiltak", "E2", "ca. 3 mill"),
                                 set_value(s, "Tiltak", "C2", "IO9")))),
    Case("39-feilstavet-innsatsomrade.xlsx", "Hver kontroll, én gang",
         "feilstavet innsatsområde gir én feil, ikke en følgefeil om strategien",
         with_strategies(lambda s: set_value(s, "Tiltak", "C2", "I01"))),
    Case("40-ulest-belop-ett-ar.xlsx", "Hver kontroll, én gang",
         "uleselig beløp i 2025 stopper ikke balansekontrollen for 2026",
         with_money(lambda s: (set_value(s, "Budsjett", "C2", "fem hundre tusen"),
                               set_value(s, "Finansiering", "D5", 150000)))),
    # -------- size
    Case("40-100000-rader.xlsx", "Store inndata", "100 000 rader i Tiltak",
         lambda: many_rows_book(100_000), large=True),
    Case("41-100000-rader.yaml", "Store inndata", "100 000 tiltak (YAML)",
         lambda: many_rows_yaml(100_000), large=True),
    Case("42-celle-1mb.xlsx", "Store inndata", "én celle med 1 MB tekst",
         inline_text("Program", "B6", ("Lang tekst limt inn fra et annet dokument. " * 30_000)
                     [: 1024 * 1024])),
    # -------- control characters and Unicode
    Case("50-loddrett-tab.xlsx", "Kontrolltegn og Unicode",
         "linjeskift som loddrett tabulator (_x000B_)",
         lambda: raw_text("LINJESKIFT", "Første linje_x000B_andre linje",
                                       ("Program", "Visjon")),
         kind="build", shows=("Første linje andre linje",)),
    Case("51-nul-tegn.xlsx", "Kontrolltegn og Unicode", "NUL-tegn (_x0000_) i en celle",
         lambda: raw_text("NULTEGN", "Bedrift_x0000_sutvikling",
                                       ("Tiltak", "B2"))),
    Case("52-nul-tegn.yaml", "Kontrolltegn og Unicode", "NUL-tegn (\\0) i YAML",
         yaml_with("navn: Bedriftsutvikling", 'navn: "Bedrifts\\0utvikling"')),
    Case("53-emoji.xlsx", "Kontrolltegn og Unicode", "emoji, hudfarge, ZWJ-sekvens og flagg",
         everywhere(_EMOJI), kind="build", shows=(_EMOJI,)),
    Case("54-hoyre-til-venstre.xlsx", "Kontrolltegn og Unicode", "hebraisk og arabisk tekst",
         lambda: book(lambda s: (set_value(s, "Program", "Visjon", _RTL_HE),
                                 set_value(s, "Organisasjon", "C2", _RTL_AR))),
         kind="build", shows=(_RTL_HE, _RTL_AR)),
    Case("55-kombinerende-tegn.xlsx", "Kontrolltegn og Unicode",
         "e + kombinerende akutt aksent blir é (NFC)",
         cell("Program", "Visjon", "Kafe\u0301 og bru\u0308nost"), kind="build",
         shows=("Kafé og brünost",)),
    Case("56-kombinerende-uten-bokstav.xlsx", "Kontrolltegn og Unicode",
         "kombinerende tegn uten ferdig sammensatt bokstav", cell("Tiltak", "B2", "q\u0303")),
    Case("57-retningstegn.yaml", "Kontrolltegn og Unicode", "usynlig retningsoverstyring (U+202E)",
         yaml_with("navn: Bedriftsutvikling", 'navn: "Bedrift \\u202Egnilkivtu"')),
    Case("58-tegn-uten-skrift.yaml", "Kontrolltegn og Unicode", "kinesiske tegn (ingen skrift)",
         yaml_with("navn: Bedriftsutvikling", "navn: 企业发展")),
    Case("59-enslig-surrogat.yaml", "Kontrolltegn og Unicode", "enslig surrogat (\\uD800)",
         yaml_with("navn: Bedriftsutvikling", 'navn: "Bedrift \\uD800"')),
    Case("15-tegnreferanse-i-rik-tekst.xlsx", "Kontrolltegn og Unicode",
         "retningstegn skrevet som tegnreferanse (&#x202E;) i et felt med formatert tekst",
         lambda: book(lambda s: (set_value(s, "Innsatsområder", "D1", "Beskrivelse"),
                                 set_value(s, "Innsatsområder", "D2",
                                           "Mer **liv** &#x202E;gnilkivtu")))),
    # -------- text that looks like markup
    Case("60-ser-ut-som-markdown.xlsx", "Tekst som ligner kode", "Markdown",
         everywhere(_MARKDOWN), kind="build", shows=(_MARKDOWN,)),
    Case("61-ser-ut-som-jinja.xlsx", "Tekst som ligner kode", "Jinja ({{ 7*7 }}, {% for %})",
         everywhere(_JINJA), kind="build", shows=(_JINJA,)),
    Case("62-ser-ut-som-typst.xlsx", "Tekst som ligner kode", "Typst (#set, $x$)",
         everywhere(_TYPST), kind="build", shows=(_TYPST,)),
    Case("63-ser-ut-som-xml.xlsx", "Tekst som ligner kode", "XML (</w:t>, &amp;)",
         everywhere(_XML), kind="build", shows=(_XML,)),
    Case("64-kode-i-yaml.yaml", "Tekst som ligner kode", "Jinja og Typst i YAML",
         yaml_with("visjon: Et levende lokalsamfunn", "visjon: '{{ 7*7 }} #set $x$ </w:t>'"),
         kind="build", shows=("{{ 7*7 }} #set $x$ </w:t>",)),
    # -------- broken and hostile files
    Case("70-ikke-en-zip.xlsx", "Ødelagte og fiendtlige filer", "tekstfil med .xlsx-navn",
         lambda: b"ID;Navn\nT1;Bedriftsutvikling\n"),
    Case("71-gammelt-excel-format.xlsx", "Ødelagte og fiendtlige filer",
         "Excel 97–2003-fil (.xls) med .xlsx-navn",
         lambda: bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)),
    Case("72-tom-fil.xlsx", "Ødelagte og fiendtlige filer", "tom fil", lambda: b""),
    Case("73-zip-uten-arbeidsbok.xlsx", "Ødelagte og fiendtlige filer",
         "zip-fil uten arbeidsbok", zip_without_workbook),
    Case("74-zip-bombe.xlsx", "Ødelagte og fiendtlige filer", "zip-bombe (300 MB utpakket)",
         lambda: zip_bomb_book(300), large=True),
    Case("75-xml-entitetsbombe.xlsx", "Ødelagte og fiendtlige filer",
         "XML-entitetsbombe (billion laughs) i et ark", entity_bomb),
    Case("76-ekstern-entitet.xlsx", "Ødelagte og fiendtlige filer",
         "ekstern XML-entitet som peker på /etc/passwd", external_entity),
    Case("77-avkuttet-xml.xlsx", "Ødelagte og fiendtlige filer", "ark med avkuttet XML",
         broken_xml),
    Case("78-alias-bombe.yaml", "Ødelagte og fiendtlige filer", "YAML-aliasbombe", alias_bomb),
    Case("79-python-objekt.yaml", "Ødelagte og fiendtlige filer",
         "YAML-taggen !!python/object/apply",
         yaml_with("budsjett: 500000",
                   'budsjett: !!python/object/apply:os.system ["touch plandoc-pwned"]')),
    Case("80-ugyldig-utf8.yaml", "Ødelagte og fiendtlige filer", "ugyldig UTF-8 (Latin-1)",
         lambda: BASE_YAML.encode("latin-1")),
    Case("81-tabulator.yaml", "Ødelagte og fiendtlige filer", "tabulator brukt til innrykk",
         yaml_with("  - id: IO2", "\t- id: IO2")),
    Case("82-dyp-nosting.yaml", "Ødelagte og fiendtlige filer", "100 nivåer nøstede lister",
         nested),
    Case("83-tom.yaml", "Ødelagte og fiendtlige filer", "tom YAML-fil", lambda: b""),
    Case("85-to-yaml-dokumenter.yaml", "Ødelagte og fiendtlige filer",
         "to YAML-dokumenter i én fil (---)", lambda: (BASE_YAML + "---\n" + BASE_YAML).encode()),
    Case("86-kolon-i-tekst.yaml", "Ødelagte og fiendtlige filer",
         "kolon i en tekst uten anførselstegn",
         yaml_with("visjon: Et levende lokalsamfunn", "visjon: Mål: et levende: samfunn")),
    Case("84-ark-mangler-i-zip.xlsx", "Ødelagte og fiendtlige filer",
         "arket står i arbeidsboken, men delen med innholdet mangler i zip-filen",
         missing_sheet_part),
    # -------- whole commands (plandoc run in a folder the case lays out)
    Case("100-to-prosjekter-samme-mappe", "Hele kommandoer",
         "prosjektnumrene 01/25 og 01-25 ville fått samme utmappe", None, kind="cli",
         setup=cli.colliding_projects, exit_code=1),
    Case("101-filtyper-som-ikke-leses", "Hele kommandoer",
         ".xls, .xlsm, .ods og .csv i programmappen og blant prosjektene", None, kind="cli",
         setup=cli.unreadable_types, exit_code=1),
    Case("102-mal-over-utfylt-arbeidsbok", "Hele kommandoer",
         "plandoc template på en arbeidsbok som finnes", None, kind="cli",
         setup=cli.existing_workbook, exit_code=2, check=cli.workbook_kept),
    Case("103-manifest-er-en-mappe", "Hele kommandoer",
         "byggeoversikten i utmappen er en mappe", None, kind="cli",
         setup=cli.manifest_is_a_folder, exit_code=4),
    Case("104-hurtigbuffer-er-en-fil", "Hele kommandoer",
         "hurtigbufferet i utmappen er en fil", None, kind="cli",
         setup=cli.cache_is_a_file, check=cli.document_written),
    Case("105-latin1-terminal", "Hele kommandoer",
         "terminal med Latin-1 (LC_ALL=nb_NO.ISO-8859-1) og tegn den ikke kan vise", None,
         kind="cli", setup=cli.latin1_terminal, exit_code=1,
         env=(("LC_ALL", "nb_NO.ISO-8859-1"), ("PYTHONIOENCODING", "iso-8859-1"))),
    Case("106-filnavn-ikke-utf8", "Hele kommandoer",
         "filnavn som ikke er gyldig UTF-8 (Latin-1-byte)", None, kind="cli",
         setup=cli.non_utf8_name, exit_code=1, check=cli.document_written),
    Case("107-ugyldig-verdi", "Hele kommandoer", "--jobs x", None, kind="cli",
         setup=cli.bad_option, exit_code=2),
    Case("108-ukjent-kommando", "Hele kommandoer", "plandoc byg", None, kind="cli",
         setup=cli.unknown_command, exit_code=2),
    Case("109-hjelp", "Hele kommandoer", "plandoc validate --help", None, kind="cli",
         setup=cli.help_text),
    # -------- pictures (plandoc.readers.images.check_image)
    Case("bilder/kart.png", "Bilder", "gyldig PNG i mappen", lambda: png_bytes(40, 30),
         kind="image", image_path="bilder/kart.png"),
    Case("bilder/notat.png", "Bilder", "tekstfil med .png-navn",
         lambda: b"Dette er ikke et bilde\n", kind="image", image_path="bilder/notat.png"),
    Case("bilder/enorm.png", "Bilder", "PNG som sier den er 100 000 × 100 000 piksler",
         lambda: png_header_only(100_000, 100_000), kind="image", image_path="bilder/enorm.png"),
    Case("bilder/stor.png", "Bilder", "ekte PNG på 8 000 × 8 000 piksler",
         lambda: png_bytes(8000, 8000), kind="image", image_path="bilder/stor.png"),
    Case("bilder/avkuttet.png", "Bilder", "avkuttet PNG",
         lambda: png_bytes(40, 30)[:60], kind="image", image_path="bilder/avkuttet.png"),
    Case("90-bilde-utenfor-mappen", "Bilder", "sti ut av mappen (../../etc/passwd)", None,
         kind="image", image_path="../../etc/passwd"),
    Case("91-bilde-absolutt-sti", "Bilder", "absolutt sti (/etc/passwd)", None, kind="image",
         image_path="/etc/passwd"),
    Case("92-bilde-finnes-ikke", "Bilder", "bildet finnes ikke", None, kind="image",
         image_path="bilder/finnes-ikke.png"),
    Case("93-bilde-omvei", "Bilder", "sti med .. som blir i mappen", None,
         kind="image", image_path="bilder/../bilder/kart.png"),
    Case("94-bilde-symlenke", "Bilder", "symbolsk lenke til /etc/passwd", None, kind="image",
         image_path="bilder/lenke.png", link_to="/etc/passwd"),
)


# ------------------------------------------------------------------ what each case gives
# A leading ":" stands for the case's own file name ("01-….xlsx:Tiltak!E2: feil: …").

EXPECTED: dict[str, tuple[str, ...]] = {
    '01-belop-som-tekst.xlsx': (
        ':Tiltak!E2: feil: budsjett må være et tall, fikk "ca. 3 mill" [tiltak.budsjett]',
    ),
    '02-ar-som-tekst.xlsx': (
        ':Tiltak!D2: feil: år må være et årstall (f.eks. 2025), fikk "neste år" [tiltak.år]',
    ),
    '03-dato-finnes-ikke.xlsx': (
        ':Mål!F2: feil: frist er ikke en gyldig dato, fikk "31.02.2027" [mål.frist]',
    ),
    '04-valg-utenfor-listen.xlsx': (
        ":Mål!B2: feil: nivå må være en av «hovedmål», «effektmål», «delmål», fikk "
        '"overmål"; mente du «hovedmål»? [mål.nivå]',
    ),
    '05-id-som-ikke-finnes.xlsx': (
        ":Tiltak!C2: feil: innsatsområde «IO9» finnes ikke i arket «Innsatsområder»; bruk "
        "en av «IO1», «IO2», «IO3» [ref.ukjent]",
    ),
    '06-verdi-med-feilverdi.xlsx': (
        ":Mål!E2: feil: målverdi inneholder feilverdien #N/A; rett formelen i Excel eller "
        "skriv inn verdien [celle.feilverdi]",
    ),
    '07-dato-som-tall.xlsx': (
        ':Mål!F2: feil: frist må være en dato (dd.mm.åååå), fikk "12" [mål.frist]',
    ),
    '08-program-ar-som-dato.xlsx': (
        ":Program!B4: feil: periode fra må være et årstall (f.eks. 2025), fikk "
        '"01.01.2024" [program.periode_fra]',
    ),
    '09-negativt-belop.yaml': (
        ':19: feil: budsjett kan ikke være negativt, fikk "-5000" [tiltak.budsjett]',
    ),
    '10-liste-som-verdi.yaml': (
        ':19: feil: budsjett må være én verdi, ikke en liste eller nøkler [tiltak.budsjett]',
    ),
    '11-tall-som-tekst.xlsx': (),
    '15-tegnreferanse-i-rik-tekst.xlsx': (
        ":Innsatsområder!D2: feil: beskrivelse inneholder et usynlig retningstegn (U+202E, "
        "skrevet som &#x202E;) som kan vise teksten i en annen rekkefølge enn den er "
        "skrevet; fjern det [tekst.retningstegn]",
    ),
    '38-ugyldig-verdi-og-ukjent-id.xlsx': (
        ':Tiltak!E2: feil: budsjett må være et tall, fikk "ca. 3 mill" [tiltak.budsjett]',
        ":Tiltak!C2: feil: innsatsområde «IO9» finnes ikke i arket «Innsatsområder»; bruk "
        "en av «IO1», «IO2», «IO3» [ref.ukjent]",
    ),
    '39-feilstavet-innsatsomrade.xlsx': (
        ":Tiltak!C2: feil: innsatsområde «I01» finnes ikke i arket «Innsatsområder»; mente "
        "du «IO1»? [ref.ukjent]",
    ),
    '40-ulest-belop-ett-ar.xlsx': (
        ':Budsjett!C2: feil: beløp må være et tall, fikk "fem hundre tusen" [budsjett.beløp]',
        f":Finansiering!D4: feil: finansieringen i 2026 (350{NB}000) er ikke lik "
        f"budsjettet (400{NB}000); differansen er 50{NB}000 – rett beløpene i arkene "
        "«Finansiering» og «Budsjett» (se også 40-ulest-belop-ett-ar.xlsx:Budsjett!C3) "
        "[finansiering.balanse]",
    ),
    '20-ark-mangler.xlsx': (
        ': feil: arket «Innsatsområder» mangler; legg det til (se malen) [ark.mangler]',
    ),
    '21-kolonne-mangler.xlsx': (
        ":Tiltak: feil: kolonnen «Budsjett (kr)» mangler i arket «Tiltak»; legg den til i "
        "overskriftsraden [kolonne.mangler]",
    ),
    '22-ukjent-kolonne.xlsx': (
        ":Tiltak!E1: advarsel: kolonnen «Budsjet» er ukjent og blir ikke lest; mente du "
        "«Budsjett (kr)»? [kolonne.ukjent]",
        ":Tiltak: feil: kolonnen «Budsjett (kr)» mangler i arket «Tiltak»; legg den til i "
        "overskriftsraden [kolonne.mangler]",
    ),
    '23-ukjent-ark.xlsx': (
        ":Tiltaksliste: advarsel: arket «Tiltaksliste» er ukjent og blir ikke lest; mente "
        "du «Tiltak»? [ark.ukjent]",
    ),
    '24-nokkel-mangler.yaml': (
        ': feil: «innsatsområder:» mangler; legg den til (se malen) [ark.mangler]',
    ),
    '25-ukjent-nokkel.yaml': (
        ":14: advarsel: nøkkelen «tilak» er ukjent og blir ikke lest; mente du «tiltak»? "
        "[ark.ukjent]",
    ),
    '26-tom-overskriftsrad.xlsx': (
        ":Tiltak!A1: feil: fant ingen kolonneoverskrifter i arket «Tiltak», så ingen rader "
        "blir lest; den første raden skal ha overskriftene (ID, Navn, Innsatsområde, År, "
        "Budsjett (kr) …) [kolonne.overskrift]",
    ),
    '30-sammenslatte-celler.xlsx': (
        ":Tiltak!C3: feil: cellene C3:C4 er slått sammen over flere rader, så bare den "
        "første raden får verdien; opphev sammenslåingen og skriv verdien i hver rad "
        "[celle.sammenslått]",
    ),
    '31-formel-uten-verdi.xlsx': (
        ":Tiltak!E2: feil: cellen inneholder en formel uten lagret verdi – åpne filen i "
        "Excel og lagre den på nytt [formel.uten-verdi]",
    ),
    '32-feilverdier.xlsx': (
        ":Tiltak!E2: feil: budsjett inneholder feilverdien #REF!; rett formelen i Excel "
        "eller skriv inn verdien [celle.feilverdi]",
        ":Tiltak!D3: feil: år inneholder feilverdien #DIV/0!; rett formelen i Excel eller "
        "skriv inn verdien [celle.feilverdi]",
    ),
    '33-skjult-ark.xlsx': (
        ":Organisasjon: advarsel: arket «Organisasjon» er skjult, men blir lest likevel; "
        "vis arket og sjekk radene, eller slett dem hvis de ikke skal med [ark.skjult]",
    ),
    '34-skjult-rad.xlsx': (
        ":Tiltak!A3: advarsel: raden 3 er skjult, men blir lest likevel; vis den og sjekk "
        "innholdet, eller slett den hvis den ikke skal med [rad.skjult]",
    ),
    '35-sumrad.xlsx': (),
    '36-dupliserte-id.xlsx': (
        ":Innsatsområder!A3: feil: ID «IO1» er brukt før i arket «Innsatsområder»; gi hver "
        "rad sin egen ID (se også 36-dupliserte-id.xlsx:Innsatsområder!A2) [id.duplikat]",
        ":Tiltak!C3: feil: innsatsområde «IO2» finnes ikke i arket «Innsatsområder»; bruk "
        "en av «IO1», «IO3» [ref.ukjent]",
    ),
    '37-referansesyklus.yaml': (
        ':3: feil: programnavn må være én verdi, ikke en liste eller nøkler [program.programnavn]',
        ':8: feil: navn må være én verdi, ikke en liste eller nøkler [innsatsområder.navn]',
    ),
    '40-100000-rader.xlsx': (
        f":Tiltak!A10002: feil: arket «Tiltak» har over 10{NB}000 rader med innhold; så "
        "mange hører ikke hjemme i en plan – fjern radene som ikke skal med, eller del opp "
        "filen [ark.for-mange-rader]",
    ),
    '41-100000-rader.yaml': (
        f":50015: feil: en liste har over 10{NB}000 elementer, og filen blir ikke lest; så "
        "mange hører ikke hjemme i en plan – fjern det som ikke skal med, eller del opp "
        "filen [yaml.for-stor]",
    ),
    '42-celle-1mb.xlsx': (
        f":Program!B6: feil: visjon er for lang (1{NB}048{NB}576 tegn; høyst 32{NB}767); "
        "korte ned teksten [tekst.for-lang]",
    ),
    '50-loddrett-tab.xlsx': (),
    '51-nul-tegn.xlsx': (
        ":Tiltak!B2: feil: navn inneholder et ugyldig kontrolltegn (U+0000); fjern det – "
        "det kan ikke stå i et dokument [tekst.kontrolltegn]",
    ),
    '52-nul-tegn.yaml': (
        ":16: feil: navn inneholder et ugyldig kontrolltegn (U+0000); fjern det – det kan "
        "ikke stå i et dokument [tekst.kontrolltegn]",
    ),
    '53-emoji.xlsx': (),
    '54-hoyre-til-venstre.xlsx': (),
    '55-kombinerende-tegn.xlsx': (),
    '56-kombinerende-uten-bokstav.xlsx': (
        ":Tiltak!B2: feil: navn inneholder et kombinerende tegn (U+0303 COMBINING TILDE) "
        "som ikke kan settes sammen med tegnet foran til ett tegn; skriv bokstaven som ett "
        "tegn eller fjern merket [tekst.tegn]",
    ),
    '57-retningstegn.yaml': (
        ":16: feil: navn inneholder et usynlig retningstegn (U+202E) som kan vise teksten "
        "i en annen rekkefølge enn den er skrevet; fjern det [tekst.retningstegn]",
    ),
    '58-tegn-uten-skrift.yaml': (
        ":16: feil: navn inneholder tegnet «企» (U+4F01 CJK UNIFIED IDEOGRAPH-4F01), som "
        "skriftene i PDF-en ikke har; fjern det eller bytt det ut [tekst.tegn]",
    ),
    '59-enslig-surrogat.yaml': (
        ":16: feil: YAML-feil: en \\u-kode i en tekst i anførselstegn er ugyldig; sjekk "
        "innrykk, kolon etter nøklene og at tekst med spesialtegn står i anførselstegn "
        "[yaml.syntaks]",
    ),
    '85-to-yaml-dokumenter.yaml': (
        ":20: feil: YAML-feil: filen har mer enn ett YAML-dokument (skilt med ---), men "
        "skal ha ett; sjekk innrykk, kolon etter nøklene og at tekst med spesialtegn står i "
        "anførselstegn [yaml.syntaks]",
    ),
    '86-kolon-i-tekst.yaml': (
        ":6: feil: YAML-feil: et kolon står der det ikke kan stå (tekst med kolon må stå i "
        "anførselstegn); sjekk innrykk, kolon etter nøklene og at tekst med spesialtegn står "
        "i anførselstegn [yaml.syntaks]",
    ),
    '60-ser-ut-som-markdown.xlsx': (),
    '61-ser-ut-som-jinja.xlsx': (),
    '62-ser-ut-som-typst.xlsx': (),
    '63-ser-ut-som-xml.xlsx': (),
    '64-kode-i-yaml.yaml': (),
    '70-ikke-en-zip.xlsx': (
        ": feil: filen er ikke en gyldig Excel-fil (.xlsx); den kan være skadet, "
        "passordbeskyttet eller i et annet format – åpne den i Excel og lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.format]",
    ),
    '71-gammelt-excel-format.xlsx': (
        ": feil: filen er ikke en gyldig Excel-fil (.xlsx); den kan være skadet, "
        "passordbeskyttet eller i et annet format – åpne den i Excel og lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.format]",
    ),
    '72-tom-fil.xlsx': (
        ": feil: filen er ikke en gyldig Excel-fil (.xlsx); den kan være skadet, "
        "passordbeskyttet eller i et annet format – åpne den i Excel og lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.format]",
    ),
    '73-zip-uten-arbeidsbok.xlsx': (
        ": feil: filen er en zip-fil, men ikke en Excel-arbeidsbok (den har ingen "
        "xl/workbook.xml); åpne den i Excel og lagre den som Excel-arbeidsbok (.xlsx) "
        "[fil.format]",
    ),
    '74-zip-bombe.xlsx': (
        ": feil: filen pakker seg ut til mistenkelig mye (xl/media/padding.bin er 1029 "
        "ganger større utpakket) og blir ikke lest; lagre den på nytt fra Excel "
        "[fil.for-stor]",
    ),
    '75-xml-entitetsbombe.xlsx': (
        ": feil: Excel-filen kan ikke leses (den inneholder XML-entiteter, som ikke er "
        "tillatt); åpne den i Excel og lagre den på nytt som .xlsx [fil.format]",
    ),
    '76-ekstern-entitet.xlsx': (
        ": feil: Excel-filen kan ikke leses (den inneholder XML-entiteter, som ikke er "
        "tillatt); åpne den i Excel og lagre den på nytt som .xlsx [fil.format]",
    ),
    '77-avkuttet-xml.xlsx': (
        ": feil: Excel-filen kan ikke leses (den inneholder ugyldig XML); åpne den i Excel "
        "og lagre den på nytt som .xlsx [fil.format]",
    ),
    '78-alias-bombe.yaml': (
        ':2: advarsel: nøkkelen «a0» er ukjent og blir ikke lest [ark.ukjent]',
        ':3: advarsel: nøkkelen «a1» er ukjent og blir ikke lest [ark.ukjent]',
        ':4: advarsel: nøkkelen «a2» er ukjent og blir ikke lest [ark.ukjent]',
        ':5: advarsel: nøkkelen «a3» er ukjent og blir ikke lest [ark.ukjent]',
        ':6: advarsel: nøkkelen «a4» er ukjent og blir ikke lest [ark.ukjent]',
        ':7: advarsel: nøkkelen «a5» er ukjent og blir ikke lest [ark.ukjent]',
        ':8: advarsel: nøkkelen «a6» er ukjent og blir ikke lest [ark.ukjent]',
        ':9: advarsel: nøkkelen «a7» er ukjent og blir ikke lest [ark.ukjent]',
        ':10: advarsel: nøkkelen «a8» er ukjent og blir ikke lest [ark.ukjent]',
        ':11: advarsel: nøkkelen «a9» er ukjent og blir ikke lest [ark.ukjent]',
        ':13: feil: navn må være én verdi, ikke en liste eller nøkler [innsatsområder.navn]',
        ':14: feil: navn må være én verdi, ikke en liste eller nøkler [innsatsområder.navn]',
        ':15: feil: navn må være én verdi, ikke en liste eller nøkler [innsatsområder.navn]',
        ':11: feil: hvert element under «tiltak» må ha nøkler som id: [yaml.struktur]',
        ':11: feil: hvert element under «tiltak» må ha nøkler som id: [yaml.struktur]',
        ':11: feil: hvert element under «tiltak» må ha nøkler som id: [yaml.struktur]',
    ),
    '79-python-objekt.yaml': (
        ":19: feil: YAML-taggen «!!python/object/apply:os.system» er ikke tillatt; fjern "
        "den [yaml.tagg]",
    ),
    '80-ugyldig-utf8.yaml': (
        ":2: feil: filen er ikke gyldig UTF-8; lagre den som UTF-8 i redigeringsprogrammet "
        "[yaml.tegnsett]",
    ),
    '81-tabulator.yaml': (
        ":10: feil: tabulatortegn kan ikke brukes til innrykk i YAML; bruk mellomrom "
        "[yaml.syntaks]",
    ),
    '82-dyp-nosting.yaml': (
        ":2: feil: filen har lister eller nøkler nøstet i over 20 nivåer og blir ikke "
        "lest; en programfil trenger tre [yaml.for-stor]",
    ),
    '83-tom.yaml': (
        ': feil: filen er tom; se malen for hvordan en programfil ser ut [yaml.struktur]',
    ),
    '12-belop-med-komma.xlsx': (
        ':Tiltak!E2: feil: budsjett er tvetydig, fikk "800,000"; skriv 800000 (tusener) '
        'eller 800 (desimaltall) [tiltak.budsjett]',
    ),
    '13-prosent.xlsx': (),
    '14-belop-som-prosent.xlsx': (
        f':Tiltak!E2: feil: budsjett må være et tall, fikk "50{NB}%" (cellen er formatert '
        'som prosent) [tiltak.budsjett]',
    ),
    '27-kolonne-uten-overskrift.xlsx': (
        ":Tiltak!F2: advarsel: kolonne F har innhold, men ingen overskrift, og blir ikke "
        "lest; skriv overskriften i F1 (se malen) eller flytt innholdet [kolonne.uten-navn]",
    ),
    '84-ark-mangler-i-zip.xlsx': (
        ": feil: arket «Tiltak» står i arbeidsboken, men innholdet "
        "(xl/worksheets/sheet4.xml) mangler i filen; åpne den i Excel og lagre den på nytt "
        "[fil.format]",
    ),
    '100-to-prosjekter-samme-mappe': (
        "a/prosjekter/02-25-sjomatklynge.yaml:5: feil: prosjektnummeret «01-25» gir samme "
        "mappe for dokumentene (prosjekter/01-25/) som «01/25» i "
        "a/prosjekter/01-25-sjomatanlegget.yaml; gi prosjektene numre som ikke kan "
        "forveksles (se også a/prosjekter/01-25-sjomatanlegget.yaml:5) [prosjekt.id-mappe]",
    ),
    '101-filtyper-som-ikke-leses': (
        "a/gammel.xls: feil: filtypen «.xls» kan ikke leses; lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.type]",
        "a/makro.xlsm: feil: filtypen «.xlsm» kan ikke leses; lagre den som "
        "Excel-arbeidsbok uten makroer (.xlsx) [fil.type]",
        "a/notater.csv: feil: filtypen «.csv» kan ikke leses; bruk malen (.xlsx) i stedet "
        "[fil.type]",
        "a/prosjekter/01-25.xls: feil: filtypen «.xls» kan ikke leses; lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.type]",
        "a/regnskap.ods: feil: filtypen «.ods» kan ikke leses; lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.type]",
    ),
    '102-mal-over-utfylt-arbeidsbok': (
        "plandoc: plan.xlsx finnes allerede og blir ikke skrevet over; velg et annet navn, "
        "eller bruk --force for å erstatte den",
    ),
    '103-manifest-er-en-mappe': (
        "plandoc: ut/.plandoc-manifest.json er en mappe, ikke byggeoversikten plandoc "
        "skriver; flytt eller slett den og bygg på nytt",
    ),
    '104-hurtigbuffer-er-en-fil': (),
    '105-latin1-terminal': (
        "a/program.yaml:16: feil: navn inneholder et ugyldig kontrolltegn (U+0000); fjern "
        "det ? det kan ikke stå i et dokument [tekst.kontrolltegn]",
        "1 fil kontrollert: 1 feil, 0 advarsler",
    ),
    '106-filnavn-ikke-utf8': (
        "a/pl\ufffdn.yaml: feil: filnavnet er ikke gyldig UTF-8 og filen blir ikke lest; "
        "gi den et nytt navn [fil.navn]",
    ),
    '107-ugyldig-verdi': (
        "Bruk: plandoc build [VALG] INPUTS...",
        "Prøv «plandoc build --help» for hjelp.",
        "Feil: Ugyldig verdi for «--jobs» / «-j»: «x» er ikke et gyldig heltall.",
    ),
    '108-ukjent-kommando': (
        "Bruk: plandoc [VALG] KOMMANDO [ARGUMENTER]...",
        "Prøv «plandoc --help» for hjelp.",
        "Feil: Ukjent kommando «byg».",
    ),
    '109-hjelp': (
        "Bruk: plandoc validate [VALG] INPUTS...",
        "Valg:",
        "  --help    Vis denne hjelpeteksten og avslutt.",
    ),
    'bilder/kart.png': (),
    'bilder/notat.png': (
        "bilder.yaml:1: feil: «bilder/notat.png» er ikke et bilde; bruk PNG, JPEG, GIF "
        "eller WebP [bilde.format]",
    ),
    'bilder/enorm.png': (
        "bilder.yaml:1: feil: bildet «bilder/enorm.png» har for mange piksler; lagre det i "
        "lavere oppløsning [bilde.for-stort]",
    ),
    'bilder/stor.png': (
        "bilder.yaml:1: feil: bildet «bilder/stor.png» har for mange piksler (8000 × 8000; "
        "høyst 50 millioner); lagre det i lavere oppløsning [bilde.for-stort]",
    ),
    'bilder/avkuttet.png': (
        "bilder.yaml:1: feil: bildet «bilder/avkuttet.png» er skadet eller ufullstendig; "
        "lagre det på nytt som PNG, JPEG, GIF eller WebP [bilde.format]",
    ),
    '90-bilde-utenfor-mappen': (
        "bilder.yaml:1: feil: bildet «../../etc/passwd» ligger utenfor mappen til "
        "inndatafilen og blir ikke brukt; legg bildet i mappen (eller en undermappe) "
        "[bilde.utenfor]",
    ),
    '91-bilde-absolutt-sti': (
        "bilder.yaml:1: feil: bildet «/etc/passwd» må ligge i mappen til inndatafilen; "
        "skriv stien relativt til den (f.eks. bilder/kart.png) [bilde.utenfor]",
    ),
    '92-bilde-finnes-ikke': (
        "bilder.yaml:1: feil: fant ikke bildet «bilder/finnes-ikke.png» i mappen til "
        "inndatafilen [bilde.mangler]",
    ),
    '93-bilde-omvei': (),
    '94-bilde-symlenke': (
        "bilder.yaml:1: feil: bildet «bilder/lenke.png» ligger utenfor mappen til "
        "inndatafilen og blir ikke brukt; legg bildet i mappen (eller en undermappe) "
        "[bilde.utenfor]",
    ),
}

CASES: tuple[Case, ...] = tuple(replace(c, expect=EXPECTED[c.file]) for c in _DEFINED)


def by_file(name: str) -> Case:
    return next(c for c in CASES if c.file == name)


def image_files() -> list[str]:
    return [c.file for c in CASES if c.kind == "image" and c.make is not None]


