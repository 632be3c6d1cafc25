"""Revision 0005: school types become school forms, with their words, and a country's missing forms."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from coordinator.services.setup import initialise
from coordinator.store import alembic_config, open_store


def test_a_polish_database_of_revision_0004_gets_its_forms_with_their_words(tmp_path):
    store = open_store(tmp_path / "pl.sqlite", create=True)
    with store.session() as s:
        initialise(s, profile_code="pl")
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
    with store.engine.begin() as conn:
        codes = set(conn.execute(text("SELECT code FROM school_types")).scalars())
        assert codes == {"pl_podstawowa", "pl_technikum"}  # as revision 0004 had them
        conn.execute(text("INSERT INTO schools (name, school_type_id) "
                          "SELECT 'Technikum Mechaniczne', id FROM school_types WHERE code = 'pl_technikum'"))
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with store.engine.connect() as conn:
        forms = {row.code: row for row in conn.execute(text("SELECT * FROM school_forms"))}
        school_form = conn.execute(text("SELECT f.code FROM schools s JOIN school_forms f "
                                        "ON f.id = s.school_type_id")).scalar_one()
    store.close()
    assert set(forms) == {"pl_podstawowa", "pl_technikum", "pl_branzowa", "pl_liceum"}
    assert school_form == "pl_technikum"
    technikum = forms["pl_technikum"]
    assert (technikum.short, technikum.mentor_pl, technikum.placement_pl) == ("T", "wychowawca", "praktyka zawodowa")
    assert (technikum.youngest, technikum.oldest) == (15, 20)
    assert forms["pl_branzowa"].name_pl == "Branżowa szkoła I stopnia (1–3)"


def test_a_russian_college_is_a_college_with_groups_and_a_curator(tmp_path):
    store = open_store(tmp_path / "ru.sqlite", create=True)
    with store.session() as s:
        initialise(s, profile_code="ru")
    with store.engine.connect() as conn:
        college = conn.execute(text("SELECT * FROM school_forms WHERE code = 'ru_college'")).one()
    store.close()
    assert (college.group_ru, college.grade_ru, college.school_ru, college.mentor_ru) == (
        "группа", "курс", "колледж", "куратор")
