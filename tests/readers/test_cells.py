"""Typing of cell values: what real users type, and exact messages for what is rejected."""

import datetime as dt
from decimal import Decimal

import pytest

from plandoc.readers.cells import (
    CellError,
    clean_text,
    convert,
    to_amount,
    to_choice,
    to_date,
    to_text,
    to_value,
    to_year,
)
from plandoc.schema.programme import GOALS, MEASURES, ORGANISATION, PROGRAM

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 250 000", 1_250_000),
        ("1250000", 1_250_000),
        (f"1{NBSP}250{NBSP}000", 1_250_000),
        (f"1{NNBSP}250{NNBSP}000", 1_250_000),
        ("kr 300 000", 300_000),
        ("kr. 300 000,-", 300_000),
        ("300 000,-", 300_000),
        ("2 000 kr", 2_000),
        ("  450000  ", 450_000),
        ("1,5", Decimal("1.5")),
        ("0,5", Decimal("0.5")),
        ("1.5", Decimal("1.5")),
        ("1.250.000", 1_250_000),
        ("1.250.000,50", Decimal("1250000.5")),
        ("1 250 000,50", Decimal("1250000.5")),
        ("1,250,000", 1_250_000),
        ("1,5 mill", 1_500_000),
        ("1,5 mill.", 1_500_000),
        ("kr 1,5 mill", 1_500_000),
        ("1,5 MNOK", 1_500_000),
        ("3 millioner", 3_000_000),
        ("1,5 mill. kr", 1_500_000),
        (1250000, 1_250_000),
        (1250000.0, 1_250_000),
        (0.1 + 0.2, Decimal("0.3")),
        (Decimal("2.50"), Decimal("2.5")),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_amounts_users_type(typed: object, expected: object) -> None:
    result = to_amount(typed)
    assert result == expected
    if expected is not None:
        assert isinstance(result, Decimal)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ca. 3 mill", 'må være et tall, fikk "ca. 3 mill"'),
        ("ca 300 000", 'må være et tall, fikk "ca 300 000"'),
        ("~300000", 'må være et tall, fikk "~300000"'),
        ("300 000?", 'må være et tall, fikk "300 000?"'),
        ("abc", 'må være et tall, fikk "abc"'),
        ("12 50", 'må være et tall, fikk "12 50"'),
        ("1e5", 'må være et tall, fikk "1e5"'),
        ("1,2,3", 'må være et tall, fikk "1,2,3"'),
        (True, 'må være et tall, fikk "ja"'),
        (dt.date(2024, 1, 1), 'må være et tall, fikk "01.01.2024"'),
        (float("nan"), 'må være et tall, fikk "nan"'),
        ("-5 000", 'kan ikke være negativt, fikk "-5 000"'),
        ("\u2212500", 'kan ikke være negativt, fikk "\u2212500"'),
        (-1, 'kan ikke være negativt, fikk "-1"'),
        ("1.250", 'er tvetydig, fikk "1.250"; skriv 1250 (tusener) eller 1,25 (desimaltall)'),
        ("1" * 5000, 'er urimelig stort, fikk "' + "1" * 39 + '…"; skriv beløpet i kroner'),
        ("1 000 000 000 000", 'er urimelig stort, fikk "1 000 000 000 000"; skriv beløpet i '
                              "kroner"),
    ],
)
def test_amounts_rejected_with_exact_message(typed: object, message: str) -> None:
    with pytest.raises(CellError) as caught:
        to_amount(typed)
    assert caught.value.message == message
    assert caught.value.rule is None  # the column's own rule, e.g. tiltak.budsjett


def test_long_values_are_cut_in_messages() -> None:
    with pytest.raises(CellError) as caught:
        to_amount("x" * 100)
    assert caught.value.message == 'må være et tall, fikk "' + "x" * 39 + '…"'


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (dt.datetime(2017, 10, 12, 0, 0), dt.date(2017, 10, 12)),
        (dt.date(2017, 10, 12), dt.date(2017, 10, 12)),
        ("12.10.2017", dt.date(2017, 10, 12)),
        ("1.2.2020", dt.date(2020, 2, 1)),
        ("12. 10. 2017", dt.date(2017, 10, 12)),
        ("2017-10-12", dt.date(2017, 10, 12)),
        ("2017-10-12T08:30:00", dt.date(2017, 10, 12)),
        ("2017-10-12 08:30", dt.date(2017, 10, 12)),
        ("12. oktober 2017", dt.date(2017, 10, 12)),
        ("12. Okt. 2017", dt.date(2017, 10, 12)),
        (43020, dt.date(2017, 10, 12)),  # an Excel date cell shown as a number
        ("", None),
    ],
)
def test_dates(typed: object, expected: object) -> None:
    assert to_date(typed) == expected


def test_year_alone_means_end_of_year_only_where_allowed() -> None:
    assert to_date("2029", year_alone=True) == dt.date(2029, 12, 31)
    assert to_date(2029, year_alone=True) == dt.date(2029, 12, 31)
    assert convert(2029, GOALS.column("frist")) == dt.date(2029, 12, 31)
    with pytest.raises(CellError) as caught:
        convert("2029", PROGRAM.column("dato"))
    assert caught.value.message == 'må være en dato (dd.mm.åååå), fikk "2029"'


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31.02.2024", 'er ikke en gyldig dato, fikk "31.02.2024"'),
        ("12/10/2017", 'må være en dato (dd.mm.åååå), fikk "12/10/2017"'),
        ("snart", 'må være en dato (dd.mm.åååå), fikk "snart"'),
        (12.5, 'må være en dato (dd.mm.åååå), fikk "12,5"'),
        (5, 'må være en dato (dd.mm.åååå), fikk "5"'),
    ],
)
def test_dates_rejected(typed: object, message: str) -> None:
    with pytest.raises(CellError) as caught:
        to_date(typed)
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [(2025, 2025), ("2025", 2025), (2025.0, 2025), (" 2025 ", 2025), ("", None)],
)
def test_years(typed: object, expected: object) -> None:
    assert to_year(typed) == expected


@pytest.mark.parametrize("typed", ["25", 2025.5, "neste år", 3000, dt.date(2025, 1, 1)])
def test_years_rejected(typed: object) -> None:
    with pytest.raises(CellError) as caught:
        to_year(typed)
    assert caught.value.message.startswith("må være et årstall (f.eks. 2025), fikk ")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  Dyrøy  ", "Dyrøy"),
        ("Linje 1_x000D_\nLinje 2", "Linje 1\nLinje 2"),
        ("Linje 1\x0bLinje 2", "Linje 1\nLinje 2"),
        ("Linje 1\r\nLinje 2", "Linje 1\nLinje 2"),
        ("A\u030ardal", "\u00c5rdal"),  # decomposed Å (Mac keyboards) is composed (NFC)
        ("Bode\u0301n", "Bod\u00e9n"),
        (5528, "5528"),
        (1.5, "1,5"),
        (2.0, "2"),
        (dt.datetime(2024, 10, 12), "12.10.2024"),
        (True, "ja"),
        ("", None),
    ],
)
def test_text(typed: object, expected: object) -> None:
    assert to_text(typed) == expected


@pytest.mark.parametrize("bad", ["abc\x00def", "a\x07b", "en\x1bto", "cp1252 \x96 dash"])
def test_control_characters_are_errors(bad: str) -> None:
    with pytest.raises(CellError) as caught:
        clean_text(bad)
    assert caught.value.rule == "tekst.kontrolltegn"
    assert caught.value.message.startswith("inneholder et ugyldig kontrolltegn (U+00")


@pytest.mark.parametrize("code", ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?"])
def test_excel_error_values_are_errors(code: str) -> None:
    for column in (MEASURES.column("budsjett"), MEASURES.column("navn"),
                   GOALS.column("frist"), GOALS.column("målverdi")):
        with pytest.raises(CellError) as caught:
            convert(code, column)
        assert caught.value.rule == "celle.feilverdi"
        assert caught.value.message == (
            f"inneholder feilverdien {code}; rett formelen i Excel eller skriv inn verdien")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (1.5, "1,5"),
        (60, "60"),
        (60.0, "60"),
        (1250000, f"1{NBSP}250{NBSP}000"),
        (Decimal("0.75"), "0,75"),
        ("60 %", "60 %"),
        ("minst 12", "minst 12"),
        (None, None),
    ],
)
def test_indicator_values_stay_text_with_norwegian_numbers(typed: object, expected: object) -> None:
    assert to_value(typed) == expected


def test_choices_take_the_schema_spelling() -> None:
    assert to_choice("Bokmål", ("bokmål", "nynorsk")) == "bokmål"
    assert to_choice("  innovasjon   norge ", ("kommune", "Innovasjon Norge")) == "Innovasjon Norge"
    with pytest.raises(CellError) as caught:
        to_choice("nynorks", ("bokmål", "nynorsk"))
    assert caught.value.message == (
        'må være en av «bokmål», «nynorsk», fikk "nynorks"; mente du «nynorsk»?')


def test_suggested_lists_allow_other_text() -> None:
    group = ORGANISATION.column("gruppe")
    assert convert("styringsgruppe", group) == "Styringsgruppe"
    assert convert("Ungdomsrådet", group) == "Ungdomsrådet"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("maal", "mål"),             # no Norwegian letters on the keyboard
        ("innsatsomrader", "innsatsområder"),
        ("Tiltaak", "tiltak"),
        ("I01", "IO1"),              # zero for the letter O
        ("IO9", None),               # as close to IO1 as to IO2: no guess
        ("xyz", None),
    ],
)
def test_suggestions(typed: str, expected: str | None) -> None:
    from plandoc.core.text import suggest

    assert suggest(typed, ["mål", "innsatsområder", "tiltak", "IO1", "IO2"]) == expected
