"""The import dialog: a file checked first (encoding, delimiter, mapping, problems), then applied in a worker."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task
from coordinator.i18n import N_, _, ngettext

KIND_LABELS = {"pupils": N_("Pupils (class list)"), "organisations": N_("Organisations"),
               "contacts": N_("Contact persons"), "placements": N_("Placements"),
               "study-visits": N_("Study visits")}
# Encodings a person may choose when the file's own cannot be told apart (issue 6).
ENCODINGS = (("utf-8", "UTF-8"), ("cp1252", N_("Windows Western (cp1252)")),
             ("cp1250", N_("Windows Central European (cp1250)")), ("cp1251", N_("Windows Cyrillic (cp1251)")),
             ("utf-16", "UTF-16"), ("iso-8859-1", "ISO 8859-1"), ("koi8-r", "KOI8-R"))
PREVIEW_ROWS = 200
IGNORE = ""


def layout_key(kind: str, headers: list[str]) -> str:
    """The QSettings key under which the mapping of one file layout (its header row) is remembered."""
    digest = hashlib.sha1(json.dumps([kind, *headers], ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    return f"import/mapping/{digest}"


def delimiter_name(delimiter: str | None) -> str:
    names = {";": _("semicolon (;)"), ",": _("comma (,)"), "\t": _("tab"), "|": _("vertical bar (|)")}
    if delimiter is None:
        return _("none (Excel workbook)")
    return names.get(delimiter, delimiter)


def result_summary(result) -> str:
    parts = [ngettext("{n} record created", "{n} records created", result.created).format(n=result.created),
             ngettext("{n} updated", "{n} updated", result.updated).format(n=result.updated),
             ngettext("{n} unchanged", "{n} unchanged", result.unchanged).format(n=result.unchanged)]
    if result.skipped:
        parts.append(ngettext("{n} row skipped", "{n} rows skipped", result.skipped).format(n=result.skipped))
    return _("Imported: {details}.").format(details=", ".join(parts))


class ImportDialog(QDialog):
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

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("import_kind")
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(_(label), kind)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file")
        self.file_edit.setReadOnly(True)
        self.browse_button = QPushButton(_("&Choose file…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.school_combo = QComboBox()
        self.school_combo.setObjectName("import_school")
        self.school_combo.setEditable(True)
        self.school_combo.setToolTip(_("Pupils without a school column go to this school; a new name creates "
                                       "the school."))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("import_year")
        self.detected_label = QLabel()
        self.detected_label.setObjectName("import_detected")
        self.detected_label.setWordWrap(True)
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("import_encoding")
        self.encoding_combo.addItem(_("As detected"), None)
        for code, label in ENCODINGS:
            self.encoding_combo.addItem(_(label), code)
        self.encoding_hint = QLabel()
        self.encoding_hint.setObjectName("import_encoding_hint")
        self.encoding_hint.setWordWrap(True)
        self.encoding_hint.setStyleSheet("color: #b45309")
        self.encoding_hint.setVisible(False)

        form = QFormLayout()
        form.addRow(_("&What the file holds:"), self.kind_combo)
        file_label = QLabel(_("&File:"))
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        form.addRow(_("&School:"), self.school_combo)
        form.addRow(_("School &year:"), self.year_combo)
        form.addRow(_("Detected:"), self.detected_label)
        form.addRow(_("&Encoding:"), self.encoding_combo)
        form.addRow(self.encoding_hint)

        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_box = QGroupBox(_("Columns not recognised: choose what they hold"))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_box.setVisible(False)
        self.mapping_combos: dict[str, QComboBox] = {}
        self.problems = QTableWidget(0, 3)
        self.problems.setObjectName("import_problems")
        self.problems.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("import_problems_label")
        problems_page = QWidget()
        problems_layout = QVBoxLayout(problems_page)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_label)
        problems_layout.addWidget(self.problems, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.preview)
        splitter.addWidget(problems_page)

        self.good_rows_box = QCheckBox(_("Import only the &good rows (skip the rows with problems)"))
        self.good_rows_box.setObjectName("import_good_rows")
        self.good_rows_box.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("import_status")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_apply")
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setObjectName("import_cancel")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.good_rows_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self.browse)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.analyse())
        self.encoding_combo.currentIndexChanged.connect(self._encoding_chosen)
        self.good_rows_box.toggled.connect(lambda _on: self._update_buttons())
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self._fill_scope()
        if path is not None:
            self.set_path(Path(path))

    # -- choosing ----------------------------------------------------------------------------------

    def _fill_scope(self) -> None:
        store = self.context.store
        if store is None:
            return
        from coordinator.gui.workspaces.scope_choices import load_choices
        choices = load_choices(self.context.desk)
        self.profile = self.context.desk.setting("profile", "se") or "se"
        self.school_combo.addItem("", None)
        for _school_id, name in choices.schools:
            self.school_combo.addItem(name, name)
        for label in choices.years:
            self.year_combo.addItem(label, label)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(choices.current_year)))

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
        from coordinator.transfer import analyse_file

        path, kind = Path(text), self.kind_combo.currentData()
        encoding = self._encoding_override
        mapping = None if use_saved_mapping or self.plan is None or self.plan.kind != kind else self.current_mapping()
        settings = self.context.settings
        profile = getattr(self, "profile", "se")

        def work(progress):
            plan = analyse_file(path, kind, profile=profile, mapping=mapping, encoding=encoding)
            unknown = list(plan.unknown_headers)
            if mapping is None and plan.unknown_headers:
                saved = settings.value(layout_key(kind, plan.headers))
                if saved:
                    remembered = json.loads(str(saved))
                    plan = analyse_file(path, kind, profile=profile, encoding=encoding,
                                        mapping={**plan.mapping, **remembered})
            return plan, unknown

        self.status_label.setText(_("Checking the file…"))
        self.import_button.setEnabled(False)
        self._task = run_task(self.context, work, session=False, on_done=self._analysed, on_error=self._failed)

    def _analysed(self, outcome) -> None:
        plan, unknown = outcome
        self._task = None
        if self.plan is None or self.plan.kind != plan.kind or self.plan.headers != plan.headers:
            self._hand_headers = []
        self._hand_headers += [h for h in unknown if h not in self._hand_headers]
        self.plan = plan
        self.result = None
        self.status_label.setText("")
        rows = ngettext("{n} row", "{n} rows", len(plan.rows)).format(n=len(plan.rows))
        is_text = plan.file_format != "xlsx"
        if not is_text:
            self.detected_label.setText(_("Excel workbook; {rows}.").format(rows=rows))
        elif plan.encoding:
            self.detected_label.setText(_("Encoding {encoding}, columns separated by {delimiter}; {rows}.").format(
                encoding=plan.encoding, delimiter=delimiter_name(plan.delimiter), rows=rows))
        else:
            self.detected_label.setText(_("The encoding could not be detected."))
        self.encoding_combo.setEnabled(is_text)
        self.encoding_hint.setVisible(bool(plan.needs_encoding_choice))
        if plan.needs_encoding_choice and plan.encoding_sample:
            self.encoding_hint.setText(_("The characters of this file could not be told apart for certain. Choose "
                                         "the encoding under which the names read right; as tried, they read "
                                         "“{sample}”.").format(sample=plan.encoding_sample))
        elif plan.needs_encoding_choice:
            self.encoding_hint.setText(_("The characters of this file could not be told apart for certain. Choose "
                                         "the encoding under which the names read right."))
        self._show_mapping(plan)
        self._show_preview(plan)
        self._show_problems(plan.problems)
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.status_label.setText(message)
        self._update_buttons()

    def _show_mapping(self, plan) -> None:
        from coordinator.transfer import FIELDS

        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_combos = {}
        unknown = [h for h in self._hand_headers if h in plan.headers]
        unknown += [h for h in plan.unknown_headers if h not in unknown]
        for header in unknown:
            combo = QComboBox()
            combo.addItem(_("(ignore this column)"), IGNORE)
            for spec in FIELDS[plan.kind]:
                combo.addItem(spec.label, spec.name)
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping.get(header, IGNORE))))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            combo.setAccessibleName(_("What the column “{header}” holds").format(header=header))
            self.mapping_form.addRow(header, combo)
            self.mapping_combos[header] = combo
        self.mapping_box.setVisible(bool(unknown))

    def _mapping_changed(self) -> None:
        if self.plan is None:
            return
        chosen = {h: c.currentData() for h, c in self.mapping_combos.items() if c.currentData()}
        self.context.settings.setValue(layout_key(self.plan.kind, self.plan.headers),
                                       json.dumps(chosen, ensure_ascii=False))
        self.analyse()

    def _show_preview(self, plan) -> None:
        """The file's rows as read, one column per recognised or mapped column (header and field)."""
        from coordinator.transfer.plan import field_spec

        bad = plan.bad_rows
        columns = [(h, plan.mapping[h]) for h in plan.headers if h in plan.mapping]
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        labels = []
        for header, name in columns:
            spec = field_spec(plan.kind, name)
            label = spec.label if spec is not None else name
            labels.append(header if label.casefold() == header.casefold() else f"{header}\n→ {label}")
        self.preview.setHorizontalHeaderLabels(labels)
        rows = plan.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        self.preview.setVerticalHeaderLabels([str(r.row) for r in rows])
        warn = QBrush(QColor("#fde2e1"))
        for r, row in enumerate(rows):
            for c, (_header, name) in enumerate(columns):
                item = QTableWidgetItem(str(row.raw.get(name, "")))
                if row.row in bad:
                    item.setBackground(warn)
                    item.setForeground(QBrush(QColor("#1f2933")))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()

    def _show_problems(self, problems) -> None:
        self.problems.setRowCount(len(problems))
        for r, problem in enumerate(problems):
            for c, value in enumerate((str(problem.row) if problem.row else "", problem.column, problem.message)):
                self.problems.setItem(r, c, QTableWidgetItem(value))
        self.problems.resizeColumnToContents(0)
        self.problems.resizeColumnToContents(1)
        if problems:
            rows = len({p.row for p in problems})
            self.problems_label.setText(
                _("{problems} {in_rows}; nothing is imported unless you choose to import only the good rows.")
                .format(problems=ngettext("{n} problem", "{n} problems", len(problems)).format(n=len(problems)),
                        in_rows=ngettext("in {n} row", "in {n} rows", rows).format(n=rows)))
        else:
            self.problems_label.setText(_("No problems found."))

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
        from coordinator.transfer import apply_import

        plan = self.plan
        school = self.school_combo.currentText().strip() or None
        year = self.year_combo.currentData()
        good_only = self.good_rows_box.isChecked()

        store = self.context.store

        def work(session, progress):
            from coordinator.safety.backups import backup_before

            backup_before(store, "import")
            return apply_import(session, plan, school=school, year=year, good_rows_only=good_only,
                                progress=lambda done, total: progress.report(done, total),
                                cancelled=lambda: progress.cancelled)

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status_label.setText(_("Importing…"))
        self.cancel_button.setText(_("Cancel"))
        self._task = run_task(self.context, work, on_done=self._imported, on_error=self._failed,
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
            self.context.announce(result.changes)
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
