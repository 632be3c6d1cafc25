"""Entry point: `coordinator [--db PATH|URL] [--lang en|sv|pl|ru] COMMAND`; no command opens the GUI.

Exit codes: 0 success; 1 a refused input or state (one translated line on stderr, no traceback);
2 wrong usage.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from coordinator import __version__
from coordinator.cli import click_i18n
from coordinator.cli.context import CliContext
from coordinator.errors import UserError
from coordinator.i18n import LANGUAGES, _, set_language

# Each module adds its commands to the group through `register(group)`.
COMMAND_MODULES = (
    "coordinator.cli.basic",
    "coordinator.cli.stats_commands",
    "coordinator.cli.report_commands",
    "coordinator.cli.transfer_commands",
    "coordinator.cli.safety_commands",
    "coordinator.cli.matching_commands",
    "coordinator.cli.gui_commands",
    "coordinator.cli.warnings_commands",
)

log = logging.getLogger("coordinator")
click_i18n.install()


@click.group(cls=click_i18n.LocalisedGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="PATH|URL", help="Database file or SQLAlchemy URL.")
@click.option("--lang", "lang", type=click.Choice(LANGUAGES), help="Language of messages and documents.")
@click.version_option(__version__, prog_name="coordinator")
@click.pass_context
def cli(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """The coordinator's desk: schools and working life, planned and measured."""
    language = set_language(lang) if lang else set_language(_language_from_settings())
    ctx.obj = CliContext(db=db, lang=language)
    if ctx.invoked_subcommand is None:
        gui = cli.get_command(ctx, "gui")
        if gui is None:
            raise UserError(_("The desktop app is not available in this installation."))
        ctx.invoke(gui)


def _language_from_settings() -> str | None:
    import os

    for var in ("COORDINATOR_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in {"C", "POSIX", "C.UTF-8"}:
            return value.split(":")[0]
    return None


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(cli)


def main(argv: list[str] | None = None) -> None:
    """Run the command line with the exit-code contract; never lets a traceback reach a person."""
    # Known before click parses anything, so that --help and usage errors speak it too.
    set_language(click_i18n.language_in(argv) or _language_from_settings())
    try:
        code = cli.main(args=argv, prog_name="coordinator", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo(_("Cancelled."), err=True)
        sys.exit(1)
    except click.UsageError as exc:
        exc.show()
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UserError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(_("Cancelled."), err=True)
        sys.exit(1)
    except Exception as exc:  # the last line of defence: a person sees one line, the log the rest
        log.exception("unexpected error")
        click.echo(_("Something went wrong: {error}. Nothing was changed.").format(error=type(exc).__name__),
                   err=True)
        sys.exit(1)
    # In non-standalone mode click returns a command's ctx.exit(code) instead of raising it.
    sys.exit(code if isinstance(code, int) else 0)
