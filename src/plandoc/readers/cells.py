"""Typing of raw cell values: the amounts, dates, years and texts that real users type.

Every function takes what a reader found (str, int, float, Decimal, date, datetime, bool or
None) and returns the typed value, None for an empty cell, or raises `CellError` whose message
is the Norwegian predicate that follows the column's label, e.g. `må være et tall, fikk "x"`.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from plandoc.core.charset import unprintable
from plandoc.core.text import BIDI, control_characters, suggest
from plandoc.i18n.fmt import MONTHS, format_date, format_number
from plandoc.schema.programme import Column

#: Excel's error values as openpyxl hands them over (a cell of type "e").
ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"}
)

#: Date columns where a year alone means the last day of that year ("frist: 2029").
YEAR_AS_DATE_KEYS = frozenset({"frist"})

MIN_YEAR, MAX_YEAR = 1990, 2100
#: No programme handles a trillion kroner; a bigger number is a typo or a pasted account number.
MAX_AMOUNT = Decimal(10) ** 12


class Reported:
    """A cell whose problem the reader has already reported (a formula without a saved value,
    a list where one value belongs, a cell under a merge): the loader leaves the record out
    without saying again that the value is missing."""

    def __repr__(self) -> str:
        return "REPORTED"


REPORTED = Reported()


class TableRows(list[list[Any]]):
    """The rows of a table the reader took from a range (or a YAML list of rows), each a
    list of raw cell values; the first row is the header."""


class Percent:
    """A number from a cell Excel formats as percent: stored 0.75, shown to the user as
    "75 %". Typed the way it is shown, never as the stored fraction."""

    def __init__(self, fraction: int | float | Decimal) -> None:
        self.fraction = fraction

    def shown(self) -> str:
        """The percentage as Excel shows it in Norwegian ("75 %", "12,5 %")."""
        value = self.fraction
        number = _decimal_from_float(value) if isinstance(value, float) else Decimal(value)
        return f"{format_number(_normalise(number * 100))}\u00a0%"

    def __str__(self) -> str:
        return self.shown()

    def __repr__(self) -> str:
        return f"Percent({self.fraction!r})"


class CellError(ValueError):
    """A value that cannot be typed; `message` follows the column label in the diagnostic."""

    def __init__(self, message: str, rule: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: A rule id of its own (e.g. for control characters); None = the column's rule.
        self.rule = rule


# ------------------------------------------------------------------ text

# Excel escapes characters XML cannot hold as _xHHHH_ (CR is _x000D_); openpyxl leaves them.
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NEWLINES = re.compile(r"\r\n|\r|\x0b|\u2028|\u2029")
# Controls other than tab and line breaks (made "\n" above), and non-characters: no document
# can carry them reliably.
_CONTROL = control_characters(keep="\t\n\v\r")

#: Excel's own limit for one cell; a longer text is pasted from somewhere, not a plan field.
MAX_TEXT_LENGTH = 32_767


def quote(value: object, limit: int = 40) -> str:
    """The value as the user typed it, quoted for a message and cut when long."""
    text = value if isinstance(value, str) else _plain(value)
    text = text.replace("\n", " ").strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def clean_text(value: str) -> str:
    """Unescape Excel's _xHHHH_, normalise newlines and Unicode (NFC), strip; reject controls."""
    if len(value) > MAX_TEXT_LENGTH:
        raise CellError(
            f"er for lang ({format_number(len(value))} tegn; høyst "
            f"{format_number(MAX_TEXT_LENGTH)}); korte ned teksten",
            rule="tekst.for-lang",
        )
    if "_x" in value:
        value = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    value = _NEWLINES.sub("\n", value).replace("\ufeff", "")
    bad = _CONTROL.search(value)
    if bad:
        raise CellError(
            f"inneholder et ugyldig kontrolltegn (U+{ord(bad.group()):04X}); fjern det – "
            "det kan ikke stå i et dokument",
            rule="tekst.kontrolltegn",
        )
    bidi = BIDI.search(value)
    if bidi:
        raise CellError(
            f"inneholder et usynlig retningstegn (U+{ord(bidi.group()):04X}) som kan vise teksten "
            "i en annen rekkefølge enn den er skrevet; fjern det",
            rule="tekst.retningstegn",
        )
    return unicodedata.normalize("NFC", value).strip()


_CHAR_REF = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")


def check_decoded_markup(text: str) -> None:
    """Rich text is Markdown, whose parser turns character references (`&#x202E;`,
    `&rlm;`) into characters: each reference is checked as the character it becomes, by
    the same rules as typed text, so no rule can be passed by writing a character as a
    reference."""
    if "&" not in text:
        return
    for match in _CHAR_REF.finditer(text):
        decoded = html.unescape(match.group())
        if decoded == match.group():
            continue  # not a reference Markdown knows: it stays as written
        try:
            clean_text(decoded.replace("\n", " "))
            check_printable(decoded)
        except CellError as exc:
            raise CellError(exc.message.replace(
                ")", f", skrevet som {match.group()})", 1), rule=exc.rule) from None


def check_printable(text: str) -> str:
    """`text` unchanged, or CellError naming the first character no document can show."""
    bad = unprintable(text)
    if bad is None:
        return text
    code = f"U+{ord(bad):04X} {unicodedata.name(bad, '')}".rstrip()
    if unicodedata.category(bad).startswith("M"):
        raise CellError(
            f"inneholder et kombinerende tegn ({code}) som ikke kan settes sammen med tegnet "
            "foran til ett tegn; skriv bokstaven som ett tegn eller fjern merket",
            rule="tekst.tegn",
        )
    raise CellError(
        f"inneholder tegnet «{bad}» ({code}), som skriftene i PDF-en ikke har; fjern det "
        "eller bytt det ut",
        rule="tekst.tegn",
    )


def is_blank(value: object) -> bool:
    """True for None and for strings with nothing but whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def _check_error_value(value: object) -> None:
    if isinstance(value, str) and value.strip() in ERROR_VALUES:
        raise CellError(
            f"inneholder feilverdien {value.strip()}; rett formelen i Excel eller skriv inn "
            "verdien",
            rule="celle.feilverdi",
        )


def _plain(value: object) -> str:
    """A non-text value as plain text: 5528 → "5528", 1.5 → "1,5", a date → "12.10.2017"."""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return format(value, ".15g").replace(".", ",")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, dt.datetime):
        return format_date(value.date(), "short")
    if isinstance(value, dt.date):
        return format_date(value, "short")
    return str(value)


def to_text(value: object) -> str | None:
    """Any cell as text; numbers keep their digits (kommunenummer 5528 stays "5528")."""
    if is_blank(value):
        return None
    _check_error_value(value)
    text = clean_text(value) if isinstance(value, str) else _plain(value)
    return check_printable(text) or None


# ------------------------------------------------------------------ numbers

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u2009]+")
# "ca. 3 mill", "~3000", "3000?": a guess is not a budget.
_VAGUE = re.compile(r"\b(ca|cirka|circa|omtrent|omkring|rundt|anslagsvis|ansl|ish)\b|[~?<>≈]")
_PREFIX = re.compile(r"^(kr\.?|nok)\s*")
_SUFFIX = re.compile(r"\s*(,-|\.-|,–|kroner|kr\.?|nok)$")
_MULTIPLIER = re.compile(r"\s*(mill\.?|millioner|million|mnok|mrd\.?|milliarder)$")
_NUMBER_FORMS = (
    # "1 250 000" and "1 250 000,50": space thousands, optional decimal comma
    (re.compile(r"^\d{1,3}( \d{3})+(,\d+)?$"), " ", ","),
    # "1.250.000" (several dot groups), or "1.250,50" (dot thousands with a decimal comma)
    (re.compile(r"^\d{1,3}(\.\d{3}){2,}(,\d+)?$"), ".", ","),
    (re.compile(r"^\d{1,3}(\.\d{3})+,\d+$"), ".", ","),
    # "1,250,000" and "1,250,000.50": comma thousands as in English
    (re.compile(r"^\d{1,3}(,\d{3}){2,}(\.\d+)?$"), ",", "."),
    # "1250000", "1,5" (decimal comma), "1.5" (decimal point), but not "1,250" or "1.250":
    # those are ambiguous (see parse_number)
    (re.compile(r"^\d+(,(\d{1,2}|\d{4,}))?$|^(0|\d{4,}),\d+$"), "", ","),
    (re.compile(r"^0\.\d+$"), "", "."),
    (re.compile(r"^\d+\.(\d{1,2}|\d{4,})$"), "", "."),
)


def _decimal_from_float(value: float) -> Decimal:
    # 15 significant digits, as Excel shows them: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
    return Decimal(format(value, ".15g"))


def _normalise(d: Decimal) -> Decimal:
    return Decimal(int(d)) if d == d.to_integral_value() else d.normalize()


def parse_number(value: object) -> Decimal:
    """A number as Norwegians type it; raises CellError(`må være et tall, fikk "…"`)."""
    wrong = CellError(f"må være et tall, fikk {quote(value)}")
    if isinstance(value, bool | dt.date):
        raise wrong
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise wrong
        return _normalise(_decimal_from_float(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise wrong
        return _normalise(value)
    if not isinstance(value, str):
        raise wrong
    text = _SPACES.sub(" ", clean_text(value)).casefold()
    if text[:1] in ("\u2212", "–"):  # typographic minus signs
        text = "-" + text[1:]
    if _VAGUE.search(text):
        raise wrong
    sign = 1
    if text[:1] in "-+":
        sign = -1 if text[0] == "-" else 1
        text = text[1:].lstrip()
    text = _PREFIX.sub("", text)
    if text[:1] == "-":  # "kr -300 000"
        sign, text = -1, text[1:].lstrip()
    multiplier = 1
    for _ in range(3):  # "1,5 mill. kr", "kr 1,5 mill", "1,5 MNOK", "300 000,-"
        before = text
        m = _MULTIPLIER.search(text)
        if m:
            multiplier = 1_000_000_000 if m.group(1).startswith(("mrd", "milliard")) else 1_000_000
            text = text[: m.start()]
        else:
            text = _SUFFIX.sub("", text)
        if text == before:
            break
    text = text.strip()
    for pattern, thousands, decimal in _NUMBER_FORMS:
        if pattern.match(text):
            digits = text.replace(thousands, "") if thousands else text
            digits = digits.replace(decimal, ".")
            try:
                return _normalise(sign * Decimal(digits) * multiplier)
            except InvalidOperation:  # pragma: no cover - the patterns admit only digits
                raise wrong from None
    if re.match(r"^[1-9]\d{0,2}[.,]\d{3}$", text):
        # "700.000" and "800,000": a thousands separator to some, decimals to others.
        as_decimal = format(Decimal(text.replace(",", ".")).normalize(), "f").replace(".", ",")
        raise CellError(
            f"er tvetydig, fikk {quote(value)}; skriv {re.sub('[.,]', '', text)} (tusener) "
            f"eller {as_decimal} (desimaltall)"
        )
    raise wrong


def to_amount(value: object) -> Decimal | None:
    """Kroner, never negative: "1 250 000", "kr 300 000", "1,5 mill" → Decimal."""
    if is_blank(value):
        return None
    _check_error_value(value)
    amount = parse_number(value)
    if amount < 0:
        raise CellError(f"kan ikke være negativt, fikk {quote(value)}")
    if amount >= MAX_AMOUNT:
        raise CellError(f"er urimelig stort, fikk {quote(value)}; skriv beløpet i kroner")
    return amount


def to_int(value: object) -> int | None:
    """A whole number."""
    if is_blank(value):
        return None
    _check_error_value(value)
    number = parse_number(value)
    if number != number.to_integral_value():
        raise CellError(f"må være et helt tall, fikk {quote(value)}")
    return int(number)


def to_year(value: object) -> int | None:
    """A year between 1990 and 2100."""
    if is_blank(value):
        return None
    _check_error_value(value)
    wrong = CellError(f"må være et årstall (f.eks. 2025), fikk {quote(value)}")
    if isinstance(value, dt.date):
        raise wrong
    try:
        year = to_int(value)
    except CellError:
        raise wrong from None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise wrong
    return year


# ------------------------------------------------------------------ dates

_MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3]: i for name, i in list(_MONTH_NUMBER.items())})
_DMY = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
# Matched after casefold(), hence the lower-case "t" and "z" of an ISO timestamp.
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$")
_LONG = re.compile(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$")
# Serial day numbers Excel shows for a date cell formatted as a number: 1954–2119.
_SERIAL_RANGE = (20_000, 80_000)


def to_date(value: object, *, year_alone: bool = False) -> dt.date | None:
    """Excel dates, "12.10.2017", "2017-10-12", "12. oktober 2017"; a year if `year_alone`."""
    if is_blank(value):
        return None
    _check_error_value(value)
    wrong = CellError(f"må være en dato (dd.mm.åååå), fikk {quote(value)}")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise wrong
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float | Decimal) and not math.isfinite(value):
            raise wrong
        if value != int(value):
            raise wrong
        number = int(value)
        if year_alone and MIN_YEAR <= number <= MAX_YEAR:
            return dt.date(number, 12, 31)
        if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
            return dt.date(1899, 12, 30) + dt.timedelta(days=number)
        raise wrong
    if not isinstance(value, str):
        raise wrong
    text = _SPACES.sub(" ", clean_text(value)).casefold()
    parts: tuple[int, int, int] | None = None
    if m := _DMY.match(text):
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif m := _ISO.match(text):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif (m := _LONG.match(text)) and m.group(2) in _MONTH_NUMBER:
        parts = (int(m.group(3)), _MONTH_NUMBER[m.group(2)], int(m.group(1)))
    elif year_alone and re.fullmatch(r"\d{4}", text) and MIN_YEAR <= int(text) <= MAX_YEAR:
        return dt.date(int(text), 12, 31)
    if parts is None:
        raise wrong
    try:
        return dt.date(*parts)
    except ValueError:
        raise CellError(f"er ikke en gyldig dato, fikk {quote(value)}") from None


# ------------------------------------------------------------------ value, choice


def to_value(value: object) -> str | None:
    """An indicator value: kept as text, numbers written the Norwegian way (1.5 → "1,5")."""
    if is_blank(value):
        return None
    _check_error_value(value)
    if isinstance(value, bool | dt.date):
        return _plain(value)
    if isinstance(value, int | Decimal):
        return _as_text(format_number(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(f"må være et tall eller en kort tekst, fikk {quote(value)}")
        return _as_text(format_number(_normalise(_decimal_from_float(value))))
    return check_printable(clean_text(str(value))) or None


def to_table(value: object) -> list[list[str]] | None:
    """A table's rows as text, numbers written the Norwegian way ("1 250 000", "1,5")."""
    if is_blank(value):
        return None
    if not isinstance(value, TableRows):
        raise CellError(f"må være et område som Tabell!A1:D12 i en Excel-arbeidsbok, fikk "
                        f"{quote(value)}; i YAML skrives tabellen som en liste med rader")
    if len(value) < 2:
        return None
    # A year column ("År", "Frå år") shows 2025, not "2 025".
    years = {i for i, head in enumerate(value[0])
             if isinstance(head, str) and re.search(r"(?<!\w)år(?!\w)", head.casefold())}
    return [[_plain(cell) if i in years and isinstance(cell, int | float | Decimal)
             and not isinstance(cell, bool) else to_value(cell) or ""
             for i, cell in enumerate(row)] for row in value]


def _as_text(number: str) -> str:
    # The value is stored as text and compared with adopted editions: it keeps the sign a
    # user types ("-10"); the documents' minus sign (U+2212) is for numbers they format.
    return number.replace("\u2212", "-")


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def match_choice(text: str, choices: tuple[str, ...]) -> str | None:
    """The canonical spelling of `text` among `choices` (case and spacing ignored), or None."""
    folded = _fold(text)
    return next((c for c in choices if _fold(c) == folded), None)


def to_choice(value: object, choices: tuple[str, ...]) -> str | None:
    """One of `choices`, spelled as the schema spells it."""
    text = to_text(value)
    if text is None:
        return None
    found = match_choice(text, choices)
    if found is None:
        allowed = ", ".join(f"«{c}»" for c in choices)
        hint = suggest(text, choices)
        tail = f"; mente du «{hint}»?" if hint else ""
        raise CellError(f"må være en av {allowed}, fikk {quote(value)}{tail}")
    return found


# ------------------------------------------------------------------ dispatch


def convert(value: object, column: Column) -> object:
    """Type `value` by `column.type`; None for an empty cell; raises CellError."""
    kind = column.type
    if isinstance(value, Percent):
        if kind in ("text", "rich", "ref", "value"):
            return value.shown()
        what = "et tall" if kind in ("amount", "int", "year") else "en dato" if (
            kind == "date") else "en av verdiene i listen"
        raise CellError(f"må være {what}, fikk {quote(value)} (cellen er formatert som prosent)")
    if kind == "rich":
        text = to_text(value)
        if text is not None:
            check_decoded_markup(text)
        return text
    if kind in ("text", "ref"):
        text = to_text(value)
        if text is not None and column.choices:
            # A suggested list (e.g. gruppe): take the schema's spelling, allow others.
            return match_choice(text, column.choices) or text
        return text
    if kind == "amount":
        return to_amount(value)
    if kind == "year":
        return to_year(value)
    if kind == "int":
        return to_int(value)
    if kind == "date":
        return to_date(value, year_alone=column.key in YEAR_AS_DATE_KEYS)
    if kind == "choice":
        return to_choice(value, column.choices)
    if kind == "value":
        return to_value(value)
    if kind == "range":
        return to_table(value)
    raise AssertionError(f"unknown column type {kind!r}")  # pragma: no cover - schema bug
