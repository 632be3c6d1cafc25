"""Reading the first worksheet of an XLSX file safely: the zip checked, rows counted as they stream, XML defused."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
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


def read_xlsx(path: Path, data: bytes) -> Sheet:
    """The first worksheet, read-only through defusedxml; a broken or hostile workbook is a ReadError."""
    _check_archive(data)
    count_rows(data)  # before openpyxl, which reads a sheet without a stated size through to learn it
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

    workbook = None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        active = workbook.active
        sheet = active if active in workbook.worksheets else (workbook.worksheets[0] if workbook.worksheets
                                                               else None)
        if sheet is None:
            raise ReadError(1, "A", _("The file is empty."))
        sheet.reset_dimensions()  # a stated size of a million rows or columns is not padded out
        epoch = getattr(workbook, "epoch", CALENDAR_WINDOWS_1900)
        rows: list[tuple[int, list[Any]]] = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise ReadError(number, "A", _("The file has more than {limit} rows.").format(limit=MAX_ROWS))
            values = list(cells)
            while values and (values[-1] is None or (isinstance(values[-1], str) and not values[-1].strip())):
                values.pop()
            check_width(number, values)
            if values:
                rows.append((number, values))
    except ReadError:
        raise
    except Exception as exc:  # defusedxml's refusals, broken XML, missing parts: all one answer for a person
        raise _workbook_error(exc) from exc
    finally:
        if workbook is not None:
            workbook.close()
    from coordinator.transfer.values import cell_text

    index = header_position([(n, [cell_text(c) for c in cells]) for n, cells in rows[:HEADER_SEARCH_ROWS]], None)
    if index is None:
        raise ReadError(1, "A", _("The file is empty."))
    header_row, header_cells = rows[index]
    headers = [cell_text(c) for c in header_cells]
    return Sheet(headers=headers, rows=rows[index + 1:], header_row=header_row, file_format="xlsx", epoch=epoch)


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
        return ReadError(1, "A", _("The workbook holds XML that could be an attack (entity expansion); it is "
                                   "refused."))
    if isinstance(exc, zlib.error):
        return ReadError(1, "A", _("The workbook is damaged or not an XLSX file."))
    return ReadError(1, "A", _("The workbook is damaged, unsafe or not an XLSX file ({error}).").format(
        error=type(exc).__name__))


_PREFIXED_ROW = re.compile(rb"<[A-Za-z_][\w.-]*:row[\s/>]")
_ROW_NUMBER = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br=[\"'](\d{1,10})[\"']")


def count_rows(data: bytes) -> None:
    """Refuse a workbook with a part of more than MAX_ROWS rows, counted as its XML streams by: a
    million rows pack into a few hundred kilobytes, and parsing them would take minutes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.lower().endswith(".xml"):
                _count_part(archive, info)


def _count_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    count, tail = 0, b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            buffer = tail + chunk
            cut = buffer.rfind(b">") + 1  # no tag's name is split between two rounds
            whole, tail = buffer[:cut], buffer[cut:]
            count += whole.count(b"<row") - whole.count(b"<rowBreaks")
            if b":row" in whole:  # a namespace prefix, as some generators write (<x:row>)
                count += len(_PREFIXED_ROW.findall(whole))
            last = whole.rfind(b"row", max(0, len(whole) - 4096))
            numbered = _ROW_NUMBER.search(whole, max(0, whole.rfind(b"<", 0, last + 1))) if last >= 0 else None
            if max(count, int(numbered.group(1)) if numbered else 0) > MAX_ROWS:
                raise ReadError(MAX_ROWS + 1, "A", _("The file has more than {limit} rows.").format(limit=MAX_ROWS))


def _is_defused(exc: BaseException | None) -> bool:
    from defusedxml import DefusedXmlException

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


