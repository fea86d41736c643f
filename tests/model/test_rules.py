"""Every domain rule: one case that breaks it, one that keeps it, exact messages."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

from plandoc.core.diagnostics import SourceRef
from plandoc.load.programme import load_programme
from plandoc.model import rules
from plandoc.model.programme import (
    BudgetLine,
    FocusArea,
    FundingLine,
    Goal,
    Measure,
    Programme,
    ProgrammeInfo,
    ReportedResult,
    Strategy,
)
from plandoc.readers import read_input

NBSP = "\u00a0"


def _measure(mid: str = "T1", area: str = "IO1", strategy: str | None = "IO1-A",
             year: int = 2025, budget: int = 600_000, own: int | None = 450_000,
             other: int | None = 150_000) -> Measure:
    return Measure(id=mid, name="Tiltak", focus_area=area, strategy=strategy, year=year,
                   budget=Decimal(budget),
                   programme_funding=None if own is None else Decimal(own),
                   other_funding=None if other is None else Decimal(other))


def _programme(source: str = "inputs/x/program.xlsx", **changes: object) -> Programme:
    """A small programme that keeps every rule; `changes` replace whole lists or fields."""
    data: dict[str, object] = {
        "info": ProgrammeInfo(municipality="Dyrøy", name="Omstilling", start_year=2024,
                              end_year=2029),
        "focus_areas": [FocusArea(id=f"IO{i}", name=f"Område {i}") for i in (1, 2, 3)],
        "strategies": [Strategy(id="IO1-A", focus_area="IO1", name="A"),
                       Strategy(id="IO2-A", focus_area="IO2", name="B")],
        "goals": [Goal(id="M1", level="hovedmål", text="Mål", indicator="Jobber", target="60",
                       deadline=dt.date(2029, 12, 31))],
        "measures": [_measure()],
        "budget": [BudgetLine(year=2025, item="IO1", focus_area="IO1", amount=Decimal(3_000_000)),
                   BudgetLine(year=2025, item="Drift", amount=Decimal(1_000_000))],
        "funding": [FundingLine(year=2025, source="FK", source_kind="fylkeskommune",
                                amount=Decimal(3_000_000)),
                    FundingLine(year=2025, source="K", source_kind="kommune",
                                amount=Decimal(1_000_000))],
        "results": [ReportedResult(year=2024, target_ref="M1", achieved="8")],
        "source": source,
    }
    data.update(changes)
    return Programme(**data)  # type: ignore[arg-type]


def _messages(diags) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{d.severity.value}: {d.message} [{d.rule}]" for d in diags]


def test_the_base_programme_keeps_every_rule() -> None:
    assert _messages(rules.check(_programme())) == []


def test_sample_programme_has_no_errors() -> None:
    try:  # however the tests folder ends up on sys.path
        from tests.factories import sample_programme
    except ImportError:  # pragma: no cover - depends on how pytest was started
        from factories import sample_programme

    for language in ("bokmål", "nynorsk"):
        assert rules.check(sample_programme(language)).errors == []


# ------------------------------------------------------------------ ids and references


def test_duplicate_ids() -> None:
    areas = [FocusArea(id="IO1", name="A", refs={"id": SourceRef("f.xlsx", "Innsatsområder",
                                                                 "A2")}),
             FocusArea(id="IO1", name="B", refs={"id": SourceRef("f.xlsx", "Innsatsområder",
                                                                 "A3")}),
             FocusArea(id="IO2", name="C"), FocusArea(id="IO3", name="D")]
    diags = rules.check_duplicate_ids(_programme(focus_areas=areas))
    assert [str(d) for d in diags] == [
        "f.xlsx:Innsatsområder!A3: feil: ID «IO1» er brukt før i arket «Innsatsområder»; gi "
        "hver rad sin egen ID (se også f.xlsx:Innsatsområder!A2) [id.duplikat]"]
    assert _messages(rules.check_duplicate_ids(_programme())) == []


def test_a_tiltak_may_repeat_its_id_in_another_year_but_not_the_same() -> None:
    over_years = [_measure(year=2025), _measure(year=2026)]
    assert _messages(rules.check_duplicate_ids(_programme(measures=over_years))) == []
    same_year = [_measure(), _measure()]
    assert _messages(rules.check_duplicate_ids(_programme(measures=same_year))) == [
        "feil: ID «T1» er brukt før for 2025 i arket «Tiltak»; gi hver rad sin egen ID "
        "[id.duplikat]"]


def test_unknown_references() -> None:
    p = _programme(
        measures=[_measure(area="IO9", strategy="io1-a")],
        goals=[Goal(id="M1", level="delmål", text="x", focus_area="Næring", indicator="i",
                    target="1", deadline=dt.date(2029, 1, 1))],
        budget=[BudgetLine(year=2025, item="x", focus_area="IO4", amount=Decimal(1))],
        results=[ReportedResult(year=2024, target_ref="M2")],
    )
    assert _messages(rules.check_references(p)) == [
        "feil: innsatsområde «Næring» finnes ikke i arket «Innsatsområder»; bruk en av «IO1», "
        "«IO2», «IO3» [ref.ukjent]",
        "feil: innsatsområde «IO9» finnes ikke i arket «Innsatsområder»; bruk en av «IO1», "
        "«IO2», «IO3» [ref.ukjent]",
        "feil: strategi «io1-a» finnes ikke i arket «Strategier»; mente du «IO1-A»? "
        "[ref.ukjent]",
        "feil: innsatsområde «IO4» finnes ikke i arket «Innsatsområder»; bruk en av «IO1», "
        "«IO2», «IO3» [ref.ukjent]",
        "feil: mål eller tiltak «M2» finnes ikke i arkene «Mål» og «Tiltak»; bruk en av «M1», "
        "«T1» [ref.ukjent]",
    ]
    assert _messages(rules.check_references(_programme())) == []


def test_results_may_refer_to_a_tiltak() -> None:
    p = _programme(results=[ReportedResult(year=2024, target_ref="T1")])
    assert _messages(rules.check_references(p)) == []


def test_yaml_programmes_speak_of_keys_not_sheets() -> None:
    p = _programme(source="x.yaml", measures=[_measure(strategy="X")])
    assert _messages(rules.check_references(p)) == [
        "feil: strategi «X» finnes ikke under «strategier»; bruk en av «IO1-A», «IO2-A» "
        "[ref.ukjent]"]


def test_references_to_records_left_out_for_errors_are_not_reported() -> None:
    p = _programme(measures=[_measure(strategy="IO1-C")])
    p.refs["_invalid:strategier:IO1-C"] = SourceRef("f.xlsx", "Strategier", "A4")
    assert _messages(rules.check_references(p)) == []


def test_strategy_must_belong_to_the_tiltaks_innsatsområde() -> None:
    p = _programme(measures=[_measure(area="IO1", strategy="IO2-A")])
    assert _messages(rules.check_strategy_area(p)) == [
        "feil: strategi «IO2-A» hører til innsatsområde «IO2», ikke «IO1»; velg en strategi "
        "under «IO1» eller rett innsatsområdet [tiltak.strategi]"]
    assert _messages(rules.check_strategy_area(_programme())) == []


# ------------------------------------------------------------------ content


def test_focus_area_count() -> None:
    two = [FocusArea(id="IO1", name="A"), FocusArea(id="IO2", name="B")]
    assert _messages(rules.check_focus_area_count(_programme(focus_areas=two))) == [
        "advarsel: programmet har 2 innsatsområder; normalt skal det være 3–4 "
        "[innsatsområder.antall]"]
    four = [*two, FocusArea(id="IO3", name="C"), FocusArea(id="IO4", name="D")]
    assert _messages(rules.check_focus_area_count(_programme(focus_areas=four))) == []
    five = [*four, FocusArea(id="IO5", name="E")]
    assert len(rules.check_focus_area_count(_programme(focus_areas=five))) == 1


def test_goals_must_be_measurable() -> None:
    goals = [Goal(id="M1", level="hovedmål", text="x", target="60"),
             Goal(id="M2", level="delmål", text="y", indicator="i", target="1",
                  deadline=dt.date(2027, 1, 1)),
             Goal(id="M3", level="delmål", text="z")]
    assert _messages(rules.check_goals_measurable(_programme(goals=goals))) == [
        "advarsel: målet «M1» mangler indikator og frist; alle mål skal være målbare, med "
        "indikator, målverdi og frist [mål.målbart]",
        "advarsel: målet «M3» mangler indikator, målverdi og frist; alle mål skal være "
        "målbare, med indikator, målverdi og frist [mål.målbart]",
    ]
    assert _messages(rules.check_goals_measurable(_programme())) == []


# ------------------------------------------------------------------ periods and years


def test_period_backwards_is_an_error_and_long_is_a_warning() -> None:
    backwards = ProgrammeInfo(municipality="A", name="B", start_year=2029, end_year=2024)
    assert _messages(rules.check_period(_programme(info=backwards))) == [
        "feil: periode til (2024) er før periode fra (2029); rett årstallene [program.periode]"]
    long = ProgrammeInfo(municipality="A", name="B", start_year=2020, end_year=2027)
    assert _messages(rules.check_period(_programme(info=long))) == [
        "advarsel: perioden 2020–2027 er 8 år; omstillingsstatus varer normalt i inntil 6 år "
        "[program.periode]"]
    six = ProgrammeInfo(municipality="A", name="B", start_year=2024, end_year=2029)
    assert _messages(rules.check_period(_programme(info=six))) == []


def test_tiltak_year_outside_the_period() -> None:
    p = _programme(measures=[_measure(year=2031)])
    assert _messages(rules.check_measure_years(p)) == [
        "feil: år 2031 for tiltak «T1» er utenfor programperioden 2024–2029; rett året eller "
        "perioden [tiltak.år]"]
    assert _messages(rules.check_measure_years(_programme())) == []


def test_results_year_outside_the_period() -> None:
    p = _programme(results=[ReportedResult(year=2030, target_ref="M1"),
                            ReportedResult(year=2023, target_ref="M1")])
    assert _messages(rules.check_result_years(p)) == [
        "feil: år 2030 er utenfor programperioden 2024–2029; resultater kan bare rapporteres for "
        "år i perioden [resultater.år]",
        "feil: år 2023 er utenfor programperioden 2024–2029; resultater kan bare rapporteres for "
        "år i perioden [resultater.år]",
    ]
    assert _messages(rules.check_result_years(_programme())) == []


# ------------------------------------------------------------------ money


def test_funding_must_balance_the_budget_each_year() -> None:
    funding = [FundingLine(year=2025, source="FK", source_kind="fylkeskommune",
                           amount=Decimal(2_500_000)),
               FundingLine(year=2026, source="FK", amount=Decimal(10))]
    assert _messages(rules.check_funding_balance(_programme(funding=funding))) == [
        f"feil: finansieringen i 2025 (2{NBSP}500{NBSP}000) er ikke lik budsjettet "
        f"(4{NBSP}000{NBSP}000); differansen er 1{NBSP}500{NBSP}000 – rett beløpene i arkene "
        "«Finansiering» og «Budsjett» [finansiering.balanse]",
        "feil: finansieringen i 2026 (10) er ikke lik budsjettet (0); differansen er 10 – rett "
        "beløpene i arkene «Finansiering» og «Budsjett» [finansiering.balanse]",
    ]
    assert _messages(rules.check_funding_balance(_programme())) == []
    assert _messages(rules.check_funding_balance(_programme(budget=[], funding=[]))) == []


def test_balance_is_not_checked_when_a_line_was_left_out_for_an_error() -> None:
    p = _programme(funding=[])
    p.refs["_invalid:finansiering"] = SourceRef("f.xlsx", "Finansiering", "A2")
    assert _messages(rules.check_funding_balance(p)) == []


def test_county_share_above_75_percent() -> None:
    funding = [FundingLine(year=2025, source="FK", source_kind="fylkeskommune",
                           amount=Decimal(3_200_000)),
               FundingLine(year=2025, source="K", source_kind="kommune", amount=Decimal(800_000))]
    assert _messages(rules.check_county_share(_programme(funding=funding))) == [
        f"advarsel: fylkeskommunens andel av finansieringen i 2025 er 80{NBSP}% "
        f"(3{NBSP}200{NBSP}000 av 4{NBSP}000{NBSP}000); normalt dekker fylkeskommunen inntil "
        f"75{NBSP}%, og kommunen resten [fylke.andel]"]
    assert _messages(rules.check_county_share(_programme())) == []  # exactly 75 %


def test_tiltak_funding_must_add_up_to_its_budget() -> None:
    p = _programme(measures=[_measure(own=500_000, other=150_000),
                             _measure(mid="T2", own=700_000, other=-100_000)])
    assert _messages(rules.check_measure_funding(p)) == [
        f"feil: omstillingsmidler (500{NBSP}000) og annen finansiering (150{NBSP}000) for "
        f"tiltak «T1» er til sammen 650{NBSP}000, men budsjettet er 600{NBSP}000; rett "
        "beløpene [tiltak.finansiering]",
        f"feil: omstillingsmidlene for tiltak «T2» (700{NBSP}000) er større enn budsjettet "
        f"(600{NBSP}000); rett beløpene [tiltak.finansiering]",
    ]
    assert _messages(rules.check_measure_funding(_programme())) == []


def test_tiltak_in_an_innsatsområde_must_fit_its_budget_lines() -> None:
    measures = [_measure(budget=2_000_000, own=2_000_000, other=0),
                _measure(mid="T2", budget=1_500_000, own=1_500_000, other=0),
                _measure(mid="T3", area="IO2", strategy="IO2-A", budget=9, own=9, other=0)]
    assert _messages(rules.check_area_budget(_programme(measures=measures))) == [
        f"advarsel: tiltakene i innsatsområde «IO1» bruker 3{NBSP}500{NBSP}000 i "
        f"omstillingsmidler i 2025, mer enn budsjettet for innsatsområdet (3{NBSP}000{NBSP}000); "
        "øk budsjettet eller reduser tiltakene [budsjett.innsatsområde]"]
    assert _messages(rules.check_area_budget(_programme())) == []


def test_rules_point_at_cells_when_loaded_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "program:\n  kommune: A\n  programnavn: B\n  periode_fra: 2024\n  periode_til: 2029\n"
        "innsatsområder:\n  - id: IO1\n    navn: A\n  - id: IO2\n    navn: B\n"
        "  - id: IO3\n    navn: C\n"
        "tiltak:\n  - id: T1\n    navn: X\n    innsatsområde: IO1\n    år: 2035\n"
        "    budsjett: 100\n", encoding="utf-8")
    programme, diags = load_programme(read_input(path))
    assert programme is not None and list(diags) == []
    assert [str(d) for d in rules.check(programme)] == [
        f"{path}:17: feil: år 2035 for tiltak «T1» er utenfor programperioden 2024–2029; rett "
        "året eller perioden [tiltak.år]"]
