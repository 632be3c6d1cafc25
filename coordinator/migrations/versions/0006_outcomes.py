"""outcomes: leavers' choices of programme and graduates' destinations

Choices: a leaver's chosen programme or occupation (national code and name), ranked, with the school
chosen. Destinations: a graduate's destination 6 or 12 months after leaving, with the employer, its
sector, target training and the exam result.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('choices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('school_year_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('programme_code', sa.String(length=32), nullable=True),
    sa.Column('programme_name', sa.String(length=200), nullable=True),
    sa.Column('school_chosen', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('rank >= 1', name=op.f('ck_choices_rank')),
    sa.CheckConstraint('programme_code IS NOT NULL OR programme_name IS NOT NULL',
                       name=op.f('ck_choices_programme')),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupils.id'], name=op.f('fk_choices_pupil_id_pupils'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_year_id'], ['school_years.id'],
                            name=op.f('fk_choices_school_year_id_school_years')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_choices')),
    sa.UniqueConstraint('pupil_id', 'school_year_id', 'rank', name=op.f('uq_choices_pupil_id_school_year_id_rank'))
    )
    with op.batch_alter_table('choices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_choices_pupil_id'), ['pupil_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_choices_school_year_id'), ['school_year_id'], unique=False)

    op.create_table('destinations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('school_year_id', sa.Integer(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=False),
    sa.Column('months_after', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('employed', 'study', 'apprenticeship', 'neet', 'unknown', name='destination_kind',
                              native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('programme', sa.String(length=100), nullable=True),
    sa.Column('sector_code', sa.String(length=1), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('employer_name', sa.String(length=200), nullable=True),
    sa.Column('target_training', sa.Boolean(), nullable=False),
    sa.Column('exam_result', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('months_after IN (6, 12)', name=op.f('ck_destinations_months_after')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_destinations_organisation_id_organisations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupils.id'], name=op.f('fk_destinations_pupil_id_pupils'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_year_id'], ['school_years.id'],
                            name=op.f('fk_destinations_school_year_id_school_years')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destinations')),
    sa.UniqueConstraint('pupil_id', 'school_year_id', 'months_after',
                        name=op.f('uq_destinations_pupil_id_school_year_id_months_after'))
    )
    with op.batch_alter_table('destinations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_destinations_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_destinations_pupil_id'), ['pupil_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_destinations_school_year_id'), ['school_year_id'], unique=False)

    _add_indicators()


# The outcome indicators joining a template already seeded: (key, name, perspective, unit, target, amber
# band, position, countries); positions put them beside their perspective's others (stats/scorecard.py).
_INDICATORS = (
    ("non_traditional_choices", "Non-traditional choices of leavers", "pupils", "percent", 0.25, 0.05, 45, ""),
    ("graduates_employed", "Graduates employed 6 months on", "pupils", "percent", 0.7, 0.1, 46, ""),
    ("employed_at_partners", "Employed graduates at partner organisations", "working_life", "percent", 0.5, 0.1,
     95, ""),
    ("target_training_filled", "Target-training contracts filled", "working_life", "number", None, 0.0, 96, "RU"),
)


def _add_indicators() -> None:
    bind = op.get_bind()
    seeded = bind.execute(sa.text("SELECT count(*) FROM indicators WHERE key IS NOT NULL")).scalar()
    if not seeded:
        return  # a database set up after this revision gets the whole template from `init`
    country = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'country'")).scalar() or "SE"
    for key, name, perspective, unit, target, band, position, countries in _INDICATORS:
        if countries and country.upper() not in countries:
            continue
        if bind.execute(sa.text("SELECT count(*) FROM indicators WHERE key = :key"), {"key": key}).scalar():
            continue
        bind.execute(sa.text(
            "INSERT INTO indicators (key, name, perspective, direction, unit, target, amber_band, position, "
            "created_at, updated_at) VALUES (:key, :name, :perspective, 'higher', :unit, :target, :band, "
            ":position, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
            {"key": key, "name": name, "perspective": perspective, "unit": unit, "target": target, "band": band,
             "position": position})


def downgrade() -> None:
    keys = ", ".join(f"'{row[0]}'" for row in _INDICATORS)
    op.execute(f"DELETE FROM indicator_values WHERE indicator_id IN (SELECT id FROM indicators WHERE key IN ({keys}))")
    op.execute(f"DELETE FROM indicators WHERE key IN ({keys})")
    with op.batch_alter_table('destinations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_destinations_school_year_id'))
        batch_op.drop_index(batch_op.f('ix_destinations_pupil_id'))
        batch_op.drop_index(batch_op.f('ix_destinations_organisation_id'))
    op.drop_table('destinations')
    with op.batch_alter_table('choices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_choices_school_year_id'))
        batch_op.drop_index(batch_op.f('ix_choices_pupil_id'))
    op.drop_table('choices')
