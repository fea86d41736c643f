"""Norwegian number, money and date formatting (space thousands separator, decimal comma)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

# Babel would do this too, but its CLDR data uses a narrow no-break space and differs between
# versions; the rules here are few and fixed, so plain code keeps output stable.

#: Thousands separator: a no-break space, so "1 250 000" never wraps across lines.
THOUSANDS = "\u00a0"

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)


def format_number(value: Decimal | int | float, decimals: int | None = None) -> str:
    """`1250000` → "1 250 000", `1.5` → "1,5"; `decimals` fixes the number of decimals."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    elif d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    else:
        d = d.normalize()
    # The minus sign (U+2212), not a hyphen: it is as wide as a digit, does not break from
    # its number, and a screen reader says "minus".
    sign = "\u2212" if d < 0 else ""
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = THOUSANDS.join(groups)
    if frac:
        out += "," + frac
    return sign + out


def format_money(value: Decimal | int | float) -> str:
    """Kroner without decimals, e.g. "1 250 000" (the column header says kr)."""
    return format_number(value, decimals=0)


def format_kr(value: Decimal | int | float) -> str:
    """"kr 1 250 000"."""
    return "kr" + THOUSANDS + format_money(value)


def format_percent(value: Decimal | float, decimals: int = 0) -> str:
    """0.75 → "75 %"."""
    return format_number(Decimal(str(value)) * 100, decimals=decimals) + THOUSANDS + "%"


def format_date(value: dt.date | None, style: str = "long") -> str:
    """"12. oktober 2017" (long) or "12.10.2017" (short); empty for None."""
    if value is None:
        return ""
    if style == "short":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
