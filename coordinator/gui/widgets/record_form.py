"""The one detail form that serves every kind of record, built from the kind's field specs.

Each field gets an editor, an accessible name and a message line under it where validation
problems are shown in the chosen language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coordinator.formatting import format_number
from coordinator.gui.context import AppContext
from coordinator.gui.widgets.date_fields import DateField, DateTimeField
from coordinator.gui.widgets.ref_picker import MultiRefPicker, RefPicker, link_scoped_pickers
from coordinator.i18n import _
from coordinator.typed_dates import parse_time
from coordinator.services.records import (
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    FLOAT,
    INT,
    LONGTEXT,
    MULTIREF,
    REF,
    TIME,
    FieldSpec,
    RecordKind,
    RecordValues,
)

class FieldRow(QWidget):
    """An editor with its message line below it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        # A palette role, not a colour: stays readable in dark mode.
        self.message.setForegroundRole(QPalette.ColorRole.Link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.warning = QLabel(self)
        self.warning.setObjectName("field_warning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self._describe()

    def show_warning(self, text: str) -> None:
        """A check's warning on this field: marked under it, on hover, in the status bar, to a screen reader."""
        self.warning.setText("\n".join(f"⚠ {line}" for line in text.splitlines()))
        self.warning.setVisible(bool(text))
        palette = self.warning.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffb74d" if dark else "#8a4b00"))  # AA contrast
        self.warning.setPalette(palette)
        if text or self.editor.statusTip():
            self.editor.setToolTip(text)
            self.editor.setStatusTip(text)
        self._describe()

    def _describe(self) -> None:
        parts = [label.text() for label in (self.message, self.warning) if label.text()]
        self.editor.setAccessibleDescription("\n".join(parts))


class RecordFormWidget(QWidget):
    """Shows one record's fields; `values()` reads them back; `show_problems()` marks wrong ones."""

    edited = Signal()

    def __init__(self, context: AppContext, kind: RecordKind, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.record_id: int | None = None
        self.rows: dict[str, FieldRow] = {}
        self._clean: dict[str, Any] | None = None  # the values as given; None until a record is shown
        self.labels: dict[str, QLabel] = {}
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addStretch(1)
        previous: QWidget | None = None
        for spec in kind.fields:
            editor = self._editor(spec)
            editor.setObjectName(f"field_{spec.name}")
            row = FieldRow(editor, self)
            label = QLabel(self)
            label.setBuddy(editor)
            self.rows[spec.name] = row
            self.labels[spec.name] = label
            self.form.addRow(label, row)
            focus = editor.picker if isinstance(editor, MultiRefPicker) else editor
            if previous is not None:
                QWidget.setTabOrder(previous, focus)
            previous = editor.remove_button if isinstance(editor, MultiRefPicker) else focus
        self.apply_scopes = link_scoped_pickers({n: r.editor for n, r in self.rows.items()}, kind.fields)
        self.retranslate()

    # ---- editors --------------------------------------------------------------------------------
    def _editor(self, spec: FieldSpec) -> QWidget:
        if spec.type == LONGTEXT:
            editor: QWidget = QPlainTextEdit(self)
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(70)
            editor.textChanged.connect(self.edited)
        elif spec.type == BOOL:
            editor = QCheckBox(self)
            editor.toggled.connect(self.edited)
        elif spec.type == CHOICE:
            editor = QComboBox(self)
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(14)
            editor.currentIndexChanged.connect(self.edited)
        elif spec.type == REF:
            editor = RefPicker(self.context, spec.ref or "", optional=not spec.required, parent=self)
            editor.value_changed.connect(self.edited)
        elif spec.type == MULTIREF:
            editor = MultiRefPicker(self.context, spec.ref or "", parent=self)
            editor.value_changed.connect(self.edited)
        elif spec.type in (DATE, DATETIME):
            editor = DateField(self) if spec.type == DATE else DateTimeField(self)
            editor.edited.connect(self.edited)
        else:
            editor = QLineEdit(self)
            editor.setClearButtonEnabled(spec.type not in (INT, FLOAT, TIME))
            if spec.type == TIME:
                editor.setPlaceholderText(_("hh:mm"))
                editor.editingFinished.connect(lambda e=editor: self._tidy_time(e))
            editor.textEdited.connect(self.edited)
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, editor.sizePolicy().verticalPolicy())
        return editor

    def editor(self, name: str) -> QWidget:
        return self.rows[name].editor

    def retranslate(self) -> None:
        self._retranslate_heading()
        for spec in self.kind.fields:
            label = _(spec.label) + (" *" if spec.required else "")
            self.labels[spec.name].setText(label)
            editor = self.rows[spec.name].editor
            editor.setAccessibleName(_(spec.label))
            if isinstance(editor, DateField | DateTimeField):
                editor.retranslate()
            if isinstance(editor, QCheckBox):
                editor.setText(_("Yes"))
            if isinstance(editor, MultiRefPicker):
                editor.retranslate()
                editor.picker.setAccessibleName(_(spec.label))
                editor.list.setAccessibleName(_("{field}: chosen").format(field=_(spec.label)))
            if spec.type == CHOICE and self.context.desk is not None:
                self._fill_choices(spec, editor)

    def _retranslate_heading(self) -> None:
        if self.record_id is None:
            self.heading.setText(_("New: {kind}").format(kind=_(self.kind.singular)))
        else:
            self.heading.setText(_(self.kind.singular))

    def _fill_choices(self, spec: FieldSpec, editor: QComboBox) -> None:
        current = editor.currentData()
        editor.blockSignals(True)
        editor.clear()
        desk = self.context.desk
        for value, label in desk.field_choices(self.kind.key, spec.name) if spec.choices and desk else []:
            editor.addItem(label, value)
        index = editor.findData(current)
        editor.setCurrentIndex(max(index, 0))
        editor.blockSignals(False)

    # ---- values ---------------------------------------------------------------------------------
    def set_record(self, record: RecordValues) -> None:
        self.record_id = record.id
        self._retranslate_heading()
        self.show_problems({})
        self._fill(record.values)
        self._clean = self.values()

    def _fill(self, values: dict[str, Any]) -> None:
        for spec in self.kind.fields:
            editor = self.rows[spec.name].editor
            if spec.type == CHOICE and spec.choices is not None and self.context.desk is not None:
                self._fill_choices(spec, editor)  # a network or project made since the form was built
            editor.blockSignals(True)
            try:
                self._set(spec, editor, values.get(spec.name))
            finally:
                editor.blockSignals(False)
        self.apply_scopes()

    def mark_clean(self) -> None:
        self._clean = self.values()

    def is_dirty(self) -> bool:
        """Whether the form differs from the record it was given (an edit typed back is not a change);
        a form that has not been given a record yet (a tab never opened) has nothing to lose."""
        return self._clean is not None and self.values() != self._clean

    def apply_values(self, values: dict[str, Any]) -> None:
        """Put values (a draft) into the form as if typed: the form has unsaved changes afterwards."""
        self._fill({name: value for name, value in values.items() if name in self.rows})
        self.edited.emit()

    def set_fields(self, values: dict[str, Any]) -> None:
        """Put some fields' values into the form as if typed (the others keep theirs)."""
        for spec in self.kind.fields:
            if spec.name in values:
                self._set(spec, self.rows[spec.name].editor, values[spec.name])
        self.edited.emit()

    def _set(self, spec: FieldSpec, editor: Any, value: Any) -> None:
        if spec.type == LONGTEXT:
            editor.setPlainText(value or "")
        elif spec.type == BOOL:
            editor.setChecked(bool(value))
        elif spec.type == CHOICE:
            index = editor.findData(value)
            editor.setCurrentIndex(max(index, 0))
        elif spec.type in (REF, MULTIREF, DATE, DATETIME):
            editor.set_value(value)
        elif spec.type == TIME:
            editor.setText(value.strftime("%H:%M") if value else "")
        elif spec.type in (INT, FLOAT):
            editor.setText("" if value is None else format_number(value).replace("\u00a0", ""))
        else:
            editor.setText("" if value is None else str(value))

    def values(self) -> dict[str, Any]:
        """What the person entered; wrong numbers and times are passed on as text so the service names them."""
        out: dict[str, Any] = {}
        for spec in self.kind.fields:
            editor: Any = self.rows[spec.name].editor
            if spec.type == LONGTEXT:
                out[spec.name] = editor.toPlainText()
            elif spec.type == BOOL:
                out[spec.name] = editor.isChecked()
            elif spec.type == CHOICE:
                out[spec.name] = editor.currentData()
            elif spec.type in (REF, MULTIREF, DATE, DATETIME):
                out[spec.name] = editor.value()
            elif spec.type == TIME:
                out[spec.name] = self._time(editor.text())
            elif spec.type in (INT, FLOAT):
                text = editor.text().strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
                out[spec.name] = text or None
            else:
                out[spec.name] = editor.text()
        return out

    @staticmethod
    def _tidy_time(editor: QLineEdit) -> None:
        """"8.3" or "830" typed: shown as 08:30 when the field is left."""
        at = parse_time(editor.text())
        if at is not None and editor.text() != at.strftime("%H:%M"):
            editor.setText(at.strftime("%H:%M"))

    @staticmethod
    def _time(text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        return parse_time(text) or text  # a text that is no time: the service names it

    def show_problems(self, problems: dict[str, str]) -> None:
        first: QWidget | None = None
        for name, row in self.rows.items():
            row.show_message(problems.get(name))
            if name in problems and first is None:
                first = row.editor
        if first is not None:
            first.setFocus()

    def problem(self, name: str) -> str:
        row = self.rows[name]
        return row.message.text() if row.message.isVisible() or row.message.text() else ""
