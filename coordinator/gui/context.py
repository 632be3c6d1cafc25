"""What every window and workspace is handed: the desk on the open database, settings, language, change signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack

from coordinator import APP_NAME

if TYPE_CHECKING:
    from coordinator.desk import Changes, Desk


POLL_MS = 5000


class AppContext(QObject):
    """Built at start and passed down; no module-level globals.

    `desk` is the one door to the open database. Every change the desk commits is re-emitted on
    `changes_applied` (from any thread: receivers get it on their own thread), so that each view
    refreshes only what concerns it; nobody announces a change by hand. `language_changed` asks
    every widget to retranslate itself. `store_changed` is emitted when another database is opened.
    """

    changes_applied = Signal(object)  # Changes
    language_changed = Signal(str)
    store_changed = Signal()
    status_message = Signal(str)  # a translated line for the status bar (e.g. an undo that could not be done)

    def __init__(self, desk: Desk | Any = None, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._desk: Desk | None = None
        self._unsubscribe: Callable[[], None] | None = None
        # On a server database, what other people commit is polled for and relayed like one's own writes.
        self._poll = QTimer(self, interval=POLL_MS, timeout=self.poll_changes)
        self.open(desk)
        self.settings = settings or QSettings(APP_NAME, APP_NAME)
        # One undo history for the whole window; every operation records its step through gui.operations.
        self.undo_stack = QUndoStack(self)

    @property
    def desk(self) -> Desk | None:
        """The desk on the open database (None before one is open)."""
        return self._desk

    @property
    def store(self) -> Any:
        """The open desk's store, for tests that check the file itself; the app reaches data through `desk`."""
        return self._desk.store if self._desk is not None else None

    def open(self, desk: Desk | Any) -> None:
        """Make `desk` (or a desk on an opened store; None: nothing) the one the app works on."""
        if desk is not None:
            from coordinator.desk import Desk  # here: the window is drawn before the database layer loads

            if not isinstance(desk, Desk):
                desk = self._desk if self._desk is not None and self._desk.store is desk else Desk(desk)
        if desk is self._desk:
            return
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._desk = desk
        self._poll.stop()
        if desk is not None:
            self._unsubscribe = desk.on_change(self._relay)
            if getattr(desk, "shared", False):
                self.poll_changes()  # sets the mark
                self._poll.start()

    def poll_changes(self) -> None:
        """Changes others made appear (the desk announces them); a lost connection is one status line."""
        from coordinator.errors import UserError

        try:
            if self._desk is not None:
                self._desk.poll_changes()
        except UserError as exc:
            self.status_message.emit(str(exc))

    def _relay(self, changes: Changes) -> None:
        if changes:
            self.changes_applied.emit(changes)
