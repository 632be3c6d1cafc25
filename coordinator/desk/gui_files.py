"""Files the desktop app writes or reads outside the database: saved copies, exported tables, the error log.

Every file a person asks for is written through a temporary file and a rename, so a failure never
leaves half a file where the person chose to save.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

from coordinator.i18n import _

__all__ = ["copy_atomic", "ensure_logging", "log_directory", "write_table"]


def log_directory() -> Path:
    """Where the log of unexpected errors is written (names of people are filtered out of it)."""
    from coordinator.safety.logs import log_directory as directory

    return directory()


def ensure_logging() -> None:
    """Open the log of unexpected errors (the file is made when something is logged)."""
    from coordinator.safety.logs import ensure_logging as start

    start()


def copy_atomic(source: Path, target: Path) -> Path:
    """Copy a finished file to where the person chose, through a temporary file and a rename."""
    from coordinator.safety.atomic import atomic_write

    with atomic_write(target, "wb") as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
    return target


def write_table(path: Path, headers: list[str], rows: list[list[Any]],
                extra_sheets: tuple[tuple[str, list[str], list[list[Any]]], ...] = ()) -> Path:
    """Write a table to CSV (';', UTF-8 with BOM so Excel reads it) or XLSX, through a temporary file.

    An XLSX also gets `extra_sheets` (title, headers, rows); a CSV holds the first table only.
    """
    from coordinator.safety.atomic import atomic_write

    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = _("Statistics")[:31]
        sheet.append(headers)
        for row in rows:
            sheet.append([_safe_cell(v) for v in row])
        for title, more_headers, more_rows in extra_sheets:
            more = book.create_sheet(title[:31])
            more.append(more_headers)
            for row in more_rows:
                more.append([_safe_cell(v) for v in row])
        with atomic_write(path, "wb") as fh:
            book.save(fh)
    else:
        with atomic_write(path, "w", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(headers)
            for row in rows:
                writer.writerow(["" if v is None else _safe_cell(v) for v in row])
    return path


def _safe_cell(value: Any) -> Any:
    # Text that a spreadsheet would run as a formula is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r", "\0"):
        return "'" + value
    return value
