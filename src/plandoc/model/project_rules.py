"""PLP rules over a project, and the cross-document checks of projects against their programme.

`check(project)` runs the rules that need only the project file; `check_against_programme`
compares one project with the programme's handlingsplan (tiltak, innsatsområde, budget, goals);
`check_portfolio` looks at all projects of a programme together. Records the loader left out
because of an error are remembered in `Project.refs`, as for programmes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import is_yaml, project_folder
from plandoc.core.text import suggest
from plandoc.i18n.fmt import format_date, format_kr
from plandoc.model.programme import Measure, Programme
from plandoc.model.project import PHASE_ORDER, DecisionPoint, Project
from plandoc.model.records import INVALID, Record
from plandoc.schema import project as ps
from plandoc.schema.programme import GOALS as PROGRAMME_GOALS
from plandoc.schema.programme import MEASURES, Sheet, label

#: Risk scales run from 1 (low) to 5 (high).
RISK_SCALE = (1, 5)
#: Områdeløft projects are numbered like 01/13: two-digit number, two-digit year.
AREA_NUMBER = re.compile(r"^\d{2}/\d{2}$")

Rule = Callable[[Project], Diagnostics]


# ------------------------------------------------------------------ helpers


def _where(source: str, *sheets: Sheet) -> str:
    """'i arket «Milepæler»' for workbooks, 'under «milepæler»' for YAML files."""
    if is_yaml(source):
        return "under " + " og ".join(f"«{s.key}»" for s in sheets)
    word = "arket" if len(sheets) == 1 else "arkene"
    return f"i {word} " + " og ".join(f"«{s.name}»" for s in sheets)


def _invalid(p: Project, sheet: Sheet) -> bool:
    return INVALID + sheet.key in p.refs


def _refs(*refs: SourceRef | None) -> list[SourceRef]:
    return [r for r in refs if r is not None]


def _d(value: object) -> str:
    return format_date(value, "short") if value is not None else ""  # type: ignore[arg-type]


def _info_ref(p: Project, field: str) -> SourceRef | None:
    return p.info.ref(field) or p.ref()


# ------------------------------------------------------------------ period and phases


def check_period(p: Project) -> Diagnostics:
    """The project period runs forwards; an end date (avsluttet) is not before the start."""
    diags = Diagnostics()
    info = p.info
    if info.end < info.start:
        diags.error(
            f"sluttdato ({_d(info.end)}) er før startdato ({_d(info.start)}); rett datoene",
            "prosjekt.periode", info.ref("end"), related=_refs(info.ref("start")))
    if info.ended is not None and info.ended < info.start:
        diags.error(
            f"prosjektet er avsluttet ({_d(info.ended)}) før det startet ({_d(info.start)}); "
            "rett datoene", "prosjekt.periode", info.ref("ended"))
    return diags


def _inside(p: Project, date: object) -> bool:
    return p.info.start <= date <= p.info.end  # type: ignore[operator]


def _period_text(p: Project) -> str:
    return f"{_d(p.info.start)}–{_d(p.info.end)}"


def check_phases(p: Project) -> Diagnostics:
    """Phases in PLP order, each dated forwards, without overlap, inside the project period;
    the current phase is one of them."""
    diags = Diagnostics()
    where = _where(p.source, ps.PHASES)
    seen: dict[str, Record] = {}
    previous = None
    for phase in p.phases:
        if phase.end < phase.start:
            diags.error(
                f"fasen «{phase.phase}» slutter ({_d(phase.end)}) før den starter "
                f"({_d(phase.start)}); rett datoene", "prosjekt.fase-dato", phase.ref("end"))
        if not (_inside(p, phase.start) and _inside(p, phase.end)):
            diags.error(
                f"fasen «{phase.phase}» ({_d(phase.start)}–{_d(phase.end)}) ligger ikke innenfor "
                f"prosjektperioden {_period_text(p)}; rett datoene for fasen eller prosjektet",
                "prosjekt.fase-periode", phase.ref("start"),
                related=_refs(_info_ref(p, "start")))
        if phase.phase in seen:
            diags.error(f"fasen «{phase.phase}» står to ganger {where}; slå radene sammen",
                        "prosjekt.fase-rekkefølge", phase.ref("phase"),
                        related=_refs(seen[phase.phase].ref("phase")))
            continue
        seen[phase.phase] = phase
        if previous is not None:
            if PHASE_ORDER[phase.phase] < PHASE_ORDER[previous.phase]:
                diags.error(
                    f"fasen «{phase.phase}» står etter «{previous.phase}» {where}; fasene skal "
                    "komme i rekkefølgen forstudie, forprosjekt, hovedprosjekt",
                    "prosjekt.fase-rekkefølge", phase.ref("phase"))
            elif phase.start < previous.end:
                diags.error(
                    f"fasen «{phase.phase}» starter ({_d(phase.start)}) før «{previous.phase}» "
                    f"er slutt ({_d(previous.end)}); en fase starter først etter beslutningen "
                    "som avslutter den forrige", "prosjekt.fase-rekkefølge", phase.ref("start"),
                    related=_refs(previous.ref("end")))
        previous = phase
    if p.phases and p.info.phase not in seen and not _invalid(p, ps.PHASES):
        diags.error(
            f"prosjektet er i fasen «{p.info.phase}», men den fasen står ikke {where}; legg "
            "den til eller rett fasen", "prosjekt.fase", _info_ref(p, "phase"))
    return diags


def check_decisions(p: Project) -> Diagnostics:
    """Decision points dated inside the period and in order; each later phase is opened by one,
    dated no later than the phase starts; a hovedprosjekt has one approving it."""
    diags = Diagnostics()
    where = _where(p.source, ps.DECISIONS_SHEET)
    previous = None
    opened: dict[str, DecisionPoint] = {}
    for point in p.decisions:
        if not _inside(p, point.date):
            diags.error(
                f"beslutningspunkt «{point.id}» ({_d(point.date)}) ligger ikke innenfor "
                f"prosjektperioden {_period_text(p)}; rett datoen", "prosjekt.beslutningspunkt",
                point.ref("date"), related=_refs(_info_ref(p, "start")))
        if previous is not None and point.date < previous.date:
            diags.error(
                f"beslutningspunkt «{point.id}» ({_d(point.date)}) står etter «{previous.id}» "
                f"({_d(previous.date)}) {where}, men har en tidligere dato; før opp "
                "beslutningspunktene i den rekkefølgen de tas", "prosjekt.beslutningspunkt",
                point.ref("date"), related=_refs(previous.ref("date")))
        if point.phase is not None:
            earlier = [o for o in opened.values()
                       if o.phase is not None and PHASE_ORDER[o.phase] > PHASE_ORDER[point.phase]]
            if earlier:
                diags.error(
                    f"beslutningspunkt «{point.id}» åpner «{point.phase}», men kommer etter "
                    f"beslutningen som åpner «{earlier[0].phase}»; fasene tas i rekkefølgen "
                    "forstudie, forprosjekt, hovedprosjekt", "prosjekt.beslutningspunkt",
                    point.ref("phase"), related=_refs(earlier[0].ref("phase")))
            if point.decision != "avvist":
                opened.setdefault(point.phase, point)
        previous = point
    if _invalid(p, ps.DECISIONS_SHEET):
        return diags
    for phase in p.phases[1:]:
        opener = opened.get(phase.phase)
        if opener is None:
            diags.warning(
                f"ingen beslutningspunkt åpner fasen «{phase.phase}»; et prosjekt går bare "
                f"videre til neste fase etter en beslutning – legg den til {where}",
                "prosjekt.beslutningspunkt", phase.ref("phase"))
        elif opener.date > phase.start:
            diags.error(
                f"beslutningen som åpner «{phase.phase}» ({_d(opener.date)}) kommer etter at "
                f"fasen starter ({_d(phase.start)}); flytt beslutningspunktet eller fasen",
                "prosjekt.beslutningspunkt", opener.ref("date"),
                related=_refs(phase.ref("start")))
    if p.info.phase == "hovedprosjekt":
        approved = [d for d in p.decisions
                    if d.phase == "hovedprosjekt" and d.decision == "godkjent"]
        if not approved:
            diags.error(
                "prosjektet er i hovedprosjekt, men ingen beslutningspunkt har godkjent "
                f"hovedprosjektet; legg til beslutningspunktet {where} med «Åpner fase» = "
                "hovedprosjekt og «Beslutning» = godkjent", "prosjekt.hovedprosjekt-vedtak",
                _info_ref(p, "phase"))
    return diags


# ------------------------------------------------------------------ milestones and activities


def _duplicates(p: Project, records: list[Record], sheet: Sheet, diags: Diagnostics) -> None:
    first: dict[str, Record] = {}
    for record in records:
        key = record.id  # type: ignore[attr-defined]
        if key in first:
            diags.error(f"ID «{key}» er brukt før {_where(p.source, sheet)}; gi hver rad sin "
                        "egen ID", "id.duplikat", record.ref("id"),
                        related=_refs(first[key].ref("id")))
        else:
            first[key] = record


def check_milestones(p: Project) -> Diagnostics:
    """Milestones have unique ids and lie inside the project period."""
    diags = Diagnostics()
    _duplicates(p, list(p.milestones), ps.MILESTONES, diags)
    for m in p.milestones:
        if not _inside(p, m.date):
            diags.error(
                f"milepæl «{m.id}» ({_d(m.date)}) ligger ikke innenfor prosjektperioden "
                f"{_period_text(p)}; rett datoen", "prosjekt.milepæl-periode", m.ref("date"),
                related=_refs(_info_ref(p, "end")))
    return diags


def _unknown_milestone(p: Project, value: str, ref: SourceRef | None, diags: Diagnostics,
                       sheet: Sheet, column: str) -> None:
    known = [m.id for m in p.milestones]
    if value in known or f"{INVALID}{ps.MILESTONES.key}:{value}" in p.refs:
        return
    hint = suggest(value, known)
    if hint:
        tail = f"; mente du «{hint}»?"
    elif known:
        tail = "; bruk en av " + ", ".join(f"«{k}»" for k in known[:8])
    else:
        tail = f"; legg den til {_where(p.source, ps.MILESTONES)}"
    diags.error(
        f"{label(sheet.column(column))} «{value}» finnes ikke "
        f"{_where(p.source, ps.MILESTONES)}{tail}", "ref.ukjent", ref)


def check_activities(p: Project) -> Diagnostics:
    """Activities run forwards, inside the period, towards a milestone that exists."""
    diags = Diagnostics()
    for a in p.activities:
        if a.start is not None and a.end is not None and a.end < a.start:
            diags.error(f"aktiviteten «{a.name}» slutter før den starter; rett datoene",
                        "prosjekt.aktivitet", a.ref("end"))
        outside = [d for d in (a.start, a.end) if d is not None and not _inside(p, d)]
        if outside:
            diags.warning(
                f"aktiviteten «{a.name}» ligger delvis utenfor prosjektperioden "
                f"{_period_text(p)}", "prosjekt.aktivitet", a.ref("start") or a.ref("end"))
        if a.milestone is not None:
            _unknown_milestone(p, a.milestone, a.ref("milestone"), diags, ps.ACTIVITIES,
                               "milepæl")
    return diags


# ------------------------------------------------------------------ goals, money, risks


def check_goals(p: Project) -> Diagnostics:
    """Every goal below the visjon is measurable; the hierarchy has result and project goals."""
    diags = Diagnostics()
    for g in p.goals:
        if g.level == "visjon":
            continue
        missing = [label(ps.GOALS.column(key)) for key, value in
                   (("indikator", g.indicator), ("målverdi", g.target), ("frist", g.deadline))
                   if value is None]
        if missing:
            words = missing[0] if len(missing) == 1 else (
                ", ".join(missing[:-1]) + " og " + missing[-1])
            diags.warning(
                f"{g.level}et «{g.text}» mangler {words}; alle mål skal være målbare",
                "prosjekt.mål-målbart", g.ref())
    if not _invalid(p, ps.GOALS):
        levels = {g.level for g in p.goals}
        missing_levels = [lvl for lvl in ("resultatmål", "prosjektmål") if lvl not in levels]
        if missing_levels:
            diags.warning(
                "målhierarkiet mangler " + " og ".join(missing_levels) + "; en prosjektplan "
                f"skal ha begge (legg dem til {_where(p.source, ps.GOALS)})",
                "prosjekt.målhierarki", p.ref())
    if p.finished:
        # Effektmål are measured years after the project; the rest is due at its end.
        open_goals = [g for g in p.goals if g.level in ("resultatmål", "prosjektmål")
                      and g.achieved is None and g.assessment is None]
        if open_goals:
            diags.warning(
                f"prosjektet er avsluttet, men {len(open_goals)} mål mangler «oppnådd»; "
                "sluttrapporten viser dem som ikke vurdert", "prosjekt.måloppnåelse",
                open_goals[0].ref())
    return diags


def check_funding(p: Project) -> Diagnostics:
    """Financing (søkt) equals the budget; nothing granted beyond what was applied for."""
    diags = Diagnostics()
    if _invalid(p, ps.BUDGET) or _invalid(p, ps.FUNDING):
        return diags
    budget, applied = p.budget_total(), p.applied_total()
    if not p.budget:
        diags.warning(f"prosjektet har ikke noe budsjett; fyll ut {_where(p.source, ps.BUDGET)}",
                      "prosjekt.budsjett", p.ref())
    elif budget != applied:
        first_funding = next((f.ref("applied") for f in p.funding), None)
        first_budget = p.budget[0].ref("amount")
        diags.error(
            f"finansieringen ({format_kr(applied)} søkt) er ikke lik budsjettet "
            f"({format_kr(budget)}); differansen er {format_kr(abs(budget - applied))} – rett "
            f"beløpene {_where(p.source, ps.FUNDING, ps.BUDGET)}", "prosjekt.finansiering",
            first_funding or first_budget, related=_refs(first_budget) if first_funding else [])
    for f in p.funding:
        if f.granted is not None and f.granted > f.applied:
            diags.warning(
                f"innvilget fra «{f.source}» ({format_kr(f.granted)}) er mer enn søkt "
                f"({format_kr(f.applied)}); rett beløpene", "prosjekt.innvilget",
                f.ref("granted"))
    if p.finished and p.budget and all(b.actual is None for b in p.budget):
        diags.warning("prosjektet er avsluttet, men regnskapet er ikke fylt ut "
                      f"{_where(p.source, ps.BUDGET)}; sluttrapporten viser det som tomt",
                      "prosjekt.regnskap", p.budget[0].ref())
    return diags


def check_risks(p: Project) -> Diagnostics:
    """Risks have unique ids and probability and consequence on the 1–5 scale."""
    diags = Diagnostics()
    _duplicates(p, list(p.risks), ps.RISKS, diags)
    low, high = RISK_SCALE
    for r in p.risks:
        for field, key in (("probability", "sannsynlighet"), ("consequence", "konsekvens")):
            value = getattr(r, field)
            if not low <= value <= high:
                diags.error(
                    f"{label(ps.RISKS.column(key))} for risiko «{r.id}» må være fra {low} til "
                    f"{high}, fikk {value}", "prosjekt.risiko-skala", r.ref(field))
    return diags


# ------------------------------------------------------------------ status and roles


def check_status(p: Project) -> Diagnostics:
    """Status reports are dated from the start, once per date; milestone rows belong to a report
    and to a milestone."""
    diags = Diagnostics()
    dates: dict[object, Record] = {}
    for report in p.reports:
        if report.date < p.info.start:
            diags.error(
                f"statusrapporten {_d(report.date)} er datert før prosjektet starter "
                f"({_d(p.info.start)}); rett datoen", "prosjekt.status-dato", report.ref("date"))
        if report.date in dates:
            diags.error(f"det finnes allerede en statusrapport datert {_d(report.date)}; slå "
                        "radene sammen", "prosjekt.status-dato", report.ref("date"),
                        related=_refs(dates[report.date].ref("date")))
        dates.setdefault(report.date, report)
    reports_ok = not _invalid(p, ps.REPORTS)
    for row in p.milestone_status:
        if reports_ok and row.date not in dates:
            shown = ", ".join(_d(d) for d in sorted(dates)) or "ingen"  # type: ignore[type-var]
            diags.error(
                f"det finnes ingen statusrapport datert {_d(row.date)} "
                f"{_where(p.source, ps.REPORTS)} (rapporter: {shown}); bruk datoen til "
                "rapporten milepælstatusen hører til", "prosjekt.milepælstatus",
                row.ref("date"))
        _unknown_milestone(p, row.milestone, row.ref("milestone"), diags,
                           ps.MILESTONE_STATUS, "milepæl")
    return diags


def check_roles(p: Project) -> Diagnostics:
    """PLP: a project has a prosjekteier and a prosjektleder."""
    diags = Diagnostics()
    missing = [name for name, value in (("prosjekteier", p.info.owner),
                                        ("prosjektleder", p.info.leader)) if not value]
    if missing:
        diags.warning(
            " og ".join(missing).capitalize() + " mangler; PLP krever tydelige roller – fyll ut "
            + ("feltene" if len(missing) > 1 else "feltet") + f" {_where(p.source, ps.PROJECT)}",
            "prosjekt.roller", p.ref())
    return diags


#: Every rule over a project on its own, in the order diagnostics are reported.
RULES: tuple[Rule, ...] = (
    check_period,
    check_phases,
    check_decisions,
    check_milestones,
    check_activities,
    check_goals,
    check_funding,
    check_risks,
    check_status,
    check_roles,
)


def check(project: Project) -> Diagnostics:
    """Run every project rule and collect what they find."""
    diags = Diagnostics()
    for rule in RULES:
        diags.extend(rule(project))
    return diags


# ------------------------------------------------------------------ against the programme


def tiltak_records(programme: Programme, measure_id: str) -> list[Measure]:
    """Every year's record of tiltak `measure_id` (a tiltak may run over several years)."""
    return [m for m in programme.measures if m.id == measure_id]


def check_against_programme(project: Project, programme: Programme) -> Diagnostics:
    """The project's tiltak, innsatsområde, budget, programme money and goals agree with the
    programme's handlingsplan. Fills in the project's innsatsområde from its tiltak."""
    diags = Diagnostics()
    info = project.info
    in_programme = _where(programme.source, MEASURES) + f" i {programme.source}"
    records = tiltak_records(programme, info.measure)
    if not records:
        if f"{INVALID}{MEASURES.key}:{info.measure}" in programme.refs:
            return diags
        known = list(dict.fromkeys(m.id for m in programme.measures))
        hint = suggest(info.measure, known)
        tail = f"; mente du «{hint}»?" if hint else "; bruk ID-en til et tiltak i handlingsplanen"
        diags.error(f"tiltak «{info.measure}» finnes ikke {in_programme}{tail}",
                    "prosjekt.tiltak-ukjent", _info_ref(project, "measure"),
                    related=_refs(programme.refs.get("_row")))
        return diags
    area = records[0].focus_area
    if info.focus_area is None:
        info.focus_area = area
    elif info.focus_area != area:
        diags.error(
            f"prosjektet står under innsatsområde «{info.focus_area}», men tiltak "
            f"«{info.measure}» hører til «{area}» {in_programme}; rett innsatsområdet eller "
            "tiltaket", "prosjekt.innsatsområde", _info_ref(project, "focus_area"),
            related=_refs(records[0].ref("focus_area")))
    budget = sum((m.budget for m in records), Decimal(0))
    spent = project.budget_total()
    if project.budget and not _invalid(project, ps.BUDGET) and spent > budget:
        diags.error(
            f"prosjektbudsjettet for «{info.id}» ({format_kr(spent)}) er større enn budsjettet "
            f"for tiltak «{info.measure}» i handlingsplanen ({format_kr(budget)}); reduser "
            "prosjektbudsjettet eller øk tiltakets budsjett", "prosjekt.budsjett-over-tiltak",
            project.budget[0].ref("amount") or project.ref(),
            related=_refs(*(m.ref("budget") for m in records)))
    own = sum((m.programme_funding if m.programme_funding is not None else m.budget
               for m in records), Decimal(0))
    applied_own = project.applied_total("omstillingsprogrammet")
    if not _invalid(project, ps.FUNDING) and applied_own > own:
        first = next((f for f in project.funding if f.source_kind == "omstillingsprogrammet"),
                     None)
        diags.error(
            f"prosjektet søker {format_kr(applied_own)} fra omstillingsprogrammet, mer enn "
            f"omstillingsmidlene til tiltak «{info.measure}» ({format_kr(own)}); rett "
            "finansieringen", "prosjekt.omstillingsmidler-over-tiltak",
            first.ref("applied") if first is not None else project.ref(),
            related=_refs(*(m.ref("programme_funding") or m.ref("budget") for m in records)))
    years = {m.year for m in records}
    if not any(info.start.year <= y <= info.end.year for y in years):
        shown = ", ".join(str(y) for y in sorted(years))
        diags.warning(
            f"prosjektperioden {_period_text(project)} dekker ikke året til tiltak "
            f"«{info.measure}» ({shown}) i handlingsplanen", "prosjekt.år",
            _info_ref(project, "start"), related=_refs(records[0].ref("year")))
    phases = {m.plp_phase for m in records if m.plp_phase not in (None, "ikke PLP")}
    if phases and info.phase not in phases:
        diags.warning(
            f"tiltak «{info.measure}» har PLP-fase «{', '.join(sorted(phases))}» i "
            f"handlingsplanen, men prosjektet er i «{info.phase}»; oppdater den ene",
            "prosjekt.fase-tiltak", _info_ref(project, "phase"),
            related=_refs(records[0].ref("plp_phase")))
    goal_ids = [g.id for g in programme.goals]
    for goal in project.goals:
        target = goal.contributes_to
        if target is None or target in goal_ids or (
                f"{INVALID}{PROGRAMME_GOALS.key}:{target}" in programme.refs):
            continue
        hint = suggest(target, goal_ids)
        tail = f"; mente du «{hint}»?" if hint else ""
        diags.error(
            f"programmål «{target}» finnes ikke {_where(programme.source, PROGRAMME_GOALS)} i "
            f"{programme.source}{tail}", "ref.ukjent", goal.ref("contributes_to"))
    if programme.info.kind == "områdeløft" and not AREA_NUMBER.match(info.id):
        diags.warning(
            f"prosjektnummeret «{info.id}» følger ikke mønsteret NN/ÅÅ (f.eks. 01/25) som "
            "områdeløftet bruker i prosjektlisten", "prosjekt.nummer", _info_ref(project, "id"))
    return diags


def check_portfolio(programme: Programme) -> Diagnostics:
    """Across projects: unique numbers, and projects sharing a tiltak fit its budget together."""
    diags = Diagnostics()
    first: dict[str, Project] = {}
    folders: dict[str, Project] = {}
    for project in programme.projects:
        pid = project.info.id
        folder = project_folder(pid)
        if pid in first:
            diags.error(
                f"prosjektnummeret «{pid}» brukes også av {first[pid].source}; gi hvert "
                "prosjekt sitt eget nummer", "prosjekt.id-duplikat",
                _info_ref(project, "id"), related=_refs(_info_ref(first[pid], "id")))
            continue
        first[pid] = project
        if folder in folders:
            # "01/25" and "01-25": both projects' documents would go to one folder, and the
            # later would overwrite the earlier without a word.
            other = folders[folder]
            diags.error(
                f"prosjektnummeret «{pid}» gir samme mappe for dokumentene "
                f"(prosjekter/{folder}/) som «{other.info.id}» i {other.source}; gi "
                "prosjektene numre som ikke kan forveksles", "prosjekt.id-mappe",
                _info_ref(project, "id"), related=_refs(_info_ref(other, "id")))
        else:
            folders[folder] = project
    shared: dict[str, list[Project]] = {}
    for project in programme.projects:
        shared.setdefault(project.info.measure, []).append(project)
    for measure_id, projects in shared.items():
        records = tiltak_records(programme, measure_id)
        if len(projects) < 2 or not records:
            continue
        budget = sum((m.budget for m in records), Decimal(0))
        together = sum((p.budget_total() for p in projects), Decimal(0))
        if together > budget:
            last = projects[-1]
            diags.error(
                f"prosjektene {', '.join('«' + p.info.id + '»' for p in projects)} under tiltak "
                f"«{measure_id}» har til sammen budsjett {format_kr(together)}, mer enn "
                f"tiltakets budsjett i handlingsplanen ({format_kr(budget)})",
                "prosjekt.budsjett-over-tiltak",
                (last.budget[0].ref("amount") if last.budget else None) or last.ref(),
                related=_refs(*(m.ref("budget") for m in records),
                              *(p.ref() for p in projects[:-1])))
    return diags
