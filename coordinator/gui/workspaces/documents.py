"""The Documents workspace: choose a document and its scope, render it in the background, preview, save, print."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Changes, Kind
from coordinator.desk.documents_ops import DocumentScope
from coordinator.desk.gui_files import copy_atomic
from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.pdf_output import print_pdf
from coordinator.gui.workers import run_task
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.documents_scope import DocumentScopeForm
from coordinator.i18n import _, get_language


class DocumentsWorkspace(DocumentScopeForm, Workspace):
    """Document kind, scope and language on the left; the rendered PDF's preview on the right."""

    key = "documents"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._task = None
        self._loaded = False
        self._tmpdir = Path(tempfile.mkdtemp(prefix="coordinator-preview-"))
        self._counter = 0
        self.current_pdf: Path | None = None
        self._rendered_kind: str | None = None
        self._rendered_args: dict = {}

        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.addLayout(self._build_scope_form())
        self._build_actions(panel_layout)
        splitter = QSplitter()
        splitter.addWidget(panel)
        splitter.addWidget(self._build_preview())
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

    def _build_actions(self, panel_layout: QVBoxLayout) -> None:
        """Show preview and Cancel, the progress, a message line; Save, Print and the calendar below."""
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
        panel_layout.addLayout(render_row)
        panel_layout.addWidget(self.progress)
        panel_layout.addWidget(self.message)
        panel_layout.addStretch(1)
        panel_layout.addWidget(self.save_button)
        panel_layout.addWidget(self.print_button)
        panel_layout.addWidget(self.ics_button)

    def _build_preview(self) -> QWidget:
        """The rendered PDF, or a hint while there is none."""
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
        return preview

    # -- the contract ------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Documents")

    def retranslate(self) -> None:
        self._retranslate_scope()
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

    def refresh(self, changes: Changes | None = None) -> None:
        if self._loaded and (changes is None or changes.touches(Kind.SCHOOLS, Kind.CLASSES, Kind.TEACHERS, Kind.SCHOOL_YEARS, Kind.SETTINGS)):
            self.reload()

    # -- rendering ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def render(self) -> None:
        """Render the chosen document into a temporary file in the background, then preview it."""
        if self.context.desk is None or self._task is not None:
            return
        desk = self.context.desk
        kind = self.kind_combo.currentData()
        arguments = self.scope_arguments()
        scope, language = self.document_scope()
        self._counter += 1
        out = self._tmpdir / f"{kind}-{self._counter}.pdf"

        def work(progress):
            return desk.write_document(kind, out, scope, language=language, cancelled=lambda: progress.cancelled,
                                       progress=lambda done, total: progress.report(done, total))

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
        if self._rendered_kind != "schedule" or self.context.desk is None:
            raise UserError(_("Show a schedule first."))
        arguments = dict(self._rendered_args)
        language = arguments.pop("language")
        return self.context.desk.write_schedule_calendar(Path(target), DocumentScope(**arguments), language=language)

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
