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
    "coordinator.cli.outcome_commands",
    "coordinator.cli.report_commands",
    "coordinator.cli.transfer_commands",
    "coordinator.cli.safety_commands",
    "coordinator.cli.matching_commands",
    "coordinator.cli.project_commands",
    "coordinator.cli.gui_commands",
    "coordinator.cli.warnings_commands",
    "coordinator.cli.team_commands",
)
# Where each command lives, so that a run imports only its own modules (and what they use): a group's
# subcommands may come from several modules. A command missing here is still found: an unknown name
# loads every module.
COMMAND_HOMES: dict[str, str | tuple[str, ...]] = {
    **dict.fromkeys(("init", "demo", "info"), "coordinator.cli.basic"),
    "stats": ("coordinator.cli.stats_commands", "coordinator.cli.outcome_commands"),
    "report": "coordinator.cli.report_commands",
    **dict.fromkeys(("import", "export"), "coordinator.cli.transfer_commands"),
    **dict.fromkeys(("check", "backup", "restore", "erase-person", "export-person", "rollover", "retention"),
                    "coordinator.cli.safety_commands"),
    "match": "coordinator.cli.matching_commands",
    **dict.fromkeys(("gui", "screenshots"), "coordinator.cli.gui_commands"),
}
# Commands that open an existing database as it is; its check starts beside their imports (see precheck).
READING_COMMANDS = frozenset({"info", "stats", "report", "export", "import", "match", "backup", "erase-person",
                              "export-person", "rollover", "retention"})


class LazyGroup(click_i18n.LocalisedGroup):
    """The root group, importing a command's module only when that command is asked for."""

    loaded: set[str] = set()

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_all()
        return super().list_commands(ctx)

    def get_help(self, ctx: click.Context) -> str:
        self._load_all()  # before the help's translated copy of the group is made
        return super().get_help(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            home = COMMAND_HOMES.get(cmd_name)
            if home:
                for module in (home,) if isinstance(home, str) else home:
                    self._load(module)
            else:
                self._load_all()
        return super().get_command(ctx, cmd_name)

    def _load_all(self) -> None:
        for module in COMMAND_MODULES:
            self._load(module)

    def _load(self, module: str) -> None:
        if module not in LazyGroup.loaded:
            LazyGroup.loaded.add(module)
            importlib.import_module(module).register(cli)


log = logging.getLogger("coordinator")
click_i18n.install()


@click.group(cls=LazyGroup, invoke_without_command=True,
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


def main(argv: list[str] | None = None) -> None:
    """Run the command line with the exit-code contract; never lets a traceback reach a person."""
    # Known before click parses anything, so that --help and usage errors speak it too.
    set_language(click_i18n.language_in(argv) or _language_from_settings())
    _start_file_check(sys.argv[1:] if argv is None else argv)
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


def _start_file_check(argv: list[str]) -> None:
    """Check the database a reading command names in a thread while its modules are imported; opening it
    then takes the verdict (coordinator.desk.opening), so the check costs no time of its own."""
    db: str | None = None
    words = iter(argv)
    for word in words:
        if word == "--db":
            db = next(words, None)
        elif word.startswith("--db="):
            db = word.split("=", 1)[1]
        elif word == "--lang":
            next(words, None)
        elif not word.startswith("-"):
            if word in READING_COMMANDS:
                from coordinator.desk.opening import check_beside

                check_beside(db)
            return
