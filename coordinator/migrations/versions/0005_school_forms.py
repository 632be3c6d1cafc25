"""school forms and programmes: school types become school forms with their words; programmes with codes

The table `school_types` is renamed `school_forms` (schools keep their form: the reference follows the
rename). Each shipped form gains its names and words (group, grade, school, teacher in charge,
placement) in English, Swedish, Polish and Russian and its typical ages; a database of a country gains
the forms its profile ships that it lacks (Polish branżowa szkoła I stopnia and liceum). Programmes and
occupations with their national codes and sources, and the placement each requires per grade, are new
tables; a class and a pupil may name a programme.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coordinator.reference.programmes import seed_programmes
from coordinator.reference.school_forms import LANGUAGES, SCHOOL_FORMS, WORDS, column, form_values

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _word_columns() -> list[tuple[str, int]]:
    return [(column(word, language), 100 if word == "name" else 60)
            for word in WORDS for language in LANGUAGES if (word, language) != ("name", "en")]


def upgrade() -> None:
    op.rename_table('school_types', 'school_forms')
    with op.batch_alter_table('school_forms') as batch:
        batch.add_column(sa.Column('short', sa.String(length=8), nullable=True))
        batch.add_column(sa.Column('youngest', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('oldest', sa.Integer(), nullable=True))
        for name, length in _word_columns():
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=True))
    _fill_shipped_forms()
    _create_programmes()


def _create_programmes() -> None:
    """Programmes with their codes and placement requirements; classes and pupils may name one."""
    op.create_table(
        'programmes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('school_form_id', sa.Integer(), nullable=True),
        sa.Column('source', sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(['school_form_id'], ['school_forms.id'],
                                name=op.f('fk_programmes_school_form_id_school_forms'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes')),
        sa.UniqueConstraint('country', 'code', name=op.f('uq_programmes_country_code')),
    )
    op.create_table(
        'placement_requirements',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('grade', sa.String(length=8), nullable=False),
        sa.Column('days', sa.Integer(), nullable=False),
        sa.Column('hours', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=True),
        sa.CheckConstraint('days >= 0 AND hours >= 0', name=op.f('ck_placement_requirements_amounts')),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'],
                                name=op.f('fk_placement_requirements_programme_id_programmes'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_requirements')),
        sa.UniqueConstraint('programme_id', 'grade', name=op.f('uq_placement_requirements_programme_id_grade')),
    )
    op.create_index(op.f('ix_placement_requirements_programme_id'), 'placement_requirements', ['programme_id'])
    for table in ('classes', 'pupils'):
        _add_programme_column(table)
    conn = op.get_bind()
    forms = sa.table('school_forms', sa.column('country'))
    for country in sorted(set(conn.execute(sa.select(forms.c.country).distinct()).scalars())):
        seed_programmes(conn, country)


def _add_programme_column(table: str) -> None:
    """A plain column added in place (no foreign key): a batch copy of classes or pupils would cascade into
    every table that refers to them, and SQLite adds no named constraint to an existing table."""
    op.add_column(table, sa.Column('programme_id', sa.Integer(), nullable=True))
    op.create_index(f'ix_{table}_programme_id', table, ['programme_id'])


def _fill_shipped_forms() -> None:
    """Words for the forms a database has; the forms its countries ship that it lacks, added."""
    conn = op.get_bind()
    forms = sa.table('school_forms', *(sa.column(name) for name in form_values(SCHOOL_FORMS[0])))
    present = dict(conn.execute(sa.select(forms.c.code, forms.c.country)).all())
    countries = set(present.values())
    for spec in SCHOOL_FORMS:
        values = form_values(spec)
        if spec.code in present:
            words = {k: v for k, v in values.items() if k not in ('code', 'country', 'name', 'grades',
                                                                   'compulsory', 'placement_grades',
                                                                   'required_placement_days')}
            conn.execute(forms.update().where(forms.c.code == spec.code).values(**words))
        elif spec.country in countries:
            conn.execute(forms.insert().values(**values))


def downgrade() -> None:
    for table in ('classes', 'pupils'):
        op.drop_index(f'ix_{table}_programme_id', table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN programme_id")
    op.drop_index(op.f('ix_placement_requirements_programme_id'), table_name='placement_requirements')
    op.drop_table('placement_requirements')
    op.drop_table('programmes')
    conn = op.get_bind()
    added = [spec.code for spec in SCHOOL_FORMS if spec.code in ('pl_branzowa', 'pl_liceum')]
    conn.execute(sa.text("DELETE FROM school_forms WHERE code IN ('" + "', '".join(added) + "') "
                         "AND id NOT IN (SELECT school_type_id FROM schools)"))
    # Dropped one by one in place (SQLite 3.35 and PostgreSQL alike): a batch copy would drop the table
    # that schools refer to.
    for name in ['short', 'youngest', 'oldest', *(name for name, _length in _word_columns())]:
        op.execute(f"ALTER TABLE school_forms DROP COLUMN {name}")
    op.rename_table('school_forms', 'school_types')
