"""The schema's revisions: the one this code writes, the ones Alembic knows, and the one a database holds.

Below the store and the safety checks, which both ask these questions.
"""

from __future__ import annotations

import functools
from pathlib import Path

from sqlalchemy import Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The schema revision this code writes. Alembic is loaded only when a file needs upgrading,
    so opening an up-to-date database stays quick; a test keeps HEAD equal to the scripts' head."""
    from coordinator.migrations import HEAD

    return HEAD


@functools.lru_cache(maxsize=1)
def scripted_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


@functools.lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
