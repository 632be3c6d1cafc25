"""team mode: a version on every record table, for optimistic concurrency

Each record table gets `version` (1 for every existing row); SQLAlchemy's version counter names it in
every UPDATE, so that of two people saving the same record at once, the second is refused rather
than silently overwriting the first. The audit log gains `by_user`, the server login that made each
change. The roles and row-level security of a server are made by
`coordinator server init`, not here: a SQLite file has no roles.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _tables(bind: sa.Connection, *, with_version: bool) -> list[str]:
    """The tables the models give a version, as they stand in this database, with or without one yet.

    Read from the models rather than listed here, so that the tables of revisions merged before this
    one get their version too; link tables and the append-only logs have none.
    """
    from coordinator.models import Base

    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    return [table.name for table in Base.metadata.sorted_tables
            if 'version' in table.c and table.name in existing
            and ('version' in {c['name'] for c in inspector.get_columns(table.name)}) == with_version]


def upgrade() -> None:
    for table in _tables(op.get_bind(), with_version=False):
        op.add_column(table, sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    op.add_column('audit_log', sa.Column('by_user', sa.String(length=63), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':  # the server knows who is logged in; nobody can say otherwise
        op.execute("ALTER TABLE audit_log ALTER COLUMN by_user SET DEFAULT session_user")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35 and later): a batch rebuild would drop tables others refer to.
    op.drop_column('audit_log', 'by_user')
    for table in _tables(op.get_bind(), with_version=True):
        op.drop_column(table, 'version')
