"""A realistic sample programme built in Python, in bokmål and nynorsk, for tests of every layer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from plandoc.model.programme import (
    BudgetLine,
    CommunicationItem,
    Edition,
    FocusArea,
    FundingLine,
    Goal,
    Measure,
    Programme,
    ProgrammeInfo,
    ReportedResult,
    Role,
    Strategy,
    VersionInfo,
)

# Same numbers in both målformer; only the words differ. Per year and innsatsområde the
# omstillingsmidler of the tiltak equal the budget line of that area, and budget equals
# funding every year, so every total in the documents can be checked against the model.

_TEXTS: dict[str, dict[str, str]] = {
    "bokmål": {
        "municipality": "Dyrøy",
        "municipality_number": "5528",
        "county": "Troms",
        "name": "Omstillingsprogrammet i Dyrøy",
        "vision": "Dyrøy – et levende lokalsamfunn med et framtidsrettet næringsliv",
        "background": (
            "Dyrøy kommune fikk omstillingsstatus fra Troms fylkeskommune i 2023 etter at to "
            "hjørnesteinsbedrifter ble lagt ned og om lag 45 arbeidsplasser forsvant.\n\n"
            "Kommunen har:\n\n"
            "- et folketall som har gått ned med **12 %** siden 2010\n"
            "- en høy andel eldre og få unge i etableringsfasen\n"
            "- sterke miljøer innen *havbruk* og landbruk\n\n"
            "Se også [regionalomstilling.no](https://www.regionalomstilling.no)."
        ),
        "analysis_summary": (
            "Den strategiske utviklingsanalysen anbefaler å satse på havbruksleverandører, "
            "kompetanse og bostedsattraktivitet.\n\n"
            "Analysen peker på mangel på næringsareal og boliger som de største hindringene."
        ),
        "organisation_text": (
            "Omstillingsprogrammet eies av Dyrøy kommune. Styringsgruppen har ansvaret for "
            "prioriteringene, og programleder har den daglige ledelsen."
        ),
        "communication_text": (
            "Målet med kommunikasjonen er at innbyggere og næringsliv kjenner programmet, "
            "vet hvordan de kan delta og ser resultatene."
        ),
        "H1": "Dyrøy skal ha en positiv befolknings- og næringsutvikling innen 2029",
        "H1.indicator": "Antall innbyggere",
        "E1": "Skape 60 nye arbeidsplasser innen utgangen av 2029",
        "E1.indicator": "Antall nye arbeidsplasser",
        "E2": "Flere unge voksne bosetter seg i kommunen",
        "E2.indicator": "Innbyggere 20–39 år",
        "D1": "Etablere 10 nye bedrifter",
        "D1.indicator": "Antall nye bedrifter",
        "D2": "Øke antallet lærlinger i lokale bedrifter",
        "D2.indicator": "Antall læreplasser",
        "D3": "Ferdigstille 12 nye utleieboliger",
        "D3.indicator": "Antall nye boliger",
        "D4": "Alle tiltak er forankret i lokalt næringsliv",
        "IO1": "Næringsutvikling",
        "IO1.goal": "Flere og mer lønnsomme bedrifter",
        "IO1.description": "Innsatsområdet skal styrke **eksisterende** bedrifter og få nye "
                           "i gang.",
        "IO2": "Kompetanse og rekruttering",
        "IO2.goal": "Bedriftene får tilgang på kompetansen de trenger",
        "IO2.description": "",
        "IO3": "Attraktivitet og bolyst",
        "IO3.goal": "Dyrøy er et attraktivt sted å bo og å flytte til",
        "IO3.description": "Gode bomiljøer og et aktivt sentrum gjør det lettere å rekruttere.",
        "IO1-A": "Styrke eksisterende bedrifter",
        "IO1-A.description": "Utviklingsprogrammer og nettverk for bedrifter med vekstvilje.",
        "IO1-B": "Legge til rette for nyetableringer",
        "IO1-B.description": "Veiledning, næringsareal og gründermiljø.",
        "IO2-A": "Utdanning nær arbeidsplassen",
        "IO2-A.description": "Lærlingplasser og desentralisert utdanning i samarbeid med "
                             "bedriftene.",
        "IO3-A": "Boliger og sentrumsutvikling",
        "IO3-A.description": "Flere boliger og et tydeligere sentrum i Brennelv.",
        "T1": "Bedriftsutviklingsprogram",
        "T1.description": "Et ettårig program for **fem** bedrifter med vekstambisjoner.",
        "T1.result_goal": "Fem bedrifter har en vekstplan",
        "T1.project_goal": "Program gjennomført med fem deltakere",
        "T1.responsible": "Programleder",
        "T1.sources": "Innovasjon Norge",
        "T2": "Etablererveiledning og gründerhus",
        "T2.result_goal": "Fire nye bedrifter etablert",
        "T2.project_goal": "Gründerhus åpnet",
        "T2.responsible": "Næringsrådgiver",
        "T3": "Forstudie havbruksleverandører",
        "T3.result_goal": "Beslutningsgrunnlag for forprosjekt",
        "T3.project_goal": "Forstudierapport levert",
        "T3.responsible": "Programleder",
        "T3.sources": "Troms fylkeskommune",
        "T4": "Lærlingløftet",
        "T4.result_goal": "Seks nye læreplasser",
        "T4.project_goal": "Samarbeidsavtale med fem bedrifter",
        "T4.responsible": "Rådgiver oppvekst",
        "T4.sources": "Bedriftene",
        "T5": "Kompetansemegler",
        "T5.result_goal": "Kartlagt kompetansebehov i 20 bedrifter",
        "T5.project_goal": "Kompetansemegler ansatt i 50 % stilling",
        "T5.responsible": "Programleder",
        "T6": "Stedsutvikling Brennelv",
        "T6.result_goal": "Vedtatt stedsutviklingsplan",
        "T6.project_goal": "Skisseprosjekt for torget ferdig",
        "T6.responsible": "Teknisk sjef",
        "T6.sources": "Husbanken, Dyrøy kommune",
        "T7": "Boligprogram for tilflyttere",
        "T7.result_goal": "Fire nye utleieboliger",
        "T7.project_goal": "Avtale med utbygger",
        "T7.responsible": "Rådmann",
        "T8": "Næringsareal Espenes",
        "T8.result_goal": "Regulert næringsareal på 20 dekar",
        "T8.project_goal": "Reguleringsplan vedtatt",
        "T8.responsible": "Teknisk sjef",
        "T8.sources": "Dyrøy kommune",
        "T9": "Desentralisert fagskole",
        "T9.result_goal": "Ti studenter i gang med fagskole",
        "T9.project_goal": "Studietilbud etablert",
        "T9.responsible": "Rådgiver oppvekst",
        "T10": "Velkomstpakke for tilflyttere",
        "T10.result_goal": "Alle nye innbyggere får tilbud om velkomstsamtale",
        "T10.project_goal": "Velkomstpakke utarbeidet",
        "T10.responsible": "Servicetorget",
        "admin": "Administrasjon og drift",
        "admin.note": "Programleder, rådgiver og kontor",
        "fk": "Troms fylkeskommune",
        "k": "Dyrøy kommune",
        "k.note": "Egenandel 25 %",
        "g.board": "Styringsgruppe",
        "g.admin": "Administrasjon",
        "r.chair": "Leder",
        "r.deputy": "Nestleder",
        "r.member": "Medlem",
        "r.observer": "Observatør",
        "r.leader": "Programleder",
        "r.adviser": "Næringsrådgiver",
        "rep.business": "Næringslivet",
        "rep.council": "Kommunestyret",
        "rep.county": "Troms fylkeskommune",
        "rep.in": "Innovasjon Norge",
        "c1.audience": "Innbyggerne",
        "c1.message": "Hva programmet gjør og hvordan man kan delta",
        "c1.channel": "Folkemøte",
        "c1.timing": "Vår og høst",
        "c2.audience": "Næringslivet",
        "c2.message": "Muligheter for støtte og samarbeid",
        "c2.channel": "Nyhetsbrev",
        "c2.timing": "Hvert kvartal",
        "c3.audience": "Ungdom",
        "c3.message": "Jobber og utdanning i Dyrøy",
        "c3.channel": "Sosiale medier",
        "c3.timing": "Løpende",
        "c4.audience": "Regionale medier",
        "c4.message": "Resultater fra første omstillingsår",
        "c4.channel": "Pressemelding",
        "c4.timing": "Februar",
        "res.D1": "Én bedrift ble forsinket til 2025",
        "res.T4": "Flere bedrifter enn ventet ble med",
        "res.E1": "Målt i SSBs sysselsettingsstatistikk",
    },
    "nynorsk": {
        "municipality": "Ål",
        "municipality_number": "3328",
        "county": "Buskerud",
        "name": "Omstillingsprogrammet i Ål",
        "vision": "Ål – eit levande lokalsamfunn med eit framtidsretta næringsliv",
        "background": (
            "Ål kommune fekk omstillingsstatus frå Buskerud fylkeskommune i 2023 etter at to "
            "hjørnesteinsverksemder vart lagde ned og om lag 45 arbeidsplassar forsvann.\n\n"
            "Kommunen har:\n\n"
            "- eit folketal som har gått ned med **12 %** sidan 2010\n"
            "- ein høg del eldre og få unge i etableringsfasen\n"
            "- sterke miljø innan *reiseliv* og landbruk\n\n"
            "Sjå òg [regionalomstilling.no](https://www.regionalomstilling.no)."
        ),
        "analysis_summary": (
            "Den strategiske utviklingsanalysen tilrår å satse på reiselivsleverandørar, "
            "kompetanse og bustadattraktivitet.\n\n"
            "Analysen peikar på mangel på næringsareal og bustader som dei største hindera."
        ),
        "organisation_text": (
            "Omstillingsprogrammet er eigd av Ål kommune. Styringsgruppa har ansvaret for "
            "prioriteringane, og programleiaren har den daglege leiinga."
        ),
        "communication_text": (
            "Målet med kommunikasjonen er at innbyggjarar og næringsliv kjenner programmet, "
            "veit korleis dei kan delta og ser resultata."
        ),
        "H1": "Ål skal ha ei positiv folketals- og næringsutvikling innan 2029",
        "H1.indicator": "Tal på innbyggjarar",
        "E1": "Skape 60 nye arbeidsplassar innan utgangen av 2029",
        "E1.indicator": "Tal på nye arbeidsplassar",
        "E2": "Fleire unge vaksne buset seg i kommunen",
        "E2.indicator": "Innbyggjarar 20–39 år",
        "D1": "Etablere 10 nye verksemder",
        "D1.indicator": "Tal på nye verksemder",
        "D2": "Auke talet på lærlingar i lokale verksemder",
        "D2.indicator": "Tal på læreplassar",
        "D3": "Ferdigstille 12 nye utleigebustader",
        "D3.indicator": "Tal på nye bustader",
        "D4": "Alle tiltak er forankra i lokalt næringsliv",
        "IO1": "Næringsutvikling",
        "IO1.goal": "Fleire og meir lønsame verksemder",
        "IO1.description": "Innsatsområdet skal styrkje **eksisterande** verksemder og få nye "
                           "i gang.",
        "IO2": "Kompetanse og rekruttering",
        "IO2.goal": "Verksemdene får tilgang på kompetansen dei treng",
        "IO2.description": "",
        "IO3": "Attraktivitet og bulyst",
        "IO3.goal": "Ål er ein attraktiv stad å bu og å flytte til",
        "IO3.description": "Gode bumiljø og eit aktivt sentrum gjer det lettare å rekruttere.",
        "IO1-A": "Styrkje eksisterande verksemder",
        "IO1-A.description": "Utviklingsprogram og nettverk for verksemder med vekstvilje.",
        "IO1-B": "Leggje til rette for nyetableringar",
        "IO1-B.description": "Rettleiing, næringsareal og gründermiljø.",
        "IO2-A": "Utdanning nær arbeidsplassen",
        "IO2-A.description": "Lærlingplassar og desentralisert utdanning saman med verksemdene.",
        "IO3-A": "Bustader og sentrumsutvikling",
        "IO3-A.description": "Fleire bustader og eit tydelegare sentrum i Ål.",
        "T1": "Verksemdsutviklingsprogram",
        "T1.description": "Eit eittårig program for **fem** verksemder med vekstambisjonar.",
        "T1.result_goal": "Fem verksemder har ein vekstplan",
        "T1.project_goal": "Program gjennomført med fem deltakarar",
        "T1.responsible": "Programleiar",
        "T1.sources": "Innovasjon Noreg",
        "T2": "Etablerarrettleiing og gründerhus",
        "T2.result_goal": "Fire nye verksemder etablerte",
        "T2.project_goal": "Gründerhus opna",
        "T2.responsible": "Næringsrådgjevar",
        "T3": "Forstudie reiselivsleverandørar",
        "T3.result_goal": "Avgjerdsgrunnlag for forprosjekt",
        "T3.project_goal": "Forstudierapport levert",
        "T3.responsible": "Programleiar",
        "T3.sources": "Buskerud fylkeskommune",
        "T4": "Lærlingløftet",
        "T4.result_goal": "Seks nye læreplassar",
        "T4.project_goal": "Samarbeidsavtale med fem verksemder",
        "T4.responsible": "Rådgjevar oppvekst",
        "T4.sources": "Verksemdene",
        "T5": "Kompetansemeklar",
        "T5.result_goal": "Kartlagt kompetansebehov i 20 verksemder",
        "T5.project_goal": "Kompetansemeklar tilsett i 50 % stilling",
        "T5.responsible": "Programleiar",
        "T6": "Stadutvikling Ål sentrum",
        "T6.result_goal": "Vedteken stadutviklingsplan",
        "T6.project_goal": "Skisseprosjekt for torget ferdig",
        "T6.responsible": "Teknisk sjef",
        "T6.sources": "Husbanken, Ål kommune",
        "T7": "Bustadprogram for tilflyttarar",
        "T7.result_goal": "Fire nye utleigebustader",
        "T7.project_goal": "Avtale med utbyggjar",
        "T7.responsible": "Kommunedirektør",
        "T8": "Næringsareal Leveld",
        "T8.result_goal": "Regulert næringsareal på 20 dekar",
        "T8.project_goal": "Reguleringsplan vedteken",
        "T8.responsible": "Teknisk sjef",
        "T8.sources": "Ål kommune",
        "T9": "Desentralisert fagskule",
        "T9.result_goal": "Ti studentar i gang med fagskule",
        "T9.project_goal": "Studietilbod etablert",
        "T9.responsible": "Rådgjevar oppvekst",
        "T10": "Velkomstpakke for tilflyttarar",
        "T10.result_goal": "Alle nye innbyggjarar får tilbod om velkomstsamtale",
        "T10.project_goal": "Velkomstpakke utarbeidd",
        "T10.responsible": "Servicetorget",
        "admin": "Administrasjon og drift",
        "admin.note": "Programleiar, rådgjevar og kontor",
        "fk": "Buskerud fylkeskommune",
        "k": "Ål kommune",
        "k.note": "Eigendel 25 %",
        "g.board": "Styringsgruppe",
        "g.admin": "Administrasjon",
        "r.chair": "Leiar",
        "r.deputy": "Nestleiar",
        "r.member": "Medlem",
        "r.observer": "Observatør",
        "r.leader": "Programleiar",
        "r.adviser": "Næringsrådgjevar",
        "rep.business": "Næringslivet",
        "rep.council": "Kommunestyret",
        "rep.county": "Buskerud fylkeskommune",
        "rep.in": "Innovasjon Noreg",
        "c1.audience": "Innbyggjarane",
        "c1.message": "Kva programmet gjer og korleis ein kan delta",
        "c1.channel": "Folkemøte",
        "c1.timing": "Vår og haust",
        "c2.audience": "Næringslivet",
        "c2.message": "Moglegheiter for støtte og samarbeid",
        "c2.channel": "Nyheitsbrev",
        "c2.timing": "Kvart kvartal",
        "c3.audience": "Ungdom",
        "c3.message": "Jobbar og utdanning i Ål",
        "c3.channel": "Sosiale medium",
        "c3.timing": "Løpande",
        "c4.audience": "Regionale medium",
        "c4.message": "Resultat frå det første omstillingsåret",
        "c4.channel": "Pressemelding",
        "c4.timing": "Februar",
        "res.D1": "Éi verksemd vart forseinka til 2025",
        "res.T4": "Fleire verksemder enn venta vart med",
        "res.E1": "Målt i sysselsetjingsstatistikken til SSB",
    },
}

_PEOPLE = (
    # group key, role key, name, represents key
    ("g.board", "r.chair", "Marit Johansen", "rep.business"),
    ("g.board", "r.deputy", "Ole Pedersen", "rep.council"),
    ("g.board", "r.member", "Sigrid Nilsen", "rep.business"),
    ("g.board", "r.observer", "Kari Andersen", "rep.county"),
    ("g.board", "r.observer", "Per Hansen", "rep.in"),
    ("g.admin", "r.leader", "Ingrid Berg", None),
    ("g.admin", "r.adviser", "Jonas Lie", None),
)

#: (text key, year, innsatsområde, strategi, budget, omstillingsmidler, annen finansiering)
_MEASURES = (
    ("T1", 2024, "IO1", "IO1-A", 900_000, 600_000, 300_000),
    ("T2", 2024, "IO1", "IO1-B", 500_000, 500_000, None),
    ("T3", 2024, "IO1", "IO1-A", 400_000, 300_000, 100_000),
    ("T4", 2024, "IO2", "IO2-A", 500_000, 400_000, 100_000),
    ("T5", 2024, "IO2", None, 400_000, 400_000, None),
    ("T6", 2024, "IO3", "IO3-A", 1_000_000, 500_000, 500_000),
    ("T7", 2024, "IO3", "IO3-A", 300_000, 300_000, None),
    ("T1", 2025, "IO1", "IO1-A", 1_000_000, 700_000, 300_000),
    ("T8", 2025, "IO1", "IO1-B", 1_200_000, 700_000, 500_000),
    ("T4", 2025, "IO2", "IO2-A", 500_000, 400_000, 100_000),
    ("T9", 2025, "IO2", "IO2-A", 400_000, 400_000, None),
    ("T6", 2025, "IO3", "IO3-A", 1_000_000, 500_000, 500_000),
    ("T10", 2025, "IO3", None, 300_000, 300_000, None),
)

#: Budget per year for administration and each innsatsområde; each year sums to 4 000 000.
_BUDGET = {
    2024: (1_000_000, 1_400_000, 800_000, 800_000),
    2025: (1_000_000, 1_400_000, 800_000, 800_000),
    2026: (900_000, 1_600_000, 800_000, 700_000),
    2027: (900_000, 1_600_000, 800_000, 700_000),
    2028: (900_000, 1_500_000, 800_000, 800_000),
    2029: (1_000_000, 1_400_000, 700_000, 900_000),
}


def _d(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def sample_programme(language: str = "bokmål") -> Programme:
    """A complete programme 2024–2029: 3 innsatsområder, tiltak in 2024 and 2025, results for 2024.

    `language` is "bokmål" (Dyrøy) or "nynorsk" (Ål); the numbers are the same in both.
    """
    t = _TEXTS[language]
    info = ProgrammeInfo(
        municipality=t["municipality"], municipality_number=t["municipality_number"],
        county=t["county"], name=t["name"], kind="regional omstilling",
        start_year=2024, end_year=2029, language=language, vision=t["vision"],  # type: ignore[arg-type]
        background=t["background"], analysis_summary=t["analysis_summary"],
        organisation_text=t["organisation_text"], communication_text=t["communication_text"],
    )
    version = VersionInfo(
        version="1.2", date=dt.date(2023, 11, 15), status="til behandling",
        board_date=dt.date(2023, 11, 8), council_date=None,
    )
    goals = [
        Goal(id="H1", level="hovedmål", text=t["H1"], indicator=t["H1.indicator"],
             baseline="1 080", target="1 150", deadline=dt.date(2029, 12, 31)),
        Goal(id="E1", level="effektmål", text=t["E1"], indicator=t["E1.indicator"],
             baseline="0", target="60", deadline=dt.date(2029, 12, 31)),
        Goal(id="E2", level="effektmål", text=t["E2"], indicator=t["E2.indicator"],
             baseline="210", target="240", deadline=dt.date(2029, 12, 31)),
        Goal(id="D1", level="delmål", text=t["D1"], focus_area="IO1",
             indicator=t["D1.indicator"], baseline="0", target="10",
             deadline=dt.date(2027, 12, 31)),
        Goal(id="D2", level="delmål", text=t["D2"], focus_area="IO2",
             indicator=t["D2.indicator"], baseline="4", target="12",
             deadline=dt.date(2026, 6, 30)),
        Goal(id="D3", level="delmål", text=t["D3"], focus_area="IO3",
             indicator=t["D3.indicator"], baseline="0", target="12",
             deadline=dt.date(2028, 12, 31)),
        Goal(id="D4", level="delmål", text=t["D4"]),
    ]
    areas = [
        FocusArea(id=key, name=t[key], goal=t[f"{key}.goal"],
                  description=t[f"{key}.description"] or None)
        for key in ("IO1", "IO2", "IO3")
    ]
    strategies = [
        Strategy(id=key, focus_area=key.split("-")[0], name=t[key],
                 description=t[f"{key}.description"])
        for key in ("IO1-A", "IO1-B", "IO2-A", "IO3-A")
    ]
    measures = [
        Measure(
            id=f"{key}-{year}", name=t[key], focus_area=area, strategy=strategy, year=year,
            description=t.get(f"{key}.description"), result_goal=t[f"{key}.result_goal"],
            project_goal=t[f"{key}.project_goal"], responsible=t[f"{key}.responsible"],
            budget=Decimal(budget), programme_funding=_d(own), other_funding=_d(other),
            funding_sources=t.get(f"{key}.sources"),
            plp_phase="forprosjekt" if key in ("T3", "T8") else "ikke PLP",
        )
        for key, year, area, strategy, budget, own, other in _MEASURES
    ]
    budget: list[BudgetLine] = []
    funding: list[FundingLine] = []
    for year, (admin, io1, io2, io3) in _BUDGET.items():
        budget.append(BudgetLine(year=year, item=t["admin"], amount=Decimal(admin),
                                 note=t["admin.note"]))
        for area, amount in zip(areas, (io1, io2, io3), strict=True):
            budget.append(BudgetLine(year=year, item=area.name, focus_area=area.id,
                                     amount=Decimal(amount)))
        funding.append(FundingLine(year=year, source=t["fk"], source_kind="fylkeskommune",
                                   amount=Decimal(3_000_000)))
        funding.append(FundingLine(year=year, source=t["k"], source_kind="kommune",
                                   amount=Decimal(1_000_000), note=t["k.note"]))
    organisation = [
        Role(group=t[group], role=t[role], name=name,
             represents=t[rep] if rep else None,
             email=name.lower().replace(" ", ".") + "@example.no")
        for group, role, name, rep in _PEOPLE
    ]
    communication = [
        CommunicationItem(audience=t["c1.audience"], message=t["c1.message"],
                          channel=t["c1.channel"], timing=t["c1.timing"],
                          responsible=t["r.leader"]),
        CommunicationItem(audience=t["c2.audience"], message=t["c2.message"],
                          channel=t["c2.channel"], timing=t["c2.timing"],
                          responsible=t["r.adviser"]),
        CommunicationItem(audience=t["c3.audience"], message=t["c3.message"],
                          channel=t["c3.channel"], timing=t["c3.timing"],
                          responsible=t["r.leader"], year=2024),
        CommunicationItem(audience=t["c4.audience"], message=t["c4.message"],
                          channel=t["c4.channel"], timing=t["c4.timing"],
                          responsible=t["r.leader"], year=2025),
    ]
    results = [
        ReportedResult(year=2024, target_ref="D1", indicator=t["D1.indicator"],
                       planned="3", achieved="2", comment=t["res.D1"]),
        ReportedResult(year=2024, target_ref="T4-2024", indicator=t["D2.indicator"],
                       planned="6", achieved="7", comment=t["res.T4"]),
        ReportedResult(year=2024, target_ref="E1", indicator=t["E1.indicator"],
                       planned="10", achieved="8", comment=t["res.E1"]),
    ]
    return Programme(
        info=info, version=version, goals=goals, focus_areas=areas, strategies=strategies,
        measures=measures, budget=budget, funding=funding, organisation=organisation,
        communication=communication, results=results, editions=_editions(t),
        source=f"sample-{language}.yaml",
    )


def _editions(t: dict[str, str]) -> list[Edition]:
    """The register: the plan as on the Program sheet, a handlingsplan per year with tiltak."""
    return [
        Edition(document="omstillingsplan", version="1.0", date=dt.date(2023, 2, 1),
                status="vedtatt", board_date=dt.date(2023, 2, 8),
                council_date=dt.date(2023, 2, 23)),
        Edition(document="omstillingsplan", version="1.2", date=dt.date(2023, 11, 15),
                status="til behandling", board_date=dt.date(2023, 11, 8)),
        Edition(document="handlingsplan", year=2024, version="1.0", date=dt.date(2023, 11, 15),
                status="til behandling", board_date=dt.date(2023, 11, 8),
                data_as_of=dt.date(2023, 10, 31)),
        Edition(document="handlingsplan", year=2025, version="0.1", date=dt.date(2023, 11, 15),
                status="utkast"),
    ]
