"""A record's audit trail: when it was created, changed (which fields) or erased; read-only by design."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Kind
from coordinator.formatting import format_datetime
from coordinator.gui.context import AppContext
from coordinator.i18n import N_, _

ACTIONS = {"create": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted"), "erase": N_("Erased"),
           "anonymise": N_("Anonymised"), "bulk-create": N_("Created"), "bulk-update": N_("Changed"),
           "bulk-delete": N_("Deleted"), "rules-confirmed": N_("Confirmed against the rules")}


def field_labels(table: str) -> dict[str, str]:
    """Field name → the label the record's form shows, for the kind of record stored in `table`."""
    from coordinator.desk.gui_records import change_kind
    from coordinator.services.records import KINDS

    labels: dict[str, str] = {}
    for kind in KINDS.values():
        if change_kind(kind.key) == table:
            for spec in kind.fields:
                labels.setdefault(spec.name, _(spec.label))
    return labels


class AuditDialog(QDialog):
    """The history of one record, oldest first, as the audit log holds it (no values, only field names)."""

    def __init__(self, context: AppContext, table: str, record_id: int, title: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("audit_dialog")
        self.setWindowTitle(_("History"))
        self.resize(620, 380)
        self.intro = QLabel(title or _("What was done to this record, oldest first."))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([_("When"), _("What"), _("Fields")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.load(table, record_id)

    def load(self, table: str, record_id: int) -> None:
        desk = self.context.desk
        entries = desk.history(Kind(table), record_id) if desk is not None else []
        labels = field_labels(table)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            action = _(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action
            fields = ", ".join(labels.get(name, name) for name in entry.fields)
            for column, text in enumerate((format_datetime(entry.at, "short") if entry.at else "–", action, fields)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        if not entries:
            self.intro.setText(_("Nothing has been recorded about this record."))


def open_history(context: AppContext, table: str, record_id: int, parent: QWidget) -> AuditDialog:
    """Open (not modal) the history of one record over `parent`; it is deleted when closed."""
    dialog = AuditDialog(context, table, record_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
