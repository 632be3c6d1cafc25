"""Erasure (GDPR art. 17): one person's data removed so that no byte of the file still holds it.

Each erasure is also written to the erasure register inside the database (no personal data in it:
the table, the record id and a fingerprint of id and creation time), in the same transaction, so
that restoring an older backup re-applies every erasure made since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coordinator.errors import NotFoundError
from coordinator.i18n import _
from coordinator.models import Contact, Pupil
from coordinator.safety.audit import record
from coordinator.safety.backups import backup_before
from coordinator.safety.erasure_register import RegisterEntry, add_to_register, fingerprint, register_entries
from coordinator.safety.register import register_anonymised, scrub  # noqa: F401  (register_anonymised: re-exported)
from coordinator.safety.retention import anonymise_pupils
from coordinator.store import Store

PERSON_TABLES = {"pupil": Pupil, "contact": Contact}


@dataclass(frozen=True)
class ErasureResult:
    kind: str
    record_id: int
    backup: Path | None
    # Free-text values elsewhere (notes, titles) that still hold the full name: to be edited by hand.
    mentions_left: int = 0


def _delete_person(session: Session, kind: str, record_id: int) -> object:
    model = PERSON_TABLES[kind]
    created_at = session.scalar(select(model.created_at).where(model.id == record_id))
    if created_at is None:
        raise not_found(kind, record_id)
    # A core DELETE lets the database's own ON DELETE rules remove links (enrolments, placements,
    # participations) and clear references, all in this one transaction.
    session.execute(delete(model.__table__).where(model.__table__.c.id == record_id))
    record(session, "erase", model.__tablename__, record_id)
    return created_at


def not_found(kind: str, record_id: int) -> NotFoundError:
    if kind == "pupil":
        return NotFoundError(_("There is no pupil with id {id}.").format(id=record_id))
    return NotFoundError(_("There is no contact person with id {id}.").format(id=record_id))


def erase_person(store: Store, *, kind: str, record_id: int, now: dt.datetime | None = None) -> ErasureResult:
    """Erase a pupil or contact person for good (after a backup), then scrub the file."""
    if kind not in PERSON_TABLES:
        raise ValueError(kind)
    model = PERSON_TABLES[kind]
    with store.session() as session:
        row = session.execute(select(model.created_at, model.first_name, model.last_name)
                              .where(model.id == record_id)).first()
    if row is None:
        raise not_found(kind, record_id)
    created_at, first_name, last_name = row
    backup = backup_before(store, "erasure")
    at = (now or dt.datetime.now()).replace(microsecond=0)
    with store.session() as session:  # registered and erased in one transaction
        add_to_register(session, [RegisterEntry(model.__tablename__, record_id, "erase",
                                                fingerprint(model.__tablename__, record_id, created_at), at)])
        _delete_person(session, kind, record_id)
    scrub(store)
    full_name = f"{first_name} {last_name}".strip()
    left = name_mentions(store, full_name) if first_name and last_name else 0
    return ErasureResult(kind=kind, record_id=record_id, backup=backup, mentions_left=left)


def reapply_erasures(store: Store) -> int:
    """Erase (or anonymise) again everyone a restored backup brought back; returns how many."""
    kinds = {model.__tablename__: kind for kind, model in PERSON_TABLES.items()}
    erased = 0
    anonymise: list[int] = []
    with store.session() as session:
        for entry in register_entries(session):
            kind = kinds.get(entry.table)
            if kind is None:
                continue
            record_id = entry.record_id
            model = PERSON_TABLES[kind]
            created_at = session.scalar(select(model.created_at).where(model.id == record_id))
            if created_at is None or fingerprint(model.__tablename__, record_id, created_at) != entry.fingerprint:
                continue  # already gone, or the id now belongs to someone else
            if entry.action == "anonymise":
                if not session.scalar(select(Pupil.anonymised).where(Pupil.id == record_id)):
                    anonymise.append(record_id)
                continue
            _delete_person(session, kind, record_id)
            erased += 1
    if anonymise:
        anonymise_pupils(store, anonymise, register=False, backup=False)
    if erased:
        scrub(store)
    return erased + len(anonymise)


def name_mentions(store: Store, name: str) -> int:
    """How many text values in any table still contain `name` (shown after an erasure)."""
    from sqlalchemy import String, func, or_

    from coordinator.models import Base

    found = 0
    pattern = f"%{name}%"
    with store.session() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String)]  # Text is a String
            if columns:
                found += session.scalar(select(func.count()).select_from(table)
                                        .where(or_(*(c.like(pattern) for c in columns)))) or 0
    return found
