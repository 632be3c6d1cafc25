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
# A row's or a cell's number, without leading zeros (so the longest is the largest), and the letters of
# columns beyond Z (any other column counts as Z). XML as spreadsheet programs write it (one space before
# an attribute, none around "=", double quotes) is read with literal patterns; anything else, slower, with
# patterns that allow every spelling XML does.
_PLAIN_NUMBER = re.compile(rb' r="[A-Za-z]{0,3}0*([1-9]\d{0,9})"')
_PLAIN_LONG_COLUMN = re.compile(rb' r="([A-Za-z]{2,3})\d')
_NUMBER = re.compile(rb"\sr\s*=\s*[\"']\s*[A-Za-z]{0,3}0*([1-9]\d{0,9})")
_LONG_COLUMN = re.compile(rb"\sr\s*=\s*[\"']\s*([A-Za-z]{2,3})\d")
_CELL = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
_PLACED_CELL = re.compile(rb"<" + _PREFIX + rb"c\s+r\s*=")
_NOT_PLAIN = (b"\t", b"\n", b"\r", b"r =", b"r= ", b"r='", b":c ", b":c>", b":c/")


def entity_refusal() -> ReadError:
    return ReadError(1, "A", _("The workbook holds XML that could be an attack (entity expansion); it is "
                               "refused."))


def scan_parts(data: bytes) -> int:
    """Refuse a workbook with a part of more than MAX_ROWS rows or with an entity declaration; the number
    of cells (rows × columns, as a sheet laid out in full from A1) of its largest sheet, or more."""
    largest = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.lower().endswith(".xml"):
                largest = max(largest, _scan_part(archive, info))
    return largest


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    count, highest, widest, cells, unplaced, tail = 0, 0, 0, 0, 0, b""
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
            if count > MAX_ROWS:
                raise ReadError(MAX_ROWS + 1, "A", _("The file has more than {limit} rows.").format(limit=MAX_ROWS))
            numbers, columns, found, placed = _cells(whole)
            if numbers:  # rows and cells in any order: each is placed where its number says
                longest = max(map(len, numbers))
                highest = max(highest, int(max(n for n in numbers if len(n) == longest)))
            widest = max(widest, 26 if numbers else 0, *map(_column_number, set(columns)))
            cells += found
            unplaced += found - placed  # each stands one column right of the cell before it
    return max(count, highest) * (widest + unplaced) if count or cells else 0


def _cells(xml: bytes) -> tuple[list[bytes], list[bytes], int, int]:
    """The row and cell numbers, the column letters beyond Z, the cells, and those with a reference."""
    if any(spelling in xml for spelling in _NOT_PLAIN):
        return (_NUMBER.findall(xml), _LONG_COLUMN.findall(xml), len(_CELL.findall(xml)),
                len(_PLACED_CELL.findall(xml)))
    cells = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>")
    return _PLAIN_NUMBER.findall(xml), _PLAIN_LONG_COLUMN.findall(xml), cells, xml.count(b'<c r="')


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
