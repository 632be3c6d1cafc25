"""What the import dialog shows: the choices form, the preview, the mapping of unknown columns, the problems."""

from __future__ import annotations

import hashlib
import json

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
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

from coordinator.desk.transfer_ops import import_fields
from coordinator.i18n import N_, _, ngettext

KIND_LABELS = {"pupils": N_("Pupils (class list)"), "organisations": N_("Organisations"),
               "contacts": N_("Contact persons"), "placements": N_("Placements"),
               "study-visits": N_("Study visits"), "offers": N_("Offers of placements"),
               "wishes": N_("Pupils' wishes"), "network-members": N_("Network members"),
               "contact-log": N_("Contact log")}
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


class ImportViews:
    """The dialog's widgets and how a checked file is shown in them (mixed into ImportDialog)."""

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_choices())
        self.mapping_box = QGroupBox(_("Columns not recognised: choose what they hold"))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_box.setVisible(False)
        self.mapping_combos: dict[str, QComboBox] = {}
        layout.addWidget(self.mapping_box)
        layout.addWidget(self._build_tables(), 1)
        self._build_buttons(layout)

    def _build_choices(self) -> QFormLayout:
        """What the file holds, the file, the school and year it goes to, what was detected, the encoding."""
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
        self.period_label = QLabel(_("Placement &period:"))
        self.period_first, self.period_last = QDateEdit(), QDateEdit()
        self.period_first.setObjectName("import_period_first")
        self.period_last.setObjectName("import_period_last")
        period_row = QHBoxLayout()
        for edit in (self.period_first, self.period_last):
            edit.setCalendarPopup(True)
            edit.setDate(QDate.currentDate())
            period_row.addWidget(edit)
        period_row.addStretch(1)
        self.period_label.setBuddy(self.period_first)
        form.addRow(self.period_label, period_row)
        self.period_form, self.period_row = form, period_row
        form.addRow(_("Detected:"), self.detected_label)
        form.addRow(_("&Encoding:"), self.encoding_combo)
        form.addRow(self.encoding_hint)
        return form

    def _build_tables(self) -> QSplitter:
        """The file's rows as read above, its problems below."""
        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
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
        return splitter

    def _build_buttons(self, layout: QVBoxLayout) -> None:
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
        layout.addWidget(self.good_rows_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def _show_plan(self, plan) -> None:
        """A checked file: what was detected, the encoding hint, the mapping, the preview and the problems."""
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

    def _show_mapping(self, plan) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_combos = {}
        unknown = [h for h in self._hand_headers if h in plan.headers]
        unknown += [h for h in plan.unknown_headers if h not in unknown]
        for header in unknown:
            combo = QComboBox()
            combo.addItem(_("(ignore this column)"), IGNORE)
            for spec in import_fields(plan.kind):
                combo.addItem(spec.label, spec.name)
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping.get(header, IGNORE))))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            combo.setAccessibleName(_("What the column “{header}” holds").format(header=header))
            self.mapping_form.addRow(header, combo)
            self.mapping_combos[header] = combo
        self.mapping_box.setVisible(bool(unknown))

    def _show_preview(self, plan) -> None:
        """The file's rows as read, one column per recognised or mapped column (header and field)."""
        fields = {spec.name: spec for spec in import_fields(plan.kind)}
        bad = plan.bad_rows
        columns = [(h, plan.mapping[h]) for h in plan.headers if h in plan.mapping]
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        labels = []
        for header, name in columns:
            spec = fields.get(name)
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
