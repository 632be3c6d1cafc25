"""Reading a file to import as one sheet: a workbook (XLSX) or delimited text (CSV), told by its bytes."""

from __future__ import annotations

from pathlib import Path

from coordinator.transfer import reading
from coordinator.transfer.reading import Sheet, read_csv_bytes, read_regular_file
from coordinator.transfer.workbook import read_xlsx


def read_sheet(path: Path, *, profile: str, encoding: str | None = None,
               mapping: dict[str, str] | None = None) -> Sheet:
    """The file's first sheet; a ReadError (translated, with row and column where known) if it cannot be read."""
    path = Path(path)
    data = read_regular_file(path, reading.MAX_FILE_BYTES)  # looked up now: the limit can be set for a test
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, data)
    return read_csv_bytes(data, profile=profile, encoding=encoding, mapping=mapping)
