"""The schema: migrations match the models, constraints hold, newer files are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coordinator.errors import UserError
from coordinator.models import Base, Gender, Organisation, Placement, Pupil, SchoolYear
from coordinator.store import head_revision, open_store, scripted_head


def test_empty_database_upgrades_to_head_with_no_difference_from_the_models(tmp_path):
    store = open_store(tmp_path / "new.sqlite", create=True)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
            revision = MigrationContext.configure(conn).get_current_revision()
    finally:
        store.close()
    assert diff == []
    assert revision == head_revision()


def test_a_database_from_a_newer_app_is_refused_and_left_as_it_was(empty_db):
    store = open_store(empty_db)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    store.close()
    before = empty_db.read_bytes()
    with pytest.raises(UserError, match="newer version"):
        open_store(empty_db)
    assert empty_db.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"Dear diary, " * 200)
    with pytest.raises(UserError, match="not a database"):
        open_store(bogus)


def test_a_missing_file_is_not_created_silently(tmp_path):
    with pytest.raises(UserError, match="no database"):
        open_store(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_foreign_keys_and_checks_are_enforced(empty_store):
    with pytest.raises(IntegrityError), empty_store.session() as session:
        session.add(Pupil(first_name="Anna", last_name="Berg", gender="robot"))
    with pytest.raises(IntegrityError), empty_store.session() as session:
        year = session.query(SchoolYear).first()
        host = Organisation(name="Verkstad AB")
        session.add(host)
        session.flush()
        session.add(Placement(school_year_id=year.id, pupil_id=999_999, host_id=host.id,
                              start_date=dt.date(2026, 3, 2), end_date=dt.date(2026, 3, 6), days=5))


def test_a_placement_cannot_end_before_it_starts(empty_store):
    with pytest.raises(IntegrityError), empty_store.session() as session:
        year = session.query(SchoolYear).first()
        pupil = Pupil(first_name="Åsa", last_name="Öberg", gender=Gender.GIRL)
        host = Organisation(name="Sågverket")
        session.add_all([pupil, host])
        session.flush()
        session.add(Placement(school_year_id=year.id, pupil_id=pupil.id, host_id=host.id,
                              start_date=dt.date(2026, 3, 6), end_date=dt.date(2026, 3, 2), days=5))


def test_a_failed_transaction_leaves_nothing_behind(empty_store):
    with pytest.raises(RuntimeError), empty_store.session() as session:
        session.add(Organisation(name="Halvfärdig AB"))
        session.flush()
        raise RuntimeError("power cut")
    with empty_store.session() as session:
        assert session.query(Organisation).count() == 0


def test_the_head_constant_matches_the_migration_scripts():
    assert head_revision() == scripted_head()


def test_the_head_tables_are_the_models_tables():
    """The file check proves a head file has every table from this list, without loading the models."""
    from coordinator.migrations import HEAD_TABLES
    from coordinator.models import Base

    assert set(Base.metadata.tables) == HEAD_TABLES
