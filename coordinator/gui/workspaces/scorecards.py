"""The Scorecards workspace: indicators against targets per school or municipality, edited in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.formatting import format_number, format_percent
from coordinator.gui.context import AppContext
from coordinator.gui.dialogs.indicator_dialog import ManualIndicatorDialog, percent_scale
from coordinator.gui.workspaces.indicator_comment import IndicatorCommentBox
from coordinator.gui.operations import run_op
from coordinator.gui.workspaces.report_workspace import ReportWorkspace
from coordinator.i18n import N_, _
from coordinator.enums import Direction, Perspective

# Status shown with a colour AND a symbol, so that it reads without colour too.
STATUS_LOOK: dict[str, tuple[str, str, str]] = {
    "green": ("●", N_("On target"), "#1a9850"),
    "amber": ("▲", N_("Near target"), "#f0a202"),
    "red": ("✖", N_("Off target"), "#d73027"),
    "none": ("–", N_("No value"), "#9e9e9e"),
    "no_target": ("–", N_("No target"), "#9e9e9e"),
}
COLUMNS = (N_("Indicator"), N_("Target"), N_("Value"), N_("Last year"), N_("Status"))
ID_ROLE = Qt.ItemDataRole.UserRole


def status_of(line: Any) -> str:
    """The look of a line's status: its colour, or why it has none (no target, or no value)."""
    status = getattr(line, "status", None) or "none"
    status = getattr(status, "value", status)
    if status == "none" and line.target is None:
        return "no_target"
    return status if status in STATUS_LOOK else "none"


def status_text(status: str | None) -> str:
    symbol, label, _colour = STATUS_LOOK.get(status or "none", STATUS_LOOK["none"])
    return f"{symbol} {_(label)}"


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "percent":
        return format_percent(value, 0)
    if unit in ("ratio", "score"):
        return format_number(value, 2)
    return format_number(value, 0 if float(value).is_integer() else 1)


def format_target(line: Any) -> str:
    if line.target is None:
        return "–"
    sign = "≥" if _direction(line) == "higher" else "≤"
    return f"{sign} {format_value(line.target, line.unit)}"


def _direction(line: Any) -> str:
    direction = getattr(line, "direction", "higher")
    return getattr(direction, "value", direction) or "higher"


def _perspective(line: Any) -> str:
    perspective = getattr(line, "perspective", "")
    return getattr(perspective, "value", perspective)


class ScorecardsWorkspace(ReportWorkspace):
    """Scope and year on top, the indicators by perspective in a tree, the chosen one's editor beside it."""

    key = "scorecards"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._lines: dict[int, Any] = {}
        self._read_only = False  # a headteacher's: targets and values shown, only the comment written
        self.scope_combo = self.school_combo  # a scorecard is for one school or the municipality
        self.scope_label = QLabel()
        self.scope_combo.setObjectName("scorecard_scope")
        self.scope_label.setBuddy(self.scope_combo)
        self.year_label = QLabel()
        self.year_combo.setObjectName("scorecard_year")
        self.year_label.setBuddy(self.year_combo)
        self.add_button = QPushButton()
        self.add_button.setObjectName("scorecard_add")
        bar = QHBoxLayout()
        for widget in (self.scope_label, self.scope_combo, self.year_label, self.year_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._build_body(), 1)
        self.tree.currentItemChanged.connect(lambda *_a: self._selection_changed())
        self.save_button.clicked.connect(self.save_target)
        self.value_button.clicked.connect(self.save_value)
        self.delete_button.clicked.connect(self.delete_selected)
        self.add_button.clicked.connect(self.add_manual)
        self._watch_filters()
        self.retranslate()

    def _build_body(self) -> QSplitter:
        """The indicator tree and, beside it, the editor of the chosen indicator."""
        self.tree = QTreeWidget()
        self.tree.setObjectName("scorecard_tree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_editor(self) -> QGroupBox:
        """Direction, target and amber band of the chosen indicator; the value of a manual one."""
        self.editor = QGroupBox()
        self.name_value = QLabel()
        self.name_value.setWordWrap(True)
        self.direction_combo = QComboBox()
        self.direction_combo.setObjectName("scorecard_direction")
        self.target_spin = QDoubleSpinBox()
        self.target_spin.setObjectName("scorecard_target")
        self.target_spin.setRange(0, 1_000_000)
        self.target_spin.setDecimals(2)
        self.has_target_box = QCheckBox()
        self.has_target_box.setObjectName("scorecard_has_target")
        self.has_target_box.toggled.connect(self.target_spin.setEnabled)
        self.amber_spin = QDoubleSpinBox()
        self.amber_spin.setObjectName("scorecard_amber")
        self.amber_spin.setRange(0, 1_000_000)
        self.amber_spin.setDecimals(2)
        self.save_button = QPushButton()
        self.save_button.setObjectName("scorecard_save")
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setObjectName("scorecard_value")
        self.value_spin.setRange(0, 1_000_000)
        self.value_spin.setDecimals(2)
        self.value_button = QPushButton()
        self.value_button.setObjectName("scorecard_save_value")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("scorecard_delete")
        self.form = QFormLayout()
        self.form.addRow(self.name_value)
        self.form.addRow(QLabel(), self.direction_combo)
        self.form.addRow(self.has_target_box)
        self.form.addRow(QLabel(), self.target_spin)
        self.form.addRow(QLabel(), self.amber_spin)
        self.form.addRow(self.save_button)
        self.form.addRow(QLabel(), self.value_spin)
        self.form.addRow(self.value_button)
        self.form.addRow(self.delete_button)
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(self.form)
        self.comment = IndicatorCommentBox(self.context)
        editor_layout.addWidget(self.comment)
        editor_layout.addStretch(1)
        self.editor.setEnabled(False)
        self.editor.setMinimumWidth(320)
        return self.editor

    # -- the contract ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Scorecards")

    def retranslate(self) -> None:
        self.scope_label.setText(_("Scorecard &for:"))
        self.year_label.setText(_("School &year:"))
        self.add_button.setText(_("&Add manual indicator…"))
        self.tree.setHeaderLabels([_(c) for c in COLUMNS])
        self.tree.setAccessibleName(_("Indicators by perspective"))
        self.editor.setTitle(_("Selected indicator"))
        for widget, text in ((self.direction_combo, _("&Direction:")), (self.target_spin, _("&Target:")),
                             (self.amber_spin, _("&Amber band:")), (self.value_spin, _("&Value this year:"))):
            label = self.form.labelForField(widget)
            label.setText(text)
            label.setBuddy(widget)
        self.amber_spin.setToolTip(_("How far from the target a value may be and still show amber."))
        self.save_button.setText(_("&Save target"))
        self.has_target_box.setText(_("This indicator has a &target"))
        self.value_button.setText(_("Save &value"))
        self.delete_button.setText(_("&Delete indicator"))
        self.comment.retranslate()
        current = self.direction_combo.currentData()
        self.direction_combo.clear()
        for direction in Direction:
            self.direction_combo.addItem(direction.label, direction.value)
        if current:
            self.direction_combo.setCurrentIndex(self.direction_combo.findData(current))
        if self.scope_combo.count():
            self.scope_combo.setItemText(0, _("Municipality"))
        if self._loaded and self._result is not None:
            self._compute()  # indicator and perspective names come translated from the computation
        self._show()

    def all_schools_text(self) -> str:
        return _("Municipality")

    def computation(self, year: str, school: str | None):
        desk = self.context.desk
        return lambda _progress: desk.scorecard(year=year, school=school)

    # -- showing -----------------------------------------------------------------------------------

    def _show(self) -> None:
        if self._result is None:
            return
        self.comment.reload()
        selected = self.selected_line()
        selected_id = selected.indicator_id if selected is not None else None
        self.tree.clear()
        self._lines = {}
        groups: dict[str, QTreeWidgetItem] = {}
        select_item = None
        for line in self._result.lines:
            perspective = _perspective(line)
            group = groups.get(perspective)
            if group is None:
                label = getattr(line, "perspective_label", None) or Perspective(perspective).label
                group = QTreeWidgetItem(self.tree, [label])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[perspective] = group
            status = status_of(line)
            item = QTreeWidgetItem(group, [line.name, format_target(line), format_value(line.value, line.unit),
                                           format_value(line.last_year, line.unit), status_text(status)])
            item.setData(0, ID_ROLE, line.indicator_id)
            item.setToolTip(0, line.name)  # long names are elided in a narrow window
            colour = QColor(STATUS_LOOK.get(status, STATUS_LOOK["none"])[2])
            item.setForeground(4, QBrush(colour.darker(130)))
            item.setData(4, Qt.ItemDataRole.DecorationRole, colour)
            item.setData(4, Qt.ItemDataRole.AccessibleTextRole, _(STATUS_LOOK.get(status, STATUS_LOOK["none"])[1]))
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._lines[line.indicator_id] = line
            if line.indicator_id == selected_id:
                select_item = item
        self.tree.expandAll()
        if select_item is not None:
            self.tree.setCurrentItem(select_item)
        self._selection_changed()

    def item_for(self, name: str) -> QTreeWidgetItem | None:
        """The row of an indicator by its shown name (tests, keyboard navigation)."""
        for group_index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(group_index)
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child.text(0) == name:
                    return child
        return None

    def selected_line(self):
        item = self.tree.currentItem()
        if item is None:
            return None
        return self._lines.get(item.data(0, ID_ROLE))

    def _selection_changed(self) -> None:
        line = self.selected_line()
        self.editor.setEnabled(line is not None)
        self.comment.show_indicator(line.indicator_id if line is not None else None)
        if line is None:
            self.name_value.setText(_("Choose an indicator to edit its target."))
            return
        manual = bool(getattr(line, "manual", not line.key))
        self.name_value.setText(line.name)
        scale = percent_scale(line.unit)
        suffix = " %" if line.unit == "percent" else ""
        for spin in (self.target_spin, self.amber_spin, self.value_spin):
            spin.setSuffix(suffix)
            spin.setDecimals(1 if line.unit == "percent" else 2)
        self.direction_combo.setCurrentIndex(max(0, self.direction_combo.findData(_direction(line))))
        self.has_target_box.setChecked(line.target is not None)
        self.target_spin.setEnabled(line.target is not None and not self._read_only)
        self.target_spin.setValue((line.target or 0.0) * scale)
        self.amber_spin.setValue((line.amber_band or 0.0) * scale)
        self.value_spin.setValue((line.value or 0.0) * scale)
        self.value_spin.setVisible(manual)
        self.form.labelForField(self.value_spin).setVisible(manual)
        for widget in (self.value_button, self.delete_button):
            widget.setVisible(manual and not self._read_only)
        self.save_button.setVisible(not self._read_only)
        for widget in (self.direction_combo, self.has_target_box, self.amber_spin, self.value_spin):
            widget.setEnabled(not self._read_only)

    def set_read_only(self, read_only: bool) -> None:
        """A headteacher's view: targets and values are shown, only the comment is written."""
        self._read_only = read_only
        self.add_button.setVisible(not read_only)
        self._selection_changed()

    # -- editing -----------------------------------------------------------------------------------

    def _write(self, fn) -> bool:
        """Run an indicator edit on the desk; the desk announces it and every view follows."""
        return run_op(self.context, fn, parent=self, title=_("Scorecards")).ok

    def save_target(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        scale = percent_scale(line.unit)
        target = self.target_spin.value() / scale if self.has_target_box.isChecked() else None
        amber = self.amber_spin.value() / scale
        direction = self.direction_combo.currentData()
        self._write(lambda desk: desk.update_indicator(indicator_id=line.indicator_id, target=target,
                                                       amber_band=amber, direction=direction))

    def save_value(self) -> None:
        line = self.selected_line()
        if line is None or not getattr(line, "manual", not line.key):
            return
        value = self.value_spin.value() / percent_scale(line.unit)
        year = self.year_combo.currentData()
        self._write(lambda desk: desk.set_manual_value(indicator_id=line.indicator_id, year=year, value=value))

    def delete_selected(self) -> None:
        line = self.selected_line()
        if line is None or not getattr(line, "manual", not line.key):
            return
        answer = QMessageBox.question(self, _("Delete indicator"),
                                      _("Delete the indicator “{name}” and all its values?").format(name=line.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._write(lambda desk: desk.delete_indicator(indicator_id=line.indicator_id))

    def add_manual(self, *, dialog: ManualIndicatorDialog | None = None) -> None:
        dialog = dialog or ManualIndicatorDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        school = self.scope_combo.currentData()
        self._write(lambda desk: desk.add_manual_indicator(school=school, **values))
