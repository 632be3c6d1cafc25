"""The database opened beside the main window: the window is drawn at once, its workspaces wait for the verdict.

Once the window is up, the file's read-only check starts in one thread (coordinator.desk.opening) and the
desk opens in another, taking that verdict before anything may write to the file. Until the verdict is in, the
workspaces are disabled and none is built, so nobody can edit a file that may yet be refused. A refused file
is said in a message and the first-launch dialog is offered, as before the window came first.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from coordinator import APP_NAME
from coordinator.desk.opening import check_beside, load_database_layer
from coordinator.errors import UserError
from coordinator.gui.lazy_parts import collection_paused, qt_free_imports, tune_interpreter
from coordinator.i18n import _

if TYPE_CHECKING:
    from coordinator.desk import Desk
    from coordinator.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class DeskOpener(QObject):
    """Opens the database at `path` in a thread and hands the desk (or the refusal) to the window."""

    opened = Signal(object)  # Desk
    refused = Signal(str)  # the translated reason
    failed = Signal(object)  # an unexpected exception, raised again on the GUI thread for the crash handler

    def __init__(self, window: MainWindow, path: str, suggested: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.suggested = suggested
        self._desk: Desk | None = None
        self.opened.connect(self._opened)
        self.refused.connect(self._refused)
        self.failed.connect(self._failed)
        window.statusBar().showMessage(_("Checking the file…"))
        check_beside(path)  # its own thread: SQLite reads the pages while the other loads the database layer
        self._thread = threading.Thread(target=self._open, args=(path,), name="open-database")
        self._thread.start()

    def _open(self, path: str) -> None:
        try:
            with collection_paused(), qt_free_imports():
                desk_class = load_database_layer()  # while SQLite reads the pages for the verdict
            self._desk = desk_class.open(path)
        except UserError as exc:
            self.refused.emit(str(exc))
        except Exception as exc:  # noqa: BLE001  (a bug: the GUI thread raises it for the crash handler)
            self.failed.emit(exc)
        else:
            self.opened.emit(self._desk)

    def finish(self) -> None:
        """Wait for the thread; a desk that came after the window had closed is closed here."""
        self._thread.join()
        if self._desk is not None and self._desk is not self.window.context.desk:
            self._desk.close()
        self._desk = None

    def _opened(self, desk: Desk) -> None:
        if self.window.context.desk is not None:  # another database was opened meanwhile
            return  # closed by finish()
        try:
            self.window.guard.hold(desk)  # UserError (naming the holder) when another app has it
        except UserError as exc:
            self._desk = None
            desk.close()
            QMessageBox.warning(self.window, APP_NAME, str(exc))
            QApplication.exit(1)
            return
        self._use(desk)

    def _refused(self, message: str) -> None:
        from coordinator.gui.dialogs.first_launch import FirstLaunchDialog

        QMessageBox.warning(self.window, APP_NAME, message)
        dialog = FirstLaunchDialog(self.window.context, suggested=self.suggested)
        if not dialog.exec() or dialog.desk is None:
            QApplication.exit(0)
            return
        try:
            self.window.guard.hold(dialog.desk)
        except UserError as exc:
            dialog.desk.close()
            QMessageBox.warning(self.window, APP_NAME, str(exc))
            QApplication.exit(1)
            return
        self._use(dialog.desk)

    def _use(self, desk: Desk) -> None:
        self.window.set_desk(desk)
        # A second after the database is in, not while its layer loads: the collection would walk all of it.
        QTimer.singleShot(1000, tune_interpreter)

    def _failed(self, exc: BaseException) -> None:
        log.error("opening the database failed unexpectedly")
        raise exc
