"""offers and wishes for placement matching

Offers: places an organisation offers for a period, with what they fit (programmes or sectors),
minimum age and hours. Wishes: a pupil's ranked wishes (1 = first) for a placement period.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 02:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('wishes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pupil_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('first_day <= last_day', name=op.f('ck_wishes_period')),
    sa.CheckConstraint('rank >= 1', name=op.f('ck_wishes_rank')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_wishes_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pupil_id'], ['pupils.id'], name=op.f('fk_wishes_pupil_id_pupils'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wishes')),
    sa.UniqueConstraint('pupil_id', 'first_day', 'last_day', 'rank', name=op.f('uq_wishes_pupil_id_first_day_last_day_rank'))
    )
    with op.batch_alter_table('wishes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wishes_first_day'), ['first_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_wishes_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_wishes_pupil_id'), ['pupil_id'], unique=False)

    op.create_table('offers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('fits', sa.String(length=200), nullable=False),
    sa.Column('minimum_age', sa.Integer(), nullable=True),
    sa.Column('hours_per_day', sa.Float(), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('first_day <= last_day', name=op.f('ck_offers_period')),
    sa.CheckConstraint('hours_per_day IS NULL OR (hours_per_day > 0 AND hours_per_day <= 24)', name=op.f('ck_offers_hours')),
    sa.CheckConstraint('minimum_age IS NULL OR (minimum_age >= 0 AND minimum_age <= 99)', name=op.f('ck_offers_minimum_age')),
    sa.CheckConstraint('places >= 0', name=op.f('ck_offers_places')),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_offers_contact_id_contacts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_offers_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers'))
    )
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offers_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offers_first_day'), ['first_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_offers_organisation_id'), ['organisation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offers_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_offers_first_day'))
        batch_op.drop_index(batch_op.f('ix_offers_contact_id'))

    op.drop_table('offers')
    with op.batch_alter_table('wishes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wishes_pupil_id'))
        batch_op.drop_index(batch_op.f('ix_wishes_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_wishes_first_day'))

    op.drop_table('wishes')
