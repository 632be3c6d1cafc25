"""The placements list marks what the checks warn about (an icon and the warnings on hover) and filters to it.

The checks run for every placement in a worker (a second or two for a few hundred placements);
the table shows the marks when they are in and again after every change to placements.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QStyle

from coordinator.gui.models.record_table import RecordTableModel
from coordinator.gui.workers import run_task
from coordinator.i18n import _


class PlacementTableModel(RecordTableModel):
    """The records' table with a warning mark in the first column of a placement the checks warn about."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.warned: dict[int, list[str]] = {}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == 0 and index.row() < self.rowCount() and role in (
                Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            messages = self.warned.get(self.id_at(index.row()) or -1)
            if messages and role == Qt.ItemDataRole.DecorationRole:
                from PySide6.QtWidgets import QApplication

                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if messages:
                return "\n".join(f"⚠ {m}" for m in messages)
        return super().data(index, role)

    def set_warned(self, warned: dict[int, list[str]]) -> None:
        self.warned = warned
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))


class WarnedFilter:
    """Mixed into PlacementPanel: the "with warnings" box beside the status filter, and the marks."""

    model: Any
    context: Any
    choice: Any

    def _start_warned(self) -> None:
        self.with_warnings = QCheckBox(self)  # type: ignore[arg-type]
        self.with_warnings.setObjectName("with_warnings")
        top = self.layout().itemAt(0).layout()  # type: ignore[attr-defined]
        top.insertWidget(top.indexOf(self.choice) + 1, self.with_warnings)
        self.with_warnings.toggled.connect(lambda _on: self._apply_filter())  # type: ignore[attr-defined]
        self._checks_task = None

    def _retranslate_warned(self) -> None:
        self.with_warnings.setText(_("With warnings"))
        self.with_warnings.setToolTip(_("Only placements the checks warn about (hours, night work, risk "
                                        "assessment, overlaps, capacity)"))

    def run_checks(self) -> None:
        """Check every placement in the background; the marks (and the filter) follow when done."""
        if self.context.desk is None:
            return
        if self._checks_task is not None:
            self._checks_task.cancel()
        self._checks_task = run_task(self.context, lambda desk, progress: desk.placements_with_warnings(
            check=progress.check), on_done=self._checked)

    def _checked(self, warned: dict[int, list[str]]) -> None:
        self._checks_task = None
        self.model.set_warned(warned)
        if self.with_warnings.isChecked():
            self._apply_filter()  # type: ignore[attr-defined]

    def warned_filters(self, filters: tuple) -> tuple:
        if not self.with_warnings.isChecked():
            return filters
        return (*filters, ("id_in", tuple(sorted(self.model.warned))))

    def _query_with(self, query: Any) -> Any:
        return replace(query, filters=self.warned_filters(query.filters))
