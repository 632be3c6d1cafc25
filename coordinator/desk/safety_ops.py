"""The desk's data-safety operations: erasure and access (GDPR), rollover and retention."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from coordinator.changes import Changes, Kind
from coordinator.desk.core import DeskCore
from coordinator.safety.audit import AuditRecord
from coordinator.safety.backups import BackupInfo
from coordinator.safety.rollover import ClassMove, RolloverPlan, RolloverResult

__all__ = ["AuditRecord", "BackupInfo", "ClassMove", "ErasureReport", "RetentionEntry", "RolloverPlan",
           "RolloverResult", "SafetyOps"]

_PERSON_KINDS = {"pupil": Kind.PUPILS, "contact": Kind.CONTACTS}


@dataclass(frozen=True)
class ErasureReport:
    kind: str  # "pupil" or "contact"
    record_id: int
    backup: Path | None
    mentions_left: int  # notes or titles elsewhere that still hold the name


@dataclass(frozen=True)
class RetentionEntry:
    """A pupil due for anonymisation, named as a list may show them (a protected identity hidden)."""

    pupil_id: int
    name: str
    left_on: dt.date


class SafetyOps(DeskCore):
    """Backups, the audit history, GDPR erasure and access, the rollover, and ageing out leavers."""

    def backups(self) -> list[BackupInfo]:
        """The open database's verified backups, newest first (none for a server database)."""
        from coordinator.safety.backups import list_backups

        return list_backups(self.store.path) if self.store.path is not None else []

    def back_up(self) -> Path | None:
        """A verified backup of the open database now, kept by the age setting (None for a server database)."""
        from coordinator.safety.backups import create_backup, max_age_of, passphrase_of

        if self.store.path is None:
            return None
        return create_backup(self.store.path, "manual", max_age_days=max_age_of(self.store),
                             passphrase=passphrase_of(self.store))

    def history(self, kind: Kind, record_id: int) -> list[AuditRecord]:
        """The audit history of one record, oldest first."""
        from coordinator.safety.audit import audit_for

        return self._read(lambda s: audit_for(s, kind.value, record_id))

    def erase_person(self, *, kind: str, record_id: int) -> tuple[ErasureReport, Changes]:
        """Erase a pupil or a contact person for good (a backup is made first)."""
        from coordinator.safety.erasure import erase_person

        result, changes = self._run_write(lambda: erase_person(self.store, kind=kind, record_id=record_id),
                                          also=Changes.of(_PERSON_KINDS[kind], deleted=[record_id]))
        return ErasureReport(result.kind, result.record_id, result.backup, result.mentions_left), changes

    def export_person(self, *, kind: str, record_id: int, out: str | Path) -> Path:
        """Everything held about one person (GDPR access) as JSON, or PDF if `out` ends in .pdf."""
        from coordinator.safety.access import export_person

        return export_person(self.store, kind=kind, record_id=record_id, out=out)

    def rollover_plan(self, from_year: str | None = None) -> RolloverPlan:
        """What a rollover from `from_year` (default: the current year) would do; changes nothing."""
        from coordinator.safety.rollover import preview_rollover

        return self._read(lambda s: preview_rollover(s, from_year))

    def roll_over(self, from_year: str) -> tuple[RolloverResult, Changes]:
        """Move every class up a grade into the next school year (a backup is made first)."""
        from coordinator.safety.rollover import apply_rollover

        return self._run_write(lambda: apply_rollover(self.store, from_year))

    def retention_due(self, months: int | None = None) -> list[RetentionEntry]:
        """Pupils who left more than `months` ago (default: the setting, 12)."""
        from coordinator.safety.identity import public_name
        from coordinator.safety.retention import retention_candidates

        candidates = self._read(lambda s: retention_candidates(s, months=months))
        return [RetentionEntry(c.pupil_id, public_name(c.first_name, c.last_name, c.protected_identity),
                               c.left_on) for c in candidates]

    def anonymise_pupils(self, pupil_ids: list[int]) -> tuple[int, Changes]:
        """Replace the names and personal details of these pupils; statistics stay right."""
        from coordinator.safety.retention import anonymise_pupils

        result, changes = self._run_write(lambda: anonymise_pupils(self.store, pupil_ids),
                                          also=Changes.of(Kind.PUPILS, updated=pupil_ids) if pupil_ids else Changes())
        return result.anonymised, changes
