"""The `plandoc` command line: validate, template, convert, build, dump."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from plandoc.cli.click_nb import NorwegianGroup, install
from plandoc.cli.output import print_diagnostics
from plandoc.core.diagnostics import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    Diagnostics,
    PlandocError,
    RenderError,
    UsageError,
)
from plandoc.core.oserror import describe, shown_path

if TYPE_CHECKING:
    from plandoc.build.pipeline import UnitResult

# Before any command is declared: click computes some texts (a Path's "directory") when
# the decorators run.
install()

# click over argparse/typer: subcommands, exit code 2 on usage errors and testing through
# CliRunner come for free, and typer would only add a layer on top of click.

FORMATS = ("docx", "pdf")


def _summary(diags: Diagnostics, files: int) -> str:
    e, w = len(diags.errors), len(diags.warnings)
    noun = "fil" if files == 1 else "filer"
    warnings = "advarsel" if w == 1 else "advarsler"
    return f"{files} {noun} kontrollert: {e} feil, {w} {warnings}"


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _discover(inputs: tuple[Path, ...], diags: Diagnostics | None = None) -> list[Path]:
    """The input files; one whose name is not valid UTF-8 (written by an old Latin-1 system)
    becomes an error in `diags` instead, since no document or message could carry its name."""
    from plandoc.core.diagnostics import SourceRef
    from plandoc.readers import discover

    found = discover(list(inputs))
    if not found:
        raise click.UsageError(
            "fant ingen inndatafiler (.xlsx, .yaml) i " + ", ".join(str(p) for p in inputs)
        )
    files = [f for f in found if _utf8_name(f)]
    for bad in (f for f in found if not _utf8_name(f)):
        if diags is not None:
            diags.error("filnavnet er ikke gyldig UTF-8 og filen blir ikke lest; gi den et nytt "
                        "navn", "fil.navn", SourceRef(shown_path(bad)))
    return files


def _readable_streams() -> None:
    """A terminal that is not UTF-8 (LC_ALL=nb_NO.ISO-8859-1) shows "?" for a character it
    lacks instead of ending the command with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").replace("-", "").lower()
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def _parse_formats(value: str) -> list[str]:
    from plandoc.writers.base import known_formats

    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    known = known_formats()
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise click.BadParameter(
            f"ukjent format {', '.join(unknown) or '(tomt)'}; kjente formater: {', '.join(known)}",
            param_hint="--format",
        )
    return names


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up runs (workers stopped,
    temporaries removed, the manifest saved with what was finished)."""


#: Set when SIGTERM arrived: a library that turns every signal into KeyboardInterrupt
#: (watchfiles) would otherwise make it look like Ctrl-C.
_sigterm = threading.Event()


def _on_sigterm(signum: int, frame: object) -> None:
    _sigterm.set()
    raise Terminated


def _catch_sigterm() -> None:
    import signal

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)


class _Group(NorwegianGroup):
    """Turns every PlandocError into its message and exit code, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        install()
        _readable_streams()
        _catch_sigterm()
        try:
            return super().main(*args, **kwargs)
        except KeyboardInterrupt:  # pragma: no cover - Ctrl-C outside a command
            click.echo("plandoc: avbrutt", err=True)
            sys.exit(EXIT_INTERRUPTED)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PlandocError as exc:
            print_diagnostics(exc.diagnostics)
            click.secho(f"plandoc: {exc.message}", fg="red", err=True)
            ctx.exit(exc.exit_code)
        except Terminated:
            click.secho("plandoc: stoppet (SIGTERM); det som var ferdig, er lagret", fg="red",
                        err=True)
            ctx.exit(EXIT_TERMINATED)
        except (KeyboardInterrupt, click.exceptions.Abort):
            # Ctrl-C (or SIGTERM, see plandoc.build.parallel): what was written is whole,
            # the manifest has what was finished; say so briefly, in Norwegian.
            click.secho("plandoc: avbrutt; det som var ferdig, er lagret", fg="red", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            # The disk, not plandoc: full, read-only, no access, a folder where a file goes.
            click.secho(f"plandoc: kunne ikke lese eller skrive {describe(exc)}", fg="red",
                        err=True)
            ctx.exit(RenderError.exit_code)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:
            # A bug, not bad input: say so plainly; PLANDOC_DEBUG=1 shows the traceback.
            if os.environ.get("PLANDOC_DEBUG"):
                raise
            click.secho(
                f"plandoc: intern feil ({type(exc).__name__}: {exc}). "
                "Kjør med PLANDOC_DEBUG=1 for detaljer, og meld feilen.",
                fg="red", err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group)
@click.version_option(package_name="plandoc")
def main() -> None:
    """plandoc lager omstillingsplan, handlingsplan og andre plandokumenter fra regneark."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Advarsler gir også exit-kode 1.")
def validate(inputs: tuple[Path, ...], strict: bool) -> None:
    """Kontroller INPUTS (filer eller mapper) og skriv ut alle feil og advarsler."""
    from plandoc.build.pipeline import load_all

    named = Diagnostics()
    files = _discover(inputs, named)
    unreadable = len(named)
    loaded = load_all(files)
    named.extend(loaded.diagnostics)
    print_diagnostics(named, err=False)
    click.echo(_summary(named, len(files) + unreadable))
    if named.has_errors or (strict and named.warnings):
        sys.exit(1)


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["program", "områdeløft", "prosjekt"]),
              default="program", show_default=True,
              help="Programarbeidsbok (regional omstilling), programarbeidsbok for et "
                   "områdeløft, eller prosjektarbeidsbok (PLP).")
@click.option("--force", is_flag=True, help="Skriv over OUT om den finnes.")
def template(out: Path, kind: str, force: bool) -> None:
    """Skriv en tom arbeidsbok (med veiledning og nedtrekkslister) til OUT.xlsx."""
    from plandoc.workbook.template import write_template

    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("filen må slutte på .xlsx", param_hint="OUT")
    if (out.exists() or out.is_symlink()) and not force:
        # A filled-in workbook is a project leader's work: never replace it by accident.
        raise UsageError(f"{out} finnes allerede og blir ikke skrevet over; velg et annet "
                         "navn, eller bruk --force for å erstatte den")
    write_template(out, kind)
    click.echo(f"skrev {out}")


@main.command()
@click.argument("src", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("dst", type=click.Path(dir_okay=False, path_type=Path))
def convert(src: Path, dst: Path) -> None:
    """Konverter SRC til DST (.xlsx ↔ .yaml) uten tap."""
    from plandoc.workbook.export import convert as do_convert

    if dst.suffix.lower() not in (".xlsx", ".yaml", ".yml"):
        raise click.BadParameter("målfilen må slutte på .xlsx, .yaml eller .yml", param_hint="DST")
    diags = do_convert(src, dst)
    print_diagnostics(diags)
    if diags.has_errors:
        click.echo(_summary(diags, 1), err=True)
        sys.exit(1)
    click.echo(f"skrev {dst}")


@main.command()
@click.argument("input_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("document")
def adopt(input_file: Path, document: str) -> None:
    """Ta vare på en vedtatt utgave av DOCUMENT (f.eks. omstillingsplan, handlingsplan-2025).

    Innholdet utgaven ble laget fra, lagres i mappen «vedtatt» ved siden av INPUT_FILE. Da kan
    utgaven lages på nytt, helt lik, og plandoc sier fra hvis innholdet endres uten ny versjon.
    For en prosjektfil (i mappen «prosjekter») er DOCUMENT «prosjektplan»: den godkjente
    prosjektplanen lagres i mappen «vedtatt» ved siden av programfilen.
    """
    from plandoc.workbook.adopt import adopt as do_adopt

    folder, diags = do_adopt(input_file, document)
    print_diagnostics(diags)
    if folder is None:
        click.echo(_summary(diags, 1), err=True)
        sys.exit(1)
    click.echo(f"lagret {folder}")


def _build_inputs(command: Callable[..., None]) -> Callable[..., None]:
    """The inputs, --out, --format and --year that build and watch share."""
    for option in reversed((
        click.argument("inputs", nargs=-1, required=True,
                       type=click.Path(exists=True, path_type=Path)),
        click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
                     default=Path("build"), show_default=True,
                     help="Mappen dokumentene skrives til."),
        click.option("--format", "formats", default=",".join(FORMATS), show_default=True,
                     help="Kommaseparert liste av formater."),
        click.option("--year", "years", type=int, multiple=True,
                     help="Lag handlingsplan bare for dette året (kan gjentas)."),
    )):
        command = option(command)
    return command


@main.command()
@_build_inputs
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Hvor mange program som bygges samtidig (standard: antall kjerner).")
@click.option("--force", is_flag=True, help="Bygg alt på nytt, også det som er oppdatert.")
@click.option("--quiet", "-q", is_flag=True, help="Skriv bare feil.")
@click.option("--shard", "shard_text", metavar="K/N", default=None,
              help="Bygg bare del K av N av programmene (fast fordeling, for flere maskiner); "
                   "samleoversikten lages etterpå med --only-rollup.")
@click.option("--only-rollup", is_flag=True,
              help="Lag bare samleoversikten over alle programmene, etter et bygg i deler.")
def build(
    inputs: tuple[Path, ...], out: Path, formats: str, years: tuple[int, ...],
    jobs: int | None, force: bool, quiet: bool, shard_text: str | None, only_rollup: bool,
) -> None:
    """Lag dokumentene (Word og PDF) for hvert program i INPUTS.

    Bare det som er endret siden forrige bygg, bygges på nytt: en fil som er laget fra de
    samme inndatafilene, malene og den samme plandoc-versjonen, står urørt. Et program med
    feil bygges ikke; de andre bygges likevel, og kommandoen avslutter med kode 1.
    """
    from plandoc.build.pipeline import primary_inputs, run_build
    from plandoc.build.progress import BuildProgress, summary_line, wants_bar
    from plandoc.build.shard import Shard

    shard = Shard.parse(shard_text) if shard_text is not None else None
    if shard is not None and only_rollup:
        raise UsageError("--shard og --only-rollup kan ikke brukes sammen: bygg delene "
                         "først, og lag samleoversikten etterpå med --only-rollup")
    fmt_list = _parse_formats(formats)
    named = Diagnostics()
    files = primary_inputs(_discover(inputs, named))
    print_diagnostics(named)
    if shard is not None and not quiet:
        mine = len(shard.select(files))
        click.echo(f"del {shard}: {mine} av {len(files)} program")
    with BuildProgress(wants_bar(sys.stderr, quiet)) as progress:

        def show(result: UnitResult) -> None:
            # In input order, whatever order the workers finish in.
            _show_result(result, progress.echo)
            if not quiet and not progress.enabled:
                for w in result.written:
                    if not w.reused:
                        click.echo(f"skrev {out / w.rel}")

        def wait() -> None:
            progress.echo(f"venter på et annet bygg som skriver til {out} …", "yellow")

        report = run_build(
            files, out, fmt_list, years=list(years) or None, jobs=jobs, force=force,
            on_start=progress.start, on_done=progress.advance, on_result=show, on_wait=wait,
            shard=shard, only_rollup=only_rollup,
        )
    failed = report.failed
    if named.has_errors and not failed:
        sys.exit(1)
    if failed or not quiet:
        line = summary_line(report.built, report.unchanged, len(failed), report.seconds)
        click.secho(line, fg="red" if failed else None, err=bool(failed))
    if failed:
        noun = "program" if len(failed) == 1 else "programmer"
        click.secho(f"{len(failed)} {noun} feilet:", fg="red", err=True)
        for result in failed:
            first = result.failures[0]
            shown = first if first.startswith(str(result.path)) else f"{result.path}: {first}"
            click.secho(f"  {shown}", fg="red", err=True)
        sys.exit(report.exit_code or 1)


def _show_result(result: UnitResult, echo: Any) -> None:
    """A programme's diagnostics and failures, as `build` and `watch` print them."""
    print_diagnostics(result.diagnostics, echo=echo)
    for failure in result.failures:
        if not any(str(d) == failure for d in result.diagnostics):
            echo(f"{result.path}: {failure}", "red")
    if result.detail and os.environ.get("PLANDOC_DEBUG"):
        echo(result.detail, "red")


def _echo(text: str, style: str | None = None) -> None:
    click.secho(text, fg=style, err=style is not None)


def _shown(path: Path) -> str:
    """A path relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@main.command()
@_build_inputs
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Hvor mange kjerner som brukes (standard: alle).")
@click.option("--quiet", "-q", is_flag=True,
              help="Skriv bare feil og én linje per ombygging.")
def watch(
    inputs: tuple[Path, ...], out: Path, formats: str, years: tuple[int, ...],
    jobs: int | None, quiet: bool,
) -> None:
    """Bygg INPUTS, og bygg på nytt det som endres hver gang en arbeidsbok lagres.

    plandoc står og venter på lagringer (også fra Excel) og bygger bare dokumentene til
    programmet som ble endret. En arbeidsbok med feil gir de vanlige feilmeldingene, og
    plandoc venter på neste lagring. Ctrl-C avslutter.
    """
    fmt_list = _parse_formats(formats)
    _discover(inputs)  # no input at all is a usage error, as for build

    def ready() -> None:
        folders = ", ".join(_shown(p) for p in inputs)
        click.echo(f"venter på endringer i {folders} (Ctrl-C avslutter)")

    def show(result: UnitResult) -> None:
        _show_result(result, _echo)

    try:
        _watch(inputs, out, fmt_list, years, jobs, quiet, show, ready)
    except KeyboardInterrupt:
        if _sigterm.is_set():
            raise Terminated from None  # exit code 143, as for build
        raise


def _watch(
    inputs: tuple[Path, ...], out: Path, fmt_list: list[str], years: tuple[int, ...],
    jobs: int | None, quiet: bool, show: Any, ready: Any,
) -> None:
    import time

    from plandoc.build.progress import format_duration, summary_line
    from plandoc.build.watch import watch_rounds

    for number, round_ in enumerate(watch_rounds(
            list(inputs), out, fmt_list, list(years) or None, jobs, on_result=show,
            on_ready=ready)):
        stamp = time.strftime("%H:%M:%S")
        if round_.changed:
            names = ", ".join(_shown(p) for p in round_.changed)
            click.echo(f"{stamp} endret: {names}")
        if round_.error is not None:
            print_diagnostics(round_.error.diagnostics)
            click.secho(f"plandoc: {round_.error.message}", fg="red", err=True)
            if round_.detail and os.environ.get("PLANDOC_DEBUG"):
                click.secho(round_.detail, fg="red", err=True)
            continue
        report = round_.report
        assert report is not None
        if not quiet and number > 0:  # the first build's files would drown the rest
            for w in round_.written:
                after = round_.after_save(w)
                when = f" ({format_duration(after)} etter lagring)" if after is not None else ""
                click.echo(f"  skrev {_shown(out / w.rel)}{when}")
        line = summary_line(report.built, report.unchanged, len(report.failed),
                            round_.seconds)
        first = round_.first_pdf
        if first is not None:
            line += f"; første PDF {format_duration(first)} etter lagring"
        if number == 0:
            line = f"{stamp} første bygg: {line}"
        elif not round_.written and not report.failed:
            line = "  ingen dokumenter ble endret"
        click.secho(line, fg="red" if report.failed else None)


@main.command()
@click.argument("input_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--what", type=click.Choice(["model", "tree", "text"]), default="model",
              show_default=True, help="Modellen, dokumenttreet (JSON) eller normalisert tekst.")
@click.option("--document", "doc_name", default=None,
              help="Hvilket dokument (f.eks. omstillingsplan, handlingsplan-2025).")
def dump(input_file: Path, what: str, doc_name: str | None) -> None:
    """Skriv ut modellen eller dokumenttreet for feilsøking og testdata."""
    from plandoc.load.inputs import load_file

    programme, diags = load_file(input_file)
    print_diagnostics(diags)
    if programme is None or diags.has_errors:
        sys.exit(1)
    if what == "model":
        click.echo(programme.model_dump_json(indent=2))
        return
    from plandoc.builders import build_documents
    from plandoc.builders.dump import to_text
    from plandoc.document import to_data

    docs = build_documents(programme)
    names = [stem for stem, _ in docs]
    if doc_name is not None and doc_name not in names:
        raise click.BadParameter(f"ukjent dokument; velg blant {', '.join(names)}",
                                 param_hint="--document")
    for stem, document in docs:
        if doc_name is not None and stem != doc_name:
            continue
        if what == "tree":
            click.echo(json.dumps(to_data(document), ensure_ascii=False, indent=2))
        else:
            click.echo(to_text(document))


if __name__ == "__main__":  # pragma: no cover
    main()

from plandoc.cli.bauta import bauta  # noqa: E402

main.add_command(bauta)
from plandoc.cli.serve import serve, users  # noqa: E402

main.add_command(serve)
main.add_command(users)
