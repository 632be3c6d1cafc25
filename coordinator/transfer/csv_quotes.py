"""Finding where a CSV quote was left open, so that rows are never silently run together into one cell."""

from __future__ import annotations

import re

from coordinator.i18n import _


def unclosed_quote_message() -> str:
    return _("A quote opened in this cell is not closed where the cell ends, so the rows below would run into "
             "it; close the quote or remove it.")


def open_quote_column(text: str, line_number: int, delimiter: str) -> int | None:
    """The index of the cell on a (1-based) line whose opening quote is not closed before its delimiter."""
    lines = re.split(r"\r\n|\r|\n", text)
    if not 0 < line_number <= len(lines):
        return None
    line = lines[line_number - 1]
    column, index = 0, 0
    while index < len(line):
        if line[index] == '"':
            end = index + 1
            while (end := line.find('"', end)) >= 0 and line[end + 1:end + 2] == '"':
                end += 2  # a doubled quote is a quote inside the cell
            if end < 0 or line[end + 1:end + 2] not in ("", delimiter):
                return column
            index = end + 1
        next_delimiter = line.find(delimiter, index)
        if next_delimiter < 0:
            return None
        column, index = column + 1, next_delimiter + 1
    return None


def run_together_column(cells: list[str], delimiter: str, width: int) -> int | None:
    """The index of a cell spanning lines where one line holds a whole row's delimiters: rows run together by a
    stray quote closed further down, not a note written over two lines. None when there is none."""
    if width < 3:
        return None
    for index, cell in enumerate(cells):
        if "\n" in cell and any(line.count(delimiter) >= width - 1 for line in cell.splitlines()):
            return index
    return None
