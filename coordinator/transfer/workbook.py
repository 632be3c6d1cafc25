"""Reading the first worksheet of an XLSX file safely: the zip checked, rows counted and entities refused
before parsing, the sheet read in native code (or streamed through defused XML when it is vast)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coordinator.i18n import _
from coordinator.transfer.reading import (
    HEADER_SEARCH_ROWS,
    MAX_ROWS,
    MAX_XLSX_UNPACKED,
    ReadError,
    Sheet,
    check_width,
    header_position,
)
from coordinator.transfer.values import MAC_1904, WINDOWS_1900
from coordinator.transfer.workbook_scan import book_settings, entity_refusal, scan_parts


# Up to this many cells (rows × columns, laid out in full) a sheet is read at once by calamine, in
# native code; a larger, sparse sheet is streamed row by row through openpyxl instead, so that a
# stray cell far out never makes the whole rectangle up to it take memory.
AT_ONCE_CELLS = 4_000_000


def read_xlsx(path: Path, data: bytes) -> Sheet:
    """The first worksheet (the active one when it is a worksheet); a broken or hostile workbook is a
    ReadError. Rows keep the sheet's numbers; empty trailing cells are dropped."""
    _check_archive(data)
    cells = scan_parts(data)  # before any parser: too many rows and entity declarations are refused here
    rows, epoch = (_read_at_once if cells <= AT_ONCE_CELLS else _read_streaming)(data)
    from coordinator.transfer.values import cell_text

    index = header_position([(n, [cell_text(c) for c in cells]) for n, cells in rows[:HEADER_SEARCH_ROWS]], None)
    if index is None:
        raise ReadError(1, "A", _("The file is empty."))
    header_row, header_cells = rows[index]
    headers = [cell_text(c) for c in header_cells]
    return Sheet(headers=headers, rows=rows[index + 1:], header_row=header_row, file_format="xlsx", epoch=epoch)


Rows = list[tuple[int, list[Any]]]


def _read_at_once(data: bytes) -> tuple[Rows, dt.datetime]:
    """The sheet through calamine, its values as openpyxl gives them (None for an empty cell, int for a
    whole number, datetime for a date), so that both readers hand on the same rows."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        active, from_1904 = book_settings(data)
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            kinds = [meta.typ for meta in book.sheets_metadata]
            sheets = [i for i, kind in enumerate(kinds) if kind == SheetTypeEnum.WorkSheet]
            if not sheets:
                raise ReadError(1, "A", _("The file is empty."))
            sheet = book.get_sheet_by_index(active if active in sheets else sheets[0])
            laid_out = sheet.to_python(skip_empty_area=False)  # from A1: rows keep the sheet's numbers
            rows = _kept_rows(enumerate(([c if c.__class__ is str and c else _as_openpyxl(c) for c in cells]
                                         for cells in laid_out), start=1))
    except ReadError:
        raise
    except BaseException as exc:  # calamine's refusals, and a panic of its native code, are one answer
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        raise _workbook_error(exc) from exc
    return rows, WINDOWS_1900 if not from_1904 else MAC_1904


def _as_openpyxl(value: Any) -> Any:
    if isinstance(value, str) and not value:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if type(value) is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


def _read_streaming(data: bytes) -> tuple[Rows, dt.datetime]:
    """The sheet row by row through openpyxl (read-only, its XML defused)."""
    import openpyxl

    workbook = None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        active = workbook.active
        sheet = active if active in workbook.worksheets else (workbook.worksheets[0] if workbook.worksheets
                                                               else None)
        if sheet is None:
            raise ReadError(1, "A", _("The file is empty."))
        sheet.reset_dimensions()  # a stated size of a million rows or columns is not padded out
        epoch = getattr(workbook, "epoch", WINDOWS_1900)
        rows = _kept_rows(enumerate((list(cells) for cells in sheet.iter_rows(values_only=True)), start=1))
    except ReadError:
        raise
    except Exception as exc:  # defusedxml's refusals, broken XML, missing parts: all one answer for a person
        raise _workbook_error(exc) from exc
    finally:
        if workbook is not None:
            workbook.close()
    return rows, epoch


def _kept_rows(numbered: Iterator[tuple[int, list[Any]]]) -> Rows:
    """The rows that hold anything, without their empty trailing cells, each within the limits."""
    rows: Rows = []
    for number, values in numbered:
        if number > MAX_ROWS:
            raise ReadError(number, "A", _("The file has more than {limit} rows.").format(limit=MAX_ROWS))
        while values and (values[-1] is None or (isinstance(values[-1], str) and not values[-1].strip())):
            values.pop()
        check_width(number, values)
        if values:
            rows.append((number, values))
    return rows


def _check_archive(data: bytes) -> None:
    """The zip around the workbook: not damaged, not encrypted, not unpacking to more than the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise ReadError(1, "A", _("The workbook is protected with a password; save it without one and "
                                          "import it again."))
            unpacked = sum(info.file_size for info in archive.infolist())
            bad = archive.testzip() if unpacked <= MAX_XLSX_UNPACKED else None
    except ReadError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError) as exc:
        raise ReadError(1, "A", _("The workbook is damaged or not an XLSX file.")) from exc
    if bad is not None:
        raise ReadError(1, "A", _("The workbook is damaged or not an XLSX file."))
    if unpacked > MAX_XLSX_UNPACKED:
        raise ReadError(1, "A", _("The workbook unpacks to more than {limit} MB; it is refused.").format(
            limit=MAX_XLSX_UNPACKED // 2**20))


def _workbook_error(exc: BaseException) -> ReadError:
    if _is_defused(exc):
        return entity_refusal()
    if isinstance(exc, zlib.error):
        return ReadError(1, "A", _("The workbook is damaged or not an XLSX file."))
    return ReadError(1, "A", _("The workbook is damaged, unsafe or not an XLSX file ({error}).").format(
        error=type(exc).__name__))


def _is_defused(exc: BaseException | None) -> bool:
    from defusedxml import DefusedXmlException

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


