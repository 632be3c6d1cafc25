"""`coordinator warnings`: every planning warning of a school year, the same checks the app's forms show."""

from __future__ import annotations

import dataclasses

import click

from coordinator.cli.context import CliContext, emit_json, pass_cli
from coordinator.cli.option_types import BoundedText
from coordinator.i18n import _, ngettext


@click.command("warnings")
@click.option("--year", type=BoundedText("year"), metavar="YYYY/YY",
              help="School year, e.g. 2025/26 (default: the current one).")
@click.option("--school", type=BoundedText("school"), metavar="NAME",
              help="One school by name (default: every school).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_cli
def warnings_command(cli: CliContext, year: str | None, school: str | None, fmt: str) -> None:
    """List what is doubtful about placements and study visits: the law for minors, clashes, missing papers.

    JSON: a list of {"kind", "id", "code", "message"}; kind and code are stable English words.
    The exit code is 0 whether or not there are warnings.
    """
    with cli.open() as desk:
        found = desk.year_warnings(year=year, school=school)
    if fmt == "json":
        emit_json([dataclasses.asdict(w) for w in found])
        return
    kinds = {"placement": _("Placement"), "study_visit": _("Study visit")}
    for warning in found:
        click.echo(f"{kinds.get(warning.kind, warning.kind)} {warning.id}  [{warning.code}]  {warning.message}")
    click.echo(ngettext("{count} warning.", "{count} warnings.", len(found)).format(count=len(found)))


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    group.add_command(warnings_command)
