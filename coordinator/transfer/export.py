"""Export of tables and the whole database to CSV and XLSX, and of contacts to vCard, safe against formulas.

A text cell that starts with = + - @ tab, CR or NUL would be run as a formula by a spreadsheet: in
CSV it is written after an apostrophe (which Excel and LibreOffice hide and which our import
removes again), in XLSX as a cell of type string, never a formula. Every file is written to a
temporary file in the same folder and renamed over the target, so a crash leaves the old file or
the new one, never half of one. Pupils with a protected identity are left out unless asked for.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import enum
import io
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _, ngettext
from coordinator.safety.tempfiles import create_temp_beside
from coordinator.validation import cannot_write, check_output_path

EXPORT_KINDS: tuple[str, ...] = ("pupils", "organisations", "contacts", "placements", "study-visits", "schools",
                                 "classes", "teachers", "encounters", "trainings", "meetings", "networks",
                                 "agreements", "contact-log", "projects", "costs", "action-plans", "indicators",
                                 "offers", "wishes")

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\x00")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class ExportResult:
    path: Path
    rows: int = 0
    warnings: list[str] = field(default_factory=list)
    left_out: int = 0  # pupils with a protected identity left out


def is_dangerous(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(DANGEROUS_START)


def plain(value: Any) -> Any:
    """A value a spreadsheet can hold: enums as their translated label, unknown objects as their text."""
    if isinstance(value, enum.Enum):
        return getattr(value, "label", value.value)
    if value is None or isinstance(value, (str, int, float, decimal.Decimal, dt.date, dt.time, dt.timedelta)):
        return value
    return str(value)


def csv_cell(value: Any) -> str:
    """The text of a CSV cell: ISO dates, plain numbers, and an apostrophe before a would-be formula."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return "'" + text if is_dangerous(text) else text


def _headers(headers: Sequence[str] | Mapping[str, str]) -> tuple[list[str], list[str]]:
    if isinstance(headers, Mapping):
        return list(headers.keys()), [str(label) for label in headers.values()]
    return list(headers), list(headers)


def atomic_write(out: Path, write: Callable[[io.BufferedWriter], None]) -> None:
    """Write through a temporary file in the same folder, then rename it over `out`."""
    out = Path(out)
    folder = _existing_folder(out)
    try:
        fd, tmp_path = create_temp_beside(folder / out.name)  # private until complete: it holds personal data
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    tmp_name = str(tmp_path)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, out)
    except OSError as exc:
        _remove(tmp_name)
        raise UserError(_("{path} cannot be written: {error}.").format(path=out, error=exc.strerror or exc)) from exc
    except BaseException:
        _remove(tmp_name)
        raise


def _existing_folder(out: Path) -> Path:
    return check_output_path(Path(out))


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def format_of(out: Path, fmt: str | None) -> str:
    chosen = (fmt or Path(out).suffix.lstrip(".")).lower()
    if chosen not in ("csv", "xlsx"):
        raise UserError(_("Choose a file ending in .csv or .xlsx (not “{name}”).").format(name=Path(out).name))
    return chosen


def export_table(rows: Sequence[Mapping[str, Any]], headers: Sequence[str] | Mapping[str, str], out: Path,
                 fmt: str | None = None) -> ExportResult:
    """Write rows (dicts) under headers (keys, or key → label) to CSV or XLSX (from `fmt` or the suffix)."""
    out = Path(out)
    if format_of(out, fmt) == "csv":
        keys, labels = _headers(headers)

        def write_csv(fh) -> None:
            text = io.StringIO(newline="")
            writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
            writer.writerow([csv_cell(label) for label in labels])
            for row in rows:
                writer.writerow([csv_cell(row.get(key)) for key in keys])
            fh.write(text.getvalue().encode("utf-8-sig"))  # the mark makes Excel read UTF-8

        atomic_write(out, write_csv)
    else:
        write_workbook(out, [("Sheet1", rows, headers)])
    return ExportResult(path=out, rows=len(rows))


def write_workbook(out: Path, sheets: Sequence[tuple[str, Sequence[Mapping[str, Any]],
                                                      Sequence[str] | Mapping[str, str]]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    # Before any sheet exists: a write-only sheet left unsaved prints a traceback when it is thrown away.
    _existing_folder(out)
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for title, rows, headers in sheets:
        sheet = workbook.create_sheet(_sheet_title(title, used))
        keys, labels = _headers(headers)
        bold = Font(bold=True)

        def cell(value: Any, header: bool = False, sheet=sheet, bold=bold) -> Any:
            """A plain value where that is safe (fast); a typed cell for text that could pass for a formula."""
            value = plain(value)
            if isinstance(value, str):
                value = _ILLEGAL_XML.sub("", value)  # XML cannot hold these; nothing a person wrote
                if not header and not value.startswith(DANGEROUS_START):
                    return value
                item = WriteOnlyCell(sheet, value=value)
                item.data_type = "s"  # text, never a formula, whatever its first character
                if header:
                    item.font = bold
                return item
            if isinstance(value, dt.datetime):
                item = WriteOnlyCell(sheet, value=value)
                item.number_format = "yyyy-mm-dd hh:mm"
                return item
            return value  # numbers, dates (shown yyyy-mm-dd), booleans and empty cells

        sheet.append([cell(label, True) for label in labels])
        for row in rows:
            sheet.append([cell(row.get(key)) for key in keys])
    if not sheets:
        workbook.create_sheet("Sheet1")

    buffer = io.BytesIO()  # saved before the file is made: a write-only sheet never saved warns when thrown away
    workbook.save(buffer)
    atomic_write(out, lambda fh: fh.write(buffer.getvalue()))


def _sheet_title(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.casefold() in used:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name.casefold())
    return name


def _protected_warnings(result: ExportResult, *, left_out: int, included: int) -> None:
    if left_out:
        result.left_out += left_out
        result.warnings.append(ngettext(
            "{n} pupil with a protected identity was left out; add them only if you must.",
            "{n} pupils with a protected identity were left out; add them only if you must.",
            left_out).format(n=left_out))
    if included:
        result.warnings.append(ngettext(
            "{n} pupil with a protected identity is in this file: keep it safe.",
            "{n} pupils with a protected identity are in this file: keep it safe.", included).format(n=included))


def export_kind(session: Session, kind: str, out: Path, *, include_protected: bool = False) -> ExportResult:
    """One kind of record to CSV or XLSX (by the file's suffix), with the headers our import reads back."""
    from coordinator.transfer.export_queries import table_of

    fmt = format_of(out, None)
    table = table_of(session, kind, include_protected=include_protected)
    result = export_table(table.rows, table.headers, out, fmt)
    _protected_warnings(result, left_out=table.left_out, included=table.included)
    return result


def export_all(session: Session, out: Path, *, include_protected: bool = False) -> ExportResult:
    """The whole database to one XLSX workbook, one sheet per kind of record."""
    from coordinator.transfer.export_queries import table_of, title_of

    if format_of(out, None) != "xlsx":
        raise UserError(_("The whole database is exported to an .xlsx workbook."))
    sheets = []
    result = ExportResult(path=Path(out))
    left_out = included = 0
    for kind in EXPORT_KINDS:
        table = table_of(session, kind, include_protected=include_protected)
        sheets.append((title_of(kind), table.rows, table.headers))
        result.rows += len(table.rows)
        if kind == "pupils":
            left_out, included = table.left_out, table.included
    write_workbook(Path(out), sheets)
    _protected_warnings(result, left_out=left_out, included=included)
    return result


def export_vcard(session: Session, out: Path) -> ExportResult:
    """Every contact person as a vCard 3.0 card (stable UID, REV, international phone), UTF-8, in one file."""
    from coordinator.transfer.vcard import contact_cards

    cards = contact_cards(session)
    data = "".join(card.text for card in cards).encode("utf-8")
    atomic_write(Path(out), lambda fh: fh.write(data))
    return ExportResult(path=Path(out), rows=len(cards))


def export_vcard_folder(session: Session, folder: Path) -> ExportResult:
    """One file per contact person (UID.vcf) in `folder`, made if missing: for Outlook, which reads only the
    first card of a file, and for address books that keep a folder of cards (vdir)."""
    from coordinator.transfer.vcard import card_folder, contact_cards

    folder = card_folder(folder)
    cards = contact_cards(session)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise cannot_write(folder, exc) from exc
    for card in cards:
        data = card.text.encode("utf-8")
        atomic_write(folder / f"{card.uid}.vcf", lambda fh, data=data: fh.write(data))
    return ExportResult(path=folder, rows=len(cards))
