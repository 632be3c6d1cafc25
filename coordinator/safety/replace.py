"""Replacing a whole database file (restore, `demo --force`): the new one is built beside the old.

The new file is written to a private temporary file in the same folder, checked in full and
proved to be a database of this app at this version; only then is the old file backed up (or,
if it is damaged or foreign, set aside as `*.damaged-<time>`), and the new one renamed over it.
A kill at any moment therefore leaves the old database whole or the new one whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.atomic import fsync_directory
from coordinator.safety.tempfiles import discard, make_temp_beside


@dataclass(frozen=True)
class Replaced:
    damaged_copy: Path | None  # the old file, kept beside the database when it failed its check
    previous_backup: Path | None  # a verified backup of the sound file that was replaced


def _connect(path: Path, passphrase: str | None) -> sqlite3.Connection:
    if passphrase is not None:
        from coordinator.safety.encryption import connect_encrypted

        return connect_encrypted(path, passphrase)
    return sqlite3.connect(path, timeout=10.0, isolation_level=None)


def settle(path: Path, passphrase: str | None) -> None:
    """Fold a file's WAL into it and leave it in rollback mode, so the file alone is the whole database."""
    conn = _connect(path, passphrase)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _check(path: Path, passphrase: str | None):  # type: ignore[no-untyped-def]
    if passphrase is None:
        from coordinator.safety.integrity import check_file

        return check_file(path, full=True, foreign_keys=True)
    from coordinator.safety.encryption import check_encrypted

    return check_encrypted(path, passphrase)


def _revision(path: Path, passphrase: str | None) -> str | None:
    try:
        conn = _connect(path, passphrase)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except Exception:  # noqa: BLE001  (SQLCipher has its own error classes): no revision can be read
        return None
    return str(row[0]) if row else None


def is_ours(path: Path, passphrase: str | None) -> bool:
    """True when the file is a database of this app at the schema this code writes."""
    from coordinator.store import head_revision

    return _revision(path, passphrase) == head_revision()


def verify_new(path: Path, passphrase: str | None, name: str) -> None:
    """Raise a UserError unless the new file passes the full check and is ours."""
    result = _check(path, passphrase)
    if not result.ok or result.kind == "empty" or not is_ours(path, passphrase):
        raise UserError(_("The new file for {name} failed its check and was discarded; nothing was changed.")
                        .format(name=name))


def _sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def set_aside_damaged(db: Path, moment: dt.datetime) -> Path:
    damaged = db.with_name(f"{db.name}.damaged-{moment.strftime('%Y%m%d-%H%M%S')}")
    os.replace(db, damaged)
    for sidecar in _sidecars(db):
        if sidecar.exists():
            if sidecar.name.endswith("-shm") or sidecar.stat().st_size == 0:
                with contextlib.suppress(OSError):
                    sidecar.unlink()
            else:
                os.replace(sidecar, damaged.with_name(damaged.name + sidecar.name[len(db.name):]))
    return damaged


def _keep_old(db: Path, reason: str, moment: dt.datetime, passphrase: str | None) -> Replaced:
    """Back up a sound old file (and fold its WAL in), or set a damaged or foreign one aside."""
    from coordinator.safety.backups import check_with_passphrase, create_backup

    if not db.exists():
        return Replaced(None, None)
    current = check_with_passphrase(db, passphrase)  # the quick check: a sound file is backed up, not judged
    if current.ok and current.kind == "empty":
        return Replaced(None, None)  # an empty database holds nothing to keep
    if current.ok and current.kind == "ok" and is_ours_or_older(db, passphrase):
        backup = create_backup(db, f"before-{reason}", now=moment, passphrase=passphrase)
        settle(db, passphrase)
        return Replaced(None, backup)
    return Replaced(set_aside_damaged(db, moment), None)


def is_ours_or_older(path: Path, passphrase: str | None) -> bool:
    """True for a database of this app at this schema or an earlier one."""
    from coordinator.store import known_revisions

    return _revision(path, passphrase) in known_revisions()


def replace_database(db: Path, build: Callable[[Path], None], *, reason: str, now: dt.datetime | None = None,
                     passphrase: str | None = None) -> Replaced:
    """Build a new database with `build(temporary_path)`, verify it, keep the old one, rename it into place.

    The caller holds the database lock. On any failure the temporary file is removed and the old
    database is left as it was.
    """
    moment = now or dt.datetime.now()
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = make_temp_beside(db)
    try:
        build(tmp)
        settle(tmp, passphrase)
        verify_new(tmp, passphrase, db.name)
        with contextlib.suppress(OSError):  # the new file keeps the old one's permissions (0600 if none)
            os.chmod(tmp, db.stat().st_mode & 0o777)
        kept = _keep_old(db, reason, moment, passphrase)
        for sidecar in _sidecars(db):  # the old file was settled or set aside: these hold nothing of it
            sidecar.unlink(missing_ok=True)
        os.replace(tmp, db)
        fsync_directory(db.parent)
    except (OSError, sqlite3.Error) as exc:
        discard(tmp)
        raise UserError(_("{name} could not be replaced: {reason}. The database was left as it was.")
                        .format(name=db.name, reason=str(exc) or type(exc).__name__)) from exc
    except BaseException:
        discard(tmp)
        raise
    return kept
