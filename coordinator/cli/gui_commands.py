"""The desktop app from the command line: `gui` (also run when no command is given) and `screenshots`."""

from __future__ import annotations

from pathlib import Path

import click

from coordinator.cli.context import CliContext, pass_cli
from coordinator.i18n import _, ngettext


@click.command("gui")
@click.argument("database", required=False, metavar="[FILE]")
@pass_cli
def gui_command(cli: CliContext, database: str | None) -> None:
    """Open the desktop app (on FILE if given: what a file manager or the desktop entry passes)."""
    try:
        from coordinator.gui.app import run_gui
    except ImportError as exc:  # PySide6 missing or without a display library
        from coordinator.errors import UserError

        raise UserError(_("The desktop app cannot start: {error}.").format(error=exc)) from exc
    code = run_gui(database or cli.db, cli.lang)
    if code:
        raise click.exceptions.Exit(code)


@click.command("screenshots")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the PNG files.")
@pass_cli
def screenshots_command(cli: CliContext, out: Path) -> None:
    """Render every workspace, the search popup and a detail form to PNG files (offscreen)."""
    from coordinator.gui.app import ensure_offscreen

    ensure_offscreen()
    from coordinator.gui.screenshots import render_all

    with cli.open() as desk:
        written = render_all(desk.store, out, cli.lang)  # the GUI side moves its pictures onto the desk
    click.echo(ngettext("Wrote {n} picture to {folder}.", "Wrote {n} pictures to {folder}.", len(written))
               .format(n=len(written), folder=out))


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
    group.add_command(gui_command)
    group.add_command(screenshots_command)
