"""File → Backups…: the verified backups of the open database, newest first, and restoring one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.desk import Desk
from coordinator.desk.gui_database import restore_database_file
from coordinator.errors import UserError
from coordinator.formatting import format_datetime, format_number
from coordinator.gui.context import AppContext
from coordinator.i18n import N_, _, ngettext

# Why a backup was taken, as the safety module names it.
REASONS = {"close": N_("On closing"), "periodic": N_("Every 30 minutes"), "manual": N_("Made by hand"),
           "before-import": N_("Before an import"), "before-migration": N_("Before an upgrade"),
           "before-rollover": N_("Before the school-year rollover"), "before-erasure": N_("Before an erasure"),
           "before-restore": N_("Before a restore"), "before-retention": N_("Before removing old pupils")}
PATH_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return _("{size} MB").format(size=format_number(size / (1024 * 1024), 1))
    return _("{size} kB").format(size=format_number(max(size, 1) / 1024, 0 if size >= 10240 else 1))


def reason_text(reason: str | None) -> str:
    if not reason:
        return "–"
    return _(REASONS[reason]) if reason in REASONS else reason


def _field(backup, *names, default=None):
    for name in names:
        if hasattr(backup, name):
            return getattr(backup, name)
    return default


class BackupsDialog(QDialog):
    """Lists time, reason and size of each backup; restores the chosen one after a confirmation.

    Restoring closes the open database, puts the backup in its place (the safety module keeps the
    replaced file beside it) and reopens it; `restored` then carries the database path and
    `context.store_changed` tells every view to reload.
    """

    restored = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("backups_dialog")
        self.setWindowTitle(_("Backups"))
        self.resize(640, 420)
        self.backups: list = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels([_("Taken"), _("Why"), _("Size")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(_("Backups"))
        self.status = QLabel()
        self.status.setObjectName("backups_status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.backup_button = QPushButton(_("&Back up now"))
        self.backup_button.setObjectName("backups_create")
        self.restore_button = QPushButton(_("&Restore…"))
        self.restore_button.setObjectName("backups_restore")
        self.restore_button.setEnabled(False)
        self.buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected_backup() is not None))
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button.clicked.connect(self.back_up_now)
        self.reload()

    @property
    def db_path(self) -> Path | None:
        desk = self.context.desk
        return desk.path if desk is not None else None

    def reload(self) -> None:
        path = self.db_path
        self.backups = self.context.desk.backups() if path is not None else []
        if path is None:
            self.intro.setText(_("Backups are kept for database files only."))
        else:
            self.intro.setText(_("Backups of {name}, newest first. Each was checked when it was made.")
                               .format(name=path.name))
        self.backup_button.setEnabled(path is not None)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            taken = _field(backup, "created", "taken", "time", "when")
            if isinstance(taken, (int, float)):
                taken = dt.datetime.fromtimestamp(taken)
            size = _field(backup, "size", "size_bytes", default=None)
            if size is None:
                size = Path(_field(backup, "path")).stat().st_size
            when = format_datetime(taken, "medium") if isinstance(taken, dt.datetime) else str(taken or "–")
            cells = (when, reason_text(_field(backup, "reason")), size_text(int(size)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        if not self.backups:
            self.status.setText(_("There are no backups yet."))
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def selected_backup(self):
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def back_up_now(self) -> None:
        if self.db_path is None:
            return
        try:
            self.context.desk.back_up()
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.reload()
        self.status.setText(_("A backup was made and checked."))

    def confirm_restore(self, when: str) -> bool:
        answer = QMessageBox.question(
            self, _("Restore a backup"),
            _("Put the backup of {when} in place of the open database? What was saved since then will be "
              "lost; the current file is kept beside it.").format(when=when))
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self, *, confirmed: bool = False) -> bool:
        backup = self.selected_backup()
        path = self.db_path
        if backup is None or path is None:
            return False
        row = self.backups.index(backup)
        when = self.table.item(row, 0).text()
        if not confirmed and not self.confirm_restore(when):
            return False
        old = self.context.desk
        if old is not None:
            old.close()
        problem: str | None = None
        reapplied = 0
        try:
            reapplied = restore_database_file(path, getattr(backup, "path", backup))
        except UserError as exc:
            problem = str(exc)
        # Whatever happened, the app gets its database back (the restored one, or the one left as it was).
        try:
            self.context.open(Desk.open(path))
        except UserError as exc:
            self.context.open(None)
            problem = str(exc)
        if problem is not None:
            self.context.store_changed.emit()
            self.status.setText(problem)
            return False
        undo_stack = getattr(self.context, "undo_stack", None)
        if undo_stack is not None:
            undo_stack.clear()  # its commands name records of the database that was replaced
        self.context.store_changed.emit()
        self.restored.emit(path)
        self.reload()
        message = _("The backup of {when} was restored.").format(when=when)
        if reapplied:  # a backup from before an erasure: the person was erased again
            message += " " + ngettext("{n} erasure made since the backup was applied again.",
                                      "{n} erasures made since the backup were applied again.",
                                      reapplied).format(n=reapplied)
        self.status.setText(message)
        return True
