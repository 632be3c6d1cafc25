"""The desktop app's database as a file: opening or creating it, holding its lock, backing it up, restoring.

Opening gives a `Desk`. While the app has a database open it holds the one-writer lock (a second
app, or a writing command, is refused naming the holder) and backs the file up now and then and
on close. Restoring replaces the file by a backup while the app keeps the lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Self

from coordinator.desk.core import DeskCore
from coordinator.i18n import _
from coordinator.store import default_database_path, open_store

if TYPE_CHECKING:
    from coordinator.safety.lock import DatabaseLock

__all__ = ["GuiDatabase", "WriterLock", "default_database_path", "restore_database_file"]


class WriterLock:
    """The one-writer lock of a database file, held while the app has it open (no lock for a server)."""

    def __init__(self) -> None:
        self._lock: DatabaseLock | None = None

    def hold(self, path: Path | None) -> None:
        """Take the lock of `path` (releasing the one held before); UserError names who holds it."""
        from coordinator.safety.lock import DatabaseLock

        lock = DatabaseLock(path) if path is not None else None
        if lock is not None:
            lock.acquire()
        if self._lock is not None and (lock is None or self._lock.path != lock.path):
            self._lock.release()
        self._lock = lock

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def restore_database_file(path: Path, backup: Path) -> int:
    """Put a backup in place of the (closed) database file; the app keeps holding its lock meanwhile.

    Returns how many erasures known to the database or its backups were applied again to it.
    """
    from coordinator.safety.restore import restore_backup

    return restore_backup(path, backup).erasures_reapplied


class GuiDatabase(DeskCore):
    """Where the open database is, and its backups on close and every half hour (desk/safety_ops: by hand)."""

    @classmethod
    def build(cls, path: Path, *, profile_code: str, demo: bool, report: Callable[[str], None]) -> Self:
        """Create a database at `path`: the demo municipality of a country, or an empty one; a desk on it.

        A failure (or a cancel raised by `report`) removes the half-made file.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        desk = cls(open_store(path, create=True))
        try:
            if demo:
                from coordinator.demo import build_demo

                report(_("Building the demo municipality…"))
                build_demo(desk.store, profile_code=profile_code, size="municipality", seed=1)
            else:
                from coordinator.services.setup import initialise

                desk._read(lambda session: initialise(session, profile_code=profile_code))
        except BaseException:
            desk.close()
            path.unlink(missing_ok=True)
            raise
        return desk

    @property
    def location(self) -> str:
        """The file, or the server's address, as a person reads it."""
        return str(self.store.path or self.store.url)

    def backup_due(self, interval: dt.timedelta) -> bool:
        """Whether the file changed since its newest backup, which is older than `interval`."""
        from coordinator.safety.backups import backup_due

        return self.store.path is not None and backup_due(self.store.path, interval=interval)

    def back_up_for(self, reason: str) -> Path | None:
        """A checked backup of the file now, named for `reason` ("close", "auto"), kept as the settings say."""
        from coordinator.safety.backups import create_backup, max_age_of, passphrase_of

        if self.store.path is None:
            return None
        return create_backup(self.store.path, reason, max_age_days=max_age_of(self.store),
                             passphrase=passphrase_of(self.store))
