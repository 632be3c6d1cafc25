"""What every command is handed: the database it names and the language it speaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from coordinator.desk import Desk


@dataclass
class CliContext:
    db: str | None
    lang: str

    def open(self, *, create: bool = False) -> Desk:
        """The desk on the database `--db` names; close it when done."""
        from coordinator.desk import Desk

        return Desk.open(self.db, create=create)


pass_cli = click.make_pass_decorator(CliContext)


def emit_json(data: object) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
