"""PLP projects built in Python on top of the sample programme, for tests of every layer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factories import sample_programme
from plandoc.model.programme import Programme
from plandoc.model.project import (
    Activity,
    DecisionPoint,
    Milestone,
    MilestoneStatus,
    Phase,
    Project,
    ProjectBudgetLine,
    ProjectFunding,
    ProjectGoal,
    ProjectInfo,
    Risk,
    StatusReport,
    SuccessFactor,
)
from plandoc.model.records import Role, VersionInfo

D = dt.date


def sample_project(finished: bool = False) -> Project:
    """Forprosjekt 01/24 for tiltak T3-2024 (budget 400 000, omstillingsmidler 300 000)."""
    return Project(
        info=ProjectInfo(
            id="01/24", name="Havbruksleverandører – forprosjekt", measure="T3-2024",
            focus_area="IO1", phase="forprosjekt", start=D(2024, 2, 1), end=D(2024, 11, 30),
            owner="Dyrøy kommune v/ rådmann", responsible="Programleder Ingrid Berg",
            leader="Ola Nordmann", background="Bakgrunn med **fet** tekst.",
            scope="Omfanget er avgrenset.",
            ended=D(2024, 11, 28) if finished else None,
            final_assessment="Prosjektet nådde målene." if finished else None,
            lessons="- Tidlig forankring lønner seg." if finished else None,
            continuation="Videreføres i et hovedprosjekt." if finished else None,
        ),
        version=VersionInfo(version="1.0", date=D(2024, 1, 20), status="vedtatt",
                            board_date=D(2024, 1, 25)),
        organisation=[
            Role(group="Styringsgruppe", role="Leder", name="Marit Johansen",
                 represents="Næringslivet"),
            Role(group="Prosjektgruppe", role="Prosjektleder", name="Ola Nordmann"),
            Role(group="Referansegruppe", role="Medlem", name="Per Hansen",
                 represents="Innovasjon Norge"),
        ],
        goals=[
            ProjectGoal(level="visjon", text="Dyrøy er et leverandørsenter for havbruk"),
            ProjectGoal(level="effektmål", text="Leverandørene omsetter for 20 MNOK mer",
                        indicator="Omsetning (MNOK)", baseline="10", target="30",
                        deadline=D(2027, 12, 31), contributes_to="E1"),
            ProjectGoal(level="resultatmål", text="Åtte bedrifter forplikter seg",
                        indicator="Intensjonsavtaler", baseline="0", target="8",
                        deadline=D(2024, 11, 30), contributes_to="D1",
                        achieved="9" if finished else None),
            ProjectGoal(level="prosjektmål", text="Forprosjektrapport levert",
                        indicator="Rapport", target="levert", deadline=D(2024, 11, 1),
                        achieved="levert" if finished else None,
                        assessment="nådd" if finished else None),
        ],
        phases=[
            Phase(phase="forstudie", start=D(2024, 2, 1), end=D(2024, 4, 30)),
            Phase(phase="forprosjekt", start=D(2024, 5, 2), end=D(2024, 11, 30)),
        ],
        decisions=[
            DecisionPoint(id="BP0", name="Start forstudie", date=D(2024, 2, 1),
                          phase="forstudie", decision="godkjent", decided_by="Styringsgruppen"),
            DecisionPoint(id="BP1", name="Start forprosjekt", date=D(2024, 4, 30),
                          phase="forprosjekt", decision="godkjent",
                          decided_by="Styringsgruppen"),
            DecisionPoint(id="BP2", name="Vurdere hovedprosjekt", date=D(2024, 11, 28),
                          phase="hovedprosjekt"),
        ],
        milestones=[
            Milestone(id="MP1", name="Leverandørkartlegging ferdig", date=D(2024, 4, 15)),
            Milestone(id="MP2", name="Innkjøpsbehov avklart", date=D(2024, 7, 1)),
            Milestone(id="MP3", name="Forprosjektrapport levert", date=D(2024, 11, 1)),
        ],
        activities=[
            Activity(name="Bedriftsbesøk", start=D(2024, 2, 1), end=D(2024, 4, 15),
                     responsible="Ola Nordmann", milestone="MP1"),
            Activity(name="Rapportskriving", start=D(2024, 9, 1), end=D(2024, 11, 1),
                     milestone="MP3"),
        ],
        budget=[
            ProjectBudgetLine(item="Prosjektledelse", amount=Decimal(200_000),
                              actual=Decimal(210_500) if finished else None),
            ProjectBudgetLine(item="Kartlegging", amount=Decimal(150_000),
                              actual=Decimal(140_000) if finished else None),
            ProjectBudgetLine(item="Reiser", amount=Decimal(50_000),
                              actual=Decimal(31_250) if finished else None),
        ],
        funding=[
            ProjectFunding(source="Omstillingsprogrammet", source_kind="omstillingsprogrammet",
                           applied=Decimal(300_000), granted=Decimal(300_000)),
            ProjectFunding(source="Troms fylkeskommune", source_kind="fylkeskommune",
                           applied=Decimal(100_000)),
        ],
        success_factors=[SuccessFactor(factor="Havbruksselskapene deltar",
                                       how="Faste møter")],
        risks=[
            Risk(id="R1", risk="For få bedrifter", probability=3, consequence=4,
                 mitigation="Tett oppfølging"),
            Risk(id="R2", risk="Forsinket rapport", probability=2, consequence=2),
            Risk(id="R3", risk="Selskapene trekker seg", probability=2, consequence=3),
        ],
        reports=[
            StatusReport(date=D(2024, 6, 30), status="gul", spent=Decimal(150_000),
                         progress="Kartleggingen er ferdig.", deviations="MP2 er forsinket.",
                         next_steps="Workshops i august.", reported_by="Ola Nordmann"),
            StatusReport(date=D(2024, 9, 30), status="rød", spent=Decimal(265_000),
                         deviations="**Styringsgruppen må beslutte** ny plan."),
        ],
        milestone_status=[
            MilestoneStatus(date=D(2024, 6, 30), milestone="MP1", status="grønn",
                            done=D(2024, 4, 12)),
            MilestoneStatus(date=D(2024, 6, 30), milestone="MP2", status="gul",
                            forecast=D(2024, 8, 15), comment="Venter på selskapene"),
            MilestoneStatus(date=D(2024, 6, 30), milestone="MP3", status="grønn"),
            MilestoneStatus(date=D(2024, 9, 30), milestone="MP1", status="grønn",
                            done=D(2024, 4, 12)),
            MilestoneStatus(date=D(2024, 9, 30), milestone="MP2", status="grønn",
                            done=D(2024, 8, 20)),
            MilestoneStatus(date=D(2024, 9, 30), milestone="MP3", status="rød",
                            forecast=D(2024, 12, 15)),
        ],
        source="prosjekter/01-24.yaml",
    )


def second_project() -> Project:
    """Hovedprosjekt 01/25 for tiltak T1-2025 (budget 1 000 000), no reports yet."""
    return Project(
        info=ProjectInfo(id="01/25", name="Vekstprogram", measure="T1-2025", focus_area="IO1",
                         phase="hovedprosjekt", start=D(2025, 1, 6), end=D(2025, 12, 15),
                         owner="Rådmann", leader="Kari Nordmann"),
        goals=[ProjectGoal(level="resultatmål", text="Fem vekstplaner", indicator="Planer",
                           target="5", deadline=D(2025, 12, 15), contributes_to="D1"),
               ProjectGoal(level="prosjektmål", text="Program gjennomført",
                           indicator="Samlinger", target="4", deadline=D(2025, 12, 1))],
        phases=[Phase(phase="hovedprosjekt", start=D(2025, 1, 6), end=D(2025, 12, 15))],
        decisions=[DecisionPoint(id="BP1", name="Godkjenne hovedprosjekt", date=D(2025, 1, 6),
                                 phase="hovedprosjekt", decision="godkjent")],
        milestones=[Milestone(id="MP1", name="Oppstart", date=D(2025, 2, 1))],
        budget=[ProjectBudgetLine(item="Rådgivning", amount=Decimal(900_000))],
        funding=[ProjectFunding(source="Omstillingsprogrammet",
                                source_kind="omstillingsprogrammet", applied=Decimal(600_000)),
                 ProjectFunding(source="Bedriftene", source_kind="privat",
                                applied=Decimal(300_000))],
        source="prosjekter/01-25.yaml",
    )


def programme_with_projects(language: str = "bokmål", finished: bool = False) -> Programme:
    """The sample programme (Dyrøy or Ål) with two projects attached."""
    programme = sample_programme(language)
    programme.projects = [sample_project(finished), second_project()]
    return programme
