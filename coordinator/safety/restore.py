"""Restoring a backup: built beside the database, erasures re-applied, the current file kept.

The backup is copied to a temporary file next to the database, upgraded, and every erasure known
to the live database or to any backup is applied to it; only then does it replace the database
(`replace.replace_database`: the current file is backed up, or set aside as `*.damaged-<time>`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.backups import check_with_passphrase as _check
from coordinator.safety.backups import copy_database, list_backups
from coordinator.safety.replace import is_ours, is_ours_or_older, replace_database


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    damaged_copy: Path | None  # the damaged file, kept beside the database
    previous_backup: Path | None  # a backup of the sound file that was replaced
    erasures_reapplied: int


def _open(path: Path, passphrase: str | None, *, backup: bool = False):  # type: ignore[no-untyped-def]
    from coordinator.store import open_store

    def no_backup(_store: object) -> None:
        return None  # the file is a fresh copy of a backup: nothing to lose by upgrading it

    before = None if backup else no_backup
    if passphrase is not None:
        from coordinator.safety.encryption import encrypted_url

        return open_store(encrypted_url(str(path), passphrase), before_migration=before)
    return open_store(path, before_migration=before)


def _upgrade_live(db: Path, passphrase: str | None) -> None:
    """Upgrade a sound live file of an earlier version first, so the register it kept beside it is read."""
    if not db.exists() or is_ours(db, passphrase) or not is_ours_or_older(db, passphrase):
        return
    try:
        _open(db, passphrase, backup=True).close()
    except UserError:
        return  # a damaged file is set aside by the replacement


def _erase_again(copy: Path, db: Path, source: Path, passphrase: str | None) -> int:
    """Give the copy every erasure known to the live database and its backups, and carry them out."""
    from coordinator.safety.erasure import reapply_erasures
    from coordinator.safety.erasure_register import add_to_register, known_entries

    entries = known_entries([db, *(b.path for b in list_backups(db)), source], passphrase)
    store = _open(copy, passphrase)
    try:
        with store.session() as session:
            add_to_register(session, entries)
        return reapply_erasures(store)
    finally:
        store.close()


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
    _upgrade_live(db, passphrase)
    reapplied = 0

    def build(copy: Path) -> None:
        nonlocal reapplied
        copy_database(source, copy, passphrase)
        if not _check(copy, passphrase).ok:
            raise UserError(_("The copy of {name} failed its check; nothing was changed.").format(name=source.name))
        reapplied = _erase_again(copy, db, source, passphrase)

    replaced = replace_database(db, build, reason="restore", now=now, passphrase=passphrase)
    return RestoreResult(restored_from=source, damaged_copy=replaced.damaged_copy,
                         previous_backup=replaced.previous_backup, erasures_reapplied=reapplied)
