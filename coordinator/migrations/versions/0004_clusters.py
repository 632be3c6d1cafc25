"""clusters: member roles as data, schools as members, agreements, contact log, projects and budgets

Network members gain a school (instead of an organisation), a role from the table of roles each country
names, and dates of joining and leaving. A class's patron organisation becomes a patron-class agreement.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# (country, name, kind) in the order shown; the app's own list, editable afterwards.
_ROLES = (
    ("PL", "lider", "leader"), ("PL", "członek", "member"), ("PL", "partner", "partner"),
    ("RU", "управляющая компания", "leader"), ("RU", "базовая образовательная организация", "member"),
    ("RU", "участник", "member"), ("RU", "партнёр", "partner"),
    ("SE", "huvudman", "leader"), ("SE", "medlem", "member"), ("SE", "partner", "partner"),
)
_SOURCES = (
    ("PL", "Budżet państwa", "state"), ("PL", "Samorząd województwa", "region"),
    ("PL", "Samorząd gminy lub powiatu", "municipality"), ("PL", "Pracodawca", "employer"),
    ("PL", "Fundusze Europejskie", "eu_fund"), ("PL", "Fundacja", "foundation"),
    ("RU", "Федеральный бюджет", "state"), ("RU", "Региональный бюджет", "region"),
    ("RU", "Муниципальный бюджет", "municipality"), ("RU", "Работодатель", "employer"),
    ("RU", "Фонд", "foundation"),
    ("SE", "Staten", "state"), ("SE", "Region", "region"), ("SE", "Kommun", "municipality"),
    ("SE", "Arbetsgivare", "employer"), ("SE", "EU-fond", "eu_fund"), ("SE", "Stiftelse", "foundation"),
)


def _kind(name: str, values: tuple[str, ...], length: int = 16) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=length)


def upgrade() -> None:
    _create_reference_tables()
    _create_record_tables()
    _move_members()
    _move_patrons()


def _create_reference_tables() -> None:
    roles = op.create_table(
        'member_roles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('kind', _kind('member_role_kind', ('leader', 'member', 'partner', 'observer')), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_member_roles')),
        sa.UniqueConstraint('country', 'name', name=op.f('uq_member_roles_country_name')),
    )
    op.bulk_insert(roles, [{"country": c, "name": n, "kind": k, "position": i} for i, (c, n, k) in enumerate(_ROLES)])
    sources = op.create_table(
        'funding_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('kind', _kind('funding_kind', ('state', 'region', 'municipality', 'employer', 'eu_fund',
                                                 'foundation')), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_sources')),
        sa.UniqueConstraint('country', 'name', name=op.f('uq_funding_sources_country_name')),
    )
    op.bulk_insert(sources, [{"country": c, "name": n, "kind": k, "position": i}
                             for i, (c, n, k) in enumerate(_SOURCES)])


def _timestamps() -> list[sa.Column]:
    return [sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
            sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False)]


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'),
                                   ondelete=ondelete)


def _indexes(table: str, columns: tuple[str, ...]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def _create_record_tables() -> None:
    op.create_table(
        'agreements',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', _kind('agreement_kind', ('patron_class', 'employer', 'targeted_training', 'cooperation'),
                                20), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('school_id', sa.Integer(), nullable=True),
        sa.Column('class_id', sa.Integer(), nullable=True),
        sa.Column('network_id', sa.Integer(), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('status', _kind('agreement_status', ('draft', 'active', 'ended', 'cancelled')), nullable=False),
        sa.Column('commitments', sa.Text(), nullable=False),
        sa.Column('remind_days', sa.Integer(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=True),
        *_timestamps(),
        _fk('agreements', 'class_id', 'classes', 'CASCADE'),
        _fk('agreements', 'network_id', 'networks', 'CASCADE'),
        _fk('agreements', 'organisation_id', 'organisations', 'CASCADE'),
        _fk('agreements', 'school_id', 'schools', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements')),
    )
    _indexes('agreements', ('class_id', 'ends_on', 'network_id', 'organisation_id', 'school_id'))
    op.create_table(
        'contact_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('contact_id', sa.Integer(), nullable=True),
        sa.Column('date', sa.Date(), nullable=False),
        sa.Column('channel', _kind('contact_channel', ('call', 'email', 'meeting', 'visit')), nullable=False),
        sa.Column('who', sa.String(length=100), nullable=False),
        sa.Column('asked', sa.Text(), nullable=False),
        sa.Column('promised', sa.Text(), nullable=False),
        sa.Column('answer', _kind('contact_answer', ('pending', 'yes', 'no')), nullable=False),
        sa.Column('follow_up_on', sa.Date(), nullable=True),
        *_timestamps(),
        _fk('contact_log', 'contact_id', 'contacts', 'SET NULL'),
        _fk('contact_log', 'organisation_id', 'organisations', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_log')),
    )
    _indexes('contact_log', ('contact_id', 'date', 'follow_up_on', 'organisation_id'))
    _create_money_tables()


def _create_money_tables() -> None:
    op.create_table(
        'projects',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('owner_organisation_id', sa.Integer(), nullable=True),
        sa.Column('network_id', sa.Integer(), nullable=True),
        sa.Column('goal_id', sa.Integer(), nullable=True),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('notes', sa.Text(), nullable=True),
        *_timestamps(),
        _fk('projects', 'goal_id', 'goals', 'SET NULL'),
        _fk('projects', 'network_id', 'networks', 'SET NULL'),
        _fk('projects', 'owner_organisation_id', 'organisations', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
        sa.UniqueConstraint('name', name=op.f('uq_projects_name')),
    )
    _indexes('projects', ('goal_id', 'network_id', 'owner_organisation_id'))
    op.create_table(
        'budget_lines',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('funding_source_id', sa.Integer(), nullable=False),
        sa.Column('financier_id', sa.Integer(), nullable=True),
        sa.Column('planned_minor', sa.BigInteger(), nullable=False),
        sa.Column('spent_minor', sa.BigInteger(), nullable=False),
        _fk('budget_lines', 'financier_id', 'organisations', 'SET NULL'),
        _fk('budget_lines', 'funding_source_id', 'funding_sources'),
        _fk('budget_lines', 'project_id', 'projects', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_lines')),
        sa.UniqueConstraint('project_id', 'funding_source_id', 'financier_id',
                            name=op.f('uq_budget_lines_project_id_funding_source_id_financier_id')),
    )
    _indexes('budget_lines', ('financier_id', 'funding_source_id', 'project_id'))
    op.create_table(
        'costs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('budget_line_id', sa.Integer(), nullable=True),
        sa.Column('description', sa.String(length=200), nullable=False),
        sa.Column('date', sa.Date(), nullable=True),
        sa.Column('amount_minor', sa.BigInteger(), nullable=False),
        sa.Column('activity_kind', sa.String(length=16), nullable=True),
        sa.Column('activity_id', sa.Integer(), nullable=True),
        sa.Column('action_id', sa.Integer(), nullable=True),
        _fk('costs', 'action_id', 'actions', 'SET NULL'),
        _fk('costs', 'budget_line_id', 'budget_lines', 'SET NULL'),
        _fk('costs', 'project_id', 'projects', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_costs')),
    )
    _indexes('costs', ('action_id', 'budget_line_id', 'project_id'))


def _country(bind: sa.Connection) -> str:
    value = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'country'")).scalar()
    return str(value or "SE").upper()


def _move_members() -> None:
    """Each member's old role becomes the country's role of that kind (an observer becomes a partner).

    The table is rebuilt by hand, in a fixed order of constraints (nothing refers to its rows).
    """
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":  # a server names indexes per schema: the old table's give way first
        for name in ('pk_network_members', 'uq_network_members_network_id_organisation_id'):
            bind.execute(sa.text(f"ALTER TABLE network_members RENAME CONSTRAINT {name} TO {name}_old"))
    op.create_table(
        'network_members_new',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('network_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=True),
        sa.Column('school_id', sa.Integer(), nullable=True),
        sa.Column('role_id', sa.Integer(), nullable=False),
        sa.Column('joined_on', sa.Date(), nullable=True),
        sa.Column('left_on', sa.Date(), nullable=True),
        sa.CheckConstraint('(organisation_id IS NULL) != (school_id IS NULL)',
                           name=op.f('ck_network_members_one_member')),
        _fk('network_members', 'network_id', 'networks', 'CASCADE'),
        _fk('network_members', 'organisation_id', 'organisations', 'CASCADE'),
        _fk('network_members', 'role_id', 'member_roles'),
        _fk('network_members', 'school_id', 'schools', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_network_members')),
        sa.UniqueConstraint('network_id', 'organisation_id', name=op.f('uq_network_members_network_id_organisation_id')),
        sa.UniqueConstraint('network_id', 'school_id', name=op.f('uq_network_members_network_id_school_id')),
    )
    country = _country(bind)
    for old, kind in (("leader", "leader"), ("member", "member"), ("partner", "partner"), ("observer", "partner")):
        bind.execute(sa.text(
            "INSERT INTO network_members_new (id, network_id, organisation_id, role_id, left_on) "
            "SELECT m.id, m.network_id, m.organisation_id, (SELECT id FROM member_roles WHERE country = :c "
            "AND kind = :k ORDER BY position LIMIT 1), CASE WHEN m.active THEN NULL ELSE CURRENT_DATE END "
            "FROM network_members m WHERE m.role = :o"), {"c": country, "k": kind, "o": old})
    op.drop_table('network_members')
    op.rename_table('network_members_new', 'network_members')
    _indexes('network_members', ('organisation_id', 'role_id', 'school_id'))


def _move_patrons() -> None:
    """A class's patron organisation becomes a patron-class agreement for that class's school year.

    The old column is emptied, not dropped: dropping it rebuilds the classes table, and SQLite's drop of
    the old table would cascade into enrolments and everything else that refers to a class.
    """
    bind = op.get_bind()
    bind.execute(sa.text(
        "INSERT INTO agreements (kind, organisation_id, school_id, class_id, title, starts_on, status, "
        "commitments, remind_days) "
        "SELECT 'patron_class', c.patron_organisation_id, c.school_id, c.id, '', y.starts_on, 'active', '', 60 "
        "FROM classes c JOIN school_years y ON y.id = c.school_year_id "
        "WHERE c.patron_organisation_id IS NOT NULL"))
    bind.execute(sa.text("UPDATE classes SET patron_organisation_id = NULL"))


def downgrade() -> None:
    op.get_bind().execute(sa.text(
        "UPDATE classes SET patron_organisation_id = (SELECT organisation_id FROM agreements a "
        "WHERE a.class_id = classes.id AND a.kind = 'patron_class' ORDER BY a.id LIMIT 1)"))
    for table in ('costs', 'budget_lines', 'projects', 'contact_log', 'agreements'):
        op.drop_table(table)
    bind = op.get_bind()
    op.create_table(
        'network_members_old',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('network_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('role', _kind('network_role', ('leader', 'member', 'partner', 'observer')), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        _fk('network_members', 'network_id', 'networks', 'CASCADE'),
        _fk('network_members', 'organisation_id', 'organisations', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_network_members')),
        sa.UniqueConstraint('network_id', 'organisation_id', name=op.f('uq_network_members_network_id_organisation_id')),
    )
    bind.execute(sa.text(
        "INSERT INTO network_members_old (id, network_id, organisation_id, role, active) "
        "SELECT m.id, m.network_id, m.organisation_id, r.kind, m.left_on IS NULL FROM network_members m "
        "JOIN member_roles r ON r.id = m.role_id WHERE m.organisation_id IS NOT NULL"))
    op.drop_table('network_members')
    op.rename_table('network_members_old', 'network_members')
    _indexes('network_members', ('organisation_id',))
    op.drop_table('funding_sources')
    op.drop_table('member_roles')
