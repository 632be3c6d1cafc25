"""A table model over one kind of record that holds only ids and fetches rows lazily, page by page.

The ids come from the database already filtered and sorted (in a background task, so typing in
the filter never blocks the window); the rows of the visible part are fetched in pages of
`PAGE` and kept in a small LRU cache.

A reload comes in two steps: the first page alone (a LIMIT query that stops early, with its
rows), shown at once, then every id behind it (a region's 100,000 pupils take half a second),
appended below the rows already shown.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from coordinator.formatting import format_date, format_datetime, format_number
from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task
from coordinator.i18n import _
from coordinator.reference.sectors import sector_label
from coordinator.services.records import ListQuery, RecordKind, Row

PAGE = 100
CACHE_ROWS = 3000


def format_cell(value: Any, kind: str) -> str:
    if value is None or value == "":
        return ""
    if hasattr(value, "label"):
        return value.label
    if kind == "sector":
        return sector_label(str(value))
    if kind == "translated":
        return _(str(value))
    if isinstance(value, dt.datetime):
        return format_datetime(value, "short")
    if isinstance(value, dt.date):
        return format_date(value, "short")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (int, float)):
        return format_number(value)
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows of one RecordKind; `reload()` refetches the ids with the current filter and sort."""

    reloaded = Signal()  # every id is in (rowCount() is the full count)
    first_rows = Signal()  # the first page of a reload is shown; the other ids follow
    failed = Signal(str)

    def __init__(self, context: AppContext, kind: RecordKind, parent=None):
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.query = ListQuery()
        self._ids: list[int] = []
        self._rows: OrderedDict[int, Row] = OrderedDict()
        self._generation = 0
        self._task = None
        self.loading = False  # True until every id of the latest reload is in
        self.rows_ready = False  # the latest reload's first rows are shown
        self.active = False  # nothing is fetched before the table is first shown
        self._columns = kind.columns()  # built once: data() is called thousands of times

    # ---- loading ------------------------------------------------------------------------------
    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        if self.context.desk is None or not self.active:
            return
        self._generation += 1
        generation, kind, query = self._generation, self.kind, self.query
        self.loading = True
        self.rows_ready = False
        if self._task is not None:
            self._task.cancel()  # a newer filter or sort overtakes the running one

        def first_page(desk, progress):
            # The rows come along, so that the first paint needs no query on the GUI thread.
            ids = desk.record_ids(kind.key, query, limit=PAGE, check=progress.check)
            return ids, desk.record_rows(kind.key, ids, query)

        def every_id(desk, progress):
            return desk.record_ids(kind.key, query, check=progress.check)

        def first_done(found) -> None:
            ids, rows = found
            if generation != self._generation:
                return
            if len(ids) < PAGE:  # that was all of them
                self._loaded(generation, ids, rows)
                return
            self._show_first(ids, rows)
            self._task = run_task(self.context, every_id, on_done=lambda ids: self._loaded(generation, ids),
                                  on_error=lambda message: self._failed(generation, message), owner=self)

        self._task = run_task(self.context, first_page, on_done=first_done,
                              on_error=lambda message: self._failed(generation, message), owner=self)

    def _show_first(self, ids: list[int], rows: dict[int, Row]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self._rows.update(rows)
        self.endResetModel()
        self.rows_ready = True
        self.first_rows.emit()

    def reload_now(self) -> None:
        """Synchronous reload, for small tables and tests."""
        self.active = True
        ids = self.context.desk.record_ids(self.kind.key, self.query)
        self._generation += 1
        self.rows_ready = False
        self._loaded(self._generation, ids)

    def _loaded(self, generation: int, ids: list[int], rows: dict[int, Row] | None = None) -> None:
        if generation != self._generation:
            return  # a newer filter overtook this one
        shown = len(self._ids)
        if self.rows_ready and rows is None and len(ids) >= shown and ids[:shown] == self._ids:
            # The first page is on screen: the rest goes below it (selection and scroll stay).
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = list(ids)
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = list(ids)
            self._rows.clear()
            self._rows.update(rows or {})
            self.endResetModel()
        self.loading = False
        if not self.rows_ready:
            self.rows_ready = True
            self.first_rows.emit()
        self.reloaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.loading = False
            self.failed.emit(message)

    def forget(self, ids) -> None:
        """Drop cached rows so they are fetched again (after an update)."""
        for record_id in ids:
            self._rows.pop(record_id, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    def _row(self, position: int) -> Row | None:
        record_id = self._ids[position]
        row = self._rows.get(record_id)
        if row is not None:
            self._rows.move_to_end(record_id)
            return row
        start = (position // PAGE) * PAGE
        wanted = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
        fetched = self.context.desk.record_rows(self.kind.key, wanted, self.query)
        self._rows.update(fetched)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(record_id)

    # ---- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        return format_cell(row.cells[index.column()], self._columns[index.column()].type)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return _(self._columns[section].label)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        from dataclasses import replace

        query = replace(self.query, sort=column, descending=order == Qt.SortOrder.DescendingOrder)
        if query != self.query:
            self.query = query
            self.reload()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))
