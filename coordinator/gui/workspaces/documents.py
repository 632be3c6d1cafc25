"""The Documents workspace: choose a document and its scope, render it in the background, preview, save, print."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.pdf_output import copy_atomic, print_pdf
from coordinator.gui.workers import run_task
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.scope_choices import (
    ScopeChoices,
    fill_years,
    load_grades,
    load_school_scope,
    load_scope_choices,
)
from coordinator.i18n import _, get_language
from coordinator.services.changes import ChangeSet

# Each language named in itself, as language menus do.
LANGUAGE_NAMES = (("en", "English"), ("sv", "Svenska"), ("pl", "Polski"), ("ru", "Русский"))
# Which scope fields each document uses; the others are disabled so nobody expects them to matter.
SCOPE_FIELDS: dict[str, frozenset[str]] = {
    "scorecard": frozenset({"school"}),
    "action-plan": frozenset({"school"}),
    "schedule": frozenset({"school", "grade", "class", "teacher", "dates"}),
    "letters": frozenset({"school", "grade", "class", "dates"}),
    "gender": frozenset({"school"}),
    "certificate": frozenset({"school"}),
}


class DocumentsWorkspace(Workspace):
    """Document kind, scope and language on the left; the rendered PDF's preview on the right."""

    key = "documents"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._choices = ScopeChoices()
        self._task = None
        self._loaded = False
        self._tmpdir = Path(tempfile.mkdtemp(prefix="coordinator-preview-"))
        self._counter = 0
        self.current_pdf: Path | None = None
        self._rendered_kind: str | None = None
        self._rendered_args: dict = {}

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("documents_kind")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("documents_year")
        self.school_combo = QComboBox()
        self.school_combo.setObjectName("documents_school")
        self.grade_combo = QComboBox()
        self.grade_combo.setObjectName("documents_grade")
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("documents_class")
        self.teacher_combo = QComboBox()
        self.teacher_combo.setObjectName("documents_teacher")
        self.dates_box = QCheckBox()
        self.dates_box.setObjectName("documents_dates")
        self.from_edit = QDateEdit()
        self.from_edit.setCalendarPopup(True)
        self.to_edit = QDateEdit()
        self.to_edit.setCalendarPopup(True)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("documents_language")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        for combo in (self.school_combo, self.class_combo, self.teacher_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(26)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.kind_combo)
        self.form.addRow(QLabel(), self.year_combo)
        self.form.addRow(QLabel(), self.school_combo)
        self.form.addRow(QLabel(), self.grade_combo)
        self.form.addRow(QLabel(), self.class_combo)
        self.form.addRow(QLabel(), self.teacher_combo)
        self.form.addRow(self.dates_box)
        self.form.addRow(QLabel(), self.from_edit)
        self.form.addRow(QLabel(), self.to_edit)
        self.form.addRow(QLabel(), self.language_combo)

        self.render_button = QPushButton()
        self.render_button.setObjectName("documents_render")
        self.render_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("documents_cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("documents_progress")
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("documents_message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("documents_save")
        self.print_button = QPushButton()
        self.print_button.setObjectName("documents_print")
        self.ics_button = QPushButton()
        self.ics_button.setObjectName("documents_ics")
        for button in (self.save_button, self.print_button, self.ics_button):
            button.setEnabled(False)

        render_row = QHBoxLayout()
        render_row.addWidget(self.render_button)
        render_row.addWidget(self.cancel_button)
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.addLayout(self.form)
        panel_layout.addLayout(render_row)
        panel_layout.addWidget(self.progress)
        panel_layout.addWidget(self.message)
        panel_layout.addStretch(1)
        panel_layout.addWidget(self.save_button)
        panel_layout.addWidget(self.print_button)
        panel_layout.addWidget(self.ics_button)

        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("documents_preview")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.placeholder)
        preview_layout.addWidget(self.view, 1)
        self.view.setVisible(False)

        splitter = QSplitter()
        splitter.addWidget(panel)
        splitter.addWidget(preview)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.school_combo.currentIndexChanged.connect(self._school_changed)
        self.dates_box.toggled.connect(self._kind_changed)
        self.render_button.clicked.connect(self.render)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save_dialog)
        self.print_button.clicked.connect(self.print_dialog)
        self.ics_button.clicked.connect(self.save_ics_dialog)
        context.changes_applied.connect(self.refresh)
        context.language_changed.connect(self._language_changed)
        self.destroyed.connect(lambda *_a, d=self._tmpdir: shutil.rmtree(d, ignore_errors=True))
        self.retranslate()

    # -- the contract ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Documents")

    def retranslate(self) -> None:
        from coordinator.documents import KINDS, kind_label

        labels = {self.kind_combo: _("&Document:"), self.year_combo: _("School &year:"),
                  self.school_combo: _("&School:"), self.grade_combo: _("&Grade:"), self.class_combo: _("&Class:"),
                  self.teacher_combo: _("&Teacher:"), self.from_edit: _("&From:"), self.to_edit: _("T&o:"),
                  self.language_combo: _("&Language:")}
        for widget, text in labels.items():
            label = self.form.labelForField(widget)
            label.setText(text)
            label.setBuddy(widget)
        self.dates_box.setText(_("Only a date &range"))
        kind = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for code in KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.kind_combo.blockSignals(False)
        if self.school_combo.count():
            self.school_combo.setItemText(0, _("All schools (municipality)"))
        if self.grade_combo.count():
            self.grade_combo.setItemText(0, _("All grades"))
        if self.class_combo.count():
            self.class_combo.setItemText(0, _("All classes"))
        if self.teacher_combo.count():
            self.teacher_combo.setItemText(0, _("Any teacher"))
        self.render_button.setText(_("&Show preview"))
        self.cancel_button.setText(_("Cancel"))
        self.save_button.setText(_("Save &as…"))
        self.print_button.setText(_("&Print…"))
        self.ics_button.setText(_("Save calendar (.ics)…"))
        self.ics_button.setToolTip(_("A calendar file that Outlook, Google Calendar and Thunderbird can import."))
        self.placeholder.setText(_("Choose a document and what it covers, then press “Show preview”."))
        self.view.setAccessibleName(_("Preview of the document"))
        self.progress.setAccessibleName(_("Progress"))
        if not self._loaded:
            code = get_language()
            self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(code)))
        self._kind_changed()

    def _language_changed(self, language: str) -> None:
        # Documents follow the app's language unless another is chosen after the switch; the main
        # window itself asks every workspace to retranslate.
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))

    def activated(self) -> None:
        if not self._loaded:
            self.reload()

    def refresh(self, changes: ChangeSet | None = None) -> None:
        if self._loaded and (changes is None or changes.touches("schools", "classes", "teachers", "school_years", "settings")):
            self.reload()

    # -- scope -------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._loaded = True
        if self.context.store is None:
            return
        year = self.year_combo.currentData()
        self._choices = load_scope_choices(self.context.desk, year)
        fill_years(self.year_combo, self._choices.years, self._choices.current_year)
        school = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(_("All schools (municipality)"), None)
        for name in self._choices.schools:
            self.school_combo.addItem(name, name)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(school)))
        self.school_combo.blockSignals(False)
        self._fill_dates()
        self._school_changed()

    def _fill_dates(self) -> None:
        start = self._choices.year_start or dt.date.today()
        end = self._choices.year_end or dt.date.today()
        for edit in (self.from_edit, self.to_edit):
            edit.setDateRange(QDate(start.year, start.month, start.day), QDate(end.year, end.month, end.day))
        today = dt.date.today()
        first = today if start <= today <= end else start
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        last = min(end, first + dt.timedelta(days=30))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))

    def _year_changed(self) -> None:
        if self._loaded:
            self.reload()

    def _school_changed(self) -> None:
        school = self.school_combo.currentData()
        klass, teacher = self.class_combo.currentData(), self.teacher_combo.currentData()
        classes: list[str] = []
        teachers: list[str] = []
        if school is not None and self.context.store is not None:
            classes, teachers = load_school_scope(self.context.desk, self.year_combo.currentData(), school)
        grade = self.grade_combo.currentData()
        self.grade_combo.clear()
        self.grade_combo.addItem(_("All grades"), None)
        if self.context.store is not None:
            for label in load_grades(self.context.desk, self.year_combo.currentData(), school):
                self.grade_combo.addItem(label, label)
        self.grade_combo.setCurrentIndex(max(0, self.grade_combo.findData(grade)))
        self.class_combo.clear()
        self.class_combo.addItem(_("All classes"), None)
        for name in classes:
            self.class_combo.addItem(name, (school, name))
        self.class_combo.setCurrentIndex(max(0, self.class_combo.findData(klass)))
        self.teacher_combo.clear()
        self.teacher_combo.addItem(_("Any teacher"), None)
        for name in teachers:
            self.teacher_combo.addItem(name, (school, name))
        self.teacher_combo.setCurrentIndex(max(0, self.teacher_combo.findData(teacher)))
        self._kind_changed()

    def _kind_changed(self) -> None:
        used = SCOPE_FIELDS.get(self.kind_combo.currentData(), frozenset())
        # A class or a teacher is chosen within a school (a region has thousands of each).
        has_school = self.school_combo.currentData() is not None
        for name, widget in (("school", self.school_combo), ("grade", self.grade_combo), ("class", self.class_combo),
                             ("teacher", self.teacher_combo), ("dates", self.dates_box)):
            enabled = name in used and (has_school or name not in ("class", "teacher"))
            widget.setEnabled(enabled)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setEnabled(enabled)
        dates = "dates" in used and self.dates_box.isChecked()
        for widget in (self.from_edit, self.to_edit):
            widget.setEnabled(dates)
            self.form.labelForField(widget).setEnabled(dates)
        self.ics_button.setEnabled(self.current_pdf is not None and self._rendered_kind == "schedule")

    def scope_arguments(self) -> dict:
        """The render_document keywords the form stands for."""
        kind = self.kind_combo.currentData()
        used = SCOPE_FIELDS.get(kind, frozenset())
        school = self.school_combo.currentData() if "school" in used else None
        klass = self.class_combo.currentData() if "class" in used else None
        grade = self.grade_combo.currentData() if "grade" in used and klass is None else None
        teacher = self.teacher_combo.currentData() if "teacher" in used else None
        if klass is not None:
            school = klass[0]
        date_from = date_to = None
        if "dates" in used and self.dates_box.isChecked():
            date_from = self.from_edit.date().toPython()
            date_to = self.to_edit.date().toPython()
        return {"language": self.language_combo.currentData(), "year": self.year_combo.currentData(),
                "school": school, "class_name": klass[1] if klass else None,
                "teacher": teacher[1] if teacher else None, "grade": grade, "date_from": date_from,
                "date_to": date_to}

    # -- rendering ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def render(self) -> None:
        """Render the chosen document into a temporary file in the background, then preview it."""
        if self.context.store is None or self._task is not None:
            return
        from coordinator.documents import render_document

        store = self.context.store
        kind = self.kind_combo.currentData()
        arguments = self.scope_arguments()
        self._counter += 1
        out = self._tmpdir / f"{kind}-{self._counter}.pdf"

        def work(progress):
            return render_document(store, kind, out, progress=lambda done, total: progress.report(done, total),
                                   cancelled=lambda: progress.cancelled, **arguments)

        self.message.setText(_("Preparing the document…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.render_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._task = run_task(self.context, work, session=False, on_progress=self._progressed,
                              on_done=lambda path: self._rendered(path, kind, arguments),
                              on_error=self._failed, on_cancelled=self._cancelled)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.message.setText(_("Cancelling…"))

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _finish(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.render_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _rendered(self, path: Path, kind: str, arguments: dict) -> None:
        self._finish()
        self.pdf.close()
        error = self.pdf.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.current_pdf = None
            for button in (self.save_button, self.print_button, self.ics_button):
                button.setEnabled(False)
            self.view.setVisible(False)
            self.placeholder.setVisible(True)
            self._failed(_("The document was written but cannot be shown."))
            return
        if self.current_pdf is not None and self.current_pdf != Path(path):
            self.current_pdf.unlink(missing_ok=True)  # the previous preview, no longer shown
        self.current_pdf = Path(path)
        self._rendered_kind = kind
        self._rendered_args = arguments
        self.placeholder.setVisible(False)
        self.view.setVisible(True)
        pages = self.pdf.pageCount()
        from coordinator.i18n import ngettext

        self.message.setText(ngettext("{n} page", "{n} pages", pages).format(n=pages))
        for button in (self.save_button, self.print_button):
            button.setEnabled(True)
        self.ics_button.setEnabled(kind == "schedule")

    def _failed(self, message: str) -> None:
        self._finish()
        self.message.setText(message)

    def _cancelled(self) -> None:
        self._finish()
        self.message.setText(_("Cancelled; no document was made."))

    # -- saving and printing -----------------------------------------------------------------------

    def suggested_name(self, suffix: str) -> str:
        kind = self._rendered_kind or "document"
        year = (self._rendered_args.get("year") or "").replace("/", "-")
        return f"{kind}-{year}{suffix}" if year else f"{kind}{suffix}"

    def save_to(self, target: Path) -> Path:
        if self.current_pdf is None:
            raise UserError(_("Show a preview first."))
        return copy_atomic(self.current_pdf, Path(target))

    def save_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Save the document"), self.suggested_name(".pdf"),
                                                    _("PDF document (*.pdf)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        try:
            self.save_to(path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, _("Save the document"), str(exc))
            return
        self.message.setText(_("Saved {name}.").format(name=path.name))

    def save_ics(self, target: Path) -> Path:
        """Write the previewed schedule's calendar file (same scope) to `target`."""
        from coordinator.documents import write_schedule_ics

        if self._rendered_kind != "schedule" or self.context.store is None:
            raise UserError(_("Show a schedule first."))
        arguments = dict(self._rendered_args)
        return write_schedule_ics(self.context.store, Path(target), **arguments)

    def save_ics_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Save calendar"), self.suggested_name(".ics"),
                                                    _("Calendar file (*.ics)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
        try:
            self.save_ics(path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, _("Save calendar"), str(exc))
            return
        self.message.setText(_("Saved {name}.").format(name=path.name))

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page of the preview onto the printer; returns the pages printed."""
        return print_pdf(self.pdf, printer)

    def print_dialog(self) -> None:
        if self.current_pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the document"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except UserError as exc:
            QMessageBox.warning(self, _("Print the document"), str(exc))
