"""`plandoc bauta`: submission templates, status against the deadlines, and the book."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from plandoc.cli.click_nb import NorwegianGroup
from plandoc.cli.output import print_diagnostics
from plandoc.core.diagnostics import Diagnostics, InputError


def _date(value: str | None) -> dt.date:
    from plandoc.bauta.status import today
    from plandoc.readers.cells import CellError, to_date

    if not value:
        return today()
    try:
        date = to_date(value)
    except CellError as exc:
        raise click.BadParameter(exc.message, param_hint="--dato") from None
    assert date is not None
    return date


def _formats(value: str | None) -> list[str]:
    """The asked formats, checked against the writer registry (all of them when not given)."""
    from plandoc.bauta.pipeline import default_formats

    known = default_formats()
    if value is None:
        return known
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise click.BadParameter(
            f"ukjent format {', '.join(unknown) or '(tomt)'}; kjente formater: "
            f"{', '.join(known)}", param_hint="--format")
    return list(dict.fromkeys(names))


@click.group(cls=NorwegianGroup)
def bauta() -> None:
    """Bauta: maler til kommunene, status for innsendingene og boka (PDF, Word, nett)."""


@bauta.command()
@click.argument("project", required=False,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Mappen malene skrives til.")
def maler(project: Path | None, out: Path) -> None:
    """Skriv innsendingsmalene (Word) og redaksjonsarket.

    Med PROJECT (en mappe med bauta.yaml) får hver kommune sin egen mappe med profil.docx og
    eksempel.docx, utfylt med navn, nummer, fylke og frister; uten får du ett tomt par.
    """
    from plandoc.bauta.forms import write_forms
    from plandoc.bauta.read import is_project
    from plandoc.bauta.schema import EDITORIAL_FILE, SETTINGS_FILE, write_editorial_workbook
    from plandoc.bauta.settings import read_settings

    settings = None
    if project is not None:
        if not is_project(project):
            raise InputError(f"{project} er ikke en bauta-mappe (fant ingen {SETTINGS_FILE})")
        diags = Diagnostics()
        settings = read_settings(project / SETTINGS_FILE, diags,
                                 f"{project.name}/{SETTINGS_FILE}")
        print_diagnostics(diags)
        if settings is None or diags.has_errors:
            raise InputError(f"{project.name}/{SETTINGS_FILE} har feil – ingen maler er laget")
    written = write_forms(out, settings)
    sheet = out / EDITORIAL_FILE
    write_editorial_workbook(sheet, settings)
    written.append(sheet)
    for path in written:
        click.echo(f"skrev {path}")
    click.echo(f"{len(written)} filer skrevet.")


@bauta.command()
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dato", "date", default=None,
              help="Datoen fristene måles mot (dd.mm.åååå); standard er i dag.")
def status(project: Path, date: str | None) -> None:
    """Vis hva som mangler eller er forsinket, og hva som venter på redaksjonen."""
    import tempfile

    from plandoc.bauta.read import is_project, load_project
    from plandoc.bauta.status import status_of
    from plandoc.i18n.fmt import format_date

    today = _date(date)
    if not is_project(project):
        raise InputError(f"{project} er ikke en bauta-mappe (fant ingen bauta.yaml)")
    with tempfile.TemporaryDirectory(prefix="plandoc-bauta-") as media:
        project_data, diags = load_project(project, Path(media), "received")
    if project_data is None:
        raise InputError(f"{project.name}/ kan ikke leses – se feilene over", diags)
    s = status_of(project_data, today)
    title = project_data.settings.title
    click.echo(f"Status for «{title}» per {format_date(today)}")

    def who(sub: object) -> str:
        sub_title = getattr(sub, "title", "")
        name = f"{sub.municipality} – {sub.kind}"  # type: ignore[attr-defined]
        return name + (f" «{sub_title}»" if sub_title else "")

    def section(heading: str, lines: list[str]) -> None:
        click.echo("")
        click.secho(f"{heading} ({len(lines)})", bold=True)
        for line in lines:
            click.echo(f"  {line}")
        if not lines:
            click.echo("  ingen")

    section("Mangler – fristen er passert", [
        f"{who(x.submission)}: frist {format_date(x.submission.deadline)}, "
        f"{x.days} {'dag' if x.days == 1 else 'dager'} over fristen" for x in s.overdue])
    section("Mangler – fristen er ikke passert", [
        f"{who(x.submission)}: frist {format_date(x.submission.deadline)}"
        if x.submission.deadline else f"{who(x.submission)}: ingen frist" for x in s.missing])
    section("Kom etter fristen", [
        f"{who(x.submission)}: frist {format_date(x.submission.deadline)}, mottatt "
        f"{format_date(x.submission.received)} ({x.days} "
        f"{'dag' if x.days == 1 else 'dager'} for sent)" for x in s.late])
    section("Mottatt, ikke vurdert", [who(x) for x in s.to_assess])
    section("Vurdert, ikke avgjort", [who(x) for x in s.assessed])
    click.echo("")
    for kind, plural in (("profil", "Profiler"), ("eksempel", "Eksempler")):
        counts = s.counts.get(kind, {})
        parts = [f"{counts.get('ventet', 0)} ventet"] + [
            f"{counts[k]} {k}" for k in ("mottatt", "vurdert", "valgt", "avvist", "mangler")
            if counts.get(k)]
        click.echo(f"{plural}: " + " · ".join(parts))
    if len(diags):
        click.echo("")
        print_diagnostics(diags)
    if diags.has_errors:
        sys.exit(1)


@bauta.command()
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build/bauta"), show_default=True,
              help="Mappen boka, kortversjonen og nettutgaven skrives til.")
@click.option("--format", "formats", default=None,
              help="Kommaseparert liste av formater (standard: alle – docx, html, pdf). "
                   "html er nettutgaven.")
@click.option("--force", is_flag=True, help="Bygg alt på nytt, også det som er oppdatert.")
@click.option("--quiet", "-q", is_flag=True, help="Skriv bare feil og sidebudsjettet.")
def build(project: Path, out: Path, formats: str | None, force: bool, quiet: bool) -> None:
    """Lag boka og kortversjonen (Word og PDF), sidebudsjettet og nettutgaven for PROJECT.

    Bare bidrag med status «valgt» i redaksjonsarket kommer med, i rekkefølgen arket gir.
    Bare det som er endret siden forrige bygg (innsendinger, redaksjonsark, tekster, maler
    eller plandoc-versjon), bygges på nytt; er ingenting endret, skrives ingenting.
    """
    from plandoc.bauta.pipeline import build_edition

    fmt_list = _formats(formats)

    def report(path: Path) -> None:
        if not quiet:
            click.echo(f"skrev {path}")

    def wait() -> None:
        click.secho(f"venter på et annet bygg som skriver til {out} …", fg="yellow", err=True)

    result = build_edition(project, out, fmt_list, on_written=report, force=force,
                           on_wait=wait)
    print_diagnostics(result.diagnostics)
    if result.report_text:
        click.echo("")
        click.echo(result.report_text, nl=False)
    if not quiet and result.up_to_date:
        click.echo(f"Ingenting å bygge: alle {result.unchanged} filene i {out} er oppdatert.")
        return
    if not quiet:
        tail = f", {result.unchanged} uendret" if result.unchanged else ""
        click.echo(f"{len(result.written)} filer skrevet{tail}.")
