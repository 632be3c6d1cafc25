"""Fixtures of the statistics tests."""

from __future__ import annotations

import pytest
from stats_world import World


@pytest.fixture
def world(any_empty_store):
    """(store, session, World) with one open transaction for the test."""
    with any_empty_store.session() as session:
        yield World(session)
