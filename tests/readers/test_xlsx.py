"""The xlsx reader: tables, the Program form, what users do to workbooks, hostile files."""

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from plandoc.core.diagnostics import SourceRef
from plandoc.readers import read_input
from plandoc.readers import xlsx as xlsx_reader
from plandoc.readers.cells import REPORTED

from .workbooks import AREA_ROWS, PROGRAM_ROWS, minimal_book, patch_member, write_book


def _values(raw, sheet: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return [{k: v.value for k, v in rec.items()} for rec in raw.sheets[sheet]]


def _messages(raw) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(d) for d in raw.diagnostics]


def test_table_rows_with_cell_refs(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx", Tiltak=[
        ["ID", "Navn", "Innsatsområde", "År", "Budsjett (kr)"],
        ["Eksempel: T0", "Eksempeltiltak", "IO1", 2025, 1],
        ["T1", "Gründerskole  ", "IO1", 2025, "1 250 000"],
        [None, None, None, None, None],
        [],
        ["T2", "Vinterturisme", "IO2", 2026, 300000],
        ["Sum", None, None, None, 1550000],
    ])
    raw = read_input(path)
    assert _messages(raw) == []
    assert _values(raw, "tiltak") == [
        {"id": "T1", "navn": "Gründerskole  ", "innsatsområde": "IO1", "år": 2025,
         "budsjett": "1 250 000"},
        {"id": "T2", "navn": "Vinterturisme", "innsatsområde": "IO2", "år": 2026,
         "budsjett": 300000},
    ]
    second = raw.sheets["tiltak"][1]
    assert second["budsjett"].ref == SourceRef(str(path), "Tiltak", "E6")
    assert second["id"].ref == SourceRef(str(path), "Tiltak", "A6")
    assert raw.row_refs["tiltak"] == [SourceRef(str(path), "Tiltak", "A3"),
                                      SourceRef(str(path), "Tiltak", "A6")]
    assert raw.sheet_refs["tiltak"] == SourceRef(str(path), "Tiltak")


def test_header_below_a_title_and_columns_in_any_order(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx", Budsjett=[
        ["Budsjett for omstillingsprogrammet"],
        [],
        [None, "beløp", "ÅR ", "Post:"],
        [None, 500000, 2025, "Drift"],
    ])
    raw = read_input(path)
    assert _messages(raw) == []
    assert _values(raw, "budsjett") == [{"beløp": 500000, "år": 2025, "post": "Drift"}]
    assert raw.sheets["budsjett"][0]["beløp"].ref.cell == "B4"


def test_merged_header_cells_are_read(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Innsatsområder"
    ws.append(["ID", "Navn", None, "Beskrivelse"])
    ws.merge_cells("B1:C1")
    ws.append(["IO1", "Næring", None, "Tekst"])
    wb.create_sheet("Program")
    path = tmp_path / "m.xlsx"
    wb.save(path)
    raw = read_input(path)
    assert _values(raw, "innsatsområder") == [{"id": "IO1", "navn": "Næring",
                                               "beskrivelse": "Tekst"}]


def test_wrong_dimension_in_sheet_xml_still_reads_everything(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx")
    patch_member(path, "xl/worksheets/sheet2.xml",
                 lambda data: data.replace(b'<dimension ref="A1:B4"/>', b'<dimension ref="A1"/>'))
    raw = read_input(path)
    assert [r["id"].value for r in raw.sheets["innsatsområder"]] == ["IO1", "IO2", "IO3"]


def test_program_form_labels_are_tolerant_and_refs_point_at_values(tmp_path: Path) -> None:
    path = write_book(tmp_path / "p.xlsx", {
        "Program": [
            ["Felt", "Verdi", "Forklaring"],
            ["kommune:", "Dyrøy", "hjelp"],
            ["  PROGRAMNAVN ", "Omstilling"],
            [],
            ["Periode fra", 2024],
            ["Kommun nummer", "5528"],
            ["Kommune", "Senja"],
        ],
        "Innsatsområder": AREA_ROWS,
    })
    raw = read_input(path)
    record = raw.sheets["program"][0]
    assert {k: v.value for k, v in record.items()} == {
        "kommune": "Dyrøy", "programnavn": "Omstilling", "periode_fra": 2024}
    assert record["periode_fra"].ref == SourceRef(str(path), "Program", "B5")
    assert _messages(raw) == [
        f"{path}:Program!A6: advarsel: feltet «Kommun nummer» er ukjent og blir ikke lest; "
        "mente du «Kommunenummer»? [felt.ukjent]",
        f"{path}:Program!B7: advarsel: feltet «Kommune» står to ganger; bare den første "
        f"verdien blir lest (se også {path}:Program!B2) [felt.duplikat]",
    ]


def test_unknown_sheets_and_columns_are_warnings_with_suggestions(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "p.xlsx", Tilltak=[["ID"], ["T1"]], Veiledning=[["hjelp"]],
                        Finansiering=[["År", "Kilde", "Beløpp", "Notater"], [2025, "FK", 1]],
                        Notater=[["Husk møtet"]], Ark1=[[]])
    raw = read_input(path)
    assert _messages(raw) == [
        f"{path}:Tilltak: advarsel: arket «Tilltak» er ukjent og blir ikke lest; "
        "mente du «Tiltak»? [ark.ukjent]",
        f"{path}:Finansiering!C1: advarsel: kolonnen «Beløpp» er ukjent og blir ikke lest; "
        "mente du «Beløp (kr)»? [kolonne.ukjent]",
        f"{path}:Finansiering!D1: advarsel: kolonnen «Notater» er ukjent og blir ikke lest "
        "[kolonne.ukjent]",
        f"{path}:Notater: advarsel: arket «Notater» er ukjent og blir ikke lest; gi det navnet "
        "på et ark i malen hvis det skal leses [ark.ukjent]",
    ]
    assert "tiltak" not in raw.sheets


def test_hidden_sheet_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write_book(tmp_path / "p.xlsx", {
        "Program": PROGRAM_ROWS, "Innsatsområder": AREA_ROWS,
        "Budsjett": [["År", "Post", "Beløp (kr)"], [2025, "Drift", 100]],
    }, hidden=("Budsjett",))
    raw = read_input(path)
    assert len(raw.sheets["budsjett"]) == 1
    assert [d.rule for d in raw.diagnostics] == ["ark.skjult"]


def test_formula_without_cached_value_is_an_error_not_a_zero(tmp_path: Path) -> None:
    # openpyxl never stores a formula's result: exactly the file a script or an online
    # converter produces, which Excel has not yet recalculated and saved.
    path = minimal_book(tmp_path / "f.xlsx", Budsjett=[
        ["År", "Post", "Beløp (kr)"],
        [2025, "Drift", "=1000*3"],
        [2025, "Reiser", 500],
        [2026, "=B2", None],
    ])
    raw = read_input(path)
    assert _messages(raw) == [
        f"{path}:Budsjett!C2: feil: cellen inneholder en formel uten lagret verdi – åpne filen "
        "i Excel og lagre den på nytt [formel.uten-verdi]",
        f"{path}:Budsjett!B4: feil: cellen inneholder en formel uten lagret verdi – åpne filen "
        "i Excel og lagre den på nytt [formel.uten-verdi]",
    ]
    # Marked as reported, so the loader does not add "beløp mangler" for the same cell.
    assert raw.sheets["budsjett"][0]["beløp"].value is REPORTED


def test_formula_with_cached_value_is_read(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "f.xlsx", Budsjett=[["År", "Post", "Beløp (kr)"],
                                                        [2025, "Drift", "=1000*3"]])
    # What Excel writes after saving: the formula and its result.
    patch_member(path, "xl/worksheets/sheet3.xml",
                 lambda data: data.replace(b"<f>1000*3</f><v></v>", b"<f>1000*3</f><v>3000</v>"))
    raw = read_input(path)
    assert _messages(raw) == []
    assert raw.sheets["budsjett"][0]["beløp"].value == 3000


def test_excel_error_values_reach_the_model_as_text(tmp_path: Path) -> None:
    path = minimal_book(tmp_path / "e.xlsx", Budsjett=[["År", "Post", "Beløp (kr)"],
                                                        [2025, "Drift", "#REF!"]])
    raw = read_input(path)
    assert raw.sheets["budsjett"][0]["beløp"].value == "#REF!"


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .xls or an encrypted workbook")
    raw = read_input(path)
    assert _messages(raw) == [
        f"{path}: feil: filen er ikke en gyldig Excel-fil (.xlsx); den kan være skadet, "
        "passordbeskyttet eller i et annet format – åpne den i Excel og lagre den som "
        "Excel-arbeidsbok (.xlsx) [fil.format]"]
    assert raw.sheets == {}


def test_zip_without_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hei")
    raw = read_input(path)
    assert [d.rule for d in raw.diagnostics] == ["fil.format"]
    assert raw.diagnostics.items[0].message.startswith("filen er en zip-fil, men ikke en "
                                                       "Excel-arbeidsbok")


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_billion_laughs_is_refused_quickly(tmp_path: Path, member: str) -> None:
    path = minimal_book(tmp_path / "lol.xlsx")

    def explode(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[-1] if data.startswith(b"<?xml") else data
        body = body.replace(b"<t>Dyr", b"<t>&lol9;Dyr", 1)
        return LAUGHS + body.replace(b'name="Program"', b'name="&lol9;"')

    patch_member(path, member, explode)
    started = time.monotonic()
    raw = read_input(path)
    assert time.monotonic() - started < 5
    assert [str(d) for d in raw.diagnostics] == [
        f"{path}: feil: Excel-filen kan ikke leses (den inneholder XML-entiteter, som ikke er "
        "tillatt); åpne den i Excel og lagre den på nytt som .xlsx [fil.format]"]


def test_zip_bomb_total_size_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_UNCOMPRESSED", 4096)
    path = minimal_book(tmp_path / "big.xlsx")
    raw = read_input(path)
    assert [d.rule for d in raw.diagnostics] == ["fil.for-stor"]
    assert "grensen er 0 MB" in raw.diagnostics.items[0].message


def test_zip_bomb_packing_ratio_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "RATIO_FLOOR", 1024)
    path = minimal_book(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/padding.bin", b"\0" * 2_000_000)
    raw = read_input(path)
    assert [d.rule for d in raw.diagnostics] == ["fil.for-stor"]
    assert raw.diagnostics.items[0].message.startswith(
        "filen pakker seg ut til mistenkelig mye (xl/media/padding.bin er ")
