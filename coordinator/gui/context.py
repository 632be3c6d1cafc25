"""What every window and workspace is handed: the open store, settings, language, change signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from coordinator import APP_NAME
from coordinator.services.changes import ChangeSet
from coordinator.store import Store


class AppContext(QObject):
    """Built at start and passed down; no module-level globals.

    `changes_applied` carries every ChangeSet a service returned, so that each view refreshes
    only what concerns it. `language_changed` asks every widget to retranslate itself.
    `store_changed` is emitted when another database is opened.
    """

    changes_applied = Signal(object)  # ChangeSet
    language_changed = Signal(str)
    store_changed = Signal()
    status_message = Signal(str)  # a translated line for the status bar (e.g. an undo that could not be done)

    def __init__(self, store: Store | None, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.settings = settings or QSettings(APP_NAME, APP_NAME)
        # One undo history for the whole window; record commands live in coordinator.gui.undo.
        self.undo_stack = QUndoStack(self)

    def announce(self, changes: ChangeSet) -> None:
        if changes.kinds:
            self.changes_applied.emit(changes)
