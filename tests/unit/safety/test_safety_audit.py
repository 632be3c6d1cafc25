"""The audit log records every create, update and delete with field names, never values."""

from __future__ import annotations

from sqlalchemy import select

from coordinator.models import AuditEntry, Contact, Pupil
from coordinator.safety.audit import audit_for


def test_create_update_delete_are_recorded_per_record(empty_store):
    with empty_store.session() as s:
        pupil = Pupil(first_name="Vendela", last_name="Auditsson", birth_date=None)
        s.add(pupil)
    with empty_store.session() as s:
        s.get(Pupil, pupil.id).last_name = "Ändradsson"
    with empty_store.session() as s:
        s.delete(s.get(Pupil, pupil.id))
    with empty_store.session() as s:
        history = audit_for(s, "pupils", pupil.id)
        assert [h.action for h in history] == ["create", "update", "delete"]
        assert "first_name" in history[0].fields
        assert history[1].fields == ("last_name",)
        texts = " ".join(str(f) for f in s.scalars(select(AuditEntry.fields)))
    assert "Vendela" not in texts and "Auditsson" not in texts and "Ändradsson" not in texts


def test_bulk_statements_are_recorded(empty_store):
    from sqlalchemy import insert, update

    with empty_store.session() as s:
        s.execute(insert(Contact), [{"first_name": "A", "last_name": f"B{i}"} for i in range(3)])
        s.execute(update(Contact).values(role="x"))
    with empty_store.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.table_name == "contacts")))
    assert actions == ["bulk-create", "bulk-update"]


def test_the_audit_log_cannot_be_edited(empty_store):
    import pytest
    from sqlalchemy import delete, update
    from sqlalchemy.exc import IntegrityError

    with empty_store.session() as s:
        s.add(Contact(first_name="A", last_name="B"))
    for statement in (update(AuditEntry).values(fields="[]"), delete(AuditEntry)):
        with pytest.raises(IntegrityError, match="can only be added to"), empty_store.session() as s:
            s.execute(statement)
    with empty_store.session() as s:
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.table_name == "contacts")) == "create"
