"""The desk's import for the desktop app's import dialog: a file checked first (nothing written), then applied.

The apply runs on a worker: one transaction after a backup, all or nothing, with progress and cancel;
the desk announces what it changed once committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.i18n import _

if TYPE_CHECKING:
    from coordinator.transfer.plan import ImportPlan, ImportResult

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportField:
    """A field a column can be mapped to; `label` is translated when read."""

    name: str
    source_label: str

    @property
    def label(self) -> str:
        return _(self.source_label)


def import_fields(kind: str) -> tuple[ImportField, ...]:
    """The fields a file of `kind` can fill, with their translated labels."""
    from coordinator.transfer.plan import FIELDS

    return tuple(ImportField(spec.name, spec.source_label) for spec in FIELDS[kind])


class GuiTransfer(DeskCore):
    """Reading a file into the database, checked first."""

    def analyse_import(self, file: Path, kind: str, *, mapping: dict[str, str] | None = None,
                       encoding: str | None = None) -> ImportPlan:
        """Read and check a CSV or XLSX file against this database's country profile; writes nothing."""
        from coordinator.services.setup import profile_code
        from coordinator.transfer import analyse_file

        profile = self._read(profile_code)
        return analyse_file(file, kind, profile=profile, mapping=mapping, encoding=encoding)

    def apply_import(self, plan: ImportPlan, *, school: str | None = None, year: str | None = None,
                     good_rows_only: bool = False, dry_run: bool = False, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> tuple[ImportResult, Changes]:
        """Import an analysed file in one transaction, after a backup (not for a dry run)."""
        from coordinator.safety.backups import backup_before
        from coordinator.transfer import apply_import

        if not dry_run:
            backup_before(self.store, "import")
        result, changes = self._track(lambda: self._read(lambda s: apply_import(
            s, plan, school=school, year=year, good_rows_only=good_rows_only, dry_run=dry_run, progress=progress,
            cancelled=cancelled)))
        return result, self.announce(changes.merge(result.changes))
