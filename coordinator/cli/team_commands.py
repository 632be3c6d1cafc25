"""`coordinator server init|add-user`: setting up a PostgreSQL server database for a team."""

from __future__ import annotations

import click

from coordinator.cli.context import CliContext, pass_cli
from coordinator.errors import UserError
from coordinator.i18n import _, ngettext
from coordinator.reference.profiles import PROFILES

_URL_HELP = "The server database, postgresql+psycopg://user@host/database (default: --db)."


def _url(cli: CliContext, url: str | None) -> str:
    chosen = url or cli.db
    if not chosen:
        raise click.UsageError(_("Name the server database with --url."))
    return chosen


@click.group("server")
def server_group() -> None:
    """Team mode: set up a PostgreSQL server database and its logins."""


@server_group.command("init")
@click.option("--url", metavar="URL", help=_URL_HELP)
@click.option("--profile", "profile_code", type=click.Choice(PROFILES), required=True,
              help="Country profile: grade systems, sectors and defaults.")
@pass_cli
def server_init_command(cli: CliContext, url: str | None, profile_code: str) -> None:
    """Create the schema and the coordinator and headteacher roles on a server database."""
    from coordinator.desk.team_ops import init_server

    fresh = init_server(_url(cli, url), profile_code=profile_code)
    if fresh:
        click.echo(_("The server database is ready for profile {profile}, with its team roles.").format(
            profile=profile_code))
    else:
        click.echo(_("The server database held this app's data already; its team roles are up to date."))


@server_group.command("add-user")
@click.argument("name")
@click.option("--url", metavar="URL", help=_URL_HELP)
@click.option("--role", type=click.Choice(["coordinator", "headteacher"]), required=True)
@click.option("--school", help="A headteacher's school, named as in the database.")
@click.option("--password", help="The login's password (asked for when not given; empty for none).")
@pass_cli
def server_add_user_command(cli: CliContext, name: str, url: str | None, role: str, school: str | None,
                            password: str | None) -> None:
    """Add a login to the server: a coordinator, or a headteacher of one school."""
    from coordinator.desk.team_ops import add_server_user

    if not name.strip() or len(name) > 63:
        raise UserError(_("A login name has 1 to 63 characters."))
    if password is None:
        password = click.prompt(_("Password"), hide_input=True, confirmation_prompt=True, default="",
                                show_default=False)
    add_server_user(_url(cli, url), name, role=role, school=school, password=password or None)
    click.echo(_("Added the login “{name}” ({role}).").format(name=name, role=role))


@click.command("copy")
@click.option("--from", "source", required=True, metavar="FILE|URL", help="The database to copy.")
@click.option("--to", "target", required=True, metavar="FILE|URL", help="An empty database (a new file or server database).")
def copy_command(source: str, target: str) -> None:
    """Copy a whole database between a file and a server, checked table by table (counts and checksums)."""
    from coordinator.desk.team_ops import copy_database

    checks = copy_database(source, target)
    for check in checks:
        click.echo(f"{check.table}\t{check.rows}\t{check.checksum[:16]}")
    rows = sum(check.rows for check in checks)
    click.echo(ngettext("Copied and verified {tables} tables with {n} row in all.",
                        "Copied and verified {tables} tables with {n} rows in all.", rows).format(
        tables=len(checks), n=rows))


def register(group: click.Group) -> None:
    group.add_command(server_group)
    group.add_command(copy_command)
