"""`coordinator import KIND FILE` and `coordinator export KIND --out FILE`: the files coordinators already have.

Import exits 0 when the rows were imported (with a summary), 1 with one stderr line per problem
(`row N, column C: reason`) and nothing imported.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from coordinator.cli.context import CliContext, pass_cli
from coordinator.cli.matching_commands import day_value
from coordinator.cli.option_types import BoundedText, InputPath, OutputPath
from coordinator.desk import import_fields, write_lock
from coordinator.errors import UserError
from coordinator.i18n import _, ngettext


def _parse_maps(values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        header, sep, field_name = value.rpartition("=")
        if not sep or not header.strip() or not field_name.strip():
            raise click.UsageError(_("Write a mapping as \"Header=field\", not “{value}”.").format(value=value))
        mapping[header.strip()] = field_name.strip()
    return mapping


@click.command("import")
@click.argument("kind", type=click.Choice(["pupils", "organisations", "contacts", "placements",
                                           "study-visits", "offers", "wishes", "network-members", "contact-log",
                                           "choices", "destinations"]))
@click.argument("file", type=InputPath())
@click.option("--school", type=BoundedText("school"),
              help="The school of a class list; created if it does not exist.")
@click.option("--year", type=BoundedText("year"), help="The school year, like 2026/27 (default: the current one).")
@click.option("--dry-run", is_flag=True, help="Check and report, change nothing.")
@click.option("--map", "maps", type=BoundedText("mapping"), multiple=True, metavar="\"Header=field\"",
              help="Map a column to a field.")
@click.option("--good-rows-only", is_flag=True, help="Import the good rows even when others have problems.")
@click.option("--encoding", type=BoundedText("encoding"),
              help="The file's encoding, when it cannot be told (e.g. cp1250).")
@click.option("--from", "first_day", metavar="DATE", callback=day_value,
              help="Wishes: the first day of the placement period they are for (YYYY-MM-DD).")
@click.option("--to", "last_day", metavar="DATE", callback=day_value,
              help="Wishes: the last day of the placement period they are for (YYYY-MM-DD).")
@pass_cli
def import_command(cli: CliContext, kind: str, file: Path, school: str | None, year: str | None, dry_run: bool,
                   maps: tuple[str, ...], good_rows_only: bool, encoding: str | None,
                   first_day: dt.date | None, last_day: dt.date | None) -> None:
    """Import a CSV or XLSX file of pupils, organisations, contacts, placements, study visits,
    offers, wishes, leavers' choices or graduates' destinations."""
    mapping = _parse_maps(maps)
    fields = import_fields(kind)
    valid = {f.name for f in fields}
    for name in mapping.values():
        if name not in valid:
            raise click.UsageError(_("“{field}” is not a field of {kind}; use one of: {fields}.").format(
                field=name, kind=kind, fields=", ".join(sorted(valid))))
    if not file.exists():
        raise UserError(_("There is no file {path}.").format(path=file))
    if (kind == "wishes") != (first_day is not None and last_day is not None):
        raise click.UsageError(_("Give --from and --to with a file of wishes (the placement period they are "
                                 "for), and only then."))
    with write_lock(cli.db), cli.open() as desk:
        if first_day is not None and last_day is not None:
            result, _changes = desk.import_wishes(file, first_day=first_day, last_day=last_day,
                                                  mapping=mapping, encoding=encoding, year=year,
                                                  good_rows_only=good_rows_only, dry_run=dry_run)
        else:
            result, _changes = desk.import_file(file, kind, mapping=mapping, encoding=encoding, school=school,
                                                year=year, good_rows_only=good_rows_only, dry_run=dry_run)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if result.problems and not good_rows_only:
        sys.exit(1)
    summary = _("created: {created}, updated: {updated}, unchanged: {unchanged}, skipped: {skipped}").format(
        created=result.created, updated=result.updated, unchanged=result.unchanged, skipped=result.skipped)
    if dry_run:
        click.echo(_("Checked {file} (nothing was changed): {summary}.").format(file=file.name, summary=summary))
    else:
        click.echo(_("Imported {file}: {summary}.").format(file=file.name, summary=summary))
    labels = {spec.name: spec.label for spec in fields}
    for change in result.rows:
        if change.action == "updated":
            fields = ", ".join(labels.get(name, name) for name in change.fields)
            click.echo(_("row {row}: changed {fields}").format(row=change.row, fields=fields))


@click.command("export")
@click.argument("kind", type=click.Choice(["all", "pupils", "organisations", "contacts", "placements",
                                           "study-visits", "schools", "classes", "teachers", "encounters",
                                           "trainings", "meetings", "networks", "agreements", "contact-log",
                                           "projects", "offers", "wishes"]))
@click.option("--out", "out", type=OutputPath(), default=None,
              help="FILE.xlsx, FILE.csv (or FILE.vcf for contacts).")
@click.option("--card-folder", "card_folder", type=click.Path(path_type=Path), default=None,
              help="Contacts only: one vCard file per contact in this folder (made if missing).")
@click.option("--include-protected", is_flag=True, help="Include pupils with a protected identity.")
@pass_cli
def export_command(cli: CliContext, kind: str, out: Path | None, card_folder: Path | None,
                   include_protected: bool) -> None:
    """Export a kind of record, or the whole database (all) as one workbook."""
    if (out is None) == (card_folder is None):
        raise click.UsageError(_("Give either --out or --card-folder."))
    if card_folder is not None:
        if kind != "contacts":
            raise click.UsageError(_("Only contacts can be exported as one vCard file each (--card-folder)."))
        with cli.open() as desk:
            result = desk.export_contact_cards(card_folder)
        click.echo(ngettext("Wrote {n} card into {path}.", "Wrote {n} cards into {path}.", result.rows).format(
            path=card_folder, n=result.rows))
        return
    assert out is not None
    suffix = out.suffix.lower()
    if suffix == ".vcf" and kind != "contacts":
        raise UserError(_("Only contacts can be exported as vCard (.vcf)."))
    with cli.open() as desk:
        result = desk.export_records(kind, out, include_protected=include_protected)
    for warning in result.warnings:
        click.echo(warning, err=True)
    if suffix == ".vcf":  # a vCard file holds cards, not rows
        click.echo(ngettext("Wrote {path} ({n} contact).", "Wrote {path} ({n} contacts).", result.rows).format(
            path=out, n=result.rows))
        return
    click.echo(ngettext("Wrote {path} ({n} row).", "Wrote {path} ({n} rows).", result.rows).format(
        path=out, n=result.rows))


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    group.add_command(import_command)
    group.add_command(export_command)
