"""Norwegian number, money and date formatting."""

import datetime as dt
from decimal import Decimal

import pytest

from plandoc.i18n.fmt import (
    format_date,
    format_kr,
    format_money,
    format_number,
    format_percent,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (999, "999"),
        (1000, "1 000"),
        (1250000, "1 250 000"),
        (Decimal("1250000.00"), "1 250 000"),
        (1.5, "1,5"),
        (Decimal("-12345.25"), "\u221212 345,25"),
        (12345678901, "12 345 678 901"),
    ],
)
def test_format_number(value: object, expected: str) -> None:
    assert format_number(value).replace(NBSP, " ") == expected  # type: ignore[arg-type]


def test_thousands_separator_is_no_break_space() -> None:
    assert format_number(1250000) == f"1{NBSP}250{NBSP}000"


def test_money_rounds_half_up_to_whole_kroner() -> None:
    assert format_money(Decimal("1249999.5")).replace(NBSP, " ") == "1 250 000"
    assert format_kr(300000).replace(NBSP, " ") == "kr 300 000"


def test_percent() -> None:
    assert format_percent(Decimal("0.75")).replace(NBSP, " ") == "75 %"


def test_dates() -> None:
    d = dt.date(2017, 10, 12)
    assert format_date(d) == "12. oktober 2017"
    assert format_date(d, "short") == "12.10.2017"
    assert format_date(dt.date(2025, 1, 3), "short") == "03.01.2025"
    assert format_date(None) == ""
