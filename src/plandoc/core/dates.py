"""The source date: the one date an output carries, from SOURCE_DATE_EPOCH, the document's own
date, or a fixed date; never the clock."""

from __future__ import annotations

import datetime as dt
import os

#: Used when neither SOURCE_DATE_EPOCH nor the document gives a date: 2000-01-01T00:00:00Z.
DEFAULT_EPOCH = 946_684_800


def source_epoch(issued: str = "") -> int:
    """Seconds since 1970: SOURCE_DATE_EPOCH (reproducible-builds.org) when it is a whole
    non-negative number, else the document's own date `issued` (ISO, at midnight UTC), else
    DEFAULT_EPOCH."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isascii() and value.isdigit():
        return int(value)
    try:
        day = dt.date.fromisoformat(issued.strip())
    except ValueError:
        return DEFAULT_EPOCH
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def source_datetime(issued: str = "") -> dt.datetime:
    """The source date as a naive UTC datetime (what openpyxl and python-docx store)."""
    try:
        return dt.datetime.fromtimestamp(source_epoch(issued), tz=dt.UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):  # beyond what datetime can hold
        return dt.datetime.fromtimestamp(DEFAULT_EPOCH, tz=dt.UTC).replace(tzinfo=None)
