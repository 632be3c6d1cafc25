"""Reading the cells of a CSV or XLSX file: encoding, delimiter, rows numbered as a spreadsheet numbers them.

Encoding: a byte-order mark wins; then strict UTF-8; then the profile's Windows code page. A text that
decodes but looks wrong (mojibake, control characters, letters the language does not use) is not
guessed at: the caller is told to ask. Characters are never replaced.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coordinator.i18n import _
from coordinator.transfer.csv_quotes import unclosed_quote_message, open_quote_column, run_together_column
from coordinator.transfer.headers import known_count

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_XLSX_UNPACKED = 500 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 500

CODE_PAGES = {"se": "cp1252", "pl": "cp1250", "ru": "cp1251"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Letters each profile's names and addresses use beyond ASCII; anything else is a hint of a wrong code page.
_COMMON_LATIN = set("éÉèÈüÜáÁíÍóÓúÚñÑßçÇëËïÏôÔîÎûÛýÝšŠžŽ")
_EXPECTED_LETTERS: dict[str, set[str]] = {
    "se": set("åäöÅÄÖæøÆØ") | _COMMON_LATIN,
    "pl": set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻäöÄÖčČřŘěĚ") | _COMMON_LATIN,
    "ru": set("ёЁ") | {chr(c) for c in range(0x0410, 0x0450)},
}
# UTF-8 read as cp1252 ("Ã¥" for "å", "Å‚" for "ł", "Ð°" for "а"): a lead letter, then a continuation byte.
_CONTINUATION = "".join(sorted({bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""}))
# Punctuation people really type next to letters (quotes, dashes, №); other symbols inside words are suspect.
_TYPED_PUNCTUATION = set("«»„“”‘’‚‹›–—…№°§·•€×´\u00a0\u2009\u202f")
_MOJIBAKE = re.compile("[ÃÂÅÄÐÑâ][" + re.escape(_CONTINUATION) + "]")


class ReadError(Exception):
    """The file cannot be read at all; carries the row and column (1-based spreadsheet numbers) and reason."""

    def __init__(self, row: int, column: str, message: str, *, needs_encoding_choice: bool = False):
        super().__init__(message)
        self.row, self.column, self.message = row, column, message
        self.needs_encoding_choice = needs_encoding_choice


@dataclass
class Sheet:
    """What a file holds: its header cells and data rows (row number, cells) and how it was read."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    header_row: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    file_format: str = "csv"
    epoch: dt.datetime | None = None
    needs_encoding_choice: bool = False
    suspicious: str = ""  # the first words that made the decoding look wrong
    notes: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file of at most `limit` bytes, measured by reading (a device or a pipe
    tells stat() nothing true), opened without waiting (a pipe with no writer would block forever)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        raise ReadError(1, "A", _("The file cannot be opened: {error}.").format(
            error=getattr(exc, "strerror", None) or exc)) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError(1, "A", _("{name} is not an ordinary file (it is a folder, a device or a pipe); "
                                      "choose a CSV or XLSX file.").format(name=path.name or path))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise ReadError(1, "A", _("The file is larger than {limit} MB.").format(limit=limit // 2**20))
    except OSError as exc:
        raise ReadError(1, "A", _("The file cannot be read: {error}.").format(error=exc.strerror or exc)) from exc
    finally:
        os.close(fd)
    return b"".join(chunks)


# ---- CSV ---------------------------------------------------------------------------------------------------

def decode(data: bytes, *, profile: str, encoding: str | None = None) -> tuple[str, str, bool, str]:
    """(text, encoding, looks_wrong, sample). Raises ReadError naming the row of the first bad byte."""
    if encoding:
        return _strict(data, encoding, bom_skip=True) + (False, "")
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, used = _strict(data[len(bom):], name.replace("-sig", ""), bom_skip=False)
            return text, name, False, ""
    sixteen = _utf16_without_bom(data)
    if sixteen:
        text, used = _strict(data, sixteen, bom_skip=False)
        return text, used, False, ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        sample = _mojibake_sample(text)
        return text, "utf-8", bool(sample), sample
    code_page = CODE_PAGES.get(profile, "cp1252")
    try:
        text, used = _strict(data, code_page, bom_skip=False)
    except ReadError as exc:
        exc.needs_encoding_choice = True
        raise
    sample = _suspicious_sample(text, profile)
    return text, used, bool(sample), sample


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a mark has a zero byte beside nearly every Latin letter; which side tells the order."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    pairs = len(sample) // 2
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    even = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, *, bom_skip: bool) -> tuple[str, str]:
    check_text_encoding(encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        row = data[:exc.start].count(b"\n") + 1
        if encoding.startswith(("utf-16", "utf-32")):
            row = data[:exc.start].decode(encoding, errors="ignore").count("\n") + 1
        raise ReadError(row, "A", _("byte {byte} cannot be read as {encoding}; choose the file's encoding.").format(
            byte=f"0x{data[exc.start]:02X}", encoding=encoding)) from exc
    if bom_skip and text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding


def check_text_encoding(encoding: str) -> str:
    """The codec's name when it turns bytes into text; `hex`, `rot13` or `zlib` are codecs but not that."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError) as exc:
        raise ReadError(1, "A", _("“{encoding}” is not an encoding this app knows.").format(
            encoding=encoding)) from exc
    if not getattr(info, "_is_text_encoding", True):
        raise ReadError(1, "A", _("“{encoding}” is not a text encoding; name one such as utf-8 or cp1250.").format(
            encoding=encoding))
    return info.name


def _mojibake_sample(text: str) -> str:
    match = _MOJIBAKE.search(text)
    return _word_around(text, match.start()) if match else ""


def _suspicious_sample(text: str, profile: str) -> str:
    """The first word that a person of this profile would not write, or ''."""
    if (sample := _mojibake_sample(text)):
        return sample
    expected = _EXPECTED_LETTERS.get(profile, set())
    for index, char in enumerate(text):
        if ord(char) < 128:
            continue
        category = unicodedata.category(char)
        if category == "Cc":  # C1 control characters never appear in real text
            return _word_around(text, index)
        if category.startswith("L") and char not in expected:
            return _word_around(text, index)
        if not category.startswith("L") and char not in _TYPED_PUNCTUATION and _between_letters(text, index):
            return _word_around(text, index)  # a symbol inside a word, like "Wa³brzych"
    if profile == "ru" and re.search(r"[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]", text):
        match = re.search(r"[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]", text)
        return _word_around(text, match.start()) if match else ""
    return ""


def _between_letters(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalpha() or after.isalpha()


def _word_around(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ",;\t\"" and index - start < 20:
        start -= 1
    end = index
    while end < len(text) and not text[end].isspace() and text[end] not in ",;\t\"" and end - index < 20:
        end += 1
    return text[start:end]


def read_csv_bytes(data: bytes, *, profile: str, encoding: str | None = None,
                   mapping: dict[str, str] | None = None) -> Sheet:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError(1, "A", _("The file is empty."))
    try:
        text, used, looks_wrong, sample = decode(data, profile=profile, encoding=encoding)
    except ReadError:
        if b"\x00" in data:  # a picture, a PDF or an old .xls renamed: no code page makes it text
            raise ReadError(1, "A", _("The file holds binary data, not text; is it really a CSV file?")) from None
        raise
    if "\x00" in text:
        row = text[:text.index("\x00")].count("\n") + 1
        raise ReadError(row, "A", _("The file holds binary data, not text; is it really a CSV file?"))
    lines = text.splitlines()
    first_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first_index is None:
        raise ReadError(1, "A", _("The file is empty."))
    delimiter: str | None = None
    body_start = 0
    match = re.fullmatch(r"\s*\"?sep=(.)\"?\s*[,;\t]*", lines[first_index], flags=re.IGNORECASE)
    if match:
        delimiter = match.group(1)
        # Spreadsheets hide the sep= line: the header below it is their row 1.
        body_start = _offset_after_line(text, first_index)
    body = text[body_start:]
    if delimiter is None:
        delimiter = choose_delimiter(body, mapping)
    rows = _parse(body, delimiter)
    header_index = header_position(rows, mapping)
    if header_index is None:
        raise ReadError(1, "A", _("The file is empty."))
    header_row, headers = rows[header_index]
    data_rows = [(number, cells) for number, cells in rows[header_index + 1:] if any(c.strip() for c in cells)]
    return Sheet(headers=[h.strip() for h in headers], rows=data_rows, header_row=header_row, encoding=used,
                 delimiter=delimiter, file_format="csv", needs_encoding_choice=looks_wrong, suspicious=sample)


def _offset_after_line(text: str, line_index: int) -> int:
    offset = 0
    for _i in range(line_index + 1):
        newline = re.search(r"\r\n|\r|\n", text[offset:])
        if newline is None:
            return len(text)
        offset += newline.end()
    return offset


HEADER_SEARCH_ROWS = 10


def header_position(rows: list[tuple[int, list[Any]]], mapping: dict[str, str] | None) -> int | None:
    """Index of the header: the first of the top rows with two known column names (a title line above it is
    skipped), else the first row that is not empty."""
    filled = [i for i, (_number, cells) in enumerate(rows) if any(str(c).strip() for c in cells if c is not None)]
    for index in filled[:HEADER_SEARCH_ROWS]:
        cells = ["" if c is None else str(c) for c in rows[index][1]]
        if known_count(cells, mapping) >= 2:
            return index
    return filled[0] if filled else None


def choose_delimiter(text: str, mapping: dict[str, str] | None) -> str:
    """The delimiter under which a top line holds the most known column names; ties go to ; then tab then ,."""
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_SEARCH_ROWS]
    best, best_score = ";", (-1, -1)
    for candidate in (";", "\t", ","):
        score = (-1, -1)
        for line in lines:
            try:
                cells = next(csv.reader([line], delimiter=candidate))
            except (csv.Error, StopIteration):
                continue
            score = max(score, (known_count(cells, mapping), len(cells) if len(cells) > 1 else 0))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _parse(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Records with their row numbers as a spreadsheet shows them (each record one row, blank lines count).

    Strict: a quote left open would otherwise swallow the rows below it into one cell.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: list[tuple[int, list[str]]] = []
    number = 0
    first_line = 1
    try:
        for cells in reader:
            number += 1
            if number > MAX_ROWS:
                raise ReadError(number, "A", _("The file has more than {limit} rows.").format(limit=MAX_ROWS))
            check_width(number, _without_trailing_empty(cells))
            run = run_together_column(cells, delimiter, len(out[0][1]) if out else 0)
            if run is not None:
                raise ReadError(number, column_letter(run), unclosed_quote_message())
            out.append((number, [_unescape(c) for c in cells]))
            first_line = reader.line_num + 1
    except csv.Error as exc:
        column = open_quote_column(text, first_line, delimiter)
        if column is None:
            raise ReadError(number + 1, "A", _("The row cannot be read as CSV: {error}.").format(error=exc)) from exc
        raise ReadError(number + 1, column_letter(column), unclosed_quote_message()) from exc
    return out


def _without_trailing_empty(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end] if end < len(cells) else cells


def _unescape(cell: str) -> str:
    """Undo the apostrophe our own export puts before a cell that would otherwise be read as a formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r\x00":
        return cell[1:]
    return cell


def check_width(number: int, cells: list[Any]) -> None:
    """The same limit for CSV and XLSX: no filled cell beyond the last column allowed."""
    if len(cells) > MAX_COLUMNS:
        raise ReadError(number, column_letter(MAX_COLUMNS), _("The row has more than {limit} columns.").format(
            limit=MAX_COLUMNS))
