"""What a document covers and which kinds there are: light, so the command line names them without loading
the desk (a kept scorecard is then printed with no database layer at all)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coordinator.documents.kinds import KINDS as DOCUMENT_KINDS
from coordinator.documents.kinds import kind_label as document_label

__all__ = ["DOCUMENT_KINDS", "DocumentScope", "document_label"]


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
