"""The team roles of a PostgreSQL database: grants and row-level security that the server itself enforces.

Two group roles per database, `<db>_coordinator` (reads and writes everything) and `<db>_headteacher`
(reads their own school's classes, pupils without a protected identity, activities and indicators;
writes only the notes of their school's indicators). A login is a member of one of them; a
headteacher's school is held in `team.members`, which only the server's functions read.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Tables a headteacher may read whole: reference data that names no pupil.
OPEN_TABLES = ("alembic_version", "school_forms", "programmes", "placement_requirements", "school_years",
               "sectors", "settings", "sector_dominance", "organisations", "member_roles", "indicator_values",
               # working life and the cluster: people at employers, agreements, projects (no pupil in them)
               "contacts", "contact_log", "agreements", "networks", "network_members", "projects",
               "budget_lines", "costs", "funding_sources", "offers", "trainings", "meetings")
# Tables a headteacher may read row by row: the condition a row must meet.
SCHOOL_ROWS = {
    "schools": "id = team.my_school()",
    "classes": "school_id = team.my_school()",
    "teachers": "school_id = team.my_school()",
    "enrolments": "team.my_class(class_id)",
    "pupils": "team.my_pupil(id)",
    "placements": "team.my_pupil(pupil_id)",
    "study_visit_classes": "team.my_class(class_id)",
    "study_visit_participants": "team.my_pupil(pupil_id)",
    "study_visits": "EXISTS (SELECT 1 FROM study_visit_classes c WHERE c.study_visit_id = id)",
    "encounter_classes": "team.my_class(class_id)",
    "encounter_participants": "team.my_pupil(pupil_id)",
    "encounters": "EXISTS (SELECT 1 FROM encounter_classes c WHERE c.encounter_id = id)",
    "indicators": "school_id IS NULL OR school_id = team.my_school()",
    "action_plans": "school_id IS NULL OR school_id = team.my_school()",
    "goals": "EXISTS (SELECT 1 FROM action_plans p WHERE p.id = plan_id)",
    "actions": "EXISTS (SELECT 1 FROM goals g WHERE g.id = goal_id)",
    "action_activities": "EXISTS (SELECT 1 FROM actions a WHERE a.id = action_id)",
    "wishes": "team.my_pupil(pupil_id)",
    "choices": "team.my_pupil(pupil_id)",
    "destinations": "team.my_pupil(pupil_id)",
    "training_teachers": "EXISTS (SELECT 1 FROM teachers t WHERE t.id = teacher_id)",
    "study_visit_teachers": "EXISTS (SELECT 1 FROM teachers t WHERE t.id = teacher_id)",
}

_FUNCTIONS = """
CREATE SCHEMA IF NOT EXISTS team;
CREATE TABLE IF NOT EXISTS team.members (
    login name PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('coordinator', 'headteacher')),
    school_id integer REFERENCES public.schools (id) ON DELETE CASCADE);
CREATE OR REPLACE FUNCTION team.my_school() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
    $$ SELECT school_id FROM team.members WHERE login = session_user $$;
CREATE OR REPLACE FUNCTION team.my_class(class integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
    $$ SELECT EXISTS (SELECT 1 FROM classes WHERE id = class AND school_id = team.my_school()) $$;
CREATE OR REPLACE FUNCTION team.my_pupil(pupil integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
    $$ SELECT EXISTS (SELECT 1 FROM pupils p JOIN enrolments e ON e.pupil_id = p.id
                      JOIN classes c ON c.id = e.class_id
                      WHERE p.id = pupil AND NOT p.protected_identity AND c.school_id = team.my_school()) $$;
REVOKE ALL ON SCHEMA team FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
"""


def group_roles(conn: Connection) -> tuple[str, str]:
    """The names of this database's coordinator and headteacher group roles."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    return f"{database}_coordinator", f"{database}_headteacher"


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def install_roles(conn: Connection) -> None:
    """Create (or bring up to date) the group roles, their grants and the row-level policies."""
    coordinator, headteacher = (_quote(conn, n) for n in group_roles(conn))
    for role in (coordinator, headteacher):
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                              {"r": role.strip('"')}).scalar()
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
    conn.exec_driver_sql(_FUNCTIONS)
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA team TO {coordinator}, {headteacher}")
    conn.exec_driver_sql(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {coordinator}")
    conn.exec_driver_sql(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {coordinator}")
    for table in OPEN_TABLES:
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {headteacher}")
    conn.exec_driver_sql(f"GRANT UPDATE (notes, updated_at, version) ON indicators TO {headteacher}")
    conn.exec_driver_sql(f"GRANT INSERT (action, table_name, record_id, fields) ON audit_log TO {headteacher}")
    # What changed (never who, nor which fields): the app refreshes what others changed.
    conn.exec_driver_sql(f"GRANT SELECT (id, action, table_name, record_id) ON audit_log TO {headteacher}")
    conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {headteacher}")
    for table, condition in SCHOOL_ROWS.items():
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {headteacher}")
        conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name in ("team_coordinator", "team_headteacher", "team_headteacher_notes"):
            conn.exec_driver_sql(f"DROP POLICY IF EXISTS {name} ON {table}")
        conn.exec_driver_sql(f"CREATE POLICY team_coordinator ON {table} TO {coordinator} "
                             "USING (true) WITH CHECK (true)")
        conn.exec_driver_sql(f"CREATE POLICY team_headteacher ON {table} FOR SELECT TO {headteacher} "
                             f"USING ({condition})")
    conn.exec_driver_sql(f"CREATE POLICY team_headteacher_notes ON indicators FOR UPDATE TO {headteacher} "
                         "USING (school_id = team.my_school()) WITH CHECK (school_id = team.my_school())")


def add_login(conn: Connection, name: str, *, role: str, school_id: int | None, password: str | None) -> None:
    """A new login in one group role; a headteacher's school is remembered for the policies."""
    coordinator, headteacher = group_roles(conn)
    group = _quote(conn, coordinator if role == "coordinator" else headteacher)
    login = _quote(conn, name)
    if password:
        literal = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar_one()
        conn.exec_driver_sql(f"CREATE ROLE {login} LOGIN PASSWORD {literal} IN ROLE {group}")
    else:
        conn.exec_driver_sql(f"CREATE ROLE {login} LOGIN IN ROLE {group}")
    conn.execute(text("INSERT INTO team.members (login, role, school_id) VALUES (:l, :r, :s)"),
                 {"l": name, "r": role, "s": school_id})


def login_exists(conn: Connection, name: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar())
