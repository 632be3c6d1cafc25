"""school forms: school types become school forms with typical ages and their words in four languages

The table `school_types` is renamed `school_forms` (schools keep their form: the reference follows the
rename). Each shipped form gains its names and words (group, grade, school, teacher in charge,
placement) in English, Swedish, Polish and Russian and its typical ages; a database of a country gains
the forms its profile ships that it lacks (Polish branżowa szkoła I stopnia and liceum).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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


def _fill_shipped_forms() -> None:
    """Words for the forms a database has; the forms its countries ship that it lacks, added."""
    conn = op.get_bind()
    forms = sa.table('school_forms', *(sa.column(name) for name in form_values(SCHOOL_FORMS[0])),
                     sa.column('name'))
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
    conn = op.get_bind()
    added = [spec.code for spec in SCHOOL_FORMS if spec.code in ('pl_branzowa', 'pl_liceum')]
    conn.execute(sa.text("DELETE FROM school_forms WHERE code IN ('" + "', '".join(added) + "') "
                         "AND id NOT IN (SELECT school_type_id FROM schools)"))
    # Dropped one by one in place (SQLite 3.35 and PostgreSQL alike): a batch copy would drop the table
    # that schools refer to.
    for name in ['short', 'youngest', 'oldest', *(name for name, _length in _word_columns())]:
        op.execute(f"ALTER TABLE school_forms DROP COLUMN {name}")
    op.rename_table('school_forms', 'school_types')
