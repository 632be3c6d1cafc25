"""Fixtures for the safety tests: a small database with named people in every kind of record."""

from __future__ import annotations

import pytest
from safety_people import populate


@pytest.fixture
def people_db(empty_db):
    """The empty Swedish database with one school, classes, pupils, a contact and activities."""
    from coordinator.store import open_store

    store = open_store(empty_db)
    try:
        populate(store)
    finally:
        store.close()
    return empty_db


@pytest.fixture
def people_store(people_db):
    from coordinator.store import open_store

    store = open_store(people_db)
    yield store
    store.close()
