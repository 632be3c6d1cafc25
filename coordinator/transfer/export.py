"""Export of tables and the whole database to CSV and XLSX, and of contacts to vCard, safe against formulas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

EXPORT_KINDS: tuple[str, ...] = ("pupils", "organisations", "contacts", "placements", "study-visits", "schools",
                                 "classes", "teachers", "encounters", "trainings", "meetings")


@dataclass
class ExportResult:
    path: Path
    rows: int = 0
    warnings: list[str] = field(default_factory=list)
    left_out: int = 0  # pupils with a protected identity left out


def export_table(rows: Sequence[Mapping[str, Any]], headers: Sequence[str] | Mapping[str, str], out: Path,
                 fmt: str | None = None) -> ExportResult:
    """Write rows (dicts) under headers (keys, or key → label) to CSV or XLSX (from `fmt` or the suffix)."""
    raise NotImplementedError


def export_kind(session: Session, kind: str, out: Path, *, include_protected: bool = False) -> ExportResult:
    raise NotImplementedError


def export_all(session: Session, out: Path, *, include_protected: bool = False) -> ExportResult:
    raise NotImplementedError


def export_vcard(session: Session, out: Path) -> ExportResult:
    raise NotImplementedError
