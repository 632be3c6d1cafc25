"""A filterable, sortable table of one kind of record beside its detail form: create, edit, delete in place."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Changes, Kind
from coordinator.desk.gui_records import change_kind
from coordinator.errors import UserError, ValidationError
from coordinator.gui.context import AppContext
from coordinator.gui.keyboard import install_panel_keys
from coordinator.gui.models.record_table import RecordTableModel
from coordinator.gui.record_ops import create_record, delete_record, update_record
from coordinator.gui.widgets.record_form import RecordFormWidget
from coordinator.gui.workspaces.panel_safety import PanelSafetyMixin
from coordinator.gui.workspaces.panel_warnings import PanelWarningsMixin
from coordinator.i18n import _, ngettext, pgettext
from coordinator.services.records import RecordKind


class RecordPanel(PanelSafetyMixin, PanelWarningsMixin, QWidget):
    """Table + form for one RecordKind. Subclasses may add warnings (`warnings_for`)."""

    saved = Signal(int)
    model_class = RecordTableModel
    FILTER_DELAY_MS = 150

    def __init__(self, context: AppContext, kind: RecordKind, parent: QWidget | None = None,
                 related: tuple[Kind, ...] = ()):
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.changes_kind = change_kind(kind.key)  # what the desk announces this kind's writes as
        self.related = {self.changes_kind, Kind.SETTINGS, *related}
        self.setObjectName(f"panel_{kind.key}")
        self.model = self.model_class(context, kind, self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("filter")
        self.filter.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.choice = QComboBox(self)  # the kind's second filter (status, school, …), if it has one
        self.choice.setObjectName("choice_filter")
        self.choice.setVisible(kind.choice_filter is not None)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("delete")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self)
        self.revert_button.setObjectName("revert")
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("history")
        self.history_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(False)
        self.warnings.setForegroundRole(self.warnings.palette().ColorRole.Link)

        self._build_table()
        right = self._build_side()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"splitter_{kind.key}")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addWidget(self.splitter, 1)

        self._connect_signals()
        self._start_drafts()
        self._pending_select: int | None = None
        self._loaded_once, self._version, self._shown = False, None, {}  # the form's record as read: version, values
        install_panel_keys(self)
        self.retranslate()
        self._restore_splitter()

    def _top_bar(self) -> QHBoxLayout:
        """The filter, the kind's second filter, the count, New and Delete."""
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.choice)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        return top

    def _build_table(self) -> None:
        """The records, sorted and filtered in the database, one page of rows fetched at a time."""
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.model.query = replace(self.model.query, descending=self.kind.newest_first)
        newest_first = self.kind.newest_first
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder if newest_first else Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(140)
        self._sized = False
        self.table.setWordWrap(False)

    def _build_side(self) -> QWidget:
        """The detail form (scrolling), its warnings, and History, status, Revert and Save under it."""
        self.form = RecordFormWidget(self.context, self.kind, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.warnings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        return right

    def _connect_signals(self) -> None:
        self._filter_timer = QTimer(self, singleShot=True, interval=self.FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self._warn_timer = QTimer(self, singleShot=True, interval=250)
        self._warn_timer.timeout.connect(self.update_warnings)
        self.filter.textEdited.connect(lambda _t: self._filter_timer.start())
        self.choice.activated.connect(lambda _i: self._apply_filter())
        self.model.reloaded.connect(self._after_reload)
        self.model.first_rows.connect(self._after_first_rows)
        self.model.failed.connect(self.status.setText)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_row(cur.row()))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.history_button.clicked.connect(self.show_history)
        self.form.edited.connect(self._warn_timer.start)

    # ---- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.filter.setPlaceholderText(_("Filter {kinds}…").format(kinds=_(self.kind.title).lower()))
        self.filter.setAccessibleName(_("Filter"))
        self.table.setAccessibleName(_(self.kind.title))
        self.new_button.setText(_("New"))
        self.new_button.setAccessibleName(_("New {kind}").format(kind=_(self.kind.singular).lower()))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the selected record"))
        self.save_button.setText(_("Save"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))  # after setText, which resets it; Cmd+S on macOS
        self.history_button.setText(_("History…"))
        self.history_button.setAccessibleName(_("What was done to this record, and when"))
        self.revert_button.setText(_("Revert"))
        self.revert_button.setAccessibleName(_("Revert the form"))
        self.form.retranslate()
        self.model.retranslate()
        self._fill_choice_filter()
        self._update_count()

    # ---- loading --------------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            self.model.active = True
            self.model.reload()
            self.new_record()

    def _apply_filter(self) -> None:
        filters: tuple = ()
        if self.kind.choice_filter is not None and self.choice.currentData() is not None:
            filters = ((self.kind.choice_filter[0], self.choice.currentData()),)
        self.model.set_query(self._query_with(replace(self.model.query, text=self.filter.text(), filters=filters)))

    def _fill_choice_filter(self) -> None:
        if self.kind.choice_filter is None or self.context.desk is None:
            return
        _name, label, choices = self.kind.choice_filter
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(pgettext("filter", "All"), None)
        for value, text in self.context.desk.choice_filter_options(self.kind.key):
            if value is not None:
                self.choice.addItem(text, value)
        self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
        self.choice.blockSignals(False)
        self.choice.setAccessibleName(_(label))
        self.choice.setToolTip(_(label))

    def _after_reload(self) -> None:
        self._update_count()
        if not self._sized and self.model.rowCount():
            self._sized = True
            self._fit_columns()
        if self._pending_select is not None:
            self.select_id(self._pending_select)
            self._pending_select = None
        elif self.form.record_id is not None:
            row = self.model.row_of(self.form.record_id)
            if row >= 0:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)

    def _after_first_rows(self) -> None:
        """The first page is shown while the other ids still come: size the columns from it now."""
        if not self._sized and self.model.rowCount():
            self._sized = True
            self._fit_columns()
            if self.model.loading:
                self.count_label.clear()  # not "0 records" while the count is on its way

    def _fit_columns(self) -> None:
        """Widths from the header and the first rows (already fetched); Qt's own fitting walks far more rows."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        rows = min(self.model.rowCount(), 60)
        for column in range(self.model.columnCount()):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [self.model.index(row, column).data() or "" for row in range(rows)]
            width = max(metrics.horizontalAdvance(text) for text in texts) + 24
            header.resizeSection(column, min(max(width, 60), 260))

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(ngettext("{n} record", "{n} records", n).format(n=n))

    def refresh(self, changes: Changes | None = None) -> None:
        if not self._loaded_once:
            return
        if changes is None:  # another database: what the form shows belongs to the old one
            self.model.reload()
            self.new_record()
            return
        if changes.touches(*self.related):
            for kind_ids in (changes.updated, changes.deleted):
                self.model.forget(kind_ids.get(self.changes_kind, ()))
            self.model.reload()
            shown = self.form.record_id
            if shown is not None and shown in changes.deleted.get(self.changes_kind, frozenset()):
                self.new_record()
            elif shown is not None and shown in changes.updated.get(self.changes_kind, frozenset()):
                if self.form.values() == self._shown:  # nothing typed: show the record as it is now
                    self.load(shown)
                else:  # changed elsewhere while being edited: the edit stays; saving it names both versions
                    self.status.setText(_("Someone else has just changed this record; what you typed is kept."))

    # ---- selection and form ---------------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        record_id = self.model.id_at(row)
        if record_id is None or record_id == self.form.record_id:
            return
        if not self.settle():
            QTimer.singleShot(0, self, self._keep_selection)  # once the view has done selecting
            return
        self.load(record_id)

    def select_id(self, record_id: int) -> None:
        if record_id != self.form.record_id and not self.settle():
            return
        keep = record_id == self.form.record_id and self.is_dirty()  # its edits stay in the form
        row = self.model.row_of(record_id)
        if row < 0:
            if not keep:
                self.load(record_id)  # the form at once; the table row once the list has loaded
            if self.model.loading:
                self._pending_select = record_id
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        if not keep:
            self.load(record_id)

    def load(self, record_id: int) -> None:
        try:
            record = self.context.desk.record(self.kind.key, record_id)
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.form.set_record(record)
        self._version, self._shown = record.version, self.form.values()  # a save names the version it read
        self.status.setText("")
        self._record_actions(True)
        self.update_warnings()

    def _record_actions(self, enabled: bool) -> None:
        """Delete and History act on the record in the form; a new, unsaved one has neither."""
        self.delete_button.setEnabled(enabled)
        self.history_button.setEnabled(enabled)

    def show_history(self) -> None:
        """The audit trail of the record in the form: when it was created and changed, which fields."""
        if self.form.record_id is not None:
            from coordinator.gui.dialogs.audit_dialog import open_history

            self.history_dialog = open_history(self.context, str(self.changes_kind), self.form.record_id, self)

    def start_new(self) -> None:
        """New (the button, Ctrl+N): an empty form, once the one shown is saved or given up."""
        if self.settle():
            self.new_record()
            self.focus_form()

    def new_record(self) -> None:
        if self.context.desk is None:
            return
        record = self.context.desk.new_record(self.kind.key)
        self.table.clearSelection()
        self.form.set_record(record)
        self.status.setText("")
        self._record_actions(False)
        self.update_warnings()

    def revert(self) -> None:
        if self.form.record_id is None:
            self.new_record()
        else:
            self.load(self.form.record_id)

    def save(self) -> bool:
        values = self.form.values()
        try:
            if self.form.record_id is None:
                outcome = create_record(self.context, self.kind, values, on_failure=self.status.setText)
                record_id, done = outcome.value, _("Created.")
            else:
                record_id, done = self.form.record_id, _("Saved.")
                outcome = update_record(self.context, self.kind, record_id, values, version=self._version,
                                        on_failure=self.status.setText)
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.status.setText(_("Please correct the marked fields."))
            return False
        except UserError as exc:  # the record is gone (read before the edit)
            self.status.setText(str(exc))
            return False
        if not outcome.ok or record_id is None:
            return False
        self.status.setText(done)
        self._version, self._shown = self.context.desk.record(self.kind.key, record_id).version, values
        self.form.show_problems({})
        self.form.mark_clean()
        self.forget_draft()
        self._pending_select = record_id
        self.form.record_id = record_id
        self._record_actions(True)
        self.saved.emit(record_id)
        return True

    def delete_current(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            return
        try:
            if not delete_record(self.context, self.kind, record_id, on_failure=self.status.setText).ok:
                return
        except UserError as exc:  # the record is gone (read before the delete)
            self.status.setText(str(exc))
            return
        self.new_record()
        self.status.setText(_("Deleted. Undo with Ctrl+Z."))

    # ---- settings -------------------------------------------------------------------------------
    def _restore_splitter(self) -> None:
        state = self.context.settings.value(f"splitters/{self.kind.key}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([600, 420])
        self.splitter.splitterMoved.connect(
            lambda *_a: self.context.settings.setValue(f"splitters/{self.kind.key}", self.splitter.saveState()))
