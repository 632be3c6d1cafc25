"""Fixtures of the statistics tests."""

from __future__ import annotations

import pytest
from stats_world import World


@pytest.fixture
def world(empty_store):
    """(store, session, World) with one open transaction for the test."""
    with empty_store.session() as session:
        yield World(session)
