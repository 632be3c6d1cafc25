"""`coordinator import KIND FILE` and `coordinator export KIND --out FILE`: the files coordinators already have.

Import exits 0 when the rows were imported (with a summary), 1 with one stderr line per problem
(`row N, column C: reason`) and nothing imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coordinator.cli.context import CliContext, pass_cli
from coordinator.errors import UserError
from coordinator.i18n import _, ngettext
from coordinator.store import resolve_url, sqlite_path


def _parse_maps(values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        header, sep, field_name = value.rpartition("=")
        if not sep or not header.strip() or not field_name.strip():
            raise click.UsageError(_("Write a mapping as \"Header=field\", not “{value}”.").format(value=value))
        mapping[header.strip()] = field_name.strip()
    return mapping


def _import(cli: CliContext, kind: str, file: Path, *, school: str | None, year: str | None, dry_run: bool,
            mapping: dict[str, str], good_rows_only: bool, encoding: str | None):
    """Back up (unless a dry run), then analyse and apply the file in one transaction."""
    from coordinator.safety.backups import backup_before
    from coordinator.services.setup import profile_code
    from coordinator.transfer import analyse_file, apply_import

    store = cli.open()
    try:
        if not dry_run:
            backup_before(store, "import")
        with store.session() as session:
            plan = analyse_file(file, kind, profile=profile_code(session), mapping=mapping, encoding=encoding)
            return apply_import(session, plan, school=school, year=year, good_rows_only=good_rows_only,
                                dry_run=dry_run)
    finally:
        store.close()


@click.command("import")
@click.argument("kind", type=click.Choice(["pupils", "organisations", "contacts", "placements", "study-visits"]))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--school", help="The school of a class list; created if it does not exist.")
@click.option("--year", help="The school year, like 2026/27 (default: the current one).")
@click.option("--dry-run", is_flag=True, help="Check and report, change nothing.")
@click.option("--map", "maps", multiple=True, metavar="\"Header=field\"", help="Map a column to a field.")
@click.option("--good-rows-only", is_flag=True, help="Import the good rows even when others have problems.")
@click.option("--encoding", help="The file's encoding, when it cannot be told (e.g. cp1250).")
@pass_cli
def import_command(cli: CliContext, kind: str, file: Path, school: str | None, year: str | None, dry_run: bool,
                   maps: tuple[str, ...], good_rows_only: bool, encoding: str | None) -> None:
    """Import a CSV or XLSX file of pupils, organisations, contacts, placements or study visits."""
    from coordinator.cli.safety_commands import cli_write_lock
    from coordinator.transfer import FIELDS

    mapping = _parse_maps(maps)
    valid = {f.name for f in FIELDS[kind]}
    for name in mapping.values():
        if name not in valid:
            raise click.UsageError(_("“{field}” is not a field of {kind}; use one of: {fields}.").format(
                field=name, kind=kind, fields=", ".join(sorted(valid))))
    if not file.exists():
        raise UserError(_("There is no file {path}.").format(path=file))
    with cli_write_lock(cli):
        result = _import(cli, kind, file, school=school, year=year, dry_run=dry_run, mapping=mapping,
                         good_rows_only=good_rows_only, encoding=encoding)
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
    labels = {spec.name: spec.label for spec in FIELDS[kind]}
    for change in result.rows:
        if change.action == "updated":
            fields = ", ".join(labels.get(name, name) for name in change.fields)
            click.echo(_("row {row}: changed {fields}").format(row=change.row, fields=fields))


@click.command("export")
@click.argument("kind", type=click.Choice(["all", "pupils", "organisations", "contacts", "placements",
                                           "study-visits", "schools", "classes", "teachers", "encounters",
                                           "trainings", "meetings"]))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.xlsx, FILE.csv (or FILE.vcf for contacts).")
@click.option("--include-protected", is_flag=True, help="Include pupils with a protected identity.")
@pass_cli
def export_command(cli: CliContext, kind: str, out: Path, include_protected: bool) -> None:
    """Export a kind of record, or the whole database (all) as one workbook."""
    from coordinator.safety.own_files import refuse_own_file
    from coordinator.transfer import export_all, export_kind, export_vcard

    refuse_own_file(out, sqlite_path(resolve_url(cli.db)))
    suffix = out.suffix.lower()
    if suffix == ".vcf" and kind != "contacts":
        raise UserError(_("Only contacts can be exported as vCard (.vcf)."))
    store = cli.open()
    try:
        with store.session() as session:
            if kind == "all":
                result = export_all(session, out, include_protected=include_protected)
            elif suffix == ".vcf":
                result = export_vcard(session, out)
            else:
                result = export_kind(session, kind, out, include_protected=include_protected)
    finally:
        store.close()
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
