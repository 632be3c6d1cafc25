"""Pickers of other records: one (a searchable combo box) or several (a list with add/remove)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.gui.context import AppContext
from coordinator.i18n import _


class RefPicker(QComboBox):
    """An editable combo box: typing searches the database (debounced); the data is the record id."""

    value_changed = Signal()

    def __init__(self, context: AppContext, ref: str, *, optional: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ref = ref
        self.optional = optional
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.completer().setCompletionMode(self.completer().CompletionMode.PopupCompletion)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._search)
        self.lineEdit().textEdited.connect(lambda _text: self._timer.start())
        self.currentIndexChanged.connect(lambda _i: self.value_changed.emit())
        self._searched = False  # choices are fetched when the list is first opened or typed in
        self.filters: tuple[tuple[str, object], ...] = ()  # e.g. (("organisation_id", 7),): the workplace's
        self._populate_known([])

    def set_filters(self, filters: tuple[tuple[str, object], ...]) -> None:
        """Limit the choices (a supervisor among the chosen workplace's contacts); the value is kept."""
        if filters != self.filters:
            self.filters = filters
            self._searched = False

    def _choices(self, text: str, include: int | None) -> list[tuple[int, str]]:
        if self.context.desk is None:
            return []
        return self.context.desk.ref_choices(self.ref, text, include=[include] if include else [],
                                             filters=self.filters)

    def _populate(self, text: str, keep: int | None) -> None:
        self._searched = True
        self._populate_known(self._choices(text, keep))

    def _populate_known(self, choices: list[tuple[int, str]]) -> None:
        self.blockSignals(True)
        self.clear()
        if self.optional:
            self.addItem("", None)
        for record_id, label in choices:
            self.addItem(label, record_id)
        self.blockSignals(False)

    def showPopup(self) -> None:
        if not self._searched:
            current = self.value()
            self._populate("", current)
            self.setCurrentIndex(max(self.findData(current), 0) if current is not None else 0)
        super().showPopup()

    def ensure_choices(self) -> None:
        """Fetch the first choices now (the list is otherwise filled when opened)."""
        if not self._searched:
            current = self.value()
            self._populate("", current)
            if current is not None:
                self.setCurrentIndex(self.findData(current))

    def _search(self) -> None:
        text = self.lineEdit().text()
        current = self.value()
        self._populate(text, current)
        self.lineEdit().setText(text)
        if self.count() > (1 if self.optional else 0) and text:
            self.showPopup()

    def value(self) -> int | None:
        data = self.currentData()
        if data is not None and self.currentText() == self.itemText(self.currentIndex()):
            return int(data)
        # typed text that names exactly one choice counts as that choice
        for i in range(self.count()):
            if self.itemData(i) is not None and self.itemText(i) == self.currentText():
                return int(self.itemData(i))
        return None

    def set_value(self, record_id: int | None) -> None:
        # Only the chosen record is fetched; the rest waits until the list is opened.
        self._searched = False
        if record_id is None:
            self._populate_known([])
        else:
            self._populate_known(self.context.desk.ref_choices(self.ref, "", limit=0, include=[record_id]))
        index = self.findData(record_id) if record_id is not None else (0 if self.optional else -1)
        self.setCurrentIndex(index)
        if record_id is None and not self.optional:
            self.setEditText("")
        self.lineEdit().setCursorPosition(0)


class MultiRefPicker(QWidget):
    """Several records: a list of the chosen ones, a picker to add one and a button to remove."""

    value_changed = Signal()

    def __init__(self, context: AppContext, ref: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.ref = ref
        self.list = QListWidget(self)
        self.list.setMaximumHeight(90)
        self.picker = RefPicker(context, ref, parent=self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.add_button.setAccessibleName(_("Add the chosen record"))
        self.remove_button.setAccessibleName(_("Remove the selected record"))

    def _add(self) -> None:
        record_id = self.picker.value()
        if record_id is None or record_id in self.value():
            return
        self.list.addItem(self._item(record_id, self.picker.currentText()))
        self.picker.set_value(None)
        self.value_changed.emit()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.value_changed.emit()

    @staticmethod
    def _item(record_id: int, label: str) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        return item

    def value(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_value(self, ids: list[int] | None) -> None:
        self.list.clear()
        ids = list(ids or [])
        if not ids or self.context.desk is None:
            return
        labels = dict(self.context.desk.ref_choices(self.ref, "", limit=0, include=ids))
        for record_id in ids:
            self.list.addItem(self._item(record_id, labels.get(record_id, str(record_id))))


def link_scoped_pickers(editors: dict[str, QWidget], fields) -> Callable[[], None]:
    """Limit each picker with a `scope` to the records that match another field's value (its workplace);
    returns the function that applies the scopes again (after a record is loaded into the form)."""
    links = [(editors[spec.name], editors[spec.scope[0]], spec.scope[1]) for spec in fields
             if spec.scope is not None and spec.scope[0] in editors]

    def apply() -> None:
        for target, source, column in links:
            value = source.value()
            target.set_filters(((column, value),) if value is not None else ())

    for _target, source, _column in links:
        source.value_changed.connect(apply)
    apply()
    return apply
