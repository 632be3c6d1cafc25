"""erasure register inside the database

The register of erased and anonymised records moves from the sidecar file `<db>.erasures.json` into a
table, so that a copy of the database file, a backup or a restore always carries it. Entries of an
existing sidecar are taken over; the sidecar is not read again afterwards.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 02:00:00
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_ACTIONS = ("erase", "anonymise")


def upgrade() -> None:
    table = op.create_table(
        'erasure_register',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('table_name', sa.String(length=64), nullable=False),
        sa.Column('record_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_erasure_register')),
        sa.UniqueConstraint('table_name', 'record_id', 'action', 'fingerprint',
                            name=op.f('uq_erasure_register_table_name_record_id_action_fingerprint')),
    )
    rows = _sidecar_rows(op.get_bind())
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table('erasure_register')


def _sidecar_rows(connection: sa.Connection) -> list[dict[str, object]]:
    """The entries of the old sidecar register beside a database file (none for other databases)."""
    if connection.dialect.name != "sqlite":
        return []
    main = [row[2] for row in connection.exec_driver_sql("PRAGMA database_list") if row[1] == "main"]
    if not main or not main[0]:
        return []
    sidecar = Path(main[0]).with_name(Path(main[0]).name + ".erasures.json")
    try:
        entries = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    rows: dict[tuple[object, ...], dict[str, object]] = {}
    for entry in entries if isinstance(entries, list) else []:
        row = _row(entry)
        if row is not None:
            rows.setdefault((row["table_name"], row["record_id"], row["action"], row["fingerprint"]), row)
    return list(rows.values())


def _row(entry: object) -> dict[str, object] | None:
    if not isinstance(entry, dict):
        return None
    table, record_id, action, fingerprint = (entry.get(k) for k in ("table", "id", "action", "fingerprint"))
    if not (isinstance(table, str) and isinstance(record_id, int) and action in _ACTIONS
            and isinstance(fingerprint, str) and len(fingerprint) == 64):
        return None
    try:
        at = dt.datetime.fromisoformat(str(entry.get("at")))
    except ValueError:
        at = dt.datetime.now()
    return {"table_name": table[:64], "record_id": record_id, "action": action, "fingerprint": fingerprint,
            "at": at.replace(tzinfo=None)}
