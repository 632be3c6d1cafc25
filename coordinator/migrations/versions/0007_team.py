"""team mode: a version on every record table, for optimistic concurrency

Each record table gets `version` (1 for every existing row); SQLAlchemy's version counter names it in
every UPDATE, so that of two people saving the same record at once, the second is refused rather
than silently overwriting the first. The audit log gains `by_user`, the server login that made each
change. The roles and row-level security of a server are made by
`coordinator server init`, not here: a SQLite file has no roles.

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-29 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0004'
branch_labels = None
depends_on = None

TABLES = (
    'action_activities', 'action_plans', 'actions', 'agreements', 'budget_lines', 'classes', 'contact_log',
    'contacts', 'costs', 'encounters', 'enrolments', 'funding_sources', 'goals', 'indicator_values',
    'indicators', 'meetings', 'member_roles', 'network_members', 'networks', 'offers', 'organisations',
    'placements', 'projects', 'pupils', 'school_types', 'school_years', 'schools', 'sector_dominance',
    'sectors', 'settings', 'study_visits', 'teachers', 'trainings', 'wishes',
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    op.add_column('audit_log', sa.Column('by_user', sa.String(length=63), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':  # the server knows who is logged in; nobody can say otherwise
        op.execute("ALTER TABLE audit_log ALTER COLUMN by_user SET DEFAULT session_user")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35 and later): a batch rebuild would drop tables others refer to.
    op.drop_column('audit_log', 'by_user')
    for table in TABLES:
        op.drop_column(table, 'version')
