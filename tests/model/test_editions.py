"""The register of editions (sheet Utgaver): which edition a document shows, and its rules."""

from __future__ import annotations

import datetime as dt

from factories import sample_programme
from plandoc.model import edition_rules
from plandoc.model.editions import edition_for
from plandoc.model.programme import Edition


def test_each_document_takes_its_own_last_version_and_history() -> None:
    p = sample_programme()
    plan = edition_for(p, "omstillingsplan")
    assert (plan.current.version, plan.borrowed) == ("1.2", False)
    assert [e.version for e in plan.history] == ["1.0"]
    assert [e.version for e in plan.adopted()] == ["1.0"]
    hp = edition_for(p, "handlingsplan", 2024)
    assert (hp.current.version, hp.as_of) == ("1.0", dt.date(2023, 10, 31))
    assert edition_for(p, "handlingsplan", 2025).current.status == "utkast"


def test_versions_sort_as_numbers() -> None:
    p = sample_programme()
    p.editions.append(Edition(document="omstillingsplan", version="1.10", status="utkast"))
    assert edition_for(p, "omstillingsplan").current.version == "1.10"


def test_a_document_without_rows_borrows_the_program_sheet_and_is_warned() -> None:
    p = sample_programme()
    p.editions = [e for e in p.editions if e.document != "handlingsplan"]
    hp = edition_for(p, "handlingsplan", 2025)
    assert hp.borrowed and hp.current.version == "1.2"
    found = edition_rules.check(p)
    assert [d.rule for d in found] == ["utgaver.lånt", "utgaver.lånt"]
    assert "handlingsplan 2024 har ingen rad" in found.items[0].message
    p.version.status, p.version.board_date = "utkast", None
    assert not list(edition_rules.check(p))  # nothing borrowed: no approval to borrow


def test_register_rows_are_checked() -> None:
    p = sample_programme()
    p.editions += [
        Edition(document="handlingsplan", version="1.0", status="utkast"),
        Edition(document="omstillingsplan", year=2025, version="3.0", status="utkast"),
        Edition(document="programplan", version="1.0", status="utkast"),
        Edition(document="årsrapport", year=2031, version="1.0", status="utkast"),
        Edition(document="handlingsplan", year=2024, version="1.0", status="utkast"),
        Edition(document="handlingsplan", year=2025, version="1.0", status="vedtatt"),
    ]
    messages = [d.message for d in edition_rules.check(p)]
    assert messages == [
        "handlingsplan mangler år; skriv året dokumentet gjelder",
        "omstillingsplan gjelder hele perioden; la kolonnen År stå tom",
        "programmet lager ingen programplan (programtypen er «regional omstilling»); skriv "
        "«omstillingsplan» i kolonnen Dokument",
        "år 2031 er utenfor programperioden 2024–2029",
        "versjon 1.0 av handlingsplan 2024 står to ganger; gi hver utgave sin egen versjon",
        "handlingsplan 2025 versjon 1.0 er vedtatt, men har ingen dato; fyll ut Dato",
    ]
