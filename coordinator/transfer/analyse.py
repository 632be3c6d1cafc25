"""Reading an import file into a checked plan: encoding, delimiter, headers, values, problems."""

from __future__ import annotations

from pathlib import Path

from coordinator.transfer.plan import ImportPlan


def analyse_file(path: Path, kind: str, *, profile: str, mapping: dict[str, str] | None = None,
                 encoding: str | None = None) -> ImportPlan:
    """Read and check a CSV or XLSX file; nothing is written. Every problem names a row and a column."""
    raise NotImplementedError
