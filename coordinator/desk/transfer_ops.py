"""The desk's imports and exports: class lists and registers in, records out as CSV, XLSX or vCard."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.lazy import reexported
from coordinator.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.transfer.export import ExportResult
    from coordinator.transfer.plan import ImportPlan, ImportResult

__all__ = ["ExportResult", "ImportField", "ImportPlan", "ImportResult", "Problem", "RowChange", "TransferOps",
           "import_fields"]
_HOMES = {"ExportResult": "coordinator.transfer.export",
          **dict.fromkeys(("ImportPlan", "ImportResult", "Problem", "RowChange"), "coordinator.transfer.plan")}


def __getattr__(name: str) -> object:
    return reexported(__name__, name, _HOMES)

Progress = Callable[[int, int], None]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is read, matched and written: its rows make
    hundreds of thousands of objects and no cycles worth a pass, and the passes over them cost about a
    tenth of a 10,000-row import. It resumes (and catches up) when the import ends."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


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


class TransferOps(DeskCore):
    """Reading files into the database (checked first, all or nothing) and writing records out."""

    def analyse_import(self, file: Path, kind: str, *, mapping: dict[str, str] | None = None,
                       encoding: str | None = None) -> ImportPlan:
        """Read and check a CSV or XLSX file against this database's country profile; writes nothing."""
        from coordinator.settings import profile_code
        from coordinator.transfer import analyse_file

        profile = self._read(profile_code)
        with _collector_paused():
            return analyse_file(file, kind, profile=profile, mapping=mapping, encoding=encoding)

    def apply_import(self, plan: ImportPlan, *, school: str | None = None, year: str | None = None,
                     good_rows_only: bool = False, dry_run: bool = False, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     period: tuple[dt.date, dt.date] | None = None) -> tuple[ImportResult, Changes]:
        """Import an analysed file in one transaction, after a backup (not for a dry run).

        `period` (first and last day) is the placement period a file of wishes is for."""
        from coordinator.safety.backups import backup_before
        from coordinator.transfer import apply_import

        if not dry_run:
            backup_before(self.store, "import")
        with _collector_paused():
            result, changes = self._track(lambda: self._read(lambda s: apply_import(
                s, plan, school=school, year=year, good_rows_only=good_rows_only, dry_run=dry_run,
                progress=progress, cancelled=cancelled, period=period)))
        return result, self.announce(changes.merge(result.changes))

    def import_file(self, file: Path, kind: str, *, mapping: dict[str, str] | None = None,
                    encoding: str | None = None, school: str | None = None, year: str | None = None,
                    good_rows_only: bool = False, dry_run: bool = False) -> tuple[ImportResult, Changes]:
        """Read, check and match the file while the backup is taken (unless a dry run), and write in one
        transaction once the backup is done: the backup waits on the disk, the reading on the processor."""
        from concurrent.futures import ThreadPoolExecutor

        from coordinator.safety.backups import backup_before
        from coordinator.settings import profile_code
        from coordinator.transfer import analyse_file, apply_import

        profile = self._read(profile_code)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup") as pool:
            backup = None if dry_run else pool.submit(backup_before, self.store, "import")

            def backed_up() -> None:
                if backup is not None:
                    backup.result()  # a failed backup (a full disk) stops the import before any write

            def run(session: Session) -> ImportResult:
                return apply_import(session, plan, school=school, year=year, good_rows_only=good_rows_only,
                                    dry_run=dry_run, before_writing=backed_up)

            try:
                with _collector_paused():
                    plan = analyse_file(file, kind, profile=profile, mapping=mapping, encoding=encoding)
                    result, changes = self._track(lambda: self._read(run))
            finally:
                backed_up()
        return result, self.announce(changes.merge(result.changes))

    def export_records(self, kind: str, out: Path, *, include_protected: bool = False) -> ExportResult:
        """Write one kind of record (or `all`, one workbook; contacts to .vcf as vCards) to `out`.

        Contacts to a folder (`export_contact_cards`) give one vCard file per contact."""
        from coordinator.safety.own_files import refuse_own_file
        from coordinator.transfer import export_all, export_kind, export_vcard

        refuse_own_file(out, self.store.path)

        def run(session: Session) -> ExportResult:
            if kind == "all":
                return export_all(session, out, include_protected=include_protected)
            if out.suffix.lower() == ".vcf":
                return export_vcard(session, out)
            return export_kind(session, kind, out, include_protected=include_protected)

        return self._read(run)

    def export_contact_cards(self, folder: Path) -> ExportResult:
        """One vCard file per contact person in `folder` (made if missing); `rows` is the number of cards."""
        from coordinator.safety.own_files import refuse_own_file
        from coordinator.transfer import export_vcard_folder

        refuse_own_file(folder, self.store.path)
        return self._read(lambda session: export_vcard_folder(session, folder))
