"""The command line in the chosen language: click's own texts and our commands' help from the catalogs.

Click marks its own messages ("Usage:", "Show this message and exit.", "Missing argument", …) with
the standard library's `gettext`, bound into each of its modules at import. `install()` points
those names at `coordinator.i18n`, so click's words come from the same catalogs as ours (their
translations live in `i18n/<lang>/click.po`). Help texts of commands and options are plain English
in the decorators (the source language, as with `_()`); `LocalisedGroup` hands out, per call,
copies of its commands whose help, metavars and subcommands are translated in the language in force.
"""

from __future__ import annotations

import copy
import inspect
import sys

import click

from coordinator.i18n import _, ngettext, pgettext

# Every click module that binds `_` or `ngettext` from gettext at import time.
_CLICK_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting",
                  "click.parser", "click.types", "click.termui", "click.utils", "click._termui_impl",
                  "click.shell_completion")


def install() -> None:
    """Route click's own messages through the app's catalogs (idempotent)."""
    import importlib

    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # e.g. a Windows-only module on Linux
            continue
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def language_in(argv: list[str] | None) -> str | None:
    """The value of `--lang` in a command line, read before click parses it (usage errors need it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
    return None


def _text(text: str | None) -> str | None:
    """A help text in the language in force; the msgid is the text as click shows it (cleaned)."""
    if not text:
        return text
    shown = inspect.cleandoc(text).partition("\f")[0]
    return _(shown)


def _metavar(param: click.Parameter, ctx: click.Context) -> str | None:
    """Type names (TEXT, INTEGER, PATH…) and argument names (KIND, FILE) shown in the usage line."""
    if param.metavar is not None:
        return pgettext("metavar", param.metavar)
    if param.type.get_metavar(param=param, ctx=ctx) is not None:
        return None  # a choice list shows its values, which are typed as they are
    word = param.name.upper() if isinstance(param, click.Argument) and param.name else param.type.name.upper()
    metavar = pgettext("metavar", word)
    return metavar + "..." if param.nargs != 1 else metavar


def _localised_param(param: click.Parameter, ctx: click.Context) -> click.Parameter:
    shown = copy.copy(param)
    if isinstance(shown, click.Option):
        shown.help = _text(shown.help)
    if not (isinstance(shown, click.Option) and shown.is_flag):
        shown.metavar = _metavar(param, ctx)
    return shown


def localised(command: click.Command, ctx: click.Context) -> click.Command:
    """A copy of `command` (and its subcommands) speaking the language in force."""
    shown = copy.copy(command)
    shown.help = _text(command.help)
    shown.short_help = _text(command.short_help)
    shown.epilog = _text(command.epilog)
    shown.options_metavar = pgettext("metavar", command.options_metavar) if command.options_metavar else None
    shown.params = [_localised_param(p, ctx) for p in command.params]
    if isinstance(command, click.Group):
        assert isinstance(shown, click.Group)
        shown.subcommand_metavar = pgettext("metavar", command.subcommand_metavar or "")
        shown.commands = {name: localised(sub, ctx) for name, sub in command.commands.items()}
    if "_help_option" in shown.__dict__:
        shown.__dict__["_help_option"] = None  # click caches it with its help text in one language
    shown.__dict__["_localised"] = True
    return shown


class LocalisedGroup(click.Group):
    """The root group: its help and every subcommand it resolves are shown in the language in force."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None or self.__dict__.get("_localised"):
            return command
        return localised(command, ctx)

    def get_help(self, ctx: click.Context) -> str:
        if self.__dict__.get("_localised"):
            return super().get_help(ctx)
        return localised(self, ctx).get_help(ctx)

    def get_usage(self, ctx: click.Context) -> str:
        if self.__dict__.get("_localised"):
            return super().get_usage(ctx)
        return localised(self, ctx).get_usage(ctx)
