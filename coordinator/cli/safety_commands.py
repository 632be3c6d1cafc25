"""Data-safety commands: check, backup, restore, erase-person, export-person, rollover, retention.

Write commands hold the database lock (`write_lock`) and are refused at once, with nothing
written, while another program holds it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import click

from coordinator.cli.context import CliContext, pass_cli
from coordinator.cli.option_types import BoundedText, OutputPath, WholeNumber
from coordinator.desk import (
    backup_database,
    check_database,
    database_path,
    restore_database,
    start_logging,
    write_lock,
)
from coordinator.errors import UserError
from coordinator.formatting import format_date
from coordinator.i18n import _, ngettext


@contextlib.contextmanager
def cli_write_lock(cli: CliContext) -> Iterator[None]:
    """Hold the one-writer lock of the database a command names; UserError naming the holder."""
    with write_lock(cli.db):
        yield


def _person(pupil: int | None, contact: int | None) -> tuple[str, int]:
    if (pupil is None) == (contact is None):
        raise click.UsageError(_("Give exactly one of --pupil and --contact."))
    return ("pupil", pupil) if pupil is not None else ("contact", contact)  # type: ignore[return-value]


@click.command("check")
@pass_cli
def check_command(cli: CliContext) -> None:
    """Check the database's integrity and its foreign keys (exit 1 if damaged)."""
    report = check_database(cli.db)
    if not report.ok:
        raise UserError(report.message)
    click.echo(report.message)


@click.command("backup")
@click.option("--out", "out", type=OutputPath(new_folder_ok=True), help="Write the backup to this file.")
@pass_cli
def backup_command(cli: CliContext, out: Path | None) -> None:
    """Back up the database (verified) into its backups folder or to --out."""
    made = backup_database(cli.db, out=out)
    if database_path(cli.db) is None:
        click.echo(_("Backup of the server database written to {path} by pg_dump.").format(path=made))
    else:
        click.echo(_("Backup written to {path}.").format(path=made))


@click.command("restore")
@click.argument("backup", type=click.Path(dir_okay=False))  # a missing file: restore says so, translated
@pass_cli
def restore_command(cli: CliContext, backup: str) -> None:
    """Replace the database by a backup; the current file is kept (backed up or set aside)."""
    result = restore_database(cli.db, backup)
    name = database_path(cli.db).name  # type: ignore[union-attr]  # restore refuses a server database
    click.echo(_("Restored {name} from {backup}.").format(name=name, backup=result.restored_from.name))
    if result.damaged_copy is not None:
        click.echo(_("The damaged file was kept as {path}.").format(path=result.damaged_copy))
    if result.previous_backup is not None:
        click.echo(_("The replaced database was backed up to {path}.").format(path=result.previous_backup))
    if result.erasures_reapplied:
        click.echo(ngettext("{n} erasure made since the backup was applied again.",
                            "{n} erasures made since the backup were applied again.",
                            result.erasures_reapplied).format(n=result.erasures_reapplied))


@click.command("erase-person")
@click.option("--pupil", type=WholeNumber(), help="The pupil's id.")
@click.option("--contact", type=WholeNumber(), help="The contact person's id.")
@pass_cli
def erase_person_command(cli: CliContext, pupil: int | None, contact: int | None) -> None:
    """Erase one person's data for good (GDPR); a backup is made first."""
    kind, record_id = _person(pupil, contact)
    with write_lock(cli.db), cli.open() as desk:
        result, _changes = desk.erase_person(kind=kind, record_id=record_id)
    if kind == "pupil":
        click.echo(_("The pupil with id {id} was erased.").format(id=record_id))
    else:
        click.echo(_("The contact person with id {id} was erased.").format(id=record_id))
    if result.mentions_left:
        click.echo(ngettext("The name still appears in {n} note or title elsewhere; edit it by hand.",
                            "The name still appears in {n} notes or titles elsewhere; edit them by hand.",
                            result.mentions_left).format(n=result.mentions_left), err=True)


@click.command("export-person")
@click.option("--pupil", type=WholeNumber(), help="The pupil's id.")
@click.option("--contact", type=WholeNumber(), help="The contact person's id.")
@click.option("--out", "out", type=OutputPath(), required=True,
              help="The file to write: .json, or .pdf for a readable report.")
@pass_cli
def export_person_command(cli: CliContext, pupil: int | None, contact: int | None, out: Path) -> None:
    """Export everything held about one person (GDPR access) as JSON or PDF."""
    kind, record_id = _person(pupil, contact)
    with cli.open() as desk:
        written = desk.export_person(kind=kind, record_id=record_id, out=out)
    click.echo(_("Written to {path}.").format(path=written))


@click.command("rollover")
@click.option("--from", "from_year", type=BoundedText("year"),
              help="The school year to move on from (default: the current one).")
@click.option("--apply", "apply", is_flag=True, help="Carry out the rollover (without it, only a preview).")
@pass_cli
def rollover_command(cli: CliContext, from_year: str | None, apply: bool) -> None:
    """Move every class up a grade into the next school year; the last grade leaves."""
    with contextlib.ExitStack() as stack:
        if apply:  # a write: refused at once while another program holds the database
            stack.enter_context(write_lock(cli.db))
        desk = stack.enter_context(cli.open())
        plan = desk.rollover_plan(from_year)
        for move in plan.moves:
            if move.to_class is None:
                line = _("{school}: {from_class} ({pupils}) leaves school").format(
                    school=move.school, from_class=move.from_class, pupils=move.pupils)
            else:
                line = _("{school}: {from_class} → {to_class} ({pupils})").format(
                    school=move.school, from_class=move.from_class, to_class=move.to_class, pupils=move.pupils)
            click.echo(line)
        click.echo(_("From {from_year} to {to_year}: {moving} moving up, {leaving} leaving.").format(
            from_year=plan.from_year, to_year=plan.to_year, moving=plan.pupils_moving, leaving=plan.pupils_leaving))
        if not apply:
            click.echo(_("Nothing was changed; add --apply to carry this out."))
            return
        result, _changes = desk.roll_over(plan.from_year)
    click.echo(ngettext("Done: {n} enrolment created.", "Done: {n} enrolments created.",
                        result.enrolments_created).format(n=result.enrolments_created))


@click.command("retention")
@click.option("--months", type=WholeNumber(0, 1200), help="Months after leaving (default: the setting, 12).")
@click.option("--apply", "apply", is_flag=True, help="Anonymise the pupils listed.")
@pass_cli
def retention_command(cli: CliContext, months: int | None, apply: bool) -> None:
    """List pupils who left long ago; with --apply, anonymise them (statistics stay right)."""
    with contextlib.ExitStack() as stack:
        if apply:
            stack.enter_context(write_lock(cli.db))
        desk = stack.enter_context(cli.open())
        due = desk.retention_due(months)
        for entry in due:
            click.echo(_("{id}\t{name}\tleft {date}").format(id=entry.pupil_id, name=entry.name,
                                                              date=format_date(entry.left_on)))
        click.echo(ngettext("{n} pupil is due for anonymisation.", "{n} pupils are due for anonymisation.",
                            len(due)).format(n=len(due)))
        if not apply or not due:
            if due:
                click.echo(_("Nothing was changed; add --apply to anonymise them."))
            return
        anonymised, _changes = desk.anonymise_pupils([entry.pupil_id for entry in due])
    click.echo(ngettext("{n} pupil was anonymised.", "{n} pupils were anonymised.",
                        anonymised).format(n=anonymised))


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group, and the log file for unexpected errors."""
    start_logging()  # opens nothing until something is logged
    for command in (check_command, backup_command, restore_command, erase_person_command,
                    export_person_command, rollover_command, retention_command):
        group.add_command(command)
