"""A first look at a workbook's XML before any parser sees it: rows counted, entities refused, size bounded.

The parts are streamed through once as bytes: a million rows pack into a few hundred kilobytes and
would take minutes to parse, and an entity declaration (a "billion laughs") is refused before any
parser could expand it.
"""

from __future__ import annotations

import io
import re
import zipfile

from coordinator.i18n import _
from coordinator.transfer.reading import MAX_ROWS, ReadError

_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_PREFIXED_ROW = re.compile(rb"<[A-Za-z_][\w.-]*:row[\s/>]")
_ROW_NUMBER = re.compile(rb"<" + _PREFIX + rb"row\s[^>]*?(?<![\w:.-])r=[\"'](\d{1,10})[\"']")
_CELL = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
_CELL_REFERENCE = re.compile(rb"<" + _PREFIX + rb"c\s[^>]*?(?<![\w:.-])r=[\"']([A-Za-z]{1,3})(\d{1,10})[\"']")


def entity_refusal() -> ReadError:
    return ReadError(1, "A", _("The workbook holds XML that could be an attack (entity expansion); it is "
                               "refused."))


def scan_parts(data: bytes) -> int:
    """Refuse a workbook with a part of more than MAX_ROWS rows or with an entity declaration; the number
    of cells (rows × columns, as a sheet laid out in full) of its largest part."""
    largest = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.lower().endswith(".xml"):
                largest = max(largest, _scan_part(archive, info))
    return largest


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    count, highest, widest, unplaced, tail = 0, 0, 0, 0, b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            buffer = tail + chunk
            cut = buffer.rfind(b">") + 1  # no tag is split between two rounds
            whole, tail = buffer[:cut], buffer[cut:]
            if b"<!ENTITY" in whole:
                raise entity_refusal()
            count += whole.count(b"<row") - whole.count(b"<rowBreaks")
            if b":row" in whole:  # a namespace prefix, as some generators write (<x:row>)
                count += len(_PREFIXED_ROW.findall(whole))
            numbers = _ROW_NUMBER.findall(whole)
            references = _CELL_REFERENCE.findall(whole)
            unplaced += len(_CELL.findall(whole)) - len(references)  # a cell without a reference follows the last
            if references:  # in any order: a cell is placed where its reference says
                widest = max(widest, *(_column_number(letters) for letters in {c for c, _row in references}))
                numbers += [number for _column, number in references]
            highest = max(highest, *map(int, numbers)) if numbers else highest
            if max(count, highest) > MAX_ROWS:
                raise ReadError(MAX_ROWS + 1, "A", _("The file has more than {limit} rows.").format(limit=MAX_ROWS))
    return max(count, highest) * (widest + unplaced)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def book_settings(data: bytes) -> tuple[int, bool]:
    """The workbook's active tab (0 when it does not say) and whether it counts dates from 1904."""
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = next((n for n in archive.namelist() if n.lower() == "xl/workbook.xml"), None)
        if name is None:
            return 0, False
        root = fromstring(archive.read(name))
    active, from_1904 = 0, False
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "workbookPr":
            from_1904 = element.get("date1904", "").strip().lower() in ("1", "true")
        elif tag == "workbookView":  # the first view is the one a spreadsheet program opens with
            tab = element.get("activeTab", "").strip()
            active = int(tab) if tab.isdigit() else 0
            break
    return active, from_1904
