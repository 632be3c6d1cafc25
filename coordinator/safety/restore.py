"""Restoring a backup: the current file is kept (backed up, or set aside as `*.damaged-<time>`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.atomic import fsync_directory
from coordinator.safety.backups import check_with_passphrase as _check
from coordinator.safety.backups import copy_database, create_backup


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    damaged_copy: Path | None  # the damaged file, kept beside the database
    previous_backup: Path | None  # a backup of the sound file that was replaced
    erasures_reapplied: int


def _sidecars(db: Path) -> dict[str, Path]:
    return {suffix: db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")}


def _set_aside_damaged(db: Path, moment: dt.datetime) -> Path:
    damaged = db.with_name(f"{db.name}.damaged-{moment.strftime('%Y%m%d-%H%M%S')}")
    os.replace(db, damaged)
    for suffix, sidecar in _sidecars(db).items():
        if sidecar.exists():
            if suffix == "-shm" or sidecar.stat().st_size == 0:
                with contextlib.suppress(OSError):
                    sidecar.unlink()
            else:
                os.replace(sidecar, damaged.with_name(damaged.name + suffix))
    return damaged


def _checkpoint_away(db: Path, passphrase: str | None) -> None:
    """Fold a sound database's WAL into the file so that replacing the file loses nothing unsaved."""
    if passphrase is not None:
        from coordinator.safety.encryption import connect_encrypted

        conn = connect_encrypted(db, passphrase)
    else:
        conn = sqlite3.connect(db, timeout=10.0, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def restore_backup(db_path: str | Path, backup: str | Path, *, now: dt.datetime | None = None,
                   passphrase: str | None = None) -> RestoreResult:
    """Put a verified backup in place of the database; the caller holds the database lock.

    For an encrypted database give its `passphrase`; the backup must use the same one.
    """
    db = Path(db_path)
    source = Path(backup).expanduser().resolve()
    checked = _check(source, passphrase)
    if not checked.ok or checked.kind == "empty":
        raise UserError(_("{name} cannot be restored: {problem}").format(
            name=source.name, problem=checked.message(source.name)))
    moment = now or dt.datetime.now()
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".restore.tmp", dir=db.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    damaged: Path | None = None
    previous: Path | None = None
    try:
        copy_database(source, tmp, passphrase)
        if not _check(tmp, passphrase).ok:
            raise UserError(_("The copy of {name} failed its check; nothing was changed.").format(name=source.name))
        if db.exists():
            current = _check(db, passphrase)
            if current.ok and current.kind != "empty":
                previous = create_backup(db, "before-restore", now=moment, passphrase=passphrase)
                _checkpoint_away(db, passphrase)
            else:
                damaged = _set_aside_damaged(db, moment)
        for sidecar in _sidecars(db).values():
            if sidecar.exists():
                sidecar.unlink()
        os.replace(tmp, db)
        fsync_directory(db.parent)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise UserError(_("The backup could not be restored: {reason}. The database was left as it was.")
                        .format(reason=str(exc) or type(exc).__name__)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    from coordinator.safety.erasure import reapply_erasures
    from coordinator.store import open_store

    if passphrase is not None:
        from coordinator.safety.encryption import encrypted_url

        store = open_store(encrypted_url(str(db), passphrase))
    else:
        store = open_store(db)
    try:
        reapplied = reapply_erasures(store)
    finally:
        store.close()
    return RestoreResult(restored_from=source, damaged_copy=damaged, previous_backup=previous,
                         erasures_reapplied=reapplied)
