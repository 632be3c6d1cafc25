"""The desk's documents: any printable document as PDF, and the schedule as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coordinator.desk.core import DeskCore

# Light to import: the command line lists the kinds without loading reportlab.
from coordinator.documents.kinds import KINDS as DOCUMENT_KINDS
from coordinator.documents.kinds import kind_label as document_label

__all__ = ["DOCUMENT_KINDS", "DocumentScope", "DocumentsOps", "document_label"]


@dataclass(frozen=True)
class DocumentScope:
    """What a document covers; every field optional (the current year, the whole municipality)."""

    year: str | None = None
    school: str | None = None
    class_name: str | None = None
    teacher: str | None = None
    grade: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    school_form: str | None = None  # the form a --grade belongs to (code, short prefix or name)

    def as_options(self) -> dict[str, object]:
        return {"year": self.year, "school": self.school, "class_name": self.class_name,
                "teacher": self.teacher, "grade": self.grade, "date_from": self.date_from,
                "date_to": self.date_to, "school_form": self.school_form}


class DocumentsOps(DeskCore):
    """Documents are written atomically: a failure or a cancel leaves no file behind."""

    def write_document(self, kind: str, out: Path, scope: DocumentScope = DocumentScope(), *,
                       language: str | None = None, progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> Path:
        """Write one document of `kind` as PDF in `language` (default: the one in force)."""
        from coordinator.desk.figures import CachedFigures
        from coordinator.documents import render_document

        return render_document(self.store, kind, out, language=language, progress=progress, cancelled=cancelled,
                               figures=CachedFigures(self.store), **scope.as_options())  # type: ignore[arg-type]

    def write_schedule_calendar(self, out: Path, scope: DocumentScope = DocumentScope(), *,
                                language: str | None = None) -> Path:
        """The schedule as an iCalendar file: one event per study visit and per placement period."""
        from coordinator.documents import write_schedule_ics

        return write_schedule_ics(self.store, out, language=language, **scope.as_options())  # type: ignore[arg-type]
