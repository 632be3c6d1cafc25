"""Retention: pupils who left long ago are listed, and after confirmation anonymised.

Anonymising keeps the pupil's row, gender, enrolments and activities, so that past years'
statistics stay right, but removes every name and identifier; the file is then scrubbed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coordinator.models import Placement, Pupil
from coordinator.safety.backups import backup_before
from coordinator.safety.register import register_anonymised, scrub
from coordinator.store import Store

RETENTION_SETTING = "retention_months"
DEFAULT_RETENTION_MONTHS = 12


@dataclass(frozen=True)
class RetentionCandidate:
    pupil_id: int
    first_name: str
    last_name: str
    left_on: dt.date
    protected_identity: bool


@dataclass(frozen=True)
class RetentionResult:
    anonymised: int
    backup: Path | None


def months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    # The same day of the month, or the month's last day when it is shorter.
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return dt.date(year, month, 28)


def retention_months(session: Session) -> int:
    from coordinator.settings import get_setting

    value = get_setting(session, RETENTION_SETTING)
    try:
        months = int(value) if value else DEFAULT_RETENTION_MONTHS
    except ValueError:
        months = DEFAULT_RETENTION_MONTHS
    return max(months, 0)


def retention_candidates(session: Session, *, months: int | None = None,
                         today: dt.date | None = None) -> list[RetentionCandidate]:
    """Pupils who left more than `months` ago (the setting by default) and still carry their names."""
    span = retention_months(session) if months is None else months
    cutoff = months_before(today or dt.date.today(), span)
    rows = session.execute(
        select(Pupil.id, Pupil.first_name, Pupil.last_name, Pupil.left_on, Pupil.protected_identity)
        .where(Pupil.left_on.is_not(None), Pupil.left_on < cutoff, Pupil.anonymised.is_(False))
        .order_by(Pupil.left_on, Pupil.id)
    ).all()
    return [RetentionCandidate(pupil_id=r[0], first_name=r[1], last_name=r[2], left_on=r[3],
                               protected_identity=bool(r[4])) for r in rows]


def anonymised_name(pupil_id: int) -> tuple[str, str]:
    return "", f"#{pupil_id}"


def anonymise_pupils(store: Store, pupil_ids: list[int], *, register: bool = True,
                     backup: bool = True) -> RetentionResult:
    """Anonymise the given pupils in one transaction (after a backup), then scrub the file.

    The pupils are noted in the erasure register so that restoring an older backup anonymises them again.
    """
    if not pupil_ids:
        return RetentionResult(anonymised=0, backup=None)
    made = backup_before(store, "retention") if backup else None
    if register:
        register_anonymised(store, pupil_ids)
    done = 0
    with store.session() as session:
        for pupil in session.scalars(select(Pupil).where(Pupil.id.in_(pupil_ids), Pupil.anonymised.is_(False))):
            first, last = anonymised_name(pupil.id)
            pupil.first_name, pupil.last_name = first, last
            pupil.birth_date = None
            pupil.external_id = None
            pupil.guardian_name = None
            pupil.guardian_phone = None
            pupil.guardian_consent = False
            pupil.notes = None
            pupil.anonymised = True
            done += 1
        # Free text about a placement may name the pupil; the numbers (days, dates, host) stay.
        session.execute(update(Placement).where(Placement.pupil_id.in_(pupil_ids))
                        .values(notes=None, what_to_bring=None))

    scrub(store)
    return RetentionResult(anonymised=done, backup=made)
