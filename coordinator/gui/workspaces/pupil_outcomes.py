"""A pupil's next-step choices and destinations entered from the pupil's page: add, edit and delete them.

The related records under the pupil's form list them; this bar and its dialog write them through the
desk as records (kinds "choices" and "destinations"), so undo, redo and the audit log work as for any record.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.desk.gui_records import kind as record_kind
from coordinator.errors import UserError, ValidationError
from coordinator.gui.context import AppContext
from coordinator.gui.record_ops import create_record, delete_record, update_record
from coordinator.gui.widgets.record_form import RecordFormWidget
from coordinator.gui.widgets.related_records import TARGET, RelatedRecordsWidget
from coordinator.i18n import _

# A related row's kind (as the related records name it) → its record kind.
RECORD_KIND = {"choice": "choices", "destination": "destinations"}


class OutcomeDialog(QDialog):
    """One choice or destination of one pupil in the record form; Save writes it through the desk."""

    def __init__(self, context: AppContext, kind_key: str, pupil_id: int, record_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.kind = context, record_kind(kind_key)
        self.setObjectName(f"outcome_dialog_{kind_key}")
        self.form = RecordFormWidget(context, self.kind, self)
        desk = context.desk
        record = desk.record(kind_key, record_id) if record_id is not None else desk.new_record(kind_key)
        if record_id is None:
            record.values["pupil_id"] = pupil_id
        self.version = record.version
        self.form.set_record(record)
        self.form.editor("pupil_id").setEnabled(False)  # the page's pupil
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setWindowTitle(_(self.kind.singular))
        self.resize(520, 470 if kind_key == "destinations" else 340)

    def save(self) -> bool:
        """Create or save the record; marked fields and a message stay in the dialog when it is refused."""
        values = self.form.values()
        try:
            if self.form.record_id is None:
                outcome = create_record(self.context, self.kind, values, on_failure=self.status.setText)
            else:
                outcome = update_record(self.context, self.kind, self.form.record_id, values,
                                        version=self.version, on_failure=self.status.setText)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.status.setText(_("Please correct the marked fields."))
            return False
        except UserError as exc:
            self.status.setText(str(exc))
            return False
        if outcome.ok:
            self.accept()
        return outcome.ok


class OutcomeBar(QWidget):
    """Buttons under a pupil's related records: add a choice or a destination, edit or delete the selected one."""

    def __init__(self, context: AppContext, related: RelatedRecordsWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.related = context, related
        self.setObjectName("pupil_outcomes")
        self.add_choice = QPushButton(self)
        self.add_choice.setObjectName("add_choice")
        self.add_destination = QPushButton(self)
        self.add_destination.setObjectName("add_destination")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("edit_outcome")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("delete_outcome")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.add_choice.clicked.connect(lambda: self.open("choices"))
        self.add_destination.clicked.connect(lambda: self.open("destinations"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        related.tree.currentItemChanged.connect(lambda *_a: self.update_buttons())
        related.record_chosen.connect(self._chosen)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_choice, self.add_destination, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_choice.setText(_("Add choice…"))
        self.add_destination.setText(_("Add destination…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete"))
        self.edit_button.setToolTip(_("Edit the selected choice or destination."))
        self.delete_button.setToolTip(_("Delete the selected choice or destination."))
        self.update_buttons()

    def selected(self) -> tuple[str, int] | None:
        """(record kind, id) of the choice or destination selected in the related records, if any."""
        item = self.related.tree.currentItem()
        target = item.data(0, TARGET) if item is not None else None
        if target and target[0] in RECORD_KIND:
            return RECORD_KIND[target[0]], target[1]
        return None

    def update_buttons(self) -> None:
        pupil = self.related.record_id is not None
        self.add_choice.setEnabled(pupil)
        self.add_destination.setEnabled(pupil)
        self.edit_button.setEnabled(pupil and self.selected() is not None)
        self.delete_button.setEnabled(pupil and self.selected() is not None)
        if not pupil:
            self.status.clear()

    def open(self, kind_key: str, record_id: int | None = None) -> OutcomeDialog | None:
        """The dialog for a new (or an existing) choice or destination of the page's pupil, shown modal."""
        pupil_id = self.related.record_id
        if pupil_id is None or self.context.desk is None:
            return None
        try:
            dialog = OutcomeDialog(self.context, kind_key, pupil_id, record_id, self.window())
        except UserError as exc:  # deleted meanwhile
            self.status.setText(str(exc))
            return None
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.status.setText(_("Saved. Undo with Ctrl+Z.")))
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open(*chosen)

    def _chosen(self, kind: str, record_id: int) -> None:
        if kind in RECORD_KIND:
            self.open(RECORD_KIND[kind], record_id)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        key, record_id = chosen
        try:
            if delete_record(self.context, record_kind(key), record_id, on_failure=self.status.setText).ok:
                self.status.setText(_("Deleted. Undo with Ctrl+Z."))
        except UserError as exc:
            self.status.setText(str(exc))
