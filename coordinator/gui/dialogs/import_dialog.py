"""The import dialog: a file checked first (encoding, delimiter, mapping, problems), then applied in a worker."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from coordinator.gui.context import AppContext
from coordinator.gui.dialogs.import_views import ImportViews, layout_key, result_summary
from coordinator.gui.operations import run_op_in_background
from coordinator.gui.workers import run_task
from coordinator.i18n import _


class ImportDialog(ImportViews, QDialog):
    """Choose kind and file; see what was detected, the preview, the mapping and every problem; import."""

    def __init__(self, context: AppContext, path: str | Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("import_dialog")
        self.setWindowTitle(_("Import a file"))
        self.resize(900, 640)
        self.plan = None
        self.result = None
        self._task = None
        self._encoding_override: str | None = None
        self._hand_headers: list[str] = []

        self._build()
        self.browse_button.clicked.connect(self.browse)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.analyse())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_period())
        self.encoding_combo.currentIndexChanged.connect(self._encoding_chosen)
        self.good_rows_box.toggled.connect(lambda _on: self._update_buttons())
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self._fill_scope()
        self._show_period()
        if path is not None:
            self.set_path(Path(path))

    # -- choosing ----------------------------------------------------------------------------------

    def _fill_scope(self) -> None:
        if self.context.desk is None:
            return
        choices = self.context.desk.filter_choices()
        self.school_combo.addItem("", None)
        for _school_id, name in choices.schools:
            self.school_combo.addItem(name, name)
        for label in choices.years:
            self.year_combo.addItem(label, label)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(choices.current_year)))
        periods = self.context.desk.wish_periods()
        if periods:  # the latest period with wishes, most often the one being completed
            first, last = periods[-1].first_day, periods[-1].last_day
            self.period_first.setDate(QDate(first.year, first.month, first.day))
            self.period_last.setDate(QDate(last.year, last.month, last.day))

    def _show_period(self) -> None:
        """Wishes belong to a placement period: its first and last day are asked only for them."""
        self.period_form.setRowVisible(self.period_row, self.kind_combo.currentData() == "wishes")

    def period(self) -> tuple[dt.date, dt.date] | None:
        if self.kind_combo.currentData() != "wishes":
            return None
        return self.period_first.date().toPython(), self.period_last.date().toPython()

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Choose a file to import"), "",
                                                    _("Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"))
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path, kind: str | None = None) -> None:
        if kind is not None:
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
            self.kind_combo.blockSignals(False)
        self.file_edit.setText(str(path))
        self._encoding_override = None
        self.encoding_combo.blockSignals(True)
        self.encoding_combo.setCurrentIndex(0)
        self.encoding_combo.blockSignals(False)
        self.analyse(use_saved_mapping=True)

    def _encoding_chosen(self) -> None:
        self._encoding_override = self.encoding_combo.currentData()
        self.analyse()

    def current_mapping(self) -> dict[str, str]:
        mapping = dict(self.plan.mapping) if self.plan is not None else {}
        for header, combo in self.mapping_combos.items():
            if combo.currentData():
                mapping[header] = combo.currentData()
            else:
                mapping.pop(header, None)
        return mapping

    # -- checking ----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def analyse(self, *, use_saved_mapping: bool = False) -> None:
        """Read and check the file in the background with the chosen kind, encoding and mapping."""
        text = self.file_edit.text()
        if not text or self._task is not None:
            return
        path, kind = Path(text), self.kind_combo.currentData()
        encoding = self._encoding_override
        mapping = None if use_saved_mapping or self.plan is None or self.plan.kind != kind else self.current_mapping()
        settings = self.context.settings

        def work(desk, progress):
            plan = desk.analyse_import(path, kind, mapping=mapping, encoding=encoding)
            unknown = list(plan.unknown_headers)
            if mapping is None and plan.unknown_headers:
                saved = settings.value(layout_key(kind, plan.headers))
                if saved:
                    remembered = json.loads(str(saved))
                    plan = desk.analyse_import(path, kind, encoding=encoding, mapping={**plan.mapping, **remembered})
            return plan, unknown

        self.status_label.setText(_("Checking the file…"))
        self.import_button.setEnabled(False)
        self._task = run_task(self.context, work, on_done=self._analysed, on_error=self._failed)

    def _analysed(self, outcome) -> None:
        plan, unknown = outcome
        self._task = None
        if self.plan is None or self.plan.kind != plan.kind or self.plan.headers != plan.headers:
            self._hand_headers = []
        self._hand_headers += [h for h in unknown if h not in self._hand_headers]
        self.plan = plan
        self.result = None
        self.status_label.setText("")
        self._show_plan(plan)
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.status_label.setText(message)
        self._update_buttons()

    def _mapping_changed(self) -> None:
        if self.plan is None:
            return
        chosen = {h: c.currentData() for h, c in self.mapping_combos.items() if c.currentData()}
        self.context.settings.setValue(layout_key(self.plan.kind, self.plan.headers),
                                       json.dumps(chosen, ensure_ascii=False))
        self.analyse()

    def _update_buttons(self) -> None:
        plan = self.plan
        has_problems = bool(plan is not None and plan.problems)
        self.good_rows_box.setEnabled(has_problems and self._task is None)
        ready = (plan is not None and self._task is None and self.result is None and bool(plan.rows)
                 and (not has_problems or self.good_rows_box.isChecked()))
        self.import_button.setEnabled(ready)

    # -- importing ---------------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.plan is None or self._task is not None:
            return
        plan = self.plan
        school = self.school_combo.currentText().strip() or None
        year = self.year_combo.currentData()
        good_only = self.good_rows_box.isChecked()
        period = self.period()
        if period is not None and period[1] < period[0]:
            self.status_label.setText(_("The last day is before the first day."))
            return

        def work(desk, progress):  # the desk backs up first, and announces what the import changed
            result, _changes = desk.apply_import(plan, school=school, year=year, good_rows_only=good_only,
                                                 period=period,
                                                 progress=lambda done, total: progress.report(done, total),
                                                 cancelled=lambda: progress.cancelled)
            return result

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status_label.setText(_("Importing…"))
        self.cancel_button.setText(_("Cancel"))
        self._task = run_op_in_background(self.context, work, on_done=self._imported, on_failure=self._failed,
                                          on_progress=self._progressed, on_cancelled=self._cancelled)
        self._update_buttons()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _imported(self, result) -> None:
        self._task = None
        self.result = result
        self.progress.setVisible(False)
        if result.imported:
            self.status_label.setText(result_summary(result))
            self.cancel_button.setText(_("Close"))
        else:
            self.status_label.setText(_("Nothing was imported."))
            self._show_problems(result.problems)
        self._update_buttons()

    def _cancelled(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.status_label.setText(_("The import was cancelled; nothing was imported."))
        self._update_buttons()

    def reject(self) -> None:
        # Escape or the window's close button while work runs stops the work first.
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()

    def _cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            return
        if self.result is not None and self.result.imported:
            self.accept()
        else:
            self.reject()
