"""Commands of this part of the app (filled in by its own work)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to the `coordinator` group."""
