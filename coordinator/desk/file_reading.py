"""Reading a database file through sqlite3 alone, for a command that only reads and would otherwise wait on
the database layer's imports (SQLAlchemy and the models are about half a second before the first query).

Used only when it is sound: a file at this code's schema revision, exactly as this app last closed it
cleanly (`open_reader` gives None otherwise), whose read-only check (started beside the imports,
coordinator.safety.precheck) has passed before anything read is shown (`sound`). In any other case the
command opens the desk as before, which takes the check's verdict itself and checks fully, upgrades, or
refuses with its message. The reader opens the file read-only and reads in one transaction, so what it
reads is one consistent state; it writes nothing to the file, nor to the clean-close register.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from coordinator.desk import kept_figures


class FileReader:
    """One read transaction on a checked database file; close it (or use `with`) when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self._version: tuple[Any, ...] | None = None

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._connection.execute(sql, parameters).fetchall()

    def version(self) -> tuple[Any, ...]:
        """The data's version (coordinator.desk.kept_figures), read once in this transaction."""
        if self._version is None:
            self._version = kept_figures.data_version(self.rows)
        return self._version

    def kept(self, what: tuple[Any, ...]) -> tuple[bool, Any]:
        """(True, the figure) when the desk kept `what` for the data as it is now, else (False, None)."""
        return kept_figures.kept(kept_figures.figures_key(self.path, self.version(), what))

    def sound(self) -> bool:
        """Whether the file passed its read-only check (the verdict of the check started beside the imports,
        or one run now); what was read is shown only then."""
        from coordinator.safety.integrity import check_file
        from coordinator.safety.precheck import take_verdict

        verdict = take_verdict(self.path, full=False) or check_file(self.path, ours=True)
        return verdict.ok and verdict.kind != "empty"

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> FileReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def open_reader(db: str | Path | None) -> FileReader | None:
    """A reader of the file `db` names when one may be used (see the module's note), else None."""
    from coordinator.migrations import HEAD
    from coordinator.safety.precheck import database_file, needs_full_check

    path = database_file(db)
    if path is None or not path.is_file() or needs_full_check(path):
        return None
    from coordinator.safety.own_files import clean_leftovers_of

    clean_leftovers_of(path)  # as the desk does on opening: a killed export's or backup's private copy
    connection = None
    try:
        connection = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, timeout=5.0, isolation_level=None)
        connection.execute("BEGIN")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is not None and revision[0] == HEAD:
            reader, connection = FileReader(path, connection), None
            return reader
    except sqlite3.Error:
        pass
    finally:
        if connection is not None:
            connection.close()
    return None
