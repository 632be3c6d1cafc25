"""Revision 0004 (clusters): a class's patron becomes an agreement; members keep their role in the country's words."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from coordinator.store import alembic_config, open_store


def test_patrons_and_members_of_an_older_database_survive_the_upgrade(empty_db):
    store = open_store(empty_db)
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO organisations (id, kind, name, country, places_offered) "
                          "VALUES (1, 'company', 'Verkstad AB', 'SE', 0)"))
        conn.execute(text("INSERT INTO networks (id, name) VALUES (1, 'Teknikcollege')"))
        conn.execute(text("INSERT INTO organisations (id, kind, name, country, places_offered) "
                          "VALUES (2, 'company', 'Bygg AB', 'SE', 0)"))
        conn.execute(text("INSERT INTO network_members (network_id, organisation_id, role, active) "
                          "VALUES (1, 1, 'leader', 1), (1, 2, 'observer', 0)"))
        conn.execute(text("INSERT INTO school_types (id, code, name, country, grades, compulsory, "
                          "placement_grades, required_placement_days) VALUES (99, 'x', 'X', 'SE', '1', 0, '', 0)"))
        conn.execute(text("INSERT INTO schools (id, name, school_type_id) VALUES (1, 'Skolan', 99)"))
        conn.execute(text("INSERT INTO classes (school_id, school_year_id, grade, name, patron_organisation_id) "
                          "SELECT 1, id, '1', 'TE1', 1 FROM school_years LIMIT 1"))
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with store.engine.connect() as conn:
        agreement = conn.execute(text("SELECT kind, organisation_id, school_id FROM agreements")).one()
        roles = conn.execute(text("SELECT r.name, m.left_on IS NOT NULL FROM network_members m "
                                  "JOIN member_roles r ON r.id = m.role_id ORDER BY m.organisation_id")).all()
    store.close()
    assert tuple(agreement) == ("patron_class", 1, 1)
    assert [tuple(r) for r in roles] == [("huvudman", 0), ("partner", 1)]  # an inactive observer has left
