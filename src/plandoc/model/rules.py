"""Domain and reference rules over a loaded Programme; one function per rule, all collected.

Each `check_*` function returns its own Diagnostics; `check` runs them all in order. Records
left out by the loader because of an error are remembered in `Programme.refs` (see
`plandoc.load.programme`), so their ids are not reported as unknown and sums that would miss them
are not checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import is_yaml
from plandoc.core.text import suggest
from plandoc.i18n.fmt import format_money, format_number
from plandoc.model import edition_rules
from plandoc.model.programme import BudgetLine, Programme
from plandoc.model.reconcile import check_reconciliation, check_years_without_measures
from plandoc.model.records import INVALID, PARTIAL, YEAR_MARK, Record
from plandoc.model.rich_rules import check_chapters, check_rich_headings
from plandoc.schema.programme import (
    BUDGET,
    FOCUS_AREAS,
    FUNDING,
    GOALS,
    MEASURES,
    RESULTS,
    SOURCE_KINDS_BY_TYPE,
    STRATEGIES,
    Sheet,
    label,
)

#: Normal number of innsatsområder, and the longest normal programme period (years).
FOCUS_AREA_RANGE = (3, 4)
MAX_PERIOD_YEARS = 6
#: The share of a year's funding the county normally covers at most.
MAX_COUNTY_SHARE = Decimal("0.75")
#: Unknown references list the valid ids when there are at most this many.
MAX_LISTED_IDS = 8

Rule = Callable[[Programme], Diagnostics]


# ------------------------------------------------------------------ helpers


def _where(p: Programme, *sheets: Sheet) -> str:
    """'i arket «Tiltak»' for workbooks, 'under «tiltak»' for YAML files."""
    if is_yaml(p.source):
        return "under " + " og ".join(f"«{s.key}»" for s in sheets)
    word = "arket" if len(sheets) == 1 else "arkene"
    return f"i {word} " + " og ".join(f"«{s.name}»" for s in sheets)


def _invalid(p: Programme, sheet: Sheet) -> bool:
    return INVALID + sheet.key in p.refs


def _invalid_ids(p: Programme, sheet: Sheet) -> set[str]:
    prefix = f"{INVALID}{sheet.key}:"
    return {k[len(prefix):] for k in p.refs if k.startswith(prefix)}


def _invalid_years(p: Programme, sheet: Sheet) -> set[str]:
    """The years (as text, "?" for unknown) of the rows of `sheet` that were left out."""
    prefix = f"{INVALID}{sheet.key}{YEAR_MARK}"
    years = {k[len(prefix):] for k in p.refs if k.startswith(prefix)}
    if not years and _invalid(p, sheet):
        return {"?"}  # left out, year not recorded: any year may miss it
    return years


def _first_ref_of(records: Iterable[Record], year: int, field: str) -> SourceRef | None:
    return next((r.ref(field) for r in records if getattr(r, "year", None) == year
                 and r.ref(field) is not None), None)


def _join(words: list[str]) -> str:
    """["a", "b", "c"] → "a, b og c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def _first_ref(records: Iterable[Record]) -> SourceRef | None:
    return next((r.ref() for r in records if r.ref() is not None), None)


def _period(p: Programme) -> str:
    return f"{p.info.start_year}–{p.info.end_year}"


# ------------------------------------------------------------------ ids and references


def check_duplicate_ids(p: Programme) -> Diagnostics:
    """An id may appear once per sheet; a tiltak once per year (a tiltak runs over years)."""
    diags = Diagnostics()
    sheets: list[tuple[Sheet, list[Record], bool]] = [
        (GOALS, list(p.goals), False),
        (FOCUS_AREAS, list(p.focus_areas), False),
        (STRATEGIES, list(p.strategies), False),
        (MEASURES, list(p.measures), True),
    ]
    for sheet, records, per_year in sheets:
        first: dict[tuple[str, int | None], Record] = {}
        for record in records:
            key = (record.id, record.year if per_year else None)  # type: ignore[attr-defined]
            if key not in first:
                first[key] = record
                continue
            same_year = f" for {key[1]}" if per_year else ""
            diags.error(
                f"ID «{key[0]}» er brukt før{same_year} {_where(p, sheet)}; gi hver rad sin "
                "egen ID", "id.duplikat", record.ref("id"),
                related=[r for r in [first[key].ref("id")] if r is not None])
    return diags


def _check_ref(
    p: Programme, diags: Diagnostics, record: Record, field: str, sheet: Sheet,
    column_key: str, targets: list[tuple[Sheet, list[str]]],
) -> None:
    value = getattr(record, field)
    if value is None:
        return
    known: list[str] = []
    for target, ids in targets:
        if value in _invalid_ids(p, target):
            return
        known.extend(ids)
    if value in known:
        return
    known = list(dict.fromkeys(known))  # a duplicated id is reported once, by its own rule
    column = sheet.column(column_key)
    hint = suggest(value, known)
    places = _where(p, *(t for t, _ in targets))
    if hint:
        tail = f"; mente du «{hint}»?"
    elif known and len(known) <= MAX_LISTED_IDS:
        tail = "; bruk en av " + ", ".join(f"«{k}»" for k in known)
    else:
        tail = f"; bruk en ID som står {places}" if known else f"; legg den til {places}"
    diags.error(f"{label(column)} «{value}» finnes ikke {places}{tail}", "ref.ukjent",
                record.ref(field))


class _Partial:
    """A reference from a record that was left out, shaped like the record for _check_ref."""

    def __init__(self, field: str, value: str, ref: SourceRef) -> None:
        setattr(self, field, value)
        self._ref = ref

    def ref(self, name: str | None = None) -> SourceRef:
        return self._ref


def check_references(p: Programme) -> Diagnostics:
    """Every innsatsområde, strategi and mål/tiltak id used must exist, also in a row left
    out for another error (one row, every problem at once)."""
    diags = Diagnostics()
    areas = [(FOCUS_AREAS, [a.id for a in p.focus_areas])]
    strategies = [(STRATEGIES, [s.id for s in p.strategies])]
    goals_and_measures = [(GOALS, [g.id for g in p.goals]),
                          (MEASURES, list(dict.fromkeys(m.id for m in p.measures)))]
    checks: dict[tuple[str, str], tuple[Sheet, str, list[tuple[Sheet, list[str]]]]] = {
        (GOALS.key, "innsatsområde"): (GOALS, "focus_area", areas),
        (STRATEGIES.key, "innsatsområde"): (STRATEGIES, "focus_area", areas),
        (MEASURES.key, "innsatsområde"): (MEASURES, "focus_area", areas),
        (MEASURES.key, "strategi"): (MEASURES, "strategy", strategies),
        (BUDGET.key, "innsatsområde"): (BUDGET, "focus_area", areas),
        (RESULTS.key, "gjelder"): (RESULTS, "target_ref", goals_and_measures),
    }
    records: dict[str, list[Record]] = {
        GOALS.key: list(p.goals), STRATEGIES.key: list(p.strategies),
        MEASURES.key: list(p.measures), BUDGET.key: list(p.budget),
        RESULTS.key: list(p.results)}
    for (sheet_key, column_key), (sheet, field, targets) in checks.items():
        for record in records[sheet_key]:
            _check_ref(p, diags, record, field, sheet, column_key, targets)
    for key, ref in list(p.refs.items()):
        if not key.startswith(PARTIAL):
            continue
        sheet_key, column_key, value = key[len(PARTIAL):].split("\x1f", 2)
        found = checks.get((sheet_key, column_key))
        if found is not None:
            sheet, field, targets = found
            _check_ref(p, diags, _Partial(field, value, ref), field, sheet,  # type: ignore[arg-type]
                       column_key, targets)
    return diags


def check_strategy_area(p: Programme) -> Diagnostics:
    """A tiltak's strategi must belong to the tiltak's innsatsområde."""
    diags = Diagnostics()
    by_id = {s.id: s for s in p.strategies}
    areas = {a.id for a in p.focus_areas}
    for measure in p.measures:
        strategy = by_id.get(measure.strategy or "")
        if strategy is None or strategy.focus_area == measure.focus_area:
            continue
        if measure.focus_area not in areas:
            continue  # an unknown innsatsområde is reported once, by check_references
        diags.error(
            f"strategi «{strategy.id}» hører til innsatsområde «{strategy.focus_area}», ikke "
            f"«{measure.focus_area}»; velg en strategi under «{measure.focus_area}» eller rett "
            "innsatsområdet", "tiltak.strategi", measure.ref("strategy"),
            related=[r for r in [strategy.ref("focus_area")] if r is not None])
    return diags


# ------------------------------------------------------------------ content


def check_focus_area_count(p: Programme) -> Diagnostics:
    """Normally 3–4 innsatsområder."""
    diags = Diagnostics()
    count = len(p.focus_areas)
    low, high = FOCUS_AREA_RANGE
    if low <= count <= high or _invalid(p, FOCUS_AREAS):
        return diags
    diags.warning(
        f"programmet har {count} innsatsområder; normalt skal det være {low}–{high}",
        "innsatsområder.antall", _first_ref(p.focus_areas) or p.ref())
    return diags


def check_goals_measurable(p: Programme) -> Diagnostics:
    """Every goal needs an indikator, a målverdi and a frist."""
    diags = Diagnostics()
    for goal in p.goals:
        missing = [
            label(GOALS.column(key)) for key, value in
            (("indikator", goal.indicator), ("målverdi", goal.target), ("frist", goal.deadline))
            if value is None
        ]
        if missing:
            diags.warning(
                f"målet «{goal.id}» mangler {_join(missing)}; alle mål skal være målbare, med "
                "indikator, målverdi og frist", "mål.målbart", goal.ref())
    return diags


# ------------------------------------------------------------------ periods and years


def check_period(p: Programme) -> Diagnostics:
    """The period runs forwards and normally lasts at most six years."""
    diags = Diagnostics()
    start, end = p.info.start_year, p.info.end_year
    if end < start:
        diags.error(
            f"periode til ({end}) er før periode fra ({start}); rett årstallene",
            "program.periode", p.info.ref("end_year"),
            related=[r for r in [p.info.ref("start_year")] if r is not None])
    elif end - start + 1 > MAX_PERIOD_YEARS:
        diags.warning(
            f"perioden {start}–{end} er {end - start + 1} år; omstillingsstatus varer normalt "
            f"i inntil {MAX_PERIOD_YEARS} år", "program.periode", p.info.ref("end_year"))
    return diags


def check_measure_years(p: Programme) -> Diagnostics:
    """Every tiltak lies within the programme period."""
    diags = Diagnostics()
    for measure in p.measures:
        if not p.info.start_year <= measure.year <= p.info.end_year:
            diags.error(
                f"år {measure.year} for tiltak «{measure.id}» er utenfor programperioden "
                f"{_period(p)}; rett året eller perioden", "tiltak.år", measure.ref("year"))
    return diags


def check_result_years(p: Programme) -> Diagnostics:
    """Results are reported for years within the period (so not after its last year)."""
    diags = Diagnostics()
    for result in p.results:
        if not p.info.start_year <= result.year <= p.info.end_year:
            diags.error(
                f"år {result.year} er utenfor programperioden {_period(p)}; resultater kan bare "
                "rapporteres for år i perioden", "resultater.år", result.ref("year"))
    return diags


# ------------------------------------------------------------------ money


def check_funding_balance(p: Programme) -> Diagnostics:
    """Each year, the funding adds up to the budget."""
    diags = Diagnostics()
    if not p.budget and not p.funding:
        return diags
    # A year with a row left out (its amount unreadable) cannot be summed; the other years
    # still are. A left-out row whose year is unknown could belong to any year.
    skipped = _invalid_years(p, BUDGET) | _invalid_years(p, FUNDING)
    if "?" in skipped:
        return diags
    for year in sorted({b.year for b in p.budget} | {f.year for f in p.funding}):
        if str(year) in skipped:
            continue
        budget, funding = p.budget_total(year), p.funding_total(year)
        if budget == funding:
            continue
        # Point at the amounts (the cells to correct), not at the year.
        funding_ref = _first_ref_of(p.funding, year, "amount")
        budget_ref = _first_ref_of(p.budget, year, "amount")
        diags.error(
            f"finansieringen i {year} ({format_money(funding)}) er ikke lik budsjettet "
            f"({format_money(budget)}); differansen er {format_money(abs(budget - funding))} – "
            f"rett beløpene {_where(p, FUNDING, BUDGET)}", "finansiering.balanse",
            funding_ref or budget_ref,
            related=[budget_ref] if funding_ref is not None and budget_ref is not None else [])
    return diags


def check_source_kinds(p: Programme) -> Diagnostics:
    """A regional omstilling and an områdeløft are financed from different kinds of source:
    a kildetype of the other programme type is an error at its cell."""
    diags = Diagnostics()
    allowed = SOURCE_KINDS_BY_TYPE.get(p.info.kind)
    if allowed is None:
        return diags
    for line in p.funding:
        if line.source_kind in allowed:
            continue
        other = next((k for k, kinds in SOURCE_KINDS_BY_TYPE.items()
                      if line.source_kind in kinds), "")
        diags.error(
            f"kildetypen «{line.source_kind}» brukes i programmer av typen «{other}», men "
            f"dette programmet er et «{p.info.kind}»; velg en av "
            + ", ".join(f"«{k}»" for k in allowed),
            "finansiering.kildetype", line.ref("source_kind"))
    return diags


def check_county_share(p: Programme) -> Diagnostics:
    """The county (fylkeskommune) normally funds at most 75 % of a year."""
    diags = Diagnostics()
    if _invalid(p, FUNDING):
        return diags
    for year in sorted({f.year for f in p.funding}):
        total = p.funding_total(year)
        county_lines = [f for f in p.funding if f.year == year and f.source_kind == "fylkeskommune"]
        county = sum((f.amount for f in county_lines), Decimal(0))
        if total <= 0 or county / total <= MAX_COUNTY_SHARE:
            continue
        percent = county / total * 100
        shown = percent.quantize(Decimal(1) if percent == int(percent) else Decimal("0.1"))
        diags.warning(
            f"fylkeskommunens andel av finansieringen i {year} er {format_number(shown)}\u00a0% "
            f"({format_money(county)} av {format_money(total)}); normalt dekker "
            "fylkeskommunen inntil 75\u00a0%, og kommunen resten", "fylke.andel",
            _first_ref(county_lines))
    return diags


def check_measure_funding(p: Programme) -> Diagnostics:
    """Per tiltak: omstillingsmidler + annen finansiering = budsjett, neither negative."""
    diags = Diagnostics()
    for m in p.measures:
        own, other = m.programme_funding, m.other_funding
        if own is None or other is None:
            continue
        if own < 0 or other < 0:
            too_big, field = ("omstillingsmidlene", "programme_funding") if other < 0 else (
                "annen finansiering", "other_funding")
            diags.error(
                f"{too_big} for tiltak «{m.id}» ({format_money(own if other < 0 else other)}) "
                f"er større enn budsjettet ({format_money(m.budget)}); rett beløpene",
                "tiltak.finansiering", m.ref(field) or m.ref("budget"))
        elif own + other != m.budget:
            diags.error(
                f"omstillingsmidler ({format_money(own)}) og annen finansiering "
                f"({format_money(other)}) for tiltak «{m.id}» er til sammen "
                f"{format_money(own + other)}, men budsjettet er {format_money(m.budget)}; "
                "rett beløpene", "tiltak.finansiering", m.ref("budget"))
    return diags


def check_area_budget(p: Programme) -> Diagnostics:
    """Per year and innsatsområde: the tiltak's omstillingsmidler fit the budget lines."""
    diags = Diagnostics()
    if _invalid(p, MEASURES) or _invalid(p, BUDGET):
        return diags
    lines: dict[tuple[int, str], list[BudgetLine]] = defaultdict(list)
    for line in p.budget:
        if line.focus_area is not None:
            lines[(line.year, line.focus_area)].append(line)
    for (year, area), area_lines in sorted(lines.items()):
        planned = sum((line.amount for line in area_lines), Decimal(0))
        used = sum((m.programme_funding or Decimal(0) for m in p.measures_of(area, year)),
                   Decimal(0))
        if used > planned:
            diags.warning(
                f"tiltakene i innsatsområde «{area}» bruker {format_money(used)} i "
                f"omstillingsmidler i {year}, mer enn budsjettet for innsatsområdet "
                f"({format_money(planned)}); øk budsjettet eller reduser tiltakene",
                "budsjett.innsatsområde", _first_ref(area_lines))
    return diags


#: Every rule, in the order diagnostics are reported.
RULES: tuple[Rule, ...] = (
    check_period,
    check_duplicate_ids,
    check_references,
    check_strategy_area,
    check_focus_area_count,
    check_goals_measurable,
    check_measure_years,
    check_measure_funding,
    check_area_budget,
    check_funding_balance,
    check_county_share,
    check_source_kinds,
    check_result_years,
    edition_rules.check,
    check_rich_headings,
    check_chapters,
    check_reconciliation,
    check_years_without_measures,
)


def check(programme: Programme) -> Diagnostics:
    """Run every rule and collect what they find."""
    diags = Diagnostics()
    for rule in RULES:
        diags.extend(rule(programme))
    return diags
