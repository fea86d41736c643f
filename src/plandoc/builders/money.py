"""The programme's money as sum tables: financing per source and budget per innsatsområde."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from plandoc.builders.common import SumTable, add_cell, sum_table
from plandoc.model.programme import Programme


def funding_table(programme: Programme) -> SumTable:
    """Financing for every year of the period, one row per source."""
    cells: dict[tuple[Hashable, Any], Decimal] = {}
    for line in programme.funding:
        add_cell(cells, line.source, line.year, line.amount)
    sources = list(dict.fromkeys(line.source for line in programme.funding))
    return sum_table(programme.years, cells, [(s, s) for s in sources])


def resources_table(programme: Programme) -> SumTable:
    """Budget per innsatsområde (and per other budget item) for every year of the period."""
    areas = {a.id: a for a in programme.focus_areas}
    cells: dict[tuple[Hashable, Any], Decimal] = {}
    items: list[tuple[Hashable, str]] = []
    for line in programme.budget:
        if line.focus_area in areas:
            key: Hashable = ("area", line.focus_area)
        else:
            key = ("item", line.item)
            if (key, line.item) not in items:
                items.append((key, line.item))
        add_cell(cells, key, line.year, line.amount)
    # Every innsatsområde gets a row once there is a budget at all: a zero says something too.
    rows: list[tuple[Hashable, str]] = (
        [(("area", a.id), a.name) for a in programme.focus_areas] if programme.budget else []
    )
    return sum_table(programme.years, cells, rows + items)
