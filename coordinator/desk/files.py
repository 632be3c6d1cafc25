"""Operations on a database file as a whole, made before (or instead of) opening a desk on it.

Creating a database, the one-writer lock, the integrity check, backups and restore work on the
file: they take the `--db` value (a path, a URL, or None for the default file).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.lock import database_lock
from coordinator.store import open_store, resolve_url, sqlite_path

Db = str | Path | None


@dataclass(frozen=True)
class CheckReport:
    """The outcome of `check_database`: `ok` with a line to show, or a translated refusal."""

    ok: bool
    message: str


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    damaged_copy: Path | None
    previous_backup: Path | None
    erasures_reapplied: int


@dataclass(frozen=True)
class DemoReport:
    pupils: int
    organisations: int
    previous_backup: Path | None = None  # the replaced database, backed up
    damaged_copy: Path | None = None  # the replaced file, kept aside because it failed its check


def database_path(db: Db) -> Path | None:
    """The file behind a `--db` value, None for a server database."""
    return sqlite_path(resolve_url(db))


@contextlib.contextmanager
def write_lock(db: Db) -> Iterator[None]:
    """Hold the one-writer lock for a block that writes; UserError naming the holder if taken."""
    with database_lock(database_path(db)):
        yield


def create_database(db: Db, *, profile_code: str, municipality: str | None = None) -> None:
    """Make an empty database for a country profile (reference data, school years, settings)."""
    from coordinator.services.setup import initialise

    store = open_store(db, create=True)
    try:
        with store.session() as session:
            initialise(session, profile_code=profile_code, municipality=municipality)
    finally:
        store.close()


def create_demo(db: Db, *, profile_code: str, size: str, seed: int, replace: bool = False) -> DemoReport:
    """Make a demo database; an existing file is refused unless `replace`.

    A file is built beside the old one, verified, the old one backed up (or kept aside if damaged),
    and only then renamed into place: a kill at any moment leaves the old database or the whole demo.
    The caller holds the write lock.
    """
    from coordinator.demo import build_demo
    from coordinator.safety.replace import replace_database

    path = database_path(db)
    if path is not None and path.exists() and not replace:
        raise UserError(_("{path} already exists; add --force to replace it.").format(path=path))
    summaries = []

    def build(target: Db) -> None:
        store = open_store(target, create=True)
        try:
            summaries.append(build_demo(store, profile_code=profile_code, size=size, seed=seed))
        finally:
            store.close()

    if path is None:  # a server database is filled in place
        build(db)
        return DemoReport(pupils=summaries[0].pupils, organisations=summaries[0].organisations)
    replaced = replace_database(path, build, reason="demo")
    return DemoReport(pupils=summaries[0].pupils, organisations=summaries[0].organisations,
                      previous_backup=replaced.previous_backup, damaged_copy=replaced.damaged_copy)


def check_database(db: Db) -> CheckReport:
    """The full integrity and foreign-key check; a failure names the newest good backup to restore."""
    from coordinator.safety.backups import newest_good_backup
    from coordinator.safety.integrity import check_file

    path = database_path(db)
    if path is None:
        open_store(db).close()
        return CheckReport(True, _("The database opened and its schema is current."))
    result = check_file(path, full=True, foreign_keys=True, ours=True)
    if result.ok and result.kind != "empty":
        return CheckReport(True, _("{name} passed the integrity and foreign-key checks.").format(name=path.name))
    message = result.message(path.name) if result.kind != "empty" else _(
        "{name} is not a database of this app.").format(name=path.name)
    backup = newest_good_backup(path) if result.kind != "missing" else None
    if backup is not None:
        message += " " + _("Restore the newest good backup with “coordinator --db {path} restore {backup}”.") \
            .format(path=path, backup=backup.path)
    return CheckReport(False, message)


def _file_of(db: Db) -> Path:
    path = database_path(db)
    if path is None:
        raise UserError(_("Backups are made of database files; back up a server database with its own tools."))
    return path


def backup_database(db: Db, *, out: str | Path | None = None) -> Path:
    """A verified backup into the database's backups folder (or to `out`); returns the file written."""
    from coordinator.safety.backups import create_backup, max_age_of

    if database_path(db) is None:  # a server database: PostgreSQL's own pg_dump, where installed
        from coordinator.team.server_backup import dump

        return dump(resolve_url(db), Path(out) if out is not None else None)
    path = _file_of(db)
    if not path.exists():
        raise UserError(_("There is no database at {path}.").format(path=path))
    store = open_store(db)  # checks the file and reads the backup settings
    try:
        max_age = max_age_of(store)
    finally:
        store.close()
    return create_backup(path, "manual", out=out, max_age_days=max_age)


def restore_database(db: Db, backup: str | Path) -> RestoreReport:
    """Replace the database by a backup (under the write lock); the current file is kept aside."""
    from coordinator.safety.restore import restore_backup
    from coordinator.validation import check_database_path

    check_database_path(Path(backup))  # a pipe would be waited on for ever
    path = _file_of(db)
    with write_lock(db):
        result = restore_backup(path, backup)
    return RestoreReport(result.restored_from, result.damaged_copy, result.previous_backup,
                         result.erasures_reapplied)


def start_logging() -> None:
    """The log file for unexpected errors (opened only when something is logged)."""
    from coordinator.safety.logs import ensure_logging

    ensure_logging()
