"""Helpers of the import/export tests: write CSV in any encoding and XLSX files."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8", delimiter: str = ";",
              bom: bool = False, sep_line: bool = False) -> Path:
    text = io.StringIO(newline="")
    if sep_line:
        text.write(f"sep={delimiter}\r\n")
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = text.getvalue().encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, epoch_1904: bool = False) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    if epoch_1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path
