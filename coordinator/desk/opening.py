"""The read-only check of a database file, started before the desk is imported and the window built.

Light to import (no database layer): the command line and the app call `check_beside` first thing, and
`Desk.open` later takes the verdict, so a damaged file is still refused before anything writes to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coordinator.desk.desk import Desk


def check_beside(db: str | Path | None) -> None:
    """Start checking the file `db` names in a thread (nothing for a server URL or a missing file)."""
    from coordinator.safety.precheck import start_check

    start_check(db)


def load_database_layer() -> type[Desk]:
    """Import the database layer and configure its mappings, touching no file: the part of opening that
    can run while the file is still being checked (the first query would configure the mappings else)."""
    from sqlalchemy.orm import configure_mappers

    from coordinator.desk.desk import Desk

    configure_mappers()
    return Desk


def default_database() -> Path:
    """Where the database lives when none is named (the user's data folder)."""
    from coordinator.safety.locations import default_database_path

    return default_database_path()
