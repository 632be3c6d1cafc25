"""Commands that create and describe a database: `init`, `demo`, `info`."""

from __future__ import annotations

import dataclasses

import click

from coordinator.cli.context import CliContext, emit_json, pass_cli
from coordinator.cli.option_types import BoundedText, WholeNumber
from coordinator.i18n import _, pgettext
from coordinator.reference.profiles import PROFILES


@click.command("init")
@click.option("--profile", "profile_code", type=click.Choice(PROFILES), required=True,
              help="Country profile: grade systems, sectors and defaults.")
@click.option("--municipality", type=BoundedText("municipality"),
              help="The municipality's or cluster's name, for documents.")
@pass_cli
def init_command(cli: CliContext, profile_code: str, municipality: str | None) -> None:
    """Create an empty database for a country."""
    from coordinator.desk import create_database, write_lock

    with write_lock(cli.db):
        create_database(cli.db, profile_code=profile_code, municipality=municipality)
    click.echo(_("Created an empty database for profile {profile}.").format(profile=profile_code))


@click.command("demo")
@click.option("--profile", "profile_code", type=click.Choice(PROFILES), default="se", show_default=True)
@click.option("--size", type=click.Choice(["small", "municipality", "region"]), default="municipality",
              show_default=True)
@click.option("--seed", type=WholeNumber(0), default=1, show_default=True)
@click.option("--force", is_flag=True, help="Replace an existing database file.")
@pass_cli
def demo_command(cli: CliContext, profile_code: str, size: str, seed: int, force: bool) -> None:
    """Create a demo database with a whole municipality's schools, partners and activities."""
    from coordinator.desk import create_demo, write_lock

    with write_lock(cli.db):
        summary = create_demo(cli.db, profile_code=profile_code, size=size, seed=seed, replace=force)
    if summary.previous_backup is not None:
        click.echo(_("The replaced database was backed up to {path}.").format(path=summary.previous_backup))
    if summary.damaged_copy is not None:
        click.echo(_("The damaged file was kept as {path}.").format(path=summary.damaged_copy))
    click.echo(_("Created the {size} demo for profile {profile}: {pupils} pupils, {organisations} "
                 "organisations.").format(size=_demo_size(size),
                                           profile=profile_code, pupils=summary.pupils,
                                           organisations=summary.organisations))


@click.command("info")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_cli
def info_command(cli: CliContext, fmt: str) -> None:
    """Count each kind of record."""
    from coordinator.desk.quick_reads import database_info

    data = dataclasses.asdict(database_info(cli.db))
    if fmt == "json":
        emit_json(data)
        return
    labels = {
        "organisations": _("Organisations"), "contacts": _("Contact persons"), "schools": _("Schools"),
        "classes": _("Classes"), "pupils": _("Pupils"), "teachers": _("Teachers"),
        "study_visits": _("Study visits"), "placements": _("Placements"), "encounters": _("Encounters"),
        "trainings": _("Trainings"), "meetings": _("Meetings"), "actions": _("Actions"),
        "networks": _("Networks"), "network_members": _("Network members"), "agreements": _("Agreements"),
        "contact_log": _("Contact log"), "projects": _("Projects"), "budget_lines": _("Budget lines"),
        "current_year": _("Current school year"), "schema_revision": _("Schema revision"),
        "profile": _("Country profile"), "municipality": _("Municipality"),
    }
    width = max(len(v) for v in labels.values())
    for key, label in labels.items():
        click.echo(f"{label:<{width}}  {data[key]}")


def register(group: click.Group) -> None:
    group.add_command(init_command)
    group.add_command(demo_command)
    group.add_command(info_command)


def _demo_size(size: str) -> str:
    """The demo's size as a sentence names it (the option keeps its English word)."""
    return {"small": pgettext("demo size", "small"), "municipality": pgettext("demo size", "municipality"),
            "region": pgettext("demo size", "region")}.get(size, size)
