"""The desk's documents: any printable document as PDF, and the schedule as an iCalendar file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from coordinator.desk.core import DeskCore
from coordinator.desk.document_scope import DOCUMENT_KINDS, DocumentScope, document_label

__all__ = ["DOCUMENT_KINDS", "DocumentScope", "DocumentsOps", "document_label"]


class DocumentsOps(DeskCore):
    """Documents are written atomically: a failure or a cancel leaves no file behind."""

    def write_document(self, kind: str, out: Path, scope: DocumentScope = DocumentScope(), *,
                       language: str | None = None, progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> Path:
        """Write one document of `kind` as PDF in `language` (default: the one in force)."""
        from coordinator.desk.figures import CachedFigures
        from coordinator.documents import render_document

        if kind == "scorecard":
            return self._write_scorecard(out, scope, language=language, progress=progress, cancelled=cancelled)
        return render_document(self.store, kind, out, language=language, progress=progress, cancelled=cancelled,
                               figures=CachedFigures(self.store), **scope.as_options())  # type: ignore[arg-type]

    def _write_scorecard(self, out: Path, scope: DocumentScope, *, language: str | None,
                         progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> Path:
        """The scorecard from its sheet: everything it shows, read in one transaction and kept while the data is
        unchanged, so that the next run prints it without the database (coordinator.desk.quick_reads)."""
        from coordinator.desk.figures import CachedFigures
        from coordinator.documents.job import Job
        from coordinator.documents.scorecard import write_sheet
        from coordinator.documents.scorecard_sheet import kept_sheet
        from coordinator.i18n import use_language
        from coordinator.safety.own_files import refuse_own_file

        refuse_own_file(out, self.store.path)
        with use_language(language):  # the sheet holds names in the document's language and is kept under it
            job = Job(progress, cancelled, CachedFigures(self.store))
            sheet = self._read(lambda session: kept_sheet(session, scope.as_options(), job))
        return write_sheet(sheet, out, own=self.store.path, language=language, progress=progress,
                           cancelled=cancelled)

    def write_schedule_calendar(self, out: Path, scope: DocumentScope = DocumentScope(), *,
                                language: str | None = None) -> Path:
        """The schedule as an iCalendar file: one event per study visit and per placement period."""
        from coordinator.documents import write_schedule_ics

        return write_schedule_ics(self.store, out, language=language, **scope.as_options())  # type: ignore[arg-type]
