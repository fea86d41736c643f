"""Money that reconciles: one year's budget, financing and tiltak explained in one table.

The identities every financial document shows per year (all sums in Decimal):
- budget (Budsjett sheet) = financing (Finansiering sheet);
- tiltak's omstillingsmidler + administration and other lines without an innsatsområde +
  not yet allocated ("ikke fordelt") = budget;
- tiltak in all = omstillingsmidler + other financing, the latter from the tiltak's own
  sources, outside the programme budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from plandoc.core.diagnostics import Diagnostics
from plandoc.i18n.fmt import format_money
from plandoc.model.programme import Measure, Programme

ZERO = Decimal(0)


def split_funding(measure: Measure) -> tuple[Decimal, Decimal]:
    """(omstillingsmidler, annen finansiering) of a tiltak; a missing part is the budget's rest.

    With neither given the whole budget counts as omstillingsmidler, as in most plans.
    """
    own, other = measure.programme_funding, measure.other_funding
    if own is None and other is None:
        return measure.budget, ZERO
    if own is None:
        assert other is not None
        return measure.budget - other, other
    if other is None:
        return own, measure.budget - own
    return own, other


def largest_remainder(values: list[Decimal], total: int = 100) -> list[int]:
    """Whole shares of `total` proportional to non-negative `values` that add up to exactly
    `total` (Hamilton's largest remainder method); all zeros when the values sum to zero."""
    whole = sum(values, ZERO)
    if whole <= 0 or any(v < 0 for v in values):
        return [0] * len(values)
    exact = [v * total / whole for v in values]
    floors = [int(x.to_integral_value(ROUND_FLOOR)) for x in exact]
    short = total - sum(floors)
    # Ties go to the earlier row, so the result does not depend on anything but the order.
    order = sorted(range(len(values)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:short]:
        floors[i] += 1
    return floors


@dataclass
class OtherSource:
    """Other financing of one tiltak, with the sources the tiltak names."""

    measure: Measure
    sources: str
    amount: Decimal


@dataclass
class Reconciliation:
    """One year's money, explained (see the module docstring)."""

    year: int
    budget: Decimal
    funding: Decimal
    measures_own: Decimal
    measures_other: Decimal
    #: Budget lines without an innsatsområde (administration, analysis, evaluation …).
    administration: Decimal
    other_sources: list[OtherSource] = field(default_factory=list)

    @property
    def unallocated(self) -> Decimal:
        """Ikke fordelt: the part of the budget neither tiltak nor administration use."""
        return self.budget - self.measures_own - self.administration

    @property
    def measures_total(self) -> Decimal:
        return self.measures_own + self.measures_other

    @property
    def effort(self) -> Decimal:
        """Samlet innsats: the budget plus the tiltak's other financing."""
        return self.budget + self.measures_other

    @property
    def balanced(self) -> bool:
        """Budget = financing, and the budget covers what the tiltak and administration use."""
        return self.budget == self.funding and self.unallocated >= 0

    @property
    def shares(self) -> list[int]:
        """Per cent of the budget for tiltak, administration, ikke fordelt (adds up to 100)."""
        return largest_remainder([self.measures_own, self.administration, self.unallocated])

    @property
    def empty(self) -> bool:
        return not (self.budget or self.funding or self.measures_total)


def reconcile(programme: Programme, year: int) -> Reconciliation:
    """The reconciliation of one year."""
    own = other = ZERO
    sources = []
    for m in programme.measures_of(year=year):
        mine, theirs = split_funding(m)
        own += mine
        other += theirs
        if theirs:
            sources.append(OtherSource(m, m.funding_sources or "", theirs))
    return Reconciliation(
        year=year,
        budget=programme.budget_total(year),
        funding=programme.funding_total(year),
        measures_own=own,
        measures_other=other,
        administration=sum((b.amount for b in programme.budget
                            if b.year == year and not b.focus_area), ZERO),
        other_sources=sources,
    )


def reconcile_all(programme: Programme) -> list[Reconciliation]:
    """Every year of the period that has any money in it."""
    return [r for y in programme.years if not (r := reconcile(programme, y)).empty]


def reconcile_total(recs: list[Reconciliation]) -> Reconciliation:
    """The sums over several years (year 0), for the per-year table's sum row."""
    return Reconciliation(
        year=0,
        budget=sum((r.budget for r in recs), ZERO),
        funding=sum((r.funding for r in recs), ZERO),
        measures_own=sum((r.measures_own for r in recs), ZERO),
        measures_other=sum((r.measures_other for r in recs), ZERO),
        administration=sum((r.administration for r in recs), ZERO),
        other_sources=[o for r in recs for o in r.other_sources],
    )


def check_reconciliation(p: Programme) -> Diagnostics:
    """A year whose tiltak and administration use more omstillingsmidler than the budget has
    cannot reconcile: "ikke fordelt" would be negative (budget ≠ financing is an error of
    its own, `rules.check_funding_balance`)."""
    diags = Diagnostics()
    budgeted = {b.year for b in p.budget}
    for year in p.measure_years():
        if year not in budgeted:
            continue  # no budget for the year at all: nothing to reconcile the tiltak with
        r = reconcile(p, year)
        if r.unallocated >= 0:
            continue
        used = r.measures_own + r.administration
        ref = next((m.ref("budget") for m in p.measures_of(year=year)), None)
        diags.warning(
            f"tallene for {year} går ikke opp: tiltakenes omstillingsmidler "
            f"({format_money(r.measures_own)}) og postene uten innsatsområde "
            f"({format_money(r.administration)}) er til sammen {format_money(used)}, mer enn "
            f"budsjettet ({format_money(r.budget)}); øk budsjettet eller flytt tiltak til "
            "annen finansiering", "budsjett.avstemming", ref)
    return diags


def check_years_without_measures(p: Programme) -> Diagnostics:
    """A year between two handlingsplan years that has budget lines but no tiltak gets no
    handlingsplan: say so, at its first budget line. (Years before the first tiltak are the
    strategy phase and years after the last are not planned yet: both normal.)"""
    diags = Diagnostics()
    years = p.measure_years()
    if not years:
        return diags
    for year in range(years[0] + 1, years[-1]):
        if year in years:
            continue
        lines = [b for b in p.budget if b.year == year]
        if not lines:
            continue
        diags.warning(
            f"{year} har budsjett ({format_money(p.budget_total(year))}), men ingen tiltak, så "
            f"det lages ingen handlingsplan for {year}; legg inn tiltakene for {year} i "
            "arket «Tiltak», eller flytt budsjettpostene til et år med tiltak",
            "handlingsplan.år", lines[0].ref())
    return diags
