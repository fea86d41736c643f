"""`plandoc serve` and `plandoc users add|list|remove|passwd`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.decorators import FC

DATA_HELP = "Mappen med database og programmenes filer."


def _database_option(fn: FC) -> FC:
    return click.option("--database", default=None, metavar="URL",
                        help="Database-URL (postgresql://…); standard: SQLite i --data.")(fn)


def _data_option(fn: FC) -> FC:
    return click.option("--data", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("plandoc-data"), show_default=True, help=DATA_HELP)(fn)


def _db(data: Path, database: str | None) -> object:
    from plandoc.serve.db import Database
    from plandoc.serve.service import Settings

    db = Database(Settings(data=data, database=database).database_url)
    db.create()
    return db


def _password(confirm: bool) -> str:
    """The password from stdin: prompted twice on a terminal, else the first line."""
    if sys.stdin.isatty():
        return click.prompt("Passord", hide_input=True, confirmation_prompt=confirm)
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise click.UsageError("fant ikke noe passord på standard inn")
    return line


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adressen å lytte på.")
@click.option("--port", default=8000, show_default=True, type=int, help="Porten å lytte på.")
@_data_option
@_database_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Antall app-prosesser (flere krever PostgreSQL).")
@click.option("--time-limit", default=300, show_default=True, type=click.IntRange(min=5),
              help="Sekunder én opplasting kan ta før den stoppes.")
@click.option("--builds", default=None, type=click.IntRange(min=1),
              help="Opplastinger som behandles samtidig per prosess (standard: antall kjerner).")
@click.option("--proxy", is_flag=True,
              help="Bak en omvendt proxy: stol på X-Forwarded-For/-Proto fra 127.0.0.1.")
def serve(host: str, port: int, data: Path, database: str | None, workers: int,
          time_limit: int, builds: int | None, proxy: bool) -> None:
    """Start nettsiden der kommunene laster opp arbeidsbøker og henter dokumentene."""
    import os

    import uvicorn

    if workers > 1 and not (database or "").startswith(("postgresql://", "postgres://")):
        raise click.UsageError("flere prosesser (--workers) krever --database postgresql://…")
    _db(data, database)  # create the tables once, before the workers start
    os.environ["PLANDOC_SERVE_DATA"] = str(data.resolve())
    os.environ["PLANDOC_SERVE_TIME_LIMIT"] = str(time_limit)
    if database:
        os.environ["PLANDOC_SERVE_DATABASE"] = database
    if builds:
        os.environ["PLANDOC_SERVE_BUILDS"] = str(builds)
    click.echo(f"plandoc serve: http://{host}:{port}/ (data i {data})")
    uvicorn.run("plandoc.serve.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, proxy_headers=proxy, forwarded_allow_ips="127.0.0.1",
                log_level="info", server_header=False)


@click.group()
def users() -> None:
    """Brukere av plandoc serve: legg til, vis, fjern, bytt passord."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["leder", "fylke", "admin"]), required=True,
              help="leder: egne program; fylke: fylkets program; admin: alt.")
@click.option("--programme", "programmes", multiple=True, metavar="SLUG",
              help="Programmets mappenavn slik plandoc build skriver det (kan gjentas).")
@click.option("--fylke", "county", default=None, help="Fylket en fylkesbruker ser.")
@click.option("--malform", "language", type=click.Choice(["bokmål", "nynorsk"]),
              default="bokmål", show_default=True, help="Målform på nettsidene.")
@_data_option
@_database_option
def users_add(name: str, role: str, programmes: tuple[str, ...], county: str | None,
              language: str, data: Path, database: str | None) -> None:
    """Legg til brukeren NAME; passordet leses fra standard inn."""
    from plandoc.serve.users import UserError, add_user

    db = _db(data, database)
    try:
        user = add_user(db, name, _password(True), role, programmes, county,  # type: ignore
                        language)
    except UserError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"la til {user.name} ({user.role})")


@users.command("list")
@_data_option
@_database_option
def users_list(data: Path, database: str | None) -> None:
    """Vis alle brukere med rolle, fylke og program."""
    from plandoc.serve.users import list_users

    for user in list_users(_db(data, database)):  # type: ignore[arg-type]
        extra = f" fylke={user.county}" if user.county else ""
        progs = f" program={','.join(user.programmes)}" if user.programmes else ""
        click.echo(f"{user.name}\t{user.role}{extra}{progs}")


@users.command("remove")
@click.argument("name")
@_data_option
@_database_option
def users_remove(name: str, data: Path, database: str | None) -> None:
    """Fjern brukeren NAME (opplastingene hennes blir stående)."""
    from plandoc.serve.users import UserError, remove_user

    try:
        remove_user(_db(data, database), name)  # type: ignore[arg-type]
    except UserError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"fjernet {name}")


@users.command("passwd")
@click.argument("name")
@_data_option
@_database_option
def users_passwd(name: str, data: Path, database: str | None) -> None:
    """Nytt passord for NAME (lest fra standard inn); alle øktene hennes avsluttes."""
    from plandoc.serve.users import UserError, set_password

    try:
        set_password(_db(data, database), name, _password(True))  # type: ignore[arg-type]
    except UserError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"byttet passord for {name}")
