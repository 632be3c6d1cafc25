"""Revision 0006 (outcomes): an older database gains the tables and the outcome indicators of its country."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from coordinator.store import alembic_config, open_store


def _keys_after_upgrade(path, country: str) -> list[str]:
    store = open_store(path)
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
        conn.execute(text("UPDATE settings SET value = :c WHERE key = 'country'"), {"c": country})
        # the positions of the template before revision 0006: 0, 10, 20, … in the same order
        conn.execute(text("UPDATE indicators SET position = 10 * (SELECT count(*) FROM indicators AS i "
                          "WHERE i.position < indicators.position)"))
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with store.engine.connect() as conn:
        keys = [k for (k,) in conn.execute(text("SELECT key FROM indicators WHERE key IS NOT NULL "
                                                "ORDER BY position"))]
        conn.execute(text("SELECT count(*) FROM choices")).scalar()
    store.close()
    return keys


def test_a_swedish_card_gains_three_outcome_indicators_beside_their_perspectives(empty_db):
    keys = _keys_after_upgrade(empty_db, "SE")
    assert keys.index("non_traditional_choices") == keys.index("pupil_evaluation") + 1
    assert keys.index("employed_at_partners") == keys.index("asked_without_hosting") + 1
    assert "target_training_filled" not in keys
    assert len(keys) == len(set(keys))


def test_a_russian_card_gains_the_target_training_contracts_too(empty_db):
    assert "target_training_filled" in _keys_after_upgrade(empty_db, "RU")
