"""Keeps the open database safe while the app holds it: the one-writer lock, and automatic backups.

The lock file beside the database says which process holds it, so a second app or a writing
command is refused at once. A backup is taken on close and, while the database changes, every
30 minutes (in the background, with SQLite's backup API, through the desk).
"""

from __future__ import annotations

import datetime as dt
import logging

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from coordinator.errors import UserError
from coordinator.gui.context import AppContext

if TYPE_CHECKING:
    from coordinator.desk import Desk
    from coordinator.desk.gui_database import WriterLock

log = logging.getLogger(__name__)
BACKUP_INTERVAL = dt.timedelta(minutes=30)


class StoreGuard(QObject):
    """Holds the open database's lock and backs it up (every half hour while it changes, and on close)."""

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self._lock: WriterLock | None = None  # made with the first database held (its module is not light)
        self._timer = QTimer(self, interval=60_000)
        self._timer.timeout.connect(self._periodic_backup)
        self._timer.start()

    def hold(self, desk: Desk) -> None:
        """Take the lock of `desk`'s file (releasing the previous one); UserError names who holds it."""
        if self._lock is None:
            from coordinator.desk.gui_database import WriterLock

            self._lock = WriterLock()
        self._lock.hold(desk.path)

    def release(self, *, backup: bool = True) -> None:
        """Back up what changed since the last backup, then let go of the lock."""
        desk = self.context.desk
        if backup and desk is not None:
            try:
                if desk.backup_due(dt.timedelta(0)):
                    desk.back_up_for("close")
            except UserError as exc:  # a full disk must not keep the app from closing
                log.warning("backup on close failed: %s", type(exc).__name__)
        if self._lock is not None:
            self._lock.release()

    def _periodic_backup(self) -> None:
        desk = self.context.desk
        if desk is None or not desk.backup_due(BACKUP_INTERVAL):
            return
        from coordinator.gui.workers import run_task

        run_task(self.context, lambda _progress: desk.back_up_for("auto"), session=False)
