"""Two people saving one record: the second save is refused with both versions named, nothing is lost;
the audit log names the server login that made a change."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from coordinator.desk import Desk
from coordinator.errors import EditConflict
from coordinator.models import Organisation
from coordinator.store import open_store


@pytest.fixture
def two_desks(any_empty_db):
    """Two desks on one database, as two people's apps (two connections, on SQLite or on the server)."""
    first, second = Desk.open(any_empty_db), Desk.open(any_empty_db)
    yield first, second
    first.close()
    second.close()


def _organisation(desk: Desk) -> int:
    changes = desk.create_record("organisations", {"name": "Verkstad AB", "kind": "company"})
    return next(iter(changes.created["organisations"]))


def test_the_second_of_two_saves_from_the_same_version_is_refused_and_the_first_kept(two_desks):
    first, second = two_desks
    record_id = _organisation(first)
    mine, theirs = first.record("organisations", record_id), second.record("organisations", record_id)
    assert mine.version == theirs.version == 1
    first.update_record("organisations", record_id, mine.values | {"name": "Verkstad i Hedemora AB"},
                        version=mine.version)
    with pytest.raises(EditConflict) as refused:
        second.update_record("organisations", record_id, theirs.values | {"name": "Verkstan"},
                             version=theirs.version)
    assert (refused.value.theirs, refused.value.yours) == (2, 1)
    assert "their version 2, yours 1" in str(refused.value) and "not saved" in str(refused.value)
    now = second.record("organisations", record_id)
    assert now.values["name"] == "Verkstad i Hedemora AB" and now.version == 2
    second.update_record("organisations", record_id, now.values | {"name": "Verkstan"}, version=now.version)
    assert first.record("organisations", record_id).values["name"] == "Verkstan"


def test_a_conflict_is_refused_in_the_chosen_language(two_desks):
    from coordinator.i18n import set_language

    first, second = two_desks
    record_id = _organisation(first)
    stale = second.record("organisations", record_id)
    first.update_record("organisations", record_id, stale.values | {"phone": "0225-123 45"}, version=stale.version)
    set_language("pl")
    with pytest.raises(EditConflict, match="nie zostały zapisane"):
        second.update_record("organisations", record_id, stale.values, version=stale.version)


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_two_open_transactions_on_the_server_the_later_commit_is_refused(any_empty_db):
    """Two real connections hold the same row; the one that commits second changes nothing."""
    a, b = open_store(any_empty_db), open_store(any_empty_db)
    try:
        with a.session() as s:
            s.add(Organisation(name="Verkstad AB"))
        with pytest.raises(EditConflict, match="at the same moment"):
            with b.session() as late:
                held = late.scalars(select(Organisation)).one()
                with a.session() as early:
                    early.scalars(select(Organisation)).one().name = "Först"
                held.name = "Sist"
        with a.session() as s:
            assert s.scalars(select(Organisation)).one().name == "Först"
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_the_audit_log_names_the_server_login(any_empty_db):
    store = open_store(any_empty_db)
    try:
        with store.session() as s:
            s.add(Organisation(name="Verkstad AB"))
        with store.session() as s:
            who = s.execute(text("SELECT by_user FROM audit_log WHERE table_name = 'organisations'")).scalars().all()
        assert who == [store.url.username]
    finally:
        store.close()
