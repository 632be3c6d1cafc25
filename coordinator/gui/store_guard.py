"""Keeps the open database safe while the app holds it: the one-writer lock, and automatic backups.

The lock file beside the database says which process holds it, so a second app or a writing
command is refused at once. A backup is taken on close and, while the database changes, every
30 minutes (in the background, with SQLite's backup API; see coordinator.safety.backups).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer

from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.safety.backups import backup_due, create_backup, max_age_of, passphrase_of
from coordinator.safety.lock import DatabaseLock
from coordinator.store import Store

log = logging.getLogger(__name__)
BACKUP_INTERVAL = dt.timedelta(minutes=30)


class StoreGuard(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self._lock: DatabaseLock | None = None
        self._timer = QTimer(self, interval=60_000)
        self._timer.timeout.connect(self._periodic_backup)
        self._timer.start()

    def hold(self, store: Store) -> None:
        """Take the lock of `store`'s file (releasing the previous one); UserError names who holds it."""
        lock = DatabaseLock(store.path) if store.path is not None else None
        if lock is not None:
            lock.acquire()
        if self._lock is not None and (lock is None or self._lock.path != lock.path):
            self._lock.release()
        self._lock = lock

    def release(self, *, backup: bool = True) -> None:
        """Back up what changed since the last backup, then let go of the lock."""
        store = self.context.store
        if backup and store is not None and store.path is not None:
            try:
                if backup_due(store.path, interval=dt.timedelta(0)):
                    create_backup(store.path, "close", max_age_days=max_age_of(store),
                                  passphrase=passphrase_of(store))
            except UserError as exc:  # a full disk must not keep the app from closing
                log.warning("backup on close failed: %s", type(exc).__name__)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _periodic_backup(self) -> None:
        store = self.context.store
        if store is None or store.path is None or not backup_due(store.path, interval=BACKUP_INTERVAL):
            return
        from coordinator.gui.workers import run_task

        path, max_age, passphrase = store.path, max_age_of(store), passphrase_of(store)
        run_task(self.context, lambda _progress: create_backup(
            path, "auto", max_age_days=max_age, passphrase=passphrase), session=False)
