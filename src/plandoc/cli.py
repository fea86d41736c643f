"""The `plandoc` command line: validate, template, convert, build, dump."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from plandoc.diagnostics import Diagnostics, PlandocError, Severity

# click over argparse/typer: subcommands, exit code 2 on usage errors and testing through
# CliRunner come for free, and typer would only add a layer on top of click.

FORMATS = ("docx", "pdf")


def _print_diagnostics(diags: Diagnostics, err: bool = False) -> None:
    for d in diags:
        colour = "red" if d.severity is Severity.ERROR else "yellow"
        click.secho(str(d), fg=colour, err=err)


def _summary(diags: Diagnostics, files: int) -> str:
    e, w = len(diags.errors), len(diags.warnings)
    noun = "fil" if files == 1 else "filer"
    return f"{files} {noun} kontrollert: {e} feil, {w} advarsler"


def _discover(inputs: tuple[Path, ...]) -> list[Path]:
    from plandoc.readers import discover

    files = discover(list(inputs))
    if not files:
        raise click.UsageError(
            "fant ingen inndatafiler (.xlsx, .yaml) i " + ", ".join(str(p) for p in inputs)
        )
    return files


def _parse_formats(value: str) -> list[str]:
    from plandoc.writers.base import available

    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    known = available()
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise click.BadParameter(
            f"ukjent format {', '.join(unknown) or '(tomt)'}; kjente formater: {', '.join(known)}",
            param_hint="--format",
        )
    return names


class _Group(click.Group):
    """Turns every PlandocError into its message and exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PlandocError as exc:
            _print_diagnostics(exc.diagnostics, err=True)
            click.secho(f"plandoc: {exc.message}", fg="red", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt, SystemExit):
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
            ctx.exit(70)


@click.group(cls=_Group)
@click.version_option(package_name="plandoc")
def main() -> None:
    """plandoc lager omstillingsplan, handlingsplan og andre plandokumenter fra regneark."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Advarsler gir også exit-kode 1.")
def validate(inputs: tuple[Path, ...], strict: bool) -> None:
    """Kontroller INPUTS (filer eller mapper) og skriv ut alle feil og advarsler."""
    from plandoc.pipeline import load_all

    files = _discover(inputs)
    loaded = load_all(files)
    _print_diagnostics(loaded.diagnostics)
    click.echo(_summary(loaded.diagnostics, len(files)))
    if loaded.diagnostics.has_errors or (strict and loaded.diagnostics.warnings):
        sys.exit(1)


@main.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["program"]), default="program", show_default=True,
              help="Hvilken arbeidsbok som skal lages.")
def template(out: Path, kind: str) -> None:
    """Skriv en tom arbeidsbok (med veiledning og nedtrekkslister) til OUT.xlsx."""
    from plandoc.workbook.template import write_template

    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("filen må slutte på .xlsx", param_hint="OUT")
    write_template(out)
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
    _print_diagnostics(diags, err=True)
    if diags.has_errors:
        click.echo(_summary(diags, 1), err=True)
        sys.exit(1)
    click.echo(f"skrev {dst}")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="Mappen dokumentene skrives til.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True,
              help="Kommaseparert liste av formater.")
@click.option("--year", "years", type=int, multiple=True,
              help="Lag handlingsplan bare for dette året (kan gjentas).")
@click.option("--quiet", "-q", is_flag=True, help="Skriv bare feil.")
def build(
    inputs: tuple[Path, ...], out: Path, formats: str, years: tuple[int, ...], quiet: bool
) -> None:
    """Lag dokumentene (Word og PDF) for hvert program i INPUTS."""
    from plandoc.pipeline import build_programme, load_all, primary_inputs

    fmt_list = _parse_formats(formats)
    files = primary_inputs(_discover(inputs))
    loaded = load_all(files)
    _print_diagnostics(loaded.diagnostics, err=True)
    if loaded.diagnostics.has_errors:
        click.secho(_summary(loaded.diagnostics, len(files)) + " – ingenting er laget.",
                    fg="red", err=True)
        sys.exit(1)

    def report(output: object) -> None:
        if not quiet:
            click.echo(f"skrev {output.path}")  # type: ignore[attr-defined]

    count = 0
    for programme in loaded.programmes:
        written = build_programme(
            programme, out, fmt_list, years=list(years) or None, on_written=report
        )
        count += len(written)
    if not quiet:
        click.echo(f"{count} filer skrevet for {len(loaded.programmes)} program.")


@main.command()
@click.argument("input_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--what", type=click.Choice(["model", "tree", "text"]), default="model",
              show_default=True, help="Modellen, dokumenttreet (JSON) eller normalisert tekst.")
@click.option("--document", "doc_name", default=None,
              help="Hvilket dokument (f.eks. omstillingsplan, handlingsplan-2025).")
def dump(input_file: Path, what: str, doc_name: str | None) -> None:
    """Skriv ut modellen eller dokumenttreet for feilsøking og testdata."""
    from plandoc.model.load import load_file

    programme, diags = load_file(input_file)
    _print_diagnostics(diags, err=True)
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
