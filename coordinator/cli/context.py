"""What every command is handed: the database it names and the language it speaks."""

from __future__ import annotations

from dataclasses import dataclass

import click

from coordinator.store import Store, open_store


@dataclass
class CliContext:
    db: str | None
    lang: str

    def open(self, *, create: bool = False) -> Store:
        return open_store(self.db, create=create)


pass_cli = click.make_pass_decorator(CliContext)


def emit_json(data: object) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
