"""The app's own files beside a database (the file, its journals, lock, backups, register), never written over.

A file named as an output (`--out`, a save dialog) is compared with them by resolved path and by
device and inode, so neither a symbolic nor a hard link gets around the check. Only `stat()` is
used: no descriptor of the live database is ever opened here.
"""

from __future__ import annotations

import os
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.tempfiles import is_temp_name

_SIDECARS = ("-wal", "-shm", "-journal", ".lock", ".erasures.json")


def backup_dir(db_path: str | Path) -> Path:
    """The folder that holds a database's backups, beside it."""
    db = Path(db_path)
    return db.parent / f"{db.stem}-backups"


def own_files(db: Path) -> list[Path]:
    """The database file and every file the app keeps beside it (whether present or not)."""
    return [db, *(db.with_name(db.name + suffix) for suffix in _SIDECARS), backup_dir(db)]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def is_own_file(target: str | Path, db: Path) -> bool:
    """True when writing `target` would write over the database at `db` or one of its own files."""
    path = Path(target).expanduser()
    resolved = path.resolve()
    db = db.expanduser().resolve()
    owned = own_files(db)
    backups = owned[-1]
    if resolved in owned or backups in resolved.parents:
        return True
    if resolved.parent == db.parent and is_temp_name(resolved.name):
        return True
    identity = _identity(path)
    if identity is None:
        return False
    if any(_identity(own) == identity for own in owned[:-1]):
        return True
    return backups.is_dir() and any(_identity(entry) == identity for entry in backups.iterdir())


def refuse_own_file(target: str | Path, db: Path | None) -> None:
    """Raise a UserError (exit 1 on the command line) if `target` is one of the app's own files."""
    if db is not None and is_own_file(target, db):
        raise UserError(_("{name} is one of the app's own files (the database, its journal, lock, backups or "
                          "erasure register) and was not written over. Choose another file name.").format(
            name=Path(target).name))


def clean_leftovers_of(database: Path) -> None:
    """Remove what killed processes left behind beside a database file and among its backups (every
    command that opens the file does this first)."""
    from coordinator.safety.tempfiles import clean_leftovers

    clean_leftovers([database.parent, backup_dir(database)])
