"""Option types that refuse a value out of bounds with one translated line naming the option (exit 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.validation import LARGEST_ID, NAME_LIMITS, check_file_name, check_output_name, check_output_path


def _option(param: click.Parameter | None) -> str:
    return "/".join(param.opts) if param is not None and param.opts else (param.name or "" if param else "")


class BoundedText(click.ParamType):
    """Text no longer than the field it names or looks up (`NAME_LIMITS`), without NUL characters."""

    name = "text"

    def __init__(self, field: str):
        self.limit = NAME_LIMITS[field]

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if len(text) > self.limit:
            raise UserError(_("{option}: the value is {length} characters long; at most {limit} fit.").format(
                option=_option(param), length=len(text), limit=self.limit))
        if "\x00" in text:
            raise UserError(_("{option}: the value holds a NUL character.").format(option=_option(param)))
        return text


class WholeNumber(click.ParamType):
    """A whole number from `low` to `high`; record ids by default (1 to SQLite's largest integer)."""

    name = "integer"

    def __init__(self, low: int = 1, high: int = LARGEST_ID):
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = int(str(value).strip(), 10)
            except ValueError:
                raise UserError(_("{option}: “{value}” is not a whole number.").format(
                    option=_option(param), value=str(value)[:40])) from None
        if not self.low <= number <= self.high:
            raise UserError(_("{option}: {value} is out of range; give a whole number from {low} to {high}.").format(
                option=_option(param), value=str(number)[:40], low=self.low, high=self.high))
        return number


class OutputPath(click.ParamType):
    """A file to be written: not a folder, with no NUL in its name, in a folder that exists (unless the
    command makes it). Nothing is opened here (click's own Path type calls stat(), which fails on a NUL
    with a traceback)."""

    name = "file"

    def __init__(self, *, new_folder_ok: bool = False):
        self.new_folder_ok = new_folder_ok

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(str(value)).expanduser()
        if self.new_folder_ok:
            check_output_name(path)
        else:
            check_output_path(path)
        return path


class InputPath(click.ParamType):
    """A file to be read, as a path: whether it is an ordinary file is found out by reading it, later."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(str(value)).expanduser()
        check_file_name(path)
        return path
