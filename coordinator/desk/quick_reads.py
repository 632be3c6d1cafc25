"""What a reading command asks of a database file, answered through sqlite3 alone when that is sound
(coordinator.desk.file_reading), else by the desk itself; both give the same answer."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coordinator.desk.file_reading import FileReader, open_reader
from coordinator.summary import DatabaseInfo

if TYPE_CHECKING:
    from coordinator.desk.document_scope import DocumentScope


def database_info(db: str | Path | None) -> DatabaseInfo:
    """How many records of each kind, the current year, the schema revision and the profile."""
    reader = open_reader(db)
    if reader is not None:
        from coordinator.migrations import HEAD
        from coordinator.summary import database_summary

        with reader:
            try:
                info = database_summary(reader.rows, schema_revision=HEAD)
            except sqlite3.Error:  # the desk's own check names what is wrong with the file
                info = None
            if info is not None and reader.sound():
                return info
    from coordinator.desk import Desk

    with Desk.open(db) as desk:
        return desk.info()


def gender_statistics(db: str | Path | None, *, year: str | None = None, school: str | None = None,
                      suppressed: bool = False, threshold: int = 5, by: str = "grade") -> dict[str, Any]:
    """The gender statistics (Desk.gender_statistics): the figures the desk kept for the data as it is now,
    else computed by the desk (which keeps them for the next time)."""
    reader = open_reader(db)
    if reader is not None:
        with reader:
            try:
                found, stats = reader.kept(("gender", year, school, by))
            except sqlite3.Error:
                found = False
            found = found and reader.sound()
        if found:
            from coordinator.stats.suppression import suppress

            return suppress(stats, threshold=threshold) if suppressed else stats
    from coordinator.desk import Desk

    with Desk.open(db) as desk:
        return desk.gender_statistics(year=year, school=school, suppressed=suppressed, threshold=threshold, by=by)


def write_document(db: str | Path | None, kind: str, out: Path, scope: DocumentScope, *,
                   language: str | None = None) -> Path:
    """A document as PDF (Desk.write_document): a scorecard whose sheet the desk kept for the data as it is
    now is laid out from that sheet alone; anything else is written by the desk (which keeps the sheet)."""
    if kind == "scorecard":
        reader = open_reader(db)
        if reader is not None:
            with reader:
                written = _write_kept_scorecard(reader, out, scope, language=language)
            if written is not None:
                return written
    from coordinator.desk import Desk

    with Desk.open(db) as desk:
        return desk.write_document(kind, out, scope, language=language)


class _NotSound(Exception):
    """The file's check did not pass it: the desk is to open it, and say why."""


def _write_kept_scorecard(reader: FileReader, out: Path, scope: DocumentScope, *,
                          language: str | None) -> Path | None:
    """The scorecard from the sheet kept for the data as the reader reads it, or None when none is kept or the
    file's check refuses it. The PDF is laid out while the check (started beside the imports) finishes; it
    takes its name only once the check has passed (in WAL mode the open read holds up no writer)."""
    from coordinator.documents.scorecard_sheet import sheet_key
    from coordinator.i18n import use_language

    with use_language(language):  # the sheet is kept under the document's language
        try:
            found, sheet = reader.kept(sheet_key(scope.as_options()))
        except sqlite3.Error:
            return None
    if not found:
        return None
    from coordinator.documents.scorecard import write_sheet

    def sound() -> None:
        if not reader.sound():
            raise _NotSound

    try:
        return write_sheet(sheet, out, own=reader.path, language=language, before_showing=sound)
    except _NotSound:
        return None
